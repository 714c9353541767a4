"""Allocation keys: exact shares, explicit rounding, parts that always add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.study import AllocationKey, Basis, CostLine, KeyComponent, Party, allocate
from inventory.study.allocation import AllocationError, allocate_cost_lines, largest_remainder


def _key(*parts: tuple[Basis, int], unit: str = "1") -> AllocationKey:
    return AllocationKey(
        id="k",
        name="k",
        rounding_unit=Decimal(unit),
        components=[KeyComponent(basis=b, percent=Decimal(p)) for b, p in parts],
    )


THREE = [
    Party(id="a", name="A", population=29700, employees=2700, devices=8900),
    Party(id="b", name="B", population=9500, employees=850, devices=2600),
    Party(id="c", name="C", population=10900, employees=1000, devices=3000),
]


def test_largest_remainder_gives_left_over_units_to_largest_remainders() -> None:
    from fractions import Fraction

    thirds = [Fraction(1, 3)] * 3
    assert largest_remainder(Decimal(100), thirds, Decimal(1)) == [34, 33, 33]
    assert largest_remainder(Decimal(100), thirds, Decimal("0.01")) == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]
    # a total that is not a whole number of units: the rest goes to the next in line
    parts = largest_remainder(Decimal("100.5"), thirds, Decimal(1))
    assert sum(parts) == Decimal("100.5")


def test_equal_share_only() -> None:
    allocation = allocate(Decimal(1000), _key((Basis.EQUAL, 100)), THREE)
    assert [p.amount for p in allocation.parts] == [334, 333, 333]
    assert allocation.rounding == "largest remainder"


def test_mixed_key_by_employees_and_devices() -> None:
    key = _key((Basis.EQUAL, 20), (Basis.EMPLOYEES, 40), (Basis.DEVICES, 40), unit="1000")
    allocation = allocate(Decimal(10_000_000), key, THREE)
    assert sum(p.amount for p in allocation.parts) == 10_000_000
    assert all(p.amount % 1000 == 0 for p in allocation.parts)
    assert allocation.key_description == ("20 % equal + 40 % by employees + 40 % by devices")


def test_missing_measure_is_an_error() -> None:
    with pytest.raises(AllocationError, match="usage"):
        allocate(Decimal(1), _key((Basis.USAGE, 100)), THREE)


def test_percentages_must_add_up_to_100() -> None:
    with pytest.raises(ValueError, match="add up to 90"):
        _key((Basis.EQUAL, 50), (Basis.POPULATION, 40))


def test_cost_lines_by_municipality_and_domain() -> None:
    key = _key((Basis.EQUAL, 50), (Basis.POPULATION, 50))
    lines = [
        CostLine(
            label="gislaved/datacentre",
            amount=Decimal("1200000.50"),
            municipality="gislaved",
            domain="datacentre",
        ),
        CostLine(
            label="gnosjo/clients", amount=Decimal(333_333), municipality="gnosjo", domain="clients"
        ),
        CostLine(
            label="hylte/datacentre",
            amount=Decimal(100_001),
            municipality="hylte",
            domain="datacentre",
        ),
    ]
    result = allocate_cost_lines(lines, key, THREE)
    assert result.total == sum(line.amount for line in lines)
    assert sum(result.party_totals.values()) == result.total
    for party, domains in result.party_domain_totals.items():
        assert sum(domains.values()) == result.party_totals[party]
        assert set(domains) == {"datacentre", "clients"}
    mapping = allocate_cost_lines({"network": Decimal(99)}, key, THREE)
    assert sum(mapping.party_totals.values()) == 99


parties_strategy = st.lists(
    st.builds(
        lambda i, pop, dev: Party(id=f"p{i}", name=f"P{i}", population=pop, devices=dev),
        st.integers(0, 10**6),
        st.integers(0, 10**7),
        st.integers(0, 10**5),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda p: p.id,
).filter(lambda ps: sum(p.population or 0 for p in ps) > 0 and sum(p.devices or 0 for p in ps) > 0)


@settings(max_examples=150, deadline=None)
@given(
    total_units=st.integers(-(10**9), 10**11),
    unit=st.sampled_from(["1", "0.01", "1000", "10000", "0.5"]),
    equal=st.integers(0, 100),
    by_population=st.integers(0, 100),
    parties=parties_strategy,
)
def test_parts_always_add_up_to_the_total(
    total_units: int, unit: str, equal: int, by_population: int, parties: list[Party]
) -> None:
    by_population = min(by_population, 100 - equal)
    by_devices = 100 - equal - by_population
    components = [
        (b, p)
        for b, p in (
            (Basis.EQUAL, equal),
            (Basis.POPULATION, by_population),
            (Basis.DEVICES, by_devices),
        )
        if p > 0
    ]
    key = _key(*components, unit=unit)
    total = Decimal(total_units) * Decimal(unit)
    allocation = allocate(total, key, parties)
    assert sum(p.amount for p in allocation.parts) == total
    for part in allocation.parts:
        assert part.amount % Decimal(unit) == 0
        # rounding moves a part by less than one unit
        assert abs(part.amount - part.exact_amount) < Decimal(unit)
