"""Calendar years never get a thousands separator; a column can fix its decimals (MNOK 2.4).

The class of "2,007" and of "14.8 - 12.4 shows as 2": every renderer formats a ``year``
column as a year and a column with ``decimals`` with exactly that many.
"""

from __future__ import annotations

import io
from typing import Any

import openpyxl

from inventory.language.formatting import format_cell
from inventory.render.document import Column, ReportDocument, Section, Table
from inventory.render.html import render_html
from inventory.render.markdown import render_markdown
from inventory.render.xlsx import xlsx_bytes


def _document() -> ReportDocument:
    saving = 14.8 - 12.4  # 2.4000000000000004 in binary floating point
    table = Table(
        title="Projection",
        name="Projection",
        columns=[
            Column(key="year", label="Year", type="year"),
            Column(key="saving", label="Saving", type="money", unit="MNOK", decimals=1),
            Column(key="whole", label="Whole", type="float", decimals=1),
        ],
        rows=[[2007, saving, 16.0], [2012, 1234.56, 3.0]],
    )
    return ReportDocument(
        title="T", lang="sv", sections=[Section(id="p", title="P", blocks=[table])]
    )


def test_year_and_decimals_per_language() -> None:
    assert format_cell(2007, "year", "en") == "2007"
    assert format_cell(2007, "year", "sv") == "2007"
    assert format_cell(14.8 - 12.4, "money", "en", decimals=1) == "2.4"
    assert format_cell(14.8 - 12.4, "money", "no", decimals=1) == "2,4"
    assert format_cell(16.0, "float", "en", decimals=1) == "16.0"
    assert format_cell(1234.56, "money", "en", decimals=1) == "1,234.6"
    assert format_cell(0.6, "percent", "en", decimals=0) == "60%"  # en_GB: no space


def test_html_and_markdown_show_years_and_one_decimal() -> None:
    document = _document()
    html = render_html(document)
    markdown = render_markdown(document)
    for text in (html, markdown):
        assert "2007" in text and "2\xa0007" not in text and "2,007" not in text
        assert "2,4" in text and "16,0" in text and "1\xa0234,6" in text


def test_xlsx_cells_keep_numbers_with_their_formats() -> None:
    workbook: Any = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(_document())))
    sheet = workbook["Projection"]
    year, saving, whole = sheet["A2"], sheet["B2"], sheet["C2"]
    assert year.value == 2007 and year.number_format == "0"
    assert abs(saving.value - 2.4) < 1e-9 and saving.number_format == "#,##0.0"
    assert whole.value == 16 and whole.number_format == "#,##0.0"
