"""Cost allocation keys: an equal share combined with shares by population, employees,
devices or usage, rounded explicitly so that the parts always add up to the total.

The Melhus / Midtre Gauldal report divides costs 50 % equally and 50 % by population::

    >>> key = AllocationKey(id="melhus", name="50/50", components=[
    ...     KeyComponent(basis=Basis.EQUAL, percent=Decimal(50)),
    ...     KeyComponent(basis=Basis.POPULATION, percent=Decimal(50))])
    >>> parties = [Party(id="melhus", name="Melhus", population=14700),
    ...            Party(id="mg", name="Midtre Gauldal", population=6300)]
    >>> [str(p.amount) for p in allocate(Decimal(5_000_000), key, parties).parts]
    ['3000000', '2000000']
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from inventory.study.decimals import StudyNumber
from inventory.yamlfile import number_param


class Basis(enum.StrEnum):
    """What a component of a key divides by."""

    EQUAL = "equal"
    POPULATION = "population"
    EMPLOYEES = "employees"
    DEVICES = "devices"
    USAGE = "usage"


class Party(BaseModel):
    """A municipality (or other owner) that takes a share of the costs."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)

    id: str = Field(min_length=1)
    name: str
    population: int | None = Field(None, ge=0)
    employees: int | None = Field(None, ge=0)
    devices: int | None = Field(None, ge=0)
    usage: StudyNumber | None = Field(None, ge=0, description="Any measured use, e.g. tickets")

    def measure(self, basis: Basis) -> Decimal | None:
        """The party's size on ``basis`` (``None`` when not given)."""
        if basis is Basis.EQUAL:
            return Decimal(1)
        value = getattr(self, basis.value)
        return None if value is None else Decimal(value)


class KeyComponent(BaseModel):
    """One part of a key: ``percent`` of the total divided by ``basis``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    basis: Basis
    percent: StudyNumber = Field(gt=0, le=100)


class AllocationKey(BaseModel):
    """A named allocation key; the components' percentages add up to 100."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)

    id: str = Field(min_length=1)
    name: str
    components: list[KeyComponent] = Field(min_length=1)
    rounding_unit: StudyNumber = Field(
        Decimal(1), gt=0, description="Parts are whole multiples of this (e.g. 1 NOK)."
    )

    @model_validator(mode="after")
    def _percentages_add_up(self) -> AllocationKey:
        total = sum((c.percent for c in self.components), Decimal(0))
        if total != 100:
            raise PydanticCustomError(
                "validation.study.key_total",
                "the components' percentages add up to {total}, not 100",
                {"total": number_param(total)},
            )
        return self

    def describe(self) -> str:
        """E.g. ``50 % equal + 50 % by population``."""
        return " + ".join(
            f"{c.percent.normalize():f} % "
            + ("equal" if c.basis is Basis.EQUAL else f"by {c.basis.value}")
            for c in self.components
        )


class AllocatedPart(BaseModel):
    """A party's part of one total."""

    party: str
    name: str
    share: Decimal = Field(description="Exact share of the total, 0-1 (12 decimals)")
    exact_amount: Decimal = Field(description="Before rounding (12 decimals)")
    amount: Decimal = Field(description="Rounded to the key's unit; the parts add up")


class Allocation(BaseModel):
    """One total divided between the parties by a key."""

    total: Decimal
    key: str
    key_description: str
    rounding_unit: Decimal
    rounding: str = "largest remainder"
    parts: list[AllocatedPart]


class AllocationError(ValueError):
    """A key cannot be applied to these parties (a measure is missing or all zero)."""


def exact_shares(key: AllocationKey, parties: Sequence[Party]) -> list[Fraction]:
    """Each party's exact share of a total (fractions that add up to exactly 1)."""
    if not parties:
        raise AllocationError("no parties to allocate to")
    shares = [Fraction(0)] * len(parties)
    for component in key.components:
        measures = [party.measure(component.basis) for party in parties]
        missing = [p.id for p, m in zip(parties, measures, strict=True) if m is None]
        if missing:
            raise AllocationError(
                f"key {key.id!r} divides by {component.basis.value},"
                f" which is not given for {', '.join(missing)}"
            )
        known = [Fraction(m) for m in measures if m is not None]
        basis_total = sum(known, Fraction(0))
        if basis_total == 0:
            raise AllocationError(
                f"key {key.id!r}: the parties' {component.basis.value} adds up to 0"
            )
        weight = Fraction(component.percent) / 100
        shares = [s + weight * m / basis_total for s, m in zip(shares, known, strict=True)]
    return shares


def largest_remainder(total: Decimal, shares: Sequence[Fraction], unit: Decimal) -> list[Decimal]:
    """Round ``total × share`` to whole ``unit``s so that the parts add up to ``total``.

    Every part is first rounded down to a whole number of units; the units left over go,
    one each, to the parts with the largest remainders (ties: the earlier party). When the
    total itself is not a whole number of units, the sub-unit rest goes to the next party
    in that order, so the sum is always exact.
    """
    sign = -1 if total < 0 else 1
    magnitude = Fraction(abs(total))
    unit_fraction = Fraction(unit)
    exact_units = [magnitude * share / unit_fraction for share in shares]
    floors = [int(units) for units in exact_units]  # units >= 0, so int() is floor
    order = sorted(range(len(shares)), key=lambda i: (-(exact_units[i] - floors[i]), i))
    left_over = magnitude / unit_fraction - sum(floors)
    parts = [Fraction(f) for f in floors]
    position = 0
    while left_over > 0:
        step = min(Fraction(1), left_over)
        parts[order[position % len(order)]] += step
        left_over -= step
        position += 1
    return [Decimal(sign) * _to_decimal(part * unit_fraction) for part in parts]


def _to_decimal(value: Fraction) -> Decimal:
    # Exact: every part is a whole number of units, so the denominator divides unit's.
    return Decimal(value.numerator) / Decimal(value.denominator)


_PLACES = Decimal("0.000000000001")


def allocate(total: Decimal, key: AllocationKey, parties: list[Party]) -> Allocation:
    """Divide ``total`` between ``parties`` by ``key``, rounded to the key's unit.

    Raises ``AllocationError`` when the key divides by a measure a party lacks.
    """
    shares = exact_shares(key, parties)
    rounded = largest_remainder(total, shares, key.rounding_unit)
    return Allocation(
        total=total,
        key=key.id,
        key_description=key.describe(),
        rounding_unit=key.rounding_unit,
        parts=[
            AllocatedPart(
                party=party.id,
                name=party.name,
                share=_to_decimal_rounded(share),
                exact_amount=_to_decimal_rounded(Fraction(total) * share),
                amount=amount,
            )
            for party, share, amount in zip(parties, shares, rounded, strict=True)
        ],
    )


def _to_decimal_rounded(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(_PLACES)


class CostLine(BaseModel):
    """A cost to share, e.g. the gap report's effort and cost for one municipality and domain."""

    label: str
    amount: Decimal
    municipality: str | None = None
    domain: str | None = None


class CostLinesAllocation(BaseModel):
    """Several cost lines, each divided by the same key; totals per party and domain."""

    key: str
    key_description: str
    rounding_unit: Decimal
    lines: list[tuple[CostLine, Allocation]]
    total: Decimal
    party_totals: dict[str, Decimal]
    party_domain_totals: dict[str, dict[str, Decimal]]


def allocate_cost_lines(
    lines: Mapping[str, Decimal] | Iterable[CostLine], key: AllocationKey, parties: list[Party]
) -> CostLinesAllocation:
    """Apply ``key`` to every cost line; a mapping is read as ``{label: amount}``.

    Each line is rounded on its own, so the party totals add up to the sum of the lines.
    Example, with the gap report's cost per domain::

        allocate_cost_lines({"datacentre": Decimal(1_200_000),
                             "clients": Decimal(800_000)}, key, parties)
    """
    cost_lines = (
        [CostLine(label=label, amount=amount) for label, amount in lines.items()]
        if isinstance(lines, Mapping)
        else list(lines)
    )
    allocated = [(line, allocate(line.amount, key, parties)) for line in cost_lines]
    party_totals = {party.id: Decimal(0) for party in parties}
    by_domain: dict[str, dict[str, Decimal]] = {party.id: {} for party in parties}
    for line, allocation in allocated:
        domain = line.domain or line.label
        for part in allocation.parts:
            party_totals[part.party] += part.amount
            by_domain[part.party][domain] = (
                by_domain[part.party].get(domain, Decimal(0)) + part.amount
            )
    return CostLinesAllocation(
        key=key.id,
        key_description=key.describe(),
        rounding_unit=key.rounding_unit,
        lines=allocated,
        total=sum((line.amount for line in cost_lines), Decimal(0)),
        party_totals=party_totals,
        party_domain_totals=by_domain,
    )
