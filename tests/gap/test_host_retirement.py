"""A hypervisor host past its hardware support at a site given up is not moved and upgraded:
its VMs move onto the target clusters and the host is retired (item, hours, cost, wave, the
end-of-life plan row); a host with supported hardware there is moved as before.

Expected hours and costs are computed by hand from the target's efforts below."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from inventory.gap.result import GapReport, compute_gap
from inventory.messages import Message, MessageList, message_text
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)  # horizon 12 months: 2027-11-23
M = "testby"
EFFORTS = {
    "physical_server_migration_hours": 20,
    "virtual_server_migration_hours": 4,
    "os_upgrade_hours": 6,
    "host_retirement_hours": 5,
    "hourly_rate": 1000,
}


def _host(key: str, site: str, cluster: str, warranty_end: dt.date, version: str) -> dict[str, Any]:
    return {
        "municipality": M,
        "id": key,
        "kind": "physical",
        "site": site,
        "cluster": cluster,
        "role": "hypervisor",
        "os_product": "VMware ESXi",
        "os_version": version,
        "cpu_cores": 32,
        "ram_gb": 512.0,
        "warranty_end": warranty_end,
    }


def _vm(key: str, cluster: str) -> dict[str, Any]:
    return {
        "municipality": M,
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


@pytest.fixture(scope="module")
def gap() -> GapReport:
    """OLD (given up): esx-worn (ESXi 7.0, support ended 2025-02-01) and esx-ending (ESXi
    7.0, support ends 2027-06-30, within the horizon) in cluster cl-old with vm-a and
    vm-b; esx-sound (ESXi 7.0, supported to 2030) alone in cl-keep with vm-c; a SAN of
    3 TB used. NEW
    (primary): esx-new (ESXi 8.0, supported) in cl-new. The target: vSphere 8.0."""
    snapshot = build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Testby", "country": "SE"}],
            "site": [
                {"municipality": M, "id": "OLD", "name": "Old room", "kind": "server_room"},
                {"municipality": M, "id": "NEW", "name": "New DC", "kind": "datacentre"},
            ],
            "server": [
                _host("esx-worn", "OLD", "cl-old", dt.date(2025, 2, 1), "7.0 U3"),
                _host("esx-ending", "OLD", "cl-old", dt.date(2027, 6, 30), "7.0 U3"),
                _host("esx-sound", "OLD", "cl-keep", dt.date(2030, 1, 1), "7.0 U3"),
                _host("esx-new", "NEW", "cl-new", dt.date(2031, 1, 1), "8.0 U2"),
                _vm("vm-a", "cl-old"),
                _vm("vm-b", "cl-old"),
                _vm("vm-c", "cl-keep"),
            ],
            "storage": [
                {
                    "municipality": M,
                    "id": "san-old",
                    "kind": "san",
                    "site": "OLD",
                    "capacity_tb": 10.0,
                    "used_tb": 3.0,
                    "warranty_end": dt.date(2030, 1, 1),
                }
            ],
        }
    )
    target = TargetArchitecture.model_validate(
        {
            "name": "host retirement",
            "lifecycle": {"horizon_months": 12},
            "efforts": EFFORTS,
            "capabilities": {
                "hypervisor": {
                    "products": [
                        {"product": "VMware vSphere", "vendor": "VMware", "min_version": "8.0"}
                    ]
                }
            },
            "server_os": [
                {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"}
            ],
            "datacentres": {"primary": f"{M}:NEW"},
        }
    )
    return compute_gap(snapshot, target, as_of=AS_OF)


def _actions(gap: GapReport, key: str) -> set[str]:
    return set(gap.items.loc[gap.items["asset"] == f"{M}:{key}", "action"])


def test_worn_out_hosts_are_retired_not_moved_or_upgraded(gap: GapReport) -> None:
    items = gap.items.set_index(["asset", "action"])
    for host in ("esx-worn", "esx-ending"):  # support ended, or ends within the horizon
        assert _actions(gap, host) == {"host_retirement"}
        # 1 x host_retirement_hours (5) x 1,000 per hour
        assert items.at[(f"{M}:{host}", "host_retirement"), "hours"] == 1 * 5
        assert items.at[(f"{M}:{host}", "host_retirement"), "cost"] == 5 * 1000
        assert items.at[(f"{M}:{host}", "host_retirement"), "buys"] == ""  # nothing bought
    # the host with supported hardware is moved as before, and upgraded at its destination
    assert _actions(gap, "esx-sound") == {"physical_server_migration", "os_upgrade"}
    assert items.at[(f"{M}:esx-sound", "physical_server_migration"), "hours"] == 1 * 20
    assert items.at[(f"{M}:esx-sound", "os_upgrade"), "hours"] == 1 * 6
    # every VM of the site given up moves onto the target clusters: 1 x 4 h each
    for vm in ("vm-a", "vm-b", "vm-c"):
        assert items.at[(f"{M}:{vm}", "virtual_server_migration"), "hours"] == 1 * 4
    # the work on the servers: 2 x 5 + 20 + 6 + 3 x 4 = 48 h (no move or upgrade of a
    # retired host: 2 x (20 + 6) = 52 h less than before)
    servers = gap.items[gap.items["node"].str.contains(":server:", regex=False)]
    assert servers["hours"].sum() == 2 * 5 + 20 + 6 + 3 * 4
    worn = gap.items[gap.items["action"] == "host_retirement"].set_index("asset")
    detail = worn.at[f"{M}:esx-worn", "detail_message"]
    ending = worn.at[f"{M}:esx-ending", "detail_message"]
    assert isinstance(detail, Message) and isinstance(ending, Message)
    assert "the host is retired: its hardware support ended 2025-02-01" in str(
        message_text(detail, "en")
    )
    assert "support ends 2027-06-30" in message_text(ending, "en")
    assert "värden avvecklas" in message_text(detail, "sv")


def test_a_host_is_retired_after_the_vms_of_its_site_have_moved(gap: GapReport) -> None:
    items = gap.items
    retire = items.loc[items["action"] == "host_retirement", "wave"]
    vms = items.loc[items["action"] == "virtual_server_migration", "wave"]
    assert retire.min() > vms.max()
    # and in the dated plan: the retirement's package starts once the VMs' has ended, and
    # waits for it (the rule vms-before-host-retirement)
    plan = gap.plan.set_index("wave")
    vm_package = plan.loc[vms.max()]
    retire_package = plan.loc[retire.min()]
    assert retire_package["start"] >= vm_package["end"]
    assert vm_package["package"] in str(retire_package["depends_on"]).split(";")


def test_the_host_that_moves_moves_with_its_storage(gap: GapReport) -> None:
    items = gap.items.set_index(["asset", "action"])
    # 3 TB used x storage_migration_hours_per_tb (default 2)
    assert items.at[(f"{M}:san-old", "storage_migration"), "hours"] == 3 * 2
    # the rule hosts-with-their-storage: the SAN and esx-sound in one wave
    san_wave = str(items.at[(f"{M}:san-old", "storage_migration"), "wave"])
    assert san_wave == str(items.at[(f"{M}:esx-sound", "physical_server_migration"), "wave"])


def test_the_end_of_life_plan_says_what_removes_the_host(gap: GapReport) -> None:
    plan = gap.eol_plan.set_index("asset")
    retired = gap.items[gap.items["action"] == "host_retirement"].set_index("asset")
    for host in ("esx-worn", "esx-ending"):  # ESXi 7.0 is past its end
        row = plan.loc[f"{M}:{host}"]
        assert (row["outcome"], row["action"]) == ("item", "host_retirement")
        assert row["item_id"] == retired.at[f"{M}:{host}", "item_id"]
    assert plan.at[f"{M}:esx-sound", "action"] == "os_upgrade"


def test_the_compute_check_counts_the_vms_of_the_retired_hosts(gap: GapReport) -> None:
    compute = gap.compute.set_index("resource")
    # vm-a, vm-b, vm-c: 3 x 4 vCPU, 3 x 16 GB; esx-new: 32 cores x 4 (default ratio)
    assert compute.at["vcpu", "moving"] == 3 * 4
    assert compute.at["ram", "moving"] == 3 * 16
    assert compute.at["vcpu", "capacity"] == 32 * 4
    assert gap.compute_verdict is not None and gap.compute_verdict.moving_vms == 3
    # the retired hosts take no rack units in the new datacentre: esx-sound alone moves
    assert gap.capacity_verdict.moving_physical_servers == 1


def test_the_yearly_cost_after_counts_no_retired_host(gap: GapReport) -> None:
    """Four physical hosts in service today; the plan retires esx-worn and esx-ending, so
    the cost after the merger renews and powers two (esx-sound, esx-new) and says why."""
    assert gap.business_case is not None
    lines = gap.business_case.lines.set_index("item")
    renewal = lines.loc["renewal:physical_server"]
    assert renewal["quantity"] == 2.0
    assert "2 physical servers the plan retires or switches off" in renewal["note"]
    note = renewal["note_message"]
    assert isinstance(note, MessageList)
    assert "2 fysiska servrar som planen avvecklar" in message_text(note, "sv")
    energy = lines.loc["hosting"]
    # 2 servers x 400 W (the default per physical server) x 8,760 h = 7,008 kWh
    assert energy["quantity"] == pytest.approx(2 * 0.4 * 8760)
    assert "2 physical servers the plan retires or switches off" in energy["note"]
