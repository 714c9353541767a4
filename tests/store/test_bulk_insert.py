"""A large file is stored row for row as written, whichever way its rows reach the
database (several rows to an INSERT on SQLite, COPY on PostgreSQL): every value, the
provenance of each row and the run's record of what it created."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from inventory.store import InventoryStore, importer
from tests.helpers import dump_tables, make_batch

ROWS = 1_301  # 20 INSERTs of 64 rows and 21 rows one by one (64 * 20 + 21)


def _client(index: int) -> dict[str, Any]:
    """Client ``index`` (0-based): values computed from its number, some left out."""
    return {
        "id": f"C{index:05d}",
        "kind": ["laptop", "desktop", "chromebook"][index % 3],
        "vendor": "O'Neil Ö" if index % 4 == 0 else "Dell",
        "model": None if index % 7 == 0 else f"Latitude {5400 + index % 5}",
        "quantity": None if index % 5 == 0 else index % 9 + 1,
        "purchase_date": dt.date(2020, 1, 1) + dt.timedelta(days=index % 400),
        "warranty_end": None if index % 3 == 0 else dt.date(2025, 12, 31),
    }


def _batch() -> Any:
    clients = [_client(index) for index in range(ROWS)]
    return make_batch({"gnosjo": {"client": clients}, "o'hylte": {"client": clients[:3]}})


def _stored_clients(url: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(
                connection.execute(
                    text(
                        "SELECT id, kind, vendor, model, quantity, purchase_date, warranty_end,"
                        " support_end, source_line FROM client WHERE municipality = 'gnosjo'"
                        " ORDER BY id"
                    )
                )
            )
    finally:
        engine.dispose()


def _date(value: Any) -> dt.date | None:
    """A stored date as a date (SQLite holds ISO text; read raw here)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def test_a_large_file_is_stored_value_for_value(db_url: str) -> None:
    with InventoryStore(db_url) as store:
        result = store.import_batch(_batch())
    assert result.to_json()["municipalities"]["gnosjo"]["client"]["created"] == ROWS
    assert result.to_json()["municipalities"]["o'hylte"]["client"]["created"] == 3
    stored = _stored_clients(db_url)
    assert len(stored) == ROWS
    for index, row in enumerate(stored):
        client = _client(index)
        assert row[:5] == (
            client["id"],
            client["kind"],
            client["vendor"],
            client["model"],
            client["quantity"],
        ), index
        assert _date(row[5]) == client["purchase_date"], index
        assert _date(row[6]) == client["warranty_end"], index
        assert row[7] is None  # support_end: in no row
        assert row[8] == index + 2  # its line in the file (header on line 1)
    if db_url.startswith("sqlite"):
        assert stored[1][5] == "2020-01-02"  # dates as ISO text, as SQLAlchemy writes them
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            created = connection.execute(
                text(
                    "SELECT record_id, change, fields FROM record_change"
                    " WHERE municipality = 'gnosjo' AND kind = 'client'"
                )
            ).all()
    finally:
        engine.dispose()
    assert [(row[0], row[1]) for row in created] == [("C00000", "created_many")]
    assert json.loads(created[0][2]) == [f"C{index:05d}" for index in range(ROWS)]


def test_rows_several_to_an_insert_store_what_rows_one_by_one_store(
    db_url: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The same batch stored into a second database with every row in an INSERT of its
    own: every table holds the same rows (ids and row hashes included), but the run's
    timestamps."""
    with InventoryStore(db_url) as store:
        store.import_batch(_batch())
    one_by_one_url = (
        f"sqlite:///{tmp_path / 'one-by-one.db'}"
        if db_url.startswith("sqlite")
        else request.getfixturevalue("postgres_database")()
    )
    monkeypatch.setattr(importer, "_MULTI_ROW_FROM", 10**9)
    with InventoryStore(one_by_one_url) as store:
        store.import_batch(_batch())
    several, one_by_one = dump_tables(db_url), dump_tables(one_by_one_url)
    assert sorted(several) == sorted(one_by_one)
    for name in several:
        if name != "import_run":  # its timestamps
            assert one_by_one[name] == several[name], name
