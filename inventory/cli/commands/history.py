"""``inventory history``: the import runs stored."""

from __future__ import annotations

import typer

from inventory.cli.common import OutputFormat, open_store, print_json
from inventory.cli.options import FormatOption, MunicipalityOption
from inventory.cli.views import render_history


def history(
    ctx: typer.Context,
    municipality: MunicipalityOption = None,
    output_format: FormatOption = OutputFormat.TEXT,
) -> None:
    """List the import runs, oldest first, with what each changed.

    --municipality: only the runs that imported it. --format json: every run with its
    counts.

    Example: inventory history --municipality gnosjo
    """
    with open_store(ctx) as store:
        runs = store.history(municipality)  # a code not stored: exit 2
    if output_format is OutputFormat.JSON:
        print_json([run.to_json() for run in runs])
    else:
        render_history(runs)


def register(app: typer.Typer) -> None:
    app.command()(history)
