"""A study alternative's computed figures, typed: one row of the gap's costed alternatives.

The gap (a package above this one) costs the target file each alternative names and lays
the figures in a typed table, ``inventory.gap.alternatives.Alternatives.table`` (its
contract ``AlternativeRow``). ``costed_alternatives(table)`` reads that table once
into ``CostedAlternative`` rows, an empty figure as ``None``, so the recommendation and
the report read attributes (checked by mypy) instead of column names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inventory.missing import is_missing

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class CostedAlternative:
    """One alternative's figures from the gap of its target file (``AlternativeRow``)."""

    #: The target's name.
    alternative: str
    #: The target file ("" for the report's own target).
    file: str
    #: The study areas it runs jointly (``gap.scope.scope_label``) and those it leaves.
    scope: str
    outside: str
    currency: str
    one_time_low: float | None
    one_time_expected: float | None
    one_time_high: float | None
    yearly_saving: float | None
    payback_year: int | None
    npv: float | None
    effort_hours: float
    labour_cost: float
    plan_months: float | None
    high_risks: int | None
    risk_top: int | None
    readiness_percent: float | None


def _number(value: Any) -> float | None:
    return None if is_missing(value) else float(value)


def _count(value: Any) -> int | None:
    return None if is_missing(value) else int(value)


def costed_alternatives(table: pd.DataFrame) -> list[CostedAlternative]:
    """The rows of the gap's costed alternatives (``Alternatives.table``), in its order.

    >>> import pandas as pd
    >>> row = {"alternative": "Joint", "file": "all.yaml", "scope": "all", "outside": "",
    ...        "currency": "SEK", "one_time_low": 1.0, "one_time_expected": 2.0,
    ...        "one_time_high": 3.0, "yearly_saving": None, "payback_year": pd.NA,
    ...        "npv": None, "effort_hours": 10.0, "labour_cost": 11500.0,
    ...        "plan_months": 2.3, "high_risks": 1, "risk_top": 20, "readiness_percent": 50.0}
    >>> [costed] = costed_alternatives(pd.DataFrame([row]))
    >>> costed.one_time_expected, costed.yearly_saving, costed.payback_year, costed.high_risks
    (2.0, None, None, 1)
    """
    return [
        CostedAlternative(
            alternative=str(row["alternative"]),
            file=str(row["file"]),
            scope=str(row["scope"]),
            outside=str(row["outside"]),
            currency=str(row["currency"]),
            one_time_low=_number(row["one_time_low"]),
            one_time_expected=_number(row["one_time_expected"]),
            one_time_high=_number(row["one_time_high"]),
            yearly_saving=_number(row["yearly_saving"]),
            payback_year=_count(row["payback_year"]),
            npv=_number(row["npv"]),
            effort_hours=float(row["effort_hours"]),
            labour_cost=float(row["labour_cost"]),
            plan_months=_number(row["plan_months"]),
            high_risks=_count(row["high_risks"]),
            risk_top=_count(row["risk_top"]),
            readiness_percent=_number(row["readiness_percent"]),
        )
        for row in table.to_dict("records")
    ]
