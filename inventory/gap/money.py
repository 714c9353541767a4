"""Amounts as ranges, rounded the way a person writes them in a board paper.

A cost estimate is a range (low / expected / high), never a figure to the krona::

    >>> one_time = MoneyRange(37_140_000, 38_829_175, 48_536_469)
    >>> format_range(one_time, "SEK", "en")
    '37–49 MSEK, expected 39'
    >>> format_range(one_time, "SEK", "sv")
    '37–49 mnkr, förväntat 39'
    >>> format_range(one_time, "NOK", "no")
    '37–49 mill. kr, forventet 39'

Rounding keeps three significant figures of the largest bound, two when the range is
wide; the low bound is rounded down and the high bound up, so the written range always
contains the computed one (and low <= expected <= high holds after rounding). The
expected value keeps at least two significant figures of its own (a wide range around a
small expected value: ``-60 to 110 MSEK, expected 28``, not 30), so it matches the tables
it is the sum of. Tables may show amounts rounded to thousands (``table_amount``).
docs/method.md#ranges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

from inventory.language.formatting import format_number, number_symbols
from inventory.language.i18n import Lang, t

#: Slack for float sums: a range built from the same numbers in another order may have
#: its bounds a few ulps apart.
_SLACK = 1e-6


@dataclass(frozen=True)
class MoneyRange:
    """An amount with its uncertainty: ``low <= expected <= high``."""

    low: float
    expected: float
    high: float

    def __post_init__(self) -> None:
        values = (self.low, self.expected, self.high)
        if not all(math.isfinite(value) for value in values):
            raise ValueError(f"a money range needs finite bounds, not {values}")
        slack = _SLACK * max(1.0, *(abs(value) for value in values))
        if self.low > self.expected + slack or self.expected > self.high + slack:
            raise ValueError(f"not low <= expected <= high: {values}")

    @classmethod
    def exact(cls, amount: float) -> MoneyRange:
        """A figure stated as it is (e.g. today's cost from the accounts)."""
        return cls(amount, amount, amount)

    @classmethod
    def around(cls, amount: float, percent: float) -> MoneyRange:
        """``amount`` +/- ``percent`` % (an estimated line of one kind)."""
        spread = abs(amount) * percent / 100
        return cls(amount - spread, amount, amount + spread)

    def __add__(self, other: MoneyRange) -> MoneyRange:
        return MoneyRange(
            self.low + other.low, self.expected + other.expected, self.high + other.high
        )

    def __sub__(self, other: MoneyRange) -> MoneyRange:
        # The lowest difference takes the other's highest value, and the reverse.
        return MoneyRange(
            self.low - other.high, self.expected - other.expected, self.high - other.low
        )

    def scaled(self, factor: float) -> MoneyRange:
        """Every bound times ``factor`` (a non-negative share, a discount factor)."""
        if factor < 0:
            raise ValueError("a money range is scaled by a non-negative factor")
        return MoneyRange(self.low * factor, self.expected * factor, self.high * factor)

    def to_json(self) -> dict[str, float]:
        return {
            "low": round(self.low, 2),
            "expected": round(self.expected, 2),
            "high": round(self.high, 2),
        }


ZERO = MoneyRange(0.0, 0.0, 0.0)


def total(ranges: list[MoneyRange]) -> MoneyRange:
    """The sum of ``ranges`` (``ZERO`` for none)."""
    result = ZERO
    for part in ranges:
        result = result + part
    return result


@dataclass(frozen=True)
class RoundedRange:
    """A range rounded for prose: bounds are whole ``step``s, shown in units of ``scale``."""

    low: Decimal
    expected: Decimal
    high: Decimal
    step: Decimal
    scale: Decimal
    expected_step: Decimal  # at most ``step``: two significant figures of ``expected``

    @property
    def decimals(self) -> int:
        """Digits after the point of the bounds when shown in units of ``scale``."""
        ratio = self.step / self.scale
        return max(0, -ratio.adjusted())

    @property
    def expected_decimals(self) -> int:
        """Digits after the point of the expected value in units of ``scale``."""
        ratio = self.expected_step / self.scale
        return max(0, -ratio.adjusted())


def _step_and_scale(magnitude: float, width: float) -> tuple[Decimal, Decimal]:
    """The rounding step and the unit (k, M, bn) to write amounts of ``magnitude`` in.

    Three significant figures of the largest bound (135 MSEK), coarser while the range
    spans a hundred steps or more (37-49, not 37.1-48.6), never coarser than two.
    """
    if magnitude <= 0:
        return Decimal(1), Decimal(1)
    exponent = Decimal(repr(magnitude)).adjusted()  # floor(log10), exact
    step = Decimal(1).scaleb(exponent - 2)
    coarsest = Decimal(1).scaleb(exponent - 1)
    while step < coarsest and step * 100 <= Decimal(repr(width)):
        step *= 10
    scale = Decimal(1)
    for power in (9, 6, 3):
        if exponent >= power:
            scale = Decimal(1).scaleb(power)
            break
    return step, scale


def _expected_step(expected: float, step: Decimal) -> Decimal:
    """``step``, or finer so that ``expected`` keeps two significant figures."""
    if expected == 0:
        return step
    own = Decimal(1).scaleb(Decimal(repr(abs(expected))).adjusted() - 1)
    return min(step, own)


def round_range(amounts: MoneyRange) -> RoundedRange:
    """Low rounded down and high up to the same step (two or three significant figures of
    the largest bound): the rounded range contains the exact one. Expected to the nearest
    step, or a finer one keeping two significant figures of its own; it stays between the
    rounded bounds (a multiple of the finer step, which divides the coarser)."""
    magnitude = max(abs(amounts.low), abs(amounts.high), abs(amounts.expected))
    step, scale = _step_and_scale(magnitude, amounts.high - amounts.low)
    fine = _expected_step(amounts.expected, step)

    def rounded(value: float, mode: str, unit: Decimal = step) -> Decimal:
        units = (Decimal(value) / unit).quantize(Decimal(1), rounding=mode)
        return units * unit

    low = rounded(amounts.low, ROUND_FLOOR)
    high = rounded(amounts.high, ROUND_CEILING)
    expected = min(max(rounded(amounts.expected, ROUND_HALF_EVEN, fine), low), high)
    return RoundedRange(
        low=low, expected=expected, high=high, step=step, scale=scale, expected_step=fine
    )


def _unit(scale: Decimal, currency: str, lang: Lang) -> str:
    power = {Decimal(1): 0, Decimal(1000): 3, Decimal(10**6): 6, Decimal(10**9): 9}[scale]
    kroner = (lang == "sv" and currency == "SEK") or (lang == "no" and currency == "NOK")
    key = f"money.unit{power}{'_kr' if kroner else ''}"
    return t(key, lang, currency=currency)


def million_unit(currency: str, lang: Lang) -> str:
    """How ``lang`` writes millions of ``currency``: ``MSEK``, ``mnkr`` (SEK in Swedish),
    ``mill. kr`` (NOK in Norwegian), ``mn NOK``."""
    return _unit(Decimal(10**6), currency, lang)


def _number(value: Decimal, decimals: int, lang: Lang) -> str:
    # the locale's symbols (language.formatting): 1 234,5 and U+2212 in sv/nb, 1,234.5 in en
    return format_number(value, lang, decimals)


def format_range(amounts: MoneyRange, currency: str, lang: Lang) -> str:
    """``37–48 MSEK, expected 39`` (``-12 to 4 MSEK, expected -3`` across zero); a range
    with no spread is ``about 39 MSEK``."""
    rounded = round_range(amounts)
    unit = _unit(rounded.scale, currency, lang)
    digits = rounded.decimals

    def shown(value: Decimal, places: int = digits) -> str:
        return _number(value / rounded.scale, places, lang)

    if amounts.low == amounts.high:
        single = (Decimal(amounts.expected) / rounded.step).quantize(
            Decimal(1), rounding=ROUND_HALF_EVEN
        ) * rounded.step
        return t("money.about", lang, value=shown(single), unit=unit)
    if rounded.low == rounded.high:
        return t(
            "money.about", lang, value=shown(rounded.expected, rounded.expected_decimals), unit=unit
        )
    joiner = "\u2013" if rounded.low >= 0 else t("money.to", lang)
    return t(
        "money.range",
        lang,
        low=shown(rounded.low),
        joiner=joiner,
        high=shown(rounded.high),
        unit=unit,
        expected=shown(rounded.expected, rounded.expected_decimals),
    )


def format_amount(amount: float, currency: str, lang: Lang) -> str:
    """One amount as a person writes it: ``about 135 MSEK``."""
    return format_range(MoneyRange.exact(amount), currency, lang)


def table_amount(amount: float) -> float:
    """An amount for a table: rounded to whole thousands (NaN stays NaN)."""
    if not math.isfinite(amount):
        return amount
    return float(round(amount, -3))


def format_signed(amount: float, currency: str, lang: Lang) -> str:
    """A change as a person writes it, with its sign: ``+4.33 MSEK``, ``-13.3 MSEK``
    (``−13,3 mnkr``: the locale's minus sign)."""
    rounded = round_range(MoneyRange.exact(abs(amount)))
    value = _number(rounded.expected / rounded.scale, rounded.expected_decimals, lang)
    sign = "+" if amount > 0 else (number_symbols(lang).minus if amount < 0 else "")
    return f"{sign}{value} {_unit(rounded.scale, currency, lang)}"
