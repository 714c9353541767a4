"""Read stage: find inventory files, read them as text tables, map their headers."""

from inventory.read.discover import InventoryFolder, discover
from inventory.read.headers import HeaderMapping, map_headers
from inventory.read.source import SourceTable
from inventory.read.tables import read_table

__all__ = ["HeaderMapping", "InventoryFolder", "SourceTable", "discover", "map_headers",
           "read_table"]
