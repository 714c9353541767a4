"""The options several commands share, declared once as typed aliases.

A command takes ``municipality: MunicipalitiesOption = None`` instead of spelling out
``typer.Option("--municipality", "-m", help=...)`` again: the flag, its short form, its
metavar, its validation and its help are the same wherever it appears. What one command
means more precisely (which tables ``--format csv`` writes, what lands beside ``--out``)
is said in the command's own help text.

This module is imported when the command line starts: it stays light (typer and the
standard library; the option values are parsed here, the libraries load later).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import (
    OutputFormat,
    TableFormat,
    cli_lang,
    parse_lang_option,
    parse_optional_date,
    say,
)
from inventory.language.i18n import Lang

__all__ = [
    "AliasesOption",
    "DateOption",
    "DiagramFormatOption",
    "FormatOption",
    "LangOption",
    "MaxIssuesOption",
    "MunicipalitiesOption",
    "MunicipalityOption",
    "OptionalOutDirOption",
    "OptionalOutFileOption",
    "OptionalTargetOption",
    "OutDirOption",
    "OutFileOption",
    "OverridesOption",
    "TableFormatOption",
    "TargetOption",
    "TargetsOption",
    "chosen_lang",
]


def _date(text: str) -> dt.date:
    """A ``--date`` value: YYYY-MM-DD within ``common.DATE_RANGE``, else a usage error."""
    day = parse_optional_date(text)
    if day is None:  # an empty --date ""
        raise typer.BadParameter(say("cli.usage.value.give_a_date"), param_hint="--date")
    return day


# --municipality -------------------------------------------------------------------------

_MUNICIPALITY = typer.Option(
    "--municipality",
    "-m",
    metavar="CODE",
    help="Only this municipality (its code); repeat for more. Default: every stored one."
    " A code that is not stored is a usage error (exit 2).",
)
_ONE_MUNICIPALITY = typer.Option(
    "--municipality",
    "-m",
    metavar="CODE",
    help="Only this municipality (its code). A code that is not stored is a usage error (exit 2).",
)
#: ``--municipality CODE``, repeatable: the municipalities a command reads.
MunicipalitiesOption = Annotated[list[str] | None, _MUNICIPALITY]
#: ``--municipality CODE`` once: commands that narrow to one municipality.
MunicipalityOption = Annotated[str | None, _ONE_MUNICIPALITY]

# --format -------------------------------------------------------------------------------

#: ``--format text|json``.
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", help="text: for reading (tables and lines); json: the result as data."
    ),
]
#: ``--format text|json|csv``.
TableFormatOption = Annotated[
    TableFormat,
    typer.Option(
        "--format",
        help="text: tables for reading; json: the result as data; csv: the rows as CSV.",
    ),
]
#: ``--format svg|png|pdf|dot``: a diagram's file format (checked by the command against
#: the renderer's formats, so that this module does not load the renderer).
DiagramFormatOption = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="svg, png, pdf or dot.")
]

# --date, --lang ---------------------------------------------------------------------------

#: ``--date YYYY-MM-DD``: the day an analysis holds for; ``None`` is today (the library's
#: default). A value that is not a date, or outside 1900 .. 2999, is a usage error.
DateOption = Annotated[
    dt.date | None,
    typer.Option(
        "--date",
        parser=_date,
        metavar="YYYY-MM-DD",
        help="The day the analysis holds for (default: today).",
    ),
]

#: ``--lang LANG`` of a command that writes files (report, diagram, export): the language
#: of what it writes; without it, the global ``--lang``. Read it with ``chosen_lang``.
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="Language of what is written: en, sv or no (default: the global --lang,"
        " INVENTORY_LANG, else en).",
    ),
]


def chosen_lang(value: str | None) -> Lang:
    """The language of a ``LangOption``: its value (a usage error when unknown), else the
    command line's language."""
    return parse_lang_option(value) if value is not None else cli_lang()


# --target -------------------------------------------------------------------------------

_TARGET = typer.Option(
    "--target",
    "-t",
    exists=True,
    dir_okay=False,
    metavar="FILE",
    help="Target architecture file (YAML).",
)
#: ``--target FILE``, required.
TargetOption = Annotated[Path, _TARGET]
#: ``--target FILE``, optional.
OptionalTargetOption = Annotated[Path | None, _TARGET]
#: ``--target FILE``, repeatable: alternatives compared side by side.
TargetsOption = Annotated[
    list[Path],
    typer.Option(
        "--target",
        "-t",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="Target architecture file (YAML); repeat it to compare alternatives.",
    ),
]

# --out ----------------------------------------------------------------------------------

_OUT_FILE = typer.Option("--out", "-o", dir_okay=False, metavar="FILE", help="The file to write.")
_OUT_DIR = typer.Option(
    "--out", "-o", file_okay=False, metavar="DIR", help="The folder to write into."
)
#: ``--out FILE``, required.
OutFileOption = Annotated[Path, _OUT_FILE]
#: ``--out FILE``, optional.
OptionalOutFileOption = Annotated[Path | None, _OUT_FILE]
#: ``--out DIR``, required.
OutDirOption = Annotated[Path, _OUT_DIR]
#: ``--out DIR``, optional.
OptionalOutDirOption = Annotated[Path | None, _OUT_DIR]

# files that refine an analysis ------------------------------------------------------------

#: ``--aliases FILE``: the user's own product aliases.
AliasesOption = Annotated[
    Path | None,
    typer.Option(
        "--aliases",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="Your own alias file (YAML) for product names; your entries win over the"
        " built-in ones (schema: inventory/data/aliases.yaml).",
    ),
]
#: ``--lifecycle-overrides FILE``, shared by lifecycle, gap and report.
OverridesOption = Annotated[
    Path | None,
    typer.Option(
        "--lifecycle-overrides",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="Your lifecycle facts (YAML): cycles with product, cycle, eol, support,"
        " extended_support, lts, release_date and source; they correct or add to the"
        " catalogue. Every problem is reported with its line.",
    ),
]
#: ``--max-issues N`` of validate and import.
MaxIssuesOption = Annotated[
    int,
    typer.Option(
        "--max-issues", min=1, help="List at most this many issues (the rest are counted)."
    ),
]
