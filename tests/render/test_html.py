"""report.html: self-contained, escaped, and working in a real headless Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from inventory.language.i18n import t
from inventory.render.document import Column, ReportDocument, Section, Table
from inventory.render.html import render_html, write_html

# Markup that must never appear unescaped (as text, "onerror=" may appear escaped).
XSS_MARKERS = ("<script>alert", "<img", "<svg onload", 'href="javascript')


class _Collector(HTMLParser):
    """Elements and attributes of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _Collector()
    collector.feed(html)
    return collector.tags


def test_page_is_self_contained(make_document: Any) -> None:
    html = render_html(make_document("en"))
    tags = parse(html)
    assert [tag for tag, _ in tags].count("script") == 1
    assert not [attrs for tag, attrs in tags if tag == "script" and attrs.get("src")]
    assert not [attrs for tag, attrs in tags if tag == "link" and attrs.get("rel") == "stylesheet"]
    hrefs = [attrs.get("href") or "" for _tag, attrs in tags if "href" in attrs]
    assert all(href.startswith(("#", "https://", "data:")) for href in hrefs), hrefs
    assert "Content-Security-Policy" in html and "default-src &#39;none&#39;" in html
    assert "<svg" in html


def test_every_field_is_escaped(make_document: Any) -> None:
    from_payloads = make_document(
        "en",
        [
            "<script>alert('xss')</script>",
            "<img src=x onerror=alert('img')>",
            "javascript:alert('href')",
        ],
    )
    html = render_html(from_payloads)
    for marker in XSS_MARKERS:
        assert marker not in html, marker
    tags = parse(html)
    assert not [tag for tag, _ in tags if tag == "img"]
    assert not [attrs for _tag, attrs in tags if any(k.startswith("on") for k in attrs)]
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    # The javascript: URL in a url column is text, not a link.
    assert "<td>javascript:alert(&#39;href&#39;)</td>" in html


def test_links_only_for_http_urls(make_document: Any) -> None:
    html = render_html(make_document("en"))
    assert '<a href="https://endoflife.date/windows-server"' in html
    assert '<a href="https://example.org/a?b=1&amp;c=2"' in html
    assert "<td>ftp://example.org</td>" in html


def test_numbers_are_formatted_per_language_and_sortable(make_document: Any) -> None:
    swedish = render_html(make_document("sv"))
    english = render_html(make_document("en"))
    assert 'data-sort="1200000.0">1\u00a0200\u00a0000</td>' in swedish
    assert 'data-sort="1200000.0">1,200,000</td>' in english
    # each locale's percent pattern (CLDR): "73,5 %" in Swedish, "73.5%" in British English
    assert "73,5\u00a0%" in swedish and "73.5%" in english
    assert '<html lang="sv">' in swedish
    assert t("section.summary", "sv") in swedish
    assert 'data-sort="2026-10-14">2026-10-14</td>' in swedish
    norwegian = render_html(make_document("no"))
    assert '<html lang="nb">' in norwegian and ">14.10.2026</td>" in norwegian


def test_long_tables_are_cut_with_a_note() -> None:
    table = Table(
        title="Clients",
        columns=[Column(key="n", label="N", type="int")],
        rows=[[number] for number in range(50)],
    )
    document = ReportDocument(title="x", sections=[Section(id="a", title="A", blocks=[table])])
    html = render_html(document, max_table_rows=10)
    assert html.count('<td class="num"') == 10
    assert "Showing 10 of 50 rows" in html


def test_figure_ids_are_prefixed_and_unique(make_document: Any) -> None:
    html = render_html(make_document("en"))
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert "architecture-graph0" in ids


# Browser tests ---------------------------------------------------------------------------


def write_report(document: ReportDocument, folder: Path) -> Path:
    return write_html(document, folder / "report.html")


@pytest.mark.browser
def test_report_renders_in_chromium(browser_page: Any, make_document: Any, tmp_path: Path) -> None:
    page = browser_page.open(write_report(make_document("en"), tmp_path))
    assert page.title() == "GGVVH Gnosjö"
    # Sections and navigation
    headings = page.locator("main h2").all_inner_texts()
    assert headings == ["Executive summary", "Readiness per municipality"]
    assert page.locator("nav.toc a").count() == 3
    page.locator("nav.toc a", has_text="Method and definitions").click()
    assert page.evaluate("location.hash") == "#method"
    assert page.locator("section#summary .key-figure").count() == 3
    # The diagram is inline SVG with our labels, drawn with a real size.
    svg = page.locator("figure.diagram svg")
    assert svg.count() == 1
    box = svg.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100
    assert page.locator("figure.diagram svg text", has_text="Procapita").count() == 1
    # Sorting: click the numeric column twice, then a text column (numeric-aware).
    table = page.locator("table.sortable")
    count_header = table.locator("thead th", has_text="Count")

    def column(index: int) -> list[str]:
        return [
            text.strip()
            for text in table.locator(f"tbody tr td:nth-child({index})").all_inner_texts()
        ]

    assert column(2) == ["10", "9", "100", ""]
    count_header.locator("button").click()
    assert column(2) == ["9", "10", "100", ""]
    assert count_header.get_attribute("aria-sort") == "ascending"
    count_header.locator("button").click()
    assert column(2) == ["100", "10", "9", ""]  # empty cells stay last
    assert count_header.get_attribute("aria-sort") == "descending"
    table.locator("thead th", has_text="Municipality").locator("button").click()
    assert column(1) == ["Gnosjö", "srv2", "srv10", "Värnamo"]
    table.locator("thead th", has_text="End of life").locator("button").click()
    # sorted by date (data-sort is ISO), shown in en_GB's short form
    assert column(5)[:3] == ["01/01/2025", "14/10/2026", "30/06/2030"]
    screenshot = tmp_path / "report.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    assert browser_page.console_errors == []
    assert browser_page.page_errors == []
    assert browser_page.external_requests() == []


@pytest.mark.browser
def test_payloads_stay_inert_in_chromium(
    browser_page: Any, make_document: Any, xss_payloads: list[str], tmp_path: Path
) -> None:
    document = make_document("en", xss_payloads)
    page = browser_page.open(write_report(document, tmp_path))
    # Let any handler that could have been injected fire: hover and click every cell/link.
    page.mouse.move(10, 10)
    for locator in (page.locator("td").first, page.locator("figure.diagram svg").first):
        locator.hover()
    page.wait_for_timeout(200)
    assert browser_page.dialogs == []
    assert page.evaluate("document.scripts.length") == 1  # only our own sorter
    assert page.evaluate("document.images.length") == 0
    handlers = page.evaluate(
        """() => Array.from(document.querySelectorAll('*')).flatMap(element =>
            Array.from(element.attributes).filter(a => a.name.startsWith('on'))
                 .map(a => element.tagName + ' ' + a.name))"""
    )
    assert handlers == []
    hrefs = page.evaluate(
        "() => Array.from(document.querySelectorAll('[href]'), e => e.getAttribute('href'))"
    )
    assert not [href for href in hrefs if href.lower().lstrip().startswith("javascript")]
    svg_elements = page.evaluate(
        "() => Array.from(document.querySelectorAll('svg *'), e => e.tagName.toLowerCase())"
    )
    assert "script" not in svg_elements and "foreignobject" not in svg_elements
    # Every payload is visible as text: in the table, and inside the diagram.
    cells = page.locator("table.sortable tbody td:first-child").all_inner_texts()
    svg_texts = [
        text.strip() for text in page.locator("figure.diagram svg text").all_text_contents()
    ]
    for payload in xss_payloads:
        assert payload in cells
        assert svg_texts.count(payload.strip()) >= 3, payload  # cluster, node, detail
    assert page.locator("h1").inner_text() == f"GGVVH {xss_payloads[0]}"
    assert browser_page.console_errors == []
    assert browser_page.page_errors == []
