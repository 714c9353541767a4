"""The stages of ``inventory demo`` (``run_demo``) timed one by one, wall and CPU seconds.

``python benchmarks/demo_stages.py CODE_DIR OUT_DIR`` runs the demo's stages with the
``inventory`` package and ``samples/`` of ``CODE_DIR`` (a checkout or ``git archive`` of
any commit, so that two codes can be measured alternately) and writes the report to
``OUT_DIR``. The CPU seconds are this process's; ``dot`` and the forked format writer
are child processes, printed apart. On a shared machine compare CPU seconds.
"""

from __future__ import annotations

import datetime as dt
import importlib
import resource
import sys
import time
from pathlib import Path
from typing import Any


def main(code: Path, out: Path) -> None:
    sys.path.insert(0, str(code))
    marks: list[tuple[str, float, float]] = []
    wall, cpu = time.perf_counter(), time.process_time()
    start = (wall, cpu)

    def mark(name: str) -> None:
        nonlocal wall, cpu
        marks.append((name, time.perf_counter() - wall, time.process_time() - cpu))
        wall, cpu = time.perf_counter(), time.process_time()

    demo: Any = importlib.import_module("inventory.demo")
    report: Any = importlib.import_module("inventory.report")
    store_module: Any = importlib.import_module("inventory.store")
    target_model: Any = importlib.import_module("inventory.target.model")
    validate: Any = importlib.import_module("inventory.validate")
    assert demo.__file__.startswith(str(code)), demo.__file__
    mark("imports")
    out.mkdir(parents=True, exist_ok=True)
    database = out / "demo.db"
    database.unlink(missing_ok=True)
    samples = demo.find_samples()
    batch = validate.validate_paths(demo._municipality_folders(samples))
    mark("validate")
    target, _ = target_model.load_target(samples / "target.yaml")
    with store_module.InventoryStore(f"sqlite:///{database}") as store:
        store.import_batch(batch)
        mark("import")
        snapshot = store.snapshot()
        mark("snapshot")
    inputs = report.analyse_inventory(
        snapshot, target, as_of=dt.date(2025, 6, 1), study_folder=samples / "study"
    )
    mark("analyse")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    report.write_full_report(inputs, out, generated=dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC))
    mark("write report")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for name, seconds, cpu_seconds in marks:
        print(f"{name:14s} wall {seconds:6.2f}  cpu {cpu_seconds:6.2f}")
    children = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"write report children cpu {children:.2f}")
    print(
        f"total wall {time.perf_counter() - start[0]:.2f} cpu {time.process_time() - start[1]:.2f}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]))
