"""``inventory synth``: synthetic inventories at any scale, reproducible from a seed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from inventory.cli.common import OutputFormat, cli_lang, console, counted, print_json, say
from inventory.cli.help_language import help_number
from inventory.cli.options import FormatOption
from inventory.echo import shorten, visible
from inventory.synth.rates import (
    CLIENT_ROWS_PER_INHABITANT,
    MAX_ROWS_PER_INHABITANT,
    SERVERS_PER_INHABITANT,
    rate_problem,
)


def _decimal(text: str | float) -> float:
    """A rate as typed: ``0.5`` or, as the Swedish and Norwegian help write it, ``0,5``
    (the default comes as the number it is)."""
    if isinstance(text, float):
        return text
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise typer.BadParameter(
            say("cli.usage.value.not_a_number", value=repr(visible(shorten(text, 40))))
        ) from None


def _rate(value: float) -> float:
    """A rate option: ``inf``, ``nan`` and negative values are usage errors (exit 2)."""
    if rate_problem(value):
        lang = cli_lang()
        raise typer.BadParameter(
            say(
                "cli.synth.bad_rate",
                rate=help_number(f"{value:g}", lang),
                limit=help_number(f"{MAX_ROWS_PER_INHABITANT:g}", lang),
            )
        )
    return value


def _kind(kind: str) -> str:
    """A record kind as the command line's language names it (``cli.kind.<kind>``)."""
    from inventory.language.i18n import translations

    return say(f"cli.kind.{kind}") if any(translations(f"cli.kind.{kind}").values()) else kind


def synth(
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="Folder to write the inventories into (one sub-folder per municipality)."
        ),
    ],
    municipalities: Annotated[
        int,
        typer.Option(
            "--municipalities",
            min=1,
            max=2000,
            help="How many municipalities (290 is all of Sweden).",
        ),
    ] = 5,
    seed: Annotated[
        int,
        typer.Option(
            "--seed", min=0, help="Random seed (0 or more): the same seed writes the same bytes."
        ),
    ] = 1,
    invalid_rows: Annotated[
        int,
        typer.Option(
            "--invalid-rows",
            min=0,
            help="Client rows to make invalid on purpose (bad enum,"
            " ambiguous date, dangling site, quantity 0, duplicate key).",
        ),
    ] = 0,
    client_rows_per_inhabitant: Annotated[
        float,
        typer.Option(
            "--client-rows-per-inhabitant",
            parser=_decimal,
            callback=_rate,
            help="Client rows (one device each) per inhabitant, 0 to 1000.",
        ),
    ] = CLIENT_ROWS_PER_INHABITANT,
    servers_per_inhabitant: Annotated[
        float,
        typer.Option(
            "--servers-per-inhabitant",
            parser=_decimal,
            callback=_rate,
            help="Servers per inhabitant, 0 to 1000.",
        ),
    ] = SERVERS_PER_INHABITANT,
    output_format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Write synthetic municipal inventories in the import format (CSV).

    Sizes follow a population distribution like Sweden's; 290 municipalities give some
    2 million client rows, 200 thousand servers and 13-15 thousand applications.

    Example: inventory synth --municipalities 290 --seed 1 --out /tmp/sweden
    """
    from rich.table import Table

    from inventory.language.formatting import format_integer
    from inventory.synth.generate import SynthOptions, generate_inventories

    options = SynthOptions(
        municipalities=municipalities,
        seed=seed,
        client_rows_per_inhabitant=client_rows_per_inhabitant,
        servers_per_inhabitant=servers_per_inhabitant,
        invalid_rows=invalid_rows,
    )
    result = generate_inventories(out, options)
    if output_format is OutputFormat.JSON:
        print_json(result.to_json())
        return
    table = Table(
        say("cli.record_kind"),
        say("cli.synth.rows"),
        title=say(
            "cli.synth.title",
            municipalities=counted("municipality", len(result.municipalities)),
            population=result.population,
            folder=str(out),
        ),
    )
    for kind, rows in result.rows.items():
        table.add_row(_kind(kind), format_integer(rows, cli_lang()))
    console.print(table, markup=False)
    if result.planted_errors:
        console.print(say("cli.synth.planted", count=len(result.planted_errors)), markup=False)


def register(app: typer.Typer) -> None:
    app.command()(synth)
