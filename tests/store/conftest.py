"""Store test fixtures: validated batches built by hand, and a dump of every table."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import MetaData, create_engine, select

from inventory.issues import IssueReport
from inventory.models import field_specs
from inventory.read.source import SourceTable
from inventory.validate.batch import REFERENCE_COLUMNS, ImportBatch, MunicipalityBatch, ValidTable

_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean"}

Rows = dict[str, list[dict[str, Any]]]


def valid_table(kind: str, municipality: str, rows: list[dict[str, Any]]) -> ValidTable:
    """A ValidTable as validation would hand it over (dtypes as documented)."""
    columns: dict[str, pd.Series] = {}
    for spec in field_specs(kind):
        values = [row.get(spec.name) for row in rows]
        columns[spec.name] = pd.Series(values, dtype=_DTYPES.get(spec.value_type, object))
    frame = pd.DataFrame(columns)
    frame["_line"] = pd.Series(range(2, len(rows) + 2), dtype="Int64")
    content = repr(rows).encode()
    source = SourceTable(
        path=Path(f"/inventories/{municipality}/{kind}.csv"), kind=kind,
        municipality=municipality, format="csv", sha256=hashlib.sha256(content).hexdigest(),
        encoding="utf-8", delimiter=";", header=list(columns), header_line=1,
        cells=pd.DataFrame(), lines=list(range(2, len(rows) + 2)))
    mapping = {name.upper(): name for name in columns}
    return ValidTable(kind=kind, municipality=municipality, source=source,
                      header_mapping=mapping, frame=frame)


def municipality_row(code: str) -> dict[str, Any]:
    return {"code": code, "name": f"{code.title()} kommun", "country": "SE",
            "population": 10_000, "it_budget": 1.5e7, "operating_model": "in_house"}


def make_batch(municipalities: dict[str, Rows],
               references: list[dict[str, str]] | None = None) -> ImportBatch:
    """A valid ImportBatch: per municipality code, rows per record kind (the municipality
    row is added when not given)."""
    parts = []
    for code, kinds in municipalities.items():
        tables = {"municipality": valid_table("municipality", code,
                                              kinds.get("municipality", [municipality_row(code)]))}
        for kind, rows in kinds.items():
            if kind != "municipality":
                tables[kind] = valid_table(kind, code, rows)
        parts.append(MunicipalityBatch(code=code, folder=Path(f"/inventories/{code}"),
                                       tables=tables))
    frame = pd.DataFrame(references or [], columns=list(REFERENCE_COLUMNS), dtype=object)
    return ImportBatch(municipalities=parts, references=frame, report=IssueReport())


def sample_rows() -> Rows:
    """A small municipality with every value type."""
    return {
        "site": [
            {"id": "DC1", "name": "Stadshuset", "kind": "datacentre", "racks_total": 4,
             "power_capacity_kw": 20.5, "ups": True, "generator": False},
            {"id": "0480", "name": "Skola", "kind": "school"},
        ],
        "server": [
            {"id": "esx01", "hostname": "esx01.kommun.se", "kind": "physical", "site": "DC1",
             "cluster": "CL1", "cpu_cores": 32, "ram_gb": 512.0,
             "purchase_date": dt.date(2019, 5, 1), "os_product": "VMware ESXi",
             "os_version": "6.7"},
            {"id": "srv-ad01", "kind": "virtual", "cluster": "CL1", "host": "esx01",
             "os_product": "Windows Server", "os_version": "2012 R2"},
        ],
        "zone": [{"id": "Z1", "name": "Skolnät", "purpose": "school", "vlans": (10, 20),
                  "sites": ("0480",), "prefixes": ("10.0.0.0/16",)}],
        "client": [
            {"id": f"CB-{n:03d}", "kind": "chromebook", "vendor": "Lenovo",
             "quantity": 30 if n % 2 else None, "site": "0480",
             "warranty_end": dt.date(2026, 6, 30)}
            for n in range(20)
        ],
    }


def dump_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read with a fresh engine (what is really stored)."""
    engine = create_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as connection:
            return {name: sorted(connection.execute(select(table)).all(), key=repr)
                    for name, table in metadata.tables.items()}
    finally:
        engine.dispose()


class StoreKit:
    """The helpers above, for tests (conftest modules cannot be imported directly)."""

    make_batch = staticmethod(make_batch)
    sample_rows = staticmethod(sample_rows)
    municipality_row = staticmethod(municipality_row)
    dump_tables = staticmethod(dump_tables)


@pytest.fixture
def kit() -> type[StoreKit]:
    return StoreKit
