"""The target-state view: every target building block, and per capability what goes.

Built from the gap report (``GapReport.matrix``, ``target_blocks``, ``block_assets``), for
one municipality or merged over all. One cluster per domain (``analyse.assets.domain_of``,
titled as in every table), inside it one cluster per capability holding:

* every target building block (product and minimum version), coloured by what it is
  for the municipality (or the municipalities together): **kept** (an included baseline
  block runs it; its assets, and those still to upgrade onto it), **changed** (it runs
  only below the minimum: upgraded) or **new** (it runs nowhere today);
* one summary of what is **eliminated** ("Eliminated: 4 products, 37 assets", the largest
  products named) with an arrow to each target block that replaces it;
* one summary of the devices the target sets **no product standard** for (switches,
  storage, printers, appliances): kept while supported, renewed at their end of life.

Target blocks are never folded into a "more" node: the target is a short list, and what
could be long (the products given up) is summarised with counts, so the diagram stays
bounded at any number of municipalities. Capability clusters are laid out as a grid
(rows of at most ``row_width`` blocks) by invisible edges; docs/method.md#target-state.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Literal

from inventory.analyse.assets import DOMAINS, domain_of
from inventory.gap.result import GapReport
from inventory.language.formatting import format_number
from inventory.language.i18n import Lang, code_text, t
from inventory.render.dot import Diagram, EdgeStyle, LegendEntry, NodeStyle
from inventory.render.paths import safe_filename
from inventory.render.views.common import (
    LAYER_STYLE,
    STATUS_STYLES,
    ViewDiagram,
    domain_title,
    joined,
    text,
)

TargetStatus = Literal["kept", "changed", "new"]

_STYLE_OF: dict[TargetStatus, NodeStyle] = {
    "kept": STATUS_STYLES["included"],
    "changed": STATUS_STYLES["changed"],
    "new": STATUS_STYLES["new"],
}
_LABEL_OF: dict[TargetStatus, str] = {
    "kept": "diagram.kept",
    "changed": "diagram.changed",
    "new": "diagram.new",
}
ELIMINATED_STYLE = replace(STATUS_STYLES["eliminated"], shape="note")
NO_STANDARD_STYLE = NodeStyle(shape="note", fill="#f0fff4", border="#2f855a", dashed=True)
CAPABILITY_STYLE = replace(LAYER_STYLE, dashed=False)
_REPLACED_EDGE = EdgeStyle(colour="#c53030", line="dashed")
_ORDER_EDGE = EdgeStyle(line="invis", arrow=False)


@dataclass(frozen=True)
class TargetBlockState:
    """A target building block and what runs on it today in the view's scope."""

    block_id: str
    title: str
    min_version: str
    status: TargetStatus
    assets_kept: int  # on included baseline blocks
    assets_to_upgrade: int  # on changed baseline blocks (upgraded onto it)
    municipalities: int  # running it today (at any version)


@dataclass(frozen=True)
class BaselineSummary:
    """Baseline blocks of one capability summarised: distinct products and their assets."""

    products: int
    assets: int
    names: tuple[str, ...]  # the products, most assets first
    due_assets: int = 0  # past or near end of life (no product standard: renewed)
    replaced_by: tuple[str, ...] = ()  # target block ids
    unplanned: bool = False  # some are eliminated with no target product named


@dataclass
class CapabilityState:
    """One capability of the target state: its target blocks and what is summarised."""

    domain: str
    capability: str
    targets: list[TargetBlockState] = field(default_factory=list)
    eliminated: BaselineSummary | None = None
    no_standard: BaselineSummary | None = None


@dataclass(frozen=True)
class _Row:
    """One matrix row as ``target_state`` reads it (display texts, assets in scope)."""

    block_id: str
    capability: str
    product_id: str
    title: object  # as stored: a missing title is not a product name
    status: object
    reason: str
    target_block: str
    municipalities: str
    assets: int


def _is(value: object, status: str) -> bool:
    """Whether a status cell is ``status`` (a missing cell is no status)."""
    return isinstance(value, str) and value == status


def _in_scope(gap: GapReport, municipality: str | None) -> list[_Row]:
    """The matrix rows of ``municipality`` (all when None), ``assets`` counted in scope.

    Plain rows, not a frame: the matrix is short and read once per view, so pandas'
    per-call cost would be most of the work."""
    matrix = gap.matrix
    counts: dict[str, int] = {}
    if municipality is not None and not gap.block_assets.empty:
        own = gap.block_assets
        own = own[own["municipality"].astype(str) == municipality]
        counts = dict(zip(own["block_id"].astype(str), own["assets"].astype(int), strict=True))
    rows = []
    for block, capability, product, title, status, reason, target, codes, assets in zip(
        matrix["block_id"],
        matrix["capability"],
        matrix["product_id"],
        matrix["title"],
        matrix["status"],
        matrix["reason"],
        matrix["target_block"],
        matrix["municipalities"],
        matrix["assets"],
        strict=True,
    ):
        if municipality is not None:
            if municipality not in text(codes).split(";"):
                continue
            assets, codes = counts.get(text(block), 0), municipality
        rows.append(
            _Row(
                text(block),
                text(capability),
                text(product),
                title,
                status,
                text(reason),
                text(target),
                text(codes),
                int(assets),
            )
        )
    return rows


def _summary(rows: list[_Row]) -> BaselineSummary:
    """Distinct products of ``rows`` (a product over several cycles counts once): the
    first title given of each, most assets first, then by title."""
    titles: dict[str, object] = {}
    assets: dict[str, int] = {}
    for row in rows:
        product = row.product_id or text(row.title)
        if titles.get(product) is None and not _missing(row.title):
            titles[product] = row.title
        else:
            titles.setdefault(product, None)
        assets[product] = assets.get(product, 0) + row.assets
    order = sorted(
        titles,
        key=lambda product: (
            -assets[product],
            titles[product] is None,
            str(titles[product] or ""),
        ),
    )
    return BaselineSummary(
        products=len(order),
        assets=sum(assets.values()),
        names=tuple(text(titles[product]) for product in order),
        due_assets=sum(row.assets for row in rows if _is(row.status, "changed")),
        replaced_by=tuple(dict.fromkeys(row.target_block for row in rows if row.target_block)),
        unplanned=any(row.reason == "not_in_target" for row in rows),
    )


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and text(value) == "")


def target_state(gap: GapReport, municipality: str | None = None) -> list[CapabilityState]:
    """The target state per capability (domain order, then capability), for one
    municipality or all together when ``municipality`` is None.

    A target block is ``kept`` when an included baseline block of the scope runs it,
    ``changed`` when only changed ones do (its product runs below the minimum), else
    ``new``; eliminated baseline blocks and those without a product standard are
    summarised per capability.
    """
    rows = _in_scope(gap, municipality)
    states: dict[str, CapabilityState] = {}

    def state(capability: str) -> CapabilityState:
        if capability not in states:
            states[capability] = CapabilityState(domain_of(capability), capability)
        return states[capability]

    kept: dict[str, int] = {}
    upgraded: dict[str, int] = {}
    running: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if not row.target_block or _is(row.status, "eliminated"):
            continue
        if _is(row.status, "included"):
            kept[row.target_block] = kept.get(row.target_block, 0) + row.assets
        elif _is(row.status, "changed"):
            upgraded[row.target_block] = upgraded.get(row.target_block, 0) + row.assets
        running[row.target_block].update(code for code in row.municipalities.split(";") if code)
    for block_id, capability, title, product, min_version in zip(
        gap.target_blocks["block_id"],
        gap.target_blocks["capability"],
        gap.target_blocks["title"],
        gap.target_blocks["product"],
        gap.target_blocks["min_version"],
        strict=True,
    ):
        block = text(block_id)
        status: TargetStatus = (
            "kept" if block in kept else "changed" if block in upgraded else "new"
        )
        state(text(capability)).targets.append(
            TargetBlockState(
                block_id=block,
                title=text(title) or text(product),
                min_version=text(min_version),
                status=status,
                assets_kept=kept.get(block, 0),
                assets_to_upgrade=upgraded.get(block, 0),
                municipalities=len(running.get(block, ())),
            )
        )
    parts: dict[str, list[_Row]] = {}
    for row in rows:
        parts.setdefault(row.capability, []).append(row)
    for capability, part in parts.items():
        gone = [row for row in part if _is(row.status, "eliminated")]
        if gone:
            state(capability).eliminated = _summary(gone)
        loose = [row for row in part if not _is(row.status, "eliminated") and not row.target_block]
        if loose:
            state(capability).no_standard = _summary(loose)
    rank = {domain: n for n, domain in enumerate(DOMAINS)}
    return sorted(states.values(), key=lambda s: (rank.get(s.domain, len(rank)), s.capability))


def _count(value: int, lang: Lang) -> str:
    return format_number(value, lang, 0)


def _many(value: int, noun: Literal["product", "asset"], lang: Lang) -> str:
    """``1 product``, ``3 products``: the count with its noun in the singular or plural."""
    return t(f"target_view.{noun}" + ("" if value == 1 else "s"), lang, count=_count(value, lang))


def _block_detail(block: TargetBlockState, lang: Lang, total: int | None) -> str:
    if block.status == "new":
        return t("target_view.new" if total is not None else "target_view.new_here", lang)
    if block.status == "changed":
        detail = t(
            "target_view.changed", lang, assets=_many(block.assets_to_upgrade, "asset", lang)
        )
    else:
        detail = t("target_view.kept", lang, assets=_many(block.assets_kept, "asset", lang))
        if block.assets_to_upgrade:
            detail += "\n" + t(
                "target_view.to_upgrade", lang, assets=_count(block.assets_to_upgrade, lang)
            )
    if total is not None:  # merged: how many municipalities run it today
        detail += "\n" + t(
            "target_view.municipalities", lang, count=block.municipalities, total=total
        )
    return detail


def _row_of(state: CapabilityState, row_width: int) -> int:
    """How many blocks wide a capability's cluster is (its widest rank)."""
    summaries = (state.eliminated is not None) + (state.no_standard is not None)
    return max(min(len(state.targets), row_width), summaries, 1)


def target_view(
    gap: GapReport,
    municipality: str | None = None,
    *,
    name: str | None = None,
    lang: Lang = "en",
    row_width: int = 6,
) -> ViewDiagram:
    """The target state of ``municipality`` (display ``name``), or merged when None."""
    states = target_state(gap, municipality)
    title = t("view.target_title", lang, name=name or municipality or t("view.target_merged", lang))
    # no budget: every target block is drawn; what could be long is summarised
    diagram = Diagram(title, lang=lang, direction="TB", max_label_length=200)
    total = len(gap.municipalities) if municipality is None else None
    rows: list[tuple[list[str], list[str]]] = []  # per grid row: its top and bottom nodes
    width, domain = row_width, ""
    for state in states:
        if state.domain != domain:
            domain, width = state.domain, row_width  # a domain starts a new row
            diagram.add_group(f"domain:{domain}", domain_title(domain, lang), style=LAYER_STYLE)
        group = f"capability:{state.capability}"
        diagram.add_group(
            group,
            code_text("capability", state.capability, lang),
            parent=f"domain:{domain}",
            style=CAPABILITY_STYLE,
        )
        top, bottom = _add_capability(diagram, state, group, lang, total, row_width)
        if width + _row_of(state, row_width) > row_width:
            rows.append(([], []))
            width = 0
        width += _row_of(state, row_width)
        rows[-1][0].extend(top)
        rows[-1][1].extend(bottom)
    for (_, bottom), (top, _) in pairwise(rows):
        for tail in bottom:  # each row below every node of the row above it
            for head in top:
                diagram.add_edge(tail, head, style=_ORDER_EDGE)
    if not states:
        diagram.add_node("empty", t("target_view.empty", lang))
    diagram.set_legend(
        [
            *(
                LegendEntry(t(_LABEL_OF[status], lang), style=_STYLE_OF[status])
                for status in ("kept", "changed", "new")
            ),
            LegendEntry(t("target_view.legend_eliminated", lang), style=ELIMINATED_STYLE),
            LegendEntry(t("target_view.legend_no_standard", lang), style=NO_STANDARD_STYLE),
            LegendEntry(t("target_view.legend_replaced", lang), edge=_REPLACED_EDGE),
        ]
    )
    stem = f"target-{safe_filename(municipality)}" if municipality else "target"
    return ViewDiagram(
        stem,
        diagram.title,
        diagram.source,
        key=("target", municipality) if municipality else ("target",),
    )


def _add_capability(
    diagram: Diagram,
    state: CapabilityState,
    group: str,
    lang: Lang,
    total: int | None,
    row_width: int,
) -> tuple[list[str], list[str]]:
    """The nodes of one capability (its target blocks in rows of ``row_width``); returns
    its top nodes and its bottom nodes."""
    top: list[str] = []
    targets: list[str] = []
    if state.eliminated is not None:
        gone = state.eliminated
        key = f"eliminated:{state.capability}"
        detail = joined(gone.names)
        if gone.unplanned:
            detail += "\n" + t("target_view.no_target_product", lang)
        diagram.add_node(
            key,
            t(
                "target_view.eliminated",
                lang,
                products=_many(gone.products, "product", lang),
                assets=_many(gone.assets, "asset", lang),
            ),
            detail=detail,
            group=group,
            style=ELIMINATED_STYLE,
        )
        top.append(key)
    if state.no_standard is not None:
        kept = state.no_standard
        key = f"no_standard:{state.capability}"
        detail = joined(kept.names)
        if kept.due_assets:
            detail += "\n" + t("target_view.due", lang, assets=_count(kept.due_assets, lang))
        diagram.add_node(
            key,
            t(
                "target_view.no_standard",
                lang,
                products=_many(kept.products, "product", lang),
                assets=_many(kept.assets, "asset", lang),
            ),
            detail=detail,
            group=group,
            style=NO_STANDARD_STYLE,
        )
        top.append(key)
    for block in state.targets:
        key = f"target:{block.block_id}"
        label = block.title + (f" ≥ {block.min_version}" if block.min_version else "")
        diagram.add_node(
            key,
            label,
            detail=_block_detail(block, lang, total),
            group=group,
            style=_STYLE_OF[block.status],
        )
        targets.append(key)
    chunks = [targets[at : at + row_width] for at in range(0, len(targets), row_width)]
    for upper, lower in pairwise(chunks):  # a long list wraps
        for tail in upper:
            for head in lower:
                diagram.add_edge(tail, head, style=_ORDER_EDGE)
    if state.eliminated is None or not targets:
        return top + chunks[0] if chunks else top, chunks[-1] if chunks else top
    summary = f"eliminated:{state.capability}"
    for key in targets:  # an arrow to what replaces it; the first row of the others below
        if key.removeprefix("target:") in state.eliminated.replaced_by:
            diagram.add_edge(summary, key, style=_REPLACED_EDGE)
        elif key in chunks[0]:
            diagram.add_edge(summary, key, style=_ORDER_EDGE)
    return top, chunks[-1]


__all__ = ["BaselineSummary", "CapabilityState", "TargetBlockState", "target_state", "target_view"]
