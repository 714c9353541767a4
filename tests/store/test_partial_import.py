"""A partial import replaces only the references of the records it carries: the stored
references of kinds without a file in the batch, and of records an earlier file left
behind, stay (a derived row keeps standing for them, or is written out row by row)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import create_engine, select

from inventory.analyse.graph import build_graph
from inventory.store import InventoryStore
from inventory.store.schema import reference
from inventory.validate import validate_paths
from inventory.validate.batch import REFERENCE_COLUMNS, ImportBatch
from tests.helpers import gnosjo_clients, make_batch

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
COLUMNS = list(REFERENCE_COLUMNS)


def _of(frame: pd.DataFrame, kinds: set[str]) -> pd.DataFrame:
    return frame[frame["kind"].isin(kinds)].reset_index(drop=True).astype(object)


def _any_order(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).sort_values(COLUMNS).reset_index(drop=True)


def _stored_rows(db_url: str) -> list[tuple[Any, ...]]:
    """The ``reference`` rows as stored (with their ids and ``derived``)."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(select(reference).order_by(reference.c.id)).all()
            ]
    finally:
        engine.dispose()


def _edges(store: InventoryStore) -> list[tuple[Any, ...]]:
    graph = build_graph(store.snapshot()).graph
    return sorted((str(a), str(b), str(key)) for a, b, key in graph.edges(keys=True))


def _vaggeryd(tmp_path: Path, name: str, files: list[str]) -> Path:
    folder = tmp_path / name / "vaggeryd"
    folder.mkdir(parents=True)
    for file in files:
        shutil.copy(SAMPLES / "vaggeryd" / file, folder / file)
    return folder


def test_a_sites_only_import_keeps_the_references_of_the_other_kinds(
    db_url: str, tmp_path: Path, sample_batch: ImportBatch
) -> None:
    sites_only = _vaggeryd(tmp_path, "sites", ["municipality.csv", "sites.csv"])
    kinds = {"client", "server", "application"}
    with InventoryStore(db_url) as store:
        store.import_batch(sample_batch)
        before = store.references()
        before_rows = [row for row in _stored_rows(db_url) if row[2] in kinds]
        before_snapshot = store.snapshot()
        before_edges = _edges(store)
        batch = validate_paths([sites_only], known_keys=store.known_keys())
        assert batch.report.valid, batch.report.errors[:3]
        assert sorted(m.code for m in batch.municipalities) == ["vaggeryd"]
        result = store.import_batch(batch)
        after = store.references()
        after_snapshot = store.snapshot()
        after_edges = _edges(store)
        vaggeryd = store.references(["vaggeryd"])
    assert not result.changed
    # the same stored rows (ids and derived rows too), read back the same
    assert [row for row in _stored_rows(db_url) if row[2] in kinds] == before_rows
    assert any(row[2] == "client" and row[1] == "vaggeryd" for row in before_rows)
    pd.testing.assert_frame_equal(_of(after, kinds), _of(before, kinds))
    assert not _of(vaggeryd, kinds).empty
    pd.testing.assert_frame_equal(_any_order(after), _any_order(before))
    pd.testing.assert_frame_equal(
        _any_order(after_snapshot.references), _any_order(before_snapshot.references)
    )
    assert after_edges == before_edges


def test_a_reimport_without_clients_keeps_the_client_references(
    db_url: str, tmp_path: Path, sample_batch: ImportBatch
) -> None:
    files = [path.name for path in (SAMPLES / "vaggeryd").iterdir() if path.name != "clients.csv"]
    no_clients = _vaggeryd(tmp_path, "no-clients", files)
    with InventoryStore(db_url) as store:
        store.import_batch(sample_batch)
        before = store.references()
        before_edges = _edges(store)
        batch = validate_paths([no_clients], known_keys=store.known_keys())
        assert batch.report.valid, batch.report.errors[:3]
        store.import_batch(batch, prune=True)  # prune leaves kinds without a file alone
        after = store.references()
        after_edges = _edges(store)
    pd.testing.assert_frame_equal(_of(after, {"client"}), _of(before, {"client"}))
    pd.testing.assert_frame_equal(_any_order(after), _any_order(before))
    assert after_edges == before_edges


def _client_sites(frame: pd.DataFrame) -> list[tuple[str, str]]:
    clients = frame[(frame["kind"] == "client") & (frame["field"] == "site")]
    return sorted(zip(clients["id"], clients["target_id"], strict=True))


def test_a_derived_row_stands_for_records_left_behind_and_reimported(
    db_url: str, tmp_path: Path
) -> None:
    everyone = [(f"C{n}", "S1") for n in range(1, 9)]
    first = validate_paths([gnosjo_clients(tmp_path / "v1", everyone)])
    # C2 and C5 re-imported (C5 moves to S2), C9 new; C1, C3, C4, C6..C8 are left behind
    some = validate_paths(
        [gnosjo_clients(tmp_path / "v2", [("C2", "S1"), ("C5", "S2"), ("C9", "S2")])]
    )
    with InventoryStore(db_url) as store:
        store.import_batch(first)
        store.import_batch(some)
        kept = store.references()
        snapshot = store.snapshot()
        derived = [row for row in _stored_rows(db_url) if row[2] == "client"]
        store.import_batch(some, prune=True)
        pruned = store.references()
    expected = [(key, "S2" if key in ("C5", "C9") else "S1") for key, _ in everyone]
    assert _client_sites(kept) == sorted([*expected, ("C9", "S2")])
    pd.testing.assert_frame_equal(snapshot.references, kept)
    # still one derived row for the field, and no row of its own for the clients
    assert [(row[3], row[4], row[8]) for row in derived] == [("*", "site", True)]
    # with prune the clients left behind go, and their references with them
    assert _client_sites(pruned) == [("C2", "S1"), ("C5", "S2"), ("C9", "S2")]
    pd.testing.assert_frame_equal(_any_order(pruned), _any_order(some.references.loc[:, COLUMNS]))


def test_a_derived_row_that_no_longer_holds_is_written_out(db_url: str) -> None:
    """A file whose values do not all resolve as a derived row says (built by hand: a
    valid batch resolves every value) turns it into rows for the records left behind."""

    def client(key: str, site: str | None) -> dict[str, Any]:
        return {"id": key, "kind": "laptop", "site": site}

    def ref(key: str, site: str, code: str = "gnosjo") -> dict[str, str]:
        return {
            "municipality": "gnosjo",
            "kind": "client",
            "id": key,
            "field": "site",
            "target_municipality": code,
            "target_kind": "site",
            "target_id": site,
        }

    sites = [{"id": "S1", "kind": "school"}, {"id": "S2", "kind": "office"}]
    first = make_batch(
        {
            "gnosjo": {
                "site": sites,
                "client": [client("C1", "S1"), client("C2", "S2"), client("C3", "S1")],
            }
        },
        [ref("C1", "S1"), ref("C2", "S2"), ref("C3", "S1")],
    )
    # C2 names S1 but no reference says so: the derived row cannot stand for it
    second = make_batch(
        {"gnosjo": {"client": [client("C2", "S1"), client("C4", "S2")]}}, [ref("C4", "S2")]
    )
    with InventoryStore(db_url) as store:
        store.import_batch(first)
        assert any(row[8] for row in _stored_rows(db_url))
        store.import_batch(second)
        stored = store.references()
        snapshot = store.snapshot()
    assert _client_sites(stored) == [("C1", "S1"), ("C3", "S1"), ("C4", "S2")]
    assert not any(row[8] for row in _stored_rows(db_url) if row[2] == "client")
    pd.testing.assert_frame_equal(snapshot.references, stored)
