"""Columns of a large table are parsed on threads: the same frames, issues and order."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import inventory.validate.records as records
from inventory.validate import validate_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _outcome(
    folder: Path,
) -> tuple[dict[tuple[str, str], pd.DataFrame], list[dict[str, object]], pd.DataFrame]:
    batch = validate_paths([folder])
    frames = {
        (m.code, kind): table.frame
        for m in batch.municipalities
        for kind, table in m.tables.items()
    }
    return frames, [issue.model_dump() for issue in batch.report.issues], batch.references


def test_threaded_parse_matches_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "vaggeryd"
    folder.mkdir()
    for source in (SAMPLES / "vaggeryd").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    servers = folder / "servers.csv"  # rows with issues in several columns
    lines = servers.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    lines.append(",".join(["", *cells[1:-2], "2021-13-45", *cells[-1:]]))
    lines.append(",".join([cells[0], *cells[1:10], "many", *cells[11:]]))
    servers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frames, issues, references = _outcome(folder)
    monkeypatch.setattr(records, "_THREADED_FROM_ROWS", 1)
    threaded_frames, threaded_issues, threaded_references = _outcome(folder)
    assert threaded_issues == issues and issues
    assert threaded_frames.keys() == frames.keys()
    for key, frame in frames.items():
        pd.testing.assert_frame_equal(threaded_frames[key], frame)
    pd.testing.assert_frame_equal(threaded_references, references)
