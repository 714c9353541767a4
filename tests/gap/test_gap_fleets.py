"""Client rows folded into fleets: the gap sums and counts the same as over every row."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from inventory.analyse.graph import build_graph
from inventory.analyse.normalise import Normaliser
from inventory.gap.blocks import baseline_assets, baseline_blocks, client_fleets
from inventory.gap.dependents import DependencyIndex
from inventory.gap.eol import eol_exposure
from inventory.gap.rows import fold_rows
from inventory.snapshot import InventorySnapshot

AS_OF = dt.date(2026, 11, 23)


def test_fold_rows_keeps_first_rows_in_order_and_sums() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "group": ["x", None, "x", np.nan, "y"],
            "note": ["first x", "first missing", "second x", "second missing", "only y"],
        }
    )
    devices = pd.Series([1, 2, 3, 4, 5], dtype="Int64")
    folded = fold_rows(frame, ["group"], {"devices": devices})
    # missing values are one group; first rows, in the order the groups first appear
    assert folded["id"].tolist() == ["a", "b", "e"]
    assert folded["note"].tolist() == ["first x", "first missing", "only y"]
    assert folded["devices"].tolist() == [4, 6, 5]
    assert str(folded["devices"].dtype) == "Int64"
    assert folded["records"].tolist() == [2, 2, 1]


def test_fold_rows_of_nothing() -> None:
    frame = pd.DataFrame({"id": pd.Series(dtype=object), "group": pd.Series(dtype=object)})
    folded = fold_rows(frame, ["group"], {"devices": pd.Series(dtype="int64")})
    assert folded.empty
    assert {"id", "group", "devices", "records"} <= set(folded.columns)


def test_client_fleets_count_every_device(sample_snapshot: InventorySnapshot) -> None:
    clients = sample_snapshot.table("client")
    fleets = client_fleets(sample_snapshot).table("client")
    assert 0 < len(fleets) < len(clients)
    assert int(fleets["records"].sum()) == len(clients)
    devices = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1).sum()
    assert int(fleets["quantity"].sum()) == int(devices)
    # every other table is the snapshot's own
    assert client_fleets(sample_snapshot).table("server") is sample_snapshot.table("server")


def test_fleet_assets_give_the_same_blocks_and_exposure(sample_snapshot: InventorySnapshot) -> None:
    normaliser = Normaliser.default()
    rows = baseline_assets(sample_snapshot, normaliser, AS_OF)
    fleets = baseline_assets(sample_snapshot, normaliser, AS_OF, fleets=True)
    assert "records" not in rows.columns
    assert (fleets["kind"] == "client").sum() < (rows["kind"] == "client").sum()
    assert int(fleets["records"].sum()) == len(rows)
    assert int(fleets["count"].sum()) == int(rows["count"].sum())
    pd.testing.assert_frame_equal(baseline_blocks(fleets), baseline_blocks(rows))
    dependencies = DependencyIndex(build_graph(sample_snapshot))
    exposure = eol_exposure(fleets, dependencies)
    assert (exposure["kind"] == "client").any()
    pd.testing.assert_frame_equal(exposure, eol_exposure(rows, dependencies))
