"""inventory gap and propose-target on a stored inventory: exit codes, JSON, CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.store import InventoryStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

runner = CliRunner()


@pytest.fixture(scope="module")
def stored(sample_batch, tmp_path_factory: pytest.TempPathFactory) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path_factory.mktemp('gapdb') / 'inventory.db'}"
    with InventoryStore(url) as store:
        store.import_batch(sample_batch)
    return url


def test_gap_json(stored: str) -> None:
    result = runner.invoke(
        app,
        [
            "--db",
            stored,
            "gap",
            "--target",
            str(SAMPLES / "target.yaml"),
            "--date",
            "2026-11-23",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    statuses = {row["block_id"]: row["status"] for row in data["matrix"]}
    assert statuses["hypervisor:hyper-v:2016"] == "eliminated"
    assert data["capacity_verdict"]["primary"] == "varnamo:DC1"
    assert data["total_cost"] > 0


def test_gap_text_and_municipality_filter(stored: str) -> None:
    result = runner.invoke(
        app,
        [
            "--db",
            stored,
            "gap",
            "--target",
            str(SAMPLES / "target.yaml"),
            "--date",
            "2026-11-23",
            "-m",
            "hylte",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Readiness" in result.stdout and "hylte:L-VMO" in result.stdout
    assert "gnosjo:" not in result.stdout


def test_gap_csv_one_file_per_table(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "gap"
    result = runner.invoke(
        app,
        [
            "--db",
            stored,
            "gap",
            "--target",
            str(SAMPLES / "target.yaml"),
            "--format",
            "csv",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert {p.stem for p in out.glob("*.csv")} >= {"matrix", "waves", "eol", "capacity"}
    assert "hypervisor:hyper-v:2016" in (out / "matrix.csv").read_text(encoding="utf-8")


def test_gap_invalid_target_exits_1_with_line(stored: str, tmp_path: Path) -> None:
    bad = tmp_path / "target.yaml"
    bad.write_text("name: x\nsla:\n  critical:\n    availability_percent: 120\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", stored, "gap", "--target", str(bad), "--format", "json"])
    assert result.exit_code == 1
    issues = json.loads(result.stdout)["issues"]
    assert issues[0]["line"] == 4 and issues[0]["code"] == "invalid-value"


def test_gap_usage_errors_exit_2(stored: str) -> None:
    result = runner.invoke(
        app,
        ["--db", stored, "gap", "--target", str(SAMPLES / "target.yaml"), "--date", "23/11/2026"],
    )
    assert result.exit_code == 2
    result = runner.invoke(
        app, ["--db", stored, "gap", "--target", str(SAMPLES / "target.yaml"), "--format", "csv"]
    )
    assert result.exit_code == 2


def test_propose_target_writes_a_loadable_file(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "proposed.yaml"
    result = runner.invoke(
        app,
        [
            "--db",
            stored,
            "propose-target",
            "--out",
            str(out),
            "--date",
            "2026-11-23",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["target"]["capabilities"]["hypervisor"]["products"][0]["product"] != (
        "Microsoft Hyper-V"
    )
    rerun = runner.invoke(
        app,
        ["--db", stored, "gap", "--target", str(out), "--format", "json", "--date", "2026-11-23"],
    )
    assert rerun.exit_code == 0, rerun.output
