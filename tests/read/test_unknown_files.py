"""Nothing in a municipality folder is skipped silently (issue 15, item 1).

A file or sheet that is not understood is an error naming it and the kinds it could have
been (a warning with --ignore-unknown); plurals and synonyms of kind names are read as
the kind with a note; a workbook is read sheet by sheet. Inputs are written here: a
small municipality ``testby`` whose figures the assertions count by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inventory.issues import IssueCode, Severity
from inventory.read import discover
from inventory.read.kinds import kind_for_name
from inventory.validate import validate_paths
from tests.helpers import Cli

MUNICIPALITY = [["code", "name", "country"], ["testby", "Testby kommun", "SE"]]
SITES = [["id", "name", "kind"], ["DC1", "Datahallen", "datacentre"], ["SK1", "Skolan", "school"]]
SERVERS = [
    ["id", "kind", "site", "os", "cpu_cores"],
    ["srv1", "physical", "DC1", "VMware ESXi", "48"],
    ["srv2", "virtual", "DC1", "Windows Server 2019", "4"],
    ["srv3", "virtual", "DC1", "Red Hat Enterprise Linux 9", "8"],
]
CLIENTS = [
    ["id", "kind", "site", "quantity"],
    ["fl-1", "laptop", "SK1", "120"],
    ["fl-2", "chromebook", "SK1", "300"],
]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def write_testby(tmp_path: Path, **names: str) -> Path:
    """The municipality ``testby`` as CSV files; ``names`` renames a kind's file."""
    folder = tmp_path / "in" / "testby"
    files = {"municipality": MUNICIPALITY, "sites": SITES, "servers": SERVERS, "clients": CLIENTS}
    for stem, rows in files.items():
        write_csv(folder / names.get(stem, f"{stem}.csv"), rows)
    return folder


def stored(cli: Cli, kind: str) -> list[dict[str, Any]]:
    result = cli("list", kind, "--format", "json")
    assert result.exit_code == 0, result.output
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


@pytest.fixture
def empty_cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "store.db")


@pytest.mark.parametrize("name", ["servers-export-2024-05.csv", "Inventering.txt"])
def test_a_file_under_another_name_is_an_error_naming_the_kinds_it_could_be(
    tmp_path: Path, cli: Cli, name: str
) -> None:
    folder = write_testby(tmp_path)
    export = write_csv(folder / name, SERVERS)  # server records, under the export's name
    before = cli.dump()

    for command in ("validate", "import"):
        result, issues = cli.json(command, str(folder))
        assert result.exit_code == 1
        unknown = [i for i in issues if i["code"] == "unknown-file"]
        assert [(i["severity"], i["file"], i["sheet"]) for i in unknown] == [
            ("error", str(export), None)
        ]
        # Its header row is 5 of 5 server headers (id, kind, site, os, cpu_cores).
        assert "nearest to: server (5 of 5 cells" in unknown[0]["message"]
        assert "--ignore-unknown" in unknown[0]["hint"]
    assert cli.dump() == before


def test_the_read_me_that_templates_write_is_a_note(tmp_path: Path) -> None:
    folder = write_csv_folder_with_readme(tmp_path)
    folders, issues = discover([folder])
    assert [(i.code, i.severity, i.file) for i in issues] == [
        (IssueCode.SKIPPED_PATH, Severity.INFO, str(folder / "README.md"))
    ]
    assert set(folders[0].files) == {"municipality", "site", "server", "client"}


def write_csv_folder_with_readme(tmp_path: Path) -> Path:
    folder = write_testby(tmp_path)
    (folder / "README.md").write_text("# Column guide\n", encoding="utf-8")
    return folder


def test_ignore_unknown_makes_it_a_warning_and_imports_the_rest(
    tmp_path: Path, empty_cli: Cli
) -> None:
    folder = write_testby(tmp_path)
    export = write_csv(folder / "export.csv", SERVERS)

    result, issues = empty_cli.json("import", str(folder), "--ignore-unknown")

    assert result.exit_code == 0, result.output
    assert [(i["severity"], i["file"]) for i in issues if i["code"] == "unknown-file"] == [
        ("warning", str(export))
    ]
    assert sorted(r["id"] for r in stored(empty_cli, "server")) == ["srv1", "srv2", "srv3"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("fagsystemer", "application"),
        ("verksamhetssystemen", "application"),
        ("servrarna", "server"),
        ("tjenere", "server"),
        ("Tenarar", "server"),
        ("klientar", "client"),
        ("klientene", "client"),
        ("nettverk", "network_device"),
        ("Nätverk", "network_device"),
        ("lokasjonar", "site"),
        ("kommunen", "municipality"),
    ],
)
def test_plurals_and_synonyms_name_their_kind(name: str, kind: str) -> None:
    found = kind_for_name(name)
    assert found is not None and found.kind == kind


def test_no_name_stands_for_two_kinds() -> None:
    from inventory.models.registry import RECORD_MODELS
    from inventory.read.kinds import KIND_SYNONYMS

    for model in RECORD_MODELS:
        for name in (*model.file_names, *KIND_SYNONYMS[model.kind_name]):
            found = kind_for_name(name)
            assert found is not None and found.kind == model.kind_name, name


@pytest.mark.parametrize(
    ("stem", "name"), [("servers", "tjenere.csv"), ("clients", "klientar.csv")]
)
def test_a_synonym_file_is_read_as_its_kind_with_a_note(
    tmp_path: Path, empty_cli: Cli, stem: str, name: str
) -> None:
    folder = write_testby(tmp_path, **{stem: name})

    result, issues = empty_cli.json("import", str(folder))

    assert result.exit_code == 0, result.output
    notes = [i for i in issues if i["code"] == "kind-recognised"]
    kind = {"servers": "server", "clients": "client"}[stem]
    assert [(i["severity"], i["file"], i["record_kind"]) for i in notes] == [
        ("info", str(folder / name), kind)
    ]
    rows = {"servers": SERVERS, "clients": CLIENTS}[stem]
    assert len(stored(empty_cli, kind)) == len(rows) - 1  # every row but the header


@pytest.mark.parametrize(
    "name", ["netbox-dump.json", "servers.xls", "anteckningar.md", "no-extension"]
)
def test_a_json_file_or_other_extension_is_an_error(tmp_path: Path, cli: Cli, name: str) -> None:
    folder = write_testby(tmp_path)
    other = folder / name
    other.write_text('{"results": [{"name": "srv9"}]}\n', encoding="utf-8")
    before = cli.dump()

    result, issues = cli.json("validate", str(folder))
    assert result.exit_code == 1
    assert [(i["severity"], i["file"]) for i in issues if i["code"] == "unknown-file"] == [
        ("error", str(other))
    ]
    result, issues = cli.json("import", str(folder))
    assert result.exit_code == 1
    assert cli.dump() == before

    result, issues = cli.json("validate", str(folder), "--ignore-unknown")
    assert result.exit_code == 0
    assert [i["severity"] for i in issues if i["code"] == "unknown-file"] == ["warning"]


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def test_one_workbook_with_every_kind_reads_every_sheet(tmp_path: Path, empty_cli: Cli) -> None:
    folder = tmp_path / "in" / "testby"
    book = workbook(
        folder / "Testby inventering 2024.xlsx",
        {
            "#Läs mig": [["Inventering av Testby kommun, maj 2024"]],
            "Kommun": MUNICIPALITY,
            "Platser": SITES,
            "Blad3": SERVERS,  # named by Excel: recognised by its header row
            "Klienter": [["Klienter per skola"], [], *CLIENTS],  # a title row above the header
            "Blad5": [],
        },
    )

    result, issues = empty_cli.json("import", str(folder))

    assert result.exit_code == 0, result.output
    by_code = {(i["code"], i["sheet"]): i for i in issues}
    assert by_code[("kind-recognised", "Blad3")]["record_kind"] == "server"
    assert by_code[("kind-recognised", "Blad3")]["file"] == str(book)
    assert by_code[("empty-sheet", "Blad5")]["severity"] == "info"
    assert by_code[("skipped-path", "#Läs mig")]["severity"] == "info"
    header = by_code[("header-row", "Klienter")]
    assert (header["line"], header["file"]) == (3, str(book))  # title, blank, header
    # Every sheet's records are stored: the rows below each header.
    assert [r["code"] for r in stored(empty_cli, "municipality")] == ["testby"]
    assert sorted(r["id"] for r in stored(empty_cli, "site")) == ["DC1", "SK1"]
    assert sorted(r["id"] for r in stored(empty_cli, "server")) == ["srv1", "srv2", "srv3"]
    assert sorted(r["id"] for r in stored(empty_cli, "client")) == ["fl-1", "fl-2"]


def test_issues_in_a_sheet_name_the_sheet_and_its_row(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "in" / "testby"
    bad = [row[:] for row in SERVERS]
    bad[2][1] = "virtuel"  # row 3 of the sheet: not a server kind
    book = workbook(
        folder / "testby.xlsx", {"Kommun": MUNICIPALITY, "Platser": SITES, "Servrar": bad}
    )
    before = cli.dump()

    result, issues = cli.json("import", str(folder))

    assert result.exit_code == 1
    enum = [i for i in issues if i["code"] == "invalid-enum"]
    assert [(i["file"], i["sheet"], i["line"], i["row"], i["column"]) for i in enum] == [
        (str(book), "Servrar", 3, 2, "kind")
    ]
    text = cli("validate", str(folder))
    assert f"{book}[Servrar]:3, row 2, column 'kind'" in text.output
    assert cli.dump() == before


def test_a_sheet_not_understood_is_an_error_naming_it(tmp_path: Path, cli: Cli) -> None:
    folder = write_testby(tmp_path)
    book = workbook(
        folder / "extra.xlsx",
        {
            "Servrar": [["id", "kind", "site"], ["srv9", "virtual", "DC1"]],
            "Pivot": [["Summa", "Antal"], ["12", "3"]],
        },
    )
    before = cli.dump()

    result, issues = cli.json("import", str(folder))

    assert result.exit_code == 1
    unknown = [i for i in issues if i["code"] == "unknown-sheet"]
    assert [(i["severity"], i["file"], i["sheet"]) for i in unknown] == [
        ("error", str(book), "Pivot")
    ]
    # The sheet Servrar holds servers, and so does servers.csv: two files of one kind.
    duplicate = [i for i in issues if i["code"] == "duplicate-file"]
    assert [(i["file"], i["sheet"]) for i in duplicate] == [(str(folder / "servers.csv"), None)]
    assert f"{book}[Servrar] and {folder / 'servers.csv'}" in duplicate[0]["message"]
    assert cli.dump() == before


def test_a_kind_named_workbook_lends_its_kind_to_its_one_other_sheet(tmp_path: Path) -> None:
    folder = write_testby(tmp_path)
    (folder / "servers.csv").unlink()
    # id, kind, site are headers of servers, storage and clients alike: the header alone
    # cannot tell, the workbook's name does.
    book = workbook(
        folder / "servrar.xlsx",
        {"#Notes": [["x"]], "Blad1": [["id", "kind", "site"], ["srv1", "physical", "DC1"]]},
    )
    folders, issues = discover([folder])
    assert folders[0].files["server"] == book and folders[0].sheets["server"] == "Blad1"
    assert [(i.code, i.sheet) for i in issues] == [
        (IssueCode.SKIPPED_PATH, "#Notes"),
        (IssueCode.KIND_RECOGNISED, "Blad1"),
    ]


def test_an_ambiguous_header_in_a_sheet_lists_the_kinds(tmp_path: Path) -> None:
    folder = write_testby(tmp_path)
    book = workbook(folder / "lista.xlsx", {"Blad1": [["id", "name"], ["x", "y"]]})
    batch = validate_paths([folder])
    unknown = [i for i in batch.report.issues if i.code is IssueCode.UNKNOWN_SHEET]
    assert [(i.file, i.sheet, i.severity) for i in unknown] == [
        (str(book), "Blad1", Severity.ERROR)
    ]
    assert not batch.report.valid
