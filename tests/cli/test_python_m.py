"""``python -m inventory`` runs the same command as the ``inventory`` script (for an
environment whose scripts folder is not on the PATH)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inventory", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = _run("--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: python -m inventory [OPTIONS] COMMAND [ARGS]...")
    for command in ("validate", "import", "report", "demo"):
        assert f"\n  {command} " in result.stdout


def test_a_command_runs_and_its_errors_exit_as_the_scripts_do(tmp_path: Path) -> None:
    stats = _run("--db", f"sqlite:///{tmp_path / 'new.db'}", "stats", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    assert "Stored inventory (0 import runs)" in stats.stdout
    assert "Nothing is stored yet: run `inventory import FOLDER` first." in stats.stdout
    unknown = _run("no-such-command", cwd=tmp_path)
    assert unknown.returncode == 2
    assert "No such command 'no-such-command'" in unknown.stderr
