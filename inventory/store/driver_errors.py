"""A database driver's failure said in the reader's language: what happened, what to do.

The drivers (the standard library's ``sqlite3``, ``psycopg`` for PostgreSQL) word their
errors in English ("database is locked", "password authentication failed for user
\"ann\""). :func:`driver_failure` sorts an error into a known case, by SQLite's error
name, PostgreSQL's SQLSTATE, or (for the failures to connect, which have no SQLSTATE)
the words libpq uses, and gives a ``StoreError`` whose message says what happened and
whose hint says what to do, both catalogue messages (``error.store.*``). The driver's
own text stays in the message, quoted and labelled as the driver's
(``error.store.driver_said``): the detail an administrator searches for.

>>> from inventory.messages import message_text
>>> said = driver_said("SQLite", "disk I/O error")
>>> message_text(said, "sv")
'SQLite svarar på engelska: "disk I/O error"'
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Final

from inventory.errors import StoreError
from inventory.messages import Message, Param

#: SQLite's error names (the primary code: ``SQLITE_IOERR_WRITE`` is ``SQLITE_IOERR``)
#: -> the case (``error.store.<case>``); those that quote the driver's text take ``said``.
SQLITE_CASES: Final[dict[str, str]] = {
    "SQLITE_NOTADB": "not_sqlite",
    "SQLITE_READONLY": "read_only",
    "SQLITE_CANTOPEN": "cannot_open_file",
    "SQLITE_PERM": "cannot_open_file",
    "SQLITE_CORRUPT": "damaged",
    "SQLITE_FULL": "disk_full",
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_IOERR": "io",
    "SQLITE_CONSTRAINT": "integrity",
    "SQLITE_NOMEM": "memory",
}

#: PostgreSQL's SQLSTATE (exact, else its two-character class) -> the case
#: (``error.store.pg.<case>``).
PG_STATES: Final[dict[str, str]] = {
    "28P01": "auth",  # invalid_password
    "28000": "auth",  # invalid_authorization_specification (no such role, pg_hba.conf)
    "3D000": "no_database",  # invalid_catalog_name
    "53300": "too_many",  # too_many_connections
    "57P03": "starting",  # cannot_connect_now
    "42501": "permission",  # insufficient_privilege
    "25006": "read_only",  # read_only_sql_transaction
    "53100": "disk_full",  # disk_full
    "55P03": "busy",  # lock_not_available
    "40P01": "busy",  # deadlock_detected
    "57014": "busy",  # query_canceled (a statement timeout)
    "57P01": "lost",  # admin_shutdown
    "57P02": "lost",  # crash_shutdown
    "08": "lost",  # connection_exception
    "23": "integrity",  # integrity_constraint_violation
}

#: Failures to connect have no SQLSTATE: libpq's (and psycopg's) words -> the case (``*``:
#: any text between).
PG_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("password authentication failed", "auth"),
    ("no password supplied", "auth"),
    ("authentication failed", "auth"),
    ("no pg_hba.conf entry", "auth"),
    ('role "* does not exist', "auth"),
    ('database "* does not exist', "no_database"),
    ("too many clients", "too_many"),
    ("remaining connection slots", "too_many"),
    ("the database system is starting up", "starting"),
    ("the database system is shutting down", "starting"),
    ("connection refused", "refused"),
    ("is the server running locally", "refused"),  # no socket file: no local server
    ("could not translate host name", "host_unknown"),
    ("failed to resolve host", "host_unknown"),
    ("name or service not known", "host_unknown"),
    ("timeout expired", "timeout"),
    ("timed out", "timeout"),
    ("server closed the connection unexpectedly", "lost"),
    ("terminating connection", "lost"),
)


def driver_said(driver: str, text: str) -> Message:
    """The driver's own text, quoted and labelled as the driver's."""
    return Message("error.store.driver_said", {"driver": driver, "detail": text})


def driver_failure(
    original: BaseException | None,
    *,
    where: str,
    doing: Message,
    reason: str,
    server: Mapping[str, str],
    busy_seconds: float,
) -> StoreError:
    """``original`` (the driver's exception, ``reason`` its text with the password
    masked) on the database ``where`` while ``doing`` something, as a ``StoreError``.

    ``original`` is None when SQLAlchemy kept no driver exception.
    ``server`` names the PostgreSQL server of the URL (``server``: host and port,
    ``host``, ``user``, ``database``) for the messages that say which one; ``busy_seconds`` is how
    long SQLite waited for a lock.
    """
    said: dict[str, Param] = {"doing": doing, "where": where}
    if isinstance(original, sqlite3.Error):
        return _sqlite_failure(original, said, reason, busy_seconds)
    detail = driver_said("psycopg", reason)
    case = _pg_case(original, reason)
    if case is not None:
        key = f"error.store.pg.{case}"
        return StoreError(
            Message(key, {**said, **server, "said": detail}),
            hint=Message(f"{key}.hint", dict(server)),
        )
    failed = Message("error.store.failed", {**said, "said": detail})
    hint = "open_hint" if doing.key.endswith(".open") else "server_hint"
    return StoreError(failed, hint=Message(f"error.store.failed.{hint}"))


#: SQLite's cases that a query meets when the file itself fails, not the statement.
_FILE_CASES: Final = frozenset(
    {"not_sqlite", "damaged", "io", "disk_full", "cannot_open_file", "memory"}
)


def file_failure(original: BaseException) -> bool:
    """Whether ``original`` is SQLite failing on the file (damaged, a disk that cannot be
    read or written, full, out of memory), whatever statement met it."""
    return isinstance(original, sqlite3.Error) and _sqlite_case(original) in _FILE_CASES


def _sqlite_case(original: sqlite3.Error) -> str | None:
    name = str(getattr(original, "sqlite_errorname", ""))
    return SQLITE_CASES.get("_".join(name.split("_")[:2]))  # SQLITE_IOERR_READ: SQLITE_IOERR


def _sqlite_failure(
    original: sqlite3.Error, said: dict[str, Param], reason: str, busy_seconds: float
) -> StoreError:
    case = _sqlite_case(original)
    detail = driver_said("SQLite", reason)
    if case is None:
        return StoreError(
            Message("error.store.failed", {**said, "said": detail}),
            hint=Message("error.store.failed.sqlite_hint"),
        )
    params: dict[str, Param] = {"where": said["where"]}
    if case in {"read_only", "disk_full", "busy", "io", "integrity", "memory"}:
        params["doing"] = said["doing"]
    if case in {"cannot_open_file", "damaged", "io", "integrity", "memory"}:
        params["said"] = detail
    if case == "busy":
        params["seconds"] = f"{busy_seconds:.0f}"
    key = f"error.store.{case}"
    return StoreError(Message(key, params), hint=Message(f"{key}.hint"))


def _pg_case(original: BaseException | None, reason: str) -> str | None:
    """The case of a PostgreSQL failure: by its SQLSTATE, else by libpq's words."""
    state = getattr(original, "sqlstate", None)
    if isinstance(state, str) and state:
        case = PG_STATES.get(state) or PG_STATES.get(state[:2])
        if case is not None:
            return case
    lowered = reason.lower()
    return next((case for words, case in PG_WORDS if _says(lowered, words)), None)


def _says(text: str, words: str) -> bool:
    """Whether ``text`` holds ``words``, each ``*`` standing for any text."""
    position = 0
    for part in words.split("*"):
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True
