"""Operating-system families of server rows: what a server may be moved to.

A server stays in its family: a Windows server is upgraded to a Windows Server, a Linux
server to a supported Linux (of its own distribution where the target has one), a Unix
server to a Unix. An appliance (the Photon OS of a vCenter Server Appliance, a firewall,
storage or network OS, a server row of kind ``appliance``) is upgraded by its vendor's
releases, never moved to a general-purpose server OS.

Families come from the catalogue (endoflife.date tags ``linux-distribution``,
``unix-distribution``, ``bsd-distribution``; Windows Server; other operating systems of the
catalogue are vendors' appliance systems) and from the alias table (a product made for
network, storage or appliance records).
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from inventory.analyse.normalise import Normaliser

OsFamily = Literal["windows", "linux", "unix", "appliance"]

#: Products that are appliances although the catalogue files them as applications.
APPLIANCE_PRODUCTS = frozenset(
    {
        "vmware-vcenter",
        "vmware-photon",
        "proxmox-backup-server",
        "device-firmware",
        # network and security systems
        "cisco-asa",
        "cisco-ftd",
        "cisco-ise",
        "cisco-nx-os",
        "cisco-aireos",
        "infoblox-nios",
        "aruba-clearpass",
        "arubaos",
        "arubaos-cx",
        "arubaos-switch",
        "juniper-junos",
        "meraki",
        "fortiswitchos",
        "hpe-comware",
        # storage and backup systems
        "exagrid",
        "synology-dsm",
        "qnap-qts",
        "dell-powerprotect-dd",
        "hpe-storeonce",
        "dell-powerstore",
        "dell-unity",
        "dell-powervault",
        "dell-powerscale",
        "hpe-nimble",
        "hpe-primera",
        "hpe-msa",
        "pure-flasharray",
        "pure-flashblade",
        "nutanix-files",
    }
)
_APPLIANCE_ROLES = frozenset({"network", "storage", "appliance"})
#: What each family is called in a message.
FAMILY_NAMES: dict[str, str] = {
    "windows": "Windows",
    "linux": "Linux",
    "unix": "Unix",
    "appliance": "appliance",
}


def os_family(normaliser: Normaliser, product_id: str | None) -> OsFamily | None:
    """The family of a server OS product (``None``: not known).

    >>> os_family(Normaliser.default(), "ubuntu"), os_family(Normaliser.default(), "fortios")
    ('linux', 'appliance')
    """
    definition = normaliser.product(product_id)
    if definition is None or product_id is None:
        return None
    slug = definition.cycles_from or product_id
    if slug == "windows-server":  # Hyper-V, WSUS, ADFS follow it
        return "windows"
    if (
        product_id in APPLIANCE_PRODUCTS
        or slug in APPLIANCE_PRODUCTS
        or (definition.roles and definition.roles <= _APPLIANCE_ROLES)
    ):
        return "appliance"
    product = normaliser.catalogue.get(slug)
    tags = set(product.tags) if product is not None else set()
    if "linux-distribution" in tags:
        return "linux"
    if tags & {"unix-distribution", "bsd-distribution"}:
        return "unix"
    if (
        product is not None
        and product.category == "os"
        and "windows" not in tags
        and not (definition.roles and "client" in definition.roles)
    ):
        return "appliance"  # a vendor's OS: FortiOS, PAN-OS, IOS XE, ONTAP, BIG-IP
    return None


def os_families(normaliser: Normaliser, product_ids: pd.Series) -> pd.Series:
    """``os_family`` of each product id (looked up once per distinct id)."""
    families = {pid: os_family(normaliser, str(pid)) for pid in product_ids.dropna().unique()}
    return product_ids.map(families).astype(object)
