"""A municipality file left unread (byte for byte its last import's) stands for the code
its folder's records take: validation reads that code from the table's ``objects``; the
frame, made only when asked, is the one-column frame of that code (SQLite and
PostgreSQL)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from inventory.api import import_folders
from inventory.read.discover import discover
from inventory.store import InventoryStore
from inventory.store.unchanged import unchanged_folders
from inventory.validate.records import municipality_code

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MUNICIPALITIES = ("gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo")


def test_an_unread_municipality_file_gives_its_code(db_url: str, tmp_path: Path) -> None:
    folders = [shutil.copytree(SAMPLES / name, tmp_path / name) for name in MUNICIPALITIES]
    import_folders(folders, db_url)
    folder = folders[MUNICIPALITIES.index("hylte")]
    with InventoryStore(db_url) as store:
        check = unchanged_folders(db_url, store)
        assert check is not None
        (found,), _issues = discover([folder])
        unread = check.rows.unread(found, "municipality")
    assert unread is not None
    table, rows, _encoding = unread
    assert rows == 1
    assert table.objects["code"].tolist() == ["hylte"]
    assert municipality_code(table) == "hylte"
    assert table.__dict__["_frame"] is None  # not made yet
    pd.testing.assert_frame_equal(
        table.frame, pd.DataFrame(np.array([["hylte"]], dtype=object), columns=["code"])
    )
