"""The plain-Python paths of the gap's small tables give what the pandas ones gave.

``capacity.qualified`` against the pandas string operations it replaced (Hypothesis),
``contracts.typed`` outside the full checks against pandera's whole-frame coercion, and
``risk._site_redundancy`` on links worked out by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.gap.capacity import qualified
from inventory.gap.contracts import CONTRACTS_ENV, MatrixTable, typed
from inventory.gap.risk import _site_redundancy

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True)


def _reference(municipality: pd.Series, site: pd.Series) -> pd.Series:
    """``code:site`` with pandas' string operations (the implementation before)."""
    text = site.astype(object).where(site.notna(), "").astype(str)
    own = municipality.astype(str) + ":" + text
    return own.where(~text.str.contains(":", regex=False), text).where(text != "", "")


_SITES = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(["DC1", "b:DC2", "x:y:z", "SR 1", ":lead"]),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "0180"]), _SITES), max_size=12))
def test_qualified_as_the_pandas_string_operations(rows: list[tuple[str, object]]) -> None:
    municipality = pd.Series([code for code, _ in rows], dtype=object)
    site = pd.Series([value for _, value in rows], dtype=object)
    pd.testing.assert_series_equal(qualified(municipality, site), _reference(municipality, site))


def test_qualified_of_string_columns() -> None:
    municipality = pd.Series(["a", "b", "c", "d"], dtype="str")
    site = pd.Series(["DC1", None, "", "a:DC2"], dtype="str")
    assert qualified(municipality, site).tolist() == ["a:DC1", "", "", "a:DC2"]
    pd.testing.assert_series_equal(qualified(municipality, site), _reference(municipality, site))


def _matrix_row(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "block_id": "B1",
        "domain": "clients",
        "capability": "client_os",
        "product_id": "windows",
        "title": "Windows",
        "suite": None,
        "cycle": "11",
        "lifecycle_state": "supported",
        "eol": None,
        "municipalities": "a",
        "assets": 3,
        "records": 1,
        "status": "included",
        "reason": "",
        "target_block": "",
        "target_title": "",
        "target_min_version": "",
        "detail": "",
    }
    return {**row, **changes}


def test_typed_coerces_the_columns_as_pandera(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CONTRACTS_ENV, raising=False)
    frame = pd.DataFrame([_matrix_row(), _matrix_row(block_id="B2", suite="Office", cycle=None)])
    frame = frame.astype(object)  # every column to be coerced (text, integers)
    expected = MatrixTable.to_schema().coerce_dtype(frame.copy())
    got = typed(MatrixTable, frame)
    pd.testing.assert_frame_equal(got, expected)
    assert got["assets"].tolist() == [3, 3]
    assert got["suite"].isna().tolist() == [True, False]


def test_typed_raises_pandera_s_error_on_a_value_of_another_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(CONTRACTS_ENV, raising=False)
    frame = pd.DataFrame([_matrix_row(assets="three")]).astype(object)
    with pytest.raises(Exception) as expected:
        MatrixTable.to_schema().coerce_dtype(frame.copy())
    with pytest.raises(type(expected.value)):
        typed(MatrixTable, frame)


def test_site_redundancy_by_hand() -> None:
    links = pd.DataFrame(
        {
            "link": ["L1", "L2", "", "L3", "L4"],
            "a_site": ["a:DC1", "a:DC1", "c:X", "b:SR1", None],
            "b_site": ["b:SR1", "c:SR2", "c:Y", "c:SR2", "d:Z"],
            "redundant": [False, True, True, False, True],
        }
    )
    # a:DC1 has a redundant link (L2), b:SR1 none (L1, L3); c:X and c:Y only a link of no
    # id; a link end without a site is no site's
    assert _site_redundancy(links) == {
        "a:DC1": True,
        "b:SR1": False,
        "c:SR2": True,
        "d:Z": True,
    }
