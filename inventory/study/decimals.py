"""Exact numbers for money and scores: Decimal in and out, fractions in between."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Annotated

from pydantic import Field

#: A number a study file (or option) states: at most 25 digits, 10 of them after the
#: point. Exact arithmetic on ``1e999999999`` or ``1e-999999999`` (fractions of a total
#: with a denominator of a billion digits) would overflow or run for hours; no study
#: needs such a number.
StudyNumber = Annotated[Decimal, Field(max_digits=25, decimal_places=10)]


def tidy(value: Decimal) -> Decimal:
    """``23.0000`` -> ``23``, ``0.5000`` -> ``0.5``, never exponent notation (``2E+1``)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def from_fraction(value: Fraction, places: Decimal = Decimal("0.0001")) -> Decimal:
    """``value`` rounded half-even to ``places`` and tidied."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return tidy(exact.quantize(places, rounding=ROUND_HALF_EVEN))
