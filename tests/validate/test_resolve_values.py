"""``resolve_values`` (each distinct reference read with ``re`` and looked up in a set of
keys) gives the frame that the pandas way gives: ``str.extract`` of the two patterns,
the allowed kinds exploded and merged with the keys (the reference implementation
below, as validation ran it before)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.validate import validate_paths
from inventory.validate.references import (
    _KIND_QUALIFIED,
    _REFERENCE,
    KeyIndex,
    resolve_values,
)
from tests.helpers import FIVE, SAMPLES


def _pandas_resolve_values(
    distinct: pd.DataFrame, keys: pd.DataFrame, known_municipalities: set[str]
) -> pd.DataFrame:
    parts = distinct["value"].str.extract(_REFERENCE)
    resolved = distinct.reset_index(drop=True).copy()
    prefix = parts[0].reset_index(drop=True)
    rest = parts[1].reset_index(drop=True)
    resolved["target_municipality"] = prefix.where(prefix.notna(), resolved["municipality"])
    qualified = rest.str.extract(_KIND_QUALIFIED)
    allowed = [
        kind in targets.split("|")
        for kind, targets in zip(qualified[0].fillna(""), resolved["targets"], strict=True)
    ]
    is_qualified = pd.Series(allowed, dtype=bool) & qualified[0].notna()
    resolved["qualifier"] = qualified[0].where(is_qualified, None)
    resolved["target_id"] = qualified[1].where(is_qualified, rest)
    candidates = (
        resolved.reset_index(names="distinct")
        .assign(target_kind=resolved["targets"].str.split("|"))
        .explode("target_kind")
    )
    candidates = candidates[
        candidates["qualifier"].isna() | (candidates["qualifier"] == candidates["target_kind"])
    ]
    matched = candidates.merge(
        keys,
        left_on=["target_municipality", "target_kind", "target_id"],
        right_on=["municipality", "kind", "id"],
        how="inner",
        suffixes=("", "_key"),
    )
    grouped = matched.groupby("distinct")["target_kind"]
    resolved["matches"] = grouped.size().reindex(resolved.index, fill_value=0).to_numpy()
    kinds = np.empty(len(resolved), dtype=object)
    for at in range(len(resolved)):
        kinds[at] = tuple(sorted(matched.loc[matched["distinct"] == at, "target_kind"]))
    resolved["matched_kinds"] = pd.Series(kinds, index=resolved.index, dtype=object)
    resolved["target_kind"] = grouped.first().reindex(resolved.index)
    resolved["status"] = np.select(
        [
            ~resolved["target_municipality"].isin(known_municipalities),
            resolved["matches"] == 1,
            resolved["matches"] > 1,
        ],
        ["unknown-municipality", "resolved", "ambiguous"],
        default="dangling",
    )
    return resolved


KINDS = ["site", "server", "platform", "cluster"]
TARGETS = ["site", "server", "platform|server|cluster", "server|cluster", "platform"]
CODES = ["m1", "m2", "m3"]
KEYS = ["DC1", "p-ad", "vm1", "a/b", "x:y", "cl1"]
# Pieces of written references: municipality prefixes (known, unknown, not a code),
# kind qualifiers (allowed or not), keys, and what ``.``/``$`` treat apart (newlines).
PIECES = st.sampled_from(
    [*CODES, "m9", "M1", "", ":", "/", "\n", " ", *KINDS, "zone", *KEYS, "-", "é"]
)
VALUES = st.lists(PIECES, min_size=1, max_size=5).map("".join)


@given(
    rows=st.lists(
        st.tuples(st.sampled_from(CODES), st.sampled_from(TARGETS), VALUES),
        min_size=1,
        max_size=25,
    ),
    keys=st.lists(
        st.tuples(st.sampled_from([*CODES, "m4"]), st.sampled_from(KINDS), st.sampled_from(KEYS)),
        max_size=30,
    ),
    known=st.sets(st.sampled_from([*CODES, "m4"])),
)
def test_resolve_values_as_the_pandas_way(
    rows: list[tuple[str, str, str]], keys: list[tuple[str, str, str]], known: set[str]
) -> None:
    municipalities, targets, values = (list(column) for column in zip(*rows, strict=True))
    index = KeyIndex(([key[0] for key in keys], [key[1] for key in keys], [key[2] for key in keys]))
    found = resolve_values(municipalities, targets, values, index, known)
    distinct = pd.DataFrame(
        {"municipality": municipalities, "targets": targets, "value": values}, dtype="str"
    )
    expected = _pandas_resolve_values(distinct, index.frame, known)
    pd.testing.assert_frame_equal(found, expected)


def test_resolve_values_by_hand() -> None:
    index = KeyIndex(
        (
            ["m1", "m1", "m1", "m2"],
            ["platform", "server", "site", "site"],
            ["p-ad", "p-ad", "DC1", "DC1"],
        )
    )
    found = resolve_values(
        ["m1"] * 6,
        ["platform|server|cluster", "platform|server|cluster", "site", "site", "site", "site"],
        ["p-ad", "server/p-ad", "m2:DC1", "m9:DC1", "DC2", "a\nb"],
        index,
        {"m1", "m2"},
    )
    rows: list[list[Any]] = (
        found[["target_municipality", "qualifier", "target_id", "matches", "target_kind", "status"]]
        .to_numpy(dtype=object)
        .tolist()
    )
    assert [[None if pd.isna(cell) else cell for cell in row] for row in rows] == [
        ["m1", None, "p-ad", 2, "platform", "ambiguous"],
        ["m1", "server", "p-ad", 1, "server", "resolved"],
        ["m2", None, "DC1", 1, "site", "resolved"],
        ["m9", None, "DC1", 0, None, "unknown-municipality"],
        ["m1", None, "DC2", 0, None, "dangling"],
        ["m1", None, None, 0, None, "dangling"],  # (``.`` stops at a newline: no match)
    ]
    assert found["matched_kinds"].tolist() == [
        ("platform", "server"),
        ("server",),
        ("site",),
        (),
        (),
        (),
    ]


def _grouped(triples: frozenset[tuple[str, str, str]]) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for municipality, kind, key in triples:
        found.setdefault((municipality, kind), set()).add(key)
    return found


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(
        st.tuples(st.sampled_from([*CODES, "m4"]), st.sampled_from(KINDS), st.sampled_from(KEYS)),
        max_size=40,
    )
)
def test_key_lookup_is_the_triples(keys: list[tuple[str, str, str]]) -> None:
    """``KeyIndex.lookup`` (keys by municipality and kind, found from the columns' runs)
    says what ``triples`` says."""
    index = KeyIndex(([key[0] for key in keys], [key[1] for key in keys], [key[2] for key in keys]))
    assert index.lookup == _grouped(index.triples)


def test_key_lookup_of_the_samples_is_the_triples() -> None:
    """The runs ``KeyIndex.of`` records give the same lookup as the columns alone."""
    batch = validate_paths([SAMPLES / name for name in FIVE])
    index = KeyIndex.of(batch.municipalities, {"other": {"site": {"X1", "X2"}}})
    assert index.runs is not None and len(index.runs) > 10
    assert index.lookup == _grouped(index.triples)
    assert index.lookup == KeyIndex(index.columns).lookup
    assert index.lookup[("other", "site")] == {"X1", "X2"}
