"""The suite's throwaway PostgreSQL cluster is stopped when a test run is killed.

A real pytest run in a subprocess uses the ``postgres_server`` fixture of tests/conftest.py
in one test that waits; the run is sent SIGTERM (in-process, and under xdist, where the
signal reaches the controller and the cluster belongs to its worker) or SIGKILL while the
cluster is up. The cluster's postmaster (its pid from ``postmaster.pid``) and every process
serving that data folder must be gone afterwards, and so must its temporary folder, within
two minutes (the worker of a dead xdist controller may take 15 s to end).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
TIMEOUT_S = 120.0

TINY_TEST = """
import os
import time
from pathlib import Path


def test_holds_the_cluster(postgres_server: str) -> None:
    Path(os.environ["CLUSTER_URL_FILE"]).write_text(postgres_server, encoding="utf-8")
    time.sleep(600)  # until the run is killed
"""

pytestmark = pytest.mark.postgres


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie (a container's init may not reap)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except (FileNotFoundError, ProcessLookupError):
        return False
    state = next((line for line in status.splitlines() if line.startswith("State:")), "")
    return "Z" not in state.split(":", 1)[-1].split()[:1]


def _serving(data: Path) -> list[int]:
    """Live processes whose command line names the cluster's data folder."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(data) in command and _alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else "(nothing)"


def _wait(condition: object, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize(
    ("workers", "signum"),
    [
        ([], signal.SIGTERM),
        # the controller dies of the signal without a handler of ours (it holds no
        # cluster); its worker ends on the closed channel, by a SIGINT to itself or by
        # os._exit 15 s later, with or without its teardown: the watchdog stops the cluster
        (["-p", "xdist", "-n", "1"], signal.SIGTERM),
        # no handler, no atexit, no teardown runs: only the watchdog is left
        ([], signal.SIGKILL),
    ],
    ids=["in-process-sigterm", "xdist-worker-sigterm", "in-process-sigkill"],
)
def test_a_killed_run_stops_its_clusters(
    tmp_path: Path, workers: list[str], signum: signal.Signals
) -> None:
    if shutil.which("initdb") is None or shutil.which("pg_ctl") is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    (tmp_path / "test_tiny.py").write_text(TINY_TEST, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    url_file = tmp_path / "cluster-url"
    watchdog_log = tmp_path / "watchdog.log"
    env = {
        **os.environ,
        "CLUSTER_URL_FILE": str(url_file),
        "INVENTORY_PG_WATCHDOG_LOG": str(watchdog_log),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(tmp_path / "pytest.ini"),
            "--rootdir",
            str(tmp_path),
            "-p",
            "tests.conftest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            *workers,
            "-q",
            str(tmp_path / "test_tiny.py"),
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: url_file.exists() or run.poll() is not None, "the cluster to start")
        assert url_file.exists(), run.communicate()[0].decode(errors="replace")
        sockets = Path(parse_qs(urlsplit(url_file.read_text(encoding="utf-8")).query)["host"][0])
        root = sockets.parent
        data = root / "data"
        postmaster = int((data / "postmaster.pid").read_text(encoding="utf-8").split()[0])
        assert _alive(postmaster) and _serving(data)

        run.send_signal(signum)
        output = run.communicate(timeout=TIMEOUT_S)[0].decode(errors="replace")

        said = f"; the run said:\n{output}\nthe watchdog said:\n{_read(watchdog_log)}"
        _wait(
            lambda: not _alive(postmaster) and not _serving(data),
            f"the cluster's processes to end{said}",
        )
        # the watchdog removes the folder once the processes are gone
        _wait(lambda: not root.exists(), f"the cluster's folder to be removed{said}")
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
