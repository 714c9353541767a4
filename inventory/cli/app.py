"""The ``inventory`` command: global options, error handling and command discovery.

Each command lives in its own module under ``inventory.cli.commands`` and exposes
``register(app: typer.Typer) -> None``; commands are thin: parse options, call one library
function, render the result, set the exit code.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Annotated

import typer

from inventory import __version__
from inventory.cli import commands
from inventory.cli.common import CliState, console_err
from inventory.errors import InventoryError

app = typer.Typer(
    name="inventory",
    help="Infrastructure inventory and harmonisation analyser for municipalities"
    " that plan to merge their IT operations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"inventory {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="INVENTORY_DB",
        help="Database URL (sqlite:///path.db or postgresql+psycopg://...)."
        " Default: an SQLite file inventory.db in the current folder.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on failures.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Import, validate, analyse and report municipal IT inventories."""
    ctx.obj = CliState(db_url=db, debug=debug)


def _register_commands() -> None:
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main() -> None:
    """Entry point of the console script: operational failures become a message and exit 1."""
    debug = "--debug" in sys.argv
    try:
        app()
    except InventoryError as error:
        if debug:
            raise
        console_err.print(f"[bold red]Error:[/] {error}", highlight=False)
        if error.hint:
            console_err.print(f"Hint: {error.hint}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        console_err.print("Interrupted.")
        sys.exit(130)
