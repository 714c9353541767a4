"""Impact analysis: everything that depends on a node, transitively.

Failure travels backwards along dependency edges (``DEPENDENCY_EDGE_KINDS``): what is
``located_in`` a site, ``hosted_on`` a server or cluster, ``runs_on`` a server,
``depends_on`` a platform, ``managed_by`` a platform or ``replicates_to`` a storage is
affected when that goes. Site-to-site links are connectivity, not dependency, and are not
followed. A cluster is affected only when every one of its member hosts is (one host
down does not stop a cluster), after which everything on the cluster is.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from inventory.analyse.graph import (
    DEPENDENCY_EDGE_KINDS,
    NODE_KINDS,
    EdgeKind,
    InventoryGraph,
    build_graph,
)

if TYPE_CHECKING:
    from inventory.snapshot import InventorySnapshot


@dataclass(frozen=True)
class Dependent:
    """One node affected by the failure of the queried node."""

    node: str
    kind: str
    municipality: str
    label: str
    distance: int  # dependency steps from the queried node
    via: str  # the node it depends on that brought it in
    devices: int  # client devices (client fleets only, 0 otherwise)


@dataclass(frozen=True)
class ImpactGroup:
    """Affected nodes of one kind in one municipality."""

    municipality: str
    kind: str
    count: int
    devices: int


@dataclass
class ImpactResult:
    """What depends on ``node``, one entry per dependent and counts per municipality/kind."""

    node: str
    kind: str
    municipality: str
    label: str
    dependents: list[Dependent]
    groups: list[ImpactGroup]

    @property
    def client_devices(self) -> int:
        return sum(dependent.devices for dependent in self.dependents)

    @property
    def municipalities(self) -> list[str]:
        return sorted({dependent.municipality for dependent in self.dependents})

    def of_kind(self, kind: str) -> list[str]:
        """The ids of the affected nodes of one kind."""
        return [dependent.node for dependent in self.dependents if dependent.kind == kind]

    def to_json(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "kind": self.kind,
            "municipality": self.municipality,
            "label": self.label,
            "client_devices": self.client_devices,
            "municipalities": self.municipalities,
            "groups": [asdict(group) for group in self.groups],
            "dependents": [asdict(dependent) for dependent in self.dependents],
        }


def snapshot_impact(snapshot: InventorySnapshot, node: str) -> ImpactResult:
    """``inventory impact``: :func:`impact` in the dependency graph of ``snapshot`` (every
    municipality it holds: dependents may be in other municipalities)."""
    return impact(build_graph(snapshot), node)


def impact(inventory_graph: InventoryGraph, node: str) -> ImpactResult:
    """Everything that depends on ``node`` (a node id or a name such as ``vaggeryd:esx-cl01``).

    Raises ``NotFoundError`` with the nearest node names when the node does not exist.

    >>> from inventory.analyse.graph import build_graph
    >>> impact(build_graph(snapshot), "vaggeryd:esx-cl01").of_kind("application")[:2]
    ['vaggeryd:application:app-arcgis', 'vaggeryd:application:app-byggr']
    """
    graph = inventory_graph.graph
    start = inventory_graph.resolve(node)
    reached: dict[str, tuple[int, str]] = {start: (0, start)}
    frontier = [start]
    while frontier:
        _spread(graph, reached, frontier)
        frontier = _failed_clusters(graph, reached)

    dependents = []
    for name, (distance, via) in reached.items():
        if name == start:
            continue
        data = graph.nodes[name]
        dependents.append(
            Dependent(
                node=name,
                kind=str(data.get("kind")),
                municipality=str(data.get("municipality")),
                label=str(data.get("label", name)),
                distance=distance,
                via=via,
                devices=int(data.get("devices", 0)) if data.get("kind") == "client_fleet" else 0,
            )
        )
    order = {kind: position for position, kind in enumerate(NODE_KINDS)}
    dependents.sort(key=lambda d: (d.municipality, order.get(d.kind, 99), d.distance, d.node))
    data = graph.nodes[start]
    return ImpactResult(
        node=start,
        kind=str(data.get("kind")),
        municipality=str(data.get("municipality")),
        label=str(data.get("label", start)),
        dependents=dependents,
        groups=_groups(dependents, order),
    )


def _spread(
    graph: nx.MultiDiGraph, reached: dict[str, tuple[int, str]], frontier: list[str]
) -> None:
    """Breadth-first over dependents (reverse dependency edges) from ``frontier``."""
    queue = deque(frontier)
    while queue:
        current = queue.popleft()
        distance = reached[current][0] + 1
        for source, _, key in graph.in_edges(current, keys=True):
            if key in DEPENDENCY_EDGE_KINDS and source not in reached:
                reached[source] = (distance, current)
                queue.append(source)


def _failed_clusters(graph: nx.MultiDiGraph, reached: dict[str, tuple[int, str]]) -> list[str]:
    """Clusters not yet reached whose member hosts are all reached (they fail too)."""
    candidates = {
        cluster
        for name in reached
        for _, cluster, key in graph.out_edges(name, keys=True)
        if key == EdgeKind.MEMBER_OF and cluster not in reached
    }
    failed = []
    for cluster in sorted(candidates):
        members = [
            host for host, _, key in graph.in_edges(cluster, keys=True) if key == EdgeKind.MEMBER_OF
        ]
        if all(host in reached for host in members):
            last = max(members, key=lambda host: reached[host][0])
            reached[cluster] = (reached[last][0] + 1, last)
            failed.append(cluster)
    return failed


def _groups(dependents: list[Dependent], order: dict[str, int]) -> list[ImpactGroup]:
    counts: dict[tuple[str, str], list[int]] = {}
    for dependent in dependents:
        entry = counts.setdefault((dependent.municipality, dependent.kind), [0, 0])
        entry[0] += 1
        entry[1] += dependent.devices
    return [
        ImpactGroup(municipality, kind, count, devices)
        for (municipality, kind), (count, devices) in sorted(
            counts.items(), key=lambda item: (item[0][0], order.get(item[0][1], 99))
        )
    ]
