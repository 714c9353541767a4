"""Build the sample inventories of the five GGVVH municipalities into ``samples/``.

Deterministic: the same code writes the same bytes (seeded random numbers, fixed dates,
fixed XLSX timestamps). Run from the repository root::

    .venv/bin/python scripts/build_samples.py

The planted facts later tests rely on are listed in ``samples/README.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from inventory.models import field_specs  # noqa: E402
from inventory.synth.catalogue import APPLICATION_BY_KEY, CLIENT_MODELS  # noqa: E402

SEED = 20240601
TODAY = dt.date(2024, 6, 1)
Row = dict[str, Any]

# Swedish enum spellings where the first alias of the model is not the one a Swede writes.
SWEDISH_ENUM_OVERRIDES = {
    "terminal": "terminalserver",
    "router": "router",
    "vpn": "vpn",
    "iot": "fastighet",
    "endpoint_security": "klientskydd",
    "integration": "integrationsplattform",
    "administration": "kansli",
    "education": "utbildning",
    "dmz": "dmz",
    "san": "san",
}
# Header spellings the committed samples were written with, kept when the alias tables
# (models/vocabulary) list another spelling first ("versjon" is the samples' own mix-up of
# languages, which a reader is expected to cope with).
HEADER_OVERRIDES = {
    ("server", "status"): "driftstatus",
    ("network_device", "status"): "driftstatus",
    ("storage", "version"): "versjon",
    ("platform", "version"): "versjon",
    ("application", "version"): "versjon",
    ("application", "vendor"): "leverantör",
}


@dataclass(frozen=True)
class FileStyle:
    """How one file of a sample is written: name, header language, dialect, spellings."""

    stem: str
    headers: str = "en"  # en, sv or mixed
    swedish_values: bool = False
    fmt: str = "csv"  # csv or xlsx
    delimiter: str = ","
    encoding: str = "utf-8"
    line_end: str = "\n"
    decimal_comma: bool = False
    date_format: str = "%Y-%m-%d"


@dataclass
class Profile:
    """One municipality: facts, places and the choices that make it differ from the others."""

    code: str
    official_code: str
    name: str
    population: int
    employees: int
    students: int
    it_fte: float
    it_budget: float
    prefix: str  # host name prefix
    octet: int  # second octet of the municipality's 10.x addresses
    operating_model: str
    provider: str | None
    city_net: str  # the local fibre (stadsnät) provider
    server_count: int
    hypervisor: str  # product of the hypervisor platform
    hypervisor_version: str
    host_os: tuple[str, str]
    clusters: list[tuple[str, str, int]]  # (cluster id, site id, host count)
    sites: list[Row]
    applications: list[str]
    old_os_share: float  # share of VMs still on Windows Server 2012 R2
    windows10_share: float
    app_versions: dict[str, str] = field(default_factory=dict)
    styles: dict[str, FileStyle] = field(default_factory=dict)


def _site(site_id: str, name: str, kind: str, **extra: Any) -> Row:
    return {"id": site_id, "name": name, "kind": kind, **extra}


def _schools(names: Iterable[tuple[str, str]]) -> list[Row]:
    return [_site(site_id, name, "school") for site_id, name in names]


def _care(names: Iterable[tuple[str, str]]) -> list[Row]:
    return [_site(site_id, name, "care_home") for site_id, name in names]


_ALL = [
    "npo",
    "kia",
    "sdk",
    "google-edu",
    "prorenata",
    "sitevision",
    "byggr",
    "tendsign",
    "etjanster",
    "comfact",
    "kivra",
    "draftit",
]

PROFILES: list[Profile] = [
    Profile(
        code="gislaved",
        official_code="0662",
        name="Gislaveds kommun",
        population=29700,
        employees=2600,
        students=2900,
        it_fte=17.0,
        it_budget=41_500_000,
        prefix="GIS",
        octet=62,
        operating_model="in_house",
        provider=None,
        city_net="Gislaved Energi",
        server_count=125,
        hypervisor="VMware vSphere",
        hypervisor_version="7.0 U3",
        host_os=("VMware ESXi", "7.0 U3"),
        clusters=[("esx-cl01", "DC1", 4)],
        sites=[
            _site(
                "DC1",
                "Datahallen Gislaved",
                "datacentre",
                address="Stationsgatan 9",
                racks_total=10,
                rack_units_free=140,
                power_capacity_kw=50.0,
                power_used_kw=18.5,
                ups=True,
                generator=True,
                fire_suppression=True,
                cooling="Inrow-kyla, redundant",
                owner="Gislaveds kommun",
            ),
            _site(
                "SR2",
                "Serverrum Anderstorp",
                "server_room",
                racks_total=2,
                rack_units_free=30,
                power_capacity_kw=10.0,
                power_used_kw=3.5,
                ups=True,
                generator=False,
                fire_suppression=False,
                owner="Gislaveds kommun",
            ),
            _site("KH", "Kommunhuset Gislaved", "office", address="Stortorget 1"),
            *_schools(
                [
                    ("SK-GYMN", "Gislavedsgymnasiet"),
                    ("SK-VASTBO", "Västboskolan"),
                    ("SK-OXNE", "Öxnehagaskolan"),
                    ("SK-ANDERSTORP", "Ekenässkolan"),
                    ("SK-SMST", "Smålandsstenars skola"),
                    ("SK-REFTELE", "Reftele skola"),
                    ("SK-BURSERYD", "Burseryds skola"),
                    ("SK-HESTRA", "Hestra skola"),
                    ("SK-SKEPPSHULT", "Skeppshults skola"),
                    ("SK-BROARYD", "Broaryds skola"),
                ]
            ),
            *_care(
                [
                    ("VB-GLIMTEN", "Glimtens äldreboende"),
                    ("VB-ORRAHOLM", "Orraholmen"),
                    ("VB-SMST", "Smålandsstenars äldreboende"),
                    ("VB-ANDERSTORP", "Furugården"),
                ]
            ),
        ],
        applications=[
            *_ALL,
            "procapita",
            "lifecare-sp",
            "phoniro",
            "timecare",
            "personec",
            "visma-recruit",
            "adato",
            "raindance",
            "proceedo",
            "hypergene",
            "qlik",
            "ciceron",
            "earkiv",
            "netpublicator",
            "extens",
            "vklass",
            "skola24",
            "tempus",
            "ecos",
            "fb",
            "arcgis",
            "vitec",
            "mashie",
            "quria",
            "interbook",
            "telia-ace",
            "nilex",
            "lansweeper",
            "mediaflow",
            "edp-future",
            "axis-camera",
            "forcefield",
        ],
        old_os_share=0.04,
        windows10_share=0.25,
        styles={"client": FileStyle("klienter", headers="sv", swedish_values=True)},
    ),
    Profile(
        code="gnosjo",
        official_code="0617",
        name="Gnosjö kommun",
        population=9500,
        employees=900,
        students=950,
        it_fte=6.0,
        it_budget=13_200_000,
        prefix="GNO",
        octet=17,
        operating_model="in_house",
        provider=None,
        city_net="Gnosjö Energi",
        server_count=40,
        hypervisor="VMware vSphere",
        hypervisor_version="7.0 U2",
        host_os=("VMware ESXi", "7.0 U2"),
        clusters=[("esx-cl01", "SR1", 2)],
        sites=[
            _site(
                "SR1",
                "Serverrummet kommunhuset",
                "server_room",
                racks_total=3,
                rack_units_free=22,
                power_capacity_kw=12.0,
                power_used_kw=5.5,
                ups=True,
                generator=False,
                fire_suppression=True,
                owner="Gnosjö kommun",
            ),
            _site("KH", "Kommunhuset Gnosjö", "office", address="Järnvägsgatan 2"),
            *_schools(
                [
                    ("SK-ESKILS", "Eskilsgårdsskolan"),
                    ("SK-MOSSLE", "Mossleskolan"),
                    ("SK-HILLER", "Hillerstorps skola"),
                    ("SK-KULLTORP", "Kulltorps skola"),
                ]
            ),
            *_care([("VB-GNOSJO", "Kvarnbacken"), ("VB-HILLER", "Solgården Hillerstorp")]),
        ],
        applications=[
            *_ALL,
            "procapita",
            "lifecare-sp",
            "timecare",
            "heroma",
            "visma-recruit",
            "raindance",
            "proceedo",
            "stratsys",
            "ciceron",
            "earkiv",
            "netpublicator",
            "extens",
            "vklass",
            "skola24",
            "castor",
            "tekis-fir",
            "geosecma",
            "incit",
            "quria",
            "nilex",
            "mediaflow",
            "df-respons",
            "edp-future",
            "forcefield",
            "speedadmin",
            "interbook",
            "mashie",
            "adato",
            "phoniro",
        ],
        old_os_share=0.25,
        windows10_share=0.55,
        app_versions={"procapita": "5.1", "raindance": "5.2"},
        styles={
            "municipality": FileStyle("kommun", headers="sv", swedish_values=True),
            "site": FileStyle("platser", headers="sv", swedish_values=True),
            # The one file as Swedish Excel saves it: cp1252, ';', CRLF, decimal comma.
            "server": FileStyle(
                "servrar",
                headers="sv",
                swedish_values=True,
                delimiter=";",
                encoding="cp1252",
                line_end="\r\n",
                decimal_comma=True,
            ),
            "storage": FileStyle("lagring", headers="sv", swedish_values=True),
            "network_device": FileStyle("natverk", headers="sv", swedish_values=True),
            "link": FileStyle("länkar", headers="sv", swedish_values=True),
            "zone": FileStyle("zoner", headers="sv", swedish_values=True),
            "platform": FileStyle("plattformar", headers="sv", swedish_values=True),
            "client": FileStyle("klienter", headers="sv", swedish_values=True),
            "application": FileStyle("verksamhetssystem", headers="sv", swedish_values=True),
        },
    ),
    Profile(
        code="varnamo",
        official_code="0683",
        name="Värnamo kommun",
        population=34500,
        employees=3000,
        students=3400,
        it_fte=22.0,
        it_budget=52_000_000,
        prefix="VMO",
        octet=83,
        operating_model="in_house",
        provider=None,
        city_net="Värnamo Energi",
        server_count=150,
        hypervisor="VMware vSphere",
        hypervisor_version="8.0 U2",
        host_os=("VMware ESXi", "8.0 U2"),
        clusters=[("vsan-cl01", "DC1", 4), ("esx-cl02", "DC2", 2)],
        sites=[
            _site(
                "DC1",
                "Datacenter Värnamo",
                "datacentre",
                address="Västra Vägen 3",
                racks_total=14,
                rack_units_free=210,
                power_capacity_kw=80.0,
                power_used_kw=28.0,
                ups=True,
                generator=True,
                fire_suppression=True,
                cooling="Kall- och varmgång, frikyla",
                owner="Värnamo kommun",
            ),
            _site(
                "DC2",
                "Reservdatahall Rörstorp",
                "server_room",
                racks_total=4,
                rack_units_free=60,
                power_capacity_kw=20.0,
                power_used_kw=7.5,
                ups=True,
                generator=True,
                fire_suppression=True,
                owner="Värnamo Energi",
            ),
            _site("KH", "Stadshuset Värnamo", "office", address="Stora Torget 1"),
            _site("AZ-SDC", "Microsoft Azure Sweden Central", "cloud_region", owner="Microsoft"),
            *_schools(
                [
                    ("SK-FINNVED", "Finnvedens gymnasium"),
                    ("SK-GRADAB", "Gröndalsskolan"),
                    ("SK-ENEHAGEN", "Enehagens skola"),
                    ("SK-APLADAL", "Apladalsskolan"),
                    ("SK-PARKSKOLAN", "Parkskolan"),
                    ("SK-TALLEN", "Tallenskolan"),
                    ("SK-BOR", "Bors skola"),
                    ("SK-RYDAHOLM", "Rydaholms skola"),
                    ("SK-FORSHEDA", "Forsheda skola"),
                    ("SK-BREDARYD", "Bredaryds skola"),
                    ("SK-HORDA", "Horda skola"),
                    ("SK-LANNA", "Lanna skola"),
                ]
            ),
            *_care(
                [
                    ("VB-SLATTEN", "Slätten"),
                    ("VB-ROSENTORP", "Rosentorp"),
                    ("VB-PILGATAN", "Pilgatan"),
                    ("VB-BOR", "Borgården"),
                    ("VB-FORSHEDA", "Forsheda äldreboende"),
                ]
            ),
        ],
        applications=[
            *_ALL,
            "combine",
            "lifecare-sp",
            "phoniro",
            "timecare",
            "personec",
            "visma-recruit",
            "adato",
            "agresso",
            "proceedo",
            "hypergene",
            "qlik",
            "powerbi",
            "public360",
            "earkiv",
            "netpublicator",
            "extens",
            "unikum",
            "skola24",
            "tempus",
            "ecos",
            "fb",
            "arcgis",
            "vitec",
            "mashie",
            "quria",
            "interbook",
            "telia-ace",
            "topdesk",
            "lansweeper",
            "mediaflow",
            "df-respons",
            "edp-future",
            "axis-camera",
            "forcefield",
            "ecostruxure",
            "speedadmin",
        ],
        old_os_share=0.0,
        windows10_share=0.15,
        app_versions={"personec": "2024.1"},
        styles={
            "application": FileStyle(
                "verksamhetssystem", headers="sv", fmt="xlsx", swedish_values=True
            ),
            "server": FileStyle("servers", headers="mixed"),
        },
    ),
    Profile(
        code="vaggeryd",
        official_code="0665",
        name="Vaggeryds kommun",
        population=14300,
        employees=1300,
        students=1450,
        it_fte=8.0,
        it_budget=19_800_000,
        prefix="VGD",
        octet=65,
        operating_model="in_house",
        provider=None,
        city_net="Vaggeryds Energi",
        server_count=62,
        hypervisor="VMware vSphere",
        hypervisor_version="6.7 U3",
        host_os=("VMware ESXi", "6.7 U3"),
        clusters=[("esx-cl01", "SR1", 3)],
        sites=[
            # Full: no room for consolidated servers (planted fact e).
            _site(
                "SR1",
                "Serverrum kommunhuset Vaggeryd",
                "server_room",
                racks_total=2,
                rack_units_free=4,
                power_capacity_kw=8.0,
                power_used_kw=6.5,
                ups=True,
                generator=False,
                fire_suppression=False,
                cooling="Split-aggregat",
                owner="Vaggeryds kommun",
            ),
            _site("KH", "Kommunhuset Vaggeryd", "office", address="Kungsgatan 26"),
            *_schools(
                [
                    ("SK-FRIDA", "Fridaskolan"),
                    ("SK-HAGAFORS", "Hagaforsskolan"),
                    ("SK-TOFTA", "Tofthagaskolan"),
                    ("SK-HOK", "Hoks skola"),
                    ("SK-FAGEL", "Fågelforsskolan"),
                    ("SK-ERIKSLUND", "Erikslundskolan"),
                ]
            ),
            *_care([("VB-FLUGMYRA", "Flugmyrans äldreboende"), ("VB-HAGA", "Hagagården")]),
        ],
        applications=[
            *_ALL,
            "procapita",
            "lifecare-sp",
            "phoniro",
            "timecare",
            "personec",
            "visma-recruit",
            "raindance",
            "proceedo",
            "stratsys",
            "qlik",
            "powerbi",
            "ciceron",
            "earkiv",
            "netpublicator",
            "extens",
            "schoolsoft",
            "skola24",
            "tempus",
            "ecos",
            "arcgis",
            "tekis-fir",
            "incit",
            "mashie",
            "quria",
            "interbook",
            "topdesk",
            "mediaflow",
            "edp-future",
            "forcefield",
        ],
        old_os_share=0.15,
        windows10_share=0.45,
        app_versions={"personec": "2022.2", "procapita": "5.2"},
        styles={
            "site": FileStyle("sites", headers="sv", swedish_values=True),
            "server": FileStyle("servers", headers="mixed", swedish_values=True),
            "link": FileStyle("links", date_format="%d.%m.%Y"),
            "client": FileStyle("clients", headers="mixed"),
        },
    ),
    Profile(
        code="hylte",
        official_code="1315",
        name="Hylte kommun",
        population=10900,
        employees=1000,
        students=1050,
        it_fte=3.0,
        it_budget=17_500_000,
        prefix="HYL",
        octet=15,
        operating_model="outsourced",
        provider="Advania",
        city_net="Hylte Stadsnät",
        server_count=45,
        hypervisor="Microsoft Hyper-V",
        hypervisor_version="2016",
        host_os=("Microsoft Hyper-V Server", "2016"),
        clusters=[("hv-cl01", "COLO1", 3)],
        sites=[
            _site(
                "COLO1",
                "Advania datacenter Halmstad",
                "colocation",
                racks_total=3,
                rack_units_free=40,
                power_capacity_kw=15.0,
                power_used_kw=6.0,
                ups=True,
                generator=True,
                fire_suppression=True,
                owner="Advania",
            ),
            _site("KH", "Kommunhuset Hyltebruk", "office", address="Storgatan 19"),
            *_schools(
                [
                    ("SK-LOVHAGA", "Lövhagaskolan"),
                    ("SK-KVARNAN", "Kvarnagårdens skola"),
                    ("SK-TORUP", "Torups skola"),
                    ("SK-UNNARYD", "Unnaryds skola"),
                    ("SK-LANDERYD", "Landeryds skola"),
                ]
            ),
            *_care([("VB-NYHEM", "Nyhem"), ("VB-TORUP", "Torups äldreboende")]),
        ],
        applications=[
            *_ALL,
            "treserva",
            "medvind",
            "heroma",
            "reachmee",
            "agresso",
            "proceedo",
            "stratsys",
            "platina",
            "meetings-plus",
            "edlevo",
            "infomentor",
            "tempus",
            "ecos",
            "geosecma",
            "vitec",
            "bookit",
            "servicenow",
            "df-respons",
            "edp-future",
            "mashie",
            "interbook",
            "speedadmin",
            "axis-camera",
            "forcefield",
            "mediaflow",
            "phoniro",
            "adato",
            "powerbi",
            "telia-ace",
        ],
        old_os_share=0.12,
        windows10_share=0.35,
        app_versions={"heroma": "22.2"},
    ),
]

# --------------------------------------------------------------------------- servers

HOST_HARDWARE = {
    "gislaved": ("HPE", "ProLiant DL380 Gen10", 2, 520.5),
    "gnosjo": ("Dell", "PowerEdge R740", 2, 455.5),
    "varnamo": ("Dell", "PowerEdge R750", 2, 610.5),
    "vaggeryd": ("HPE", "ProLiant DL380 Gen9", 2, 480.5),
    "hylte": ("HPE", "ProLiant DL380 Gen10", 2, 505.5),
}
SQL_VERSION = {
    "gislaved": "2019",
    "gnosjo": "2014",
    "varnamo": "2019",
    "vaggeryd": "2016",
    "hylte": "2016",
}
EXCHANGE = {
    "gnosjo": ("Microsoft Exchange Server", "2016", 1),
    "vaggeryd": ("Microsoft Exchange Server", "2016", 1),
    "varnamo": ("Microsoft Exchange Server", "2019", 2),
}
CITRIX_SERVERS = {"gislaved": 4, "varnamo": 6}


def _date(rng: random.Random, first_year: int, last_year: int) -> dt.date:
    start = dt.date(first_year, 1, 1).toordinal()
    end = dt.date(last_year, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def _years_later(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year + years, day=min(day.day, 28))


def _windows_version(profile: Profile, rng: random.Random) -> str:
    roll = rng.random()
    if roll < profile.old_os_share:
        return "2012 R2"
    return rng.choices(["2016", "2019", "2022"], weights=[3, 5, 3])[0]


class ServerBuilder:
    """Builds one municipality's servers: hypervisor hosts, VMs, a few physical ones."""

    def __init__(self, profile: Profile, rng: random.Random) -> None:
        self.profile = profile
        self.rng = rng
        self.rows: list[Row] = []
        self.hosts: dict[str, list[str]] = {}
        self.app_servers: dict[str, str] = {}
        self.next_ip = 10

    def _ip(self) -> str:
        self.next_ip += 1
        return f"10.{self.profile.octet}.100.{self.next_ip}"

    def _hostname(self, server_id: str) -> str:
        return f"{self.profile.prefix}-{server_id.removeprefix('srv-').upper()}"

    def physical(
        self,
        server_id: str,
        site: str,
        role: str,
        hardware: tuple[str, str, int, float],
        os: tuple[str, str],
        criticality: str,
        cluster: str | None = None,
        bought: dt.date | None = None,
        cores: int = 32,
        ram: float = 384,
    ) -> None:
        vendor, model, units, watts = hardware
        bought = bought or _date(self.rng, 2017, 2022)
        self.rows.append(
            {
                "id": server_id,
                "hostname": self._hostname(server_id),
                "kind": "physical",
                "site": site,
                "cluster": cluster,
                "role": role,
                "vendor": vendor,
                "model": model,
                "serial_number": f"{vendor[:2].upper()}{self.rng.randrange(10**7, 10**8)}",
                "cpu_cores": cores,
                "ram_gb": ram,
                "storage_gb": 480.0,
                "os_product": os[0],
                "os_version": os[1],
                "ip_address": self._ip(),
                "rack_units": units,
                "power_w": watts,
                "status": "active",
                "purchase_date": bought,
                "warranty_end": _years_later(bought, 5),
                "criticality": criticality,
            }
        )

    def virtual(
        self,
        server_id: str,
        role: str,
        os: tuple[str, str],
        criticality: str,
        cores: int = 4,
        ram: float = 16,
    ) -> None:
        clusters = list(self.hosts)
        cluster = clusters[0] if len(clusters) == 1 or self.rng.random() < 0.8 else clusters[1]
        hosts = self.hosts[cluster]
        self.rows.append(
            {
                "id": server_id,
                "hostname": self._hostname(server_id),
                "kind": "virtual",
                "cluster": cluster,
                "host": hosts[len(self.rows) % len(hosts)],
                "role": role,
                "vendor": "VMware" if self.profile.hypervisor.startswith("VMware") else "Microsoft",
                "model": "Virtual Machine",
                "cpu_cores": cores,
                "ram_gb": ram,
                "storage_gb": self.rng.choice([100.0, 150.0, 200.0, 250.5, 400.0, 500.0]),
                "os_product": os[0],
                "os_version": os[1],
                "ip_address": self._ip(),
                "status": "active",
                "criticality": criticality,
            }
        )

    def windows(self) -> tuple[str, str]:
        return ("Windows Server", _windows_version(self.profile, self.rng))

    def build(self) -> list[Row]:
        profile, code = self.profile, self.profile.code
        hardware = HOST_HARDWARE[code]
        host_prefix = "hv" if profile.hypervisor.startswith("Microsoft") else "esx"
        number = 0
        for cluster, site, count in profile.clusters:
            self.hosts[cluster] = []
            for _ in range(count):
                number += 1
                host_id = f"{host_prefix}{number:02d}"
                self.hosts[cluster].append(host_id)
                self.physical(
                    host_id,
                    site,
                    "hypervisor",
                    hardware,
                    profile.host_os,
                    "high",
                    cluster=cluster,
                    cores=48,
                    ram=768,
                )
        first_site = profile.clusters[0][1]
        backup_os = ("Windows Server", "2019")
        self.physical(
            "srv-bkp01",
            first_site,
            "backup",
            ("Dell", "PowerEdge R740xd", 2, 395.5),
            backup_os,
            "high",
            cores=16,
            ram=128,
        )
        if code == "gnosjo":
            # Planted fact (g): critical social care on one old physical server, no cluster.
            self.physical(
                "srv-procapita01",
                first_site,
                "application",
                ("HPE", "ProLiant DL360 Gen9", 1, 310.5),
                ("Windows Server", "2012 R2"),
                "critical",
                bought=dt.date(2015, 9, 14),
                cores=12,
                ram=96,
            )
            self.app_servers["procapita"] = "srv-procapita01"
        self._infrastructure_vms()
        self._application_vms()
        filler = 0
        while len(self.rows) < profile.server_count:
            filler += 1
            self.virtual(
                f"srv-app{filler:02d}", "application", self.windows(), "medium", cores=2, ram=8
            )
        return self.rows

    def _infrastructure_vms(self) -> None:
        code, rng = self.profile.code, self.rng
        modern = ("Windows Server", "2019")
        for number in (1, 2):
            self.virtual(f"srv-dc{number:02d}", "domain_controller", modern, "critical", 2, 8)
        for number in range(1, 3 if self.profile.population > 20000 else 2):
            self.virtual(f"srv-fs{number:02d}", "file", self.windows(), "high", 4, 16)
        self.virtual("srv-print01", "print", self.windows(), "medium", 2, 8)
        sql_os = ("Windows Server", "2012 R2" if SQL_VERSION[code] == "2014" else "2019")
        for number in range(1, 3 if self.profile.population > 20000 else 2):
            self.virtual(f"srv-sql{number:02d}", "database", sql_os, "critical", 8, 64)
        if code in EXCHANGE:
            for number in range(1, EXCHANGE[code][2] + 1):
                self.virtual(f"srv-exch{number:02d}", "mail", modern, "high", 8, 32)
        for number in range(1, CITRIX_SERVERS.get(code, 0) + 1):
            self.virtual(
                f"srv-ctx{number:02d}", "terminal", ("Windows Server", "2019"), "high", 8, 48
            )
        if code in ("gislaved", "varnamo", "vaggeryd"):
            self.virtual("srv-sccm01", "management", modern, "medium", 4, 24)
        self.virtual("srv-wsus01", "management", self.windows(), "low", 2, 8)
        monitor_os = ("Red Hat Enterprise Linux", "8") if code == "varnamo" else self.windows()
        self.virtual("srv-mon01", "monitoring", monitor_os, "medium", 4, 8)
        self.virtual("srv-ca01", "infrastructure", self.windows(), "high", 2, 8)
        self.virtual("srv-nps01", "infrastructure", self.windows(), "high", 2, 8)
        linux = rng.choice([("Red Hat Enterprise Linux", "7"), ("Ubuntu", "18.04")])
        self.virtual("srv-web01", "web", ("Red Hat Enterprise Linux", "8"), "high", 4, 16)
        self.virtual("srv-web02", "web", linux, "medium", 2, 8)

    def _application_vms(self) -> None:
        for key in self.profile.applications:
            product = APPLICATION_BY_KEY[key]
            if not product.needs_server or key in self.app_servers or key == "sitevision":
                continue
            server_id = f"srv-{key}01"
            linux = key in ("arcgis", "etjanster")
            os = ("Red Hat Enterprise Linux", "8") if linux else self.windows()
            self.virtual(server_id, "application", os, product.criticality, 4, 16)
            self.app_servers[key] = server_id
        self.app_servers["sitevision"] = "srv-web01"
        for key in list(self.app_servers):
            if APPLICATION_BY_KEY[key].criticality == "critical":
                self.virtual(f"srv-{key}-test01", "application", self.windows(), "low", 2, 8)


# --------------------------------------------------------------------------- storage

STORAGE: dict[str, list[Row]] = {
    "gislaved": [
        {
            "id": "san01",
            "kind": "san",
            "vendor": "HPE",
            "model": "Nimble Storage HF40",
            "version": "6.1.1",
            "site": "DC1",
            "capacity_tb": 96.0,
            "used_tb": 61.5,
            "rack_units": 4,
            "power_w": 900.5,
            "replicates_to": "san02",
        },
        {
            "id": "san02",
            "kind": "san",
            "vendor": "HPE",
            "model": "Nimble Storage HF20",
            "version": "6.1.1",
            "site": "SR2",
            "capacity_tb": 48.0,
            "used_tb": 30.5,
            "rack_units": 4,
            "power_w": 650.5,
        },
        {
            "id": "bk01",
            "kind": "backup_target",
            "vendor": "ExaGrid",
            "model": "EX18",
            "version": "6.3",
            "site": "SR2",
            "capacity_tb": 120.0,
            "used_tb": 74.0,
            "rack_units": 2,
            "power_w": 400.0,
            "immutable": True,
        },
    ],
    "gnosjo": [
        {
            "id": "san01",
            "kind": "san",
            "vendor": "NetApp",
            "model": "AFF A150",
            "version": "ONTAP 9.12.1",
            "site": "SR1",
            "capacity_tb": 30.0,
            "used_tb": 21.5,
            "rack_units": 2,
            "power_w": 520.5,
        },
        {
            "id": "bk01",
            "kind": "backup_target",
            "vendor": "HPE",
            "model": "StoreOnce 3640",
            "version": "4.3.6",
            "site": "SR1",
            "capacity_tb": 48.0,
            "used_tb": 39.0,
            "rack_units": 2,
            "power_w": 450.0,
            "immutable": False,
        },
    ],
    "varnamo": [
        {
            "id": "san01",
            "kind": "san",
            "vendor": "Dell",
            "model": "PowerStore 1200T",
            "version": "3.6",
            "site": "DC1",
            "capacity_tb": 150.0,
            "used_tb": 82.5,
            "rack_units": 2,
            "power_w": 1100.5,
            "replicates_to": "san02",
        },
        {
            "id": "san02",
            "kind": "san",
            "vendor": "Dell",
            "model": "PowerStore 500T",
            "version": "3.6",
            "site": "DC2",
            "capacity_tb": 90.0,
            "used_tb": 60.0,
            "rack_units": 2,
            "power_w": 800.0,
        },
        {
            "id": "vsan01",
            "kind": "san",
            "vendor": "VMware",
            "model": "vSAN ESA",
            "version": "8.0 U2",
            "site": "DC1",
            "capacity_tb": 60.0,
            "used_tb": 22.5,
        },
        {
            "id": "bk01",
            "kind": "backup_target",
            "vendor": "Dell",
            "model": "PowerProtect DD6400",
            "version": "7.10",
            "site": "DC2",
            "capacity_tb": 200.0,
            "used_tb": 118.0,
            "rack_units": 4,
            "power_w": 700.0,
            "immutable": True,
        },
        {
            "id": "tape01",
            "kind": "tape",
            "vendor": "HPE",
            "model": "StoreEver MSL3040",
            "version": "LTO-8",
            "site": "DC2",
            "capacity_tb": 480.0,
            "used_tb": 210.0,
            "rack_units": 3,
            "power_w": 250.0,
        },
    ],
    "vaggeryd": [
        {
            "id": "san01",
            "kind": "san",
            "vendor": "Dell EMC",
            "model": "Unity XT 380",
            "version": "5.2",
            "site": "SR1",
            "capacity_tb": 40.0,
            "used_tb": 35.5,
            "rack_units": 2,
            "power_w": 700.5,
        },
        {
            "id": "nas01",
            "kind": "nas",
            "vendor": "Synology",
            "model": "RS3621xs+",
            "version": "DSM 7.2",
            "site": "SR1",
            "capacity_tb": 64.0,
            "used_tb": 41.0,
            "rack_units": 2,
            "power_w": 250.0,
            "replicates_to": "gislaved:bk01",
        },
    ],
    "hylte": [
        {
            "id": "san01",
            "kind": "san",
            "vendor": "NetApp",
            "model": "AFF A250",
            "version": "ONTAP 9.13.1",
            "site": "COLO1",
            "capacity_tb": 36.0,
            "used_tb": 19.5,
            "rack_units": 2,
            "power_w": 600.5,
        },
        {
            "id": "bk01",
            "kind": "backup_target",
            "vendor": "Commvault",
            "model": "HyperScale X",
            "version": "11.32",
            "site": "COLO1",
            "capacity_tb": 60.0,
            "used_tb": 28.0,
            "rack_units": 2,
            "power_w": 480.0,
            "immutable": True,
        },
    ],
}


def build_storage(profile: Profile, rng: random.Random) -> list[Row]:
    rows = [dict(row) for row in STORAGE[profile.code]]
    for row in rows:
        row["warranty_end"] = _date(rng, 2025, 2028)
    return rows


# --------------------------------------------------------------------------- network

Kit = tuple[str, str, str]
NETWORK_VENDOR: dict[str, dict[str, Kit | None]] = {
    "gislaved": {
        "core": ("Cisco", "Catalyst 9500-24Y4C", "IOS XE 17.9.4"),
        "access": ("Cisco", "Catalyst 9200L-48P", "IOS XE 17.6.5"),
        "fw": ("Fortinet", "FortiGate 200F", "FortiOS 7.2.8"),
        "wlc": ("Cisco", "Catalyst 9800-40", "IOS XE 17.9.4"),
        "ap": ("Cisco", "Catalyst 9120AXI", "IOS XE 17.9.4"),
    },
    "gnosjo": {
        "core": ("HPE Aruba", "CX 6300M", "AOS-CX 10.11"),
        "access": ("HPE Aruba", "2930F-48G", "ArubaOS-Switch 16.11"),
        "fw": ("Fortinet", "FortiGate 100F", "FortiOS 7.0.15"),
        "wlc": ("HPE Aruba", "7210 Mobility Controller", "ArubaOS 8.10"),
        "ap": ("HPE Aruba", "AP-515", "ArubaOS 8.10"),
    },
    "varnamo": {
        "core": ("Juniper", "EX4650", "Junos 22.4R3"),
        "access": ("HPE Aruba", "CX 6100", "AOS-CX 10.10"),
        "fw": ("Palo Alto Networks", "PA-3220", "PAN-OS 10.2.9"),
        "wlc": ("HPE Aruba", "7210 Mobility Controller", "ArubaOS 8.10"),
        "ap": ("HPE Aruba", "AP-515", "ArubaOS 8.10"),
    },
    "vaggeryd": {
        "core": ("Cisco", "Catalyst 3850-24XS", "IOS XE 16.12.10"),
        "access": ("Cisco", "Catalyst 2960-X", "IOS 15.2(7)E8"),
        "fw": ("Fortinet", "FortiGate 100F", "FortiOS 7.0.15"),
        "wlc": ("Cisco", "AIR-CT5520-K9", "AireOS 8.10.185"),
        "ap": ("Cisco", "AIR-AP2802I", "AireOS 8.10.185"),
    },
    "hylte": {
        "core": ("Cisco Meraki", "MS425-32", "MS 16.8"),
        "access": ("Cisco Meraki", "MS225-48FP", "MS 16.8"),
        "fw": ("Cisco Meraki", "MX250", "MX 18.107"),
        "wlc": None,
        "ap": ("Cisco Meraki", "MR46", "MR 30.6"),
    },
}


def _hub(profile: Profile) -> str:
    return str(profile.sites[0]["id"])


def build_network_devices(profile: Profile, rng: random.Random) -> list[Row]:
    gear = NETWORK_VENDOR[profile.code]
    cloud = profile.code == "hylte"
    hub = _hub(profile)
    rows: list[Row] = []

    def device(device_id: str, role: str, kit: Kit | None, site: str, quantity: int = 1) -> None:
        assert kit is not None, role
        rows.append(
            {
                "id": device_id,
                "hostname": f"{profile.prefix}-{device_id.upper()}",
                "role": role,
                "vendor": kit[0],
                "model": kit[1],
                "os_version": kit[2],
                "site": site,
                "management": "cloud" if cloud else "on_prem",
                "quantity": quantity,
                "status": "active",
                "warranty_end": _date(rng, 2024, 2029),
            }
        )

    device("core01", "core_switch", gear["core"], hub)
    device("core02", "core_switch", gear["core"], "KH")
    device("fw01", "firewall", gear["fw"], hub)
    device("fw02", "firewall", gear["fw"], hub)
    device("rtr01", "router", ("Cisco", "ISR 4331", "IOS XE 17.6.5"), hub)
    if gear["wlc"] is not None:
        device("wlc01", "wlan_controller", gear["wlc"], hub)
    if profile.code == "varnamo":
        device("lb01", "load_balancer", ("F5", "BIG-IP i2800", "BIG-IP 16.1"), "DC1")
    if profile.code == "hylte":
        device("vpn01", "vpn_gateway", ("Fortinet", "FortiGate 60F", "FortiOS 7.2.8"), "COLO1")
    for site in profile.sites:
        if site["kind"] in ("cloud_region",):
            continue
        size = {"school": 6, "office": 10, "care_home": 2}.get(str(site["kind"]), 2)
        slug = str(site["id"]).lower()
        device(
            f"as-{slug}",
            "access_switch",
            gear["access"],
            str(site["id"]),
            max(1, size + rng.randint(-1, 3)),
        )
        if site["kind"] in ("school", "office", "care_home"):
            aps = {"school": 28, "office": 40, "care_home": 10}[str(site["kind"])]
            device(
                f"ap-{slug}", "access_point", gear["ap"], str(site["id"]), aps + rng.randint(-4, 12)
            )
    return rows


#: Links between the municipalities (each written once, in the smaller one's file).
INTERCONNECTS: dict[str, list[Row]] = {
    "gislaved": [
        {
            "id": "L-VMO",
            "a_site": "DC1",
            "b_site": "varnamo:DC1",
            "kind": "dark_fibre",
            "bandwidth_mbps": 10000.0,
            "provider": "GGVV Stadsnät",
            "redundant": True,
        }
    ],
    "gnosjo": [
        {
            "id": "L-GIS",
            "a_site": "SR1",
            "b_site": "gislaved:DC1",
            "kind": "fibre",
            "bandwidth_mbps": 1000.0,
            "provider": "Gnosjö Energi",
            "redundant": True,
        },
        {
            "id": "L-VMO",
            "a_site": "SR1",
            "b_site": "varnamo:DC1",
            "kind": "fibre",
            "bandwidth_mbps": 1000.0,
            "provider": "Gnosjö Energi",
            "redundant": True,
        },
    ],
    "vaggeryd": [
        {
            "id": "L-VMO",
            "a_site": "SR1",
            "b_site": "varnamo:DC1",
            "kind": "fibre",
            "bandwidth_mbps": 1000.0,
            "provider": "Vaggeryds Energi",
            "redundant": False,
        }
    ],
    # Planted fact (f): Hylte reaches the others over a 100 Mbit/s VPN without redundancy.
    "hylte": [
        {
            "id": "L-VMO",
            "a_site": "COLO1",
            "b_site": "varnamo:DC1",
            "kind": "vpn",
            "bandwidth_mbps": 100.0,
            "provider": "Advania",
            "redundant": False,
        }
    ],
    "varnamo": [],
}


def build_links(profile: Profile, rng: random.Random) -> list[Row]:
    hub = _hub(profile)
    rows: list[Row] = []
    for number, site in enumerate(profile.sites, start=1):
        site_id = str(site["id"])
        if site_id == hub or site["kind"] == "cloud_region":
            continue
        is_dc = site["kind"] in ("server_room", "datacentre", "colocation")
        rows.append(
            {
                "id": f"L{number:02d}",
                "a_site": hub,
                "b_site": site_id,
                "kind": "dark_fibre" if is_dc or site_id == "KH" else "fibre",
                "bandwidth_mbps": 10000.0 if is_dc or site_id == "KH" else 1000.0,
                "provider": profile.provider if profile.code == "hylte" else profile.city_net,
                "redundant": is_dc,
                "contract_end": _date(rng, 2025, 2029),
                "annual_cost": float(rng.randrange(12, 60) * 1000),
            }
        )
    for link in INTERCONNECTS[profile.code]:
        rows.append(
            {
                **link,
                "contract_end": _date(rng, 2025, 2029),
                "annual_cost": float(rng.randrange(40, 200) * 1000),
            }
        )
    if profile.code == "varnamo":
        rows.append(
            {
                "id": "L-AZ",
                "a_site": "DC1",
                "b_site": "AZ-SDC",
                "kind": "vpn",
                "bandwidth_mbps": 1000.0,
                "provider": "Microsoft",
                "redundant": True,
            }
        )
    return rows


def build_zones(profile: Profile) -> list[Row]:
    school_sites = [str(s["id"]) for s in profile.sites if s["kind"] == "school"]
    care_sites = [str(s["id"]) for s in profile.sites if s["kind"] == "care_home"]
    hub, octet = _hub(profile), profile.octet
    zones: list[tuple[str, str, str, list[int], list[str]]] = [
        ("Z-ADM", "Administration", "admin", [10, 11], ["KH", hub]),
        ("Z-SKOLA", "Pedagogiskt nät", "school", [20, 21, 22], school_sites),
        ("Z-VARD", "Vård och omsorg", "care", [30], care_sites),
        ("Z-IOT", "Fastighetsautomation", "iot", [40], [hub, *school_sites[:2]]),
        ("Z-GAST", "Gästnät", "guest", [50], ["KH", *school_sites]),
        ("Z-DMZ", "DMZ", "dmz", [100], [hub]),
        ("Z-MGMT", "Drift och management", "management", [99], [hub]),
    ]
    if profile.code in ("gislaved", "varnamo"):
        zones.append(("Z-PUB", "Publikt wifi", "public_wifi", [60], ["KH", *school_sites]))
    if profile.code == "hylte":  # care shares the admin network (a security-baseline gap)
        zones = [zone for zone in zones if zone[0] != "Z-VARD"]
    if profile.code == "gnosjo":  # no separate IoT network yet
        zones = [zone for zone in zones if zone[0] != "Z-IOT"]
    return [
        {
            "id": zone_id,
            "name": name,
            "purpose": purpose,
            "vlans": vlans,
            "prefixes": [f"10.{octet}.{vlan}.0/24" for vlan in vlans],
            "sites": sites,
            "firewall": "fw01",
        }
        for zone_id, name, purpose, vlans, sites in zones
    ]


# --------------------------------------------------------------------------- platforms


def build_platforms(profile: Profile, servers: ServerBuilder, rng: random.Random) -> list[Row]:
    code = profile.code
    clusters = list(servers.hosts)
    ids = {str(row["id"]) for row in servers.rows}
    sql: list[str] = [s for s in ("srv-sql01", "srv-sql02") if s in ids]
    if code == "gnosjo":
        sql.append("srv-procapita01")
    rows: list[Row] = [
        {
            "id": "p-hyperv" if code == "hylte" else "p-vsphere",
            "capability": "hypervisor",
            "vendor": "Microsoft" if code == "hylte" else "VMware",
            "product": profile.hypervisor,
            "version": profile.hypervisor_version,
            "deployment": "hosted" if code == "hylte" else "on_prem",
            "runs_on": clusters,
            "criticality": "critical",
        },
        {
            "id": "p-ad",
            "capability": "directory",
            "vendor": "Microsoft",
            "product": "Microsoft Active Directory",
            "version": "2016" if code in ("gnosjo", "vaggeryd") else "2019",
            "deployment": "on_prem",
            "runs_on": ["srv-dc01", "srv-dc02"],
            "criticality": "critical",
        },
        {
            "id": "p-entra",
            "capability": "identity_mfa",
            "vendor": "Microsoft",
            "product": "Microsoft Entra ID",
            "version": "P1",
            "deployment": "saas",
            "licences": profile.employees,
            "criticality": "critical",
        },
        {
            "id": "p-m365",
            "capability": "collaboration",
            "vendor": "Microsoft",
            "product": "Microsoft 365",
            "version": "E3" if code != "gnosjo" else "A3",
            "deployment": "saas",
            "licences": profile.employees,
            "criticality": "critical",
            "annual_cost": round(profile.employees * 2900, -3),
        },
        {
            "id": "p-gws",
            "capability": "collaboration",
            "vendor": "Google",
            "product": "Google Workspace for Education",
            "version": "Education Plus",
            "deployment": "saas",
            "licences": profile.students,
            "criticality": "high",
        },
        {
            "id": "p-sql",
            "capability": "database",
            "vendor": "Microsoft",
            "product": "Microsoft SQL Server",
            "version": SQL_VERSION[code],
            "deployment": "hosted" if code == "hylte" else "on_prem",
            "runs_on": sql,
            "criticality": "critical",
        },
        {
            "id": "p-files",
            "capability": "file_storage",
            "vendor": "Microsoft",
            "product": "Windows Server File Services",
            "version": "2019",
            "deployment": "on_prem",
            "runs_on": [s for s in ("srv-fs01", "srv-fs02") if s in ids],
            "criticality": "high",
        },
        {
            "id": "p-intune",
            "capability": "endpoint_management",
            "vendor": "Microsoft",
            "product": "Microsoft Intune",
            "version": "2405",
            "deployment": "saas",
            "criticality": "high",
        },
        {
            "id": "p-google-admin",
            "capability": "endpoint_management",
            "vendor": "Google",
            "product": "Google Admin console",
            "version": "Chrome Education Upgrade",
            "deployment": "saas",
            "licences": profile.students,
            "criticality": "high",
        },
        {
            "id": "p-print",
            "capability": "print",
            "vendor": "PaperCut" if code in ("gislaved", "varnamo") else "Microsoft",
            "product": "PaperCut MF" if code in ("gislaved", "varnamo") else "Windows Print Server",
            "version": "22.1" if code in ("gislaved", "varnamo") else "2019",
            "deployment": "on_prem",
            "runs_on": ["srv-print01"],
            "criticality": "medium",
        },
        {
            "id": "p-dns",
            "capability": "dns_dhcp",
            "vendor": "Infoblox" if code == "varnamo" else "Microsoft",
            "product": "Infoblox NIOS" if code == "varnamo" else "Windows Server DNS and DHCP",
            "version": "9.0" if code == "varnamo" else "2019",
            "deployment": "on_prem",
            "runs_on": ["srv-dc01", "srv-dc02"],
            "criticality": "critical",
        },
        {
            "id": "p-etjanst",
            "capability": "e_services",
            "vendor": "Nordic Peak",
            "product": "Open ePlatform",
            "version": "7.2",
            "deployment": "on_prem",
            "runs_on": ["srv-etjanster01"],
            "criticality": "high",
        },
    ]
    if code == "hylte":
        rows += [
            {
                "id": "p-backup",
                "capability": "backup",
                "vendor": "Commvault",
                "product": "Commvault Complete Backup & Recovery",
                "version": "11.32",
                "deployment": "hosted",
                "runs_on": ["srv-bkp01"],
                "criticality": "critical",
            },
            {
                "id": "p-email",
                "capability": "email",
                "vendor": "Microsoft",
                "product": "Exchange Online",
                "version": "Exchange Online",
                "deployment": "saas",
                "criticality": "critical",
            },
            {
                "id": "p-monitor",
                "capability": "monitoring",
                "vendor": "LogicMonitor",
                "product": "LogicMonitor",
                "version": "SaaS",
                "deployment": "saas",
                "criticality": "medium",
            },
            {
                "id": "p-edr",
                "capability": "endpoint_security",
                "vendor": "Microsoft",
                "product": "Microsoft Defender for Endpoint",
                "version": "P2",
                "deployment": "saas",
                "criticality": "high",
            },
            {
                "id": "p-phone",
                "capability": "telephony",
                "vendor": "Telia",
                "product": "Telia Touchpoint Plus",
                "version": "2024",
                "deployment": "saas",
                "criticality": "high",
            },
        ]
    else:
        veeam = {"gislaved": "12.1", "gnosjo": "11", "varnamo": "12.1", "vaggeryd": "10"}[code]
        rows += [
            {
                "id": "p-backup",
                "capability": "backup",
                "vendor": "Veeam",
                "product": "Veeam Backup & Replication",
                "version": veeam,
                "deployment": "on_prem",
                "runs_on": ["srv-bkp01"],
                "criticality": "critical",
            },
            {
                "id": "p-monitor",
                "capability": "monitoring",
                "vendor": {"varnamo": "Zabbix", "gislaved": "Microsoft"}.get(code, "Paessler"),
                "product": {
                    "varnamo": "Zabbix",
                    "gislaved": "System Center Operations Manager",
                }.get(code, "PRTG Network Monitor"),
                "version": {"varnamo": "6.0 LTS", "gislaved": "2019"}.get(code, "24.1"),
                "deployment": "on_prem",
                "runs_on": ["srv-mon01"],
                "criticality": "medium",
            },
            {
                "id": "p-edr",
                "capability": "endpoint_security",
                "vendor": "Sophos" if code == "gnosjo" else "Microsoft",
                "product": "Sophos Intercept X"
                if code == "gnosjo"
                else "Microsoft Defender for Endpoint",
                "version": "2024" if code == "gnosjo" else "P2",
                "deployment": "saas",
                "criticality": "high",
            },
            {
                "id": "p-phone",
                "capability": "telephony",
                "vendor": "Microsoft" if code in ("varnamo", "gislaved") else "Tele2",
                "product": "Microsoft Teams Phone"
                if code in ("varnamo", "gislaved")
                else "Tele2 Växel",
                "version": "2024",
                "deployment": "saas",
                "criticality": "high",
            },
        ]
        if code in EXCHANGE:
            product, version, count = EXCHANGE[code]
            rows.append(
                {
                    "id": "p-email",
                    "capability": "email",
                    "vendor": "Microsoft",
                    "product": product,
                    "version": version,
                    "deployment": "on_prem",
                    "runs_on": [f"srv-exch{n:02d}" for n in range(1, count + 1)],
                    "criticality": "critical",
                }
            )
        else:
            rows.append(
                {
                    "id": "p-email",
                    "capability": "email",
                    "vendor": "Microsoft",
                    "product": "Exchange Online",
                    "version": "Exchange Online",
                    "deployment": "saas",
                    "criticality": "critical",
                }
            )
    if code in ("gislaved", "varnamo", "vaggeryd"):
        rows.append(
            {
                "id": "p-sccm",
                "capability": "endpoint_management",
                "vendor": "Microsoft",
                "product": "Microsoft Configuration Manager",
                "version": "2309",
                "deployment": "on_prem",
                "runs_on": ["srv-sccm01"],
                "criticality": "high",
            }
        )
    if code in ("gislaved", "varnamo"):
        rows.append(
            {
                "id": "p-jamf",
                "capability": "endpoint_management",
                "vendor": "Jamf",
                "product": "Jamf Pro",
                "version": "11.5",
                "deployment": "saas",
                "criticality": "medium",
            }
        )
        rows.append(
            {
                "id": "p-citrix",
                "capability": "remote_access",
                "vendor": "Citrix",
                "product": "Citrix Virtual Apps and Desktops",
                "version": "7 2203 LTSR",
                "deployment": "on_prem",
                "runs_on": [str(r["id"]) for r in servers.rows if r["role"] == "terminal"],
                "criticality": "high",
            }
        )
    if code == "varnamo":
        rows.append(
            {
                "id": "p-siem",
                "capability": "logging_siem",
                "vendor": "Microsoft",
                "product": "Microsoft Sentinel",
                "version": "2024",
                "deployment": "saas",
                "criticality": "high",
            }
        )
        rows.append(
            {
                "id": "p-integration",
                "capability": "integration",
                "vendor": "Frends",
                "product": "Frends",
                "version": "5.7",
                "deployment": "on_prem",
                "runs_on": ["srv-app01"],
                "criticality": "high",
            }
        )
    if code in ("gislaved", "varnamo"):
        rows.append(
            {
                "id": "p-wifi",
                "capability": "public_wifi",
                "vendor": "HPE Aruba" if code == "varnamo" else "Cisco",
                "product": "Aruba ClearPass" if code == "varnamo" else "Cisco ISE",
                "version": "6.11" if code == "varnamo" else "3.2",
                "deployment": "on_prem",
                "runs_on": ["srv-nps01"],
                "criticality": "low",
            }
        )
    for row in rows:
        row.setdefault("contract_end", _date(rng, 2025, 2028))
        row.setdefault("annual_cost", float(rng.randrange(20, 400) * 1000))
    return rows


# --------------------------------------------------------------------------- clients


def _model(kind: str, vendor: str) -> tuple[str, str, str, str, str, str]:
    return next(m for m in CLIENT_MODELS if m[0] == kind and m[1] == vendor)


def build_clients(profile: Profile, rng: random.Random) -> list[Row]:
    """Fleets: one row per model, site and OS version, ``quantity`` devices each."""
    code = profile.code
    schools = [s for s in profile.sites if s["kind"] == "school"]
    care = [s for s in profile.sites if s["kind"] == "care_home"]
    windows_manager = "p-sccm" if code in ("gislaved", "varnamo", "vaggeryd") else "p-intune"
    ipad_manager = "p-jamf" if code in ("gislaved", "varnamo") else "p-intune"
    chromebook = {
        "gislaved": "Lenovo",
        "gnosjo": "Acer",
        "varnamo": "Lenovo",
        "vaggeryd": "HP",
        "hylte": "Acer",
    }[code]
    rows: list[Row] = []

    def fleet(
        kind_code: str,
        model: tuple[str, str, str, str, str, str],
        site: str,
        quantity: int,
        manager: str | None,
        os_version: str | None = None,
    ) -> None:
        if quantity < 1:
            return
        kind, vendor, name, os_product, version, group = model
        bought = _date(rng, 2019, 2024)
        rows.append(
            {
                "id": f"{kind_code}-{site}-{len(rows) + 1:03d}",
                "kind": kind,
                "vendor": vendor,
                "model": name,
                "os_product": os_product,
                "os_version": os_version or version,
                "managed_by": manager,
                "user_group": group,
                "site": site,
                "quantity": quantity,
                "purchase_date": bought,
                "warranty_end": _years_later(bought, 4),
            }
        )

    def staff_pcs(site: str, count: int) -> None:
        old = round(count * profile.windows10_share)
        fleet("PC", _model("laptop", "Lenovo"), site, count - old, windows_manager)
        fleet("PC", _model("laptop", "HP"), site, old, windows_manager, "10 22H2")

    staff_pcs("KH", round(profile.employees * 0.35))
    fleet("DT", _model("desktop", "HP"), "KH", round(profile.employees * 0.04), windows_manager)
    fleet("MOB", _model("smartphone", "Apple"), "KH", round(profile.employees * 0.3), "p-intune")
    fleet("MOB", _model("smartphone", "Samsung"), "KH", round(profile.employees * 0.1), "p-intune")
    fleet("PRN", _model("printer", "Konica Minolta"), "KH", 12 + profile.employees // 200, None)
    if code in ("gislaved", "varnamo"):
        fleet("MAC", _model("laptop", "Apple"), "KH", 25, "p-jamf")
        fleet("TC", _model("thin_client", "IGEL"), "KH", 40, None)
    per_school = profile.students // len(schools)
    for site in schools:
        site_id = str(site["id"])
        students = per_school + rng.randint(-40, 40)
        fleet(
            "CB", _model("chromebook", chromebook), site_id, round(students * 0.8), "p-google-admin"
        )
        fleet(
            "CB",
            _model("chromebook", chromebook),
            site_id,
            round(students * 0.2),
            "p-google-admin",
            "118",
        )
        fleet(
            "IPAD",
            (*_model("tablet", "Apple")[:5], "student"),
            site_id,
            40 + rng.randint(0, 40),
            ipad_manager,
        )
        staff_pcs(site_id, 25 + rng.randint(0, 30))
        fleet("PRN", _model("printer", "Ricoh"), site_id, 3 + rng.randint(0, 4), None)
    for site in care:
        site_id = str(site["id"])
        fleet("DT", _model("desktop", "Lenovo"), site_id, 6 + rng.randint(0, 6), windows_manager)
        fleet(
            "PAD",
            (*_model("tablet", "Apple")[:5], "staff"),
            site_id,
            15 + rng.randint(0, 15),
            ipad_manager,
        )
        fleet("MOB", _model("smartphone", "Samsung"), site_id, 20 + rng.randint(0, 20), "p-intune")
    return rows


# --------------------------------------------------------------------------- applications

OWNERS = {
    "social_care": "Socialchef",
    "health": "MAS",
    "hr": "HR-chef",
    "finance": "Ekonomichef",
    "administration": "Kanslichef",
    "document_management": "Kanslichef",
    "education": "Skolchef",
    "building_planning": "Samhällsbyggnadschef",
    "technical_services": "Teknisk chef",
    "culture_leisure": "Kultur- och fritidschef",
    "it": "IT-chef",
}
SQL_BACKED = {
    "procapita",
    "treserva",
    "personec",
    "raindance",
    "agresso",
    "ciceron",
    "public360",
    "platina",
    "timecare",
    "byggr",
    "ecos",
    "castor",
    "qlik",
    "nilex",
    "tekis-fir",
    "fb",
    "geosecma",
    "bookit",
    "forcefield",
    "axis-camera",
}


def build_applications(profile: Profile, servers: ServerBuilder, rng: random.Random) -> list[Row]:
    rows: list[Row] = []
    for key in profile.applications:
        product = APPLICATION_BY_KEY[key]
        depends: list[str] = []
        if key in servers.app_servers:
            depends.append(servers.app_servers[key])
        if key in SQL_BACKED:
            depends.append("p-sql")
        if key == "etjanster":
            depends.append("p-etjanst")
        if product.deployment in ("saas", "hosted"):
            depends.append("p-entra")
        else:
            depends.append("p-ad")
        if key == "google-edu":
            depends = ["p-gws", "p-google-admin"]
        if key in ("personec", "raindance", "agresso") and profile.code in ("gislaved", "varnamo"):
            depends.append("p-citrix")
        users = max(5, round(product.users_per_1000 * profile.population / 1000))
        rows.append(
            {
                "id": f"app-{key}",
                "name": product.name,
                "vendor": product.vendor,
                "product": product.product,
                "version": profile.app_versions.get(key, product.version),
                "business_area": product.business_area,
                "deployment": product.deployment,
                "depends_on": depends,
                "users": users,
                "criticality": product.criticality,
                "data_classification": product.data_classification,
                "owner": OWNERS.get(product.business_area, "Kommundirektör"),
                "contract_end": _date(rng, 2025, 2029),
                "annual_cost": float(round(product.cost_per_inhabitant * profile.population, -3)),
            }
        )
    return rows


def build_municipality(profile: Profile) -> list[Row]:
    return [
        {
            "code": profile.code,
            "official_code": profile.official_code,
            "name": profile.name,
            "country": "SE",
            "population": profile.population,
            "employees": profile.employees,
            "students_with_devices": profile.students,
            "it_staff_fte": profile.it_fte,
            "it_budget": profile.it_budget,
            "currency": "SEK",
            "operating_model": profile.operating_model,
            "provider": profile.provider,
        }
    ]


# --------------------------------------------------------------------------- writing


def _swedish(value: str, enum_type: Any) -> str:
    if value in SWEDISH_ENUM_OVERRIDES:
        return SWEDISH_ENUM_OVERRIDES[value]
    spellings: tuple[str, ...] = enum_type.words(value).of("sv")  # aliases are Words
    return spellings[0] if spellings else value


def _header(
    kind: str, field_name: str, aliases: tuple[str, ...], style: FileStyle, position: int
) -> str:
    swedish = style.headers == "sv" or (style.headers == "mixed" and position % 2 == 1)
    if not (swedish and aliases):
        return field_name
    return HEADER_OVERRIDES.get((kind, field_name), aliases[0])


def _text(value: Any, spec: Any, style: FileStyle) -> Any:
    if value is None:
        return ""
    if spec.value_type == "enum":
        return _swedish(value, spec.enum) if style.swedish_values else value
    if spec.value_type == "bool":
        if style.swedish_values or style.headers == "sv":
            return "ja" if value else "nej"
        return "yes" if value else "no"
    if spec.value_type == "date":
        return value.strftime(style.date_format)
    if spec.value_type in ("int_list", "text_list"):
        return ";".join(str(item) for item in value)
    if spec.value_type == "float":
        text = str(int(value)) if float(value).is_integer() else f"{value:.1f}"
        return text.replace(".", ",") if style.decimal_comma else text
    return str(value)


def _table(kind: str, rows: list[Row], style: FileStyle) -> tuple[list[str], list[list[Any]]]:
    """Header and cells of a file: the model's columns that any row uses, in model order."""
    specs = [
        spec
        for spec in field_specs(kind)
        if spec.required or any(row.get(spec.name) is not None for row in rows)
    ]
    header = [_header(kind, spec.name, spec.aliases, style, i) for i, spec in enumerate(specs)]
    body = [[_text(row.get(spec.name), spec, style) for spec in specs] for row in rows]
    return header, body


def write_csv(path: Path, header: list[str], body: list[list[Any]], style: FileStyle) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator=style.line_end)
    writer.writerow(header)
    writer.writerows(body)
    path.write_bytes(buffer.getvalue().encode(style.encoding))


def write_xlsx(path: Path, header: list[str], body: list[list[Any]]) -> None:
    """An XLSX as Excel users keep it: numbers as numbers; fixed timestamps (same bytes)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Verksamhetssystem"
    sheet.append(header)
    for cells in body:
        sheet.append([int(c) if isinstance(c, str) and c.isdigit() else c for c in cells])
    fixed = dt.datetime(2024, 6, 1, 12, 0, 0)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    buffer = io.BytesIO()
    workbook.save(buffer)
    # Re-pack with fixed member timestamps: zip entries otherwise carry the current time.
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2024, 6, 1, 12, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on save
                data = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*<",
                    rb"<dcterms:modified\1>2024-06-01T12:00:00Z<",
                    data,
                )
            target.writestr(member, data)


ENGLISH_STEMS = {
    "municipality": "municipality",
    "site": "sites",
    "server": "servers",
    "storage": "storage",
    "network_device": "network_devices",
    "link": "links",
    "zone": "zones",
    "platform": "platforms",
    "client": "clients",
    "application": "applications",
}


def build_municipality_tables(profile: Profile) -> dict[str, list[Row]]:
    """Every record kind of one municipality, as rows keyed by field name."""
    rng = random.Random(f"{SEED}-{profile.code}")
    servers = ServerBuilder(profile, rng)
    server_rows = servers.build()
    return {
        "municipality": build_municipality(profile),
        "site": [dict(site) for site in profile.sites],
        "server": server_rows,
        "storage": build_storage(profile, rng),
        "network_device": build_network_devices(profile, rng),
        "link": build_links(profile, rng),
        "zone": build_zones(profile),
        "platform": build_platforms(profile, servers, rng),
        "client": build_clients(profile, rng),
        "application": build_applications(profile, servers, rng),
    }


def write_samples(root: Path) -> list[Path]:
    """Write all five municipalities under ``root``; returns the files written."""
    written: list[Path] = []
    for profile in PROFILES:
        folder = root / profile.code
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            if old.suffix in (".csv", ".xlsx"):
                old.unlink()
        for kind, rows in build_municipality_tables(profile).items():
            style = profile.styles.get(kind, FileStyle(ENGLISH_STEMS[kind]))
            header, body = _table(kind, rows, style)
            path = folder / f"{style.stem}.{style.fmt}"
            if style.fmt == "xlsx":
                write_xlsx(path, header, body)
            else:
                write_csv(path, header, body, style)
            written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_samples(REPO / "samples"):
        print(written_path.relative_to(REPO))
