"""Iterating frames row by row where a loop is unavoidable (per site, per table row shown)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd


def any_rows(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of ``frame`` as named tuples (typed ``Any``: columns are dynamic)."""
    yield from frame.itertuples(index=False)
