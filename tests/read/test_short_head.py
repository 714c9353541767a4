"""The dialect and the header row are first read from a short head of the file
(``_FIRST_HEAD_CHARS``) and read again from the long one only when the lines read reach
its end: the same dialect and header (or issue) as read from the long head, whatever the
lines, quotes, line ends, title rows and blank lines around the short head's end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.read import delimited
from inventory.read.delimited import HEAD_CHARS, _dialect, _read_header_in, _Text
from inventory.read.limits import MAX_HEADER_CHARS

PIECES = st.sampled_from(
    [
        "id",
        "hostname",
        "kind",
        "Servers of Testby",
        "sep=;",
        "#TYPE x",
        ",",
        ";",
        "\t",
        '"',
        '"a,b"',
        "\n",
        "\r\n",
        "\r",
        " ",
        "ä",
        "x" * 7,
    ]
)


@settings(max_examples=500, deadline=None)
@given(
    pieces=st.lists(PIECES, max_size=40),
    short=st.integers(1, 60),
    kind=st.sampled_from(["server", "site"]),
    encoded=st.booleans(),
    export=st.booleans(),
)
def test_short_head_reads_as_the_long(
    pieces: list[str], short: int, kind: str, encoded: bool, export: bool
) -> None:
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_FIRST_HEAD_CHARS", short)
        made = _Text(utf8=text.encode()) if encoded else _Text(text)
        dialect = delimited._dialect_in(made)
        expected_dialect = _dialect(made.head(HEAD_CHARS))
        assert dialect == expected_dialect
        is_header = (lambda cells: "id" in cells) if export else None
        found = delimited._read_header(made, dialect, "f.csv", kind, is_header)
        expected, _ = _read_header_in(
            made, made.head(MAX_HEADER_CHARS), dialect, "f.csv", kind, is_header
        )
    assert found == expected
