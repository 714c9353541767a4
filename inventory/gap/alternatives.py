"""Alternatives costed: the gap of several targets (scopes) over one inventory, side by side.

Each alternative is a target file (its ``scope`` says which study areas it runs jointly);
``compare_alternatives`` computes its ``GapReport`` over the same snapshot and date and
lays the figures a board compares in one row each (``AlternativeRow``):

* one-time cost (low / expected / high) and yearly saving, payback year and net present
  value from the report's business case (``GapReport.business_case``);
* effort hours and their labour cost from the items (``total_hours``, ``total_cost``);
* plan duration in months from the dated plan (``GapReport.plan``);
* risk: the number of gaps ranked high (risk score >= ``HIGH_RISK``, consequence x
  exposure on the 5 x 5 scale) and the sum of the ten highest scores
  (``GapReport.risks``);
* readiness of the joint operation (``GapReport.readiness_overall``, the ``all`` row).

Every figure is the alternative's own report's (a test checks it). A figure a report
does not have is empty (never 0) and the table's notes say why. docs/method.md#alternatives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import pandas as pd

from inventory.analyse.normalise import Normaliser
from inventory.errors import NothingStoredError, TargetError, UnknownMunicipalityError
from inventory.forked import InBackground
from inventory.gap.basis import GapBasis, gap_basis
from inventory.gap.contracts import Contract, Field, Series, register_backends, typed
from inventory.gap.plan import plan_weeks, sequencing_rules
from inventory.gap.readiness import ALL
from inventory.gap.result import GapReport, compute_gap, records
from inventory.gap.scope import area_map, expand_areas, scope_label, study_scope
from inventory.messages import Code, Message, MessageList
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import ItCostsFile
from inventory.target.model import TargetArchitecture

if TYPE_CHECKING:
    from inventory.store import InventoryStore

_T = TypeVar("_T")

#: A gap is a high risk from this score (consequence x exposure, 1-25): the red cells of
#: a 5 x 5 risk matrix (e.g. consequence 5 x exposure 3, or 4 x 4).
HIGH_RISK = 15
#: The highest risks whose scores are summed (the report's top list).
TOP_RISKS = 10
WEEKS_PER_MONTH = 52 / 12


class AlternativeRow(Contract):
    """One alternative's figures (``Alternatives.table``)."""

    alternative: Series[str]
    file: Series[str]
    scope: Series[str]
    outside: Series[str]
    currency: Series[str]
    one_time_low: Series[float] = Field(nullable=True)
    one_time_expected: Series[float] = Field(nullable=True)
    one_time_high: Series[float] = Field(nullable=True)
    yearly_saving: Series[float] = Field(nullable=True)
    payback_year: Series[pd.Int64Dtype] = Field(nullable=True, ge=1)
    npv: Series[float] = Field(nullable=True)
    effort_hours: Series[float] = Field(ge=0)
    labour_cost: Series[float] = Field(ge=0)
    plan_months: Series[float] = Field(nullable=True, ge=0)
    high_risks: Series[pd.Int64Dtype] = Field(nullable=True, ge=0)
    risk_top: Series[pd.Int64Dtype] = Field(nullable=True, ge=0)
    readiness_percent: Series[float] = Field(nullable=True, ge=0, le=100)

    class Config:
        strict = True
        ordered = True


ALTERNATIVE_COLUMNS = tuple(AlternativeRow.column_names())


@dataclass
class Alternatives:
    """The alternatives' figures side by side, their reports and what to know about them."""

    table: pd.DataFrame
    reports: list[GapReport]
    notes: list[Message] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "alternatives": records(self.table),
            "notes": [note.to_json() for note in self.notes],
            "high_risk_from": HIGH_RISK,
            "top_risks": TOP_RISKS,
        }


def _plan_months(report: GapReport) -> float:
    """The plan's length (first start to last end, whole weeks as the plan counts them)."""
    return round(plan_weeks(report.plan) / WEEKS_PER_MONTH, 1)


def _risks(report: GapReport) -> tuple[int, int]:
    scores = pd.to_numeric(report.risks["risk"]).sort_values(ascending=False)
    return int((scores >= HIGH_RISK).sum()), int(scores.head(TOP_RISKS).sum())


def _readiness(report: GapReport) -> float | None:
    overall = report.readiness_overall
    if overall.empty or "readiness_percent" not in overall.columns:
        return None  # a report built by hand without readiness
    row = overall[overall["municipality"] == ALL]
    return float(row["readiness_percent"].iloc[0]) if not row.empty else None


def alternative_row(
    report: GapReport, scope: Sequence[str] | None, file: str = ""
) -> dict[str, Any]:
    """The figures of one alternative, read from its own report."""
    joint = expand_areas(scope)
    case = report.business_case
    one_time = case.one_time if case is not None else None
    high, top = _risks(report)
    return {
        "alternative": report.target_name,
        "file": file,
        "scope": scope_label(scope),
        "outside": ", ".join(area for area in expand_areas(None) if area not in joint),
        "currency": report.currency,
        "one_time_low": one_time.low if one_time is not None else None,
        "one_time_expected": one_time.expected if one_time is not None else None,
        "one_time_high": one_time.high if one_time is not None else None,
        "yearly_saving": (
            case.yearly_saving.expected
            if case is not None and case.yearly_saving is not None
            else None
        ),
        "payback_year": case.payback_year if case is not None else None,
        "npv": case.npv.expected if case is not None and case.npv is not None else None,
        "effort_hours": report.total_hours,
        "labour_cost": report.total_cost,
        "plan_months": _plan_months(report),
        "high_risks": high,
        "risk_top": top,
        "readiness_percent": _readiness(report),
    }


def alternatives_table(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Rows of ``alternative_row`` as the typed table (``AlternativeRow``)."""
    frame = pd.DataFrame(list(rows), columns=list(ALTERNATIVE_COLUMNS))
    for column in ("alternative", "file", "scope", "outside", "currency"):
        frame[column] = frame[column].astype(str)
    for column in (
        "one_time_low",
        "one_time_expected",
        "one_time_high",
        "yearly_saving",
        "npv",
        "effort_hours",
        "labour_cost",
        "plan_months",
        "readiness_percent",
    ):
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    for column in ("payback_year", "high_risks", "risk_top"):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    return typed(AlternativeRow, frame)


def _notes(table: pd.DataFrame, reports: Sequence[GapReport]) -> list[Message]:
    """Why figures of the alternatives do not compare (messages shown in the reader's
    language)."""
    notes = []
    if len(set(table["currency"])) > 1:
        notes.append(
            Message(
                "alt.note.currencies", {"currencies": ", ".join(sorted(set(table["currency"])))}
            )
        )
    if len({tuple(report.municipalities) for report in reports}) > 1:
        notes.append(Message("alt.note.municipalities"))
    after: dict[float, set[str]] = {}
    for report, scope in zip(reports, table["scope"], strict=True):
        case = report.business_case
        if case is not None:
            after.setdefault(round(float(case.running_after.expected)), set()).add(scope)
    if any(len(scopes) > 1 for scopes in after.values()):
        notes.append(Message("alt.note.same_running_cost"))
    never = table["payback_year"].isna() & table["yearly_saving"].notna()
    if never.any():
        notes.append(
            Message(
                "alt.note.no_payback",
                {"alternatives": ", ".join(table.loc[never, "alternative"].astype(str))},
            )
        )
    missing = [
        Code("alt_figure", column)
        for column in (
            "one_time_expected",
            "yearly_saving",
            "npv",
            "plan_months",
            "high_risks",
            "readiness_percent",
        )
        if table[column].isna().any()
    ]
    if missing:
        notes.append(
            Message(
                "alt.note.empty_cells",
                {
                    "figures": MessageList(
                        tuple(Message("gs.code", {"code": code}) for code in missing), ", "
                    )
                },
            )
        )
    return notes


def _forked_gap(
    snapshot: InventorySnapshot, target: TargetArchitecture, **options: Any
) -> GapReport:
    """``compute_gap`` as a worker runs it (a name of its own, so tests can replace it)."""
    return compute_gap(snapshot, target, **options)


class GapInBackground(InBackground[GapReport]):
    """``compute_gap`` in a process forked from this one (``inventory.forked``), so that it
    runs on another core while this process goes on; ``result()`` is the report (pickled
    back), the same as ``compute_gap`` here would return. Without ``fork``, or when the
    worker dies or fails, the gap is computed here in ``result()``.

    >>> pending = GapInBackground(snapshot, target, as_of=dt.date(2025, 6, 1))  # doctest: +SKIP
    >>> overlap = compute_overlap(snapshot)  # meanwhile, here  # doctest: +SKIP
    >>> gap = pending.result()  # doctest: +SKIP
    """

    def __init__(
        self, snapshot: InventorySnapshot, target: TargetArchitecture, **options: Any
    ) -> None:
        super().__init__(_forked_gap, snapshot, target, **options)


#: What of a target its gap never reads: only the report's ``target_name`` and the scope's
#: note name the target (``result.compute_gap``, ``scope.Scope.notes``).
_NOT_READ = frozenset({"name", "description", "extends"})


def gap_key(target: TargetArchitecture) -> tuple[str, str]:
    """What the gap of ``target`` reads of it: two targets with the same key have the same
    gap but for the name (``renamed``). Its values and which of them the file set (the
    costs' assumptions tell a value the target set from a default)."""
    return (
        target.model_dump_json(exclude=set(_NOT_READ)),
        target.model_dump_json(exclude=set(_NOT_READ), exclude_unset=True),
    )


def renamed(
    report: GapReport, computed: TargetArchitecture, target: TargetArchitecture
) -> GapReport | None:
    """The gap of ``target`` from ``report``, the gap of ``computed`` (the same ``gap_key``):
    the same tables (shared: pandas copies a table on write), ``target``'s name and scope
    note. None when the report's notes do not start with ``computed``'s scope notes."""
    said, says = study_scope(computed).notes(computed), study_scope(target).notes(target)
    if report.notes[: len(said)] != said:
        return None
    return dataclasses.replace(
        report, target_name=target.name, notes=[*says, *report.notes[len(said) :]]
    )


def compute_gaps(
    snapshot: InventorySnapshot,
    targets: Sequence[TargetArchitecture],
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
    it_costs: ItCostsFile | None = None,
    basis: GapBasis | None = None,
    meanwhile: Callable[[], _T],
    all_forked: bool = False,
) -> tuple[list[GapReport], _T]:
    """The gap of each of ``targets`` over ``snapshot`` (``compute_gap``) on one ``basis``
    (``basis.gap_basis`` of the snapshot, computed here first when not given), and what
    ``meanwhile`` returns.

    The basis is computed before any worker is forked, so every gap reads it and none
    computes it again. With more than one core all gaps but the last run in forked workers
    (``GapInBackground``) while this process runs ``meanwhile`` (say the overlap) and then
    the last gap, the last one too with ``all_forked`` (when ``meanwhile`` is work enough
    for this process) if every gap then has a core of its own; with one core, all run here
    one after the other. Targets that
    differ only in their name (``gap_key``) have their gap computed once (``renamed``).
    """
    normaliser = normaliser or Normaliser.default()
    if basis is None and targets:
        basis = gap_basis(
            snapshot,
            as_of=as_of,
            normaliser=normaliser,
            horizon_months=targets[-1].lifecycle.horizon_months,
            applications=any(target.applications is not None for target in targets),
        )
    options: dict[str, Any] = {
        "as_of": as_of,
        "normaliser": normaliser,
        "it_costs": it_costs,
        "basis": basis,
    }
    # targets that differ only in their name have one gap, computed once (the last one's)
    keys = [gap_key(target) for target in targets]
    last = {key: index for index, key in enumerate(keys)}
    distinct = [targets[index] for index in sorted(last.values())]
    # never more workers than cores beside this one: a gap more would share a core and
    # cost its fork and its report's way back (pickled) for nothing
    cores = os.cpu_count() or 1
    forked = list(distinct if all_forked and cores > len(distinct) else distinct[:-1])
    forked = forked if cores > 1 else []
    if forked:  # what every gap loads on first use, loaded once here: the workers inherit it
        register_backends()
        sequencing_rules()
        area_map()
    background = [GapInBackground(snapshot, target, **options) for target in forked]
    try:
        done = meanwhile()
        here = [compute_gap(snapshot, target, **options) for target in distinct[len(forked) :]]
        computed = [pending.result() for pending in background] + here
    finally:
        for pending in background:
            pending.close()
    by_index = dict(zip(sorted(last.values()), computed, strict=True))
    reports = []
    for target, key in zip(targets, keys, strict=True):
        source, report = targets[last[key]], by_index[last[key]]
        copy = report if source is target else renamed(report, source, target)
        reports.append(copy if copy is not None else compute_gap(snapshot, target, **options))
    return reports, done


def compare_alternatives(
    snapshot: InventorySnapshot,
    targets: Sequence[tuple[str, TargetArchitecture]],
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
    known: Sequence[tuple[TargetArchitecture, GapReport]] = (),
    it_costs: ItCostsFile | None = None,
) -> Alternatives:
    """The gap of each target (``(file, target)``) over ``snapshot``, side by side.

    ``known``: reports already computed (the report's main target), reused for an equal
    target instead of computing its gap again. ``it_costs``: the study's yearly IT cost
    today, the same for every alternative (``compute_gap``).

    Example::

        alternatives = compare_alternatives(snapshot, [("s.yaml", s), ("all.yaml", all_)],
                                            as_of=dt.date.today())
        alternatives.table[["alternative", "one_time_expected", "effort_hours"]]
    """
    found = [
        next((done for model, done in known if model == target), None) for _, target in targets
    ]
    missing = [index for index, report in enumerate(found) if report is None]
    # one basis for all of them, all gaps but the last in forked workers
    computed, _ = compute_gaps(
        snapshot,
        [targets[index][1] for index in missing],
        as_of=as_of,
        normaliser=normaliser,
        it_costs=it_costs,
        meanwhile=lambda: None,
    )
    for index, report in zip(missing, computed, strict=True):
        found[index] = report
    reports = [report for report in found if report is not None]
    rows = [
        alternative_row(report, target.scope, file)
        for (file, target), report in zip(targets, reports, strict=True)
    ]
    table = alternatives_table(rows)
    return Alternatives(table=table, reports=reports, notes=_notes(table, reports))


def compare_stored_alternatives(
    store: InventoryStore,
    targets: Sequence[tuple[str, TargetArchitecture]],
    municipalities: Sequence[str] | None = None,
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
) -> Alternatives:
    """``compare_alternatives`` over the inventory stored in ``store``: of
    ``municipalities``, else of those every target names together (all when one names
    none). ``targets``: ``(file, target)``, a municipality list given narrowing each.

    Checked first, as every analysis of the store is: ``NothingStoredError`` when nothing
    is stored, ``UnknownMunicipalityError`` for a code of ``municipalities`` that is not,
    ``TargetError`` naming the file for a target that names a municipality or datacentre
    that is not stored.
    """
    if municipalities:
        targets = [
            (file, target.model_copy(update={"municipalities": list(municipalities)}))
            for file, target in targets
        ]
    stored = store.municipality_codes()
    UnknownMunicipalityError.check(municipalities or (), stored)
    if not stored:
        raise NothingStoredError()
    for file, target in targets:  # each file's own municipalities and datacentres
        try:
            target.check_stored(stored)
        except TargetError as error:
            problem = error.wording if isinstance(error.wording, Message) else str(error)
            raise TargetError(
                Message("error.alternative.target", {"file": str(file), "problem": problem}),
                hint=error.hint_wording or error.hint,
            ) from error
    named = [target.municipalities for _, target in targets]
    union = list(dict.fromkeys(code for codes in named for code in codes))
    scope = municipalities or (union if all(named) else None)
    snapshot = store.snapshot(list(scope) if scope else None)
    if not snapshot.municipalities:
        raise NothingStoredError()
    return compare_alternatives(snapshot, targets, as_of=as_of, normaliser=normaliser)
