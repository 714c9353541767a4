"""One derivation of assets: overlap and gap classify and name every server the same way."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

from inventory.analyse.assets import derive_assets, hypervisor_hosts
from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap.blocks import baseline_assets
from inventory.snapshot import InventorySnapshot
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)
M = "testby"


def _server(
    key: str,
    kind: str,
    os_product: str,
    os_version: str | None = None,
    *,
    role: str | None = None,
    cluster: str | None = None,
) -> dict[str, Any]:
    return {
        "municipality": M,
        "id": key,
        "kind": kind,
        "role": role,
        "cluster": cluster,
        "os_product": os_product,
        "os_version": os_version,
    }


#: (server, the capability it must have in overlap and gap)
SERVERS: list[tuple[dict[str, Any], str]] = [
    # a hypervisor host by its role only (its OS written as a Windows Server)
    (_server("role-only", "physical", "Windows Server", "2019", role="hypervisor"), "hypervisor"),
    # by its product only (ESXi, no role, no cluster)
    (_server("product-only", "physical", "VMware ESXi", "8.0 U3"), "hypervisor"),
    # both
    (
        _server("both", "physical", "VMware ESXi", "7.0 U3", role="hypervisor", cluster="cl1"),
        "hypervisor",
    ),
    # a physical member of a (hypervisor) cluster without role or hypervisor product
    (_server("cluster-member", "physical", "Windows Server", "2022", cluster="cl2"), "hypervisor"),
    # neither: a server OS, also a VM that names the cluster it runs on
    (_server("neither", "physical", "Windows Server", "2022", role="application"), "server_os"),
    (_server("vm", "virtual", "Windows Server", "2022", cluster="cl1"), "server_os"),
    # unmatched products in other spellings
    (_server("odd-1", "virtual", "Acme OS", "5"), "server_os"),
    (_server("odd-2", "virtual", "ACME OS 6"), "server_os"),
    (_server("odd-3", "physical", "acme os", role="hypervisor"), "hypervisor"),
]


@pytest.fixture(scope="module")
def snapshot() -> InventorySnapshot:
    return build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Testby", "country": "SE"}],
            "server": [server for server, _ in SERVERS],
            "network_device": [
                {
                    "municipality": M,
                    "id": "sw1",
                    "role": "access_switch",
                    "vendor": "Acme Net",
                    "model": "Switchy 24",
                    "quantity": 3,
                },
                {
                    "municipality": M,
                    "id": "sw2",
                    "role": "access_switch",
                    "vendor": "Acme Net",
                    "model": "Routy 9",
                    "quantity": 2,
                },
            ],
        }
    )


@pytest.fixture(scope="module")
def normaliser() -> Normaliser:
    return Normaliser.default()


def test_each_server_has_the_expected_capability_in_gap_and_overlap(
    snapshot: InventorySnapshot, normaliser: Normaliser
) -> None:
    gap = baseline_assets(snapshot, normaliser, AS_OF, fleets=True)
    servers = gap[gap["kind"] == "server"].set_index("record_id")
    expected = {server["id"]: capability for server, capability in SERVERS}
    assert servers["capability"].to_dict() == expected
    # overlap counts the same servers on the same (capability, product)
    usage = compute_overlap(snapshot, normaliser).usage
    usage = usage[usage["domain"] == "datacentre"]
    from_gap = servers.groupby(["capability", "product_id"])["count"].sum()
    from_overlap = usage.set_index(["capability", "product_id"])["assets"]
    pd.testing.assert_series_equal(
        from_gap.sort_index(), from_overlap.sort_index(), check_names=False
    )


def test_unmatched_spellings_are_one_product_named_the_same(
    snapshot: InventorySnapshot, normaliser: Normaliser
) -> None:
    gap = baseline_assets(snapshot, normaliser, AS_OF).set_index("record_id")
    odd = gap.loc[["odd-1", "odd-2", "odd-3"], "product_id"]
    assert set(odd) == {"unlisted::acme os"}  # versions do not split a product
    usage = compute_overlap(snapshot, normaliser).usage
    assert set(usage.loc[usage["product_id"].str.startswith("unlisted:"), "product_id"]) >= {
        "unlisted::acme os"
    }


def test_network_devices_are_named_by_their_model(
    snapshot: InventorySnapshot, normaliser: Normaliser
) -> None:
    # no longer one ``unlisted:<vendor>:`` for every unmatched model of a vendor
    gap = baseline_assets(snapshot, normaliser, AS_OF).set_index("record_id")
    product = {key: str(gap.loc[key, "product_id"]) for key in ("sw1", "sw2")}
    assert product["sw1"] != product["sw2"]
    assert (gap.loc["sw1", "count"], gap.loc["sw2", "count"]) == (3, 2)
    usage = compute_overlap(snapshot, normaliser).usage.set_index("product_id")
    assert usage.loc[product["sw1"], "assets"] == 3
    assert gap.loc["sw1", "domain"] == "network"


def test_hypervisor_rule_by_hand() -> None:
    kind = pd.Series(["physical", "physical", "virtual", "physical", "appliance", None])
    role = pd.Series([None, "hypervisor", "hypervisor", None, None, None])
    cluster = pd.Series([None, None, None, "cl1", "cl1", None])
    product = pd.Series(
        ["windows-server", "windows-server", "vmware-esxi", "rhel", "fortios", "hyper-v"]
    )
    assert hypervisor_hosts(kind, role, cluster, product).tolist() == [
        False,
        True,
        False,
        True,
        False,
        True,
    ]


def test_overlap_derivation_has_no_lifecycle(
    snapshot: InventorySnapshot, normaliser: Normaliser
) -> None:
    assets = derive_assets(snapshot, normaliser, None)
    assert set(assets["lifecycle_state"]) == {"unknown"}


def test_business_applications_are_derived_once_for_gap_and_overlap(normaliser: Normaliser) -> None:
    """The gap's application assets are ``derive_assets``'s rows (the one overlap reads),
    with users and the vendor as written: one product identity and business area each."""
    from inventory.analyse.applications import application_assets

    inventory = build_snapshot(
        {
            "application": [
                {
                    "municipality": "aa",
                    "id": "a1",
                    "name": "Procapita",
                    "vendor": "Tieto Evry",
                    "product": "Procapita",
                    "business_area": "social_care",
                    "users": 120,
                },
                {
                    "municipality": "bb",
                    "id": "b1",
                    "name": "Acme Omsorg",
                    "vendor": "Acme AB",
                    "product": "Acme Omsorg",
                    "business_area": "social_care",
                },
                {
                    "municipality": "bb",
                    "id": "b2",
                    "name": "Kalkyl",
                    "vendor": "Acme AB",
                    "product": "Kalkyl",
                },
            ]
        }
    )
    gap = application_assets(inventory, normaliser, AS_OF).set_index("record_id")
    shared = derive_assets(inventory, normaliser, AS_OF, kinds=("application",)).set_index(
        "record_id"
    )
    columns = ["product_id", "title", "capability", "block_id", "lifecycle_state"]
    pd.testing.assert_frame_equal(gap.loc[shared.index, columns], shared[columns])
    assert gap.loc["a1", "users"] == 120 and gap.loc["b1", "users"] == 0
    assert gap.loc["b2", "capability"] == "other"  # no business area written
    assert gap.loc["b1", "vendor_written"] == "Acme AB"
    assert str(gap.loc["b1", "product_id"]).startswith("unlisted:")
