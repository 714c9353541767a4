"""The business case: one-time cost, yearly running cost today and after, saving, payback
and net present value, every line with its quantity, unit and price (docs/method.md#costs).

* One-time = labour (the migration items' hours x ``efforts.hourly_rate``) + investment
  (items' ``buys`` x ``buy_quantity`` at ``target.prices``). A price the target does not
  state and no default covers (a currency the default prices are not in) is a line
  marked not priced, with its quantity: never 0.
* Yearly today and after: ``running`` (the stated IT cost with what it counts; the
  target's ``economics.running`` counted from the inventory).
* Saving = today - after; payback = the first year whose cumulative saving covers the
  one-time cost; NPV = -one-time + sum over years 1..N of saving / (1 + r)^t.

Every total is a range: each line +/- the uncertainty of its kind (labour, investment,
running); a cost stated from the accounts (today) has none.

Example::

    case = business_case(snapshot, target, report.items, it_costs=None)
    case.one_time            # MoneyRange(low, expected, high)
    case.lines               # LINE_COLUMNS, one row per line
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from inventory.gap.assumptions import (
    DEFAULT,
    Value,
    assumptions_table,
    parameter,
    unit_price,
    unstated_licences,
)
from inventory.gap.carried import CARRIED, carry, municipal_counts, with_carried
from inventory.gap.cash_flow import CASH_FLOW_COLUMNS, anniversary, package_spend, timeline
from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.gap.cost_key import cost_shares, key_parties, municipal_outcomes
from inventory.gap.money import ZERO, MoneyRange
from inventory.gap.running import (
    InventoryCounts,
    after_lines,
    cost_line,
    inventory_counts,
    today_costs,
    today_lines,
)
from inventory.gap.scope import study_scope
from inventory.messages import Message, MessageList
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import ItCostsFile
from inventory.target.economics import UncertaintyKind, UnitPrices
from inventory.target.model import TargetArchitecture, UnitEfforts

LINE_COLUMNS = (
    "line_id",
    "phase",
    "kind",
    "item",
    "label",
    "municipality",
    "work_quantity",
    "unit_hours",
    "quantity",
    "unit",
    "unit_price",
    "amount",
    "low",
    "high",
    "priced",
    "source",
    "note",
    "note_message",
)

#: ``carried``: paid today and after alike (``gap.carried``), in neither side of the saving.
PHASES = ("one_time", "today", "after", CARRIED)
#: The business case's tables, beside the gap report's ``TABLE_NAMES``.
TABLE_NAMES = ("cost_lines", "cash_flow", "running_today", "assumptions", "cost_shares")
KINDS = tuple(str(kind) for kind in UncertaintyKind)


class CostLines(Contract):
    """Every line of the business case (``BusinessCase.lines``)."""

    line_id: Series[str]
    phase: Series[str] = Field(isin=list(PHASES))
    kind: Series[str] = Field(isin=list(KINDS))
    item: Series[str]
    label: Series[str]
    municipality: Series[str]
    work_quantity: Series[float] = Field(nullable=True)
    unit_hours: Series[float] = Field(nullable=True)
    quantity: Series[float] = Field(ge=0)
    unit: Series[str]
    unit_price: Series[float] = Field(nullable=True)
    amount: Series[float] = Field(nullable=True)
    low: Series[float] = Field(nullable=True)
    high: Series[float] = Field(nullable=True)
    priced: Series[bool]
    source: Series[str]
    note: Series[str]
    note_message: Series[object]  # ``note`` as messages, for the report's language

    class Config:
        strict = True
        ordered = True


@dataclass
class BusinessCase:
    """The business case of one target (docs/method.md#costs).

    ``lines`` (``LINE_COLUMNS``), ``today`` (``TODAY_COLUMNS``: today's yearly cost per
    municipality and what it counts), ``assumptions`` (``ASSUMPTION_COLUMNS``),
    ``shares`` (``cost_key.SHARE_COLUMNS``: who pays). Totals are ranges over the priced
    lines; ``not_priced`` counts the lines left out of them. ``yearly_saving``,
    ``payback_year`` and ``npv`` are ``None`` when today's cost is not known for every
    municipality. ``payback_year`` is the first year (1, 2, ...) whose cumulative expected
    saving covers the expected one-time cost, beyond the horizon too (``None``: never).
    """

    currency: str
    horizon_years: int
    discount_rate_percent: float
    uncertainty_percent: dict[str, float]
    lines: pd.DataFrame
    today: pd.DataFrame
    assumptions: pd.DataFrame
    shares: pd.DataFrame
    labour: MoneyRange
    investment: MoneyRange
    one_time: MoneyRange
    running_today: MoneyRange | None
    running_after: MoneyRange
    yearly_saving: MoneyRange | None
    payback_year: int | None
    payback_best: int | None
    payback_worst: int | None
    npv: MoneyRange | None
    payback_calendar_year: int | None
    plan_years: float | None
    cash_flow: pd.DataFrame
    not_priced: int
    comparable: bool
    key_name: str
    #: what a reader must know first: sentences as messages (or text, ``str``: English)
    notes: list[str | Message] = field(default_factory=list)
    payback_best_calendar_year: int | None = None
    payback_worst_calendar_year: int | None = None
    #: The target's products with no yearly licence cost stated (``unstated_licences``).
    unstated_licences: list[str] = field(default_factory=list)

    @property
    def licence_note(self) -> str | None:
        """The warning on the products with no yearly licence cost (``None``: none)."""
        return licence_note(self.unstated_licences)

    @property
    def payback_within_horizon(self) -> bool:
        """Whether the cumulative saving covers the one-time cost within the analysed
        years (the plan and ``horizon_years`` of operation after it)."""
        return self.payback_year is not None

    def to_tables(self) -> dict[str, pd.DataFrame]:
        """The business case's tables by name (``TABLE_NAMES``; for CSV, XLSX)."""
        return {
            "cost_lines": self.lines,
            "cash_flow": self.cash_flow,
            "running_today": self.today,
            "assumptions": self.assumptions,
            "cost_shares": self.shares,
        }

    def to_json(self) -> dict[str, Any]:
        from inventory.gap.result import records  # result imports this module

        def optional(value: MoneyRange | None) -> dict[str, float] | None:
            return None if value is None else value.to_json()

        return {
            "currency": self.currency,
            "horizon_years": self.horizon_years,
            "discount_rate_percent": self.discount_rate_percent,
            "uncertainty_percent": self.uncertainty_percent,
            "npv_convention": "years from the plan's start; the one-time cost spent as the"
            " plan's packages run, the saving for horizon_years of operation from the plan's"
            " end; each year's net flow discounted by (1 + r)^t at the end of year t",
            "plan_years": self.plan_years,
            "payback_calendar_year": self.payback_calendar_year,
            "labour": self.labour.to_json(),
            "investment": self.investment.to_json(),
            "one_time": self.one_time.to_json(),
            "running_today": optional(self.running_today),
            "running_after": self.running_after.to_json(),
            "yearly_saving": optional(self.yearly_saving),
            "payback_year": self.payback_year,
            "payback_best": self.payback_best,
            "payback_worst": self.payback_worst,
            "payback_best_calendar_year": self.payback_best_calendar_year,
            "payback_worst_calendar_year": self.payback_worst_calendar_year,
            "unstated_licences": self.unstated_licences,
            "payback_within_horizon": self.payback_within_horizon,
            "npv": optional(self.npv),
            "not_priced": self.not_priced,
            "comparable": self.comparable,
            "cost_key": self.key_name,
            "notes": [n.to_json() if isinstance(n, Message) else n for n in self.notes],
            **{name: records(frame) for name, frame in self.to_tables().items()},
        }


# -- one-time lines ------------------------------------------------------------------------


def labour_lines(items: pd.DataFrame, efforts: UnitEfforts, currency: str) -> list[dict[str, Any]]:
    """One line per action (and unit effort): its hours x the hourly rate."""
    if items.empty:
        return []
    rate = parameter(efforts, "hourly_rate", currency, money=True)
    grouped = (
        items.groupby(["action", "unit_hours"], sort=True)[["quantity", "hours"]]
        .sum()
        .reset_index()
    )
    return [
        cost_line(
            "one_time",
            "labour",
            str(action),
            str(action),
            round(float(hours), 1),
            "hour",
            rate,
            work_quantity=float(quantity),
            unit_hours=float(unit_hours),
        )
        for action, unit_hours, quantity, hours in zip(
            grouped["action"],
            grouped["unit_hours"],
            grouped["quantity"],
            grouped["hours"],
            strict=True,
        )
    ]


def item_investment(items: pd.DataFrame, prices: UnitPrices, currency: str) -> pd.Series:
    """Each item's investment (``buy_quantity`` x the price of ``buys``); NaN when its key
    has no price, 0 when it buys nothing."""
    if "buys" not in items.columns or items.empty:
        return pd.Series(0.0, index=items.index)
    keys = items["buys"].fillna("").astype(str)
    price = {key: unit_price(key, prices, currency)[0].value for key in keys.unique() if key}
    each = keys.map({**price, "": 0.0}).astype(float)  # NaN: a key with no price
    quantity = pd.to_numeric(items["buy_quantity"], errors="coerce").fillna(0.0)
    return each * quantity.where(keys != "", 0.0)


def investment_lines(
    items: pd.DataFrame, prices: UnitPrices, currency: str
) -> list[dict[str, Any]]:
    """One line per price key bought: the quantity x the unit price."""
    if "buys" not in items.columns or items.empty:
        return []
    buying = items[items["buys"].fillna("").astype(str) != ""]
    quantities = (
        pd.to_numeric(buying["buy_quantity"], errors="coerce")
        .fillna(0.0)
        .groupby(buying["buys"].astype(str))
        .sum()
    )
    lines = []
    for key, quantity in sorted(quantities.items()):
        price, unit = unit_price(str(key), prices, currency)
        lines.append(
            cost_line("one_time", "investment", str(key), str(key), float(quantity), unit, price)
        )
    return lines


# -- economics -----------------------------------------------------------------------------


def _with_kept_line(
    lines: pd.DataFrame,
    today: float,
    percent: float,
    currency: str,
    uncertainty: Mapping[str, float],
) -> pd.DataFrame:
    """``lines`` with the yearly cost the municipalities keep for the areas outside the
    joint scope: ``percent`` (the areas' reference shares) of today's IT cost less the
    carried lines within it (``today``; the carried lines are carried in any scope)."""
    row = cost_line(
        "after",
        "running",
        "kept_outside_scope",
        f"areas outside the joint scope: {percent:g} % of today's IT cost",
        percent / 100,
        "share",
        Value(today, DEFAULT, ""),
        note=MessageList(
            (Message("gs.cost.reference_shares"), Message("gs.cost.kept_not_carried"))
        ),
    )
    extra = pd.DataFrame([row], columns=[c for c in LINE_COLUMNS if c != "line_id"])
    extra.insert(0, "line_id", f"L{len(lines) + 1:03d}")
    extra = _ranged(extra, uncertainty)
    for column in (
        "work_quantity",
        "unit_hours",
        "quantity",
        "unit_price",
        "amount",
        "low",
        "high",
    ):
        extra[column] = extra[column].astype(float)
    extra["priced"] = extra["priced"].astype(bool)
    return typed(CostLines, pd.concat([lines, extra.loc[:, list(LINE_COLUMNS)]], ignore_index=True))


def _item_cost(items: pd.DataFrame, target: TargetArchitecture, currency: str) -> pd.Series:
    """Each item's one-time cost: its hours at the hourly rate and its investment."""
    rate = parameter(target.efforts, "hourly_rate", currency, money=True).value or 0.0
    labour = pd.to_numeric(items["hours"], errors="coerce").fillna(0.0) * float(rate)
    total: pd.Series = labour + item_investment(items, target.prices, currency).fillna(0.0)
    return total


def _no_plan(start: dt.date | None) -> pd.DataFrame:
    """No plan: the one-time cost spent in the first year."""
    first = start or dt.date.today()
    return pd.DataFrame({"start": [first], "end": [anniversary(first, 1)], "cost": [1.0]})


def _ranged(lines: pd.DataFrame, uncertainty: Mapping[str, float]) -> pd.DataFrame:
    """Each line's low and high: +/- its kind's uncertainty; today's stated costs exact, and
    so are the lines the same on both sides (carried, today's cost of the areas kept):
    their uncertainty cancels out of the saving."""
    spread = lines["kind"].map(uncertainty).astype(float) / 100
    same = lines["phase"].isin(["today", CARRIED]) | (lines["item"] == "kept_outside_scope")
    spread = spread.where(~same, 0.0)
    lines["low"] = lines["amount"] * (1 - spread)
    lines["high"] = lines["amount"] * (1 + spread)
    return lines


def _sum(lines: pd.DataFrame) -> MoneyRange:
    priced = lines[lines["priced"]]
    if priced.empty:
        return ZERO
    return MoneyRange(
        float(priced["low"].sum()), float(priced["amount"].sum()), float(priced["high"].sum())
    )


def business_case(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    items: pd.DataFrame,
    *,
    it_costs: ItCostsFile | None = None,
    plan: pd.DataFrame | None = None,
    start: dt.date | None = None,
    removed_servers: Collection[str] = (),
) -> BusinessCase:
    """The business case of ``target`` over the migration ``items`` (``effort.ITEM_COLUMNS``
    with ``buys`` and ``buy_quantity``); ``it_costs`` is the study's it-costs.yaml.

    ``plan`` (``GapReport.plan``, items with their ``wave``) and its ``start`` put the
    cost and the saving on the plan's timeline (``cash_flow``); without them the whole
    one-time cost falls in year 1 and the saving starts at its end (a plan of no length).
    ``removed_servers`` (``code:id``): the hosts the plan retires and the servers it
    switches off instead of moving them; the yearly cost after the merger counts none of
    them (no renewal, energy or per-server licence).
    """
    currency = target.currency
    economics = target.economics
    uncertainty = {str(kind): float(value) for kind, value in economics.uncertainty_percent.items()}
    counts = inventory_counts(snapshot, target, removed_servers)
    running = carry(
        after_lines(counts, target),
        counts,
        municipal_counts(snapshot, counts, removed_servers),
        target,
    )
    today = with_carried(today_costs(counts, target, it_costs), running)
    rows = (
        labour_lines(items, target.efforts, currency)
        + investment_lines(items, target.prices, currency)
        + today_lines(today)
        + running
    )
    frame = pd.DataFrame(rows, columns=[c for c in LINE_COLUMNS if c != "line_id"])
    frame.insert(0, "line_id", [f"L{n:03d}" for n in range(1, len(frame) + 1)])
    frame = _ranged(frame, uncertainty)
    for column in (
        "work_quantity",
        "unit_hours",
        "quantity",
        "unit_price",
        "amount",
        "low",
        "high",
    ):
        frame[column] = frame[column].astype(float)
    frame["priced"] = frame["priced"].astype(bool)
    lines = typed(CostLines, frame.loc[:, list(LINE_COLUMNS)])
    phase = lines["phase"]
    labour = _sum(lines[(phase == "one_time") & (lines["kind"] == "labour")])
    investment = _sum(lines[(phase == "one_time") & (lines["kind"] == "investment")])
    one_time = labour + investment
    today_known = bool(today["it_cost"].notna().all()) and not today.empty
    running_today = MoneyRange.exact(float(today["it_cost"].sum())) if today_known else None
    kept = study_scope(target).kept_share_percent()
    if kept > 0 and running_today is not None:
        # the areas each municipality keeps go on costing what they cost today (less the
        # carried lines, which stay in any scope)
        lines = _with_kept_line(
            lines, float(today["not_carried"].sum()), kept, currency, uncertainty
        )
        phase = lines["phase"]
    # the carried lines within today's stated cost are on both sides; those outside it
    # (paid by the departments, by its definition) on neither
    carried_in = MoneyRange.exact(float(today["carried_in_cost"].sum()))
    after = _sum(lines[phase == "after"]) + carried_in
    saving = running_today - after if running_today is not None else None
    unstated = unstated_licences(target)
    notes = _notes(lines, today, counts, today_known)
    spend = (
        package_spend(plan, items, _item_cost(items, target, currency))
        if plan is not None and "wave" in items.columns
        else _no_plan(start)
    )
    flow = (
        timeline(
            spend,
            start or dt.date.today(),
            one_time,
            saving,
            horizon_years=economics.horizon_years,
            rate_percent=economics.discount_rate_percent,
        )
        if saving is not None
        else None
    )
    # the joint lines are shared by the key; each municipality keeps its carried lines
    joint_after = _sum(lines[(phase == "after") & (lines["item"] != "kept_outside_scope")])
    carried_own = dict(zip(today["municipality"], today["carried_in_cost"], strict=True))
    shares, share_notes = cost_shares(
        key_parties(counts.table, counts.devices_by_municipality, it_costs),
        target.cost_key,
        items=items,
        hourly_rate=parameter(target.efforts, "hourly_rate", currency, money=True).value,
        investment=item_investment(items, target.prices, currency),
        one_time=one_time.expected,
        yearly_after=joint_after.expected,
        today=dict(zip(today["municipality"], today["it_cost"], strict=True)),
        kept_percent=kept if running_today is not None else 0.0,
        carried=carried_own,
    )
    if flow is not None:
        # each municipality's own payback and NPV: the joint part shared by the key
        shares = municipal_outcomes(
            shares,
            spend,
            start or dt.date.today(),
            one_time=one_time,
            joint_after=joint_after,
            carried=carried_own,
            kept_percent=kept,
            running_uncertainty=0.0,
            horizon_years=economics.horizon_years,
            rate_percent=economics.discount_rate_percent,
        )
    return BusinessCase(
        currency=currency,
        horizon_years=economics.horizon_years,
        discount_rate_percent=economics.discount_rate_percent,
        uncertainty_percent=uncertainty,
        lines=lines,
        today=today,
        assumptions=assumptions_table(target, counts.measure("it_staff_fte")[0]),
        shares=shares,
        labour=labour,
        investment=investment,
        one_time=one_time,
        running_today=running_today,
        running_after=after,
        yearly_saving=saving,
        payback_year=None if flow is None else flow.payback_year,
        payback_best=None if flow is None else flow.payback_best,
        payback_worst=None if flow is None else flow.payback_worst,
        npv=None if flow is None else flow.npv,
        payback_calendar_year=None if flow is None else flow.calendar_year(flow.payback_year),
        plan_years=None if flow is None else round(flow.plan_years, 2),
        cash_flow=pd.DataFrame(columns=list(CASH_FLOW_COLUMNS)) if flow is None else flow.table,
        not_priced=int((~lines["priced"]).sum()),
        comparable=bool((today["comparable"] == "yes").all()),
        key_name=target.cost_key.name,
        notes=[*notes, *share_notes, *_licence_notes(unstated)],
        payback_best_calendar_year=None if flow is None else flow.calendar_year(flow.payback_best),
        payback_worst_calendar_year=None
        if flow is None
        else flow.calendar_year(flow.payback_worst),
        unstated_licences=unstated,
    )


def licence_note(unstated: list[str]) -> str | None:
    """The warning on the products with no yearly licence cost (``None``: none)."""
    if not unstated:
        return None
    return (
        "No yearly licence cost stated for: "
        + ", ".join(unstated)
        + ". The cost after leaves them out, so the saving is overstated by their"
        " licences (economics.running.lines)."
    )


def _licence_notes(unstated: list[str]) -> list[str]:
    note = licence_note(unstated)
    return [] if note is None else [note]


def _notes(
    lines: pd.DataFrame, today: pd.DataFrame, counts: InventoryCounts, today_known: bool
) -> list[str | Message]:
    """What a reader must know before trusting the totals (nothing left out silently)."""
    notes: list[str | Message] = []
    unpriced = lines[~lines["priced"]]
    for row in unpriced.itertuples(index=False):
        notes.append(
            f"Not priced: {row.label} ({row.quantity:,.1f} {row.unit}); {row.note}."
            " The totals leave it out."
        )
    if not today_known:
        missing = today.loc[today["it_cost"].isna(), "municipality"].tolist()
        notes.append(
            "Today's IT cost is not known for "
            + (", ".join(missing) or "any")
            + ": no yearly saving, payback or NPV."
        )
    differing = today[today["comparable"] != "yes"]
    for name, definition, source, note in zip(
        differing["name"],
        differing["definition"],
        differing["source"],
        differing["note_message"],
        strict=True,
    ):
        notes.append(
            Message(
                "gs.today.not_like_with_like",
                {"name": str(name), "definition": str(definition or source), "note": note},
            )
        )
    if len(set(today.loc[today["definition"] != "", "definition"])) > 1:
        notes.append(
            Message(
                "gs.today.differently",
                {"definitions": ", ".join(sorted(set(today["definition"]) - {""}))},
            )
        )
    if counts.links and counts.links_with_cost < counts.links:
        notes.append(
            Message(
                "gs.today.links_without_cost",
                {"without": counts.links - counts.links_with_cost, "links": counts.links},
            )
        )
    return notes
