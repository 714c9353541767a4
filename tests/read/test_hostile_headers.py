"""Hostile and careless header rows (issue 11): huge header cells and lines, thousands of
columns, headers with no known column. Each is rejected early (a bounded amount of the
file is read) with its code and place, quoting no more of the file than a short prefix;
an import of such a file writes nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import openpyxl
import pytest

from inventory.issues import Issue, IssueCode, Severity
from inventory.read import map_headers, read_table
from inventory.read.headers import MAX_UNKNOWN_LISTED
from inventory.read.limits import MAX_COLUMNS, MAX_HEADER_CELL_CHARS, MAX_HEADER_CHARS
from tests.helpers import Cli

ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16"]


def only(issues: list[Issue], code: IssueCode) -> Issue:
    found = [issue for issue in issues if issue.code is code]
    assert len(found) == 1, issues
    return found[0]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def assert_quotes_little(issue: Issue, secret: str) -> None:
    """The issue as printed quotes at most a short prefix of the file's text."""
    printed = str(issue)
    assert secret not in printed and len(printed) < 600, printed


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_huge_header_cell_without_delimiter_is_rejected_early(
    tmp_path: Path, encoding: str
) -> None:
    cell = "Värdnamn" + "x" * 3_000_000 + "SECRET"
    path = write(tmp_path / "servers.csv", f"{cell}\nsrv01\n", encoding)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.HEADER_TOO_LARGE)
    assert (issue.severity, issue.file, issue.line) == (Severity.ERROR, str(path), 1)
    assert f"first {MAX_HEADER_CHARS:,} characters" in issue.message
    assert_quotes_little(issue, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")


def test_a_quote_left_open_in_the_header_runs_into_the_bound(tmp_path: Path) -> None:
    rows = "".join(f"srv{number},virtual\n" for number in range(200_000))
    path = write(tmp_path / "servers.csv", f'"id,kind\n{rows}')

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.HEADER_TOO_LARGE)
    assert issue.line == 1 and issue.hint is not None and "quote" in issue.hint
    assert_quotes_little(issue, "srv1,virtual")


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_one_header_cell_past_the_bound_is_named_by_position(tmp_path: Path, encoding: str) -> None:
    long = "Anteckning " + "y" * MAX_HEADER_CELL_CHARS
    path = write(tmp_path / "servers.csv", f"sep=;\nid;{long};kind\nsrv01;x;virtual\n", encoding)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.HEADER_TOO_LARGE)
    assert (issue.line, issue.column_index) == (2, 2)
    assert issue.column is not None and issue.column.startswith("Anteckning y")
    assert len(issue.column) <= 41
    assert f"{len(long):,} characters" in issue.message
    assert_quotes_little(issue, "y" * 100)


def test_blank_lines_past_the_bound_before_the_header(tmp_path: Path) -> None:
    path = write(tmp_path / "servers.csv", "\n" * (MAX_HEADER_CHARS + 10) + "id;kind\n")
    table, issues = read_table(path, "server", "testby")
    assert table is None
    assert [i.code for i in issues] == [IssueCode.HEADER_TOO_LARGE]  # not "the file is empty"


def test_a_huge_header_cell_in_a_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "kind", "z" * 20_000])
    sheet.append(["srv01", "virtual", "x"])
    path = tmp_path / "servers.xlsx"
    book.save(path)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.HEADER_TOO_LARGE)
    assert (issue.file, issue.line, issue.column_index) == (str(path), 1, 3)
    assert_quotes_little(issue, "z" * 100)


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_twenty_thousand_columns_are_rejected_before_the_rows_are_read(
    tmp_path: Path, delimiter: str
) -> None:
    header = delimiter.join(f"kolumn{number}" for number in range(20_000))
    values = delimiter.join("v" for _ in range(20_000))
    path = write(tmp_path / "servers.csv", f"{header}\n{values}\n")

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.TOO_MANY_COLUMNS)
    assert (issue.line, issue.value) == (1, "20000")
    assert f"20,000 columns; at most {MAX_COLUMNS:,}" in issue.message
    assert_quotes_little(issue, "kolumn1")


def test_a_workbook_header_past_the_column_bound(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "kind"])
    sheet.cell(row=1, column=MAX_COLUMNS + 1, value="far away")
    path = tmp_path / "servers.xlsx"
    book.save(path)

    table, issues = read_table(path, "server", "testby")

    assert table is None
    issue = only(issues, IssueCode.TOO_MANY_COLUMNS)
    assert (issue.line, issue.value) == (1, str(MAX_COLUMNS + 1))


def test_unknown_headers_are_listed_up_to_the_cap_then_counted(tmp_path: Path) -> None:
    unknown = [f"kolumn {number}" for number in range(MAX_COLUMNS - 2)]
    path = write(
        tmp_path / "servers.csv",
        ";".join(["id", "kind", *unknown]) + "\nsrv01;virtual" + ";" * len(unknown) + "\n",
    )
    table, read_issues = read_table(path, "server", "testby")
    assert table is not None and read_issues == []

    mapping, issues = map_headers(table)

    assert mapping.fields == {0: "id", 1: "kind"}
    listed = [i for i in issues if i.column is not None]
    assert [i.column_index for i in listed] == list(range(3, 3 + MAX_UNKNOWN_LISTED))
    assert all(i.code is IssueCode.UNKNOWN_HEADER for i in listed)
    rest = [i for i in issues if i.column is None]
    assert [(i.code, i.line, i.value) for i in rest] == [
        (IssueCode.UNKNOWN_HEADER, 1, str(len(unknown) - MAX_UNKNOWN_LISTED))
    ]
    assert f"{len(unknown) - MAX_UNKNOWN_LISTED:,} more unknown columns" in rest[0].message


def test_a_typo_still_gets_its_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path / "servers.csv", "id;kind;hostnme\nsrv01;virtual;x\n")
    table, _ = read_table(path, "server", "testby")
    assert table is not None
    _, issues = map_headers(table)
    issue = only(issues, IssueCode.UNKNOWN_HEADER)
    assert issue.hint is not None and issue.hint.startswith("Did you mean 'hostname'?")


@pytest.mark.parametrize(
    ("cells", "delimiter", "unquoted"),
    [
        (["användare", "lösenord", "token"], ";", "lösenord"),
        (["user_name_and_password_hash", "notes"], ",", "password_hash"),
        (["a", "b", "c"], "\t", "'b'"),
    ],
)
def test_a_header_without_any_known_column_is_one_issue(
    tmp_path: Path, cells: list[str], delimiter: str, unquoted: str
) -> None:
    values = delimiter.join(f"value{n}" for n in range(len(cells)))
    path = write(tmp_path / "servers.csv", f"{delimiter.join(cells)}\n{values}\n")
    table, _ = read_table(path, "server", "testby")
    assert table is not None

    mapping, issues = map_headers(table)

    assert mapping.fields == {}
    assert [i.code for i in issues] == [IssueCode.UNKNOWN_HEADER]  # no missing-column list
    issue = issues[0]
    assert (issue.line, issue.column, issue.value) == (1, None, str(len(cells)))
    assert "not a server file" in issue.message and f"reads {cells[0][:20]!r}"[:-1] in issue.message
    assert_quotes_little(issue, unquoted)


def test_cli_and_import_of_a_huge_header(gnosjo: Path, cli: Cli) -> None:
    before = cli.dump()
    servers = gnosjo / "servrar.csv"
    servers.write_bytes(codecs.BOM_UTF8 + ("q" * 5_000_000 + "\nsrv01\n").encode())

    text = cli("validate", str(gnosjo))
    assert text.exit_code == 1 and "Traceback" not in text.output
    assert "header-too-large" in text.output and len(text.output) < 20_000
    assert "q" * 100 not in text.output

    result, issues = cli.json("import", str(gnosjo))
    assert result.exit_code == 1
    # The file is rejected: the references into it are counted once (no line: the count).
    assert [(i["code"], i["line"]) for i in issues if i["file"] == str(servers)] == [
        ("header-too-large", 1),
        ("references-not-checked", None),
    ]
    assert cli.dump() == before


def test_cli_and_import_of_twenty_thousand_columns(gnosjo: Path, cli: Cli) -> None:
    before = cli.dump()
    sites = gnosjo / "platser.csv"
    sites.write_text(",".join(f"c{n}" for n in range(20_000)) + "\n" + "," * 19_999 + "x\n")

    result, issues = cli.json("validate", str(gnosjo))
    assert result.exit_code == 1
    # The file is rejected: the references into it are one count, not one dangling each.
    assert [(i["code"], i["line"]) for i in issues if i["file"] == str(sites)] == [
        ("too-many-columns", 1),
        ("references-not-checked", None),
    ]
    assert [i for i in issues if i["code"] == "dangling-reference"] == []
    assert [i["value"] for i in issues if i["code"] == "too-many-columns"] == ["20000"]

    result, issues = cli.json("import", str(gnosjo))
    assert result.exit_code == 1
    assert "too-many-columns" in [i["code"] for i in issues]
    assert cli.dump() == before
