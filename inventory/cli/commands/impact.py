"""``inventory impact NODE``: everything that depends on a node, transitively."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from inventory.cli.common import (
    OutputFormat,
    code_value,
    console,
    counted,
    number,
    print_json,
    say,
    stored_snapshot,
)
from inventory.cli.options import FormatOption

if TYPE_CHECKING:
    from inventory.analyse.impact import ImpactResult


def impact_command(
    ctx: typer.Context,
    node: Annotated[
        str,
        typer.Argument(
            help="The node: municipality:kind:key (vaggeryd:server:srv01), municipality:key"
            " (vaggeryd:esx-cl01) or a key that is unique."
        ),
    ],
    output_format: FormatOption = OutputFormat.TEXT,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", min=0, help="Text: list at most this many dependents (0: only the counts)."
        ),
    ] = 200,
) -> None:
    """List everything that depends on NODE, transitively, grouped by municipality and
    kind, with the client devices affected. Reads every stored municipality (dependents
    may be in other municipalities). Exit 2 when the node does not exist.

    Text: counts per municipality and kind, then the dependents nearest first; --format
    json: every dependent with its distance and path step.

    Example: inventory impact vaggeryd:esx-cl01 --format json
    """
    from inventory.analyse.impact import snapshot_impact

    result = snapshot_impact(stored_snapshot(ctx, None), node)
    if output_format is OutputFormat.JSON:
        print_json(result.to_json())
    else:
        render_impact(result, limit)


def render_impact(result: ImpactResult, limit: int) -> None:
    """Counts per municipality and kind, then the dependents nearest first."""
    console.print(
        Text(
            say(
                "cli.impact.summary",
                node=result.node,
                kind=code_value("node_kind", result.kind),
                dependents=counted("dependent", len(result.dependents)),
                municipalities=counted("municipality", len(result.municipalities)),
                devices=counted("client_device", result.client_devices),
            )
        )
    )
    if not result.dependents:
        return
    groups = Table()
    groups.add_column(say("cli.municipality"))
    groups.add_column(say("cli.col.kind"))
    groups.add_column(say("cli.col.count"), justify="right")
    groups.add_column(say("cli.impact.client_devices"), justify="right")
    for group in result.groups:
        groups.add_row(
            Text(group.municipality),
            Text(code_value("node_kind", group.kind)),
            number(group.count),
            number(group.devices) if group.devices else "",
        )
    console.print(groups)
    if limit == 0:
        return
    nearest = sorted(result.dependents, key=lambda d: (d.distance, d.node))[:limit]
    table = Table()
    table.add_column(say("cli.impact.distance"), justify="right")
    for key in ("node", "label", "via"):
        table.add_column(say(f"cli.impact.{key}"), overflow="fold")
    for dependent in nearest:
        table.add_row(
            str(dependent.distance),
            Text(dependent.node),
            Text(dependent.label),
            Text(dependent.via),
        )
    console.print(table)
    if len(result.dependents) > limit:
        console.print(say("cli.impact.more", count=len(result.dependents) - limit), markup=False)


def register(app: typer.Typer) -> None:
    app.command("impact")(impact_command)
