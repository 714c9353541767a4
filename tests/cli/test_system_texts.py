"""The system's and the database drivers' texts inside translated sentences (issue 14).

An ``OSError`` is said by its errno in the reader's language (``error.os.<NAME>``; an
errno without a message is quoted as the system's own text); a database driver's failure
is sorted into what happened and what to do, with the driver's own text quoted and
labelled as the driver's. Every case is provoked for real (a file where a folder should
be, a symbolic link loop, a folder without write permission, a damaged SQLite file, a
PostgreSQL port nobody listens on, a database and a user the server does not know) and
run through the command line's entry point; the expected texts are written here by hand.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from inventory.cli.help_language import failure_texts
from inventory.errors import StoreError
from inventory.language.i18n import LANGUAGES, t
from inventory.messages import message_text
from inventory.output_files import OS_ERRORS, os_reason
from inventory.store.driver_errors import PG_STATES, PG_WORDS, driver_failure
from tests.helpers import Outcome, dump_tables, write_inventory

Run = Callable[..., Outcome]
INVENTORY = Path(sys.executable).with_name("inventory")
SECRET = "Zq7-secret"


def flat(text: str) -> str:
    """``text`` with every run of white space as one space (the console wraps lines)."""
    return " ".join(text.split())


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def as_plain_user(argv: list[str]) -> list[str]:
    """``argv`` run without the power to override file permissions (root has it)."""
    if os.geteuid() != 0:
        return argv
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv is missing: permissions are not enforced")
    drop = "-dac_override,-dac_read_search,-fowner"
    return ["setpriv", f"--inh-caps={drop}", f"--bounding-set={drop}", *argv]


def run_console(*argv: str) -> Outcome:
    """The installed console script in a process of its own, as a plain user."""
    process = subprocess.run(
        as_plain_user([str(INVENTORY), *argv]),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return Outcome(process.returncode, process.stdout, process.stderr)


# --- the system's errors ---------------------------------------------------------------------


def test_every_system_error_has_its_text_in_every_language() -> None:
    for name in OS_ERRORS:
        english, swedish, norwegian = (t(f"error.os.{name}", lang) for lang in LANGUAGES)
        assert swedish != english != norwegian, name
        number = getattr(errno, name, None)
        if sys.platform == "linux" and number is not None:  # English as Linux words it
            assert english == os.strerror(number), name


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", 'the system says: "Exec format error" (ENOEXEC)'),
        ("sv", 'systemet svarar: "Exec format error" (ENOEXEC, systemets egen text)'),
        ("no", 'systemet svarer: "Exec format error" (ENOEXEC, systemets egen tekst)'),
    ],
)
def test_an_errno_without_a_message_is_quoted_as_the_systems_text(lang: str, expected: str) -> None:
    assert errno.ENOEXEC and "ENOEXEC" not in OS_ERRORS
    reason = os_reason(OSError(errno.ENOEXEC, os.strerror(errno.ENOEXEC)))
    assert message_text(reason, lang) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Error: Cannot write {folder}: Not a directory. Hint: A file is in the way where a"
            " folder is needed: choose another output path.",
        ),
        (
            "sv",
            "Fel: Kan inte skriva {folder}: Inte en mapp. Tips: En fil ligger där en mapp"
            " behövs: välj en annan utdatasökväg.",
        ),
        (
            "no",
            "Feil: Kan ikke skrive {folder}: Ikke en mappe. Tips: En fil ligger der det trengs"
            " en mappe: velg en annen utdatasti.",
        ),
    ],
)
def test_a_file_where_a_folder_should_be(
    inventory: Run, samples_db: str, tmp_path: Path, lang: str, expected: str
) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("kept")
    outcome = inventory(
        "--lang", lang, "--db", samples_db, "graph", "--out", str(in_the_way / "graph.json")
    )
    assert outcome.code == 1
    assert flat(outcome.stderr) == expected.format(folder=in_the_way)
    assert files_under(tmp_path) == {"a-file": b"kept"}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "The file cannot be read: Too many levels of symbolic links."),
        (
            "sv",
            "Filen kan inte läsas: För många nivåer av symboliska länkar (en länk pekar i en"
            " slinga).",
        ),
        (
            "no",
            "Filen kan ikke leses: For mange nivåer av symbolske lenker (en lenke peker i ring).",
        ),
    ],
)
def test_a_symbolic_link_loop_in_an_inventory(
    inventory: Run, tmp_path: Path, lang: str, line: str
) -> None:
    folder = write_inventory(tmp_path / "in", "testby", 1)
    loop = folder / "sites.csv"
    loop.unlink()
    loop.symlink_to(loop.name)  # the link points at itself
    database = tmp_path / "inventory.db"
    outcome = inventory("--lang", lang, "--db", f"sqlite:///{database}", "import", str(folder))
    assert outcome.code == 1
    assert f"{loop}: {line}" in flat(outcome.text), outcome.text
    assert "Traceback" not in outcome.text
    assert not database.exists() or dump_tables(f"sqlite:///{database}")["import_run"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "reason", "hint"),
    [
        ("sv", "Åtkomst nekad (behörighet saknas).", "Tips: Behörighet saknas för att skriva"),
        ("no", "Tilgang nektet (mangler tillatelse).", "Tips: Mangler tillatelse til å skrive"),
    ],
)
def test_a_folder_without_write_permission(
    samples_db: str, tmp_path: Path, lang: str, reason: str, hint: str
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    try:
        outcome = run_console(
            "--lang", lang, "--db", samples_db, "graph", "--out", str(locked / "graph.json")
        )
    finally:
        locked.chmod(0o755)
    assert outcome.code == 1, outcome.stdout + outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert f"{locked / 'graph.json'}: {reason}" in flat(outcome.stderr)
    assert hint in flat(outcome.stderr)
    assert list(locked.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("sv", "Filen kan inte läsas: Åtkomst nekad (behörighet saknas)."),
        ("no", "Filen kan ikke leses: Tilgang nektet (mangler tillatelse)."),
    ],
)
def test_an_input_file_without_read_permission(tmp_path: Path, lang: str, line: str) -> None:
    folder = tmp_path / "in" / "gnosjo"
    shutil.copytree(Path(__file__).resolve().parents[2] / "samples" / "gnosjo", folder)
    closed = next(path for path in sorted(folder.iterdir()) if path.suffix == ".csv")
    closed.chmod(0)
    database = tmp_path / "inventory.db"
    try:
        outcome = run_console(
            "--lang", lang, "--db", f"sqlite:///{database}", "import", str(folder)
        )
    finally:
        closed.chmod(0o644)
    assert outcome.code == 1, outcome.stdout + outcome.stderr
    assert line in flat(outcome.stdout + outcome.stderr)
    assert "Permission denied" not in outcome.stdout + outcome.stderr
    assert not database.exists() or dump_tables(f"sqlite:///{database}")["import_run"] == []


# --- the database drivers' errors ------------------------------------------------------------


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("lang", "message", "said", "hint"),
    [
        (
            "en",
            "Error: Cannot open the database '{url}': no database server answers at"
            " 127.0.0.1:{port}.",
            'psycopg says: "connection failed:',
            "Hint: Check that the PostgreSQL server is running and listens at that host and"
            " port, and that no firewall blocks the port.",
        ),
        (
            "sv",
            "Fel: Kan inte öppna databasen '{url}': ingen databasserver svarar på"
            " 127.0.0.1:{port}.",
            'psycopg svarar på engelska: "connection failed:',
            "Tips: Kontrollera att PostgreSQL-servern körs och lyssnar på den värden och porten,"
            " och att ingen brandvägg blockerar porten.",
        ),
        (
            "no",
            "Feil: Kan ikke åpne databasen '{url}': ingen databaseserver svarer på"
            " 127.0.0.1:{port}.",
            'psycopg svarer på engelsk: "connection failed:',
            "Tips: Kontroller at PostgreSQL-serveren kjører og lytter på den verten og porten,"
            " og at ingen brannmur blokkerer porten.",
        ),
    ],
)
def test_a_postgresql_port_nobody_listens_on(
    inventory: Run, tmp_path: Path, lang: str, message: str, said: str, hint: str
) -> None:
    pytest.importorskip("psycopg")
    port = closed_port()
    url = f"postgresql+psycopg://ann:{SECRET}@127.0.0.1:{port}/inventory"
    shown = f"postgresql+psycopg://ann:***@127.0.0.1:{port}/inventory"
    outcome = inventory("--lang", lang, "--db", url, "stats")
    assert outcome.code == 1
    text = flat(outcome.stderr)
    assert text.startswith(f"{message.format(url=shown, port=port)} {said}"), text
    assert "Connection refused" in text  # the driver's own words, quoted
    assert text.endswith(hint)
    assert SECRET not in outcome.text


def _server_url(postgres_server: str, database: str, user: str = "postgres") -> str:
    return postgres_server.format(database=database).replace("postgres@", f"{user}:{SECRET}@", 1)


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "has no database 'no_such_inventory'. psycopg says: \"",
            "Hint: Create it first (createdb no_such_inventory, or ask the database"
            " administrator), or correct the database name in --db.",
        ),
        (
            "sv",
            "har ingen databas 'no_such_inventory'. psycopg svarar på engelska: \"",
            "Tips: Skapa den först (createdb no_such_inventory, eller be databasadministratören),"
            " eller rätta databasnamnet i --db.",
        ),
        (
            "no",
            "har ingen database 'no_such_inventory'. psycopg svarer på engelsk: \"",
            "Tips: Opprett den først (createdb no_such_inventory, eller be"
            " databaseadministratoren), eller rett databasenavnet i --db.",
        ),
    ],
)
def test_a_database_the_server_does_not_have(
    inventory: Run, postgres_server: str, lang: str, message: str, hint: str
) -> None:
    outcome = inventory(
        "--lang", lang, "--db", _server_url(postgres_server, "no_such_inventory"), "stats"
    )
    assert outcome.code == 1
    text = flat(outcome.stderr)
    assert message in text and text.endswith(hint), text
    assert 'database "no_such_inventory" does not exist' in text
    assert SECRET not in outcome.text


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "did not let the user 'nobody_here' in (wrong user name or password, or no access"
            " from this machine).",
            "Hint: Check the user and password in --db",
        ),
        (
            "sv",
            "släppte inte in användaren 'nobody_here' (fel användarnamn eller lösenord, eller"
            " ingen åtkomst från den här datorn).",
            "Tips: Kontrollera användaren och lösenordet i --db",
        ),
        (
            "no",
            "slapp ikke inn brukeren 'nobody_here' (feil brukernavn eller passord, eller ingen"
            " tilgang fra denne maskinen).",
            "Tips: Kontroller brukeren og passordet i --db",
        ),
    ],
)
def test_a_user_the_server_does_not_let_in(
    inventory: Run, postgres_server: str, tmp_path: Path, lang: str, message: str, hint: str
) -> None:
    url = _server_url(postgres_server, "postgres", user="nobody_here")
    outcome = inventory("--lang", lang, "--db", url, "import", str(tmp_path / "nothing"))
    assert outcome.code in (1, 2)
    text = flat(outcome.stderr)
    if outcome.code == 2:  # the folder is checked first: ask for the stored names instead
        outcome = inventory("--lang", lang, "--db", url, "stats")
        text = flat(outcome.stderr)
    assert outcome.code == 1
    assert message in text and hint in text, text
    assert 'role "nobody_here" does not exist' in text
    assert SECRET not in outcome.text


@pytest.fixture(scope="module")
def password_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster that asks for a password (scram-sha-256), started and
    stopped as the session's ``postgres_server`` is (its watchdog stops it whatever
    happens); yields its URL with ``{password}`` to fill in."""
    if shutil.which("initdb") is None or shutil.which("pg_ctl") is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    from tests.conftest import _free_port, _stop_cluster, _stop_clusters_on_exit, _watch_cluster
    from tests.postgres_watchdog import as_server_user, server_user

    root = Path(tempfile.mkdtemp(prefix="inventory-pg-password-"))
    data, sockets, secret = root / "data", root / "sockets", root / "password"
    _stop_clusters_on_exit()
    _watch_cluster(data, root)
    sockets.mkdir()
    secret.write_text("the-right-one\n")
    user = server_user()
    if user is not None:
        os.chmod(root, 0o755)
        data.mkdir()
        for path in (sockets, data, secret):
            shutil.chown(path, user)
    port = _free_port()
    initdb = ["initdb", "-D", str(data), "-U", "postgres", "-A", "scram-sha-256"]
    initdb += ["--pwfile", str(secret), "-E", "UTF8", "--no-locale", "--no-sync"]
    subprocess.run(as_server_user(initdb, user), check=True, capture_output=True)
    options = f"-k {sockets} -p {port} -c listen_addresses='' -c fsync=off"
    start = ["pg_ctl", "-D", str(data), "-o", options, "-w", "-l", str(data / "log"), "start"]
    subprocess.run(as_server_user(start, user), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres:{{password}}@/postgres?host={sockets}&port={port}"
    finally:
        _stop_cluster(data)


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "en",
            "did not let the user 'postgres' in (wrong user name or password, or no access from"
            ' this machine). psycopg says: "',
            "Hint: Check the user and password in --db (write '@' in a password as %40)",
        ),
        (
            "sv",
            "släppte inte in användaren 'postgres' (fel användarnamn eller lösenord, eller ingen"
            ' åtkomst från den här datorn). psycopg svarar på engelska: "',
            "Tips: Kontrollera användaren och lösenordet i --db (skriv '@' i ett lösenord som %40)",
        ),
        (
            "no",
            "slapp ikke inn brukeren 'postgres' (feil brukernavn eller passord, eller ingen"
            ' tilgang fra denne maskinen). psycopg svarer på engelsk: "',
            "Tips: Kontroller brukeren og passordet i --db (skriv '@' i et passord som %40)",
        ),
    ],
)
def test_a_wrong_password(
    inventory: Run, password_server: str, lang: str, message: str, hint: str
) -> None:
    outcome = inventory("--lang", lang, "--db", password_server.format(password=SECRET), "stats")
    assert outcome.code == 1
    text = flat(outcome.stderr)
    assert message in text and hint in text, text
    assert 'password authentication failed for user "postgres"' in text
    assert SECRET not in outcome.text
    right = inventory("--db", password_server.format(password="the-right-one"), "history")
    assert right.code == 0, right.text  # the password was all that was wrong


def _damaged_copy(samples_db: str, tmp_path: Path) -> Path:
    """A copy of the samples' database with every third page past the second overwritten."""
    copy = tmp_path / "damaged.db"
    with sqlite3.connect(samples_db.removeprefix("sqlite:///")) as db:
        db.execute("VACUUM INTO ?", (str(copy),))
        page = int(db.execute("PRAGMA page_size").fetchone()[0])
    db.close()
    wal = sqlite3.connect(copy)  # as the store keeps its files (VACUUM INTO writes a rollback
    wal.execute("PRAGMA journal_mode = WAL")  # journal's): opening it changes no byte
    wal.close()
    data = bytearray(copy.read_bytes())
    for offset in range(2 * page, len(data), 3 * page):
        data[offset : offset + page] = b"\xde\xad\xbe\xef" * (page // 4)
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            'Error: The database file {path} is damaged (SQLite says: "database disk image is'
            ' malformed"). Hint: Restore it from a backup or import into a new --db file.',
        ),
        (
            "sv",
            'Fel: Databasfilen {path} är skadad (SQLite svarar på engelska: "database disk'
            ' image is malformed"). Tips: Återställ den från en säkerhetskopia eller importera'
            " till en ny --db-fil.",
        ),
        (
            "no",
            'Feil: Databasefilen {path} er skadet (SQLite svarer på engelsk: "database disk'
            ' image is malformed"). Tips: Gjenopprett den fra en sikkerhetskopi eller importer'
            " til en ny --db-fil.",
        ),
    ],
)
@pytest.mark.parametrize("command", [["overlap"], ["stats"], ["list", "server"]])
def test_a_damaged_sqlite_file(
    inventory: Run,
    samples_db: str,
    tmp_path: Path,
    lang: str,
    expected: str,
    command: list[str],
) -> None:
    damaged = _damaged_copy(samples_db, tmp_path)
    before = damaged.read_bytes()
    outcome = inventory("--lang", lang, "--db", f"sqlite:///{damaged}", *command)
    assert outcome.code == 1, outcome.text
    assert flat(outcome.stderr) == expected.format(path=damaged)
    assert damaged.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["damaged.db"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "databasen {path}: den är skrivskyddad (eller dess mapp är det"),
        ("no", "databasen {path}: den er skrivebeskyttet (eller mappen er det"),
    ],
)
def test_a_read_only_sqlite_file(samples_db: str, tmp_path: Path, lang: str, expected: str) -> None:
    database = tmp_path / "db" / "inventory.db"
    database.parent.mkdir()
    with sqlite3.connect(samples_db.removeprefix("sqlite:///")) as db:
        db.execute("VACUUM INTO ?", (str(database),))
    new_municipality = write_inventory(tmp_path / "in", "testby", 1)
    before = database.read_bytes()
    database.chmod(0o444)
    database.parent.chmod(0o555)
    try:
        outcome = run_console(
            "--lang",
            lang,
            "--db",
            f"sqlite:///{database}",
            "import",
            str(new_municipality),
        )
    finally:
        database.parent.chmod(0o755)
        database.chmod(0o644)
    assert outcome.code == 1, outcome.stdout + outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert expected.format(path=database) in flat(outcome.stderr)
    assert "read-only" not in outcome.stderr
    assert database.read_bytes() == before


# --- the cases, one by one ------------------------------------------------------------------


def _pg_error(reason: str, state: str | None = None) -> StoreError:
    class Failure(Exception):
        sqlstate = state

    from inventory.messages import Message

    return driver_failure(
        Failure(reason),
        where="'postgresql+psycopg://ann:***@db:5432/inv'",
        doing=Message("error.store.doing.open"),
        reason=reason,
        server={"server": "db:5432", "host": "db", "user": "ann", "database": "inv"},
        busy_seconds=300,
    )


@pytest.mark.parametrize(
    ("reason", "state", "expected"),
    [
        ('FATAL: password authentication failed for user "ann"', None, "auth"),
        ("connection to server at db failed: timeout expired", None, "timeout"),
        ("FATAL: sorry, too many clients already", None, "too_many"),
        ("FATAL: the database system is starting up", None, "starting"),
        ("permission denied for schema public", "42501", "permission"),
        ("cannot execute CREATE TABLE in a read-only transaction", "25006", "read_only"),
        ("could not extend file: No space left on device", "53100", "disk_full"),
        ("canceling statement due to lock timeout", "55P03", "busy"),
        ('duplicate key value violates unique constraint "x"', "23505", "integrity"),
        ("terminating connection due to administrator command", "57P01", "lost"),
    ],
)
def test_postgresql_failures_by_state_and_words(
    reason: str, state: str | None, expected: str
) -> None:
    error = _pg_error(reason, state)
    assert error.wording is not None and error.wording.key == f"error.store.pg.{expected}"
    texts = [failure_texts(error, lang) for lang in LANGUAGES]
    assert len({message for message, _ in texts}) == len({hint for _, hint in texts}) == 3
    assert all(f'"{reason}"' in message for message, _ in texts)


def test_every_case_has_a_message_and_a_hint_in_every_language() -> None:
    cases = set(PG_STATES.values()) | {case for _, case in PG_WORDS}
    for case in cases:
        for lang in LANGUAGES:
            hint = t(f"error.store.pg.{case}.hint", lang, server="s", user="u", database="d")
            assert hint.endswith("."), (case, lang)
    english = _pg_error("something new", None)
    assert english.wording is not None and english.wording.key == "error.store.failed"
    assert failure_texts(english, "sv")[0] == (
        "Kan inte öppna databasen 'postgresql+psycopg://ann:***@db:5432/inv': psycopg svarar"
        ' på engelska: "something new"'
    )


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            'The workbook cannot be read: its zip container is damaged (zipfile says: "File is'
            ' not a zip file")',
        ),
        (
            "sv",
            "Arbetsboken kan inte läsas: zip-behållaren är skadad (zipfile svarar på engelska:"
            ' "File is not a zip file")',
        ),
        (
            "no",
            "Arbeidsboken kan ikke leses: zip-beholderen er skadet (zipfile svarer på engelsk:"
            ' "File is not a zip file")',
        ),
    ],
)
def test_a_workbook_whose_zip_container_is_damaged(
    inventory: Run, tmp_path: Path, lang: str, line: str
) -> None:
    folder = write_inventory(tmp_path / "in", "testby", 1)
    (folder / "servers.csv").unlink()
    broken = Path(__file__).resolve().parents[1] / "data" / "broken" / "corrupt.xlsx"
    shutil.copy(broken, folder / "servers.xlsx")
    outcome = inventory("--lang", lang, "validate", str(folder))
    assert outcome.code == 1
    assert f"{folder / 'servers.xlsx'}: {line}" in flat(outcome.text), outcome.text
    assert "BadZipFile" not in outcome.text


def _sqlite_failure(tmp_path: Path, case: str) -> sqlite3.Error:
    """A real SQLite error of each kind, raised by the driver on real files."""
    database = tmp_path / "x.db"
    with closing(sqlite3.connect(database)) as setup:
        setup.execute("CREATE TABLE t (a INTEGER PRIMARY KEY)")
        setup.commit()
    try:
        if case == "busy":
            holder = sqlite3.connect(database, isolation_level=None)
            holder.execute("BEGIN EXCLUSIVE")
            try:
                with closing(sqlite3.connect(database, timeout=0)) as other:
                    other.execute("INSERT INTO t VALUES (1)")
            finally:
                holder.close()
        elif case == "read_only":
            with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as reader:
                reader.execute("INSERT INTO t VALUES (1)")
        elif case == "cannot_open_file":
            sqlite3.connect(f"file:{tmp_path / 'nowhere' / 'x.db'}?mode=rw", uri=True)
        elif case == "not_sqlite":
            (tmp_path / "text.db").write_text("code;name\n" * 200)
            with closing(sqlite3.connect(tmp_path / "text.db")) as text:
                text.execute("SELECT * FROM sqlite_master")
        elif case == "integrity":
            with closing(sqlite3.connect(database)) as writer:
                writer.execute("INSERT INTO t VALUES (1), (1)")
    except sqlite3.Error as error:
        return error
    raise AssertionError(f"no SQLite error for {case}")


@pytest.mark.parametrize(
    ("case", "sv", "no"),
    [
        (
            "busy",
            "Kan inte skriva till databasen x.db: ett annat program har hållit den låst i mer"
            " än 300 s.",
            "Prøv igjen når den andre importen er ferdig.",
        ),
        (
            "read_only",
            "Kan inte skriva till databasen x.db: den är skrivskyddad (eller dess mapp är det;",
            "Gjør filen og mappen skrivbare, eller bruk en annen --db.",
        ),
        (
            "cannot_open_file",
            'Kan inte öppna databasfilen x.db (SQLite svarar på engelska: "unable to open'
            ' database file").',
            "Kontroller at filen og mappen finnes og kan leses og skrives.",
        ),
        (
            "not_sqlite",
            "x.db är ingen SQLite-databas (en annan sorts fil).",
            "Velg en SQLite-fil (et nytt navn oppretter en): --db sqlite:///sti/inventory.db."
            " Filen ble ikke endret.",
        ),
        (
            "integrity",
            "Kan inte skriva till databasen x.db: databasen avvisade en rad som bryter mot en av"
            ' dess regler (SQLite svarar på engelska: "UNIQUE constraint failed: t.a").',
            "Databasen kan ha blitt endret for hånd; ellers er dette en feil i verktøyet: meld"
            " den gjerne sammen med kommandoen du kjørte.",
        ),
    ],
)
def test_sqlite_failures_of_each_kind(tmp_path: Path, case: str, sv: str, no: str) -> None:
    from inventory.messages import Message

    original = _sqlite_failure(tmp_path, case)
    error = driver_failure(
        original,
        where="x.db",
        doing=Message(
            "error.store.doing.open" if case == "cannot_open_file" else "error.store.doing.write_to"
        ),
        reason=str(original),
        server={},
        busy_seconds=300,
    )
    assert error.wording is not None and error.wording.key == f"error.store.{case}"
    assert failure_texts(error, "sv")[0].startswith(sv)
    assert failure_texts(error, "no")[1] == no


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("lang", "message", "hint"),
    [
        (
            "sv",
            'saknar behörighet för detta. psycopg svarar på engelska: "permission denied for table',
            "Be databasadministratören ge användaren rätt att skapa och ändra tabeller i databasen",
        ),
        (
            "no",
            'mangler tillatelse til dette. psycopg svarer på engelsk: "permission denied for table',
            "Be databaseadministratoren gi brukeren rett til å opprette og endre tabeller i"
            " databasen",
        ),
    ],
)
def test_a_user_that_may_only_read(
    inventory: Run,
    postgres_database: Callable[[], str],
    tmp_path: Path,
    lang: str,
    message: str,
    hint: str,
) -> None:
    import uuid

    from sqlalchemy import create_engine, text

    url = postgres_database()
    first = inventory("--db", url, "import", str(write_inventory(tmp_path / "a", "testby", 1)))
    assert first.code == 0, first.text
    reader = f"reader_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {reader} LOGIN"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {reader}"))
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}"))
    engine.dispose()
    before = dump_tables(url)
    as_reader = url.replace("postgres@", f"{reader}@", 1)
    second = write_inventory(tmp_path / "b", "annanby", 1)
    outcome = inventory("--lang", lang, "--db", as_reader, "import", str(second))
    assert outcome.code == 1, outcome.text
    text_ = flat(outcome.stderr)
    assert f"'{reader}' {message}" in text_ and hint in text_, text_
    assert "Traceback" not in outcome.text
    assert dump_tables(url) == before


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "sv",
            "Fel: {folder}: Åtkomst nekad (behörighet saknas). Tips: Kontrollera sökvägen och"
            " dess behörigheter.",
        ),
        (
            "no",
            "Feil: {folder}: Tilgang nektet (mangler tillatelse). Tips: Kontroller stien og"
            " tillatelsene.",
        ),
    ],
)
def test_a_municipality_folder_without_read_permission(
    tmp_path: Path, lang: str, expected: str
) -> None:
    root = tmp_path / "in"
    folder = write_inventory(root, "testby", 1)
    folder.chmod(0)
    database = tmp_path / "inventory.db"
    try:
        outcome = run_console(
            "--lang", lang, "--db", f"sqlite:///{database}", "import", str(folder.parent)
        )
    finally:
        folder.chmod(0o755)
    assert outcome.code == 1, outcome.stdout + outcome.stderr
    assert flat(outcome.stderr) == expected.format(folder=folder)
    assert not database.exists() or dump_tables(f"sqlite:///{database}")["import_run"] == []
