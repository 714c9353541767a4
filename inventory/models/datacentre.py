"""The datacentre domain (A1): sites, servers and storage."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models import vocabulary as words
from inventory.models.base import Record, Reference, Words, column
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
        aliases=words.key(
            "site id",
            "site key",
            sv=("plats-id", "platsid", "platskod"),
            nb=("lokasjon-id", "lokasjonsid", "lokasjonskode"),
            nn=("lokasjon-id", "lokasjonsid"),
        ),
        required=True,
        key=True,
        example="DC1",
    )
    name: str | None = column(
        "Name",
        aliases=Words(
            sv=(*words.NAME.sv, "platsnamn", "lokalnamn"),
            nb=(*words.NAME.nb, "lokasjonsnavn"),
            nn=(*words.NAME.nn, "lokasjonsnamn"),
            en=(*words.NAME.en, "site name"),
        ),
    )
    kind: SiteKind = column(
        "datacentre, server_room, colocation, cloud_region, office, school, care_home or other",
        aliases=Words(
            sv=("typ", "platstyp", "lokaltyp"),
            nb=("type", "lokasjonstype"),
            nn=("type", "lokasjonstype"),
            en=("type", "site type"),
        ),
        required=True,
    )
    address: str | None = column("Street address", aliases=words.ADDRESS)
    racks_total: int | None = column(
        "Racks in the room",
        aliases=Words(
            sv=("rack totalt", "antal rack", "rack", "antal skåp", "rackskåp"),
            nb=("antall rack", "rack", "rack totalt", "antall skap"),
            nn=("tal på rack", "rack", "rack totalt"),
            en=("racks", "rack count", "racks total"),
        ),
        ge=0,
    )
    rack_units_free: int | None = column(
        "Free rack units (U) over all racks",
        aliases=Words(
            sv=("lediga rackenheter", "lediga u", "ledigt utrymme u"),
            nb=("ledige rackenheter", "ledige u", "ledig plass u"),
            nn=("ledige rackeiningar", "ledige u"),
            en=("free u", "free rack units", "rack units free"),
        ),
        ge=0,
        unit="U",
    )
    power_capacity_kw: float | None = column(
        "Usable IT power capacity",
        aliases=Words(
            sv=(
                "effektkapacitet kw",
                "effektkapacitet",
                "effekt kapacitet",
                "kraftkapacitet",
                "max effekt",
            ),
            nb=(
                "kapasitet kw",
                "kraftkapasitet kw",
                "effektkapasitet",
                "strømkapasitet",
                "maks effekt",
            ),
            nn=("effektkapasitet", "straumkapasitet", "maks effekt"),
            en=("power capacity", "it power capacity", "power capacity kw"),
        ),
        ge=0,
        unit="kW",
    )
    power_used_kw: float | None = column(
        "IT power drawn today",
        aliases=Words(
            sv=(
                "effekt använd kw",
                "använd effekt kw",
                "använd effekt",
                "effektuttag",
                "effekt idag",
            ),
            nb=(
                "effekt i bruk kw",
                "brukt effekt kw",
                "brukt effekt",
                "effektuttak",
                "strømforbruk",
            ),
            nn=("effekt i bruk", "brukt effekt", "straumforbruk"),
            en=("power used", "power draw", "it load", "power used kw"),
        ),
        ge=0,
        unit="kW",
    )
    ups: bool | None = column(
        "Has UPS",
        aliases=Words(
            sv=("avbrottsfri kraft", "ups finns", "ups", "avbrottsfri strömförsörjning"),
            nb=("ubrutt strøm", "ups", "ups finnes", "avbruddsfri strømforsyning"),
            nn=("ubroten straum", "ups", "avbrotsfri straumforsyning"),
            en=("has ups",),
        ),
    )
    generator: bool | None = column(
        "Has a backup generator",
        aliases=Words(
            sv=("reservkraft", "aggregat", "reservaggregat", "reservkraftaggregat"),
            nb=("nødstrøm", "aggregat", "reservekraft", "nødstrømsaggregat"),
            nn=("naudstraum", "aggregat", "reservekraft"),
            en=("generator", "backup power"),
        ),
    )
    fire_suppression: bool | None = column(
        "Has gas fire suppression",
        aliases=Words(
            sv=("brandsläckning", "släcksystem", "gassläckning", "släckanläggning"),
            nb=("brannslukking", "slukkeanlegg", "gasslukking", "slokkeanlegg"),
            nn=("brannsløkking", "sløkkjeanlegg", "gassløkking"),
            en=("fire suppression", "gas suppression", "extinguishing system"),
        ),
    )
    cooling: str | None = column(
        "Cooling",
        aliases=Words(
            sv=("kyla", "kylning", "kylsystem"),
            nb=("kjøling", "kjølesystem"),
            nn=("kjøling", "kjølesystem"),
            en=("cooling system", "hvac"),
        ),
    )
    owner: str | None = column(
        "Owner of the premises",
        aliases=Words(
            sv=("ägare", "fastighetsägare"),
            nb=("eier", "gårdeier", "bygningseier"),
            nn=("eigar", "bygningseigar"),
            en=("premises owner", "landlord"),
        ),
    )


class Server(Record):
    """A physical, virtual or appliance server. Hypervisor hosts name their cluster."""

    kind_name: ClassVar[str] = "server"
    file_names: ClassVar[tuple[str, ...]] = ("servers", "server", "servrar", "servere", "tjänare")
    summary: ClassVar[str] = "Physical hosts, virtual machines and appliances."

    id: str = column(
        "Server key, unique in the municipality",
        aliases=words.key(
            "server id",
            "asset id",
            sv=("server-id", "serverid"),
            nb=("server-id", "serverid", "tjener-id"),
            nn=("server-id", "tenar-id"),
        ),
        required=True,
        key=True,
        example="srv-ad01",
    )
    hostname: str | None = column("Host name", aliases=words.HOSTNAME)
    kind: ServerKind = column(
        "physical, virtual or appliance",
        aliases=Words(
            sv=("typ", "servertyp"),
            nb=("type", "servertype"),
            nn=("type", "servertype"),
            en=("type", "server type", "physical/virtual"),
        ),
        required=True,
    )
    site: str | None = column(
        "Site where a physical server stands",
        aliases=words.SITE,
        ref=Reference(("site",)),
    )
    cluster: str | None = column(
        "Hypervisor cluster: the cluster a host belongs to, or the one a virtual server runs on",
        aliases=Words(
            sv=("kluster", "vmware-kluster"),
            nb=("klynge", "kluster"),
            nn=("klynge", "kluster"),
            en=("cluster name", "vsphere cluster"),
        ),
        identifier=True,
    )
    host: str | None = column(
        "Hypervisor host a virtual server runs on (server key)",
        aliases=Words(
            sv=("värd", "virtualiseringsvärd", "esx-värd"),
            nb=("vert", "virtualiseringsvert", "esx-vert"),
            nn=("vert", "virtualiseringsvert"),
            en=("hypervisor host", "esx host", "vm host", "parent host"),
        ),
        ref=Reference(("server",)),
    )
    role: ServerRole | None = column(
        "What the server does",
        aliases=Words(
            sv=("roll", "funktion", "användning", "serverroll", "syfte"),
            nb=("rolle", "funksjon", "bruk", "serverrolle", "formål"),
            nn=("rolle", "funksjon", "bruk", "føremål"),
            en=("function", "purpose", "usage"),
        ),
    )
    vendor: str | None = column("Hardware vendor", aliases=words.VENDOR)
    model: str | None = column("Hardware model", aliases=words.MODEL)
    serial_number: str | None = column(
        "Serial number", aliases=words.SERIAL_NUMBER, identifier=True
    )
    cpu_cores: int | None = column(
        "CPU cores (vCPU for virtual)",
        aliases=Words(
            sv=("kärnor", "cpu-kärnor", "antal kärnor", "processorkärnor", "vcpu"),
            nb=("kjerner", "cpu-kjerner", "antall kjerner", "prosessorkjerner", "vcpu"),
            nn=("kjernar", "cpu-kjernar", "tal på kjernar", "vcpu"),
            en=("cpu", "vcpu", "cores", "cpu cores", "vcpus", "cpus", "num cpu"),
        ),
        ge=0,
    )
    ram_gb: float | None = column(
        "Memory",
        aliases=Words(
            sv=("minne gb", "ram", "minne", "arbetsminne", "internminne"),
            nb=("minne gb", "ram", "minne", "arbeidsminne"),
            nn=("minne", "ram", "arbeidsminne"),
            en=("ram", "memory", "memory gb", "ram gb", "memory size"),
        ),
        ge=0,
        unit="GB",
    )
    storage_gb: float | None = column(
        "Disk",
        aliases=Words(
            sv=("lagring gb", "disk gb", "disk", "lagring", "diskutrymme", "hårddisk"),
            nb=("lagring gb", "disk gb", "disk", "lagring", "diskplass"),
            nn=("lagring", "disk", "diskplass"),
            en=("disk", "storage", "disk size", "provisioned storage", "disk gb"),
        ),
        ge=0,
        unit="GB",
    )
    os_product: str | None = column(
        "Operating system or hypervisor product",
        aliases=words.OS_PRODUCT,
        example="Windows Server",
    )
    os_version: str | None = column(
        "Operating system version",
        aliases=words.OS_VERSION,
        example="2019",
    )
    ip_address: str | None = column("Management or primary IP address", aliases=words.IP_ADDRESS)
    rack_units: int | None = column(
        "Height in rack units", aliases=words.RACK_UNITS, ge=0, unit="U"
    )
    power_w: float | None = column("Typical power draw", aliases=words.POWER_W, ge=0, unit="W")
    status: Status | None = column(
        "planned, active, standby, decommissioning or retired", aliases=words.STATUS
    )
    purchase_date: dt.date | None = column("Purchase date", aliases=words.PURCHASE_DATE)
    warranty_end: dt.date | None = column(
        "End of warranty or support contract",
        aliases=words.WARRANTY_END,
    )
    criticality: Criticality | None = column(
        "low, medium, high or critical",
        aliases=words.CRITICALITY,
    )


class Storage(Record):
    """A storage system: SAN, NAS, object store, backup target or tape library."""

    kind_name: ClassVar[str] = "storage"
    file_names: ClassVar[tuple[str, ...]] = ("storage", "lagring")
    summary: ClassVar[str] = "SAN, NAS, object storage, backup targets and tape."

    id: str = column(
        "Storage key, unique in the municipality",
        aliases=words.key(
            "storage id",
            sv=("lagrings-id", "lagringsid"),
            nb=("lagrings-id", "lagringsid"),
            nn=("lagrings-id",),
        ),
        required=True,
        key=True,
        example="san01",
    )
    kind: StorageKind = column(
        "san, nas, object, backup_target or tape",
        aliases=Words(
            sv=("typ", "lagringstyp"),
            nb=("type", "lagringstype"),
            nn=("type", "lagringstype"),
            en=("type", "storage type"),
        ),
        required=True,
    )
    vendor: str | None = column("Vendor", aliases=words.VENDOR)
    model: str | None = column("Model", aliases=words.MODEL)
    version: str | None = column(
        "Firmware or software version",
        aliases=Words(
            sv=(*words.VERSION.sv, "firmware", "mjukvaruversion"),
            nb=(*words.VERSION.nb, "firmware", "programvareversjon"),
            nn=(*words.VERSION.nn, "firmware"),
            en=(*words.VERSION.en, "firmware"),
        ),
    )
    site: str | None = column("Site", aliases=words.SITE, ref=Reference(("site",)))
    capacity_tb: float | None = column(
        "Usable capacity",
        aliases=Words(
            sv=("kapacitet tb", "kapacitet", "användbar kapacitet", "nettokapacitet"),
            nb=("kapasitet tb", "kapasitet", "brukbar kapasitet", "nettokapasitet"),
            nn=("kapasitet", "brukbar kapasitet", "nettokapasitet"),
            en=("capacity", "usable capacity", "capacity tb", "usable tb"),
        ),
        ge=0,
        unit="TB",
    )
    used_tb: float | None = column(
        "Used capacity",
        aliases=Words(
            sv=("använt tb", "använt", "använd kapacitet", "nyttjat"),
            nb=("brukt tb", "brukt", "brukt kapasitet", "i bruk"),
            nn=("brukt", "brukt kapasitet", "i bruk"),
            en=("used", "used capacity", "used tb", "consumed"),
        ),
        ge=0,
        unit="TB",
    )
    rack_units: int | None = column(
        "Height in rack units", aliases=words.RACK_UNITS, ge=0, unit="U"
    )
    power_w: float | None = column("Typical power draw", aliases=words.POWER_W, ge=0, unit="W")
    immutable: bool | None = column(
        "Holds an offline or immutable copy (backup)",
        aliases=Words(
            sv=("oföränderlig", "immutabel", "offline-kopia", "låst kopia"),
            nb=("uforanderlig", "immutabel", "offline kopi", "offline-kopi"),
            nn=("uforanderleg", "offline-kopi"),
            en=("immutable copy", "offline copy", "air gapped", "air-gapped"),
        ),
    )
    replicates_to: str | None = column(
        "Storage this one replicates to (key or code:key)",
        aliases=Words(
            sv=("replikerar till", "replikering till", "spegling till"),
            nb=("replikerer til", "replikering til", "speiling til"),
            nn=("replikerer til", "replikering til"),
            en=("replication target", "replicates to", "mirror"),
        ),
        ref=Reference(("storage",)),
    )
    warranty_end: dt.date | None = column("End of warranty or support", aliases=words.WARRANTY_END)
