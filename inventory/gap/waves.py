"""Migration waves: items ordered by the dependency graph and the sequencing rules.

An item's wave is at least its tier (network and datacentre 1, platforms 2, servers 3,
clients 4, applications 5, harmonisation 6) and later than every item of the kinds that
``sequencing.yaml`` says dependents wait for (moves and replacements:
``graph.dependents_wait_for``) on what it depends on, transitively (also through nodes
that are not items themselves: a virtual server waits for the move of its cluster's
hosts). In-place upgrades do not hold up dependents (hosts are upgraded one at a time
under running virtual machines); they are ordered by the rules. Items on nodes of one
dependency cycle wait for the same things.

Then the rules of ``inventory/data/sequencing.yaml`` (``gap.plan``) raise waves: a
``before`` rule puts every ``then`` item of a scope after every ``first`` item of it, a
``together`` rule puts both sides of a scope in one wave. Raising a wave may raise what
depends on it, so the two passes repeat until nothing moves (a few rounds); waves are
then numbered 1, 2, 3... without gaps. What the rules could not order (rules that
contradict each other on some inventory) stays visible: ``unmet_rules`` names them.

Each pass is vectorised: the graph's components are ordered by level (a component's
level is one more than the highest level it depends on) once, then every pass goes level
by level with numpy over all the components and items of a level at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import numpy.typing as npt
import pandas as pd

from inventory.gap.dependents import DependencyIndex
from inventory.gap.plan import (
    JOINT,
    SequencingRules,
    package_keys,
    scope_keys,
    sequencing_rules,
)

WAVE_COLUMNS = ("wave", "name", "items", "hours", "cost", "domains", "actions", "municipalities")
#: The most rounds of graph and rules before the waves are taken as they are.
MAX_ROUNDS = 50

IntArray = npt.NDArray[np.int64]


@dataclass
class _Level:
    """What one level of the component order holds (indices into the arrays)."""

    components: IntArray
    edge_sources: IntArray  # edges from components of this level: dependent ...
    edge_targets: IntArray  # ... and the (lower-level) component it depends on
    items: IntArray


class ItemGraph:
    """The dependency graph reduced to the items' nodes and what they depend on.

    Nodes of one strongly connected component become one component; ``levels`` hold the
    components by level so that a pass can go from the bottom up.
    """

    def __init__(self, graph: nx.DiGraph, item_nodes: pd.Series) -> None:
        starts = {node for node in item_nodes.unique() if node and node in graph}
        seen = set(starts)
        stack = list(starts)
        successors = graph.succ
        while stack:
            for successor in successors[stack.pop()]:
                if successor not in seen:
                    seen.add(successor)
                    stack.append(successor)
        index: dict[str, int] = {}
        for number, component in enumerate(nx.strongly_connected_components(graph.subgraph(seen))):
            index.update(dict.fromkeys(component, number))
        self.size = len(set(index.values())) if index else 0
        pairs = [
            (index[node], index[successor])
            for node in seen
            for successor in successors[node]
            if index[successor] != index[node]
        ]
        edges = np.unique(np.array(pairs, dtype=np.int64).reshape(-1, 2), axis=0)
        source, target = edges[:, 0], edges[:, 1]
        level = np.zeros(self.size, dtype=np.int64)
        while len(source):  # a component sits one level above the highest it depends on
            raised = level.copy()
            np.maximum.at(raised, source, level[target] + 1)
            if np.array_equal(raised, level):
                break
            level = raised
        self.item_component = np.array([index.get(node, -1) for node in item_nodes], dtype=np.int64)
        item_level = np.where(
            self.item_component >= 0, level[np.maximum(self.item_component, 0)], -1
        )
        self.unplaced = np.flatnonzero(item_level < 0)
        self.levels = [
            _Level(
                components=np.flatnonzero(level == number),
                edge_sources=source[level[source] == number],
                edge_targets=target[level[source] == number],
                items=np.flatnonzero(item_level == number),
            )
            for number in range(int(level.max()) + 1 if self.size else 0)
        ]

    def waves(self, floors: IntArray, blocking: npt.NDArray[np.bool_]) -> IntArray:
        """Every item's wave: its floor, after the blocking items below its node."""
        wave = floors.copy()
        highest = np.zeros(self.size, dtype=np.int64)  # blocking wave at or below
        below = np.zeros(self.size, dtype=np.int64)
        for level in self.levels:
            np.maximum.at(below, level.edge_sources, highest[level.edge_targets])
            items = level.items
            components = self.item_component[items]
            wave[items] = np.maximum(floors[items], below[components] + 1)
            stops = items[blocking[items]]
            np.maximum.at(highest, self.item_component[stops], wave[stops])
            highest[level.components] = np.maximum(
                highest[level.components], below[level.components]
            )
        return wave

    def waiting_pairs(
        self, packages: pd.Series, blocking: npt.NDArray[np.bool_]
    ) -> set[tuple[str, str]]:
        """(before, after) package pairs: an item of ``after`` waits, through the graph,
        for a blocking item of ``before`` (one pass, a package set per component)."""
        names, codes = np.unique(packages.to_numpy(dtype=str), return_inverse=True)
        width = len(names)
        highest = np.zeros((self.size, width), dtype=bool)
        below = np.zeros((self.size, width), dtype=bool)
        pairs: set[tuple[str, str]] = set()
        for level in self.levels:
            np.logical_or.at(below, level.edge_sources, highest[level.edge_targets])
            items = level.items
            components = self.item_component[items]
            waits = below[components]  # items x packages waited for
            rows, columns = np.nonzero(waits)
            found = np.unique(codes[items[rows]] * width + columns)
            pairs |= {
                (str(names[code % width]), str(names[code // width])) for code in found.tolist()
            }
            stops = items[blocking[items]]
            highest[self.item_component[stops], codes[stops]] = True
            highest[level.components] |= below[level.components]
        return pairs


def assign_waves(
    items: pd.DataFrame,
    dependencies: DependencyIndex,
    attributes: pd.DataFrame | None = None,
    rules: SequencingRules | None = None,
) -> pd.Series:
    """The wave of every item (aligned with ``items.index``).

    ``attributes`` (``plan.item_attributes``: capability and site) lets the rules select
    by capability and scope by site; without it they see no capability and no site.
    """
    return plan_order(items, dependencies, attributes, rules)[0]


def plan_order(
    items: pd.DataFrame,
    dependencies: DependencyIndex,
    attributes: pd.DataFrame | None = None,
    rules: SequencingRules | None = None,
) -> tuple[pd.Series, set[tuple[str, str]]]:
    """The wave of every item and the precedence of the work packages (``plan.schedule``):
    (before, after) pairs of ``plan.package_keys`` for which an item of ``after`` waits
    for one of ``before``, through the graph or a ``before`` rule."""
    if items.empty:
        return pd.Series([], index=items.index, dtype="int64"), set()
    rules = rules or sequencing_rules()
    frame = _rule_frame(items, attributes)
    graph = ItemGraph(dependencies.dependencies, items["node"].fillna("").astype(str))
    blocking = items["action"].isin(rules.graph.dependents_wait_for).to_numpy()
    floors = items["tier"].to_numpy(dtype=np.int64)
    waves = graph.waves(floors, blocking)
    for _ in range(MAX_ROUNDS):
        raised = rule_floors(frame, waves, floors, rules)
        if np.array_equal(raised, floors):
            break
        floors = raised
        waves = graph.waves(floors, blocking)
    ranks = {wave: rank for rank, wave in enumerate(sorted(set(waves.tolist())), start=1)}
    ranked = pd.Series([ranks[w] for w in waves.tolist()], index=items.index, dtype="int64")
    packages = package_keys(items.assign(wave=ranked)).reset_index(drop=True)
    pairs = graph.waiting_pairs(packages, blocking) | _rule_pairs(frame, packages, rules)
    wave_of = dict(zip(packages, ranked, strict=True))
    return ranked, {(a, b) for a, b in pairs if wave_of[a] < wave_of[b]}


def _rule_pairs(
    items: pd.DataFrame, packages: pd.Series, rules: SequencingRules
) -> set[tuple[str, str]]:
    """(before, after) package pairs the ``before`` rules make."""
    pairs: set[tuple[str, str]] = set()
    joint = items["municipality"] == JOINT
    for rule in rules.of_kind("before"):
        first, then = rule.selects(items, "first"), rule.selects(items, "then")
        first, then = first & ~then, then & ~first
        if not (first.any() and then.any()):
            continue
        keys = scope_keys(items, rule.scope)
        a = pd.DataFrame({"key": keys[first], "before": packages[first]}).drop_duplicates()
        b = pd.DataFrame({"key": keys[then], "after": packages[then]}).drop_duplicates()
        matched = a[a["key"] != ""].merge(b[b["key"] != ""], on="key")
        pairs |= set(zip(matched["before"], matched["after"], strict=True))
        if rule.scope == "municipality":  # joint items share every municipality's scope
            pairs |= {(x, y) for x in set(packages[first & joint]) for y in set(b["after"])}
            pairs |= {(x, y) for x in set(a["before"]) for y in set(packages[then & joint])}
    return pairs


def _rule_frame(items: pd.DataFrame, attributes: pd.DataFrame | None) -> pd.DataFrame:
    frame = items.loc[:, ["municipality", "action", "node"]].copy()
    frame["node"] = frame["node"].fillna("").astype(str)
    if attributes is None:
        frame["capability"], frame["site"] = "", ""
    else:
        frame["capability"] = attributes["capability"]
        frame["site"] = attributes["site"]
    return frame.reset_index(drop=True)


def rule_floors(
    items: pd.DataFrame, waves: IntArray, floors: IntArray, rules: SequencingRules
) -> IntArray:
    """The floors raised so that the ordering rules hold for ``waves`` (vectorised).

    ``before``: a ``then`` item's floor is one more than the latest ``first`` item of its
    scope (``plan.scope_keys``; in municipality scope the joint operation's items share
    every scope: a joint ``then`` item follows every ``first`` item). ``together``: in a
    scope holding both sides, every item's floor is the scope's latest wave.
    """
    raised = floors.copy()
    wave = pd.Series(waves, index=items.index)
    for rule in rules.rules:
        if rule.kind == "drop":
            continue
        first, then = rule.selects(items, "first"), rule.selects(items, "then")
        first, then = first & ~then, then & ~first
        if not (first.any() and then.any()):
            continue
        keys = scope_keys(items, rule.scope)
        if rule.kind == "before":
            need = _latest_before(
                wave,
                keys,
                first,
                then,
                rule.scope == "municipality",
                items["municipality"] == JOINT,
            )
            rows = need.index.to_numpy()
            raised[rows] = np.maximum(raised[rows], need.to_numpy(dtype=np.int64) + 1)
        else:
            members = (first | then) & (keys != "")
            both = (
                first[members].groupby(keys[members]).any()
                & then[members].groupby(keys[members]).any()
            )
            latest = wave[members].groupby(keys[members]).max()[both]
            target = keys[members].map(latest).dropna()
            rows = target.index.to_numpy()
            raised[rows] = np.maximum(raised[rows], target.to_numpy(dtype=np.int64))
    return raised


def _latest_before(
    wave: pd.Series,
    keys: pd.Series,
    first: pd.Series,
    then: pd.Series,
    shared_scope: bool,
    joint: pd.Series,
) -> pd.Series:
    """For each ``then`` item with ``first`` items in its scope: their latest wave."""
    scoped = first & (keys != "")
    latest = wave[scoped].groupby(keys[scoped]).max()
    targets = then & (keys != "")
    need = keys[targets].map(latest)
    if shared_scope:
        joint_first = wave[first & joint]
        if not joint_first.empty:  # the joint operation's items come first everywhere
            need = need.fillna(0).clip(lower=int(joint_first.max()))
        following = then & joint
        if following.any():  # a joint item follows every municipality's
            need = pd.concat(
                [
                    need[~joint[need.index]],
                    pd.Series(int(wave[first].max()), index=wave.index[following]),
                ]
            )
    return need.dropna()


def unmet_rules(
    items: pd.DataFrame, attributes: pd.DataFrame | None, rules: SequencingRules | None = None
) -> list[str]:
    """The ids of the ordering rules the items' waves do not meet (normally none)."""
    rules = rules or sequencing_rules()
    frame = _rule_frame(items, attributes)
    waves = items["wave"].to_numpy(dtype=np.int64)
    unmet = []
    for rule in rules.rules:
        if rule.kind == "drop":
            continue
        one = rules.model_copy(update={"rules": (rule,)})
        if not np.array_equal(rule_floors(frame, waves, waves, one), waves):
            unmet.append(rule.id)
    return unmet


def wave_table(items: pd.DataFrame) -> pd.DataFrame:
    """One row per wave: its name (dominant domain), item count, hours, cost, contents."""
    if items.empty:
        return pd.DataFrame(columns=list(WAVE_COLUMNS))
    rows = []
    for wave, group in items.groupby("wave", sort=True):
        hours_by_domain = group.groupby("domain")["hours"].sum().sort_values(ascending=False)
        rows.append(
            {
                "wave": int(str(wave)),
                "name": f"Wave {wave}: {hours_by_domain.index[0]}",
                "items": len(group),
                "hours": round(float(group["hours"].sum()), 1),
                "cost": round(float(group["cost"].sum()), 0),
                "domains": ";".join(hours_by_domain.index),
                "actions": ";".join(sorted(set(group["action"]))),
                "municipalities": ";".join(sorted(set(group["municipality"]))),
            }
        )
    return pd.DataFrame(rows, columns=list(WAVE_COLUMNS))
