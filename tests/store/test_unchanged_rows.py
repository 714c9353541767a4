"""Re-importing files in which a few rows changed: the rows unchanged since their import
are recognised by their raw hash and not typed nor checked again, with exactly the stored
tables, errors and places of a full read (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select

from inventory.store import InventoryStore, stored_known_keys
from inventory.store.schema import (
    FILE_ID,
    RECORD_TABLES,
    import_file,
    record_change,
    reference,
)
from inventory.store.unchanged import unchanged_folders
from inventory.synth import SynthOptions, generate_inventories
from inventory.validate import ImportBatch, validate_paths

#: Three small municipalities; each names a site of the one before (links.csv, ``code:id``).
OPTIONS = SynthOptions(
    municipalities=3, seed=1, client_rows_per_inhabitant=0.002, servers_per_inhabitant=0.0005
)


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rows")
    generate_inventories(root, OPTIONS)
    return root


def _copy(study: Path, target: Path) -> list[Path]:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(study, target)
    return sorted(path for path in target.iterdir() if path.is_dir())


def _validate(url: str, folders: list[Path], *, full: bool = False) -> ImportBatch:
    """What ``inventory import`` validates; ``full``: every row typed (``--reread``, the
    raw hashes still recorded)."""
    check = unchanged_folders(url)
    assert check is not None
    if full:
        check = check.rows.full_check()
    return validate_paths(folders, known_keys=stored_known_keys(url), unchanged=check)


def _import(url: str, folders: list[Path], *, full: bool = False, prune: bool = False) -> Any:
    batch = _validate(url, folders, full=full)
    assert batch.report.valid, batch.report.issues[:3]
    with InventoryStore(url) as store:
        return store.import_batch(batch, prune=prune)


def _read(file: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8"))))
    return rows[0], rows[1:]


def _write(file: Path, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    file.write_text(out.getvalue(), encoding="utf-8")


def _edit(file: Path, change: Callable[[list[str], list[list[str]]], list[list[str]]]) -> None:
    header, rows = _read(file)
    _write(file, header, change(header, rows))


def _stored(url: str) -> dict[str, Any]:
    """Every stored table as compared between two databases: the records (without the
    ``import_file`` id: files kept whole are recorded after the others), the files of each
    run, the changes and the references (without their row ids)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables: dict[str, Any] = {
                kind: sorted(
                    connection.execute(
                        select(*(column for column in table.c if column.name != FILE_ID))
                    ).all(),
                    key=repr,
                )
                for kind, table in RECORD_TABLES.items()
            }
            tables["import_file"] = sorted(
                connection.execute(select(*(c for c in import_file.c if c.name != "id"))).all(),
                key=repr,
            )
            tables["record_change"] = sorted(
                connection.execute(select(*(c for c in record_change.c if c.name != "id"))).all(),
                key=repr,
            )
            tables["reference"] = sorted(
                connection.execute(select(*(c for c in reference.c if c.name != "id"))).all(),
                key=repr,
            )
            return tables
    finally:
        engine.dispose()


def full_read_stats(folders: list[Path]) -> dict[str, int]:
    """The rows per record kind a plain read of ``folders`` counts."""
    rows: dict[str, int] = validate_paths(folders).report.stats["rows"]
    return rows


def _places(batch: ImportBatch) -> list[tuple[Any, ...]]:
    return [
        (i.code, i.severity, i.file, i.sheet, i.line, i.row, i.column, i.value, i.municipality)
        for i in batch.report.issues
    ]


def _second_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Another fresh database of the same kind as ``db_url``."""
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'full.db'}"
    from tests.conftest import _create_postgres_database

    server: str = request.getfixturevalue("postgres_server")
    return _create_postgres_database(server)


def _model_changed(every: int) -> Callable[[list[str], list[list[str]]], list[list[str]]]:
    def change(header: list[str], rows: list[list[str]]) -> list[list[str]]:
        model = header.index("model")
        for row in rows[::every]:
            row[model] = f"{row[model]} (2)"
        return rows

    return change


def test_one_percent_changed_in_every_municipality(
    db_url: str, study: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    before = _stored(db_url)
    changed = 0
    for folder in folders:
        _header, rows = _read(folder / "clients.csv")
        changed += len(rows[::100])
        _edit(folder / "clients.csv", _model_changed(100))
    total = sum(len(_read(file)[1]) for folder in folders for file in folder.glob("*.csv"))

    batch = _validate(db_url, folders)
    with InventoryStore(db_url) as store:
        result = store.import_batch(batch)

    # Typed: the changed client rows; the rest is kept (the files byte for byte their
    # last import's are not even read).
    assert batch.report.stats["rows_unchanged"] == total - changed
    assert result.rows_not_validated == total - changed
    assert batch.report.stats["rows"] == full_read_stats(folders)
    assert result.totals.updated == changed
    assert (result.totals.created, result.totals.deleted) == (0, 0)
    assert result.totals.unchanged == total - changed
    after = _stored(db_url)
    for kind in RECORD_TABLES:
        if kind != "client":
            assert after[kind] == before[kind]
    updated = [row for row in after["client"] if row not in before["client"]]
    assert len(updated) == changed
    assert all(row.model.endswith(" (2)") for row in updated)
    assert result.run_id is not None
    with InventoryStore(db_url) as store:
        difference = store.diff(result.run_id - 1, result.run_id)
    assert len(difference.records) == changed
    assert {(r.kind, r.change, tuple(r.fields)) for r in difference.records} == {
        ("client", "updated", ("model",))
    }
    # Exactly what a full read stores.
    full_url = _second_url(db_url, tmp_path, request)
    full_folders = _copy(study, tmp_path / "b")
    _import(full_url, full_folders)
    for folder in full_folders:
        _edit(folder / "clients.csv", _model_changed(100))
    _import(full_url, full_folders, full=True)
    full = _stored(full_url)
    for name in after:
        if name == "import_file":  # the paths differ (two copies)
            assert len(after[name]) == len(full[name])
            continue
        assert after[name] == full[name], name


def test_a_changed_row_removing_a_referenced_site_is_the_full_reads_error(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    before = _stored(db_url)

    def rename(header: list[str], rows: list[list[str]]) -> list[list[str]]:
        rows[0][0] = "DC9"  # DC1 of m001: m002's links name m001:DC1, m001's own rows DC1
        return rows

    _edit(folders[0] / "sites.csv", rename)
    _edit(folders[0] / "clients.csv", _model_changed(50))

    batch = _validate(db_url, folders)

    assert not batch.report.valid
    full = validate_paths(folders, known_keys=stored_known_keys(db_url))
    assert _places(batch) == _places(full)
    assert any(
        issue.code == "dangling-reference" and issue.value == "m001:DC1"
        for issue in batch.report.issues
    )
    assert "rows_unchanged" not in batch.report.stats  # everything was read
    assert _stored(db_url) == before  # nothing written


def test_a_changed_row_taking_the_key_of_an_unchanged_row_is_a_duplicate(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    before = _stored(db_url)

    def take_key(header: list[str], rows: list[list[str]]) -> list[list[str]]:
        rows[5][0] = rows[1][0]  # row 6 takes the key of row 2 (unchanged)
        return rows

    _edit(folders[1] / "clients.csv", take_key)

    batch = _validate(db_url, folders)

    full = validate_paths(folders, known_keys=stored_known_keys(db_url))
    assert not batch.report.valid
    assert _places(batch) == _places(full)
    [duplicate] = [i for i in batch.report.issues if i.code == "duplicate-key"]
    assert (duplicate.file, duplicate.row, duplicate.line) == (
        str(folders[1] / "clients.csv"),
        6,
        7,
    )
    assert _stored(db_url) == before


@pytest.mark.parametrize("prune", [False, True])
def test_a_deleted_row(db_url: str, study: Path, tmp_path: Path, prune: bool) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    header, rows = _read(folders[2] / "clients.csv")
    gone = rows[3][0]
    _write(folders[2] / "clients.csv", header, rows[:3] + rows[4:])
    _edit(folders[2] / "applications.csv", lambda header, rows: rows[:1] + rows[2:])

    result = _import(db_url, folders, prune=prune)

    assert result.totals.deleted == (2 if prune else 0)
    assert (result.totals.created, result.totals.updated) == (0, 0)
    with InventoryStore(db_url) as store:
        clients = store.records("client")
    assert (gone in set(clients["id"][clients["municipality"] == "m003"])) is not prune


def test_reordered_rows_change_nothing(db_url: str, study: Path, tmp_path: Path) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    before = _stored(db_url)
    total = 0
    for folder in folders:
        for file in folder.glob("*.csv"):
            header, rows = _read(file)
            total += len(rows)
            if file.name != "municipality.csv":
                _write(file, header, rows[::-1])

    batch = _validate(db_url, folders)
    with InventoryStore(db_url) as store:
        result = store.import_batch(batch)

    assert batch.report.stats["rows_unchanged"] == total  # (municipality.csv: not read)
    assert (result.totals.created, result.totals.updated, result.totals.deleted) == (0, 0, 0)
    after = _stored(db_url)
    for kind in RECORD_TABLES:
        assert after[kind] == before[kind]


# --- a full read and an incremental read store the same --------------------------------

_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["change", "delete", "duplicate", "swap", "add", "site", "key"]),
        st.integers(0, 2),  # the municipality
        st.integers(0, 10_000),  # the row
    ),
    min_size=1,
    max_size=4,
)


def _apply(folders: list[Path], edits: list[tuple[str, int, int]]) -> None:
    for what, number, at in edits:
        folder = folders[number]
        file = folder / ("sites.csv" if what == "site" else "clients.csv")
        header, rows = _read(file)
        row = at % len(rows)
        if what == "change":
            rows[row][header.index("model")] += " (2)"
        elif what == "delete":
            del rows[row]
        elif what == "duplicate":
            rows.append(list(rows[row]))
        elif what == "swap":
            rows[0], rows[row] = rows[row], rows[0]
        elif what == "add":
            rows.append([f"N{at}", *rows[row][1:]])
        elif what == "site":
            rows[row][0] = f"{rows[row][0]}X"
        elif what == "key":
            rows[row][0] = rows[(row + 1) % len(rows)][0]
        _write(file, header, rows)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=_EDITS, prune=st.booleans())
def test_a_full_and_an_incremental_read_store_the_same(
    study: Path, tmp_path: Path, edits: list[tuple[str, int, int]], prune: bool
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
        _apply(folders, edits)
        batch = _validate(url, folders, full=mode == "full")
        places = [
            (
                i.code,
                i.severity,
                Path(i.file).relative_to(root) if i.file else None,
                i.line,
                i.row,
                i.column,
                i.value,
            )
            for i in batch.report.issues
        ]
        if batch.report.valid:
            with InventoryStore(url) as store:
                store.import_batch(batch, prune=prune)
        stored = _stored(url)
        stored.pop("import_file")  # its paths name the copy
        results[mode] = (batch.report.valid, places, stored)
    assert results["incremental"] == results["full"]


def test_another_tool_version_types_every_row(
    db_url: str, study: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    _edit(folders[0] / "clients.csv", _model_changed(10))
    import inventory.store.rawrows as rawrows

    monkeypatch.setattr(rawrows, "__version__", "99.0.0")  # the salt of the raw hashes

    batch = _validate(db_url, folders)

    # m001's changed clients file: none of its rows is recognised; its other files are the
    # bytes its last import read (SHA-256): not read. m002 and m003 are not read at all.
    clients = len(_read(folders[0] / "clients.csv")[1])
    rows = sum(len(_read(file)[1]) for file in folders[0].glob("*.csv"))
    assert batch.report.valid
    assert [m.code for m in batch.municipalities] == ["m001"]
    assert batch.report.stats["rows_unchanged"] == rows - clients
