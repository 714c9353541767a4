"""Impact analysis on the hand-built two-municipality inventory of test_graph."""

from __future__ import annotations

import json

import pytest

from inventory.analyse.graph import InventoryGraph, build_graph
from inventory.analyse.impact import impact
from inventory.errors import NotFoundError
from inventory.snapshot import InventorySnapshot


@pytest.fixture
def graph(two_municipalities: InventorySnapshot) -> InventoryGraph:
    return build_graph(two_municipalities)


def test_cluster_to_virtual_servers_to_platforms_and_applications(graph: InventoryGraph) -> None:
    result = impact(graph, "vaggeryd:esx-cl01")
    assert result.node == "vaggeryd:cluster:esx-cl01"
    assert sorted(result.of_kind("server")) == [
        "vaggeryd:server:vm-app01",
        "vaggeryd:server:vm-sql01",
    ]
    assert sorted(result.of_kind("platform")) == [
        "vaggeryd:platform:p-monitor",
        "vaggeryd:platform:p-sql",
        "vaggeryd:platform:p-unused",
        "vaggeryd:platform:p-vmware",
    ]
    assert result.of_kind("application") == ["vaggeryd:application:app-procapita"]
    procapita = next(d for d in result.dependents if d.kind == "application")
    assert procapita.distance == 2  # cluster -> vm-app01 -> application
    # the hosts are members, not dependents
    assert "vaggeryd:server:esx01" not in {d.node for d in result.dependents}


def test_one_host_down_does_not_take_the_cluster(graph: InventoryGraph) -> None:
    result = impact(graph, "vaggeryd:server:esx01")
    assert [d.node for d in result.dependents] == ["vaggeryd:server:vm-pinned"]


def test_site_takes_every_host_so_the_cluster_and_what_runs_on_it(graph: InventoryGraph) -> None:
    result = impact(graph, "vaggeryd:site:DC1")
    nodes = {d.node for d in result.dependents}
    assert {
        "vaggeryd:cluster:esx-cl01",
        "vaggeryd:server:vm-sql01",
        "vaggeryd:application:app-procapita",
        "gnosjo:storage:san01",
    } <= nodes
    # links are connectivity, not dependency: the school is not affected
    assert "vaggeryd:site:SCH1" not in nodes
    assert result.municipalities == ["gnosjo", "vaggeryd"]


def test_client_counts_across_municipalities(graph: InventoryGraph) -> None:
    result = impact(graph, "vaggeryd:p-intune")
    assert result.client_devices == 231
    groups = {(g.municipality, g.kind): (g.count, g.devices) for g in result.groups}
    assert groups == {("gnosjo", "client_fleet"): (1, 80), ("vaggeryd", "client_fleet"): (1, 151)}
    data = json.loads(json.dumps(result.to_json()))
    assert data["client_devices"] == 231 and len(data["dependents"]) == 2


def test_unknown_node_names_the_nearest(graph: InventoryGraph) -> None:
    with pytest.raises(NotFoundError) as error:
        impact(graph, "vaggeryd:esx-cl02")
    assert "vaggeryd:cluster:esx-cl01" in str(error.value.hint)
