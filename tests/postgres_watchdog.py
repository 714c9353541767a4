"""A watchdog that stops a test PostgreSQL cluster once the process that started it is gone.

The ``postgres_server`` fixture of tests/conftest.py starts one of these per cluster, in a
session of its own (a signal sent to the test run's process group does not reach it), and
keeps the write end of a pipe to its stdin. The fixture first writes one JSON line naming
the cluster::

    {"data": "/tmp/inventory-pg-x/data", "root": "/tmp/inventory-pg-x", "user": "nobody"}

then holds the pipe open. The watchdog reads until end of file, which comes when the fixture
closes the pipe (its teardown, its atexit hook or its SIGTERM handler) and equally when the
process holding it dies in any way at all: SIGKILL, ``os._exit`` (an xdist worker whose
controller died ends that way after 15 s), a crash. The kernel closes the pipe; no handler
has to run. Then the watchdog stops the cluster (``pg_ctl stop -m immediate``: its
databases are throwaway), waits until no process serves the data folder, and removes the
temporary folder. A SIGTERM sent to the watchdog itself does the same at once.

Standard library only: it runs as a script (``python tests/postgres_watchdog.py``), and the
fixture imports :func:`stop_cluster` from it to stop a cluster in-process when the watchdog
itself is gone.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

#: How long the watchdog waits for the cluster's processes to end before it removes the
#: folder anyway (a postmaster still starting writes its pid file within this time).
STOP_WITHIN_S = 60.0


def as_server_user(command: list[str], user: str | None) -> list[str]:
    """The command run as ``user`` (PostgreSQL refuses to run as root), or as it is."""
    return ["runuser", "-u", user, "--", *command] if user else command


def server_user() -> str | None:
    """The user the test clusters run as: ``nobody`` when the tests run as root."""
    return "nobody" if os.geteuid() == 0 else None


def serving(data: Path) -> list[int]:
    """Processes (not zombies) whose command line names the data folder: the postmaster
    (``postgres -D <data>``) and a ``pg_ctl`` still starting or stopping it."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    found = []
    needle = str(data).encode()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            status = (entry / "status").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        state = next((line for line in status.splitlines() if line.startswith("State:")), "")
        if needle in command and "Z" not in state.split(":", 1)[-1].split()[:1]:
            found.append(int(entry.name))
    return found


def stop_cluster(data: Path, root: Path, user: str | None, within_s: float = STOP_WITHIN_S) -> None:
    """Stop the cluster in ``data`` (immediately) and remove ``root``, the folder holding it.

    Stops again while a process still serves the folder (a postmaster that was starting
    when its owner died writes its pid file a moment later), for at most ``within_s``.
    """
    deadline = time.monotonic() + within_s
    while True:
        if (data / "postmaster.pid").exists():
            stopped = subprocess.run(
                as_server_user(["pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop"], user),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                check=False,
            )
            _say(f"pg_ctl stop: {stopped.returncode} {stopped.stdout!r} {stopped.stderr!r}")
        left = serving(data)
        if not left or time.monotonic() > deadline:
            break
        _say(f"still serving {data}: {left}")
        time.sleep(0.5)
    shutil.rmtree(root, ignore_errors=True)
    _say(f"removed {root}: {not root.exists()}")


def _say(line: str) -> None:
    """A line on stderr: the fixture sends it to $INVENTORY_PG_WATCHDOG_LOG when set (the
    SIGTERM test does), else nowhere."""
    print(f"{time.strftime('%H:%M:%S')} [{os.getpid()}] {line}", file=sys.stderr, flush=True)


class _Terminated(Exception):
    """The watchdog itself was sent SIGTERM: stop the cluster now."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def main() -> int:
    # Ctrl-C and a closed terminal are for the test run, not for the watchdog; SIGTERM
    # stops the cluster now (once the watchdog knows which one).
    for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)
    line = sys.stdin.buffer.readline()
    if not line:  # the fixture died before naming its cluster
        return 0
    cluster = json.loads(line)
    _say(f"watching {cluster}")
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        while sys.stdin.buffer.read(4096):  # nothing more is written: wait for end of file
            pass
        _say("end of file: the fixture's process closed the pipe or ended")
    except _Terminated:
        _say("SIGTERM")
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # finish the stop once begun
    stop_cluster(Path(cluster["data"]), Path(cluster["root"]), cluster.get("user"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
