"""What every command shares: state from the global options, output formats, printing."""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from inventory.errors import NotFoundError
from inventory.snapshot import InventorySnapshot
from inventory.store import InventoryStore
from inventory.target.model import TargetArchitecture, load_target

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


def parse_optional_date(text: str | None, *, option: str = "--date") -> dt.date | None:
    """A ``--date YYYY-MM-DD`` option's value, ``None`` when not given; a usage error if bad."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise typer.BadParameter(f"{text!r} is not a date; write YYYY-MM-DD.",
                                 param_hint=option) from error


def parse_date_option(text: str | None, *, option: str = "--date") -> dt.date:
    """A ``--date YYYY-MM-DD`` option's value, today when not given; a usage error if bad."""
    return parse_optional_date(text, option=option) or dt.date.today()


def stored_snapshot(ctx: typer.Context,
                    municipalities: Sequence[str] | None) -> InventorySnapshot:
    """The stored inventory of some municipalities (all when none are named).

    Raises ``NotFoundError`` for a municipality code that is not stored.
    """
    with InventoryStore(state(ctx).resolved_db_url) as store:
        if municipalities:
            known = store.municipality_codes()
            unknown = [code for code in municipalities if code not in known]
            if unknown:
                raise NotFoundError(
                    f"No stored municipality {', '.join(map(repr, unknown))}.",
                    hint=("Stored: " + ", ".join(known)) if known else
                    "Nothing is stored yet: run inventory import FOLDER first.")
        return store.snapshot(list(municipalities) if municipalities else None)


def load_target_or_exit(path: Path, *, as_json: bool = False) -> TargetArchitecture:
    """The target architecture in ``path``; its problems printed with their lines, exit 1."""
    target, issues = load_target(path)
    if target is not None:
        return target
    if as_json:
        print_json({"valid": False, "issues": [issue.model_dump(mode="json")
                                               for issue in issues]})
    else:
        for issue in issues:
            console_err.print(str(issue), markup=False)
        console_err.print(f"{len(issues)} problems in {path}: nothing was computed.")
    raise typer.Exit(1)
