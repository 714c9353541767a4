"""What validation computes for many files at once equals what it computes for each file
alone: each file's own codes (``_local_codes_of_parts`` against ``local_codes``) and the
first of each repeated reference (``_first_of_each`` against ``DataFrame.duplicated``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from inventory.validate.batch import REFERENCE_COLUMNS
from inventory.validate.records import _local_codes_of_parts
from inventory.validate.references import _first_of_each
from inventory.validate.values import local_codes

PARTS = st.lists(st.lists(st.integers(0, 6), max_size=8), min_size=1, max_size=6)


@given(parts=PARTS, scale=st.sampled_from([1, 40_000]), dtype=st.sampled_from(["int64", "int32"]))
def test_local_codes_of_parts_as_each_part_alone(
    parts: list[list[int]], scale: int, dtype: str
) -> None:
    # (scale: a few rows of distinct values far apart take the part-by-part path)
    codes = np.array([code * scale for part in parts for code in part], dtype=dtype)
    bounds = np.cumsum([0, *(len(part) for part in parts)])
    together = _local_codes_of_parts(codes, bounds)
    for at, (own, shared) in enumerate(together):
        alone_own, alone_shared = local_codes(codes[bounds[at] : bounds[at + 1]])
        assert own.tolist() == alone_own.tolist() and own.dtype == alone_own.dtype
        assert shared.tolist() == alone_shared.tolist()


def test_local_codes_of_parts_by_hand() -> None:
    codes = np.array([5, 3, 5, 3, 3, 1], dtype=np.uint8)
    together = _local_codes_of_parts(codes, np.array([0, 3, 3, 6]))
    assert [(own.tolist(), shared.tolist()) for own, shared in together] == [
        ([0, 1, 0], [5, 3]),
        ([], []),
        ([0, 0, 1], [3, 1]),
    ]


VALUES = st.sampled_from(["a", "b", "c", None])


@given(rows=st.lists(st.tuples(*[VALUES] * len(REFERENCE_COLUMNS)), min_size=1, max_size=12))
def test_first_of_each_keeps_what_duplicated_keeps(rows: list[tuple[str | None, ...]]) -> None:
    columns = {
        name: np.array([row[at] for row in rows], dtype=object)
        for at, name in enumerate(REFERENCE_COLUMNS)
    }
    expected = ~pd.DataFrame(columns).duplicated().to_numpy()
    assert _first_of_each(columns).tolist() == expected.tolist()
