"""report.xlsx read back with openpyxl: typed cells, filters, frozen headers, no formulas."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inventory.render.document import Column, ReportDocument, Section, Table
from inventory.render.output import write_report
from inventory.render.xlsx import sheet_names, xlsx_bytes

INJECTIONS = [
    "=1+2",
    '=HYPERLINK("http://evil","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\x00=1",
    "=",
    "-",
    "normal text",
]


def load(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_injection_payloads_are_text_never_formulas() -> None:
    table = Table(
        title="Servers",
        columns=[Column(key="name", label="=Name"), Column(key="n", label="N", type="int")],
        rows=[[text, number] for number, text in enumerate(INJECTIONS)],
    )
    document = ReportDocument(
        title="=cmd()", subtitle="@x", sections=[Section(id="a", title="A", blocks=[table])]
    )
    workbook = load(xlsx_bytes(document))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    sheet = workbook["Servers"]
    values = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values[:5] == INJECTIONS[:5]
    assert values[5] == "\t=1+1"
    assert sheet["A1"].value == "=Name"


def test_sheets_are_typed_filtered_and_frozen(make_document: Any) -> None:
    workbook = load(xlsx_bytes(make_document("sv", ["=evil()"])))
    assert workbook.sheetnames == ["Översikt", "Förutsättningar per kommun"]
    sheet = workbook["Förutsättningar per kommun"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F6"
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "Kommun",
        "Antal",
        "Förutsättningar",
        "Kostnad (SEK)",
        "Supportslut",
        "Förbindelse",
    ]
    first = sheet[2]
    assert first[0].value == "srv10" and first[0].data_type == "s"
    assert first[1].value == 10 and first[1].data_type == "n"
    assert first[2].value == 0.5 and first[2].number_format == "0.0%"
    assert first[3].value == 1200000 and first[3].data_type == "n"
    assert first[4].value == dt.datetime(2026, 10, 14) and first[4].is_date
    assert first[5].data_type == "s"  # URLs stay text, not hyperlinks guessed from data
    assert sheet.column_dimensions["A"].width >= 8
    payload_row = sheet[6]
    assert payload_row[0].value == "=evil()" and payload_row[0].data_type == "s"
    overview = workbook["Översikt"]
    labels = [row[0] for row in overview.iter_rows(values_only=True)]
    assert "Nyckeltal" in labels and "Kostnad" in labels


def test_numbers_stay_numbers_in_every_language(make_document: Any) -> None:
    cells = {}
    for lang in ("en", "sv", "no"):
        sheet = load(xlsx_bytes(make_document(lang))).worksheets[1]
        cells[lang] = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert cells["en"] == cells["sv"] == cells["no"]


def test_sheet_names_are_valid_and_unique() -> None:
    names = sheet_names(
        [
            "Servers: Gnosjö",
            "servers: gnosjö",
            "a/b\\c?d*e[f]g",
            "'quoted'",
            "",
            "History",
            "x" * 40,
            "x" * 40,
        ],
        reserved=["Overview"],
    )
    assert names[:6] == [
        "Servers Gnosjö",
        "servers gnosjö (2)",
        "a b c d e f g",
        "quoted",
        "Sheet",
        "History sheet",
    ]
    assert all(len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    assert names[7].endswith("(2)")
    assert sheet_names(["Overview"], reserved=["Overview"]) == ["Overview (2)"]


def test_long_text_and_empty_tables(tmp_path: Path) -> None:
    table = Table(title="Long", columns=[Column(key="t", label="T")], rows=[["x" * 40000]])
    empty = Table(title="Empty", columns=[Column(key="t", label="T")], rows=[])
    document = ReportDocument(
        title="x", sections=[Section(id="a", title="A", blocks=[table, empty])]
    )
    written = write_report(document, tmp_path, formats=("xlsx",))
    workbook = openpyxl.load_workbook(written["xlsx"])
    assert len(workbook["Long"]["A2"].value) == 32767
    assert workbook["Empty"].max_row == 1


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_write_report_writes_all_four_files(make_document: Any, tmp_path: Path, lang: str) -> None:
    written = write_report(make_document(lang), tmp_path)
    assert sorted(path.name for path in written.values()) == [
        "report.html",
        "report.json",
        "report.md",
        "report.xlsx",
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "report.html",
        "report.json",
        "report.md",
        "report.xlsx",
    ]  # no temporary files left
    assert ReportDocument.from_json(written["json"].read_text("utf-8")) == make_document(lang)
