"""Rendering of store results (import counts, records, stats, history, diffs) as text.

Commands print JSON themselves (``print_json`` of what the library returned); these
functions turn the same results into rich tables for people.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
from rich.table import Table
from rich.text import Text

from inventory.cli.common import console
from inventory.echo import visible
from inventory.store import ImportResult, ImportRunInfo, RunDifference

_COUNT_NAMES = ("created", "updated", "unchanged", "deleted")
#: How many keys per kind a prune plan lists before it says "and N more".
PRUNE_LIST_LIMIT = 50


def render_import_result(result: ImportResult) -> None:
    """Created / updated / unchanged / deleted per municipality and record kind, totals."""
    table = Table(title="Dry run: nothing was written" if result.dry_run else None)
    table.add_column("municipality")
    table.add_column("record kind")
    for name in _COUNT_NAMES:
        table.add_column(name, justify="right")
    for code, kinds in result.counts.items():
        for kind, counts in kinds.items():
            table.add_row(Text(code), Text(kind),
                          *(f"{getattr(counts, name):,}" for name in _COUNT_NAMES))
    totals = result.totals
    table.add_row("total", "", *(f"{getattr(totals, name):,}" for name in _COUNT_NAMES),
                  style="bold")
    console.print(table)
    if result.dry_run:
        console.print("Dry run: the import was computed and rolled back; nothing was written.")
    elif not result.changed:
        console.print(f"Import run {result.run_id}: no changes.")
    else:
        console.print(f"Import run {result.run_id} stored.")


def render_prune_plan(plan: dict[str, dict[str, list[str]]]) -> None:
    """The records a pruning import deletes, printed before they go."""
    total = sum(len(keys) for kinds in plan.values() for keys in kinds.values())
    console.print(f"Records missing from the new files that will be deleted ({total:,}):")
    for code, kinds in plan.items():
        for kind, keys in kinds.items():
            shown = ", ".join(keys[:PRUNE_LIST_LIMIT])
            more = len(keys) - PRUNE_LIST_LIMIT
            suffix = f" and {more:,} more" if more > 0 else ""
            console.print(f"  {code} {kind}: {shown}{suffix}")


def _cell(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _shown(value: Any) -> Text:
    """A stored value as a table cell: literal, control characters visible (older versions
    stored them), line breaks kept."""
    return Text(visible(_cell(value), keep="\n\t"))


def render_records(frame: pd.DataFrame, kind: str, limit: int) -> None:
    """Records as a table of the columns that hold any value (at most ``limit`` rows)."""
    shown = frame if limit <= 0 else frame.head(limit)
    columns = [name for name in shown.columns if shown[name].notna().any()]
    table = Table(title=f"{kind}: {len(frame):,} records")
    for name in columns:
        table.add_column(name)
    for row in shown.loc[:, columns].itertuples(index=False, name=None):
        table.add_row(*(_shown(value) for value in row))
    console.print(table)
    if len(frame) > len(shown):
        console.print(f"{len(frame) - len(shown):,} more not shown (use --limit 0 for all,"
                      " or --format json).")


def records_json(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Records as JSON-ready dictionaries (missing values as null, lists as lists)."""
    rows = []
    for row in frame.to_dict(orient="records"):
        rows.append({str(name): (list(value) if isinstance(value, tuple)
                            else None if _cell(value) == "" and not isinstance(value, str)
                            else value)
                     for name, value in row.items()})
    return rows


def render_stats(stats: dict[str, Any]) -> None:
    """Counts per record kind (rows) and municipality (columns), with totals."""
    codes = list(stats["municipalities"])
    table = Table(title=f"Stored inventory ({stats['import_runs']} import runs)")
    table.add_column("record kind")
    for code in codes:
        table.add_column(Text(code), justify="right")
    table.add_column("total", justify="right", style="bold")
    for kind, total in stats["totals"].items():
        table.add_row(kind, *(f"{stats['municipalities'][code].get(kind, 0):,}"
                              for code in codes), f"{total:,}")
    console.print(table)


def render_history(runs: Iterable[ImportRunInfo]) -> None:
    """One line per import run."""
    table = Table(title="Import runs")
    for name in ("run", "started", "version", "municipalities", *_COUNT_NAMES, "prune"):
        table.add_column(name, justify="right" if name in _COUNT_NAMES else "left")
    for run in runs:
        totals = run.totals()
        table.add_row(str(run.id), run.started_at.strftime("%Y-%m-%d %H:%M:%S"),
                      run.tool_version, Text(", ".join(run.municipalities)),
                      *(f"{totals[name]:,}" for name in _COUNT_NAMES),
                      "yes" if run.prune else "")
    console.print(table)


def render_difference(difference: RunDifference) -> None:
    """``+`` created, ``~`` updated (field: old -> new), ``-`` deleted; then counts."""
    for record in difference.records:
        place = f"{record.municipality} {record.kind} {record.id}"
        if record.change == "created":
            console.print(Text("+", style="green"), place)
        elif record.change == "deleted":
            console.print(Text("-", style="red"), place)
        else:
            note = " (deleted and created again)" if record.recreated else ""
            console.print(Text("~", style="yellow"), place + note)
            for name, (old, new) in record.fields.items():
                before, after = _cell(old) or "(empty)", _cell(new) or "(empty)"
                console.print(f"    {name}: {before} -> {after}")
    counts = difference.counts()
    scope = f" of {difference.municipality}" if difference.municipality else ""
    console.print(f"Runs {difference.run_a} -> {difference.run_b}{scope}: "
                  f"{counts['created']:,} created, {counts['updated']:,} updated,"
                  f" {counts['deleted']:,} deleted.")
