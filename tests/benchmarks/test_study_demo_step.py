"""The study benchmark's demo step runs ``inventory demo`` as a user does and reports it.

Timings are never asserted: only that the step ran the real command (its report is on
disk), that it kept a bytecode cache beside its output, and that it reports seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_demo_step_runs_the_command_and_reports_its_time(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.study",
            "demo",
            json.dumps({"out": str(out), "runs": 1}),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    assert figures["seconds"] > 0
    assert figures["cpu_s"] > 0  # the command's CPU, a child process of the step
    assert (out / "report.html").is_file()
    assert any((tmp_path / "demo-bytecode").rglob("*.pyc"))
