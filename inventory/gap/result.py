"""The harmonisation gap report: ``compute_gap`` and its result, ``GapReport``.

Example::

    snapshot = InventoryStore(url).snapshot()
    target, issues = load_target(Path("samples/target.yaml"))
    report = compute_gap(snapshot, target, as_of=dt.date.today())
    report.to_tables()["matrix"]     # one DataFrame per table, for CSV/XLSX/HTML
    report.to_json()                 # everything, JSON-ready
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from inventory.analyse.graph import InventoryGraph
from inventory.analyse.normalise import Normaliser
from inventory.echo import shorten, visible
from inventory.errors import NothingStoredError, TargetError
from inventory.gap.basis import GapBasis, gap_basis
from inventory.gap.blocks import (
    DOMAINS,
    baseline_blocks,
    block_assets,
    gap_matrix,
    target_blocks,
)
from inventory.gap.capacity import (
    CapacityVerdict,
    ComputeVerdict,
    compute_capacity,
    site_capacity,
)
from inventory.gap.consolidation import consolidate, off_joint_instance, retired_host_keys
from inventory.gap.contracts import checked, checked_report
from inventory.gap.costs import BusinessCase, business_case
from inventory.gap.effort import migration_items
from inventory.gap.eol import eol_exposure
from inventory.gap.eol_plan import eol_plan, eol_plan_notes
from inventory.gap.hardware import hardware_replacements
from inventory.gap.interconnect import interconnect_gaps
from inventory.gap.plan import drop_superseded, item_attributes, item_urgency, plan_start, schedule
from inventory.gap.readiness import readiness
from inventory.gap.risk import gap_risks
from inventory.gap.scope import study_scope
from inventory.gap.security import security_gaps
from inventory.gap.sla import sla_gaps
from inventory.gap.target_check import plan_end, target_lifecycle, target_notes
from inventory.gap.waves import plan_order, wave_table
from inventory.messages import Message, MessageList
from inventory.missing import is_missing
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import ItCostsFile
from inventory.target.model import TargetArchitecture

#: The tables of a report, in the order reports show them.
TABLE_NAMES = (
    "readiness_overall",
    "readiness_domains",
    "readiness",
    "matrix",
    "target_blocks",
    "eol",
    "security",
    "capacity",
    "interconnects",
    "sla",
    "effort",
    "items",
    "waves",
    "risks",
    "plan",
    "dropped",
    "consolidation",
    "compute",
    "target_lifecycle",
)


@dataclass
class GapReport:
    """What must change in each municipality to reach the target, what it costs, in what order.

    Parts (each table a ``pandas.DataFrame``; column lists in the named modules):

    * ``target_name``, ``as_of``, ``horizon_months``, ``currency``, ``hourly_rate``,
      ``municipalities``: the frame of the analysis.
    * ``matrix`` (``blocks.BLOCK_COLUMNS``): the TOGAF gap matrix, one row per baseline
      building block (capability, canonical product, cycle; municipalities; asset count)
      with ``status`` included / changed / eliminated, ``reason`` and the target block.
    * ``target_blocks``: one row per target building block, ``status`` ``new`` when its
      product runs nowhere today (no baseline block included in it or upgraded onto it),
      else ``present``; ``blocks.matrix_rows`` shows the new ones as rows of the matrix.
    * ``block_assets``: assets per baseline block and municipality (the matrix counts all).
    * ``readiness`` (``readiness.CapabilityReadiness``): per municipality and capability,
      the share of assets ready (included block, not at or near end of life, on the joint
      instance); ``readiness_domains`` (``DomainReadiness``): the mean over a domain's
      capabilities; ``readiness_overall`` (``OverallReadiness``): the mean over domains.
      Both have ``all`` rows (the municipalities together). docs/method.md#readiness.
    * ``eol`` (``eol.EOL_COLUMNS``): end-of-life exposure with dependent applications.
    * ``security`` (``security.SECURITY_COLUMNS``): today's level vs the baseline.
    * ``capacity`` (``capacity.SITE_COLUMNS``) and ``capacity_verdict``
      (``CapacityVerdict``): hallplanering.
    * ``interconnects`` (``interconnect.INTERCONNECT_COLUMNS``).
    * ``sla`` (``sla.SLA_COLUMNS``): applications missing their SLA's redundancy.
    * ``items`` (``effort.ITEM_COLUMNS`` + ``wave``): every migration item with hours, cost.
    * ``effort``: hours and cost per municipality and domain (a ``total`` row per
      municipality is not included; sum it).
    * ``waves`` (``waves.WAVE_COLUMNS``): the migration waves in order.
    * ``consolidation`` (``consolidation.ConsolidationTable``): per capability and target
      product, the instances today and in the target, the one kept, those merging and
      the hours and cost of merging them; ``compute`` (``capacity.COMPUTE_COLUMNS``) and
      ``compute_verdict``: vCPU, RAM and datastore of the VMs that move onto the target
      clusters. docs/method.md#consolidation.
    * ``plan`` (``plan.PlanPackages``): work packages (wave x domain) with staff, weeks,
      start and end dates from ``plan_start``, dependencies and the critical path;
      ``dropped`` (``plan.DroppedItems``): items the sequencing rules remove (what is
      being replaced is not moved or upgraded first). docs/method.md#plan.
    * ``scope`` (``scope.SCOPE_COLUMNS``): the study areas, ``joint`` or each
      municipality's own; areas outside are in no other table (docs/method.md#alternatives).
    * ``risks`` (``risk.RiskRow``): every gap ranked by consequence x exposure
      (docs/method.md#risk).
    """

    target_name: str
    as_of: dt.date
    horizon_months: int
    currency: str
    hourly_rate: float
    municipalities: list[str]
    matrix: pd.DataFrame
    target_blocks: pd.DataFrame
    readiness: pd.DataFrame
    eol: pd.DataFrame
    security: pd.DataFrame
    capacity: pd.DataFrame
    capacity_verdict: CapacityVerdict
    interconnects: pd.DataFrame
    sla: pd.DataFrame
    items: pd.DataFrame
    effort: pd.DataFrame
    waves: pd.DataFrame
    #: what the analysis could not do or assumed, as messages (``str``: the English text)
    notes: list[Message | MessageList] = field(default_factory=list)
    consolidation: pd.DataFrame = field(default_factory=pd.DataFrame)
    compute: pd.DataFrame = field(default_factory=pd.DataFrame)
    compute_verdict: ComputeVerdict | None = None
    plan: pd.DataFrame = field(default_factory=pd.DataFrame)
    plan_start: dt.date | None = None
    dropped: pd.DataFrame = field(default_factory=pd.DataFrame)
    readiness_domains: pd.DataFrame = field(default_factory=pd.DataFrame)
    readiness_overall: pd.DataFrame = field(default_factory=pd.DataFrame)
    risks: pd.DataFrame = field(default_factory=pd.DataFrame)
    scope: pd.DataFrame = field(default_factory=pd.DataFrame)
    business_case: BusinessCase | None = None
    #: the target's own minimum releases against the catalogue at the report date and the
    #: plan's end (``target_check.TARGET_LIFECYCLE_COLUMNS``, docs/method.md#end-of-life)
    target_lifecycle: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: assets per baseline block and municipality (``blocks.block_assets``): diagrams of
    #: one municipality count its own
    block_assets: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: every asset past or near its end of life with the item that removes it, the rule
    #: that dropped its work, or the decision needed (``eol_plan.EOL_PLAN_COLUMNS``)
    eol_plan: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def total_hours(self) -> float:
        return round(float(self.items["hours"].sum()), 1) if not self.items.empty else 0.0

    @property
    def total_cost(self) -> float:
        return round(float(self.items["cost"].sum()), 0) if not self.items.empty else 0.0

    def to_tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (``TABLE_NAMES``), for CSV, XLSX and HTML rendering."""
        tables = {name: getattr(self, name) for name in TABLE_NAMES}
        if self.business_case is not None:
            tables.update(self.business_case.to_tables())
        return tables

    def to_json(self) -> dict[str, Any]:
        """The whole report as JSON-ready data (tables as lists of records)."""
        return {
            "target": self.target_name,
            "as_of": self.as_of.isoformat(),
            "horizon_months": self.horizon_months,
            "currency": self.currency,
            "hourly_rate": self.hourly_rate,
            "municipalities": self.municipalities,
            "total_hours": self.total_hours,
            "total_cost": self.total_cost,
            "capacity_verdict": self.capacity_verdict.to_json(),
            "notes": [note.to_json() for note in self.notes],
            "compute_verdict": (
                self.compute_verdict.to_json() if self.compute_verdict is not None else None
            ),
            "plan_start": _plain(self.plan_start),
            "scope": records(self.scope),
            "business_case": (
                self.business_case.to_json() if self.business_case is not None else None
            ),
            **{name: records(frame) for name, frame in self.to_tables().items()},
        }


def _plain(value: Any) -> Any:
    if is_missing(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    if isinstance(value, Message | MessageList):  # the English text, its key, parameters
        return value.to_json()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A frame as a list of JSON-ready dicts (missing values as ``None``, dates ISO)."""
    columns = list(frame.columns)
    return [
        {column: _plain(value) for column, value in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def target_scope(snapshot: InventorySnapshot, target: TargetArchitecture) -> InventorySnapshot:
    """The part of ``snapshot`` that ``target`` is about: the municipalities it names, all
    when it names none.

    Raises ``NothingStoredError`` when the snapshot holds no municipality and
    ``TargetError`` when the target names one the snapshot does not hold (never a report
    on fewer municipalities than the target lists).
    """
    if not snapshot.municipalities:
        raise NothingStoredError()
    _check_datacentres(snapshot, target)
    if not target.municipalities:
        return snapshot
    target.check_stored(snapshot.municipalities, datacentres=False)
    return snapshot.only(target.municipalities)


def _check_datacentres(snapshot: InventorySnapshot, target: TargetArchitecture) -> None:
    """``TargetError`` for a target datacentre that is not a stored site of its municipality
    (when the snapshot holds that municipality): its capacity would silently read as none."""
    if target.datacentres is None:
        return
    sites = snapshot.table("site")
    for role, site in (
        ("primary", target.datacentres.primary),
        ("secondary", target.datacentres.secondary),
    ):
        code, _, key = (site or "").partition(":")
        if site is None or code not in snapshot.municipalities:
            continue
        keys = sorted(str(k) for k in sites.loc[sites["municipality"] == code, "id"])
        if key not in keys:
            listed = shorten(", ".join(keys), 300)
            raise TargetError(
                Message(
                    "error.target.site",
                    {"role": role, "site": visible(shorten(site, 80)), "code": code},
                ),
                hint=Message(
                    "error.target.site.hint",
                    {"code": code, "sites": listed or Message("error.target.site.none")},
                ),
            )


def _own(snapshot: InventorySnapshot) -> InventorySnapshot:
    """``snapshot`` with tables of its own (shallow copies: nothing is copied until one
    of them is changed), so that a gap cannot change another's."""
    return InventorySnapshot(
        tables={kind: frame.copy(deep=False) for kind, frame in snapshot.tables.items()},
        references=snapshot.references.copy(deep=False),
    )


def compute_gap(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
    graph: InventoryGraph | None = None,
    it_costs: ItCostsFile | None = None,
    basis: GapBasis | None = None,
) -> GapReport:
    """The gap between the inventories in ``snapshot`` and ``target`` as of ``as_of``.

    Only the target's ``municipalities`` are analysed when it names any (see
    ``target_scope`` for the errors when the snapshot lacks them). Business
    applications join the matrix (domain ``applications``) when the target has an
    ``applications`` section.

    ``basis``: what the gap reads of ``snapshot`` whatever the target (``basis.gap_basis``
    of this snapshot, normaliser and date), shared by the gaps of several targets; used
    when it is this gap's (same snapshot object, normaliser, date and lifecycle horizon,
    and the target names all its municipalities or none), else computed here.
    """
    normaliser = normaliser or Normaliser.default()
    scoped = target_scope(snapshot, target)
    # areas outside the target's scope stay with each municipality: out of the joint gap
    scope, chosen = study_scope(target), target
    target = scope.restrict(chosen)
    horizon = target.lifecycle.horizon_months
    with_applications = target.applications is not None
    if (
        basis is None
        or not basis.serves(snapshot, normaliser, as_of, horizon, chosen.municipalities)
        or (graph is not None and graph is not basis.graph)
        or (with_applications and basis.applications is None)
    ):
        basis = gap_basis(
            scoped,
            as_of=as_of,
            normaliser=normaliser,
            horizon_months=horizon,
            graph=graph,
            applications=with_applications,
        )
    # the basis's frames are shared with other gaps: this one reads copies (copy on write)
    snapshot = _own(basis.snapshot)
    dependencies = basis.dependencies
    # Client rows folded into fleets: every table below sums or counts them.
    assets = basis.assets.copy(deep=False)
    functions = None
    if with_applications and basis.applications is not None:
        functions = basis.functions
        assets = basis.every_asset()
    assets = scope.assets(assets)
    # the same clients folded on the columns the tables below sum them by (counts alike)
    counted = _own(basis.counted)
    targets = target_blocks(target, normaliser)
    matrix, target_table = gap_matrix(baseline_blocks(assets), targets, normaliser, functions)
    capacity, verdict = site_capacity(snapshot, target, dependencies, as_of)
    capacity = checked("capacity", capacity)  # typed where produced, also when empty
    server_site = basis.server_site.copy(deep=False)  # (three stages place servers at their site)
    # a host the plan retires is registered with and monitored by no joint platform
    retired = retired_host_keys(snapshot, target, capacity, server_site, as_of)
    consolidation = consolidate(counted, target, assets, matrix, targets, normaliser, retired)
    interconnects = checked("interconnects", interconnect_gaps(snapshot, target, dependencies))
    # an instance merging into the joint one is not ready, on the target product or not
    ready = readiness(
        assets,
        matrix,
        municipalities=snapshot.municipalities,
        target_capabilities=[block.capability for block in targets],
        off_joint=(off_joint := off_joint_instance(assets, consolidation)),
    )
    # hardware past or near its end of life: its items and what could not be told, at once
    hardware, hardware_said = hardware_replacements(
        counted, target, assets, set(capacity.loc[capacity["role"] == "evacuate", "site"]), as_of
    )
    items = migration_items(
        counted,
        target,
        assets,
        matrix,
        targets,
        interconnects,
        capacity,
        dependencies,
        normaliser,
        consolidation,
        as_of=as_of,
        server_site=server_site,
        hardware=hardware,
    )
    items = scope.items(items)
    # what is being replaced is not moved or upgraded first: dropped before it is costed
    items, dropped = drop_superseded(items, assets, matrix, dependencies, off_joint=off_joint)
    # what moves onto the target clusters: not what is switched off instead of moved
    switched_off = set(dropped.loc[dropped["action"].str.endswith("_server_migration"), "asset"])
    compute, compute_verdict = compute_capacity(snapshot, target, server_site, as_of, switched_off)
    attributes = item_attributes(items, assets, snapshot, server_site)
    order = plan_order(items, dependencies, attributes)
    items["wave"] = order.waves
    effort = (
        items.groupby(["municipality", "domain"], sort=True)[["hours", "cost"]].sum().reset_index()
    )
    effort["domain"] = pd.Categorical(effort["domain"], categories=list(DOMAINS))
    effort = effort.sort_values(["municipality", "domain"]).reset_index(drop=True)
    effort["domain"] = effort["domain"].astype(str)
    notes: list[Message | MessageList] = [*scope.notes(chosen)]
    notes += [Message("gs.note.unmet_rule", {"rule": rule}) for rule in order.unmet]
    if chosen.datacentres is None:
        notes.append(Message("gs.note.no_datacentres"))
    if chosen.applications is None:
        notes.append(Message("gs.note.no_applications"))
    # every asset past or near its end of life: the item that removes it, or a decision
    eol_table = eol_plan(assets, matrix, items, dropped)
    notes += eol_plan_notes(eol_table)
    notes += hardware_said
    # past end of life and higher risk first, as far as precedence allows
    risks = gap_risks(counted, assets, matrix, dependencies, interconnects)
    plan = schedule(
        items,
        target.plan,
        as_of=as_of,
        precedence=order.precedence,
        urgency=item_urgency(items, assets, risks),
    )
    # the target's own releases must outlast the plan, or every upgrade buys months
    own = target_lifecycle(
        targets, normaliser, as_of=as_of, end=plan_end(plan, as_of), horizon_months=horizon
    )
    notes += target_notes(own, horizon)
    # every table checked against its contract (gap.contracts), typed also when empty
    return checked_report(
        GapReport(
            consolidation=consolidation.table,
            compute=compute,
            compute_verdict=compute_verdict,
            target_name=target.name,
            as_of=as_of,
            horizon_months=horizon,
            currency=target.currency,
            hourly_rate=target.efforts.hourly_rate,
            municipalities=snapshot.municipalities,
            matrix=matrix,
            target_blocks=target_table,
            readiness=ready.capabilities,
            readiness_domains=ready.domains,
            readiness_overall=ready.overall,
            eol=eol_exposure(assets, dependencies),
            security=security_gaps(counted, target),
            capacity=capacity,
            capacity_verdict=verdict,
            interconnects=interconnects,
            sla=sla_gaps(snapshot, target, dependencies),
            items=items,
            effort=effort,
            waves=wave_table(items),
            plan=plan,
            plan_start=plan_start(target.plan, as_of),
            dropped=dropped,
            notes=notes,
            scope=scope.table(),
            target_lifecycle=own,
            block_assets=block_assets(assets),
            risks=risks,
            eol_plan=eol_table,
            business_case=business_case(
                counted,
                target,
                items,
                it_costs=it_costs,
                plan=plan,
                start=plan_start(target.plan, as_of),
                # what the plan retires or switches off costs nothing after the merger
                removed_servers=retired | switched_off,
            ),
        )
    )
