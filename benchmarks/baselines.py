"""The two reference points of the import: a naive row-by-row import and the floor.

- *naive*: what an import written without thought for volume does: ``csv.DictReader``,
  one pydantic ``Client`` per row, one SQLAlchemy ORM object per row, one commit. Run on
  a slice of the file; the caller extrapolates linearly (and says so).
- *floor*: the least any CSV-to-SQLite import can do: pyarrow parses the file, sqlite3
  ``executemany`` inserts the same rows (dates as ISO text), one transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
import time
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
from sqlalchemy import Date, Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from inventory.models.clients import Client


class _Base(DeclarativeBase):
    pass


class ClientRow(_Base):
    """A client record as a naive ORM model maps it."""

    __tablename__ = "client"

    row: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str] = mapped_column(String)
    vendor: Mapped[str | None] = mapped_column(String)
    model: Mapped[str | None] = mapped_column(String)
    os_product: Mapped[str | None] = mapped_column(String)
    os_version: Mapped[str | None] = mapped_column(String)
    managed_by: Mapped[str | None] = mapped_column(String)
    user_group: Mapped[str | None] = mapped_column(String)
    site: Mapped[str | None] = mapped_column(String)
    quantity: Mapped[int | None] = mapped_column(Integer)
    purchase_date: Mapped[dt.date | None] = mapped_column(Date)
    warranty_end: Mapped[dt.date | None] = mapped_column(Date)
    support_end: Mapped[dt.date | None] = mapped_column(Date)


def naive_import(file: Path, database: Path, rows: int) -> dict[str, Any]:
    """The first ``rows`` rows: a pydantic model and an ORM object each, one commit."""
    engine = create_engine(f"sqlite:///{database}")
    _Base.metadata.create_all(engine)
    start = time.perf_counter()
    with file.open(encoding="utf-8", newline="") as handle, Session(engine) as session:
        count = 0
        for raw in islice(csv.DictReader(handle), rows):
            record = Client.model_validate({name: value or None for name, value in raw.items()})
            session.add(ClientRow(**record.model_dump()))
            count += 1
        session.commit()
    seconds = time.perf_counter() - start
    engine.dispose()
    return {"seconds": seconds, "rows": count}


def floor_import(file: Path, database: Path) -> dict[str, Any]:
    """pyarrow ``read_csv`` then sqlite3 ``executemany`` of every row, one transaction."""
    start = time.perf_counter()
    table = pa_csv.read_csv(file)
    columns = []
    for column in table.columns:
        if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
            column = column.cast(pa.string())
        columns.append(column.to_pylist())
    names = table.column_names
    connection = sqlite3.connect(database)
    connection.execute(f"CREATE TABLE client ({', '.join(names)})")
    with connection:
        connection.executemany(
            f"INSERT INTO client VALUES ({', '.join('?' * len(names))})", zip(*columns, strict=True)
        )
    connection.close()
    return {"seconds": time.perf_counter() - start, "rows": table.num_rows}
