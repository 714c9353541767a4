"""Ctrl-C during ``inventory import``: exit 130, one line that says what was stored.

A real ``inventory import`` process is sent SIGINT at each named moment of an import (the
fault points of ``inventory.store.faults``, reached deterministically), while Python is
still loading the tool, and at moments spread over a larger import. Whatever the moment,
the database holds the state before or after the import, and the message matches it:
``Interrupted: nothing was written.`` or ``Interrupted after the import was stored (run
N).``; never a traceback. On SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from inventory.store import InventoryStore
from inventory.validate import validate_paths
from tests.helpers import dump_tables, folder_content, stored_content, write_inventory

INVENTORY = Path(sys.executable).with_name("inventory")
TIMEOUT_S = 300.0
NOTHING = "Interrupted: nothing was written."


@dataclass(frozen=True)
class Interrupted:
    code: int
    stdout: str
    stderr: str


def _interruptible() -> None:
    """In the child: Ctrl-C as at a terminal. A test run started in the background of a
    shell (``cmd &``) has SIGINT ignored, and a child inherits that: the tool then rightly
    never sees the test's Ctrl-C (it stays ignored, as for any background job)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _loading_the_tool(pid: int) -> bool:
    """Whether the process is loading the tool's libraries: numpy's compiled modules are
    mapped (the first the tool's imports load). Earlier, while CPython itself starts,
    SIGINT ends it with CPython's own "Fatal Python error", before any code of the tool
    runs: a window of milliseconds that no Python program can close."""
    try:
        maps = Path(f"/proc/{pid}/maps").read_text(encoding="utf-8")
    except OSError:
        return False
    return "/numpy/" in maps


def _interrupt(
    db_url: str, folder: Path, tmp_path: Path, *, point: str | None = None, delay: float = 0.0
) -> Interrupted:
    """Run ``inventory import FOLDER``; SIGINT it when it reaches ``point`` (a fault point)
    or ``delay`` seconds after it started loading the tool."""
    marker = tmp_path / "reached"
    marker.unlink(missing_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("INVENTORY_")}
    if point is not None:
        env.update(INVENTORY_FAULT_POINT=point, INVENTORY_FAULT_MARKER=str(marker))
    process = subprocess.Popen(
        [str(INVENTORY), "--db", db_url, "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=_interruptible,
    )
    try:
        deadline = time.monotonic() + TIMEOUT_S
        while not (marker.exists() if point is not None else _loading_the_tool(process.pid)):
            if process.poll() is not None:
                break
            assert time.monotonic() < deadline, "the import never reached the moment"
            time.sleep(0.002)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return Interrupted(process.returncode, stdout.decode(), stderr.decode())


@pytest.fixture
def versions(db_url: str, tmp_path: Path) -> tuple[Path, Any, Any]:
    """Version 1 stored (run 1); the folder of version 2 to import; the two contents."""
    before_folder = write_inventory(tmp_path, "gnosjo", 1, clients=300)
    after_folder = write_inventory(tmp_path, "gnosjo", 2, clients=300)
    with InventoryStore(db_url) as store:
        store.import_batch(validate_paths([before_folder]))
    return (
        after_folder,
        folder_content(before_folder),
        _after(tmp_path, before_folder, after_folder),
    )


def _after(tmp_path: Path, first: Path, second: Path) -> Any:
    """What importing ``first`` and then ``second`` stores (into a database of its own)."""
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    with InventoryStore(url) as store:
        for folder in (first, second):
            store.import_batch(validate_paths([folder]))
    return stored_content(url)


def _check(outcome: Interrupted, db_url: str, before_dump: Any, after: Any) -> str:
    """The state is the old or the new one and the message says which; returns it."""
    assert "Traceback" not in outcome.stderr + outcome.stdout
    if outcome.code == 0:  # finished before the signal came
        assert "Import run 2" in outcome.stdout
        return "finished"
    assert outcome.code == 130, outcome.stderr
    assert outcome.stderr.count("\n") == 1, outcome.stderr  # one line
    message = outcome.stderr.strip()
    if message in (NOTHING, "Interrupted."):
        # (the bare line only while typer dispatches, before the command has begun)
        assert dump_tables(db_url) == before_dump  # not even an import_run row
        return "nothing"
    assert message == "Interrupted after the import was stored (run 2).", message
    assert stored_content(db_url) == after
    with InventoryStore(db_url) as store:
        assert [run.id for run in store.history()] == [1, 2]
    return "stored"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("start", "nothing"),
        ("reading", "nothing"),
        ("mid-write", "nothing"),
        ("commit", "nothing"),
        ("committed", "stored"),
        ("printing", "stored"),
        ("printed", "stored"),
    ],
)
def test_ctrl_c_at_each_moment_of_an_import_says_what_was_stored(
    db_url: str, tmp_path: Path, versions: tuple[Path, Any, Any], point: str, expected: str
) -> None:
    folder, _before, after = versions
    before_dump = dump_tables(db_url)
    outcome = _interrupt(db_url, folder, tmp_path, point=point)
    # the result is printed whole or not at all
    assert ("Import run 2" in outcome.stdout) == (point == "printed"), outcome.stdout
    assert _check(outcome, db_url, before_dump, after) == expected
    # the store works on: no lock is left behind, the next import completes
    with InventoryStore(db_url) as store:
        store.import_batch(validate_paths([folder]))
        # (a PostgreSQL sequence does not give back the number a rolled-back run took)
        assert len(store.history()) == (2 if expected == "nothing" else 3)


@pytest.mark.slow
def test_ctrl_c_while_the_tool_is_starting(
    sqlite_url: str,
    tmp_path: Path,
) -> None:
    """The first seconds of a run go to loading libraries: no traceback there either."""
    folder = write_inventory(tmp_path, "gnosjo", 1)
    outcome = _interrupt(sqlite_url, folder, tmp_path)
    assert (outcome.code, outcome.stderr, outcome.stdout) == (130, NOTHING + "\n", "")
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


@pytest.mark.slow
def test_ctrl_c_at_moments_spread_over_an_import(sqlite_url: str, tmp_path: Path) -> None:
    """SIGINT at moments from start-up to the end of a larger import (not chosen by a
    hook): whatever it hits, the message matches the state."""
    before_folder = write_inventory(tmp_path, "gnosjo", 1, clients=30_000)
    folder = write_inventory(tmp_path, "gnosjo", 2, clients=30_000)
    with InventoryStore(sqlite_url) as store:
        store.import_batch(validate_paths([before_folder]))
    before_dump = dump_tables(sqlite_url)
    after = _after(tmp_path, before_folder, folder)
    seen = []
    for delay in (0.5, 1.5, 3.0, 4.5, 6.0):
        outcome = _interrupt(sqlite_url, folder, tmp_path, delay=delay)
        state = _check(outcome, sqlite_url, before_dump, after)
        seen.append(state)
        if state != "nothing":
            break  # from here on the new state is stored: later moments say the same
    assert seen  # at least one moment interrupted or finished, each one consistent


def test_an_interrupt_lost_in_a_collector_callback_is_delivered_again() -> None:
    """Python swallows a KeyboardInterrupt raised inside a weakref callback or ``__del__``
    ("Exception ignored in ..." with a traceback); the console script raises it again in
    the main code instead."""
    code = (
        "import sys, weakref\n"
        "from inventory.cli import _interrupt_again\n"
        "sys.unraisablehook = _interrupt_again(sys.unraisablehook)\n"
        "class Thing: pass\n"
        "def callback(_ref): raise KeyboardInterrupt\n"
        "thing = Thing(); ref = weakref.ref(thing, callback)\n"
        "try:\n"
        "    del thing\n"
        "    for _ in range(100_000_000): pass\n"
        "    print('lost')\n"
        "except KeyboardInterrupt:\n"
        "    print('delivered')\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
        preexec_fn=_interruptible,
    )
    assert (process.stdout, process.stderr) == ("delivered\n", "")
