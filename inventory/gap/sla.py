"""SLA gaps: applications whose SLA level requires redundancy, on infrastructure without it.

For each application whose criticality maps to an SLA level with ``redundancy_required``,
everything it depends on (through the graph) is checked for single points of failure:

* ``single_physical_server``: a physical server in no cluster;
* ``single_host_cluster``: a cluster with fewer than two member hosts;
* ``single_host``: a virtual server on a named host, in no cluster;
* ``single_uplink``: a site it depends on whose links to other municipalities are all
  not redundant (or that has none while other sites of its municipality do).
"""

from __future__ import annotations

import pandas as pd

from inventory.analyse.graph import EdgeKind
from inventory.gap.capacity import qualified
from inventory.gap.dependents import DependencyIndex, short_name
from inventory.gap.rows import any_rows
from inventory.messages import Message, MessageList
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

SLA_COLUMNS = (
    "municipality",
    "application",
    "name",
    "criticality",
    "availability_percent",
    "gap_kinds",
    "infrastructure",
    "detail",
    "detail_message",
)


def _site_uplinks(snapshot: InventorySnapshot) -> dict[str, bool]:
    """Per ``code:site`` with interconnects: whether any of them is redundant."""
    links = snapshot.table("link")
    a_site = qualified(links["municipality"], links["a_site"])
    b_site = qualified(links["municipality"], links["b_site"])
    between = a_site.str.split(":").str[0] != b_site.str.split(":").str[0]
    redundant = links["redundant"].astype("boolean").fillna(False).astype(bool)
    ends = pd.concat(
        [
            pd.DataFrame({"site": a_site[between], "redundant": redundant[between]}),
            pd.DataFrame({"site": b_site[between], "redundant": redundant[between]}),
        ]
    )
    return {
        str(site): bool(value) for site, value in ends.groupby("site")["redundant"].any().items()
    }


def _node_gap(dependencies: DependencyIndex, uplinks: dict[str, bool], node_id: str) -> str | None:
    """The redundancy a node an application depends on lacks (``gs.sla.<gap>``), if any."""
    graph = dependencies.graph
    data = graph.nodes[node_id]
    kind = data.get("kind")
    if kind == "server":
        out_edges = list(graph.out_edges(node_id, keys=True))
        hosted = [t for _, t, k in out_edges if k == EdgeKind.HOSTED_ON]
        member = any(k == EdgeKind.MEMBER_OF for _, _, k in out_edges)
        if data.get("server_kind") == "virtual":
            if hosted and not any(dependencies.kind(t) == "cluster" for t in hosted):
                return "single_host"
        elif not member and not hosted:
            return "single_physical_server"
    elif kind == "cluster":
        members = [h for h, _, k in graph.in_edges(node_id, keys=True) if k == EdgeKind.MEMBER_OF]
        if len(members) < 2:
            return "single_host_cluster"
    elif kind == "site":
        site = "{}:{}".format(data.get("municipality"), data.get("key"))
        if site in uplinks and not uplinks[site]:
            return "single_uplink"
    return None


def sla_gaps(
    snapshot: InventorySnapshot, target: TargetArchitecture, dependencies: DependencyIndex
) -> pd.DataFrame:
    """One row per application that misses its SLA level's redundancy (``SLA_COLUMNS``)."""
    levels = {
        str(criticality): level
        for criticality, level in target.sla.items()
        if level.redundancy_required
    }
    applications = snapshot.table("application")
    wanted = applications[applications["criticality"].astype(str).isin(levels)]
    if wanted.empty:
        return pd.DataFrame(columns=list(SLA_COLUMNS))
    uplinks = _site_uplinks(snapshot)
    # a node's gap is the same for every application above it: found once per node
    found: dict[str, str | None] = {}

    def gap_of(node_id: str) -> str | None:
        if node_id not in found:
            found[node_id] = _node_gap(dependencies, uplinks, node_id)
        return found[node_id]

    rows = []
    for app in any_rows(wanted):  # critical applications: thousands at most
        node = f"{app.municipality}:application:{app.id}"
        gaps: dict[str, str] = {}
        for other in sorted(dependencies.dependencies_of(node)):
            gap = gap_of(other)
            if gap is not None:
                gaps[other] = gap
        if not gaps:
            continue
        level = levels[str(app.criticality)]
        # messages, in the report's language (``detail`` is their English)
        detail = MessageList(
            tuple(
                Message(f"gs.sla.{kind}", {"what": short_name(node_id)})
                for node_id, kind in gaps.items()
            )
        )
        rows.append(
            (
                str(app.municipality),
                f"{app.municipality}:{app.id}",
                str(app.name),
                str(app.criticality),
                level.availability_percent,
                ";".join(sorted(set(gaps.values()))),
                ";".join(short_name(n) for n in gaps),
                str(detail),
                detail,
            )
        )
    return (
        pd.DataFrame(rows, columns=list(SLA_COLUMNS))
        .sort_values(["municipality", "application"])
        .reset_index(drop=True)
    )
