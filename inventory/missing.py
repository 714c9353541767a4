"""A missing value, as a table cell or a record holds it: one test for every module.

pandas writes "no value" as ``None``, ``pd.NA``, ``pd.NaT`` or a float NaN, depending on
the column's dtype; a value read from a frame is tested with :func:`is_missing` and shown
as ``None`` with :func:`or_none`.

>>> import pandas as pd
>>> [is_missing(v) for v in (None, pd.NA, pd.NaT, float("nan"), "", 0)]
[True, True, True, True, False, False]
"""

from __future__ import annotations

from typing import TypeVar

import pandas as pd

T = TypeVar("T")


def is_missing(value: object) -> bool:
    """True for ``None``, ``pd.NA``, ``pd.NaT`` and a float NaN (numpy's too)."""
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float) and value != value)
    )  # NaN is unequal to itself


def or_none(value: T) -> T | None:
    """``value``, or ``None`` when it is missing (:func:`is_missing`).

    >>> or_none(float("nan")) is None, or_none("x")
    (True, 'x')
    """
    return None if is_missing(value) else value
