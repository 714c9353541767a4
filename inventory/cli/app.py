"""The ``inventory`` command: global options, error handling and command discovery.

Each command lives in its own module under ``inventory.cli.commands`` and exposes
``register(app: typer.Typer) -> None``; commands are thin: parse options, call one library
function, render the result, set the exit code.

Commands are registered by name (``COMMANDS``) and their modules imported when one is
run or asked for its help: ``inventory --help`` and ``inventory COMMAND --help`` start
without pandas, SQLAlchemy and the analyses (tests/cli/test_lazy_imports.py).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer
from rich.text import Text
from typer import _click as click
from typer._click.utils import make_default_short_help
from typer.core import TyperGroup

from inventory import __version__
from inventory.cli import commands, help_language, interruption, parameter_values
from inventory.cli.common import (
    CliState,
    cli_lang,
    console_err,
    parse_lang_option,
    set_cli_lang,
)
from inventory.echo import visible
from inventory.errors import Interrupted, InventoryError, NotFoundError, StoreError
from inventory.language.i18n import t
from inventory.output_files import file_error


class _Commands(TyperGroup):
    """The root command: a municipality, node or run named on the command line that does not
    exist is a usage error (exit 2), the same in every command, whichever library call
    finds out. Usage errors are printed by click, not by our consoles: their messages (which
    may name stored records or values of a file) get control characters escaped here.

    In Swedish or Norwegian (the global ``--lang`` or ``INVENTORY_LANG``, read before click
    parses: ``help_language.early_lang``) the help of every command loaded and the usage
    errors are in that language (``help_language``)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **kwargs)
        finally:  # the next invocation in this process starts from its own arguments
            set_cli_lang("en")

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        lang = help_language.early_lang(args, os.environ)
        set_cli_lang(lang)
        interruption.reset(lang)
        help_language.localise(self, (), lang)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as error:
            localised = help_language.localised_error(error, lang)
            if localised is error:
                raise
            raise localised from error

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, its module imported on first use."""
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            command = load_command(cmd_name)
            help_language.localise(command, (cmd_name,), cli_lang())
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The root help's command list, from ``COMMANDS`` (no command module imported)."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        with formatter.section(help_language.typer_text("Commands")):
            formatter.write_dl(
                [(name, make_default_short_help(summary(name), limit)) for name in names]
            )

    # typer vendors click: the base's Context type is private, typer.Context derives from it.
    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except NotFoundError as error:
            if "--debug" in sys.argv:
                raise
            said, hint = help_language.failure_texts(error, cli_lang())
            usage = typer.BadParameter(visible(f"{said} {hint or ''}".strip()))
            raise help_language.localised_error(usage, cli_lang()) from error
        except typer.TyperException as error:  # click's exceptions derive from it
            message = getattr(error, "message", None)
            if isinstance(message, str) and type(error).__name__ != "NoArgsIsHelpError":
                error.message = visible(message)  # (that one's message is a command's help)
            if isinstance(error, click.ClickException):
                localised = help_language.localised_error(error, cli_lang())
                if localised is not error:
                    raise localised from error
            raise


help_language.install()
parameter_values.install()


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
        # the store's libraries load now, before any command ran: a Ctrl-C says so
        interruption.note(interruption.NOTHING_WRITTEN)
        from inventory.store.database_file import sqlite_file

        if sqlite_file(value) is not None:  # an SQLite file's URL: valid (without SQLAlchemy)
            return value
        from inventory.store.engine import database_url

        try:
            database_url(value)
        except StoreError as error:
            message, hint = help_language.failure_texts(error, cli_lang())
            raise typer.BadParameter(f"{message} {hint or ''}".strip()) from None
    return value


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="INVENTORY_DB",
            callback=_database,
            help="Database URL (sqlite:///path.db or postgresql+psycopg://...)."
            " Default: an SQLite file inventory.db in the current folder.",
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            envvar="INVENTORY_LANG",
            metavar="LANG",
            help="Language of what the commands print and of the reports: en, sv or no"
            " (report --lang overrides it for the report). Default: en.",
        ),
    ] = "en",
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on failures.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Import, validate, analyse and report municipal IT inventories."""
    interruption.reset()
    language = parse_lang_option(lang)
    set_cli_lang(language)
    ctx.obj = CliState(db_url=db, debug=debug, lang=language)


#: Every command: its name, the module under ``inventory.cli.commands`` that defines it
#: (its ``register(app)`` adds it) and the first sentence of its help, which the root
#: ``--help`` lists without importing the module (tests/cli/test_lazy_imports.py checks
#: that each text is the command's own).
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": (
        "demo",
        "Run the main job on the bundled samples: import the five"
        " municipalities into a fresh SQLite file, analyse overlap and the gap against"
        " samples/target.yaml, and write every report and diagram.",
    ),
    "diagram": ("diagram", "Draw one view of the stored inventory with Graphviz."),
    "diff": (
        "diff",
        "Show the records created, updated (field: old -> new) and deleted"
        " after RUN_A up to and including RUN_B.",
    ),
    "export": (
        "export",
        "Export the baseline and the target for other tools (ArchiMate for architects).",
    ),
    "gap": (
        "gap",
        "Compare the stored inventories with a target architecture: TOGAF gap"
        " matrix, readiness, end-of-life exposure, security baseline, datacentre"
        " capacity, interconnects, SLA gaps, effort and cost, migration waves.",
    ),
    "graph": (
        "graph",
        "Build the dependency graph of the stored inventory and print its"
        " size by node and edge kind.",
    ),
    "history": ("history", "List the import runs, oldest first, with what each changed."),
    "impact": (
        "impact",
        "List everything that depends on NODE, transitively, grouped by"
        " municipality and kind, with the client devices affected.",
    ),
    "import": (
        "import_",
        "Validate and store inventories: created / updated / unchanged / deleted per kind.",
    ),
    "lifecycle": (
        "lifecycle",
        "Show the release cycle and end-of-life state (supported,"
        " ending within --months, past end of life) of every server OS,"
        " hypervisor, platform, network OS and client OS, with the assets and"
        " municipalities on each.",
    ),
    "list": ("list_", "List stored records of one kind (default: the municipalities)."),
    "mapping": ("mapping", "Mapping profiles: how the exports of other tools are read."),
    "normalise": (
        "normalise",
        "List product names that did not match, matched with low"
        " confidence or have no release cycle, with counts and where they"
        " occur.",
    ),
    "overlap": (
        "overlap",
        "Show per domain and capability which canonical products each"
        " municipality uses (with asset counts) and which are shared by all, by"
        " some or unique; the similarity of the municipalities (weighted Jaccard"
        " over asset shares); the business applications several municipalities"
        " share; and a harmonisation index per capability.",
    ),
    "propose-target": (
        "propose_target",
        "Draft a target architecture: per capability the"
        " product that minimises migration effort (assets already on it,"
        " lifecycle, how many municipalities use it), with the alternatives"
        " and their effort; datacentres, interconnect minimum and default"
        " efforts.",
    ),
    "report": (
        "report",
        "Write the harmonisation report: executive summary first, then the"
        " details, with the diagrams embedded (and written to OUT/diagrams).",
    ),
    "schemas": (
        "schemas",
        "Write the JSON Schema of every record kind (and target/study files) to FOLDER.",
    ),
    "stats": ("stats", "Count the stored records per municipality and record kind."),
    "study": (
        "study",
        "Decision support from the municipal studies: potential per area,"
        " alternatives against weighted criteria, cost allocation keys, projections,"
        " comparable costs.",
    ),
    "synth": ("synth", "Write synthetic municipal inventories in the import format (CSV)."),
    "templates": (
        "templates",
        "Write an empty CSV template per record kind plus README.md describing each column.",
    ),
    "validate": (
        "validate",
        "Check inventory files without storing anything: exit 0 when valid, 1 when not.",
    ),
}


def summary(name: str) -> str:
    """The one line the root ``--help`` lists for command ``name``, in the command line's
    language."""
    lang = cli_lang()
    if lang == "en":
        return COMMANDS[name][1]
    return t(help_language.summary_key(name), lang)


def load_command(name: str) -> click.Command:
    """The command ``name`` of ``COMMANDS``, its module imported now (and only now)."""
    module = importlib.import_module(f"{commands.__name__}.{COMMANDS[name][0]}")
    holder = typer.Typer(rich_markup_mode=None, add_completion=False)
    module.register(holder)
    return typer.main.get_group(holder).commands[name]


def main() -> None:
    """Entry point of the console script: operational failures become a message and exit 1."""
    debug = "--debug" in sys.argv
    lang = help_language.early_lang(sys.argv[1:], os.environ)
    try:
        app()
    except Interrupted as interrupted:
        console_err.print(str(interrupted), markup=False)
        sys.exit(130)
    except InventoryError as error:
        if debug:
            raise
        from inventory.issues import InvalidInputError, issue_line

        if isinstance(error, InvalidInputError):  # every problem with its place first
            for issue in error.issues:
                console_err.print(issue_line(issue, lang), markup=False)
        message, hint = help_language.failure_texts(error, lang)
        console_err.print(Text(t("cli.main.error", lang), style="bold red"), message)
        if hint:
            console_err.print(t("cli.main.hint", lang, hint=hint), highlight=False)
        sys.exit(1)
    except OSError as error:  # a file or folder no command turned into a message (--out)
        if debug:
            raise
        message, hint = help_language.failure_texts(file_error(error), lang)
        console_err.print(Text(t("cli.main.error", lang), style="bold red"), message)
        console_err.print(t("cli.main.hint", lang, hint=hint), highlight=False)
        sys.exit(1)
    except SystemExit as exit_:
        if exit_.code == 130:  # typer turns Ctrl-C into exit 130 without a word
            console_err.print(interruption.message(lang), markup=False)
        raise
    except KeyboardInterrupt:
        console_err.print(interruption.message(lang), markup=False)
        sys.exit(130)
