"""The dependency graph and its check on the five GGVVH samples (facts in samples/README.md)."""

from __future__ import annotations

import pytest

from inventory.analyse.graph import FindingCode, InventoryGraph, build_graph, check
from inventory.snapshot import InventorySnapshot


@pytest.fixture(scope="module")
def graph(sample_snapshot: InventorySnapshot) -> InventoryGraph:
    return build_graph(sample_snapshot)


def test_every_node_kind_and_fleets_instead_of_devices(
    graph: InventoryGraph, sample_snapshot: InventorySnapshot
) -> None:
    summary = graph.summary()
    assert summary.municipalities == ["gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo"]
    assert set(summary.nodes_by_kind) == {
        "site",
        "server",
        "cluster",
        "storage",
        "network_device",
        "platform",
        "application",
        "client_fleet",
    }
    assert summary.nodes_by_kind["server"] == len(sample_snapshot.table("server"))
    clients = sample_snapshot.table("client")
    assert summary.client_devices == int(clients["quantity"].fillna(1).sum())
    assert summary.nodes_by_kind["client_fleet"] < len(clients)
    assert set(summary.edges_by_kind) == {
        "located_in",
        "hosted_on",
        "member_of",
        "runs_on",
        "depends_on",
        "managed_by",
        "replicates_to",
        "link",
    }


def test_clusters_with_their_hosts(graph: InventoryGraph) -> None:
    hyper_v = graph.node("hylte:cluster:hv-cl01")
    assert hyper_v["hosts"] == 3 and hyper_v["virtual_servers"] > 0
    for host in ("esx01", "esx02", "esx03"):
        assert graph.graph.has_edge(
            f"vaggeryd:server:{host}", "vaggeryd:cluster:esx-cl01", "member_of"
        )


def test_links_between_municipalities(graph: InventoryGraph) -> None:
    weak = graph.graph.get_edge_data("hylte:site:COLO1", "varnamo:site:DC1")["link:hylte:L-VMO"]
    assert (weak["link_kind"], weak["bandwidth_mbps"], weak["redundant"]) == ("vpn", 100.0, False)
    assert graph.graph.has_edge("vaggeryd:storage:nas01", "gislaved:storage:bk01", "replicates_to")


def test_check_on_the_samples(graph: InventoryGraph) -> None:
    findings = check(graph)
    codes = {finding.code for finding in findings}
    assert FindingCode.DEPENDENCY_CYCLE not in codes
    flagged = {finding.node for finding in findings}
    # Hyper-V hosts Hylte's virtual servers: used; Procapita names its server: placed
    assert "hylte:platform:p-hyperv" not in flagged
    assert "gnosjo:application:app-procapita" not in flagged
    assert "gnosjo:server:srv-procapita01" not in flagged
    # Microsoft 365 carries 2,600 user licences in Gislaved: its users use it directly
    assert "gislaved:platform:p-m365" not in flagged
    assert graph.graph.nodes["gislaved:platform:p-m365"]["licences"] == 2600
    # every school hangs on one link to its datacentre
    assert FindingCode.SINGLE_UPLINK in codes
