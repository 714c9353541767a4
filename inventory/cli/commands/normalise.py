"""``inventory normalise``: the product names that did not normalise cleanly, for review."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from inventory.analyse.normalise import LOW_CONFIDENCE, Normaliser
from inventory.analyse.normalise_review import ReviewItem, normalisation_review, review_frame
from inventory.cli.common import (
    TableFormat,
    console,
    console_err,
    print_json,
    stored_snapshot,
)
from inventory.echo import visible
from inventory.errors import OutputError
from inventory.output_files import created_file, make_folder
from inventory.render.csv_safe import write_frame_csv


def normalise(
    ctx: typer.Context,
    aliases: Annotated[Path | None, typer.Option(
        "--aliases", exists=True, dir_okay=False,
        help="Your own alias file (YAML): products, names, patterns, version_names, models;"
        " your entries win over the built-in ones. Schema: see inventory/data/aliases.yaml."
        " A filled review file (.csv, see --review-file) works too.")
    ] = None,
    review_file: Annotated[Path | None, typer.Option(
        "--review-file", dir_okay=False,
        help="Also write the names to review as a new CSV file with an empty decision"
        " column: put a product id there (one of the candidates) and pass the file back"
        " with --aliases. An existing file is never replaced.")] = None,
    municipality: Annotated[list[str] | None, typer.Option(
        "--municipality", "-m", help="Only this municipality (code); repeat for more.")] = None,
    output_format: Annotated[TableFormat, typer.Option(
        "--format", help="text: a table; json: a list of items; csv: one row per item.")
    ] = TableFormat.TEXT,
    show_all: Annotated[bool, typer.Option(
        "--all", help="List every distinct name, also those that matched cleanly.")] = False,
) -> None:
    """List product names that did not match, matched with low confidence or have no
    release cycle, with counts and where they occur.

    Names come from servers (operating system and hardware), storage, network devices,
    platforms, clients and applications. Exit 0 whatever is listed.

    A name the matcher does not take (below the confidence threshold, a vendor or record
    role that does not fit, two vendors' products that fit) is listed as ``review`` with
    its candidates; --review-file writes them for your decisions.

    Example: inventory normalise --review-file review.csv; then, with the decision column
    filled in: inventory normalise --aliases review.csv
    """
    normaliser = Normaliser.default(aliases)
    snapshot = stored_snapshot(ctx, municipality)
    items = normalisation_review(snapshot, normaliser, include_all=show_all)
    if review_file is not None:
        _write_review_file(review_file, items)
    if output_format is TableFormat.JSON:
        print_json([item.to_json() for item in items])
    elif output_format is TableFormat.CSV:
        write_frame_csv(_items_frame(items), sys.stdout)
    else:
        _render(items)


def _write_review_file(path: Path, items: list[ReviewItem]) -> None:
    """The review file as a new file; an existing one may hold decisions: ``OutputError``."""
    make_folder(path.parent)
    try:
        with created_file(path) as stream:
            text = io.StringIO()
            write_frame_csv(review_frame([i for i in items if i.reason != "ok"]), text)
            stream.write(text.getvalue().encode("utf-8"))
    except FileExistsError as error:
        raise OutputError(f"{visible(str(path))} exists: the review file is never replaced"
                          " (it may hold your decisions).",
                          hint="Write to a new file name, or remove the old file first."
                          ) from error
    # stderr: the listing on stdout may be JSON or CSV
    console_err.print(f"Wrote {visible(str(path))}: put a product id in the decision column,"
                      " then pass the file with --aliases.", markup=False)


def _items_frame(items: list[ReviewItem]) -> pd.DataFrame:
    rows = [item.to_json() | {"municipalities": ";".join(item.municipalities),
                              "examples": ";".join(item.examples)} for item in items]
    columns = list(ReviewItem.__dataclass_fields__)
    return pd.DataFrame(rows, columns=columns)


def _render(items: list[ReviewItem]) -> None:
    if not items:
        console.print("Every product name matched a known product with a release cycle.")
        return
    table = Table(title=f"Product names to review ({len(items):,}); low confidence is below"
                        f" {LOW_CONFIDENCE:.2f}")
    for name in ("reason", "record", "written as", "matched", "confidence", "count",
                 "municipalities"):
        table.add_column(name, justify="right" if name in ("confidence", "count") else "left")
    for item in items:
        written = " | ".join(part for part in (item.vendor, item.product, item.version) if part)
        matched = (f"{item.title} {item.cycle or ''} ({item.product_id}, {item.method})"
                   if item.product_id else
                   f"candidates: {item.candidates} ({item.note})" if item.candidates else "")
        table.add_row(item.reason, f"{item.kind} {item.aspect}", written, matched,
                      f"{item.confidence:.2f}", f"{item.count:,}", ", ".join(item.municipalities))
    console.print(table, markup=False)


def register(app: typer.Typer) -> None:
    app.command("normalise")(normalise)
