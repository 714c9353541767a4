"""Amounts as ranges, rounded as a person writes them (docs/method.md#ranges)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
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
    for value in (rounded.low, rounded.high):
        assert value % rounded.step == 0
    assert rounded.expected % rounded.expected_step == 0
    assert rounded.step >= Decimal(1).scaleb(Decimal(repr(amount.high)).adjusted() - 2)


@example(MoneyRange(9_890_100_000.99, 9_990_000_001.0, 9_990_000_001.0), "en")
@given(ranges(), st.sampled_from(["en", "sv", "no"]))
def test_prose_never_shows_the_krona(amount: MoneyRange, lang: str) -> None:
    text = format_range(amount, "SEK", lang)  # type: ignore[arg-type]
    # each figure on its own: a range's ends are joined by a dash ("9.89–10.00 bn SEK")
    figures = text.replace("\u00a0", "").replace("–", " ").split()
    digits = [part for part in figures if part[:1].isdigit()]
    assert all(len(part.strip(",.")) <= 9 for part in digits)
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
        "-6 to 51 MSEK, expected 23"  # en_GB's minus is "-" (CLDR), sv/nb's U+2212
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


@st.composite
def wide_ranges(draw: st.DrawFn) -> MoneyRange:
    """A range whose bounds may lie far from the expected value, across zero too."""
    size = draw(st.one_of(st.just(0.0), st.floats(min_value=1, max_value=1e9)))
    expected = size * draw(st.sampled_from([-1, 1]))
    below = draw(st.floats(min_value=0, max_value=5e9, allow_nan=False))
    above = draw(st.floats(min_value=0, max_value=5e9, allow_nan=False))
    return MoneyRange(expected - below, expected, expected + above)


@given(wide_ranges())
def test_expected_keeps_two_significant_figures_inside_the_rounded_range(
    amount: MoneyRange,
) -> None:
    rounded = round_range(amount)
    expected = Decimal(amount.expected)
    assert rounded.low <= rounded.expected <= rounded.high
    assert rounded.low <= Decimal(amount.low) and rounded.high >= Decimal(amount.high)
    if amount.expected != 0:
        # two significant figures: the step is at most a tenth of the leading digit's power
        assert rounded.expected_step <= Decimal(1).scaleb(
            Decimal(repr(abs(amount.expected))).adjusted() - 1
        )
        assert abs(rounded.expected - expected) <= rounded.expected_step / 2
    assert rounded.expected_step <= rounded.step
    assert rounded.step % rounded.expected_step == 0


def test_npv_of_the_review_keeps_its_expected_value() -> None:
    # the cash-flow table's present values sum to 27,465,000 in a range of -66 to 191 MSEK:
    # the bounds round to 10 MSEK (the range spans 257 MSEK), the expected value to 1 MSEK
    # (two significant figures of 27.465): 27, not 30
    npv = MoneyRange(-66_204_186, 27_465_000, 190_611_785)
    assert format_range(npv, "SEK", "en") == "-70 to 200 MSEK, expected 27"
    assert format_range(npv, "SEK", "sv") == "\u221270 till 200 mnkr, förväntat 27"
    # a small expected value in a wide range keeps a decimal: 2.7465 -> 2.7
    small = MoneyRange(-60_000_000, 2_746_500, 110_000_000)
    assert format_range(small, "SEK", "en") == "-60 to 110 MSEK, expected 2.7"
