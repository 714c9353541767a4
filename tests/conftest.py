"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from inventory.snapshot import InventorySnapshot
from inventory.store import InventoryStore
from inventory.target.model import TargetArchitecture, load_target
from inventory.validate import validate_paths
from inventory.validate.batch import ImportBatch

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_MUNICIPALITIES = ("gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte")


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


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as ``nobody`` when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "nobody", "--", *command]
    return command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the test session; yields its base URL.

    Started with ``initdb`` + ``pg_ctl`` on a private socket folder and port (as the
    unprivileged user ``nobody`` when the tests run as root), stopped at the end.
    Skips when no PostgreSQL server binary is installed.
    """
    if shutil.which("initdb") is None or shutil.which("pg_ctl") is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    root = Path(tempfile.mkdtemp(prefix="inventory-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        os.chmod(root, 0o755)
        shutil.chown(sockets, "nobody")
        root_data = root / "data"
        root_data.mkdir()
        shutil.chown(root_data, "nobody")
    port = _free_port()
    subprocess.run(_as_server_user(["initdb", "-D", str(data), "-U", "postgres", "-A", "trust",
                                    "-E", "UTF8", "--no-locale", "--no-sync"]),
                   check=True, capture_output=True)
    options = (f"-k {sockets} -p {port} -c listen_addresses='' -c fsync=off"
               " -c max_connections=60")
    subprocess.run(_as_server_user(["pg_ctl", "-D", str(data), "-o", options, "-w",
                                    "-l", str(data / "server.log"), "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@/{{database}}?host={sockets}&port={port}"
    finally:
        subprocess.run(_as_server_user(["pg_ctl", "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _create_postgres_database(base_url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"inventory_{uuid.uuid4().hex[:12]}"
    url = make_url(base_url.format(database="postgres"))
    query = url.query
    with psycopg.connect(dbname="postgres", user="postgres", host=str(query["host"]),
                         port=int(str(query["port"])), autocommit=True) as connection:
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
