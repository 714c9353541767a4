"""Fixtures of the analyse tests: small snapshots built by hand from record dicts."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import pytest
from pandas.api.extensions import ExtensionDtype

from inventory.models import field_specs
from inventory.snapshot import InventorySnapshot, empty_frame
from inventory.validate.batch import REFERENCE_COLUMNS

SnapshotBuilder = Callable[[Mapping[str, Sequence[Mapping[str, Any]]]], InventorySnapshot]

_DTYPES: dict[str, ExtensionDtype] = {
    "int": pd.Int64Dtype(),
    "float": pd.Float64Dtype(),
    "bool": pd.BooleanDtype(),
}


def build_snapshot(records: Mapping[str, Sequence[Mapping[str, Any]]]) -> InventorySnapshot:
    """A snapshot of hand-written records (``{kind: [{"municipality": ..., field: ...}]}``).

    References are resolved the simple way the validator does: ``code:key`` names another
    municipality's record, the kinds a field may name are tried in order, and clusters are
    the names servers give in their ``cluster`` field.
    """
    tables: dict[str, pd.DataFrame] = {}
    for kind, rows in records.items():
        frame = empty_frame(kind)
        frame = pd.DataFrame(
            [{column: row.get(column) for column in frame.columns} for row in rows],
            columns=frame.columns,
        )
        for spec in field_specs(kind):
            if spec.value_type in _DTYPES:
                frame[spec.name] = frame[spec.name].astype(_DTYPES[spec.value_type])
            elif spec.many:
                frame[spec.name] = (
                    frame[spec.name]
                    .map(lambda v: tuple(v) if v is not None else None)
                    .astype(object)
                )
            else:
                frame[spec.name] = frame[spec.name].astype(object)
        tables[kind] = frame
    codes = {str(m) for frame in tables.values() for m in frame["municipality"]}
    keys = {
        (str(r["municipality"]), kind, str(r["id"]))
        for kind, rows in records.items()
        for r in rows
        if "id" in r
    }
    clusters = {
        (str(r["municipality"]), str(r["cluster"]))
        for r in records.get("server", [])
        if r.get("cluster")
    }
    references = []
    for kind, rows in records.items():
        for spec in field_specs(kind):
            if not (spec.references or spec.pseudo_references) or spec.name == "cluster":
                continue
            for row in rows:
                value = row.get(spec.name)
                if value is None:
                    continue
                for item in value if spec.many else [value]:
                    owner, _, key = str(item).rpartition(":")
                    if owner not in codes:
                        owner, key = str(row["municipality"]), str(item)
                    target = next(
                        ((owner, k, key) for k in spec.references if (owner, k, key) in keys), None
                    )
                    if (
                        target is None
                        and "cluster" in spec.pseudo_references
                        and (owner, key) in clusters
                    ):
                        target = (owner, "cluster", key)
                    assert target is not None, f"test data: {kind}.{spec.name}={item!r}"
                    references.append((row["municipality"], kind, row["id"], spec.name, *target))
    return InventorySnapshot(
        tables=tables, references=pd.DataFrame(references, columns=list(REFERENCE_COLUMNS))
    )


@pytest.fixture
def snapshot_of() -> SnapshotBuilder:
    """Build an ``InventorySnapshot`` from record dicts (see ``build_snapshot``)."""
    return build_snapshot


V, G = "vaggeryd", "gnosjo"


def two_municipality_records() -> dict[str, list[dict[str, Any]]]:
    """Vaggeryd (cluster, VMs, apps, clients) linked to Gnosjö (one site, one fleet)."""
    return {
        "municipality": [
            {"municipality": V, "code": V, "name": "Vaggeryd", "country": "SE"},
            {"municipality": G, "code": G, "name": "Gnosjö", "country": "SE"},
        ],
        "site": [
            {"municipality": V, "id": "DC1", "name": "Datahall", "kind": "datacentre"},
            {"municipality": V, "id": "SCH1", "kind": "school"},
            {"municipality": V, "id": "OFF1", "kind": "office"},
            {"municipality": G, "id": "DC1", "kind": "datacentre"},
            {"municipality": G, "id": "SCH2", "kind": "school"},
        ],
        "link": [
            {
                "municipality": V,
                "id": "L1",
                "a_site": "DC1",
                "b_site": "SCH1",
                "kind": "fibre",
                "bandwidth_mbps": 1000.0,
            },
            {
                "municipality": V,
                "id": "L2",
                "a_site": "DC1",
                "b_site": "gnosjo:DC1",
                "kind": "dark_fibre",
                "bandwidth_mbps": 10000.0,
                "redundant": True,
            },
            {
                "municipality": V,
                "id": "L3",
                "a_site": "DC1",
                "b_site": "OFF1",
                "kind": "sd_wan",
                "bandwidth_mbps": 100.0,
            },
            {
                "municipality": G,
                "id": "L1",
                "a_site": "DC1",
                "b_site": "SCH2",
                "kind": "fibre",
                "bandwidth_mbps": 1000.0,
            },
        ],
        "server": [
            {
                "municipality": V,
                "id": "esx01",
                "kind": "physical",
                "site": "DC1",
                "cluster": "esx-cl01",
                "role": "hypervisor",
                "os_product": "VMware ESXi",
                "os_version": "7.0",
            },
            {
                "municipality": V,
                "id": "esx02",
                "kind": "physical",
                "site": "DC1",
                "cluster": "esx-cl01",
                "role": "hypervisor",
                "os_product": "VMware ESXi",
                "os_version": "7.0",
            },
            {
                "municipality": V,
                "id": "vm-sql01",
                "kind": "virtual",
                "cluster": "esx-cl01",
                "os_product": "Windows Server",
                "os_version": "2019",
            },
            {
                "municipality": V,
                "id": "vm-app01",
                "kind": "virtual",
                "cluster": "esx-cl01",
                "os_product": "Windows Server",
                "os_version": "2016",
            },
            {"municipality": V, "id": "vm-pinned", "kind": "virtual", "host": "esx01"},
            {"municipality": V, "id": "srv-old", "kind": "physical", "site": "DC1"},
            {"municipality": V, "id": "vm-x", "kind": "virtual", "host": "vm-y"},
            {"municipality": V, "id": "vm-y", "kind": "virtual", "host": "vm-x"},
        ],
        "storage": [
            {
                "municipality": V,
                "id": "san01",
                "kind": "san",
                "site": "DC1",
                "replicates_to": "gnosjo:san01",
            },
            {
                "municipality": G,
                "id": "san01",
                "kind": "san",
                "site": "DC1",
                "replicates_to": "vaggeryd:san01",
            },
        ],
        "network_device": [
            {"municipality": V, "id": "fw01", "role": "firewall", "site": "DC1"},
            {
                "municipality": V,
                "id": "ap-sch1",
                "role": "access_point",
                "site": "SCH1",
                "quantity": 40,
            },
        ],
        "platform": [
            {
                "municipality": V,
                "id": "p-vmware",
                "capability": "hypervisor",
                "product": "vSphere",
                "runs_on": ["esx-cl01"],
            },
            {
                "municipality": V,
                "id": "p-sql",
                "capability": "database",
                "product": "SQL Server",
                "runs_on": ["vm-sql01"],
            },
            {
                "municipality": V,
                "id": "p-intune",
                "capability": "endpoint_management",
                "product": "Intune",
                "deployment": "saas",
            },
            {
                "municipality": V,
                "id": "p-gws",
                "capability": "endpoint_management",
                "product": "Google Workspace",
                "deployment": "saas",
            },
            {
                "municipality": V,
                "id": "p-unused",
                "capability": "database",
                "product": "Oracle Database",
                "runs_on": ["vm-app01"],
            },
            {
                "municipality": V,
                "id": "p-monitor",
                "capability": "monitoring",
                "product": "Nagios",
                "runs_on": ["vm-app01"],
            },
        ],
        "application": [
            {
                "municipality": V,
                "id": "app-procapita",
                "name": "Procapita",
                "depends_on": ["p-sql", "vm-app01"],
                "deployment": "on_prem",
            },
            {"municipality": V, "id": "app-lonely", "name": "Lonely", "deployment": "on_prem"},
            {"municipality": V, "id": "app-saas", "name": "Cloudy", "deployment": "saas"},
        ],
        "client": [
            {
                "municipality": V,
                "id": "c1",
                "kind": "laptop",
                "vendor": "HP",
                "model": "EliteBook 840",
                "os_product": "Windows",
                "os_version": "11",
                "managed_by": "p-intune",
                "site": "OFF1",
                "quantity": 100,
            },
            {
                "municipality": V,
                "id": "c2",
                "kind": "laptop",
                "vendor": "HP",
                "model": "EliteBook 840",
                "os_product": "Windows",
                "os_version": "11",
                "managed_by": "p-intune",
                "site": "SCH1",
                "quantity": 50,
            },
            {
                "municipality": V,
                "id": "c3",
                "kind": "laptop",
                "vendor": "HP",
                "model": "EliteBook 840",
                "os_product": "Windows",
                "os_version": "11",
                "managed_by": "p-intune",
                "site": "SCH1",
            },
            {
                "municipality": V,
                "id": "c4",
                "kind": "chromebook",
                "vendor": "Acer",
                "model": "C733",
                "os_product": "ChromeOS",
                "managed_by": "p-gws",
                "site": "SCH1",
                "quantity": 300,
            },
            {
                "municipality": G,
                "id": "c1",
                "kind": "laptop",
                "vendor": "HP",
                "model": "EliteBook 840",
                "os_product": "Windows",
                "os_version": "11",
                "managed_by": "vaggeryd:p-intune",
                "site": "SCH2",
                "quantity": 80,
            },
        ],
    }


@pytest.fixture
def two_municipalities() -> InventorySnapshot:
    """Vaggeryd and Gnosjö by hand: a cluster with VMs, platforms, applications, fleets."""
    return build_snapshot(two_municipality_records())
