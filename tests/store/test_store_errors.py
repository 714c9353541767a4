"""The store's failures reach users as one clear line, never a traceback or a password.

Every case runs the command line's entry point in-process (``inventory.cli.app.main``,
with its error handling) on real files and a real PostgreSQL server, and checks the exit code,
the message, that the password is nowhere in the output, and that nothing was written.
Read-only files are checked in a subprocess that cannot override file permissions.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from inventory.cli.app import main
from inventory.errors import StoreError
from inventory.store import InventoryStore
from inventory.store.engine import database_url, masked_url
from tests.helpers import dump_tables, write_inventory

SECRET = "Zq7-secret"  # a password that must never be shown
INVENTORY = Path(sys.executable).with_name("inventory")


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


def run(*argv: str) -> Outcome:
    """``inventory ARGV`` as the console script runs it; an escaping exception is code 99."""
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["inventory", *argv]
    code = 0
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:  # what a user would see as a traceback
        stderr.write(traceback.format_exc())
        code = 99
    finally:
        sys.argv = saved
    return Outcome(code, stdout.getvalue(), stderr.getvalue())


def error_line(outcome: Outcome) -> str:
    """The one line that says what is wrong (``Error: ...``)."""
    lines = [line for line in outcome.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1, outcome.text
    return lines[0]


def assert_refused(outcome: Outcome, code: int, *phrases: str) -> str:
    assert outcome.code == code, outcome.text
    assert "Traceback" not in outcome.text
    assert SECRET not in outcome.text
    line = error_line(outcome)
    for phrase in phrases:
        assert phrase in line, line
    return line


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_inventory(tmp_path / "in", "gnosjo", 1)


def commands(folder: Path) -> list[list[str]]:
    """Commands that open the store, one of each kind (write, read, validate, analyse)."""
    return [
        ["import", str(folder)],
        ["validate", str(folder)],
        ["stats"],
        ["history"],
        ["list", "site"],
        ["stats", "--format", "json"],
    ]


# --- database URLs: malformed values are usage errors; passwords never shown -------------

MALFORMED = {
    "no scheme": f"ann:{SECRET}@db.kommun.se/inventory",
    "no scheme, no host": f"ann:{SECRET}@/inventory",
    "port not a number": f"postgresql+psycopg://ann:{SECRET}@db:abc/inventory",
    "port out of range": f"postgresql+psycopg://ann:{SECRET}@db:99999/inventory",
    "unclosed IPv6 host": f"postgresql+psycopg://ann:{SECRET}@[::1/inventory",
    "space in host": f"postgresql+psycopg://ann:{SECRET}@db kommun/inventory",
    "'@' in the password": f"postgresql+psycopg://ann:{SECRET}@x@db/inventory",
    "unknown dialect": f"nosuch://ann:{SECRET}@db/inventory",
    "unsupported database": f"mysql+pymysql://ann:{SECRET}@db/inventory",
    "unknown driver": f"postgresql+nosuch://ann:{SECRET}@db/inventory",
    "a path, not a URL": "/var/lib/inventory.db",
}


@pytest.mark.parametrize("url", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_database_url_is_a_usage_error_without_its_password(
    url: str, folder: Path
) -> None:
    for argv in commands(folder):
        outcome = run("--db", url, *argv)
        line = assert_refused(outcome, 2, "Invalid value for '--db'")
        assert "sqlite:///" in line  # says how to write one


def test_the_environment_variable_is_checked_like_the_option(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INVENTORY_DB", f"ann:{SECRET}@db/inventory")
    outcome = run("import", str(folder))
    assert_refused(outcome, 2, "INVENTORY_DB", "ann:***@db/inventory")


@pytest.mark.parametrize("url", MALFORMED.values(), ids=MALFORMED.keys())
def test_the_library_refuses_the_same_urls_with_a_store_error(url: str) -> None:
    with pytest.raises(StoreError) as raised:
        InventoryStore(url)
    assert SECRET not in str(raised.value)
    assert SECRET not in str(raised.value.hint)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///inventory.db",
        "sqlite:////var/lib/inventory/x.db",
        "sqlite://",
        "postgresql://u@db/inventory",
        "postgresql+psycopg://u:p%40ss@db.kommun.se:5432/inv",
        "postgresql+psycopg://u@[::1]:5432/inv",
        "postgresql+psycopg://u@/inv?host=/tmp/s",
    ],
)
def test_good_urls_parse(url: str) -> None:
    assert database_url(url).get_backend_name() in ("sqlite", "postgresql")


@given(
    user=st.text("abcdefghij_.", min_size=1, max_size=8),
    password=st.text("KLMNOPQRSTUVWXYZ0123456789 !$&*()+,;=:@/?#[]%-~", min_size=1, max_size=16),
    scheme=st.sampled_from(["", "postgresql://", "postgresql+psycopg://"]),
    tail=st.sampled_from(
        ["@db/inv", "@db.kommun.se:5432/inv", "@/inv?host=/tmp", "@[::1]:5432/inv"]
    ),
)
def test_a_password_is_masked_in_any_spelling(
    user: str, password: str, scheme: str, tail: str
) -> None:
    """Whatever the password holds (unencoded ``@ : / ? #`` and spaces too), the URL is
    shown with ``***`` in its place, whether or not it parses."""
    assert masked_url(f"{scheme}{user}:{password}{tail}") == f"{scheme}{user}:***{tail}"


def test_a_password_in_the_query_is_masked() -> None:
    url = f"postgresql+psycopg://ann@db/inv?sslmode=require&password={SECRET}"
    assert SECRET not in masked_url(url)
    assert SECRET not in masked_url(make_url(url))


# --- databases that cannot be reached ------------------------------------------------------


def test_a_server_that_is_not_running_is_one_line_with_the_url_masked(folder: Path) -> None:
    pytest.importorskip("psycopg")
    port = closed_port()
    for url in (
        f"postgresql+psycopg://ann:{SECRET}@127.0.0.1:{port}/inventory",
        f"postgresql+psycopg://ann:{SECRET}/x:y@127.0.0.1:{port}/inventory",
        f"postgresql+psycopg://ann@127.0.0.1:{port}/inventory?password={SECRET}",
    ):
        _refused_everywhere(url, folder)


def _refused_everywhere(url: str, folder: Path) -> None:
    for argv in commands(folder):
        outcome = run("--db", url, *argv)
        if argv[0] == "validate":  # a dry run goes on without the stored keys, and says so
            assert outcome.code == 0, outcome.text
            assert "Note: the database cannot be read" in outcome.stderr
            assert "Connection refused" in outcome.stderr
            assert SECRET not in outcome.text
            continue
        assert_refused(
            outcome,
            1,
            "Cannot open the database 'postgresql+psycopg://ann",
            "***",
            "Connection refused. Is the server running",
        )


@pytest.mark.postgres
def test_a_database_that_does_not_exist_on_the_server(postgres_server: str, folder: Path) -> None:
    url = postgres_server.format(database="no_such_inventory").replace(
        "postgres@", f"postgres:{SECRET}@"
    )
    outcome = run("--db", url, "import", str(folder))
    assert_refused(
        outcome,
        1,
        "Cannot open the database",
        "postgres:***@",
        'database "no_such_inventory" does not exist',
    )


# --- files that are not databases ---------------------------------------------------------

NOT_DATABASES = {
    "text": b"code;name\ngnosjo;Gnosj\xc3\xb6\n",
    "xlsx": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 8,
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 4096,
    "truncated sqlite": b"SQLite format 3\x00" + b"\xff" * 100,
}


@pytest.mark.parametrize("content", NOT_DATABASES.values(), ids=NOT_DATABASES.keys())
def test_a_file_that_is_not_a_database_is_left_as_it_is(
    tmp_path: Path, folder: Path, content: bytes
) -> None:
    other = tmp_path / "db" / "sites.xlsx"
    other.parent.mkdir()
    other.write_bytes(content)
    for argv in commands(folder):
        outcome = run("--db", f"sqlite:///{other}", *argv)
        if argv[0] == "validate":
            assert outcome.code == 0 and "is not an SQLite database" in outcome.stderr
            continue
        assert_refused(outcome, 1, f"{other} is not an SQLite database")
        assert other.read_bytes() == content
        assert sorted(other.parent.iterdir()) == [other]  # no -wal or -shm beside it


def test_a_folder_or_a_missing_folder_as_the_database(tmp_path: Path, folder: Path) -> None:
    for argv in commands(folder):
        outcome = run("--db", f"sqlite:///{tmp_path}", *argv)
        if argv[0] != "validate":
            assert_refused(outcome, 1, f"The database path is a folder: {tmp_path}")
        missing = tmp_path / "nowhere" / "inventory.db"
        outcome = run("--db", f"sqlite:///{missing}", *argv)
        if argv[0] != "validate":
            assert_refused(outcome, 1, "The folder of the database file does not exist")
    assert not (tmp_path / "nowhere").exists()


# --- a schema this version cannot use: refused, left as it is -------------------------------


def _stored(db_url: str, folder: Path) -> None:
    outcome = run("--db", db_url, "import", str(folder))
    assert outcome.code == 0, outcome.text


def _execute(db_url: str, statement: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


SCHEMA_DAMAGE = {
    "newer version": (
        "UPDATE alembic_version SET version_num = '0099_from_the_future'",
        "was written by a newer version of inventory",
    ),
    "version table dropped": (
        "DROP TABLE alembic_version",
        "has the inventory's tables (application, client,",
    ),
    "version table emptied": ("DELETE FROM alembic_version", "but no schema version"),
}


@pytest.mark.parametrize("damage", SCHEMA_DAMAGE.values(), ids=SCHEMA_DAMAGE.keys())
def test_a_schema_this_version_cannot_use_is_refused_and_left_unchanged(
    db_url: str, folder: Path, damage: tuple[str, str]
) -> None:
    _stored(db_url, folder)
    statement, phrase = damage
    _execute(db_url, statement)
    before = dump_tables(db_url)
    for argv in commands(folder):
        outcome = run("--db", db_url, *argv)
        if argv[0] == "validate":
            assert outcome.code == 0 and phrase in outcome.stderr
            continue
        line = assert_refused(outcome, 1, phrase)
        assert "import_run already exists" not in line
        hint = outcome.stderr.splitlines()[-1]
        assert hint.startswith("Hint: ") and ("--db" in hint or "Upgrade" in hint)
    assert dump_tables(db_url) == before  # not migrated, not stamped


# --- read-only files and folders ----------------------------------------------------------


def _as_plain_user(argv: list[str]) -> list[str]:
    """``argv`` run without the power to override file permissions (root has it)."""
    if os.geteuid() != 0:
        return argv
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv is missing: permissions are not enforced")
    drop = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", *argv]


def _run_read_only(db: Path, *argv: str) -> Outcome:
    process = subprocess.run(
        _as_plain_user([str(INVENTORY), "--db", f"sqlite:///{db}", *argv]),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return Outcome(process.returncode, process.stdout, process.stderr)


@pytest.mark.slow
@pytest.mark.parametrize("read_only", ["file", "folder", "both"])
def test_a_read_only_database_refuses_the_import_and_keeps_its_state(
    tmp_path: Path, folder: Path, read_only: str
) -> None:
    database = tmp_path / "db" / "inventory.db"
    database.parent.mkdir()
    url = f"sqlite:///{database}"
    _stored(url, folder)
    # the last connection to close folds the WAL into the file and removes -wal and -shm
    sqlite3.connect(database).close()
    assert sorted(path.name for path in database.parent.iterdir()) == ["inventory.db"]
    before = dump_tables(url)
    content = database.read_bytes()
    second = write_inventory(tmp_path / "in2", "gnosjo", 2)
    if read_only in ("file", "both"):
        database.chmod(0o444)
    if read_only in ("folder", "both"):
        database.parent.chmod(0o555)
    try:
        outcome = _run_read_only(database, "import", str(second))
    finally:
        database.parent.chmod(0o755)
        database.chmod(0o644)
    assert outcome.code == 1, outcome.stdout + outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert "read-only" in outcome.stderr
    assert outcome.stderr.count("Error:") == 1
    assert database.read_bytes() == content
    assert dump_tables(url) == before


@pytest.mark.slow
def test_a_new_database_in_a_read_only_folder(tmp_path: Path, folder: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    try:
        outcome = _run_read_only(locked / "inventory.db", "import", str(folder))
    finally:
        locked.chmod(0o755)
    assert outcome.code == 1, outcome.stdout + outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert f"Cannot open the database file {locked / 'inventory.db'}" in outcome.stderr
    assert list(locked.iterdir()) == []
