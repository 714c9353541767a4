"""Timing script (not a test): store 1 million client rows in SQLite.

Compares ``InventoryStore.import_batch`` with the floor, a plain ``sqlite3`` executemany
of the same rows into a table of the same shape (same primary key, WAL, same PRAGMAs).

    .venv/bin/python tests/store/bench_store_speed.py [ROWS]
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from inventory.issues import IssueReport
from inventory.models import field_specs
from inventory.read.source import SourceTable
from inventory.store import InventoryStore
from inventory.validate.batch import ImportBatch, MunicipalityBatch, ValidTable


def client_frame(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    dates = np.array([dt.date(2020, 1, 1) + dt.timedelta(days=int(d)) for d in range(1500)],
                     dtype=object)
    return pd.DataFrame({
        "id": pd.Series([f"C{n:07d}" for n in range(rows)], dtype=object),
        "kind": pd.Series(rng.choice(["laptop", "desktop", "chromebook"], rows), dtype=object),
        "vendor": pd.Series(rng.choice(["Lenovo", "HP", "Dell"], rows), dtype=object),
        "model": pd.Series(rng.choice(["T14", "EliteBook 840", "Latitude 5440"], rows),
                           dtype=object),
        "os_product": pd.Series(rng.choice(["Windows", "ChromeOS"], rows), dtype=object),
        "os_version": pd.Series(rng.choice(["10", "11", "120"], rows), dtype=object),
        "managed_by": pd.Series(rng.choice(["intune", "google"], rows), dtype=object),
        "user_group": pd.Series(rng.choice(["staff", "student"], rows), dtype=object),
        "site": pd.Series(rng.choice([f"S{n}" for n in range(40)], rows), dtype=object),
        "quantity": pd.array(rng.integers(1, 3, rows), dtype="Int64"),
        "purchase_date": pd.Series(dates[rng.integers(0, 1500, rows)], dtype=object),
        "warranty_end": pd.Series(dates[rng.integers(0, 1500, rows)], dtype=object),
        "_line": pd.array(np.arange(2, rows + 2), dtype="Int64"),
    })


def batch_of(frame: pd.DataFrame) -> ImportBatch:
    def table(kind: str, data: pd.DataFrame) -> ValidTable:
        source = SourceTable(path=Path(f"bench/{kind}.csv"), kind=kind, municipality="bench",
                             format="csv", sha256="0" * 64, encoding="utf-8", delimiter=",",
                             header=list(data.columns), header_line=1, cells=pd.DataFrame(),
                             lines=[])
        return ValidTable(kind=kind, municipality="bench", source=source,
                          header_mapping={c: c for c in data.columns}, frame=data)

    municipality = pd.DataFrame({"code": ["bench"], "name": ["Bench"], "country": ["SE"],
                                 "_line": [2]})
    tables = {"municipality": table("municipality", municipality),
              "client": table("client", frame)}
    return ImportBatch(municipalities=[MunicipalityBatch("bench", Path("bench"), tables)],
                       references=pd.DataFrame(), report=IssueReport())


def floor(frame: pd.DataFrame, path: Path) -> float:
    names = [spec.name for spec in field_specs("client")]
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(f"CREATE TABLE client (municipality TEXT, {', '.join(names)},"
                       " PRIMARY KEY (municipality, id))")
    start = time.perf_counter()
    columns = []
    for name in names:
        values = frame[name].to_numpy(dtype=object, na_value=None)
        if name.endswith(("_date", "_end")):  # dates as ISO text, once per distinct value
            codes, uniques = pd.factorize(values)
            values = np.array([d.isoformat() for d in uniques] + [None], dtype=object)[codes]
        columns.append(values)
    rows = list(zip(["bench"] * len(frame), *columns, strict=True))
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO client VALUES ({', '.join('?' * (len(names) + 1))})",
                           rows)
    connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - start


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    frame = client_frame(rows)
    with tempfile.TemporaryDirectory() as folder:
        floor_s = floor(frame, Path(folder, "floor.db"))
        store = InventoryStore(f"sqlite:///{Path(folder, 'store.db')}")
        start = time.perf_counter()
        result = store.import_batch(batch_of(frame))
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = store.import_batch(batch_of(frame))
        second_s = time.perf_counter() - start
        store.close()
    print(f"rows: {rows:,}")
    print(f"floor (sqlite3 executemany): {floor_s:6.2f} s  {rows / floor_s:10,.0f} rows/s")
    print(f"store first import:          {first_s:6.2f} s  {rows / first_s:10,.0f} rows/s"
          f"  ({result.totals.created:,} created; {first_s / floor_s:.2f}x floor)")
    print(f"store re-import (unchanged): {second_s:6.2f} s  {rows / second_s:10,.0f} rows/s"
          f"  ({again.totals.unchanged:,} unchanged)")


if __name__ == "__main__":
    main()
