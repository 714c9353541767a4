"""What an import reads is freed as soon as the import is done, not at the garbage
collector's next full pass: the check of rows (``RawRows``), its files (``FileRows``) and
their cells hold no reference cycle. A cycle kept every file's cells of a 20-municipality
re-import (about 33 MiB) alive after each import in a long-lived process (an API caller,
the test suite, the benchmark's repeated runs)."""

from __future__ import annotations

import csv
import gc
import io
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from inventory.store import InventoryStore, stored_known_keys
from inventory.store.rawrows import RawRows
from inventory.store.unchanged import unchanged_folders
from inventory.synth import SynthOptions, generate_inventories
from inventory.validate import validate_paths

#: Three small synthetic municipalities (as ``test_unchanged_rows``).
OPTIONS = SynthOptions(
    municipalities=3, seed=1, client_rows_per_inhabitant=0.002, servers_per_inhabitant=0.0005
)


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The cyclic collector stopped: only reference counting frees objects."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _change_every_tenth_model(folder: Path) -> int:
    file = folder / "clients.csv"
    rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8"))))
    model = rows[0].index("model")
    for row in rows[1::10]:
        row[model] = f"{row[model]} (2)"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    file.write_text(out.getvalue(), encoding="utf-8")
    return len(rows[1::10])


def _import(url: str, folders: list[Path]) -> tuple[list[weakref.ref[object]], int, int]:
    """Validate and import as ``inventory import`` does; weak references to the check of
    rows and its files (taken inside, so that nothing here holds them), the records
    updated and the files of which some rows were kept and others typed."""
    check = unchanged_folders(url)
    assert check is not None
    batch = validate_paths(folders, known_keys=stored_known_keys(url), unchanged=check)
    assert batch.report.valid, batch.report.issues[:3]
    with InventoryStore(url) as store:
        result = store.import_batch(batch)
    rows = check.rows
    assert isinstance(rows, RawRows)
    watched: list[weakref.ref[object]] = [weakref.ref(rows)]
    watched += [weakref.ref(file) for file in rows.files]
    watched += [weakref.ref(file.source) for file in rows.files]
    partly_kept = sum(
        1 for file in rows.files if file.positions is not None and not file.omitted and file.kept
    )
    return watched, result.totals.updated, partly_kept


def test_a_re_import_leaves_nothing_for_the_collector(tmp_path: Path, collector_off: None) -> None:
    generate_inventories(tmp_path / "in", OPTIONS)
    folders = sorted(path for path in (tmp_path / "in").iterdir() if path.is_dir())
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    _import(url, folders)  # the first import: every row typed
    changed = sum(_change_every_tenth_model(folder) for folder in folders)

    watched, updated, partly_kept = _import(url, folders)

    assert updated == changed
    # each client file: some rows kept, some typed (its kept keys have a loader)
    assert partly_kept == len(folders)
    assert len(watched) > 1 + 2 * len(folders)
    alive = [type(ref()).__name__ for ref in watched if ref() is not None]
    assert alive == []
