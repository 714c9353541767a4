"""Every end-of-life asset is dealt with: an item of the plan removes it, a sequencing rule
dropped its work with a reason, or the decision needed is listed (gap/eol_plan.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

from inventory.gap.eol import EXPOSED_STATES
from inventory.gap.eol_plan import DECISIONS, REMOVING
from inventory.gap.result import GapReport, compute_gap
from inventory.messages import Message, message_text
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)  # horizon 12 months: 2027-11-23
M = "testby"
EFFORTS = {
    "physical_server_migration_hours": 20,
    "virtual_server_migration_hours": 4,
    "os_upgrade_hours": 6,
    "hourly_rate": 1000,
}


def test_every_end_of_life_asset_of_the_samples_is_dealt_with(gap_report: GapReport) -> None:
    plan = gap_report.eol_plan
    eol = gap_report.eol
    # one row per exposed asset: as many devices as the end-of-life table sums
    assert set(plan["lifecycle_state"]) <= set(EXPOSED_STATES)
    assert len(plan) > 0 and plan["outcome"].isin(["item", "dropped", "decision"]).all()
    items = gap_report.items.set_index("item_id")
    for row in plan.itertuples(index=False):
        if row.outcome == "item":
            assert row.action in REMOVING[str(row.kind)], row
            if row.item_id:  # the item exists, on that asset (or its fleet)
                item = items.loc[str(row.item_id)]
                assert item["action"] == row.action
                on = {
                    str(item["asset"]).removeprefix("joint: "),
                    ":".join(str(item["node"]).split(":")[::2]),
                }
                assert row.asset in on, (row.asset, on)
        elif row.outcome == "dropped":
            dropped = gap_report.dropped
            assert row.asset in set(dropped["asset"]) and row.reason in set(dropped["rule"])
        else:
            assert row.reason in DECISIONS and isinstance(row.reason_message, Message)
    # every server, platform and storage system of the end-of-life table is in the plan check
    single = eol[~eol["kind"].isin(["client", "network_device"])]
    assert set(single["asset"]) <= set(plan["asset"])
    # the samples leave no end-of-life asset without an item or a dropped reason
    assert (plan["outcome"] != "decision").all()


def test_the_samples_citrix_and_worn_out_physical_server(gap_report: GapReport) -> None:
    plan = gap_report.eol_plan.set_index("asset")
    # Värnamo's Citrix 2203 is the joint instance, rebuilt on the target's release
    assert plan.at["varnamo:p-citrix", "action"] == "platform_upgrade"
    items = gap_report.items
    # Gnosjö's srv-procapita01 (hardware support ended 2020-09-14) is not trucked over
    procapita = items[items["asset"] == "gnosjo:srv-procapita01"]
    assert "physical_server_migration" not in set(procapita["action"])
    p2v = procapita[procapita["action"] == "virtual_server_migration"]
    assert len(p2v) == 1
    # at the target's physical_server_migration_hours (16 in samples/target.yaml): 1 x 16
    assert float(p2v["hours"].iloc[0]) == 1 * 16


def test_risk_register_shows_the_wave_of_the_joint_citrix(gap_report: GapReport) -> None:
    from inventory.report.risk_register import risk_register

    citrix = [
        e
        for e in risk_register(gap_report)
        if e.risk_class == "eol" and "Citrix" in str(e.params.get("products"))
    ]
    assert citrix and all(entry.wave is not None for entry in citrix)
    assert "varnamo" in {code for e in citrix for code in e.params["municipalities"]}
    spof = [
        e
        for e in risk_register(gap_report)
        if e.risk_class == "single_point"
        and e.params["server"] == "srv-procapita01"
        and "gnosjo" in e.params["municipalities"]
    ]
    assert spof and spof[0].wave is not None  # re-platformed onto the clusters


def _server(
    key: str, site: str, warranty_end: dt.date, version: str = "2022", role: str = "application"
) -> dict[str, Any]:
    return {
        "municipality": M,
        "id": key,
        "kind": "physical",
        "site": site,
        "role": role,
        "os_product": "Windows Server",
        "os_version": version,
        "warranty_end": warranty_end,
    }


@pytest.fixture(scope="module")
def small() -> GapReport:
    """One asset per path: a worn-out physical server at a site given up (re-platformed),
    a sound one there (moved), an OS past its end (upgraded), a backup product on the
    target's own minimum release that ends within the horizon (a decision)."""
    snapshot = build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Testby", "country": "SE"}],
            "site": [
                {"municipality": M, "id": "OLD", "name": "Old room", "kind": "datacentre"},
                {"municipality": M, "id": "NEW", "name": "New DC", "kind": "datacentre"},
            ],
            "server": [
                _server("srv-worn", "OLD", dt.date(2020, 9, 14)),  # support ended: re-platformed
                _server("srv-sound", "OLD", dt.date(2030, 1, 1)),  # moved as it is
                _server("srv-2012", "NEW", dt.date(2030, 1, 1), version="2012 R2"),  # OS past EOL
            ],
            "platform": [
                {
                    "municipality": M,
                    "id": "p-backup",
                    "capability": "backup",
                    "product": "Veeam Backup & Replication",
                    "vendor": "Veeam",
                    "version": "12",
                }
            ],
        }
    )
    target = TargetArchitecture.model_validate(
        {
            "name": "eol plan",
            "lifecycle": {"horizon_months": 12},
            "efforts": EFFORTS,
            "server_os": [
                {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"}
            ],
            "capabilities": {
                "backup": {
                    "products": [
                        {
                            "product": "Veeam Backup & Replication",
                            "vendor": "Veeam",
                            "min_version": "12",
                        }
                    ]
                }
            },
            "datacentres": {"primary": f"{M}:NEW"},
        }
    )  # OLD is given up
    return compute_gap(snapshot, target, as_of=AS_OF)


def test_small_inventory_items_and_hours_by_hand(small: GapReport) -> None:
    items = small.items.set_index(["asset", "action"])
    # the worn-out server: 1 x physical_server_migration_hours (20) onto the clusters
    assert items.at[(f"{M}:srv-worn", "virtual_server_migration"), "hours"] == 1 * 20
    assert items.at[(f"{M}:srv-worn", "virtual_server_migration"), "cost"] == 20 * 1000
    assert (f"{M}:srv-worn", "physical_server_migration") not in items.index
    # the sound one is moved as it is: 1 x 20
    assert items.at[(f"{M}:srv-sound", "physical_server_migration"), "hours"] == 1 * 20
    # Windows Server 2012 R2 (past its end): 1 x os_upgrade_hours (6)
    assert items.at[(f"{M}:srv-2012", "os_upgrade"), "hours"] == 1 * 6


def test_small_inventory_decision_is_listed_and_noted(small: GapReport) -> None:
    plan = small.eol_plan.set_index("asset")
    assert plan.at[f"{M}:srv-2012", "outcome"] == "item"
    assert plan.at[f"{M}:srv-2012", "action"] == "os_upgrade"
    # Veeam 12 is the target's own minimum and ends within the horizon: nothing upgrades
    # it, so the board must raise the minimum; said in the row and in the notes
    backup = plan.loc[f"{M}:p-backup"]
    assert (backup["outcome"], backup["reason"]) == ("decision", "target_minimum_ends")
    notes = [
        n for n in small.notes if isinstance(n, Message) and n.key == "eol.note.target_minimum_ends"
    ]
    assert len(notes) == 1 and notes[0].params["count"] == 1
    assert "höj" in message_text(notes[0], "sv")
    reason = plan.at[f"{M}:p-backup", "reason_message"]
    assert isinstance(reason, Message)
    assert "hev laveste versjon" in message_text(reason, "no")


def test_nothing_exposed_gives_an_empty_plan_check() -> None:
    from inventory.gap.eol_plan import eol_plan

    empty = pd.DataFrame(
        {
            "municipality": [],
            "kind": [],
            "record_id": [],
            "node": [],
            "capability": [],
            "block_id": [],
            "title": [],
            "cycle": [],
            "lifecycle_state": [],
        }
    )
    table = eol_plan(
        empty,
        pd.DataFrame({"block_id": [], "status": [], "reason": []}),
        pd.DataFrame(),
        pd.DataFrame(),
    )
    assert table.empty and "outcome" in table.columns
