"""Lifecycle exposure of the samples, and the ``inventory lifecycle`` command."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from inventory.analyse.lifecycle import LifecycleState
from inventory.analyse.lifecycle_report import lifecycle_exposure
from inventory.analyse.normalise import Normaliser
from inventory.cli.app import app
from inventory.snapshot import InventorySnapshot

AS_OF = dt.date(2026, 11, 23)


def test_end_of_life_products_of_the_samples(sample_snapshot: InventorySnapshot) -> None:
    exposure = lifecycle_exposure(sample_snapshot, Normaliser.default(), as_of=AS_OF)
    action = exposure.needing_action()
    past = action[action["lifecycle_state"] == "end_of_life"]
    cycles = set(zip(past["title"], past["kind"], strict=True))
    assert ("Windows Server", "server") in cycles  # 2012 R2 in Gnosjö and others
    assert ("VMware ESXi", "server") in cycles  # vaggeryd:esx01-03 run 6.7
    server_2012 = past[(past["title"] == "Windows Server") & (past["kind"] == "server")]
    assert any("gnosjo" in m.split(";") for m in server_2012["municipalities"])
    assert not any(
        "varnamo" in m.split(";") and c == "2012-r2"
        for m, c in zip(server_2012["municipalities"], server_2012["cycle"], strict=True)
    )
    # Clients count their devices, not their rows.
    clients = exposure.states[exposure.states["kind"] == "client"]
    assert clients["assets"].sum() == sample_snapshot.table("client")["quantity"].sum()
    assert exposure.assets_in_state(LifecycleState.END_OF_LIFE) > 0
    # Every product cycle is in exactly one state, ordered worst first.
    ranks = [
        ("end_of_life", "ending", "supported", "evergreen", "unknown").index(state)
        for state in exposure.products["lifecycle_state"]
    ]
    assert ranks == sorted(ranks)


def test_a_later_date_moves_cycles_past_end_of_life(sample_snapshot: InventorySnapshot) -> None:
    normaliser = Normaliser.default()
    now = lifecycle_exposure(sample_snapshot, normaliser, as_of=AS_OF)
    later = lifecycle_exposure(sample_snapshot, normaliser, as_of=dt.date(2030, 1, 1))
    assert later.assets_in_state(LifecycleState.END_OF_LIFE) > now.assets_in_state(
        LifecycleState.END_OF_LIFE
    )


def test_lifecycle_command(samples_db: str) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["--db", samples_db, "lifecycle", "--date", "2026-11-23", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["as_of"] == "2026-11-23" and data["totals"]["end_of_life"] > 0
    text = runner.invoke(app, ["--db", samples_db, "lifecycle", "-m", "vaggeryd"])
    assert text.exit_code == 0 and "Past end of life or ending soon" in text.output
    table = runner.invoke(
        app,
        [
            "--db",
            samples_db,
            "lifecycle",
            "-m",
            "vaggeryd",
            "--date",
            "2026-11-23",
            "--format",
            "csv",
        ],
    )
    assert table.exit_code == 0
    assert "server,os,vmware-esxi,VMware ESXi,6.7,end_of_life" in table.output
    assert (
        runner.invoke(app, ["--db", samples_db, "lifecycle", "--date", "3/5/2024"]).exit_code == 2
    )
