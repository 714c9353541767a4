"""Header mapping: every case of docs/reliability.md, "Headers", with file, line and column."""

from __future__ import annotations

from pathlib import Path

from inventory.issues import Issue, IssueCode, Severity
from inventory.read import HeaderMapping, map_headers, read_table

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"


def mapped(name: str, kind: str = "server") -> tuple[HeaderMapping, list[Issue]]:
    table, issues = read_table(BROKEN / name, kind, "testby")
    assert table is not None and issues == []
    return map_headers(table)


def test_case_spaces_nbsp_zero_width_and_note_columns() -> None:
    mapping, issues = mapped("messy_headers.csv")
    assert issues == []
    assert mapping.fields == {0: "id", 1: "hostname", 2: "kind"}
    assert mapping.written == {" ID ": "id", "HOST\u00a0NAME": "hostname", "Ty\u200bp": "kind"}
    assert mapping.ignored == [3]


def test_blank_header_with_values_is_an_error_empty_column_is_ignored() -> None:
    mapping, issues = mapped("blank_header.csv")
    assert [(i.code, i.line, i.column_index) for i in issues] == [(IssueCode.BLANK_HEADER, 1, 2)]
    assert issues[0].file == str(BROKEN / "blank_header.csv")
    assert mapping.ignored == [3] and mapping.fields == {0: "id", 2: "kind"}


def test_duplicate_after_alias_mapping_cites_both_columns() -> None:
    mapping, issues = mapped("duplicate_alias_header.csv")
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.code, issue.line, issue.column, issue.column_index) == (
        IssueCode.DUPLICATE_HEADER,
        1,
        "värdnamn",
        4,
    )
    assert "column 2" in issue.message and "column 4" in issue.message
    assert mapping.fields[1] == "hostname" and 3 not in mapping.fields


def test_unknown_header_suggests_the_nearest_name() -> None:
    _, issues = mapped("unknown_header.csv")
    assert [(i.code, i.severity, i.column, i.column_index) for i in issues] == [
        (IssueCode.UNKNOWN_HEADER, Severity.ERROR, "hostnme", 2)
    ]
    assert issues[0].hint is not None
    assert "'hostname'" in issues[0].hint and "#" in issues[0].hint


def test_missing_columns_are_listed_in_one_issue() -> None:
    _, issues = mapped("missing_columns.csv", kind="link")
    assert [(i.code, i.line) for i in issues] == [(IssueCode.MISSING_COLUMN, 1)]
    assert issues[0].value == "a_site, b_site, kind"
    for name in ("a_site", "b_site", "kind"):
        assert name in issues[0].message


def test_swedish_and_norwegian_headers(tmp_path: Path) -> None:
    path = tmp_path / "servere.csv"
    path.write_text("Nyckel;Vertsnavn;Typ;Plats\nsrv01;a;virtuell;DC1\n", encoding="utf-8")
    table, _ = read_table(path, "server", "testby")
    assert table is not None
    mapping, issues = map_headers(table)
    assert issues == [] and mapping.fields == {0: "id", 1: "hostname", 2: "kind", 3: "site"}
