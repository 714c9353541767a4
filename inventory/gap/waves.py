"""Migration waves: items ordered so that what something depends on moves first.

An item's wave is at least its tier (network and datacentre 1, platforms 2, servers 3,
clients 4, applications 5) and later than the wave of every item it depends on through
the dependency graph (transitively, also through nodes that are not items themselves:
a virtual server waits for the hosts of its cluster). Client device groups wait for the
platforms of their municipality that manage or protect clients. Harmonising business
systems (``LAST_ACTIONS``) comes after every other item: a municipality changes its
social care system once the infrastructure under it is in place. Waves are then numbered
1, 2, 3... without gaps. Items on nodes in one dependency cycle share a wave.

The pass is linear in the size of the graph: one walk over its strongly connected
components.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from inventory.gap.dependents import DependencyIndex

WAVE_COLUMNS = ("wave", "name", "items", "hours", "cost", "domains", "actions",
                "municipalities")
CLIENT_PLATFORM_CAPABILITY_DOMAIN = "clients"
#: Kinds of work that go in the last wave, after everything else.
LAST_ACTIONS = frozenset({"application_harmonisation"})


def assign_waves(items: pd.DataFrame, dependencies: DependencyIndex) -> pd.Series:
    """The wave of every item (aligned with ``items.index``)."""
    graph = dependencies.dependencies
    base: dict[str, int] = {}
    for node, tier in zip(items["node"], items["tier"], strict=True):
        if node and node in graph:
            base[node] = max(base.get(node, 0), int(tier))
    wave_of = _component_waves(graph, base)
    raw = pd.Series([wave_of.get(node, int(tier)) if node else int(tier)
                     for node, tier in zip(items["node"], items["tier"], strict=True)],
                    index=items.index, dtype="int64")
    # Client groups wait for the client platforms (management, security) of their municipality.
    platform_rows = (items["node"].str.contains(":platform:", regex=False)
                     & (items["domain"] == CLIENT_PLATFORM_CAPABILITY_DOMAIN))
    latest = raw[platform_rows].groupby(items.loc[platform_rows, "municipality"]).max()
    clients = items["action"].isin(["client_os_upgrade", "client_reenrolment"])
    after = items.loc[clients, "municipality"].map(latest).fillna(0).astype("int64") + 1
    raw.loc[clients] = raw.loc[clients].where(raw.loc[clients] >= after, after)
    last = items["action"].isin(LAST_ACTIONS)
    if last.any() and (~last).any():
        floor = int(raw[~last].max()) + 1
        raw.loc[last] = raw.loc[last].where(raw.loc[last] >= floor, floor)
    ranks = {wave: rank for rank, wave in enumerate(sorted(set(raw)), start=1)}
    return raw.map(ranks).astype("int64")


def _component_waves(graph: nx.DiGraph, base: dict[str, int]) -> dict[str, int]:
    """The wave of every node with items (``base``: its highest tier), from its dependencies.

    A node's wave is at least its tier and later than every wave below it (what it depends
    on, transitively); the nodes of one dependency cycle (strongly connected component)
    share a wave. One depth-first walk over the components, each visited after everything
    it depends on; only the rare components of several nodes are held as such (a
    condensed copy of the whole graph cost a national inventory some 250 MiB).
    """
    owner: dict[str, str] = {}  # node of a cycle -> the component's first node
    members: dict[str, list[str]] = {}
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            ordered = sorted(component)
            members[ordered[0]] = ordered
            owner.update(dict.fromkeys(ordered, ordered[0]))
    component_base: dict[str, int] = {}
    for node, tier in base.items():
        component = owner.get(node, node)
        component_base[component] = max(component_base.get(component, 0), tier)

    def below(component: str) -> list[str]:
        found = {owner.get(successor, successor) for member in members.get(component,
                                                                           [component])
                 for successor in graph.successors(member)}
        found.discard(component)
        return list(found)

    highest: dict[str, int] = {}  # highest item wave at or below each component
    wave_of: dict[str, int] = {}
    for start in component_base:
        if start in highest:
            continue
        successors = below(start)
        stack = [(start, successors, list(successors))]
        while stack:
            component, successors, pending = stack[-1]
            while pending and pending[-1] in highest:
                pending.pop()
            if pending:  # the components are acyclic: none of these is on the stack
                successor = pending.pop()
                following = below(successor)
                stack.append((successor, following, list(following)))
                continue
            stack.pop()
            lower = max((highest[s] for s in successors), default=0)
            if component in component_base:
                wave = max(component_base[component], lower + 1)
                wave_of[component] = wave
                highest[component] = wave
            else:
                highest[component] = lower
    return {node: wave_of[owner.get(node, node)] for node in base}


def wave_table(items: pd.DataFrame) -> pd.DataFrame:
    """One row per wave: its name (dominant domain), item count, hours, cost, contents."""
    if items.empty:
        return pd.DataFrame(columns=list(WAVE_COLUMNS))
    rows = []
    for wave, group in items.groupby("wave", sort=True):
        hours_by_domain = group.groupby("domain")["hours"].sum().sort_values(ascending=False)
        rows.append({
            "wave": int(str(wave)), "name": f"Wave {wave}: {hours_by_domain.index[0]}",
            "items": len(group), "hours": round(float(group["hours"].sum()), 1),
            "cost": round(float(group["cost"].sum()), 0),
            "domains": ";".join(hours_by_domain.index),
            "actions": ";".join(sorted(set(group["action"]))),
            "municipalities": ";".join(sorted(set(group["municipality"]))),
        })
    return pd.DataFrame(rows, columns=list(WAVE_COLUMNS))
