"""``run_demo`` end to end: files written, headline figures agree with the store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.demo import run_demo
from inventory.store import InventoryStore


def test_run_demo_writes_reports_consistent_with_the_store(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    (out).mkdir()
    (out / "inventory.db").write_bytes(b"stale, not a database")  # must be replaced
    result = run_demo(out, as_of=dt.date(2025, 6, 1))
    for name in ("report.html", "report.xlsx", "report.md", "report.json", "inventory.db"):
        assert (out / name).is_file(), name
    assert (out / "diagrams" / "network.svg").is_file()
    assert (out / "diagrams" / "network.dot").is_file()
    with InventoryStore(result.database_url) as store:
        counts = store.stats()
        snapshot = store.snapshot()
    assert result.figures["municipalities"] == len(snapshot.municipalities) == 5
    assert result.figures["servers"] == len(snapshot.table("server"))
    assert result.figures["applications"] == len(snapshot.table("application"))
    devices = int(pd.to_numeric(snapshot.table("client")["quantity"], errors="coerce")
                  .fillna(1).sum())
    assert result.figures["client_devices"] == devices
    assert result.stored_records == sum(
        len(snapshot.table(kind)) for kind in snapshot.tables if kind != "municipality")
    assert counts  # the store reports what the demo imported
    readiness = result.figures["readiness"]
    assert readiness is not None and 0 < readiness < 1
    assert (result.figures["cost"] or 0) > 0 and (result.figures["effort_hours"] or 0) > 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    key_figures = report["sections"][0]["blocks"][1]["figures"]
    assert [f["value"] for f in key_figures][:3] == [5, result.figures["population"],
                                                     result.figures["servers"]]


def test_demo_command_prints_where_and_the_headline(tmp_path: Path) -> None:
    out = tmp_path / "out"
    outcome = CliRunner().invoke(app, ["demo", "--out", str(out), "--format", "json"])
    assert outcome.exit_code == 0, outcome.output
    printed = json.loads(outcome.output)
    assert printed["reports"]["html"] == str(out / "report.html")
    assert printed["figures"]["municipalities"] == 5
