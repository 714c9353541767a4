"""Who pays: the target's cost key applied to the joint one-time and yearly costs, next to
where the work lands (docs/method.md#cost-key).

The key (``target.cost_key``, e.g. 50 % equal, 50 % by population, the Melhus / Midtre
Gauldal key) divides the whole one-time cost of the merger and the yearly cost of the
joint operation; the arithmetic is the study's (``inventory.study.allocation``: exact
fractions, largest remainder to whole kronor, so the parts add up to the total).

Beside it, "where the work lands": the hours and cost of the migration items of each
municipality, plus its key share of the items done once for the joint operation
(municipality ``joint``). A municipality that gives up most systems carries most work;
under the key it pays its agreed share. Both views per inhabitant.

What each municipality gains or loses: its yearly cost after (its key share of the joint
operation's yearly cost, plus what it keeps paying itself for the areas outside the joint
scope) against its own cost today, the yearly change (positive: it pays more than today),
and its own payback and NPV: its key share of the one-time cost spent on the plan's
timeline against its own saving (``municipal_outcomes``, ``cash_flow.timeline``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pandas as pd

from inventory.gap.cash_flow import timeline
from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.gap.money import MoneyRange
from inventory.study.allocation import (
    AllocationError,
    AllocationKey,
    Basis,
    KeyComponent,
    Party,
    allocate,
    exact_shares,
)
from inventory.study.inputs import ItCostsFile
from inventory.target.economics import CostKey

#: The ``municipality`` of the items done once for the joint operation.
JOINT = "joint"

SHARE_COLUMNS = (
    "municipality",
    "name",
    "population",
    "share",
    "one_time_by_key",
    "one_time_by_key_per_inhabitant",
    "work_hours",
    "work_cost",
    "joint_share",
    "work_and_joint",
    "work_per_inhabitant",
    "yearly_by_key",
    "yearly_by_key_per_inhabitant",
    "today_yearly",
    "today_per_inhabitant",
    "yearly_change",
    "yearly_change_percent",
    "payback_year",
    "payback_calendar_year",
    "npv",
    "npv_low",
    "npv_high",
    "measures_from",
)


class CostShares(Contract):
    """One row per municipality, then the ``joint`` row (its work: shared by the key)."""

    municipality: Series[str]
    name: Series[str]
    population: Series[float] = Field(nullable=True, ge=0)
    share: Series[float] = Field(nullable=True, ge=0, le=1)
    one_time_by_key: Series[float] = Field(nullable=True)
    one_time_by_key_per_inhabitant: Series[float] = Field(nullable=True)
    work_hours: Series[float] = Field(ge=0)
    work_cost: Series[float] = Field(nullable=True)
    joint_share: Series[float] = Field(nullable=True)
    work_and_joint: Series[float] = Field(nullable=True)
    work_per_inhabitant: Series[float] = Field(nullable=True)
    yearly_by_key: Series[float] = Field(nullable=True)
    yearly_by_key_per_inhabitant: Series[float] = Field(nullable=True)
    today_yearly: Series[float] = Field(nullable=True)
    today_per_inhabitant: Series[float] = Field(nullable=True)
    yearly_change: Series[float] = Field(nullable=True)  # after - today: + pays more
    yearly_change_percent: Series[float] = Field(nullable=True)
    payback_year: Series[float] = Field(nullable=True, ge=1)  # NaN: not within the years
    payback_calendar_year: Series[float] = Field(nullable=True)
    npv: Series[float] = Field(nullable=True)
    npv_low: Series[float] = Field(nullable=True)
    npv_high: Series[float] = Field(nullable=True)
    measures_from: Series[str]

    class Config:
        strict = True
        ordered = True


def allocation_key(key: CostKey) -> AllocationKey:
    """The target's cost key as the study's ``AllocationKey`` (whole kronor).

    The last component takes 100 minus the others, so percentages written as floats
    (33.3, 33.3, 33.4) add up to exactly 100 as decimals.
    """
    percents = [Decimal(str(component.percent)) for component in key.components]
    percents[-1] = Decimal(100) - sum(percents[:-1], Decimal(0))
    return AllocationKey(
        id="cost_key",
        name=key.name,
        components=[
            KeyComponent(basis=Basis(str(component.basis)), percent=percent)
            for component, percent in zip(key.components, percents, strict=True)
        ],
    )


def _whole(value: object) -> int | None:
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return None if pd.isna(number) else round(float(number))


def key_parties(
    table: pd.DataFrame, devices: dict[str, float], it_costs: ItCostsFile | None
) -> tuple[list[Party], dict[str, str]]:
    """The municipalities as parties of the key: population and employees from the
    municipality file (the study's it-costs.yaml where the file lacks them), devices
    counted in the inventory (the study's where none are stored); and where each party's
    measures came from."""
    study = {row.municipality: row for row in it_costs.municipalities} if it_costs else {}
    parties, sources = [], {}
    for code in table.index.astype(str):
        record = table.loc[code]
        entry = study.get(code)
        used: set[str] = set()

        def measure(study_value: int | None, own: int | None, used: set[str] = used) -> int | None:
            if own is not None:
                used.add("inventory")
                return own
            if study_value is not None:
                used.add("study")
            return study_value

        counted = devices.get(code)
        party = Party(
            id=code,
            name=str(record.get("name") or code),
            population=measure(
                entry.population if entry else None, _whole(record.get("population"))
            ),
            employees=measure(entry.employees if entry else None, _whole(record.get("employees"))),
            devices=measure(entry.devices if entry else None, round(counted) if counted else None),
        )
        parties.append(party)
        sources[code] = " + ".join(sorted(used)) or "none"
    return parties, sources


def _allocated(amount: float, key: AllocationKey, parties: list[Party]) -> list[float]:
    if math.isnan(amount):
        return [math.nan] * len(parties)
    allocation = allocate(Decimal(round(amount)), key, parties)
    return [float(part.amount) for part in allocation.parts]


def _per(amount: float, population: float | None) -> float:
    return amount / population if population and not math.isnan(amount) else math.nan


_NO_OUTCOME = dict.fromkeys(
    ("payback_year", "payback_calendar_year", "npv", "npv_low", "npv_high"), math.nan
)


def cost_shares(
    parties_and_sources: tuple[list[Party], dict[str, str]],
    key: CostKey,
    *,
    items: pd.DataFrame,
    hourly_rate: float | None,
    investment: pd.Series,
    one_time: float,
    yearly_after: float,
    today: dict[str, float],
    kept_percent: float = 0.0,
    carried: Mapping[str, float] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Per municipality: its share, its part of the one-time and yearly cost under the key,
    where the work lands (own items + its share of the joint items), per inhabitant, its
    yearly change against today (``SHARE_COLUMNS``); and notes on what could not be shared.

    ``yearly_after`` is the joint operation's yearly cost, shared by the key; each
    municipality adds ``kept_percent`` of its own cost today (the areas it keeps) less its
    ``carried`` lines, which it keeps paying itself (``gap.carried``). Payback
    and NPV are NaN here (``municipal_outcomes`` fills them on the plan's timeline)."""
    parties, sources = parties_and_sources
    notes: list[str] = []
    labour = items["hours"].astype(float) * (hourly_rate if hourly_rate is not None else math.nan)
    item_cost = labour + investment.fillna(0.0)
    if bool(investment.isna().any()):
        notes.append(
            f"{int(investment.isna().sum())} items buy something with no price: their"
            " investment is left out of where the work lands."
        )
    municipality = items["municipality"].astype(str)
    hours = items["hours"].astype(float).groupby(municipality).sum()
    costs = item_cost.groupby(municipality).sum(min_count=1)
    joint_cost = float(costs.get(JOINT, 0.0)) if JOINT in costs.index else 0.0
    shares: list[float] = [math.nan] * len(parties)
    by_key = joint_parts = yearly = [math.nan] * len(parties)
    if parties:
        try:
            allocation = allocation_key(key)
            shares = [float(share) for share in exact_shares(allocation, parties)]
            by_key = _allocated(one_time, allocation, parties)
            joint_parts = _allocated(joint_cost, allocation, parties)
            yearly = _allocated(yearly_after, allocation, parties)
        except AllocationError as error:
            notes.append(f"The cost key ({key.name}) cannot be applied: {error}.")
    rows: list[dict[str, Any]] = []
    for index, party in enumerate(parties):
        population = float(party.population) if party.population is not None else None
        own = float(costs.get(party.id, 0.0)) if party.id in costs.index else 0.0
        work_and_joint = own + joint_parts[index]
        today_cost = today.get(party.id, math.nan)
        own_carried = (carried or {}).get(party.id, 0.0)
        after = (
            yearly[index]
            + own_carried
            + ((today_cost - own_carried) * kept_percent / 100 if kept_percent else 0.0)
        )
        change = after - today_cost
        rows.append(
            {
                "municipality": party.id,
                "name": party.name,
                "population": math.nan if population is None else population,
                "share": shares[index],
                "one_time_by_key": by_key[index],
                "one_time_by_key_per_inhabitant": _per(by_key[index], population),
                "work_hours": float(hours.get(party.id, 0.0)),
                "work_cost": own,
                "joint_share": joint_parts[index],
                "work_and_joint": work_and_joint,
                "work_per_inhabitant": _per(work_and_joint, population),
                "yearly_by_key": after,
                "yearly_by_key_per_inhabitant": _per(after, population),
                "today_yearly": today_cost,
                "today_per_inhabitant": _per(today_cost, population),
                "yearly_change": change,
                "yearly_change_percent": 100 * change / today_cost
                if today_cost and not math.isnan(change)
                else math.nan,
                **_NO_OUTCOME,
                "measures_from": sources.get(party.id, "none"),
            }
        )
    rows.append(
        {
            "municipality": JOINT,
            "name": JOINT,
            "population": math.nan,
            "share": math.nan,
            "one_time_by_key": math.nan,
            "one_time_by_key_per_inhabitant": math.nan,
            "work_hours": float(hours.get(JOINT, 0.0)),
            "work_cost": joint_cost,
            "joint_share": math.nan,
            "work_and_joint": math.nan,
            "work_per_inhabitant": math.nan,
            "yearly_by_key": math.nan,
            "yearly_by_key_per_inhabitant": math.nan,
            "today_yearly": math.nan,
            "today_per_inhabitant": math.nan,
            "yearly_change": math.nan,
            "yearly_change_percent": math.nan,
            **_NO_OUTCOME,
            "measures_from": "",
        }
    )
    frame = pd.DataFrame(rows, columns=list(SHARE_COLUMNS))
    for column in SHARE_COLUMNS:
        if column not in ("municipality", "name", "measures_from"):
            frame[column] = frame[column].astype(float)
    return typed(CostShares, frame), notes


def municipal_outcomes(
    shares: pd.DataFrame,
    spend: pd.DataFrame,
    start: dt.date,
    *,
    one_time: MoneyRange,
    joint_after: MoneyRange,
    kept_percent: float,
    running_uncertainty: float,
    horizon_years: int,
    rate_percent: float,
    carried: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """``shares`` with each municipality's own payback and NPV on the plan's timeline.

    Its one-time cost is its key share of ``one_time``, spent as the plan's packages run
    (``spend``); its saving is its cost today minus its yearly cost after: its key share of
    ``joint_after`` plus ``kept_percent`` of its own cost today (+/- the running
    uncertainty, as the kept line of the business case). The municipalities' NPVs add up
    to the business case's (the key's shares add up to 1)."""
    frame = shares.copy()
    # each row's outcome gathered in lists, the columns set once (not a .loc per row)
    names = ("payback_year", "payback_calendar_year", "npv", "npv_low", "npv_high")
    outcomes = {name: frame[name].tolist() for name in names}
    for at, (code, share, today) in enumerate(
        zip(
            frame["municipality"],
            frame["share"].astype(float),
            frame["today_yearly"].astype(float),
            strict=True,
        )
    ):
        if math.isnan(share) or math.isnan(today):
            continue
        own = (carried or {}).get(str(code), 0.0)  # its carried lines: the same after
        kept = MoneyRange.around((today - own) * kept_percent / 100, running_uncertainty)
        after = joint_after.scaled(share) + kept + MoneyRange.exact(own)
        flow = timeline(
            spend,
            start,
            one_time.scaled(share),
            MoneyRange.exact(today) - after,
            horizon_years=horizon_years,
            rate_percent=rate_percent,
        )
        year = flow.payback_year
        calendar = flow.calendar_year(year)
        values = (
            math.nan if year is None else float(year),
            math.nan if calendar is None else float(calendar),
            flow.npv.expected,
            flow.npv.low,
            flow.npv.high,
        )
        for name, value in zip(names, values, strict=True):
            outcomes[name][at] = value
    for name in names:
        frame[name] = pd.Series(outcomes[name], index=frame.index, dtype=frame[name].dtype)
    return typed(CostShares, frame)
