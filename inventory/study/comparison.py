"""Comparable IT costs: per inhabitant, per employee and per device, with definitions.

The Bollebygd decision explains why IT costs mislead across municipalities: organisations
differ, and where IT ends (digitalisation? telephony?) is drawn differently. Every figure
here therefore carries the definition it was computed under (what is included, what is
excluded, currency, year), and a warning is raised whenever the municipalities compared
did not count the same things.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from pydantic import BaseModel, Field

from inventory.issues import Issue, IssueCode, Severity
from inventory.study.inputs import CostDefinition, ItCostsFile

_PLACES = Decimal("0.01")


class CountedAs(BaseModel):
    """The definition printed beside every figure."""

    definition: str
    includes: list[str]
    excludes: list[str]
    currency: str
    year: int
    description: str = ""

    def text(self) -> str:
        """E.g. ``SEK 2023; incl. staff, licences; excl. telephony``."""
        excluded = f"; excl. {', '.join(self.excludes)}" if self.excludes else ""
        return f"{self.currency} {self.year}; incl. {', '.join(self.includes)}{excluded}"


class UnitCost(BaseModel):
    """One figure: IT cost divided by a basis, with what was counted."""

    basis: str
    divisor: int
    value: Decimal = Field(description="Rounded to 0.01 (half even)")
    definition: str
    counted: str = Field(description="What the figure counts: currency, year, incl., excl.")
    label: str


class MunicipalityComparison(BaseModel):
    """One municipality's comparable figures."""

    municipality: str
    name: str
    it_cost: Decimal
    counted_as: CountedAs
    per_inhabitant: UnitCost | None
    per_employee: UnitCost | None
    per_device: UnitCost | None


class DefinitionDifference(BaseModel):
    """Where two municipalities' definitions of IT cost differ."""

    municipalities: list[str]
    aspect: str  # includes, excludes, currency, year
    detail: str
    #: includes / excludes: what only the first, only the other counts (or leaves out).
    only_first: list[str] = []
    only_other: list[str] = []
    #: currency / year: the first's and the other's value.
    values: list[str] = []


class CostComparison(BaseModel):
    """The comparison and whether its figures are comparable at all."""

    study: str
    note: str | None
    municipalities: list[MunicipalityComparison]
    comparable: bool
    differences: list[DefinitionDifference]
    warnings: list[Issue]


def _unit_cost(
    cost: Decimal, divisor: int | None, basis: str, counted_as: CountedAs
) -> UnitCost | None:
    if divisor is None:
        return None
    value = (cost / divisor).quantize(_PLACES, rounding=ROUND_HALF_EVEN)
    return UnitCost(
        basis=basis,
        divisor=divisor,
        value=value,
        definition=counted_as.definition,
        counted=counted_as.text(),
        label=f"{value:,.2f} {counted_as.currency} per {basis} ({counted_as.text()})",
    )


def _counted_as(definition: CostDefinition) -> CountedAs:
    return CountedAs(
        definition=definition.id,
        includes=definition.includes,
        excludes=definition.excludes,
        currency=definition.currency,
        year=definition.year,
        description=definition.description,
    )


def _differences(
    first: tuple[str, CountedAs], other: tuple[str, CountedAs]
) -> list[DefinitionDifference]:
    (a_name, a), (b_name, b) = first, other
    pair = [a_name, b_name]
    found = []
    for aspect in ("includes", "excludes"):
        only_a = sorted(set(getattr(a, aspect)) - set(getattr(b, aspect)))
        only_b = sorted(set(getattr(b, aspect)) - set(getattr(a, aspect)))
        if only_a or only_b:
            found.append(
                DefinitionDifference(
                    municipalities=pair,
                    aspect=aspect,
                    detail=f"{a_name} {aspect} {only_a or 'nothing more'};"
                    f" {b_name} {aspect} {only_b or 'nothing more'}",
                    only_first=only_a,
                    only_other=only_b,
                )
            )
    for aspect in ("currency", "year"):
        if getattr(a, aspect) != getattr(b, aspect):
            found.append(
                DefinitionDifference(
                    municipalities=pair,
                    aspect=aspect,
                    detail=f"{a_name}: {getattr(a, aspect)}, {b_name}: {getattr(b, aspect)}",
                    values=[str(getattr(a, aspect)), str(getattr(b, aspect))],
                )
            )
    return found


def compare_costs(costs: ItCostsFile, file: str = "") -> CostComparison:
    """IT cost per inhabitant, employee and device, each figure with its definition.

    Definitions are compared against the first municipality's; every difference becomes a
    ``definitions-differ`` warning (the figures are still computed and shown).
    """
    definitions = {d.id: _counted_as(d) for d in costs.definitions}
    rows = []
    for entry in costs.municipalities:
        counted_as = definitions[entry.definition]
        rows.append(
            MunicipalityComparison(
                municipality=entry.municipality,
                name=entry.name,
                it_cost=entry.it_cost,
                counted_as=counted_as,
                per_inhabitant=_unit_cost(
                    entry.it_cost, entry.population, "inhabitant", counted_as
                ),
                per_employee=_unit_cost(entry.it_cost, entry.employees, "employee", counted_as),
                per_device=_unit_cost(entry.it_cost, entry.devices, "device", counted_as),
            )
        )
    differences: list[DefinitionDifference] = []
    first = rows[0]
    for row in rows[1:]:
        if row.counted_as.definition != first.counted_as.definition:
            differences += _differences(
                (first.municipality, first.counted_as), (row.municipality, row.counted_as)
            )
    warnings = [
        Issue(
            code=IssueCode.DEFINITIONS_DIFFER,
            severity=Severity.WARNING,
            file=file or None,
            municipality=d.municipalities[1],
            params={"aspect": d.aspect, "detail": d.detail},
        )
        for d in differences
    ]
    return CostComparison(
        study=costs.study,
        note=costs.note,
        municipalities=rows,
        comparable=not differences,
        differences=differences,
        warnings=warnings,
    )
