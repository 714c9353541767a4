"""The store: SQLAlchemy tables derived from the models, Alembic migrations, the importer.

``InventoryStore(url)`` opens (and creates or migrates) a database; see its methods.
"""

from inventory.store.history import ImportRunInfo, RecordDifference, RunDifference
from inventory.store.importer import ImportResult, KindCounts
from inventory.store.store import InventoryStore, stored_known_keys

__all__ = ["ImportResult", "ImportRunInfo", "InventoryStore", "KindCounts", "RecordDifference",
           "RunDifference", "stored_known_keys"]
