"""Re-importing files byte for byte those of their last import: such a file is not read at
all (its SHA-256 is compared before parsing), yet everything stored, every error and its
place is a full read's, whatever happened to the file in between: edited back and forth,
renamed, moved to another municipality's folder, its folder given another code, or the
same bytes read last time by a profile or another tool version (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, update

from inventory.read.source import SourceTable, TableRequest
from inventory.read.tables import read_tables as real_read_tables
from inventory.store import InventoryStore
from inventory.store.schema import import_file, import_run
from inventory.validate import ImportBatch, validate_paths
from tests.store.test_unchanged_rows import (
    _copy,
    _edit,
    _import,
    _model_changed,
    _places,
    _read,
    _second_url,
    _stored,
    _validate,
    _write,
)
from tests.store.test_unchanged_rows import study as study  # the fixture


class _Reads:
    """The files ``validate_paths`` reads (``read_tables``, the reader itself, spied on)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[Path] = []

        def read_tables(requests: Sequence[TableRequest]) -> Any:
            self.paths += [Path(request.path) for request in requests]
            return real_read_tables(requests)

        monkeypatch.setattr("inventory.validate.read_tables", read_tables)

    def names(self, root: Path) -> set[str]:
        return {str(path.relative_to(root)) for path in self.paths}


def _runs(url: str) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(
                connection.execute(
                    select(import_run.c.id, import_run.c.rows_not_validated).order_by(
                        import_run.c.id
                    )
                ).all()
            )
    finally:
        engine.dispose()


def _relative_places(batch: ImportBatch, root: Path) -> list[tuple[Any, ...]]:
    """Every issue's place, its file relative to ``root`` (two copies compared)."""
    return [
        (place[0], place[1], Path(place[2]).relative_to(root) if place[2] else None, *place[3:])
        for place in _places(batch)
    ]


def _comparable(stored: dict[str, Any], root: Path) -> dict[str, Any]:
    """The stored tables with the paths of ``import_file`` made relative to ``root``."""
    found = dict(stored)
    found["import_file"] = sorted(
        (
            tuple(
                str(Path(value).relative_to(root)) if index == 3 else value
                for index, value in enumerate(row)
            )
            for row in stored["import_file"]
        ),
        key=repr,
    )
    return found


def test_only_the_changed_file_is_read_and_the_run_records_the_rows_not_validated(
    db_url: str, study: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    for folder in folders:
        _edit(folder / "clients.csv", _model_changed(50))
    changed = sum(len(_read(folder / "clients.csv")[1][::50]) for folder in folders)
    total = sum(len(_read(file)[1]) for folder in folders for file in folder.glob("*.csv"))
    reads = _Reads(monkeypatch)

    batch = _validate(db_url, folders)
    with InventoryStore(db_url) as store:
        result = store.import_batch(batch)
        [*_, last] = store.history()

    assert reads.names(tmp_path / "a") == {f"{folder.name}/clients.csv" for folder in folders}
    assert batch.report.stats["rows_unchanged"] == total - changed
    # what a full read counts: files, rows per kind, encodings
    full = validate_paths(folders).report.stats
    for name in ("municipalities", "files", "rows", "encodings"):
        assert batch.report.stats[name] == full[name], name
    assert result.totals.updated == changed
    assert result.totals.unchanged == total - changed
    assert [row.rows_not_validated for row in _runs(db_url)] == [0, total - changed]
    assert last.rows_not_validated == total - changed
    assert last.to_json()["rows_not_validated"] == total - changed


def _full_and_incremental(
    study: Path,
    tmp_path: Path,
    url: str,
    full_url: str,
    steps: list[Any],
    *,
    notes_repeated: bool = True,
) -> None:
    """Each step changes the files (``step(folders)``), then both databases import them:
    ``url`` with the check of unchanged files and rows, ``full_url`` reading everything;
    after each step both hold the same, and both found the same issues at the same places
    (``notes_repeated`` False: the same errors; the warnings and notes of the incremental
    read are among the full read's, which also repeats those of the files and rows not
    read again)."""
    roots = {"incremental": tmp_path / "inc", "full": tmp_path / "full"}
    folders = {mode: _copy(study, root) for mode, root in roots.items()}
    _import(url, folders["incremental"])
    _import(full_url, folders["full"], full=True)
    for step in steps:
        outcome: dict[str, Any] = {}
        for mode, root in roots.items():
            step(folders[mode])
            own = url if mode == "incremental" else full_url
            batch = _validate(own, [root], full=mode == "full")  # its folders, as they are
            places = _relative_places(batch, root)
            if batch.report.valid:
                with InventoryStore(own) as store:
                    store.import_batch(batch)
            outcome[mode] = (batch.report.valid, places, _comparable(_stored(own), root))
        if not notes_repeated:
            incremental, full = outcome["incremental"][1], outcome["full"][1]
            assert set(incremental) <= set(full)
            errors = [
                [place for place in found if place[1] == "error"] for found in (incremental, full)
            ]
            assert errors[0] == errors[1]
            outcome = {mode: (valid, [], stored) for mode, (valid, _p, stored) in outcome.items()}
        assert outcome["incremental"] == outcome["full"]


def test_a_file_edited_back_and_forth(
    db_url: str, study: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    original: dict[str, bytes] = {}

    def edit(folders: list[Path]) -> None:
        original[str(folders[0])] = (folders[0] / "clients.csv").read_bytes()
        _edit(folders[0] / "clients.csv", _model_changed(3))

    def back(folders: list[Path]) -> None:
        (folders[0] / "clients.csv").write_bytes(original[str(folders[0])])

    full_url = _second_url(db_url, tmp_path, request)
    _full_and_incremental(study, tmp_path, db_url, full_url, [edit, back, edit, back])


def test_a_renamed_file_a_moved_file_and_a_renamed_folder(
    db_url: str, study: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    def rename(folders: list[Path]) -> None:  # same bytes, another (Swedish) name
        (folders[0] / "clients.csv").rename(folders[0] / "klienter.csv")

    def move(folders: list[Path]) -> None:  # m002's clients file in m003's folder
        shutil.copyfile(folders[1] / "clients.csv", folders[2] / "clients.csv")

    def back(folders: list[Path]) -> None:
        (folders[0] / "klienter.csv").rename(folders[0] / "clients.csv")
        for folder in folders:
            for file in folder.glob("*.csv"):
                file.write_bytes((study / folder.name / file.name).read_bytes())

    def folder_renamed(folders: list[Path]) -> None:  # its code stays m001 (in its file)
        folders[0].rename(folders[0].with_name("kommun-1"))

    full_url = _second_url(db_url, tmp_path, request)
    _full_and_incremental(study, tmp_path, db_url, full_url, [rename, move, back, folder_renamed])


def test_a_folder_given_another_code_and_back(
    db_url: str, study: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    def code(new: str) -> Any:
        def change(folders: list[Path]) -> None:
            file = folders[2] / "municipality.csv"  # m003: no other folder names it
            header, rows = _read(file)
            rows[0][header.index("code")] = new
            _write(file, header, rows)

        return change

    def touch_clients(folders: list[Path]) -> None:
        _edit(folders[2] / "clients.csv", _model_changed(7))

    full_url = _second_url(db_url, tmp_path, request)
    _full_and_incremental(
        study,
        tmp_path,
        db_url,
        full_url,
        [code("m009"), touch_clients, code("m003"), code("m009"), touch_clients],
    )


def _set(url: str, table: Any, **values: Any) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(update(table).values(**values))
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "stored",
    [
        {"table": import_file, "source_tool": "my-profile"},  # read last by a profile
        {"table": import_run, "tool_version": "0.0.1"},  # by another version of the tool
    ],
    ids=["profile", "tool-version"],
)
def test_the_same_bytes_read_last_time_otherwise_are_read_again(
    db_url: str,
    study: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stored: dict[str, Any],
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    values = {name: value for name, value in stored.items() if name != "table"}
    _set(db_url, stored["table"], **values)
    _edit(folders[0] / "clients.csv", _model_changed(5))
    reads = _Reads(monkeypatch)

    batch = _validate(db_url, folders)

    # nothing is taken as its last import's: every file of every folder is read
    every = {str(file.relative_to(tmp_path / "a")) for f in folders for file in f.glob("*.csv")}
    assert reads.names(tmp_path / "a") == every
    assert batch.report.valid


def test_a_header_in_another_language_types_every_row_of_the_file(
    db_url: str, study: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    swedish = {"id": "inventarienummer", "kind": "typ", "model": "modell"}

    def translate(folders: list[Path]) -> None:  # the same cells, Swedish headers
        header, rows = _read(folders[1] / "clients.csv")
        _write(folders[1] / "clients.csv", [swedish.get(name, name) for name in header], rows)

    full_url = _second_url(db_url, tmp_path, request)
    _full_and_incremental(study, tmp_path, db_url, full_url, [translate, lambda folders: None])


def test_a_file_not_read_still_names_its_records_for_a_folder_left_unread(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    """m002's links name m001:DC1; m001's sites file is not read (its bytes are the last
    import's) while its clients file is: m002's folder stays unread (DC1 is still
    there, the stored keys stand for the file)."""
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    _edit(folders[0] / "clients.csv", _model_changed(10))

    batch = _validate(db_url, folders)

    assert batch.report.valid
    assert [m.code for m in batch.municipalities] == ["m001"]
    assert sorted(found.code for found in batch.unchanged) == ["m002", "m003"]


# --- a full read and an incremental read store the same, files restored included ----

_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["change", "delete", "restore", "rename", "code", "swap-files"]),
        st.integers(0, 2),  # the municipality
        st.integers(0, 10_000),  # the row
    ),
    min_size=1,
    max_size=5,
)


def _apply(study: Path, folders: list[Path], edits: list[tuple[str, int, int]]) -> None:
    for what, number, at in edits:
        folder = folders[number]
        clients = folder / "clients.csv"
        if not clients.exists():
            clients = folder / "klienter.csv"
        if what == "restore":  # every file of the folder back to its first import's bytes
            for file in folder.glob("*.csv"):
                original = study / folder.name / file.name
                if original.exists():
                    file.write_bytes(original.read_bytes())
            continue
        if what == "rename":
            clients.rename(
                folder / ("klienter.csv" if clients.name == "clients.csv" else "clients.csv")
            )
            continue
        if what == "code":
            file = folder / "municipality.csv"
            header, rows = _read(file)
            rows[0][header.index("code")] = f"{rows[0][header.index('code')]}x"
            _write(file, header, rows)
            continue
        if what == "swap-files":
            other = folders[(number + 1) % len(folders)] / "storage.csv"
            mine, theirs = (folder / "storage.csv").read_bytes(), other.read_bytes()
            (folder / "storage.csv").write_bytes(theirs)
            other.write_bytes(mine)
            continue
        header, rows = _read(clients)
        row = at % len(rows)
        if what == "change":
            rows[row][header.index("model")] += " (2)"
        elif what == "delete":
            del rows[row]
        _write(clients, header, rows)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(first=_EDITS, second=_EDITS)
def test_a_full_and_an_incremental_read_store_the_same_over_two_reimports(
    study: Path, tmp_path: Path, first: list[tuple[str, int, int]], second: list[Any]
) -> None:
    results: dict[str, Any] = {}
    for mode in ("incremental", "full"):
        root = tmp_path / mode
        if root.exists():
            shutil.rmtree(root)
        root.mkdir()
        url = f"sqlite:///{root / 'inventory.db'}"
        folders = _copy(study, root / "study")
        _import(url, folders)
        seen: list[Any] = []
        for edits in (first, second):
            _apply(study, folders, edits)
            batch: ImportBatch = _validate(url, folders, full=mode == "full")
            seen.append(_relative_places(batch, root))
            if batch.report.valid:
                with InventoryStore(url) as store:
                    store.import_batch(batch)
            seen.append(_comparable(_stored(url), root))
        results[mode] = seen
    assert results["incremental"] == results["full"]


def test_sources_of_files_not_read_are_what_the_store_records(study: Path, tmp_path: Path) -> None:
    """The table standing for a file not read records the file as its last import did
    (format, encoding, delimiter, header mapping, rows)."""
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    folders = _copy(study, tmp_path / "a")
    _import(url, folders)
    _edit(folders[0] / "clients.csv", _model_changed(10))
    first = _comparable(_stored(url), tmp_path / "a")["import_file"]
    batch = _validate(url, folders)
    sources = [file.source for file in batch.kept_rows.files if file.code is not None]
    assert len(sources) == 9  # m001's files but its clients (m002, m003: folders unread)
    assert all(isinstance(source, SourceTable) for source in sources)
    with InventoryStore(url) as store:
        store.import_batch(batch)
    rows = _comparable(_stored(url), tmp_path / "a")["import_file"]
    second_run = [row[1:] for row in rows if row[0] == 2]
    # every file but m001's clients is recorded in the second run as the first run did
    assert len(second_run) == 30
    assert sorted(row for row in second_run if row[2] != "m001/clients.csv") == sorted(
        row[1:] for row in first if row[3] != "m001/clients.csv"
    )


def test_the_samples_with_a_workbook_and_swedish_file_names(
    db_url: str, samples_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The five samples (Värnamo's applications in a workbook, Gnosjö's files under
    Swedish names, links between the municipalities): clients changed in two of them,
    then the workbook replaced by the same bytes, then one of its rows changed."""
    study_copy = tmp_path / "samples"
    for name in ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo"):
        shutil.copytree(samples_dir / name, study_copy / name)

    def clients(folders: list[Path]) -> None:
        for folder in folders:
            if folder.name in ("varnamo", "gnosjo"):
                file = next(folder.glob("*lient*.csv"))
                header, rows = _read(file)
                model = header.index("model" if "model" in header else "modell")
                for row in rows[::4]:
                    row[model] = f"{row[model]} (2)"
                _write(file, header, rows)

    def same_workbook(folders: list[Path]) -> None:
        workbook = next(f for f in folders if f.name == "varnamo") / "verksamhetssystem.xlsx"
        workbook.write_bytes(workbook.read_bytes())

    saved: list[bytes] = []  # the edited workbook's bytes, the same in both copies

    def workbook_row(folders: list[Path]) -> None:
        import openpyxl

        workbook_path = next(f for f in folders if f.name == "varnamo") / "verksamhetssystem.xlsx"
        if saved:
            workbook_path.write_bytes(saved[0])
            return
        workbook = openpyxl.load_workbook(workbook_path)
        sheet = workbook.worksheets[0]
        for column in range(1, sheet.max_column + 1):
            if str(sheet.cell(1, column).value).strip().lower() in ("versjon", "version"):
                sheet.cell(2, column).value = f"{sheet.cell(2, column).value}.1"
                break
        else:
            raise AssertionError("no version column in the workbook")
        workbook.save(workbook_path)
        saved.append(workbook_path.read_bytes())

    full_url = _second_url(db_url, tmp_path, request)
    _full_and_incremental(
        study_copy,
        tmp_path,
        db_url,
        full_url,
        [clients, same_workbook, workbook_row, clients],
        notes_repeated=False,  # e.g. Gnosjö's servrar.csv: encoding-detected, read once
    )


def test_a_reread_records_the_raw_hashes_for_the_next_import(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    """``--reread`` reads every file and row, and records their raw hashes: records
    stored without one (before migration 0005) are recognised by the next import."""
    from inventory.api import import_folders
    from inventory.store.schema import RAW_HASH, RECORD_TABLES

    folders = _copy(study, tmp_path / "a")
    import_folders(folders, db_url)
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            for table in RECORD_TABLES.values():
                connection.execute(update(table).values({RAW_HASH: None}))
    finally:
        engine.dispose()

    reread = import_folders(folders, db_url, reread=True)

    assert reread.result.rows_not_validated == 0
    assert "rows_unchanged" not in reread.batch.report.stats
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            for kind, table in RECORD_TABLES.items():
                missing = connection.execute(
                    select(table.c.municipality).where(table.c[RAW_HASH].is_(None))
                ).all()
                assert missing == [], kind
    finally:
        engine.dispose()
    _edit(folders[0] / "clients.csv", _model_changed(1000))  # its first row
    # m002 and m003: folders unchanged, not read (not counted); m001: all but that row
    rows = sum(len(_read(file)[1]) for file in folders[0].glob("*.csv"))
    again = import_folders(folders, db_url)
    assert [found.code for found in again.batch.unchanged] == ["m002", "m003"]
    assert again.result.rows_not_validated == rows - 1
    assert again.result.totals.updated == 1
