"""Moving record frames in and out of the database, column by column.

A validated frame (``ValidTable.frame``) becomes *stored values*: one object array per
column holding plain Python values (``str``, ``int``, ``float``, ``bool``,
``datetime.date`` or ``None``; list fields as JSON text), ready for a DBAPI
``executemany`` or ``COPY``. The row hash used for change detection is computed from the
stored values with pandas' column-wise hashing. Reading rows back into frames with the
dtypes of ``ValidTable.frame`` is ``inventory.store.reading``.
"""

from __future__ import annotations

import enum
import json
import typing
from collections.abc import Callable, Collection, Iterator
from typing import Any

import numpy as np
import pandas as pd

from inventory.models import field_specs
from inventory.models.registry import FieldSpec


def object_values(series: pd.Series) -> np.ndarray[Any, Any]:
    """A column as an object array of plain Python values, ``None`` where missing."""
    return typing.cast(
        np.ndarray[Any, Any], typing.cast(Any, series).to_numpy(dtype=object, na_value=None)
    )


def _map_distinct(
    values: np.ndarray[Any, Any], convert: Callable[[Any], Any]
) -> np.ndarray[Any, Any]:
    """``convert`` applied to each distinct non-missing value once (None stays None)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    converted = np.empty(len(uniques) + 1, dtype=object)
    converted[:-1] = [convert(value) for value in uniques]
    converted[-1] = None
    return typing.cast(np.ndarray[Any, Any], converted[codes])  # -1 (missing): the None


def _list_to_json(value: Any) -> str:
    return json.dumps(list(value), ensure_ascii=False)


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def stored_column(series: pd.Series | None, spec: FieldSpec, length: int) -> np.ndarray[Any, Any]:
    """One field of a validated frame as stored values (object array)."""
    if series is None:
        return np.full(length, None, dtype=object)
    values = object_values(series)
    if spec.many:
        return _map_distinct(values, _list_to_json)
    if spec.value_type == "enum":
        return _map_distinct(values, _enum_value)
    return values


def stored_columns(frame: pd.DataFrame, kind: str) -> dict[str, np.ndarray[Any, Any]]:
    """Every field of ``kind`` from a validated frame, as stored values."""
    return {
        spec.name: stored_column(frame.get(spec.name), spec, len(frame))
        for spec in field_specs(kind)
    }


def row_hashes(
    columns: dict[str, np.ndarray[Any, Any]], unique: Collection[str] = ()
) -> np.ndarray[Any, Any]:
    """A signed 64-bit hash per row of the stored values (equal values, equal hash).

    The same numbers as ``pd.util.hash_pandas_object(frame, index=False)`` of the columns
    (what earlier versions stored): each column hashed with ``pd.util.hash_array``, the
    columns combined as pandas combines them. Columns named in ``unique`` (keys) are
    hashed value by value instead of per distinct value first (the same hashes, without
    building a million-entry table of distinct keys).
    """
    length = len(next(iter(columns.values()))) if columns else 0
    hashed = (
        pd.util.hash_array(values, categorize=name not in unique)
        for name, values in columns.items()
    )
    return _combine_hashes(hashed, len(columns), length).view(np.int64)


def _combine_hashes(
    arrays: Iterator[np.ndarray[Any, Any]], count: int, length: int
) -> np.ndarray[Any, Any]:
    """pandas' ``combine_hash_arrays`` (CPython's tuple hash on uint64 arrays)."""
    out = np.full(length, 0x345678, dtype=np.uint64)
    multiplier = np.uint64(1000003)
    seen = 0
    for index, values in enumerate(arrays):
        inverse = count - index
        out ^= values
        out *= multiplier
        multiplier += np.uint64(82520 + inverse + inverse)
        seen += 1
    if seen != count:
        raise ValueError(f"{seen} hash arrays for {count} columns")
    out += np.uint64(97531)
    return out


def iso_dates(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Dates as ISO text (how SQLite stores them; SQLAlchemy reads them back as dates)."""
    return _map_distinct(values, lambda value: value.isoformat())
