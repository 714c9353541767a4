"""The gap report on the GGVVH samples finds the gaps the samples were built with."""

from __future__ import annotations

import json

import networkx as nx
import pandas as pd

from inventory.analyse.graph import build_graph
from inventory.gap.costs import TABLE_NAMES as COST_TABLES
from inventory.gap.dependents import DependencyIndex
from inventory.gap.plan import sequencing_rules
from inventory.gap.result import TABLE_NAMES, GapReport
from inventory.snapshot import InventorySnapshot
from tests.helpers import row_at as _row


def _block(report: GapReport, block_id: str) -> pd.Series:
    rows = report.matrix[report.matrix["block_id"] == block_id]
    assert len(rows) == 1, block_id
    return rows.iloc[0]


def _number(frame: pd.DataFrame, key: tuple[str, str], column: str) -> float:
    """One numeric cell of ``frame``."""
    value = frame.loc[key, column]
    assert isinstance(value, (int, float)), (key, column, value)
    return value


def test_hylte_hyper_v_is_eliminated_and_replaced_by_vsphere(gap_report: GapReport) -> None:
    block = _block(gap_report, "hypervisor:hyper-v:2016")
    assert block["status"] == "eliminated"
    assert block["reason"] == "replaced_by_target"
    assert block["target_block"] == "hypervisor:vmware-esxi"
    assert block["municipalities"] == "hylte"
    assert block["assets"] == 4  # the platform and hosts hv01-hv03


def test_vaggeryd_esxi_67_is_changed_and_end_of_life(gap_report: GapReport) -> None:
    block = _block(gap_report, "hypervisor:vmware-esxi:6.7")
    assert (block["status"], block["reason"]) == ("changed", "upgrade")
    assert block["lifecycle_state"] == "end_of_life"
    assert block["municipalities"] == "vaggeryd"
    # the target asks 9.1: 8.0 leaves general support 2027-10-11, during the plan
    assert _block(gap_report, "hypervisor:vmware-esxi:8.0")[["status", "reason"]].tolist() == [
        "changed",
        "upgrade",
    ]


def test_togaf_semantics(gap_report: GapReport) -> None:
    matrix = gap_report.matrix
    assert matrix["block_id"].is_unique
    assert set(matrix["status"]) <= {"included", "changed", "eliminated"}
    eliminated = matrix[matrix["status"] == "eliminated"]
    assert set(eliminated["reason"]) <= {"end_of_life", "replaced_by_target", "not_in_target"}
    targets = gap_report.target_blocks
    # new: its product runs nowhere today (no block included in it, none upgraded onto it)
    running = set(matrix.loc[matrix["status"].isin(["included", "changed"]), "target_block"])
    for row in targets.itertuples():
        assert (row.status == "new") == (row.block_id not in running)
    # Red Hat 9 is required and everyone is on 7 or 8: upgraded (changed), so not new
    assert targets.set_index("block_id").loc["server_os:rhel", "status"] == "present"


def test_readiness_per_domain_is_within_bounds(gap_report: GapReport) -> None:
    readiness = gap_report.readiness_domains.set_index(["municipality", "domain"])
    assert ((readiness["readiness_percent"] >= 0) & (readiness["readiness_percent"] <= 100)).all()
    # Hylte's hypervisor is eliminated and Värnamo is on vSphere 8: Värnamo is readier.
    assert _number(readiness, ("varnamo", "datacentre"), "readiness_percent") > _number(
        readiness, ("hylte", "datacentre"), "readiness_percent"
    )


def test_windows_2012_r2_exposure_names_procapita(gap_report: GapReport) -> None:
    eol = gap_report.eol
    row = eol[eol["asset"] == "gnosjo:srv-procapita01"].iloc[0]
    assert (row["product"], row["cycle"], row["lifecycle_state"]) == (
        "Windows Server",
        "2012-r2",
        "end_of_life",
    )
    assert "gnosjo:app-procapita" in row["dependent_applications"].split(";")
    assert (
        not eol["asset"].str.startswith("varnamo:").any()
        or not (eol[eol["asset"].str.startswith("varnamo:")]["cycle"] == "2012-r2").any()
    )


def test_capacity_vaggeryd_sr1_is_short_and_evacuated(gap_report: GapReport) -> None:
    sites = gap_report.capacity.set_index("site")
    sr1 = sites.loc["vaggeryd:SR1"]
    assert bool(sr1["short"]) and sr1["role"] == "evacuate"
    assert "no fire suppression" in sr1["issues"]
    assert sites.loc["varnamo:DC1", "role"] == "primary"
    assert sites.loc["gislaved:DC1", "role"] == "secondary"
    assert not bool(sites.loc["varnamo:DC1", "short"])
    verdict = gap_report.capacity_verdict
    assert verdict.fits_combined and verdict.short_rack_units == 0
    assert verdict.demand_rack_units > 0
    assert verdict.primary_free_rack_units == 210 and verdict.secondary_free_rack_units == 140


def test_hylte_interconnect_under_the_minimum(gap_report: GapReport) -> None:
    links = gap_report.interconnects.set_index("link")
    hylte = links.loc["hylte:L-VMO"]
    assert not hylte["meets_bandwidth"] and not hylte["meets_redundancy"]
    assert hylte["bandwidth_mbps"] == 100
    assert not links.loc["vaggeryd:L-VMO", "compliant"]
    assert links.loc["gislaved:L-VMO", "compliant"]


def test_procapita_sla_gap_on_single_physical_server(gap_report: GapReport) -> None:
    sla = gap_report.sla.set_index("application")
    row = sla.loc["gnosjo:app-procapita"]
    assert "single_physical_server" in row["gap_kinds"].split(";")
    assert "gnosjo:srv-procapita01" in row["infrastructure"].split(";")


def test_security_baseline_today_versus_target(gap_report: GapReport) -> None:
    security = gap_report.security.set_index(["municipality", "control"])
    assert security.loc[("varnamo", "logging_to_siem"), "compliant"]
    assert not security.loc[("hylte", "logging_to_siem"), "compliant"]
    zones = _row(security, ("hylte", "segmented_zones"))
    assert not zones["compliant"] and zones["affected"] == "care"


def test_waves_respect_every_dependency_edge(
    gap_report: GapReport, sample_snapshot: InventorySnapshot
) -> None:
    # dependents wait for the moves and replacements below them (sequencing.yaml's
    # graph.dependents_wait_for), not for in-place upgrades
    items = gap_report.items
    dependencies = DependencyIndex(build_graph(sample_snapshot.only(gap_report.municipalities)))
    waited = items["action"].isin(sequencing_rules().graph.dependents_wait_for)
    blocking_wave = items[waited & (items["node"] != "")].groupby("node")["wave"].max()
    earliest = items[items["node"] != ""].groupby("node")["wave"].min()
    nodes = set(blocking_wave.index)
    checked = 0
    for node, wave in earliest.items():
        below = nx.descendants(dependencies.dependencies, node) & nodes - {node}
        for dependency in below:
            if node in nx.descendants(dependencies.dependencies, dependency):
                continue  # one dependency cycle: they wait for the same things
            assert blocking_wave[dependency] < wave, (node, dependency)
            checked += 1
    assert checked > 100
    assert set(gap_report.waves["wave"]) == set(range(1, len(gap_report.waves) + 1))
    links = items[items["action"] == "link_upgrade"]
    assert (links["wave"] == 1).all()
    apps = items[items["action"] == "application_move"]
    assert apps["wave"].min() > items.loc[items["action"] == "link_upgrade", "wave"].max()


def test_effort_and_cost_add_up(gap_report: GapReport) -> None:
    items = gap_report.items
    assert (items["cost"] == (items["hours"] * gap_report.hourly_rate).round(0)).all()
    assert round(gap_report.effort["hours"].sum(), 1) == gap_report.total_hours
    assert round(gap_report.waves["cost"].sum()) == round(gap_report.total_cost)
    hyperv = items[(items["asset"] == "hylte:p-hyperv")]
    assert list(hyperv["action"]) == ["platform_replacement"]


def test_report_json_and_tables(gap_report: GapReport) -> None:
    data = json.loads(json.dumps(gap_report.to_json()))
    assert set(TABLE_NAMES) <= set(data)
    assert data["capacity_verdict"]["primary"] == "varnamo:DC1"
    assert set(gap_report.to_tables()) == set(TABLE_NAMES) | set(COST_TABLES)
