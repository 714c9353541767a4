"""The compute check: vCPU, RAM and datastore of the VMs that move onto the target clusters,
against what the hosts and datastores at the primary and secondary datacentre offer.

Expected figures are computed by hand from the inventory and the target's ratios."""

from __future__ import annotations

from typing import Any

from inventory.gap.capacity import compute_capacity
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

A, B = "aa", "bb"


def inventory(moving_ram_gb: float, *, unplaced: bool = False) -> InventorySnapshot:
    """aa:DC1 (primary) has two hosts of 32 cores and 512 GB, one VM (8 vCPU, 64 GB,
    500 GB) and a SAN of 20 TB (5 used) plus a backup target that holds no VM;
    bb:SR1 (evacuated) has one host and two VMs of 16 vCPU, ``moving_ram_gb`` GB and
    1,000 GB each."""
    servers: list[dict[str, Any]] = [
        *(
            {
                "municipality": A,
                "id": f"esx0{n}",
                "kind": "physical",
                "site": "DC1",
                "cluster": "cl1",
                "role": "hypervisor",
                "os_product": "VMware ESXi",
                "os_version": "8.0",
                "cpu_cores": 32,
                "ram_gb": 512.0,
            }
            for n in (1, 2)
        ),
        {
            "municipality": A,
            "id": "vm01",
            "kind": "virtual",
            "cluster": "cl1",
            "cpu_cores": 8,
            "ram_gb": 64.0,
            "storage_gb": 500.0,
        },
        {
            "municipality": B,
            "id": "esx01",
            "kind": "physical",
            "site": "SR1",
            "cluster": "cl2",
            "role": "hypervisor",
            "cpu_cores": 24,
            "ram_gb": 256.0,
        },
        *(
            {
                "municipality": B,
                "id": f"vm0{n}",
                "kind": "virtual",
                "cluster": "cl2",
                "cpu_cores": 16,
                "ram_gb": moving_ram_gb,
                "storage_gb": 1000.0,
            }
            for n in (1, 2)
        ),
    ]
    if unplaced:
        servers.append(
            {"municipality": B, "id": "vm-lost", "kind": "virtual", "cpu_cores": 4, "ram_gb": 8.0}
        )
    return build_snapshot(
        {
            "municipality": [
                {"municipality": m, "code": m, "name": m, "country": "SE"} for m in (A, B)
            ],
            "site": [
                {"municipality": A, "id": "DC1", "kind": "datacentre"},
                {"municipality": B, "id": "SR1", "kind": "server_room"},
            ],
            "server": servers,
            "storage": [
                {
                    "municipality": A,
                    "id": "san01",
                    "kind": "san",
                    "site": "DC1",
                    "capacity_tb": 20.0,
                    "used_tb": 5.0,
                },
                {
                    "municipality": A,
                    "id": "bk01",
                    "kind": "backup_target",
                    "site": "DC1",
                    "capacity_tb": 100.0,
                    "used_tb": 10.0,
                },
            ],
        }
    )


TARGET = TargetArchitecture.model_validate(
    {
        "name": "compute",
        "datacentres": {
            "primary": f"{A}:DC1",
            "vcpu_per_core": 4,
            "usable_ram_share": 0.75,
            "usable_storage_share": 0.7,
        },
    }
)


def test_vms_that_fit() -> None:
    table, verdict = compute_capacity(inventory(128.0), TARGET)
    rows = table.set_index("resource")

    def figures(resource: str) -> list[float]:
        row = table[table["resource"] == resource].iloc[0]
        return [float(row[column]) for column in ("moving", "capacity", "in_use", "free")]

    # vCPU: 2 hosts x 32 cores x 4 = 256, 8 in use: 248 free; 2 x 16 = 32 move
    assert figures("vcpu") == [32.0, 2 * 32 * 4.0, 8.0, 2 * 32 * 4.0 - 8]
    # RAM: 2 x 512 GB x 0.75 = 768, 64 in use: 704 free; 2 x 128 = 256 move
    assert figures("ram") == [256.0, 2 * 512 * 0.75, 64.0, 2 * 512 * 0.75 - 64]
    # datastore: the SAN's 20 TB x 0.7 = 14, 5 used: 9 free (the backup target holds no
    # VM); 2 x 1,000 GB = 2 TB move
    assert figures("storage") == [2.0, 20 * 0.7, 5.0, 20 * 0.7 - 5]
    assert rows["short"].tolist() == [0.0, 0.0, 0.0]
    assert rows["fits"].all() and verdict.fits
    assert (verdict.moving_vms, verdict.hosts, verdict.unplaced_vms) == (2, 2, 0)
    assert "can run the 2 virtual servers" in verdict.summary


def test_vms_that_do_not_fit_say_by_how_much() -> None:
    table, verdict = compute_capacity(inventory(400.0, unplaced=True), TARGET)
    rows = table.set_index("resource")
    # 2 x 400 GB = 800 GB move into 704 GB free: 96 GB short
    assert rows.loc["ram", "moving"] == 800.0
    assert rows.loc["ram", "short"] == 800 - (2 * 512 * 0.75 - 64)
    assert not rows.loc["ram", "fits"]
    assert rows.loc["vcpu", "fits"] and rows.loc["storage", "fits"]
    assert not verdict.fits
    assert "lack 96 GB of RAM" in verdict.summary
    # a VM with no cluster or host is not counted, and the verdict says so
    assert verdict.unplaced_vms == 1
    assert "no cluster or host at a known site, not counted: 1" in verdict.summary


def test_no_datacentre_no_check() -> None:
    table, verdict = compute_capacity(
        inventory(128.0), TargetArchitecture.model_validate({"name": "none"})
    )
    assert verdict.sites == ()
    assert table["capacity"].tolist() == [0.0, 0.0, 0.0]
    assert "names no datacentre" in verdict.summary
