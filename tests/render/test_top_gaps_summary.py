"""The summary's top gaps fit the page: few, short columns (the gap section has them all),
checked in headless Chromium at 1280 px. (The decision section's years: its own tests.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from inventory.gap.result import GapReport, compute_gap
from inventory.render.document import ReportDocument, Section
from inventory.render.html import render_html
from inventory.report.risk import REASON_CHARS, WHAT_CHARS, short_reason, top_gaps
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture


@pytest.fixture(scope="module")
def gap(sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture) -> GapReport:
    return compute_gap(sample_snapshot, sample_target, as_of=dt.date(2026, 11, 23))


def test_short_reason_puts_the_lifecycle_first_and_drops_name_lists() -> None:
    reasons = (
        "13 applications, 3 critical (A, B (b), C, ...); up to 1,144 users;"
        " past end of life 2022-10-15; no redundant interconnect at x:SR1"
    )
    # "past end of life 2022-10-15" (27) + "; " + "13 applications, 3 critical" (27) = 56;
    # adding "; up to 1,144 users" would make 75 > 60
    assert short_reason(reasons) == "past end of life 2022-10-15; 13 applications, 3 critical"
    assert len(short_reason("x" * 200)) == REASON_CHARS


def test_summary_columns_are_few_and_short(gap: GapReport) -> None:
    table = top_gaps(gap, "en")[1]
    assert [column.key for column in table.columns] == [
        "rank",
        "what",
        "municipality",
        "consequence",
        "exposure",
        "risk",
        "reason",
    ]
    assert len(table.rows) == 10
    assert all(len(row[1]) <= WHAT_CHARS and len(row[6]) <= REASON_CHARS for row in table.rows)
    assert str(len(gap.risks)) in table.note  # the full list is in the gap section


def test_summary_top_gaps_under_900_px_at_1280(
    gap: GapReport, browser_page: Any, tmp_path: Path
) -> None:
    document = ReportDocument(
        title="t",
        lang="en",
        sections=[Section(id="summary", title="Summary", blocks=top_gaps(gap, "en"))],
    )
    path = tmp_path / "top.html"
    path.write_text(render_html(document), encoding="utf-8")
    page = browser_page.open(path)
    box = page.locator("table").first.bounding_box()
    assert box is not None
    assert box["height"] < 900, box
    assert box["width"] <= 1280, box
