"""``inventory normalise``: the product names that did not normalise cleanly, for review."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from inventory.cli.common import (
    TableFormat,
    cli_lang,
    console,
    console_err,
    print_json,
    say,
    stored_snapshot,
)
from inventory.cli.options import MunicipalitiesOption, TableFormatOption
from inventory.echo import visible

if TYPE_CHECKING:
    import pandas as pd

    from inventory.analyse.normalise_review import ReviewItem


def normalise(
    ctx: typer.Context,
    aliases: Annotated[
        Path | None,
        typer.Option(
            "--aliases",
            exists=True,
            dir_okay=False,
            help="Your own alias file (YAML): products, names, patterns, version_names, models;"
            " your entries win over the built-in ones. Schema: see inventory/data/aliases.yaml."
            " A filled review file (.csv, see --review-file) works too.",
        ),
    ] = None,
    review_file: Annotated[
        Path | None,
        typer.Option(
            "--review-file",
            dir_okay=False,
            help="Also write the names to review as a new CSV file with an empty decision"
            " column: put a product id there (one of the candidates) and pass the file back"
            " with --aliases. An existing file is never replaced.",
        ),
    ] = None,
    municipality: MunicipalitiesOption = None,
    output_format: TableFormatOption = TableFormat.TEXT,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="List every distinct name, also those that matched cleanly."),
    ] = False,
) -> None:
    """List product names that did not match, matched with low confidence or have no
    release cycle, with counts and where they occur.

    Names come from servers (operating system and hardware), storage, network devices,
    platforms, clients and applications. Exit 0 whatever is listed.

    A name the matcher does not take (below the confidence threshold, a vendor or record
    role that does not fit, two vendors' products that fit) is listed as ``review`` with
    its candidates; --review-file writes them for your decisions.

    --format text: a table; json: a list of items; csv: one row per item.

    Example: inventory normalise --review-file review.csv; then, with the decision column
    filled in: inventory normalise --aliases review.csv
    """
    from inventory.analyse.normalise import Normaliser
    from inventory.render.csv_safe import write_frame_csv
    from inventory.render.review_file import normalise_review_run

    normaliser = Normaliser.default(aliases)  # a bad alias file fails before the store is read
    run = normalise_review_run(
        stored_snapshot(ctx, municipality),
        normaliser,
        include_all=show_all,
        review_file=review_file,
        lang=cli_lang(),
    )
    items = run.items
    if run.written is not None:
        # stderr: the listing on stdout may be JSON or CSV
        console_err.print(
            say("cli.normalise.wrote_review", path=visible(str(run.written))), markup=False
        )
    if output_format is TableFormat.JSON:
        print_json([item.to_json() for item in items])
    elif output_format is TableFormat.CSV:
        write_frame_csv(_items_frame(items), sys.stdout)
    else:
        _render(items)


def _items_frame(items: list[ReviewItem]) -> pd.DataFrame:
    import pandas as pd

    from inventory.analyse.normalise_review import ReviewItem

    lang = cli_lang()
    rows = [
        item.to_json()
        | {
            "note": item.note_text(lang),
            "municipalities": ";".join(item.municipalities),
            "examples": ";".join(item.examples),
        }
        for item in items
    ]
    columns = [name for name in ReviewItem.__dataclass_fields__ if name != "note_message"]
    return pd.DataFrame(rows, columns=columns)


def _code(family: str, code: str) -> str:
    """``cli.normalise.<family>.<code>`` or ``cli.<family>.<code>`` in the command line's
    language; a code without a text as itself."""
    from inventory.language.i18n import translations

    return say(family + code) if any(translations(family + code).values()) else code


def _render(items: list[ReviewItem]) -> None:
    from rich.table import Table
    from rich.text import Text

    from inventory.analyse.normalise import LOW_CONFIDENCE
    from inventory.language.formatting import format_integer, format_number

    lang = cli_lang()
    if not items:
        console.print(say("cli.normalise.all_matched"), markup=False)
        return
    table = Table(
        title=Text(
            say(
                "cli.normalise.title",
                count=len(items),
                threshold=format_number(LOW_CONFIDENCE, lang, 2),
            )
        )
    )
    for name in ("reason", "record", "written", "matched", "confidence", "count", "municipalities"):
        table.add_column(
            say(f"cli.normalise.col_{name}"),
            justify="right" if name in ("confidence", "count") else "left",
        )
    for item in items:
        written = " | ".join(part for part in (item.vendor, item.product, item.version) if part)
        method = _code("cli.normalise.method.", item.method)
        matched = (
            f"{item.title} {item.cycle or ''} ({item.product_id}, {method})"
            if item.product_id
            else say(
                "cli.normalise.candidates", candidates=item.candidates, note=item.note_text(lang)
            )
            if item.candidates
            else ""
        )
        record = f"{_code('cli.kind.', item.kind)} {_code('cli.normalise.aspect.', item.aspect)}"
        table.add_row(
            _code("cli.normalise.reason.", item.reason),
            record,
            written,
            matched,
            format_number(item.confidence, lang, 2),
            format_integer(item.count, lang),
            ", ".join(item.municipalities),
        )
    console.print(table, markup=False)


def register(app: typer.Typer) -> None:
    app.command("normalise")(normalise)
