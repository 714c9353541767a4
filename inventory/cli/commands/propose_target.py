"""``inventory propose-target``: draft a target architecture from the stored inventories."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from inventory.cli.common import (
    OutputFormat,
    console,
    parse_date_option,
    print_json,
    stored_snapshot,
)
from inventory.echo import visible
from inventory.errors import OutputError
from inventory.output_files import created_file, make_folder
from inventory.target.model import load_efforts
from inventory.target.propose import TargetProposal, propose_target


def propose(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", dir_okay=False,
        help="Write the drafted target file (YAML) here: a new file, never replaced.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: the reasoning per capability; json: target and reasoning.")
    ] = OutputFormat.TEXT,
    as_of: Annotated[str | None, typer.Option(
        "--date", help="Date for lifecycle checks, YYYY-MM-DD (default: today).")] = None,
    municipality: Annotated[list[str] | None, typer.Option(
        "--municipality", "-m", help="Only this municipality (code); repeat for more.")] = None,
    efforts_file: Annotated[Path | None, typer.Option(
        "--efforts", exists=True, dir_okay=False,
        help="YAML file of unit efforts and hourly rate (the target's `efforts` section)"
             " to price the alternatives with.")] = None,
) -> None:
    """Draft a target architecture: per capability the product that minimises migration
    effort (assets already on it, lifecycle, how many municipalities use it), with the
    alternatives and their effort; datacentres, interconnect minimum and default efforts.

    Example: inventory propose-target --efforts efforts.yaml --out target.yaml
    """
    day = parse_date_option(as_of)
    efforts = None
    if efforts_file is not None:
        efforts, issues = load_efforts(efforts_file)
        if efforts is None:
            for issue in issues:
                console.print(Text(f"{issue.file}:{issue.line or '?'}: {issue.column or ''}"
                                   f" {issue.message}"))
            raise typer.Exit(1)
    snapshot = stored_snapshot(ctx, municipality)
    proposal = propose_target(snapshot, as_of=day, efforts=efforts)
    if out is not None:
        _write_new(out, proposal.to_yaml())
    if output_format is OutputFormat.JSON:
        print_json(proposal.to_json())
        return
    _render(proposal)
    if out is not None:
        console.print(f"Wrote {out}.")


def _write_new(path: Path, text: str) -> None:
    """Write a new file; an existing one is never replaced (it may be a target someone
    has edited since it was drafted): ``OutputError``."""
    make_folder(path.parent)
    try:
        with created_file(path) as stream:
            stream.write(text.encode("utf-8"))
    except FileExistsError as error:
        raise OutputError(f"{visible(str(path))} exists: propose-target never replaces a file"
                          " (it may be a target you have edited).",
                          hint="Write to a new file name, or remove the old file first."
                          ) from error


def _render(proposal: TargetProposal) -> None:
    table = Table(title="Proposed target: choice per capability and why", title_justify="left")
    for column in ("capability", "choice", "effort h", "reasoning"):
        table.add_column(column, justify="right" if column == "effort h" else "left")
    for item in proposal.capabilities:
        chosen = item.chosen
        table.add_row(Text(item.capability),
                      Text(f"{chosen.product} {chosen.min_version or ''}".strip()
                           if chosen else "-"),
                      Text(f"{chosen.effort_hours:g}" if chosen else ""), Text(item.reason))
    console.print(table)
    if proposal.applications:
        apps = Table(title="Business applications: one system per function",
                     title_justify="left")
        for column in ("business area", "keep", "effort h", "reasoning"):
            apps.add_column(column, justify="right" if column == "effort h" else "left")
        for area in proposal.applications:
            kept = area.chosen
            apps.add_row(Text(area.business_area), Text(kept.product if kept else "-"),
                         Text(f"{kept.effort_hours:g}" if kept else ""), Text(area.reason))
        console.print(apps)
    for note in proposal.notes:
        console.print(Text(f"Note: {note}"))
    datacentres = proposal.target.datacentres
    if datacentres is not None:
        console.print(Text(f"Datacentres: primary {datacentres.primary}, secondary"
                           f" {datacentres.secondary or '-'} (most free rack units)."))
    if proposal.target.network is not None:
        minimum = proposal.target.network.interconnect.min_bandwidth_mbps
        console.print(Text(f"Interconnect minimum: {minimum:g} Mbit/s, redundant."))


def register(app: typer.Typer) -> None:
    app.command("propose-target")(propose)
