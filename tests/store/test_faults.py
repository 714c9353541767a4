"""The store under faults: concurrent imports from separate processes, and SIGKILL.

Both run on SQLite and on a real PostgreSQL server. Imports are real subprocesses
(``import_worker.py``); nothing is mocked.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from inventory.store import InventoryStore
from tests.helpers import dump_tables, folder_content, stored_content, write_inventory

WORKER = Path(__file__).with_name("import_worker.py")
ROUNDS = 6
TIMEOUT_S = 180.0


def _wait_for(path: Path, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not path.exists():
        if process is not None and process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise AssertionError(f"worker ended early ({process.returncode}): {output}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {path}")
        time.sleep(0.01)


def _worker(
    db_url: str, control: Path, name: str, folders: list[Path], env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), db_url, str(control), name, *map(str, folders)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.slow
def test_overlapping_imports_serialise(db_url: str, tmp_path: Path) -> None:
    """Two processes import at the same moment, ROUNDS times: the same municipality with
    different content (even rounds) or different municipalities (odd rounds). Every import
    succeeds and the end state is always one of the serial orders."""
    InventoryStore(db_url).close()
    versions = {
        name: write_inventory(tmp_path, "gnosjo", n, clients=1500)
        for n, name in ((1, "a"), (2, "b"))
    }
    hylte = write_inventory(tmp_path, "hylte", 3, clients=1500)
    plan_a = [versions["a"] if r % 4 < 2 else versions["b"] for r in range(ROUNDS)]
    plan_b = [
        (versions["b"] if r % 4 < 2 else versions["a"]) if r % 2 == 0 else hylte
        for r in range(ROUNDS)
    ]
    control = tmp_path / "control"
    control.mkdir()
    workers = [_worker(db_url, control, "a", plan_a), _worker(db_url, control, "b", plan_b)]
    expected = {folder: folder_content(folder) for folder in (*versions.values(), hylte)}
    try:
        for number in range(ROUNDS):
            (control / f"go-{number}").touch()
            outcomes = []
            for name, process in zip("ab", workers, strict=True):
                done = control / f"done-{number}-{name}"
                _wait_for(done, process)
                outcomes.append(done.read_text(encoding="utf-8"))
            assert all(outcome.startswith("ok") for outcome in outcomes), outcomes
            state = stored_content(db_url)
            gnosjo = {
                kind: [row for row in rows if row[0] == "gnosjo"] for kind, rows in state.items()
            }
            gnosjo = {kind: rows for kind, rows in gnosjo.items() if rows}
            if number % 2 == 0:  # same municipality: the last one to commit wins, whole
                assert gnosjo in (expected[plan_a[number]], expected[plan_b[number]])
            else:  # different municipalities: both stored, untouched by each other
                assert gnosjo == expected[plan_a[number]]
                hylte_state = {
                    kind: [row for row in rows if row[0] == "hylte"] for kind, rows in state.items()
                }
                assert {k: v for k, v in hylte_state.items() if v} == expected[hylte]
    finally:
        for process in workers:
            if process.poll() is None:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    with InventoryStore(db_url) as store:
        assert len(store.history()) == 2 * ROUNDS


def _integrity_ok(db_url: str) -> None:
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return
    with sqlite3.connect(str(url.database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


@pytest.mark.slow
@pytest.mark.parametrize("point", ["reading", "mid-write", "commit", "random"])
def test_killed_import_leaves_the_state_before_or_after(
    db_url: str, tmp_path: Path, point: str
) -> None:
    """SIGKILL the importing process at a named point (or after a random delay): the
    database holds the state before or after the import, never between, and works on."""
    before_folder = write_inventory(tmp_path, "gnosjo", 1, clients=4000)
    after_folder = write_inventory(tmp_path, "gnosjo", 2, clients=4000)
    with InventoryStore(db_url) as store:
        from inventory.validate import validate_paths

        store.import_batch(validate_paths([before_folder]), prune=True)
    before_dump = dump_tables(db_url)
    before, after = folder_content(before_folder), folder_content(after_folder)

    control = tmp_path / "control"
    control.mkdir()
    marker = tmp_path / "reached"
    env = (
        {}
        if point == "random"
        else {"INVENTORY_FAULT_POINT": point, "INVENTORY_FAULT_MARKER": str(marker)}
    )
    process = _worker(db_url, control, "victim", [after_folder], env)
    # wait until the worker is ready (validated, store open), then let it go
    time.sleep(0.1)
    (control / "go-0").touch()
    if point == "random":
        time.sleep(0.05 + (os.getpid() % 7) * 0.05)
    else:
        _wait_for(marker, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=TIMEOUT_S)

    _integrity_ok(db_url)
    state = stored_content(db_url)
    assert state in (before, after)
    if point != "random":
        assert state == before
        assert dump_tables(db_url) == before_dump  # not even an import_run row
    # the store works on: the lock is gone and the next import completes
    with InventoryStore(db_url) as store:
        from inventory.validate import validate_paths

        result = store.import_batch(validate_paths([after_folder]), prune=True)
    assert result.run_id is not None
    assert stored_content(db_url) == after
    _integrity_ok(db_url)
