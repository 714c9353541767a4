"""propose-target: products used side by side, client standards per group and kind,
supported cycles only, business applications, unit efforts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inventory.analyse.lifecycle import lifecycle_status
from inventory.analyse.normalise import Normaliser
from inventory.snapshot import InventorySnapshot
from inventory.target.model import UnitEfforts, load_efforts, load_target
from inventory.target.propose import TargetProposal, propose_target

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def proposal(sample_snapshot: InventorySnapshot) -> TargetProposal:
    return propose_target(sample_snapshot, as_of=AS_OF)


def _products(proposal: TargetProposal, capability: str) -> list[str]:
    chosen = {str(name): target for name, target in proposal.target.capabilities.items()}
    return [p.product for p in chosen[capability].products]


def test_collaboration_allows_m365_and_google_side_by_side(proposal: TargetProposal) -> None:
    assert _products(proposal, "collaboration") == [
        "Microsoft 365",
        "Google Workspace for Education",
    ]
    reasons = [c.reason for c in proposal.capabilities if c.capability.startswith("collaboration")]
    assert len(reasons) == 2 and all("side by side" in r for r in reasons)
    assert _products(proposal, "endpoint_management") == [
        "Microsoft Intune",
        "Google Admin console",
    ]


def test_client_standards_per_user_group_and_device_kind(proposal: TargetProposal) -> None:
    normaliser = Normaliser.default()
    by_kind = {
        (str(s.user_group), str(kind)): s for s in proposal.target.clients for kind in s.kinds
    }
    staff = by_kind[("staff", "laptop")]
    assert by_kind[("staff", "desktop")] == staff
    assert staff.os[0].product == "Windows" and staff.management == "Microsoft Intune"
    windows = normaliser.match(None, "Windows", staff.os[0].min_version)
    assert windows.cycle is not None and windows.cycle.startswith("11-")
    assert lifecycle_status("windows", windows.cycle, AS_OF).state.value != "end_of_life"
    students = by_kind[("student", "chromebook")]
    assert [o.product for o in students.os] == ["ChromeOS"]
    assert students.management == "Google Admin console"
    tablets = by_kind[("student", "tablet")]
    assert tablets.os[0].product == "iPadOS" and tablets.management in {
        "Microsoft Intune",
        "Jamf Pro",
    }
    reason = next(
        c.reason for c in proposal.capabilities if c.capability == "client_os:staff:laptop+desktop"
    )
    assert "past its end of life" in reason and "newest supported cycle" in reason


def test_hypervisor_is_vsphere_8(proposal: TargetProposal) -> None:
    hypervisor = {str(k): v for k, v in proposal.target.capabilities.items()}["hypervisor"].products
    assert len(hypervisor) == 1
    match = Normaliser.default().match(None, hypervisor[0].product, hypervisor[0].min_version)
    assert (match.product_id, match.cycle) == ("vmware-esxi", "8.0")


def test_no_proposed_product_is_end_of_life(proposal: TargetProposal) -> None:
    normaliser = Normaliser.default()
    target = proposal.target
    choices = [c for cap in target.capabilities.values() for c in cap.products]
    choices += list(target.server_os) + [o for s in target.clients for o in s.os]
    assert choices
    for choice in choices:
        match = normaliser.match(choice.vendor, choice.product, choice.min_version)
        state = lifecycle_status(
            match.product_id, match.cycle, AS_OF, normaliser=normaliser
        ).state.value
        assert state != "end_of_life", (choice, match.cycle)


def test_applications_keep_the_majority_product_per_function(proposal: TargetProposal) -> None:
    assert proposal.target.applications is not None
    applications = {str(k): v for k, v in proposal.target.applications.items()}
    assert [p.product for p in applications["social_care"].products] == [
        "Procapita",
        "Phoniro Care",
    ]
    assert applications["hr"].products[0].product == "Personec P"
    social = next(a for a in proposal.applications if a.business_area == "social_care")
    assert social.chosen is not None and social.chosen.product == "Procapita"
    assert social.chosen.changing_municipalities == ["hylte", "varnamo"]
    assert social.chosen.effort_hours == 2 * 300
    assert "Combine" in social.reason and "Treserva" in social.reason


def test_efforts_file_prices_the_alternatives(
    sample_snapshot: InventorySnapshot, tmp_path: Path
) -> None:
    path = tmp_path / "efforts.yaml"
    path.write_text(
        "application_harmonisation_hours: 500\nplatform_replacement_hours: 80\nhourly_rate: 1200\n",
        encoding="utf-8",
    )
    efforts, issues = load_efforts(path)
    assert issues == [] and efforts is not None
    proposal = propose_target(sample_snapshot, as_of=AS_OF, efforts=efforts)
    assert proposal.target.efforts == efforts
    assert proposal.target.efforts.hourly_rate == 1200
    social = next(a for a in proposal.applications if a.business_area == "social_care")
    assert social.chosen is not None and social.chosen.effort_hours == 2 * 500
    monitoring = next(c for c in proposal.capabilities if c.capability == "monitoring")
    assert monitoring.chosen is not None and monitoring.chosen.effort_hours == 3 * 80


def test_efforts_file_errors_give_the_line(tmp_path: Path) -> None:
    path = tmp_path / "efforts.yaml"
    path.write_text("hourly_rate: 1000\nos_upgrade_hours: -2\n", encoding="utf-8")
    efforts, issues = load_efforts(path)
    assert efforts is None and issues[0].line == 2


def test_written_proposal_loads_back(proposal: TargetProposal, tmp_path: Path) -> None:
    path = tmp_path / "proposed.yaml"
    path.write_text(proposal.to_yaml(), encoding="utf-8")
    target, issues = load_target(path)
    assert issues == [] and target == proposal.target
    assert target.applications is not None and target.efforts == UnitEfforts()
