"""``inventory demo``: the main job on the bundled samples."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import OutputFormat, console, print_json
from inventory.demo import DEFAULT_OUT_DIR, DemoResult, run_demo


def _number(value: float | int | None, digits: int = 0, *, grouped: bool = True) -> str:
    if value is None:
        return "-"
    return f"{value:{',' if grouped else ''}.{digits}f}".replace(",", " ")


def _money(figures: dict[str, float | int | None], key: str) -> str:
    """A cost as people write it: the one-time cost with its range, never to the krona."""
    from inventory.gap.money import MoneyRange, format_range

    expected = figures.get(key)
    if expected is None:
        return "-"
    prefix = "one_time" if key == "cost" else key
    low, high = figures.get(f"{prefix}_low"), figures.get(f"{prefix}_high")
    if low is None or high is None:
        return format_range(MoneyRange.exact(float(expected)), "SEK", "en")
    return format_range(MoneyRange(float(low), float(expected), float(high)), "SEK", "en")


def _print_result(result: DemoResult) -> None:
    figures = result.figures
    readiness = figures.get("readiness")
    similarity = figures.get("mean_similarity")
    lines = [
        f"Imported {result.stored_records} records from {result.samples} into "
        f"{result.database_url}",
        "",
        f"  municipalities      {_number(figures['municipalities'])}",
        f"  population          {_number(figures['population'])}",
        f"  servers             {_number(figures['servers'])}",
        f"  client devices      {_number(figures['client_devices'])}",
        f"  applications        {_number(figures['applications'])}",
        f"  mean similarity     {_number(None if similarity is None else similarity * 100, 1)} %",
        f"  readiness           {_number(None if readiness is None else readiness * 100, 1)} %",
        f"  end-of-life assets  {_number(figures['eol_assets'])}",
        f"  effort              {_number(figures['effort_hours'])} hours",
        f"  one-time cost       {_money(figures, 'cost')}",
        f"  yearly saving       {_money(figures, 'yearly_saving')}",
        f"  payback             {_number(figures.get('payback_calendar_year'), grouped=False)}",
        f"  plan                {_number(figures.get('plan_weeks'))} weeks, to"
        f" {_number(figures.get('plan_end_year'), grouped=False)}",
        "",
    ]
    lines += [f"  {fmt:<5} {path}" for fmt, path in result.files.reports.items()]
    lines.append(f"  diagrams: {len(result.files.diagrams)} files in "
                 f"{result.out_dir / 'diagrams'}")
    lines.append(f"\nDone in {result.seconds:.0f} s. Open {result.files.reports['html']}"
                 if "html" in result.files.reports else "")
    for line in lines:
        console.print(line, markup=False)


def demo(
    out: Annotated[Path, typer.Option(
        "--out", "-o", file_okay=False, help="Folder for the database, reports and diagrams.")
    ] = DEFAULT_OUT_DIR,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: a summary; json: paths and headline figures.")
    ] = OutputFormat.TEXT,
) -> None:
    """Run the main job on the bundled samples: import the five municipalities into a
    fresh SQLite file, analyse overlap and the gap against samples/target.yaml, and
    write every report and diagram.

    Example: inventory demo --out out/demo
    """
    result = run_demo(out)
    if output_format is OutputFormat.JSON:
        print_json(result.to_json())
    else:
        _print_result(result)


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
