"""The library API (``inventory/__init__.py``, ``inventory/api.py``): the README's example
runs as written, invalid input is one exception carrying the issues, ``import inventory``
stays light."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import inventory
from inventory.issues import IssueCode

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
INTUNE = ROOT / "tests" / "data" / "exports" / "intune"
MUNICIPALITIES = ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")


def readme_example() -> str:
    """The python block of the README's "Use it from Python" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use it from Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 1
    return str(blocks[0])


def data_rows(path: Path) -> int:
    """Rows below the header of a sample file, counted without the tool: CSV in UTF-8 or
    (Gnosjö's servers, saved as Swedish Excel does) cp1252 with ``;``; XLSX per sheet."""
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        return sum(
            sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if any(row))
            for sheet in workbook.worksheets
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    return sum(1 for row in rows[1:] if any(cell.strip() for cell in row))


def sample_rows(*stems: str) -> int:
    return sum(
        data_rows(path)
        for name in MUNICIPALITIES
        for path in (SAMPLES / name).iterdir()
        if not stems or path.stem in stems
    )


@pytest.mark.slow
def test_the_readme_example_imports_analyses_and_writes_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "samples").symlink_to(SAMPLES, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    exec(compile(readme_example(), "README.md", "exec"), {"__name__": "__main__"})

    printed = capsys.readouterr().out.splitlines()
    rows = sample_rows()  # every record of the five folders, municipality rows included
    assert printed[0] == f"rows read: {rows}"
    assert printed[1] == f"created: {rows} unchanged: 0"
    statuses = eval(printed[2])  # the matrix's blocks per status, as printed
    assert set(statuses) <= {"included", "changed", "eliminated", "new"} and statuses["included"]
    assert printed[3] == "wrote: report.html report.json report.md report.xlsx"

    with sqlite3.connect(tmp_path / "inventory.db") as connection:
        stored = dict(connection.execute("SELECT code, name FROM municipality").fetchall())
        servers = connection.execute("SELECT count(*) FROM server").fetchone()[0]
    assert sorted(stored) == list(MUNICIPALITIES)
    assert servers == sample_rows("servers", "servrar")
    out = tmp_path / "out" / "2026-11"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["lang"] == "sv"
    assert '<html lang="sv">' in (out / "report.html").read_text(encoding="utf-8")
    assert any((out / "diagrams").glob("*.svg"))

    # next month, the same files again: nothing changes in the store
    with inventory.open_store(tmp_path / "inventory.db") as store:
        again = inventory.import_inventory(
            [SAMPLES / name for name in MUNICIPALITIES], store, prune=True
        )
    assert (again.totals.created, again.totals.unchanged, again.totals.deleted) == (0, rows, 0)


def test_an_export_is_imported_with_its_adapter_as_from_does(tmp_path: Path) -> None:
    export = next(INTUNE.glob("DevicesWithInventory_*.csv"))
    with export.open(encoding="utf-8-sig", newline="") as file:
        devices = [row for row in csv.DictReader(file) if row["Ownership"] != "Personal"]
    with inventory.open_store(tmp_path / "monthly.db") as store:
        result = inventory.import_inventory([INTUNE], store, source="intune")
        snapshot = inventory.load_snapshot(store)
    assert result.counts["gislaved"]["client"].created == len(devices) == 4
    assert sorted(snapshot.table("client")["id"]) == sorted(row["Serial number"] for row in devices)


def test_a_mapping_profile_reads_an_export_as_mapping_does(tmp_path: Path) -> None:
    folder = tmp_path / "tynset"
    folder.mkdir()
    (folder / "kommune.csv").write_text("code,name,country\ntynset,Tynset,NO\n", "utf-8")
    (folder / "eiendeler.csv").write_text(
        "Merke;Type;Minne\nT-1;Bærbar;8192\nT-2;Stasjonær;16384\nT-3;Skjerm;\n", "utf-8"
    )
    profile = tmp_path / "cmdb.yaml"
    profile.write_text(
        "name: cmdb\ndescription: Vår CMDB\ntables:\n  - kind: client\n"
        "    signature: [Merke, Type]\n    fields:\n      id: Merke\n      kind:\n"
        "        column: Type\n        values: {Bærbar: laptop, Stasjonær: desktop}\n"
        "      quantity: {constant: 1}\n    skip:\n      - column: Type\n"
        "        values: [Skjerm]\n        reason: skjermer er ikke klienter\n",
        encoding="utf-8",
    )
    with inventory.open_store(f"sqlite:///{tmp_path / 'inventory.db'}") as store:
        with pytest.raises(inventory.InvalidInputError):  # without the profile: not understood
            inventory.import_inventory([folder], store)
        result = inventory.import_inventory([folder], store, mapping=[profile])
        clients = inventory.load_snapshot(store, ["tynset"]).table("client")
    # three rows, the screen left out by the profile
    assert result.counts["tynset"]["client"].created == 2
    assert dict(zip(clients["id"], clients["kind"], strict=True)) == {
        "T-1": "laptop",
        "T-2": "desktop",
    }


def test_invalid_folders_raise_one_error_carrying_every_issue_and_store_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "gnosjo"
    folder.mkdir()
    (folder / "municipality.csv").write_text("code,name,country\ngnosjo,Gnosjö,SE\n", "utf-8")
    (folder / "servers.csv").write_text(
        "id,hostname,kind,cpu_cores\nsrv1,app01,physical,many\nsrv2,app02,virtual,4\n", "utf-8"
    )
    with inventory.open_store(tmp_path / "inventory.db") as store:
        with pytest.raises(inventory.InvalidInputError) as raised:
            inventory.import_inventory([folder], store)
        assert store.municipality_codes() == []
    error = raised.value
    assert isinstance(error, inventory.InventoryError) and error.hint
    bad = [issue for issue in error.issues if issue.severity == "error"]
    assert [(i.code, Path(i.file or "").name, i.row, i.column) for i in bad] == [
        (IssueCode.INVALID_NUMBER, "servers.csv", 1, "cpu_cores")
    ]
    assert str(error) == "The inventory is invalid (1 error)."
    assert error.report.to_json()["valid"] is False


def test_an_unknown_adapter_name_is_an_issue_of_the_error(tmp_path: Path) -> None:
    with pytest.raises(inventory.InvalidInputError) as raised:
        inventory.validate_inventory([INTUNE], source="no-such-tool")
    codes = [(issue.code, issue.value) for issue in raised.value.issues][:1]
    assert codes == [(IssueCode.UNKNOWN_FILE, "no-such-tool")]


def test_an_invalid_target_raises_with_the_line(tmp_path: Path) -> None:
    target = tmp_path / "target.yaml"
    target.write_text("name: joint\ncurrency: SEK\nhourly_rate: lots\n", encoding="utf-8")
    with pytest.raises(inventory.InvalidInputError) as raised:
        inventory.read_target(target)
    assert any(issue.line == 3 for issue in raised.value.issues)
    assert str(target) in str(raised.value)


def test_an_invalid_study_folder_is_the_same_error(tmp_path: Path) -> None:
    study = tmp_path / "study"
    study.mkdir()
    (study / "areas.yaml").write_text("areas: [\n", encoding="utf-8")
    with pytest.raises(inventory.InvalidInputError) as raised:
        inventory.study_results(study)
    assert isinstance(raised.value, inventory.InvalidStudyInput)
    assert raised.value.report.errors
    assert all(issue.file for issue in raised.value.report.errors)


def test_import_inventory_stays_light_and_lists_the_whole_api() -> None:
    code = (
        "import sys, inventory\n"
        "heavy = {'pandas', 'pyarrow', 'sqlalchemy', 'alembic', 'jinja2', 'networkx', 'pydantic'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
        "print(sorted(set(inventory.__all__) - set(dir(inventory))))\n"
        "print(sorted(n for n in dir(inventory) if n[0] != '_' and n not in inventory.__all__))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    # nothing listed but the API: not the module's helpers (importlib, Any, TYPE_CHECKING)
    assert done.stdout.splitlines() == ["[]", "[]", "[]"]


@pytest.mark.parametrize("name", sorted(set(inventory.__all__) - {"__version__"}))
def test_every_public_name_loads_and_is_documented(name: str) -> None:
    assert getattr(inventory, name).__name__ == name
    assert f"``{name}``" in (inventory.__doc__ or "")


# --- what the commands call: one function each ------------------------------------------


def test_validate_folders_reads_a_database_never_creates_one(tmp_path: Path) -> None:
    """``inventory validate``: a link to a municipality stored in the database is valid,
    a database that does not exist is not created, one that cannot be read is said and
    validation goes on without it."""
    missing = tmp_path / "none.db"
    batch = inventory.validate_folders([SAMPLES / "varnamo"], f"sqlite:///{missing}")
    assert batch.report.valid and not missing.exists()
    # Gislaved links to varnamo:DC1 (links.csv line 18): invalid unless Värnamo is stored
    with pytest.raises(inventory.InvalidInputError) as raised:
        inventory.validate_folders([SAMPLES / "gislaved"], f"sqlite:///{missing}")
    [issue] = raised.value.report.errors
    assert (issue.code, issue.file, issue.line) == (
        IssueCode.UNKNOWN_MUNICIPALITY,
        str(SAMPLES / "gislaved" / "links.csv"),
        18,
    )
    assert not missing.exists()
    stored = tmp_path / "stored.db"
    inventory.import_folders([SAMPLES / "varnamo"], f"sqlite:///{stored}")
    assert inventory.validate_folders([SAMPLES / "gislaved"], f"sqlite:///{stored}").report.valid
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    said: list[inventory.StoreError] = []
    batch = inventory.validate_folders(
        [SAMPLES / "varnamo"], f"sqlite:///{garbage}", on_unreadable_database=said.append
    )
    assert batch.report.valid and len(said) == 1
    assert garbage.read_bytes() == b"not a database at all" * 100


def test_import_folders_stores_once_and_leaves_unchanged_folders_unread(tmp_path: Path) -> None:
    """``inventory import``: every row of Värnamo's files created (counted from the files),
    the run said when committed; the same files again are left unread; invalid input
    creates no database."""
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    with pytest.raises(inventory.InvalidInputError):
        inventory.import_folders([SAMPLES / "gislaved"], url)
    assert not (tmp_path / "inventory.db").exists()
    runs: list[int] = []
    seen: list[inventory.ImportBatch] = []
    done = inventory.import_folders(
        [SAMPLES / "varnamo"], url, on_validated=seen.append, on_committed=runs.append
    )
    rows = sum(data_rows(path) for path in (SAMPLES / "varnamo").iterdir())
    assert isinstance(done, inventory.FolderImport) and seen == [done.batch]
    assert (done.result.totals.created, done.result.totals.unchanged) == (rows, 0)
    assert runs == [done.result.run_id] and runs[0] is not None
    again = inventory.import_folders([SAMPLES / "varnamo"], url)
    assert [folder.code for folder in again.batch.unchanged] == ["varnamo"]
    assert (again.result.totals.created, again.result.totals.unchanged) == (0, rows)
    reread = inventory.import_folders([SAMPLES / "varnamo"], url, reread=True, dry_run=True)
    assert reread.batch.unchanged == [] and reread.result.totals.unchanged == rows


def test_study_alternatives_ranks_without_a_store(tmp_path: Path) -> None:
    """``inventory study alternatives``: the ranking of each alternatives file, nothing
    costed without a snapshot; an invalid folder is the one error."""
    found = inventory.study_alternatives(SAMPLES / "study")
    assert isinstance(found, inventory.StudyAlternatives) and found.costed is None
    files = sorted((SAMPLES / "study").glob("alternatives*.yaml"))
    assert len(found.ranking) == len(files) == 2
    assert found.to_json()["costed"] is None
    assert found.to_json()["ranking"][0]["ranking"][0]["id"] == found.ranking[0].ranking[0].id
    with pytest.raises(inventory.InvalidInputError):
        inventory.study_alternatives(tmp_path, snapshot=lambda: pytest.fail("not read"))


def test_write_archimate_never_replaces_a_file_unless_forced(
    sample_snapshot: inventory.InventorySnapshot,
    sample_target: inventory.TargetArchitecture,
    tmp_path: Path,
) -> None:
    """``inventory export archimate``: the model written and counted by type; a file in
    the way is ``FileExistsError`` and stays as it was, ``force`` replaces it whole."""
    out = tmp_path / "model.xml"
    out.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        inventory.write_archimate(sample_snapshot, sample_target, out)
    assert out.read_bytes() == b"mine"
    written = inventory.write_archimate(sample_snapshot, sample_target, out, force=True)
    assert isinstance(written, inventory.ArchimateExport) and written.file == out
    text = out.read_text(encoding="utf-8")
    assert text.count('xsi:type="Plateau"') == written.elements["Plateau"] == 2
    assert sum(written.elements.values()) == len(written.model.elements)
    assert written.to_json()["file"] == str(out)
