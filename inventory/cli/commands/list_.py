"""``inventory list``: the stored records of one kind."""

from __future__ import annotations

from typing import Annotated

import typer

from inventory.cli.common import (
    OutputFormat,
    cli_lang,
    console,
    nothing_stored,
    open_store,
    print_json,
    say,
)
from inventory.cli.help_language import argument_hint
from inventory.cli.options import FormatOption, MunicipalitiesOption
from inventory.cli.views import kind_text, records_json, render_records
from inventory.store.counts import STORED_KINDS

#: The record kinds (``inventory.models.RECORD_KINDS``, as the light store.counts writes them
#: out, so that the help does not load the models).
KINDS = STORED_KINDS


def list_records(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=f"Record kind: {', '.join(KINDS)}.")] = "municipality",
    municipality: MunicipalitiesOption = None,
    output_format: FormatOption = OutputFormat.TEXT,
    limit: Annotated[
        int, typer.Option("--limit", min=0, help="Text: show at most this many rows (0: all).")
    ] = 500,
    provenance: Annotated[
        bool,
        typer.Option(
            "--provenance",
            help="Also where each record came from: source_tool (adapter or"
            " profile name, or native), source_file, source_sheet,"
            " source_line.",
        ),
    ] = False,
) -> None:
    """List stored records of one kind (default: the municipalities).

    Text: for reading, in the language of --lang: each field under a header word a file
    may use, coded values as words.

    --format json: a list of records, every field, under its canonical name and with its
    values as stored: data for programs, the same in every language.

    Example: inventory list server --municipality gnosjo --format json
    """
    if kind not in KINDS:
        raise typer.BadParameter(
            say("cli.list.unknown_kind", kind=repr(kind), kinds=", ".join(KINDS)),
            param_hint=argument_hint("kind", cli_lang()),
        )
    if nothing_stored(ctx, municipality):
        if output_format is OutputFormat.JSON:
            print_json([])
        else:
            console.print(say("cli.nothing_stored"), markup=False)
        return
    with open_store(ctx) as store:
        frame = store.records(
            kind,
            municipality or None,  # a code not stored: exit 2
            provenance=provenance,
        )
        anything_stored = bool(municipality) or bool(store.municipality_codes())
    if output_format is OutputFormat.JSON:
        print_json(records_json(frame))
    elif frame.empty:  # an explicit empty result, never a blank line
        scope = (
            say("cli.list.scope", municipalities=", ".join(municipality)) if municipality else ""
        )
        console.print(
            say("cli.list.none", kind=kind_text(kind), scope=scope)
            if anything_stored
            else say("cli.nothing_stored"),
            markup=False,
        )
    else:
        render_records(frame, kind, limit)


def register(app: typer.Typer) -> None:
    app.command("list")(list_records)
