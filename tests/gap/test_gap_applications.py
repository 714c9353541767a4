"""The gap's applications domain: kept business systems, the ones harmonised away, and
their items in the last wave."""

from __future__ import annotations

from inventory.analyse.graph import build_graph
from inventory.gap.dependents import DependencyIndex
from inventory.gap.result import GapReport, compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture


def test_replaced_systems_are_eliminated_by_the_kept_one(gap_report: GapReport) -> None:
    matrix = gap_report.matrix
    apps = matrix[matrix["domain"] == "applications"].set_index("block_id")
    assert apps.loc["social_care:procapita:-", "status"] == "included"
    for replaced in ("social_care:pulsen-combine:-", "social_care:treserva:-"):
        row = apps.loc[replaced]
        assert (row["status"], row["reason"]) == ("eliminated", "replaced_by_target")
        assert row["target_block"] == "social_care:procapita"
    assert apps.loc["social_care:phoniro-care:-", "status"] == "included"
    assert set(apps["status"]) <= {"included", "changed", "eliminated"}


def test_harmonisation_items_come_after_their_infrastructure(
    gap_report: GapReport, sample_target: TargetArchitecture, sample_snapshot: InventorySnapshot
) -> None:
    items = gap_report.items
    harmonise = items[items["action"] == "application_harmonisation"]
    assert not harmonise.empty
    social = harmonise[harmonise["detail"].str.contains("Procapita")]
    assert set(social["asset"]) == {"varnamo:app-combine", "hylte:app-treserva"}
    assert (harmonise["hours"] == sample_target.efforts.application_harmonisation_hours).all()
    # not last of all any more (docs/method.md#plan): after the moves and upgrades of the
    # servers the system runs on, and after the joint directory and identity
    graph = DependencyIndex(build_graph(sample_snapshot))
    wave_of_node = items[items["node"] != ""].groupby("node")["wave"].max()
    for node, wave in zip(harmonise["node"], harmonise["wave"], strict=True):
        below = [n for n in graph.dependencies_of(node) if n in wave_of_node.index]
        assert all(wave_of_node[n] < wave for n in below), (node, below)
    identity = items[items["action"].isin(["directory_consolidation", "user_migration"])]
    if not identity.empty:
        assert harmonise["wave"].min() > identity["wave"].min()
    assert gap_report.effort[gap_report.effort["domain"] == "applications"]["hours"].sum() > 0


def test_no_applications_section_leaves_applications_out(
    gap_report: GapReport, sample_target: TargetArchitecture, sample_snapshot: InventorySnapshot
) -> None:
    without = compute_gap(
        sample_snapshot,
        sample_target.model_copy(update={"applications": None}),
        as_of=gap_report.as_of,
    )
    assert (without.matrix["domain"] != "applications").all()
    assert "application_harmonisation" not in set(without.items["action"])
    assert any("applications" in note for note in map(str, without.notes))
