"""Waves over dependency graphs with cycles: the walk over components agrees with the
definition computed on networkx's condensation."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.gap.waves import _component_waves

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True)


def _by_condensation(graph: nx.DiGraph, base: dict[str, int]) -> dict[str, int]:
    """The definition: each component's wave is at least its highest tier and later than
    every item wave below it, walked over the condensation in reverse topological order."""
    condensed = nx.condensation(graph)
    members = condensed.graph["mapping"]
    component_base: dict[int, int] = {}
    for node, tier in base.items():
        component = members[node]
        component_base[component] = max(component_base.get(component, 0), tier)
    highest: dict[int, int] = {}
    wave_of: dict[int, int] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        below = max((highest[s] for s in condensed.successors(component)), default=0)
        if component in component_base:
            wave_of[component] = highest[component] = max(component_base[component],
                                                          below + 1)
        else:
            highest[component] = below
    return {node: wave_of[members[node]] for node in base}


@st.composite
def graphs(draw: st.DrawFn) -> tuple[nx.DiGraph, dict[str, int]]:
    size = draw(st.integers(min_value=1, max_value=14))
    nodes = [f"n{number:02d}" for number in range(size)]
    pairs = st.tuples(st.sampled_from(nodes), st.sampled_from(nodes))
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(draw(st.lists(pairs, max_size=30)))  # cycles and self-loops too
    base = draw(st.dictionaries(st.sampled_from(nodes), st.integers(1, 6), min_size=1))
    return graph, base


@SETTINGS
@given(case=graphs())
def test_component_waves_match_the_condensation(case: tuple[nx.DiGraph, dict[str, int]]
                                                ) -> None:
    graph, base = case
    assert _component_waves(graph, base) == _by_condensation(graph, base)


def test_a_cycle_shares_one_wave_after_what_it_depends_on() -> None:
    graph = nx.DiGraph([("app", "a"), ("a", "b"), ("b", "a"), ("b", "site")])
    waves = _component_waves(graph, {"app": 5, "a": 3, "b": 2, "site": 1})
    assert waves == {"site": 1, "a": 3, "b": 3, "app": 5}
    assert _component_waves(graph, {"app": 1, "site": 1}) == {"site": 1, "app": 2}
