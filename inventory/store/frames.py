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
from dataclasses import dataclass
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


@dataclass
class StoredValues:
    """A validated frame's fields as stored values, with what storing them needs, made
    with one factorisation per column (``stored_values``)."""

    #: field -> stored values (what ``stored_columns`` gives)
    columns: dict[str, np.ndarray[Any, Any]]
    #: ``row_hashes(columns, unique={key})``
    hashes: np.ndarray[Any, Any]
    #: field -> the value's code per row, -1 where it is missing (None)
    codes: dict[str, np.ndarray[Any, Any]]
    #: date field -> the dates as ISO text, None where missing (``iso_dates``)
    iso: dict[str, np.ndarray[Any, Any]]


def _factorized(values: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Codes (-1 where missing) and distinct values of an object array, as
    ``pd.util.hash_array`` factorises it."""
    codes, uniques = pd.factorize(values, sort=False)
    return np.asarray(codes, dtype=np.intp), np.asarray(uniques, dtype=object)


def _taken(uniques: np.ndarray[Any, Any], codes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The value of each code, None for -1 (an object array)."""
    table = np.empty(len(uniques) + 1, dtype=object)
    table[:-1] = uniques
    table[-1] = None
    return typing.cast(np.ndarray[Any, Any], table[codes])


def _merged(
    codes: np.ndarray[Any, Any], converted: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Codes and distinct values after each distinct value was converted (two may have
    become one: an enum member and its value, a list and a tuple)."""
    again, uniques = _factorized(converted)
    if len(uniques) == len(converted) and (again == np.arange(len(converted))).all():
        return codes, converted
    return np.where(codes < 0, -1, again[codes]), uniques


def _category_hashes(codes: np.ndarray[Any, Any], uniques: np.ndarray[Any, Any]) -> Any:
    """``pd.util.hash_array(values)`` of the values these codes stand for: what it does
    itself after factorising an object array (a Categorical hashed by its categories,
    missing values the largest number)."""
    if pd.api.types.infer_dtype(uniques) != "string":
        # the categories' Index may hold them otherwise (numbers as int64, ...): as pandas
        dtype = pd.CategoricalDtype(categories=pd.Index(uniques, copy=False), ordered=False)
        return pd.util.hash_array(pd.Categorical.from_codes(codes, dtype=dtype))
    # text: its Index gives back the same strings, hashed one by one
    hashed = pd.util.hash_array(uniques, categorize=False)
    result = hashed.take(codes)
    result[codes < 0] = np.iinfo(np.uint64).max
    return result


def _objects(values: list[Any]) -> np.ndarray[Any, Any]:
    """A list as a 1-d object array (never a 2-d one of sequences)."""
    return np.fromiter(values, dtype=object, count=len(values))


def _missing_codes(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """-1 where a stored value is None, else 0 (a column not factorised: the key)."""
    return np.where(values == np.array(None, dtype=object), -1, 0).astype(np.intp)


#: Value types whose object columns are factorised as the frame holds them.
_FACTORISED = frozenset({"text", "enum", "date", "int_list", "text_list"})


def stored_values(frame: pd.DataFrame, kind: str, key: str, *, iso: bool = False) -> StoredValues:
    """``stored_columns`` of a validated frame, its ``row_hashes`` (``key`` hashed value
    by value) and, with ``iso``, the ISO text of its dates (``iso_dates``), with each
    column factorised once.

    The same values and hashes as those functions (tests/store/test_stored_values.py):
    a column's distinct values are converted (enum values, list JSON, ISO dates) and
    hashed once, then taken for every row by its code.
    """
    length = len(frame)
    stored = StoredValues(columns={}, hashes=np.empty(0, dtype=np.int64), codes={}, iso={})
    hashed: list[np.ndarray[Any, Any]] = []
    for spec in field_specs(kind):
        series = frame.get(spec.name)
        if spec.name == key or series is None:
            values = stored_column(series, spec, length)
            column_codes = _missing_codes(values)
            hashed.append(pd.util.hash_array(values, categorize=spec.name != key))
        elif series.dtype == object and spec.value_type in _FACTORISED:
            column_codes, uniques = _factorized(series.to_numpy())
            if spec.many or spec.value_type == "enum":
                convert = _list_to_json if spec.many else _enum_value
                column_codes, uniques = _merged(
                    column_codes, _objects([convert(value) for value in uniques])
                )
                values = _taken(uniques, column_codes)
            elif spec.value_type == "text" and pd.api.types.infer_dtype(uniques) not in (
                "string",
                "empty",
            ):  # text holding other values (equal ones may differ): as they are
                values = object_values(series)
                column_codes, uniques = _factorized(values)
            else:  # text, dates: one object per distinct value, equal to the row's own
                values = _taken(uniques, column_codes)
            hashed.append(_category_hashes(column_codes, uniques))
        else:
            values = stored_column(series, spec, length)
            column_codes, uniques = _factorized(values)
            hashed.append(_category_hashes(column_codes, uniques))
        stored.columns[spec.name], stored.codes[spec.name] = values, column_codes
        if iso and spec.value_type == "date":
            stored.iso[spec.name] = (
                iso_dates(values)
                if spec.name == key or series is None
                else _iso_text(values, column_codes)
            )
    stored.hashes = _combine_hashes(iter(hashed), len(hashed), length).view(np.int64)
    return stored


def _iso_text(values: np.ndarray[Any, Any], codes: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """``iso_dates(values)``, each distinct date written once (by its code)."""
    first = np.full(int(codes.max(initial=-1)) + 1, -1, dtype=np.intp)
    present = np.flatnonzero(codes >= 0)
    first[codes[present]] = present  # a row of each code (its values are equal)
    return _taken(_objects([values[row].isoformat() for row in first.tolist()]), codes)
