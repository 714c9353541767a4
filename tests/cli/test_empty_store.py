"""Every command on a store that holds nothing: one line saying so, never a traceback.

Analysing commands exit 1 with "Nothing is stored yet: run `inventory import FOLDER`
first."; commands that show what is stored (list, stats, history) exit 0 with an explicit
empty result. Nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from inventory.errors import NothingStoredError
from inventory.gap.result import compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.store import InventoryStore
from inventory.target.model import TargetArchitecture

REPO = Path(__file__).resolve().parents[2]
TARGET = str(REPO / "samples" / "target.yaml")
NOTHING_STORED = "Nothing is stored yet: run `inventory import FOLDER` first."

#: Every analysing command ({out}: a path below the test's folder).
ANALYSING = {
    "gap": ["gap", "--target", TARGET],
    "gap json": ["gap", "--target", TARGET, "--format", "json"],
    "gap csv": ["gap", "--target", TARGET, "--format", "csv", "--out", "{out}"],
    "report": ["report", "--target", TARGET, "--out", "{out}"],
    "diagram target": ["diagram", "target", "--target", TARGET, "--out", "{out}/t.svg"],
    "diagram network": ["diagram", "network", "--out", "{out}/n.svg"],
    "diagram architecture": ["diagram", "architecture", "--out", "{out}/a.svg"],
    "diagram overlap": ["diagram", "overlap", "--out", "{out}/o.svg"],
    "lifecycle": ["lifecycle"],
    "lifecycle csv": ["lifecycle", "--format", "csv"],
    "overlap": ["overlap"],
    "overlap csv": ["overlap", "--format", "csv", "--out", "{out}"],
    "graph": ["graph", "--check", "--out", "{out}/g.graphml"],
    "impact": ["impact", "gnosjo:srv01"],
    "normalise": ["normalise", "--format", "json"],
    "propose-target": ["propose-target", "--out", "{out}/target.yaml"],
}


@pytest.fixture(params=["no database file", "an empty database"])
def empty_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An SQLite URL with nothing stored: a file that does not exist yet, or a database
    with every table and no record."""
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    if request.param == "an empty database":
        InventoryStore(url).close()
    return url


@pytest.mark.parametrize("command", sorted(ANALYSING))
def test_an_analysing_command_on_an_empty_store_says_what_to_do(
    command: str, inventory: Any, empty_store: str, tmp_path: Path, files_under: Any
) -> None:
    out = tmp_path / "out"
    args = [part.replace("{out}", str(out)) for part in ANALYSING[command]]
    before = files_under(tmp_path)
    outcome = inventory("--db", empty_store, *args)
    assert outcome.code == 1, outcome.text
    assert outcome.stderr.strip() == f"Error: {NOTHING_STORED}"
    assert outcome.stdout == ""
    assert files_under(tmp_path) == before  # no output, and no database file created


def test_list_stats_and_history_say_the_store_is_empty(inventory: Any, empty_store: str) -> None:
    empty_db = empty_store
    for kind in ("municipality", "server", "client"):
        listed = inventory("--db", empty_db, "list", kind)
        assert listed.code == 0 and listed.stdout.strip() == NOTHING_STORED
        as_json = inventory("--db", empty_db, "list", kind, "--format", "json")
        assert as_json.code == 0 and json.loads(as_json.stdout) == []
    stats = inventory("--db", empty_db, "stats")
    assert stats.code == 0 and stats.stdout.rstrip().endswith(NOTHING_STORED)
    counts = json.loads(inventory("--db", empty_db, "stats", "--format", "json").stdout)
    assert counts["municipalities"] == {} and counts["import_runs"] == 0
    history = inventory("--db", empty_db, "history", "--format", "json")
    assert history.code == 0 and json.loads(history.stdout) == []


def test_a_kind_with_no_records_is_said_so(inventory: Any, empty_db: str, tmp_path: Path) -> None:
    folder = tmp_path / "gnosjo"
    folder.mkdir()  # a municipality file alone
    (folder / "kommun.csv").write_bytes((REPO / "samples" / "gnosjo" / "kommun.csv").read_bytes())
    assert inventory("--db", empty_db, "import", str(folder)).code == 0
    outcome = inventory("--db", empty_db, "list", "server")
    assert outcome.code == 0 and outcome.stdout.strip() == "No server records are stored."
    outcome = inventory("--db", empty_db, "list", "site", "-m", "gnosjo")
    assert outcome.code == 0 and outcome.stdout.strip() == "No site records are stored of gnosjo."


def test_the_gap_library_refuses_an_empty_snapshot(
    sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture
) -> None:
    empty = sample_snapshot.only([])
    no_scope = sample_target.model_copy(update={"municipalities": []})
    for target in (sample_target, no_scope):
        with pytest.raises(NothingStoredError, match="Nothing is stored yet"):
            compute_gap(empty, target, as_of=dt.date(2026, 11, 23))
