"""``inventory list``: the stored records of one kind."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.common import OutputFormat, console, nothing_stored, open_store, print_json
from inventory.cli.options import FormatOption, MunicipalitiesOption
from inventory.cli.views import records_json, render_records
from inventory.errors import NOTHING_STORED

#: The record kinds, as ``inventory.models.RECORD_KINDS`` (written out so that the help
#: does not load the models; tests/cli/test_lazy_imports.py checks they are the same).
KINDS = ("municipality", "site", "server", "storage", "network_device", "link", "zone",
         "platform", "client", "application")


def list_records(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(
        help=f"Record kind: {', '.join(KINDS)}.")] = "municipality",
    municipality: MunicipalitiesOption = None,
    output_format: FormatOption = OutputFormat.TEXT,
    limit: Annotated[int, typer.Option(
        "--limit", min=0, help="Text: show at most this many rows (0: all).")] = 500,
) -> None:
    """List stored records of one kind (default: the municipalities).

    --format json: a list of records, every field.

    Example: inventory list server --municipality gnosjo --format json
    """
    if kind not in KINDS:
        raise typer.BadParameter(f"unknown record kind {kind!r}; use one of:"
                                 f" {', '.join(KINDS)}", param_hint="KIND")
    if nothing_stored(ctx, municipality):
        if output_format is OutputFormat.JSON:
            print_json([])
        else:
            console.print(NOTHING_STORED, markup=False)
        return
    with open_store(ctx) as store:
        frame = store.records(kind, municipality or None)  # a code not stored: exit 2
        anything_stored = bool(municipality) or bool(store.municipality_codes())
    if output_format is OutputFormat.JSON:
        print_json(records_json(frame))
    elif frame.empty:  # an explicit empty result, never a blank line
        scope = f" of {', '.join(municipality)}" if municipality else ""
        console.print(f"No {kind} records are stored{scope}." if anything_stored
                      else NOTHING_STORED, markup=False)
    else:
        render_records(frame, kind, limit)


def register(app: typer.Typer) -> None:
    app.command("list")(list_records)
