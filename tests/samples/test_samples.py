"""The bundled samples: valid, reproducible, and holding the facts samples/README.md lists."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from inventory.issues import Severity
from inventory.models import RECORD_KINDS
from inventory.snapshot import InventorySnapshot
from inventory.validate import ImportBatch, validate_paths

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
CODES = ("gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte")


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_samples", REPO / "scripts" / "build_samples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def batch() -> ImportBatch:
    return validate_paths([SAMPLES / code for code in CODES])


@pytest.fixture(scope="module")
def snapshot(batch: ImportBatch) -> InventorySnapshot:
    return InventorySnapshot.from_batch(batch)


def _rows(snapshot: InventorySnapshot, kind: str, code: str) -> pd.DataFrame:
    frame = snapshot.table(kind)
    return frame[frame["municipality"] == code]


def _one(snapshot: InventorySnapshot, kind: str, code: str, key: str) -> pd.Series:
    frame = _rows(snapshot, kind, code)
    key_field = "code" if kind == "municipality" else "id"
    match = frame[frame[key_field] == key]
    assert len(match) == 1, f"{code}:{key} ({kind})"
    return match.iloc[0]


def test_samples_validate_without_errors_or_warnings(batch: ImportBatch) -> None:
    assert batch.report.valid
    serious = [i for i in batch.report.issues if i.severity != Severity.INFO]
    assert serious == []
    assert sorted(m.code for m in batch.municipalities) == sorted(CODES)


def test_the_whole_samples_folder_validates() -> None:
    assert validate_paths([SAMPLES]).report.valid


def test_builder_writes_the_committed_bytes(tmp_path: Path) -> None:
    written = _builder().write_samples(tmp_path)
    assert len(written) == 50
    for path in written:
        relative = path.relative_to(tmp_path)
        assert path.read_bytes() == (SAMPLES / relative).read_bytes(), relative


def test_every_municipality_has_every_record_kind(batch: ImportBatch) -> None:
    for municipality in batch.municipalities:
        assert set(municipality.tables) == set(RECORD_KINDS), municipality.code


def test_dialects_one_cp1252_semicolon_file_and_one_workbook() -> None:
    files = [p for code in CODES for p in (SAMPLES / code).iterdir()]
    semicolon = [
        p
        for p in files
        if p.suffix == ".csv"
        and b";" in p.read_bytes().split(b"\n")[0]
        and b"," not in p.read_bytes().split(b"\n")[0]
    ]
    assert [p.relative_to(SAMPLES).as_posix() for p in semicolon] == ["gnosjo/servrar.csv"]
    raw = semicolon[0].read_bytes()
    assert b"\r\n" in raw and "värdnamn".encode("cp1252") in raw and b"455,5" in raw
    assert [p.name for p in files if p.suffix == ".xlsx"] == ["verksamhetssystem.xlsx"]


def test_sizes_follow_population(snapshot: InventorySnapshot) -> None:
    servers = snapshot.table("server").groupby("municipality").size()
    assert all(40 <= servers[code] <= 150 for code in CODES)
    assert servers["varnamo"] > servers["gislaved"] > servers["vaggeryd"] > servers["gnosjo"]
    apps = snapshot.table("application").groupby("municipality").size()
    assert all(40 <= apps[code] <= 50 for code in CODES)
    devices = snapshot.table("client").groupby("municipality")["quantity"].sum()
    assert all(devices[code] >= 2000 for code in CODES)
    clients = snapshot.table("client")
    assert (clients["kind"] == "chromebook").groupby(clients["municipality"]).any().all()


def test_fact_a_products_shared_by_all_five(snapshot: InventorySnapshot) -> None:
    for code in CODES:
        assert _one(snapshot, "platform", code, "p-ad")["product"] == "Microsoft Active Directory"
        assert _one(snapshot, "platform", code, "p-m365")["product"] == "Microsoft 365"
        assert _one(snapshot, "application", code, "app-sitevision")["vendor"] == "Sitevision"


def test_fact_b_and_d_hylte_alone_on_hyper_v(snapshot: InventorySnapshot) -> None:
    hypervisors = snapshot.table("platform").query("capability == 'hypervisor'")
    products = dict(zip(hypervisors["municipality"], hypervisors["product"], strict=True))
    assert products.pop("hylte") == "Microsoft Hyper-V"
    assert set(products.values()) == {"VMware vSphere"}
    assert _one(snapshot, "platform", "hylte", "p-hyperv")["version"] == "2016"
    treserva = snapshot.table("application").query("product == 'Treserva'")
    assert list(treserva["municipality"]) == ["hylte"]


def test_fact_c_end_of_life_servers(snapshot: InventorySnapshot) -> None:
    servers = snapshot.table("server")
    windows = servers["os_product"] == "Windows Server"
    old = servers[windows & (servers["os_version"] == "2012 R2")]
    assert {"srv-procapita01", "srv-sql01"} <= set(old.loc[old["municipality"] == "gnosjo", "id"])
    assert "varnamo" not in set(old["municipality"])
    esxi67 = servers[servers["os_version"].fillna("").str.startswith("6.7")]
    assert sorted(esxi67["municipality"] + ":" + esxi67["id"]) == [
        "vaggeryd:esx01",
        "vaggeryd:esx02",
        "vaggeryd:esx03",
    ]


def test_fact_e_datacentre_capacity(snapshot: InventorySnapshot) -> None:
    full = _one(snapshot, "site", "vaggeryd", "SR1")
    assert full["kind"] == "server_room" and full["rack_units_free"] <= 4
    assert full["power_capacity_kw"] - full["power_used_kw"] < 2
    for code, least in (("varnamo", 200), ("gislaved", 100)):
        site = _one(snapshot, "site", code, "DC1")
        assert site["kind"] == "datacentre" and site["rack_units_free"] >= least


def test_fact_f_weak_interconnect(snapshot: InventorySnapshot) -> None:
    link = _one(snapshot, "link", "hylte", "L-VMO")
    assert (link["b_site"], link["kind"], link["bandwidth_mbps"], link["redundant"]) == (
        "varnamo:DC1",
        "vpn",
        100,
        False,
    )
    links = snapshot.table("link")
    between = links[links["b_site"].str.contains(":", regex=False)]
    assert set(between["municipality"]) == {"gislaved", "gnosjo", "vaggeryd", "hylte"}
    assert list(between.loc[between["bandwidth_mbps"] < 1000, "id"]) == ["L-VMO"]


def test_fact_g_critical_application_on_one_physical_server(snapshot: InventorySnapshot) -> None:
    app = _one(snapshot, "application", "gnosjo", "app-procapita")
    assert app["criticality"] == "critical" and "srv-procapita01" in app["depends_on"]
    server = _one(snapshot, "server", "gnosjo", "srv-procapita01")
    assert server["kind"] == "physical" and pd.isna(server["cluster"])


def test_fact_h_impact_chain_from_vaggeryd_cluster(snapshot: InventorySnapshot) -> None:
    servers = _rows(snapshot, "server", "vaggeryd")
    in_cluster = servers[servers["cluster"] == "esx-cl01"]
    hosts = set(in_cluster.loc[in_cluster["kind"] == "physical", "id"])
    assert hosts == {"esx01", "esx02", "esx03"}
    vms = in_cluster[in_cluster["kind"] == "virtual"]
    assert set(vms["host"]) <= hosts and len(vms) > 40
    affected = {
        row["id"]
        for _, row in _rows(snapshot, "application", "vaggeryd").iterrows()
        if set(row["depends_on"] or ()) & set(vms["id"])
    }
    assert {"app-personec", "app-raindance", "app-procapita"} <= affected


def test_fact_i_business_applications_shared(snapshot: InventorySnapshot) -> None:
    apps = snapshot.table("application")
    users = apps.groupby("product")["municipality"].apply(set)
    assert users["Procapita"] == {"gislaved", "gnosjo", "vaggeryd"}
    assert users["Personec P"] == {"gislaved", "varnamo", "vaggeryd"}


def test_hylte_is_outsourced_to_a_provider_colocation(snapshot: InventorySnapshot) -> None:
    hylte = _one(snapshot, "municipality", "hylte", "hylte")
    assert (hylte["operating_model"], hylte["provider"]) == ("outsourced", "Advania")
    physical = _rows(snapshot, "server", "hylte").query("kind == 'physical'")
    assert set(physical["site"]) == {"COLO1"}
    assert _one(snapshot, "site", "hylte", "COLO1")["kind"] == "colocation"
