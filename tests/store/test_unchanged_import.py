"""Re-importing a study: folders unchanged since their last import are not read again, and
a changed row changes exactly that row (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from inventory.store import InventoryStore, stored_known_keys
from inventory.store.schema import RECORD_TABLES, import_file, record_change
from inventory.store.unchanged import unchanged_folders
from inventory.synth import SynthOptions, generate_inventories
from inventory.validate import ImportBatch, validate_paths
from tests.helpers import run_cli

#: Three small municipalities; each names a site of the one before (links.csv, ``code:id``).
OPTIONS = SynthOptions(
    municipalities=3, seed=1, client_rows_per_inhabitant=0.002, servers_per_inhabitant=0.0005
)


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("study")
    generate_inventories(root, OPTIONS)
    return root


def _copy(study: Path, tmp_path: Path) -> list[Path]:
    target = tmp_path / "study"
    shutil.copytree(study, target)
    return sorted(path for path in target.iterdir() if path.is_dir())


def _import(url: str, folders: list[Path]) -> tuple[ImportBatch, Any]:
    """What ``inventory import`` does."""
    batch = validate_paths(
        folders, known_keys=stored_known_keys(url), unchanged=unchanged_folders(url)
    )
    assert batch.report.valid, batch.report.issues[:3]
    with InventoryStore(url) as store:
        return batch, store.import_batch(batch)


def _rows(folders: list[Path]) -> int:
    """The records of the folders: one per line of every file but the header."""
    return sum(
        len(file.read_text(encoding="utf-8").splitlines()) - 1
        for folder in folders
        for file in folder.glob("*.csv")
    )


def _record_rows(url: str) -> dict[str, list[Any]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                kind: sorted(connection.execute(select(table)).all(), key=repr)
                for kind, table in RECORD_TABLES.items()
            }
    finally:
        engine.dispose()


def _count(url: str, statement: Any) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(statement).scalar() or 0)
    finally:
        engine.dispose()


def test_unchanged_folders_are_not_read_and_the_run_is_recorded(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path)
    _batch, first = _import(db_url, folders)
    assert first.totals.created == _rows(folders)
    before = _record_rows(db_url)
    (folders[0] / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")  # never read: no change
    files = _count(db_url, select(func.count()).select_from(import_file))
    assert files == 30

    batch, again = _import(db_url, folders)

    assert batch.municipalities == []  # nothing read
    assert sorted(found.code for found in batch.unchanged) == ["m001", "m002", "m003"]
    assert (again.totals.created, again.totals.updated, again.totals.deleted) == (0, 0, 0)
    assert again.totals.unchanged == _rows(folders)
    assert first.run_id is not None and again.run_id == first.run_id + 1
    assert _record_rows(db_url) == before  # no record written, provenance kept
    assert (
        _count(
            db_url,
            select(func.count())
            .select_from(record_change)
            .where(record_change.c.run_id == again.run_id),
        )
        == 0
    )
    assert (
        _count(
            db_url,
            select(func.count())
            .select_from(import_file)
            .where(import_file.c.run_id == again.run_id),
        )
        == 30
    )
    with InventoryStore(db_url) as store:
        runs = store.history()
        assert [run.id for run in runs] == [first.run_id, again.run_id]
        assert runs[-1].municipalities == ["m001", "m002", "m003"]
        assert runs[-1].totals()["unchanged"] == _rows(folders)
        assert store.diff(first.run_id or 0, again.run_id or 0).records == []


def _change_model(file: Path, key: str, model: str) -> str:
    """Set the ``model`` of record ``key`` in a CSV file; the model it had."""
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    for index, line in enumerate(lines[1:], start=1):
        cells = next(csv.reader([line]))
        if cells[0] == key:
            old = cells[header.index("model")]
            cells[header.index("model")] = model
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerow(cells)
            lines[index] = out.getvalue()
            file.write_text("".join(lines), encoding="utf-8")
            return old
    raise AssertionError(f"no record {key} in {file}")


def test_one_changed_row_changes_exactly_that_row(db_url: str, study: Path, tmp_path: Path) -> None:
    folders = _copy(study, tmp_path)
    _batch, first = _import(db_url, folders)
    before = _record_rows(db_url)
    old = _change_model(folders[2] / "clients.csv", "C0000002", "Elitebook 840 G11")

    batch, again = _import(db_url, folders)

    # m003 is read again; m001 and m002 are not (m003 names m002, not the other way).
    assert [m.code for m in batch.municipalities] == ["m003"]
    assert sorted(found.code for found in batch.unchanged) == ["m001", "m002"]
    assert again.totals.updated == 1
    assert again.totals.created == again.totals.deleted == 0
    assert again.totals.unchanged == _rows(folders) - 1
    after = _record_rows(db_url)
    for kind in RECORD_TABLES:
        if kind != "client":
            assert after[kind] == before[kind]
    changed = [row for row in after["client"] if row not in before["client"]]
    assert [(row.municipality, row.id, row.model) for row in changed] == [
        ("m003", "C0000002", "Elitebook 840 G11")
    ]
    assert len(after["client"]) == len(before["client"])
    with InventoryStore(db_url) as store:
        difference = store.diff(first.run_id or 0, again.run_id or 0)
    assert [(r.municipality, r.kind, r.id, r.change, r.fields) for r in difference.records] == [
        ("m003", "client", "C0000002", "updated", {"model": [old, "Elitebook 840 G11"]})
    ]


def test_a_folder_naming_a_changed_municipality_is_kept_while_what_it_names_is_there(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path)
    _import(db_url, folders)
    _change_model(folders[0] / "clients.csv", "C0000001", "Latitude 7450")

    batch, again = _import(db_url, folders)

    # m002's links name site DC1 of m001 (code:id): m001 is read again and still holds it.
    assert [m.code for m in batch.municipalities] == ["m001"]
    assert sorted(found.code for found in batch.unchanged) == ["m002", "m003"]
    assert ("m001", "site", "DC1") in batch.unchanged[0].names
    assert again.totals.updated == 1


def test_a_folder_naming_a_record_gone_from_a_changed_municipality_is_read_again(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path)
    _import(db_url, folders)
    sites = folders[0] / "sites.csv"
    # Site DC1 of m001 renamed DC9 (in m001's own files too): m002's link names m001:DC1.
    for file in folders[0].glob("*.csv"):
        file.write_text(
            re.sub(r"\bDC1\b", "DC9", file.read_text(encoding="utf-8")), encoding="utf-8"
        )
    assert '"DC9"' in sites.read_text(encoding="utf-8")

    batch = validate_paths(
        folders, known_keys=stored_known_keys(db_url), unchanged=unchanged_folders(db_url)
    )

    assert [m.code for m in batch.municipalities] == ["m001", "m002"]
    assert [found.code for found in batch.unchanged] == ["m003"]
    dangling = [issue for issue in batch.report.issues if issue.code.value == "dangling-reference"]
    assert [
        (Path(issue.file or "").parent.name, Path(issue.file or "").name, issue.value)
        for issue in dangling
    ] == [("m002", "links.csv", "m001:DC1")]


def test_records_left_behind_make_a_folder_read_again(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path)
    _import(db_url, folders)
    clients = folders[1] / "clients.csv"
    lines = clients.read_text(encoding="utf-8").splitlines(keepends=True)
    clients.write_text("".join(lines[:-1]), encoding="utf-8")  # one client fewer
    _import(db_url, folders)  # without --prune: the stored client stays
    batch, _again = _import(db_url, folders)  # the same files as the run before

    assert "m002" in [m.code for m in batch.municipalities]
    assert "m002" not in [found.code for found in batch.unchanged]


def test_without_a_database_every_folder_is_read(tmp_path: Path) -> None:
    check = unchanged_folders(f"sqlite:///{tmp_path / 'none.db'}")
    folder = tmp_path / "m001"
    folder.mkdir()
    (folder / "municipality.csv").write_text("code,name\nm001,One\n", encoding="utf-8")
    batch = validate_paths([folder], unchanged=check)
    assert [m.code for m in batch.municipalities] == ["m001"] and batch.unchanged == []
    assert not (tmp_path / "none.db").exists()


def test_another_tool_version_reads_every_folder(db_url: str, study: Path, tmp_path: Path) -> None:
    folders = _copy(study, tmp_path)
    _import(db_url, folders)
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE import_run SET tool_version = '0.0.1'"))
    engine.dispose()

    batch, again = _import(db_url, folders)

    assert len(batch.municipalities) == 3 and batch.unchanged == []
    assert again.totals.unchanged == _rows(folders)


def test_the_command_line_says_which_folders_it_did_not_read(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = [str(folder) for folder in _copy(study, tmp_path)]
    assert run_cli(db_url, "import", *folders).exit_code == 0

    again = run_cli(db_url, "import", *folders)
    swedish = run_cli(db_url, "--lang", "sv", "import", *folders)
    reread = run_cli(db_url, "import", "--reread", *folders)

    assert again.exit_code == swedish.exit_code == reread.exit_code == 0
    assert (
        "3 municipality folders unchanged since their last import (the same files, byte for"
        " byte) were not read again: m001, m002, m003." in " ".join(again.output.split())
    )
    assert "3 kommunmappar oförändrade sedan den senaste importen" in " ".join(
        swedish.output.split()
    )
    assert "not read again" not in reread.output
    with InventoryStore(db_url) as store:
        runs = store.history()
    assert [run.totals()["unchanged"] for run in runs[1:]] == [
        _rows([Path(f) for f in folders])
    ] * 3
