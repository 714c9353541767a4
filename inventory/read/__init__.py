"""Read stage: find inventory files, read them as text tables, map their headers."""

from inventory.read.discover import InventoryFolder, discover
from inventory.read.headers import HeaderMapping, map_headers
from inventory.read.source import SourceTable
from inventory.read.tables import read_table

# The export adapters register their recognisers with discovery (import for its effect).
import inventory.read.adapters  # noqa: F401  # isort: skip

__all__ = [
    "HeaderMapping",
    "InventoryFolder",
    "SourceTable",
    "discover",
    "map_headers",
    "read_table",
]

# The built-in mapping profiles (Intune, ConfigMgr, ...) recognise exports by their headers.
from inventory.read.profiles import register_builtin as _register_profiles

_register_profiles()
