"""``inventory export ...``: the inventory and its gap in formats other tools read."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from inventory.cli.common import (
    OutputFormat,
    console,
    counted,
    load_target_or_exit,
    print_json,
    say,
    stored_snapshot,
)
from inventory.cli.options import (
    DateOption,
    FormatOption,
    LangOption,
    MunicipalitiesOption,
    OutFileOption,
    OverridesOption,
    TargetOption,
    chosen_lang,
)
from inventory.echo import visible
from inventory.errors import InventoryError, OutputError

export_app = typer.Typer(
    name="export",
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Export the baseline and the target for other tools (ArchiMate for architects).",
)


def archimate(
    ctx: typer.Context,
    target_file: TargetOption,
    out: OutFileOption,
    force: Annotated[bool, typer.Option("--force", help="Replace --out when it exists.")] = False,
    lang: LangOption = None,
    as_of: DateOption = None,
    municipality: MunicipalitiesOption = None,
    output_format: FormatOption = OutputFormat.TEXT,
    overrides: OverridesOption = None,
) -> None:
    """Write the baseline and the target as an ArchiMate 3.1 model in The Open Group's
    Model Exchange File Format (opens in Archi: File > Import > Open Exchange XML Model):
    sites, servers, clusters, storage, network devices, platforms, applications and
    links, the target's building blocks, a baseline and a target plateau, the gaps between
    them and the plan's waves and work packages as work packages, with views. The file is
    checked against the format's schemas before it is written.

    --out is the model file (XML): an existing one is replaced only with --force. --lang
    gives the generated names (plateaus, gaps, views, folders); --format text says what
    was written, json the same as data.

    Exit 1 when the target file is invalid, nothing is stored or --out exists (without
    --force); exit 2 for a --municipality that is not stored.

    Example: inventory export archimate --target samples/target.yaml --out model.xml --lang sv
    """
    from inventory.export.run import InvalidModelError, write_archimate

    target = load_target_or_exit(target_file)
    if municipality:  # -m narrows the target's scope
        target = target.model_copy(update={"municipalities": list(municipality)})
    try:
        written = write_archimate(
            stored_snapshot(ctx, municipality, target=target),
            target,
            out,
            as_of=as_of or dt.date.today(),
            lang=chosen_lang(lang),
            overrides=overrides,
            force=force,
        )
    except FileExistsError as error:
        raise OutputError(
            say("cli.exists.export", path=visible(str(out))), hint=say("cli.exists.export_hint")
        ) from error
    except InvalidModelError as error:  # a bug of ours: never hand Archi a file it would refuse
        raise InventoryError(
            say("cli.export.invalid_model", problem=error.problems[0]), hint=say("cli.report_bug")
        ) from error
    if output_format is OutputFormat.JSON:
        print_json(written.to_json())
        return
    # the element types are ArchiMate's own names (Node, SystemSoftware), in every language
    elements = ", ".join(
        f"{say('cli.number', value=count)} {kind}" for kind, count in written.elements.items()
    )
    console.print(
        say(
            "cli.export.wrote",
            file=visible(str(out)),
            elements=counted("element", len(written.model.elements)),
            kinds=elements,
            relationships=counted("relationship", len(written.model.relationships)),
            views=counted("view", len(written.model.views)),
        ),
        markup=False,
    )
    for note in written.model.notes:  # written in --lang by the model
        console.print(say("cli.note", text=visible(note)), markup=False)


def register(app: typer.Typer) -> None:
    export_app.command("archimate")(archimate)
    app.add_typer(export_app)
