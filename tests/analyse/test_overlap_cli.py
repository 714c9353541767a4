"""``inventory overlap`` end to end on a database holding the samples."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.helpers import run_cli
from tests.helpers import run_cli_raising as run


def test_overlap_as_json(samples_db: str) -> None:
    result = run(samples_db, "overlap", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["municipalities"] == ["gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo"]
    assert data["similarity"]["hylte"]["hylte"] == 1.0
    directory = next(row for row in data["harmonisation"] if row["capability"] == "directory")
    assert directory["top_share"] == 1.0


def test_one_table_as_csv_on_standard_output(samples_db: str) -> None:
    result = run(
        samples_db,
        "overlap",
        "-m",
        "gnosjo",
        "-m",
        "hylte",
        "--format",
        "csv",
        "--table",
        "shared_applications",
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    heroma = [row for row in rows if row["municipalities"] == "gnosjo, hylte"]
    assert heroma and all(row["municipality_count"] == "2" for row in rows)


def test_every_table_into_a_folder(samples_db: str, tmp_path: Path) -> None:
    result = run(samples_db, "overlap", "--format", "csv", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "o").iterdir()) == [
        "harmonisation.csv",
        "products.csv",
        "shared_applications.csv",
        "similarity.csv",
        "usage.csv",
    ]


def test_text_tables(samples_db: str) -> None:
    result = run(samples_db, "overlap")
    assert result.exit_code == 0, result.output
    for title in (
        "Similarity",
        "Harmonisation index per capability",
        "Products per capability",
        "Business applications used by several",
    ):
        assert title in result.output


def test_out_without_csv_is_a_usage_error(samples_db: str, tmp_path: Path) -> None:
    result = run_cli(samples_db, "overlap", "--out", str(tmp_path))
    assert result.exit_code == 2
