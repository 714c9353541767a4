"""``inventory validate``: the dry run of an import; every issue of every file at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inventory.cli.commands.mapping import FromOption, MappingOption
from inventory.cli.common import (
    OutputFormat,
    cli_lang,
    console,
    console_err,
    counted,
    print_json,
    say,
    state,
)
from inventory.cli.options import FormatOption, MaxIssuesOption

if TYPE_CHECKING:
    from inventory.errors import StoreError
    from inventory.issues import IssueReport

#: How each severity word is shown (``inventory.issues.Severity`` values).
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Municipality folders, or folders holding one folder per municipality."
        ),
    ],
    output_format: FormatOption = OutputFormat.TEXT,
    max_issues: MaxIssuesOption = 1000,
    ignore_unknown: Annotated[
        bool,
        typer.Option(
            "--ignore-unknown",
            help="A file or sheet in a municipality folder that is not"
            " understood (no kind by its name or header) is a warning, not an error.",
        ),
    ] = False,
    mapping: MappingOption = None,
    source: FromOption = None,
) -> None:
    """Check inventory files without storing anything: exit 0 when valid, 1 when not.

    Warnings do not make the input invalid. References written code:id may name records
    of other municipalities in the same run or already in the database (read, never
    created, by this command).

    --format text: one line per issue and a summary; json: the report.

    Example: inventory validate samples/gislaved samples/gnosjo --format json
    """
    from inventory.api import validate_folders
    from inventory.issues import InvalidInputError

    try:
        report = validate_folders(
            paths,
            state(ctx).resolved_db_url,
            mapping=mapping or (),
            source=source,
            max_issues=max_issues,
            ignore_unknown=ignore_unknown,
            on_unreadable_database=_unreadable,
        ).report
    except InvalidInputError as error:
        report = error.report
    if output_format is OutputFormat.JSON:
        print_json(report.to_json())
    else:
        render_report(report)
    raise typer.Exit(0 if report.valid else 1)


def _unreadable(error: StoreError) -> None:
    """A database that cannot be read: said in a note, validation goes on without it."""
    from inventory.cli.help_language import failure_texts

    reason = failure_texts(error, cli_lang())[0]
    console_err.print(say("cli.validate.db_unreadable", error=reason), markup=False)


def render_report(report: IssueReport) -> None:
    """One line per issue (``error code at file:line, row, column: message Hint: ...``)
    and a summary line."""
    from rich.text import Text

    from inventory.issues import issue_line, severity_text

    lang = cli_lang()
    for issue in report.all_issues():
        severity = Text(
            severity_text(issue.severity, lang), style=_SEVERITY_STYLE[issue.severity.value]
        )
        console.print(severity, Text(issue_line(issue, lang, severity=False)))
    console.print(summary_line(report), markup=False)


def summary_line(report: IssueReport) -> str:
    """``Valid: 3 municipalities, 31 files, 12,480 rows; 0 errors, 2 warnings.``"""
    stats = report.stats
    rows = sum(stats.get("rows", {}).values())
    municipalities = len(stats.get("municipalities", []))
    from inventory.issues import Severity

    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    verdict = say("cli.validate.valid" if report.valid else "cli.validate.invalid")
    return say(
        "cli.validate.summary",
        verdict=verdict,
        municipalities=counted("municipality", municipalities),
        files=counted("file", int(stats.get("files", 0))),
        rows=counted("row", rows),
        errors=counted("error", errors),
        warnings=counted("warning", warnings),
    )


def register(app: typer.Typer) -> None:
    app.command()(validate)
