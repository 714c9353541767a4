"""Fixtures shared by the whole suite."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from inventory.snapshot import InventorySnapshot
from inventory.store import InventoryStore
from inventory.target.model import TargetArchitecture, load_target
from inventory.validate import validate_paths
from inventory.validate.batch import ImportBatch
from tests.postgres_watchdog import STOP_WITHIN_S, as_server_user, server_user, stop_cluster

REPO = Path(__file__).resolve().parent.parent
# every gap table checked against its contract in full (types and values), also in the
# commands the tests start (inventory/gap/contracts.py: outside tests only typed)
os.environ.setdefault("INVENTORY_CONTRACTS", "full")
SAMPLES = REPO / "samples"
SAMPLE_MUNICIPALITIES = ("gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte")
WATCHDOG = Path(__file__).resolve().with_name("postgres_watchdog.py")

# --- Hypothesis profiles ------------------------------------------------------------------
# ``ci``: more examples, the same examples every run (a failure can be re-run), no deadline
# (a shared CI machine is slow at times); ``dev``: fewer examples for a quick local run.
# HYPOTHESIS_PROFILE picks one; otherwise CI=true (set by GitHub Actions, GitLab CI and
# most others) picks ``ci`` and anything else ``dev``. A test's own ``@settings`` still
# wins for what it sets (max_examples of the slow properties, for instance).
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# (explicitly random: on CI, Hypothesis's own default derandomises, and a profile inherits it)
settings.register_profile("dev", max_examples=30, deadline=None, derandomize=False)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes") else "dev"
)
settings.load_profile(HYPOTHESIS_PROFILE)


@pytest.fixture
def samples_dir() -> Path:
    """The bundled sample inventories (one folder per municipality)."""
    return SAMPLES


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file for one test."""
    return f"sqlite:///{tmp_path / 'inventory.db'}"


# --- the GGVVH samples, validated once per test process ------------------------------


@pytest.fixture(scope="session")
def sample_batch() -> ImportBatch:
    """The five GGVVH sample inventories, validated together (read only)."""
    batch = validate_paths([SAMPLES / code for code in SAMPLE_MUNICIPALITIES])
    assert batch.report.valid
    return batch


@pytest.fixture(scope="session")
def sample_snapshot(sample_batch: ImportBatch) -> InventorySnapshot:
    """The samples as a snapshot (nothing stored; read only)."""
    return InventorySnapshot.from_batch(sample_batch)


@pytest.fixture(scope="session")
def sample_target() -> TargetArchitecture:
    """``samples/target.yaml``, the GGVVH target architecture."""
    target, issues = load_target(SAMPLES / "target.yaml")
    assert issues == [] and target is not None
    return target


@pytest.fixture(scope="session")
def samples_db(sample_batch: ImportBatch, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An SQLite database holding the samples (shared by CLI tests: read only)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('samples-db') / 'inventory.db'}"
    with InventoryStore(url) as store:
        store.import_batch(sample_batch)
    return url


# --- databases (owned by the store tests; used by every test that needs a store) ---------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


#: The PostgreSQL clusters this process started and has not stopped yet: data folder ->
#: the watchdog that stops it (tests/postgres_watchdog.py) and the folder holding it.
_CLUSTERS: dict[Path, tuple[subprocess.Popen[bytes], Path]] = {}


def _watch_cluster(data: Path, root: Path) -> None:
    """Start the cluster's watchdog: a process of its own session that stops the cluster
    and removes ``root`` once this process closes the pipe to it, or dies in any way
    (SIGKILL, ``os._exit``: the kernel closes the pipe; no handler has to run)."""
    log = os.environ.get("INVENTORY_PG_WATCHDOG_LOG")  # what it did, for a failing test
    with open(log or os.devnull, "ab") as stderr:
        watchdog = subprocess.Popen(
            [sys.executable, str(WATCHDOG)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            cwd="/",  # not a test's folder: removed later, and closed to the server user
            start_new_session=True,
        )
    assert watchdog.stdin is not None
    cluster = {"data": str(data), "root": str(root), "user": server_user()}
    watchdog.stdin.write(json.dumps(cluster).encode() + b"\n")
    watchdog.stdin.flush()
    _CLUSTERS[data] = (watchdog, root)


def _stop_cluster(data: Path) -> None:
    """Stop one cluster (immediately: its databases are throwaway) and remove its folder:
    close the pipe to its watchdog and wait for it; in-process if the watchdog is gone."""
    watched = _CLUSTERS.pop(data, None)
    if watched is None:
        return
    watchdog, root = watched
    assert watchdog.stdin is not None
    try:
        watchdog.stdin.close()
        watchdog.wait(timeout=STOP_WITHIN_S + 30)
    except (OSError, subprocess.TimeoutExpired):
        pass
    if watchdog.returncode != 0 or root.exists():
        stop_cluster(data, root, server_user())


def _stop_clusters() -> None:
    """Stop every cluster this process still runs (at exit, or on SIGTERM)."""
    for data in list(_CLUSTERS):
        _stop_cluster(data)


_SignalHandler = Callable[[int, FrameType | None], Any] | int | None
_previous_sigterm: list[_SignalHandler] = []  # the handler before ours, once installed


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    """A test run killed with SIGTERM stops its clusters first, then dies of the signal as
    it would have (or runs the handler that was there before ours)."""
    _stop_clusters()
    previous = _previous_sigterm[0] if _previous_sigterm else None
    signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
    if callable(previous):
        previous(signum, frame)
    elif previous != signal.SIG_IGN:
        os.kill(os.getpid(), signum)


def _stop_clusters_on_exit() -> None:
    """Stop the clusters at interpreter exit and on SIGTERM too, not only in the session
    fixture's teardown (which a killed run skips): the run ends after its clusters. Installed
    once per process; the signal handler only where Python allows one (the main thread).
    Whatever these miss (SIGKILL, ``os._exit``, a SIGTERM to an xdist controller, whose
    worker ends without running either) the watchdog stops."""
    if _previous_sigterm:
        return
    atexit.register(_stop_clusters)
    previous: _SignalHandler = signal.SIG_DFL
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    _previous_sigterm.append(previous)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the test session; yields its base URL.

    Started with ``initdb`` + ``pg_ctl`` on a private socket folder and port (as the
    unprivileged user ``nobody`` when the tests run as root). Stopped, and its folder
    removed, at the end of the session, at interpreter exit, on SIGTERM (the handler stops
    it, then lets the signal end the process), and by its watchdog
    (tests/postgres_watchdog.py) when the process that started it is gone however it
    ended: see docs/reliability.md, "How it is tested". Skips when no PostgreSQL server
    binary is installed.
    """
    if shutil.which("initdb") is None or shutil.which("pg_ctl") is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    root = Path(tempfile.mkdtemp(prefix="inventory-pg-"))
    data, sockets = root / "data", root / "sockets"
    _stop_clusters_on_exit()
    _watch_cluster(data, root)
    sockets.mkdir()
    user = server_user()
    if user is not None:
        os.chmod(root, 0o755)
        shutil.chown(sockets, user)
        data.mkdir()
        shutil.chown(data, user)
    port = _free_port()
    subprocess.run(
        as_server_user(
            [
                "initdb",
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            user,
        ),
        check=True,
        capture_output=True,
    )
    options = f"-k {sockets} -p {port} -c listen_addresses='' -c fsync=off -c max_connections=60"
    subprocess.run(
        as_server_user(
            [
                "pg_ctl",
                "-D",
                str(data),
                "-o",
                options,
                "-w",
                "-l",
                str(data / "server.log"),
                "start",
            ],
            user,
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@/{{database}}?host={sockets}&port={port}"
    finally:
        _stop_cluster(data)


def _create_postgres_database(base_url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"inventory_{uuid.uuid4().hex[:12]}"
    url = make_url(base_url.format(database="postgres"))
    query = url.query
    with psycopg.connect(
        dbname="postgres",
        user="postgres",
        host=str(query["host"]),
        port=int(str(query["port"])),
        autocommit=True,
    ) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return base_url.format(database=name)


@pytest.fixture
def postgres_database(postgres_server: str) -> Callable[[], str]:
    """Makes a fresh, empty PostgreSQL database on the test server; returns its URL."""
    return lambda: _create_postgres_database(postgres_server)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: once SQLite (a file), once a real PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'inventory.db'}"
    server: str = request.getfixturevalue("postgres_server")
    return _create_postgres_database(server)


@pytest.fixture(autouse=True)
def _wide_cli_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's consoles are made once per process (at import), their width read
    then: every test prints at one wide width, whatever ran before it in its worker (a test
    of wrapping sets its own)."""
    from inventory.cli.common import console, console_err

    monkeypatch.setattr(console, "width", 300)
    monkeypatch.setattr(console_err, "width", 300)
