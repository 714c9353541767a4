"""Iterating frames row by row where a loop is unavoidable (per site, per table row shown),
and folding many rows that agree on some columns into one (client devices into fleets).

Below the analyses and the gap alike: ``assets`` folds client rows into fleets with
``fold_rows``, the gap (``gap.rows``) folds and iterates with both.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["any_rows", "fold_rows"]


def any_rows(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of ``frame`` as named tuples (typed ``Any``: columns are dynamic)."""
    yield from frame.itertuples(index=False)


def fold_rows(frame: pd.DataFrame, keys: Sequence[str], sums: dict[str, pd.Series]) -> pd.DataFrame:
    """One row per distinct combination of the ``keys`` columns (missing values equal).

    Each row is the first row of its combination, with every column of ``frame``, in the
    order the combinations first appear, plus the per-combination sums of the ``sums``
    series (aligned with ``frame``) and ``records``, the number of rows folded into it.
    Two million client rows of a national inventory fold into a few thousand fleets.
    """
    if frame.empty:
        return frame.assign(
            **{name: pd.Series(dtype=series.dtype) for name, series in sums.items()},
            records=pd.Series(dtype="int64"),
        )
    number = frame.groupby(list(keys), dropna=False, sort=False).ngroup().to_numpy()
    # sort=False numbers the combinations in the order they first appear.
    _, first = np.unique(number, return_index=True)
    folded = frame.iloc[first].reset_index(drop=True)
    for name, series in sums.items():
        folded[name] = series.groupby(number, sort=True).sum().array  # keeps the dtype
    folded["records"] = np.bincount(number).astype("int64")
    return folded
