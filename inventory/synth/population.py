"""Municipality sizes drawn like Sweden's: 290 municipalities, median ~16,000 inhabitants,
a long tail up to Stockholm's ~1 million.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

#: Median and spread (natural log) of Swedish municipality populations.
MEDIAN_POPULATION = 16_000
LOG_SPREAD = 0.95
#: The three cities of the tail (Stockholm, Göteborg, Malmö), used from 100 municipalities up.
CITY_POPULATIONS = (985_000, 590_000, 357_000)
SMALLEST_POPULATION = 2_400


def _normal_quantiles(count: int) -> NDArray[np.float64]:
    """Standard normal quantiles at the midpoints of ``count`` equal slices (no SciPy)."""
    probabilities = (np.arange(count, dtype=np.float64) + 0.5) / count
    # Acklam's rational approximation of the inverse normal CDF (relative error < 1.2e-9).
    a = (
        -3.969683028665376e01,
        2.209460984245205e02,
        -2.759285104469687e02,
        1.383577518672690e02,
        -3.066479806614716e01,
        2.506628277459239e00,
    )
    b = (
        -5.447609879822406e01,
        1.615858368580409e02,
        -1.556989798598866e02,
        6.680131188771972e01,
        -1.328068155288572e01,
    )
    c = (
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e00,
        -2.549732539343734e00,
        4.374664141464968e00,
        2.938163982698783e00,
    )
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    low = 0.02425
    result = np.empty(count, dtype=np.float64)
    tail = np.minimum(probabilities, 1 - probabilities)
    is_tail = tail < low
    q = np.sqrt(-2 * np.log(tail[is_tail]))
    tail_value = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
        (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
    )
    result[is_tail] = np.where(probabilities[is_tail] < 0.5, tail_value, -tail_value)
    centre = probabilities[~is_tail] - 0.5
    r = centre * centre
    result[~is_tail] = (
        (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
        * centre
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    )
    return result


def municipality_populations(count: int, seed: int) -> NDArray[np.int64]:
    """Populations of ``count`` municipalities, in a seeded random order.

    Evenly spaced quantiles of a log-normal distribution (so totals grow linearly with
    ``count``), with the three big cities in the tail from 100 municipalities up.

    >>> int(np.median(municipality_populations(290, seed=1)))
    16000
    """
    if count < 1:
        return np.zeros(0, dtype=np.int64)
    populations = MEDIAN_POPULATION * np.exp(LOG_SPREAD * _normal_quantiles(count))
    populations = np.maximum(populations, SMALLEST_POPULATION)
    if count >= 100:
        populations[-len(CITY_POPULATIONS) :] = CITY_POPULATIONS[::-1]
    rounded = (np.round(populations / 100) * 100).astype(np.int64)
    return np.random.default_rng(seed).permutation(rounded)
