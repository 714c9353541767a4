"""The GGVVH samples as a snapshot, and the sample target (validated once per session)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inventory.gap.result import GapReport, compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture, load_target
from inventory.validate import validate_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MUNICIPALITIES = ("gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte")
AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="session")
def sample_batch():  # type: ignore[no-untyped-def]
    batch = validate_paths([SAMPLES / code for code in MUNICIPALITIES])
    assert batch.report.valid
    return batch


@pytest.fixture(scope="session")
def sample_snapshot(sample_batch) -> InventorySnapshot:  # type: ignore[no-untyped-def]
    return InventorySnapshot.from_batch(sample_batch)


@pytest.fixture(scope="session")
def sample_target() -> TargetArchitecture:
    target, issues = load_target(SAMPLES / "target.yaml")
    assert issues == [] and target is not None
    return target


@pytest.fixture(scope="session")
def gap_report(sample_snapshot: InventorySnapshot,
               sample_target: TargetArchitecture) -> GapReport:
    return compute_gap(sample_snapshot, sample_target, as_of=AS_OF)
