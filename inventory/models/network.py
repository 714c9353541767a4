"""The network domain (A2): devices, links between sites, and security zones."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models.base import Record, Reference, column
from inventory.models.enums import LinkKind, Management, NetworkRole, Status, ZonePurpose


class NetworkDevice(Record):
    """A switch, router, firewall, WLAN controller or a group of identical access points."""

    kind_name: ClassVar[str] = "network_device"
    file_names: ClassVar[tuple[str, ...]] = ("network_devices", "network_device", "nätverk",
                                             "natverk", "nätverksutrustning", "nettverk",
                                             "nettverksutstyr")
    summary: ClassVar[str] = "Switches, routers, firewalls, WLAN; quantity for identical units."

    id: str = column("Device key, unique in the municipality", aliases=("enhets-id", "nyckel"),
                     required=True, key=True, example="fw01")
    hostname: str | None = column("Host name", aliases=("värdnamn", "vertsnavn", "enhetsnamn"))
    role: NetworkRole = column("core_switch, distribution_switch, access_switch, router,"
                               " firewall, wlan_controller, access_point, vpn_gateway or"
                               " load_balancer", aliases=("roll", "rolle", "funktion", "typ"),
                               required=True)
    vendor: str | None = column("Vendor", aliases=("tillverkare", "leverantör", "produsent"))
    model: str | None = column("Model", aliases=("modell",))
    os_version: str | None = column("Software version", aliases=("os-version", "mjukvaruversion",
                                    "programvareversjon", "firmware"))
    site: str | None = column("Site", aliases=("plats", "lokasjon", "placering"),
                              ref=Reference(("site",)))
    management: Management | None = column("on_prem or cloud management", aliases=(
        "hantering", "administrasjon", "styrning"))
    ip_address: str | None = column("Management IP address", aliases=("ip-adress", "ip"))
    quantity: int | None = column("Number of identical units this row stands for (default 1)",
                                  aliases=("antal", "antall", "st", "stk"), ge=1)
    status: Status | None = column("Lifecycle status", aliases=("driftstatus",))
    warranty_end: dt.date | None = column("End of warranty or support", aliases=(
        "garanti till", "garanti slut", "garanti utløper"))


class Link(Record):
    """A network link between two sites, possibly of different municipalities."""

    kind_name: ClassVar[str] = "link"
    file_names: ClassVar[tuple[str, ...]] = ("links", "link", "förbindelser", "forbindelser",
                                             "länkar", "linjer")
    summary: ClassVar[str] = "WAN, fibre and VPN links between sites (also across municipalities)."

    id: str = column("Link key, unique in the municipality", aliases=("länk-id", "nyckel"),
                     required=True, key=True, example="L1")
    a_site: str = column("Site at one end", aliases=("a-plats", "plats a", "a-lokasjon",
                         "från", "fra"), required=True, ref=Reference(("site",)))
    b_site: str = column("Site at the other end (code:id for another municipality)",
                         aliases=("b-plats", "plats b", "b-lokasjon", "till", "til"),
                         required=True, ref=Reference(("site",)))
    kind: LinkKind = column("dark_fibre, fibre, wan_mpls, sd_wan, vpn, internet or radio",
                            aliases=("typ", "type", "förbindelsetyp"), required=True)
    bandwidth_mbps: float | None = column("Bandwidth", aliases=("bandbredd mbps", "båndbredde"
                                          " mbps", "bandbredd", "båndbredde", "kapacitet mbit/s"),
                                          ge=0, unit="Mbit/s")
    provider: str | None = column("Carrier or owner", aliases=("leverantör", "leverandør",
                                  "operatör", "operatør"))
    redundant: bool | None = column("Has a redundant path", aliases=("redundans", "redundant"
                                    " väg", "redundant vei"))
    contract_end: dt.date | None = column("End of contract", aliases=("avtal till", "avtalsslut",
                                          "avtale utløper", "avtalet löper ut"))
    annual_cost: float | None = column("Yearly cost", aliases=("årskostnad", "årlig kostnad"),
                                       ge=0, unit="currency")


class Zone(Record):
    """A network security zone (segment) with its VLANs, sites and firewall."""

    kind_name: ClassVar[str] = "zone"
    file_names: ClassVar[tuple[str, ...]] = ("zones", "zone", "zoner", "soner", "nätzoner",
                                             "segment")
    summary: ClassVar[str] = "Network security zones: purpose, VLANs, where, and which firewall."

    id: str = column("Zone key, unique in the municipality", aliases=("zon-id", "sone-id",
                     "nyckel"), required=True, key=True, example="Z-ADM")
    name: str | None = column("Name", aliases=("namn", "navn"))
    purpose: ZonePurpose = column("admin, school, care, iot, guest, public_wifi, dmz or"
                                  " management", aliases=("syfte", "formål", "ändamål"),
                                  required=True)
    vlans: list[int] | None = column("VLAN ids, separated by , or ; or |", aliases=("vlan",
                                     "vlan-id"))
    prefixes: list[str] | None = column("IP prefixes (CIDR), separated by , or ; or |",
                                        aliases=("prefix", "nät", "nett", "ip-nät", "subnät"))
    sites: list[str] | None = column("Sites where the zone exists, separated by , or ; or |",
                                     aliases=("platser", "lokasjoner"),
                                     ref=Reference(("site",), many=True))
    firewall: str | None = column("Firewall that guards the zone (network device key)",
                                  aliases=("brandvägg", "brannmur"),
                                  ref=Reference(("network_device",)))
