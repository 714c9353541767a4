"""``inventory lifecycle``: end-of-life status of every OS, hypervisor and platform."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Annotated, cast

import typer
from rich.table import Table
from rich.text import Text

from inventory.cli.common import (
    MAX_MONTHS,
    TableFormat,
    cli_lang,
    code_value,
    console,
    number,
    print_json,
    say,
    stored_snapshot,
)
from inventory.cli.options import (
    AliasesOption,
    DateOption,
    MunicipalitiesOption,
    OverridesOption,
    TableFormatOption,
)
from inventory.cli.views import kind_text

if TYPE_CHECKING:
    from inventory.analyse.catalogue import CatalogueFinding
    from inventory.analyse.lifecycle_report import LifecycleExposure
    from inventory.analyse.normalise import Normaliser

STATE_STYLES = {
    "end_of_life": "bold red",
    "ending": "yellow",
    "supported": "green",
    "evergreen": "cyan",
    "unknown": "dim",
}
#: The aspects of a product row (``os`` of a server, ``software`` of a platform).
_ASPECTS = ("os", "software", "hardware")


def _render(exposure: LifecycleExposure, show_all: bool) -> None:
    from inventory.analyse.lifecycle import note_message
    from inventory.messages import message_text

    totals = exposure.to_json()["totals"]
    console.print(
        say(
            "cli.lifecycle.summary",
            date=str(exposure.as_of),
            months=exposure.warn_months,
            totals=", ".join(
                f"{code_value('lifecycle', state)} {number(count)}"
                for state, count in totals.items()
            ),
        ),
        markup=False,
    )
    products = exposure.products if show_all else exposure.needing_action()
    table = Table(
        title=say("cli.lifecycle.title_all" if show_all else "cli.lifecycle.title_action")
    )
    for heading in (
        "state",
        "kind",
        "product",
        "cycle",
        "eol",
        "months_left",
        "assets",
        "municipalities",
        "note",
    ):
        table.add_column(
            say(f"cli.lifecycle.col_{heading}"),
            justify="right" if heading in ("assets", "months_left") else "left",
        )
    for row in products.itertuples(index=False):
        state = str(row.lifecycle_state)
        months = (
            ""
            if row.months_left is None or str(row.months_left) == "<NA>"
            else str(row.months_left)
        )
        table.add_row(
            Text(code_value("lifecycle", state), style=STATE_STYLES.get(state, "")),
            Text(f"{kind_text(str(row.kind))} {_aspect(str(row.aspect))}"),
            Text(str(row.title)),
            Text(str(row.cycle or "")),
            str(row.eol or ""),
            months,
            number(cast(int, row.assets)),
            Text(str(row.municipalities).replace(";", ", ")),
            Text(message_text(note_message(str(row.note or "")), cli_lang())),
        )
    console.print(table)


def _aspect(aspect: str) -> str:
    """``os``, ``software``, ``hardware`` in the command line's language."""
    return say(f"cli.normalise.aspect.{aspect}") if aspect in _ASPECTS else aspect


def lifecycle(
    ctx: typer.Context,
    as_of: DateOption = None,
    months: Annotated[
        int,
        typer.Option(
            "--months",
            min=0,
            max=MAX_MONTHS,
            help="'ending' means: end of life within this many months.",
        ),
    ] = 12,
    municipality: MunicipalitiesOption = None,
    aliases: AliasesOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every product cycle, not only those needing action (with"
            " --check-catalogue: check the whole catalogue).",
        ),
    ] = False,
    overrides: OverridesOption = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check-catalogue",
            help="Check the catalogue (with your overrides) instead: list"
            " each cycle that outlives a newer one of the same product and track without being"
            " marked long-term; the products the stored inventory uses, or all with --all."
            " Exit 1 when there is one.",
        ),
    ] = False,
    output_format: TableFormatOption = TableFormat.TEXT,
) -> None:
    """Show the release cycle and end-of-life state (supported, ending within --months,
    past end of life) of every server OS, hypervisor, platform, network OS and client OS,
    with the assets and municipalities on each. The note column says where a date is not
    simply the catalogue's: a Windows edition not known (the shorter support is taken), an
    edition the municipality declares, a device's own support end (AUE).

    --date: the day the states hold on. --format csv: the product rows shown.

    Example: inventory lifecycle --date 2027-01-01 --months 18
    """
    from inventory.analyse.lifecycle import lifecycle_normaliser
    from inventory.analyse.lifecycle_report import lifecycle_exposure
    from inventory.render.csv_safe import write_frame_csv

    day = as_of or dt.date.today()
    normaliser = lifecycle_normaliser(aliases, overrides)
    if check:
        _check(ctx, normaliser, municipality, show_all, output_format, day)
        return
    exposure = lifecycle_exposure(
        stored_snapshot(ctx, municipality), normaliser, as_of=day, warn_months=months
    )
    if output_format is TableFormat.JSON:
        print_json(exposure.to_json())
    elif output_format is TableFormat.CSV:
        write_frame_csv(exposure.products if show_all else exposure.needing_action(), sys.stdout)
    else:
        _render(exposure, show_all)


def _check(
    ctx: typer.Context,
    normaliser: Normaliser,
    municipality: list[str] | None,
    whole: bool,
    output_format: TableFormat,
    day: dt.date,
) -> None:
    """``--check-catalogue``: the findings of ``check_catalogue_in_use``; exit 1 when any."""
    from inventory.analyse.lifecycle_report import check_catalogue_in_use

    snapshot = None if whole else stored_snapshot(ctx, municipality)
    findings = check_catalogue_in_use(snapshot, normaliser, as_of=day)
    if output_format is TableFormat.JSON:
        print_json([finding.to_json() for finding in findings])
    else:
        _render_findings(findings, whole)
    if findings:
        raise typer.Exit(1)


def _render_findings(findings: list[CatalogueFinding], whole: bool) -> None:
    from inventory.messages import message_text

    scope = say("cli.lifecycle.scope_catalogue" if whole else "cli.lifecycle.scope_used")
    if not findings:
        console.print(say("cli.lifecycle.check_ok", scope=scope), markup=False)
        return
    console.print(say("cli.lifecycle.check_found", count=len(findings), scope=scope), markup=False)
    for finding in findings:
        console.print(
            f"  {finding.product} {finding.older}: {message_text(finding.text, cli_lang())}",
            markup=False,
        )


def register(app: typer.Typer) -> None:
    app.command()(lifecycle)
