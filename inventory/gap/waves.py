"""Migration waves: items ordered by the dependency graph and the sequencing rules.

An item's wave is at least its tier (network and datacentre 1, platforms 2, servers 3,
clients 4, applications 5, harmonisation 6) and later than every item of the kinds that
``sequencing.yaml`` says dependents wait for (moves and replacements:
``graph.dependents_wait_for``) on what it depends on, transitively (also through nodes
that are not items themselves: a virtual server waits for the move of its cluster's
hosts). In-place upgrades do not hold up dependents (hosts are upgraded one at a time
under running virtual machines); they are ordered by the rules, except for the kinds of
work ``graph.waits_also_for`` names (a business system's harmonisation also waits for the
in-place upgrades of the servers it runs on). Items on nodes of one dependency cycle wait
for the same things.

Then the rules of ``inventory/data/sequencing.yaml`` (``gap.plan``) raise waves: a
``before`` rule puts every ``then`` item of a scope after every ``first`` item of it, a
``together`` rule puts both sides of a scope in one wave. Raising a wave may raise what
depends on it, so the two passes repeat until nothing moves (a few rounds); waves are
then numbered 1, 2, 3... without gaps. What the rules could not order (rules that
contradict each other on some inventory) stays visible: ``PlanOrder.unmet`` names them
and the gap report carries a note per rule (``gs.note.unmet_rule``).

Each pass is vectorised: the graph's components are ordered by level (a component's
level is one more than the highest level it depends on) once, then every pass goes level
by level with numpy over all the components and items of a level at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
import numpy as np
import numpy.typing as npt
import pandas as pd

from inventory.gap.dependents import DependencyIndex
from inventory.gap.plan import (
    JOINT,
    ItemKinds,
    SequencingRules,
    package_keys,
    scope_keys,
    sequencing_rules,
)
from inventory.messages import Code, Message

WAVE_COLUMNS = (
    "wave",
    "name",
    "items",
    "hours",
    "cost",
    "domains",
    "actions",
    "municipalities",
    "name_message",
)
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


#: Rounds of level propagation before the nodes still rising are searched for cycles.
SETTLE_ROUNDS = 32


def _components(size: int, edges: IntArray) -> IntArray:
    """Each node's strongly connected component (its smallest member), cheaply.

    Levels are propagated a few rounds with numpy: nodes whose level still rises are on a
    cycle or above one; networkx looks for the cycles among those only (storage that
    replicates both ways, say), not over the whole graph.
    """
    component = np.arange(size, dtype=np.int64)
    if not len(edges):
        return component
    source, target = edges[:, 0], edges[:, 1]
    level = np.zeros(size, dtype=np.int64)
    rising = np.zeros(size, dtype=bool)
    for _ in range(SETTLE_ROUNDS):
        raised = level.copy()
        np.maximum.at(raised, source, level[target] + 1)
        rising = raised != level
        if not rising.any():
            return component
        level = raised
    among = rising[source] & rising[target]
    unsettled = nx.DiGraph()
    unsettled.add_edges_from(zip(source[among].tolist(), target[among].tolist(), strict=True))
    for members in nx.strongly_connected_components(unsettled):
        if len(members) > 1:
            chosen = np.fromiter(members, dtype=np.int64)
            component[chosen] = chosen.min()
    return component


class ItemGraph:
    """The dependency graph reduced to the items' nodes and what they depend on.

    Nodes of one strongly connected component become one component; ``levels`` hold the
    components by level so that a pass can go from the bottom up.
    """

    def __init__(self, graph: nx.DiGraph, item_nodes: pd.Series) -> None:
        nodes = item_nodes.tolist()  # (iterating an Arrow-backed column is slow)
        starts = {node for node in set(nodes) if node and node in graph}
        seen = set(starts)
        stack = list(starts)
        successors = graph.succ
        while stack:
            for successor in successors[stack.pop()]:
                if successor not in seen:
                    seen.add(successor)
                    stack.append(successor)
        order = list(seen)
        position = {node: number for number, node in enumerate(order)}
        raw = np.array(
            [
                (position[node], position[successor])
                for node in order
                for successor in successors[node]
            ],
            dtype=np.int64,
        ).reshape(-1, 2)
        component_of = _components(len(order), raw)
        numbers, component_of = np.unique(component_of, return_inverse=True)
        self.size = len(numbers)
        pairs = component_of[raw]
        pairs = pairs[pairs[:, 0] != pairs[:, 1]]
        edges = np.unique(pairs, axis=0)
        source, target = edges[:, 0], edges[:, 1]
        index = dict(zip(order, component_of.tolist(), strict=True))
        level = np.zeros(self.size, dtype=np.int64)
        while len(source):  # a component sits one level above the highest it depends on
            raised = level.copy()
            np.maximum.at(raised, source, level[target] + 1)
            if np.array_equal(raised, level):
                break
            level = raised
        self.item_component = np.array([index.get(node, -1) for node in nodes], dtype=np.int64)
        # (no graph node at all, e.g. only links to plan: every item unplaced)
        item_level = (
            np.where(self.item_component >= 0, level[np.maximum(self.item_component, 0)], -1)
            if self.size
            else np.full(len(self.item_component), -1, dtype=np.int64)
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
    return plan_order(items, dependencies, attributes, rules).waves


def plan_order(
    items: pd.DataFrame,
    dependencies: DependencyIndex,
    attributes: pd.DataFrame | None = None,
    rules: SequencingRules | None = None,
) -> PlanOrder:
    """The wave of every item, the precedence of the work packages (``plan.schedule``):
    (before, after) pairs of ``plan.package_keys`` for which an item of ``after`` waits
    for one of ``before``, through the graph or a ``before`` rule, and the rules the
    waves could not meet (rules contradicting each other on this inventory; normally
    none)."""
    if items.empty:
        return PlanOrder(pd.Series([], index=items.index, dtype="int64"), set(), [])
    rules = rules or sequencing_rules()
    frame = _rule_frame(items, attributes)
    graph = ItemGraph(dependencies.dependencies, items["node"].fillna("").astype(str))
    blocking = items["action"].isin(rules.graph.dependents_wait_for).to_numpy()
    floors = items["tier"].to_numpy(dtype=np.int64)
    also = _also_waiting(items, rules, blocking)
    waves = _graph_waves(graph, floors, blocking, also)
    prepared = _prepare(frame, rules)
    for _ in range(MAX_ROUNDS):
        raised = _floors(prepared, waves, floors)
        if np.array_equal(raised, floors):
            break
        floors = raised
        waves = _graph_waves(graph, floors, blocking, also)
    ranks = {wave: rank for rank, wave in enumerate(sorted(set(waves.tolist())), start=1)}
    ranked = pd.Series([ranks[w] for w in waves.tolist()], index=items.index, dtype="int64")
    packages = package_keys(items.assign(wave=ranked)).reset_index(drop=True)
    pairs = graph.waiting_pairs(packages, blocking) | _rule_pairs(prepared, packages)
    for waiter, more in also:  # (only the pairs of the packages holding such work)
        waiters = set(packages[waiter].tolist())
        pairs |= {(a, b) for a, b in graph.waiting_pairs(packages, more) if b in waiters}
    wave_of = dict(zip(packages.tolist(), ranked.tolist(), strict=True))
    unmet = [
        rule.id for rule in prepared if not np.array_equal(_floors([rule], waves, waves), waves)
    ]
    return PlanOrder(ranked, {(a, b) for a, b in pairs if wave_of[a] < wave_of[b]}, unmet)


def _also_waiting(
    items: pd.DataFrame, rules: SequencingRules, blocking: npt.NDArray[np.bool_]
) -> list[tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]]:
    """(items that wait for more, what blocks them) per ``graph.waits_also_for`` entry."""
    actions = items["action"]
    return [
        ((actions == action).to_numpy(), blocking | actions.isin(kinds).to_numpy())
        for action, kinds in sorted(rules.graph.waits_also_for.items())
        if (actions == action).any()
    ]


def _graph_waves(
    graph: ItemGraph,
    floors: IntArray,
    blocking: npt.NDArray[np.bool_],
    also: list[tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]],
) -> IntArray:
    """``graph.waves``, and the items of ``also`` after the more they wait for too (the
    in-place upgrades below a business system, say)."""
    waves = graph.waves(floors, blocking)
    for waiter, more in also:
        # the others at their waves: a waiter after each blocking item below it
        longer = graph.waves(np.where(waiter, floors, waves), more)
        waves = np.where(waiter, np.maximum(waves, longer), waves)
    return waves


def _rule_pairs(prepared: list[_PreparedRule], packages: pd.Series) -> set[tuple[str, str]]:
    """(before, after) package pairs the ``before`` rules make (on distinct pairs only)."""
    codes, names = pd.factorize(packages)
    count = len(names)
    pairs: set[tuple[int, int]] = set()
    for rule in prepared:
        if rule.kind != "before":
            continue
        sides = []
        for side in (rule.first, rule.then):
            scoped = side[rule.codes[side] >= 0]
            sides.append(np.unique(rule.codes[scoped] * count + codes[scoped]).tolist())
        # joined on the scope key: each first package before each then package of its key
        firsts: dict[int, list[int]] = {}
        for found in sides[0]:
            firsts.setdefault(found // count, []).append(found % count)
        for found in sides[1]:
            pairs.update((x, found % count) for x in firsts.get(found // count, ()))
        if rule.joint is not None:  # joint items share every municipality's scope
            first_joint = set(codes[rule.first[rule.joint[rule.first]]].tolist())
            then_joint = set(codes[rule.then[rule.joint[rule.then]]].tolist())
            pairs |= {(x, y) for x in first_joint for y in set(codes[rule.then].tolist())}
            pairs |= {(x, y) for x in set(codes[rule.first].tolist()) for y in then_joint}
    return {(str(names[a]), str(names[b])) for a, b in pairs}


def _rule_frame(items: pd.DataFrame, attributes: pd.DataFrame | None) -> pd.DataFrame:
    frame = items.loc[:, ["municipality", "action", "node"]].copy()
    frame["node"] = frame["node"].fillna("").astype(str)
    if attributes is None:
        frame["capability"], frame["site"] = "", ""
    else:
        frame["capability"] = attributes["capability"]
        frame["site"] = attributes["site"]
    return frame.reset_index(drop=True)


class PlanOrder(NamedTuple):
    """What ``plan_order`` finds: waves, package precedence, rules not met."""

    waves: pd.Series
    precedence: set[tuple[str, str]]
    unmet: list[str]


@dataclass
class _PreparedRule:
    """A rule's sides and scope keys over the items, computed once for every round."""

    id: str
    kind: str
    first: IntArray  # positions of the items on each side (never on both)
    then: IntArray
    codes: IntArray  # each item's scope key as a number, -1 for none
    keys: int
    joint: npt.NDArray[np.bool_] | None  # items of the joint operation (municipality scope)


def _prepare(items: pd.DataFrame, rules: SequencingRules) -> list[_PreparedRule]:
    kinds = ItemKinds(items)  # the selectors decided once per distinct action and capability
    scopes: dict[str, tuple[IntArray, int]] = {}  # the scope keys, factorised once per scope
    joint = (items["municipality"] == JOINT).to_numpy()
    prepared = []
    for rule in rules.rules:
        if rule.kind == "drop":
            continue
        first, then = kinds.selects(rule.first), kinds.selects(rule.then)
        first, then = first & ~then, then & ~first
        if not (first.any() and then.any()):
            continue
        if rule.scope not in scopes:
            keys = scope_keys(items, rule.scope)
            codes, uniques = pd.factorize(keys.where(keys != ""), use_na_sentinel=True)
            scopes[rule.scope] = (codes.astype(np.int64), len(uniques))
        codes, count = scopes[rule.scope]
        prepared.append(
            _PreparedRule(
                rule.id,
                rule.kind,
                np.flatnonzero(first),
                np.flatnonzero(then),
                codes,
                count,
                joint if rule.scope == "municipality" else None,
            )
        )
    return prepared


def _floors(prepared: list[_PreparedRule], waves: IntArray, floors: IntArray) -> IntArray:
    raised = floors.copy()
    for rule in prepared:
        if rule.kind == "before":
            first = rule.first[rule.codes[rule.first] >= 0]
            latest = np.zeros(rule.keys, dtype=np.int64)  # 0: no first item in the scope
            np.maximum.at(latest, rule.codes[first], waves[first])
            then = rule.then[rule.codes[rule.then] >= 0]
            need = latest[rule.codes[then]]
            if rule.joint is not None:
                joint_first = rule.first[rule.joint[rule.first]]
                if len(joint_first):  # the joint operation's items come first everywhere
                    need = np.maximum(need, waves[joint_first].max())
                following = rule.then[rule.joint[rule.then]]
                if len(following):  # a joint item follows every municipality's
                    raised[following] = np.maximum(raised[following], waves[rule.first].max() + 1)
                    keep = ~rule.joint[then]
                    then, need = then[keep], need[keep]
            scoped = need > 0
            raised[then[scoped]] = np.maximum(raised[then[scoped]], need[scoped] + 1)
        else:
            members = np.concatenate([rule.first, rule.then])
            members = members[rule.codes[members] >= 0]
            both = np.zeros(rule.keys, dtype=bool)
            both[rule.codes[rule.first][rule.codes[rule.first] >= 0]] = True
            has_then = np.zeros(rule.keys, dtype=bool)
            has_then[rule.codes[rule.then][rule.codes[rule.then] >= 0]] = True
            both &= has_then
            latest = np.zeros(rule.keys, dtype=np.int64)
            np.maximum.at(latest, rule.codes[members], waves[members])
            members = members[both[rule.codes[members]]]
            raised[members] = np.maximum(raised[members], latest[rule.codes[members]])
    return raised


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
                "actions": ";".join(sorted(set(group["action"].tolist()))),
                "municipalities": ";".join(sorted(set(group["municipality"].tolist()))),
                # the name in the report's language ("Våg 1: Datacenter")
                "name_message": Message(
                    "gs.wave.name",
                    {
                        "wave": int(str(wave)),
                        "domain": Code("domain", str(hours_by_domain.index[0])),
                    },
                ),
            }
        )
    return pd.DataFrame(rows, columns=list(WAVE_COLUMNS))
