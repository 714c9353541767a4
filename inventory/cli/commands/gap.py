"""``inventory gap``: the harmonisation gap between the stored inventories and a target, or
several targets (alternatives) side by side."""

from __future__ import annotations

import datetime as dt
import math
import numbers
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from inventory.analyse.lifecycle import lifecycle_normaliser
from inventory.cli.commands.lifecycle import OverridesOption
from inventory.cli.common import (
    TableFormat,
    cli_lang,
    console,
    load_target_or_exit,
    open_store,
    parse_date_option,
    print_json,
    say,
    stored_snapshot,
    write_tables,
)
from inventory.errors import TargetError
from inventory.gap.alternatives import (
    HIGH_RISK,
    TOP_RISKS,
    Alternatives,
    compare_alternatives,
)
from inventory.gap.money import million_unit
from inventory.gap.result import compute_gap
from inventory.gap.text import render_gap
from inventory.render.formatting import format_number, format_percent, format_year
from inventory.render.i18n import Lang, t
from inventory.render.messages import message_text
from inventory.target.model import TargetArchitecture


def gap(
    ctx: typer.Context,
    target_files: Annotated[
        list[Path],
        typer.Option(
            "--target",
            "-t",
            exists=True,
            dir_okay=False,
            help="Target architecture file (YAML); repeat it to compare alternatives (one"
            " table: cost range, saving, payback, NPV, effort, duration, risk, readiness).",
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option("--date", help="Date of the analysis, YYYY-MM-DD (default: today)."),
    ] = None,
    municipality: Annotated[
        list[str] | None,
        typer.Option(
            "--municipality", "-m", help="Only this municipality (code); repeat for more."
        ),
    ] = None,
    output_format: Annotated[
        TableFormat,
        typer.Option(
            "--format",
            help="text: a summary; json: the full report; csv: one file per table (into --out).",
        ),
    ] = TableFormat.TEXT,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", file_okay=False, help="Folder for --format csv (one file per table)."
        ),
    ] = None,
    overrides: OverridesOption = None,
) -> None:
    """Compare the stored inventories with a target architecture: TOGAF gap matrix,
    readiness, end-of-life exposure, security baseline, datacentre capacity,
    interconnects, SLA gaps, effort and cost, migration waves.

    With several --target files: the gap of each over the same inventory and date, and
    one table of the alternatives side by side (--format csv: alternatives.csv).

    Exit 1 when a target file is invalid (every problem listed with its line) or names a
    municipality that is not stored, or when nothing is stored; exit 2 for a --municipality
    that is not stored.

    Example: inventory gap --target samples/target.yaml --format csv --out gap/

    Example: inventory gap -t samples/target.yaml -t samples/alternatives/target-s.yaml
    """
    day = parse_date_option(as_of)
    if output_format is TableFormat.CSV and out is None:
        raise typer.BadParameter(
            "--format csv writes one file per table: give --out DIR.", param_hint="--out"
        )
    if out is not None and output_format is not TableFormat.CSV:
        raise typer.BadParameter("--out is for --format csv.", param_hint="--out")
    as_json = output_format is TableFormat.JSON
    targets = [load_target_or_exit(path, as_json=as_json) for path in target_files]
    if municipality:
        targets = [
            target.model_copy(update={"municipalities": list(municipality)}) for target in targets
        ]
    if len(targets) > 1:
        _alternatives(
            ctx,
            list(zip(target_files, targets, strict=True)),
            municipality,
            day,
            output_format,
            out,
            overrides,
        )
        return
    target = targets[0]
    snapshot = stored_snapshot(ctx, municipality, target=target)
    report = compute_gap(
        snapshot, target, as_of=day, normaliser=lifecycle_normaliser(None, overrides)
    )
    if output_format is TableFormat.JSON:
        print_json(report.to_json())
    elif output_format is TableFormat.CSV:
        assert out is not None
        written = write_tables(report.to_tables(), out)
        console.print(say("cli.wrote_tables", count=len(written), folder=str(out)),
                      markup=False)
    else:
        for part in render_gap(report, cli_lang()):
            console.print(part)


def _alternatives(
    ctx: typer.Context,
    targets: list[tuple[Path, TargetArchitecture]],
    municipality: list[str] | None,
    day: dt.date,
    output_format: TableFormat,
    out: Path | None,
    overrides: Path | None,
) -> None:
    """The gap of each target over one snapshot, compared (``compare_alternatives``)."""
    named = [target.municipalities for _, target in targets]
    union = list(dict.fromkeys(code for codes in named for code in codes))
    # one snapshot for all: the municipalities every target names (all when one names none)
    frame = targets[0][1].model_copy(update={"municipalities": union if all(named) else []})
    snapshot = stored_snapshot(ctx, municipality, target=frame)
    with open_store(ctx) as store:
        stored = store.municipality_codes()
    for path, target in targets:  # each file's own datacentres too, named with its file
        try:
            target.check_stored(stored)
        except TargetError as error:
            raise TargetError(f"{path}: {error}", hint=error.hint) from error
    result = compare_alternatives(
        snapshot,
        [(str(path), target) for path, target in targets],
        as_of=day,
        normaliser=lifecycle_normaliser(None, overrides),
    )
    if output_format is TableFormat.JSON:
        print_json(result.to_json())
    elif output_format is TableFormat.CSV:
        assert out is not None
        written = write_tables({"alternatives": result.table}, out)
        console.print(say("cli.wrote_table", count=len(written), folder=str(out)),
                      markup=False)
    else:
        console.print(alternatives_text(result, cli_lang()))
        for note in result.notes:
            console.print(say("cli.note", text=message_text(note, cli_lang())), markup=False)


def _real(value: object) -> float | None:
    """A figure the table gives; None for one it does not (never 0)."""
    if not isinstance(value, numbers.Real) or math.isnan(float(value)):
        return None
    return float(value)


def _number(value: object, lang: Lang, digits: int = 0) -> str:
    figure = _real(value)
    return "-" if figure is None else format_number(figure, lang, digits)


def _year(value: object) -> str:
    figure = _real(value)
    return "-" if figure is None else format_year(figure)


def _million(value: object, currency: str, lang: Lang) -> str:
    figure = _real(value)
    if figure is None:
        return "-"
    return f"{format_number(figure / 1e6, lang, 1)} {million_unit(currency, lang)}"


def _percent(value: object, lang: Lang) -> str:
    figure = _real(value)
    return "-" if figure is None else format_percent(figure / 100, lang)


def alternatives_text(result: Alternatives, lang: Lang = "en") -> Table:
    """The alternatives side by side: one column each, one row per figure (readable in a
    terminal of 80 columns for a few alternatives)."""
    rows = result.table.to_dict("records")
    table = Table(title=t("cli.alt.title", lang), title_justify="left")
    table.add_column("")
    for row in rows:
        table.add_column(str(row["alternative"]), justify="right")

    def money(key: str) -> list[str]:
        return [_million(row[key], row["currency"], lang) for row in rows]

    figures: list[tuple[str, list[str]]] = [
        (t("cli.alt.scope", lang), [str(row["scope"]) for row in rows]),
        (t("cli.alt.one_time_low", lang), money("one_time_low")),
        (t("cli.alt.one_time_expected", lang), money("one_time_expected")),
        (t("cli.alt.one_time_high", lang), money("one_time_high")),
        (t("cli.alt.saving", lang), money("yearly_saving")),
        (t("cli.alt.payback", lang), [_year(row["payback_year"]) for row in rows]),
        (t("cli.alt.npv", lang), money("npv")),
        (t("cli.alt.effort", lang), [_number(row["effort_hours"], lang) for row in rows]),
        (t("cli.alt.plan", lang), [_number(row["plan_months"], lang, 1) for row in rows]),
        (t("cli.alt.high_risks", lang, score=HIGH_RISK),
         [_number(row["high_risks"], lang) for row in rows]),
        (t("cli.alt.top_risks", lang, count=TOP_RISKS),
         [_number(row["risk_top"], lang) for row in rows]),
        (t("cli.alt.readiness", lang), [_percent(row["readiness_percent"], lang)
                                        for row in rows]),
    ]
    for label, cells in figures:
        table.add_row(Text(label), *(Text(cell) for cell in cells))
    return table


def register(app: typer.Typer) -> None:
    app.command("gap")(gap)
