"""The machine and the versions a benchmark ran with (for the head of RESULTS.md)."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path

LIBRARIES = (
    "pandas",
    "pyarrow",
    "numpy",
    "SQLAlchemy",
    "pydantic",
    "networkx",
    "frictionless",
    "sqlite-utils",
)


def _first_line_with(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_facts() -> dict[str, str]:
    """CPU model, cores, memory, load, Python, SQLite and library versions, date."""
    memory = _first_line_with("/proc/meminfo", "MemTotal")
    memory_gib = (
        f"{int(memory.split()[0]) / 1024**2:.1f} GiB"
        if memory and memory.split()[0].isdigit()
        else "unknown"
    )
    try:
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        load = "unknown"
    facts = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _first_line_with("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": str(os.cpu_count()),
        "memory": memory_gib,
        "load average at start (1, 5, 15 min)": load,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    facts.update({name: _version(name) for name in LIBRARIES})
    return facts
