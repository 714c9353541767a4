"""Impact on the GGVVH samples: the planted chain cluster -> VMs -> applications."""

from __future__ import annotations

import pytest

from inventory.analyse.graph import InventoryGraph, build_graph
from inventory.analyse.impact import impact
from inventory.snapshot import InventorySnapshot


@pytest.fixture(scope="module")
def graph(sample_snapshot: InventorySnapshot) -> InventoryGraph:
    return build_graph(sample_snapshot)


def test_cluster_to_virtual_servers_to_applications(graph: InventoryGraph) -> None:
    result = impact(graph, "vaggeryd:esx-cl01")
    servers = set(result.of_kind("server"))
    for vm in ("srv-personec01", "srv-raindance01", "srv-procapita01", "srv-sql01", "srv-dc01"):
        assert f"vaggeryd:server:{vm}" in servers
    applications = set(result.of_kind("application"))
    for app in (
        "app-personec",
        "app-raindance",
        "app-procapita",
        "app-ciceron",
        "app-ecos",
        "app-timecare",
    ):
        assert f"vaggeryd:application:{app}" in applications
    assert result.municipalities == ["vaggeryd"]
    # clients managed by a platform on the cluster are counted
    assert result.client_devices > 0
    assert result.client_devices == sum(
        g.devices for g in result.groups if g.kind == "client_fleet"
    )


def test_single_server_takes_its_critical_application(graph: InventoryGraph) -> None:
    result = impact(graph, "gnosjo:srv-procapita01")
    assert "gnosjo:application:app-procapita" in result.of_kind("application")
    assert "gnosjo:platform:p-sql" in result.of_kind("platform")


def test_server_room_takes_every_host_hence_the_cluster(graph: InventoryGraph) -> None:
    result = impact(graph, "vaggeryd:site:SR1")
    assert "vaggeryd:cluster:esx-cl01" in result.of_kind("cluster")
    assert "vaggeryd:application:app-procapita" in result.of_kind("application")
