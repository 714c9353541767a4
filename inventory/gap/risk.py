"""Risk-ranked gaps: consequence x exposure, both on a 1-5 scale (docs/method.md#risk).

A *gap* is an asset that the target state does not have as it is: its building block is
changed or eliminated in the gap matrix, or it is past (or within the horizon of) its end
of life. Each gap asset is in exactly one risk row:

* ``asset`` rows: servers, platforms and other single assets, one by one, as each is
  upgraded, moved or replaced on its own (assets of one municipality and block that
  carry the same applications and share their lifecycle and redundancy, such as the
  hosts of one cluster, are one row);
* ``block`` rows: client devices and business applications, by matrix block (a fleet
  and a product are changed as one).

**Consequence** (what stops if the gap turns into an incident) is the highest of three
scores: the criticality of the most critical affected application (none 1, low 2,
medium 3, high 4, critical 5), the number of affected applications (0: 1, 1: 2, 2-4: 3,
5-9: 4, 10 or more: 5) and the number of people affected (users of the largest affected
application, or client devices; 0: 1, 1-99: 2, 100-999: 3, 1,000-9,999: 4, 10,000 or
more: 5). Affected applications are those depending on the asset through the dependency
graph (``DependencyIndex``); an application is itself affected. A network device or a
storage system serves its site (the inventory does not say which traffic or datastore
goes through which one): what depends on the site, and the client devices there.

**Exposure** (how likely it turns into one) adds three factors: lifecycle (in support or
no known end 1, end of life within the target's horizon 2, past end of life 3), single
point of failure (+1: a physical server in no cluster, a host of a one-host cluster, a
virtual server on a single host, when applications depend on it) and no redundant network
path (+1: the asset's site has interconnects and none is redundant, when applications
depend on it). Risk = consequence x exposure (1-25); ties go to the higher consequence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from inventory.analyse.lifecycle_labels import release_texts
from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.gap.dependents import DependencyIndex, short_name
from inventory.gap.eol import EXPOSED_STATES
from inventory.messages import Code, Message, MessageList
from inventory.missing import is_missing
from inventory.snapshot import InventorySnapshot

CRITICALITY_SCORE = {"low": 2, "medium": 3, "high": 4, "critical": 5}
#: (at least, score) for the number of affected applications and of people.
APPLICATION_STEPS = ((10, 5), (5, 4), (2, 3), (1, 2))
PEOPLE_STEPS = ((10_000, 5), (1_000, 4), (100, 3), (1, 2))
LIFECYCLE_SCORE = {"end_of_life": 3, "ending": 2}

SPOF_TEXT = {
    "single_physical_server": "single physical server, no cluster",
    "single_host_cluster": "one-host cluster",
    "single_host": "virtual server on a single host, no cluster",
}
LIST_NAMES = 4  # asset names shown in a row's ``gap`` before "+n more"


class RiskRow(Contract):
    """One ranked gap (``GapReport.risks``)."""

    rank: Series[int] = Field(ge=1)
    kind: Series[str] = Field(isin=["asset", "block"])
    municipality: Series[str]
    domain: Series[str]
    capability: Series[str]
    gap: Series[str]
    product: Series[str]
    cycle: Series[str]
    status: Series[str]
    lifecycle_state: Series[str]
    eol: Series[str]
    assets: Series[int] = Field(ge=1)
    applications: Series[int] = Field(ge=0)
    critical_applications: Series[int] = Field(ge=0)
    people: Series[int] = Field(ge=0)
    criticality_score: Series[int] = Field(ge=1, le=5)
    applications_score: Series[int] = Field(ge=1, le=5)
    people_score: Series[int] = Field(ge=1, le=5)
    consequence: Series[int] = Field(ge=1, le=5)
    lifecycle_score: Series[int] = Field(ge=1, le=3)
    single_point_of_failure: Series[bool]
    no_redundant_path: Series[bool]
    exposure: Series[int] = Field(ge=1, le=5)
    risk: Series[int] = Field(ge=1, le=25)
    reasons: Series[str]
    #: the reasons as messages, for the report's language (``reasons`` is their English)
    reasons_message: Series[object] = Field(nullable=True)
    #: ``gap`` for the report's language ("+3 more" as a message; ``gap`` is its English)
    gap_message: Series[object] = Field(nullable=True)

    class Config:
        strict = True
        ordered = True
        coerce = True  # typed also when empty


RISK_COLUMNS = tuple(RiskRow.column_names())


def step_score(value: float, steps: Sequence[tuple[int, int]]) -> int:
    """The score of ``value`` on a step scale (``APPLICATION_STEPS``, ``PEOPLE_STEPS``)."""
    for at_least, score in steps:
        if value >= at_least:
            return score
    return 1


@dataclass(frozen=True)
class _Affected:
    """The applications a gap reaches, summarised for the consequence score."""

    applications: int
    critical: int
    worst: str  # highest criticality ("" when none)
    users: int  # users of the largest affected application
    names: tuple[str, ...]  # the most critical first

    @property
    def criticality_score(self) -> int:
        return CRITICALITY_SCORE.get(self.worst, 1)


class _ApplicationFacts:
    """Criticality, users and name per application node (one pass over the table)."""

    def __init__(self, snapshot: InventorySnapshot) -> None:
        table = snapshot.table("application")
        nodes = (
            table["municipality"].astype(str) + ":application:" + table["id"].astype(str)
        ).tolist()
        criticality = (
            table["criticality"]
            .astype(object)
            .where(table["criticality"].notna(), "")
            .astype(str)
            .tolist()
        )
        users = pd.to_numeric(table["users"], errors="coerce").fillna(0).astype("int64")
        self.facts = {
            node: (crit, int(count), str(name))
            for node, crit, count, name in zip(
                nodes, criticality, users.tolist(), table["name"].astype(str).tolist(), strict=True
            )
        }
        self._cache: dict[tuple[str, ...], _Affected] = {}

    def affected(self, nodes: tuple[str, ...]) -> _Affected:
        known = self._cache.get(nodes)
        if known is None:
            facts = [self.facts.get(node, ("", 0, short_name(node))) for node in nodes]
            ordered = sorted(facts, key=lambda f: (-CRITICALITY_SCORE.get(f[0], 1), f[2]))
            worst = ordered[0][0] if ordered else ""
            known = _Affected(
                applications=len(nodes),
                critical=sum(f[0] == "critical" for f in facts),
                worst=worst if worst in CRITICALITY_SCORE else "",
                users=max((f[1] for f in facts), default=0),
                names=tuple(f[2] for f in ordered),
            )
            self._cache[nodes] = known
        return known


#: Asset kinds read with their site; network devices and storage serve theirs.
_SITED = ("server", "network_device", "storage")
_CARRY_SITE = ("network_device", "storage")
#: Network roles and storage kinds on the path between the users and the servers of their
#: site: what depends on the site depends on them (an access point, an access switch or a
#: WLAN controller serves the site's client devices; a backup target or a tape library
#: holds copies, not what runs).
SITE_PATH = frozenset({"core_switch", "firewall", "router", "load_balancer", "vpn_gateway", "san"})


def _by_record(table: pd.DataFrame, values: pd.Series) -> dict[tuple[str, str], object]:
    """``values`` (aligned with ``table``) by ``(municipality, id)``; the first of a key."""
    found: dict[tuple[str, str], object] = {}
    codes, ids = table["municipality"].astype(str).tolist(), table["id"].astype(str).tolist()
    keys = zip(codes, ids, strict=True)
    for key, value in zip(keys, values.tolist(), strict=True):
        found.setdefault(key, value)
    return found


def _lookup(assets: pd.DataFrame, found: dict[str, dict[tuple[str, str], object]]) -> pd.Series:
    """Per asset row the value of its record in ``found[kind]`` ("" when its kind is not in
    ``found`` or its record has none): one pass in Python (the frames are small: no index
    built per kind)."""
    kinds = assets["kind"].astype(str).tolist()
    municipalities = assets["municipality"].astype(str).tolist()
    records = assets["record_id"].astype(str).tolist()
    values: list[object] = []
    for kind, municipality, record in zip(kinds, municipalities, records, strict=True):
        value = found[kind].get((municipality, record)) if kind in found else None
        values.append("" if is_missing(value) else str(value))
    return pd.Series(values, index=assets.index, dtype=object)


def _sites(snapshot: InventorySnapshot, assets: pd.DataFrame) -> pd.Series:
    """Per asset row its site as ``code:site`` ("" when it has none or is not sited)."""
    found: dict[str, dict[tuple[str, str], object]] = {}
    for kind in _SITED:
        table = snapshot.table(kind)
        if table.empty or "site" not in table.columns:
            continue
        named = table["site"].notna() & table["site"].astype(str).ne("")
        site = (table["municipality"].astype(str) + ":" + table["site"].astype(str)).where(
            named, ""
        )
        found[kind] = _by_record(table, site)
    return _lookup(assets, found)


def _single_points(snapshot: InventorySnapshot, assets: pd.DataFrame) -> pd.Series:
    """Per asset row its single-point-of-failure kind ("" when none is known): servers."""
    servers = snapshot.table("server")
    if servers.empty:
        return pd.Series("", index=assets.index, dtype=object)
    cluster = servers["municipality"].astype(str) + ":" + servers["cluster"].astype(str)
    has_cluster = servers["cluster"].notna() & servers["cluster"].astype(str).ne("")
    has_host = servers["host"].notna() & servers["host"].astype(str).ne("")
    physical = servers["kind"].astype(str).eq("physical")
    hosts = cluster[has_cluster & physical].value_counts()
    kinds = np.select(
        [
            physical & ~has_cluster & ~has_host,
            has_cluster & cluster.map(hosts).fillna(0).eq(1),  # 0 hosts listed: not known
            ~physical & has_host & ~has_cluster,
        ],
        ["single_physical_server", "single_host_cluster", "single_host"],
        default="",
    )
    return _lookup(assets, {"server": _by_record(servers, pd.Series(kinds, index=servers.index))})


def _site_devices(snapshot: InventorySnapshot) -> dict[str, int]:
    """Client devices per site node (``code:site:key``): who a site's network serves."""
    clients = snapshot.table("client")
    if clients.empty or "site" not in clients.columns:
        return {}
    devices = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1)
    # grouped on the columns, keys made per site (not per client row: millions of them)
    totals = devices.groupby(
        [clients["municipality"], clients["site"]], sort=False, observed=True
    ).sum()
    keys = totals.index.to_frame(index=False).astype(str)
    nodes = keys.iloc[:, 0] + ":site:" + keys.iloc[:, 1]
    return dict(zip(nodes, totals.astype("int64").tolist(), strict=True))


class _Dependents:
    """The applications that depend on each node, found once for all nodes: one walk down
    from each application (a few nodes each) instead of one walk up from each server (a
    host's walk passes every VM of its cluster)."""

    def __init__(self, dependencies: DependencyIndex) -> None:
        self._found = dependencies.application_map()  # one walk, shared with the other tables

    def of(self, node: str) -> tuple[str, ...]:
        """Like ``DependencyIndex.applications``: the applications depending on ``node``."""
        return self._found.get(node, ())

    def of_all(self, nodes: list[str]) -> set[str]:
        """The applications depending on any of ``nodes``."""
        return {app for node in nodes for app in self._found.get(node, ())}


def _site_redundancy(interconnects: pd.DataFrame) -> dict[str, bool]:
    """Per ``code:site`` with interconnects: whether any of them is redundant (one pass in
    Python over the links: a few per municipality)."""
    rows = interconnects[interconnects["link"].astype(str).ne("")]
    found: dict[str, bool] = {}
    for a_site, b_site, redundant in zip(
        rows["a_site"].tolist(), rows["b_site"].tolist(), rows["redundant"].tolist(), strict=True
    ):
        for site in (a_site, b_site):
            if not is_missing(site):  # (a link end without a site is no site's)
                found[str(site)] = found.get(str(site), False) or bool(redundant)
    return found


def gap_risks(
    snapshot: InventorySnapshot,
    assets: pd.DataFrame,
    matrix: pd.DataFrame,
    dependencies: DependencyIndex,
    interconnects: pd.DataFrame,
) -> pd.DataFrame:
    """Every gap ranked by risk (``RiskRow``; module docstring: the method)."""
    status = assets["block_id"].map(matrix.set_index("block_id")["status"])
    exposed = assets["lifecycle_state"].isin(EXPOSED_STATES)
    chosen = (status.ne("included") | exposed).to_numpy()
    # (the status of the chosen rows only: a Series assigned to an empty frame would bring
    # its own index, rows of NaN)
    gaps = assets[chosen].assign(status=status[chosen].to_numpy())
    facts = _ApplicationFacts(snapshot)
    site = _sites(snapshot, gaps)
    redundant = _site_redundancy(interconnects)
    path = site.where(site.map(redundant).eq(False), "")
    # a network device or storage system serves what is at its site
    carries = site.str.replace(":", ":site:", n=1, regex=False).where(
        gaps["kind"].isin(_CARRY_SITE) & site.ne(""), ""
    )
    on_path = gaps["capability"].isin(SITE_PATH).to_numpy()
    gaps = gaps.assign(
        spof=_single_points(snapshot, gaps), path=path, carries=carries, on_path=on_path
    )
    single = ~gaps["kind"].isin(["client", "application"]) & gaps["node"].astype(str).ne("")
    dependents = _Dependents(dependencies)
    rows = [
        *_asset_rows(gaps[single], dependents, facts, _site_devices(snapshot)),
        *_block_rows(gaps[~single], dependents, facts),
    ]
    if not rows:
        return typed(
            RiskRow, pd.DataFrame({name: pd.Series(dtype=_dtype(name)) for name in RISK_COLUMNS})
        )
    table = pd.DataFrame(rows)
    # ties: the higher consequence, then more applications and people affected
    order = ["risk", "consequence", "exposure", "applications", "people", "assets", "gap"]
    table = table.sort_values(order, ascending=[False] * 6 + [True], kind="stable")
    table.insert(0, "rank", np.arange(1, len(table) + 1, dtype="int64"))
    table = table.loc[:, list(RISK_COLUMNS)].reset_index(drop=True)
    for name in RISK_COLUMNS:
        if _dtype(name) == "int64":
            table[name] = table[name].astype("int64")
    return typed(RiskRow, table)


def _dtype(name: str) -> str:
    integer = {
        "rank",
        "assets",
        "applications",
        "critical_applications",
        "people",
        "criticality_score",
        "applications_score",
        "people_score",
        "consequence",
        "lifecycle_score",
        "exposure",
        "risk",
    }
    if name in integer:
        return "int64"
    return "bool" if name in ("single_point_of_failure", "no_redundant_path") else "object"


_FIELDS = (
    "municipality",
    "block_id",
    "kind",
    "node",
    "record_id",
    "domain",
    "capability",
    "title",
    "cycle",
    "status",
    "lifecycle_state",
    "eol",
    "count",
    "spof",
    "path",
    "carries",
    "on_path",
)


def _columns(gaps: pd.DataFrame) -> dict[str, list[Any]]:
    """The fields a row is made of, as plain lists (rows are grouped in Python: a pandas
    group per server costs a thousand times more)."""
    return {
        name: [None if is_missing(value) else value for value in gaps[name].tolist()]
        for name in _FIELDS
    }


def _first(columns: dict[str, list[Any]], at: int) -> dict[str, Any]:
    return {name: values[at] for name, values in columns.items()}


def _asset_rows(
    gaps: pd.DataFrame,
    dependencies: _Dependents,
    facts: _ApplicationFacts,
    site_devices: dict[str, int],
) -> list[dict[str, object]]:
    """One row per single asset; assets alike in everything scored are one row. A network
    device on the site's path (``SITE_PATH``) affects what depends on its site; every
    network device serves the site's client devices."""
    columns = _columns(gaps)
    groups: dict[tuple[Any, ...], list[int]] = {}
    for at, node in enumerate(columns["node"]):
        carries = columns["carries"][at] or ""
        through = carries if carries and columns["on_path"][at] else str(node)
        key = (
            columns["municipality"][at],
            columns["block_id"][at],
            columns["lifecycle_state"][at],
            dependencies.of(through),
            columns["spof"][at],
            columns["path"][at],
            carries,
        )
        groups.setdefault(key, []).append(at)
    rows = []
    for (municipality, _, state, applications, spof, path, carries), members in groups.items():
        first = _first(columns, members[0])
        names = [str(columns["record_id"][at]) for at in members]
        shown: Message | str = ", ".join(names[:LIST_NAMES])
        if len(names) > LIST_NAMES:
            shown = Message("risk.gap.more", {"names": shown, "more": len(names) - LIST_NAMES})
        affected = facts.affected(applications)
        network = columns["kind"][members[0]] == "network_device"
        at_site = site_devices.get(carries, 0) if carries and network else 0
        rows.append(
            _row(
                "asset",
                first,
                Message("risk.gap.asset", {"municipality": str(municipality), "names": shown}),
                str(municipality),
                sum(int(columns["count"][at]) for at in members),
                affected,
                str(state),
                str(spof) if str(spof) in SPOF_TEXT else "",
                str(path or ""),
                people=max(affected.users, at_site),
                site=short_name(carries) if at_site or affected.applications else "",
                site_devices=at_site,
            )
        )
    return rows


def _block_rows(
    gaps: pd.DataFrame, dependencies: _Dependents, facts: _ApplicationFacts
) -> list[dict[str, object]]:
    """One row per matrix block of the gap assets not listed one by one: client devices
    (people = devices) and business applications (each affected itself, with what
    depends on it)."""
    columns = _columns(gaps)
    groups: dict[str, list[int]] = {}
    for at, block in enumerate(columns["block_id"]):
        groups.setdefault(str(block), []).append(at)
    rows = []
    for block in sorted(groups):
        members = groups[block]
        first = _first(columns, members[0])
        kinds = [columns["kind"][at] for at in members]
        applications = [
            str(columns["node"][at])
            for at, kind in zip(members, kinds, strict=True)
            if kind == "application" and columns["node"][at]
        ]
        reached = dependencies.of_all(applications) | set(applications)
        affected = facts.affected(tuple(sorted(reached)))
        devices = sum(
            int(columns["count"][at])
            for at, kind in zip(members, kinds, strict=True)
            if kind == "client"
        )
        states = {columns["lifecycle_state"][at] for at in members}
        worst = next(
            (state for state in ("end_of_life", "ending") if state in states),
            str(first["lifecycle_state"]),
        )
        # a release as people write it ("Windows 11 23H2 (W)"), not the cycle id
        label = release_texts([first["title"]], [first["cycle"] or ""])[0]
        rows.append(
            _row(
                "block",
                first,
                label,
                ";".join(sorted({str(columns["municipality"][at]) for at in members})),
                sum(int(columns["count"][at]) for at in members),
                affected,
                worst,
                "",
                "",
                people=max(affected.users, devices),
                devices=devices,
            )
        )
    return rows


def _row(
    kind: str,
    first: dict[str, Any],
    gap: Message | str,
    municipality: str,
    count: int,
    affected: _Affected,
    state: str,
    spof: str,
    path: str,
    *,
    people: int,
    devices: int = 0,
    site: str = "",
    site_devices: int = 0,
) -> dict[str, object]:
    """A risk row: the scores and their reasons."""
    criticality = affected.criticality_score
    breadth = step_score(affected.applications, APPLICATION_STEPS)
    people_score = step_score(people, PEOPLE_STEPS)
    consequence = max(criticality, breadth, people_score)
    dependents = affected.applications > 0
    single = bool(spof) and dependents
    lonely = bool(path) and dependents
    lifecycle = LIFECYCLE_SCORE.get(state, 1)
    exposure = lifecycle + int(single) + int(lonely)
    eol = "" if first["eol"] is None else str(first["eol"])
    return {
        "kind": kind,
        "municipality": municipality,
        "domain": str(first["domain"]),
        "capability": str(first["capability"]),
        "gap": str(gap),
        "product": str(first["title"]),
        "cycle": str(first["cycle"] or ""),
        "status": str(first["status"]),
        "lifecycle_state": state,
        "eol": eol,
        "assets": count,
        "applications": affected.applications,
        "critical_applications": affected.critical,
        "people": people,
        "criticality_score": criticality,
        "applications_score": breadth,
        "people_score": people_score,
        "consequence": consequence,
        "lifecycle_score": lifecycle,
        "single_point_of_failure": single,
        "no_redundant_path": lonely,
        "exposure": exposure,
        "risk": consequence * exposure,
        "reasons_message": (
            reasons := _reasons(
                affected,
                devices,
                state,
                _eol_date(first["eol"]),
                str(first["status"]),
                spof if single else "",
                path if lonely else "",
                site,
                site_devices,
            )
        ),
        "reasons": str(reasons),
        "gap_message": gap,
    }


def _eol_date(value: object) -> dt.date | str:
    """An end-of-life date as a date (the reader's date format), else its text."""
    if value is None or value != value:  # None or NaN/NaT
        return ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)


def _reasons(
    affected: _Affected,
    devices: int,
    state: str,
    eol: dt.date | str,
    status: str,
    spof: str,
    path: str,
    site: str = "",
    site_devices: int = 0,
) -> MessageList:
    """The short why of a row: what depends on it, then what exposes it (each part a
    message, shown in the report's language; ``str`` is the English text)."""
    parts = [Message("risk.reason.serves_site", {"site": site})] if site else []
    if affected.applications:
        count = (
            Message("risk.reason.one_application")
            if affected.applications == 1
            else Message("risk.reason.applications", {"count": affected.applications})
        )
        names = list(dict.fromkeys(affected.names))  # one name per product
        shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        if affected.critical:
            parts.append(
                Message(
                    "risk.reason.critical",
                    {"count": count, "critical": affected.critical, "names": shown},
                )
            )
        elif affected.worst:
            key = (
                "risk.reason.criticality"
                if affected.applications == 1
                else "risk.reason.highest_criticality"
            )
            parts.append(
                Message(
                    key,
                    {
                        "count": count,
                        "names": shown,
                        "criticality": Code("criticality", affected.worst),
                    },
                )
            )
        else:
            parts.append(Message("risk.reason.named", {"count": count, "names": shown}))
        if affected.users:
            parts.append(Message("risk.reason.users", {"users": affected.users}))
    if devices:
        parts.append(Message("risk.reason.devices", {"count": devices}))
    if site_devices:
        parts.append(Message("risk.reason.site_devices", {"count": site_devices}))
    if state == "end_of_life":
        parts.append(
            Message("risk.reason.past_eol_on", {"eol": eol})
            if eol
            else Message("risk.reason.past_eol")
        )
    elif state == "ending":
        parts.append(
            Message("risk.reason.ending_on", {"eol": eol}) if eol else Message("risk.reason.ending")
        )
    else:
        parts.append(
            Message(
                {
                    "changed": "risk.reason.in_support_upgrade",
                    "eliminated": "risk.reason.in_support_replace",
                }.get(status, "risk.reason.in_support")
            )
        )
    if spof:
        parts.append(Message(f"risk.spof.{spof}"))
    if path:
        parts.append(Message("risk.reason.no_redundant_path", {"path": path}))
    return MessageList(tuple(parts))
