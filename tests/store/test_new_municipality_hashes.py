"""A municipality imported for the first time into a database that holds others: its raw
hashes are not asked of the database (the records each municipality holds are counted once
with its last runs: it holds none), and everything stored is a full read's (SQLite and
PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from tests.store.test_file_raw_hashes import forget_file_hashes
from tests.store.test_unchanged_rows import (
    _copy,
    _edit,
    _import,
    _model_changed,
    _second_url,
    _stored,
)
from tests.store.test_unchanged_rows import study as study  # the fixture
from tests.store.test_unread_files import _Reads


class _RawHashQueries:
    """The statements that read stored raw hashes (``RawRows._load``), while it listens."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, *args: Any) -> None:
        statement = str(args[2])
        if "raw_hash" in statement and ("group_concat" in statement or "string_agg" in statement):
            self.statements.append(statement)


def test_a_new_municipality_asks_no_stored_hashes_and_stores_a_full_reads_tables(
    db_url: str,
    study: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folders = _copy(study, tmp_path / "study")
    first, rest = folders[:1], folders[1:]
    assert rest, "the study has more than one municipality"
    _import(db_url, first)
    listening, reads = _RawHashQueries(), _Reads(monkeypatch)
    event.listen(Engine, "before_cursor_execute", listening)
    try:
        _import(db_url, folders)  # the first folder unchanged, the others new
    finally:
        event.remove(Engine, "before_cursor_execute", listening)
    assert listening.statements == []
    # each new file read once: nothing made the batch read again in full
    new_files = sorted(file for folder in rest for file in folder.glob("*.csv"))
    assert sorted(reads.paths) == new_files
    full = _second_url(db_url, tmp_path, request)
    _import(full, first)
    _import(full, folders)
    assert _stored(db_url) == _stored(full)


def test_a_changed_municipality_beside_a_new_one_still_asks_its_own(
    db_url: str, study: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Only pairs holding nothing are spared: a municipality that holds records whose
    hashes its last files do not record (a database from before 0007) is still asked,
    once for its kinds read, and the tables are a full read's."""
    folders = _copy(study, tmp_path / "study")
    first, rest = folders[:1], folders[1:]
    full = _second_url(db_url, tmp_path, request)
    for url in (db_url, full):
        _import(url, first)
        forget_file_hashes(url)
    _edit(first[0] / "clients.csv", _model_changed(50))
    listening = _RawHashQueries()
    event.listen(Engine, "before_cursor_execute", listening)
    try:
        _import(db_url, first + rest)
    finally:
        event.remove(Engine, "before_cursor_execute", listening)
    assert len(listening.statements) == 1  # the changed municipality's client hashes
    assert "client" in listening.statements[0]
    _import(full, first + rest, full=True)  # every row typed
    # the full read records the hashes of the files it read, the files left out keep
    # their last run's (none): compared without them, everything else must be equal
    for url in (db_url, full):
        forget_file_hashes(url)
    assert _stored(db_url) == _stored(full)
