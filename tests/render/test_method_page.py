"""The method page travels with the report and every "how this is computed" link lands on
a section of it (docs/method.md, packaged as inventory/data/method.md)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from inventory.demo import DemoResult, run_demo
from inventory.render.document import Paragraph
from inventory.report.method_page import method_anchors, method_html, method_markdown

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    return run_demo(tmp_path_factory.mktemp("demo"), as_of=dt.date(2025, 6, 1))


def test_the_packaged_page_is_docs_method_md() -> None:
    assert method_markdown() == (REPO / "docs" / "method.md").read_text("utf-8")


def test_a_paragraph_names_an_anchor_not_a_url() -> None:
    with pytest.raises(ValueError, match="method"):
        Paragraph(text="x", method="https://example.org/#x")


def test_every_method_link_of_the_report_lands_on_a_section(
    demo: DemoResult, browser_page: Any
) -> None:
    folder = demo.files.reports["html"].parent
    assert (folder / "method.html").read_text("utf-8") == method_html()
    assert (folder / "method.md").read_text("utf-8") == method_markdown()
    html = demo.files.reports["html"].read_text("utf-8")
    linked = set(re.findall(r'href="method\.html#([a-z0-9-]+)"', html))
    markdown = demo.files.reports["md"].read_text("utf-8")
    assert linked == set(re.findall(r"\]\(method\.md#([a-z0-9-]+)\)", markdown))
    assert linked, "the report links to no section of the method page"
    assert linked <= method_anchors(), linked - method_anchors()
    page = browser_page.open(folder / "method.html")
    for anchor in sorted(linked):  # the anchor exists in the rendered page
        assert page.locator(f"#{anchor}").count() == 1, anchor
    assert browser_page.external_requests() == []
