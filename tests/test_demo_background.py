"""``run_demo`` validates (and stores) the samples in a forked process while it loads the
libraries of the analysis and the report (issue 17; the pipeline itself in
tests/test_demo_pipeline.py): a batch validated in a worker is the one ``validate_paths``
returns here, and importing ``inventory.demo`` loads only what validation needs.
Structural (which modules a fresh interpreter loads), never a timing."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import inventory.demo as demo
from inventory.forked import InBackground
from inventory.validate import ImportBatch, validate_paths

REPO = Path(__file__).resolve().parents[1]
_HERE = os.getpid()
#: Loaded by ``run_demo`` when it runs (while the samples are validated and stored beside).
LATER = (
    "sqlalchemy",
    "alembic",
    "networkx",
    "pandera",
    "jinja2",
    "graphviz",
    "xlsxwriter",
    "inventory.report",
    "inventory.store.store",
    "inventory.gap",
)


def _same_batch(ours: ImportBatch, theirs: ImportBatch) -> None:
    assert theirs.report.issues == ours.report.issues
    assert theirs.references.equals(ours.references)
    assert [m.code for m in theirs.municipalities] == [m.code for m in ours.municipalities]
    for mine, other in zip(ours.municipalities, theirs.municipalities, strict=True):
        assert mine.tables.keys() == other.tables.keys()
        assert mine.rejected == other.rejected
        for kind, table in mine.tables.items():
            assert table.frame.equals(other.tables[kind].frame), kind


def test_importing_the_demo_loads_only_what_validation_needs() -> None:
    code = f"import sys, inventory.demo; print(','.join(m for m in {LATER!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_the_batch_validated_beside_is_the_batch_validated_here() -> None:
    folders = demo._municipality_folders(demo.find_samples())[:2]
    beside = InBackground(validate_paths, folders)
    assert beside.forked  # a worker was forked
    _same_batch(validate_paths(folders), beside.result())
    assert not beside.forked  # the worker is gone once the batch is back


def test_without_fork_the_batch_is_validated_here(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = demo._municipality_folders(demo.find_samples())[:1]
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    beside = InBackground(validate_paths, folders)
    assert not beside.forked
    _same_batch(validate_paths(folders), beside.result())


def _fails_in_a_worker(folders: list[Path]) -> ImportBatch:
    if os.getpid() != _HERE:
        raise RuntimeError("the worker failed")
    return validate_paths(folders)


def _fails_everywhere(folders: list[Path]) -> ImportBatch:
    raise ValueError(f"cannot validate {len(folders)} folders")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_worker_that_fails_leaves_the_validation_to_this_process() -> None:
    folders = demo._municipality_folders(demo.find_samples())[:1]
    beside = InBackground(_fails_in_a_worker, folders)
    assert beside.forked
    _same_batch(validate_paths(folders), beside.result())


def test_an_error_of_the_validation_is_raised_here_as_it_is() -> None:
    with pytest.raises(ValueError, match="cannot validate 2 folders"):
        InBackground(_fails_everywhere, [Path("a"), Path("b")]).result()


def test_the_batch_survives_the_trip_back_from_the_worker() -> None:
    """What the worker sends back (pickled) is the batch as it was."""
    folders = demo._municipality_folders(demo.find_samples())[:1]
    batch = validate_paths(folders)
    _same_batch(batch, pickle.loads(pickle.dumps(batch)))
