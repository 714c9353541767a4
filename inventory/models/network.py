"""The network domain (A2): devices, links between sites, and security zones."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models import vocabulary as words
from inventory.models.base import Record, Reference, Words, column
from inventory.models.enums import LinkKind, Management, NetworkRole, Status, ZonePurpose


class NetworkDevice(Record):
    """A switch, router, firewall, WLAN controller or a group of identical access points."""

    kind_name: ClassVar[str] = "network_device"
    file_names: ClassVar[tuple[str, ...]] = (
        "network_devices",
        "network_device",
        "nätverk",
        "natverk",
        "nätverksutrustning",
        "nettverk",
        "nettverksutstyr",
    )
    summary: ClassVar[str] = "Switches, routers, firewalls, WLAN; quantity for identical units."

    id: str = column(
        "Device key, unique in the municipality",
        aliases=words.key(
            "device id",
            "asset id",
            sv=("enhets-id", "enhetsid"),
            nb=("enhets-id", "enhetsid"),
            nn=("einings-id",),
        ),
        required=True,
        key=True,
        example="fw01",
    )
    hostname: str | None = column("Host name", aliases=words.HOSTNAME)
    role: NetworkRole = column(
        "core_switch, distribution_switch, access_switch, router,"
        " firewall, wlan_controller, access_point, vpn_gateway or"
        " load_balancer",
        aliases=Words(
            sv=("roll", "funktion", "typ", "enhetstyp"),
            nb=("rolle", "funksjon", "type", "enhetstype"),
            nn=("rolle", "funksjon", "type", "einingstype"),
            en=("type", "device type", "function", "device role"),
        ),
        required=True,
    )
    vendor: str | None = column("Vendor", aliases=words.VENDOR)
    model: str | None = column("Model", aliases=words.MODEL)
    os_version: str | None = column(
        "Software version",
        aliases=Words(
            sv=(*words.OS_VERSION.sv, "mjukvaruversion", "firmware", "programvaruversion"),
            nb=(*words.OS_VERSION.nb, "programvareversjon", "firmware"),
            nn=(*words.OS_VERSION.nn, "programvareversjon", "firmware"),
            en=(*words.OS_VERSION.en, "firmware", "software version", "software"),
        ),
    )
    site: str | None = column("Site", aliases=words.SITE, ref=Reference(("site",)))
    management: Management | None = column(
        "on_prem or cloud management",
        aliases=Words(
            sv=("hantering", "styrning", "administration", "hanteringsform"),
            nb=("administrasjon", "styring", "administrasjonsform"),
            nn=("administrasjon", "styring"),
            en=("managed from", "management mode"),
        ),
    )
    ip_address: str | None = column("Management IP address", aliases=words.IP_ADDRESS)
    quantity: int | None = column(
        "Number of identical units this row stands for (default 1)", aliases=words.QUANTITY, ge=1
    )
    status: Status | None = column("Lifecycle status", aliases=words.STATUS)
    warranty_end: dt.date | None = column("End of warranty or support", aliases=words.WARRANTY_END)


class Link(Record):
    """A network link between two sites, possibly of different municipalities."""

    kind_name: ClassVar[str] = "link"
    file_names: ClassVar[tuple[str, ...]] = (
        "links",
        "link",
        "förbindelser",
        "forbindelser",
        "länkar",
        "linjer",
    )
    summary: ClassVar[str] = "WAN, fibre and VPN links between sites (also across municipalities)."

    id: str = column(
        "Link key, unique in the municipality",
        aliases=words.key(
            "link id",
            "circuit id",
            sv=("länk-id", "förbindelse-id", "kretsnummer"),
            nb=("linje-id", "samband-id", "forbindelse-id", "kretsnummer"),
            nn=("linje-id", "samband-id"),
        ),
        required=True,
        key=True,
        example="L1",
    )
    a_site: str = column(
        "Site at one end",
        aliases=Words(
            sv=("a-plats", "plats a", "från", "från plats", "a-ände"),
            nb=("a-lokasjon", "lokasjon a", "fra", "fra lokasjon", "a-ende"),
            nn=("a-lokasjon", "lokasjon a", "frå", "frå lokasjon"),
            en=("site a", "a end", "from", "from site", "termination a"),
        ),
        required=True,
        ref=Reference(("site",)),
    )
    b_site: str = column(
        "Site at the other end (code:id for another municipality)",
        aliases=Words(
            sv=("b-plats", "plats b", "till", "till plats", "b-ände"),
            nb=("b-lokasjon", "lokasjon b", "til", "til lokasjon", "b-ende"),
            nn=("b-lokasjon", "lokasjon b", "til", "til lokasjon"),
            en=("site b", "b end", "to", "to site", "termination b"),
        ),
        required=True,
        ref=Reference(("site",)),
    )
    kind: LinkKind = column(
        "dark_fibre, fibre, wan_mpls, sd_wan, vpn, internet or radio",
        aliases=Words(
            sv=("typ", "förbindelsetyp", "länktyp"),
            nb=("type", "linjetype", "sambandstype", "forbindelsestype"),
            nn=("type", "linjetype", "sambandstype"),
            en=("type", "link type", "circuit type"),
        ),
        required=True,
    )
    bandwidth_mbps: float | None = column(
        "Bandwidth",
        aliases=Words(
            sv=("bandbredd mbps", "bandbredd", "kapacitet mbit/s", "hastighet", "kapacitet"),
            nb=("båndbredde mbps", "båndbredde", "hastighet", "kapasitet"),
            nn=("bandbreidd", "båndbreidd", "fart", "kapasitet"),
            en=("bandwidth", "speed", "capacity", "bandwidth mbps", "port speed"),
        ),
        ge=0,
        unit="Mbit/s",
    )
    provider: str | None = column(
        "Carrier or owner",
        aliases=Words(
            sv=("leverantör", "operatör", "ägare"),
            nb=("leverandør", "operatør", "eier"),
            nn=("leverandør", "operatør", "eigar"),
            en=("carrier", "operator", "owner", "isp"),
        ),
    )
    redundant: bool | None = column(
        "Has a redundant path",
        aliases=Words(
            sv=("redundans", "redundant väg", "dubblerad"),
            nb=("redundans", "redundant vei", "dublert"),
            nn=("redundans", "redundant veg", "dublert"),
            en=("redundancy", "redundant path"),
        ),
    )
    contract_end: dt.date | None = column("End of contract", aliases=words.CONTRACT_END)
    annual_cost: float | None = column(
        "Yearly cost", aliases=words.ANNUAL_COST, ge=0, unit="currency"
    )


class Zone(Record):
    """A network security zone (segment) with its VLANs, sites and firewall."""

    kind_name: ClassVar[str] = "zone"
    file_names: ClassVar[tuple[str, ...]] = (
        "zones",
        "zone",
        "zoner",
        "soner",
        "nätzoner",
        "segment",
    )
    summary: ClassVar[str] = "Network security zones: purpose, VLANs, where, and which firewall."

    id: str = column(
        "Zone key, unique in the municipality",
        aliases=words.key(
            "zone id",
            "segment id",
            sv=("zon-id", "segment-id"),
            nb=("sone-id", "segment-id"),
            nn=("sone-id",),
        ),
        required=True,
        key=True,
        example="Z-ADM",
    )
    name: str | None = column(
        "Name",
        aliases=Words(
            sv=(*words.NAME.sv, "zonnamn"),
            nb=(*words.NAME.nb, "sonenavn"),
            nn=(*words.NAME.nn, "sonenamn"),
            en=(*words.NAME.en, "zone name"),
        ),
    )
    purpose: ZonePurpose = column(
        "admin, school, care, iot, guest, public_wifi, dmz or management",
        aliases=Words(
            sv=("syfte", "ändamål", "användning", "zontyp"),
            nb=("formål", "bruk", "sonetype"),
            nn=("føremål", "bruk", "sonetype"),
            en=("purpose", "zone type", "usage"),
        ),
        required=True,
    )
    vlans: list[int] | None = column(
        "VLAN ids, separated by , or ; or |",
        aliases=Words(
            sv=("vlan", "vlan-id", "vlan-nummer"),
            nb=("vlan", "vlan-id", "vlan-nummer"),
            nn=("vlan", "vlan-id"),
            en=("vlan", "vlan id", "vlan ids"),
        ),
    )
    prefixes: list[str] | None = column(
        "IP prefixes (CIDR), separated by , or ; or |",
        aliases=Words(
            sv=("prefix", "nät", "ip-nät", "subnät", "adressrymd"),
            nb=("prefiks", "nett", "ip-nett", "subnett", "adresserom"),
            nn=("prefiks", "nett", "ip-nett", "subnett"),
            en=("prefix", "subnet", "subnets", "network", "cidr"),
        ),
    )
    sites: list[str] | None = column(
        "Sites where the zone exists, separated by , or ; or |",
        aliases=Words(sv=("platser",), nb=("lokasjoner",), nn=("lokasjonar",), en=("locations",)),
        ref=Reference(("site",), many=True),
    )
    firewall: str | None = column(
        "Firewall that guards the zone (network device key)",
        aliases=Words(
            sv=("brandvägg",), nb=("brannmur",), nn=("brannmur",), en=("fw", "firewall id")
        ),
        ref=Reference(("network_device",)),
    )
