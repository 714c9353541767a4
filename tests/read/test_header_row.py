"""The header row is found below title and blank rows, and a PowerShell #TYPE line is
skipped (issue 15, item 2); every later issue keeps the file's real line numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory.issues import IssueCode, Severity
from inventory.read import read_table
from tests.helpers import Cli

from .test_unknown_files import CLIENTS, MUNICIPALITY, SERVERS, SITES, write_csv

HEADER = ["id", "kind", "site", "os", "cpu_cores"]
ROWS = [
    ["srv1", "physical", "DC1", "VMware ESXi", "48"],
    ["srv2", "virtual", "DC1", "Windows Server 2019", "4"],
]


def folder_with_servers(tmp_path: Path, server_lines: list[str]) -> Path:
    folder = tmp_path / "in" / "testby"
    write_csv(folder / "municipality.csv", MUNICIPALITY)
    write_csv(folder / "sites.csv", SITES)
    write_csv(folder / "clients.csv", CLIENTS)
    (folder / "servers.csv").write_text(
        "".join(line + "\n" for line in server_lines), encoding="utf-8"
    )
    return folder


def test_title_rows_above_a_csv_header_are_skipped_with_a_note(tmp_path: Path, cli: Cli) -> None:
    lines = [
        "Serverförteckning Testby kommun, maj 2024",
        "",
        "Källa: vCenter",
        *(",".join(row) for row in SERVERS[:2]),
        "srv2,virtuel,DC1,Windows Server 2019,4",
    ]  # line 6: not a server kind
    folder = folder_with_servers(tmp_path, lines)
    servers = folder / "servers.csv"
    before = cli.dump()

    result, issues = cli.json("import", str(folder))

    assert result.exit_code == 1
    by_code = {i["code"]: i for i in issues if i["file"] == str(servers)}
    # Lines 1 and 3 are the title (line 2 is blank); the header is line 4.
    note = by_code["header-row"]
    assert (note["severity"], note["line"]) == ("info", 4)
    assert "title lines 1, 3" in note["message"]
    bad = by_code["invalid-enum"]
    assert (bad["line"], bad["row"], bad["column"]) == (6, 2, "kind")
    assert cli.dump() == before


def test_title_rows_above_an_xlsx_header_are_skipped_with_a_note(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Servrar"
    sheet.append(["Serverförteckning"])
    sheet.append([])
    sheet.append(["Exporterad", "2024-05-03"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    path = tmp_path / "servers.xlsx"
    book.save(path)

    table, issues = read_table(path, "server", "testby")

    assert table is not None and table.header == HEADER and table.header_line == 4
    assert table.cells.values.tolist() == ROWS and table.lines == [5, 6]
    notes = [i for i in issues if i.code is IssueCode.HEADER_ROW]
    assert [(i.severity, i.file, i.sheet, i.line) for i in notes] == [
        (Severity.INFO, str(path), "Servrar", 4)
    ]
    assert "rows 1, 3" in notes[0].message


def test_a_powershell_type_line_is_skipped(tmp_path: Path, cli: Cli) -> None:
    # Export-Csv without -NoTypeInformation (Windows PowerShell 5.1): a #TYPE line, then
    # every value quoted, comma-separated.
    lines = [
        "#TYPE System.Management.Automation.PSCustomObject",
        *(",".join(f'"{cell}"' for cell in row) for row in SERVERS),
        '"srv4","virtual","DC9","Ubuntu 22.04","2"',
    ]  # line 6: a site that is not
    folder = folder_with_servers(tmp_path, lines)
    servers = folder / "servers.csv"
    before = cli.dump()

    result, issues = cli.json("validate", str(folder))

    assert result.exit_code == 1
    mine = {i["code"]: i for i in issues if i["file"] == str(servers)}
    assert (mine["header-row"]["line"], mine["header-row"]["severity"]) == (2, "info")
    assert "#TYPE" in mine["header-row"]["message"]
    dangling = mine["dangling-reference"]
    assert (dangling["line"], dangling["row"], dangling["value"]) == (6, 4, "DC9")
    assert cli("import", str(folder)).exit_code == 1
    assert cli.dump() == before


def test_a_first_row_that_is_the_header_gives_no_note(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "servers.csv", [HEADER, *ROWS])
    table, issues = read_table(path, "server", "testby")
    assert table is not None and table.header_line == 1 and table.lines == [2, 3]
    assert issues == []


def test_a_header_with_unknown_columns_is_not_passed_over_for_a_data_row(tmp_path: Path) -> None:
    # The first row has 2 known of 4 (no majority); no later row is clearly a header,
    # so the first row stays the header and the unknown columns are reported as before.
    rows = [["id", "kind", "Ansvarig", "Kommentar"], ["srv1", "virtual", "Kim", "ok"]]
    path = write_csv(tmp_path / "servers.csv", rows)
    table, issues = read_table(path, "server", "testby")
    assert table is not None and table.header_line == 1 and table.lines == [2]
    assert [i.code for i in issues] == []


title_rows = st.lists(
    st.one_of(
        st.just([""]),  # a blank row
        st.lists(
            st.sampled_from(
                ["Serverlista", "Testby kommun", "2024-05-03", "Källa: vCenter", "Sida 1 av 1"]
            ),
            min_size=1,
            max_size=2,
        ),
    ),
    min_size=0,
    max_size=5,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(above=title_rows)
def test_any_title_rows_give_the_same_records_and_real_lines(
    tmp_path: Path, above: list[list[str]]
) -> None:
    csv_path = write_csv(tmp_path / "servers.csv", [*above, HEADER, *ROWS])
    book = openpyxl.Workbook()
    for row in [*above, HEADER, *ROWS]:
        book.active.append([cell or None for cell in row])
    xlsx_path = tmp_path / "servers.xlsx"
    book.save(xlsx_path)

    for path in (csv_path, xlsx_path):
        table, issues = read_table(path, "server", "testby")
        assert table is not None
        assert table.header == HEADER and table.cells.values.tolist() == ROWS
        # The header is the line after the rows above it; the data follow it.
        header_line = len(above) + 1
        assert table.header_line == header_line
        assert table.lines == [header_line + 1, header_line + 2]
        notes = [i for i in issues if i.code is IssueCode.HEADER_ROW]
        filled_above = sum(1 for row in above if any(row))
        assert len(notes) == (1 if filled_above else 0)
        assert all(i.line == header_line for i in notes)
