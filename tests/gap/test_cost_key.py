"""Who pays: the cost key over the joint costs, next to where the work lands, by hand
(docs/method.md#cost-key)."""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import pandas as pd
import pytest

from inventory.gap.cost_key import (
    JOINT,
    allocation_key,
    cost_shares,
    key_parties,
    municipal_outcomes,
)
from inventory.gap.money import MoneyRange
from inventory.study.allocation import Party
from inventory.target.economics import CostKey

HALF_EQUAL_HALF_POPULATION = CostKey.model_validate(
    {"components": [{"basis": "equal", "percent": 50}, {"basis": "population", "percent": 50}]}
)


def work(*rows: tuple[str, float, float]) -> tuple[pd.DataFrame, pd.Series]:
    """Items (municipality, hours) and their investment."""
    frame = pd.DataFrame({"municipality": [r[0] for r in rows], "hours": [r[1] for r in rows]})
    return frame, pd.Series([r[2] for r in rows], index=frame.index, dtype=float)


def shares(
    parties: list[Party],
    *,
    one_time: float,
    yearly: float = 0.0,
    rows: tuple[tuple[str, float, float], ...] = (),
    rate: float = 1000,
) -> pd.DataFrame:
    items, investment = work(*rows)
    frame, notes = cost_shares(
        (parties, {}),
        HALF_EQUAL_HALF_POPULATION,
        items=items,
        hourly_rate=rate,
        investment=investment,
        one_time=one_time,
        yearly_after=yearly,
        today={},
    )
    assert notes == []
    return frame.set_index("municipality")


def test_two_municipalities_melhus_key() -> None:
    # The Melhus / Midtre Gauldal report: 5 million shared 50 % equally, 50 % by
    # population (14,700 and 6,300 inhabitants): 3.0 and 2.0 million.
    parties = [
        Party(id="melhus", name="Melhus", population=14_700),
        Party(id="mg", name="Midtre Gauldal", population=6_300),
    ]
    frame = shares(parties, one_time=5_000_000, yearly=12_400_000)
    melhus = Fraction(1, 2) * Fraction(1, 2) + Fraction(1, 2) * Fraction(14_700, 21_000)
    assert frame.loc["melhus", "share"] == pytest.approx(float(melhus))  # 0.6
    assert frame.loc["melhus", "one_time_by_key"] == 3_000_000
    assert frame.loc["mg", "one_time_by_key"] == 2_000_000
    # the study's yearly figures: 7.44 and 4.96 million
    assert frame.loc["melhus", "yearly_by_key"] == 7_440_000
    assert frame.loc["mg", "yearly_by_key"] == 4_960_000
    assert frame.loc["melhus", "one_time_by_key_per_inhabitant"] == pytest.approx(
        3_000_000 / 14_700
    )


def test_three_municipalities_add_up_to_the_krona() -> None:
    populations = {"a": 14_700, "b": 6_300, "c": 9_000}  # 30,000 together
    parties = [
        Party(id=code, name=code.upper(), population=people) for code, people in populations.items()
    ]
    total = 1_000_001  # not divisible: the largest remainder places the odd kronor
    frame = shares(parties, one_time=total)
    for code, people in populations.items():
        exact = (
            Fraction(1, 2) * Fraction(1, 3) + Fraction(1, 2) * Fraction(people, 30_000)
        ) * total
        assert abs(frame["one_time_by_key"].astype(float)[code] - float(exact)) < 1
    assert frame.loc[["a", "b", "c"], "one_time_by_key"].sum() == total
    assert frame.loc[["a", "b", "c"], "share"].sum() == pytest.approx(1)


def test_where_the_work_lands_next_to_the_key() -> None:
    parties = [
        Party(id="a", name="A", population=30_000),
        Party(id="b", name="B", population=10_000),
    ]
    # a: 300 h; b: 100 h and 50,000 bought; joint: 200 h (introduced once)
    rows = (("a", 300.0, 0.0), ("b", 100.0, 50_000.0), (JOINT, 200.0, 0.0))
    one_time = 300 * 1000 + 100 * 1000 + 50_000 + 200 * 1000  # 650,000
    frame = shares(parties, one_time=one_time, rows=rows)
    share_a = 0.5 * 0.5 + 0.5 * 0.75  # 0.625
    assert frame.loc["a", "work_hours"] == 300 and frame.loc["a", "work_cost"] == 300_000
    assert frame.loc["b", "work_cost"] == 100_000 + 50_000
    assert frame.loc[JOINT, "work_hours"] == 200 and frame.loc[JOINT, "work_cost"] == 200_000
    assert frame.loc["a", "joint_share"] == 200_000 * share_a  # 125,000
    assert frame.loc["b", "joint_share"] == 200_000 * (1 - share_a)  # 75,000
    assert frame.loc["a", "work_and_joint"] == 300_000 + 125_000
    # both views add up to the one-time cost
    municipalities = frame.loc[["a", "b"]]
    assert municipalities["work_and_joint"].sum() == one_time
    assert municipalities["one_time_by_key"].sum() == one_time
    assert frame.loc["a", "one_time_by_key"] == one_time * share_a
    # per inhabitant: where the work lands, b pays 2.7 times what a pays
    assert frame.loc["a", "work_per_inhabitant"] == pytest.approx(425_000 / 30_000)
    assert frame.loc["b", "work_per_inhabitant"] == pytest.approx(225_000 / 10_000)
    assert math.isnan(frame["share"].astype(float)[JOINT])


def test_a_key_that_cannot_be_applied_says_so() -> None:
    parties = [Party(id="a", name="A", population=1000), Party(id="b", name="B")]
    items, investment = work()
    frame, notes = cost_shares(
        (parties, {}),
        HALF_EQUAL_HALF_POPULATION,
        items=items,
        hourly_rate=1000,
        investment=investment,
        one_time=100,
        yearly_after=0,
        today={},
    )
    assert frame["share"].isna().all()
    assert any("cannot be applied" in note and "population" in note for note in notes)


def test_key_parties_take_the_municipality_file_then_the_study() -> None:
    table = pd.DataFrame(
        {
            "code": ["a", "b"],
            "name": ["A", "B"],
            "population": [1000, None],
            "employees": [None, None],
        }
    ).set_index("code", drop=False)
    parties, sources = key_parties(table, {"a": 40.0}, None)
    assert parties[0].population == 1000 and parties[0].devices == 40
    assert parties[1].population is None and sources["b"] == "none"


def test_float_percentages_add_up_to_exactly_100() -> None:
    thirds = CostKey.model_validate(
        {
            "components": [
                {"basis": "equal", "percent": 33.3},
                {"basis": "population", "percent": 33.3},
                {"basis": "employees", "percent": 33.4},
            ]
        }
    )
    key = allocation_key(thirds)
    assert sum(component.percent for component in key.components) == 100


def test_who_pays_more_per_year_and_own_payback_by_hand() -> None:
    parties = [
        Party(id="a", name="A", population=30_000),
        Party(id="b", name="B", population=10_000),
    ]
    items, investment = work()
    frame, _ = cost_shares(
        (parties, {}),
        HALF_EQUAL_HALF_POPULATION,
        items=items,
        hourly_rate=1000,
        investment=investment,
        one_time=400_000,
        yearly_after=800_000,
        today={"a": 1_000_000, "b": 200_000},
    )
    # shares: a 0.5/2 + 0.5 x 3/4 = 0.625, b 0.375; after a 500,000, b 300,000
    assert frame.loc[0, "yearly_change"] == 500_000 - 1_000_000
    assert frame.loc[0, "yearly_change_percent"] == -50
    assert frame.loc[1, "yearly_change"] == 300_000 - 200_000  # b pays more than today
    assert frame.loc[1, "yearly_change_percent"] == 50
    # the plan: one package through 2027, the saving for 2 years from 2028, rate 0
    spend = pd.DataFrame(
        {"start": [dt.date(2027, 1, 1)], "end": [dt.date(2028, 1, 1)], "cost": [1.0]}
    )
    outcome = municipal_outcomes(
        frame,
        spend,
        dt.date(2027, 1, 1),
        one_time=MoneyRange.exact(400_000),
        joint_after=MoneyRange.exact(800_000),
        kept_percent=0,
        running_uncertainty=0,
        horizon_years=2,
        rate_percent=0,
    )
    # a: -0.625 x 400,000 in year 1, +500,000 in years 2 and 3
    assert outcome.loc[0, "npv"] == pytest.approx(-250_000 + 2 * 500_000)
    assert outcome.loc[0, "payback_year"] == 2 and outcome.loc[0, "payback_calendar_year"] == 2028
    # b: -150,000 and -100,000 a year: never paid back
    assert outcome.loc[1, "npv"] == pytest.approx(-150_000 - 2 * 100_000)
    assert math.isnan(float(outcome.loc[1, "payback_year"]))  # type: ignore[arg-type]
    # together: -400,000 + 2 x (1,200,000 - 800,000)
    assert outcome.loc[[0, 1], "npv"].sum() == pytest.approx(400_000)


def test_areas_kept_cost_each_municipality_its_own_share_of_today() -> None:
    parties = [
        Party(id="a", name="A", population=30_000),
        Party(id="b", name="B", population=10_000),
    ]
    items, investment = work()
    frame, _ = cost_shares(
        (parties, {}),
        HALF_EQUAL_HALF_POPULATION,
        items=items,
        hourly_rate=1000,
        investment=investment,
        one_time=0,
        yearly_after=800_000,
        today={"a": 1_000_000, "b": 200_000},
        kept_percent=20,
    )
    # the joint 800,000 by the key, plus 20 % of its own cost today
    assert frame.loc[0, "yearly_by_key"] == 0.625 * 800_000 + 0.2 * 1_000_000
    assert frame.loc[1, "yearly_by_key"] == 0.375 * 800_000 + 0.2 * 200_000
