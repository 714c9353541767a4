"""Network devices are replaced at the hours of their role: a firewall or core switch has
its configuration migrated and cut over, an access switch is swapped (hand-computed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from inventory.gap.result import compute_gap
from inventory.models.enums import NetworkRole
from inventory.target.model import TargetArchitecture, UnitEfforts
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)
M = "rolby"
PAST = dt.date(2025, 3, 1)  # the devices' own support end: past


def _device(key: str, role: str, quantity: int) -> dict[str, Any]:
    return {
        "municipality": M,
        "id": key,
        "role": role,
        "vendor": "Acme Net",
        "model": f"{role} model",
        "site": "DC1",
        "quantity": quantity,
        "warranty_end": PAST,
    }


def _items(efforts: dict[str, float]) -> Any:
    snapshot = build_snapshot(
        {
            "municipality": [{"municipality": M, "code": M, "name": "Rolby", "country": "SE"}],
            "site": [{"municipality": M, "id": "DC1", "name": "DC", "kind": "datacentre"}],
            "network_device": [
                _device("fw", "firewall", 2),  # a pair
                _device("core", "core_switch", 2),
                _device("dist", "distribution_switch", 3),
                _device("acc", "access_switch", 10),
                _device("ap", "access_point", 40),
                _device("rtr", "router", 1),
                _device("lb", "load_balancer", 1),
                _device("vpn", "vpn_gateway", 1),
                _device("wlc", "wlan_controller", 1),
            ],
        }
    )
    target = TargetArchitecture.model_validate(
        {
            "name": "roles",
            "efforts": {**efforts, "hourly_rate": 1000},
            "datacentres": {"primary": f"{M}:DC1"},
        }
    )
    report = compute_gap(snapshot, target, as_of=AS_OF)
    items = report.items[report.items["action"] == "network_device_replacement"]
    return items.set_index("asset")


def test_unit_hours_by_role_with_the_documented_defaults() -> None:
    items = _items({})
    hours = items["unit_hours"].to_dict()
    # the defaults of UnitEfforts: firewall, core switch, load balancer 24 h; router, VPN
    # gateway, WLAN controller 16 h; distribution switch 8 h; access switch 4 h; AP 1 h
    assert hours == {
        f"{M}:fw": 24,
        f"{M}:core": 24,
        f"{M}:dist": 8,
        f"{M}:acc": 4,
        f"{M}:ap": 1,
        f"{M}:rtr": 16,
        f"{M}:lb": 24,
        f"{M}:vpn": 16,
        f"{M}:wlc": 16,
    }
    expected = (
        2 * 24 + 2 * 24 + 3 * 8 + 10 * 4 + 40 * 1 + 1 * 16 + 1 * 24 + 1 * 16 + 1 * 16
    )  # = 272 h
    assert expected == 272
    assert items["hours"].sum() == pytest.approx(expected)
    assert items["cost"].sum() == pytest.approx(expected * 1000)


def test_unit_hours_follow_the_target_file() -> None:
    items = _items(
        {
            "firewall_replacement_hours": 40,
            "core_switch_replacement_hours": 30,
            "network_device_replacement_hours": 3,
            "access_point_replacement_hours": 0.5,
        }
    )
    # a firewall pair at 40 h each: 80 h, the reviewer's 40-80 h per pair
    assert items.loc[f"{M}:fw", "hours"] == pytest.approx(2 * 40)
    assert items.loc[f"{M}:core", "hours"] == pytest.approx(2 * 30)
    assert items.loc[f"{M}:acc", "hours"] == pytest.approx(10 * 3)
    assert items.loc[f"{M}:ap", "hours"] == pytest.approx(40 * 0.5)
    assert items.loc[f"{M}:dist", "hours"] == pytest.approx(3 * 8)  # default kept


def test_every_role_has_its_hours() -> None:
    assert set(UnitEfforts().network_replacement_hours()) == {role.value for role in NetworkRole}
