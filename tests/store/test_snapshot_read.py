"""The snapshot read straight from the driver's cursor equals the stored rows, as SQLAlchemy
reads them row by row (the way it was read before), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import create_engine, select

from inventory.models import RECORD_KINDS, field_specs
from inventory.store import InventoryStore, reading
from inventory.store.schema import RECORD_TABLES, key_field
from tests.helpers import make_batch, sample_rows

_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean"}


def _rows() -> dict[str, Any]:
    """sample_rows plus keys out of order, in other scripts and cases, every value type."""
    rows = sample_rows()
    rows["client"] += [
        {
            "id": key,
            "kind": "laptop",
            "vendor": vendor,
            "quantity": quantity,
            "site": "DC1",
            "purchase_date": dt.date(2021, 1, 15),
            "support_end": None,
        }
        for key, vendor, quantity in (
            ("Ärende-7", "HP", 1),
            ("b-2", "Dell", None),
            ("B-3", "HP", 2),
            ("a-10", "Dell", 3),
            ("a-9", "HP", None),
            ("Øst-1", "Dell", 4),
        )
    ]
    rows["site"].append(
        {"id": "Åsen", "name": "Åsens skola", "kind": "school", "ups": False, "power_used_kw": 3.25}
    )
    rows["application"] = [
        {
            "id": "app-2",
            "name": "Procapita",
            "depends_on": ("app-1",),
            "users": 250,
            "annual_cost": 120000.5,
            "contract_end": dt.date(2027, 12, 31),
        },
        {"id": "app-1", "name": "Visma", "depends_on": (), "users": None},
    ]
    return rows


def _expected(url: str, kind: str) -> pd.DataFrame:
    """The stored rows of ``kind`` read by SQLAlchemy row by row (dates and booleans by its
    result processors), sorted by municipality and key in Python, typed as documented."""
    table = RECORD_TABLES[kind]
    specs = field_specs(kind)
    names = ["municipality", *(spec.name for spec in specs)]
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = [
                tuple(row) for row in connection.execute(select(*(table.c[name] for name in names)))
            ]
    finally:
        engine.dispose()
    key = names.index(key_field(kind))
    rows.sort(key=lambda row: (row[0], row[key]))
    columns: dict[str, Any] = {"municipality": pd.Series([row[0] for row in rows], dtype=object)}
    for index, spec in enumerate(specs, start=1):
        values = [row[index] for row in rows]
        if spec.many:
            values = [None if value is None else tuple(json.loads(value)) for value in values]
        columns[spec.name] = pd.Series(values, dtype=_DTYPES.get(spec.value_type, object))
    return pd.DataFrame(columns)


@pytest.mark.parametrize("chunk", [50_000, 3])
def test_snapshot_frames_are_the_stored_rows_with_their_dtypes(
    db_url: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "_CHUNK", chunk)  # 3: every column read in many chunks
    batch = make_batch({"ödeshög": _rows(), "alvesta": _rows(), "o'hara": sample_rows()})
    with InventoryStore(db_url) as store:
        store.import_batch(batch)
        snapshot = store.snapshot()
        clients_of_one = store.records("client", ["ödeshög"])
    for kind in RECORD_KINDS:
        expected = _expected(db_url, kind)
        pd.testing.assert_frame_equal(snapshot.table(kind), expected, check_exact=True)
    clients = snapshot.table("client")
    # by hand: municipalities in code point order (ö after o), keys likewise
    assert list(dict.fromkeys(clients["municipality"])) == ["alvesta", "o'hara", "ödeshög"]
    assert clients[clients["municipality"] == "alvesta"]["id"].tolist()[:6] == [
        "B-3",
        "CB-000",
        "CB-001",
        "CB-002",
        "CB-003",
        "CB-004",
    ]
    assert clients[clients["municipality"] == "alvesta"]["id"].tolist()[-5:] == [
        "a-10",
        "a-9",
        "b-2",
        "Ärende-7",
        "Øst-1",
    ]
    one = clients.set_index(["municipality", "id"])
    assert one.loc[("ödeshög", "CB-003"), "quantity"] == 30
    assert one.loc[("ödeshög", "CB-002"), "quantity"] is pd.NA
    assert one.loc[("ödeshög", "CB-003"), "warranty_end"] == dt.date(2026, 6, 30)
    assert one.loc[("alvesta", "a-10"), "purchase_date"] == dt.date(2021, 1, 15)
    assert one.loc[("alvesta", "a-10"), "support_end"] is None
    sites = snapshot.table("site").set_index(["municipality", "id"])
    ups = sites.loc[("alvesta", "Åsen"), "ups"]
    assert ups is False or (isinstance(ups, np.bool_) and not ups)  # a numpy bool is False too
    assert sites.loc[("alvesta", "DC1"), "power_capacity_kw"] == 20.5
    zones = snapshot.table("zone").set_index(["municipality", "id"])
    assert zones.loc[("o'hara", "Z1"), "vlans"] == (10, 20)
    apps = snapshot.table("application").set_index(["municipality", "id"])
    assert apps.loc[("alvesta", "app-1"), "depends_on"] == ()
    assert apps.loc[("alvesta", "app-2"), "depends_on"] == ("app-1",)
    # equal texts share one object, across chunks too
    assert len({id(value) for value in clients["vendor"]}) == 3  # Lenovo, HP, Dell
    pd.testing.assert_frame_equal(
        clients_of_one, clients[clients["municipality"] == "ödeshög"].reset_index(drop=True)
    )


def test_a_text_column_holding_a_blob_is_read_as_stored(tmp_path: Path) -> None:
    # SQLite keeps a blob written by another program as it is, even in a text column.
    url = f"sqlite:///{tmp_path / 'inventory.db'}"
    with InventoryStore(url) as store:
        store.import_batch(make_batch({"gnosjo": sample_rows()}))
    with sqlite3.connect(tmp_path / "inventory.db") as connection:
        connection.execute("UPDATE client SET vendor = x'4869' WHERE id = 'CB-004'")
    with InventoryStore(url) as store:
        clients = store.snapshot().table("client")
    vendors = dict(zip(clients["id"], clients["vendor"], strict=True))
    assert vendors["CB-004"] == b"Hi"
    assert vendors["CB-005"] == "Lenovo"
    pd.testing.assert_frame_equal(clients, _expected(url, "client"), check_exact=True)
