"""``inventory overlap``: which products the municipalities share, per domain and capability."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table
from rich.text import Text

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import OverlapResult, compute_overlap
from inventory.cli.common import (
    TableFormat,
    console,
    print_json,
    stored_snapshot,
    write_tables,
)
from inventory.render.csv_safe import write_frame_csv


class OverlapTable(enum.StrEnum):
    USAGE = "usage"
    PRODUCTS = "products"
    SIMILARITY = "similarity"
    HARMONISATION = "harmonisation"
    SHARED_APPLICATIONS = "shared_applications"


def overlap(
    ctx: typer.Context,
    municipality: Annotated[list[str] | None, typer.Option(
        "--municipality", "-m", help="Compare only these municipalities (code); repeat for"
        " more. Default: every stored one.")] = None,
    aliases: Annotated[Path | None, typer.Option(
        "--aliases", exists=True, dir_okay=False,
        help="Your own alias file (YAML) for product names.")
    ] = None,
    output_format: Annotated[TableFormat, typer.Option(
        "--format", help="text: tables; json: everything; csv: one table (--table) to"
        " standard output, or every table into --out DIR.")] = TableFormat.TEXT,
    table_name: Annotated[OverlapTable, typer.Option(
        "--table", help="The table --format csv prints.")] = OverlapTable.PRODUCTS,
    out: Annotated[Path | None, typer.Option(
        "--out", file_okay=False, help="With --format csv: write every table as"
        " DIR/<table>.csv.")] = None,
) -> None:
    """Show per domain and capability which canonical products each municipality uses
    (with asset counts) and which are shared by all, by some or unique; the similarity
    of the municipalities (weighted Jaccard over asset shares); the business applications
    several municipalities share; and a harmonisation index per capability.

    Example: inventory overlap --format csv --out overlap/
    """
    if out is not None and output_format is not TableFormat.CSV:
        raise typer.BadParameter("--out is for --format csv.", param_hint="--out")
    snapshot = stored_snapshot(ctx, municipality)
    result = compute_overlap(snapshot, Normaliser.default(aliases))
    if output_format is TableFormat.JSON:
        print_json(result.to_json())
    elif output_format is TableFormat.CSV:
        tables = result.to_tables()
        if out is None:
            write_frame_csv(tables[table_name.value], sys.stdout)
            return
        written = write_tables(tables, out)
        console.print(Text(f"Wrote {len(written)} tables to {out}"))
    else:
        render_overlap(result)


def render_overlap(result: OverlapResult) -> None:
    """Similarity, harmonisation index, products per capability, shared applications."""
    if not result.municipalities:
        console.print("Nothing is stored to compare: run inventory import FOLDER first.")
        return
    names = result.municipalities
    similarity = Table(title="Similarity (weighted Jaccard over asset shares; 1 = same)")
    similarity.add_column("")
    for name in names:
        similarity.add_column(Text(name), justify="right")
    matrix = result.similarity.to_numpy(dtype=float)
    for position, name in enumerate(names):
        similarity.add_row(Text(name), *(f"{value:.2f}" for value in matrix[position]))
    console.print(similarity)

    index = Table(title="Harmonisation index per capability")
    for column in ("domain", "capability", "products", "municipalities", "most common",
                   "share"):
        index.add_column(column, justify="right" if column in (
            "products", "municipalities", "share") else "left")
    for capability in result.harmonisation.to_dict(orient="records"):
        index.add_row(Text(str(capability["domain"])), Text(str(capability["capability"])),
                      str(capability["products"]), str(capability["municipalities"]),
                      Text(str(capability["top_product"])),
                      f"{float(capability['top_share']):.0%}")
    console.print(index)

    console.print(_products_table(result))

    shared = Table(title="Business applications used by several municipalities")
    for column in ("product", "suite", "municipalities", "applications", "users"):
        shared.add_column(column, justify="right" if column in ("applications", "users")
                          else "left")
    for application in result.shared_applications.to_dict(orient="records"):
        users = application["users"]
        shared.add_row(Text(str(application["product"])), Text(_suite(application["suite"])),
                       Text(str(application["municipalities"])),
                       str(application["applications"]),
                       "" if pd.isna(users) else f"{float(users):,.0f}")
    console.print(shared)


def _products_table(result: OverlapResult) -> Table:
    """One row per product of a capability, asset counts per municipality, sharing."""
    names = result.municipalities
    usage = result.usage
    assets: dict[tuple[str, str, str, str], int] = dict(zip(
        zip(usage["domain"], usage["capability"], usage["product_id"], usage["municipality"],
            strict=True), usage["assets"].astype(int), strict=True))
    table = Table(title="Products per capability (asset counts)")
    for column in ("domain", "capability", "product", "suite", "shared"):
        table.add_column(column)
    for name in names:
        table.add_column(Text(name), justify="right")
    for product in result.products.itertuples(index=False):
        key = (str(product.domain), str(product.capability), str(product.product_id))
        cells = [assets.get((*key, name), 0) for name in names]
        table.add_row(Text(key[0]), Text(key[1]), Text(str(product.product)),
                      Text(_suite(product.suite)), Text(str(product.sharing)),
                      *(f"{cell:,}" if cell else "" for cell in cells))
    return table


def _suite(value: object) -> str:
    """The suite a product is a module of, empty for none."""
    return value if isinstance(value, str) else ""  # missing: None or NaN


def register(app: typer.Typer) -> None:
    app.command()(overlap)
