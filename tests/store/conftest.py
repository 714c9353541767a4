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
from inventory.snapshot import InventorySnapshot
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


def write_inventory(root: Path, code: str, version: int, clients: int = 0) -> Path:
    """An inventory folder on disk; ``version`` changes values and the set of keys."""
    folder = root / f"{code}-v{version}" / code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "municipality.csv").write_text(
        f"code,name,country,population\n{code},{code.title()} kommun,SE,{9000 + version}\n",
        encoding="utf-8")
    sites = [f"S{n};Skola {n};skola" for n in range(version, version + 5)]
    (folder / "sites.csv").write_text("id;namn;typ\nDC1;Stadshuset;datacenter\n"
                                      + "\n".join(sites) + "\n", encoding="utf-8")
    (folder / "servers.csv").write_text(
        "id,hostname,kind,site,cluster,os_version\n"
        f"esx01,esx01,physical,DC1,CL1,{version}.0\n"
        f"srv{version},srv{version},virtual,,CL1,2019\n", encoding="utf-8")
    if clients:
        rows = [f"C{n:06d},laptop,S{version},{1 + (n + version) % 3}"
                for n in range(version * 7, version * 7 + clients)]
        (folder / "clients.csv").write_text("id,kind,site,quantity\n" + "\n".join(rows)
                                            + "\n", encoding="utf-8")
    return folder


def gnosjo_clients(root: Path, clients: list[tuple[str, str]]) -> Path:
    """``root/gnosjo``: the municipality, two sites (S1, S2) and ``(id, site)`` clients."""
    folder = root / "gnosjo"
    folder.mkdir(parents=True)
    (folder / "municipality.csv").write_text("code,name,country\ngnosjo,Gnosjö,SE\n",
                                             encoding="utf-8")
    (folder / "sites.csv").write_text("id,kind\nS1,school\nS2,office\n", encoding="utf-8")
    (folder / "clients.csv").write_text("id,kind,site\n" + "".join(
        f"{key},laptop,{site}\n" for key, site in clients), encoding="utf-8")
    return folder


def content(snapshot: InventorySnapshot) -> dict[str, list[tuple[str, ...]]]:
    """The records of a snapshot as sorted text tuples (comparable across stores)."""
    def text(value: Any) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
            return ""
        return str(value)

    return {kind: sorted(tuple(text(v) for v in row)
                         for row in frame.itertuples(index=False, name=None))
            for kind, frame in sorted(snapshot.tables.items()) if not frame.empty}


def folder_content(folder: Path) -> dict[str, list[tuple[str, ...]]]:
    """What storing ``folder`` alone gives."""
    from inventory.validate import validate_paths

    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.errors[:3]
    return content(InventorySnapshot.from_batch(batch))


def stored_content(url: str) -> dict[str, list[tuple[str, ...]]]:
    from inventory.store import InventoryStore

    with InventoryStore(url) as store:
        return content(store.snapshot())


class StoreKit:
    """The helpers above, for tests (conftest modules cannot be imported directly)."""

    make_batch = staticmethod(make_batch)
    sample_rows = staticmethod(sample_rows)
    municipality_row = staticmethod(municipality_row)
    dump_tables = staticmethod(dump_tables)
    write_inventory = staticmethod(write_inventory)
    gnosjo_clients = staticmethod(gnosjo_clients)
    content = staticmethod(content)
    folder_content = staticmethod(folder_content)
    stored_content = staticmethod(stored_content)


@pytest.fixture
def kit() -> type[StoreKit]:
    return StoreKit
