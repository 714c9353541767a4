"""The ``inventory`` command: global options, error handling and command discovery.

Each command lives in its own module under ``inventory.cli.commands`` and exposes
``register(app: typer.Typer) -> None``; commands are thin: parse options, call one library
function, render the result, set the exit code.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Annotated, Any

import typer
from rich.text import Text
from typer.core import TyperGroup

from inventory import __version__
from inventory.cli import commands, interruption
from inventory.cli.common import CliState, console_err, parse_lang_option, set_cli_lang
from inventory.echo import visible
from inventory.errors import Interrupted, InventoryError, NotFoundError, StoreError
from inventory.output_files import file_error
from inventory.store.engine import database_url


class _Commands(TyperGroup):
    """The root command: a municipality, node or run named on the command line that does not
    exist is a usage error (exit 2), the same in every command, whichever library call
    finds out. Usage errors are printed by click, not by our consoles: their messages (which
    may name stored records or values of a file) get control characters escaped here."""

    # typer vendors click: the base's Context type is private, typer.Context derives from it.
    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except NotFoundError as error:
            if "--debug" in sys.argv:
                raise
            raise typer.BadParameter(visible(f"{error} {error.hint or ''}".strip())) from error
        except typer.TyperException as error:  # click's exceptions derive from it
            message = getattr(error, "message", None)
            if isinstance(message, str):
                error.message = visible(message)
            raise


app = typer.Typer(
    name="inventory",
    help="Infrastructure inventory and harmonisation analyser for municipalities"
    " that plan to merge their IT operations.",
    cls=_Commands,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"inventory {__version__}")
        raise typer.Exit()


def _database(value: str | None) -> str | None:
    """A ``--db`` value that is not an SQLite or PostgreSQL URL is a usage error (exit 2),
    shown with its password masked."""
    if value:
        try:
            database_url(value)
        except StoreError as error:
            raise typer.BadParameter(f"{error} {error.hint or ''}".strip()) from None
    return value


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="INVENTORY_DB", callback=_database,
        help="Database URL (sqlite:///path.db or postgresql+psycopg://...)."
        " Default: an SQLite file inventory.db in the current folder.")] = None,
    lang: Annotated[str, typer.Option(
        "--lang", envvar="INVENTORY_LANG", metavar="LANG",
        help="Language of what the commands print and of the reports: en, sv or no"
        " (report --lang overrides it for the report). Default: en.")] = "en",
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on failures.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Import, validate, analyse and report municipal IT inventories."""
    interruption.reset()
    language = parse_lang_option(lang)
    set_cli_lang(language)
    ctx.obj = CliState(db_url=db, debug=debug, lang=language)


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
    except Interrupted as interrupted:
        console_err.print(str(interrupted), markup=False)
        sys.exit(130)
    except InventoryError as error:
        if debug:
            raise
        console_err.print(Text("Error:", style="bold red"), str(error))
        if error.hint:
            console_err.print(f"Hint: {error.hint}", highlight=False)
        sys.exit(1)
    except OSError as error:  # a file or folder no command turned into a message (--out)
        if debug:
            raise
        failure = file_error(error)
        console_err.print(Text("Error:", style="bold red"), str(failure))
        console_err.print(f"Hint: {failure.hint}", highlight=False)
        sys.exit(1)
    except SystemExit as exit_:
        if exit_.code == 130:  # typer turns Ctrl-C into exit 130 without a word
            console_err.print(interruption.message(), markup=False)
        raise
    except KeyboardInterrupt:
        console_err.print(interruption.message(), markup=False)
        sys.exit(130)
