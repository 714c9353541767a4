"""End-to-end reliability fixtures: the five sample municipalities stored once per session.

A rejected import must leave every table as it was, so rejection tests share one loaded
database per backend (``loaded_db``); a write would show up in the table dump the test
compares. Accepted imports change the store, so they get their own copy (``fresh_db``):
an SQLite file copied with the backup API, or a PostgreSQL database created from the
loaded one as its template.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from tests.helpers import FIVE, SAMPLES, run_cli


def _import_five(db_url: str) -> None:
    result = run_cli(db_url, "import", *(str(SAMPLES / code) for code in FIVE))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def loaded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding the five samples (imported once per session)."""
    database = tmp_path_factory.mktemp("reliability") / "five.db"
    _import_five(f"sqlite:///{database}")
    return database


@pytest.fixture(scope="session")
def loaded_postgres(postgres_server: str) -> str:
    """A PostgreSQL database holding the five samples (imported once per session)."""
    name = f"five_{uuid.uuid4().hex[:8]}"
    with _admin(postgres_server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = postgres_server.format(database=name)
    _import_five(url)
    return url


def _admin(base_url: str) -> Any:
    import psycopg

    query = make_url(base_url.format(database="postgres")).query
    return psycopg.connect(
        dbname="postgres",
        user="postgres",
        host=str(query["host"]),
        port=int(str(query["port"])),
        autocommit=True,
    )


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def loaded_db(request: pytest.FixtureRequest) -> str:
    """The shared database holding the five samples (only for imports that must fail)."""
    if request.param == "sqlite":
        database: Path = request.getfixturevalue("loaded_sqlite")
        return f"sqlite:///{database}"
    url: str = request.getfixturevalue("loaded_postgres")
    return url


@pytest.fixture(params=BACKENDS)
def fresh_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A private copy of the loaded database that a test may change."""
    if request.param == "sqlite":
        source: Path = request.getfixturevalue("loaded_sqlite")
        target = tmp_path / "copy.db"
        with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
            original.backup(copy)
        original.close()
        copy.close()
        yield f"sqlite:///{target}"
        return
    template: str = request.getfixturevalue("loaded_postgres")
    server: str = request.getfixturevalue("postgres_server")
    name = f"copy_{uuid.uuid4().hex[:8]}"
    template_name = make_url(template).database
    with _admin(server) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"')
    yield server.format(database=name)
    with _admin(server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def municipality_copy(tmp_path: Path) -> Iterator[Path]:
    """A private copy of samples/gnosjo (folder ``gnosjo``) to plant defects in."""
    folder = tmp_path / "in" / "gnosjo"
    shutil.copytree(SAMPLES / "gnosjo", folder)
    yield folder
