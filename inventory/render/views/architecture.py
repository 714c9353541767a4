"""The architecture view: one municipality, layered, grouped by site.

Layers, top to bottom: business applications, platforms, datacentres and server rooms
(each a cluster holding its hypervisor clusters, stand-alone servers and storage), other
sites (schools, offices, care homes, summed per kind) and client fleets (clients summed
per device kind and operating system: never one node per PC).

Readable at every size: a hypervisor cluster is one node ("4 hosts · 60 VMs"), each
cluster of the diagram draws at most ``node_budget`` nodes (the rest become "31 more
applications"), and a site with more servers than the budget gets a drill-down diagram
of its own (``architecture-<code>-<site>``) listing them per hypervisor cluster.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from inventory.analyse.assets import DOMAINS, domain_of
from inventory.analyse.identity import product_label
from inventory.language.formatting import format_decimal, format_integer
from inventory.language.i18n import Lang, code_text, t
from inventory.render.dot import Diagram, LegendEntry
from inventory.render.paths import safe_filename
from inventory.render.views.common import (
    APPLICATION_NODE,
    CLUSTER_NODE,
    DEFAULT_NODE_BUDGET,
    DEPENDS_EDGE,
    FLEET_NODE,
    LAYER_STYLE,
    MANAGED_EDGE,
    OTHER_SITES_NODE,
    PLATFORM_NODE,
    RUNS_ON_EDGE,
    SERVER_NODE,
    SITE_STYLE,
    STORAGE_NODE,
    ViewDiagram,
    domain_title,
    municipality_names,
    number,
    text,
)
from inventory.snapshot import InventorySnapshot

#: Site kinds that hold servers and get their own cluster in the diagram.
COMPUTE_SITE_KINDS = frozenset({"datacentre", "server_room", "colocation", "cloud_region"})
_CRITICALITY_PRIORITY = {"critical": 4, "high": 3, "medium": 2, "low": 1}


@dataclass
class _Placement:
    """Where servers sit: node key per server id, hypervisor clusters per site."""

    server_node: dict[str, str] = field(default_factory=dict)
    cluster_site: dict[str, str] = field(default_factory=dict)
    cluster_hosts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    cluster_vms: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    standalone: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, site, ...


def _text_rows(frame: pd.DataFrame, *columns: str) -> list[tuple[str, ...]]:
    """The cells of ``columns`` as :func:`text`, row by row (plain tuples: a pandas row
    per record, or ``itertuples`` over every column, cost more than the cells)."""
    return list(zip(*([text(value) for value in frame[column]] for column in columns), strict=True))


_PLACEMENT_COLUMNS = (
    "id",
    "kind",
    "cluster",
    "site",
    "host",
    "hostname",
    "os_product",
    "os_version",
)


def _place_servers(servers: pd.DataFrame) -> _Placement:
    """Decide per server which node stands for it (its cluster, its host's cluster, itself)."""
    placement = _Placement()
    host_cluster: dict[str, str] = {}
    host_site: dict[str, str] = {}
    # the cells of the columns used, as text, row by row (not a pandas row per server)
    rows = list(
        zip(
            *([text(value) for value in servers[column]] for column in _PLACEMENT_COLUMNS),
            strict=True,
        )
    )
    for server_id, kind, cluster, site, *_ in rows:
        if kind != "virtual":
            host_site[server_id] = site
            if cluster:
                host_cluster[server_id] = cluster
                placement.cluster_site.setdefault(cluster, site)
                placement.cluster_hosts[cluster] += 1
    for server_id, kind, cluster, site, host, hostname, os_product, os_version in rows:
        if kind == "virtual":
            cluster = cluster or host_cluster.get(host, "")
            if cluster:
                placement.cluster_vms[cluster] += 1
                placement.cluster_site.setdefault(cluster, host_site.get(host, ""))
                placement.server_node[server_id] = f"cluster:{cluster}"
                continue
            site = host_site.get(host, site)
        elif cluster:
            placement.server_node[server_id] = f"cluster:{cluster}"
            continue
        placement.server_node[server_id] = f"server:{server_id}"
        detail = " ".join(part for part in (os_product, os_version) if part)
        placement.standalone.append((server_id, site, hostname or server_id, detail))
    return placement


def architecture_views(
    snapshot: InventorySnapshot,
    municipality: str,
    *,
    lang: Lang = "en",
    node_budget: int = DEFAULT_NODE_BUDGET,
) -> list[ViewDiagram]:
    """The overview diagram of ``municipality`` and a drill-down per crowded site.

    >>> [view.name for view in architecture_views(snapshot, "gnosjo")]
    ['architecture-gnosjo', 'architecture-gnosjo-sr1']
    """
    part = snapshot.only([municipality])
    name = municipality_names(part.table("municipality")).get(municipality, municipality)
    servers = part.table("server")
    placement = _place_servers(servers)
    # Left to right: each layer is a column, so the picture grows down, not sideways.
    diagram = Diagram(
        t("view.architecture_title", lang, name=name),
        lang=lang,
        node_budget=node_budget,
        direction="LR",
    )
    sites = part.table("site")
    compute_sites = _compute_sites(sites, servers, part.table("storage"), placement)
    _add_applications(diagram, part, lang)
    _add_platforms(diagram, part, lang)
    _add_infrastructure(diagram, part, compute_sites, placement, lang)
    _add_other_sites(diagram, sites, compute_sites, lang)
    _add_fleets(diagram, part, lang)
    _add_dependencies(diagram, part, placement)
    diagram.set_legend(_legend(lang))
    views = [
        ViewDiagram(
            f"architecture-{safe_filename(municipality)}",
            diagram.title,
            diagram.source,
            key=("architecture", municipality),
        )
    ]
    site_names = dict(zip(sites["id"].map(text), sites["name"].map(text), strict=True))
    for site in compute_sites:
        hosted = _servers_at(servers, placement, site)
        if len(hosted) > node_budget:
            views.append(
                _site_view(
                    municipality,
                    name,
                    site,
                    site_names.get(site) or site,
                    hosted,
                    lang,
                    node_budget,
                )
            )
    return views


def _compute_sites(
    sites: pd.DataFrame, servers: pd.DataFrame, storage: pd.DataFrame, placement: _Placement
) -> list[str]:
    used = {site for _, site, _, _ in placement.standalone}
    used |= set(placement.cluster_site.values())
    used |= {text(site) for site in storage["site"]}
    used |= {text(site) for site in servers["site"]}
    kinds = dict(zip(sites["id"].map(text), sites["kind"].map(text), strict=True))
    ordered = [
        text(site)
        for site in sites["id"]
        if text(site) in used or kinds.get(text(site)) in COMPUTE_SITE_KINDS
    ]
    return ordered + sorted(site for site in used - set(ordered) if site)


def _add_applications(diagram: Diagram, part: InventorySnapshot, lang: Lang) -> None:
    applications = part.table("application")
    if applications.empty:
        return
    diagram.add_group("layer:applications", t("view.layer_applications", lang), style=LAYER_STYLE)
    noun = t("view.noun_applications", lang)
    for key, name, product, version, area, criticality in _text_rows(
        applications, "id", "name", "product", "version", "business_area", "criticality"
    ):
        product = " ".join(p for p in (product, version) if p)
        diagram.add_node(
            f"application:{key}",
            name or key,
            detail=product or area,
            group="layer:applications",
            kind=noun,
            style=APPLICATION_NODE,
            priority=_CRITICALITY_PRIORITY.get(criticality, 0),
        )


def _add_platforms(diagram: Diagram, part: InventorySnapshot, lang: Lang) -> None:
    platforms = part.table("platform")
    if platforms.empty:
        return
    diagram.add_group("layer:platforms", t("view.layer_platforms", lang), style=LAYER_STYLE)
    # each platform under its capability's domain, titled as the tables title it (a
    # backup platform is in the datacentre in every section)
    domains = [domain_of(text(capability)) for capability in platforms["capability"]]
    for domain in (d for d in DOMAINS if d in domains):
        diagram.add_group(
            f"platforms:{domain}",
            domain_title(domain, lang),
            parent="layer:platforms",
            style=SITE_STYLE,
        )
    noun = t("view.noun_platforms", lang)
    rows = _text_rows(platforms, "id", "product", "version", "capability", "criticality")
    for (key, product, version, capability, criticality), domain in zip(rows, domains, strict=True):
        product = " ".join(p for p in (product, version) if p)
        diagram.add_node(
            f"platform:{key}",
            product or key,
            detail=code_text("capability", capability, lang),
            group=f"platforms:{domain}",
            kind=noun,
            style=PLATFORM_NODE,
            priority=_CRITICALITY_PRIORITY.get(criticality, 0),
        )


def _add_infrastructure(
    diagram: Diagram,
    part: InventorySnapshot,
    compute_sites: list[str],
    placement: _Placement,
    lang: Lang,
) -> None:
    if not compute_sites:
        return
    sites = part.table("site")
    site_names = dict(zip(sites["id"].map(text), sites["name"].map(text), strict=True))
    diagram.add_group("layer:sites", t("view.layer_sites", lang), style=LAYER_STYLE)
    for site in compute_sites:
        title = f"{site_names.get(site) or site} ({site})" if site else "?"
        diagram.add_group(f"site:{site}", title, parent="layer:sites", style=SITE_STYLE)
    for cluster, site in placement.cluster_site.items():
        group = f"site:{site}" if site in compute_sites else "layer:sites"
        diagram.add_node(
            f"cluster:{cluster}",
            cluster,
            group=group,
            kind=t("view.noun_servers", lang),
            detail=_hosts_vms(
                lang,
                placement.cluster_hosts.get(cluster, 0),
                placement.cluster_vms.get(cluster, 0),
            ),
            style=CLUSTER_NODE,
            priority=10,
        )
    for server_id, site, hostname, detail in placement.standalone:
        group = f"site:{site}" if site in compute_sites else "layer:sites"
        diagram.add_node(
            f"server:{server_id}",
            hostname,
            detail=detail,
            group=group,
            kind=t("view.noun_servers", lang),
            style=SERVER_NODE,
            priority=5,
        )
    for row in part.table("storage").itertuples(index=False):
        site = text(row.site)
        group = f"site:{site}" if site in compute_sites else "layer:sites"
        capacity = number(row.capacity_tb)
        detail = product_label(text(row.vendor), text(row.model))  # the vendor once
        if capacity:
            detail += f" · {format_decimal(capacity, lang)} TB"
        diagram.add_node(
            f"storage:{text(row.id)}",
            text(row.id),
            detail=detail,
            group=group,
            kind=t("view.noun_storage", lang),
            style=STORAGE_NODE,
            priority=3,
        )


def _add_other_sites(
    diagram: Diagram, sites: pd.DataFrame, compute_sites: list[str], lang: Lang
) -> None:
    others = sites[~sites["id"].map(text).isin(compute_sites)]
    if others.empty:
        return
    diagram.add_group("layer:other_sites", t("view.other_sites", lang), style=LAYER_STYLE)
    for kind, group in others.groupby(others["kind"].map(text), sort=True):
        kind_name = t(f"view.site_kind.{kind}", lang) if kind in _SITE_KINDS else kind
        names = [
            text(name) or text(key) for name, key in zip(group["name"], group["id"], strict=True)
        ]
        detail = ", ".join(names[:2]) + (" …" if len(names) > 2 else "")
        diagram.add_node(
            f"sites:{kind}",
            t("view.site_count", lang, count=len(group), kind=kind_name),
            detail=detail,
            group="layer:other_sites",
            kind=t("view.noun_sites", lang),
            style=OTHER_SITES_NODE,
        )


_SITE_KINDS = frozenset(
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


def _fleet_frame(clients: pd.DataFrame) -> pd.DataFrame:
    """Clients summed per device kind, operating system and management platform."""
    quantity = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1).astype("int64")
    frame = pd.DataFrame(
        {
            "kind": clients["kind"].map(text),
            "os": (
                clients["os_product"].map(text)
                + " "
                + clients["os_version"].map(text).str.split(" ").str[0]
            ).str.strip(),
            "managed_by": clients["managed_by"].map(text),
            "devices": quantity,
        }
    )
    return (
        frame.groupby(["kind", "os", "managed_by"], sort=True, dropna=False)["devices"]
        .sum()
        .reset_index()
        .sort_values("devices", ascending=False, kind="stable")
    )


def _add_fleets(diagram: Diagram, part: InventorySnapshot, lang: Lang) -> None:
    clients = part.table("client")
    if clients.empty:
        return
    diagram.add_group("layer:clients", t("view.layer_clients", lang), style=LAYER_STYLE)
    fleets = _fleet_frame(clients)
    for index, row in enumerate(fleets.itertuples(index=False)):
        key = f"fleet:{index}"
        devices = int(number(row.devices))
        kind = code_text("client_kind", str(row.kind), lang) if row.kind else ""
        diagram.add_node(
            key,
            f"{kind} · {row.os}".strip(" ·"),
            detail=t("view.devices", lang, count=format_integer(devices, lang)),
            group="layer:clients",
            kind=t("view.noun_fleets", lang),
            style=FLEET_NODE,
            priority=devices,
        )
        platform = f"platform:{row.managed_by}"
        if row.managed_by and diagram.has_node(platform):
            diagram.add_edge(key, platform, style=MANAGED_EDGE)


def _add_dependencies(diagram: Diagram, part: InventorySnapshot, placement: _Placement) -> None:
    """Platform ``runs_on`` and application ``depends_on`` edges, deduplicated."""
    refs = part.references
    if refs.empty:
        return
    wanted = refs[
        refs["kind"].isin(["platform", "application"])
        & refs["field"].isin(["runs_on", "depends_on"])
    ]
    seen: set[tuple[str, str]] = set()
    for row in wanted.itertuples(index=False):
        tail = f"{row.kind}:{text(row.id)}"
        target_kind, target_id = text(row.target_kind), text(row.target_id)
        if text(row.target_municipality) not in ("", text(row.municipality)):
            continue
        if target_kind == "server":
            head = placement.server_node.get(target_id, f"server:{target_id}")
        elif target_kind == "cluster":
            head = f"cluster:{target_id}"
        else:
            head = f"{target_kind}:{target_id}"
        if (tail, head) in seen or not (diagram.has_node(tail) and diagram.has_node(head)):
            continue
        seen.add((tail, head))
        diagram.add_edge(tail, head, style=RUNS_ON_EDGE if row.kind == "platform" else DEPENDS_EDGE)


def _hosts_vms(lang: Lang, hosts: int | str, vms: int | str) -> str:
    """``2 hosts · 14 VMs``, ``1 host · 1 VM`` (``n hosts · m VMs`` in the legend)."""
    return t(
        "view.hosts_vms",
        lang,
        hosts=t("view.n.host", lang, count=hosts),
        vms=t("view.n.vm", lang, count=vms),
    )


def _legend(lang: Lang) -> list[LegendEntry]:
    return [
        LegendEntry(t("view.layer_applications", lang), style=APPLICATION_NODE),
        LegendEntry(t("view.layer_platforms", lang), style=PLATFORM_NODE),
        LegendEntry(_hosts_vms(lang, "n", "m"), style=CLUSTER_NODE),
        LegendEntry(t("column.server", lang), style=SERVER_NODE),
        LegendEntry(t("view.noun_storage", lang), style=STORAGE_NODE),
        LegendEntry(t("view.other_sites", lang), style=OTHER_SITES_NODE),
        LegendEntry(t("view.layer_clients", lang), style=FLEET_NODE),
        LegendEntry(t("view.depends_on", lang), edge=DEPENDS_EDGE),
        LegendEntry(t("view.managed_by", lang), edge=MANAGED_EDGE),
    ]


def _servers_at(servers: pd.DataFrame, placement: _Placement, site: str) -> pd.DataFrame:
    """The servers whose node sits at ``site`` (hosts, VMs of its clusters, stand-alone)."""
    clusters = {cluster for cluster, at in placement.cluster_site.items() if at == site}
    standalone = {server_id for server_id, at, _, _ in placement.standalone if at == site}
    ids = servers["id"].map(text)
    nodes = ids.map(placement.server_node).astype("string")  # no servers: no float column
    in_cluster = nodes.str.removeprefix("cluster:").isin(clusters).fillna(False).astype(bool)
    return servers[in_cluster | ids.isin(standalone)]


def _site_view(
    municipality: str,
    name: str,
    site: str,
    site_name: str,
    hosted: pd.DataFrame,
    lang: Lang,
    node_budget: int,
) -> ViewDiagram:
    """Drill-down: every server of one site, grouped by hypervisor cluster."""
    diagram = Diagram(
        t("view.site_title", lang, name=name, site=site_name),
        lang=lang,
        node_budget=max(node_budget * 3, 30),
        direction="LR",
    )
    placement = _place_servers(hosted)
    for cluster in sorted(placement.cluster_site):
        diagram.add_group(
            f"cluster:{cluster}",
            f"{cluster} · "
            + _hosts_vms(
                lang,
                placement.cluster_hosts.get(cluster, 0),
                placement.cluster_vms.get(cluster, 0),
            ),
            style=SITE_STYLE,
        )
    noun = t("view.noun_servers", lang)
    for server_id, hostname, os_product, os_version, kind, criticality in _text_rows(
        hosted, "id", "hostname", "os_product", "os_version", "kind", "criticality"
    ):
        node = placement.server_node.get(server_id, "")
        group = node if node.startswith("cluster:") else None
        os_name = " ".join(p for p in (os_product, os_version) if p)
        is_host = kind != "virtual"
        diagram.add_node(
            f"server:{server_id}",
            hostname or server_id,
            detail=os_name,
            group=group,
            kind=noun,
            style=CLUSTER_NODE if is_host and group else SERVER_NODE,
            priority=(10 if is_host else 0) + _CRITICALITY_PRIORITY.get(criticality, 0),
        )
    diagram.set_legend(
        [
            LegendEntry(t("column.server", lang), style=SERVER_NODE),
            LegendEntry(_hosts_vms(lang, "n", "m"), style=CLUSTER_NODE),
        ]
    )
    return ViewDiagram(
        f"architecture-{safe_filename(municipality)}-{safe_filename(site)}",
        diagram.title,
        diagram.source,
        key=("architecture", municipality, site),
    )
