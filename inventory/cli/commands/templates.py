"""``inventory templates``: empty CSV templates with a description of every column."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import console, counted, say


def templates(
    folder: Annotated[Path, typer.Argument(help="Folder to write the templates into.")],
) -> None:
    """Write an empty CSV template per record kind plus README.md describing each column.

    Existing files are never overwritten: a record kind that already has a file in FOLDER
    (under any of its names) keeps it, and an existing README.md is kept.

    Example: inventory templates my-municipality/
    """
    from inventory.models.export import write_templates

    result = write_templates(folder)
    names = [path.name for path in result.written]
    if names:
        console.print(
            say(
                "cli.templates.wrote",
                files=counted("file", len(names)),
                folder=str(folder),
                names=", ".join(names),
            ),
            markup=False,
        )
    if result.kept:
        console.print(
            say(
                "cli.templates.kept",
                files=counted("file", len(result.kept)),
                names=", ".join(path.name for path in result.kept),
            ),
            markup=False,
        )
    if not names:
        console.print(say("cli.templates.nothing", folder=str(folder)), markup=False)


def register(app: typer.Typer) -> None:
    app.command()(templates)
