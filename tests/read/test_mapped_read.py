"""Large files are memory-mapped and decoded lazily: they must read exactly like small ones."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import inventory.read.delimited as delimited
from inventory.read import SourceTable, read_table

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"
PIECES = [
    '"',
    '""',
    ",",
    ";",
    "\n",
    "\r\n",
    "\r",
    "\x00",
    "å",
    "ø",
    "€",
    "𝄞",
    "x",
    "id",
    "kind",
    "hostname",
    " ",
    "\u00a0",
    "\ufeff",
    "\u2028",
    "sep=;",
]


def outcome(path: Path) -> tuple[Any, ...]:
    table, issues = read_table(path, "server", "testby", max_field_chars=200)
    return _table(table), [issue.model_dump() for issue in issues]


def _table(table: SourceTable | None) -> Any:
    if table is None:
        return None
    return (
        table.cells.to_numpy().tolist(),
        table.lines,
        table.header,
        table.header_line,
        table.encoding,
        table.delimiter,
        table.sha256,
        table.blank_rows_skipped,
    )


def mapped_and_copied(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    copied = outcome(path)
    with monkeypatch.context() as patch:
        patch.setattr(delimited, "MAP_FROM_BYTES", 1)  # every non-empty file is mapped
        mapped = outcome(path)
    return mapped, copied


@pytest.mark.parametrize(
    "path", sorted(p for p in BROKEN.iterdir() if p.suffix != ".py"), ids=lambda p: p.name
)
def test_broken_files_read_the_same_mapped(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mapped, copied = mapped_and_copied(path, monkeypatch)
    assert mapped == copied


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=60),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_any_bytes_read_the_same_mapped(pieces: list[str], encoding: str) -> None:
    data = "".join(pieces).encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        path = Path(folder) / "servers.csv"
        path.write_bytes(data)
        copied = outcome(path)
        patch.setattr(delimited, "MAP_FROM_BYTES", 1)
        assert outcome(path) == copied


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from('ab\n\r"åø€𝄞\u00a0;')), st.integers(0, 40))
def test_lazy_text_head_is_a_prefix_of_the_text(text: str, chars: int) -> None:
    lazy = delimited._Text(utf8=text.encode("utf-8"))
    assert lazy.head(chars) == text[:chars]
    assert lazy.longer_than(chars) == (len(text) > chars)
    assert lazy.has_lone_cr() == ("\r" in text and text.count("\r") != text.count("\r\n"))
    assert lazy.full() == text


def test_a_header_longer_than_the_first_read_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delimited, "HEAD_CHARS", 8)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "servers.csv"
        path.write_bytes('id;"hostnåme\nhere";kind\nsrv01;värd;virtual\n'.encode())
        mapped, copied = mapped_and_copied(path, monkeypatch)
        assert mapped == copied
        table = copied[0]
        assert table[2] == ["id", "hostnåme\nhere", "kind"] and table[1] == [3]
