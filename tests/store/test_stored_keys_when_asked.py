"""The stored keys an import validates references against are read when a kind of them is
asked (``InventoryStore.stored_keys``): equal to ``known_keys``, and a re-import whose
typed rows name sites reads the stored site keys but none of the servers' (SQLite and
PostgreSQL)."""

from __future__ import annotations

import csv
import gc
import io
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest

from inventory.store import InventoryStore
from inventory.store.unchanged import unchanged_folders
from inventory.validate import validate_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MUNICIPALITIES = ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")


def _samples(target: Path) -> list[Path]:
    for name in MUNICIPALITIES:
        shutil.copytree(SAMPLES / name, target / name)
    return [target / name for name in MUNICIPALITIES]


def _rewrite_clients(folder: Path, change: Any) -> None:
    """``change(header, rows)`` on the client file of ``folder`` (whatever its name)."""
    file = next(
        path for path in folder.glob("*.csv") if path.stem.lower() in {"clients", "klienter"}
    )
    text = file.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
    rows = list(csv.reader(io.StringIO(text), dialect))
    change(rows[0], rows[1:])
    out = io.StringIO()
    csv.writer(out, dialect, lineterminator="\n").writerows(rows)
    file.write_text(out.getvalue(), encoding="utf-8")


class _KindsRead:
    """The kinds whose stored keys a store reads (``InventoryStore._keys_of_kind``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kinds: list[str] = []
        read = InventoryStore._keys_of_kind

        def spy(store: InventoryStore, kind: str) -> dict[str, set[str]]:
            self.kinds.append(kind)
            return read(store, kind)

        monkeypatch.setattr(InventoryStore, "_keys_of_kind", spy)


def test_stored_keys_equal_the_known_keys(db_url: str, tmp_path: Path) -> None:
    folders = _samples(tmp_path / "in")
    with InventoryStore(db_url) as store:
        store.import_batch(validate_paths(folders))
        known, lazy = store.known_keys(), store.stored_keys()
        assert set(lazy) == set(known) == set(MUNICIPALITIES)
        # one municipality's kinds, one kind asked by name, then everything
        assert dict(lazy["varnamo"]) == known["varnamo"]
        assert lazy["hylte"].get("site") == known["hylte"]["site"]
        assert lazy["hylte"].get("client") is None  # (no reference names a client)
        assert {code: dict(kinds) for code, kinds in lazy.items()} == known
        assert "cluster" in known["varnamo"]  # (the servers name clusters)
        # no reference cycle: the keys read are freed with their last reference
        gc.disable()
        try:
            freed = weakref.ref(lazy)
            del lazy
            assert freed() is None
        finally:
            gc.enable()


def test_a_re_import_of_changed_client_rows_reads_no_server_keys(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = _samples(tmp_path / "in")
    with InventoryStore(db_url) as store:
        store.import_batch(validate_paths(folders))

    def models_changed(header: list[str], rows: list[list[str]]) -> None:
        model = next(i for i, name in enumerate(header) if name.lower() in {"model", "modell"})
        for row in rows[::5]:
            row[model] = f"{row[model]} (2)"

    for folder in folders:
        _rewrite_clients(folder, models_changed)
    reads = _KindsRead(monkeypatch)
    with InventoryStore(db_url) as store:
        check = unchanged_folders(db_url, store)
        assert check is not None
        lazily = validate_paths(folders, known_keys=store.stored_keys(), unchanged=check)
    assert lazily.report.valid, lazily.report.issues[:3]
    assert lazily.report.stats["rows_unchanged"] > 0  # only the changed rows were typed
    assert "server" not in reads.kinds and "cluster" not in reads.kinds
    assert reads.kinds  # (the changed client rows name sites: their keys were read)
    assert set(reads.kinds) <= {"site", "platform", "municipality"}
    # validated against every stored key at once: the same report
    with InventoryStore(db_url) as store:
        check = unchanged_folders(db_url, store)
        assert check is not None
        eagerly = validate_paths(folders, known_keys=store.known_keys(), unchanged=check)
    assert lazily.report.stats == eagerly.report.stats
    assert [i.model_dump() for i in lazily.report.issues] == [
        i.model_dump() for i in eagerly.report.issues
    ]
