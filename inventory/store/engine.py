"""Opening a database: engine settings per dialect, write transactions, migrations.

SQLite runs in WAL mode with ``synchronous=NORMAL`` (crash safe, fast bulk writes) and
every write transaction starts with ``BEGIN IMMEDIATE`` so that concurrent imports wait
for each other (busy timeout) instead of failing half-way with "database is locked".
PostgreSQL serialises imports with a transaction-level advisory lock.

Whatever goes wrong reaches the user as one ``StoreError`` line that says what to do: a
URL that is not an SQLite or PostgreSQL database, a file that is not a database, a
server that cannot be reached, a schema from a newer version; a URL is only ever shown
with its password masked. A commit runs with Ctrl-C deferred, so that an interrupted
caller knows whether it happened.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from inventory.errors import StoreError
from inventory.messages import Message
from inventory.store.database_file import (
    BUSY_TIMEOUT_S,
    MIGRATIONS,
    VERSION_TABLE,
    head_revision,
    known_revisions,
)
from inventory.store.driver_errors import driver_failure, file_failure
from inventory.store.faults import fault_point
from inventory.store.schema import metadata

if TYPE_CHECKING:
    from alembic.config import Config

#: Bytes per page of a new SQLite database file.
PAGE_SIZE = 16_384
#: Key of the PostgreSQL advisory lock every write transaction takes.
WRITE_LOCK_KEY = 0x1E7E4A0  # "inventory"; any fixed number shared by all writers
#: The database systems the store runs on.
BACKENDS = ("sqlite", "postgresql")
_WRITE_OPTION = "inventory_write"
_URL_HINT = Message("error.store.url_hint")
# A host name, IPv4 or IPv6 address (a comma separates several PostgreSQL hosts).
_HOST = re.compile(r"[\w.\-:%,]+")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_QUERY_PASSWORD = re.compile(r"(?i)(password=)[^&\s'\"]*")


# --- URLs ----------------------------------------------------------------------------------


def masked_url(text: str | URL) -> str:
    """``text``, one database URL, with its password replaced by ``***``, also when it is
    not a valid URL (a password may hold ``@ : / ?`` or spaces when not percent-encoded).

    >>> masked_url("postgresql+psycopg://ann:s3cret@db.kommun.se/inventory")
    'postgresql+psycopg://ann:***@db.kommun.se/inventory'
    >>> masked_url("ann:s3cret@db/inventory")
    'ann:***@db/inventory'
    """
    if isinstance(text, URL):
        text = text.render_as_string(hide_password=True)
    text = _QUERY_PASSWORD.sub(r"\1***", text)
    at = text.rfind("@")  # the host follows the last '@'
    if at < 0:
        return text
    scheme = _SCHEME.match(text)
    colon = text.find(":", scheme.end() if scheme else 0, at)
    return text if colon < 0 else f"{text[: colon + 1]}***{text[at:]}"


def masked_message(message: str, url: URL) -> str:
    """A driver's message on one line, with the password of ``url`` masked wherever it
    appears."""
    # psycopg puts its advice on a line of its own: sentences on one line
    lines = [" ".join(line.split()) for line in message.splitlines() if line.strip()]
    line = " ".join(
        text if text[-1] in ".?!:" or text is lines[-1] else f"{text}." for text in lines
    )
    if url.password and len(url.password) >= 4:  # shorter ones would mangle the words
        line = line.replace(url.password, "***")
    return " ".join(masked_url(word) if "@" in word else word for word in line.split(" "))


def database_url(text: str | URL) -> URL:
    """The parsed URL of an SQLite or PostgreSQL database (``StoreError`` otherwise;
    the message shows the URL with its password masked).

    >>> database_url("sqlite:///inventory.db").database
    'inventory.db'
    """
    if isinstance(text, URL):
        parsed = text
    else:
        try:
            parsed = make_url(text)
        except (ArgumentError, ValueError) as error:
            key = "error.store.not_a_url" + (".host" if isinstance(error, ValueError) else "")
            raise StoreError(Message(key, {"url": masked_url(text)}), hint=_URL_HINT) from None
    shown = masked_url(parsed)
    backend = parsed.get_backend_name()
    if backend not in BACKENDS:
        raise StoreError(
            Message("error.store.unsupported", {"backend": backend, "url": shown}),
            hint=_URL_HINT,
        )
    try:
        parsed.get_dialect()
    except NoSuchModuleError:
        driver = parsed.get_driver_name()
        raise StoreError(
            Message("error.store.driver", {"driver": driver, "url": shown}), hint=_URL_HINT
        ) from None
    if parsed.host is not None and "@" in parsed.host:
        raise StoreError(
            Message("error.store.at_in_password", {"url": masked_url(str(text))}),
            hint=_URL_HINT,
        )
    if parsed.host is not None and not _HOST.fullmatch(parsed.host):
        raise StoreError(
            Message("error.store.host", {"host": parsed.host, "url": shown}), hint=_URL_HINT
        )
    if parsed.port is not None and not 0 < parsed.port < 65_536:
        raise StoreError(
            Message("error.store.port", {"port": str(parsed.port), "url": shown}),
            hint=_URL_HINT,
        )
    return parsed


def _sqlite_path(url: URL) -> Path | None:
    """The file of an SQLite URL (None for an in-memory database)."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def database_exists(url: str | URL) -> bool:
    """Whether there is a database to read at ``url``: False only for an SQLite file that
    does not exist yet (opening it would create it). ``StoreError`` for a URL that cannot
    be a database (not a URL, a folder, a folder that does not exist)."""
    parsed = database_url(url)
    if parsed.get_backend_name() != "sqlite":
        return True
    path = _sqlite_path(parsed)
    if path is None:
        return False
    _check_sqlite_path(path)
    return path.exists()


def _check_sqlite_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(
            Message("error.store.path_is_folder", {"path": str(path)}),
            hint=Message("error.store.path_is_folder.hint", {"file": str(path / "inventory.db")}),
        )
    if not path.parent.is_dir():
        raise StoreError(
            Message("error.store.no_folder", {"path": str(path)}),
            hint=Message("error.store.no_folder.hint"),
        )


# --- failures --------------------------------------------------------------------------------


class CommitFailed(StoreError):
    """The database failed while committing: the transaction may or may not be stored."""


def shown_database(url: URL) -> str:
    """The database as messages name it: the file of SQLite, else the URL (password
    masked), quoted."""
    if url.get_backend_name() == "sqlite":
        return str(_sqlite_path(url) or "(in memory)")
    return f"'{masked_url(url)}'"


def store_error(error: BaseException, url: URL, doing: str = "open") -> StoreError:
    """A one-line ``StoreError`` for a driver error on the database at ``url`` (password
    masked), saying what is wrong and what to do (``driver_errors.driver_failure``)."""
    original = error.orig if isinstance(error, DBAPIError) else error
    named = url.host or url.query.get("host") or "localhost"
    host = named if isinstance(named, str) else ",".join(named)
    port = url.port or url.query.get("port") or 5432
    return driver_failure(
        original,
        where=shown_database(url),
        doing=Message(f"error.store.doing.{doing.replace(' ', '_')}"),
        reason=masked_message(str(original), url).rstrip("."),
        server={
            "server": f"{host}:{port}",
            "host": host,
            "user": url.username or "",
            "database": url.database or "",
        },
        busy_seconds=BUSY_TIMEOUT_S,
    )


def _said(error: StoreError) -> Message | str:
    """A store error's message as a parameter of another message (its text if it has no
    catalogue message)."""
    return error.wording if isinstance(error.wording, Message) else str(error)


def _explain_connect_errors(engine: Engine) -> None:
    """A failure to connect (no server, wrong password, not a database file), and a
    database file that fails under a query (damaged, a disk that cannot be read), becomes
    a ``StoreError`` wherever it happens, not a driver traceback."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        if context.is_pre_ping or not isinstance(context.original_exception, Exception):
            return  # the pool replaces a stale connection; Ctrl-C stays KeyboardInterrupt
        if (
            context.connection is None
            or context.is_disconnect
            or file_failure(context.original_exception)
        ):
            raise store_error(
                context.original_exception,
                engine.url,
                "open" if context.connection is None else "use",
            )


# --- engines and transactions ---------------------------------------------------------------
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


def open_engine(url: str | URL) -> Engine:
    """An engine for ``url`` with this tool's settings (``StoreError`` when unusable)."""
    parsed = database_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_path(parsed)
        if path is not None:
            _check_sqlite_path(path)
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S})
        _sqlite_settings(engine)
    else:
        try:
            engine = create_engine(parsed, pool_pre_ping=True)
        except (ImportError, SQLAlchemyError) as error:
            raise StoreError(
                Message(
                    "error.store.driver_missing",
                    {"url": masked_url(parsed), "reason": masked_message(str(error), parsed)},
                ),
                hint=Message("error.store.driver_missing.hint"),
            ) from error
    _explain_connect_errors(engine)
    return engine


@contextmanager
def interrupts_deferred() -> Iterator[Callable[[], bool]]:
    """Ctrl-C (SIGINT) inside the block takes effect when the block ends, so that the block
    (a commit and noting that it happened) is never cut in half. Yields a function that
    tells whether an interrupt is waiting. Only the main thread receives signals; in
    other threads the block runs as is.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield lambda: False  # no Python handler to put back afterwards
        return
    received: list[int] = []
    signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    try:
        yield lambda: bool(received)
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        signal.raise_signal(signal.SIGINT)  # now handled as it would have been


@contextmanager
def write_transaction(
    engine: Engine, on_commit: Callable[[], None] | None = None
) -> Iterator[Connection]:
    """One serialised write transaction: commits on success, rolls back on any error.

    Only one writer runs at a time: SQLite takes its write lock at ``BEGIN IMMEDIATE``
    (others wait up to the busy timeout); PostgreSQL takes an advisory lock released at
    commit or rollback. The commit and ``on_commit`` run with Ctrl-C deferred: after an
    interrupt the caller knows whether the transaction was committed.
    """
    connection = engine.connect().execution_options(**{_WRITE_OPTION: True})
    try:
        transaction = connection.begin()
        try:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            yield connection
        except BaseException:
            # a lost connection cannot roll back: the server (or SQLite) discards it
            with suppress(SQLAlchemyError, StoreError):
                transaction.rollback()
            raise
        with interrupts_deferred() as interrupted:
            try:
                transaction.commit()
            except (DBAPIError, StoreError) as error:
                reason = (
                    error
                    if isinstance(error, StoreError)
                    else store_error(error, engine.url, "commit to")
                )
                raise CommitFailed(
                    Message("error.store.commit_failed", {"reason": _said(reason)}),
                    hint=Message("error.store.commit_failed.hint"),
                ) from error
            if on_commit is not None:
                on_commit()
                fault_point("committed", until=interrupted)
    finally:
        with interrupts_deferred():  # the pool logs a traceback for a reset cut short
            connection.close()


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of the store (migrations inside the package)."""
    from alembic.config import Config  # Alembic only when a migration runs

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision (no-op when current).

    Runs inside a write transaction so that two processes opening a fresh database at
    once do not both create the tables. ``StoreError`` for a database this version
    cannot use: written by a newer version, or holding the tables without a schema
    version (never guessed: the database is left as it is). Alembic is imported only
    when a migration has to run.
    """
    head = head_revision()
    try:
        with engine.connect() as probe:
            if schema_revision(probe) == head:
                return
        with write_transaction(engine) as connection:
            revision = schema_revision(connection)
            if revision is None and head is not None:
                create_newest_schema(connection, head)
            elif revision != head:
                from alembic import command

                command.upgrade(alembic_config(connection), "head")
    except DBAPIError as error:
        raise store_error(error, engine.url, "migrate") from error


def create_newest_schema(connection: Connection, head: str) -> None:
    """Create the newest schema in a new, empty database: the tables of the metadata and
    Alembic's version table holding ``head``, as ``alembic stamp head`` writes it.

    What Alembic's cookbook advises for a database built from scratch ("Building an Up to
    Date Database from Scratch",
    https://alembic.sqlalchemy.org/en/latest/cookbook.html#building-an-up-to-date-database-from-scratch):
    the same schema as running every migration (a test compares the two table by table),
    without importing Alembic or running every revision one after another on each new
    database.
    """
    metadata.create_all(connection)
    versions = MetaData()
    version_table = Table(
        VERSION_TABLE,
        versions,
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"),
    )
    versions.create_all(connection)
    connection.execute(version_table.insert().values(version_num=head))


def schema_revision(connection: Connection) -> str | None:
    """The schema revision of the database (None when it is new and empty), read with
    SQLAlchemy from Alembic's version table.

    ``StoreError`` when the revision is not one of this version's migrations (a newer
    version of the tool wrote it) or when the store's tables are there without one.
    """
    shown = shown_database(connection.engine.url)
    revisions: list[str] = []
    if inspect(connection).has_table(VERSION_TABLE):
        revisions = list(
            connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
        )
    if len(revisions) > 1:
        raise StoreError(
            Message(
                "error.store.revisions",
                {
                    "where": shown,
                    "table": VERSION_TABLE,
                    "revisions": ", ".join(map(repr, revisions)),
                },
            ),
            hint=Message("error.store.revisions.hint"),
        )
    revision = revisions[0] if revisions else None
    if revision is None:
        ours = sorted(set(inspect(connection).get_table_names()) & set(metadata.tables))
        if ours:
            tables = ", ".join(ours[:3]) + (", ..." if len(ours) > 3 else "")
            raise StoreError(
                Message("error.store.no_version", {"where": shown, "tables": tables}),
                hint=Message("error.store.no_version.hint"),
            )
        return None
    if revision not in known_revisions():
        raise StoreError(
            Message(
                "error.store.newer",
                {"where": shown, "revision": repr(revision), "head": repr(head_revision())},
            ),
            hint=Message("error.store.newer.hint"),
        )
    return revision
