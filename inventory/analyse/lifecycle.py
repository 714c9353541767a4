"""Lifecycle: is a product's release cycle supported, ending soon or past its end of life?

Dates come from the endoflife.date catalogue, through the normaliser's product table (so
Hyper-V follows Windows Server's cycles). States, as of a date:

* ``end_of_life``: the cycle's end-of-life date is on or before the date, or the catalogue
  says it has ended without a date;
* ``ending``: the end of life falls within ``warn_months`` months after the date;
* ``supported``: later, or no end announced;
* ``evergreen``: a continuously updated service or OS without release cycles (Microsoft
  365, Intune, ChromeOS): nothing to plan, but also no date to report;
* ``unknown``: the product or its cycle is not known, or the catalogue gives no date.

The end of life is the end of regular support (endoflife.date ``eol``). Paid extended
security updates (``eoes``: Windows 10 22H2 ESU, Windows Server 2012 R2 ESU) count only
when asked for with ``extended_support=True``: an ESU contract is a choice the inventory
cannot see.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

import numpy as np
import pandas as pd

from inventory.analyse.normalise import Normaliser, distinct_rows

LIFECYCLE_COLUMNS = ("lifecycle_state", "eol", "months_left")


class LifecycleState(enum.StrEnum):
    """Where a release cycle stands on a given date."""

    SUPPORTED = "supported"
    ENDING = "ending"
    END_OF_LIFE = "end_of_life"
    EVERGREEN = "evergreen"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class LifecycleStatus:
    """The lifecycle of one product cycle as of a date.

    ``months_left`` counts whole months from the date to the end of life (negative once
    past it); ``None`` when there is no end-of-life date.
    """

    state: LifecycleState
    eol: dt.date | None
    cycle: str | None
    months_left: int | None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (clamped to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def lifecycle_status(product_id: str | None, cycle: str | None, as_of: dt.date,
                     warn_months: int = 12, *, normaliser: Normaliser | None = None,
                     extended_support: bool = False) -> LifecycleStatus:
    """The lifecycle state of a product's release cycle on ``as_of``.

    ``product_id`` and ``cycle`` are what ``Normaliser.match`` returned.

    >>> lifecycle_status("windows-server", "2012-r2", dt.date(2026, 11, 23)).state.value
    'end_of_life'
    """
    normaliser = normaliser or Normaliser.default()
    definition = normaliser.product(product_id)
    if definition is None:
        return LifecycleStatus(LifecycleState.UNKNOWN, None, cycle, None)
    if definition.lifecycle == "evergreen":
        return LifecycleStatus(LifecycleState.EVERGREEN, None, cycle, None)
    if definition.lifecycle == "unknown":
        return LifecycleStatus(LifecycleState.UNKNOWN, None, cycle, None)
    release = normaliser.catalogue.release(definition.cycles_from, cycle)
    if release is None:
        return LifecycleStatus(LifecycleState.UNKNOWN, None, cycle, None)
    end = release.eol
    if extended_support and isinstance(release.eoes, dt.date):
        end = release.eoes
    if end is True:
        return LifecycleStatus(LifecycleState.END_OF_LIFE, None, cycle, None)
    if end is False:
        return LifecycleStatus(LifecycleState.SUPPORTED, None, cycle, None)
    if not isinstance(end, dt.date):
        return LifecycleStatus(LifecycleState.UNKNOWN, None, cycle, None)
    months_left = months_between(as_of, end)
    if end <= as_of:
        state = LifecycleState.END_OF_LIFE
    elif end <= add_months(as_of, warn_months):
        state = LifecycleState.ENDING
    else:
        state = LifecycleState.SUPPORTED
    return LifecycleStatus(state, end, cycle, months_left)


def lifecycle_frame(matches: pd.DataFrame, as_of: dt.date, warn_months: int = 12, *,
                    normaliser: Normaliser | None = None,
                    extended_support: bool = False) -> pd.DataFrame:
    """``lifecycle_status`` over a frame with ``product_id`` and ``cycle`` columns.

    Each distinct (product_id, cycle) is looked up once. The result is aligned with
    ``matches.index`` and has the columns ``lifecycle_state`` (the state's value, e.g.
    ``"end_of_life"``), ``eol`` (date or None) and ``months_left`` (nullable Int64).
    """
    normaliser = normaliser or Normaliser.default()
    if matches.empty:
        return pd.DataFrame({"lifecycle_state": pd.Series(dtype=object),
                             "eol": pd.Series(dtype=object),
                             "months_left": pd.Series(dtype="Int64")}, index=matches.index)
    groups, distinct = distinct_rows(matches, ["product_id", "cycle"])
    states = np.empty(len(distinct), dtype=object)
    ends = np.empty(len(distinct), dtype=object)
    months = np.full(len(distinct), np.nan)
    for position, (product_id, cycle) in enumerate(distinct):
        status = lifecycle_status(
            None if product_id is None else str(product_id),
            None if cycle is None else str(cycle), as_of, warn_months,
            normaliser=normaliser, extended_support=extended_support)
        states[position] = status.state.value
        ends[position] = status.eol
        if status.months_left is not None:
            months[position] = status.months_left
    return pd.DataFrame({
        "lifecycle_state": pd.Series(states[groups], index=matches.index, dtype=object),
        "eol": pd.Series(ends[groups], index=matches.index, dtype=object),
        "months_left": pd.Series(months[groups], index=matches.index).astype("Int64"),
    })
