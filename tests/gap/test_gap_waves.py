"""Waves over dependency graphs with cycles: the level-by-level pass agrees with the
definition computed on networkx's condensation."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.gap.waves import ItemGraph

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True)

Case = tuple[nx.DiGraph, list[str], list[int], list[bool]]


def _by_condensation(
    graph: nx.DiGraph, nodes: list[str], floors: list[int], blocking: list[bool]
) -> list[int]:
    """The definition: an item's wave is its floor, and later than every blocking item on
    a node its node depends on (transitively; nodes of one cycle wait for the same)."""
    condensed = nx.condensation(graph)
    member = condensed.graph["mapping"]
    items_of: dict[int, list[int]] = {}
    for index, node in enumerate(nodes):
        items_of.setdefault(member[node], []).append(index)
    waves = list(floors)
    highest: dict[int, int] = {}  # blocking wave at or below a component
    for component in reversed(list(nx.topological_sort(condensed))):
        below = max((highest[s] for s in condensed.successors(component)), default=0)
        own = 0
        for index in items_of.get(component, []):
            waves[index] = max(floors[index], below + 1)
            if blocking[index]:
                own = max(own, waves[index])
        highest[component] = max(own, below)
    return waves


@st.composite
def cases(draw: st.DrawFn) -> Case:
    size = draw(st.integers(min_value=1, max_value=12))
    names = [f"n{number:02d}" for number in range(size)]
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    graph = nx.DiGraph()
    graph.add_nodes_from(names)
    graph.add_edges_from(draw(st.lists(pairs, max_size=30)))  # cycles and self-loops too
    count = draw(st.integers(min_value=1, max_value=15))
    nodes = draw(st.lists(st.sampled_from(names), min_size=count, max_size=count))
    floors = draw(st.lists(st.integers(1, 6), min_size=count, max_size=count))
    blocking = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    return graph, nodes, floors, blocking


@SETTINGS
@given(case=cases())
def test_level_waves_match_the_condensation(case: Case) -> None:
    graph, nodes, floors, blocking = case
    item_graph = ItemGraph(graph, pd.Series(nodes))
    waves = item_graph.waves(np.array(floors, dtype=np.int64), np.array(blocking))
    assert waves.tolist() == _by_condensation(graph, nodes, floors, blocking)


def test_a_cycle_waits_for_what_it_depends_on_and_upgrades_do_not_block() -> None:
    graph = nx.DiGraph([("app", "a"), ("a", "b"), ("b", "a"), ("b", "site")])
    nodes = ["site", "a", "b", "app", "app"]
    item_graph = ItemGraph(graph, pd.Series(nodes))
    # a move at the site (blocking), an upgrade on a (not blocking), a move on b
    waves = item_graph.waves(np.array([1, 3, 2, 1, 5]), np.array([True, False, True, True, True]))
    assert waves.tolist() == [1, 3, 2, 3, 5]  # app waits for b's move (2), not a's upgrade
