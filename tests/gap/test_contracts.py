"""The gap report's tables keep their typed column contracts (gap/contracts.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pandera.errors
import pytest

from inventory.gap.contracts import CONTRACTS, checked
from inventory.gap.result import GapReport, compute_gap
from inventory.target.model import TargetArchitecture
from tests.analyse.conftest import build_snapshot


def _dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {str(column): str(dtype) for column, dtype in frame.dtypes.items()}


def test_every_contracted_table_of_the_samples_conforms(gap_report: GapReport) -> None:
    for name, contract in CONTRACTS.items():
        frame = getattr(gap_report, name)
        assert list(frame.columns) == list(contract.to_schema().columns), name
        contract.validate(frame)


def test_an_inventory_of_only_municipality_and_sites_gives_typed_empty_tables(
    gap_report: GapReport,
) -> None:
    snapshot = build_snapshot(
        {
            "municipality": [
                {
                    "municipality": "testby",
                    "code": "testby",
                    "name": "Testby",
                    "country": "SE",
                    "population": 1000,
                }
            ],
            "site": [{"municipality": "testby", "id": "DC1", "name": "DC", "kind": "datacentre"}],
        }
    )
    target = TargetArchitecture.model_validate({"name": "empty"})
    report = compute_gap(snapshot, target, as_of=dt.date(2026, 11, 23))
    for name in CONTRACTS:
        frame = getattr(report, name)
        assert list(frame.columns) == list(getattr(gap_report, name).columns), name
        if frame.empty:  # the same types as a table with rows (never object for text)
            assert _dtypes(frame) == _dtypes(getattr(gap_report, name)), name


def test_negative_hours_and_stray_columns_are_refused(gap_report: GapReport) -> None:
    items = gap_report.items.copy()
    items.loc[items.index[0], "hours"] = -1.0
    with pytest.raises(pandera.errors.SchemaErrors, match="hours"):
        checked("items", items)
    with pytest.raises(pandera.errors.SchemaErrors, match="extra"):
        checked("eol", gap_report.eol.assign(extra=1))
    with pytest.raises(pandera.errors.SchemaErrors, match="status"):
        checked("matrix", gap_report.matrix.assign(status="kept"))
