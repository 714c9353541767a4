"""The study benchmark's rounds: each step's least figures, the ratios within each round."""

from __future__ import annotations

import pytest

from benchmarks.results import Measurement, ratio_table
from benchmarks.study import _ratio, _within, combine_rounds


def _measured(seconds: float, cpu: float, rss_mib: int) -> Measurement:
    return Measurement(
        name="step", seconds=seconds, peak_rss_bytes=rss_mib * 2**20, extra={"cpu_s": cpu}
    )


def test_a_step_is_its_least_wall_and_least_cpu_over_the_rounds() -> None:
    combined = combine_rounds([_measured(0.9, 0.5, 100), _measured(0.4, 0.7, 300)])
    assert (combined.seconds, combined.extra["cpu_s"]) == (0.4, 0.5)
    assert combined.peak_rss_bytes == 300 * 2**20
    assert combined.extra["rounds_s"] == [0.9, 0.4]
    assert combined.extra["rounds_cpu_s"] == [0.5, 0.7]


def test_ratios_divide_the_least_figures_and_say_each_round() -> None:
    # frictionless 5.0 / 6.0 s wall, ours 0.30 / 0.20: least 5.0 / 0.20 = 25;
    # within the rounds 5.0 / 0.30 = 16.67 and 6.0 / 0.20 = 30
    top = combine_rounds([_measured(5.0, 4.0, 1), _measured(6.0, 5.0, 1)])
    bottom = combine_rounds([_measured(0.30, 0.25, 1), _measured(0.20, 0.40, 1)])
    wall, cpu = _ratio("frictionless / ours", top, bottom, ">= 20", lambda value: value >= 20)
    assert wall.value == pytest.approx(25.0)
    assert wall.rounds == pytest.approx([5.0 / 0.30, 30.0])
    assert (wall.met, wall.rounds_met) == (True, [False, True])
    # CPU: least 4.0 / 0.25 = 16; rounds 4.0 / 0.25 = 16 and 5.0 / 0.40 = 12.5
    assert cpu.value == pytest.approx(16.0)
    assert cpu.rounds == pytest.approx([16.0, 12.5])
    assert (cpu.met, cpu.rounds_met) == (False, [False, False])
    table = ratio_table([wall, cpu])
    assert table[0] == "| ratio (same run) | value | target | met | each round | rounds met |"
    assert (
        table[2] == "| frictionless / ours (wall) | 25.00 | >= 20 | yes | 16.67 / 30.00 | 1 of 2 |"
    )
    assert (
        table[3]
        == "| frictionless / ours (CPU) | 16.00 | >= 20 | **no** | 16.00 / 12.50 | 0 of 2 |"
    )


def test_a_limit_on_seconds_is_judged_on_the_least_and_in_each_round() -> None:
    demo = combine_rounds([_measured(4.6, 7.0, 1), _measured(3.7, 5.8, 1), _measured(3.9, 6, 1)])
    limit = _within("demo (wall seconds)", demo, 4)
    assert (limit.value, limit.met) == (3.7, True)
    assert limit.rounds_met == [False, True, True]
    assert (
        ratio_table([limit])[2]
        == "| demo (wall seconds) | 3.70 | <= 4 | yes | 4.60 / 3.70 / 3.90 | 2 of 3 |"
    )
