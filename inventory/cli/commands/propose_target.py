"""``inventory propose-target``: draft a target architecture from the stored inventories."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inventory.cli.common import (
    OutputFormat,
    cli_lang,
    console,
    parse_date_option,
    print_json,
    say,
    stored_snapshot,
)
from inventory.cli.options import MunicipalitiesOption
from inventory.echo import visible
from inventory.errors import OutputError

if TYPE_CHECKING:
    from inventory.target.propose import TargetProposal


def propose(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            dir_okay=False,
            help="Write the drafted target file (YAML) here: a new file, never replaced.",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", help="text: the reasoning per capability; json: target and reasoning."
        ),
    ] = OutputFormat.TEXT,
    as_of: Annotated[
        str | None,
        typer.Option("--date", help="Date for lifecycle checks, YYYY-MM-DD (default: today)."),
    ] = None,
    municipality: MunicipalitiesOption = None,
    efforts_file: Annotated[
        Path | None,
        typer.Option(
            "--efforts",
            exists=True,
            dir_okay=False,
            help="YAML file of unit efforts and hourly rate (the target's `efforts` section)"
            " to price the alternatives with.",
        ),
    ] = None,
) -> None:
    """Draft a target architecture: per capability the product that minimises migration
    effort (assets already on it, lifecycle, how many municipalities use it), with the
    alternatives and their effort; datacentres, interconnect minimum and default efforts.

    Example: inventory propose-target --efforts efforts.yaml --out target.yaml
    """
    from inventory.issues import issue_line
    from inventory.target.model import load_efforts
    from inventory.target.propose import write_proposed_target

    day = parse_date_option(as_of)
    efforts = None
    if efforts_file is not None:
        efforts, issues = load_efforts(efforts_file)
        if efforts is None:
            for issue in issues:
                console.print(issue_line(issue, cli_lang()), markup=False)
            raise typer.Exit(1)
    try:
        proposal = write_proposed_target(
            stored_snapshot(ctx, municipality), out, as_of=day, efforts=efforts
        )
    except FileExistsError as error:  # never over a target someone may have edited
        raise OutputError(
            say("cli.exists.target", path=visible(str(out))), hint=say("cli.exists.new_name_hint")
        ) from error
    if output_format is OutputFormat.JSON:
        print_json(proposal.to_json())
        return
    _render(proposal)
    if out is not None:
        console.print(say("cli.propose.wrote", path=str(out)), markup=False)


def _render(proposal: TargetProposal) -> None:
    """The choice per capability and business area with its reasoning (as the proposal
    words it), the notes, the datacentres and the interconnect minimum."""
    from rich.table import Table
    from rich.text import Text

    from inventory.language.formatting import format_decimal
    from inventory.language.i18n import code_text
    from inventory.messages import message_text

    lang = cli_lang()

    def hours(value: float) -> Text:
        return Text(format_decimal(value, lang, 2))

    effort = say("cli.propose.col_effort")
    table = Table(title=say("cli.propose.title"), title_justify="left")
    for column in ("capability", "choice", "effort", "reasoning"):
        name = say(f"cli.propose.col_{column}")
        table.add_column(name, justify="right" if name == effort else "left")
    for item in proposal.capabilities:
        chosen = item.chosen
        table.add_row(
            Text(code_text("capability", item.capability, lang)),
            Text(f"{chosen.product} {chosen.min_version or ''}".strip() if chosen else "-"),
            hours(chosen.effort_hours) if chosen else Text(""),
            Text(message_text(item.why, lang)),
        )
    console.print(table)
    if proposal.applications:
        apps = Table(title=say("cli.propose.apps_title"), title_justify="left")
        for column in ("area", "keep", "effort", "reasoning"):
            name = say(f"cli.propose.col_{column}")
            apps.add_column(name, justify="right" if name == effort else "left")
        for area in proposal.applications:
            kept = area.chosen
            apps.add_row(
                Text(code_text("capability", area.business_area, lang)),
                Text(kept.product if kept else "-"),
                hours(kept.effort_hours) if kept else Text(""),
                Text(message_text(area.why, lang)),
            )
        console.print(apps)
    for note in proposal.notes:
        console.print(Text(say("cli.note", text=message_text(note, lang))))
    datacentres = proposal.target.datacentres
    if datacentres is not None:
        console.print(
            Text(
                say(
                    "cli.propose.datacentres",
                    primary=datacentres.primary,
                    secondary=datacentres.secondary or "-",
                )
            )
        )
    if proposal.target.network is not None:
        minimum = proposal.target.network.interconnect.min_bandwidth_mbps
        console.print(Text(say("cli.propose.interconnect", mbps=format_decimal(minimum, lang, 2))))


def register(app: typer.Typer) -> None:
    app.command("propose-target")(propose)
