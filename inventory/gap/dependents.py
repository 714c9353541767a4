"""Which applications depend on an asset, through the dependency graph.

Findings name the assets they concern and, through the graph, the applications that
depend on them. Here a cluster depends on its member hosts (an end-of-life or moving host
concerns everything on its cluster), unlike impact analysis where one host failing does
not stop a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from inventory.analyse.graph import DEPENDENCY_EDGE_KINDS, EdgeKind, InventoryGraph


class DependencyIndex:
    """Dependency lookups over an ``InventoryGraph`` (edges dependent -> dependency)."""

    def __init__(self, inventory_graph: InventoryGraph) -> None:
        graph = inventory_graph.graph
        self.graph = graph
        dependencies = nx.DiGraph()
        dependencies.add_nodes_from(graph.nodes)
        for source, target, key in graph.edges(keys=True):
            if key in DEPENDENCY_EDGE_KINDS:
                dependencies.add_edge(source, target)
            elif key == EdgeKind.MEMBER_OF:
                dependencies.add_edge(target, source)  # the cluster depends on its host
        self.dependencies = dependencies
        self._applications: dict[str, tuple[str, ...]] | None = None
        self._application_nodes = frozenset(
            node for node, kind in graph.nodes(data="kind") if str(kind) == "application"
        )

    def kind(self, node: str) -> str:
        """The kind of a node (``""`` when it is not in the graph)."""
        if node not in self.graph:
            return ""
        return str(self.graph.nodes[node].get("kind", ""))

    def dependents(self, node: str) -> set[str]:
        """Every node that depends on ``node``, transitively."""
        if node not in self.dependencies:
            return set()
        found: set[str] = nx.ancestors(self.dependencies, node)
        return found

    def dependencies_of(self, node: str) -> set[str]:
        """Everything ``node`` depends on, transitively."""
        if node not in self.dependencies:
            return set()
        found: set[str] = nx.descendants(self.dependencies, node)
        return found

    def applications(self, node: str) -> tuple[str, ...]:
        """The applications that depend on ``node`` (node ids, sorted)."""
        return self.application_map().get(node, ())

    def application_map(self) -> dict[str, tuple[str, ...]]:
        """Every node's dependent applications, found once for all nodes (on first use):
        one walk down from each application (a few nodes each) instead of one walk up from
        each asset (a host's walk passes every VM of its cluster)."""
        if self._applications is None:
            found: dict[str, list[str]] = {}
            for application in sorted(self._application_nodes):  # lists come out sorted
                for node in nx.descendants(self.dependencies, application):
                    found.setdefault(str(node), []).append(application)
            self._applications = {node: tuple(apps) for node, apps in found.items()}
        return self._applications

    def applications_of_all(self, nodes: Iterable[str]) -> tuple[str, ...]:
        """The applications that depend on any of ``nodes``.

        One walk from all of them at once (not one per node: the servers that move out
        of a national inventory's datacentres are hundreds of thousands).
        """
        predecessors = self.dependencies.pred
        starts = {node for node in nodes if node in self.dependencies}
        found: set[str] = set()  # reached along at least one edge
        stack = list(starts)
        expanded = set(starts)
        while stack:
            for dependent in predecessors[stack.pop()]:
                found.add(dependent)
                if dependent not in expanded:
                    expanded.add(dependent)
                    stack.append(dependent)
        # ``dependents`` never counts a node itself (not even on a cycle): an application
        # asked about is one only when it depends on another node asked about.
        applications = (found - starts) & self._application_nodes
        applications.update(
            start
            for start in starts & self._application_nodes
            if self.dependencies_of(start) & (starts - {start})
        )
        return tuple(sorted(applications))


def short_name(node: str) -> str:
    """``gnosjo:server:srv01`` -> ``gnosjo:srv01`` (how users write a reference)."""
    parts = node.split(":", 2)
    return f"{parts[0]}:{parts[2]}" if len(parts) == 3 else node
