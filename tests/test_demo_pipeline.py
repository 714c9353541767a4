"""``run_demo``'s pipeline (issue 17): a worker forked at the start validates the samples
and imports them into the demo database while this process loads the analysis and report
libraries; this process then reads the stored inventory back. Whatever happens to the
worker (no fork, it fails, it dies half-way through the import, Ctrl-C), the demo ends as
the same steps made here would: the same database, the same reports, the same error.

Real SQLite databases and real demo runs throughout; never a timing.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import inventory.demo as demo
from inventory.demo import DATABASE_FILE, DemoInputError, DemoResult, run_demo
from inventory.errors import OutputError, TargetError

REPO = Path(__file__).resolve().parents[1]
INVENTORY = Path(sys.executable).with_name("inventory")
AS_OF = dt.date(2025, 6, 1)
_HERE = os.getpid()

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)


def _stored(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted; the import run's times and the samples' paths left out
    (they differ from one run to the next)."""
    with sqlite3.connect(database) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        stored = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            kept = [
                name
                for name in columns
                if not (table == "import_run" and name in ("started_at", "finished_at", "paths"))
                and not (table == "import_file" and name == "path")
            ]
            names = ", ".join(f'"{name}"' for name in kept)
            stored[table] = sorted(
                connection.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr
            )
    connection.close()
    return stored


def _report(out: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report.pop("generated", None)
    return report


def _same_demo(result: DemoResult, reference: DemoResult) -> None:
    """Two demo runs stored the same records and wrote the same report."""
    assert result.figures == reference.figures
    assert result.stored_records == reference.stored_records
    assert _stored(result.out_dir / DATABASE_FILE) == _stored(reference.out_dir / DATABASE_FILE)
    assert _report(result.out_dir) == _report(reference.out_dir)
    assert _markdown(result.out_dir) == _markdown(reference.out_dir)


def _markdown(out: Path) -> list[str]:
    lines = (out / "report.md").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("*Generated: ")]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    """The demo as it runs normally (with a worker where there is fork)."""
    thresholds = gc.get_threshold()
    result = run_demo(tmp_path_factory.mktemp("reference") / "demo", as_of=AS_OF)
    # the collector is as the demo found it: nothing left frozen, the same thresholds
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds
    return result


@pytest.fixture
def samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the samples that the demo uses instead of the bundled ones."""
    copy = tmp_path / "samples"
    shutil.copytree(REPO / "samples", copy)
    monkeypatch.setattr(demo, "find_samples", lambda: copy)
    return copy


def test_without_fork_the_demo_runs_here_the_same(
    reference: DemoResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    _same_demo(run_demo(tmp_path / "demo", as_of=AS_OF), reference)


@needs_fork
def test_a_worker_that_dies_half_way_through_the_import_leaves_it_to_this_process(
    reference: DemoResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker is killed (SIGKILL, as the kernel's out-of-memory killer would) while
    half of the files are written, inside the import's transaction: this process makes
    the same steps itself, on the database the worker left (its write-ahead log too)."""
    marker = tmp_path / "reached"
    store_samples = demo._store_samples

    def killed_in_the_worker(*arguments: Any) -> None:
        if os.getpid() != _HERE:  # in the worker: killed at the importer's "mid-write"
            os.environ["INVENTORY_FAULT_POINT"] = "mid-write"
            os.environ["INVENTORY_FAULT_MARKER"] = str(marker)

            def kill() -> None:
                while not marker.exists():
                    time.sleep(0.01)
                os.kill(os.getpid(), signal.SIGKILL)

            threading.Thread(target=kill, daemon=True).start()
        store_samples(*arguments)

    monkeypatch.setattr(demo, "_store_samples", killed_in_the_worker)
    result = run_demo(tmp_path / "demo", as_of=AS_OF)
    assert marker.read_text(encoding="utf-8") == "mid-write"  # the worker got that far
    _same_demo(result, reference)


@needs_fork
def test_the_import_is_made_in_the_worker(tmp_path: Path) -> None:
    """In a fresh interpreter, the demo's process never loads the importer: the samples
    were stored by the worker (this process only reads them back)."""
    code = (
        "import sys, datetime\n"
        "from pathlib import Path\n"
        "from inventory.demo import run_demo\n"
        f"run_demo(Path({str(tmp_path / 'demo')!r}), as_of=datetime.date(2025, 6, 1))\n"
        "print('inventory.store.importer' in sys.modules, 'inventory.report' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]
    assert (tmp_path / "demo" / "report.html").is_file()


def _break_a_sample(samples: Path) -> None:
    """The first server of Värnamo twice: a duplicate key, an error."""
    servers = samples / "varnamo" / "servers.csv"
    lines = servers.read_text(encoding="utf-8").splitlines(keepends=True)
    servers.write_text("".join([*lines, lines[1]]), encoding="utf-8")


def _break_the_target(samples: Path) -> None:
    target = samples / "target.yaml"
    text = target.read_text(encoding="utf-8")
    assert "\ncurrency: SEK\n" in text
    target.write_text(text.replace("\ncurrency: SEK\n", "\ncurrency: [SEK]\n"), encoding="utf-8")


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "here"])
def test_invalid_samples_are_reported_and_nothing_is_stored(
    samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    if not fork:
        monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    _break_a_sample(samples)
    _break_the_target(samples)  # (the samples are checked first)
    out = tmp_path / "demo"
    out.mkdir()
    (out / f"{DATABASE_FILE}-wal").write_bytes(b"")  # a stale log of the demo's: removed
    with pytest.raises(DemoInputError) as raised:
        run_demo(out, as_of=AS_OF)
    heading, *errors = str(raised.value).split("\n")
    assert heading == "the bundled samples do not validate:"
    # every error with its place, as `inventory validate` prints it (the appended copy of
    # Värnamo's first server: line 152 of a 151-line file, row 151 below the header)
    servers = samples / "varnamo" / "servers.csv"
    assert errors == [
        f"error duplicate-key at {servers}:152, row 151, column 'id' (#1): Key 'esx01' is"
        " used twice: rows 1 and 151 (lines 2 and 152). Hint: Each server needs its own id:"
        " rename one or merge the two rows."
    ]
    assert raised.value.hint == "run: inventory validate samples/"
    assert sorted(path.name for path in out.iterdir()) == []


def test_invalid_samples_are_listed_in_the_readers_language(samples: Path, tmp_path: Path) -> None:
    _break_a_sample(samples)
    with pytest.raises(DemoInputError) as raised:
        run_demo(tmp_path / "demo", as_of=AS_OF, lang="sv")
    _heading, *errors = str(raised.value).split("\n")
    servers = samples / "varnamo" / "servers.csv"
    assert len(errors) == 1
    assert errors[0].startswith(f"fel duplicate-key vid {servers}:152, rad 151, kolumn 'id'")
    assert "Nyckeln 'esx01' används två gånger" in errors[0]


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "here"])
def test_an_invalid_target_is_reported_and_nothing_is_stored(
    samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    if not fork:
        monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    _break_the_target(samples)
    out = tmp_path / "demo"
    with pytest.raises(TargetError) as raised:
        run_demo(out, as_of=AS_OF)
    assert str(raised.value) == (
        "samples/target.yaml is not valid: currency: currency must be a text, not a list."
    )
    assert sorted(path.name for path in out.iterdir()) == []  # no database was written


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "here"])
def test_a_database_the_demo_did_not_write_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    """A database holding a municipality that is not a sample (checked before anything is
    written): the same error, the file byte-identical, nothing else written."""
    if not fork:
        monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    out = tmp_path / "demo"
    out.mkdir()
    database = out / DATABASE_FILE
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE municipality (code TEXT)")
        connection.execute("INSERT INTO municipality VALUES ('mora')")
    connection.close()
    before = database.read_bytes()
    with pytest.raises(OutputError) as raised:
        run_demo(out, as_of=AS_OF)
    assert str(raised.value) == (
        f"{database} exists and is not a database the demo wrote: it is left as it is."
    )
    assert database.read_bytes() == before
    assert sorted(path.name for path in out.iterdir()) == [DATABASE_FILE]


def _interruptible() -> None:
    """In the child: Ctrl-C as at a terminal (a test run in the background of a shell has
    SIGINT ignored, and a child inherits that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@needs_fork
def test_ctrl_c_while_the_worker_imports_stores_nothing(tmp_path: Path) -> None:
    """``inventory demo`` at a terminal, Ctrl-C (SIGINT to the process group, the worker
    too) while the worker is half-way through the import: exit 130, one line, no
    traceback; the import rolled back; no report."""
    out = tmp_path / "demo"
    marker = tmp_path / "reached"
    env = {key: value for key, value in os.environ.items() if not key.startswith("INVENTORY_")}
    env.update(INVENTORY_FAULT_POINT="mid-write", INVENTORY_FAULT_MARKER=str(marker))
    process = subprocess.Popen(
        [str(INVENTORY), "--lang", "en", "demo", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=_interruptible,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker.exists(), process.communicate()
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr
    assert stderr.decode().strip() == "Interrupted.", stderr
    assert stdout == b""
    with sqlite3.connect(out / DATABASE_FILE) as connection:
        assert connection.execute("SELECT count(*) FROM municipality").fetchone() == (0,)
    connection.close()
    assert not (out / "report.html").exists()
