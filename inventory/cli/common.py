"""What every command shares: state from the global options, output formats, printing.

Imported when the command line starts: it loads no pandas, SQLAlchemy, pydantic models or
analyses at import time (the functions that need them import them when called).
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from inventory.cli.terminal import TerminalConsole
from inventory.echo import JSON_ESCAPES, shorten, visible
from inventory.errors import NothingStoredError, RenderError, UnknownMunicipalityError
from inventory.language.i18n import LANGUAGES, Lang, code_text, parse_lang, t

if TYPE_CHECKING:
    import pandas as pd

    from inventory.issues import Issue
    from inventory.snapshot import InventorySnapshot
    from inventory.store import InventoryStore
    from inventory.target.model import TargetArchitecture

# User text is printed literally: no markup, no emoji codes, control characters escaped.
console = TerminalConsole()
console_err = TerminalConsole(stderr=True)

DEFAULT_DB_FILE = "inventory.db"


@dataclass
class CliState:
    """Global options, handed to every command through ``ctx.obj``."""

    db_url: str | None
    debug: bool
    #: The language of what the commands print (``--lang``, ``INVENTORY_LANG``).
    lang: Lang = "en"

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


#: The command line's language for this invocation, set from the global ``--lang``: the
#: printing helpers read it rather than every function taking a language.
_LANG: ContextVar[Lang] = ContextVar("inventory_cli_lang", default="en")


def set_cli_lang(lang: Lang) -> None:
    """Print in ``lang`` from now on (the global ``--lang`` option)."""
    _LANG.set(lang)


def cli_lang() -> Lang:
    """The language the command line prints in."""
    return _LANG.get()


def say(key: str, **params: object) -> str:
    """The text of message ``key`` in the command line's language; a number among the
    ``params`` is written as the language writes it (``7 399`` in Swedish, ``7,399`` in
    English): a year is passed as text (``str(2031)``), never grouped."""
    from inventory.language.formatting import format_decimal, format_integer

    lang = cli_lang()
    shown = {
        name: format_integer(value, lang)
        if isinstance(value, int) and not isinstance(value, bool)
        else format_decimal(value, lang, 1)
        if isinstance(value, float)
        else value
        for name, value in params.items()
    }
    return t(key, lang, **shown)


def counted(noun: str, count: int) -> str:
    """``3 files``, ``1 fil``: ``count`` with the noun ``cli.count.<noun>`` in the command
    line's language (English, Swedish and Norwegian have one form for 1 and one for the
    rest: the plural message ``cli.count.<noun>.one``/``.other``, see
    ``i18n.plural_key``; ``say`` chooses the form of any plural message by its ``count``)."""
    return say(f"cli.count.{noun}", count=count)


def number(value: int) -> str:
    """A count as the command line's language writes it (``7,399``, ``7 399``)."""
    from inventory.language.formatting import format_integer

    return format_integer(value, cli_lang())


def code_value(family: str, code: str) -> str:
    """A code value (a lifecycle state, a node kind) as the command line shows it: the code
    itself in English (the word scripts and ``--format json`` use), its text
    (``code.<family>.<code>``) in Swedish and Norwegian."""
    lang = cli_lang()
    return code if lang == "en" else code_text(family, code, lang)


class OutputFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


class TableFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


def print_json(data: Any) -> None:
    """Print what a library function returned, as JSON on standard output."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str).translate(JSON_ESCAPES))


def show_progress() -> bool:
    """Progress bars only on a terminal (never in pipes, CI or tests)."""
    return console_err.is_terminal and not os.environ.get("CI")


#: The dates an analysis may be asked for: wide enough for any plan, narrow enough that
#: adding a lifecycle horizon (at most 100 years) stays a date.
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))
#: The most months a lifecycle horizon may span (``--months``; a target's horizon_months).
MAX_MONTHS = 1200


def parse_optional_date(text: str | None, *, option: str = "--date") -> dt.date | None:
    """A ``--date YYYY-MM-DD`` option's value, ``None`` when not given; a usage error if bad
    or outside ``DATE_RANGE``."""
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as error:
        raise typer.BadParameter(
            say("cli.usage.value.date_format", text=visible(shorten(text, 40))), param_hint=option
        ) from error
    first, last = DATE_RANGE
    if not first <= day <= last:
        raise typer.BadParameter(
            say("cli.usage.value.date_range", day=str(day), first=str(first), last=str(last)),
            param_hint=option,
        )
    return day


def parse_date_option(text: str | None, *, option: str = "--date") -> dt.date:
    """A ``--date YYYY-MM-DD`` option's value, today when not given; a usage error if bad."""
    return parse_optional_date(text, option=option) or dt.date.today()


def parse_lang_option(text: str, *, option: str = "--lang") -> Lang:
    """A ``--lang`` option's value (en, sv, no and their usual spellings); a usage error
    (exit 2, like every other bad option value) naming the languages otherwise."""
    try:
        return parse_lang(text)
    except RenderError as error:
        raise typer.BadParameter(
            say(
                "cli.usage.value.unknown_language",
                text=visible(shorten(text, 40)),
                languages=", ".join(LANGUAGES),
            ),
            param_hint=option,
        ) from error


def nothing_stored(ctx: typer.Context, municipalities: Sequence[str] | None = None) -> bool:
    """Whether ``--db`` names an SQLite file that does not exist yet: commands that only
    read then report an empty store without creating the file. A municipality named on
    the command line is a usage error there too (``UnknownMunicipalityError``)."""
    from inventory.store.engine import database_exists

    if database_exists(state(ctx).resolved_db_url):
        return False
    UnknownMunicipalityError.check(municipalities or (), ())
    return True


@contextmanager
def open_store(ctx: typer.Context) -> Iterator[InventoryStore]:
    """The store of ``--db``, closed after use."""
    from inventory.store import InventoryStore

    with InventoryStore(state(ctx).resolved_db_url) as store:
        yield store


def stored_snapshot(
    ctx: typer.Context,
    municipalities: Sequence[str] | None,
    *,
    target: TargetArchitecture | None = None,
) -> InventorySnapshot:
    """What an analysing command reads: the stored inventory of the municipalities named on
    the command line, else those the target names, else all (``inventory.load_snapshot``,
    which checks them).

    A code on the command line that is not stored: ``UnknownMunicipalityError`` (a usage
    error, exit 2). One the target names: ``TargetError`` (exit 1). Nothing stored at all:
    ``NothingStoredError`` (exit 1), never an analysis of nothing or a traceback.
    """
    from inventory.api import load_snapshot

    if nothing_stored(ctx, municipalities):
        raise NothingStoredError()
    with open_store(ctx) as store:
        snapshot = load_snapshot(store, municipalities, target=target)
    if not snapshot.municipalities:
        raise NothingStoredError()
    return snapshot


def write_tables(tables: Mapping[str, pd.DataFrame], folder: Path) -> list[Path]:
    """Every table as ``folder/<name>.csv``, all written or none (``OutputError`` in one line
    for a file in the way, a read-only or full disk)."""
    from inventory.output_files import write_files_atomically
    from inventory.render.csv_safe import write_frame_csv

    files: dict[Path, bytes] = {}
    for name, frame in tables.items():
        text = io.StringIO()
        write_frame_csv(frame, text)
        files[folder / f"{name}.csv"] = text.getvalue().encode("utf-8")
    return write_files_atomically(files)


def load_target_or_exit(path: Path, *, as_json: bool = False) -> TargetArchitecture:
    """The target architecture in ``path``; its problems printed with their lines, exit 1."""
    from inventory.target.model import load_target

    target, issues = load_target(path)
    if target is not None:
        return target
    if as_json:
        print_json({"valid": False, "issues": [issue.model_dump(mode="json") for issue in issues]})
    else:
        print_issues(issues, say("cli.where.in", place=str(path)))
    raise typer.Exit(1)


def print_issues(issues: Sequence[Issue], where: str) -> None:
    """Every issue with its place on standard error, then how many errors ``where`` (in the
    command line's language: ``say("cli.where.in", place=...)``) and that nothing was
    computed."""
    from inventory.issues import Severity, issue_line

    for issue in issues:
        console_err.print(issue_line(issue, cli_lang()), markup=False)
    count = sum(issue.severity == Severity.ERROR for issue in issues)
    console_err.print(
        say("cli.issues_summary", errors=counted("error", count), where=where), markup=False
    )
