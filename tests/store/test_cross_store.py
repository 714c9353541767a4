"""The same import gives identical query results on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from inventory.models import RECORD_KINDS
from inventory.store import InventoryStore
from inventory.validate import validate_paths


@pytest.mark.postgres
def test_samples_read_back_identically_from_both_stores(
    samples_dir: Path, tmp_path: Path, postgres_database: Callable[[], str]
) -> None:
    folders = sorted(
        p for p in samples_dir.iterdir() if p.is_dir() and (p / "municipality.csv").exists()
    )
    if not folders:
        pytest.skip("no sample inventories in samples/")
    batch = validate_paths(folders)
    assert batch.report.valid, batch.report.errors[:5]
    urls = [f"sqlite:///{tmp_path / 'inventory.db'}", postgres_database()]
    results = []
    for url in urls:
        with InventoryStore(url) as store:
            imported = store.import_batch(batch)
            again = store.import_batch(batch)
            results.append(
                (
                    imported.to_json()["municipalities"],
                    again.totals.to_json(),
                    {kind: store.records(kind) for kind in RECORD_KINDS},
                    store.references(),
                    store.stats(),
                    store.known_keys(),
                    store.diff(1, 2).to_json(),
                )
            )
    sqlite, postgres = results
    assert sqlite[0] == postgres[0]
    assert sqlite[1] == postgres[1] and sqlite[1]["created"] == 0
    for kind in RECORD_KINDS:
        pd.testing.assert_frame_equal(sqlite[2][kind], postgres[2][kind], obj=kind)
    pd.testing.assert_frame_equal(
        sqlite[3].sort_values(list(sqlite[3].columns)).reset_index(drop=True),
        postgres[3].sort_values(list(postgres[3].columns)).reset_index(drop=True),
    )
    assert sqlite[4] == postgres[4]
    assert sqlite[5] == postgres[5]
    assert sqlite[6] == postgres[6]
