"""The figures of one benchmark run: measurements, ratios against targets, RESULTS.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

MIB = 1024 * 1024


@dataclass
class Measurement:
    """One measured step: its time, its process's peak RSS and what it reported."""

    name: str
    seconds: float
    peak_rss_bytes: int
    rows: int | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float | None:
        return self.rows / self.seconds if self.rows and self.seconds > 0 else None


@dataclass
class Ratio:
    """A ratio of two measurements of the same run, judged against its target."""

    name: str
    value: float
    target: str
    met: bool
    why_not: str = ""
    #: The ratio within each round, when the sides were measured in several rounds.
    rounds: list[float] = field(default_factory=list)
    #: Whether each round's ratio meets the target (``None``: no target).
    rounds_met: list[bool] | None = None


@dataclass
class StageRow:
    """One analysis stage at every scale; ``rss`` is the peak at each scale."""

    stage: str
    seconds: dict[int, float]
    rss: dict[int, int]


@dataclass
class BenchmarkResults:
    """Everything one run measured, ready to print and to write as RESULTS.md."""

    command: str
    machine: dict[str, str]
    file_rows: int
    file_bytes: int
    tools: list[Measurement]
    ratios: list[Ratio]
    scales: list[int]
    scale_sizes: dict[int, dict[str, int]]
    stages: list[StageRow]
    scaling: list[Ratio]
    whole_run: Measurement | None
    notes: list[str] = field(default_factory=list)
    identification: list[str] = field(default_factory=list)  # its section, already written


def _seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _mib(value: int) -> str:
    return f"{value / MIB:,.0f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def tool_table(results: BenchmarkResults) -> list[str]:
    """The one-file comparison: our validate and import against the others."""
    rows = [
        [
            m.name,
            _seconds(m.seconds),
            f"{m.rows_per_second:,.0f}" if m.rows_per_second else "",
            _mib(m.peak_rss_bytes),
            m.note,
        ]
        for m in results.tools
    ]
    return _table(["step", "seconds", "rows/s", "peak RSS MiB", "note"], rows)


def ratio_table(ratios: Sequence[Ratio]) -> list[str]:
    """Ratios with their targets and whether they are met; with the ratio of each round
    and how many rounds met the target when they were measured in rounds."""
    if not any(r.rounds for r in ratios):
        return _table(
            ["ratio (same run)", "value", "target", "met"],
            [[r.name, f"{r.value:.2f}", r.target, "yes" if r.met else "**no**"] for r in ratios],
        )
    return _table(
        ["ratio (same run)", "value", "target", "met", "each round", "rounds met"],
        [
            [
                r.name,
                f"{r.value:.2f}",
                r.target,
                "yes" if r.met else "**no**",
                " / ".join(f"{value:.2f}" for value in r.rounds),
                "" if r.rounds_met is None else f"{sum(r.rounds_met)} of {len(r.rounds_met)}",
            ]
            for r in ratios
        ],
    )


def stage_table(results: BenchmarkResults) -> list[str]:
    """Seconds (and peak RSS MiB) per stage and scale."""
    header = ["stage", *(f"{n} municipalities s (MiB)" for n in results.scales)]
    rows = [
        [
            row.stage,
            *(
                f"{_seconds(row.seconds[n])} ({_mib(row.rss[n])})" if n in row.seconds else ""
                for n in results.scales
            ),
        ]
        for row in results.stages
    ]
    return _table(header, rows)


def size_table(results: BenchmarkResults) -> list[str]:
    """What each scale holds."""
    kinds = ["client", "server", "application"]
    return _table(
        ["municipalities", "population", *(f"{k} rows" for k in kinds)],
        [
            [str(n), f"{sizes.get('population', 0):,}", *(f"{sizes.get(k, 0):,}" for k in kinds)]
            for n, sizes in results.scale_sizes.items()
        ],
    )


def markdown(results: BenchmarkResults) -> str:
    """RESULTS.md: machine, the comparison on one file, stages by scale, targets."""
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{results.command}` (benchmarks/README.md). Every figure below comes"
        " from this one run on the same files; ratios are computed within the run.",
        "Times are wall-clock seconds of the measured step (`time.perf_counter`; steps under"
        " ten seconds: best of four runs, imports each into a fresh database; the"
        " sqlite-utils command line and longer steps: one run; every step after a"
        " warm-up). Peak RSS is the whole"
        " measuring process's maximum resident set (`os.wait4` rusage), one process"
        " per step.",
        "",
        "## Machine",
        "",
    ]
    lines += [f"- {name}: {value}" for name, value in results.machine.items()]
    lines += [
        "",
        f"## One client file: {results.file_rows:,} rows, {results.file_bytes / MIB:,.0f} MiB CSV",
        "",
    ]
    lines += tool_table(results)
    lines += ["", "## Targets", ""]
    lines += ratio_table([*results.ratios, *results.scaling])
    unmet = [r for r in [*results.ratios, *results.scaling] if not r.met]
    if unmet:
        lines += ["", "Not met:", ""]
        lines += [
            f"- {r.name}: {r.value:.2f} (target {r.target}). {r.why_not}".rstrip() for r in unmet
        ]
    lines += [
        "",
        "## Analysis stages by scale",
        "",
        "Synthetic inventories (`inventory synth`, seed 1):",
        "",
    ]
    lines += size_table(results)
    lines += [
        "",
        "Seconds per stage (peak RSS MiB of the measuring process, which holds the"
        " stored snapshot too):",
        "",
    ]
    lines += stage_table(results)
    if results.whole_run is not None:
        run = results.whole_run
        laps = ", ".join(
            f"{name.removesuffix('_s')} {_seconds(float(value))} s"
            for name, value in run.extra.items()
            if name.endswith("_s")
        )
        lines += [
            "",
            f"## Whole run at {max(results.scales)} municipalities, one process",
            "",
            f"Import, snapshot, graph, overlap and gap: {_seconds(run.seconds)} s"
            f" ({laps}); peak RSS {_mib(run.peak_rss_bytes)} MiB"
            f" ({run.peak_rss_bytes / 1024**3:.2f} GiB).",
        ]
    if results.identification:
        lines += ["", *results.identification]
    if results.notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {note}" for note in results.notes]
    return "\n".join(lines) + "\n"
