"""``overlap._similarity`` builds its municipality x feature matrix without a pivot table
(one matrix, each domain a run of its sorted columns): the same similarities, to the last
bit, as the pivot table of the shares per domain it replaced (Hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.analyse.assets import DOMAINS
from inventory.analyse.overlap import _long, _similarity

SETTINGS = settings(max_examples=120, deadline=None, derandomize=True)


def _pivot_jaccard(shares: pd.DataFrame, municipalities: list[str]) -> pd.DataFrame:
    """The implementation before: a pivot table per call."""
    if shares.empty:
        matrix = np.eye(len(municipalities))
    else:
        features = shares.pivot_table(
            index="municipality",
            columns=["domain", "capability", "product_id"],
            values="share",
            aggfunc="sum",
            fill_value=0.0,
        ).reindex(municipalities, fill_value=0.0)
        values = features.to_numpy(dtype=float)
        matrix = np.zeros((len(municipalities), len(municipalities)))
        for row in range(len(municipalities)):
            lower = np.minimum(values[row], values).sum(axis=1)
            upper = np.maximum(values[row], values).sum(axis=1)
            matrix[row] = np.divide(lower, upper, out=np.zeros_like(lower), where=upper > 0)
        np.fill_diagonal(matrix, 1.0)
    return pd.DataFrame(matrix, index=municipalities, columns=municipalities)


def _reference(usage: pd.DataFrame, municipalities: list[str]) -> tuple[pd.DataFrame, ...]:
    shares = usage.assign(
        share=usage["assets"]
        / usage.groupby(["domain", "capability", "municipality"])["assets"].transform("sum")
    )
    overall = _pivot_jaccard(shares, municipalities)
    parts = [_long(overall, "all")]
    for domain in DOMAINS:
        part = shares[shares["domain"] == domain]
        if not part.empty:
            parts.append(_long(_pivot_jaccard(part, municipalities), domain))
    return overall, pd.concat(parts, ignore_index=True)


_ROWS = st.lists(
    st.tuples(
        st.sampled_from(DOMAINS),
        st.sampled_from(["cap", "dns", "os"]),
        st.sampled_from(["a", "b", "c", "d"]),
        st.sampled_from(["m1", "m2", "m3", "m4"]),
        st.integers(1, 10_000),
    ),
    max_size=40,
)


@SETTINGS
@given(_ROWS, st.sampled_from([["m1", "m2", "m3"], ["m1", "m2", "m3", "m4"], ["m4", "m1"]]))
def test_the_similarities_are_the_pivot_tables(
    rows: list[tuple[str, str, str, str, int]], municipalities: list[str]
) -> None:
    usage = pd.DataFrame(
        rows, columns=["domain", "capability", "product_id", "municipality", "assets"]
    ).drop_duplicates(subset=["domain", "capability", "product_id", "municipality"])
    usage["assets"] = usage["assets"].astype("int64")
    overall, by_domain = _similarity(usage.reset_index(drop=True), municipalities)
    expected_overall, expected_by_domain = _reference(usage, municipalities)
    pd.testing.assert_frame_equal(overall, expected_overall, check_exact=True)
    pd.testing.assert_frame_equal(by_domain, expected_by_domain, check_exact=True)
