"""``inventory impact NODE``: everything that depends on a node, transitively."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from inventory.analyse.graph import build_graph
from inventory.analyse.impact import ImpactResult, impact
from inventory.cli.common import OutputFormat, console, print_json, stored_snapshot


def impact_command(
    ctx: typer.Context,
    node: Annotated[str, typer.Argument(
        help="The node: municipality:kind:key (vaggeryd:server:srv01), municipality:key"
        " (vaggeryd:esx-cl01) or a key that is unique.")],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: tables; json: every dependent with its distance and path"
        " step.")] = OutputFormat.TEXT,
    limit: Annotated[int, typer.Option(
        "--limit", min=0, help="Text: list at most this many dependents (0: only the"
        " counts).")] = 200,
) -> None:
    """List everything that depends on NODE, transitively, grouped by municipality and
    kind, with the client devices affected. Reads every stored municipality (dependents
    may be in other municipalities). Exit 2 when the node does not exist.

    Example: inventory impact vaggeryd:esx-cl01 --format json
    """
    result = impact(build_graph(stored_snapshot(ctx, None)), node)
    if output_format is OutputFormat.JSON:
        print_json(result.to_json())
    else:
        render_impact(result, limit)


def render_impact(result: ImpactResult, limit: int) -> None:
    """Counts per municipality and kind, then the dependents nearest first."""
    console.print(Text(
        f"Impact of {result.node} ({result.kind}): {len(result.dependents):,} dependents in"
        f" {_count(len(result.municipalities), 'municipality', 'municipalities')},"
        f" {result.client_devices:,} client devices"))
    if not result.dependents:
        return
    groups = Table()
    for name in ("municipality", "kind", "count", "client devices"):
        groups.add_column(name, justify="right" if name in ("count", "client devices")
                          else "left")
    for group in result.groups:
        groups.add_row(Text(group.municipality), Text(group.kind), f"{group.count:,}",
                       f"{group.devices:,}" if group.devices else "")
    console.print(groups)
    if limit == 0:
        return
    nearest = sorted(result.dependents, key=lambda d: (d.distance, d.node))[:limit]
    table = Table()
    table.add_column("distance", justify="right")
    for name in ("node", "label", "via"):
        table.add_column(name, overflow="fold")
    for dependent in nearest:
        table.add_row(str(dependent.distance), Text(dependent.node), Text(dependent.label),
                      Text(dependent.via))
    console.print(table)
    if len(result.dependents) > limit:
        console.print(f"... and {len(result.dependents) - limit:,} more (--limit, or"
                      " --format json for all).")


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def register(app: typer.Typer) -> None:
    app.command("impact")(impact_command)
