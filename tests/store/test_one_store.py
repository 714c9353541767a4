"""``import_folders`` (``inventory import``) opens the database once: the stored keys, the
folders and rows unchanged since their import and the import itself are read and written
through one store (SQLite and PostgreSQL); a database that does not exist is created only
once the files are valid."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from inventory.api import import_folders
from inventory.issues import InvalidInputError
from inventory.store import InventoryStore, stored_known_keys
from inventory.store import store as store_module
from inventory.store.unchanged import unchanged_folders

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MUNICIPALITIES = ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")


def _opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs of the stores opened from now on."""
    opened: list[str] = []
    original = store_module.InventoryStore.__init__

    def counting(self: InventoryStore, url: str) -> None:
        opened.append(url)
        original(self, url)

    monkeypatch.setattr(store_module.InventoryStore, "__init__", counting)
    return opened


def test_a_reimport_opens_the_database_once(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = [shutil.copytree(SAMPLES / name, tmp_path / name) for name in MUNICIPALITIES]
    first = import_folders(folders, db_url)
    assert first.result.totals.created > 0
    opened = _opened(monkeypatch)
    again = import_folders(folders, db_url)
    assert opened == [db_url]
    assert again.result.totals.unchanged == first.result.totals.created
    assert (again.result.totals.created, again.result.totals.updated) == (0, 0)
    assert len(again.batch.unchanged) == len(MUNICIPALITIES)


def test_a_new_database_is_opened_once_the_files_are_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    opened = _opened(monkeypatch)
    broken = shutil.copytree(SAMPLES / "varnamo", tmp_path / "varnamo")
    (broken / "servers.csv").write_text("nonsense\n", encoding="utf-8")
    with pytest.raises(InvalidInputError):
        import_folders([broken], url)
    assert opened == []
    assert not (tmp_path / "new.db").exists()
    done = import_folders([SAMPLES / "varnamo"], url)
    assert opened == [url]
    assert done.result.totals.created > 0


def test_the_reads_through_an_open_store_are_those_of_the_url(db_url: str, tmp_path: Path) -> None:
    folder = shutil.copytree(SAMPLES / "varnamo", tmp_path / "varnamo")
    import_folders([folder], db_url)
    with InventoryStore(db_url) as store:
        assert stored_known_keys(db_url, store) == stored_known_keys(db_url)
        shared, own = unchanged_folders(db_url, store), unchanged_folders(db_url)
        assert shared is not None and own is not None
        seen: list[Any] = []
        for check in (shared, own):
            rows = check.rows
            seen.append((rows.last_files, rows.stored_files, sorted(rows.last_raw)))
            check.rows.close()
        assert seen[0] == seen[1]
        # the shared store stays open (closing the check leaves it to its owner)
        assert store.municipality_codes() == ["varnamo"]
