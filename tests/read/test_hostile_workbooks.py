"""Hostile and careless workbooks (issue 11): formula cells and zip bombs.

A formula without a stored result is an error at its cell (never an empty value that an
import would store as NULL); a stored result is used, with a warning. A workbook that
unpacks past the bound, or a sheet past Excel's last row, is rejected after a bounded
amount of work, and an import of such a file writes nothing.
"""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from inventory.issues import Issue, IssueCode, Severity
from inventory.read import read_table
from inventory.read.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_ROW_BYTES,
    MAX_ROW_CELLS,
    MAX_SHEET_ROWS,
    MAX_WORKBOOK_BYTES,
)
from inventory.read.workbook import BoundedPart, WorkbookRejected, read_xlsx_table
from inventory.validate import validate_paths
from tests.helpers import (
    SHEET_HEAD,
    SHEET_TAIL,
    Cli,
    deflate_part,
    gnosjo_server_rows,
    inline_row,
    repeated_part,
    write_workbook,
)

CORES = 10  # 0-based position of "kärnor" (CPU cores) in samples/gnosjo/servrar.csv


def only(issues: list[Issue], code: IssueCode) -> Issue:
    found = [issue for issue in issues if issue.code is code]
    assert len(found) == 1, issues
    return found[0]


def servers_with_openpyxl(
    folder: Path, rows: list[list[str]], formulas: dict[tuple[int, int], str]
) -> Path:
    """servrar.xlsx written by openpyxl: formulas get no stored result (as scripts write
    them); ``formulas`` maps (0-based row, column) to a formula."""
    (folder / "servrar.csv").unlink(missing_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "servrar"
    for number, row in enumerate(rows):
        sheet.append([formulas.get((number, column), value) for column, value in enumerate(row)])
    path = folder / "servrar.xlsx"
    book.save(path)
    return path


def servers_with_xlsxwriter(
    folder: Path, rows: list[list[str]], formulas: dict[tuple[int, int], tuple[str, str | int]]
) -> Path:
    """servrar.xlsx written by xlsxwriter: each formula with the result stored with it."""
    (folder / "servrar.csv").unlink(missing_ok=True)
    path = folder / "servrar.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("servrar")
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if (number, column) in formulas:
                formula, result = formulas[number, column]
                sheet.write_formula(number, column, formula, None, result)
            else:
                sheet.write_string(number, column, value)
    book.close()
    return path


# --- formula cells ---------------------------------------------------------------------


def test_formula_without_stored_result_is_an_error_at_its_cell(tmp_path: Path) -> None:
    rows = gnosjo_server_rows()[:4]
    path = servers_with_openpyxl(tmp_path, rows, {(1, CORES): "=24*2", (3, 2): "=B4"})

    table, issues = read_table(path, "server", "gnosjo")

    assert table is not None
    errors = [i for i in issues if i.code is IssueCode.FORMULA_WITHOUT_VALUE]
    assert [(i.severity, i.file, i.line, i.row, i.column, i.column_index) for i in errors] == [
        (Severity.ERROR, str(path), 2, 1, "kärnor", CORES + 1),
        (Severity.ERROR, str(path), 4, 3, "typ", 3),
    ]
    assert "Cell K2 of sheet 'servrar'" in errors[0].message
    assert table.cells[str(CORES)].iloc[0] == ""  # nothing invented; the error stops it


def test_formulas_in_the_header_row_and_shared_formulas(tmp_path: Path) -> None:
    # Header cells computed with and without a result, and a shared formula: Excel writes
    # the formula once, then <f t="shared" si="0"/> in each cell that repeats it.
    def text(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    sheet = "".join(
        [
            '<row r="1">',
            text("A1", "id"),
            '<c r="B1" t="str"><f>"kind"</f><v>kind</v></c>',
            text("C1", "cpu_cores"),
            '<c r="D1"><f>A1&amp;"x"</f></c></row>',
            '<row r="2">',
            text("A2", "srv01"),
            text("B2", "virtual"),
            '<c r="C2"><f t="shared" ref="C2:C3" si="0">2*4</f><v>8</v></c></row>',
            '<row r="3">',
            text("A3", "srv02"),
            text("B3", "virtual"),
            '<c r="C3"><f t="shared" si="0"/></c></row>',
            '<row r="4">',
            text("A4", "srv03"),
            '<c r="B4" t="str"><f>IF(1,"","x")</f><v></v></c>',  # an empty text result
            '<c r="C4"><f>B3</f><v/></c></row>',  # no result (as openpyxl writes it)
            '<row r="5"><c r="B5"><f>B4</f></c></row>',  # a row blank but for a formula
        ]
    )
    path = write_workbook(tmp_path / "servers.xlsx", sheet.encode())

    table, issues = read_table(path, "server", "testby")

    assert table is not None and table.header == ["id", "kind", "cpu_cores"]
    assert table.cells.values.tolist() == [
        ["srv01", "virtual", "8"],
        ["srv02", "virtual", ""],
        ["srv03", "", ""],
    ]
    assert [(i.code, i.severity, i.line, i.row, i.column, i.column_index) for i in issues] == [
        (IssueCode.FORMULA_VALUE, Severity.WARNING, 1, None, None, 2),
        (IssueCode.FORMULA_WITHOUT_VALUE, Severity.ERROR, 1, None, None, 4),
        (IssueCode.FORMULA_VALUE, Severity.WARNING, 2, 1, "cpu_cores", 3),
        (IssueCode.FORMULA_WITHOUT_VALUE, Severity.ERROR, 3, 2, "cpu_cores", 3),
        (IssueCode.FORMULA_VALUE, Severity.WARNING, 4, 3, "kind", 2),
        (IssueCode.FORMULA_WITHOUT_VALUE, Severity.ERROR, 4, 3, "cpu_cores", 3),
        (IssueCode.FORMULA_WITHOUT_VALUE, Severity.ERROR, 5, None, "kind", 2),
        (IssueCode.BLANK_ROWS_SKIPPED, Severity.INFO, None, None, None, None),
    ]
    assert "Cell D1 of sheet 'servers'" in issues[1].message


def test_stored_formula_results_are_used_with_a_warning(tmp_path: Path) -> None:
    rows = gnosjo_server_rows()[:4]
    path = servers_with_xlsxwriter(
        tmp_path,
        rows,
        {
            (1, CORES): ("=24*2", 48),
            (2, 1): ('=UPPER("gno-esx02")', "GNO-ESX02"),
            (3, 6): ('=LOWER("DNS")', "dns"),
        },
    )

    table, issues = read_table(path, "server", "gnosjo")

    assert table is not None
    assert table.cells.iloc[0, CORES] == "48" and table.cells.iloc[1, 1] == "GNO-ESX02"
    warnings = [(i.code, i.severity, i.line, i.row, i.column, i.column_index) for i in issues]
    assert warnings == [
        (IssueCode.FORMULA_VALUE, Severity.WARNING, 2, 1, "kärnor", CORES + 1),
        (IssueCode.FORMULA_VALUE, Severity.WARNING, 3, 2, "värdnamn", 2),
        (IssueCode.FORMULA_VALUE, Severity.WARNING, 4, 3, "roll", 7),
    ]
    assert "'48' is used" in issues[0].message


@pytest.mark.parametrize("formula", ["=1/0", "=NA()"])
def test_formula_whose_result_is_an_error_value(tmp_path: Path, formula: str) -> None:
    path = tmp_path / "servers.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["id", "cpu_cores"])
    sheet.write_string(1, 0, "srv01")
    sheet.write_formula(1, 1, formula, None, "#DIV/0!" if "/" in formula else "#N/A")
    book.close()

    table, issues = read_table(path, "server", "testby")

    assert table is not None and str(table.cells.iloc[0, 1]).startswith("#")
    issue = only(issues, IssueCode.FORMULA_WITHOUT_VALUE)
    assert (issue.line, issue.row, issue.column, issue.column_index) == (2, 1, "cpu_cores", 2)
    assert "error" in issue.message


def test_many_formulas_are_listed_up_to_the_cap_then_counted(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "cpu_cores"])
    for number in range(250):
        sheet.append([f"srv{number}", f"=2*{number}"])
    path = tmp_path / "servers.xlsx"
    book.save(path)

    _, issues = read_table(path, "server", "testby")

    errors = [i for i in issues if i.code is IssueCode.FORMULA_WITHOUT_VALUE]
    assert len(errors) == 101 and errors[-1].line is None
    assert "150 more formula cells" in errors[-1].message


def test_validate_and_import_reject_a_formula_without_result_and_store_nothing(
    gnosjo: Path, cli: Cli
) -> None:
    before = cli.dump()
    path = servers_with_openpyxl(gnosjo, gnosjo_server_rows(), {(1, CORES): "=24*2"})

    batch = validate_paths([gnosjo])  # without the store: its links to others dangle
    assert [
        (i.code, i.line, i.row, i.column) for i in batch.report.errors if i.file == str(path)
    ] == [(IssueCode.FORMULA_WITHOUT_VALUE, 2, 1, "kärnor")]

    for command in ("validate", "import"):
        result, issues = cli.json(command, str(gnosjo))
        assert result.exit_code == 1, result.output
        errors = [i for i in issues if i["severity"] == "error"]
        assert [
            (i["code"], i["file"], i["line"], i["row"], i["column"], i["column_index"])
            for i in errors
        ] == [("formula-without-value", str(path), 2, 1, "kärnor", CORES + 1)]
    assert cli.dump() == before  # esx01 keeps its 48 cores


def test_import_uses_a_stored_formula_result_with_a_warning(gnosjo: Path, cli: Cli) -> None:
    rows = gnosjo_server_rows()
    rows[1][CORES] = "56"
    servers_with_xlsxwriter(gnosjo, rows, {(1, CORES): ("=28*2", 56)})

    result, issues = cli.json("import", str(gnosjo))

    assert result.exit_code == 0, result.output
    assert [(i["code"], i["line"], i["column"]) for i in issues if i["severity"] == "warning"] == [
        ("formula-value", 2, "kärnor")
    ]
    listed = cli("list", "server", "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert '"cpu_cores": 56' in listed.stdout


# --- zip bombs and sheets past Excel's last row ------------------------------------------


def blank_rows_bomb(path: Path, rows: int, chunk_rows: int = 1 << 20) -> Path:
    """A header row, then ``rows`` blank rows (``<row/>``), deflated: a few hundred bytes
    per million rows."""
    part = repeated_part(
        "xl/worksheets/sheet1.xml",
        SHEET_HEAD + inline_row(1, "id", "kind"),
        b"<row/>" * chunk_rows,
        rows // chunk_rows,
        SHEET_TAIL,
    )
    return write_workbook(path, part)


def test_zip_bomb_is_rejected_from_its_declared_size(tmp_path: Path) -> None:
    # 54 x 6 MiB of blank rows: 324 MiB of XML in a file of about half a megabyte.
    path = blank_rows_bomb(tmp_path / "servers.xlsx", 54 << 20)
    assert path.stat().st_size < 1 << 20

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.WORKBOOK_TOO_LARGE)
    assert issue.file == str(path) and issue.severity is Severity.ERROR
    assert "unpacks to 324 MiB, the limit is 256 MiB" in issue.message


def test_a_part_compressed_like_a_bomb_is_rejected_before_parsing(tmp_path: Path) -> None:
    # 96 MiB of blank rows, under the size bound, in a file of about 150 KB.
    path = blank_rows_bomb(tmp_path / "servers.xlsx", 16 << 20)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.WORKBOOK_TOO_LARGE)
    assert "xl/worksheets/sheet1.xml is compressed" in issue.message
    assert f"more than the {MAX_COMPRESSION_RATIO} times" in issue.message


def test_declared_sizes_are_not_trusted_alone(tmp_path: Path) -> None:
    # The headers claim 1 KiB; the deflate stream holds 2 GiB of blank rows. The unzipper
    # never inflates past the declared size, and the checksum then fails.
    part = repeated_part(
        "xl/worksheets/sheet1.xml",
        SHEET_HEAD + inline_row(1, "id", "kind"),
        b"<row/>" * (1 << 20),
        340,
        SHEET_TAIL,
    )
    part.declared = 1024
    path = write_workbook(tmp_path / "servers.xlsx", part)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    assert [i.code for i in issues] == [IssueCode.UNREADABLE_WORKBOOK]


def test_entity_expansion_in_a_sheet_is_refused_by_the_xml_parser(tmp_path: Path) -> None:
    # "Billion laughs": ten entities each ten times the one before, 10^10 characters.
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet'
        ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>'
    )
    path = write_workbook(
        tmp_path / "servers.xlsx", deflate_part("xl/worksheets/sheet1.xml", xml.encode())
    )

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.UNREADABLE_WORKBOOK)
    assert (issue.file, issue.record_kind, issue.municipality) == (str(path), "server", "testby")
    assert "amplification" in issue.message


def test_a_part_read_past_its_bound_stops_there() -> None:
    part = BoundedPart(io.BytesIO(b"x" * 100_000), 4096, "servers.xlsx")
    with pytest.raises(WorkbookRejected) as raised:
        while part.read(1000):
            pass
    assert part.inflated == 4097  # one byte past the bound, not the 100,000 offered
    assert raised.value.issue.code is IssueCode.WORKBOOK_TOO_LARGE


def test_rows_past_excels_last_row_stop_the_read_there(tmp_path: Path) -> None:
    # Row numbers jump past row 1,048,576: openpyxl would fill the gap with empty rows.
    sheet = (
        inline_row(1, "id", "kind")
        + inline_row(2, "srv01", "virtual")
        + inline_row(MAX_SHEET_ROWS + 1, "srv02", "virtual")
    )
    path = write_workbook(tmp_path / "servers.xlsx", sheet)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.WORKBOOK_TOO_LARGE)
    assert issue.line == MAX_SHEET_ROWS + 1
    assert f"more than {MAX_SHEET_ROWS:,} rows" in issue.message


def test_a_row_wider_than_excel_allows_is_refused_before_its_cells_are_read(tmp_path: Path) -> None:
    wide = b'<row r="2">' + b"<c/>" * (MAX_ROW_CELLS + 1) + b"</row>"
    path = write_workbook(tmp_path / "servers.xlsx", inline_row(1, "id") + wide)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    assert (
        f"a row has {MAX_ROW_CELLS + 1:,} cells"
        in only(issues, IssueCode.WORKBOOK_TOO_LARGE).message
    )


def test_a_row_of_more_xml_than_the_bound_stops_the_read(tmp_path: Path) -> None:
    # One cell of text that hardly compresses: no ratio to see, but the XML parser would
    # hold the whole row in memory.
    text = base64.b64encode(os.urandom(MAX_ROW_BYTES * 3 // 4 + 65_536))
    row = b'<row r="2"><c t="inlineStr"><is><t>' + text + b"</t></is></c></row>"
    path = write_workbook(tmp_path / "servers.xlsx", inline_row(1, "id") + row)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    assert "of XML in one row" in only(issues, IssueCode.WORKBOOK_TOO_LARGE).message


def test_blank_rows_are_counted_while_streaming(tmp_path: Path) -> None:
    # 5,000 blank rows and a bound of 1,000: reading stops at row 1,001, whatever follows.
    path = blank_rows_bomb(tmp_path / "servers.xlsx", 5000, chunk_rows=1000)

    table, issues = read_xlsx_table(path, "server", "testby", max_rows=1000)

    assert table is None
    issue = only(issues, IssueCode.WORKBOOK_TOO_LARGE)
    assert "reading stopped at row 1,001" in issue.message and issue.line == 1001
    table, issues = read_xlsx_table(path, "server", "testby")  # under the real bound
    assert table is not None and table.blank_rows_skipped == 5000


def test_import_of_a_zip_bomb_writes_nothing(gnosjo: Path, cli: Cli) -> None:
    before = cli.dump()
    (gnosjo / "servrar.csv").unlink()
    path = blank_rows_bomb(gnosjo / "servrar.xlsx", (MAX_WORKBOOK_BYTES >> 20) + 6 << 20)

    result, issues = cli.json("import", str(gnosjo))

    assert result.exit_code == 1, result.output
    assert [(i["code"], i["file"]) for i in issues if i["severity"] == "error"] == [
        ("workbook-too-large", str(path))
    ]
    assert cli.dump() == before
    text = cli("validate", str(gnosjo))
    assert text.exit_code == 1 and "Traceback" not in text.output
    assert "workbook-too-large" in text.output and "256 MiB" in text.output
