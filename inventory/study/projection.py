"""Cost and staff projections with and without collaboration, and the establishment plan.

The Melhus report projects the yearly IT operating cost and staff of two municipalities
2007–2012 with and without a joint operations centre, and plans the establishment as
sub-projects 15.1–15.10 with quarters and prices (total 5,130,000 NOK: 4,580,000
investment and 550,000 paid from operations). Every total here is computed from rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pydantic import BaseModel, Field

from inventory.study.decimals import tidy
from inventory.study.inputs import EstablishmentRow, Funding, ProjectionFile


class ProjectionYearResult(BaseModel):
    """One year: both scenarios (money in the file's unit) and what collaboration saves."""

    year: int
    cost_without: Decimal | None
    cost_with: Decimal | None
    cost_saving: Decimal | None = Field(description="without - with, when both are given")
    staff_without: Decimal | None
    staff_with: Decimal | None
    staff_saving: Decimal | None


class ProjectionResult(BaseModel):
    """The projection table with savings and their sum over the years with both scenarios."""

    study: str
    currency: str
    cost_unit: Decimal
    cost_unit_label: str
    note: str | None
    years: list[ProjectionYearResult]
    compared_years: list[int]
    total_cost_without: Decimal
    total_cost_with: Decimal
    total_cost_saving: Decimal
    total_cost_saving_amount: Decimal = Field(description="In currency units (× cost_unit)")


def _difference(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b


def project_costs(projection: ProjectionFile) -> ProjectionResult:
    """Savings per year and over the years where both scenarios are given."""
    years = []
    for row in sorted(projection.years, key=lambda r: r.year):
        without, with_ = row.without_collaboration, row.with_collaboration
        cost_without = without.cost if without else None
        cost_with = with_.cost if with_ else None
        staff_without = without.staff if without else None
        staff_with = with_.staff if with_ else None
        years.append(
            ProjectionYearResult(
                year=row.year,
                cost_without=cost_without,
                cost_with=cost_with,
                cost_saving=_difference(cost_without, cost_with),
                staff_without=staff_without,
                staff_with=staff_with,
                staff_saving=_difference(staff_without, staff_with),
            )
        )
    compared = [y for y in years if y.cost_saving is not None]
    total_without = sum(
        (y.cost_without for y in compared if y.cost_without is not None), Decimal(0)
    )
    total_with = sum((y.cost_with for y in compared if y.cost_with is not None), Decimal(0))
    saving = total_without - total_with
    return ProjectionResult(
        study=projection.study,
        currency=projection.currency,
        cost_unit=projection.cost_unit,
        cost_unit_label=projection.cost_unit_label,
        note=projection.note,
        years=years,
        compared_years=[y.year for y in compared],
        total_cost_without=total_without,
        total_cost_with=total_with,
        total_cost_saving=saving,
        total_cost_saving_amount=tidy(saving * projection.cost_unit),
    )


class SubProjectResult(BaseModel):
    """A sub-project (e.g. 15.1) with its items, quarters and summed cost."""

    subproject: str
    names: list[str]
    start: str | None
    finish: str
    cost: Decimal
    unpriced_items: list[str]
    funding: dict[str, Decimal]


class EstablishmentPlanResult(BaseModel):
    """The establishment plan: sub-projects and totals computed from the rows."""

    currency: str
    subprojects: list[SubProjectResult]
    total: Decimal
    by_funding: dict[str, Decimal]
    by_funding_and_year: dict[str, dict[int, Decimal]] = Field(
        description="Funding -> year of the finishing quarter -> cost"
    )
    first_quarter: str | None
    last_quarter: str


def _subproject_order(code: str) -> tuple[int | str, ...]:
    return tuple(int(part) if part.isdigit() else part for part in code.split("."))


def plan_establishment(
    rows: Sequence[EstablishmentRow], currency: str = "NOK"
) -> EstablishmentPlanResult:
    """Group the plan's rows by sub-project and total them by funding and year.

    A cost is booked in the year of the quarter the item finishes (the Melhus report's
    investments of 2009 and 2010 follow this rule).
    """
    grouped: dict[str, list[EstablishmentRow]] = {}
    for row in rows:
        grouped.setdefault(row.subproject, []).append(row)
    subprojects = []
    by_funding = {funding.value: Decimal(0) for funding in Funding}
    by_year: dict[str, dict[int, Decimal]] = {funding.value: {} for funding in Funding}
    for code in sorted(grouped, key=_subproject_order):
        items = grouped[code]
        funding: dict[str, Decimal] = {}
        for item in items:
            cost = item.cost or Decimal(0)
            funding[item.funding.value] = funding.get(item.funding.value, Decimal(0)) + cost
            by_funding[item.funding.value] += cost
            year = int(item.finish[:4])
            year_totals = by_year[item.funding.value]
            year_totals[year] = year_totals.get(year, Decimal(0)) + cost
        starts = [item.start for item in items if item.start]
        subprojects.append(
            SubProjectResult(
                subproject=code,
                names=[item.name for item in items],
                start=min(starts) if starts else None,
                finish=max(item.finish for item in items),
                cost=sum((item.cost or Decimal(0) for item in items), Decimal(0)),
                unpriced_items=[item.name for item in items if item.cost is None],
                funding=funding,
            )
        )
    all_starts = [row.start for row in rows if row.start]
    return EstablishmentPlanResult(
        currency=currency,
        subprojects=subprojects,
        total=sum((s.cost for s in subprojects), Decimal(0)),
        by_funding=by_funding,
        by_funding_and_year={k: dict(sorted(v.items())) for k, v in by_year.items()},
        first_quarter=min(all_starts) if all_starts else None,
        last_quarter=max(row.finish for row in rows),
    )
