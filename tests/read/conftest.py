"""Fixtures for the hostile-input tests: a copy of samples/gnosjo to damage and the CLI on
an SQLite store that already holds it (``Cli``, its dump of every table and the zip writers
are in tests/helpers.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import SAMPLES, Cli


@pytest.fixture(scope="session")
def loaded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding the five sample municipalities (gnosjo's links name two
    others), imported once per session."""
    database = tmp_path_factory.mktemp("store") / "five.db"
    result = Cli(database)("import", str(SAMPLES))
    assert result.exit_code == 0, result.output
    return database


@pytest.fixture
def cli(loaded_database: Path, tmp_path: Path) -> Cli:
    """The CLI on a private copy of the store holding the five samples."""
    database = tmp_path / "store.db"
    shutil.copyfile(loaded_database, database)
    return Cli(database)


@pytest.fixture
def gnosjo(tmp_path: Path) -> Path:
    """A private copy of samples/gnosjo (folder ``in/gnosjo``) to damage."""
    folder = tmp_path / "in" / "gnosjo"
    shutil.copytree(SAMPLES / "gnosjo", folder)
    return folder
