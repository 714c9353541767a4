"""docs/reliability.md, "References and keys": resolution across files and municipalities."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from inventory.issues import Issue, IssueCode, IssueReport, Severity
from inventory.validate.batch import REFERENCE_COLUMNS, MunicipalityBatch, ValidTable
from inventory.validate.references import resolve_references

Check = Callable[..., tuple[ValidTable, IssueReport]]
Files = dict[str, tuple[list[str], list[list[str]]]]

SITES = (["id", "kind"], [["DC1", "dc"], ["SKOLA1", "skola"]])
SERVERS = (
    ["id", "kind", "site", "cluster", "host"],
    [
        ["esx1", "physical", "DC1", "c1", ""],
        ["esx2", "physical", "DC1", "c1", ""],
        ["vm1", "virtual", "", "c1", "esx1"],
        ["p-ad", "virtual", "", "c1", ""],
    ],
)
PLATFORMS = (
    ["id", "capability", "product", "körs på"],
    [["p-ad", "directory", "Active Directory", "c1"], ["p-mail", "email", "Exchange", "vm1; esx2"]],
)


def batch(check: Check, code: str, files: Files) -> MunicipalityBatch:
    found = MunicipalityBatch(code=code, folder=Path(code))
    for kind, (header, rows) in files.items():
        table, report = check(kind, header, rows, municipality=code, file=f"{code}/{kind}.csv")
        assert report.valid, report.all_issues()
        found.tables[kind] = table
    return found


def resolve(
    batches: Sequence[MunicipalityBatch],
    known_keys: dict[str, dict[str, set[str]]] | None = None,
) -> tuple[pd.DataFrame, list[Issue]]:
    report = IssueReport()
    references = resolve_references(batches, report, known_keys)
    return references, report.all_issues()


def pairs(references: pd.DataFrame) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in references.itertuples(index=False)}


def test_references_resolve_across_the_files_of_a_folder(check: Check) -> None:
    gnosjo = batch(
        check,
        "gnosjo",
        {
            "site": SITES,
            "server": SERVERS,
            "platform": PLATFORMS,
            "application": (
                ["id", "name", "depends_on"],
                [["a1", "Procapita", "platform/p-ad, vm1"]],
            ),
        },
    )
    references, issues = resolve([gnosjo])
    assert issues == []
    assert tuple(references.columns) == REFERENCE_COLUMNS
    assert pairs(references) == {
        ("gnosjo", "server", "esx1", "site", "gnosjo", "site", "DC1"),
        ("gnosjo", "server", "esx2", "site", "gnosjo", "site", "DC1"),
        ("gnosjo", "server", "vm1", "host", "gnosjo", "server", "esx1"),
        ("gnosjo", "platform", "p-ad", "runs_on", "gnosjo", "cluster", "c1"),
        ("gnosjo", "platform", "p-mail", "runs_on", "gnosjo", "server", "vm1"),
        ("gnosjo", "platform", "p-mail", "runs_on", "gnosjo", "server", "esx2"),
        ("gnosjo", "application", "a1", "depends_on", "gnosjo", "platform", "p-ad"),
        ("gnosjo", "application", "a1", "depends_on", "gnosjo", "server", "vm1"),
    }


def test_a_dangling_reference_shows_the_missing_value_and_the_nearest_key(check: Check) -> None:
    servers = (["id", "kind", "plats"], [["srv1", "physical", "DC1"], ["srv2", "physical", "DC2"]])
    gnosjo = batch(check, "gnosjo", {"site": SITES, "server": servers})
    references, (issue,) = resolve([gnosjo])
    assert (issue.code, issue.severity, issue.file, issue.line, issue.row) == (
        IssueCode.DANGLING_REFERENCE,
        Severity.ERROR,
        "gnosjo/server.csv",
        3,
        2,
    )
    assert (issue.column, issue.column_index, issue.value) == ("plats", 3, "DC2")
    assert "'DC2'" in issue.message and "Nearest existing key: 'DC1'" in issue.message
    assert len(references) == 1


def test_a_dangling_list_element_is_reported_as_the_element(check: Check) -> None:
    zones = (["id", "purpose", "platser"], [["z1", "admin", "DC1; SKOLA9"]])
    gnosjo = batch(check, "gnosjo", {"site": SITES, "zone": zones})
    _, (issue,) = resolve([gnosjo])
    assert (issue.code, issue.value, issue.column, issue.column_index, issue.line) == (
        IssueCode.DANGLING_REFERENCE,
        "SKOLA9",
        "platser",
        3,
        2,
    )
    assert "'SKOLA1'" in issue.message


def test_an_ambiguous_reference_says_how_many_matched_and_how_to_choose(check: Check) -> None:
    apps = (["id", "name", "beroenden"], [["a1", "Visma", "p-ad"]])
    gnosjo = batch(
        check,
        "gnosjo",
        {"site": SITES, "server": SERVERS, "platform": PLATFORMS, "application": apps},
    )
    references, (issue,) = resolve([gnosjo])
    assert (
        issue.code,
        issue.file,
        issue.line,
        issue.row,
        issue.column,
        issue.column_index,
        issue.value,
    ) == (IssueCode.AMBIGUOUS_REFERENCE, "gnosjo/application.csv", 2, 1, "beroenden", 3, "p-ad")
    assert "matches 2 records" in issue.message
    assert issue.hint is not None and "platform/p-ad" in issue.hint
    assert "server/p-ad" in issue.hint
    assert "application" not in set(references["kind"])


def test_code_id_names_another_municipality_of_the_same_run(check: Check) -> None:
    gnosjo = batch(check, "gnosjo", {"site": SITES})
    links = (
        ["id", "a_site", "b_site", "kind"],
        [["l1", "HYL-DC", "gnosjo:DC1", "fiber"], ["l2", "HYL-DC", "gnosjo:DC7", "fiber"]],
    )
    hylte = batch(check, "hylte", {"site": (["id", "kind"], [["HYL-DC", "dc"]]), "link": links})
    references, (issue,) = resolve([hylte, gnosjo])
    assert ("hylte", "link", "l1", "b_site", "gnosjo", "site", "DC1") in pairs(references)
    assert (issue.code, issue.file, issue.row, issue.column, issue.value) == (
        IssueCode.DANGLING_REFERENCE,
        "hylte/link.csv",
        2,
        "b_site",
        "gnosjo:DC7",
    )
    assert "municipality 'gnosjo'" in issue.message and "'DC1'" in issue.message


def test_code_id_names_a_stored_municipality(check: Check) -> None:
    links = (["id", "a_site", "b_site", "kind"], [["l1", "DC1", "vaggeryd:VAG-DC", "fiber"]])
    gnosjo = batch(check, "gnosjo", {"site": SITES, "link": links})
    references, issues = resolve([gnosjo], {"vaggeryd": {"site": {"VAG-DC"}}})
    assert issues == []
    assert ("gnosjo", "link", "l1", "b_site", "vaggeryd", "site", "VAG-DC") in pairs(references)


def test_an_unknown_municipality_code(check: Check) -> None:
    links = (["id", "a_site", "b_site", "kind"], [["l1", "DC1", "kalmar:DC1", "fiber"]])
    gnosjo = batch(check, "gnosjo", {"site": SITES, "link": links})
    _, (issue,) = resolve([gnosjo], {"vaggeryd": {"site": {"VAG-DC"}}})
    assert (issue.code, issue.row, issue.column, issue.column_index, issue.value) == (
        IssueCode.UNKNOWN_MUNICIPALITY,
        1,
        "b_site",
        3,
        "kalmar:DC1",
    )
    assert issue.hint is not None and "gnosjo, vaggeryd" in issue.hint


def test_a_folder_without_a_kind_resolves_against_the_stored_records(check: Check) -> None:
    apps = (["id", "name", "depends_on"], [["a1", "Visma", "p-ad, p-old"]])
    gnosjo = batch(check, "gnosjo", {"application": apps})
    references, (issue,) = resolve([gnosjo], {"gnosjo": {"platform": {"p-ad", "p-mail"}}})
    assert ("gnosjo", "application", "a1", "depends_on", "gnosjo", "platform", "p-ad") in pairs(
        references
    )
    assert (issue.code, issue.value) == (IssueCode.DANGLING_REFERENCE, "p-old")


def test_a_record_naming_itself_is_an_error(check: Check) -> None:
    servers = (["id", "kind", "cluster", "host"], [["vm1", "virtual", "", "vm1"]])
    storage = (["id", "kind", "replikerar till"], [["san1", "san", "san1"]])
    gnosjo = batch(check, "gnosjo", {"server": servers, "storage": storage})
    references, issues = resolve([gnosjo])
    assert [(i.code, i.file, i.row, i.column, i.value) for i in issues] == [
        (IssueCode.SELF_REFERENCE, "gnosjo/server.csv", 1, "host", "vm1"),
        (IssueCode.SELF_REFERENCE, "gnosjo/storage.csv", 1, "replikerar till", "san1"),
    ]
    assert references.empty


def test_a_dependency_cycle_is_a_warning_listing_the_cycle(check: Check) -> None:
    servers = (
        ["id", "kind", "cluster", "host"],
        [
            ["vm1", "virtual", "", "vm2"],
            ["vm2", "virtual", "", "vm3"],
            ["vm3", "virtual", "", "vm1"],
            ["vm4", "virtual", "", "vm1"],
        ],
    )
    gnosjo = batch(check, "gnosjo", {"server": servers})
    references, (issue,) = resolve([gnosjo])
    assert (issue.code, issue.severity) == (IssueCode.DEPENDENCY_CYCLE, Severity.WARNING)
    assert issue.message == (
        "Dependency cycle: server gnosjo:vm1 -host-> server gnosjo:vm2"
        " -host-> server gnosjo:vm3 -host-> server gnosjo:vm1."
    )
    assert (issue.file, issue.line, issue.row, issue.column) == ("gnosjo/server.csv", 2, 1, "host")
    assert len(references) == 4


def test_storage_replicating_to_each_other_is_no_cycle(check: Check) -> None:
    storage = (["id", "kind", "replicates_to"], [["san1", "san", "san2"], ["san2", "san", "san1"]])
    gnosjo = batch(check, "gnosjo", {"storage": storage})
    references, issues = resolve([gnosjo])
    assert issues == [] and len(references) == 2


def test_row_order_never_matters(check: Check) -> None:
    apps = (
        ["id", "name", "depends_on"],
        [["a1", "Visma", "p-mail, vm9"], ["a2", "Tieto", "p-ad"], ["a3", "X", "esx1"]],
    )
    files: Files = {"site": SITES, "server": SERVERS, "platform": PLATFORMS, "application": apps}
    forward = resolve([batch(check, "gnosjo", files)])
    reversed_files: Files = {
        kind: (header, rows[::-1]) for kind, (header, rows) in reversed(files.items())
    }
    backward = resolve([batch(check, "gnosjo", reversed_files)])
    assert pairs(forward[0]) == pairs(backward[0])

    def codes(issues: list[Issue]) -> list[tuple[str, str | None]]:
        return sorted((issue.code.value, issue.value) for issue in issues)

    assert (
        codes(forward[1])
        == codes(backward[1])
        == [("ambiguous-reference", "p-ad"), ("dangling-reference", "vm9")]
    )
