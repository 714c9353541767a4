"""The measured steps, each run in a fresh process: ``python -m benchmarks.tasks NAME ARGS``.

``ARGS`` is a JSON object; the task prints one JSON line with ``seconds`` (the timed part
only, ``time.perf_counter``) and what it counted. The parent reads the peak memory of the
whole process from ``os.wait4``. Steps that leave nothing behind and took under ten
seconds are repeated (the best of four runs: a noisy neighbour only ever slows a run
down); imports (ours, the naive one and the floor) the same way, each run into a fresh
database. The sqlite-utils command line and long steps run once. Every step runs
after a warm-up on a small file when ``ARGS`` has ``warmup`` (the arguments of that
first run).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.baselines import floor_import, naive_import

Args = dict[str, Any]
REPEAT_BELOW_S = 10.0  # steps faster than this are run three more times, best kept


def best_of(step: Callable[[], object]) -> float:
    """Seconds of ``step``: one run, or the best of three more when the first was short."""
    start = time.perf_counter()
    step()
    seconds = time.perf_counter() - start
    if seconds < REPEAT_BELOW_S:
        for _ in range(3):
            start = time.perf_counter()
            step()
            seconds = min(seconds, time.perf_counter() - start)
    return seconds


def _timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def our_validate(args: Args) -> Args:
    """``validate_paths`` on the folder (the big client file and its small neighbours)."""
    from inventory.validate import validate_paths

    outcome: dict[str, Any] = {}

    def step() -> None:
        batch = validate_paths([Path(args["folder"])])
        outcome["valid"] = batch.report.valid
        outcome["rows"] = int(sum(batch.report.stats["rows"].values()))

    return {"seconds": best_of(step), **outcome}


def _fresh_database(database: Path) -> Path:
    """Remove ``database`` and its journal files: the next run starts from nothing."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    return database


def best_of_fresh(run: Callable[[], Args], database: Path) -> Args:
    """The figures of the fastest of up to four runs of ``run``, each into a fresh
    ``database``: the rule of ``best_of`` for steps that write a database."""
    _fresh_database(database)
    best = run()
    if best["seconds"] < REPEAT_BELOW_S:
        for _ in range(3):
            _fresh_database(database)
            figures = run()
            if figures["seconds"] < best["seconds"]:
                best = figures
    return best


def our_import(args: Args) -> Args:
    """Validate and store in a new SQLite file: what ``inventory import`` does."""
    from inventory.store import InventoryStore
    from inventory.validate import validate_paths

    database = Path(args["database"])

    def run() -> Args:
        store = InventoryStore(f"sqlite:///{database}")  # created and migrated: not timed
        outcome: dict[str, Any] = {}
        start = time.perf_counter()
        batch = validate_paths([Path(folder) for folder in args["folders"]])
        if not batch.report.valid:
            raise SystemExit(f"the benchmark input is not valid: {batch.report.issues[:3]}")
        outcome["validated_s"] = time.perf_counter() - start
        result = store.import_batch(batch)
        seconds = time.perf_counter() - start
        outcome["created"] = result.totals.created
        store.close()
        return {"seconds": seconds, **outcome}

    return best_of_fresh(run, database)


def frictionless_validate(args: Args) -> Args:
    """``frictionless.validate`` (the Python API of ``frictionless validate``) on the file."""
    import frictionless

    outcome: dict[str, Any] = {}

    file = Path(args["file"])

    def step() -> None:
        # frictionless refuses a path outside its base path as "not safe": give the folder.
        report = frictionless.validate(file.name, basepath=str(file.parent))
        if not report.valid:
            errors = [error.message for task in report.tasks for error in task.errors]
            raise SystemExit(f"frictionless did not validate the file: {errors[:3]}")
        outcome["rows"] = int(report.tasks[0].stats.get("rows") or 0)

    return {"seconds": best_of(step), **outcome}


def sqlite_utils_insert(args: Args) -> Args:
    """``sqlite-utils insert DB clients FILE --csv`` (the command line, as a user runs it)."""
    command = [
        str(Path(sys.executable).parent / "sqlite-utils"),
        "insert",
        args["database"],
        "clients",
        args["file"],
        "--csv",
    ]
    seconds = _timed(lambda: subprocess.run(command, check=True, capture_output=True))
    return {"seconds": seconds}


def naive(args: Args) -> Args:
    """A pydantic model and an ORM object per row, on a slice of the file."""
    database = Path(args["database"])
    return best_of_fresh(
        lambda: naive_import(Path(args["file"]), database, int(args["rows"])), database
    )


def floor(args: Args) -> Args:
    """pyarrow CSV parse plus sqlite3 executemany of the same rows."""
    database = Path(args["database"])
    return best_of_fresh(lambda: floor_import(Path(args["file"]), database), database)


def _snapshot(args: Args) -> Any:
    from inventory.store import InventoryStore

    with InventoryStore(args["url"]) as store:
        return store.snapshot()


def _target(args: Args) -> Any:
    from inventory.target.model import load_target

    target, issues = load_target(Path(args["target"]))
    if target is None:
        raise SystemExit(f"the target file is not valid: {issues[:3]}")
    # The sample target names the five sample municipalities: analyse every one here.
    return target.model_copy(update={"municipalities": []})


def stage(args: Args) -> Args:
    """One analysis stage on the stored inventory of one scale (loading it is not timed)."""
    from inventory.analyse.graph import build_graph
    from inventory.analyse.normalise import Normaliser
    from inventory.analyse.overlap import compute_overlap

    name = args["stage"]
    if name == "snapshot":
        return {"seconds": best_of(lambda: _snapshot(args))}
    snapshot = _snapshot(args)
    normaliser = Normaliser.default()
    as_of = dt.date.fromisoformat(args["as_of"])
    if name == "graph":
        return {"seconds": best_of(lambda: build_graph(snapshot))}
    if name == "overlap":
        return {"seconds": best_of(lambda: compute_overlap(snapshot, normaliser))}
    from inventory.gap.result import compute_gap

    target = _target(args)
    if name == "gap":
        return {
            "seconds": best_of(
                lambda: compute_gap(snapshot, target, as_of=as_of, normaliser=normaliser)
            )
        }
    if name == "report":
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

        return {"seconds": best_of(report)}
    raise SystemExit(f"unknown stage {name!r}")


def whole_run(args: Args) -> Args:
    """Import, graph, overlap and gap in one process (its peak memory is the figure)."""
    from inventory.analyse.graph import build_graph
    from inventory.analyse.normalise import Normaliser
    from inventory.analyse.overlap import compute_overlap
    from inventory.gap.result import compute_gap

    laps: dict[str, float] = {}
    start = time.perf_counter()
    laps["import_s"] = our_import(args)["seconds"]
    snapshot = _snapshot(args)
    normaliser = Normaliser.default()
    target = _target(args)
    laps["graph_s"] = _timed(lambda: build_graph(snapshot))
    laps["overlap_s"] = _timed(lambda: compute_overlap(snapshot, normaliser))
    laps["gap_s"] = _timed(
        lambda: compute_gap(
            snapshot, target, as_of=dt.date.fromisoformat(args["as_of"]), normaliser=normaliser
        )
    )
    return {"seconds": time.perf_counter() - start, **laps}


TASKS: dict[str, Callable[[Args], Args]] = {
    "our-validate": our_validate,
    "our-import": our_import,
    "frictionless": frictionless_validate,
    "sqlite-utils": sqlite_utils_insert,
    "naive": naive,
    "floor": floor,
    "stage": stage,
    "whole-run": whole_run,
}


def main(argv: list[str]) -> int:
    """Run the task named in ``argv[0]`` with the JSON arguments in ``argv[1]``."""
    name, arguments = argv[0], json.loads(argv[1])
    warmup = arguments.pop("warmup", None)
    if warmup is not None:  # the same step on a small file first: caches, lazy imports
        TASKS[name](warmup)
    result = TASKS[name](arguments)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
