"""The gap's rows: client rows folded once on the columns its tables sum them by.

``any_rows`` and ``fold_rows`` (``analyse.frames``, below the analyses and the gap alike)
are re-exported for the gap's modules.
"""

from __future__ import annotations

from inventory.analyse.assets import client_fleets
from inventory.analyse.frames import any_rows, fold_rows
from inventory.snapshot import InventorySnapshot

__all__ = ["CLIENT_SUM_KEYS", "any_rows", "fold_rows", "summed_clients"]

#: The client columns the gap's sums group by (devices per municipality and kind, per
#: management platform, per user group, per site, per support end): client rows equal in
#: all of them are summed once, before any table sums them again.
CLIENT_SUM_KEYS = ("municipality", "kind", "managed_by", "user_group", "site", "support_end")


def summed_clients(snapshot: InventorySnapshot) -> InventorySnapshot:
    """The snapshot with its client rows folded on ``CLIENT_SUM_KEYS``
    (``analyse.assets.client_fleets`` on these keys).

    ``quantity`` of a folded row is the device count of the rows folded into it (a row's
    ``quantity``, 1 where empty), so every sum of devices grouped by some of these columns
    is the same as on the rows themselves; a count of rows is not (``records`` holds it).
    The gap's tables sum two million client rows six times over; folded once, they sum a
    few thousand. Every other table is the snapshot's own (not copied).
    """
    return client_fleets(snapshot, CLIENT_SUM_KEYS)
