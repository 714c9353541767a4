"""A hypervisor host the plan retires joins no joint platform: it is not registered with the
joint vCenter (``host_registration``) nor onboarded to the joint monitoring
(``monitoring_onboarding``); a host with supported hardware at the same site is.

Expected hours are computed by hand from the inventory and the target's efforts below."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from inventory.gap.result import GapReport, compute_gap
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)  # horizon 12 months: 2027-11-23
KEEP, LEAVE = "aa", "bb"  # aa runs the joint platforms; bb gives up its server room
EFFORTS = {
    "host_registration_hours": 3,
    "monitoring_onboarding_hours_per_device": 1,
    "hourly_rate": 1000,
}


def _host(
    municipality: str,
    key: str,
    site: str,
    cluster: str,
    warranty_end: dt.date,
    product: str,
    version: str,
) -> dict[str, Any]:
    return {
        "municipality": municipality,
        "id": key,
        "kind": "physical",
        "site": site,
        "cluster": cluster,
        "role": "hypervisor",
        "os_product": product,
        "os_version": version,
        "cpu_cores": 32,
        "ram_gb": 512.0,
        "warranty_end": warranty_end,
    }


def _vm(municipality: str, key: str, cluster: str) -> dict[str, Any]:
    return {
        "municipality": municipality,
        "id": key,
        "kind": "virtual",
        "cluster": cluster,
        "role": "application",
        "os_product": "Windows Server",
        "os_version": "2022",
        "cpu_cores": 4,
        "ram_gb": 16.0,
        "storage_gb": 100.0,
    }


def _platform(
    municipality: str, key: str, capability: str, vendor: str, product: str, version: str
) -> dict[str, Any]:
    return {
        "municipality": municipality,
        "id": key,
        "capability": capability,
        "vendor": vendor,
        "product": product,
        "version": version,
    }


@pytest.fixture(scope="module")
def gap() -> GapReport:
    """aa: NEW (the primary datacentre) with esx-new (supported) and its own vCenter and
    Zabbix. bb: OLD (given up) with esx-worn (VMware, support ended 2025-02-01), hv-ending
    (Hyper-V, support ends 2027-06-30, within the horizon) and esx-sound (supported to
    2030), 3 VMs, a retired host (status retired), and its own vCenter and Zabbix."""
    retired_row = {
        **_host(LEAVE, "esx-gone", "OLD", "cl-old", dt.date(2030, 1, 1), "VMware ESXi", "7.0 U3"),
        "status": "retired",
    }
    snapshot = build_snapshot(
        {
            "municipality": [
                {"municipality": m, "code": m, "name": m.title(), "country": "SE"}
                for m in (KEEP, LEAVE)
            ],
            "site": [
                {"municipality": KEEP, "id": "NEW", "name": "New DC", "kind": "datacentre"},
                {"municipality": LEAVE, "id": "OLD", "name": "Old room", "kind": "server_room"},
            ],
            "server": [
                _host(
                    KEEP, "esx-new", "NEW", "cl-new", dt.date(2031, 1, 1), "VMware ESXi", "8.0 U2"
                ),
                _host(
                    LEAVE, "esx-worn", "OLD", "cl-old", dt.date(2025, 2, 1), "VMware ESXi", "7.0 U3"
                ),
                _host(
                    LEAVE,
                    "hv-ending",
                    "OLD",
                    "cl-hv",
                    dt.date(2027, 6, 30),
                    "Windows Server",
                    "2016",
                ),
                _host(
                    LEAVE,
                    "esx-sound",
                    "OLD",
                    "cl-keep",
                    dt.date(2030, 1, 1),
                    "VMware ESXi",
                    "7.0 U3",
                ),
                retired_row,
                _vm(LEAVE, "vm-a", "cl-old"),
                _vm(LEAVE, "vm-b", "cl-hv"),
                _vm(LEAVE, "vm-c", "cl-keep"),
            ],
            "platform": [
                *(
                    _platform(m, "p-vc", "hypervisor", "VMware", "VMware vSphere", "8.0")
                    for m in (KEEP, LEAVE)
                ),
                *(
                    _platform(m, "p-mon", "monitoring", "Zabbix", "Zabbix", "7.0")
                    for m in (KEEP, LEAVE)
                ),
            ],
        }
    )
    target = TargetArchitecture.model_validate(
        {
            "name": "host registration",
            "lifecycle": {"horizon_months": 12},
            "efforts": EFFORTS,
            "capabilities": {
                "hypervisor": {
                    "products": [
                        {"product": "VMware vSphere", "vendor": "VMware", "min_version": "8.0"}
                    ]
                },
                "monitoring": {"products": [{"product": "Zabbix", "vendor": "Zabbix"}]},
            },
            "server_os": [
                {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"}
            ],
            "datacentres": {"primary": f"{KEEP}:NEW"},
        }
    )
    return compute_gap(snapshot, target, as_of=AS_OF)


def _lines(gap: GapReport, action: str) -> Any:
    return gap.items[gap.items["action"] == action]


def test_retired_hosts_are_not_registered_with_the_joint_vcenter(gap: GapReport) -> None:
    # both worn-out hosts are retired by the plan (VMware and Hyper-V alike)
    retired = set(_lines(gap, "host_retirement")["asset"])
    assert retired == {f"{LEAVE}:esx-worn", f"{LEAVE}:hv-ending"}
    registered = _lines(gap, "host_registration")
    # bb's vCenter merges into aa's (the primary datacentre's): esx-sound alone is
    # registered, 1 x 3 h = 3 h, 3,000 (not 3 hosts x 3 h = 9 h); aa's own host is
    # already on the kept instance, esx-gone is retired in the inventory
    assert registered["municipality"].tolist() == [LEAVE]
    assert registered["quantity"].tolist() == [1.0]
    assert registered["hours"].sum() == 1 * 3
    assert registered["cost"].sum() == 1 * 3 * 1000


def test_retired_hosts_are_not_onboarded_to_the_joint_monitoring(gap: GapReport) -> None:
    onboarded = _lines(gap, "monitoring_onboarding")
    # bb's Zabbix merges into aa's: vm-a, vm-b, vm-c and esx-sound = 4 devices x 1 h
    assert onboarded["municipality"].tolist() == [LEAVE]
    assert onboarded["quantity"].tolist() == [3 + 1]
    assert onboarded["hours"].sum() == (3 + 1) * 1


def test_the_consolidation_table_counts_the_same_hours(gap: GapReport) -> None:
    table = gap.consolidation.set_index("capability")
    assert table.at["hypervisor", "hours"] == 1 * 3
    assert table.at["monitoring", "hours"] == (3 + 1) * 1
