"""``import_file.raw_hashes`` (migration 0007): each imported file records the raw hash of
each of its rows, in its order, so that a re-import reads a municipality's stored raw
hashes from its last file instead of from every record (SQLite and PostgreSQL).

The reference is the records themselves: the raw hash each record stores, in the order
of its line in the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from alembic import command
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from sqlalchemy import create_engine, func, select, update

from inventory.store.engine import alembic_config
from inventory.store.rawrows import raw_blob, raw_from_blob
from inventory.store.schema import (
    FILE_RAW_HASHES,
    RAW_HASH,
    RECORD_TABLES,
    SOURCE_LINE,
    import_file,
)
from inventory.store.unchanged import unchanged_folders
from tests.store.test_unchanged_rows import (
    OPTIONS,
    _copy,
    _edit,
    _import,
    _model_changed,
    _read,
    _second_url,
    _stored,
)


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from inventory.synth import generate_inventories

    root = tmp_path_factory.mktemp("raw-hashes")
    generate_inventories(root, OPTIONS)
    return root


def _last_files(url: str) -> list[tuple[str, str, int, Any]]:
    """The last run's files: municipality, kind, rows, raw hashes (bytes or None)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            last = connection.execute(select(func.max(import_file.c.run_id))).scalar_one()
            return [
                (str(code), str(kind), int(rows), None if blob is None else bytes(blob))
                for code, kind, rows, blob in connection.execute(
                    select(
                        import_file.c.municipality,
                        import_file.c.kind,
                        import_file.c.rows,
                        import_file.c[FILE_RAW_HASHES],
                    )
                    .where(import_file.c.run_id == last)
                    .order_by(import_file.c.id)
                )
            ]
    finally:
        engine.dispose()


def _records_raw(url: str, code: str, kind: str) -> list[int]:
    """The raw hashes of a municipality's records of a kind, in the order of their lines."""
    table = RECORD_TABLES[kind]
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [
                int(raw)
                for (raw,) in connection.execute(
                    select(table.c[RAW_HASH])
                    .where(table.c.municipality == code)
                    .order_by(table.c[SOURCE_LINE])
                )
            ]
    finally:
        engine.dispose()


def _check_recorded(url: str) -> int:
    """Every file of the last run records its records' raw hashes in line order; returns
    how many files were checked."""
    files = _last_files(url)
    assert files
    for code, kind, rows, blob in files:
        assert blob is not None, (code, kind)
        assert len(blob) == 8 * rows
        recorded = np.frombuffer(blob, dtype="<i8").tolist()
        assert recorded == _records_raw(url, code, kind), (code, kind)
    return len(files)


def test_every_file_records_the_raw_hashes_of_its_rows(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    first = _check_recorded(db_url)
    # A row changed in each client file but the last folder's: the files typed in part,
    # those left out as byte for byte their last import's and the folder left unread
    # all record the raw hashes of their records.
    for folder in folders[:-1]:
        _edit(folder / "clients.csv", _model_changed(7))
    result = _import(db_url, folders)
    assert result.totals.updated > 0
    assert _check_recorded(db_url) == first
    # And once more with nothing changed: every folder left unread, the hashes carried.
    _import(db_url, folders)
    assert _check_recorded(db_url) == first


def forget_file_hashes(url: str) -> None:
    """Every file's recorded raw hashes dropped (as in a database from before 0007)."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(update(import_file).values({FILE_RAW_HASHES: None}))
    engine.dispose()


def test_the_recorded_hashes_stand_for_the_records(
    db_url: str, study: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A re-import that reads the stored raw hashes from the files' records stores what
    one reading them from the records stores (the same database with the recorded hashes
    removed)."""
    results: dict[str, Any] = {}
    for mode in ("recorded", "removed"):
        url = db_url if mode == "recorded" else _second_url(db_url, tmp_path, request)
        folders = _copy(study, tmp_path / mode)
        _import(url, folders)
        if mode == "removed":
            forget_file_hashes(url)
        check = unchanged_folders(url)
        assert check is not None
        assert bool(check.rows.last_raw) == (mode == "recorded")
        check.rows.close()
        for folder in folders:
            _edit(folder / "clients.csv", _model_changed(5))
        result = _import(url, folders)
        stored = _stored(url)
        stored.pop("import_file")  # its paths name the copy
        results[mode] = (result.totals, result.rows_not_validated, stored)
    assert results["recorded"] == results["removed"]
    assert results["recorded"][1] > 0  # rows were recognised unchanged


def test_a_database_from_before_0007_reads_the_records(
    db_url: str, study: Path, tmp_path: Path
) -> None:
    folders = _copy(study, tmp_path / "a")
    _import(db_url, folders)
    engine = create_engine(db_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006")
    engine.dispose()
    changed = 0
    for folder in folders:
        changed += len(_read(folder / "clients.csv")[1][::3])
        _edit(folder / "clients.csv", _model_changed(3))
    result = _import(db_url, folders)  # (migrated to 0007 on opening: no hashes recorded)
    total = sum(len(_read(file)[1]) for folder in folders for file in folder.glob("*.csv"))
    assert result.totals.updated == changed
    assert result.rows_not_validated == total - changed
    # The client files, read in part, record their hashes; the files left out as byte
    # for byte their last import's cannot (the earlier import recorded none).
    files = _last_files(db_url)
    assert all(blob is not None for _code, kind, _rows, blob in files if kind == "client")
    for code, kind, _rows, blob in files:
        if blob is not None:
            assert np.frombuffer(blob, dtype="<i8").tolist() == _records_raw(db_url, code, kind)


@given(hnp.arrays(np.int64, st.integers(0, 50)))
def test_a_blob_holds_the_hashes_as_they_are(hashes: np.ndarray[Any, Any]) -> None:
    blob = raw_blob(hashes, len(hashes))
    assert blob is not None and len(blob) == 8 * len(hashes)
    assert blob == b"".join(int(value).to_bytes(8, "little", signed=True) for value in hashes)
    back = raw_from_blob(blob, len(hashes))
    assert back is not None and back.dtype == np.int64
    assert back.tolist() == hashes.tolist()
    # not one hash per row: not used
    assert raw_from_blob(blob, len(hashes) + 1) is None
    assert raw_blob(hashes, len(hashes) + 1) is None
    assert raw_blob(None, 0) is None and raw_from_blob(None, 0) is None
