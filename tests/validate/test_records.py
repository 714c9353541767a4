"""Records of one file: typed frame, unique keys, checks across fields, the municipality row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import pytest

from inventory.issues import IssueCode, IssueReport, Severity
from inventory.models import field_specs
from inventory.validate import values
from inventory.validate.batch import ValidTable

Check = Callable[..., tuple[ValidTable, IssueReport]]


def test_the_frame_has_every_field_typed_plus_the_line(check: Check) -> None:
    table, report = check(
        "server",
        ["Värdnamn", "ID", "Typ", "Plats", "Kärnor", "Garanti till"],
        [["ad01", "srv-ad01", "fysisk", "DC1", "8", "2027-01-31"]],
        lines=[7],
    )
    assert report.all_issues() == []
    frame = table.frame
    assert list(frame.columns) == [spec.name for spec in field_specs("server")] + ["_line"]
    record = frame.iloc[0]
    assert (record["id"], record["hostname"], record["kind"], record["site"]) == (
        "srv-ad01",
        "ad01",
        "physical",
        "DC1",
    )
    assert record["cpu_cores"] == 8 and str(frame["cpu_cores"].dtype) == "Int64"
    assert record["warranty_end"] == dt.date(2027, 1, 31)
    assert pd.isna(record["ram_gb"]) and str(frame["ram_gb"].dtype) == "Float64"
    assert frame["os_product"].tolist() == [None]
    assert record["_line"] == 7
    assert table.header_mapping == {
        "Värdnamn": "hostname",
        "ID": "id",
        "Typ": "kind",
        "Plats": "site",
        "Kärnor": "cpu_cores",
        "Garanti till": "warranty_end",
    }


def test_a_duplicate_key_cites_both_rows_and_lines(check: Check) -> None:
    rows = [
        ["srv01", "fysisk", "DC1"],
        ["srv02", "fysisk", "DC1"],
        ["srv01 ", "fysisk", "DC1"],
        ["\u200bsrv02", "fysisk", "DC1"],
    ]
    _, report = check(
        "server", ["id", "typ", "plats"], rows, lines=[2, 3, 5, 6], file="gnosjo/servers.csv"
    )
    first, second = report.all_issues()
    assert (first.code, first.file, first.line, first.row) == (
        IssueCode.DUPLICATE_KEY,
        "gnosjo/servers.csv",
        5,
        3,
    )
    assert (first.column, first.column_index, first.value) == ("id", 1, "srv01")
    assert "rows 1 and 3" in first.message and "lines 2 and 5" in first.message
    assert (second.line, second.row, second.value) == (6, 4, "srv02")
    assert "rows 2 and 4" in second.message and "lines 3 and 6" in second.message


@pytest.mark.parametrize(
    ("keys", "repeated"),
    [
        (["c1", "c2", "c3", "c4"], []),  # ascending: all differ
        (["c1", "c2", "c3", " c2"], [(4, "c2")]),  # " c2" is c2 once trimmed
        (["c1", "c3", "c2", "c2"], [(4, "c2")]),  # repeated after a step down
        (["", "c1", "c2", ""], []),  # missing keys are no repeats
    ],
)
def test_long_key_columns_typed_row_by_row_find_the_same_repeats(
    check: Check, keys: list[str], repeated: list[tuple[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def repeats() -> list[tuple[int | None, str | None]]:
        _, report = check("client", ["id", "typ"], [[key, "laptop"] for key in keys])
        return [
            (issue.row, issue.value)
            for issue in report.all_issues()
            if issue.code is IssueCode.DUPLICATE_KEY
        ]

    assert repeats() == repeated
    monkeypatch.setattr(values, "_SMALL_COLUMN", 0)  # the Arrow path, and ...
    monkeypatch.setattr(values, "_DISTINCT_FROM_ROWS", 0)  # ... keys typed row by row
    monkeypatch.setattr(values, "_SAMPLE", 1)
    assert repeats() == repeated


def test_used_more_than_capacity_is_a_warning(check: Check) -> None:
    _, report = check(
        "storage",
        ["id", "typ", "kapacitet tb", "använt tb"],
        [["san1", "san", "100", "40"], ["san2", "san", "10", "12,5"]],
    )
    (issue,) = report.all_issues()
    assert (issue.code, issue.severity, issue.row, issue.line) == (
        IssueCode.INCONSISTENT_VALUES,
        Severity.WARNING,
        2,
        3,
    )
    assert (issue.column, issue.column_index, issue.value) == ("använt tb", 4, "12,5")
    assert report.valid


def test_power_drawn_above_capacity_is_a_warning(check: Check) -> None:
    _, report = check(
        "site", ["id", "kind", "power_capacity_kw", "power_used_kw"], [["DC1", "dc", "20", "25"]]
    )
    (issue,) = report.all_issues()
    assert (issue.code, issue.severity, issue.column) == (
        IssueCode.INCONSISTENT_VALUES,
        Severity.WARNING,
        "power_used_kw",
    )


def test_a_warranty_ending_before_the_purchase_is_a_warning(check: Check) -> None:
    _, report = check(
        "client",
        ["id", "kind", "inköpsdatum", "garanti till"],
        [
            ["c1", "laptop", "2024-01-01", "2023-01-01"],
            ["c2", "laptop", "2024-01-01", ""],
            ["c3", "laptop", "", "2023-01-01"],
            ["c4", "laptop", "", ""],
            ["c5", "laptop", "2024-01-01", "2024-01-01"],
        ],
    )
    (issue,) = report.all_issues()
    assert (issue.code, issue.severity, issue.row, issue.column) == (
        IssueCode.INCONSISTENT_VALUES,
        Severity.WARNING,
        1,
        "garanti till",
    )


def test_servers_should_be_placed(check: Check) -> None:
    _, report = check(
        "server",
        ["id", "kind", "site", "cluster", "host"],
        [
            ["vm1", "virtual", "", "", ""],
            ["vm2", "virtual", "", "c1", ""],
            ["vm3", "virtual", "", "", "esx1"],
            ["esx1", "physical", "", "c1", ""],
            ["esx2", "physical", "DC1", "c1", ""],
        ],
    )
    virtual, physical = report.all_issues()
    assert (virtual.code, virtual.severity, virtual.row, virtual.column) == (
        IssueCode.MISSING_VALUE,
        Severity.WARNING,
        1,
        "kind",
    )
    assert "vm1" in virtual.message
    assert (physical.row, physical.severity) == (4, Severity.WARNING)
    assert report.valid


def test_the_municipality_file_holds_exactly_one_row(check: Check) -> None:
    _, report = check(
        "municipality",
        ["code", "name", "country"],
        [["gnosjo", "Gnosjö", "SE"], ["hylte", "Hylte", "SE"]],
        file="gnosjo/municipality.csv",
    )
    (issue,) = report.all_issues()
    assert (issue.code, issue.file, issue.line, issue.row) == (
        IssueCode.MUNICIPALITY_ROWS,
        "gnosjo/municipality.csv",
        3,
        2,
    )
    _, report = check("municipality", ["code", "name", "country"], [])
    (issue,) = report.all_issues()
    assert (issue.code, issue.line) == (IssueCode.MUNICIPALITY_ROWS, 1)


def test_the_municipality_code_is_a_slug(check: Check) -> None:
    _, report = check("municipality", ["namn", "kod", "land"], [["Gnosjö", "Gnosjö", "SE"]])
    (issue,) = report.all_issues()
    assert (issue.code, issue.row, issue.column, issue.column_index, issue.value) == (
        IssueCode.INVALID_VALUE,
        1,
        "kod",
        2,
        "Gnosjö",
    )
    assert issue.hint is not None and "'gnosjo'" in issue.hint
