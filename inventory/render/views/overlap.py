"""The overlap view: capabilities × municipalities, which product each one uses.

One grid (a Graphviz HTML-like table) per domain: a row per capability, a column per
municipality, the canonical products in each cell (at most three, "+2" for more). A cell
is green when every product in it is used by two or more municipalities, orange when one
is used by this municipality only, grey when nothing is recorded. More municipalities
than ``max_columns`` are split over several grids, so each stays readable.
"""

from __future__ import annotations

import graphviz
import pandas as pd

from inventory.analyse.overlap import DOMAINS, OverlapResult
from inventory.language.i18n import Lang, code_text, t
from inventory.render.dot import DEFAULT_FONT, html_label, html_text, plain_label
from inventory.render.views.common import ViewDiagram, domain_title, text

SHARED_FILL = "#c6f6d5"
UNIQUE_FILL = "#feebc8"
EMPTY_FILL = "#edf2f7"
HEADER_FILL = "#2d3748"


#: A product in a grid cell: its name, assets and sharing, as the usage table has them.
_Product = tuple[object, object, object]


def _cell(products: list[_Product], lang: Lang) -> str:
    if not products:
        return (
            f'<TD BGCOLOR="{EMPTY_FILL}"><FONT COLOR="#718096" POINT-SIZE="10">'
            f"{html_text(t('view.missing', lang))}</FONT></TD>"
        )
    # most assets first (a missing count last), equal counts in the table's order
    ordered = sorted(products, key=lambda product: _descending(product[1]))
    names = [html_text(text(name), max_length=40) for name, _, _ in ordered]
    shown = "<BR/>".join(names[:3]) + (f"<BR/>+{len(names) - 3}" if len(names) > 3 else "")
    unique = any(isinstance(sharing, str) and sharing == "unique" for _, _, sharing in ordered)
    fill = UNIQUE_FILL if unique else SHARED_FILL
    return f'<TD BGCOLOR="{fill}" ALIGN="LEFT">{shown}</TD>'


def _descending(assets: object) -> tuple[bool, float]:
    missing = text(assets) == ""
    return missing, 0.0 if missing else -float(assets)  # type: ignore[arg-type]


def _grid(
    domain: str, usage: pd.DataFrame, municipalities: list[str], names: dict[str, str], lang: Lang
) -> str:
    header = "".join(
        f'<TD BGCOLOR="{HEADER_FILL}"><FONT COLOR="#ffffff"><B>'
        f"{html_text(names.get(code, code), max_length=30)}</B></FONT></TD>"
        for code in municipalities
    )
    rows = [
        f'<TR><TD BGCOLOR="{HEADER_FILL}" ALIGN="LEFT"><FONT COLOR="#ffffff"><B>'
        f"{html_text(t('column.capability', lang))}</B></FONT></TD>{header}</TR>"
    ]
    # the products per capability and municipality in one pass (plain rows: the table
    # is short, pandas per cell would cost more than the cell)
    cells: dict[str, dict[object, list[_Product]]] = {}
    for capability, code, product, assets, sharing in zip(
        usage["capability"],
        usage["municipality"],
        usage["product"],
        usage["assets"],
        usage["sharing"],
        strict=True,
    ):
        if text(capability) == "" and not isinstance(capability, str):
            continue  # a missing capability is no row (as a groupby drops it)
        cells.setdefault(capability, {}).setdefault(code, []).append((product, assets, sharing))
    for capability in sorted(cells):
        own = cells[capability]
        row = "".join(_cell(own.get(code, []), lang) for code in municipalities)
        name = code_text("capability", str(capability), lang)  # as the tables name it
        rows.append(f'<TR><TD ALIGN="LEFT"><B>{html_text(name, max_length=40)}</B></TD>{row}</TR>')
    return (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5" COLOR="#a0aec0">'
        + "".join(rows)
        + "</TABLE>"
    )


def _legend(lang: Lang) -> str:
    entries = [
        (SHARED_FILL, t("view.shared_product", lang)),
        (UNIQUE_FILL, t("view.unique_product", lang)),
        (EMPTY_FILL, t("view.missing", lang)),
    ]
    rows = [
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html_text(t("diagram.legend", lang))}</B></TD></TR>'
    ]
    rows += [
        f'<TR><TD BGCOLOR="{fill}" BORDER="1" WIDTH="28"> </TD>'
        f'<TD ALIGN="LEFT">{html_text(label)}</TD></TR>'
        for fill, label in entries
    ]
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>"
    )


def overlap_views(
    overlap: OverlapResult,
    names: dict[str, str] | None = None,
    *,
    lang: Lang = "en",
    domains: tuple[str, ...] = DOMAINS,
    max_columns: int = 8,
) -> list[ViewDiagram]:
    """One grid per domain (and per group of ``max_columns`` municipalities)."""
    names = names or {}
    usage = overlap.usage.merge(
        overlap.products[["domain", "capability", "product_id", "sharing"]],
        on=["domain", "capability", "product_id"],
        how="left",
    )
    municipalities = list(overlap.municipalities)
    chunks = [
        municipalities[i : i + max_columns] for i in range(0, len(municipalities), max_columns)
    ] or [[]]
    views = []
    for domain in domains:
        part = usage[usage["domain"] == domain]
        if part.empty:
            continue
        domain_name = domain_title(domain, lang)  # as every table and view titles it
        for number, chunk in enumerate(chunks, start=1):
            title = f"{t('view.overlap_title', lang)}: {domain_name}"
            stem = f"overlap-{domain}" + (f"-{number}" if len(chunks) > 1 else "")
            if len(chunks) > 1:
                title += f" ({number}/{len(chunks)})"
            graph = graphviz.Digraph(name="overlap")
            graph.attr(
                label=plain_label(title, max_length=120),
                labelloc="t",
                fontsize="18",
                fontname=DEFAULT_FONT,
                rankdir="TB",
            )
            graph.attr("node", fontname=DEFAULT_FONT, fontsize="11", shape="plaintext")
            graph.node("grid", html_label(_grid(domain, part, chunk, names, lang)))
            graph.node("legend", html_label(_legend(lang)))
            graph.edge("grid", "legend", style="invis")
            views.append(
                ViewDiagram(stem, title, str(graph.source), key=("overlap", domain, str(number)))
            )
    return views
