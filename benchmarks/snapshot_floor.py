"""The snapshot against its read floor (issue 17, item 3), on one stored SQLite inventory.

``python -m benchmarks --only snapshot --scales N --work DIR`` reads a stored
inventory back (``InventoryStore.snapshot``) and, in the same run, its *floor*: the same
tables and columns (every record table's ``municipality``, fields and ``source_line``;
the stored ``reference`` rows) read with ``sqlite3`` in chunks straight into Arrow
(``pyarrow.array`` per column, one ``pyarrow.Table`` per table), nothing else. Each side
runs in a fresh process (``python -m benchmarks.snapshot_floor SIDE FILE``), the two
alternating for ``ROUNDS`` rounds after a warm-up of each; the best round of each counts,
in wall-clock and in CPU seconds of the process (``time.process_time``: on a shared,
loaded machine the CPU time is the steadier figure). Peak RSS from ``os.wait4``.

The store is ``WORK/scale-N.db`` at ``--scales``'s largest count (290 by default), made
like the stage measurements' (``inventory synth``, seed 1, imported) when missing.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SECTION = "## Snapshot against its read floor"
ROUNDS = 3
_CHUNK = 50_000


def floor_read(database: Path) -> int:
    """The floor: every table the snapshot reads, with ``sqlite3`` into Arrow tables."""
    import pyarrow as pa

    from inventory.models import RECORD_KINDS, field_specs

    tables: dict[str, Any] = {}
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    queries = {
        kind: ["municipality", *(spec.name for spec in field_specs(kind)), "source_line"]
        for kind in RECORD_KINDS
    }
    queries["reference"] = [
        "municipality",
        "kind",
        "record_id",
        "field",
        "target_municipality",
        "target_kind",
        "target_id",
        "id",
        "derived",
    ]
    try:
        for table, names in queries.items():
            cursor = connection.execute(
                "SELECT "
                + ", ".join(f'"{name}"' for name in names)
                + f' FROM "{table}"'
                + (" ORDER BY id" if table == "reference" else "")
            )
            batches = []
            while rows := cursor.fetchmany(_CHUNK):
                batches.append(
                    pa.Table.from_arrays(
                        [pa.array(values) for values in zip(*rows, strict=True)], names=names
                    )
                )
            tables[table] = (
                pa.concat_tables(batches, promote_options="permissive") if batches else None
            )
    finally:
        connection.close()
    return sum(table.num_rows for table in tables.values() if table is not None)


def our_snapshot(database: Path) -> int:
    """``InventoryStore.snapshot`` of the whole stored inventory."""
    from inventory.store import InventoryStore

    with InventoryStore(f"sqlite:///{database.resolve()}") as store:
        snapshot = store.snapshot()
    return sum(len(frame) for frame in snapshot.tables.values()) + len(snapshot.references)


SIDES = {"floor": floor_read, "ours": our_snapshot}


def _child(side: str, database: Path) -> None:
    """In the measuring process: the side's imports first (not timed), then the read."""
    import pyarrow  # noqa: F401

    import inventory.store  # noqa: F401

    wall, cpu = time.perf_counter(), time.process_time()
    rows = SIDES[side](database)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - wall,
                "cpu_seconds": time.process_time() - cpu,
                "rows": rows,
            }
        )
    )


def _run(side: str, database: Path) -> dict[str, Any]:
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.snapshot_floor", side, str(database)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: the {side} read failed (exit {status})")
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    result["peak_mib"] = usage.ru_maxrss / 1024
    return result


def measure(database: Path, rounds: int = ROUNDS) -> dict[str, dict[str, Any]]:
    """Best wall and best CPU seconds of each side over ``rounds`` alternating rounds."""
    best: dict[str, dict[str, Any]] = {}
    for side in SIDES:  # warm-up: page cache, imports compiled
        _run(side, database)
    for _ in range(rounds):
        for side in SIDES:
            result = _run(side, database)
            mine = best.setdefault(side, dict(result))
            mine["seconds"] = min(mine["seconds"], result["seconds"])
            mine["cpu_seconds"] = min(mine["cpu_seconds"], result["cpu_seconds"])
            mine["peak_mib"] = max(mine["peak_mib"], result["peak_mib"])
    return best


def section(database: Path, best: dict[str, dict[str, Any]], rounds: int) -> list[str]:
    floor, ours = best["floor"], best["ours"]
    wall_ratio = ours["seconds"] / floor["seconds"]
    cpu_ratio = ours["cpu_seconds"] / floor["cpu_seconds"]
    return [
        SECTION,
        "",
        f"`InventoryStore.snapshot` of `{database.name}` ({ours['rows']:,} frame rows:"
        f" records and expanded references) against the floor: the same tables and"
        f" columns ({floor['rows']:,} stored rows) read with `sqlite3` in chunks of"
        f" {_CHUNK:,} straight into Arrow (`pyarrow.array` per column). Each side in a"
        f" fresh process, {rounds} alternating rounds after a warm-up; best of each.",
        "",
        "| read | wall s | CPU s | peak RSS MiB |",
        "|---|---:|---:|---:|",
        f"| snapshot (ours) | {ours['seconds']:.2f} | {ours['cpu_seconds']:.2f}"
        f" | {ours['peak_mib']:,.0f} |",
        f"| floor: sqlite3 into Arrow | {floor['seconds']:.2f} | {floor['cpu_seconds']:.2f}"
        f" | {floor['peak_mib']:,.0f} |",
        "",
        "| ratio (same run) | value | target | met |",
        "|---|---:|---:|---:|",
        f"| snapshot / floor, CPU | {cpu_ratio:.2f} | <= 2 | {'yes' if cpu_ratio <= 2 else 'no'} |",
        f"| snapshot / floor, wall | {wall_ratio:.2f} | <= 2 |"
        f" {'yes' if wall_ratio <= 2 else 'no'} |",
    ]


def only_snapshot(out: Path, database: Path, command: str) -> int:
    """``--only snapshot``: measure and rewrite only this section of ``out``."""
    from benchmarks.identification import replace_section
    from benchmarks.machine import machine_facts

    facts = machine_facts()
    best = measure(database)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        *section(database, best, ROUNDS),
        "",
        f"Measured by `{command.strip()}` on {facts['date']} ({facts['cpu']},"
        f" {facts['cores']} cores; load average at start"
        f" {facts['load average at start (1, 5, 15 min)']}, at the end {load}).",
    ]
    existing = out.read_text(encoding="utf-8") if out.exists() else ""
    out.write_text(replace_section(existing, SECTION, lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _child(sys.argv[1], Path(sys.argv[2]))
