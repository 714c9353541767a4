"""The records stored of each municipality and kind, as the check of unchanged folders
counts them (``inventory.store.unchanged._stored_counts``): taken from the last runs' files
when a kind's records number exactly their rows, else counted per municipality; the same
counts either way (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from inventory.api import import_folders
from inventory.store import InventoryStore, unchanged
from inventory.store.schema import RECORD_TABLES

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
#: The sample file of each record kind (one per kind in every sample folder).
FILES = {
    "site": "sites.csv",
    "server": "servers.csv",
    "client": "clients.csv",
}


def _rows(file: Path) -> int:
    return len(list(csv.reader(io.StringIO(file.read_text(encoding="utf-8"))))) - 1


def _counted(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[tuple[str, str], int], list[str]]:
    """``_stored_counts`` of the database's last runs, and the record tables counted per
    municipality (``GROUP BY``)."""
    grouped: list[str] = []
    original = unchanged.driver_query  # type: ignore[attr-defined]

    def spying(connection: Any, sql: str, params: Any = ()) -> Any:
        if "GROUP BY" in sql:
            grouped.append(sql.split(" FROM ")[1].split()[0].strip('"'))
        return original(connection, sql, params)

    monkeypatch.setattr(unchanged, "driver_query", spying)
    found: list[dict[tuple[str, str], int]] = []
    counting = unchanged._stored_counts

    def kept(connection: Any, files: Any) -> dict[tuple[str, str], int]:
        found.append(counting(connection, files))
        return found[-1]

    monkeypatch.setattr(unchanged, "_stored_counts", kept)
    with InventoryStore(url) as store:
        unchanged._StoredRuns(url, store)
    (counts,) = found
    return counts, grouped


@pytest.fixture
def folders(tmp_path: Path) -> list[Path]:
    return [shutil.copytree(SAMPLES / name, tmp_path / name) for name in ("varnamo", "hylte")]


def test_exact_files_give_the_counts_without_counting_each_municipality(
    db_url: str, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import_folders(folders, db_url)
    counts, grouped = _counted(db_url, monkeypatch)
    for folder in folders:
        for kind, name in FILES.items():
            assert counts[(folder.name, kind)] == _rows(folder / name)
    assert grouped == []


def test_records_left_behind_are_counted_per_municipality(
    db_url: str, folders: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import_folders(folders, db_url)
    clients = folders[0] / "clients.csv"
    lines = clients.read_text(encoding="utf-8").splitlines(keepends=True)
    clients.write_text("".join(lines[:-2]), encoding="utf-8")  # two clients fewer
    import_folders([folders[0]], db_url)  # (without --prune: their records stay)
    counts, grouped = _counted(db_url, monkeypatch)
    assert grouped == [RECORD_TABLES["client"].name]
    # the records stored, not the rows of the last file
    assert counts[(folders[0].name, "client")] == len(lines) - 1
    assert counts[(folders[1].name, "client")] == _rows(folders[1] / "clients.csv")
    assert counts[(folders[0].name, "server")] == _rows(folders[0] / "servers.csv")
