"""The datacentre domain (A1): sites, servers and storage."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models.base import Record, Reference, column
from inventory.models.enums import (
    Criticality,
    ServerKind,
    ServerRole,
    SiteKind,
    Status,
    StorageKind,
)


class Site(Record):
    """A place that holds equipment: datacentre, server room, office, school, cloud region."""

    kind_name: ClassVar[str] = "site"
    file_names: ClassVar[tuple[str, ...]] = (
        "sites",
        "site",
        "platser",
        "lokasjoner",
        "anläggningar",
    )
    summary: ClassVar[str] = "Datacentres, server rooms, offices, schools and cloud regions."

    id: str = column(
        "Site key, unique in the municipality",
        aliases=("plats-id", "platsid", "lokasjon-id", "lokasjonsid", "nyckel"),
        required=True,
        key=True,
        example="DC1",
    )
    name: str | None = column("Name", aliases=("namn", "navn", "platsnamn"))
    kind: SiteKind = column(
        "datacentre, server_room, colocation, cloud_region, office, school, care_home or other",
        aliases=("typ", "type", "platstyp"),
        required=True,
    )
    address: str | None = column("Street address", aliases=("adress", "gatuadress"))
    racks_total: int | None = column(
        "Racks in the room", aliases=("rack totalt", "antal rack", "antall rack", "rack"), ge=0
    )
    rack_units_free: int | None = column(
        "Free rack units (U) over all racks",
        aliases=("lediga rackenheter", "ledige rackenheter", "lediga u", "ledige u"),
        ge=0,
        unit="U",
    )
    power_capacity_kw: float | None = column(
        "Usable IT power capacity",
        aliases=("effektkapacitet kw", "kapasitet kw", "kraftkapasitet kw", "effekt kapacitet"),
        ge=0,
        unit="kW",
    )
    power_used_kw: float | None = column(
        "IT power drawn today",
        aliases=("effekt använd kw", "effekt i bruk kw", "använd effekt kw", "brukt effekt kw"),
        ge=0,
        unit="kW",
    )
    ups: bool | None = column("Has UPS", aliases=("avbrottsfri kraft", "ups finns", "ubrutt strøm"))
    generator: bool | None = column(
        "Has a backup generator", aliases=("reservkraft", "aggregat", "nødstrøm", "reservaggregat")
    )
    fire_suppression: bool | None = column(
        "Has gas fire suppression",
        aliases=("brandsläckning", "släcksystem", "brannslukking", "slukkeanlegg"),
    )
    cooling: str | None = column("Cooling", aliases=("kyla", "kjøling"))
    owner: str | None = column("Owner of the premises", aliases=("ägare", "eier"))


class Server(Record):
    """A physical, virtual or appliance server. Hypervisor hosts name their cluster."""

    kind_name: ClassVar[str] = "server"
    file_names: ClassVar[tuple[str, ...]] = ("servers", "server", "servrar", "servere", "tjänare")
    summary: ClassVar[str] = "Physical hosts, virtual machines and appliances."

    id: str = column(
        "Server key, unique in the municipality",
        aliases=("server-id", "serverid", "nyckel"),
        required=True,
        key=True,
        example="srv-ad01",
    )
    hostname: str | None = column(
        "Host name", aliases=("värdnamn", "vertsnavn", "datornamn", "servernamn", "host name")
    )
    kind: ServerKind = column(
        "physical, virtual or appliance", aliases=("typ", "type", "servertyp"), required=True
    )
    site: str | None = column(
        "Site where a physical server stands",
        aliases=("plats", "lokasjon", "placering", "lokalisering"),
        ref=Reference(("site",)),
    )
    cluster: str | None = column(
        "Hypervisor cluster: the cluster a host belongs to, or the one a virtual server runs on",
        aliases=("kluster",),
        identifier=True,
    )
    host: str | None = column(
        "Hypervisor host a virtual server runs on (server key)",
        aliases=("värd", "vert", "virtualiseringsvärd"),
        ref=Reference(("server",)),
    )
    role: ServerRole | None = column(
        "What the server does", aliases=("roll", "rolle", "funktion", "användning")
    )
    vendor: str | None = column(
        "Hardware vendor", aliases=("tillverkare", "leverantör", "produsent", "leverandør")
    )
    model: str | None = column("Hardware model", aliases=("modell",))
    serial_number: str | None = column(
        "Serial number", aliases=("serienummer", "serial"), identifier=True
    )
    cpu_cores: int | None = column(
        "CPU cores (vCPU for virtual)",
        aliases=("kärnor", "cpu-kärnor", "kjerner", "vcpu", "cpu"),
        ge=0,
    )
    ram_gb: float | None = column("Memory", aliases=("minne gb", "ram", "minne"), ge=0, unit="GB")
    storage_gb: float | None = column(
        "Disk", aliases=("lagring gb", "disk gb", "disk"), ge=0, unit="GB"
    )
    os_product: str | None = column(
        "Operating system or hypervisor product",
        aliases=("operativsystem", "os", "opsys"),
        example="Windows Server",
    )
    os_version: str | None = column(
        "Operating system version",
        aliases=("os-version", "osversion", "os versjon"),
        example="2019",
    )
    ip_address: str | None = column(
        "Management or primary IP address", aliases=("ip-adress", "ip", "ip adresse")
    )
    rack_units: int | None = column(
        "Height in rack units", aliases=("rackenheter", "u", "höjd u"), ge=0, unit="U"
    )
    power_w: float | None = column(
        "Typical power draw", aliases=("effekt w", "strøm w", "effekt"), ge=0, unit="W"
    )
    status: Status | None = column(
        "planned, active, standby, decommissioning or retired", aliases=("driftstatus",)
    )
    purchase_date: dt.date | None = column(
        "Purchase date", aliases=("inköpsdatum", "innkjøpsdato", "köpt")
    )
    warranty_end: dt.date | None = column(
        "End of warranty or support contract",
        aliases=("garanti till", "garanti slut", "garanti utløper", "garantislut"),
    )
    criticality: Criticality | None = column(
        "low, medium, high or critical",
        aliases=("kritikalitet", "kritikalitet", "kritiskhet", "prioritet"),
    )


class Storage(Record):
    """A storage system: SAN, NAS, object store, backup target or tape library."""

    kind_name: ClassVar[str] = "storage"
    file_names: ClassVar[tuple[str, ...]] = ("storage", "lagring")
    summary: ClassVar[str] = "SAN, NAS, object storage, backup targets and tape."

    id: str = column(
        "Storage key, unique in the municipality",
        aliases=("lagrings-id", "nyckel"),
        required=True,
        key=True,
        example="san01",
    )
    kind: StorageKind = column(
        "san, nas, object, backup_target or tape", aliases=("typ", "type"), required=True
    )
    vendor: str | None = column("Vendor", aliases=("tillverkare", "leverantör", "produsent"))
    model: str | None = column("Model", aliases=("modell",))
    version: str | None = column("Firmware or software version", aliases=("versjon",))
    site: str | None = column("Site", aliases=("plats", "lokasjon"), ref=Reference(("site",)))
    capacity_tb: float | None = column(
        "Usable capacity", aliases=("kapacitet tb", "kapasitet tb", "kapacitet"), ge=0, unit="TB"
    )
    used_tb: float | None = column(
        "Used capacity", aliases=("använt tb", "brukt tb", "använt"), ge=0, unit="TB"
    )
    rack_units: int | None = column(
        "Height in rack units", aliases=("rackenheter", "u"), ge=0, unit="U"
    )
    power_w: float | None = column(
        "Typical power draw", aliases=("effekt w", "effekt"), ge=0, unit="W"
    )
    immutable: bool | None = column(
        "Holds an offline or immutable copy (backup)",
        aliases=("oföränderlig", "immutabel", "offline-kopia", "offline kopi"),
    )
    replicates_to: str | None = column(
        "Storage this one replicates to (key or code:key)",
        aliases=("replikerar till", "replikerer til"),
        ref=Reference(("storage",)),
    )
    warranty_end: dt.date | None = column(
        "End of warranty or support", aliases=("garanti till", "garanti slut", "garanti utløper")
    )
