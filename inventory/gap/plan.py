"""The migration plan: sequencing rules kept as data, dropped work, packages with dates.

``inventory/data/sequencing.yaml`` states the rules (:func:`sequencing_rules`): which
kinds of work come before others (the hypervisor management plane before its hosts,
identity before mail), which go together (a site's hosts with its storage) and which are
not done at all (a server whose every workload is being replaced is neither moved nor
upgraded: :func:`drop_superseded`). ``waves.assign_waves`` applies the ordering rules on
the dependency graph; :func:`schedule` turns the waves into work packages (one per wave
and domain) with durations from the team's capacity, dates from the start date, and the
critical path. docs/method.md#plan explains it with the samples' numbers.

Example::

    rules = sequencing_rules()
    items, dropped = drop_superseded(items, assets, matrix, dependencies, rules)
    plan = schedule(items, target.plan, as_of=dt.date(2026, 12, 3))
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import networkx as nx
import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from inventory.gap.blocks import CAPABILITY_DOMAIN, DOMAINS
from inventory.gap.capacity import qualified, server_sites
from inventory.gap.contracts import Contract, Series, typed
from inventory.gap.contracts import Field as Checks
from inventory.gap.dependents import DependencyIndex
from inventory.gap.effort import ACTION_TIER
from inventory.messages import Message, english
from inventory.models.enums import Capability
from inventory.snapshot import InventorySnapshot
from inventory.target.economics import PlanFrame
from inventory.yamlfile import YamlSyntaxError, compose_yaml

SEQUENCING_FILE = "sequencing.yaml"
#: Kinds of consolidation work (target ``efforts``) the rules may name before the gap
#: produces them: a rule about them is checked as soon as such items exist.
CONSOLIDATION_ACTIONS = frozenset({
    "directory_consolidation", "tenant_migration", "tenant_consolidation",
    "mailbox_consolidation", "capability_onboarding", "user_migration", "host_registration",
    "server_rejoin", "mailbox_migration", "backup_onboarding", "monitoring_onboarding",
    "device_tenant_move", "access_point_replacement", "storage_replacement",
    "network_device_replacement",
})  # fmt: skip
#: Conditions a ``drop`` rule may name (see :func:`drop_superseded`).
DROP_CONDITIONS = frozenset(
    {"superseded_server", "merged_directory_controller", "replaced_or_not_moving_application"}
)
#: Why a domain controller of a merging directory is dropped (rule
#: ``merged-directory-controllers-retire``).
MERGED_DIRECTORY_REASON = "its directory merges into the joint one"
#: The capability of items that are about no capability of the target (storage, links).
STORAGE_CAPABILITY = "storage"
Scope = Literal["joint", "municipality", "site", "asset"]
#: Items of the joint operation (one instance for everyone) share every municipality's scope.
JOINT = "joint"
DAYS_PER_WEEK = 7
WEEKS_PER_YEAR = 52


class SequencingError(ValueError):
    """The sequencing rules file is not valid (a programming error in packaged data)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Selector(_Strict):
    """Items whose action and capability fit: every field given must hold."""

    actions: frozenset[str] = frozenset()
    not_actions: frozenset[str] = frozenset()
    capabilities: frozenset[str] = frozenset()

    def mask(self, items: pd.DataFrame) -> pd.Series:
        """Which of ``items`` (with ``action`` and ``capability``) this selects."""
        chosen = pd.Series(True, index=items.index)
        if self.actions:
            chosen &= items["action"].isin(self.actions)
        if self.not_actions:
            chosen &= ~items["action"].isin(self.not_actions)
        if self.capabilities:
            chosen &= items["capability"].isin(self.capabilities)
        return chosen

    def fits(self, action: object, capability: object) -> bool:
        """Whether this selects an item of this action and capability (as ``mask``)."""
        return (
            (not self.actions or action in self.actions)
            and (not self.not_actions or action not in self.not_actions)
            and (not self.capabilities or capability in self.capabilities)
        )


class ItemKinds:
    """What selectors read of ``items`` (``action`` and ``capability``), decided once per
    distinct pair of them (a few dozen) instead of per item: ``selects`` is
    ``Selector.mask`` of several selectors or-ed, as an array."""

    def __init__(self, items: pd.DataFrame) -> None:
        actions, action_names = pd.factorize(items["action"], use_na_sentinel=False)
        capabilities, capability_names = pd.factorize(items["capability"], use_na_sentinel=False)
        width = max(len(capability_names), 1)
        distinct, inverse = np.unique(
            actions.astype(np.int64) * width + capabilities, return_inverse=True
        )
        self._inverse = inverse.reshape(-1)
        self._pairs = [
            (action_names[code // width], capability_names[code % width])
            for code in distinct.tolist()
        ]

    def selects(self, selectors: Iterable[Selector]) -> npt.NDArray[np.bool_]:
        """Which items any of ``selectors`` selects."""
        chosen = list(selectors)
        fits = [
            any(s.fits(action, capability) for s in chosen) for action, capability in self._pairs
        ]
        selected: npt.NDArray[np.bool_] = np.array(fits, dtype=bool)[self._inverse]
        return selected


class RuleSource(_Strict):
    title: str
    url: str = Field(pattern=r"^https?://\S+$")


class SequencingRule(_Strict):
    """One rule: ``first`` before (or together with) ``then``, or ``then`` dropped."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    kind: Literal["before", "together", "drop"]
    sentence: str
    first: tuple[Selector, ...] = ()
    then: tuple[Selector, ...] = Field(min_length=1)
    scope: Scope = "joint"
    condition: str = ""
    source: RuleSource

    def selects(self, items: pd.DataFrame, side: Literal["first", "then"]) -> pd.Series:
        """Which items one side of the rule selects (any of its selectors)."""
        chosen = pd.Series(False, index=items.index)
        for selector in getattr(self, side):
            chosen |= selector.mask(items)
        return chosen


class GraphRule(_Strict):
    dependents_wait_for: frozenset[str]
    #: a kind of work that also waits for these kinds of work on what it depends on
    #: (a business system's harmonisation for the in-place upgrades of its servers)
    waits_also_for: dict[str, frozenset[str]] = Field(default_factory=dict)


class SequencingRules(_Strict):
    """The rules file: what dependents wait for in the graph, and the rules in order."""

    graph: GraphRule
    rules: tuple[SequencingRule, ...]

    def of_kind(self, kind: str) -> list[SequencingRule]:
        return [rule for rule in self.rules if rule.kind == kind]


def known_actions() -> frozenset[str]:
    """Every kind of work a rule may name."""
    return frozenset(ACTION_TIER) | CONSOLIDATION_ACTIONS


def known_capabilities() -> frozenset[str]:
    """Every capability a rule may name (target capabilities, OS and business areas)."""
    return (
        frozenset(c.value for c in Capability) | frozenset(CAPABILITY_DOMAIN) | {STORAGE_CAPABILITY}
    )


def parse_sequencing(text: str, source: str = SEQUENCING_FILE) -> SequencingRules:
    """Validate rules YAML; ``SequencingError`` names every unknown selector and its rule."""
    try:
        document = compose_yaml(text)
        parsed = SequencingRules.model_validate(document.data or {})
    except (YamlSyntaxError, ValidationError) as error:
        raise SequencingError(f"{source}: {error}") from None
    problems: list[str] = []
    actions, capabilities = known_actions(), known_capabilities()
    unknown = parsed.graph.dependents_wait_for - actions
    for action, kinds in parsed.graph.waits_also_for.items():
        unknown |= ({action} | kinds) - actions
    if unknown:
        problems.append(f"graph.dependents_wait_for: unknown actions {sorted(unknown)}")
    seen: set[str] = set()
    for rule in parsed.rules:
        if rule.id in seen:
            problems.append(f"{rule.id}: the id is used twice")
        seen.add(rule.id)
        if (rule.kind == "drop") != bool(rule.condition):
            problems.append(f"{rule.id}: a condition is for drop rules, and they need one")
        if rule.condition and rule.condition not in DROP_CONDITIONS:
            problems.append(f"{rule.id}: unknown condition {rule.condition!r}")
        if rule.kind != "drop" and not rule.first:
            problems.append(f"{rule.id}: a {rule.kind} rule needs 'first'")
        for selector in (*rule.first, *rule.then):
            bad = (selector.actions | selector.not_actions) - actions
            if bad:
                problems.append(f"{rule.id}: unknown actions {sorted(bad)}")
            bad = selector.capabilities - capabilities
            if bad:
                problems.append(f"{rule.id}: unknown capabilities {sorted(bad)}")
            if not (selector.actions or selector.not_actions or selector.capabilities):
                problems.append(f"{rule.id}: an empty selector selects everything")
    if problems:
        raise SequencingError(f"{source}: " + "; ".join(problems))
    return parsed


@cache
def sequencing_rules() -> SequencingRules:
    """The packaged rules (``inventory/data/sequencing.yaml``), read once."""
    text = resources.files("inventory.data").joinpath(SEQUENCING_FILE).read_text("utf-8")
    return parse_sequencing(text)


# -- what the rules select on ---------------------------------------------------------------


def item_attributes(
    items: pd.DataFrame,
    assets: pd.DataFrame,
    snapshot: InventorySnapshot,
    server_site: pd.Series | None = None,
) -> pd.DataFrame:
    """``capability`` (``item_capabilities``) and ``site`` (``code:site`` of its server or
    storage, "" when none) of every item. ``server_site``: ``capacity.server_sites`` when
    already computed."""
    servers = snapshot.table("server")
    storage = snapshot.table("storage")
    site_of = pd.concat(
        [
            pd.Series(
                (server_sites(snapshot) if server_site is None else server_site).to_numpy(),
                index=servers["municipality"] + ":server:" + servers["id"],
            ),
            pd.Series(
                qualified(storage["municipality"], storage["site"]).to_numpy(),
                index=storage["municipality"] + ":storage:" + storage["id"],
            ),
        ]
    )
    site_of = site_of[~site_of.index.duplicated()]
    site = items["node"].map(site_of).astype(object)
    return pd.DataFrame(
        {"capability": item_capabilities(items, assets), "site": site.fillna("").astype(str)},
        index=items.index,
    )


def item_capabilities(items: pd.DataFrame, assets: pd.DataFrame) -> pd.Series:
    """The capability of every item ("" when it concerns none).

    The item's own ``capability`` column when it has one, else its asset's (a server's is
    ``hypervisor``/``server_os``/``appliance``, an application's its business area), else
    the one work on no asset names (``"gnosjo: logging_siem"``); storage work is
    ``storage``, client work ``client_os``.
    """
    known = assets.loc[assets["node"].astype(str) != "", ["node", "capability"]]
    by_node: pd.Series = known.drop_duplicates("node").set_index("node")["capability"]
    capability = items["node"].map(by_node.astype(str))
    # work on no asset names its capability last: "gnosjo: logging_siem"
    unnamed = capability.isna()
    capability = capability.astype(object)
    if unnamed.any():  # (rpartition of no rows has no columns)
        named = items.loc[unnamed, "asset"].astype(str).str.rpartition(": ")[2]
        named = named[named.isin(known_capabilities())]
        capability.loc[named.index] = named
    capability = capability.where(
        ~items["action"].isin(["storage_migration", "storage_replacement"]), STORAGE_CAPABILITY
    )
    capability = capability.where(
        ~items["action"].isin(["client_os_upgrade", "client_reenrolment"]), "client_os"
    )
    if "capability" in items.columns:
        own = items["capability"].fillna("").astype(str)
        capability = own.where(own != "", capability)
    result: pd.Series = capability.fillna("").astype(str)
    return result


def scope_keys(items: pd.DataFrame, scope: Scope) -> pd.Series:
    """The key two items must share to be in one scope ("" = in no scope)."""
    if scope == "joint":
        return pd.Series(JOINT, index=items.index)
    column = {"municipality": "municipality", "site": "site", "asset": "node"}[scope]
    return items[column].fillna("").astype(str)


# -- dropped work -----------------------------------------------------------------------------


class DroppedItems(Contract):
    """Items not done because what they concern is being replaced (``GapReport.dropped``)."""

    item_id: Series[str]
    municipality: Series[str]
    domain: Series[str]
    action: Series[str]
    asset: Series[str]
    hours: Series[float] = Checks(ge=0)
    cost: Series[float] = Checks(ge=0)
    rule: Series[str]
    reason: Series[str]
    reason_message: Series[object]  # ``reason`` as a message, for the report's language

    class Config:
        strict = True
        ordered = True


DROPPED_COLUMNS = tuple(DroppedItems.column_names())


def _superseded_workloads(assets: pd.DataFrame, matrix: pd.DataFrame) -> pd.Series:
    """Platform and application nodes being replaced: node -> "title -> successor".

    Replaced means an ``eliminated`` block with a target product to go to (a block the
    target says nothing about is not replaced, only questioned). A hypervisor platform is
    never a server's workload here: its hosts carry virtual machines, which move.
    """
    status = matrix.set_index("block_id")[["status", "target_title"]].astype(object)
    status = status[~status.index.duplicated()]
    on = assets.loc[
        assets["kind"].isin(["platform", "application"]) & (assets["capability"] != "hypervisor"),
        ["node", "title", "block_id"],
    ].join(status, on="block_id")
    replaced = on[
        (on["status"] == "eliminated") & (on["target_title"].fillna("").astype(str) != "")
    ]
    label = replaced["title"].astype(str) + " -> " + replaced["target_title"].astype(str)
    return pd.Series(label.to_numpy(), index=replaced["node"].astype(str)).groupby(level=0).first()


def drop_superseded(
    items: pd.DataFrame,
    assets: pd.DataFrame,
    matrix: pd.DataFrame,
    dependencies: DependencyIndex,
    rules: SequencingRules | None = None,
    *,
    off_joint: pd.Series | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The items without those the ``drop`` rules remove, and the removed ones with why.

    ``superseded_server``: a server (not a hypervisor host) that runs at least one platform
    or business system, every one of them being replaced (``_superseded_workloads``), gets
    no OS upgrade and no move: it is switched off once its successor runs.
    ``merged_directory_controller``: a server running a directory that merges into the
    joint one (``off_joint``: ``consolidation.off_joint_instance``, aligned with
    ``assets``), its other workloads replaced or merging too, is neither: it is demoted.
    ``replaced_or_not_moving_application``: an application the target replaces is not
    moved first, and one whose moving servers were all dropped no longer moves.
    """
    rules = rules or sequencing_rules()
    if items.empty:
        return items, typed(DroppedItems, _empty_dropped())
    graph = dependencies.dependencies
    replaced = {str(k): str(v) for k, v in _superseded_workloads(assets, matrix).items()}
    hypervisors = set(assets.loc[assets["capability"] == "hypervisor", "node"].tolist())
    node_data = dependencies.graph.nodes  # looked up per predecessor, not copied whole
    workload_kinds = {"platform", "application"}
    nodes = set(items.loc[items["node"].str.contains(":server:", regex=False), "node"].tolist())
    merging: set[str] = set()
    directories: set[str] = set()
    if off_joint is not None:
        off = assets[off_joint.reindex(assets.index, fill_value=False).astype(bool)]
        merging = set(off["node"].astype(str).tolist())
        directories = set(off.loc[off["capability"] == "directory", "node"].astype(str).tolist())
    # why, as messages (the report's language); ``reason`` holds their English
    superseded: dict[str, Message] = {}
    retiring: dict[str, Message] = {}
    for node in nodes:
        if node not in graph or node in hypervisors:
            continue
        workloads = [
            d
            for d in graph.predecessors(node)
            if str(node_data[d].get("kind", "")) in workload_kinds
        ]
        if workloads and all(w in replaced for w in workloads):
            superseded[node] = Message(
                "gs.drop.runs_only", {"what": "; ".join(sorted(replaced[w] for w in workloads))}
            )
        elif (
            workloads
            and any(w in directories for w in workloads)
            and all(w in replaced or w in merging for w in workloads)
        ):
            others = sorted(replaced[w] for w in workloads if w in replaced and w not in merging)
            retiring[node] = (
                Message("gs.drop.merged_directory_also", {"what": "; ".join(others)})
                if others
                else Message("gs.drop.merged_directory")
            )
    by_capability = any(sel.capabilities for rule in rules.of_kind("drop") for sel in rule.then)
    attributes = items.assign(capability=item_capabilities(items, assets) if by_capability else "")
    kinds = ItemKinds(attributes)
    drop = pd.Series("", index=items.index)
    reason = pd.Series("", index=items.index, dtype=object)
    for rule in rules.of_kind("drop"):
        chosen = pd.Series(kinds.selects(rule.then), index=items.index) & (drop == "")
        why: pd.Series
        if rule.condition in ("superseded_server", "merged_directory_controller"):
            found = superseded if rule.condition == "superseded_server" else retiring
            why = items["node"].map(found)
        else:
            why = _application_reasons(items, replaced, dependencies, moving_left=(drop == ""))
        hit = chosen & why.notna()
        drop[hit] = rule.id
        reason[hit] = why[hit]
    left_out = (drop != "").to_numpy()
    dropped = items[left_out].copy()  # positional: an empty frame would adopt drop's index
    dropped["rule"] = drop[left_out].to_numpy()
    dropped["reason_message"] = reason[left_out].to_numpy()
    dropped["reason"] = english(dropped["reason_message"])
    frame = dropped.loc[:, list(DROPPED_COLUMNS)].reset_index(drop=True)
    for column in DROPPED_COLUMNS:
        if column != "reason_message":
            frame[column] = frame[column].astype(float if column in ("hours", "cost") else str)
    return items[~left_out].reset_index(drop=True), typed(DroppedItems, frame)


def _application_reasons(
    items: pd.DataFrame,
    replaced: dict[str, str],
    dependencies: DependencyIndex,
    *,
    moving_left: pd.Series,
) -> pd.Series:
    """Why an application move is dropped (NaN where it stays)."""
    moves = items["action"].isin(["physical_server_migration", "virtual_server_migration"])
    apps = items["action"] == "application_move"
    is_replaced = apps & items["node"].isin(list(replaced))
    # only the applications on a dropped move can stop moving: one walk each, not the graph's
    stopped = set(items.loc[moves & ~moving_left, "node"].tolist())
    candidates = set(dependencies.applications_of_all(stopped)) if stopped else set()
    moving = set(items.loc[moves & moving_left, "node"].tolist())
    idle_nodes = {app for app in candidates if not dependencies.dependencies_of(app) & moving}
    idle = apps & ~is_replaced & items["node"].isin(idle_nodes)
    successor = items["node"].map(replaced)
    why = (
        successor.map(lambda what: Message("gs.drop.replaced", {"what": what}), na_action="ignore")
        .astype(object)
        .where(is_replaced)
    )
    return why.mask(idle, Message("gs.drop.idle"))


def _empty_dropped() -> pd.DataFrame:
    return pd.DataFrame(
        {
            column: pd.Series(
                dtype=float
                if column in ("hours", "cost")
                else object
                if column == "reason_message"
                else str
            )
            for column in DROPPED_COLUMNS
        }
    )


# -- checking an order against the rules ------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """A pair of items in the wrong order for a rule."""

    rule: str
    first: str
    then: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.first} should come before {self.then}"


def rule_violations(
    items: pd.DataFrame, rules: SequencingRules | None = None, order: str = "wave"
) -> list[Violation]:
    """Every rule broken by ``items`` (with ``capability``, ``site`` and ``order``).

    ``before``: the latest ``first`` item of a scope is earlier than the earliest ``then``
    item of it; ``together``: one wave per scope holding both sides; ``drop``: no item the
    rule would drop is left (checked by :func:`drop_superseded`, not here). One violation
    per rule and scope, naming the two items.
    """
    rules = rules or sequencing_rules()
    found: list[Violation] = []
    for rule in rules.rules:
        if rule.kind == "drop":
            continue
        first, then = rule.selects(items, "first"), rule.selects(items, "then")
        keys = scope_keys(items, rule.scope)
        for key, a, b in _scoped_pairs(items, keys, first, then, rule.scope):
            ranks = items[order].astype("int64")
            late_a, early_b = ranks.loc[a].idxmax(), ranks.loc[b].idxmin()
            pair = Violation(
                rule.id, str(items.at[late_a, "item_id"]), str(items.at[early_b, "item_id"])
            )
            if rule.kind == "before" and ranks.loc[a].max() >= ranks.loc[b].min():
                found.append(pair)
            if rule.kind == "together" and items.loc[a | b, order].nunique() > 1 and key:
                found.append(pair)
    return found


def _scoped_pairs(
    items: pd.DataFrame, keys: pd.Series, first: pd.Series, then: pd.Series, scope: Scope
) -> Iterable[tuple[str, pd.Series, pd.Series]]:
    """(key, first mask, then mask) per scope holding both sides; joint items in every one."""
    shared = (
        (items["municipality"] == JOINT)
        if scope == "municipality"
        else pd.Series(False, index=items.index)
    )
    for key in sorted(set(keys[first | then]) - {""}):
        if scope == "municipality" and key == JOINT:
            a, b = first & ~shared, then & shared  # a joint item waits for every municipality
        else:
            here = (keys == key) | shared
            a, b = first & here, then & here
        a, b = a & ~b, b & ~a
        if a.any() and b.any():
            yield key, a, b


# -- work packages, durations, dates --------------------------------------------------------


class PlanPackages(Contract):
    """The plan's work packages in order (``GapReport.plan``)."""

    package: Series[str]
    wave: Series[int] = Checks(ge=1)
    name: Series[str]
    domain: Series[str] = Checks(isin=list(DOMAINS))
    items: Series[int] = Checks(ge=0)
    hours: Series[float] = Checks(ge=0)
    fte: Series[float] = Checks(gt=0)
    weeks: Series[int] = Checks(ge=0)
    start: Series[object]
    end: Series[object]
    depends_on: Series[str]
    waited_for: Series[str]  # the package whose end freed a stream for it ("" if none)
    end_of_life: Series[bool]  # it removes something past its end of life
    risk: Series[int] = Checks(ge=0, le=25)  # the highest risk (risk.py) it removes
    critical: Series[bool]

    class Config:
        strict = True
        ordered = True


PLAN_COLUMNS = tuple(PlanPackages.column_names())


def plan_start(frame: PlanFrame, as_of: dt.date) -> dt.date:
    """The plan's first day: the target's ``plan.start``, else the first Monday after
    ``as_of`` (a Monday ``as_of`` gives the next one)."""
    if frame.start is not None:
        return frame.start
    return as_of + dt.timedelta(days=DAYS_PER_WEEK - as_of.weekday())


def package_weeks(hours: float, fte: float, hours_per_fte_year: float) -> int:
    """Whole weeks ``fte`` people need for ``hours`` at ``hours_per_fte_year`` each.

    >>> package_weeks(3200, 2, 1600)  # one year of two people
    52
    """
    exact = hours * WEEKS_PER_YEAR / (fte * hours_per_fte_year)
    return max(0, math.ceil(round(exact, 6)))


def critical_path(weeks: dict[str, float], edges: Iterable[tuple[str, str]]) -> list[str]:
    """The longest chain of packages by duration (``edges``: before -> after).

    >>> critical_path({"a": 2, "b": 5, "c": 1}, [("a", "b"), ("a", "c")])
    ['a', 'b']
    """
    graph = nx.DiGraph()
    start, end = object(), object()  # private source and sink: every package on some path
    for package, duration in weeks.items():
        graph.add_edge(start, package, weight=0)
        graph.add_edge(package, end, weight=duration)
    for before, after in edges:
        graph.add_edge(before, after, weight=weeks[before])
    path = nx.dag_longest_path(graph, weight="weight")
    return [node for node in path if isinstance(node, str)]


def item_urgency(items: pd.DataFrame, assets: pd.DataFrame, risks: pd.DataFrame) -> pd.DataFrame:
    """What each item removes: ``end_of_life`` (an asset past its end of life) and ``risk``
    (the highest ``GapReport.risks`` score of its asset's gaps, 0 when none).

    An item concerns the asset of its ``node``; client work (no node) the client fleets it
    names (``"gnosjo: Windows 10-22h2"``). A risk row is an asset's when municipality,
    capability, product and version agree (a block row lists several municipalities).
    """
    key = ["municipality", "capability", "product", "cycle"]
    rows = risks.loc[:, [*key, "risk"]].astype({"municipality": str, "cycle": str})
    rows = rows.assign(municipality=rows["municipality"].str.split(";")).explode("municipality")
    highest = rows.groupby(key)["risk"].max()
    facts = assets.loc[:, ["capability", "lifecycle_state", "node"]].assign(
        product=assets["title"].astype(str),
        cycle=assets["cycle"].fillna("").astype(str),
        municipality=assets["municipality"].astype(str),
    )
    # a join on the four columns (a dict lookup per asset row cost seconds nationally)
    joined = facts[key].merge(highest.rename("risk").reset_index(), on=key, how="left")
    facts["risk"] = joined["risk"].to_numpy() if len(facts) else pd.Series(dtype=float)
    facts["risk"] = facts["risk"].fillna(0).astype("int64")
    facts["end_of_life"] = facts["lifecycle_state"] == "end_of_life"
    # client work names its fleet: "<municipality>: <title> <cycle>"
    facts["label"] = facts["municipality"] + ": " + facts["product"] + " " + facts["cycle"]
    facts["node"] = facts["node"].fillna("").astype(str)
    by_node = facts[facts["node"] != ""].groupby("node")[["end_of_life", "risk"]].max()
    by_label = facts[facts["node"] == ""].groupby("label")[["end_of_life", "risk"]].max()
    node = items["node"].fillna("").astype(str)
    on_node = by_node.reindex(node.to_numpy()).reset_index(drop=True)
    on_label = by_label.reindex(items["asset"].astype(str).to_numpy()).reset_index(drop=True)
    found = on_node.astype(float).fillna(on_label.astype(float)).fillna(0.0)
    return pd.DataFrame(
        {
            "end_of_life": found["end_of_life"].astype(bool).to_numpy(),
            "risk": found["risk"].astype("int64").to_numpy(),
        },
        index=items.index,
    )


def package_keys(items: pd.DataFrame) -> pd.Series:
    """The work package of every item: ``"<wave>:<domain>"``."""
    return items["wave"].astype(str) + ":" + items["domain"].astype(str)


def schedule(
    items: pd.DataFrame,
    frame: PlanFrame,
    *,
    as_of: dt.date,
    precedence: Iterable[tuple[str, str]] = (),
    urgency: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Work packages (one per wave and domain) with staff, weeks, dates, critical path.

    ``precedence`` holds (before, after) pairs of package keys (``package_keys``): an item
    of ``after`` waits for one of ``before`` (``waves.plan_order``). A package
    starts on the Monday after everything it depends on has ended, when one of the
    ``parallel_streams`` is free. Of the packages ready at once, the most urgent start
    first (``urgency``, ``item_urgency``): one removing something past its end of life,
    then the higher risk, then the earlier wave; a package inherits the urgency of what
    waits for it (the prerequisites of urgent work are urgent). Each week the team's
    capacity (``team_fte x hours_per_fte_year / 52`` hours) is shared equally among the
    running packages, what one of them cannot use going to the others; a package ends in
    the week its hours are done. Its ``fte`` is the staff it had on average. Packages are
    numbered P01, P02... in order of their start. The critical path runs through the
    dependencies and the streams (a package that waited for a stream follows the one that
    freed it, named in ``waited_for``): its length is the plan's length.
    """
    if items.empty:
        return typed(PlanPackages, _empty_plan())
    order = {domain: rank for rank, domain in enumerate(DOMAINS)}
    urgency = (
        urgency
        if urgency is not None
        else pd.DataFrame({"end_of_life": False, "risk": 0}, index=items.index)
    )
    keyed = items.assign(
        _package=package_keys(items),
        _eol=urgency["end_of_life"].astype(bool),
        _risk=urgency["risk"].astype("int64"),
    )
    # (one reduction per kind, not a named aggregation: the same figures, a third the cost)
    packages = keyed.groupby("_package", sort=False)
    grouped = packages[["wave", "domain"]].first()
    grouped["items"] = packages.size()
    grouped["hours"] = packages["hours"].sum()
    grouped["end_of_life"] = packages["_eol"].any()
    grouped["risk"] = packages["_risk"].max()
    grouped = grouped.reset_index().set_index("_package", drop=False)
    keys = list(grouped.index)
    before: dict[str, set[str]] = {key: set() for key in keys}
    for first, then in precedence:
        if first in before and then in before and first != then:
            before[then].add(first)
    # a package is as urgent as the most urgent package waiting for it, transitively
    waiting = nx.DiGraph()
    waiting.add_nodes_from(keys)
    waiting.add_edges_from((q, p) for p, qs in before.items() for q in qs)
    own = {
        key: (bool(eol), int(risk))
        for key, eol, risk in zip(keys, grouped["end_of_life"], grouped["risk"], strict=True)
    }
    inherited = {
        key: max([own[key], *(own[d] for d in nx.descendants(waiting, key))]) for key in keys
    }
    wave_of = {str(k): int(w) for k, w in zip(keys, grouped["wave"], strict=True)}
    domain_of = {str(k): order[str(d)] for k, d in zip(keys, grouped["domain"], strict=True)}
    priority = sorted(
        keys, key=lambda k: (not inherited[k][0], -inherited[k][1], wave_of[k], domain_of[k])
    )
    hours = dict(zip(keys, grouped["hours"].astype(float), strict=True))
    starts, ends, waited = _simulate(priority, hours, before, frame)
    # numbered by start date (then by priority), so that the numbers run with time
    numbered = sorted(keys, key=lambda k: (starts[k], priority.index(k)))
    name_of = {key: f"P{n:02d}" for n, key in enumerate(numbered, start=1)}
    grouped = grouped.loc[numbered]
    grouped["package"] = [name_of[k] for k in numbered]
    start = plan_start(frame, as_of)
    grouped["weeks"] = [ends[k] - starts[k] for k in numbered]
    weekly = frame.hours_per_fte_year / WEEKS_PER_YEAR
    grouped["fte"] = [
        round(h / (w * weekly), 2) if w else frame.team_fte
        for h, w in zip(grouped["hours"], grouped["weeks"], strict=True)
    ]
    grouped["start"] = [start + dt.timedelta(weeks=starts[k]) for k in numbered]
    grouped["end"] = [start + dt.timedelta(weeks=ends[k]) for k in numbered]
    grouped["depends_on"] = [" ".join(sorted(name_of[q] for q in before[k])) for k in numbered]
    grouped["waited_for"] = [name_of[waited[k]] if k in waited else "" for k in numbered]
    # named by content, numbered within the domain in order of start
    ordinal = grouped.groupby("domain").cumcount() + 1
    several = grouped.groupby("domain")["domain"].transform("size") > 1
    grouped["name"] = grouped["domain"].astype(str) + [
        f" {n}" if many else "" for n, many in zip(ordinal, several, strict=True)
    ]
    edges = [(q, p) for p, qs in before.items() for q in qs]
    edges += [(freed_by, p) for p, freed_by in waited.items()]
    critical = set(critical_path({k: float(ends[k] - starts[k]) for k in keys}, edges))
    grouped["critical"] = [k in critical for k in numbered]
    grouped["wave"] = grouped["wave"].astype("int64")
    grouped["hours"] = grouped["hours"].astype(float).round(1)
    grouped["items"] = grouped["items"].astype("int64")
    grouped["weeks"] = grouped["weeks"].astype("int64")
    grouped["risk"] = grouped["risk"].astype("int64")
    grouped["end_of_life"] = grouped["end_of_life"].astype(bool)
    return typed(PlanPackages, grouped.loc[:, list(PLAN_COLUMNS)].reset_index(drop=True))


def _simulate(
    packages: list[str], hours: dict[str, float], before: dict[str, set[str]], frame: PlanFrame
) -> tuple[dict[str, int], dict[str, int], dict[str, str]]:
    """Start and end week of every package, and for a package that waited for a stream
    the package whose end freed it (its start week is that end)."""
    capacity = frame.team_fte * frame.hours_per_fte_year / WEEKS_PER_YEAR
    left = dict(hours)
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    waited: dict[str, str] = {}
    ended_in: dict[int, str] = {}
    running: list[str] = []
    week = 0
    while len(ends) < len(packages):
        for package in packages:
            if (
                package in starts
                or len(running) >= frame.parallel_streams
                or not before[package] <= ends.keys()
            ):
                continue
            starts[package] = week
            ready = max((ends[p] for p in before[package]), default=0)
            if week > ready and week in ended_in:
                waited[package] = ended_in[week]
            running.append(package)
        if not running:  # nothing can start: a cycle (waves keep precedence acyclic)
            raise ValueError(
                f"work packages wait for each other: {sorted(set(packages) - set(ends))}"
            )
        share = capacity
        for count, package in enumerate(sorted(running, key=lambda p: left[p])):
            used = min(left[package], share / (len(running) - count))
            left[package] -= used
            share -= used
        week += 1
        for package in [p for p in running if left[p] <= 1e-6 * max(1.0, hours[p])]:
            running.remove(package)
            ends[package] = week if hours[package] > 0 else starts[package]
            ended_in[ends[package]] = package
    return starts, ends, waited


def _empty_plan() -> pd.DataFrame:
    types = {
        "wave": "int64",
        "risk": "int64",
        "end_of_life": bool,
        "items": "int64",
        "weeks": "int64",
        "hours": float,
        "fte": float,
        "critical": bool,
        "start": object,
        "end": object,
    }
    return pd.DataFrame(
        {
            column: pd.Series(dtype=types.get(column, str))  # type: ignore[call-overload]
            for column in PLAN_COLUMNS
        }
    )


def plan_weeks(plan: pd.DataFrame) -> int:
    """Weeks from the first package's start to the last one's end (0 without packages)."""
    if plan.empty:
        return 0
    first: dt.date = min(plan["start"])
    last: dt.date = max(plan["end"])
    return (last - first).days // DAYS_PER_WEEK


def rule_table(
    rules: SequencingRules | None = None, ids: Sequence[str] | None = None
) -> pd.DataFrame:
    """The rules as a table (id, kind, scope, sentence, source title and address)."""
    rules = rules or sequencing_rules()
    chosen = [rule for rule in rules.rules if ids is None or rule.id in ids]
    return pd.DataFrame(
        {
            "rule": [r.id for r in chosen],
            "kind": [r.kind for r in chosen],
            "scope": [r.scope for r in chosen],
            "sentence": [" ".join(r.sentence.split()) for r in chosen],
            "source": [" ".join(r.source.title.split()) for r in chosen],
            "url": [r.source.url for r in chosen],
        }
    )
