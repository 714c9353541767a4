"""Opening a database: engine settings per dialect, write transactions, migrations.

SQLite runs in WAL mode with ``synchronous=NORMAL`` (crash safe, fast bulk writes) and
every write transaction starts with ``BEGIN IMMEDIATE`` so that concurrent imports wait
for each other (busy timeout) instead of failing half-way with "database is locked".
PostgreSQL serialises imports with a transaction-level advisory lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from inventory.errors import StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Seconds a writer waits for another writer before giving up (SQLite busy timeout).
BUSY_TIMEOUT_S = 300.0
#: Bytes per page of a new SQLite database file.
PAGE_SIZE = 16_384
#: Key of the PostgreSQL advisory lock every write transaction takes.
WRITE_LOCK_KEY = 0x1E7E4A0  # "inventory"; any fixed number shared by all writers
_WRITE_OPTION = "inventory_write"


def _sqlite_settings(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        # A new database file gets 16 KiB pages (set before WAL fixes the size; a no-op on
        # an existing file): a bulk insert of wide records costs less CPU and commits faster.
        cursor.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def open_engine(url: str) -> Engine:
    """An engine for ``url`` with this tool's settings (``StoreError`` when unusable)."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError(f"Not a database URL: {url!r}",
                         hint="Use sqlite:///path/inventory.db or"
                         " postgresql+psycopg://user@host/dbname") from error
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not Path(database).parent.is_dir():
            raise StoreError(f"The folder of the database file does not exist: {database}",
                             hint="Create the folder first or choose another --db path.")
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S})
        _sqlite_settings(engine)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ImportError, SQLAlchemyError) as error:
        raise StoreError(f"Cannot use the database {parsed.render_as_string()}: {error}",
                         hint="For PostgreSQL install psycopg: pip install 'psycopg[binary]'"
                         ) from error


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One serialised write transaction: commits on success, rolls back on any error.

    Only one writer runs at a time: SQLite takes its write lock at ``BEGIN IMMEDIATE``
    (others wait up to the busy timeout); PostgreSQL takes an advisory lock released at
    commit or rollback.
    """
    try:
        connection = engine.connect().execution_options(**{_WRITE_OPTION: True})
    except OperationalError as error:
        raise StoreError(f"Cannot open the database: {error.orig}",
                         hint="Check the --db URL and that the server is running.") from error
    try:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            yield connection
    finally:
        connection.close()


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of the store (migrations inside the package)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest migration revision."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision (no-op when current).

    Runs inside a write transaction so that two processes opening a fresh database at
    once do not both create the tables.
    """
    head = head_revision()
    try:
        with engine.connect() as probe:
            if MigrationContext.configure(probe).get_current_revision() == head:
                return
        with write_transaction(engine) as connection:
            if MigrationContext.configure(connection).get_current_revision() != head:
                command.upgrade(alembic_config(connection), "head")
    except OperationalError as error:
        raise StoreError(f"Cannot open or migrate the database: {error.orig}",
                         hint="Check the --db URL, file permissions and that the server"
                         " is running.") from error
