"""The applications depending on many nodes at once are those depending on each of them."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.analyse.graph import EdgeKind, InventoryGraph, build_graph
from inventory.gap.dependents import DependencyIndex
from inventory.snapshot import InventorySnapshot

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True)
_EDGE_KINDS = [
    EdgeKind.DEPENDS_ON,
    EdgeKind.RUNS_ON,
    EdgeKind.HOSTED_ON,
    EdgeKind.MEMBER_OF,
    EdgeKind.LINK,
]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[InventoryGraph, list[str]]:
    size = draw(st.integers(min_value=1, max_value=12))
    kinds = draw(
        st.lists(
            st.sampled_from(["application", "server", "platform", "site"]),
            min_size=size,
            max_size=size,
        )
    )
    graph = nx.MultiDiGraph()
    for number, kind in enumerate(kinds):
        graph.add_node(f"m:{kind}:{number}", kind=kind)
    nodes = list(graph.nodes)
    edges = draw(
        st.lists(
            st.tuples(st.sampled_from(nodes), st.sampled_from(nodes), st.sampled_from(_EDGE_KINDS)),
            max_size=25,
        )
    )
    for source, target, kind in edges:  # cycles and self-loops too
        graph.add_edge(source, target, key=str(kind), kind=str(kind))
    asked = draw(st.lists(st.sampled_from([*nodes, "m:server:absent"]), max_size=6))
    return InventoryGraph(graph), asked


@SETTINGS
@given(case=graphs())
def test_applications_of_all_is_the_union_per_node(case: tuple[InventoryGraph, list[str]]) -> None:
    graph, asked = case
    together = DependencyIndex(graph).applications_of_all(asked)
    one_by_one = DependencyIndex(graph)
    union = sorted({app for node in asked for app in one_by_one.applications(node)})
    assert list(together) == union
    assert all(one_by_one.kind(app) == "application" for app in together)


def test_applications_of_the_samples_servers(sample_snapshot: InventorySnapshot) -> None:
    index = DependencyIndex(build_graph(sample_snapshot))
    servers = [node for node in index.graph if index.kind(node) == "server"]
    together = index.applications_of_all(servers)
    assert together
    assert set(together) == {app for node in servers for app in index.applications(node)}
