"""Adapters for the exports technicians already have, whose layout is not one plain table
per kind: RVTools (xlsx, one sheet per tab), NetBox (CSV exports and a REST API dump),
Hyper-V (``Get-VM | Export-Csv``) and Proxmox VE (``pvesh get /cluster/resources``).

Each module holds its tool's column maps as data (``base.Column``: export column, field,
unit, value map) and registers one recogniser (``inventory.read.kinds``), so that an
untouched export dropped into a municipality folder is recognised by its header row or
JSON shape. docs/adapters.md documents every mapping.
"""

from inventory.read.adapters.hyperv import HyperVAdapter
from inventory.read.adapters.netbox import NetBoxAdapter
from inventory.read.adapters.proxmox import ProxmoxAdapter
from inventory.read.adapters.rvtools import RVToolsAdapter
from inventory.read.kinds import register_recogniser

ADAPTERS = (RVToolsAdapter(), NetBoxAdapter(), HyperVAdapter(), ProxmoxAdapter())
for _adapter in ADAPTERS:
    register_recogniser(_adapter)

__all__ = ["ADAPTERS", "HyperVAdapter", "NetBoxAdapter", "ProxmoxAdapter", "RVToolsAdapter"]
