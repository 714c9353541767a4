"""Physical servers re-platformed onto the target clusters (worn out, at a site given up)
count in the compute check (their cores as vCPU, RAM, disk; a stated size when unknown) and
take no rack units or kW in the target datacentre; nor does a retired hypervisor host.

Expected figures are computed by hand from the inventory below and the target's ratios."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from inventory.analyse.graph import build_graph
from inventory.gap.capacity import (
    REPLATFORM_RAM_GB,
    REPLATFORM_STORAGE_GB,
    REPLATFORM_VCPU,
    compute_capacity,
    site_capacity,
)
from inventory.gap.dependents import DependencyIndex
from inventory.messages import message_text
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

A, B = "aa", "bb"
AS_OF = dt.date(2026, 11, 23)  # horizon 12 months: 2027-11-23
WORN, SOUND = dt.date(2020, 1, 1), dt.date(2030, 1, 1)


def inventory(worn_ram_gb: float = 96.0) -> InventorySnapshot:
    """aa:DC1 (primary): two hosts of 32 cores and 512 GB, a SAN of 20 TB (5 used), 84 U
    and 40 kW free. bb:SR1 (given up): a sound host (2 U, 500 W) with one VM (16 vCPU,
    128 GB, 1,000 GB); srv-worn (support ended 2020: 12 cores, ``worn_ram_gb`` GB,
    480 GB; 4 U, 800 W); srv-bare (support ended 2021, nothing sized; 2 U, 400 W);
    srv-sound (support to 2030: 8 cores, 64 GB; 1 U, 300 W) and a worn-out host esx-old
    (support ended 2024; 2 U, 600 W)."""
    servers: list[dict[str, Any]] = [
        *(
            {
                "municipality": A,
                "id": f"esx0{n}",
                "kind": "physical",
                "site": "DC1",
                "cluster": "cl1",
                "role": "hypervisor",
                "cpu_cores": 32,
                "ram_gb": 512.0,
                "warranty_end": SOUND,
            }
            for n in (1, 2)
        ),
        {
            "municipality": B,
            "id": "esx01",
            "kind": "physical",
            "site": "SR1",
            "cluster": "cl2",
            "role": "hypervisor",
            "cpu_cores": 24,
            "ram_gb": 256.0,
            "warranty_end": SOUND,
            "rack_units": 2,
            "power_w": 500.0,
        },
        {
            "municipality": B,
            "id": "esx-old",
            "kind": "physical",
            "site": "SR1",
            "cluster": "cl2",
            "role": "hypervisor",
            "cpu_cores": 24,
            "ram_gb": 256.0,
            "warranty_end": dt.date(2024, 3, 1),
            "rack_units": 2,
            "power_w": 600.0,
        },
        {
            "municipality": B,
            "id": "vm01",
            "kind": "virtual",
            "cluster": "cl2",
            "cpu_cores": 16,
            "ram_gb": 128.0,
            "storage_gb": 1000.0,
        },
        {
            "municipality": B,
            "id": "srv-worn",
            "kind": "physical",
            "site": "SR1",
            "role": "application",
            "cpu_cores": 12,
            "ram_gb": worn_ram_gb,
            "storage_gb": 480.0,
            "warranty_end": WORN,
            "rack_units": 4,
            "power_w": 800.0,
        },
        {
            "municipality": B,
            "id": "srv-bare",
            "kind": "physical",
            "site": "SR1",
            "role": "application",
            "warranty_end": dt.date(2021, 6, 1),
            "rack_units": 2,
            "power_w": 400.0,
        },
        {
            "municipality": B,
            "id": "srv-sound",
            "kind": "physical",
            "site": "SR1",
            "role": "application",
            "cpu_cores": 8,
            "ram_gb": 64.0,
            "warranty_end": SOUND,
            "rack_units": 1,
            "power_w": 300.0,
        },
    ]
    return build_snapshot(
        {
            "municipality": [
                {"municipality": m, "code": m, "name": m, "country": "SE"} for m in (A, B)
            ],
            "site": [
                {
                    "municipality": A,
                    "id": "DC1",
                    "kind": "datacentre",
                    "racks_total": 4,
                    "rack_units_free": 84,
                    "power_capacity_kw": 60.0,
                    "power_used_kw": 20.0,
                },
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
                }
            ],
        }
    )


TARGET = TargetArchitecture.model_validate(
    {
        "name": "replatform",
        "lifecycle": {"horizon_months": 12},
        "datacentres": {
            "primary": f"{A}:DC1",
            "vcpu_per_core": 4,
            "usable_ram_share": 0.75,
            "usable_storage_share": 0.7,
        },
    }
)


def _row(table: Any, resource: str) -> dict[str, Any]:
    return dict(table.set_index("resource").loc[resource])


def test_replatformed_servers_count_in_the_compute_check() -> None:
    table, verdict = compute_capacity(inventory(), TARGET, as_of=AS_OF)
    # what moves: vm01 + srv-worn (its 12 cores as 12 vCPU, 96 GB, 480 GB) + srv-bare at
    # the stated size; srv-sound is moved as it is, esx-old retired (its VM counted once)
    assert (REPLATFORM_VCPU, REPLATFORM_RAM_GB, REPLATFORM_STORAGE_GB) == (4, 16.0, 100.0)
    assert _row(table, "vcpu")["moving"] == 16 + 12 + 4
    assert _row(table, "ram")["moving"] == 128 + 96 + 16
    assert _row(table, "storage")["moving"] == round((1000 + 480 + 100) / 1000, 1)  # 1.6 TB
    # what is there: 2 x 32 cores x 4 = 256 vCPU; 2 x 512 GB x 0.75 = 768 GB; 20 x 0.7 - 5
    assert _row(table, "vcpu")["free"] == 256.0
    assert _row(table, "ram")["free"] == 768.0
    assert _row(table, "storage")["free"] == 9.0
    assert verdict.fits and table["fits"].all()
    assert (verdict.moving_vms, verdict.replatformed_servers, verdict.assumed_sizes) == (1, 2, 1)
    assert verdict.summary.startswith(
        f"The clusters at {A}:DC1 (2 hosts) can run the 1 virtual server that moves and the 2"
        " physical servers re-platformed onto them (32 vCPU of 256 free; 240 GB of 768 free;"
    )
    assert (
        "counted at an assumed 4 vCPU, 16 GB RAM and 100 GB disk each: 1 (review)"
        in verdict.summary
    )
    assert verdict.message is not None
    swedish = message_text(verdict.message, "sv")
    assert "2 fysiska servrar som flyttas dit som virtuella servrar" in swedish
    assert "antagna 4 vCPU, 16 GB RAM och 100 GB disk" in swedish


def test_without_a_report_date_nothing_is_replatformed() -> None:
    table, verdict = compute_capacity(inventory(), TARGET)
    assert _row(table, "vcpu")["moving"] == 16.0  # the VM alone, as before
    assert (verdict.replatformed_servers, verdict.assumed_sizes) == (0, 0)
    assert "physical servers" not in verdict.summary


def test_replatformed_servers_that_do_not_fit_say_by_how_much() -> None:
    table, verdict = compute_capacity(inventory(worn_ram_gb=1000.0), TARGET, as_of=AS_OF)
    # RAM: 128 + 1,000 + 16 = 1,144 GB into 768 GB free: 376 GB short
    assert _row(table, "ram")["moving"] == 1144.0
    assert _row(table, "ram")["short"] == 1144 - 768
    assert not verdict.fits
    assert (
        "lack 376 GB of RAM for the 1 virtual server that moves and the 2 physical"
        " servers re-platformed onto them" in verdict.summary
    )


@pytest.mark.parametrize(
    ("as_of", "units", "kw", "servers"),
    [
        # given a date: srv-worn, srv-bare (re-platformed) and esx-old (retired) stay behind;
        # esx01 (2 U, 0.5 kW) and srv-sound (1 U, 0.3 kW) move
        (AS_OF, 2 + 1, 0.5 + 0.3, 2),
        # no date: every physical server of bb:SR1 moves (2 + 2 + 4 + 2 + 1 U)
        (None, 2 + 2 + 4 + 2 + 1, 0.5 + 0.6 + 0.8 + 0.4 + 0.3, 5),
    ],
)
def test_what_stays_behind_takes_no_rack_units(
    as_of: dt.date | None, units: int, kw: float, servers: int
) -> None:
    snapshot = inventory()
    _, verdict = site_capacity(snapshot, TARGET, DependencyIndex(build_graph(snapshot)), as_of)
    assert verdict.demand_rack_units == units
    assert verdict.demand_kw == pytest.approx(kw)
    assert verdict.moving_physical_servers == servers
    assert verdict.fits_primary  # 84 U and 40 kW free


def test_what_is_switched_off_instead_of_moved_is_not_counted() -> None:
    # vm01 and srv-worn run only what is being replaced (their moves dropped by a rule):
    # srv-bare alone moves onto the clusters, at the stated size
    table, verdict = compute_capacity(
        inventory(), TARGET, as_of=AS_OF, switched_off={f"{B}:vm01", f"{B}:srv-worn"}
    )
    assert _row(table, "vcpu")["moving"] == REPLATFORM_VCPU
    assert _row(table, "ram")["moving"] == REPLATFORM_RAM_GB
    assert (verdict.moving_vms, verdict.replatformed_servers) == (0, 1)
    assert verdict.summary.startswith(
        f"The clusters at {A}:DC1 (2 hosts) can run the 1 physical server re-platformed onto"
        " them (4 vCPU of 256 free;"
    )


def test_the_samples_check_counts_what_the_plan_moves_onto_the_clusters(gap_report: Any) -> None:
    items = gap_report.items
    moves = items[items["action"] == "virtual_server_migration"]
    converted = moves["detail_message"].map(
        lambda m: str(getattr(m, "key", "")).startswith("eol.item.replatform")
    )
    verdict = gap_report.compute_verdict
    # Gnosjö's srv-procapita01 and srv-bkp01, Vaggeryd's srv-bkp01 (Hylte's backup server
    # runs only Commvault, which is replaced: switched off, not re-platformed)
    assert verdict.replatformed_servers == int(converted.sum()) == 3
    assert verdict.moving_vms == int((~converted).sum())
    # a retired host is not moved too
    moved = set(items.loc[items["action"] == "physical_server_migration", "asset"])
    retired = set(items.loc[items["action"] == "host_retirement", "asset"])
    assert len(retired) == 10 and not moved & retired


def test_no_advice_to_bring_hosts_that_are_retired() -> None:
    # the sound host esx01 is switched off here: the only host at bb:SR1 is the worn-out
    # esx-old, which is retired, so the verdict does not suggest bringing it
    _, verdict = compute_capacity(
        inventory(worn_ram_gb=1000.0), TARGET, as_of=AS_OF, switched_off={f"{B}:esx01"}
    )
    assert not verdict.fits
    assert (
        "add hosts or storage before the move (the hosts at the evacuated sites are past"
        " their hardware support and retired)." in verdict.summary
    )
    # with esx01 moving, bringing it is still a way
    _, verdict = compute_capacity(inventory(worn_ram_gb=1000.0), TARGET, as_of=AS_OF)
    assert "or bring hosts from the evacuated sites" in verdict.summary
