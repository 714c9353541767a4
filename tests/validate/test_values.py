"""docs/reliability.md, "Values": every case, with its issue code and its place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import pytest

from inventory.issues import Issue, IssueCode, IssueReport, Severity
from inventory.models import field_specs
from inventory.validate.batch import ValidTable
from inventory.validate.values import ColumnPlace, normalise_text, parse_column

Check = Callable[..., tuple[ValidTable, IssueReport]]

SERVER_HEADER = [
    "ID",
    "Typ",
    "Minne GB",
    "Kärnor",
    "Serienummer",
    "Inköpsdatum",
    "IP-adress",
    "Kluster",
]
FILE = "gnosjo/servrar.csv"


def server_rows(column: str, values: list[str]) -> list[list[str]]:
    """Rows of a valid server file with ``values`` in ``column``."""
    position = SERVER_HEADER.index(column)
    rows = []
    for number, value in enumerate(values, start=1):
        row = [f"srv{number:02d}", "virtuell", "8", "2", "", "", "", "c1"]
        row[position] = value
        rows.append(row)
    return rows


def check_servers(check: Check, column: str, values: list[str]) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate a server file; lines skip 4 (a quoted newline in row 2)."""
    lines = [2, 3, *range(5, 5 + len(values) - 2)][: len(values)]
    table, report = check(
        "server", SERVER_HEADER, server_rows(column, values), file=FILE, lines=lines
    )
    return table.frame, report.all_issues()


def assert_place(
    issue: Issue, code: IssueCode, *, line: int, row: int, column: str, value: str
) -> None:
    assert issue.code is code
    assert issue.file == FILE
    assert (issue.line, issue.row) == (line, row)
    assert issue.column == column
    assert issue.column_index == SERVER_HEADER.index(column) + 1
    assert issue.value == value
    assert issue.message and issue.hint
    assert issue.municipality == "gnosjo" and issue.record_kind == "server"


# --- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("1 024", 1024.0),
        ("1\u00a0024", 1024.0),
        ("1\u202f024", 1024.0),
        ("1 024,5", 1024.5),
        ("1.024,5", 1024.5),
        ("1,024.5", 1024.5),
        ("1.024.000", 1024000.0),
        ("0,125", 0.125),
        ("12", 12.0),
        (" 16 ", 16.0),
        ("1,0245", 1.0245),
        ("-0", 0.0),
        ("2E+3", 2000.0),
    ],
)
def test_numbers_accept_decimal_comma_and_thousands_separators(
    check: Check, text: str, expected: float
) -> None:
    frame, issues = check_servers(check, "Minne GB", ["8", text])
    assert issues == []
    assert frame["ram_gb"].tolist() == [8.0, expected]
    assert str(frame["ram_gb"].dtype) == "Float64"


@pytest.mark.parametrize("text", ["1,024", "1.024", "12,500", "999.000"])
def test_a_lone_separator_before_three_digits_is_ambiguous(check: Check, text: str) -> None:
    frame, issues = check_servers(check, "Minne GB", ["8", "16", text])
    (issue,) = issues
    assert_place(issue, IssueCode.AMBIGUOUS_NUMBER, line=5, row=3, column="Minne GB", value=text)
    assert "ambiguous" in issue.message
    assert pd.isna(frame["ram_gb"].iloc[2])


@pytest.mark.parametrize(
    "text", ["NA", "None", "null", "n/a", "8 st", "1,2,3", "--1", "nan", "inf", "1 02 4"]
)
def test_text_in_a_number_column_is_an_invalid_number(check: Check, text: str) -> None:
    _, issues = check_servers(check, "Minne GB", [text])
    (issue,) = issues
    assert_place(issue, IssueCode.INVALID_NUMBER, line=2, row=1, column="Minne GB", value=text)


@pytest.mark.parametrize("text", ["1E309", "9" * 400 + ",5", "9" * 5000])
def test_numbers_too_large_are_reported_not_raised(check: Check, text: str) -> None:
    frame, (issue,) = check_servers(check, "Minne GB", [text])
    assert issue.code in (IssueCode.OUT_OF_RANGE, IssueCode.INVALID_NUMBER)
    assert (issue.row, issue.column) == (1, "Minne GB")
    assert pd.isna(frame["ram_gb"].iloc[0])


def test_digits_of_other_scripts_are_parsed_not_raised(check: Check) -> None:
    # pandas' number parser refused '٣' (matched by \d) and raised; parse_number reads it
    frame, issues = check_servers(check, "Kärnor", ["\u0663", "4"])
    assert issues == [] and frame["cpu_cores"].tolist() == [3, 4]


def test_integers_must_be_whole_and_within_the_minimum(check: Check) -> None:
    frame, issues = check_servers(check, "Kärnor", ["4", "4,0", "4,5", "-1", "1 000"])
    assert frame["cpu_cores"].tolist()[:2] == [4, 4]
    assert frame["cpu_cores"].iloc[4] == 1000
    assert str(frame["cpu_cores"].dtype) == "Int64"
    not_whole, below = issues
    assert_place(not_whole, IssueCode.NOT_AN_INTEGER, line=5, row=3, column="Kärnor", value="4,5")
    assert_place(below, IssueCode.OUT_OF_RANGE, line=6, row=4, column="Kärnor", value="-1")


# --- identifiers and text ---------------------------------------------------------------


def test_identifiers_keep_leading_zeros(check: Check) -> None:
    table, report = check(
        "municipality",
        ["Kod", "Kommunkod", "Namn", "Land"],
        [["gnosjo", "0617", "Gnosjö kommun", "SE"]],
    )
    assert report.all_issues() == []
    assert table.frame["official_code"].tolist() == ["0617"]
    frame, issues = check_servers(check, "ID", ["0480", "007"])
    assert issues == [] and frame["id"].tolist() == ["0480", "007"]


@pytest.mark.parametrize("text", ["1,23E+11", "1.23E+11", "4,5e+15"])
def test_scientific_notation_in_an_identifier_was_mangled_by_excel(check: Check, text: str) -> None:
    frame, issues = check_servers(check, "Serienummer", ["CZ123", text])
    (issue,) = issues
    assert_place(
        issue, IssueCode.MANGLED_IDENTIFIER, line=3, row=2, column="Serienummer", value=text
    )
    assert frame["serial_number"].tolist() == ["CZ123", None]


def test_only_an_empty_cell_is_missing(check: Check) -> None:
    table, report = check(
        "site",
        ["id", "kind", "owner", "namn"],
        [["NA", "dc", "None", "null"], ["DC2", "dc", "", " "]],
    )
    assert report.all_issues() == []
    frame = table.frame
    assert frame["id"].tolist() == ["NA", "DC2"]
    assert frame["owner"].tolist() == ["None", None]
    assert frame["name"].tolist() == ["null", None]


def test_a_required_empty_cell_is_a_missing_value(check: Check) -> None:
    _, issues = check_servers(check, "Typ", ["virtuell", ""])
    (issue,) = issues
    assert_place(issue, IssueCode.MISSING_VALUE, line=3, row=2, column="Typ", value="")


def test_text_is_trimmed_nfc_and_free_of_zero_width_characters() -> None:
    decomposed = "va\u0308rnamo"  # ä as a + combining diaeresis
    texts = pd.Series(["srv01 ", "\u200bsrv01", "srv\u200d01\ufeff", decomposed, "\u2060x\u00a0"])
    assert normalise_text(texts).tolist() == ["srv01", "srv01", "srv01", "värnamo", "x"]


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2024-03-05", "05.03.2024", "5.3.2024", "2024-03-05 00:00:00", "2024-03-05T00:00"]
)
def test_iso_and_dotted_dates(check: Check, text: str) -> None:
    frame, issues = check_servers(check, "Inköpsdatum", [text])
    assert issues == []
    assert frame["purchase_date"].tolist() == [dt.date(2024, 3, 5)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3/5/2024", IssueCode.AMBIGUOUS_DATE),
        ("45123", IssueCode.EXCEL_SERIAL_DATE),
        ("45123,5", IssueCode.EXCEL_SERIAL_DATE),
        ("2024-02-30", IssueCode.INVALID_DATE),
        ("31.04.2024", IssueCode.INVALID_DATE),
        ("13/5/2024", IssueCode.INVALID_DATE),
        ("March 2024", IssueCode.INVALID_DATE),
        ("20240305", IssueCode.INVALID_DATE),
    ],
)
def test_bad_dates(check: Check, text: str, code: IssueCode) -> None:
    frame, issues = check_servers(check, "Inköpsdatum", ["2024-01-01", "", text])
    (issue,) = issues
    assert_place(issue, code, line=5, row=3, column="Inköpsdatum", value=text)
    assert frame["purchase_date"].iloc[2] is None


def test_an_excel_serial_date_hint_names_the_date_it_stands_for(check: Check) -> None:
    _, (issue,) = check_servers(check, "Inköpsdatum", ["45123"])
    assert "2023-07-16" in issue.message


# --- booleans, enums, addresses, lists ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("Nej", False),
        ("yes", True),
        ("NO", False),
        ("true", True),
        ("False", False),
        ("1", True),
        ("0", False),
        ("x", True),
        ("X", True),
        ("nei", False),
        ("sant", True),
        ("falskt", False),
    ],
)
def test_booleans(check: Check, text: str, expected: bool) -> None:
    table, report = check("site", ["id", "kind", "UPS"], [["DC1", "dc", text]])
    assert report.all_issues() == []
    assert table.frame["ups"].tolist() == [expected]
    assert str(table.frame["ups"].dtype) == "boolean"


def test_an_unknown_boolean_lists_the_accepted_spellings(check: Check) -> None:
    _, report = check(
        "site",
        ["id", "kind", "UPS"],
        [["DC1", "dc", "ja"], ["DC2", "dc", "kanske"]],
        file="gnosjo/platser.csv",
    )
    (issue,) = report.all_issues()
    assert (issue.code, issue.file, issue.line, issue.row) == (
        IssueCode.INVALID_BOOLEAN,
        "gnosjo/platser.csv",
        3,
        2,
    )
    assert (issue.column, issue.column_index, issue.value) == ("UPS", 3, "kanske")
    assert issue.hint is not None and "ja" in issue.hint and "nej" in issue.hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fysisk", "physical"),
        ("Virtuell", "virtual"),
        ("VM", "virtual"),
        ("physical", "physical"),
        ("maskinvare", "physical"),
        (" bare  metal ", "physical"),
    ],
)
def test_swedish_and_norwegian_enum_spellings(check: Check, text: str, expected: str) -> None:
    frame, issues = check_servers(check, "Typ", [text])
    assert [issue for issue in issues if issue.severity is Severity.ERROR] == []
    assert frame["kind"].tolist() == [expected]


def test_an_unknown_enum_value_lists_the_allowed_ones_and_the_nearest(check: Check) -> None:
    frame, issues = check_servers(check, "Typ", ["virtuell", "virtaul"])
    (issue,) = issues
    assert_place(issue, IssueCode.INVALID_ENUM, line=3, row=2, column="Typ", value="virtaul")
    assert issue.hint is not None and "physical, virtual, appliance" in issue.hint
    assert "'virtual'" in issue.message
    assert frame["kind"].tolist() == ["virtual", None]


@pytest.mark.parametrize("text", ["10.0.0.256", "10.0.0", "fe80::zz", "srv01"])
def test_invalid_ip_addresses(check: Check, text: str) -> None:
    _, issues = check_servers(check, "IP-adress", ["10.1.2.3", text])
    (issue,) = issues
    assert_place(issue, IssueCode.INVALID_IP, line=3, row=2, column="IP-adress", value=text)


def test_ip_addresses_and_prefixes_are_validated(check: Check) -> None:
    frame, issues = check_servers(check, "IP-adress", ["10.1.2.3", "2001:db8::1"])
    assert issues == [] and frame["ip_address"].tolist() == ["10.1.2.3", "2001:db8::1"]
    table, report = check(
        "zone",
        ["id", "purpose", "prefix", "vlan"],
        [
            ["z1", "admin", "10.1.0.0/16; 2001:db8::/32", "10, 20|30"],
            ["z2", "skola", "10.2.0.1/24", "1;x"],
        ],
        file="gnosjo/zoner.csv",
    )
    prefix_issue, vlan_issue = sorted(report.all_issues(), key=lambda i: i.column_index or 0)
    assert (
        prefix_issue.code,
        prefix_issue.line,
        prefix_issue.row,
        prefix_issue.column,
        prefix_issue.column_index,
    ) == (IssueCode.INVALID_IP, 3, 2, "prefix", 3)
    assert prefix_issue.hint is not None and "10.2.0.0/24" in prefix_issue.hint
    assert (vlan_issue.code, vlan_issue.column_index) == (IssueCode.INVALID_NUMBER, 4)
    assert table.frame["prefixes"].iloc[0] == ("10.1.0.0/16", "2001:db8::/32")
    assert table.frame["vlans"].iloc[0] == (10, 20, 30)


def test_list_cells_split_on_comma_semicolon_and_bar(check: Check) -> None:
    table, report = check(
        "application",
        ["id", "namn", "beroenden"],
        [["a1", "Procapita", "p-ad, srv01;srv02 | c1"], ["a2", "Visma", ""]],
    )
    assert report.all_issues() == []
    assert table.frame["depends_on"].tolist() == [("p-ad", "srv01", "srv02", "c1"), None]


# --- volume -----------------------------------------------------------------------------


def test_issues_beyond_the_limit_are_counted_not_listed() -> None:
    spec = {s.name: s for s in field_specs("client")}["quantity"]
    rows = 5000
    text = pd.Series(["12", "many"] * (rows // 2), dtype="str")
    place = ColumnPlace("c.csv", "antal", 9, list(range(2, rows + 2)))
    parsed = parse_column(spec, text, place, limit=10)
    assert len(parsed.issues) == 10
    assert parsed.unlisted == rows // 2 - 10
    assert [issue.row for issue in parsed.issues[:3]] == [2, 4, 6]
    assert parsed.values.iloc[0] == 12 and pd.isna(parsed.values.iloc[1])


def test_the_report_counts_what_the_cap_leaves_out(check: Check) -> None:
    rows = [[f"s{i}", "virtuell", "lots", "2", "", "", "", "c1"] for i in range(30)]
    _, report = check("server", SERVER_HEADER, rows, cap=5)
    assert len(report.issues) == 5
    assert report.count(Severity.ERROR) == 30
    assert report.all_issues()[-1].code is IssueCode.TOO_MANY_ISSUES
