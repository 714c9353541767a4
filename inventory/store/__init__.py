"""The store: SQLAlchemy tables derived from the models, Alembic migrations, the importer.

``InventoryStore(url)`` opens (and creates or migrates) a database; see its methods.
The names below are loaded when first used (PEP 562), so that ``inventory stats`` reads
its counts without importing pandas, the importer or the snapshot.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Public name -> the module that defines it (imported on first use).
_EXPORTS: dict[str, str] = {
    "ImportResult": "inventory.store.importer",
    "ImportRunInfo": "inventory.store.history",
    "InventoryStore": "inventory.store.store",
    "KindCounts": "inventory.store.importer",
    "RecordDifference": "inventory.store.history",
    "RunDifference": "inventory.store.history",
    "stored_known_keys": "inventory.store.store",
}

__all__ = [
    "ImportResult",
    "ImportRunInfo",
    "InventoryStore",
    "KindCounts",
    "RecordDifference",
    "RunDifference",
    "stored_known_keys",
]

if TYPE_CHECKING:
    from inventory.store.history import ImportRunInfo, RecordDifference, RunDifference
    from inventory.store.importer import ImportResult, KindCounts
    from inventory.store.store import InventoryStore, stored_known_keys


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
