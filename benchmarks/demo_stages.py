"""The stages of ``inventory demo`` (``run_demo``) timed one by one, wall and CPU seconds.

``python benchmarks/demo_stages.py CODE_DIR OUT_DIR`` runs the demo's stages with the
``inventory`` package and ``samples/`` of ``CODE_DIR`` (a checkout or ``git archive`` of
any commit, so that two codes can be measured alternately) and writes the report to
``OUT_DIR``. The CPU seconds are this process's; the child processes of each stage
(the forked gaps, ``dot``, the forked format writer) are printed apart. On a shared
machine compare CPU seconds.

``python benchmarks/demo_stages.py --compare BEFORE_DIR AFTER_DIR OUT_DIR [ROUNDS]`` runs
both codes ROUNDS times (default 2), alternating, each in a fresh process, and prints
every run's figures as a table (load average before each run).

``python benchmarks/demo_stages.py --timeline CODE_DIR [CODE_DIR ...] OUT_DIR [ROUNDS]``
runs the demo as it really runs (``run_demo``: the worker forked beside, the libraries
loaded meanwhile), each code ROUNDS times (default 2), alternating, each in a fresh
process, and prints when each step ended: seconds since the process started the demo's
code, the CPU seconds of the process that made the step (``main``, or the ``worker``
forked by the demo) and of its child processes ended so far (the forked gaps, writers,
``dot``), the step. Nothing of the demo is changed: its functions are wrapped
as their modules are imported. On a shared machine the CPU seconds tell more than the
wall.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.abc
import importlib.util
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def main(code: Path, out: Path) -> None:
    sys.path.insert(0, str(code))
    marks: list[tuple[str, float, float, float]] = []
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    start = (wall, cpu, children)

    def mark(name: str) -> None:
        nonlocal wall, cpu, children
        now = (time.perf_counter(), time.process_time(), _children_cpu())
        marks.append((name, now[0] - wall, now[1] - cpu, now[2] - children))
        wall, cpu, children = now

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
    report.write_full_report(inputs, out, generated=dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC))
    mark("write report")
    for name, seconds, cpu_seconds, child_seconds in marks:
        print(
            f"{name:14s} wall {seconds:6.2f}  cpu {cpu_seconds:6.2f}  children {child_seconds:6.2f}"
        )
    print(
        f"{'total':14s} wall {time.perf_counter() - start[0]:6.2f}"
        f"  cpu {time.process_time() - start[1]:6.2f}  children {_children_cpu() - start[2]:6.2f}"
    )


def _children_cpu() -> float:
    """CPU seconds of the child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compare(before: Path, after: Path, out: Path, rounds: int) -> None:
    """Both codes ``rounds`` times, alternating, each in a fresh process: a table per run."""
    runs: list[tuple[str, float, dict[str, tuple[float, float, float]]]] = []
    for _ in range(rounds):
        for label, code in (("before", before), ("after", after)):
            load = os.getloadavg()[0]
            result = subprocess.run(
                [sys.executable, __file__, str(code), str(out / label)],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = {}
            for line in result.stdout.splitlines():
                name, rest = line[:14].strip(), line[14:].split()
                figures[name] = (float(rest[1]), float(rest[3]), float(rest[5]))
            runs.append((label, load, figures))
    stages = list(runs[0][2])
    print("| stage | " + " | ".join(f"{label} (load {load:.1f})" for label, load, _ in runs) + " |")
    print("|---|" + "---:|" * len(runs))
    for stage in stages:
        cells = [
            f"{figures[stage][1]:.2f} + {figures[stage][2]:.2f} ({figures[stage][0]:.1f} s wall)"
            for _, _, figures in runs
        ]
        print(f"| {stage} | " + " | ".join(cells) + " |")
    print("cells: CPU s of the process + CPU s of its child processes (wall s)")


def timeline(code: Path, out: Path) -> None:
    """``run_demo`` of ``code`` into ``out``; one line per step (wall since start, CPU of the
    process that made it, which process, the step)."""
    started, pid = time.perf_counter(), os.getpid()

    def mark(step: str) -> None:
        who = "main" if os.getpid() == pid else "worker"
        now, children = time.perf_counter() - started, _children_cpu()
        print(f"{now:7.3f} {time.process_time():7.3f} {children:7.3f} {who:6s} {step}", flush=True)

    def wrapped(function: Any, step: str) -> Any:
        def call(*arguments: Any, **options: Any) -> Any:
            value = function(*arguments, **options)
            mark(step)
            return value

        return call

    #: module -> its functions wrapped when it is first imported (its load is a step too)
    hooks: dict[str, list[tuple[str, str]]] = {
        "inventory.report": [
            ("analyse_inventory", "analysed"),
            ("write_full_report", "reports written"),
        ],
        "inventory.store.store": [],
        "inventory.target.model": [("load_target", "target loaded")],
    }

    class Wrapping(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
            if name not in hooks:
                return None
            sys.meta_path.remove(self)
            try:
                spec = importlib.util.find_spec(name)
            finally:
                sys.meta_path.insert(0, self)
            if spec is None or spec.loader is None:
                return spec
            execute = spec.loader.exec_module

            def exec_module(module: Any) -> None:
                execute(module)
                mark(f"{name} loaded")
                for attribute, step in hooks[name]:
                    setattr(module, attribute, wrapped(getattr(module, attribute), step))
                if name == "inventory.store.store":
                    store = module.InventoryStore
                    store.snapshot = wrapped(store.snapshot, "snapshot read")
                    store.import_batch = wrapped(store.import_batch, "samples imported")

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.path.insert(0, str(code))
    sys.meta_path.insert(0, Wrapping())
    demo: Any = importlib.import_module("inventory.demo")
    assert demo.__file__.startswith(str(code)), demo.__file__
    mark("inventory.demo loaded")
    demo.validate_paths = wrapped(demo.validate_paths, "samples validated")
    demo.run_demo(out, as_of=dt.date(2025, 6, 1))
    mark("run_demo returned")


def compare_timelines(codes: list[Path], out: Path, rounds: int) -> None:
    """``timeline`` of each code ``rounds`` times, alternating, each in a fresh process."""
    for number in range(1, rounds + 1):
        for index, code in enumerate(codes):
            command = [sys.executable, __file__, "--one-timeline", str(code), str(out / str(index))]
            # Python's bytecode cache kept, as for a user (written by an untimed first run)
            environment = {
                key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"
            }
            environment["PYTHONPYCACHEPREFIX"] = str(out / f"bytecode-{index}")
            if number == 1:
                subprocess.run(command, capture_output=True, check=True, env=environment)
            load = os.getloadavg()[0]
            before = _children_cpu()
            result = subprocess.run(
                command, capture_output=True, text=True, check=True, env=environment
            )
            cpu = _children_cpu() - before
            print(f"== {code}, round {number} (load {load:.1f}): CPU of its processes {cpu:.2f}")
            print("   wall     cpu  +child who    step")
            print("\n".join(sorted(result.stdout.splitlines(), key=lambda x: float(x.split()[0]))))


if __name__ == "__main__":
    if sys.argv[1] == "--timeline":
        rounds = int(sys.argv[-1]) if sys.argv[-1].isdigit() else 2
        paths = sys.argv[2:-1] if sys.argv[-1].isdigit() else sys.argv[2:]
        compare_timelines([Path(path).resolve() for path in paths[:-1]], Path(paths[-1]), rounds)
    elif sys.argv[1] == "--one-timeline":
        timeline(Path(sys.argv[2]).resolve(), Path(sys.argv[3]))
    elif sys.argv[1] == "--compare":
        compare(
            Path(sys.argv[2]).resolve(),
            Path(sys.argv[3]).resolve(),
            Path(sys.argv[4]),
            int(sys.argv[5]) if len(sys.argv) > 5 else 2,
        )
    else:
        main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]))
