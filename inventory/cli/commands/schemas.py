"""``inventory schemas``: write or check the JSON Schema files generated from the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import OutputFormat, console, print_json, say
from inventory.cli.options import FormatOption

DEFAULT_FOLDER = Path("schemas")


def schemas(
    folder: Annotated[Path, typer.Argument(help="Folder of the schema files.")] = DEFAULT_FOLDER,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Exit 1 when the files are missing or stale instead of writing them."
        ),
    ] = False,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Write the JSON Schema of every record kind (and target/study files) to FOLDER.

    Example: inventory schemas --check
    """
    from inventory.models.export import check_schemas, write_schemas

    if check:
        drift = check_schemas(folder)
        if output is OutputFormat.JSON:
            print_json(
                {
                    "current": not drift,
                    "drift": [{"file": d.file, "problem": d.problem} for d in drift],
                }
            )
        elif drift:
            for item in drift:
                console.print(
                    say(
                        "cli.schemas.drift",
                        problem=say(f"cli.schemas.problem.{item.problem}"),
                        file=str(folder / item.file),
                    ),
                    markup=False,
                )
            console.print(say("cli.schemas.regenerate"), markup=False)
        else:
            console.print(say("cli.schemas.current", folder=str(folder)), markup=False)
        raise typer.Exit(1 if drift else 0)
    written = write_schemas(folder)
    if output is OutputFormat.JSON:
        print_json({"written": [str(p) for p in written]})
    else:
        console.print(
            say("cli.schemas.wrote", count=len(written), folder=str(folder)), markup=False
        )


def register(app: typer.Typer) -> None:
    app.command()(schemas)
