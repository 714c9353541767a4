"""What every command shares: state from the global options, output formats, printing."""

from __future__ import annotations

import enum
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

console = Console(highlight=False, soft_wrap=True)
console_err = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_DB_FILE = "inventory.db"


@dataclass
class CliState:
    """Global options, handed to every command through ``ctx.obj``."""

    db_url: str | None
    debug: bool

    @property
    def resolved_db_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{Path(os.getcwd(), DEFAULT_DB_FILE)}"


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    if isinstance(obj, CliState):
        return obj
    return CliState(db_url=os.environ.get("INVENTORY_DB"), debug=False)


class OutputFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


class TableFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


def print_json(data: Any) -> None:
    """Print what a library function returned, as JSON on standard output."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def show_progress() -> bool:
    """Progress bars only on a terminal (never in pipes, CI or tests)."""
    return console_err.is_terminal and not os.environ.get("CI")
