"""The study scenario (issue 17): 5 and 20 municipalities laid out as the samples are.

``python -m benchmarks --only study [--scales 5,20]`` writes the section ``## Study
scenario`` of RESULTS.md. Per municipality count (``inventory synth``, folders of ten
files): our validate, import, re-import (nothing changed; 1 % of the rows changed in a few
municipalities; 1 % changed in every municipality), snapshot, gap and report, against
references measured in the same run on the same files: the floor of the import (pyarrow
``read_csv`` per file plus sqlite3 ``executemany``, one transaction), ``sqlite-utils insert
--csv`` loading the client files (its command line, once per file), ``frictionless``
validating every file of the folders (Python API), the floor of the snapshot (sqlite3
``SELECT`` of every record table into Arrow columns), and the start-up of ``inventory
--help`` (against ``sqlite-utils --help``).

Every step runs in a fresh process (``python -m benchmarks.study NAME ARGS``) after a
warm-up; steps under ten seconds are the best of four runs, each after an ``os.sync``;
every step is measured in each of three rounds (``--rounds``), the least of its rounds
taken. Beside the wall-clock time each step reports its CPU time: the process's own
(``time.process_time``, every thread) plus that of the processes it ran
(``resource.getrusage(RUSAGE_CHILDREN)``), the figure to trust on a loaded machine.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import inspect
import io
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.results import Measurement, Ratio, ratio_table

SECTION = "## Study scenario"
FULL_COUNTS = (5, 20)
QUICK_COUNTS = (1, 2)
REPEAT_BELOW_S = 10.0
#: Share of the rows changed for the re-import measurements.
CHANGED_SHARE = 0.01
STUDY_RUNS = 4
#: Rounds of every step; each step's figure is the least of its rounds.
STUDY_ROUNDS = 3
#: The reference loop that shows the machine's speed during a run.
REFERENCE_LOOP = 1_000_000
REFERENCE_REPEATS = 20
#: The re-imports: their label, the share of rows changed, in every municipality or few.
REIMPORTS = (
    ("unchanged", 0.0, False),
    ("1 % changed, few municipalities", CHANGED_SHARE, False),
    ("1 % changed, every municipality", CHANGED_SHARE, True),
)

Args = dict[str, Any]


# --- the measured steps, each in its own process ----------------------------------------


def _cpu() -> float:
    """CPU seconds of this process (every thread) and of the children it waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _best(
    step: Callable[[], Args | None],
    before: Callable[[], None] | None = None,
    runs: int = STUDY_RUNS,
) -> Args:
    """Wall and CPU seconds of ``step`` (and what it returned): one run, or four when the
    first took under ten seconds, the least wall and the least CPU time of them (a noisy
    neighbour only ever adds); ``before`` runs untimed before each, then ``os.sync``."""
    best: Args | None = None
    for attempt in range(runs):
        if before is not None:
            before()
        # untimed: the files just written (a copied database, changed inputs) flushed to
        # disk first; else a step's first fsync or journal commit writes them out in its
        # own time (a re-import measured 0.30-0.35 s instead of 0.24 s of CPU that way)
        os.sync()
        wall, cpu = time.perf_counter(), _cpu()
        figures = step() or {}
        figures = {"seconds": time.perf_counter() - wall, "cpu_s": _cpu() - cpu, **figures}
        if best is not None:
            figures["seconds"] = min(figures["seconds"], best["seconds"])
            figures["cpu_s"] = min(figures["cpu_s"], best["cpu_s"])
        best = figures
        if attempt == 0 and best["seconds"] >= REPEAT_BELOW_S:
            break
    assert best is not None
    return best


def _folders(args: Args) -> list[Path]:
    return [Path(folder) for folder in args["folders"]]


def _files(args: Args, pattern: str = "*.csv") -> list[Path]:
    return sorted(file for folder in _folders(args) for file in folder.glob(pattern))


def _fresh(database: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def task_validate(args: Args) -> Args:
    """``validate_paths`` on the folders (what ``inventory validate`` runs)."""
    from inventory.validate import validate_paths

    def step() -> Args:
        batch = validate_paths(_folders(args))
        return {"valid": batch.report.valid, "rows": int(sum(batch.report.stats["rows"].values()))}

    return _best(step)


def _import(url: str, folders: Sequence[Path]) -> Args:
    """What ``inventory import FOLDERS`` does: stored keys, unchanged folders, validate,
    store (``inventory.cli.commands.import_``)."""
    from inventory.store import InventoryStore, stored_known_keys
    from inventory.validate import validate_paths

    unchanged_folders: Any = None
    with contextlib.suppress(ImportError):  # (code from before incremental re-import)
        from inventory.store.unchanged import unchanged_folders
    # one store opened for the reads before validating and the import (when the database
    # exists: code from before passes only the URL)
    store: Any = None
    with contextlib.suppress(ImportError):
        from inventory.store.engine import database_exists

        if "store" in inspect.signature(stored_known_keys).parameters and database_exists(url):
            store = InventoryStore(url)
    try:
        shared = () if store is None else (store,)
        known = stored_known_keys(url, *shared)
        options: Args = {"known_keys": known}
        if unchanged_folders is not None:
            options["unchanged"] = unchanged_folders(url, *shared)
        batch = validate_paths(list(folders), **options)
        if not batch.report.valid:
            raise SystemExit(f"the benchmark input is not valid: {batch.report.issues[:3]}")
        if store is None:
            store = InventoryStore(url)
        with store:
            result = store.import_batch(batch)
    finally:
        if store is not None:
            store.close()
    totals = result.totals
    return {
        "created": totals.created,
        "updated": totals.updated,
        "unchanged": totals.unchanged,
        "deleted": totals.deleted,
    }


def task_import(args: Args) -> Args:
    """A first import into a new SQLite file (created and migrated untimed)."""
    from inventory.store import InventoryStore

    database = Path(args["database"])

    def before() -> None:
        _fresh(database)
        InventoryStore(f"sqlite:///{database}").close()

    return _best(
        lambda: _import(f"sqlite:///{database}", _folders(args)),
        before,
        runs=1 if args.get("once") else STUDY_RUNS,
    )


def task_reimport(args: Args) -> Args:
    """Import ``folders`` into a copy of ``stored`` (the first import's database)."""
    database, stored = Path(args["database"]), Path(args["stored"])

    def before() -> None:
        _fresh(database)
        shutil.copyfile(stored, database)

    return _best(lambda: _import(f"sqlite:///{database}", _folders(args)), before)


def task_floor(args: Args) -> Args:
    """pyarrow ``read_csv`` of every file, sqlite3 ``executemany`` of its rows into a table
    of its own, one transaction (dates as ISO text)."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    database = Path(args["database"])
    files = _files(args)

    def step() -> Args:
        rows = 0
        connection = sqlite3.connect(database)
        with connection:
            for number, file in enumerate(files):
                table = pa_csv.read_csv(file)
                columns = []
                for column in table.columns:
                    if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
                        column = column.cast(pa.string())
                    columns.append(column.to_pylist())
                names = ", ".join(f'"{name}"' for name in table.column_names)
                connection.execute(f"CREATE TABLE t{number} ({names})")
                connection.executemany(
                    f"INSERT INTO t{number} VALUES ({', '.join('?' * table.num_columns)})",
                    zip(*columns, strict=True),
                )
                rows += table.num_rows
        connection.close()
        return {"rows": rows}

    return _best(step, lambda: _fresh(database))


def task_sqlite_utils(args: Args) -> Args:
    """``sqlite-utils insert DB clients FILE --csv`` for each client file (the command
    line, as a user runs it; one run)."""
    executable = str(Path(sys.executable).parent / "sqlite-utils")
    database = Path(args["database"])
    _fresh(database)
    files = _files(args, "clients.csv")
    wall, cpu = time.perf_counter(), _cpu()
    for file in files:
        subprocess.run(
            [executable, "insert", str(database), "clients", str(file), "--csv"],
            check=True,
            capture_output=True,
        )
    return {"seconds": time.perf_counter() - wall, "cpu_s": _cpu() - cpu, "files": len(files)}


def task_frictionless(args: Args) -> Args:
    """``frictionless.validate`` of every file of the folders (Python API). What it reports
    is counted, not judged: it infers column types from a sample, so a column of versions
    that starts with numbers (``8.0``) is an error on ``May 2024`` further down."""
    import frictionless

    files = _files(args)

    def step() -> Args:
        errors = invalid = 0
        for file in files:
            report = frictionless.validate(file.name, basepath=str(file.parent))
            if not report.valid:
                invalid += 1
                errors += sum(len(task.errors) for task in report.tasks)
        return {"files": len(files), "invalid_files": invalid, "errors": errors}

    return _best(step)


def task_help(args: Args) -> Args:
    """The start-up of a command line: ``COMMAND --help`` run as a process."""
    command = [str(Path(sys.executable).parent / args["command"]), "--help"]

    def step() -> None:
        subprocess.run(command, check=True, capture_output=True)

    return _best(step)


def task_demo(args: Args) -> Args:
    """``inventory demo --out OUT`` run as a process, as a user runs it: Python's bytecode
    cache kept (``PYTHONPYCACHEPREFIX`` under ``out``, written by the warm-up), so the
    figure is the installed tool's, not that of compiling every module again."""
    out = Path(args["out"])
    environment = {
        key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
    }
    environment["PYTHONPYCACHEPREFIX"] = str(out.parent / f"{out.name}-bytecode")
    command = [str(Path(sys.executable).parent / "inventory"), "demo", "--out", str(out)]

    def step() -> None:
        subprocess.run(command, check=True, capture_output=True, env=environment)

    return _best(step, runs=int(args.get("runs", STUDY_RUNS)))


def _snapshot(url: str) -> Any:
    from inventory.store import InventoryStore

    with InventoryStore(url) as store:
        return store.snapshot()


def task_snapshot_floor(args: Args) -> Args:
    """sqlite3 ``SELECT`` of every record table's fields into Arrow columns."""
    import pyarrow as pa

    from inventory.models import RECORD_KINDS, field_specs

    def step() -> Args:
        connection = sqlite3.connect(args["database"])
        rows = 0
        for kind in RECORD_KINDS:
            names = ["municipality", *(spec.name for spec in field_specs(kind))]
            cursor = connection.execute(
                f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} FROM "{kind}"'
            )
            data = cursor.fetchall()
            table = pa.table(
                {
                    name: pa.array(list(values)) if data else pa.array([])
                    for name, values in zip(
                        names, zip(*data, strict=True) if data else [()] * len(names), strict=True
                    )
                }
            )
            rows += table.num_rows
        connection.close()
        return {"rows": rows}

    return _best(step)


def task_stage(args: Args) -> Args:
    """Snapshot, gap or report on the stored inventory (loading it is untimed for gap and
    report; as ``benchmarks.tasks.stage``)."""
    from benchmarks.tasks import _target

    url, name = args["url"], args["stage"]
    if name == "snapshot":
        return _best(lambda: _snapshot(url) and None)
    from inventory.analyse.normalise import Normaliser
    from inventory.analyse.overlap import compute_overlap
    from inventory.gap.result import compute_gap

    snapshot = _snapshot(url)
    normaliser = Normaliser.default()
    as_of = dt.date.fromisoformat(args["as_of"])
    target = _target(args)
    if name == "gap":

        def gap() -> None:
            compute_gap(snapshot, target, as_of=as_of, normaliser=normaliser)

        return _best(gap)
    from inventory.render.output import REPORT_FORMATS, report_bytes
    from inventory.report import ReportInputs, build_report

    inputs = ReportInputs(
        snapshot,
        compute_overlap(snapshot, normaliser),
        compute_gap(snapshot, target, as_of=as_of, normaliser=normaliser),
        target,
        None,
        as_of,
    )

    def report() -> None:
        document = build_report(inputs, lang="en")
        for fmt in REPORT_FORMATS:
            report_bytes(document, fmt)

    return _best(report)


TASKS: dict[str, Callable[[Args], Args]] = {
    "validate": task_validate,
    "import": task_import,
    "reimport": task_reimport,
    "floor": task_floor,
    "sqlite-utils": task_sqlite_utils,
    "frictionless": task_frictionless,
    "help": task_help,
    "demo": task_demo,
    "snapshot-floor": task_snapshot_floor,
    "stage": task_stage,
}


def main(argv: list[str]) -> int:
    """Run the task ``argv[0]`` with the JSON arguments ``argv[1]`` (after its warm-up)."""
    name, arguments = argv[0], json.loads(argv[1])
    warmup = arguments.pop("warmup", None)
    if warmup is not None:
        TASKS[name](warmup)
    print(json.dumps(TASKS[name](arguments)), flush=True)
    return 0


# --- the changed copies for the re-import ------------------------------------------------


def changed_copy(source: Path, target: Path, share: float, spread: bool) -> int:
    """Copy the municipality folders of ``source`` to ``target`` (afresh) with ``share``
    of all rows changed (the ``model`` of client rows, the key kept: an update each): in
    every client file alike (``spread``) or in the client files of the first
    municipalities only, as many as needed. Returns the rows changed."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("synth.json"))
    if share <= 0:
        return 0
    folders = sorted(path for path in target.iterdir() if path.is_dir())
    total = sum(
        sum(1 for _ in file.open("rb")) - 1 for folder in folders for file in folder.glob("*.csv")
    )
    wanted = max(1, round(total * share))
    changed = 0
    for folder in folders:
        if changed >= wanted:
            break
        file = folder / "clients.csv"
        lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
        header = next(csv.reader([lines[0]]))
        model = header.index("model")
        rows = len(lines) - 1
        here = min(rows, max(1, round(rows * share))) if spread else min(rows, wanted - changed)
        step = max(1, rows // here)
        for index in range(1, 1 + here * step, step):
            cells = next(csv.reader([lines[index]]))
            cells[model] = f"{cells[model]} (2)".strip()
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerow(cells)
            lines[index] = out.getvalue()
        changed += here
        file.write_text("".join(lines), encoding="utf-8")
    return changed


# --- the orchestration ------------------------------------------------------------------


def _measure(name: str, args: Args, label: str, rows: int | None = None) -> Measurement:
    from benchmarks.run import run_task

    try:
        return run_task(
            name,
            args,
            label,
            rows=rows,
            command=[sys.executable, "-m", "benchmarks.study", name, json.dumps(args)],
        )
    except SystemExit as failure:  # the step's error, shown in its row; the others go on
        why = str(failure).strip().splitlines()[-1:] or ["failed"]
        return Measurement(
            name=label,
            seconds=float("nan"),
            peak_rss_bytes=0,
            rows=None,
            note=f"FAILED: {why[0][:200]}",
            extra={"cpu_s": float("nan")},
        )


def _cpu_of(measurement: Measurement) -> float:
    return float(measurement.extra.get("cpu_s", 0.0))


def reference_loop_ms(repeats: int = REFERENCE_REPEATS) -> list[float]:
    """Milliseconds of a fixed pure-Python loop, ``repeats`` times: how fast the machine is
    right now. The work never changes, so its spread is the host's, not the code's."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        total = 0
        for number in range(REFERENCE_LOOP):
            total += number * number
        times.append((time.perf_counter() - start) * 1000)
    return times


def combine_rounds(rounds: Sequence[Measurement]) -> Measurement:
    """One step measured in several rounds as one measurement: the least wall and the least
    CPU seconds of the rounds (a busy host only ever adds), the greatest peak RSS, the first
    round's other figures; every round's figures kept in ``extra``."""
    first = rounds[0]
    combined = Measurement(
        name=first.name,
        seconds=min(m.seconds for m in rounds),
        peak_rss_bytes=max(m.peak_rss_bytes for m in rounds),
        rows=first.rows,
        note=first.note,
        extra={**first.extra},
    )
    combined.extra["cpu_s"] = min(_cpu_of(m) for m in rounds)
    combined.extra["rounds_s"] = [m.seconds for m in rounds]
    combined.extra["rounds_cpu_s"] = [_cpu_of(m) for m in rounds]
    return combined


def _round_figures(measurement: Measurement, cpu: bool) -> list[float]:
    key = "rounds_cpu_s" if cpu else "rounds_s"
    own = _cpu_of(measurement) if cpu else measurement.seconds
    return [float(value) for value in measurement.extra.get(key, [own])]


def _ratio(
    name: str,
    top: Measurement,
    bottom: Measurement,
    target: str,
    met: Callable[[float], bool] | None = None,
) -> list[Ratio]:
    """The wall-clock ratio and the CPU-time ratio of two measurements (each side its least
    over the rounds), and the ratio within each round."""
    ratios = []
    for clock, cpu in (("wall", False), ("CPU", True)):
        tops, bottoms = _round_figures(top, cpu), _round_figures(bottom, cpu)
        value = min(tops) / max(min(bottoms), 1e-9)
        ratios.append(
            Ratio(
                name=f"{name} ({clock})",
                value=value,
                target=target,
                met=True if met is None else met(value),
                rounds=[a / max(b, 1e-9) for a, b in zip(tops, bottoms, strict=True)],
                rounds_met=None
                if met is None
                else [met(a / max(b, 1e-9)) for a, b in zip(tops, bottoms, strict=True)],
            )
        )
    return ratios


def _within(name: str, measured: Measurement, limit: float) -> Ratio:
    """A target on a step's own wall seconds (no reference step to divide by)."""
    rounds = _round_figures(measured, cpu=False)
    return Ratio(
        name=name,
        value=measured.seconds,
        target=f"<= {limit:g}",
        met=measured.seconds <= limit,
        rounds=rounds,
        rounds_met=[value <= limit for value in rounds],
    )


class _Rounds:
    """Every step's measurement of every round, by its label, in the order first measured."""

    def __init__(self) -> None:
        self.by_label: dict[str, list[Measurement]] = {}

    def add(self, label: str, measurement: Measurement) -> Measurement:
        self.by_label.setdefault(label, []).append(measurement)
        return measurement

    def combined(self, label: str) -> Measurement:
        """The step's rounds as one measurement, named by its label (without the round)."""
        measurement = combine_rounds(self.by_label[label])
        measurement.name = label
        return measurement


def measure_study(
    work: Path,
    counts: Sequence[int],
    target: Path,
    as_of: str,
    rounds: int = STUDY_ROUNDS,
) -> tuple[list[str], list[Ratio]]:
    """The Study scenario section: per municipality count every step in ``rounds``
    alternating rounds, and its ratios."""
    from benchmarks.run import _synth

    lines = [SECTION, ""]
    lines += [
        "Synthetic studies (`inventory synth --municipalities N --seed 1`: one folder of ten"
        " CSV files per municipality, as the samples are laid out). Each step in a fresh"
        " process after a warm-up on the smallest study, the best of four runs when under ten"
        f" seconds; every step measured in each of {rounds} rounds, the steps alternating"
        " within a round, and each step's figure the least of its rounds (the host slows"
        " this machine in bursts, see the reference loop below; a busy host only ever"
        " adds). The ratios divide the two sides' least figures; *each round* gives the"
        " ratio within each round. *wall*: `time.perf_counter` around the step; *CPU*: the"
        " process's CPU time (all threads) plus its children's"
        " (`resource.getrusage(RUSAGE_CHILDREN)`).",
        "Import = what `inventory import` does (stored keys read, unchanged folders"
        " recognised, validate, store) into a new SQLite file; re-imports run on a copy of"
        " the first import's database. Floor: pyarrow `read_csv` of every file + sqlite3"
        " `executemany`, one transaction. sqlite-utils: `sqlite-utils insert DB clients FILE"
        " --csv` per client file (only the client files). frictionless: `validate` of every"
        " file (Python API). Snapshot floor: sqlite3 `SELECT` of every record table into"
        " Arrow columns.",
        "",
    ]
    ratios: list[Ratio] = []
    smallest = min(counts)
    folders_of: dict[int, list[str]] = {}
    for count in sorted(counts):
        folder = work / f"study-{count}"
        _synth(folder, count)
        folders_of[count] = sorted(str(p) for p in folder.iterdir() if p.is_dir())
    warm = folders_of[smallest]
    measured = _Rounds()
    reference: list[float] = []
    facts: dict[int, dict[str, Any]] = {}
    for number in range(1, rounds + 1):
        reference += reference_loop_ms()
        _measure_start(measured, work, number)
        for count in sorted(counts):
            facts[count] = _measure_count(
                measured, work, count, folders_of[count], warm, target, as_of, number
            )
    start_labels = [
        "inventory --help",
        "sqlite-utils --help",
        "inventory demo (the five samples, bytecode cache kept)",
    ]
    help_ours, help_other, demo = (measured.combined(label) for label in start_labels)
    start_ratios = [
        *_ratio(
            "start-up: inventory --help / sqlite-utils --help", help_ours, help_other, "(none)"
        ),
        _within("start-up: inventory --help (seconds)", help_ours, 0.5),
        _within("inventory demo on the samples (wall seconds)", demo, 4),
    ]
    ratios += start_ratios
    for count in sorted(counts):
        here_facts = facts[count]
        labels = [label for label in measured.by_label if label.endswith(f" at {count}")]
        steps = {label.removesuffix(f" at {count}"): measured.combined(label) for label in labels}
        for label, step in steps.items():
            step.name = label
        imported = steps["our import (first)"]
        frictionless = steps["frictionless validate, every file"]
        frictionless.note = (
            f"{int(frictionless.extra.get('errors', 0)):,} type errors reported in"
            f" {int(frictionless.extra.get('invalid_files', 0)):,} files (types inferred)"
        )
        imported.note = f"created {int(imported.extra.get('created', 0)):,}"
        reimports = [(label, steps[f"re-import, {label}"]) for label, _, _ in REIMPORTS]
        for label, result in reimports:
            result.note = (
                f"{here_facts['changed'][label]:,} rows changed; updated"
                f" {int(result.extra.get('updated', 0)):,}, unchanged"
                f" {int(result.extra.get('unchanged', 0)):,}"
            )
        lines += [
            f"### {count} municipalities: {here_facts['files']} files,"
            f" {here_facts['rows']:,} rows ({here_facts['client_rows']:,} client rows)",
            "",
        ]
        lines += _step_table(list(steps.values()))
        lines.append("")
        here: list[Ratio] = []
        here += _ratio(
            f"{count}: import / floor",
            imported,
            steps["floor: read_csv + executemany"],
            "<= 2",
            lambda value: value <= 2,
        )
        here += _ratio(
            f"{count}: sqlite-utils (client files) / our import",
            steps["sqlite-utils insert --csv, client files"],
            imported,
            ">= 10",
            lambda value: value >= 10,
        )
        here += _ratio(
            f"{count}: frictionless / our validate",
            frictionless,
            steps["our validate"],
            ">= 20",
            lambda value: value >= 20,
        )
        for label, result in reimports:
            here += _ratio(
                f"{count}: re-import, {label} / first import",
                result,
                imported,
                "<= 0.30",
                lambda value: value <= 0.30,
            )
        here += _ratio(
            f"{count}: snapshot / its floor",
            steps["snapshot"],
            steps["snapshot floor: sqlite3 into Arrow"],
            "<= 2",
            lambda value: value <= 2,
        )
        lines += ratio_table(here)
        lines.append("")
        ratios += here
    lines += ["### Start-up", ""]
    lines += _step_table([help_ours, help_other, demo])
    lines += ["", *ratio_table(start_ratios), ""]
    ordered = sorted(reference)
    lines += [
        "### The machine's speed during the run",
        "",
        f"A fixed pure-Python loop ({REFERENCE_LOOP:,} additions), {REFERENCE_REPEATS} times"
        f" before each round: least {ordered[0]:.0f} ms, median"
        f" {ordered[len(ordered) // 2]:.0f} ms, greatest {ordered[-1]:.0f} ms. The work"
        " never changes, so this spread is the host's: a step measured in a slow moment"
        " takes up to that much longer, which is why each figure above is the least of its"
        " rounds.",
    ]
    return lines, ratios


def _measure_start(measured: _Rounds, work: Path, number: int) -> None:
    """The start-up steps of one round."""
    for label, args in (
        ("inventory --help", {"command": "inventory"}),
        ("sqlite-utils --help", {"command": "sqlite-utils"}),
    ):
        measured.add(label, _measure("help", args, f"{label} (round {number})"))
    label = "inventory demo (the five samples, bytecode cache kept)"
    demo_args: Args = {"out": str(work / "study-demo")}
    if number == 1:
        demo_args["warmup"] = {"out": str(work / "study-demo")}
    measured.add(label, _measure("demo", demo_args, f"{label} (round {number})"))


def _measure_count(
    measured: _Rounds,
    work: Path,
    count: int,
    folders: list[str],
    warm: list[str],
    target: Path,
    as_of: str,
    number: int,
) -> dict[str, Any]:
    """One round of every step at ``count`` municipalities; the facts of the study."""
    rows_total = sum(_records(file) for folder in folders for file in Path(folder).glob("*.csv"))
    client_rows = sum(_records(Path(folder, "clients.csv")) for folder in folders)

    def step(
        name: str, args: Args, label: str, warmup: Args | None = None, rows: int | None = None
    ) -> Measurement:
        arguments = {**args, **({"warmup": warmup} if warmup else {})}
        result = _measure(
            name,
            arguments,
            f"{label} at {count} (round {number})",
            rows_total if rows is None else rows,
        )
        return measured.add(f"{label} at {count}", result)

    warm_db = str(work / "study-warm.db")
    warm_stored = str(work / "study-warm-stored.db")
    step("validate", {"folders": folders}, "our validate", {"folders": warm})
    step(
        "frictionless",
        {"folders": folders},
        "frictionless validate, every file",
        {"folders": warm},
    )
    step(
        "import",
        {"folders": folders, "database": str(work / f"study-{count}.db")},
        "our import (first)",
        {"folders": warm, "database": warm_stored},
    )
    step(
        "floor",
        {"folders": folders, "database": str(work / "study-floor.db")},
        "floor: read_csv + executemany",
        {"folders": warm, "database": warm_db},
    )
    step(
        "sqlite-utils",
        {"folders": folders, "database": str(work / "study-sqlite-utils.db")},
        "sqlite-utils insert --csv, client files",
        rows=client_rows,
    )
    # The re-imports: a copy of the study imported once (untimed) into ``stored``, then
    # its files changed in place (as a user's new export replaces the old one), each run
    # into a copy of ``stored``.
    source, again = Path(folders[0]).parent, work / f"study-{count}-again"
    stored = work / f"study-{count}-stored.db"
    if number == 1:
        changed_copy(source, again, 0.0, False)
        _fresh(stored)
        _measure(
            "import",
            {"folders": _subfolders(again), "database": str(stored), "once": True},
            f"first import of {again.name} (untimed: what the re-imports start from)",
        )
    changed: dict[str, int] = {}
    for label, share, spread in REIMPORTS:
        changed[label] = changed_copy(source, again, share, spread)
        step(
            "reimport",
            {
                "folders": _subfolders(again),
                "stored": str(stored),
                "database": str(work / "study-reimport.db"),
            },
            f"re-import, {label}",
            {"folders": warm, "stored": warm_stored, "database": warm_db},
        )
    url = f"sqlite:///{stored}"
    step("stage", {"stage": "snapshot", "url": url}, "snapshot")
    step("snapshot-floor", {"database": str(stored)}, "snapshot floor: sqlite3 into Arrow")
    stage_args = {"url": url, "target": str(target), "as_of": as_of}
    step("stage", {**stage_args, "stage": "gap"}, "gap")
    step("stage", {**stage_args, "stage": "report"}, "report (4 formats, no diagrams)")
    return {
        "files": _n_files(folders),
        "rows": rows_total,
        "client_rows": client_rows,
        "changed": changed,
    }


def _subfolders(folder: Path) -> list[str]:
    return sorted(str(path) for path in folder.iterdir() if path.is_dir())


def _records(file: Path) -> int:
    """Lines of a CSV file but its header."""
    with file.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def _n_files(folders: Sequence[str]) -> int:
    return sum(1 for folder in folders for _ in Path(folder).glob("*.csv"))


def _step_table(measured: Sequence[Measurement]) -> list[str]:
    lines = [
        "| step | wall s | CPU s | rows/s (wall) | peak RSS MiB | note |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for m in measured:
        rate = f"{m.rows_per_second:,.0f}" if m.rows_per_second else ""
        lines.append(
            f"| {m.name} | {m.seconds:.3f} | {_cpu_of(m):.3f} | {rate}"
            f" | {m.peak_rss_bytes / 2**20:,.0f} | {m.note} |"
        )
    return lines


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
