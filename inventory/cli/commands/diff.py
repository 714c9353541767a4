"""``inventory diff``: what changed between two import runs."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.common import OutputFormat, open_store, print_json
from inventory.cli.options import FormatOption, MunicipalityOption
from inventory.cli.views import render_difference


def diff(
    ctx: typer.Context,
    run_a: Annotated[int, typer.Argument(help="The earlier import run (see inventory history).")],
    run_b: Annotated[int, typer.Argument(help="The later import run.")],
    municipality: MunicipalityOption = None,
    output_format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Show the records created, updated (field: old -> new) and deleted after RUN_A up
    to and including RUN_B.

    Text: + created, ~ updated with each field's old and new value, - deleted; --format
    json: the records.

    Example: inventory diff 3 5 --municipality gnosjo
    """
    with open_store(ctx) as store:
        difference = store.diff(run_a, run_b, municipality)  # unknown run or code: exit 2
    if output_format is OutputFormat.JSON:
        print_json(difference.to_json())
    else:
        render_difference(difference)


def register(app: typer.Typer) -> None:
    app.command()(diff)
