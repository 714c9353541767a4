"""``_may_repeat_keys``: whether a file of a kind may write a key twice, seen on the key
column's codes. It must never say no where comparing the keys (``pd.factorize`` of the
typed values per file, what the check ran before) finds a key written twice in a file,
and must say exactly that when the typed distinct values are all different."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.missing import is_missing
from inventory.validate.batch import EncodedColumn
from inventory.validate.records import _may_repeat_keys

VALUES = st.sampled_from(["C1", "C2", "C3", "srv01", "a", None, float("nan")])


def _repeated(values: np.ndarray, file_of_row: np.ndarray) -> bool:
    """The keys compared: a present key twice in one file."""
    codes, _ = pd.factorize(values)
    present = codes >= 0
    pairs = pd.Series(list(zip(file_of_row.tolist(), codes.tolist(), strict=True)))
    return bool((present & pairs.duplicated().to_numpy()).any())


@settings(max_examples=400, deadline=None)
@given(
    distinct=st.lists(VALUES, max_size=6),
    picks=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 6)), max_size=30),
)
def test_repeated_keys_as_compared(distinct: list[object], picks: list[tuple[int, int]]) -> None:
    typed = np.array([None, *distinct], dtype=object)
    picks = sorted(picks)  # the files' rows one after the other
    file_of_row = np.array([file for file, _ in picks], dtype=np.int64)
    codes = np.array([code % len(typed) for _, code in picks], dtype=np.int64)
    keys = EncodedColumn(codes, typed)
    expected = _repeated(typed[codes], file_of_row)
    found = _may_repeat_keys(keys, file_of_row, 4)
    assert found or not expected  # never "no" where a key repeats
    present = [value for value in distinct if not is_missing(value)]
    if len(set(present)) == len(present) and len(picks):
        assert found == expected
    assert _may_repeat_keys(None, file_of_row, 4)
