"""``inventory export ...``: the inventory and its gap in formats other tools read."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from inventory.cli.common import (
    OutputFormat,
    console,
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
from inventory.output_files import created_file, make_folder, write_file_atomically

if TYPE_CHECKING:
    from inventory.export import ArchimateModel

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
    from inventory.analyse.lifecycle import lifecycle_normaliser
    from inventory.export import archimate_model, model_xml, schema_errors
    from inventory.gap.result import compute_gap

    day = as_of or dt.date.today()
    language = chosen_lang(lang)
    target = load_target_or_exit(target_file)
    if municipality:
        target = target.model_copy(update={"municipalities": list(municipality)})
    snapshot = stored_snapshot(ctx, municipality, target=target)
    normaliser = lifecycle_normaliser(None, overrides)
    gap = compute_gap(snapshot, target, as_of=day, normaliser=normaliser)
    model = archimate_model(snapshot, gap, lang=language, normaliser=normaliser)
    document = model_xml(model)
    problems = schema_errors(document)
    if problems:  # a bug of ours: never hand Archi a file it would refuse
        raise InventoryError(
            say("cli.export.invalid_model", problem=problems[0]), hint=say("cli.report_bug")
        )
    _write(out, document, force=force)
    summary = _summary(model, out)
    if output_format is OutputFormat.JSON:
        print_json(summary)
        return
    # the element types are ArchiMate's own names (Node, SystemSoftware), in every language
    elements = ", ".join(
        f"{say('cli.number', value=count)} {kind}" for kind, count in summary["elements"].items()
    )
    console.print(
        say(
            "cli.export.wrote",
            file=visible(str(out)),
            elements=len(model.elements),
            kinds=elements,
            relationships=len(model.relationships),
            views=len(model.views),
        ),
        markup=False,
    )
    for note in model.notes:  # written in --lang by the model
        console.print(say("cli.note", text=visible(note)), markup=False)


def _summary(model: ArchimateModel, out: Path) -> dict[str, Any]:
    """What was written, counted by element and relationship type."""
    return {
        "file": str(out),
        "elements": dict(Counter(element.type for element in model.elements)),
        "relationships": dict(Counter(relation.type for relation in model.relationships)),
        "views": [view.name for view in model.views],
        "notes": list(model.notes),
    }


def _write(path: Path, document: bytes, *, force: bool) -> None:
    """A new file, or with ``force`` the old one replaced whole (never half written)."""
    if force:
        write_file_atomically(path, document)
        return
    make_folder(path.parent)
    try:
        with created_file(path) as stream:
            stream.write(document)
    except FileExistsError as error:
        raise OutputError(
            say("cli.exists.export", path=visible(str(path))), hint=say("cli.exists.export_hint")
        ) from error


def register(app: typer.Typer) -> None:
    export_app.command("archimate")(archimate)
    app.add_typer(export_app)
