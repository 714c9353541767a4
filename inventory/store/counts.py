"""``inventory stats``: how many records are stored, per municipality and record kind.

The counts are one ``GROUP BY`` per record table, written once (``count_records``) and
run by whichever connection there is. A plain SQLite file at the newest schema is read
with the standard library's ``sqlite3``, so the command starts without SQLAlchemy, the
schema's tables or the record models; any other database (PostgreSQL, an older schema to
migrate, a newer one to refuse, a file that is not a database) is opened as every command
opens it (``InventoryStore``), which also words every failure.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, TypedDict

from inventory.store.database_file import (
    BUSY_TIMEOUT_S,
    VERSION_TABLE,
    head_revision,
    sqlite_file,
)

#: The record kinds, in import order: ``inventory.models.RECORD_KINDS`` (a test checks that
#: they agree) written out, since importing the models costs more than counting.
STORED_KINDS: tuple[str, ...] = (
    "municipality",
    "site",
    "server",
    "storage",
    "network_device",
    "link",
    "zone",
    "platform",
    "client",
    "application",
)

#: Runs one SQL query and returns its rows.
Query = Callable[[str], Iterable[Sequence[Any]]]


class StoredCounts(TypedDict):
    """What ``inventory stats`` reports (``--format json`` prints it as it is)."""

    #: municipality code -> kind -> records, and ``client_devices``: the client quantities
    municipalities: dict[str, dict[str, int]]
    #: kind -> records of all municipalities, and ``client_devices``
    totals: dict[str, int]
    import_runs: int


def count_records(query: Query) -> StoredCounts:
    """The records stored per municipality and kind, totals per kind, the import runs:
    every kind appears (0 when none), ``client_devices`` adds up client quantities (a
    client row may stand for a fleet). ``query`` runs SQL on SQLite or PostgreSQL."""
    per_municipality: dict[str, dict[str, int]] = {}
    totals = dict.fromkeys(STORED_KINDS, 0)
    for kind in STORED_KINDS:
        for code, count in query(
            f'SELECT municipality, count(*) FROM "{kind}" GROUP BY municipality'
        ):
            per_municipality.setdefault(code, dict.fromkeys(STORED_KINDS, 0))[kind] = int(count)
            totals[kind] += int(count)
    devices = {
        code: int(count)
        for code, count in query(
            'SELECT municipality, sum(coalesce(quantity, 1)) FROM "client" GROUP BY municipality'
        )
    }
    ((runs,),) = query("SELECT count(*) FROM import_run")
    return {
        "municipalities": {
            code: {**per_municipality[code], "client_devices": devices.get(code, 0)}
            for code in sorted(per_municipality)
        },
        "totals": {**totals, "client_devices": sum(devices.values())},
        "import_runs": int(runs or 0),
    }


def stored_counts(url: str) -> StoredCounts:
    """What is stored in the database at ``url`` (``count_records``); ``StoreError`` when
    it cannot be read, as for every command.

    >>> counts = stored_counts(f"sqlite:///{tmp / 'inventory.db'}")  # a new, empty store
    >>> counts["import_runs"], counts["municipalities"], counts["totals"]["server"]
    (0, {}, 0)
    """
    path = sqlite_file(url)
    if path is not None:
        counts = _current_sqlite_counts(path)
        if counts is not None:
            return counts
    from inventory.store.store import InventoryStore

    with InventoryStore(url) as store:
        return store.stats()


def _current_sqlite_counts(path: Path) -> StoredCounts | None:
    """The counts of an SQLite file at the newest schema, read with ``sqlite3``; ``None``
    when the engine has to open it: no file yet (opening creates it), another schema
    revision (to migrate or refuse), or any error (which the engine words)."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)) as connection:
            if _revisions(connection) != [head_revision()]:
                return None
            return count_records(lambda sql: connection.execute(sql).fetchall())
    except sqlite3.Error:
        return None


def _revisions(connection: sqlite3.Connection) -> list[str]:
    """The revisions in Alembic's version table (none when it is not there)."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (VERSION_TABLE,)
    ).fetchone()
    if has_table is None:
        return []
    return [row[0] for row in connection.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
