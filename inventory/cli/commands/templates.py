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

    Example: inventory templates my-municipality/
    """
    written = write_templates(folder)
    console.print(f"Wrote {len(written) - 1} templates and {folder / 'README.md'}.")


def register(app: typer.Typer) -> None:
    app.command()(templates)
