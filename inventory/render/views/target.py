"""The target-state view: building blocks coloured kept / changed / eliminated / new.

Built from the gap report's TOGAF matrix (``GapReport.matrix`` and ``target_blocks``), for
one municipality or merged over all. One cluster per domain; a baseline block (capability,
product, release cycle) is green when the target keeps it, yellow when it must be
upgraded, red and dashed when it goes (an arrow points to what replaces it); a target block
no baseline block is on yet is blue ("new"). Per domain at most ``node_budget`` blocks
are drawn, eliminated and changed ones first.
"""

from __future__ import annotations

import pandas as pd

from inventory.gap.result import GapReport
from inventory.render.dot import Diagram, EdgeStyle, LegendEntry
from inventory.render.i18n import Lang, t
from inventory.render.paths import safe_filename
from inventory.render.views.common import (
    LAYER_STYLE,
    STATUS_STYLES,
    ViewDiagram,
    number,
    text,
)

_STATUS_LABEL = {"included": "diagram.kept", "changed": "diagram.changed",
                 "eliminated": "diagram.eliminated", "new": "diagram.new"}
_STATUS_PRIORITY = {"eliminated": 4, "changed": 3, "new": 2, "included": 1}
_REPLACED_EDGE = EdgeStyle(colour="#c53030", line="dashed")
_UPGRADE_EDGE = EdgeStyle(colour="#b7791f", line="dotted")
_DOMAIN_KEYS = {"datacentre": "view.layer_sites", "platforms": "view.layer_platforms",
                "clients": "view.layer_clients", "applications": "view.layer_applications"}


def _domain_title(domain: str, lang: Lang) -> str:
    if domain == "network":
        return t("section.network", lang)
    return t(_DOMAIN_KEYS[domain], lang) if domain in _DOMAIN_KEYS else domain


def _blocks_of(gap: GapReport, municipality: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Baseline blocks of ``municipality`` (all when None) and the target blocks new to it."""
    matrix = gap.matrix
    targets = gap.target_blocks
    if municipality is None:
        return matrix, targets[targets["status"] == "new"]
    members = matrix["municipalities"].map(
        lambda value: municipality in text(value).split(";")).astype(bool)
    mine = matrix.loc[members]  # .loc: an empty mask still selects rows, not columns
    included = set(mine.loc[mine["status"] == "included", "target_block"].map(text))
    return mine, targets[~targets["block_id"].map(text).isin(included)]


def target_view(gap: GapReport, municipality: str | None = None, *, name: str | None = None,
                lang: Lang = "en", node_budget: int = 14) -> ViewDiagram:
    """The target state of ``municipality`` (display ``name``), or merged when None."""
    baseline, new_blocks = _blocks_of(gap, municipality)
    title = t("view.target_title", lang,
              name=name or municipality or t("view.target_merged", lang))
    diagram = Diagram(title, lang=lang, node_budget=node_budget, direction="LR")
    domains = [d for d in dict.fromkeys([*baseline["domain"].map(text),
                                         *new_blocks["domain"].map(text)]) if d]
    for domain in domains:
        diagram.add_group(f"domain:{domain}", _domain_title(domain, lang), style=LAYER_STYLE)
    noun = t("view.noun_blocks", lang)
    target_node: dict[str, str] = {}
    for row in baseline.itertuples(index=False):
        status = text(row.status)
        key = f"block:{text(row.block_id)}"
        label = " ".join(p for p in (text(row.title) or text(row.product_id), text(row.cycle))
                         if p)
        detail = f"{text(row.capability)} · {t(_STATUS_LABEL.get(status, 'diagram.kept'), lang)}"
        if municipality is None:  # the matrix counts assets over every municipality
            detail += f" · {text(row.municipalities).replace(';', ', ')}"
        diagram.add_node(key, label, detail=detail, group=f"domain:{text(row.domain)}",
                         kind=noun, style=STATUS_STYLES.get(status, STATUS_STYLES["included"]),
                         priority=_STATUS_PRIORITY.get(status, 0) * 1_000_000
                         + int(number(row.assets)))
        if status == "included" and text(row.target_block):
            target_node.setdefault(text(row.target_block), key)
    for row in new_blocks.itertuples(index=False):
        key = f"target:{text(row.block_id)}"
        label = text(row.title) or text(row.product)
        if text(row.min_version):
            label += f" ≥ {text(row.min_version)}"
        diagram.add_node(key, label, detail=f"{text(row.capability)} · {t('diagram.new', lang)}",
                         group=f"domain:{text(row.domain)}", kind=noun,
                         style=STATUS_STYLES["new"],
                         priority=_STATUS_PRIORITY["new"] * 1_000_000)
        target_node[text(row.block_id)] = key
    for row in baseline.itertuples(index=False):
        status, goal = text(row.status), target_node.get(text(row.target_block))
        key = f"block:{text(row.block_id)}"
        if status in ("eliminated", "changed") and goal and goal != key:
            diagram.add_edge(key, goal, style=_REPLACED_EDGE if status == "eliminated"
                             else _UPGRADE_EDGE)
    diagram.set_legend([
        *(LegendEntry(t(_STATUS_LABEL[status], lang), style=STATUS_STYLES[status])
          for status in ("included", "changed", "eliminated", "new")),
        LegendEntry(t("gap.eliminated", lang) + " → " + t("gap.new", lang).lower(),
                    edge=_REPLACED_EDGE),
        LegendEntry(t("gap.changed", lang), edge=_UPGRADE_EDGE),
    ])
    stem = f"target-{safe_filename(municipality)}" if municipality else "target"
    return ViewDiagram(stem, diagram.title, diagram.source,
                       key=("target", municipality) if municipality else ("target",))
