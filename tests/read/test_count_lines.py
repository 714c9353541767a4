"""``_count_lines``: the lines of a file's data after an offset (the last may lack its
line end), counted with ``bytes.count`` for short data and numpy for longer data (in
steps), against an independent count: ``readlines`` of the bytes."""

from __future__ import annotations

import io
import mmap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.read import delimited

PIECES = st.sampled_from([b"a", b"bc,d", b"\n", b"\r\n", b"\r", b'"', b"\xc3\xa4", b"\n\n"])


def _reference(data: bytes, offset: int) -> int:
    return len(io.BytesIO(data[offset:]).readlines())


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(PIECES, max_size=120),
    cut=st.integers(0, 400),
    step=st.sampled_from([1, 2, 3, 7, 64, 1 << 22]),
    by_bytes=st.sampled_from([0, 5, 1 << 13]),
)
def test_count_lines_as_readlines(pieces: list[bytes], cut: int, step: int, by_bytes: int) -> None:
    data = b"".join(pieces)
    offset = min(cut, len(data))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delimited, "_COUNT_STEP", step)
        patch.setattr(delimited, "_COUNTED_BY_BYTES", by_bytes)
        assert delimited._count_lines(data, offset) == _reference(data, offset)


@pytest.mark.parametrize("size", [0, 1, 8191, 8192, 8193, 100_000])
@pytest.mark.parametrize("last", [b"\n", b"x"])
def test_count_lines_of_long_data_and_maps(tmp_path: Path, size: int, last: bytes) -> None:
    data = (b"C0000001,laptop,Dell\n" * (size // 21 + 1))[:size] + last
    for offset in sorted({min(at, len(data)) for at in (0, 1, 21, len(data) // 2, len(data))}):
        expected = _reference(data, offset)
        assert delimited._count_lines(data, offset) == expected
        path = tmp_path / "data.csv"
        path.write_bytes(data)
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as m:
            assert delimited._count_lines(m, offset) == expected
