"""``inventory stats``: stored record counts per municipality and record kind."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.commands.store_views import render_stats
from inventory.cli.common import OutputFormat, console, open_store, print_json
from inventory.errors import NOTHING_STORED


def stats(
    ctx: typer.Context,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", help="text: a table; json: counts per municipality and kind.")
    ] = OutputFormat.TEXT,
) -> None:
    """Count the stored records per municipality and record kind.

    Example: inventory stats --format json
    """
    with open_store(ctx) as store:
        counts = store.stats()
    if output_format is OutputFormat.JSON:
        print_json(counts)
    else:
        render_stats(counts)
        if not counts["municipalities"]:
            console.print(NOTHING_STORED, markup=False)


def register(app: typer.Typer) -> None:
    app.command()(stats)
