"""Running ``inventory`` in-process as its console script does (error handling included)."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from inventory.cli import main


@dataclass(frozen=True)
class Outcome:
    """Exit code and what was printed; ``code`` 99 when an exception escaped ``main``."""

    code: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


Run = Callable[..., Outcome]


def run_main(*argv: str) -> Outcome:
    """``inventory ARGV`` through the console script's ``main``, output captured."""
    stdout, stderr = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["inventory", *argv]
    code = 0
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except Exception as error:  # what a user would see as a traceback
        stderr.write(f"Traceback (escaped main): {error!r}")
        code = 99
    finally:
        sys.argv = saved
    return Outcome(code, stdout.getvalue(), stderr.getvalue())


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
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def files_under() -> Callable[[Path], dict[str, bytes]]:
    """Every file below a folder with its content (to show that nothing was written)."""
    return _files_under
