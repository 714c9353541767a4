"""The gap report of the GGVVH samples against the sample target (once per session)."""

from __future__ import annotations

import datetime as dt

import pytest

from inventory.gap.result import GapReport, compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="session")
def gap_report(sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture) -> GapReport:
    return compute_gap(sample_snapshot, sample_target, as_of=AS_OF)
