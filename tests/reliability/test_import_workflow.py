"""Store rules end to end: idempotent re-import, --prune with --dry-run, all issues at once."""

from __future__ import annotations

from pathlib import Path

from inventory.store import InventoryStore
from tests.helpers import FIVE, SAMPLES, dump_tables, issue_codes, run_cli, run_json

SITES = "platser.csv"
SERVERS = "servrar.csv"
APPS = "verksamhetssystem.csv"


def _drop_line(path: Path, key: str, encoding: str = "utf-8") -> None:
    """Remove the data line whose first cell is ``key``."""
    data = path.read_bytes().decode(encoding)
    end = "\r\n" if "\r\n" in data else "\n"
    lines = [
        line
        for line in data.split(end)
        if not line.startswith(f"{key},") and not line.startswith(f"{key};")
    ]
    path.write_bytes(end.join(lines).encode(encoding))


def test_importing_the_same_five_twice_changes_nothing(fresh_db: str) -> None:
    before = dump_tables(fresh_db)
    folders = [str(SAMPLES / code) for code in FIVE]
    result, output = run_json(fresh_db, "import", *folders)
    assert result.exit_code == 0, result.output
    assert output["import"]["totals"]["created"] == 0
    assert output["import"]["totals"]["updated"] == 0
    assert output["import"]["totals"]["deleted"] == 0
    assert output["import"]["totals"]["unchanged"] > 1000
    after = dump_tables(fresh_db)
    records = [name for name in before if name not in {"import_run", "import_file", "reference"}]
    assert {name: after[name] for name in records} == {name: before[name] for name in records}
    # the store rewrites the resolved references on every import: same content, and on
    # PostgreSQL new surrogate ids (the sequence moves on), so compare without the id
    assert sorted(row[1:] for row in after["reference"]) == sorted(
        row[1:] for row in before["reference"]
    )


def test_prune_dry_run_lists_the_missing_record_and_prune_deletes_it(
    fresh_db: str, municipality_copy: Path
) -> None:
    _drop_line(municipality_copy / APPS, "app-kia")  # no record refers to an application
    before = dump_tables(fresh_db)

    dry, output = run_json(fresh_db, "import", str(municipality_copy), "--prune", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert output["import"]["dry_run"] is True
    assert output["import"]["deleted"]["gnosjo"]["application"] == ["app-kia"]
    assert dump_tables(fresh_db) == before

    text = run_cli(fresh_db, "import", str(municipality_copy), "--prune", "--dry-run")
    assert text.exit_code == 0 and "app-kia" in text.output
    assert dump_tables(fresh_db) == before

    without = run_cli(fresh_db, "import", str(municipality_copy))
    assert without.exit_code == 0
    with InventoryStore(fresh_db) as store:
        assert "app-kia" in store.records("application", ["gnosjo"])["id"].tolist()

    pruned, output = run_json(fresh_db, "import", str(municipality_copy), "--prune")
    assert pruned.exit_code == 0, pruned.output
    assert output["import"]["totals"]["deleted"] == 1
    assert output["import"]["municipalities"]["gnosjo"]["application"]["deleted"] == 1
    with InventoryStore(fresh_db) as store:
        apps = store.records("application", ["gnosjo"])["id"].tolist()
        assert "app-kia" not in apps and len(apps) == 40
        assert len(store.records("application", ["gislaved"])) > 40  # others untouched


def _plant_five_defects(folder: Path) -> None:
    """Five defects in three files (sites 2, servers 2, applications 1)."""
    sites = (folder / SITES).read_text(encoding="utf-8").splitlines()
    sites[1] = sites[1].replace(",serverrum,", ",rymdstation,")  # invalid-enum, line 2
    sites[2] += ",extra"  # extra-cells, line 3
    (folder / SITES).write_text("\n".join(sites) + "\n", encoding="utf-8")
    servers = (folder / SERVERS).read_bytes().decode("cp1252").split("\r\n")
    servers[1] = servers[1].replace(";2021-09-27;", ";3/5/2024;")  # ambiguous-date, line 2
    servers[2] = servers[2].replace(";10.17.100.12;", ";10.17.100.312;")  # invalid-ip, line 3
    (folder / SERVERS).write_bytes("\r\n".join(servers).encode("cp1252"))
    apps = folder / APPS
    lines = apps.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",p-entra,", ",p-entr,")  # dangling-reference, line 2
    apps.write_text("\n".join(lines) + "\n", encoding="utf-8")


EXPECTED_FIVE = {
    ("invalid-enum", SITES, 2),
    ("extra-cells", SITES, 3),
    ("ambiguous-date", SERVERS, 2),
    ("invalid-ip", SERVERS, 3),
    ("dangling-reference", APPS, 2),
}


def test_five_defects_in_three_files_are_all_reported(
    loaded_db: str, municipality_copy: Path
) -> None:
    _plant_five_defects(municipality_copy)
    before = dump_tables(loaded_db)
    result, output = run_json(loaded_db, "import", str(municipality_copy))
    assert result.exit_code == 1
    errors = [issue for issue in output["report"]["issues"] if issue["severity"] == "error"]
    found = {(issue["code"], Path(issue["file"]).name, issue["line"]) for issue in errors}
    assert found == EXPECTED_FIVE, errors
    assert output["report"]["errors"] == 5
    assert dump_tables(loaded_db) == before


def test_the_issue_cap_ends_with_a_too_many_issues_notice(
    loaded_db: str, municipality_copy: Path
) -> None:
    _plant_five_defects(municipality_copy)
    before = dump_tables(loaded_db)
    result, output = run_json(loaded_db, "import", str(municipality_copy), "--max-issues", "2")
    assert result.exit_code == 1
    report = output["report"]
    assert report["errors"] == 5  # counted, though not all listed
    codes = issue_codes(report)
    assert codes[-1] == "too-many-issues" and len(codes) == 3
    assert dump_tables(loaded_db) == before

    validate = run_cli(loaded_db, "validate", str(municipality_copy), "--max-issues", "1")
    assert validate.exit_code == 1
    assert "too-many-issues" in validate.output
