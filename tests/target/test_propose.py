"""propose-target drafts a sensible, loadable target from the GGVVH samples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inventory.snapshot import InventorySnapshot
from inventory.target.model import load_target
from inventory.target.propose import TargetProposal, propose_target

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def proposal(sample_snapshot: InventorySnapshot) -> TargetProposal:
    return propose_target(sample_snapshot, as_of=AS_OF)


def test_round_trip_loads_without_issues(proposal: TargetProposal, tmp_path: Path) -> None:
    path = tmp_path / "proposed.yaml"
    path.write_text(proposal.to_yaml(), encoding="utf-8")
    target, issues = load_target(path)
    assert issues == []
    assert target == proposal.target


def test_proposes_vsphere_not_hyper_v(proposal: TargetProposal) -> None:
    hypervisor = next(c for c in proposal.capabilities if c.capability == "hypervisor")
    assert hypervisor.chosen is not None and hypervisor.chosen.product_id == "vmware-esxi"
    assert hypervisor.chosen.min_version is not None
    assert hypervisor.chosen.min_version.startswith("8.0")  # 6.7 and 7.0 are past EOL
    hyper_v = next(a for a in hypervisor.alternatives if a.product_id == "hyper-v")
    assert hyper_v.effort_hours > hypervisor.chosen.effort_hours
    assert "Hyper-V" in hypervisor.reason


def test_never_proposes_an_end_of_life_cycle(proposal: TargetProposal) -> None:
    for capability in proposal.capabilities:
        if capability.chosen is not None:
            assert capability.chosen.lifecycle != "end_of_life", capability.capability
    backup = next(c for c in proposal.capabilities if c.capability == "backup")
    assert backup.chosen is not None and backup.chosen.product_id == "veeam-backup-and-replication"
    commvault = next(a for a in backup.alternatives if a.product_id == "commvault")
    assert not commvault.chosen


def test_datacentres_and_network(proposal: TargetProposal) -> None:
    datacentres = proposal.target.datacentres
    assert datacentres is not None
    assert (datacentres.primary, datacentres.secondary) == ("varnamo:DC1", "gislaved:DC1")
    network = proposal.target.network
    assert network is not None and network.interconnect.min_bandwidth_mbps == 1000
    assert "care" in network.required_zones


def test_target_file_errors_give_the_line(tmp_path: Path) -> None:
    path = tmp_path / "target.yaml"
    path.write_text(
        "name: GGVVH\nlifecycle:\n  horizon_months: soon\ndatacentres:\n  primary: DC1\n",
        encoding="utf-8",
    )
    target, issues = load_target(path)
    assert target is None
    lines = {issue.column: issue.line for issue in issues}
    assert lines["lifecycle.horizon_months"] == 3
    assert lines["datacentres.primary"] == 5
