"""Diagram nodes name a release as the inventory writes it ("Windows Server 2012 R2"),
never by the lifecycle catalogue's cycle id ("2012-r2", "12.0-sp3"), in the DOT text and
in the SVG that the real ``dot`` draws from it."""

from __future__ import annotations

import datetime as dt

import graphviz
import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap.result import compute_gap
from inventory.render.dot import check_dot_syntax
from inventory.render.views import ViewDiagram, build_views
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)
M = "testby"
#: as the inventory writes them, and the catalogue's cycle ids of the same releases
WRITTEN = (
    "Windows Server 2012 R2",
    "Microsoft SQL Server 2014 SP3",
    "Oracle Database 12c Release 2",
    "VMware ESXi 7.0 U3",
)
CYCLE_IDS = ("2012-r2", "12.0-sp3", "12.2")


@pytest.fixture(scope="module")
def snapshot() -> InventorySnapshot:
    """One server room: a standalone Windows Server 2012 R2 server, an ESXi 7.0 U3 host
    with a VM, a SQL Server 2014 SP3 platform and an application on Oracle 12c Release 2."""
    return build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Testby", "country": "SE"}],
            "site": [
                {"municipality": M, "id": "SR1", "name": "Server room", "kind": "server_room"}
            ],
            "server": [
                {
                    "municipality": M,
                    "id": "srv-old",
                    "hostname": "srv-old",
                    "kind": "physical",
                    "site": "SR1",
                    "role": "application",
                    "os_product": "Windows Server",
                    "os_version": "2012 R2",
                },
                {
                    "municipality": M,
                    "id": "esx01",
                    "hostname": "esx01",
                    "kind": "physical",
                    "site": "SR1",
                    "role": "hypervisor",
                    "os_product": "VMware ESXi",
                    "os_version": "7.0 U3",
                },
                {
                    "municipality": M,
                    "id": "vm01",
                    "kind": "virtual",
                    "host": "esx01",
                    "role": "application",
                    "os_product": "Windows Server",
                    "os_version": "2022",
                },
            ],
            "platform": [
                {
                    "municipality": M,
                    "id": "p-sql",
                    "capability": "database",
                    "vendor": "Microsoft",
                    "product": "Microsoft SQL Server",
                    "version": "2014 SP3",
                }
            ],
            "application": [
                {
                    "municipality": M,
                    "id": "a-erp",
                    "name": "ERP",
                    "vendor": "Oracle",
                    "product": "Oracle Database",
                    "version": "12c Release 2",
                }
            ],
        }
    )


def _views(snapshot: InventorySnapshot) -> list[ViewDiagram]:
    target = TargetArchitecture.model_validate(
        {
            "name": "releases",
            "capabilities": {
                "database": {
                    "products": [
                        {
                            "product": "Microsoft SQL Server",
                            "vendor": "Microsoft",
                            "min_version": "2022",
                        }
                    ]
                }
            },
            "server_os": [
                {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"}
            ],
        }
    )
    normaliser = Normaliser.default()
    gap = compute_gap(snapshot, target, as_of=AS_OF, normaliser=normaliser)
    overlap = compute_overlap(snapshot, normaliser)
    views: list[ViewDiagram] = []
    for view in ("architecture", "overlap", "target"):
        views += build_views(
            view,
            snapshot,
            target=target,
            gap=gap,
            overlap=overlap,
            municipality=M if view == "architecture" else None,
        )
    return views


def test_nodes_name_releases_as_written_not_by_cycle_id(snapshot: InventorySnapshot) -> None:
    views = {view.name: view for view in _views(snapshot)}
    architecture = views[f"architecture-{M}"].source
    check_dot_syntax(architecture)
    svg = graphviz.pipe("dot", "svg", architecture.encode("utf-8"), quiet=True).decode()
    for written in WRITTEN:
        assert written in architecture
        assert written in svg
    # the target view names the target's own release as its file writes it
    assert "Microsoft SQL Server ≥ 2022" in views["target"].source
    for view in views.values():
        check_dot_syntax(view.source)
        for cycle in CYCLE_IDS:
            assert f" {cycle}" not in view.source and f">{cycle}" not in view.source, (
                view.name,
                cycle,
            )
