"""The business case over time: the one-time cost spent as the plan's work packages run,
the yearly saving from the day the plan ends, payback and net present value on that
timeline (docs/method.md#costs).

Years are counted from the plan's start: year 1 is its first twelve months. A package's
cost (its items' labour and investment) is spent evenly over its days; the saving (today's
yearly cost minus the cost after) runs for ``economics.horizon_years`` years of operation
from the plan's end, pro rata in the year the plan ends. Each year's net cash flow is
discounted to the plan's start at the end of its year: ``/ (1 + r)^t`` (the convention of
the Norwegian DFØ guide and the Swedish ASEK: flows at the end of the year). Payback is
the first year whose cumulative (undiscounted) net cash flow is at least zero.

Ranges: the low NPV is the high one-time cost with the low saving; the high NPV the
reverse (the spend's timing is the plan's in every case).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.gap.money import MoneyRange

DAYS_PER_YEAR = 365.25


class CashFlowYears(Contract):
    """One row per year from the plan's start (``BusinessCase.cash_flow``)."""

    year: Series[int] = Field(ge=1)
    starts: Series[object]
    one_time: Series[float] = Field(ge=0)
    saving: Series[float]
    net: Series[float]
    cumulative: Series[float]
    present_value: Series[float]

    class Config:
        strict = True
        ordered = True


CASH_FLOW_COLUMNS = tuple(CashFlowYears.column_names())


@dataclass(frozen=True)
class _Years:
    """What a timeline's table is made of (made when it is read: a municipality's own
    timeline is read for its payback and NPV only)."""

    bounds: list[dt.date]
    spend: list[float]
    running: list[float]
    saving: float
    net: list[float]
    rate: float


@dataclass(frozen=True)
class Timeline:
    """The business case on the plan's timeline."""

    years: _Years
    start: dt.date
    plan_years: float  # from the plan's start to its end
    payback_year: int | None  # expected; None: not within the analysed years
    payback_best: int | None
    payback_worst: int | None
    npv: MoneyRange

    @cached_property
    def table(self) -> pd.DataFrame:
        """``CASH_FLOW_COLUMNS``, expected figures: one row per year."""
        years, net, rate = self.years, self.years.net, self.years.rate
        cumulative = pd.Series(net).cumsum()
        table = pd.DataFrame(
            {
                "year": range(1, len(years.bounds)),
                "starts": years.bounds[:-1],
                "one_time": [round(value, 0) for value in years.spend],
                "saving": [round(years.saving * share, 0) for share in years.running],
                "net": [round(value, 0) for value in net],
                "cumulative": cumulative.round(0).to_numpy(),
                "present_value": [
                    round(value / (1 + rate) ** year, 0) for year, value in enumerate(net, start=1)
                ],
            }
        )
        return typed(CashFlowYears, table)

    def calendar_year(self, year: int | None) -> int | None:
        """The calendar year most of programme year ``year`` falls in."""
        if year is None:
            return None
        return (anniversary(self.start, year - 1) + dt.timedelta(days=182)).year


def package_spend(plan: pd.DataFrame, items: pd.DataFrame, item_cost: pd.Series) -> pd.DataFrame:
    """Per work package its start, end and cost (the one-time cost of its items)."""
    if plan.empty or items.empty:
        return pd.DataFrame({"start": [], "end": [], "cost": []})
    keys = items["wave"].astype(int).astype(str) + ":" + items["domain"].astype(str)
    cost = item_cost.fillna(0.0).groupby(keys).sum()
    package = plan["wave"].astype(int).astype(str) + ":" + plan["domain"].astype(str)
    return pd.DataFrame(
        {
            "start": plan["start"].to_numpy(),
            "end": plan["end"].to_numpy(),
            "cost": package.map(cost).fillna(0.0).to_numpy(),
        }
    )


def anniversary(start: dt.date, years: int) -> dt.date:
    """``start`` moved ``years`` years on (29 February becomes 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def _days(first: dt.date, last: dt.date, begin: dt.date, end: dt.date) -> int:
    """Days of [first, last) inside [begin, end)."""
    return max(0, (min(last, end) - max(first, begin)).days)


def timeline(
    packages: pd.DataFrame,
    start: dt.date,
    one_time: MoneyRange,
    saving: MoneyRange,
    *,
    horizon_years: int,
    rate_percent: float,
) -> Timeline:
    """The yearly cash flow, payback and NPV (see the module's docstring)."""
    spans = [
        (pd.Timestamp(s).date(), pd.Timestamp(e).date(), float(c))
        for s, e, c in zip(packages["start"], packages["end"], packages["cost"], strict=True)
    ]
    plan_end = max((max(e, s) for s, e, _ in spans), default=start)
    running_end = anniversary(plan_end, horizon_years)
    bounds = [start]
    while bounds[-1] < running_end or len(bounds) < 2:
        bounds.append(anniversary(start, len(bounds)))
    years = len(bounds) - 1

    def spent_in(begin: dt.date, end: dt.date) -> float:
        total = 0.0
        for first, last, cost in spans:
            if last <= first:  # a package of no length: spent on its day
                total += cost if begin <= first < end else 0.0
            else:
                total += cost * _days(first, last, begin, end) / (last - first).days
        return total

    spent = [spent_in(bounds[year - 1], bounds[year]) for year in range(1, years + 1)]
    if sum(spent) <= 0:  # no package carries the cost (none dated): all of it in year 1
        spent = [1.0] + [0.0] * (years - 1)
    total = sum(spent)
    # the items' own sum is the expected one-time cost (rounding aside): scale to it
    scale = one_time.expected / total if total > 0 else 0.0
    spend = [value * scale for value in spent]
    running = [
        _days(plan_end, running_end, bounds[year - 1], bounds[year])
        / (bounds[year] - bounds[year - 1]).days
        for year in range(1, years + 1)
    ]
    plan_years = (plan_end - start).days / DAYS_PER_YEAR
    rate = rate_percent / 100

    def flows(cost_factor: float, yearly_saving: float) -> tuple[list[float], float]:
        net = [
            yearly_saving * share - cost * cost_factor
            for cost, share in zip(spend, running, strict=True)
        ]
        npv = sum(value / (1 + rate) ** year for year, value in enumerate(net, start=1))
        return net, npv

    def payback(net: list[float]) -> int | None:
        cumulative = 0.0
        for year, value in enumerate(net, start=1):
            cumulative += value
            if cumulative >= -1e-6 and (running[year - 1] > 0 or cumulative > 0):
                return year
        return None

    expected = one_time.expected or 1.0
    net, npv = flows(1.0, saving.expected)
    best, npv_high = flows(one_time.low / expected, saving.high)
    worst, npv_low = flows(one_time.high / expected, saving.low)
    return Timeline(
        years=_Years(bounds, spend, running, saving.expected, net, rate),
        start=start,
        plan_years=plan_years,
        payback_year=payback(net),
        payback_best=payback(best),
        payback_worst=payback(worst),
        npv=MoneyRange(min(npv_low, npv), npv, max(npv_high, npv)),
    )
