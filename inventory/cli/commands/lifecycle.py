"""``inventory lifecycle``: end-of-life status of every OS, hypervisor and platform."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from inventory.analyse.catalogue import CatalogueFinding, check_catalogue
from inventory.analyse.lifecycle import lifecycle_normaliser
from inventory.analyse.lifecycle_report import LifecycleExposure, lifecycle_exposure
from inventory.analyse.normalise import Normaliser
from inventory.cli.common import (
    MAX_MONTHS,
    TableFormat,
    console,
    parse_date_option,
    print_json,
    stored_snapshot,
)
from inventory.render.csv_safe import write_frame_csv

#: ``--lifecycle-overrides``, shared by lifecycle, gap and report.
OverridesOption = Annotated[Path | None, typer.Option(
    "--lifecycle-overrides", exists=True, dir_okay=False,
    help="Your lifecycle facts (YAML): cycles with product, cycle, eol, support,"
    " extended_support, lts, release_date and source; they correct or add to the"
    " catalogue. Every problem is reported with its line.")]

STATE_STYLES = {"end_of_life": "bold red", "ending": "yellow", "supported": "green",
                "evergreen": "cyan", "unknown": "dim"}


def _render(exposure: LifecycleExposure, show_all: bool) -> None:
    totals = exposure.to_json()["totals"]
    console.print(f"Lifecycle as of {exposure.as_of} (ending = within {exposure.warn_months}"
                  " months): " + ", ".join(f"{state} {count:,}" for state, count
                                           in totals.items()))
    products = exposure.products if show_all else exposure.needing_action()
    table = Table(title="Product cycles" if show_all else
                  "Past end of life or ending soon")
    for heading in ("state", "kind", "product", "cycle", "end of life", "months left",
                    "assets", "municipalities", "note"):
        table.add_column(heading, justify="right" if heading in ("assets", "months left")
                         else "left")
    for row in products.itertuples(index=False):
        state = str(row.lifecycle_state)
        months = "" if row.months_left is None or str(row.months_left) == "<NA>" \
            else str(row.months_left)
        table.add_row(Text(state, style=STATE_STYLES.get(state, "")), f"{row.kind} {row.aspect}",
                      str(row.title), str(row.cycle or ""), str(row.eol or ""), months,
                      f"{row.assets:,}", str(row.municipalities).replace(";", ", "),
                      str(row.note or ""))
    console.print(table)


def lifecycle(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option(
        "--date", help="Date the states hold on, YYYY-MM-DD (default: today).")] = None,
    months: Annotated[int, typer.Option(
        "--months", min=0, max=MAX_MONTHS,
        help="'ending' means: end of life within this many months.")] = 12,
    municipality: Annotated[list[str] | None, typer.Option(
        "--municipality", "-m", help="Only this municipality (code); repeat for more.")] = None,
    aliases: Annotated[Path | None, typer.Option(
        "--aliases", exists=True, dir_okay=False,
        help="Your own alias file (YAML) for product names.")
    ] = None,
    show_all: Annotated[bool, typer.Option(
        "--all", help="List every product cycle, not only those needing action (with"
        " --check-catalogue: check the whole catalogue).")] = False,
    overrides: OverridesOption = None,
    check: Annotated[bool, typer.Option(
        "--check-catalogue", help="Check the catalogue (with your overrides) instead: list"
        " each cycle that outlives a newer one of the same product and track without being"
        " marked long-term; the products the stored inventory uses, or all with --all."
        " Exit 1 when there is one.")] = False,
    output_format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.TEXT,
) -> None:
    """Show the release cycle and end-of-life state (supported, ending within --months,
    past end of life) of every server OS, hypervisor, platform, network OS and client OS,
    with the assets and municipalities on each. The note column says where a date is not
    simply the catalogue's: a Windows edition not known (the shorter support is taken), an
    edition the municipality declares, a device's own support end (AUE).

    Example: inventory lifecycle --date 2027-01-01 --months 18
    """
    day = parse_date_option(as_of)
    normaliser = lifecycle_normaliser(aliases, overrides)
    if check:
        _check(ctx, normaliser, municipality, show_all, output_format, day)
        return
    exposure = lifecycle_exposure(stored_snapshot(ctx, municipality),
                                  normaliser, as_of=day, warn_months=months)
    if output_format is TableFormat.JSON:
        print_json(exposure.to_json())
    elif output_format is TableFormat.CSV:
        write_frame_csv(exposure.products if show_all else exposure.needing_action(),
                        sys.stdout)
    else:
        _render(exposure, show_all)


def _check(ctx: typer.Context, normaliser: Normaliser, municipality: list[str] | None,
           whole: bool, output_format: TableFormat, day: dt.date) -> None:
    """``--check-catalogue``: the findings of ``check_catalogue``; exit 1 when any."""
    products: list[str] | None = None
    if not whole:
        used = lifecycle_exposure(stored_snapshot(ctx, municipality), normaliser, as_of=day)
        products = [slug for product_id in used.products["product_id"].dropna().unique()
                    if (definition := normaliser.product(str(product_id))) is not None
                    and (slug := definition.cycles_from) is not None]
    findings = check_catalogue(normaliser.catalogue, products)
    if output_format is TableFormat.JSON:
        print_json([finding.to_json() for finding in findings])
    else:
        _render_findings(findings, whole)
    if findings:
        raise typer.Exit(1)


def _render_findings(findings: list[CatalogueFinding], whole: bool) -> None:
    scope = "the catalogue" if whole else "the products in use"
    if not findings:
        console.print(f"Catalogue check: no cycle of {scope} outlives a newer one.",
                      markup=False)
        return
    console.print(f"Catalogue check: {len(findings)} cycle(s) of {scope} outlive a newer one"
                  " without being marked long-term. Correct the dates or mark them"
                  " lts: true in a --lifecycle-overrides file.", markup=False)
    for finding in findings:
        console.print(f"  {finding.product} {finding.older}: {finding.message}", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(lifecycle)
