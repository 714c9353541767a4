"""The report's end-of-life figures equal what ``inventory lifecycle`` counts on the same date."""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from inventory.analyse.lifecycle_report import lifecycle_exposure
from inventory.analyse.normalise import Normaliser
from inventory.cli.app import app
from inventory.gap.eol import EXPOSED_STATES
from inventory.gap.result import GapReport
from inventory.snapshot import InventorySnapshot
from tests.gap.conftest import AS_OF


def _gap_counts(report: GapReport) -> pd.Series:
    return report.eol.groupby(["kind", "lifecycle_state"])["devices"].sum().astype("int64")


def test_eol_devices_per_kind_equal_the_lifecycle_command(
    gap_report: GapReport, sample_snapshot: InventorySnapshot
) -> None:
    exposure = lifecycle_exposure(
        sample_snapshot.only(gap_report.municipalities),
        Normaliser.default(),
        as_of=AS_OF,
        warn_months=gap_report.horizon_months,
    )
    states = exposure.states[exposure.states["lifecycle_state"].isin(EXPOSED_STATES)]
    lifecycle = states.groupby(["kind", "lifecycle_state"])["assets"].sum().astype("int64")
    gap = _gap_counts(gap_report)
    # business applications have no release cycles in ``inventory lifecycle``
    gap = gap[gap.index.get_level_values("kind") != "application"]
    pd.testing.assert_series_equal(gap.sort_index(), lifecycle.sort_index(), check_names=False)
    # every kind of asset takes part: the network devices past end of life are in both
    kinds = set(gap.index.get_level_values("kind"))
    assert {"server", "platform", "client", "network_device", "storage"} <= kinds
    assert gap[("network_device", "end_of_life")] > 500


def test_the_cli_counts_the_same(gap_report: GapReport, samples_db: str) -> None:
    result = CliRunner().invoke(
        app,
        [
            "--db",
            samples_db,
            "lifecycle",
            "--date",
            AS_OF.isoformat(),
            "--months",
            str(gap_report.horizon_months),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["totals"]["end_of_life"] == int(
        gap_report.eol.loc[
            (gap_report.eol["lifecycle_state"] == "end_of_life")
            & (gap_report.eol["kind"] != "application"),
            "devices",
        ].sum()
    )
