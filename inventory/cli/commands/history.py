"""``inventory history``: the import runs stored."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.commands.store_views import render_history
from inventory.cli.common import OutputFormat, print_json, state
from inventory.store import InventoryStore


def history(
    ctx: typer.Context,
    municipality: Annotated[str | None, typer.Option(
        "--municipality", "-m", help="Only runs that imported this municipality (code).")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: a table; json: every run with its counts.")
    ] = OutputFormat.TEXT,
) -> None:
    """List the import runs, oldest first, with what each changed.

    Example: inventory history --municipality gnosjo
    """
    with InventoryStore(state(ctx).resolved_db_url) as store:
        runs = store.history(municipality)
    if output_format is OutputFormat.JSON:
        print_json([run.to_json() for run in runs])
    else:
        render_history(runs)


def register(app: typer.Typer) -> None:
    app.command()(history)
