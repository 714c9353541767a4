"""The network view: the sites of every municipality and the links between them.

One cluster per municipality holds its sites; a link is an edge labelled with its
bandwidth and kind, bold green when redundant, orange when it joins two municipalities,
dashed grey for VPN and internet links. The target's primary and secondary datacentre
(``target.datacentres``, written ``code:site``) are drawn gold and marked. Datacentres,
server rooms and sites with links to other municipalities are kept first; the node
budget sums the rest of a municipality's sites ("14 more sites").
"""

from __future__ import annotations

from inventory.language.i18n import Lang, code_text, t
from inventory.render.dot import Diagram, LegendEntry
from inventory.render.views.architecture import COMPUTE_SITE_KINDS
from inventory.render.views.common import (
    CROSS_LINK,
    DATACENTRE_NODE,
    EXTERNAL_NODE,
    PRIMARY_DC_NODE,
    REDUNDANT_LINK,
    SECONDARY_DC_NODE,
    SINGLE_LINK,
    SITE_NODE,
    SITE_STYLE,
    WEAK_LINK,
    ViewDiagram,
    bandwidth_text,
    municipality_names,
    number,
    qualified,
    text,
)
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

_WEAK_KINDS = frozenset({"vpn", "internet"})


def network_view(
    snapshot: InventorySnapshot,
    *,
    target: TargetArchitecture | None = None,
    municipalities: list[str] | None = None,
    lang: Lang = "en",
    node_budget: int = 10,
) -> ViewDiagram:
    """The network between ``municipalities`` (default all), target datacentres marked."""
    codes = municipalities or snapshot.municipalities
    part = snapshot.only(codes)
    names = municipality_names(snapshot.table("municipality"))
    primary = target.datacentres.primary if target and target.datacentres else None
    secondary = target.datacentres.secondary if target and target.datacentres else None
    links = part.table("link")
    endpoints = [
        (text(m), *qualified(text(m), text(site)))
        for m, a, b in zip(links["municipality"], links["a_site"], links["b_site"], strict=True)
        for site in (a, b)
    ]
    crossing = {f"{code}:{site}" for owner, code, site in endpoints if code != owner}
    crossing |= {
        f"{owner}:{text(a)}"
        for owner, a, b in zip(links["municipality"], links["a_site"], links["b_site"], strict=True)
        if qualified(text(owner), text(b))[0] != text(owner)
    }
    diagram = Diagram(
        t("view.network_title", lang), lang=lang, node_budget=node_budget, direction="LR"
    )
    sites = part.table("site")
    for code in codes:
        diagram.add_group(f"m:{code}", names.get(code, code), style=SITE_STYLE)
    for row in sites.itertuples(index=False):
        code, site = text(row.municipality), text(row.id)
        key = f"{code}:{site}"
        kind = text(row.kind)
        style = DATACENTRE_NODE if kind in COMPUTE_SITE_KINDS else SITE_NODE
        detail = t(f"view.site_kind.{kind}", lang) if kind in _KINDS else kind
        if key == primary:
            style, detail = PRIMARY_DC_NODE, t("diagram.primary_dc", lang)
        elif key == secondary:
            style, detail = SECONDARY_DC_NODE, t("diagram.secondary_dc", lang)
        priority = (
            (100 if key in (primary, secondary) else 0)
            + (50 if kind in COMPUTE_SITE_KINDS else 0)
            + (40 if key in crossing else 0)
        )
        diagram.add_node(
            key,
            text(row.name) or site,
            detail=detail,
            group=f"m:{code}",
            kind=t("view.noun_sites", lang),
            style=style,
            priority=priority,
        )
    for row in links.itertuples(index=False):
        owner = text(row.municipality)
        ends = [qualified(owner, text(row.a_site)), qualified(owner, text(row.b_site))]
        keys = [f"{code}:{site}" for code, site in ends]
        for key, (code, site) in zip(keys, ends, strict=True):
            if not diagram.has_node(key):
                diagram.add_node(
                    key,
                    site,
                    detail=names.get(code, code),
                    style=EXTERNAL_NODE,
                    kind=t("view.noun_sites", lang),
                    priority=30,
                )
        bandwidth = number(row.bandwidth_mbps)
        redundant = text(row.redundant) in ("True", "true", "1")
        kind = text(row.kind)
        label = " ".join(
            p
            for p in (
                bandwidth_text(bandwidth, lang),
                code_text("link_kind", kind, lang) if kind else "",
            )
            if p
        )
        if redundant:
            label += " · " + t("column.redundant", lang).lower()
        if ends[0][0] != ends[1][0]:
            link_style = CROSS_LINK
        elif text(row.kind) in _WEAK_KINDS:
            link_style = WEAK_LINK
        elif redundant:
            link_style = REDUNDANT_LINK
        else:
            link_style = SINGLE_LINK
        diagram.add_edge(keys[0], keys[1], label=label, style=link_style)
    diagram.set_legend(
        [
            LegendEntry(t("diagram.primary_dc", lang), style=PRIMARY_DC_NODE),
            LegendEntry(t("diagram.secondary_dc", lang), style=SECONDARY_DC_NODE),
            LegendEntry(t("view.layer_sites", lang), style=DATACENTRE_NODE),
            LegendEntry(t("view.other_sites", lang), style=SITE_NODE),
            LegendEntry(t("view.external_site", lang), style=EXTERNAL_NODE),
            LegendEntry(t("view.cross_link", lang), edge=CROSS_LINK),
            LegendEntry(t("diagram.redundant_link", lang), edge=REDUNDANT_LINK),
            LegendEntry(t("diagram.single_link", lang), edge=SINGLE_LINK),
            LegendEntry(t("view.weak_link", lang), edge=WEAK_LINK),
        ]
    )
    return ViewDiagram("network", diagram.title, diagram.source, key=("network",))


_KINDS = frozenset(
    {
        "datacentre",
        "server_room",
        "colocation",
        "cloud_region",
        "office",
        "school",
        "care_home",
        "other",
    }
)
