"""``inventory report``: report.html, report.xlsx, report.md, report.json and diagrams."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, cast

import typer

from inventory.cli.common import console, load_target_or_exit, parse_date_option, state
from inventory.render.i18n import parse_lang
from inventory.render.output import REPORT_FORMATS, ReportFormat
from inventory.report import analyse_inventory, write_full_report
from inventory.store import InventoryStore


def report(
    ctx: typer.Context,
    target_file: Annotated[Path, typer.Option(
        "--target", "-t", dir_okay=False, help="Target architecture file (YAML).")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", file_okay=False, help="Folder for the report files.")],
    lang: Annotated[str, typer.Option("--lang", help="Headings in en, sv or no.")] = "en",
    as_of: Annotated[str | None, typer.Option(
        "--date", help="Date of the analysis, YYYY-MM-DD (default: today).")] = None,
    formats: Annotated[str, typer.Option(
        "--formats", help="Comma-separated: html,xlsx,md,json.")] = "html,xlsx,md,json",
    study: Annotated[Path | None, typer.Option(
        "--study", file_okay=False,
        help="Study folder for decision support (default: 'study' beside the target).")
    ] = None,
) -> None:
    """Write the harmonisation report: executive summary first, then the details, with
    the diagrams embedded (and written to OUT/diagrams).

    Example: inventory report --target samples/target.yaml --out out/report --lang sv
    """
    day = parse_date_option(as_of)
    chosen = [part.strip() for part in formats.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in REPORT_FORMATS]
    if unknown or not chosen:
        raise typer.BadParameter(f"unknown format(s) {', '.join(unknown) or '(none)'}; use: "
                                 + ",".join(REPORT_FORMATS), param_hint="--formats")
    target = load_target_or_exit(target_file)
    with InventoryStore(state(ctx).resolved_db_url) as store:
        snapshot = store.snapshot()
    inputs = analyse_inventory(snapshot, target, as_of=day,
                               study_folder=study or target_file.parent / "study")
    files = write_full_report(inputs, out, lang=parse_lang(lang),
                              formats=[cast(ReportFormat, part) for part in chosen])
    for path in files.reports.values():
        console.print(f"wrote {path}", markup=False)
    console.print(f"wrote {len(files.diagrams)} diagram files to {out / 'diagrams'}",
                  markup=False)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
