"""``inventory templates``: empty CSV templates with a description of every column."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import console
from inventory.models.export import write_templates


def templates(
    folder: Annotated[Path, typer.Argument(help="Folder to write the templates into.")],
) -> None:
    """Write an empty CSV template per record kind plus README.md describing each column.

    Existing files are never overwritten: a record kind that already has a file in FOLDER
    (under any of its names) keeps it, and an existing README.md is kept.

    Example: inventory templates my-municipality/
    """
    result = write_templates(folder)
    names = [path.name for path in result.written]
    if names:
        console.print(f"Wrote {_files(len(names))} to {folder}: {', '.join(names)}.",
                      markup=False)
    if result.kept:
        console.print(f"Kept {_files(len(result.kept))} already there, not overwritten:"
                      f" {', '.join(path.name for path in result.kept)}.", markup=False)
    if not names:
        console.print(f"Nothing written: {folder} already holds a file of every kind and"
                      " README.md.", markup=False)


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def register(app: typer.Typer) -> None:
    app.command()(templates)
