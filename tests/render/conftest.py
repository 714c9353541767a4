"""Fixtures of the render tests: a payload corpus, a sample report, a headless Chromium page.

The Chromium fixtures (``chromium_browser``, ``browser_page``) are meant to be reused by the
report tests of issue 5: put those tests under ``tests/render/`` (or move these fixtures to
``tests/conftest.py``) and call ``browser_page.open(path)``. They drive Debian's
``/usr/bin/chromium`` through Python playwright and never download a browser; without
Chromium the tests skip with a message saying so.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from inventory.language.i18n import Lang, t
from inventory.render.document import (
    Callout,
    Column,
    Figure,
    KeyFigure,
    KeyFigures,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)
from inventory.render.dot import Diagram, EdgeStyle, LegendEntry, NodeStyle

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

# Names that break naive DOT, HTML, Markdown, CSV or file-name code.
PAYLOAD_NAMES: list[str] = [
    'quote " inside',
    "apostrophe ' inside",
    "back\\slash",
    "trailing backslash \\",
    "\\N \\G \\L \\n escapes",
    "<b>bold</b>",
    "</script><script>alert('dot')</script>",
    "<img src=x onerror=alert(1)>",
    "line one\nline two",
    "windows\r\nbreak",
    "ÅÄÖÆØ åäöæø Gnosjö Værnes",
    "{record|fields} <port>",
    "<<double angle>>",
    "a & b &amp; &#60; &lt;",
    "tab\there",
    "control\x01\x07\x1b\x7f\x85chars",
    'ends with quote"',
    '"]; evil [label="pwned',
    "-- comment --> <!-- x",
    "node",
    "subgraph",
    "very long " + "x" * 300,
    "",
    "   ",
]

XSS_PAYLOADS: list[str] = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert('img')>",
    "javascript:alert('href')",
    '" onmouseover="alert(1)',
    "<svg onload=alert('svg')>",
    "</style><script>alert(2)</script>",
    "<a href=\"javascript:alert('a')\">click</a>",
]


def sample_diagram(lang: Lang = "en", names: list[str] | None = None) -> Diagram:
    """A small architecture view: two sites as clusters, servers, one app, a legend."""
    diagram = Diagram("Gnosjö <architecture>", lang=lang, node_budget=4)
    diagram.add_group("dc1", "DC1 Gnosjö")
    diagram.add_group("dc2", 'Värnamo "B"')
    server = NodeStyle(fill="#bee3f8")
    app = NodeStyle(fill="#c6f6d5", shape="component")
    for number in range(1, 8):
        diagram.add_node(
            f"srv{number}",
            f"srv{number:02d}",
            detail="Windows Server 2019",
            group="dc1",
            kind="servers",
            style=server,
        )
    for index, name in enumerate(names or []):
        # One cluster per payload: the title (plain label) and the node (HTML label) show it.
        diagram.add_group(f"payload-group{index}", name, parent="dc2")
        diagram.add_node(
            f"payload{index}", name, detail=name, group=f"payload-group{index}", style=server
        )
    diagram.add_node("app", "Procapita", detail="Care", style=app)
    diagram.add_edge("app", "srv1", label="runs on")
    diagram.add_edge("app", "srv7")
    diagram.set_legend(
        [
            LegendEntry(t("column.server", lang), style=server),
            LegendEntry(t("column.application", lang), style=app),
            LegendEntry(t("diagram.redundant_link", lang), edge=EdgeStyle(line="bold")),
        ]
    )
    return diagram


def sample_document(lang: Lang = "en", payloads: list[str] | None = None) -> ReportDocument:
    """A report with every block kind; ``payloads`` go into every field that holds text."""
    bad = payloads or []
    diagram = sample_diagram(lang, bad)
    first = bad[0] if bad else "Gnosjö"
    columns = [
        Column(key="municipality", label=t("column.municipality", lang)),
        Column(key="servers", label=t("column.count", lang), type="int"),
        Column(key="readiness", label=t("column.readiness", lang), type="percent"),
        Column(key="cost", label=t("column.cost", lang), type="money", unit="SEK"),
        Column(key="end", label=t("column.end_of_life", lang), type="date"),
        Column(key="link", label=t("column.link", lang), type="url"),
    ]
    records: list[dict[str, Any]] = [
        {
            "municipality": "srv10",
            "servers": 10,
            "readiness": 0.5,
            "cost": 1200000,
            "end": dt.date(2026, 10, 14),
            "link": "https://endoflife.date/windows-server",
        },
        {
            "municipality": "srv2",
            "servers": 9,
            "readiness": 0.735,
            "cost": 300,
            "end": dt.date(2025, 1, 1),
            "link": None,
        },
        {
            "municipality": "Gnosjö",
            "servers": 100,
            "readiness": 1.0,
            "cost": 45000.5,
            "end": None,
            "link": "ftp://example.org",
        },
        {
            "municipality": "Värnamo",
            "servers": None,
            "readiness": 0.05,
            "cost": 0,
            "end": dt.date(2030, 6, 30),
            "link": "https://example.org/a?b=1&c=2",
        },
    ]
    records += [
        {
            "municipality": text,
            "servers": index,
            "readiness": None,
            "cost": None,
            "end": None,
            "link": text,
        }
        for index, text in enumerate(bad)
    ]
    summary = Section(
        id="summary",
        title=t("section.summary", lang),
        blocks=[
            Paragraph(text=f"Five municipalities, one target.\n{first}"),
            KeyFigures(
                figures=[
                    KeyFigure(
                        label=t("column.cost", lang),
                        value=12_400_000,
                        unit="SEK",
                        value_type="money",
                    ),
                    KeyFigure(label=t("column.readiness", lang), value=0.62, value_type="percent"),
                    KeyFigure(label=first or "-", value=first or "-", unit=first),
                ]
            ),
            Callout(level="warning", text=f"Two servers run an end-of-life OS. {first}"),
        ],
    )
    details = Section(
        id="details",
        title=t("section.readiness", lang),
        blocks=[
            Table.from_records(
                t("section.readiness", lang), columns, records, id="readiness-table", note=first
            ),
            Figure(
                id="architecture",
                caption=f"Architecture {first}",
                svg=diagram.render("svg").decode("utf-8"),
                dot=diagram.source,
            ),
            Callout(level="info", title=first, text="Figures are rounded."),
        ],
        subsections=[
            Section(
                id="method",
                title=t("section.method", lang),
                blocks=[Paragraph(text="Readiness = included blocks / all blocks.")],
            ),
        ],
    )
    return ReportDocument(
        title=f"GGVVH {first}".strip(),
        subtitle=first,
        lang=lang,
        generated=dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.UTC),
        sections=[summary, details],
    )


@pytest.fixture
def payload_names() -> list[str]:
    """Names that break naive escaping (DOT, HTML, Markdown, CSV, file names)."""
    return list(PAYLOAD_NAMES)


@pytest.fixture
def report_document() -> ReportDocument:
    """A sample report in English with every block kind and a real Graphviz figure."""
    return sample_document("en")


@dataclass
class BrowserPage:
    """A Chromium page that records console errors, page errors, dialogs and requests."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path) -> Any:
        """Open a local file (``file://`` URL) and wait until it has loaded."""
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        return self.page

    def external_requests(self) -> list[str]:
        """Requests that left the file: everything but ``file:``, ``data:`` and ``about:``."""
        return [url for url in self.requests if not url.startswith(("file:", "data:", "about:"))]


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """Debian's headless Chromium, driven by playwright (session-wide; never downloaded)."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="python playwright missing")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page(chromium_browser: Any) -> Iterator[BrowserPage]:
    """A fresh page in its own context; dialogs are recorded and dismissed."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = BrowserPage(page)

    def on_console(message: Any) -> None:
        if message.type == "error":
            recorder.console_errors.append(message.text)

    def on_dialog(dialog: Any) -> None:
        recorder.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: recorder.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.on("request", lambda request: recorder.requests.append(request.url))
    try:
        yield recorder
    finally:
        context.close()


@pytest.fixture
def make_document() -> Any:
    """The sample report builder: ``make_document(lang, payloads)``."""
    return sample_document


@pytest.fixture
def make_diagram() -> Any:
    """The sample diagram builder: ``make_diagram(lang, names)``."""
    return sample_diagram


@pytest.fixture
def xss_payloads() -> list[str]:
    """Script, event-handler and ``javascript:`` payloads for inventory fields."""
    return list(XSS_PAYLOADS)
