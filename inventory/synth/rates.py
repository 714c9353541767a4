"""The rates a synthetic inventory is generated at, and their bounds: read by the command
line before anything is generated (this module imports nothing heavy)."""

from __future__ import annotations

import math

#: Defaults that give the national figures for 290 municipalities (~8.6 million people):
#: some 2 million client rows, 200 thousand servers and 15 thousand applications.
CLIENT_ROWS_PER_INHABITANT = 0.233
SERVERS_PER_INHABITANT = 0.0233
#: Beyond this a rate is a typo, not a scenario (and would not fit in memory).
MAX_ROWS_PER_INHABITANT = 1000.0


def rate_problem(rate: float) -> str | None:
    """What is wrong with a rows-per-inhabitant rate (``inf``, ``nan``, negative), if anything.

    >>> rate_problem(float("nan"))
    'nan is not a number from 0 to 1000'
    """
    if math.isfinite(rate) and 0 <= rate <= MAX_ROWS_PER_INHABITANT:
        return None
    return f"{rate:g} is not a number from 0 to {MAX_ROWS_PER_INHABITANT:g}"
