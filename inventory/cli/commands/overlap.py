"""``inventory overlap``: which products the municipalities share, per domain and capability."""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from inventory.cli.common import (
    TableFormat,
    cli_lang,
    code_value,
    console,
    number,
    print_json,
    say,
    stored_snapshot,
    write_tables,
)
from inventory.cli.options import (
    AliasesOption,
    MunicipalitiesOption,
    OptionalOutDirOption,
    TableFormatOption,
)

if TYPE_CHECKING:
    from inventory.analyse.overlap import OverlapResult


class OverlapTable(enum.StrEnum):
    USAGE = "usage"
    PRODUCTS = "products"
    SIMILARITY = "similarity"
    HARMONISATION = "harmonisation"
    SHARED_APPLICATIONS = "shared_applications"


def overlap(
    ctx: typer.Context,
    municipality: MunicipalitiesOption = None,
    aliases: AliasesOption = None,
    output_format: TableFormatOption = TableFormat.TEXT,
    table_name: Annotated[
        OverlapTable, typer.Option("--table", help="The table --format csv prints.")
    ] = OverlapTable.PRODUCTS,
    out: OptionalOutDirOption = None,
) -> None:
    """Show per domain and capability which canonical products each municipality uses
    (with asset counts) and which are shared by all, by some or unique; the similarity
    of the municipalities (weighted Jaccard over asset shares); the business applications
    several municipalities share; and a harmonisation index per capability.

    --format json: everything; --format csv: one table (--table) to standard output, or
    with --out DIR every table as DIR/<table>.csv.

    Example: inventory overlap --format csv --out overlap/
    """
    if out is not None and output_format is not TableFormat.CSV:
        raise typer.BadParameter(say("cli.gap.out_is_for_csv"), param_hint="--out")
    from inventory.analyse.normalise import Normaliser
    from inventory.analyse.overlap import compute_overlap
    from inventory.render.csv_safe import write_frame_csv

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
        console.print(
            Text(
                say(
                    "cli.wrote_table" if len(written) == 1 else "cli.wrote_tables",
                    count=len(written),
                    folder=str(out),
                )
            )
        )
    else:
        render_overlap(result)


def render_overlap(result: OverlapResult) -> None:
    """Similarity, harmonisation index, products per capability, shared applications."""
    import pandas as pd

    from inventory.language.formatting import format_number, format_percent

    if not result.municipalities:
        console.print(say("cli.overlap.nothing"), markup=False)
        return
    lang = cli_lang()
    names = result.municipalities
    similarity = Table(title=say("cli.overlap.similarity_title"))
    similarity.add_column("")
    for name in names:
        similarity.add_column(Text(name), justify="right")
    matrix = result.similarity.to_numpy(dtype=float)
    for position, name in enumerate(names):
        similarity.add_row(
            Text(name), *(format_number(value, lang, 2) for value in matrix[position])
        )
    console.print(similarity)

    index = Table(title=say("cli.overlap.index_title"))
    for column in ("domain", "capability", "products", "municipalities", "most_common", "share"):
        index.add_column(
            say(f"cli.overlap.col_{column}"),
            justify="right" if column in ("products", "municipalities", "share") else "left",
        )
    for capability in result.harmonisation.to_dict(orient="records"):
        index.add_row(
            Text(code_value("domain", str(capability["domain"]))),
            Text(code_value("capability", str(capability["capability"]))),
            number(int(capability["products"])),
            number(int(capability["municipalities"])),
            Text(str(capability["top_product"])),
            format_percent(float(capability["top_share"]), lang, 0),
        )
    console.print(index)

    console.print(_products_table(result))

    shared = Table(title=say("cli.overlap.shared_title"))
    for column in ("product", "suite", "municipalities", "applications", "users"):
        shared.add_column(
            say(f"cli.overlap.col_{column}"),
            justify="right" if column in ("applications", "users") else "left",
        )
    for application in result.shared_applications.to_dict(orient="records"):
        users = application["users"]
        shared.add_row(
            Text(str(application["product"])),
            Text(_suite(application["suite"])),
            Text(str(application["municipalities"])),
            number(int(application["applications"])),
            "" if pd.isna(users) else number(round(float(users))),
        )
    console.print(shared)


def _products_table(result: OverlapResult) -> Table:
    """One row per product of a capability, asset counts per municipality, sharing."""
    names = result.municipalities
    usage = result.usage
    assets: dict[tuple[str, str, str, str], int] = dict(
        zip(
            zip(
                usage["domain"],
                usage["capability"],
                usage["product_id"],
                usage["municipality"],
                strict=True,
            ),
            usage["assets"].astype(int),
            strict=True,
        )
    )
    table = Table(title=say("cli.overlap.products_title"))
    for column in ("domain", "capability", "product", "suite", "shared"):
        table.add_column(say(f"cli.overlap.col_{column}"))
    for name in names:
        table.add_column(Text(name), justify="right")
    for product in result.products.itertuples(index=False):
        key = (str(product.domain), str(product.capability), str(product.product_id))
        cells = [assets.get((*key, name), 0) for name in names]
        table.add_row(
            Text(code_value("domain", key[0])),
            Text(code_value("capability", key[1])),
            Text(str(product.product)),
            Text(_suite(product.suite)),
            Text(code_value("sharing", str(product.sharing))),
            *(number(cell) if cell else "" for cell in cells),
        )
    return table


def _suite(value: object) -> str:
    """The suite a product is a module of, empty for none."""
    return value if isinstance(value, str) else ""  # missing: None or NaN


def register(app: typer.Typer) -> None:
    app.command()(overlap)
