"""The demo's report: opened in headless Chromium, read back as XLSX and JSON, payloads inert."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from inventory.demo import DemoResult, run_demo
from inventory.language.i18n import t
from inventory.report import analyse_inventory, build_report, write_full_report
from inventory.snapshot import InventorySnapshot
from inventory.store import InventoryStore
from inventory.target.model import load_target
from inventory.validate import validate_paths

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return run_demo(tmp_path_factory.mktemp("demo"), as_of=AS_OF)


def test_report_html_renders_in_chromium(demo: DemoResult, browser_page: Any) -> None:
    page = browser_page.open(demo.files.reports["html"])
    for section in (
        "summary",
        "inventory",
        "overlap",
        "gap-matrix",
        "end-of-life",
        "findings",
        "effort-cost",
        "plan",
        "decision-support",
        "diagrams",
    ):
        assert page.locator(f"#{section}").count() == 1, section
    assert page.locator("#summary").inner_text().startswith(t("section.summary", "en"))
    figures = page.locator("figure svg")
    assert figures.count() >= 10
    box = figures.first.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 50
    assert browser_page.console_errors == []
    assert browser_page.page_errors == []
    assert browser_page.external_requests() == []
    screenshot = demo.out_dir / "report.png"
    page.screenshot(path=str(screenshot))
    assert screenshot.stat().st_size > 10_000


def test_report_xlsx_has_no_formulas_and_typed_numbers(demo: DemoResult) -> None:
    workbook = openpyxl.load_workbook(demo.files.reports["xlsx"])
    numbers = 0
    for sheet in workbook.worksheets:
        header = [str(cell.value or "") for cell in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}"
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    numbers += 1
                column = header[cell.column - 1] if cell.column <= len(header) else ""
                if isinstance(cell.value, str) and not any(
                    word in column.lower()
                    for word in ("version", "year", "sub-project", "criterion", "alternative")
                ):
                    # Versions ("2019", "8.0"), calendar years as labels and the studies'
                    # identifiers (sub-project "15.1", criterion "6", alternative "2") are
                    # text on purpose; no other number is.
                    assert not cell.value.replace(".", "").isdigit(), (
                        f"number stored as text: {sheet.title}!{cell.coordinate}"
                    )
    assert numbers > 500
    inventory = workbook["Inventory"]
    assert all(isinstance(cell.value, int) for cell in inventory["B"][1:])


def test_demo_wrote_every_diagram_with_its_dot(demo: DemoResult) -> None:
    folder = demo.out_dir / "diagrams"
    svgs = sorted(path.stem for path in folder.glob("*.svg"))
    dots = sorted(path.stem for path in folder.glob("*.dot"))
    assert svgs == dots
    assert {"network", "target", "overlap-platforms", "architecture-varnamo"} <= set(svgs)
    markdown = demo.files.reports["md"].read_text(encoding="utf-8")
    assert "diagrams/network.svg" in markdown


def _numbers(value: Any) -> list[float]:
    """Every number in a JSON value, in document order (booleans excluded)."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, dict):
        return [n for item in value.values() for n in _numbers(item)]
    if isinstance(value, list):
        return [n for item in value for n in _numbers(item)]
    return []


def test_same_figures_in_every_language(demo: DemoResult) -> None:
    target, _ = load_target(REPO / "samples/target.yaml")
    assert target is not None
    with InventoryStore(demo.database_url) as store:
        snapshot = store.snapshot()
    inputs = analyse_inventory(snapshot, target, as_of=AS_OF, study_folder=REPO / "samples/study")
    generated = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)
    documents = {
        lang: json.loads(build_report(inputs, lang=lang, generated=generated).json_text())
        for lang in ("en", "sv", "no")
    }
    assert documents["sv"]["sections"][0]["title"] == "Sammanfattning"
    english = _numbers(documents["en"])
    assert len(english) > 1000
    assert _numbers(documents["sv"]) == english
    assert _numbers(documents["no"]) == english
    # And the figures match the demo's own report.json.
    written = json.loads(demo.files.reports["json"].read_text(encoding="utf-8"))
    assert _numbers(written["sections"][0]["blocks"][1]) == _numbers(
        documents["en"]["sections"][0]["blocks"][1]
    )


def test_script_payloads_in_the_inventory_stay_inert(
    tmp_path: Path, xss_payloads: list[str], browser_page: Any
) -> None:
    batch = validate_paths(
        [REPO / "samples/gnosjo"],
        known_keys={"gislaved": {"site": {"DC1"}}, "varnamo": {"site": {"DC1"}}},
    )
    assert batch.report.valid
    snapshot = InventorySnapshot.from_batch(batch)
    tables = {kind: frame.copy() for kind, frame in snapshot.tables.items()}
    for kind, column in (
        ("municipality", "name"),
        ("site", "name"),
        ("server", "hostname"),
        ("application", "name"),
        ("application", "product"),
        ("platform", "product"),
        ("client", "model"),
    ):
        frame = tables[kind]
        frame[column] = pd.Series(
            [xss_payloads[i % len(xss_payloads)] for i in range(len(frame))],
            index=frame.index,
            dtype=object,
        )
    poisoned = InventorySnapshot(tables=tables, references=snapshot.references)
    target, _ = load_target(REPO / "samples/target.yaml")
    assert target is not None
    target = target.model_copy(update={"municipalities": ["gnosjo"]})
    inputs = analyse_inventory(poisoned, target, as_of=AS_OF)
    files = write_full_report(inputs, tmp_path, formats=("html", "md"))
    html = files.reports["html"].read_text(encoding="utf-8")
    assert "<script>alert" not in html
    # Payloads are text: no real tag or attribute carries them (escaped text may show them).
    assert re.search(r"<a\b[^>]*href\s*=\s*[\"']?\s*javascript:", html, re.I) is None
    assert re.search(r"<img\b", html, re.I) is None
    assert re.search(r"<[a-z]+\b[^>]*\son(error|load|mouseover)\s*=", html, re.I) is None
    page = browser_page.open(files.reports["html"])
    page.wait_for_timeout(300)
    for element in page.locator("a").all():
        href = element.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:")
    assert page.locator("img").count() == 0
    assert browser_page.dialogs == []
    assert browser_page.page_errors == []
    body = page.locator("body").inner_text()
    assert "<script>alert('xss')</script>" in body  # shown as text


def _tables(node: Any) -> dict[str, dict[str, Any]]:
    """Every table of a report.json, by its id."""
    found: dict[str, dict[str, Any]] = {}
    if isinstance(node, dict):
        if node.get("table_id") or (node.get("columns") and node.get("id")):
            found[str(node.get("table_id") or node.get("id"))] = node
        for value in node.values():
            found |= _tables(value)
    elif isinstance(node, list):
        for value in node:
            found |= _tables(value)
    return found


def test_the_applications_gap_matrix_shows_the_suite_of_each_system(demo: DemoResult) -> None:
    """Suite modules are separate products shown with their suite; other domains have no
    suite column. The samples run Lifecare modules (Tietoevry's suite) and Sokigo's."""
    report = json.loads((demo.out_dir / "report.json").read_text(encoding="utf-8"))
    tables = _tables(report)
    applications = tables["gap-matrix-applications"]
    keys = [column["key"] for column in applications["columns"]]
    assert keys.index("suite") == keys.index("title") + 1
    rows = [dict(zip(keys, row, strict=True)) for row in applications["rows"]]
    suites = {row["suite"] for row in rows if row["suite"]}
    assert {"Lifecare", "Sokigo samhällsbyggnad"} <= suites
    assert "Lifecare SP" in [row["title"] for row in rows if row["suite"] == "Lifecare"]
    for domain in ("network", "datacentre", "platforms", "clients"):
        columns = [column["key"] for column in tables[f"gap-matrix-{domain}"]["columns"]]
        assert "suite" not in columns, domain
