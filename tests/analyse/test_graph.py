"""The dependency graph on a small hand-built inventory of two municipalities."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from inventory.analyse.graph import FindingCode, NodeName, build_graph, check
from inventory.errors import NotFoundError
from inventory.snapshot import InventorySnapshot

V, G = "vaggeryd", "gnosjo"


@pytest.fixture
def snapshot(two_municipalities: InventorySnapshot) -> InventorySnapshot:
    return two_municipalities


def test_counts_by_node_and_edge_kind(snapshot: InventorySnapshot) -> None:
    summary = build_graph(snapshot).summary()
    assert summary.nodes_by_kind == {
        "site": 5,
        "server": 8,
        "cluster": 1,
        "storage": 2,
        "network_device": 2,
        "platform": 6,
        "application": 3,
        "client_fleet": 3,
    }
    assert summary.edges_by_kind == {
        "located_in": 11,
        "hosted_on": 5,
        "member_of": 2,
        "runs_on": 4,
        "depends_on": 2,
        "managed_by": 3,
        "replicates_to": 2,
        "link": 4,
    }
    assert summary.client_devices == 531
    assert summary.municipalities == [G, V]


def test_municipality_nodes_are_optional(snapshot: InventorySnapshot) -> None:
    graph = build_graph(snapshot, municipalities=True)
    assert graph.node("vaggeryd:municipality:vaggeryd")["label"] == "Vaggeryd"


def test_clients_are_aggregated_into_fleets_with_device_counts(snapshot: InventorySnapshot) -> None:
    graph = build_graph(snapshot)
    fleets = {node: graph.node(node) for node in graph.nodes_of_kind("client_fleet")}
    laptops = fleets["vaggeryd:client_fleet:laptop/HP EliteBook 840/Windows 11/p-intune"]
    assert (laptops["devices"], laptops["rows"]) == (151, 3)
    sites = {
        target: data["devices"]
        for _, target, data in graph.graph.out_edges(
            "vaggeryd:client_fleet:laptop/HP EliteBook 840/Windows 11/p-intune", data=True
        )
        if data["kind"] == "located_in"
    }
    assert sites == {"vaggeryd:site:OFF1": 100, "vaggeryd:site:SCH1": 51}
    # a fleet of another municipality managed by a shared platform
    assert graph.graph.has_edge(
        "gnosjo:client_fleet:laptop/HP EliteBook 840/Windows 11/vaggeryd:p-intune",
        "vaggeryd:platform:p-intune",
        "managed_by",
    )


def test_links_cross_municipalities_with_bandwidth(snapshot: InventorySnapshot) -> None:
    graph = build_graph(snapshot).graph
    data = graph.get_edge_data("vaggeryd:site:DC1", "gnosjo:site:DC1")
    assert list(data) == ["link:vaggeryd:L2"]
    link = data["link:vaggeryd:L2"]
    assert (link["kind"], link["bandwidth_mbps"], link["redundant"], link["link_kind"]) == (
        "link",
        10000.0,
        True,
        "dark_fibre",
    )


def test_hosts_are_members_and_virtual_servers_hosted_on_the_cluster(
    snapshot: InventorySnapshot,
) -> None:
    graph = build_graph(snapshot)
    assert graph.graph.has_edge("vaggeryd:server:esx01", "vaggeryd:cluster:esx-cl01", "member_of")
    assert graph.graph.has_edge(
        "vaggeryd:server:vm-sql01", "vaggeryd:cluster:esx-cl01", "hosted_on"
    )
    cluster = graph.node("vaggeryd:cluster:esx-cl01")
    assert (cluster["hosts"], cluster["virtual_servers"]) == (2, 2)


def test_external_endpoints_when_built_for_one_municipality(snapshot: InventorySnapshot) -> None:
    graph = build_graph(snapshot.only([V]))
    assert graph.node("gnosjo:site:DC1") == {
        "kind": "site",
        "municipality": G,
        "key": "DC1",
        "label": "DC1",
        "external": True,
    }
    assert graph.summary().nodes_by_kind["client_fleet"] == 2


def test_check_finds_each_kind_of_problem(snapshot: InventorySnapshot) -> None:
    findings = check(build_graph(snapshot))
    by_code: dict[FindingCode, list[str]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding.node)
    assert sorted(by_code[FindingCode.DEPENDENCY_CYCLE]) == ["vaggeryd:server:vm-x"]
    cycle = next(f for f in findings if f.code == FindingCode.DEPENDENCY_CYCLE)
    assert set(cycle.nodes) == {"vaggeryd:server:vm-x", "vaggeryd:server:vm-y"}
    # the hypervisor platform is used (its cluster hosts VMs); monitoring is not judged
    assert by_code[FindingCode.UNUSED_PLATFORM] == ["vaggeryd:platform:p-unused"]
    assert sorted(by_code[FindingCode.IDLE_SERVER]) == [
        "vaggeryd:server:srv-old",
        "vaggeryd:server:vm-pinned",
    ]
    assert by_code[FindingCode.APPLICATION_WITHOUT_PLATFORM] == ["vaggeryd:application:app-lonely"]
    assert sorted(by_code[FindingCode.SINGLE_UPLINK]) == [
        "gnosjo:site:SCH2",
        "vaggeryd:site:OFF1",
        "vaggeryd:site:SCH1",
    ]


def test_resolve_user_node_names(snapshot: InventorySnapshot) -> None:
    graph = build_graph(snapshot)
    assert graph.resolve("vaggeryd:esx-cl01") == "vaggeryd:cluster:esx-cl01"
    assert graph.resolve("vaggeryd:server:srv-old") == "vaggeryd:server:srv-old"
    assert graph.resolve("VAGGERYD:SRV-OLD") == "vaggeryd:server:srv-old"
    assert graph.resolve("p-sql") == "vaggeryd:platform:p-sql"
    with pytest.raises(NotFoundError) as ambiguous:
        graph.resolve("DC1")
    assert "gnosjo:site:DC1" in str(ambiguous.value.hint)
    with pytest.raises(NotFoundError) as missing:
        graph.resolve("vaggeryd:esx-cl1")
    assert "vaggeryd:cluster:esx-cl01" in str(missing.value.hint)


def test_node_name_parser() -> None:
    assert NodeName.parse("vaggeryd:server:srv01") == NodeName(V, "server", "srv01")
    assert NodeName.parse("vaggeryd:esx-cl01") == NodeName(V, None, "esx-cl01")
    assert NodeName.parse(" srv01 ") == NodeName(None, None, "srv01")


def test_exports_round_trip(snapshot: InventorySnapshot, tmp_path: Path) -> None:
    graph = build_graph(snapshot)
    graph.to_graphml(tmp_path / "g.graphml")
    again = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert again.number_of_nodes() == graph.graph.number_of_nodes()
    assert again.number_of_edges() == graph.graph.number_of_edges()
    assert again.nodes["vaggeryd:site:DC1"]["label"] == "Datahall"
    data = json.loads(json.dumps(graph.to_node_link_json()))
    assert len(data["nodes"]) == 30 and len(data["edges"]) == 33
