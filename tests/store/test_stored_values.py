"""``stored_values`` (one factorisation per column) gives what the column-by-column
functions give: ``stored_columns``, ``row_hashes`` (the hashes earlier versions stored)
and ``iso_dates``, for frames of every record kind with every kind of missing value."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.models import RECORD_KINDS, field_specs
from inventory.models.registry import FieldSpec
from inventory.store.frames import (
    iso_dates,
    row_hashes,
    stored_columns,
    stored_values,
)
from inventory.store.schema import key_field


class _Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


_MISSING = st.sampled_from([None, float("nan"), pd.NA])
_TEXT = st.sampled_from(["a", "b", "DC1", "Växjö", "o'brien", "", " ", "1", "日本", "a\x1fb"])
_DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


def _object_value(spec: FieldSpec) -> st.SearchStrategy[Any]:
    if spec.value_type == "enum":
        members = [member.value for member in spec.enum] if spec.enum is not None else ["x"]
        # an enum member and its value are one stored value
        return st.sampled_from([*members, _Colour.RED, _Colour.BLUE, "red"])
    if spec.value_type == "date":
        return _DATES
    if spec.value_type == "int_list":
        # (1, 2) and (1.0, 2.0) are equal: stored as the first one met, as before
        return st.lists(st.sampled_from([1, 2, 3, 1.0]), max_size=3).map(tuple)
    if spec.value_type == "text_list":
        return st.lists(_TEXT, max_size=3).map(tuple)
    # text; now and then a column holding numbers too (stored as they are)
    return _TEXT


@st.composite
def _column(draw: st.DrawFn, spec: FieldSpec, length: int, key: bool) -> pd.Series | None:
    if not key and draw(st.integers(0, 5)) == 0:
        return None  # a column the file does not carry
    if key:
        values: list[Any] = [f"K{index}" for index in range(length)]
        return pd.Series(values, dtype=object)
    missing = st.one_of(_MISSING, st.just(None))
    if spec.value_type == "int":
        values = draw(
            st.lists(st.one_of(st.integers(-5, 5), st.none()), min_size=length, max_size=length)
        )
        return pd.Series(values, dtype="Int64")
    if spec.value_type == "float":
        number = st.sampled_from([0.0, -0.0, 1.5, 2.0, 1e300, -3.25])
        values = draw(st.lists(st.one_of(number, st.none()), min_size=length, max_size=length))
        return pd.Series(values, dtype="Float64")
    if spec.value_type == "bool":
        values = draw(
            st.lists(st.one_of(st.booleans(), st.none()), min_size=length, max_size=length)
        )
        return pd.Series(values, dtype="boolean")
    value = _object_value(spec)
    if spec.value_type == "text" and draw(st.booleans()):
        value = st.one_of(value, st.integers(0, 3), st.sampled_from([1.0, True]))
    values = draw(st.lists(st.one_of(value, missing), min_size=length, max_size=length))
    series = pd.Series(pd.array(values, dtype=object), dtype=object)
    return series


@st.composite
def _frames(draw: st.DrawFn) -> tuple[str, pd.DataFrame]:
    kind = draw(st.sampled_from(list(RECORD_KINDS)))
    length = draw(st.integers(0, 40))
    key = key_field(kind)
    columns = {}
    for spec in field_specs(kind):
        column = draw(_column(spec, length, spec.name == key))
        if column is not None:
            columns[spec.name] = column
    return kind, pd.DataFrame(columns, index=pd.RangeIndex(length))


def _same(left: np.ndarray[Any, Any], right: np.ndarray[Any, Any]) -> bool:
    """Equal object arrays: equal values of the same type (None where missing)."""
    return len(left) == len(right) and all(
        (a is None and b is None) or (type(a) is type(b) and a == b)
        for a, b in zip(left.tolist(), right.tolist(), strict=True)
    )


@settings(max_examples=150, deadline=None)
@given(_frames())
def test_stored_values_are_the_column_by_column_ones(drawn: tuple[str, pd.DataFrame]) -> None:
    kind, frame = drawn
    key = key_field(kind)
    expected = stored_columns(frame, kind)
    stored = stored_values(frame, kind, key, iso=True)
    assert list(stored.columns) == list(expected)
    for name, values in expected.items():
        assert stored.columns[name].dtype == object
        assert _same(stored.columns[name], values), name
        # a code per distinct value, -1 exactly where the stored value is missing
        missing = np.array([value is None for value in values.tolist()], dtype=bool)
        assert ((stored.codes[name] < 0) == missing).all(), name
    assert stored.hashes.dtype == np.int64
    assert (stored.hashes == row_hashes(expected, unique={key})).all()
    dates = [spec.name for spec in field_specs(kind) if spec.value_type == "date"]
    assert sorted(stored.iso) == sorted(dates)
    for name in dates:
        assert _same(stored.iso[name], iso_dates(expected[name])), name
    assert stored_values(frame, kind, key).iso == {}


def test_a_column_of_one_value_in_many_spellings_of_missing_is_hashed_as_before() -> None:
    frame = pd.DataFrame(
        {
            "id": pd.Series(["C1", "C2", "C3", "C4"], dtype=object),
            "kind": pd.Series(["laptop", None, float("nan"), pd.NA], dtype=object),
            "purchase_date": pd.Series(
                [dt.date(2024, 2, 29), None, dt.date(2024, 2, 29), pd.NA], dtype=object
            ),
            "quantity": pd.Series([1, None, 1, 2], dtype="Int64"),
        }
    )
    stored = stored_values(frame, "client", "id", iso=True)
    assert stored.columns["kind"].tolist() == ["laptop", None, None, None]
    assert stored.iso["purchase_date"].tolist() == ["2024-02-29", None, "2024-02-29", None]
    assert stored.columns["quantity"].tolist() == [1, None, 1, 2]
    assert stored.codes["support_end"].tolist() == [-1, -1, -1, -1]  # not in the file
    expected = stored_columns(frame, "client")
    assert (stored.hashes == row_hashes(expected, unique={"id"})).all()
