"""Iterating frames row by row where a loop is unavoidable (per site, per table row shown),
and folding many rows that agree on some columns into one (client devices into fleets)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from inventory.snapshot import InventorySnapshot

#: The client columns the gap's sums group by (devices per municipality and kind, per
#: management platform, per user group, per site, per support end): client rows equal in
#: all of them are summed once, before any table sums them again.
CLIENT_SUM_KEYS = ("municipality", "kind", "managed_by", "user_group", "site", "support_end")


def any_rows(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of ``frame`` as named tuples (typed ``Any``: columns are dynamic)."""
    yield from frame.itertuples(index=False)


def fold_rows(frame: pd.DataFrame, keys: Sequence[str], sums: dict[str, pd.Series]
              ) -> pd.DataFrame:
    """One row per distinct combination of the ``keys`` columns (missing values equal).

    Each row is the first row of its combination, with every column of ``frame``, in the
    order the combinations first appear, plus the per-combination sums of the ``sums``
    series (aligned with ``frame``) and ``records``, the number of rows folded into it.
    Two million client rows of a national inventory fold into a few thousand fleets.
    """
    if frame.empty:
        return frame.assign(**{name: pd.Series(dtype=series.dtype)
                               for name, series in sums.items()},
                            records=pd.Series(dtype="int64"))
    number = frame.groupby(list(keys), dropna=False, sort=False).ngroup().to_numpy()
    # sort=False numbers the combinations in the order they first appear.
    _, first = np.unique(number, return_index=True)
    folded = frame.iloc[first].reset_index(drop=True)
    for name, series in sums.items():
        folded[name] = series.groupby(number, sort=True).sum().array  # keeps the dtype
    folded["records"] = np.bincount(number).astype("int64")
    return folded


def summed_clients(snapshot: InventorySnapshot) -> InventorySnapshot:
    """The snapshot with its client rows folded on ``CLIENT_SUM_KEYS`` (``fold_rows``).

    ``quantity`` of a folded row is the device count of the rows folded into it (a row's
    ``quantity``, 1 where empty), so every sum of devices grouped by some of these columns
    is the same as on the rows themselves; a count of rows is not (``records`` holds it).
    The gap's tables sum two million client rows six times over; folded once, they sum a
    few thousand. Every other table is the snapshot's own (not copied).
    """
    clients = snapshot.table("client")
    keys = [key for key in CLIENT_SUM_KEYS if key in clients.columns]
    devices = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1).astype("int64")
    folded = fold_rows(clients.loc[:, keys], keys, {"quantity": devices})
    return InventorySnapshot(tables={**snapshot.tables, "client": folded},
                             references=snapshot.references)
