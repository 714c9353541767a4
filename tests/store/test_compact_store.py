"""Compact storage: derived references and created records many to a row read back
exactly as what was resolved and changed, and migrate both ways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from alembic import command
from sqlalchemy import create_engine, func, select

from inventory.store import InventoryStore
from inventory.store.database_file import head_revision
from inventory.store.engine import alembic_config
from inventory.store.frames import row_hashes, stored_columns
from inventory.store.schema import CREATED_MANY, key_field, record_change, reference
from inventory.validate import validate_paths
from inventory.validate.batch import REFERENCE_COLUMNS, ImportBatch
from tests.helpers import dump_tables, gnosjo_clients, write_inventory


def _expected(batch: ImportBatch, municipalities: list[str] | None = None) -> pd.DataFrame:
    frame = batch.references.loc[:, list(REFERENCE_COLUMNS)]
    if municipalities is not None:
        frame = frame[frame["municipality"].isin(municipalities)]
    return frame.reset_index(drop=True).astype(object)


def _rows(db_url: str, statement: Any) -> list[Any]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(statement).all())
    finally:
        engine.dispose()


def _derived(db_url: str) -> set[tuple[str, str, str]]:
    return {
        tuple(row)
        for row in _rows(
            db_url,
            select(reference.c.municipality, reference.c.kind, reference.c.field).where(
                reference.c.derived.is_(True)
            ),
        )
    }


def test_references_read_back_as_resolved_in_their_order(
    db_url: str, sample_batch: ImportBatch
) -> None:
    with InventoryStore(db_url) as store:
        store.import_batch(sample_batch)
        stored = store.references()
        gnosjo = store.references(["gnosjo"])
        snapshot = store.snapshot()
    pd.testing.assert_frame_equal(stored.astype(object), _expected(sample_batch))
    pd.testing.assert_frame_equal(gnosjo.astype(object), _expected(sample_batch, ["gnosjo"]))
    pd.testing.assert_frame_equal(snapshot.references, stored)
    # plain same-municipality references of single-valued fields are derived rows; the
    # code:id ones (links to a neighbour's site) and list fields keep a row each
    derived = _derived(db_url)
    assert ("gnosjo", "client", "site") in derived
    assert ("gnosjo", "link", "b_site") in derived or all(row[2] != "b_site" for row in derived)
    kept = _rows(db_url, select(func.count()).select_from(reference))[0][0]
    assert kept < len(sample_batch.references) / 2
    cross = sample_batch.references
    cross = cross[cross["target_municipality"] != cross["municipality"]]
    assert not cross.empty  # the samples do name other municipalities' records
    stored_cross = stored[stored["target_municipality"] != stored["municipality"]]
    pd.testing.assert_frame_equal(
        stored_cross.reset_index(drop=True).astype(object),
        cross.loc[:, list(REFERENCE_COLUMNS)].reset_index(drop=True).astype(object),
    )


def test_records_left_by_an_earlier_file_keep_their_references(db_url: str, tmp_path: Path) -> None:
    first = write_inventory(tmp_path, "gnosjo", 1, clients=30)
    second = write_inventory(tmp_path, "gnosjo", 2, clients=30)  # C14..C43, not C7..C13
    later = validate_paths([second])
    with InventoryStore(db_url) as store:
        store.import_batch(validate_paths([first]))
        assert ("gnosjo", "client", "site") in _derived(db_url)
        store.import_batch(later)  # no prune: the first file's clients C7..C13 stay
        kept = store.references()
        assert len(store.records("client")) == 37
        # the derived row still stands for every client: C14.. again name their site
        assert ("gnosjo", "client", "site") in _derived(db_url)
        store.import_batch(later, prune=True)
        pruned = store.references()
        assert ("gnosjo", "client", "site") in _derived(db_url)
    # the clients left behind keep their references; the others are the last import's
    left = _expected(validate_paths([first]))
    left = left[left["id"].isin([f"C{n:06d}" for n in range(7, 14)])]
    assert len(left) == 7

    def in_any_order(frame: pd.DataFrame) -> pd.DataFrame:
        columns = list(REFERENCE_COLUMNS)
        return frame.astype(object).sort_values(columns).reset_index(drop=True)

    pd.testing.assert_frame_equal(
        in_any_order(kept), in_any_order(pd.concat([_expected(later), left]))
    )
    # with prune the records left behind go, and their references with them
    pd.testing.assert_frame_equal(pruned.astype(object), _expected(later))


def test_created_records_are_logged_many_to_a_row(db_url: str, tmp_path: Path) -> None:
    first = write_inventory(tmp_path, "gnosjo", 1, clients=30)
    second = write_inventory(tmp_path, "gnosjo", 2, clients=30)
    with InventoryStore(db_url) as store:
        store.import_batch(validate_paths([first]))
        result = store.import_batch(validate_paths([second]), prune=True)
        difference = store.diff(1, 2)
    created = sorted((r.kind, r.id) for r in difference.records if r.change == "created")
    assert created == sorted(
        [("client", f"C{n:06d}") for n in range(37, 44)] + [("server", "srv2"), ("site", "S6")]
    )
    assert result.totals.created == len(created)
    deleted = sorted((r.kind, r.id) for r in difference.records if r.change == "deleted")
    assert deleted == sorted(
        [("client", f"C{n:06d}") for n in range(7, 14)] + [("server", "srv1"), ("site", "S1")]
    )
    rows = _rows(
        db_url,
        select(record_change.c.run_id, record_change.c.kind, record_change.c.change).where(
            record_change.c.run_id == 2, record_change.c.kind == "client"
        ),
    )
    # C14..C36 moved to site S2: one updated row each; the 7 created ones: one row
    assert sorted(rows) == sorted(
        [(2, "client", CREATED_MANY)]
        + [(2, "client", "deleted")] * 7
        + [(2, "client", "updated")] * 23
    )


def test_downgrade_expands_the_compact_rows_and_upgrade_reads_them(
    db_url: str, sample_batch: ImportBatch
) -> None:
    with InventoryStore(db_url) as store:
        store.import_batch(sample_batch)
        history = store.diff(1, 1).to_json()
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0001")
        with engine.connect() as connection:
            columns = [c.name for c in reference.columns if c.name != "derived"]
            old_rows = connection.exec_driver_sql(
                f"SELECT {', '.join(columns)} FROM reference"
            ).all()
            changes = connection.exec_driver_sql(
                "SELECT change, count(*) FROM record_change GROUP BY change"
            ).all()
    finally:
        engine.dispose()
    # one row per reference, one created row per record, as revision 0001 stored them
    assert sorted(tuple(row[1:]) for row in old_rows) == sorted(
        tuple(row) for row in _expected(sample_batch).itertuples(index=False)
    )
    records = sum(len(t.frame) for m in sample_batch.municipalities for t in m.tables.values())
    assert dict(changes) == {"created": records}

    def in_any_order(frame: pd.DataFrame) -> pd.DataFrame:
        columns = list(REFERENCE_COLUMNS)
        return frame.astype(object).sort_values(columns).reset_index(drop=True)

    with InventoryStore(db_url) as store:  # upgrades again (the expanded rows come last)
        pd.testing.assert_frame_equal(
            in_any_order(store.references()), in_any_order(_expected(sample_batch))
        )
        assert store.diff(1, 1).to_json() == history
        again = store.import_batch(sample_batch)
        assert again.totals.created == 0 and not again.changed
        pd.testing.assert_frame_equal(store.references().astype(object), _expected(sample_batch))
    engine = create_engine(db_url)  # opening the store upgraded it to the newest revision
    try:
        with engine.connect() as connection:
            stored = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert stored.scalar_one() == head_revision()
    finally:
        engine.dispose()


def test_small_files_prepared_together_store_as_each_alone(db_url: str, tmp_path: Path) -> None:
    folders = [
        write_inventory(tmp_path, code, n, clients=40)
        for n, code in enumerate(["gnosjo", "hylte", "vaggeryd"], start=1)
    ]
    with InventoryStore(db_url) as store:
        together = store.import_batch(validate_paths(folders))  # one group per kind
        stored = dump_tables(db_url)
        alone = [store.import_batch(validate_paths([folder])) for folder in folders]
    assert together.totals.created == 3 * (1 + 6 + 2 + 40)
    for result in alone:  # the same values and row hashes: nothing changed
        assert result.totals.unchanged == 1 + 6 + 2 + 40 and not result.changed
    after = dump_tables(db_url)
    for name in ("municipality", "site", "server", "client"):
        assert after[name] == stored[name]


def test_records_kept_from_an_earlier_file_on_the_same_line_are_ordered_by_key(
    db_url: str, tmp_path: Path
) -> None:
    first = gnosjo_clients(tmp_path / "v1", [("C1", "S1"), ("C3", "S2")])
    # C1 and C3 unchanged (they keep lines 2 and 3); C2 is new on line 2
    second = validate_paths(
        [gnosjo_clients(tmp_path / "v2", [("C2", "S2"), ("C1", "S1"), ("C3", "S2")])]
    )
    with InventoryStore(db_url) as store:
        store.import_batch(validate_paths([first]))
        store.import_batch(second, prune=True)
        stored = store.references()
        snapshot = store.snapshot()
    clients = stored[stored["kind"] == "client"]
    assert list(zip(clients["id"], clients["target_id"], strict=True)) == [
        ("C1", "S1"),
        ("C2", "S2"),
        ("C3", "S2"),
    ]
    expected = _expected(second)
    pd.testing.assert_frame_equal(
        stored.astype(object).sort_values(list(REFERENCE_COLUMNS)).reset_index(drop=True),
        expected.sort_values(list(REFERENCE_COLUMNS)).reset_index(drop=True),
    )
    pd.testing.assert_frame_equal(snapshot.references, stored)


def test_row_hashes_are_the_ones_earlier_versions_stored(sample_batch: ImportBatch) -> None:
    """Stored hashes must not change between versions (else every record would count as
    updated): still pandas' hash of the stored values' frame."""
    for municipality in sample_batch.municipalities:
        for kind, table in municipality.tables.items():
            columns = stored_columns(table.frame, kind)
            frame = pd.DataFrame(
                {name: pd.Series(values, dtype=object) for name, values in columns.items()}
            )
            before = pd.util.hash_pandas_object(frame, index=False).to_numpy().view(np.int64)
            assert (row_hashes(columns, unique={key_field(kind)}) == before).all(), kind
            assert (row_hashes(columns) == before).all(), kind
