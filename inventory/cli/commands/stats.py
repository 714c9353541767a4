"""``inventory stats``: stored record counts per municipality and record kind.

Light to run: a plain SQLite file at the newest schema is counted with ``sqlite3``, without
SQLAlchemy, pandas or the record models (``inventory.store.counts``;
tests/cli/test_lazy_imports.py).
"""

from __future__ import annotations

import typer

from inventory.cli.common import OutputFormat, console, print_json, say, state
from inventory.cli.options import FormatOption
from inventory.cli.views import render_stats


def stats(ctx: typer.Context, output_format: FormatOption = OutputFormat.TEXT) -> None:
    """Count the stored records per municipality and record kind.

    --format json: the counts per municipality and kind, the totals and the number of
    import runs.

    Example: inventory stats --format json
    """
    from inventory.store.counts import stored_counts

    counts = stored_counts(state(ctx).resolved_db_url)
    if output_format is OutputFormat.JSON:
        print_json(counts)
    else:
        render_stats(counts)
        if not counts["municipalities"]:
            console.print(say("cli.nothing_stored"), markup=False)


def register(app: typer.Typer) -> None:
    app.command()(stats)
