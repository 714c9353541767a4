"""``inventory diff``: what changed between two import runs."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.commands.store_views import render_difference
from inventory.cli.common import OutputFormat, print_json, state
from inventory.store import InventoryStore


def diff(
    ctx: typer.Context,
    run_a: Annotated[int, typer.Argument(help="The earlier import run (see inventory history).")],
    run_b: Annotated[int, typer.Argument(help="The later import run.")],
    municipality: Annotated[str | None, typer.Option(
        "--municipality", "-m", help="Only this municipality (code).")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: + created, ~ updated fields, - deleted; json: the records.")
    ] = OutputFormat.TEXT,
) -> None:
    """Show the records created, updated (field: old -> new) and deleted after RUN_A up
    to and including RUN_B.

    Example: inventory diff 3 5 --municipality gnosjo
    """
    with InventoryStore(state(ctx).resolved_db_url) as store:
        difference = store.diff(run_a, run_b, municipality)
    if output_format is OutputFormat.JSON:
        print_json(difference.to_json())
    else:
        render_difference(difference)


def register(app: typer.Typer) -> None:
    app.command()(diff)
