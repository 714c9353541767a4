"""``inventory stats``: stored record counts per municipality and record kind."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.commands.store_views import render_stats
from inventory.cli.common import OutputFormat, print_json, state
from inventory.store import InventoryStore


def stats(
    ctx: typer.Context,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: a table; json: counts per municipality and kind.")
    ] = OutputFormat.TEXT,
) -> None:
    """Count the stored records per municipality and record kind.

    Example: inventory stats --format json
    """
    with InventoryStore(state(ctx).resolved_db_url) as store:
        counts = store.stats()
    if output_format is OutputFormat.JSON:
        print_json(counts)
    else:
        render_stats(counts)


def register(app: typer.Typer) -> None:
    app.command()(stats)
