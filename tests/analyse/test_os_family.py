"""Role-aware targets: servers stay in their OS family, appliances get vendor upgrades.

Inputs of our own: Linux distributions, a Unix, Windows Server written loosely, an
appliance by kind (Photon OS of a vCenter appliance) and by product (FortiOS, ONTAP on a
server row), an OS nobody knows; target Windows Server 2022 and Red Hat Enterprise Linux 9.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.os_family import os_family
from inventory.gap.result import compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from inventory.target.propose import propose_target

SnapshotBuilder = Callable[[Mapping[str, Sequence[Mapping[str, Any]]]], InventorySnapshot]
AS_OF = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("product_id", "family"),
    [
        ("windows-server", "windows"),
        ("hyper-v", "windows"),
        ("rhel", "linux"),
        ("ubuntu", "linux"),
        ("debian", "linux"),
        ("sles", "linux"),
        ("rocky-linux", "linux"),
        ("freebsd", "unix"),
        ("ibm-aix", "unix"),
        ("oracle-solaris", "unix"),
        ("vmware-photon", "appliance"),
        ("vmware-vcenter", "appliance"),
        ("fortios", "appliance"),
        ("cisco-ios-xe", "appliance"),
        ("netapp-ontap", "appliance"),
        ("big-ip", "appliance"),
        ("juniper-junos", "appliance"),
        ("pure-flasharray", "appliance"),
        ("mssqlserver", None),
        ("windows", None),
        (None, None),
    ],
)
def test_os_family(product_id: str | None, family: str | None) -> None:
    assert os_family(Normaliser.default(), product_id) == family


def _server(
    m: str, key: str, os_product: str, os_version: str | None, kind: str = "virtual"
) -> dict[str, Any]:
    return {
        "municipality": m,
        "id": key,
        "hostname": key,
        "kind": kind,
        "os_product": os_product,
        "os_version": os_version,
        "role": "application",
    }


def _records() -> dict[str, list[dict[str, Any]]]:
    return {
        "municipality": [
            {"municipality": m, "code": m, "name": m.title(), "country": c}
            for m, c in (("alfa", "SE"), ("beta", "NO"))
        ],
        "server": [
            _server("alfa", "lin1", "Ubuntu Server", "18.04 LTS"),
            _server("alfa", "lin2", "Debian GNU/Linux", "10"),
            _server("beta", "lin3", "Red Hat Enterprise Linux", "7.9"),
            _server("beta", "unix1", "Oracle Solaris", "10"),
            _server("alfa", "win1", "Windows filserver", "2012 R2"),
            _server("beta", "win2", "Microsoft Windows Server 2016 Standard", None),
            _server("alfa", "vcsa", "VMware Photon OS", "3.0", kind="appliance"),
            _server("beta", "fw1", "FortiOS", "6.4.9"),
            _server("beta", "nas1", "NetApp ONTAP", "9.12.1", kind="appliance"),
            _server("beta", "fw2", "FortiOS", "7.6.2"),
            _server("alfa", "odd1", "Frobnix OS", "2"),
        ],
    }


TARGET = TargetArchitecture.model_validate(
    {
        "name": "test",
        "municipalities": ["alfa", "beta"],
        "server_os": [
            {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"},
            {"product": "Red Hat Enterprise Linux", "vendor": "Red Hat", "min_version": "9"},
        ],
    }
)


@pytest.fixture
def gap(snapshot_of: SnapshotBuilder) -> Any:
    return compute_gap(snapshot_of(_records()), TARGET, as_of=AS_OF)


def _matrix_rows(gap: Any) -> dict[str, dict[str, Any]]:
    matrix: pd.DataFrame = gap.matrix
    return {
        str(row["block_id"]): {str(k): v for k, v in row.items()}
        for row in matrix.to_dict("records")
    }


def test_servers_stay_in_their_os_family(gap: Any) -> None:
    rows = _matrix_rows(gap)
    by_product = {
        block.split(":")[1]: row
        for block, row in rows.items()
        if block.startswith(("server_os:", "appliance:"))
    }
    assert by_product["ubuntu"]["target_title"] == "Red Hat Enterprise Linux"
    assert by_product["debian"]["target_title"] == "Red Hat Enterprise Linux"
    assert by_product["rhel"]["status"] == "changed"  # 7 -> 9: an upgrade of its own
    assert by_product["windows-server"]["target_title"] == "Windows Server"
    # a Unix has no kin in the target: never Windows Server, said so
    solaris = by_product["oracle-solaris"]
    assert solaris["target_title"] == "" and "no Unix server OS" in solaris["detail"]
    odd = next(row for block, row in rows.items() if "frobnix" in block)
    assert odd["target_title"] == "" and "OS family not known" in odd["detail"]
    for row in rows.values():
        if row["target_title"] == "Windows Server":
            assert row["product_id"] == "windows-server"


def test_appliances_get_vendor_upgrades_never_an_os_change(gap: Any) -> None:
    rows = _matrix_rows(gap)
    appliances = {block: row for block, row in rows.items() if block.startswith("appliance:")}
    assert {row["product_id"] for row in appliances.values()} == {
        "vmware-photon",
        "fortios",
        "netapp-ontap",
    }
    # FortiOS 6.4 ended 2024-09-30, Photon OS 3.0 and ONTAP 9.12.1 have ended too: the
    # vendor's upgrade; FortiOS 7.6 (to 2030-01-25) is kept as it is
    assert {block: (row["status"], row["reason"]) for block, row in appliances.items()} == {
        "appliance:fortios:6.4": ("changed", "vendor_upgrade"),
        "appliance:fortios:7.6": ("included", ""),
        "appliance:vmware-photon:3.0": ("changed", "vendor_upgrade"),
        "appliance:netapp-ontap:9.12.1": ("changed", "vendor_upgrade"),
    }
    assert "kept" in appliances["appliance:fortios:7.6"]["detail"]
    assert all(row["target_title"] == "" for row in appliances.values())
    items: pd.DataFrame = gap.items
    servers = items[items["domain"] == "datacentre"]
    vendor = servers[servers["action"] == "vendor_upgrade"]
    assert sorted(vendor["asset"]) == ["alfa:vcsa", "beta:fw1", "beta:nas1"]
    assert vendor["detail"].str.endswith("-> a supported release from its vendor").all()
    os_items = servers[servers["action"] == "os_upgrade"]
    assert not os_items["asset"].isin(["alfa:vcsa", "beta:fw1", "beta:fw2", "beta:nas1"]).any()
    solaris = os_items.loc[os_items["asset"] == "beta:unix1", "detail"].iloc[0]
    assert solaris == (
        "Oracle Solaris 10 -> the target names no Unix server OS: keep a supported Oracle Solaris"
    )
    assert not os_items["detail"].str.contains("Photon|FortiOS|ONTAP").any()
    linux = os_items[os_items["asset"].isin(["alfa:lin1", "alfa:lin2", "beta:lin3"])]
    assert len(linux) == 3 and not linux["detail"].str.contains("Windows").any()


def test_proposed_server_standards_are_per_family(snapshot_of: SnapshotBuilder) -> None:
    records = _records()
    # every product in both municipalities, so that each is standardised
    records["server"] += [
        {**row, "municipality": "beta" if row["municipality"] == "alfa" else "alfa"}
        for row in list(records["server"])
    ]
    proposal = propose_target(snapshot_of(records), as_of=AS_OF)
    proposed = {choice.product for choice in proposal.target.server_os}
    assert not any("Photon" in p or "FortiOS" in p or "ONTAP" in p for p in proposed)
    for capability in proposal.capabilities:
        if capability.capability.startswith("server_os:"):
            product_id = capability.capability.split(":", 1)[1]
            chosen = capability.chosen
            assert chosen is None or chosen.product_id == product_id
