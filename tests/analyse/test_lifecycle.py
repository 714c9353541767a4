"""Lifecycle states on fixed dates; the packaged catalogue and its refresh script."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from inventory.analyse.lifecycle import (
    LifecycleState,
    add_months,
    lifecycle_frame,
    lifecycle_status,
    months_between,
)
from inventory.analyse.normalise import Normaliser

REPO = Path(__file__).resolve().parents[2]
SHARED_CATALOGUE = REPO.parent / "shared" / "data" / "lifecycle" / "endoflife-date.json"
PACKAGE_DATA = REPO / "inventory" / "data"
DAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("product_id", "cycle", "state", "eol"),
    [
        ("windows-server", "2012-r2", LifecycleState.END_OF_LIFE, dt.date(2023, 10, 10)),
        ("vmware-esxi", "6.7", LifecycleState.END_OF_LIFE, dt.date(2022, 10, 15)),
        ("windows-server", "2022", LifecycleState.SUPPORTED, dt.date(2031, 10, 14)),
        ("vmware-esxi", "8.0", LifecycleState.ENDING, dt.date(2027, 10, 11)),
        ("windows-server", "2016", LifecycleState.ENDING, dt.date(2027, 1, 12)),
        ("hyper-v", "2016", LifecycleState.ENDING, dt.date(2027, 1, 12)),
        ("windows", "10-22h2", LifecycleState.END_OF_LIFE, dt.date(2025, 10, 14)),
    ],
)
def test_states_on_a_fixed_date(
    product_id: str, cycle: str, state: LifecycleState, eol: dt.date
) -> None:
    status = lifecycle_status(product_id, cycle, DAY)
    assert (status.state, status.eol, status.cycle) == (state, eol, cycle)


def test_months_left_and_the_warning_window() -> None:
    esxi8 = lifecycle_status("vmware-esxi", "8.0", DAY)
    assert esxi8.months_left == 10
    assert lifecycle_status("vmware-esxi", "8.0", DAY, warn_months=6).state is (
        LifecycleState.SUPPORTED
    )
    past = lifecycle_status("windows-server", "2012-r2", DAY)
    assert past.months_left is not None and past.months_left < 0


def test_end_of_life_day_itself_is_past() -> None:
    assert lifecycle_status("vmware-esxi", "7.0", dt.date(2025, 10, 2)).state is (
        LifecycleState.END_OF_LIFE
    )
    assert lifecycle_status("vmware-esxi", "7.0", dt.date(2025, 10, 1)).state is (
        LifecycleState.ENDING
    )


def test_extended_support_only_when_asked() -> None:
    regular = lifecycle_status("windows", "10-22h2", dt.date(2026, 1, 1))
    extended = lifecycle_status("windows", "10-22h2", dt.date(2026, 1, 1), extended_support=True)
    assert regular.state is LifecycleState.END_OF_LIFE
    assert (extended.state, extended.eol) == (LifecycleState.SUPPORTED, dt.date(2028, 10, 10))
    # Windows Server 2012 R2's paid ESU ended 2026-10-13: past on the fixed date either way.
    assert lifecycle_status("windows-server", "2012-r2", DAY, extended_support=True).state is (
        LifecycleState.END_OF_LIFE
    )


def test_no_end_announced_is_supported_without_a_date() -> None:
    status = lifecycle_status("ipados", "18", DAY)
    assert (status.state, status.eol, status.months_left) == (LifecycleState.SUPPORTED, None, None)


@pytest.mark.parametrize(
    ("product_id", "cycle", "state"),
    [
        ("intune", None, LifecycleState.EVERGREEN),
        ("microsoft-365", None, LifecycleState.EVERGREEN),
        ("chromeos", None, LifecycleState.EVERGREEN),
        ("procapita", None, LifecycleState.UNKNOWN),
        ("windows-server", None, LifecycleState.UNKNOWN),
        ("windows-server", "1999", LifecycleState.UNKNOWN),
        (None, None, LifecycleState.UNKNOWN),
        ("no-such-product", "1", LifecycleState.UNKNOWN),
    ],
)
def test_evergreen_and_unknown(
    product_id: str | None, cycle: str | None, state: LifecycleState
) -> None:
    assert lifecycle_status(product_id, cycle, DAY).state is state


def test_lifecycle_of_matches_end_to_end() -> None:
    normaliser = Normaliser.default()
    match = normaliser.match(None, "WS2012R2", None)
    assert lifecycle_status(match.product_id, match.cycle, DAY).state is (
        LifecycleState.END_OF_LIFE
    )


def test_lifecycle_frame_equals_row_wise_status() -> None:
    matches = pd.DataFrame(
        {
            "product_id": [
                "windows-server",
                "vmware-esxi",
                None,
                "intune",
                "windows-server",
                "vmware-esxi",
            ],
            "cycle": ["2012-r2", "8.0", None, None, "2012-r2", "6.7"],
        },
        index=[10, 11, 12, 13, 14, 15],
    )
    frame = lifecycle_frame(matches, DAY)
    assert list(frame.index) == [10, 11, 12, 13, 14, 15]
    assert list(frame["lifecycle_state"]) == [
        "end_of_life",
        "ending",
        "unknown",
        "evergreen",
        "end_of_life",
        "end_of_life",
    ]
    for (product_id, cycle), (eol, months) in zip(
        matches.itertuples(index=False, name=None),
        frame[["eol", "months_left"]].itertuples(index=False, name=None),
        strict=True,
    ):
        status = lifecycle_status(product_id, cycle, DAY)
        assert eol == status.eol
        assert (None if pd.isna(months) else int(months)) == status.months_left
    assert lifecycle_frame(matches.iloc[:0], DAY).empty


def test_month_arithmetic() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 23), 12) == dt.date(2027, 11, 23)
    assert months_between(dt.date(2026, 11, 23), dt.date(2027, 10, 11)) == 10
    assert months_between(dt.date(2026, 11, 23), dt.date(2023, 10, 10)) == -37


# --- the packaged catalogue ----------------------------------------------------------------


def _refresh_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "refresh_lifecycle", REPO / "scripts" / "refresh_lifecycle.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SHARED_CATALOGUE.is_file(), reason="the shared catalogue is not here")
def test_package_copy_equals_the_shared_catalogue() -> None:
    assert (PACKAGE_DATA / "endoflife-date.json").read_bytes() == SHARED_CATALOGUE.read_bytes()


def test_package_copy_carries_its_mit_attribution() -> None:
    attribution = (PACKAGE_DATA / "endoflife-date-LICENSE.md").read_text(encoding="utf-8")
    data = json.loads((PACKAGE_DATA / "endoflife-date.json").read_text(encoding="utf-8"))
    assert "MIT License" in attribution
    assert "Copyright (c) 2020 endoflife.date contributors" in attribution
    assert data["commit"] in attribution


def test_refresh_script_copies_and_keeps_the_attribution(tmp_path: Path) -> None:
    source = tmp_path / "source.json"
    source.write_text(
        json.dumps(
            {
                "commit": "abc123",
                "license": "MIT, Copyright 2020 endoflife.date contributors",
                "products": {
                    "demo": {
                        "title": "Demo",
                        "releases": [{"releaseCycle": "1", "eol": "2030-01-01"}],
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    target = tmp_path / "data"
    script = _refresh_script()
    assert script.main([str(source), "--target", str(target)]) == 0
    assert (target / "endoflife-date.json").read_bytes() == source.read_bytes()
    attribution = (target / "endoflife-date-LICENSE.md").read_text(encoding="utf-8")
    assert "abc123" in attribution and "MIT License" in attribution


def test_refresh_script_refuses_a_file_without_licence(tmp_path: Path) -> None:
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"products": {}}), encoding="utf-8")
    target = tmp_path / "data"
    assert _refresh_script().main([str(source), "--target", str(target)]) == 1
    assert not target.exists()


def test_end_of_life_os_in_the_samples_is_flagged(samples_dir: Path) -> None:
    """Gislaved's sample servers include Windows Server 2012 R2, past its end of life."""
    servers = pd.read_csv(
        samples_dir / "gislaved" / "servers.csv", dtype=str, keep_default_na=False
    ).replace("", None)
    # a server's vendor is its hardware maker (Dell, HPE), not the OS vendor: not passed
    matches = Normaliser.default().match_frame(
        servers, None, "os_product", "os_version", role="server"
    )
    states = lifecycle_frame(matches, DAY)
    old = matches["cycle"] == "2012-r2"
    assert old.any()
    assert set(states.loc[old, "lifecycle_state"]) == {"end_of_life"}
