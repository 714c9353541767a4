"""``inventory gap``: the harmonisation gap between the stored inventories and a target."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.analyse.lifecycle import lifecycle_normaliser
from inventory.cli.commands.lifecycle import OverridesOption
from inventory.cli.common import (
    TableFormat,
    console,
    load_target_or_exit,
    parse_date_option,
    print_json,
    stored_snapshot,
    write_tables,
)
from inventory.gap.result import compute_gap
from inventory.gap.text import render_gap


def gap(
    ctx: typer.Context,
    target_file: Annotated[Path, typer.Option(
        "--target", "-t", exists=True, dir_okay=False,
        help="Target architecture file (YAML).")],
    as_of: Annotated[str | None, typer.Option(
        "--date", help="Date of the analysis, YYYY-MM-DD (default: today).")] = None,
    municipality: Annotated[list[str] | None, typer.Option(
        "--municipality", "-m", help="Only this municipality (code); repeat for more.")] = None,
    output_format: Annotated[TableFormat, typer.Option(
        "--format", help="text: a summary; json: the full report; csv: one file per table"
        " (into --out).")] = TableFormat.TEXT,
    out: Annotated[Path | None, typer.Option(
        "--out", file_okay=False, help="Folder for --format csv (one file per table).")
    ] = None,
    overrides: OverridesOption = None,
) -> None:
    """Compare the stored inventories with a target architecture: TOGAF gap matrix,
    readiness, end-of-life exposure, security baseline, datacentre capacity,
    interconnects, SLA gaps, effort and cost, migration waves.

    Exit 1 when the target file is invalid (every problem listed with its line) or names a
    municipality that is not stored, or when nothing is stored; exit 2 for a --municipality
    that is not stored.

    Example: inventory gap --target samples/target.yaml --format csv --out gap/
    """
    day = parse_date_option(as_of)
    if output_format is TableFormat.CSV and out is None:
        raise typer.BadParameter("--format csv writes one file per table: give --out DIR.",
                                 param_hint="--out")
    if out is not None and output_format is not TableFormat.CSV:
        raise typer.BadParameter("--out is for --format csv.", param_hint="--out")
    target = load_target_or_exit(target_file, as_json=output_format is TableFormat.JSON)
    if municipality:
        target = target.model_copy(update={"municipalities": list(municipality)})
    snapshot = stored_snapshot(ctx, municipality, target=target)
    report = compute_gap(snapshot, target, as_of=day,
                         normaliser=lifecycle_normaliser(None, overrides))
    if output_format is TableFormat.JSON:
        print_json(report.to_json())
    elif output_format is TableFormat.CSV:
        assert out is not None
        written = write_tables(report.tables(), out)
        console.print(f"Wrote {len(written)} tables to {out}.", markup=False)
    else:
        for part in render_gap(report):
            console.print(part)


def register(app: typer.Typer) -> None:
    app.command("gap")(gap)
