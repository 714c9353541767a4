"""report.md: structure, localised numbers, and text from data that stays text."""

from __future__ import annotations

import re
from typing import Any

from inventory.render.document import Figure, Paragraph, ReportDocument, Section
from inventory.render.markdown import escape_lines, render_markdown


def test_structure(make_document: Any) -> None:
    text = render_markdown(make_document("sv"))
    lines = text.splitlines()
    assert lines[0] == "# GGVVH Gnosjö"
    assert "## Innehåll" in lines
    assert "- [Sammanfattning](#summary)" in lines
    assert "  - [Metod och definitioner](#method)" in lines
    assert '<a id="summary"></a>' in lines
    assert "## Sammanfattning" in lines and "### Metod och definitioner" in lines
    assert (
        "| Kommun | Antal | Förutsättningar | Kostnad (SEK) | Supportslut | Förbindelse |" in lines
    )
    assert "| --- | ---: | ---: | ---: | --- | --- |" in lines
    assert (
        "| srv10 | 10 | 50,0\u00a0% | 1\u00a0200\u00a0000 | 2026-10-14 | "
        "https://endoflife.date/windows-server |" in lines
    )
    assert "- **Kostnad**: 12\u00a0400\u00a0000 SEK" in lines
    assert "> **Varning:** Two servers run an end-of-life OS. Gnosjö" in lines


def test_payloads_stay_text(make_document: Any, xss_payloads: list[str]) -> None:
    text = render_markdown(make_document("en", [*xss_payloads, "a | b\nc", "# heading"]))
    # Only our own raw HTML is unescaped: <a id="..."> anchors and <br> in table cells.
    assert set(re.findall(r"(?<!\\)<(/?[A-Za-z]+)", text)) == {"a", "/a", "br"}
    assert "\\<script\\>alert('xss')\\</script\\>" in text
    assert "a \\| b<br>c" in text  # a table cell keeps its columns
    assert "\\# heading" in text
    raw_html = [line for line in text.splitlines() if line.startswith("<")]
    assert all(line.startswith('<a id="') for line in raw_html)


def test_block_starts_are_escaped() -> None:
    assert escape_lines("- not a list\n1. not a list\n===\n> no quote") == (
        "\\- not a list\\\n1\\. not a list\\\n\\===\\\n\\> no quote"
    )


def test_figures_link_their_image() -> None:
    document = ReportDocument(
        title="x",
        sections=[
            Section(
                id="a",
                title="A",
                blocks=[
                    Figure(caption="Nät [1]", svg="<svg/>", image_path="diagrams/nät 1.svg"),
                    Paragraph(text="ok"),
                ],
            )
        ],
    )
    text = render_markdown(document)
    assert "![Nät \\[1\\]](<diagrams/n%C3%A4t%201.svg>)" in text
    assert "*Figure 1: Nät \\[1\\]*" in text


def test_long_tables_are_cut_with_a_note() -> None:
    from inventory.render.document import Column, Table

    table = Table(
        title="Clients",
        columns=[Column(key="n", label="N", type="int")],
        rows=[[number] for number in range(50)],
    )
    document = ReportDocument(title="x", sections=[Section(id="a", title="A", blocks=[table])])
    text = render_markdown(document, max_table_rows=10)
    table_lines = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(table_lines) == 12  # header, rule, 10 rows
    assert "*Showing 10 of 50 rows; the full table is in report.xlsx.*" in text
