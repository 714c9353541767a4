"""Orchestration of one benchmark run: make the files, measure every step, write the table.

``python -m benchmarks [--quick] [--scales 5,50,290] [--rows 1000000]``. Each step runs in
its own process (``benchmarks.tasks``): its time is measured inside, its peak memory read
from ``os.wait4``. The ratios against the targets come from this run only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.machine import machine_facts
from benchmarks.results import BenchmarkResults, Measurement, Ratio, StageRow, markdown

REPO = Path(__file__).resolve().parent.parent
TARGET_FILE = REPO / "samples" / "target.yaml"
AS_OF = "2025-01-01"
SEED = 1
WARMUP_ROWS = 1_000

FULL_SCALES = (5, 25, 50, 145, 290)
QUICK_SCALES = (1, 2)
STAGES = ("snapshot", "graph", "overlap", "gap", "report")
#: The module each later stage needs; a stage whose module is missing is left out.
STAGE_MODULES = {
    "snapshot": "inventory.store",
    "graph": "inventory.analyse.graph",
    "overlap": "inventory.analyse.overlap",
    "gap": "inventory.gap.result",
    "report": "inventory.report",
}


def _say(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


def run_task(
    name: str,
    args: dict[str, Any],
    label: str,
    *,
    rows: int | None = None,
    note: str = "",
    command: list[str] | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Measurement:
    """Run one task in a fresh process; its figures and its peak RSS. ``command`` replaces
    ``python -m benchmarks.tasks NAME ARGS`` (a script that prints the same JSON line)."""
    _say(f"{label} ...")
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            command or [sys.executable, "-m", "benchmarks.tasks", name, json.dumps(args)],
            cwd=cwd or REPO,
            stdout=output,
            env=env,
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    if process.returncode != 0:
        raise SystemExit(f"bench: {label} failed (exit {process.returncode}): {text[-2000:]}")
    figures = json.loads(text.strip().splitlines()[-1])
    seconds = float(figures.pop("seconds"))
    counted = figures.get("rows")
    measurement = Measurement(
        name=label,
        seconds=seconds,
        peak_rss_bytes=int(usage.ru_maxrss) * 1024,
        rows=rows if rows is not None else counted,
        note=note,
        extra=figures,
    )
    _say(f"{label}: {seconds:.2f} s, peak RSS {measurement.peak_rss_bytes / 2**20:,.0f} MiB")
    return measurement


def _synth(
    out: Path, municipalities: int, rows_per_inhabitant: float | None = None
) -> dict[str, int]:
    """Generate (once) a synthetic inventory; its row counts and population."""
    from inventory.synth import SynthOptions, generate_inventories

    stamp = out / "synth.json"
    if stamp.exists():
        return {str(k): int(v) for k, v in json.loads(stamp.read_text()).items()}
    options = SynthOptions(municipalities=municipalities, seed=SEED)
    if rows_per_inhabitant is not None:
        options = SynthOptions(
            municipalities=municipalities, seed=SEED, client_rows_per_inhabitant=rows_per_inhabitant
        )
    _say(f"generating {municipalities} municipalities in {out} ...")
    result = generate_inventories(out, options)
    sizes = {**result.rows, "population": result.population}
    stamp.write_text(json.dumps(sizes))
    return sizes


def client_file(work: Path, rows: int) -> Path:
    """One municipality whose client file has ``rows`` rows (its folder is validated)."""
    from inventory.synth import municipality_populations

    population = int(municipality_populations(1, SEED).sum())
    folder = work / f"one-{rows}"
    _synth(folder, 1, rows / population)
    return next(folder.glob("*/clients.csv"))


def _fresh(path: Path) -> str:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return str(path)


def _ratio(name: str, value: float, target: str, met: bool) -> Ratio:
    return Ratio(name=name, value=value, target=target, met=met)


def compare_tools(work: Path, file: Path, naive_rows: int) -> tuple[list[Measurement], list[Ratio]]:
    """Our validate and import against frictionless, sqlite-utils, naive and the floor."""
    folder = file.parent
    file.read_bytes()  # every tool starts with the file in the page cache
    rows = sum(1 for _ in file.open("rb")) - 1
    small = client_file(work, WARMUP_ROWS)  # each step runs on it first, in its process
    ours_validate = run_task(
        "our-validate",
        {"folder": str(folder), "warmup": {"folder": str(small.parent)}},
        "our validate (validate_paths)",
        rows=rows,
        note="whole folder: the client file and 9 small files",
    )
    frictionless = run_task(
        "frictionless",
        {"file": str(file), "warmup": {"file": str(small)}},
        "frictionless validate (Python API)",
        rows=rows,
    )
    ours_import = run_task(
        "our-import",
        {
            "folders": [str(folder)],
            "database": _fresh(work / "ours.db"),
            "warmup": {"folders": [str(small.parent)], "database": _fresh(work / "warm.db")},
        },
        "our import (validate + store, SQLite)",
        rows=rows,
    )
    validated = float(ours_import.extra.get("validated_s", 0.0))
    ours_import.note = f"validate {validated:.1f} s + store {ours_import.seconds - validated:.1f} s"
    sqlite_utils = run_task(
        "sqlite-utils",
        {"file": str(file), "database": _fresh(work / "sqlite-utils.db")},
        "sqlite-utils insert --csv (CLI)",
        rows=rows,
    )
    naive = run_task(
        "naive",
        {
            "file": str(file),
            "database": _fresh(work / "naive.db"),
            "rows": min(naive_rows, rows),
            "warmup": {"file": str(small), "rows": 100, "database": _fresh(work / "warm-naive.db")},
        },
        "naive: pydantic + ORM object per row",
    )
    measured_rows = naive.rows or 1
    naive.note = (
        f"measured on {measured_rows:,} rows ({naive.seconds:.1f} s),"
        f" extrapolated linearly to {rows:,}"
    )
    naive.seconds = naive.seconds * rows / measured_rows
    naive.rows = rows
    floor = run_task(
        "floor",
        {
            "file": str(file),
            "database": _fresh(work / "floor.db"),
            "warmup": {"file": str(small), "database": _fresh(work / "warm-floor.db")},
        },
        "floor: pyarrow read_csv + sqlite3 executemany",
        rows=rows,
    )
    ratios = [
        _ratio(
            "validate: frictionless / ours",
            frictionless.seconds / ours_validate.seconds,
            ">= 20",
            frictionless.seconds / ours_validate.seconds >= 20,
        ),
        _ratio(
            "import: sqlite-utils / ours",
            sqlite_utils.seconds / ours_import.seconds,
            ">= 10",
            sqlite_utils.seconds / ours_import.seconds >= 10,
        ),
        _ratio(
            "import: naive (extrapolated) / ours",
            naive.seconds / ours_import.seconds,
            "(none)",
            True,
        ),
        _ratio(
            "import: ours / floor",
            ours_import.seconds / floor.seconds,
            "<= 2",
            ours_import.seconds / floor.seconds <= 2,
        ),
    ]
    return [ours_validate, frictionless, ours_import, sqlite_utils, naive, floor], ratios


def available_stages() -> list[str]:
    """The later stages whose code exists in this checkout."""
    return [stage for stage in STAGES if importlib.util.find_spec(STAGE_MODULES[stage]) is not None]


ScaleProgress = Callable[[dict[int, dict[str, int]], list[StageRow]], None]


def measure_scales(
    work: Path, scales: Sequence[int], on_scale: ScaleProgress | None = None
) -> tuple[dict[int, dict[str, int]], list[StageRow]]:
    """Import each scale into its own SQLite file, then every later stage on it
    (``on_scale`` is called with the figures so far after each scale)."""
    sizes: dict[int, dict[str, int]] = {}
    rows: dict[str, StageRow] = {
        name: StageRow(name, {}, {}) for name in ["import", *available_stages()]
    }
    for count in scales:
        folder = work / f"scale-{count}"
        sizes[count] = _synth(folder, count)
        database = work / f"scale-{count}.db"
        folders = sorted(str(path) for path in folder.iterdir() if path.is_dir())
        measured = run_task(
            "our-import", {"folders": folders, "database": _fresh(database)}, f"import at {count}"
        )
        rows["import"].seconds[count] = measured.seconds
        rows["import"].rss[count] = measured.peak_rss_bytes
        for stage in available_stages():
            measured = run_task(
                "stage",
                {
                    "stage": stage,
                    "url": f"sqlite:///{database}",
                    "target": str(TARGET_FILE),
                    "as_of": AS_OF,
                },
                f"{stage} at {count}",
            )
            rows[stage].seconds[count] = measured.seconds
            rows[stage].rss[count] = measured.peak_rss_bytes
        if on_scale is not None:
            on_scale(sizes, list(rows.values()))
    return sizes, list(rows.values())


def scaling(stages: Sequence[StageRow], sizes: dict[int, dict[str, int]]) -> list[Ratio]:
    """Time at 2N over time at N for every pair of scales N, 2N that was measured."""
    ratios = []
    for count in sorted(sizes):
        if 2 * count not in sizes:
            continue
        clients = sizes[2 * count].get("client", 0) / max(1, sizes[count].get("client", 1))
        for row in stages:
            if count in row.seconds and 2 * count in row.seconds:
                value = row.seconds[2 * count] / max(row.seconds[count], 1e-9)
                ratios.append(
                    _ratio(
                        f"scaling {row.stage}: {2 * count}/{count} municipalities"
                        f" (client rows x{clients:.2f})",
                        value,
                        "<= 2.2",
                        value <= 2.2,
                    )
                )
    return ratios


IDENTIFY_SCRIPT = REPO / "benchmarks" / "identify_clients.py"
#: Identifying a client file may take this much longer than the baseline code (issue 12).
IDENTIFY_SLOWDOWN = 1.10
IDENTIFY_ROUNDS = 3
#: The heading of the timing, a section of its own so that ``python -m
#: benchmarks.identification`` (the corpus table alone) leaves it in place.
SPEED_SECTION = "## Identification speed"


def _commit(checkout: Path) -> str:
    """The commit a checkout is at (``git rev-parse --short HEAD``), empty when unknown."""
    found = subprocess.run(
        ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return f"commit {found.stdout.strip()}" if found.returncode == 0 else ""


def measure_identification(
    work: Path, file: Path, baseline: Path | None
) -> tuple[list[str], list[Ratio]]:
    """The Identification section: the corpus figures, then the time to identify the
    client file's products with this code, with the ``baseline`` checkout's code (each run
    as a script with ``PYTHONPATH`` on its checkout) and the factorize floor."""
    from benchmarks.identification import report
    from benchmarks.results import ratio_table

    rows = sum(1 for _ in file.open("rb")) - 1
    small = client_file(work, WARMUP_ROWS)

    def timed(label: str, root: Path, step: str, note: str = "") -> Measurement:
        arguments = {"file": str(file), "step": step, "warmup": {"file": str(small)}}
        return run_task(
            step,
            arguments,
            label,
            rows=rows,
            note=note,
            command=[sys.executable, str(IDENTIFY_SCRIPT), json.dumps(arguments)],
            env={**os.environ, "PYTHONPATH": str(root)},
        )

    # The two codes take turns, three rounds, best of each: a burst of load on a shared
    # machine then slows both sides, not one.
    ours = timed("identification, this code", REPO, "identify", note=_commit(REPO))
    before = (
        timed(
            "identification, baseline code",
            baseline,
            "identify",
            note=f"{_commit(baseline)} in {baseline}".strip(),
        )
        if baseline is not None
        else None
    )
    for _ in range(IDENTIFY_ROUNDS - 1):
        ours = min(
            ours, timed(ours.name, REPO, "identify", note=ours.note), key=lambda m: m.seconds
        )
        if before is not None and baseline is not None:
            before = min(
                before,
                timed(before.name, baseline, "identify", note=before.note),
                key=lambda m: m.seconds,
            )
    measured = [ours]
    ratios = []
    if before is not None:
        measured.append(before)
        value = ours.seconds / before.seconds
        ratios.append(
            _ratio(
                "identification of the client file: this code / baseline",
                value,
                f"<= {IDENTIFY_SLOWDOWN:.2f}",
                value <= IDENTIFY_SLOWDOWN,
            )
        )
    floor = timed("floor: pandas.factorize of the same columns", REPO, "floor")
    measured.append(floor)
    ratios.append(
        _ratio(
            "identification: this code / factorize floor",
            ours.seconds / floor.seconds,
            "(none)",
            True,
        )
    )
    for measurement in measured:
        if "identified" in measurement.extra:
            measurement.note = "; ".join(
                filter(
                    None,
                    [
                        measurement.note,
                        f"{int(measurement.extra['identified']):,} rows identified,"
                        f" {int(measurement.extra.get('distinct', 0)):,} distinct names",
                    ],
                )
            )
    corpus = report()
    lines = [
        *corpus["section"],
        "",
        SPEED_SECTION,
        "",
        f"`Normaliser.match_frame` over the OS columns of the one client file"
        f" ({rows:,} rows), as gap and overlap call it for clients (no vendor, role"
        " client where the matcher takes one), with an empty per-name cache; each code"
        " in its own process (`benchmarks/identify_clients.py` with `PYTHONPATH` on the"
        " checkout), best of four runs after a warm-up, in three rounds that alternate"
        " the two codes (the best round counts).",
        "",
        "| step | seconds | rows/s | peak RSS MiB | note |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {m.name} | {m.seconds:.4g} | {m.rows_per_second or 0:,.0f}"
        f" | {m.peak_rss_bytes / 2**20:,.0f} | {m.note} |"
        for m in measured
    ]
    lines += ["", *ratio_table(ratios)]
    if baseline is None:
        lines += ["", "No baseline checkout was given (`--baseline-code DIR`): only the floor."]
    return lines, ratios


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure validate, import and the analysis stages; write RESULTS.md.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small sizes (20,000 rows; 1 and 2 municipalities): about a minute",
    )
    parser.add_argument(
        "--scales",
        help=f"municipality counts, comma-separated (default {','.join(map(str, FULL_SCALES))})",
    )
    parser.add_argument(
        "--rows", type=int, help="client rows of the one-file comparison (default 1000000)"
    )
    parser.add_argument(
        "--naive-rows", type=int, help="rows the naive baseline is measured on (default 50000)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO / "benchmarks" / "RESULTS.md",
        help="where to write the results (default benchmarks/RESULTS.md)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="folder for the generated files and databases (default: a new temporary one)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        help="--only study: rounds of every step, each step's least taken (default 3)",
    )
    parser.add_argument(
        "--skip-whole-run",
        action="store_true",
        help="leave out the one-process run at the largest scale",
    )
    parser.add_argument(
        "--baseline-code",
        type=Path,
        help="a checkout of the code to compare identification speed with"
        " (e.g. a git worktree of an older commit)",
    )
    parser.add_argument(
        "--only",
        choices=["identification", "gap-report", "study", "intune-import", "snapshot"],
        help="measure only this part and rewrite only its section of --out",
    )
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="gap-report: time the stages in wall-clock or CPU seconds (CPU on"
        " a machine other work shares)",
    )
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the results and write them to ``--out``."""
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    quick = bool(arguments.quick)
    scales = (
        [int(part) for part in arguments.scales.split(",") if part.strip()]
        if arguments.scales
        else list(QUICK_SCALES if quick else FULL_SCALES)
    )
    rows = arguments.rows or (20_000 if quick else 1_000_000)
    naive_rows = arguments.naive_rows or (2_000 if quick else 50_000)
    work = arguments.work or Path(tempfile.mkdtemp(prefix="inventory-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    command = "python -m benchmarks " + shlex.join(sys.argv[1:] if argv is None else list(argv))
    machine = machine_facts()
    if arguments.only == "gap-report":
        return _only_gap_report(arguments, work, max(scales), command)
    if arguments.only == "snapshot":
        return _only_snapshot(arguments, work, max(scales), command)
    if arguments.only == "intune-import":
        from benchmarks.intune_import import only_intune_import

        return only_intune_import(arguments.out, work, rows, command)
    if arguments.only == "study":
        return _only_study(arguments, work, command, quick)
    file = client_file(work, rows)
    if arguments.only == "identification":
        return _only_identification(arguments, work, file, command)
    tools, ratios = compare_tools(work, file, naive_rows)
    identification, identification_ratios = measure_identification(
        work, file, arguments.baseline_code
    )
    ratios += identification_ratios
    notes = [
        f"Stages measured: {', '.join(available_stages())}. Report: build_report"
        " (English, no diagrams) rendered to HTML, XLSX, Markdown and JSON in memory.",
        f"Gap: samples/target.yaml with its municipality list emptied, as of {AS_OF}.",
        f"Generated files and databases: {work}",
    ]

    def results(
        sizes: dict[int, dict[str, int]],
        stages: list[StageRow],
        whole: Measurement | None,
        extra: list[Ratio],
        done: bool,
    ) -> BenchmarkResults:
        return BenchmarkResults(
            command=command.strip(),
            machine=machine,
            file_rows=tools[0].rows or rows,
            file_bytes=file.stat().st_size,
            tools=tools,
            ratios=[*ratios, *extra],
            scales=[n for n in scales if n in sizes],
            scale_sizes=sizes,
            stages=stages,
            scaling=scaling(stages, sizes),
            whole_run=whole,
            identification=identification,
            notes=notes
            if done
            else [*notes, "INCOMPLETE: written while the run was still going (figures so far)."],
        )

    def write_so_far(sizes: dict[int, dict[str, int]], stages: list[StageRow]) -> None:
        arguments.out.write_text(
            markdown(results(sizes, stages, None, [], False)), encoding="utf-8"
        )

    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    write_so_far({}, [])
    sizes, stages = measure_scales(work, scales, write_so_far)
    whole = None
    memory: list[Ratio] = []
    if not arguments.skip_whole_run:
        largest = max(scales)
        folder = work / f"scale-{largest}"
        whole = run_task(
            "whole-run",
            {
                "folders": sorted(str(path) for path in folder.iterdir() if path.is_dir()),
                "database": _fresh(work / "whole-run.db"),
                "url": f"sqlite:///{work}/whole-run.db",
                "target": str(TARGET_FILE),
                "as_of": AS_OF,
            },
            f"whole run at {largest}",
        )
        limit = 4 * 1024**3
        memory.append(
            _ratio(
                f"peak RSS of the whole run at {largest} (GiB)",
                whole.peak_rss_bytes / 1024**3,
                "< 4",
                whole.peak_rss_bytes < limit,
            )
        )
    text = markdown(results(sizes, stages, whole, memory, True))
    arguments.out.write_text(text, encoding="utf-8")
    print(text)
    _say(f"written to {arguments.out}")
    return 0


def _only_identification(
    arguments: argparse.Namespace, work: Path, file: Path, command: str
) -> int:
    """``--only identification``: measure it and rewrite its section of ``--out`` in place."""
    from benchmarks.identification import SECTION, replace_section

    lines, _ratios = measure_identification(work, file, arguments.baseline_code)
    lines = [*lines, "", f"Measured by `{command.strip()}` on {machine_facts()['date']}."]
    split = lines.index(SPEED_SECTION)
    existing = arguments.out.read_text(encoding="utf-8") if arguments.out.exists() else ""
    text = replace_section(existing, SECTION, lines[:split])
    arguments.out.write_text(replace_section(text, SPEED_SECTION, lines[split:]), encoding="utf-8")
    print("\n".join(lines))
    _say(f"written to {arguments.out} (sections {SECTION!r} and {SPEED_SECTION!r} only)")
    return 0


def _only_gap_report(arguments: argparse.Namespace, work: Path, count: int, command: str) -> int:
    """``--only gap-report``: the gap and report stages at ``count`` municipalities with
    this code and ``--baseline-code``'s; rewrites only that section of ``--out``."""
    from benchmarks.gap_report import SECTION, measure_against
    from benchmarks.identification import replace_section

    if arguments.baseline_code is None:
        raise SystemExit("bench: --only gap-report needs --baseline-code DIR")
    folder = work / f"scale-{count}"
    database = work / f"scale-{count}.db"
    if not database.exists():
        _synth(folder, count)
        folders = sorted(str(path) for path in folder.iterdir() if path.is_dir())
        run_task(
            "our-import", {"folders": folders, "database": _fresh(database)}, f"import at {count}"
        )
    lines, _ratios = measure_against(
        database, count, REPO, arguments.baseline_code.resolve(), AS_OF, clock=arguments.clock
    )
    lines = [*lines, "", f"Measured by `{command.strip()}` on {machine_facts()['date']}."]
    existing = arguments.out.read_text(encoding="utf-8") if arguments.out.exists() else ""
    arguments.out.write_text(replace_section(existing, SECTION, lines), encoding="utf-8")
    print("\n".join(lines))
    _say(f"written to {arguments.out} (section {SECTION!r} only)")
    return 0


def _only_study(arguments: argparse.Namespace, work: Path, command: str, quick: bool) -> int:
    """``--only study``: the study scenario (``benchmarks.study``) at ``--scales`` (default
    5 and 20 municipalities); rewrites only its section of ``--out``, with the machine and
    its load."""
    from benchmarks.identification import replace_section
    from benchmarks.study import FULL_COUNTS, QUICK_COUNTS, SECTION, STUDY_ROUNDS, measure_study

    counts = (
        [int(part) for part in arguments.scales.split(",") if part.strip()]
        if arguments.scales
        else list(QUICK_COUNTS if quick else FULL_COUNTS)
    )
    facts = machine_facts()
    lines, _ratios = measure_study(
        work, counts, TARGET_FILE, AS_OF, rounds=arguments.rounds or STUDY_ROUNDS
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        *lines,
        "",
        f"Measured by `{command.strip()}` on {facts['date']} ({facts['cpu']},"
        f" {facts['cores']} cores; load average at start"
        f" {facts['load average at start (1, 5, 15 min)']}, at the end {load}).",
    ]
    existing = arguments.out.read_text(encoding="utf-8") if arguments.out.exists() else ""
    arguments.out.write_text(replace_section(existing, SECTION, lines), encoding="utf-8")
    print("\n".join(lines))
    _say(f"written to {arguments.out} (section {SECTION!r} only)")
    return 0


def _only_snapshot(arguments: argparse.Namespace, work: Path, count: int, command: str) -> int:
    """``--only snapshot``: the snapshot at ``count`` municipalities against its read floor
    (``benchmarks.snapshot_floor``); rewrites only its section of ``--out``."""
    from benchmarks.snapshot_floor import only_snapshot

    folder, database = work / f"scale-{count}", work / f"scale-{count}.db"
    if not database.exists():
        _synth(folder, count)
        folders = sorted(str(path) for path in folder.iterdir() if path.is_dir())
        run_task(
            "our-import", {"folders": folders, "database": _fresh(database)}, f"import at {count}"
        )
    only_snapshot(arguments.out, database, command)
    _say(f"written to {arguments.out} (section 'Snapshot against its read floor' only)")
    return 0
