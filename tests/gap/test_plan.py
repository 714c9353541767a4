"""The plan's arithmetic by hand: durations from effort and the team, dates from the start,
the critical path of a small precedence graph, and the work the rules drop."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd
import pytest

from inventory.analyse.graph import InventoryGraph
from inventory.gap.dependents import DependencyIndex
from inventory.gap.plan import (
    MERGED_DIRECTORY_REASON,
    critical_path,
    drop_superseded,
    item_urgency,
    package_weeks,
    plan_start,
    plan_weeks,
    schedule,
)
from inventory.target.economics import PlanFrame


def _items(rows: list[tuple[str, int, str, float]]) -> pd.DataFrame:
    """Items (id, wave, domain, hours) as the plan reads them."""
    return pd.DataFrame(
        {
            "item_id": [r[0] for r in rows],
            "wave": [r[1] for r in rows],
            "domain": [r[2] for r in rows],
            "hours": [r[3] for r in rows],
        }
    )


def test_weeks_are_hours_over_the_teams_yearly_hours() -> None:
    # 3,200 h, two people at 1,600 h a year each: 3,200 / (2 x 1,600) = 1 year = 52 weeks
    assert package_weeks(3200, 2, 1600) == 52
    # 100 h with 2.5 FTE at 1,600 h: 100 x 52 / (2.5 x 1,600) = 1.3 -> 2 whole weeks
    assert package_weeks(100, 2.5, 1600) == 2
    assert package_weeks(0, 1, 1600) == 0


def test_one_stream_one_package_takes_a_year() -> None:
    frame = PlanFrame(
        start=dt.date(2027, 1, 4), team_fte=2, hours_per_fte_year=1600, parallel_streams=1
    )
    plan = schedule(_items([("I1", 1, "datacentre", 3200.0)]), frame, as_of=dt.date(2026, 1, 1))
    row = plan.iloc[0]
    assert row["weeks"] == 52 and row["fte"] == 2.0
    assert row["start"] == dt.date(2027, 1, 4)
    assert row["end"] == dt.date(2027, 1, 4) + dt.timedelta(weeks=52)  # 2028-01-03
    assert bool(row["critical"])


def test_dates_follow_the_precedence_and_the_shared_team() -> None:
    # team 4 FTE at 1,300 h/year = 100 h a week; two streams
    frame = PlanFrame(
        start=dt.date(2027, 3, 1), team_fte=4, hours_per_fte_year=1300, parallel_streams=2
    )
    items = _items(
        [("I1", 1, "network", 200.0), ("I2", 1, "datacentre", 600.0), ("I3", 2, "platforms", 300.0)]
    )
    plan = schedule(
        items, frame, as_of=dt.date(2026, 1, 1), precedence=[("1:network", "2:platforms")]
    ).set_index("package")
    # weeks 1-4: P01 network (200 h) and P02 datacentre (600 h) get 50 h each: network
    # done at week 4, datacentre 400 h left
    # numbered by start: network and datacentre in week 0 (wave order), platforms later
    assert list(plan["name"]) == ["network", "datacentre", "platforms"]
    assert plan.loc["P01", "weeks"] == 4
    # P03 waits for network only (P01) and starts in week 5; datacentre and platforms get
    # 50 h each: platforms (300 h) done after 6 weeks (week 10), datacentre 100 h left,
    # done alone in week 11
    assert plan.loc["P03", "depends_on"] == "P01"
    assert plan.loc["P03", "start"] == dt.date(2027, 3, 1) + dt.timedelta(weeks=4)
    assert plan.loc["P03", "weeks"] == 6
    assert plan.loc["P03", "end"] == dt.date(2027, 3, 1) + dt.timedelta(weeks=10)
    assert plan.loc["P02", "weeks"] == 11
    # P03's average staff: 300 h over 6 weeks of 25 h per FTE (1,300 / 52) = 2 FTE
    assert plan.loc["P03", "fte"] == 2.0
    # the end (week 11) is set by datacentre, not network -> platforms (4 + 6 = 10 weeks)
    assert list(plan.index[plan["critical"]]) == ["P02"]
    assert plan_weeks(plan.reset_index()) == 11


def test_a_package_waiting_for_a_stream_follows_the_one_that_frees_it() -> None:
    frame = PlanFrame(
        start=dt.date(2027, 1, 4), team_fte=1, hours_per_fte_year=5200, parallel_streams=1
    )  # 100 h a week, one package at a time
    items = _items([("I1", 1, "network", 300.0), ("I2", 1, "clients", 500.0)])
    plan = schedule(items, frame, as_of=dt.date(2026, 1, 1)).set_index("package")
    assert plan.loc["P01", "weeks"] == 3 and plan.loc["P02", "weeks"] == 5
    assert plan.loc["P02", "start"] == dt.date(2027, 1, 4) + dt.timedelta(weeks=3)
    assert plan["critical"].all()  # 3 + 5 weeks: both on the path
    # no dependency between them: the chain is the stream, and the table says so
    assert plan.loc["P02", "depends_on"] == "" and plan.loc["P02", "waited_for"] == "P01"


def test_the_start_is_the_first_monday_after_the_report_date() -> None:
    frame = PlanFrame()
    assert plan_start(frame, dt.date(2026, 12, 3)) == dt.date(2026, 12, 7)  # a Thursday
    assert plan_start(frame, dt.date(2026, 12, 7)) == dt.date(2026, 12, 14)  # a Monday
    assert plan_start(PlanFrame(start=dt.date(2027, 2, 1)), dt.date(2026, 12, 3)) == dt.date(
        2027, 2, 1
    )


def test_the_critical_path_of_a_hand_made_graph() -> None:
    # a(2) -> b(5) -> d(1); a -> c(3) -> d; e(4) alone: a-b-d = 8 beats a-c-d = 6, e = 4
    weeks = {"a": 2.0, "b": 5.0, "c": 3.0, "d": 1.0, "e": 4.0}
    edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]
    assert critical_path(weeks, edges) == ["a", "b", "d"]
    assert critical_path({"x": 1.0, "y": 9.0}, []) == ["y"]


def _index(edges: list[tuple[str, str, str]], kinds: dict[str, str]) -> DependencyIndex:
    graph = nx.MultiDiGraph()
    for node, kind in kinds.items():
        graph.add_node(node, kind=kind)
    for source, target, key in edges:
        graph.add_edge(source, target, key=key)
    return DependencyIndex(InventoryGraph(graph))


def test_a_server_running_only_what_is_replaced_is_neither_moved_nor_upgraded() -> None:
    kinds = {
        "m:server:exch": "server",
        "m:platform:mail": "platform",
        "m:server:files": "server",
        "m:platform:fs": "platform",
        "m:application:old": "application",
        "m:server:host": "server",
    }
    dependencies = _index(
        [
            ("m:platform:mail", "m:server:exch", "runs_on"),
            ("m:platform:fs", "m:server:files", "runs_on"),
            ("m:application:old", "m:server:files", "depends_on"),
            ("m:application:old", "m:server:exch", "depends_on"),
        ],
        kinds,
    )
    assets = pd.DataFrame(
        {
            "node": ["m:platform:mail", "m:platform:fs", "m:application:old", "m:server:host"],
            "kind": ["platform", "platform", "application", "server"],
            "capability": ["email", "file_storage", "case_management", "hypervisor"],
            "block_id": ["b-mail", "b-fs", "b-old", "b-esx"],
            "title": ["Exchange Server 2016", "Windows File Services", "OldCase", "ESXi"],
        }
    )
    matrix = pd.DataFrame(
        {
            "block_id": ["b-mail", "b-fs", "b-old", "b-esx"],
            "status": ["eliminated", "included", "eliminated", "changed"],
            "target_title": ["Exchange Online", "", "NewCase", "ESXi"],
        }
    )
    items = pd.DataFrame(
        {
            "item_id": ["I1", "I2", "I3", "I4", "I5", "I6"],
            "municipality": "m",
            "domain": ["datacentre"] * 4 + ["applications", "datacentre"],
            "action": [
                "os_upgrade",
                "virtual_server_migration",
                "os_upgrade",
                "virtual_server_migration",
                "application_move",
                "os_upgrade",
            ],
            "asset": ["m:exch", "m:exch", "m:files", "m:files", "m:old", "m:host"],
            "node": [
                "m:server:exch",
                "m:server:exch",
                "m:server:files",
                "m:server:files",
                "m:application:old",
                "m:server:host",
            ],
            "hours": [6.0, 4.0, 6.0, 4.0, 40.0, 6.0],
            "cost": [6.0, 4.0, 6.0, 4.0, 40.0, 6.0],
        }
    )
    kept, dropped = drop_superseded(items, assets, matrix, dependencies)
    # exch runs Exchange 2016 (-> Exchange Online) and OldCase (-> NewCase): both replaced
    assert list(dropped["item_id"]) == ["I1", "I2", "I5"]
    assert dropped.loc[0, "reason"] == (
        "runs only Exchange Server 2016 -> Exchange Online; OldCase -> NewCase"
    )
    assert dropped.loc[2, "rule"] == "replaced-application-not-moved"
    # files also runs the kept file service; the hypervisor host is never superseded
    assert list(kept["item_id"]) == ["I3", "I4", "I6"]
    assert dropped["hours"].sum() == pytest.approx(6 + 4 + 40)


def _urgency(items: pd.DataFrame, rows: dict[str, tuple[bool, int]]) -> pd.DataFrame:
    """Urgency by item id: (past end of life, risk); others (False, 0)."""
    found = [rows.get(item, (False, 0)) for item in items["item_id"]]
    return pd.DataFrame(
        {"end_of_life": [f[0] for f in found], "risk": [f[1] for f in found]}, index=items.index
    )


def test_a_package_removing_end_of_life_starts_first() -> None:
    # one stream, 100 h a week (1 FTE x 5,200 h / 52); two independent packages: network
    # (wave 1, 200 h, in support) and clients (wave 2, 300 h, past end of life, risk 12)
    frame = PlanFrame(
        start=dt.date(2027, 1, 4), team_fte=1, hours_per_fte_year=5200, parallel_streams=1
    )
    items = _items([("I1", 1, "network", 200.0), ("I2", 2, "clients", 300.0)])
    plan = schedule(
        items, frame, as_of=dt.date(2026, 1, 1), urgency=_urgency(items, {"I2": (True, 12)})
    ).set_index("package")
    # clients first (weeks 0-3: 300 / 100), then network (weeks 3-5: 200 / 100); the
    # numbers follow the start dates
    assert list(plan["name"]) == ["clients", "network"]
    assert plan.loc["P01", "start"] == dt.date(2027, 1, 4)
    assert plan.loc["P02", "start"] == dt.date(2027, 1, 4) + dt.timedelta(weeks=3)
    assert bool(plan.loc["P01", "end_of_life"]) and plan.loc["P01", "risk"] == 12
    # without the urgency the wave order decides: network first
    plain = schedule(items, frame, as_of=dt.date(2026, 1, 1)).set_index("package")
    assert list(plain["name"]) == ["network", "clients"]


def test_the_prerequisite_of_urgent_work_inherits_its_urgency() -> None:
    # one stream; platforms (wave 2, 100 h) comes before clients (wave 3, 100 h, past end
    # of life, risk 9); network (wave 1, 100 h) is independent and in support. Platforms
    # inherits the clients' urgency and starts first, so clients can follow at once:
    # platforms weeks 0-1, clients 1-2, network 2-3.
    frame = PlanFrame(
        start=dt.date(2027, 1, 4), team_fte=1, hours_per_fte_year=5200, parallel_streams=1
    )
    items = _items(
        [("I1", 1, "network", 100.0), ("I2", 2, "platforms", 100.0), ("I3", 3, "clients", 100.0)]
    )
    plan = schedule(
        items,
        frame,
        as_of=dt.date(2026, 1, 1),
        precedence=[("2:platforms", "3:clients")],
        urgency=_urgency(items, {"I3": (True, 9)}),
    ).set_index("package")
    assert list(plan["name"]) == ["platforms", "clients", "network"]
    assert plan.loc["P02", "depends_on"] == "P01" and plan.loc["P02", "waited_for"] == ""
    assert plan.loc["P03", "waited_for"] == "P02"  # network waited for the stream only


def test_urgency_comes_from_the_assets_lifecycle_and_risk() -> None:
    items = pd.DataFrame(
        {
            "item_id": ["I1", "I2", "I3"],
            "municipality": "m",
            "node": ["m:server:esx01", "", "m:server:app01"],
            "asset": ["m:esx01", "m: Windows 10-22h2", "m:app01"],
        }
    )
    assets = pd.DataFrame(
        {
            "municipality": "m",
            "node": ["m:server:esx01", "", "m:server:app01"],
            "capability": ["hypervisor", "client_os", "server_os"],
            "title": ["VMware ESXi", "Windows", "Windows Server"],
            "cycle": ["6.7", "10-22h2", "2022"],
            "lifecycle_state": ["end_of_life", "end_of_life", "supported"],
        }
    )
    risks = pd.DataFrame(
        {
            "municipality": ["m", "m;n"],
            "capability": ["hypervisor", "client_os"],
            "product": ["VMware ESXi", "Windows"],
            "cycle": ["6.7", "10-22h2"],
            "risk": [20, 12],
        }
    )
    found = item_urgency(items, assets, risks)
    # the host by its node, the fleet by its label (a block row of m and n), the server
    # in support with no risk row
    assert found["end_of_life"].tolist() == [True, True, False]
    assert found["risk"].tolist() == [20, 12, 0]


def test_a_domain_controller_of_a_merging_directory_is_neither_moved_nor_upgraded() -> None:
    kinds = {
        "g:server:dc01": "server",
        "g:server:dc02": "server",
        "g:platform:ad": "platform",
        "g:platform:dns": "platform",
        "g:platform:dhcp": "platform",
        "v:server:dc01": "server",
        "v:platform:ad": "platform",
    }
    dependencies = _index(
        [
            ("g:platform:ad", "g:server:dc01", "runs_on"),
            ("g:platform:dns", "g:server:dc01", "runs_on"),
            ("g:platform:ad", "g:server:dc02", "runs_on"),
            ("g:platform:dhcp", "g:server:dc02", "runs_on"),
            ("v:platform:ad", "v:server:dc01", "runs_on"),
        ],
        kinds,
    )
    # g's directory and DNS merge into the joint ones (v keeps its directory); g's DHCP
    # stays: dc02 must stay until DHCP moves elsewhere, dc01 retires
    assets = pd.DataFrame(
        {
            "municipality": ["g", "g", "g", "v"],
            "node": ["g:platform:ad", "g:platform:dns", "g:platform:dhcp", "v:platform:ad"],
            "kind": "platform",
            "capability": ["directory", "dns", "dhcp", "directory"],
            "block_id": ["b-ad", "b-dns", "b-dhcp", "b-ad"],
            "title": ["Active Directory", "Windows DNS", "Windows DHCP", "Active Directory"],
        }
    )
    matrix = pd.DataFrame(
        {"block_id": ["b-ad", "b-dns", "b-dhcp"], "status": "included", "target_title": ""}
    )
    off_joint = pd.Series([True, True, False, False], index=assets.index)
    items = pd.DataFrame(
        {
            "item_id": ["I1", "I2", "I3", "I4", "I5"],
            "municipality": ["g", "g", "g", "v", "g"],
            "domain": "datacentre",
            "action": [
                "os_upgrade",
                "virtual_server_migration",
                "os_upgrade",
                "os_upgrade",
                "directory_consolidation",
            ],
            "asset": ["g:dc01", "g:dc01", "g:dc02", "v:dc01", "g:p-ad"],
            "node": [
                "g:server:dc01",
                "g:server:dc01",
                "g:server:dc02",
                "v:server:dc01",
                "g:platform:ad",
            ],
            "hours": [6.0, 4.0, 6.0, 6.0, 160.0],
            "cost": [6.0, 4.0, 6.0, 6.0, 160.0],
        }
    )
    kept, dropped = drop_superseded(items, assets, matrix, dependencies, off_joint=off_joint)
    assert list(dropped["item_id"]) == ["I1", "I2"]
    assert set(dropped["rule"]) == {"merged-directory-controllers-retire"}
    assert set(dropped["reason"]) == {MERGED_DIRECTORY_REASON}
    assert MERGED_DIRECTORY_REASON == "its directory merges into the joint one"
    # dc02 also serves DHCP, which stays; v keeps its directory; the merge itself stays
    assert list(kept["item_id"]) == ["I3", "I4", "I5"]
    # without the consolidation's instances nothing is known to merge: nothing dropped
    _, none = drop_superseded(items, assets, matrix, dependencies)
    assert none.empty
