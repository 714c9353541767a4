"""Reading XLSX workbooks: values as the user sees them, sheet row numbers as lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from inventory.issues import IssueCode, Severity
from inventory.read import read_table

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"


def test_values_as_shown_and_sheet_rows_as_lines(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Anteckningar"
    notes.append(["not", "this", "sheet"])
    sheet = book.create_sheet("servrar")
    sheet.append(["id", "kind", "cpu_cores", "ram_gb", "purchase_date", "ups", "serial"])
    sheet.append(["srv01", "virtual", 8, 3.5, dt.date(2024, 5, 3), True, "0480"])
    sheet.append([None, None, None])  # a blank row in the middle
    sheet.append(["srv02", "physical", 16.0, 64, dt.datetime(2021, 1, 31), False, None])
    sheet.append([])
    path = tmp_path / "servers.xlsx"
    book.save(path)

    table, issues = read_table(path, "server", "testby")

    assert table is not None and table.format == "xlsx" and table.sheet == "servrar"
    assert table.header == ["id", "kind", "cpu_cores", "ram_gb", "purchase_date", "ups", "serial"]
    assert table.cells.values.tolist() == [
        ["srv01", "virtual", "8", "3.5", "2024-05-03", "true", "0480"],
        ["srv02", "physical", "16", "64", "2021-01-31", "false", ""],
    ]
    assert table.lines == [2, 4] and table.header_line == 1
    assert table.blank_rows_skipped >= 1
    assert [i.code for i in issues] == [IssueCode.BLANK_ROWS_SKIPPED]


def test_header_only_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["id", "kind"])
    path = tmp_path / "servers.xlsx"
    book.save(path)
    table, issues = read_table(path, "server", "testby")
    assert table is not None and len(table.cells) == 0
    assert [(i.code, i.severity, i.line) for i in issues] == [
        (IssueCode.HEADER_ONLY, Severity.WARNING, 1)
    ]


def test_extra_cells_beyond_the_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["id", "kind"])
    book.active.append(["srv01", "virtual", "surplus"])
    path = tmp_path / "servers.xlsx"
    book.save(path)
    table, issues = read_table(path, "server", "testby")
    assert table is not None
    assert [(i.code, i.line, i.row) for i in issues] == [(IssueCode.EXTRA_CELLS, 2, 1)]


def test_corrupt_workbook() -> None:
    table, issues = read_table(BROKEN / "corrupt.xlsx", "server", "testby")
    assert table is None
    assert [i.code for i in issues] == [IssueCode.UNREADABLE_WORKBOOK]
    assert issues[0].file == str(BROKEN / "corrupt.xlsx")


def test_csv_text_named_xlsx() -> None:
    table, issues = read_table(BROKEN / "csv_named_xlsx.xlsx", "server", "testby")
    assert table is None
    assert [i.code for i in issues] == [IssueCode.UNREADABLE_WORKBOOK]
    assert issues[0].hint is not None and ".csv" in issues[0].hint
