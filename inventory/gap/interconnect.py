"""Interconnects: links between the municipalities' sites against the target minimum.

A link is an interconnect when its two ends belong to different municipalities. Each is
checked against ``network.interconnect`` (bandwidth and redundancy). A municipality whose
sites reach neither the primary nor the secondary datacentre over links gets a row of its
own (``missing``).
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from inventory.gap.capacity import qualified
from inventory.gap.dependents import DependencyIndex, short_name
from inventory.messages import Message, MessageList, english
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

INTERCONNECT_COLUMNS = (
    "municipality",
    "link",
    "a_site",
    "b_site",
    "kind",
    "bandwidth_mbps",
    "redundant",
    "min_bandwidth_mbps",
    "redundancy_required",
    "meets_bandwidth",
    "meets_redundancy",
    "compliant",
    "detail",
    "dependent_applications",
    "dependent_application_count",
    "detail_message",
)


def interconnect_gaps(
    snapshot: InventorySnapshot, target: TargetArchitecture, dependencies: DependencyIndex
) -> pd.DataFrame:
    """One row per interconnect (and per unconnected municipality), with its verdict.

    ``dependent_applications``: the applications that depend on the municipality's end of
    the link (what is located at that site).
    """
    minimum = target.network.interconnect.min_bandwidth_mbps if target.network else 0.0
    redundancy = target.network.interconnect.redundant if target.network else False
    links = snapshot.table("link")
    a_site = qualified(links["municipality"], links["a_site"])
    b_site = qualified(links["municipality"], links["b_site"])
    between = a_site.str.split(":").str[0] != b_site.str.split(":").str[0]
    rows = links[between]
    bandwidth = pd.to_numeric(rows["bandwidth_mbps"], errors="coerce")
    redundant = rows["redundant"].astype("boolean").fillna(False).astype(bool)
    meets_bandwidth = (bandwidth >= minimum).fillna(False).astype(bool)
    meets_redundancy = redundant | (not redundancy)
    own_end = a_site[between].where(
        a_site[between].str.split(":").str[0] == rows["municipality"].astype(str), b_site[between]
    )
    applications = [
        dependencies.applications("{}:site:{}".format(*site.split(":", 1))) for site in own_end
    ]
    details = []  # messages, in the report's language (``detail`` is their English)
    for speed, ok_speed, ok_redundant in zip(
        bandwidth, meets_bandwidth, meets_redundancy, strict=True
    ):
        problems = []
        if not ok_speed:
            shown = Message("gs.link.unknown") if pd.isna(speed) else float(speed)
            problems.append(
                Message("gs.link.under_minimum", {"speed": shown, "minimum": float(minimum)})
            )
        if not ok_redundant:
            problems.append(Message("gs.link.not_redundant"))
        details.append(MessageList(tuple(problems)))
    table = pd.DataFrame(
        {
            "municipality": rows["municipality"].astype(str),
            "link": rows["municipality"].astype(str) + ":" + rows["id"].astype(str),
            "a_site": a_site[between],
            "b_site": b_site[between],
            "kind": rows["kind"].astype(str),
            "bandwidth_mbps": bandwidth,
            "redundant": redundant,
            "min_bandwidth_mbps": minimum,
            "redundancy_required": redundancy,
            "meets_bandwidth": meets_bandwidth,
            "meets_redundancy": meets_redundancy,
            "compliant": meets_bandwidth & meets_redundancy,
            "detail": english(details),
            "detail_message": details,
            "dependent_applications": [
                ";".join(short_name(a) for a in apps) for apps in applications
            ],
            "dependent_application_count": [len(apps) for apps in applications],
        }
    )
    missing = _unconnected(snapshot, target, a_site, b_site)
    unreached = Message("gs.link.unreached")
    if missing:
        table = pd.concat(
            [
                table,
                pd.DataFrame(
                    [
                        {
                            "municipality": code,
                            "link": "",
                            "a_site": "",
                            "b_site": "",
                            "kind": "",
                            "bandwidth_mbps": 0.0,
                            "redundant": False,
                            "min_bandwidth_mbps": minimum,
                            "redundancy_required": redundancy,
                            "meets_bandwidth": False,
                            "meets_redundancy": False,
                            "compliant": False,
                            "detail": str(unreached),
                            "detail_message": unreached,
                            "dependent_applications": "",
                            "dependent_application_count": 0,
                        }
                        for code in missing
                    ]
                ),
            ],
            ignore_index=True,
        )
    return (
        table.loc[:, list(INTERCONNECT_COLUMNS)]
        .sort_values(["compliant", "municipality", "link"])
        .reset_index(drop=True)
    )


def _unconnected(
    snapshot: InventorySnapshot, target: TargetArchitecture, a_site: pd.Series, b_site: pd.Series
) -> list[str]:
    if target.datacentres is None:
        return []
    network = nx.Graph()
    network.add_edges_from(zip(a_site, b_site, strict=True))
    hubs = [
        site
        for site in (target.datacentres.primary, target.datacentres.secondary)
        if site and site in network
    ]
    reached: set[str] = set()
    for hub in hubs:
        reached |= nx.node_connected_component(network, hub)
    # the municipalities holding the datacentres are there, linked to anything or not
    reached_codes = {site.split(":", 1)[0] for site in reached} | {
        site.split(":", 1)[0]
        for site in (target.datacentres.primary, target.datacentres.secondary)
        if site
    }
    return [code for code in snapshot.municipalities if code not in reached_codes]
