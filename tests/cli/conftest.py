"""Running ``inventory`` in-process as its console script does (error handling included)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Outcome, run_main

Run = Callable[..., Outcome]


@pytest.fixture
def inventory() -> Run:
    """Run ``inventory ARGS...``: ``inventory("--db", url, "gap", ...)`` gives an
    ``Outcome`` (``code``, ``stdout``, ``stderr``, ``text``)."""
    return run_main


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    """A fresh SQLite file with nothing stored (created by the first command)."""
    return f"sqlite:///{tmp_path / 'empty.db'}"


def _files_under(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def files_under() -> Callable[[Path], dict[str, bytes]]:
    """Every file below a folder with its content (to show that nothing was written)."""
    return _files_under
