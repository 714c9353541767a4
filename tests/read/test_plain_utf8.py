"""``is_plain_utf8``: valid UTF-8 without a byte-order mark, as Python's codec says
(ASCII is taken at once; other bytes are validated by Arrow), on bytes and on a map."""

from __future__ import annotations

import codecs
import mmap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.read.encoding import is_plain_utf8

PIECES = st.sampled_from(
    [
        b"id,name\n",
        b"a",
        b"\x00",
        b"\x7f",
        "ä".encode(),
        "€".encode(),
        "😀".encode(),
        b"\xc3",  # a cut sequence
        b"\xe2\x82",
        b"\xc0\xaf",  # overlong
        b"\xed\xa0\x80",  # a surrogate
        b"\xf4\x90\x80\x80",  # past U+10FFFF
        b"\xff",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        codecs.BOM_UTF16_BE,
    ]
)


def _reference(raw: bytes) -> bool:
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(PIECES, max_size=12),
    ascii_text=st.text(alphabet=st.characters(max_codepoint=127)),
)
def test_plain_utf8_as_the_codec(pieces: list[bytes], ascii_text: str) -> None:
    raw = b"".join(pieces)
    assert is_plain_utf8(raw) == _reference(raw)
    plain = ascii_text.encode("ascii")
    assert is_plain_utf8(plain) is True
    assert is_plain_utf8(plain + raw) == _reference(plain + raw)


def test_plain_utf8_of_a_map(tmp_path: Path) -> None:
    for raw in (
        b"id,name\na,b\n",
        "id,namn\nå,ä\n".encode(),
        b"id\n\xff\n",
        codecs.BOM_UTF8 + b"x",
    ):
        path = tmp_path / "file.csv"
        path.write_bytes(raw)
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as m:
            assert is_plain_utf8(m) == _reference(raw)
