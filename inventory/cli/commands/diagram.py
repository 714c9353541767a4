"""``inventory diagram VIEW``: architecture, network, target-state and overlap diagrams."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import (
    console,
    load_target_or_exit,
    parse_lang_option,
    parse_optional_date,
    stored_snapshot,
)
from inventory.errors import UnknownMunicipalityError
from inventory.render.dot import RENDER_FORMATS
from inventory.render.views import VIEW_NAMES
from inventory.report.diagrams import view_diagrams, write_view_files

#: The views --municipality narrows (the others always show every municipality).
MUNICIPALITY_VIEWS = ("architecture", "target")


def diagram(
    ctx: typer.Context,
    view: Annotated[str, typer.Argument(
        help="architecture, network, target or overlap.")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", dir_okay=False, help="File to write; DOT is written beside it.")],
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="svg, png, pdf or dot.")] = "svg",
    municipality: Annotated[str | None, typer.Option(
        "--municipality", "-m",
        help="Only this municipality (code): architecture and target views.")] = None,
    target_file: Annotated[Path | None, typer.Option(
        "--target", "-t", exists=True, dir_okay=False,
        help="Target architecture (YAML): needed by the target view, marks the"
        " datacentres in the network view.")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--date", help="Date of the gap analysis, YYYY-MM-DD (default: today).")] = None,
    lang: Annotated[str, typer.Option("--lang", help="en, sv or no.")] = "en",
) -> None:
    """Draw one view of the stored inventory with Graphviz.

    Views with several diagrams (one per municipality, a drill-down per crowded site, one
    grid per domain) write the first to --out and the others beside it.

    Example: inventory diagram network --target samples/target.yaml --format png --out net.png
    """
    if view not in VIEW_NAMES:
        raise typer.BadParameter(f"unknown view {view!r}; use one of: "
                                 + ", ".join(VIEW_NAMES), param_hint="VIEW")
    if fmt not in RENDER_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use one of: "
                                 + ", ".join(RENDER_FORMATS), param_hint="--format")
    if out.suffix.lower() != f".{fmt}":  # never a diagram over sites.csv or target.yaml
        raise typer.BadParameter(f"{out.name}: a {fmt} diagram is written to a .{fmt} file.",
                                 param_hint="--out")
    if view == "target" and target_file is None:
        raise typer.BadParameter("the target view needs --target FILE", param_hint="--target")
    if municipality is not None and view not in MUNICIPALITY_VIEWS:
        raise typer.BadParameter(f"the {view} view shows every municipality; --municipality"
                                 f" narrows the {' and '.join(MUNICIPALITY_VIEWS)} views.",
                                 param_hint="--municipality")
    day = parse_optional_date(as_of)
    language = parse_lang_option(lang)
    target = None
    if target_file is not None:
        target = load_target_or_exit(target_file)
    snapshot = stored_snapshot(ctx, None)  # every view draws links to other municipalities
    UnknownMunicipalityError.check([municipality] if municipality is not None else [],
                                   snapshot.municipalities)
    if target is not None:
        target.check_stored(snapshot.municipalities)
    diagrams = view_diagrams(snapshot, view, municipality=municipality,
                             target=target, as_of=day, lang=language)
    for path in write_view_files(diagrams, out, fmt):
        console.print(f"wrote {path}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("diagram")(diagram)
