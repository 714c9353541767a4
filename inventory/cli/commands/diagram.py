"""``inventory diagram VIEW``: architecture, network, target-state and overlap diagrams."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.common import cli_lang, console, load_target_or_exit, say, stored_snapshot
from inventory.cli.help_language import argument_hint
from inventory.cli.options import (
    DateOption,
    DiagramFormatOption,
    LangOption,
    MunicipalityOption,
    OptionalTargetOption,
    OutFileOption,
    chosen_lang,
)

#: The views --municipality narrows (the others always show every municipality).
MUNICIPALITY_VIEWS = ("architecture", "target")


def diagram(
    ctx: typer.Context,
    view: Annotated[str, typer.Argument(help="architecture, network, target or overlap.")],
    out: OutFileOption,
    fmt: DiagramFormatOption = "svg",
    municipality: MunicipalityOption = None,
    target_file: OptionalTargetOption = None,
    as_of: DateOption = None,
    lang: LangOption = None,
) -> None:
    """Draw one view of the stored inventory with Graphviz.

    Views with several diagrams (one per municipality, a drill-down per crowded site, one
    grid per domain) write the first to --out and the others beside it, each with its DOT
    source. --municipality narrows the architecture and target views; --target is needed
    by the target view and marks the datacentres in the network view; --date is the day
    of the target view's gap analysis.

    Example: inventory diagram network --target samples/target.yaml --format png --out net.png
    """
    from inventory.render.dot import RENDER_FORMATS
    from inventory.render.views import VIEW_NAMES
    from inventory.report.diagrams import write_view

    if view not in VIEW_NAMES:
        raise typer.BadParameter(
            say("cli.diagram.unknown_view", view=repr(view), views=", ".join(VIEW_NAMES)),
            param_hint=argument_hint("view", cli_lang()),
        )
    if fmt not in RENDER_FORMATS:
        raise typer.BadParameter(
            say("cli.diagram.unknown_format", fmt=repr(fmt), formats=", ".join(RENDER_FORMATS)),
            param_hint="--format",
        )
    if out.suffix.lower() != f".{fmt}":  # never a diagram over sites.csv or target.yaml
        raise typer.BadParameter(
            say("cli.diagram.wrong_suffix", name=out.name, fmt=fmt), param_hint="--out"
        )
    if view == "target" and target_file is None:
        raise typer.BadParameter(say("cli.diagram.target_needs_file"), param_hint="--target")
    if municipality is not None and view not in MUNICIPALITY_VIEWS:
        raise typer.BadParameter(
            say(
                "cli.diagram.every_municipality",
                view=view,
                views=say(
                    "cli.diagram.two", first=MUNICIPALITY_VIEWS[0], second=MUNICIPALITY_VIEWS[1]
                ),
            ),
            param_hint="--municipality",
        )
    language = chosen_lang(lang)
    target = load_target_or_exit(target_file) if target_file is not None else None
    snapshot = stored_snapshot(ctx, None)  # every view draws links to other municipalities
    written = write_view(
        snapshot,
        view,
        out,
        fmt,
        municipality=municipality,
        target=target,
        as_of=as_of,
        lang=language,
    )
    for path in written:
        console.print(say("cli.wrote", path=str(path)), markup=False)


def register(app: typer.Typer) -> None:
    app.command("diagram")(diagram)
