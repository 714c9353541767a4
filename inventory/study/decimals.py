"""Exact numbers for money and scores: Decimal in and out, fractions in between."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction


def tidy(value: Decimal) -> Decimal:
    """``23.0000`` -> ``23``, ``0.5000`` -> ``0.5``, never exponent notation (``2E+1``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def from_fraction(value: Fraction, places: Decimal = Decimal("0.0001")) -> Decimal:
    """``value`` rounded half-even to ``places`` and tidied."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return tidy(exact.quantize(places, rounding=ROUND_HALF_EVEN))
