"""The gap and report stages of this code against another checkout's, on one stored scale.

Issue 13 allows the gap and report stages at 290 municipalities to get at most 25 % slower
than before it. Both codes run the stage task (``python -m benchmarks.tasks stage``) of
their own checkout (``PYTHONPATH`` and working folder on it, each with its own
``samples/target.yaml``) on the same SQLite file, taking turns for three rounds; the best
time of each counts (a burst of load on a shared machine slows both, not one).

    python -m benchmarks --only gap-report --scales 290 --work DIR --baseline-code DIR [--clock cpu]

``--clock cpu`` times the stages in CPU seconds of the measuring process
(``time.process_time``, every thread of it) instead of wall-clock seconds: on a machine
other work shares, the wall clock measures the neighbours, the CPU clock the stage. Both
codes run their own ``benchmarks.tasks`` with its clock swapped (``CPU_CLOCK``), so the
timed part is the same as with the wall clock.

writes only the section "Gap and report against a baseline" of ``--out``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from benchmarks.results import Measurement, Ratio, ratio_table

SECTION = "## Gap and report against a baseline"
#: The most the two stages together may be slower than the baseline's (issue 13).
SLOWDOWN = 1.25
ROUNDS = 3
STAGES = ("gap", "report")
CLOCKS = ("wall", "cpu")
#: Runs a checkout's ``benchmarks.tasks`` with ``time.perf_counter`` read as the CPU time
#: of the process: the task's timed part, measured in CPU seconds.
CPU_CLOCK = (
    "import sys, time, types\n"
    "import benchmarks.tasks as tasks\n"
    "tasks.time = types.SimpleNamespace(perf_counter=time.process_time)\n"
    "sys.exit(tasks.main(sys.argv[1:]))\n"
)


def measure_against(
    database: Path, municipalities: int, repo: Path, baseline: Path, as_of: str, clock: str = "wall"
) -> tuple[list[str], list[Ratio]]:
    """The section's lines and its ratio: each stage with this code and the baseline's,
    timed by ``clock`` (``wall`` or ``cpu``)."""
    if clock not in CLOCKS:
        raise SystemExit(f"bench: unknown clock {clock!r}; use one of: {', '.join(CLOCKS)}")
    from benchmarks.run import _commit, _ratio, run_task

    # each code reads its own copy: this code may migrate the file to a schema the
    # baseline does not know (it then refuses it). A copy made before this code first
    # opened it; when the file is already newer, make the copy at the baseline's revision
    # by hand (``alembic downgrade``).
    baseline_database = database.with_name(f"{database.stem}.baseline{database.suffix}")
    if not baseline_database.exists():
        shutil.copyfile(database, baseline_database)

    def timed(stage: str, root: Path) -> Measurement:
        url = database if root == repo else baseline_database
        arguments = {
            "stage": stage,
            "url": f"sqlite:///{url}",
            "target": str(root / "samples" / "target.yaml"),
            "as_of": as_of,
        }
        label = f"{stage} at {municipalities}, {'this' if root == repo else 'baseline'} code"
        return run_task(
            "stage",
            arguments,
            label,
            note=_commit(root),
            command=[
                sys.executable,
                *(["-c", CPU_CLOCK] if clock == "cpu" else ["-m", "benchmarks.tasks"]),
                "stage",
                _json(arguments),
            ],
            env={**os.environ, "PYTHONPATH": str(root)},
            cwd=root,
        )

    best: dict[tuple[str, Path], Measurement] = {}
    for _ in range(ROUNDS):
        for stage in STAGES:
            for root in (repo, baseline):
                measured = timed(stage, root)
                key = (stage, root)
                if key not in best or measured.seconds < best[key].seconds:
                    best[key] = measured
    lines = [
        SECTION,
        "",
        f"Stages `gap` and `report` (see Stages by scale) at {municipalities}"
        f" municipalities on one stored inventory ({database.name}); this code and"
        f" the baseline code each with its own samples/target.yaml, {ROUNDS} rounds"
        " taking turns, best time of each (every task is itself the best of four"
        " runs when it takes under ten seconds). Clock: "
        + (
            "CPU seconds of the measuring process (`time.process_time`)."
            if clock == "cpu"
            else "wall-clock seconds."
        ),
        "",
        "| stage | this code s | baseline s | ratio | note |",
        "|---|---:|---:|---:|---|",
    ]
    total_ours = total_base = 0.0
    for stage in STAGES:
        ours, base = best[(stage, repo)], best[(stage, baseline)]
        total_ours += ours.seconds
        total_base += base.seconds
        lines.append(
            f"| {stage} | {ours.seconds:.3g} | {base.seconds:.3g}"
            f" | {ours.seconds / base.seconds:.2f} | {ours.note} vs {base.note} |"
        )
    value = total_ours / total_base
    ratios = [
        _ratio(
            f"gap + report at {municipalities}: this code / baseline",
            value,
            f"<= {SLOWDOWN:.2f}",
            value <= SLOWDOWN,
        )
    ]
    return [*lines, "", *ratio_table(ratios)], ratios


def _json(arguments: dict[str, str]) -> str:
    import json

    return json.dumps(arguments)
