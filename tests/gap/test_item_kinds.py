"""plan.ItemKinds decides the rules' selectors once per distinct action and capability:
the same items as ``Selector.mask`` (the reference, per row), or-ed over the selectors."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.gap.plan import ItemKinds, Selector, sequencing_rules

ACTIONS = ["os_upgrade", "platform_upgrade", "user_migration", "client_os_upgrade"]
CAPABILITIES = ["directory", "email", "server_os", "", None]

selectors = st.builds(
    Selector,
    actions=st.frozensets(st.sampled_from(ACTIONS), max_size=2),
    not_actions=st.frozensets(st.sampled_from(ACTIONS), max_size=2),
    capabilities=st.frozensets(st.sampled_from(["directory", "email", "server_os"]), max_size=2),
)


def _reference(items: pd.DataFrame, chosen: list[Selector]) -> np.ndarray:
    mask = pd.Series(False, index=items.index)
    for selector in chosen:
        mask |= selector.mask(items)
    return mask.to_numpy(dtype=bool)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.sampled_from(CAPABILITIES)), min_size=1, max_size=30
    ),
    chosen=st.lists(selectors, max_size=3),
)
def test_item_kinds_select_as_the_masks(
    rows: list[tuple[str, str | None]], chosen: list[Selector]
) -> None:
    items = pd.DataFrame(rows, columns=["action", "capability"], index=range(10, 10 + len(rows)))
    assert ItemKinds(items).selects(chosen).tolist() == _reference(items, chosen).tolist()


def test_item_kinds_select_the_packaged_rules_sides() -> None:
    items = pd.DataFrame(
        {
            "action": ["os_upgrade", "user_migration", "application_move", "os_upgrade"],
            "capability": ["server_os", "directory", "", None],
        }
    )
    kinds = ItemKinds(items)
    for rule in sequencing_rules().rules:
        for side in (rule.first, rule.then):
            expected = _reference(items, list(side)).tolist()
            assert kinds.selects(side).tolist() == expected, rule.id
