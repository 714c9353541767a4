"""Amounts as ranges, rounded as a person writes them (docs/method.md#ranges)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory.gap.money import MoneyRange, format_amount, format_range, round_range, table_amount

amounts = st.floats(min_value=1_000, max_value=1e10, allow_nan=False, allow_infinity=False)
spreads = st.floats(min_value=0, max_value=99, allow_nan=False)


@st.composite
def ranges(draw: st.DrawFn) -> MoneyRange:
    expected = draw(amounts)
    below = draw(spreads) / 100
    above = draw(spreads) / 100
    return MoneyRange(expected * (1 - below), expected, expected * (1 + above))


@given(ranges())
def test_rounded_range_is_ordered_and_contains_the_exact_one(amount: MoneyRange) -> None:
    rounded = round_range(amount)
    assert rounded.low <= rounded.expected <= rounded.high
    assert rounded.low <= Decimal(amount.low)
    assert rounded.high >= Decimal(amount.high)
    # whole steps, and never to the krona: at most three significant figures of the top
    for value in (rounded.low, rounded.expected, rounded.high):
        assert value % rounded.step == 0
    assert rounded.step >= Decimal(1).scaleb(Decimal(repr(amount.high)).adjusted() - 2)


@given(ranges(), st.sampled_from(["en", "sv", "no"]))
def test_prose_never_shows_the_krona(amount: MoneyRange, lang: str) -> None:
    text = format_range(amount, "SEK", lang)  # type: ignore[arg-type]
    digits = [part for part in text.replace("\u00a0", "").split() if part[:1].isdigit()]
    assert all(len(part.strip(",.–")) <= 9 for part in digits)
    assert str(round(amount.expected)) not in text or amount.expected < 1_000


@given(st.floats(min_value=-1e10, max_value=-1_000), st.floats(min_value=1_000, max_value=1e10))
def test_a_range_across_zero(low: float, high: float) -> None:
    amount = MoneyRange(low, (low + high) / 2, high)
    rounded = round_range(amount)
    assert rounded.low <= Decimal(low) and rounded.high >= Decimal(high)
    assert " to " in format_range(amount, "SEK", "en")


def test_written_as_a_person_would() -> None:
    one_time = MoneyRange(37_140_000, 38_829_175, 48_536_469)
    assert format_range(one_time, "SEK", "en") == "37–49 MSEK, expected 39"
    assert format_range(one_time, "SEK", "sv") == "37–49 mnkr, förväntat 39"
    assert format_range(one_time, "NOK", "no") == "37–49 mill. kr, forventet 39"
    assert format_range(one_time, "EUR", "en") == "37–49 MEUR, expected 39"
    # a stated amount (no spread): three significant figures
    assert format_amount(135_445_000, "SEK", "en") == "about 135 MSEK"
    assert format_amount(135_445_000, "SEK", "sv") == "cirka 135 mnkr"
    # a wide range across zero keeps two significant figures of its largest bound
    assert format_range(MoneyRange(-5_407_886, 22_762_691, 50_933_268), "SEK", "en") == (
        "\u22126 to 51 MSEK, expected 23"
    )
    assert format_range(MoneyRange(2_340_000, 2_600_000, 2_860_000), "SEK", "sv") == (
        "2,34–2,86 mnkr, förväntat 2,60"
    )


def test_range_arithmetic() -> None:
    cost = MoneyRange.around(100, 25)
    assert cost == MoneyRange(75, 100, 125)
    saving = MoneyRange.exact(300) - MoneyRange(150, 200, 250)
    assert saving == MoneyRange(50, 100, 150)  # lowest saving: the highest cost after
    assert cost + saving == MoneyRange(125, 200, 275)
    with pytest.raises(ValueError):
        MoneyRange(2, 1, 3)
    with pytest.raises(ValueError):
        cost.scaled(-1)


def test_tables_show_thousands() -> None:
    assert table_amount(38_829_175) == 38_829_000
    assert table_amount(1_499) == 1_000
