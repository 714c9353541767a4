"""Reading CSV files: every case of docs/reliability.md, "Encoding and dialect", with its
place."""

from __future__ import annotations

from pathlib import Path

import pytest

from inventory.issues import Issue, IssueCode, Severity
from inventory.read import SourceTable, read_table

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"


def read(name: str, max_field_chars: int = 100_000) -> tuple[SourceTable | None, list[Issue]]:
    return read_table(BROKEN / name, "server", "testby", max_field_chars=max_field_chars)


def codes(issues: list[Issue]) -> list[str]:
    return [issue.code.value for issue in issues]


def rows(table: SourceTable) -> list[list[str]]:
    return table.cells.values.tolist()


def only(issues: list[Issue], code: IssueCode) -> Issue:
    found = [issue for issue in issues if issue.code is code]
    assert len(found) == 1, codes(issues)
    return found[0]


def test_cp1252_is_decoded_and_reported() -> None:
    table, issues = read("cp1252.csv")
    assert table is not None
    assert table.encoding == "cp1252" and table.delimiter == ";"
    assert rows(table) == [["srv-växjö", "värd-åäö", "virtual", "Søndre Æ"]]
    issue = only(issues, IssueCode.ENCODING_DETECTED)
    assert issue.severity is Severity.INFO and issue.file == str(BROKEN / "cp1252.csv")
    assert issue.municipality == "testby" and issue.record_kind == "server"


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter"),
    [
        ("utf8_bom.csv", "utf-8-sig", ","),
        ("utf16_le_bom.txt", "utf-16-le", "\t"),
        ("utf16_be_bom.csv", "utf-16-be", ";"),
    ],
)
def test_byte_order_marks(name: str, encoding: str, delimiter: str) -> None:
    table, issues = read(name)
    assert table is not None and issues == []
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert table.header == ["id", "hostname", "kind"]  # no BOM left in the first header
    assert table.cells.iloc[0, 0] == "srv01" and str(table.cells.iloc[0, 1]).startswith("värd")
    assert table.lines == [2] and table.header_line == 1


def test_excel_sep_line() -> None:
    table, issues = read("sep_line.csv")
    assert table is not None and issues == []
    assert table.delimiter == "," and table.header_line == 2
    assert rows(table) == [["srv01", "a;b", "virtual"]] and table.lines == [3]


def test_one_non_utf8_line_is_an_error_at_that_line() -> None:
    table, issues = read("mixed_encoding.csv")
    assert table is None
    issue = only(issues, IssueCode.INVALID_ENCODING)
    assert issue.line == 4 and issue.severity is Severity.ERROR


def test_xlsx_renamed_csv() -> None:
    table, issues = read("xlsx_as_csv.csv")
    assert table is None
    issue = only(issues, IssueCode.XLSX_AS_CSV)
    assert issue.hint is not None and ".xlsx" in issue.hint


def test_nul_byte_names_its_line() -> None:
    table, issues = read("nul_byte.csv")
    assert table is None
    assert only(issues, IssueCode.NUL_BYTE).line == 3


def test_binary_file() -> None:
    table, issues = read("binary.csv")
    assert table is None and codes(issues) == ["binary-file"]


@pytest.mark.parametrize("name", ["empty.csv", "whitespace_only.csv"])
def test_empty_file(name: str) -> None:
    table, issues = read(name)
    assert table is None and codes(issues) == ["empty-file"]
    assert issues[0].severity is Severity.ERROR


def test_header_only_is_a_valid_warning() -> None:
    table, issues = read("header_only.csv")
    assert table is not None and len(table.cells) == 0 and table.lines == []
    assert list(table.cells.columns) == ["0", "1", "2"]
    issue = only(issues, IssueCode.HEADER_ONLY)
    assert issue.severity is Severity.WARNING and issue.line == 1


def test_wrong_delimiter_gives_single_column_error() -> None:
    table, issues = read("wrong_delimiter.csv")
    assert table is None
    issue = only(issues, IssueCode.SINGLE_COLUMN)
    assert issue.line == 1 and issue.hint is not None and "sep=|" in issue.hint


@pytest.mark.parametrize(
    ("name", "delimiter", "expected"),
    [
        ("semicolon.csv", ";", [["srv01", "a,b", "virtual", "3,5"]]),
        ("tab.tsv", "\t", [["srv01", "a;b,c", "virtual"]]),
    ],
)
def test_semicolon_and_tab(name: str, delimiter: str, expected: list[list[str]]) -> None:
    table, issues = read(name)
    assert table is not None and issues == []
    assert table.delimiter == delimiter and rows(table) == expected


def test_quoted_delimiters_and_newlines_keep_line_numbers() -> None:
    table, issues = read("quoted_newlines.csv")
    assert table is not None and issues == []
    assert table.lines == [2, 3, 6]
    assert rows(table)[1][3] == "first line\nsecond line\nthird line"
    assert rows(table)[0][3] == "one, two" and rows(table)[2][3] == 'say "hi"'


def test_unterminated_quote_names_the_opening_line() -> None:
    table, issues = read("unterminated_quote.csv")
    issue = only(issues, IssueCode.UNTERMINATED_QUOTE)
    assert issue.line == 3 and issue.severity is Severity.ERROR
    assert table is not None and table.lines == [2, 3]


def test_extra_cells() -> None:
    table, issues = read("extra_cells.csv")
    issue = only(issues, IssueCode.EXTRA_CELLS)
    assert (issue.line, issue.row) == (3, 2)
    assert table is not None and rows(table)[1] == ["srv02", "b", "virtual"]


def test_missing_cells() -> None:
    table, issues = read("missing_cells.csv")
    issue = only(issues, IssueCode.MISSING_CELLS)
    assert (issue.line, issue.row) == (3, 2)
    assert table is not None and table.lines == [2, 3, 4]
    assert rows(table)[1] == ["srv02", "b", ""]


def test_trailing_semicolon_rows_are_skipped_and_counted() -> None:
    table, issues = read("trailing_semicolons.csv")
    assert table is not None and table.lines == [2] and table.blank_rows_skipped == 3
    issue = only(issues, IssueCode.BLANK_ROWS_SKIPPED)
    assert issue.severity is Severity.INFO and issue.value == "3"


def test_huge_field(tmp_path: Path) -> None:
    path = tmp_path / "servers.csv"
    path.write_text("id,hostname,kind\nsrv01,a,virtual\nsrv02," + "x" * 5000 + ",virtual\n")
    table, issues = read_table(path, "server", "testby", max_field_chars=1000)
    issue = only(issues, IssueCode.FIELD_TOO_LARGE)
    assert (issue.line, issue.row, issue.column, issue.column_index) == (3, 2, "hostname", 2)
    assert table is not None and len(str(table.cells.iloc[1, 1])) == 1000


def test_na_null_none_are_values_and_blank_lines_keep_numbers(tmp_path: Path) -> None:
    path = tmp_path / "servers.csv"
    path.write_bytes(b"id,hostname,kind\r\n\r\nNA,null,None\r\n\r\nsrv02,,virtual\r\n")
    table, issues = read_table(path, "server", "testby")
    assert table is not None
    assert rows(table) == [["NA", "null", "None"], ["srv02", "", "virtual"]]
    assert table.lines == [3, 5] and table.blank_rows_skipped == 2
    assert codes(issues) == ["blank-rows-skipped"]


def test_sha256_and_provenance(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "servers.csv"
    path.write_bytes(b"id;kind\nsrv01;virtual\n")
    table, _ = read_table(path, "server", "testby")
    assert table is not None and table.format == "csv"
    assert table.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (table.kind, table.municipality, table.encoding) == ("server", "testby", "utf-8")


def test_missing_file_is_an_issue(tmp_path: Path) -> None:
    table, issues = read_table(tmp_path / "nope.csv", "server", "testby")
    assert table is None and codes(issues) == ["path-not-found"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_quoted_newlines_with_blank_lines_between_rows(tmp_path: Path, newline: str) -> None:
    text = 'id;hostname;kind;notes\n\nsrv01;a;virtual;"x\ny"\n\n;;;\nsrv02;b;virtual;z\n'
    path = tmp_path / "servers.csv"
    path.write_bytes(text.replace("\n", newline).encode())
    table, issues = read_table(path, "server", "testby")
    assert table is not None and table.lines == [3, 7]
    assert table.cells.iloc[0, 3] == f"x{newline}y" and table.blank_rows_skipped == 3
    assert [i.code for i in issues] == [IssueCode.BLANK_ROWS_SKIPPED]
