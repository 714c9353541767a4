"""``inventory report``: report.html, report.xlsx, report.md, report.json and diagrams."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, cast

import typer

from inventory.cli.common import (
    console,
    console_err,
    load_target_or_exit,
    print_issues,
    say,
    stored_snapshot,
)
from inventory.cli.options import (
    DateOption,
    LangOption,
    OutDirOption,
    OverridesOption,
    TargetOption,
    chosen_lang,
)
from inventory.echo import visible


def report(
    ctx: typer.Context,
    target_file: TargetOption,
    out: OutDirOption,
    lang: LangOption = None,
    as_of: DateOption = None,
    formats: Annotated[
        str, typer.Option("--formats", help="Comma-separated: html,xlsx,md,json.")
    ] = "html,xlsx,md,json",
    study: Annotated[
        Path | None,
        typer.Option(
            "--study",
            exists=True,
            file_okay=False,
            help="Study folder for decision support (default: 'study' beside the target, when"
            " it holds study files).",
        ),
    ] = None,
    overrides: OverridesOption = None,
) -> None:
    """Write the harmonisation report: executive summary first, then the details, with
    the diagrams embedded (and written to OUT/diagrams).

    --out is the folder of the report files; --lang the report's language (default: the
    global --lang).

    Example: inventory report --target samples/target.yaml --out out/report --lang sv
    """
    from inventory.render.output import REPORT_FORMATS, ReportFormat
    from inventory.report.run import write_report_folder
    from inventory.study.loading import InvalidStudyInput

    day = as_of or dt.date.today()
    language = chosen_lang(lang)
    chosen = [part.strip() for part in formats.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in REPORT_FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(
            say(
                "cli.report.unknown_formats",
                formats=", ".join(unknown) or say("cli.report.none"),
                known=",".join(REPORT_FORMATS),
            ),
            param_hint="--formats",
        )
    target = load_target_or_exit(target_file)
    try:
        files = write_report_folder(
            stored_snapshot(ctx, None, target=target),
            target,
            target_file,
            out,
            study=study,
            as_of=day,
            lang=language,
            formats=[cast(ReportFormat, part) for part in chosen],
            overrides=overrides,
            on_no_study_files=_no_study_files,
        )
    except InvalidStudyInput as error:
        print_issues(error.report.all_issues(), say("cli.where.study_folder"))
        raise typer.Exit(1) from error
    for path in files.reports.values():
        console.print(say("cli.wrote", path=str(path)), markup=False)
    console.print(
        say("cli.wrote_diagrams", count=len(files.diagrams), folder=str(out / "diagrams")),
        markup=False,
    )


def _no_study_files(folder: Path) -> None:
    """The study folder beside the target holds no study file: named, not read."""
    console_err.print(say("cli.no_study_file", folder=visible(str(folder))), markup=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
