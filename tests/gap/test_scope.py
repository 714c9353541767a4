"""The target's scope: areas outside it leave the joint gap, plan and cost, and say so."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from inventory.gap.effort import ACTION_TIER
from inventory.gap.result import GapReport, compute_gap
from inventory.gap.scope import (
    ALL_AREAS,
    StudyAreaMapError,
    area_map,
    expand_areas,
    parse_area_map,
    scope_label,
    study_scope,
)
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot

AS_OF = dt.date(2026, 11, 23)
A, B = "aa", "bb"


def small_inventory() -> InventorySnapshot:
    """aa runs the target datacentre; bb has an old server in its own datacentre, a slow
    link to aa, a DNS/DHCP product the target replaces and ten unmanaged Windows 10
    laptops."""
    records: dict[str, list[dict[str, Any]]] = {
        "municipality": [
            {"municipality": A, "code": A, "name": "Aa", "country": "SE", "population": 10000},
            {"municipality": B, "code": B, "name": "Bb", "country": "SE", "population": 5000},
        ],
        "site": [
            {"municipality": A, "id": "DC1", "kind": "datacentre"},
            {"municipality": B, "id": "DC1", "kind": "datacentre"},
            {"municipality": B, "id": "OFF1", "kind": "office"},
        ],
        "link": [
            {
                "municipality": B,
                "id": "L1",
                "a_site": "DC1",
                "b_site": "aa:DC1",
                "kind": "fibre",
                "bandwidth_mbps": 100.0,
            }
        ],
        "server": [
            {
                "municipality": B,
                "id": "srv01",
                "kind": "physical",
                "site": "DC1",
                "os_product": "Windows Server",
                "os_version": "2016",
            }
        ],
        "platform": [
            {
                "municipality": B,
                "id": "p-dns",
                "capability": "dns_dhcp",
                "product": "Infoblox NIOS",
                "vendor": "Infoblox",
            }
        ],
        "client": [
            {
                "municipality": B,
                "id": "c1",
                "kind": "laptop",
                "os_product": "Windows",
                "os_version": "10 22H2",
                "user_group": "staff",
                "site": "OFF1",
                "quantity": 10,
            }
        ],
    }
    return build_snapshot(records)


def small_target(scope: list[str] | None) -> TargetArchitecture:
    return TargetArchitecture.model_validate(
        {
            "name": f"scope {scope}",
            "capabilities": {
                "dns_dhcp": {
                    "products": [{"product": "Windows Server DNS and DHCP", "vendor": "Microsoft"}]
                }
            },
            "server_os": [
                {"product": "Windows Server", "vendor": "Microsoft", "min_version": "2022"}
            ],
            "clients": [
                {
                    "user_group": "staff",
                    "kinds": ["laptop"],
                    "os": [{"product": "Windows", "vendor": "Microsoft", "min_version": "11 24H2"}],
                    "management": "Microsoft Intune",
                }
            ],
            "network": {"interconnect": {"min_bandwidth_mbps": 1000, "redundant": False}},
            "datacentres": {"primary": "aa:DC1"},
            "scope": scope,
        }
    )


def test_scope_a1_leaves_network_and_client_items_out() -> None:
    snapshot = small_inventory()
    full = compute_gap(snapshot, small_target(None), as_of=AS_OF)
    only = compute_gap(snapshot, small_target(["A1"]), as_of=AS_OF)
    efforts = small_target(None).efforts
    # everything in scope: the clients and the DNS/DHCP product are in the gap
    assert {"client_os_upgrade", "client_reenrolment"} <= set(full.items["action"])
    assert (full.items["domain"] == "network").any()
    assert (full.matrix["capability"] == "client_os").any()
    # A1 only: the server moves and is upgraded, the link to the joint datacentre (A1
    # needs it) is upgraded; no client item, no network product, no client asset
    actions = only.items.set_index("action")["hours"]
    assert sorted(actions.index) == ["link_upgrade", "os_upgrade", "physical_server_migration"]
    assert actions["link_upgrade"] == efforts.link_upgrade_hours  # 24 h, one link
    assert actions["physical_server_migration"] == efforts.physical_server_migration_hours
    assert actions["os_upgrade"] == efforts.os_upgrade_hours
    assert only.total_hours == 24 + 16 + 6
    assert set(only.matrix["domain"]) == {"datacentre"}
    assert set(only.effort["domain"]) <= {"datacentre", "network"}
    assert (only.eol["kind"] != "client").all() if "kind" in only.eol else True
    # what is outside is said, never silent
    outside = only.scope.loc[~only.scope["joint"], "area"].tolist()
    assert outside == [area for area in ALL_AREAS if area != "A1"]
    assert any("A2" in note and "A4" in note and "outside" in note for note in map(str, only.notes))
    assert full.scope["joint"].all()
    assert not any("outside" in note for note in map(str, full.notes))


def test_client_hours_by_hand_are_what_scope_a4_adds() -> None:
    snapshot = small_inventory()
    efforts = small_target(None).efforts
    without = compute_gap(snapshot, small_target(["A1", "A2", "A3"]), as_of=AS_OF)
    with_a4 = compute_gap(snapshot, small_target(["A1", "A2", "A3", "A4"]), as_of=AS_OF)
    # ten laptops: OS upgrade 10 x 1.5 h, enrolment in Intune 10 x 1 h; Intune (the
    # standard's management, A4), which neither has, introduced once for the joint
    # operation (160 h) and joined by aa and bb (40 h each; docs/method.md#consolidation)
    by_hand = (
        10 * efforts.client_os_upgrade_hours
        + 10 * efforts.client_reenrolment_hours
        + efforts.platform_replacement_hours
        + 2 * efforts.capability_onboarding_hours
    )
    assert with_a4.total_hours - without.total_hours == pytest.approx(by_hand)
    assert (without.items["domain"] != "clients").all()


def test_a1_outside_moves_nothing_and_says_so() -> None:
    report = compute_gap(small_inventory(), small_target(["A2", "A3", "A4"]), as_of=AS_OF)
    actions = set(report.items["action"])
    assert not {"physical_server_migration", "os_upgrade"} & actions
    assert "link_upgrade" in actions  # the network (A2) is joint: its links are upgraded
    assert not {"storage_migration", "application_move", "server_hardware_replacement"} & actions
    assert any("A1" in note and "nothing moves" in note for note in map(str, report.notes))


def test_scope_a_is_a1_to_a4_and_absent_is_all() -> None:
    assert expand_areas(["A", "E"]) == ("A1", "A2", "A3", "A4", "E")
    assert expand_areas(None) == ALL_AREAS
    assert scope_label(["A", "B"]) == "A1-A4, B"
    assert scope_label(None) == "all areas (A-I)"
    assert study_scope(small_target(["A", "B"])).outside == ("C", "D", "E", "F", "G", "H", "I")


def _mapping_text(**changes: str) -> str:
    text = _shipped()
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    return text


def _shipped() -> str:
    from importlib import resources

    return resources.files("inventory.data").joinpath("study_areas.yaml").read_text("utf-8")


def test_mapping_naming_an_unknown_capability_is_an_error() -> None:
    with pytest.raises(StudyAreaMapError, match="unknown capabilities: hypervisorr"):
        parse_area_map(_mapping_text(**{"  hypervisor: A1": "  hypervisorr: A1"}))


def test_mapping_naming_an_unknown_area_is_an_error() -> None:
    with pytest.raises(StudyAreaMapError, match="unknown areas: A5"):
        parse_area_map(_mapping_text(**{"  logging_siem: E": "  logging_siem: A5"}))


def test_every_item_action_has_an_area() -> None:
    # a new kind of work must say which area it belongs to (else it falls to its domain's)
    assert set(ACTION_TIER) <= set(area_map().actions)


def test_samples_scope_keeps_the_whole_gap(
    gap_report: GapReport, sample_target: TargetArchitecture
) -> None:
    # the samples' target runs every area jointly: nothing of the inventory is out
    scope = study_scope(sample_target)
    assert scope.outside == () and scope.everything
    assert scope.kept_share_percent() == 0
    assert "application_harmonisation" in set(gap_report.items["action"])
    assert not any("outside" in note for note in map(str, gap_report.notes))


def test_areas_outside_the_scope_keep_their_share_of_todays_cost() -> None:
    """A municipality keeps what it does not run jointly: the reference shares of those
    areas of today's IT cost stay in the running cost after, and the lines the inventory
    counts for them (client renewal for A4, links for A2) are not the joint operation's."""
    inventory = small_inventory()
    budgets = inventory.tables["municipality"].assign(it_budget=[600_000.0, 400_000.0])
    inventory = InventorySnapshot(
        tables={**inventory.tables, "municipality": budgets}, references=inventory.references
    )
    only = compute_gap(inventory, small_target(["A1", "E"]), as_of=AS_OF)
    case = only.business_case
    assert case is not None
    # outside: A2, A3, A4, B (8 % each), C, D (12.5 % each), F, G, H, I (7 % each)
    kept = 4 * 8 + 2 * 12.5 + 4 * 7
    assert kept == 85
    # bb's server and ten laptops are renewed today and after alike (carried, at the
    # default prices): 150,000 / 6 years + 10 x 12,000 / 4 years = 55,000 of bb's budget;
    # the areas outside keep their share of the rest
    carried = 150_000 / 6 + 10 * 12_000 / 4
    line = case.lines[case.lines["item"] == "kept_outside_scope"].iloc[0]
    assert line["amount"] == pytest.approx((600_000 + 400_000 - carried) * kept / 100)
    items = set(case.lines.loc[case.lines["phase"] == "after", "item"])
    assert not any(item.startswith(("renewal:client_device", "links")) for item in items)
    # carried in any scope: the laptops' renewal (A4, outside) is shown, the same amount
    laptops = case.lines[case.lines["item"] == "renewal:client_device:laptop"].iloc[0]
    assert laptops["phase"] == "carried" and laptops["amount"] == pytest.approx(30_000)
    full = compute_gap(inventory, small_target(None), as_of=AS_OF).business_case
    assert full is not None
    assert "kept_outside_scope" not in set(full.lines["item"])
    assert any(item.startswith("renewal:client_device") for item in full.lines["item"])


def test_report_names_the_areas_outside_the_scope() -> None:
    from inventory.render.document import Paragraph, Table
    from inventory.report.scope import scope_blocks

    only = compute_gap(small_inventory(), small_target(["A1", "E"]), as_of=AS_OF)
    paragraph, table = scope_blocks(only, "sv")
    assert isinstance(paragraph, Paragraph) and isinstance(table, Table)
    assert paragraph.method == "alternatives"
    # the areas by the study's own Swedish names (GGVVH 2.2)
    assert "A1, E" in paragraph.text and "A4 Klienter, arbetsplatsverktyg" in paragraph.text
    assert "Utanför omfattningen" in paragraph.text
    assert len(table.rows) == len(ALL_AREAS)
    full = compute_gap(small_inventory(), small_target(None), as_of=AS_OF)
    assert "every study area" in scope_blocks(full, "en")[0].text  # type: ignore[union-attr]
