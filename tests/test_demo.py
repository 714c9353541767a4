"""``run_demo`` end to end: files written, headline figures agree with the store."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.demo import run_demo
from inventory.store import InventoryStore

REPO = Path(__file__).resolve().parents[1]


def test_run_demo_writes_reports_consistent_with_the_store(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run_demo(out, as_of=dt.date(2025, 6, 1))
    result = run_demo(out, as_of=dt.date(2025, 6, 1))  # its own database is replaced
    for name in ("report.html", "report.xlsx", "report.md", "report.json", "demo.db"):
        assert (out / name).is_file(), name
    assert (out / "diagrams" / "network.svg").is_file()
    assert (out / "diagrams" / "network.dot").is_file()
    with InventoryStore(result.database_url) as store:
        counts = store.stats()
        snapshot = store.snapshot()
    assert result.figures["municipalities"] == len(snapshot.municipalities) == 5
    assert result.figures["servers"] == len(snapshot.table("server"))
    assert result.figures["applications"] == len(snapshot.table("application"))
    devices = int(
        pd.to_numeric(snapshot.table("client")["quantity"], errors="coerce").fillna(1).sum()
    )
    assert result.figures["client_devices"] == devices
    assert result.stored_records == sum(
        len(snapshot.table(kind)) for kind in snapshot.tables if kind != "municipality"
    )
    assert counts  # the store reports what the demo imported
    readiness = result.figures["readiness"]
    assert readiness is not None and 0 < readiness < 1
    assert (result.figures["cost"] or 0) > 0 and (result.figures["effort_hours"] or 0) > 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    # the board's cards first (recommendation, cost, saving, payback, first wave), then the
    # inventory's own figures
    cards = [
        block["figures"]
        for block in report["sections"][0]["blocks"]
        if block["kind"] == "key_figures"
    ]
    assert len(cards) == 2 and len(cards[0]) == 5
    assert [f["value"] for f in cards[1]][:3] == [
        5,
        result.figures["population"],
        result.figures["servers"],
    ]
    # the payback card and the figures the command prints say the same year
    payback = cards[0][3]["value"]
    if result.figures["payback_calendar_year"] is not None:
        assert payback == result.figures["payback_calendar_year"]
        assert "payback_after_year" not in result.figures
    else:  # past the cash flow's last year: "after YEAR" on the card and in the terminal
        assert payback == f"after {result.figures['payback_after_year']}"


def test_demo_command_prints_where_and_the_headline(tmp_path: Path) -> None:
    out = tmp_path / "out"
    outcome = CliRunner().invoke(app, ["demo", "--out", str(out), "--format", "json"])
    assert outcome.exit_code == 0, outcome.output
    printed = json.loads(outcome.output)
    assert printed["reports"]["html"] == str(out / "report.html")
    assert printed["figures"]["municipalities"] == 5


def test_demo_never_replaces_a_database_it_did_not_write(tmp_path: Path) -> None:
    """``demo --out .`` beside a user's store: the user's databases stay byte-identical."""
    users = tmp_path / "inventory.db"
    outcome = CliRunner().invoke(
        app,
        [
            "--db",
            f"sqlite:///{users}",
            "import",
            str(REPO / "samples" / "gnosjo"),
            str(REPO / "samples" / "gislaved"),
            str(REPO / "samples" / "varnamo"),
        ],
    )
    assert outcome.exit_code == 0, outcome.output
    other = tmp_path / "demo.db"
    other.write_bytes(b"somebody's notes, not a database")
    before = {path.name: path.read_bytes() for path in (users, other)}
    outcome = CliRunner().invoke(app, ["demo", "--out", str(tmp_path)])
    assert outcome.exit_code == 1
    assert "is not a database the demo wrote" in str(outcome.exception)
    assert {path.name: path.read_bytes() for path in (users, other)} == before
    assert not (tmp_path / "report.html").exists()


def test_demo_prints_money_in_the_targets_currency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A target in NOK: the demo's one-time cost and saving are in NOK, never SEK."""
    samples = tmp_path / "samples"
    shutil.copytree(REPO / "samples", samples)
    target = samples / "target.yaml"
    text = target.read_text(encoding="utf-8")
    assert "\ncurrency: SEK\n" in text
    target.write_text(text.replace("\ncurrency: SEK\n", "\ncurrency: NOK\n"), encoding="utf-8")
    monkeypatch.setattr("inventory.demo.find_samples", lambda: samples)
    outcome = CliRunner().invoke(
        app, ["--lang", "en", "demo", "--out", str(tmp_path / "out")], env={"COLUMNS": "200"}
    )
    assert outcome.exit_code == 0, outcome.output
    money = [
        line
        for line in outcome.stdout.splitlines()
        if line.strip().startswith(("one-time cost", "yearly saving"))
    ]
    assert len(money) == 2, outcome.stdout
    assert "MNOK" in money[0], money  # the one-time cost as a range in the target's currency
    # samples/study/it-costs.yaml states today's costs in SEK: no saving in NOK is made up
    assert money[1].split() == ["yearly", "saving", "-"], money
    assert "SEK" not in outcome.stdout
