"""Hardware replaced at its end of life: expected items and hours computed by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from inventory.gap.result import GapReport, compute_gap
from inventory.messages import Message
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)  # horizon 12 months: 2027-11-23
M = "testby"

EFFORTS = {
    "network_device_replacement_hours": 4,
    "access_point_replacement_hours": 1.5,
    "storage_replacement_hours": 24,
    "server_hardware_replacement_hours": 16,
    "client_device_replacement_hours": 1,
    "hourly_rate": 1000,
}


def _device(key: str, role: str, quantity: int, warranty_end: dt.date) -> dict[str, Any]:
    # vendor and model the catalogue does not know: the device's own date decides
    return {
        "municipality": M,
        "id": key,
        "role": role,
        "vendor": "Acme Net",
        "model": f"{role} model",
        "site": "DC1",
        "quantity": quantity,
        "warranty_end": warranty_end,
    }


def _server(key: str, warranty_end: dt.date | None, kind: str = "physical") -> dict[str, Any]:
    return {
        "municipality": M,
        "id": key,
        "kind": kind,
        "site": "DC1",
        "role": "application",
        "os_product": "Windows Server",
        "os_version": "2022",
        "warranty_end": warranty_end,
    }


@pytest.fixture(scope="module")
def report() -> GapReport:
    snapshot = build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Testby", "country": "SE"}],
            "site": [{"municipality": M, "id": "DC1", "name": "DC", "kind": "datacentre"}],
            "network_device": [
                _device("sw-old", "access_switch", 3, dt.date(2025, 3, 1)),  # past: 3 devices
                _device("ap-old", "access_point", 10, dt.date(2026, 1, 31)),  # past: 10 APs
                _device("sw-near", "access_switch", 1, dt.date(2027, 6, 30)),  # in the horizon
                _device("sw-new", "access_switch", 5, dt.date(2029, 1, 1)),  # supported
            ],
            "storage": [
                {
                    "municipality": M,
                    "id": "san-old",
                    "kind": "san",
                    "vendor": "Acme Store",
                    "model": "Old SAN",
                    "site": "DC1",
                    "capacity_tb": 40,
                    "used_tb": 22,
                    "warranty_end": dt.date(2026, 2, 1),
                },
                {
                    "municipality": M,
                    "id": "nas-new",
                    "kind": "nas",
                    "vendor": "Acme Store",
                    "model": "New NAS",
                    "site": "DC1",
                    "capacity_tb": 80,
                    "warranty_end": dt.date(2030, 1, 1),
                },
            ],
            "server": [
                _server("host-old", dt.date(2025, 5, 1)),
                _server("host-near", dt.date(2027, 9, 1)),
                _server("host-new", dt.date(2030, 1, 1)),
                _server("host-unknown", None),
                _server("vm-old", dt.date(2020, 1, 1), kind="virtual"),  # no hardware of its own
            ],
            "client": [
                {
                    "municipality": M,
                    "id": "cb-old",
                    "kind": "chromebook",
                    "os_product": "ChromeOS",
                    "user_group": "student",
                    "quantity": 30,
                    "support_end": dt.date(2026, 6, 1),
                },
                {
                    "municipality": M,
                    "id": "cb-new",
                    "kind": "chromebook",
                    "os_product": "ChromeOS",
                    "user_group": "student",
                    "quantity": 50,
                    "support_end": dt.date(2031, 6, 1),
                },
            ],
        }
    )
    target = TargetArchitecture.model_validate(
        {
            "name": "hardware",
            "lifecycle": {"horizon_months": 12},
            "efforts": EFFORTS,
            "server_os": [{"product": "Windows Server", "vendor": "Microsoft"}],
            "datacentres": {"primary": f"{M}:DC1"},  # kept: nothing at DC1 moves
            "capabilities": {
                "backup": {
                    "products": [{"product": "Veeam Backup & Replication", "vendor": "Veeam"}]
                }
            },
        }
    )
    return compute_gap(snapshot, target, as_of=AS_OF)


def _items(report: GapReport, action: str) -> Any:
    return report.items[report.items["action"] == action].set_index("asset")


def test_network_devices_past_or_near_end_of_life(report: GapReport) -> None:
    items = _items(report, "network_device_replacement")
    assert set(items.index) == {f"{M}:sw-old", f"{M}:ap-old", f"{M}:sw-near"}
    assert items.loc[f"{M}:sw-old", "quantity"] == 3
    assert items.loc[f"{M}:ap-old", "unit_hours"] == 1.5
    # 3 switches x 4 h + 10 access points x 1.5 h + 1 switch (in the horizon) x 4 h
    assert items["hours"].sum() == pytest.approx(3 * 4 + 10 * 1.5 + 1 * 4)
    assert items["cost"].sum() == pytest.approx((3 * 4 + 10 * 1.5 + 1 * 4) * 1000)
    assert items.loc[f"{M}:ap-old", "buys"] == "network_device:access_point"
    assert items.loc[f"{M}:sw-old", "buy_quantity"] == 3
    assert (items["domain"] == "network").all() and (items["tier"] == 1).all()


def test_storage_replaced_with_its_capacity(report: GapReport) -> None:
    # the SAN's support ended 2026-02-01; the NAS is supported until 2030
    items = _items(report, "storage_replacement")
    assert list(items.index) == [f"{M}:san-old"]
    row = items.loc[f"{M}:san-old"]
    assert (row["hours"], row["buys"], row["buy_quantity"]) == (24, "storage_tb", 40)


def test_physical_servers_whose_hardware_support_ends(report: GapReport) -> None:
    # host-old (2025-05-01) and host-near (2027-09-01, before the horizon 2027-11-23)
    items = _items(report, "server_hardware_replacement")
    assert set(items.index) == {f"{M}:host-old", f"{M}:host-near"}
    assert items["hours"].sum() == 2 * 16
    assert set(items["buys"]) == {"physical_server"} and items["buy_quantity"].sum() == 2
    # the server without warranty_end is said, not silently left out
    assert any("no warranty_end" in note for note in map(str, report.notes))


def test_client_devices_past_their_own_support_end(report: GapReport) -> None:
    items = _items(report, "client_device_replacement")
    assert len(items) == 1
    row = items.iloc[0]
    assert (row["quantity"], row["hours"], row["buys"], row["buy_quantity"]) == (
        30,
        30 * 1,
        "client_device:chromebook",
        30,
    )


def test_work_that_buys_nothing_says_so(report: GapReport) -> None:
    hardware = report.items["action"].str.endswith("_replacement") & ~report.items["action"].isin(
        ["platform_replacement"]
    )
    others = report.items[~hardware]
    assert (others["buys"] == "").all() and (others["buy_quantity"] == 0).all()


def test_exposed_network_devices_summed_in_the_end_of_life_table(report: GapReport) -> None:
    network = report.eol[report.eol["kind"] == "network_device"]
    by_role = network.groupby(["capability", "lifecycle_state"])["devices"].sum()
    assert by_role[("access_switch", "end_of_life")] == 3
    assert by_role[("access_switch", "ending")] == 1
    assert by_role[("access_point", "end_of_life")] == 10
    matrix = report.matrix.set_index("capability")
    assert matrix.loc["access_point", "status"] == "changed"
    assert matrix.loc["access_point", "reason"] == "replace_at_end_of_life"


def test_no_server_or_client_with_a_date_of_its_own_is_no_item_and_a_note() -> None:
    # every date empty: pandas keeps such a column as datetime64 (it crashed the gap once)
    snapshot = build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Testby", "country": "SE"}],
            "site": [{"municipality": M, "id": "DC1", "name": "DC", "kind": "datacentre"}],
            "server": [_server("host-a", None), _server("host-b", None)],
            "client": [
                {
                    "municipality": M,
                    "id": "pc",
                    "kind": "laptop",
                    "os_product": "Windows",
                    "os_version": "11",
                    "user_group": "staff",
                    "quantity": 4,
                    "support_end": None,
                }
            ],
        }
    )
    target = TargetArchitecture.model_validate(
        {
            "name": "hardware",
            "lifecycle": {"horizon_months": 12},
            "efforts": EFFORTS,
            "datacentres": {"primary": f"{M}:DC1"},
        }
    )
    gap = compute_gap(snapshot, target, as_of=AS_OF)
    actions = set(gap.items["action"])
    assert not actions & {"server_hardware_replacement", "client_device_replacement"}
    assert any(
        isinstance(note, Message)
        and note.key == "gs.note.servers_no_warranty"
        and note.params["count"] == 2
        for note in gap.notes
    ), gap.notes
