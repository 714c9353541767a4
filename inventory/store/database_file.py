"""What can be known of a store without SQLAlchemy: the file a plain SQLite URL names,
and the schema revisions of this version (read from the migration scripts' file names).

``inventory stats`` reads its counts from such a file with the standard library's
``sqlite3`` when the file's schema is the newest (``inventory.store.counts``); anything
else (another driver, a query string, PostgreSQL, an older or newer schema) goes through
the engine (``inventory.store.engine``, which re-exports these names).

>>> sqlite_file("sqlite:///inventory.db")
PosixPath('inventory.db')
>>> sqlite_file("sqlite:///inventory.db?mode=ro") is None  # SQLAlchemy reads the query
True
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Seconds a writer waits for another writer before giving up (SQLite busy timeout).
BUSY_TIMEOUT_S = 300.0
#: The table in which Alembic keeps the schema revision of a database.
VERSION_TABLE = "alembic_version"
#: A migration script's file name: its revision, then what it does ("0004_source_tool.py").
#: A test checks that these are the revisions Alembic reads from the scripts.
_MIGRATION_FILE = re.compile(r"(?P<revision>\d{4})_\w+\.py")
#: An SQLite URL of a file, read by the standard library's driver, no query: the database
#: part as SQLAlchemy's URL parser takes it (after ``///``, up to a ``?``).
_PLAIN_SQLITE = re.compile(r"sqlite(?:\+pysqlite)?:///(?P<database>[^?]+)", re.DOTALL)


def known_revisions() -> list[str]:
    """The revisions of this version's migrations, oldest first, read from the scripts'
    file names: opening a database at the newest one loads no Alembic."""
    names = (path.name for path in (MIGRATIONS / "versions").iterdir())
    return sorted(match["revision"] for name in names if (match := _MIGRATION_FILE.fullmatch(name)))


def head_revision() -> str | None:
    """The newest migration revision."""
    revisions = known_revisions()
    return revisions[-1] if revisions else None


def sqlite_file(url: str) -> Path | None:
    """The file of ``url`` when it is a plain SQLite URL (``sqlite:///PATH`` or
    ``sqlite+pysqlite:///PATH``, percent-escapes decoded, no query string), the same path
    SQLAlchemy's engine would open; ``None`` for every other URL (an in-memory database,
    a ``file:`` URI, another driver or database), which only the engine reads.

    Such a URL is always a valid ``--db`` (``engine.database_url`` accepts it).
    """
    match = _PLAIN_SQLITE.fullmatch(url)
    if match is None:
        return None
    database = unquote(match["database"])
    if database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def sqlite_file_not_created(url: str) -> bool:
    """Whether ``url`` names a plain SQLite file that does not exist yet, in a folder that
    does: a store that holds nothing, which opening would create (``engine.database_exists``
    is False for it, without SQLAlchemy)."""
    path = sqlite_file(url)
    return path is not None and path.parent.is_dir() and not path.exists()
