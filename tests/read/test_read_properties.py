"""Property tests: the reader never raises, and text written as CSV reads back unchanged."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.read import map_headers, read_table

PIECES = [
    '"',
    '""',
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x00",
    "å",
    "Ø",
    "x",
    "id",
    "kind",
    "hostname",
    " ",
    "\u00a0",
    "\u200b",
    "#",
    "sep=;",
    "\ufeff",
    "1,5",
    "NA",
    "PK\x03\x04",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
ROUND_TRIP_ENCODINGS = ["utf-8", "utf-8-sig", "cp1252"]
# cp1252 letters none of which can form a UTF-8 sequence, so the encoding is unambiguous
NORDIC = "åäöÅÄÖæøÆØéü"
SAFE_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
CELL_CHARACTERS = st.one_of(
    SAFE_CHARACTERS, st.sampled_from(["\n", "\r", "\t", '"', ",", ";", " "])
)


def read_bytes(data: bytes, suffix: str = ".csv") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"servers{suffix}"
        path.write_bytes(data)
        table, issues = read_table(path, "server", "testby", max_field_chars=200)
        assert all(issue.file == str(path) for issue in issues)
        if table is None:
            assert issues
            return
        assert len(table.lines) == len(table.cells)
        assert list(table.cells.columns) == [str(i) for i in range(len(table.header))]
        assert all(a < b for a, b in zip(table.lines, table.lines[1:], strict=False))
        assert all(line > table.header_line for line in table.lines)
        map_headers(table)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(data: bytes) -> None:
    read_bytes(data)


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=500))
def test_random_bytes_as_xlsx_never_raise(data: bytes) -> None:
    read_bytes(data, ".xlsx")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.sampled_from(ENCODINGS))
def test_mangled_csv_never_raises(pieces: list[str], encoding: str) -> None:
    read_bytes("".join(pieces).encode(encoding, errors="replace"))


def cell_text(encoding: str) -> st.SearchStrategy[str]:
    if encoding == "cp1252":
        alphabet = st.one_of(
            st.characters(min_codepoint=32, max_codepoint=126),
            st.sampled_from([*NORDIC, "\n", "\r", "\t"]),
        )
        return st.text(alphabet, max_size=12)
    return st.text(CELL_CHARACTERS, max_size=12)


@st.composite
def written_tables(draw: st.DrawFn) -> tuple[bytes, list[list[str]], list[int], str]:
    encoding = draw(st.sampled_from(ROUND_TRIP_ENCODINGS))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    quoting: Literal[0, 1] = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    # csv.writer quotes only the characters of its line terminator: a bare "\r" in a
    # cell stays unquoted with "\n" (a corrupt file), so "\n" goes with QUOTE_ALL only.
    terminator = draw(st.sampled_from(["\n", "\r\n"] if quoting == csv.QUOTE_ALL else ["\r\n"]))
    width = draw(st.integers(min_value=2, max_value=5))
    rows = [
        [
            f"srv{number}",
            *draw(st.lists(cell_text(encoding), min_size=width - 1, max_size=width - 1)),
        ]
        for number in range(draw(st.integers(min_value=0, max_value=8)))
    ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=terminator)
    writer.writerow(["id", "hostname", "kind", "site", "role"][:width])
    lines = []
    for row in rows:
        lines.append(len(re.findall(r"\r\n|\r|\n", buffer.getvalue())) + 1)
        writer.writerow(row)
    return buffer.getvalue().encode(encoding), rows, lines, delimiter


@settings(max_examples=100, deadline=None)
@given(written_tables())
def test_round_trip(written: tuple[bytes, list[list[str]], list[int], str]) -> None:
    data, rows, lines, delimiter = written
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "servers.csv"
        path.write_bytes(data)
        table, issues = read_table(path, "server", "testby")
    assert table is not None, issues
    assert table.delimiter == delimiter
    assert table.cells.values.tolist() == rows
    assert table.lines == lines
    assert [i.code.value for i in issues if i.code.value != "encoding-detected"] == (
        [] if rows else ["header-only"]
    )
