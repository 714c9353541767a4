"""``inventory stats``'s counts: read with ``sqlite3`` from a plain SQLite file at the newest
schema, through the engine otherwise, the same either way (issue 17: an instant CLI).

Real databases only: the samples stored on SQLite and PostgreSQL, a file with a newer
schema, a file that is not a database, one not created yet.
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from inventory.errors import StoreError
from inventory.models import RECORD_KINDS
from inventory.store import InventoryStore
from inventory.store.counts import STORED_KINDS, _current_sqlite_counts, stored_counts
from inventory.store.database_file import sqlite_file
from inventory.store.engine import database_url
from inventory.validate.batch import ImportBatch

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_the_kinds_counted_are_the_models_in_import_order() -> None:
    assert STORED_KINDS == RECORD_KINDS


def _gnosjo_clients() -> tuple[int, int]:
    """Gnosjö's client rows and devices, read from its file (``antal`` is the quantity)."""
    with (SAMPLES / "gnosjo" / "klienter.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return len(rows), sum(int(row["antal"] or 1) for row in rows)


def test_sqlite_and_the_engine_count_the_same(db_url: str, sample_batch: ImportBatch) -> None:
    with InventoryStore(db_url) as store:
        store.import_batch(sample_batch)
        through_engine = store.stats()
    counts = stored_counts(db_url)
    assert counts == through_engine
    path = sqlite_file(db_url)
    if path is not None:  # the same file read by sqlite3 itself
        assert _current_sqlite_counts(path) == through_engine
    clients, devices = _gnosjo_clients()
    assert (clients, devices) == (36, 2319)
    gnosjo = counts["municipalities"]["gnosjo"]
    assert (gnosjo["client"], gnosjo["client_devices"]) == (clients, devices)
    assert counts["totals"]["server"] == 422
    assert sorted(counts["municipalities"]) == [
        "gislaved",
        "gnosjo",
        "hylte",
        "vaggeryd",
        "varnamo",
    ]
    assert counts["import_runs"] == 1
    assert list(counts["totals"]) == [*RECORD_KINDS, "client_devices"]
    assert all(
        list(kinds) == [*RECORD_KINDS, "client_devices"]
        for kinds in counts["municipalities"].values()
    )


def test_a_database_sqlite3_does_not_read_goes_through_the_engine(
    samples_db: str, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.db"
    shutil.copy(samples_db.removeprefix("sqlite:///"), newer)
    with closing(sqlite3.connect(newer)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
        connection.commit()
    assert _current_sqlite_counts(newer) is None
    with pytest.raises(StoreError, match="newer version"):
        stored_counts(f"sqlite:///{newer}")

    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("not a database\n")
    assert _current_sqlite_counts(not_a_database) is None
    with pytest.raises(StoreError, match="not an SQLite database"):
        stored_counts(f"sqlite:///{not_a_database}")
    assert not_a_database.read_text() == "not a database\n"

    new = tmp_path / "new.db"  # not there yet: the engine creates it, as before
    assert _current_sqlite_counts(new) is None
    counts = stored_counts(f"sqlite:///{new}")
    assert counts["municipalities"] == {} and counts["import_runs"] == 0
    assert counts["totals"] == dict.fromkeys([*RECORD_KINDS, "client_devices"], 0)
    assert new.is_file()


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///inventory.db", "inventory.db"),
        ("sqlite:////srv/inventory/kommun.db", "/srv/inventory/kommun.db"),
        ("sqlite+pysqlite:///data/inventory.db", "data/inventory.db"),
        ("sqlite:////tmp/with%20space%25.db", "/tmp/with space%.db"),
        ("sqlite:///C:\\inventering\\inventory.db", "C:\\inventering\\inventory.db"),
    ],
)
def test_the_file_of_a_plain_sqlite_url(url: str, path: str) -> None:
    assert sqlite_file(url) == Path(path)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///",
        "sqlite:///:memory:",
        "sqlite:///file:inventory.db?mode=ro&uri=true",
        "sqlite:///inventory.db?timeout=5",
        "sqlite+aiosqlite:///inventory.db",
        "sqlite+pysqlcipher://:secret@/inventory.db",
        "SQLITE:///inventory.db",
        "postgresql+psycopg://ann@db.kommun.se/inventory",
        "/var/lib/inventory.db",
        "inventory.db",
    ],
)
def test_other_urls_are_left_to_the_engine(url: str) -> None:
    assert sqlite_file(url) is None


@given(st.text(min_size=1).filter(lambda text: "\x00" not in text))
def test_the_file_is_the_one_sqlalchemy_opens(database: str) -> None:
    """Whatever follows ``sqlite:///``: either left to the engine, or a valid ``--db`` of
    the very file SQLAlchemy's SQLite driver opens (it takes ``abspath`` of the database)."""
    for scheme in ("sqlite", "sqlite+pysqlite"):
        url = f"{scheme}:///{database}"
        path = sqlite_file(url)
        if path is None:
            continue
        parsed = database_url(url)  # a valid --db: no StoreError
        assert parsed.get_backend_name() == "sqlite" and parsed.get_driver_name() == "pysqlite"
        assert parsed.host is None and not parsed.query
        assert parsed.database is not None
        assert os.path.abspath(path) == os.path.abspath(parsed.database)
        assert make_url(url).database == parsed.database
