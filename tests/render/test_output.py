"""Report files: written whole, with the permissions any other file would get."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from inventory.render.document import ReportDocument
from inventory.render.output import write_file_atomically, write_report


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_report_files_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    written = write_report(ReportDocument(title="Samlad rapport"), tmp_path, formats=("json", "md"))
    assert {fmt: _mode(path) for fmt, path in written.items()} == {"json": 0o644, "md": 0o644}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "report.md"]
    assert "Samlad rapport" in written["md"].read_text(encoding="utf-8")


def test_rewriting_a_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "report.html"
    target.write_text("old")
    target.chmod(0o640)
    write_file_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
