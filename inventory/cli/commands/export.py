"""``inventory export ...``: the inventory and its gap in formats other tools read."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from inventory.analyse.lifecycle import lifecycle_normaliser
from inventory.cli.commands.lifecycle import OverridesOption
from inventory.cli.common import (
    OutputFormat,
    console,
    load_target_or_exit,
    parse_date_option,
    parse_lang_option,
    print_json,
    stored_snapshot,
)
from inventory.echo import visible
from inventory.errors import InventoryError, OutputError
from inventory.export import ArchimateModel, archimate_model, model_xml, schema_errors
from inventory.gap.result import compute_gap
from inventory.output_files import created_file, make_folder, write_file_atomically

export_app = typer.Typer(
    name="export",
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Export the baseline and the target for other tools (ArchiMate for architects).",
)


def archimate(
    ctx: typer.Context,
    target_file: Annotated[
        Path,
        typer.Option(
            "--target", "-t", exists=True, dir_okay=False, help="Target architecture file (YAML)."
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            dir_okay=False,
            help="The model file to write (XML); an existing file only with --force.",
        ),
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace --out when it exists.")] = False,
    lang: Annotated[
        str,
        typer.Option(
            "--lang", help="Generated names (plateaus, gaps, views, folders) in en, sv or no."
        ),
    ] = "en",
    as_of: Annotated[
        str | None,
        typer.Option("--date", help="Date of the analysis, YYYY-MM-DD (default: today)."),
    ] = None,
    municipality: Annotated[
        list[str] | None,
        typer.Option(
            "--municipality", "-m", help="Only this municipality (code); repeat for more."
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", help="text: what was written; json: the same as data."),
    ] = OutputFormat.TEXT,
    overrides: OverridesOption = None,
) -> None:
    """Write the baseline and the target as an ArchiMate 3.1 model in The Open Group's
    Model Exchange File Format (opens in Archi: File > Import > Open Exchange XML Model):
    sites, servers, clusters, storage, network devices, platforms, applications and
    links, the target's building blocks, a baseline and a target plateau, the gaps between
    them and the plan's waves and work packages as work packages, with views. The file is
    checked against the format's schemas before it is written.

    Exit 1 when the target file is invalid, nothing is stored or --out exists (without
    --force); exit 2 for a --municipality that is not stored.

    Example: inventory export archimate --target samples/target.yaml --out model.xml --lang sv
    """
    day = parse_date_option(as_of)
    language = parse_lang_option(lang)
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
            "The ArchiMate model does not validate against the exchange"
            f" format's schemas: {problems[0]}",
            hint="Please report this with the command you ran.",
        )
    _write(out, document, force=force)
    summary = _summary(model, out)
    if output_format is OutputFormat.JSON:
        print_json(summary)
        return
    elements = ", ".join(f"{count} {kind}" for kind, count in summary["elements"].items())
    console.print(
        f"wrote {visible(str(out))}: {len(model.elements)} elements ({elements}),"
        f" {len(model.relationships)} relationships, {len(model.views)} views",
        markup=False,
    )
    for note in model.notes:
        console.print(f"Note: {visible(note)}", markup=False)


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
            f"{visible(str(path))} exists: export never replaces a file unless told to.",
            hint="Add --force to replace it, or write to a new file name.",
        ) from error


def register(app: typer.Typer) -> None:
    export_app.command("archimate")(archimate)
    app.add_typer(export_app)
