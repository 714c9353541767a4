"""Datacentre capacity ("hallplanering"): can the target datacentres host what moves there?

Every site that holds servers or storage, or is a datacentre, server room or colocation,
gets a row: what it holds (physical servers and storage in rack units and kW), its free
rack units and power headroom, and its role in the target (``primary``, ``secondary`` or
``evacuate``: everything in it moves to the target datacentres). A site is ``short`` when
it has under ``MIN_FREE_RACK_SHARE`` of its rack units free or under
``MIN_POWER_HEADROOM_SHARE`` of its power capacity spare.

The consolidation verdict compares what moves (physical servers and storage outside the
primary and secondary site; a server without ``rack_units``/``power_w`` counts with the
target's defaults) with the free rack units and spare kW of the primary, the secondary and
both together.

The compute check (``compute_capacity``) does the same for the virtual machines that move
onto the target clusters: their vCPU, RAM and disk against what the hypervisor hosts and
datastores at the primary and secondary datacentre offer (cores x the target's vCPU per
core, RAM x its usable share, datastore capacity x its usable share), less what the VMs
already there use (docs/method.md#consolidation). A physical server at a site given up whose
hardware support ends by the horizon (``worn_out``) is re-platformed onto those clusters
(``eol_plan.replatform_items``): its cores (one vCPU each), RAM and disk count among what
moves, at the stated ``REPLATFORM_*`` sizes where the inventory does not give them; neither
it nor a worn-out hypervisor host (retired, its VMs moved) takes rack units or kW there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from inventory.analyse.lifecycle import add_months
from inventory.gap.dependents import DependencyIndex, short_name
from inventory.gap.rows import any_rows
from inventory.messages import Message, MessageList, Param, english
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

RACK_UNITS_PER_RACK = 42
MIN_FREE_RACK_SHARE = 0.10
MIN_POWER_HEADROOM_SHARE = 0.20
HOSTING_SITE_KINDS = ("datacentre", "server_room", "colocation")
DEFAULT_STORAGE_RACK_UNITS = 2
DEFAULT_STORAGE_WATTS = 500.0
#: The size of a re-platformed physical server whose inventory row gives no cores, RAM or
#: disk: a usual application-server VM (docs/method.md#consolidation).
REPLATFORM_VCPU = 4
REPLATFORM_RAM_GB = 16.0
REPLATFORM_STORAGE_GB = 100.0

SITE_COLUMNS = (
    "site",
    "municipality",
    "name",
    "kind",
    "role",
    "physical_servers",
    "storage_systems",
    "rack_units_used",
    "power_kw_used_by_assets",
    "racks_total",
    "rack_units_free",
    "power_capacity_kw",
    "power_used_kw",
    "power_free_kw",
    "short",
    "issues",
    "dependent_applications",
    "dependent_application_count",
    "issues_message",
)


@dataclass(frozen=True)
class CapacityVerdict:
    """Whether the primary and secondary datacentres can host what is consolidated."""

    primary: str | None
    secondary: str | None
    moving_physical_servers: int
    moving_storage_systems: int
    demand_rack_units: int
    demand_kw: float
    primary_free_rack_units: int
    primary_free_kw: float
    secondary_free_rack_units: int
    secondary_free_kw: float
    fits_primary: bool
    fits_combined: bool
    short_rack_units: int  # what the two sites together lack (0 when it fits)
    short_kw: float
    summary: str
    #: ``summary`` as a message, for the report's language (``summary`` is its English)
    message: Message | None = None

    def to_json(self) -> dict[str, Any]:
        return _json(self)


def qualified(municipality: pd.Series, site: pd.Series) -> pd.Series:
    """``code:site`` for a site column whose values may already be ``code:site``."""
    # one Python pass (pandas string operations cost more than they save on site tables)
    codes = municipality.astype(str).tolist()
    texts = ["" if gone else str(value) for value, gone in zip(site, site.isna(), strict=True)]
    return pd.Series(
        [
            text if not text or ":" in text else f"{code}:{text}"
            for code, text in zip(codes, texts, strict=True)
        ],
        index=site.index,
        dtype=str,
    )


def _asset_load(
    snapshot: InventorySnapshot, target: TargetArchitecture, as_of: dt.date | None = None
) -> pd.DataFrame:
    """Physical servers and storage with their site, rack units and kW, and whether they stay
    behind when their site is given up (``retiring``: a worn-out server re-platformed, a
    worn-out hypervisor host retired)."""
    defaults = target.datacentres
    server_u = defaults.rack_units_per_physical_server if defaults else 2
    server_w = defaults.watts_per_physical_server if defaults else 400.0
    servers = snapshot.table("server")
    physical = servers[servers["kind"].astype(str) != "virtual"]
    storage = snapshot.table("storage")
    parts = []
    for frame, kind, units, watts in (
        (physical, "server", server_u, server_w),
        (storage, "storage", DEFAULT_STORAGE_RACK_UNITS, DEFAULT_STORAGE_WATTS),
    ):
        if frame.empty:
            continue
        site = qualified(frame["municipality"], frame["site"])
        # (at a primary or secondary site nothing moves: ``_verdict`` leaves those out)
        retiring = worn_out(frame, target, as_of) & (
            (frame["kind"].astype(str) != "virtual")
            if kind == "server"
            else pd.Series(False, index=frame.index)
        )
        parts.append(
            pd.DataFrame(
                {
                    "municipality": frame["municipality"].astype(str),
                    "kind": kind,
                    "id": frame["id"].astype(str),
                    "site": site,
                    "rack_units": pd.to_numeric(frame["rack_units"], errors="coerce").fillna(units),
                    "kw": pd.to_numeric(frame["power_w"], errors="coerce").fillna(watts) / 1000.0,
                    "retiring": retiring.astype(bool),
                }
            )
        )
    if not parts:
        return pd.DataFrame(
            columns=["municipality", "kind", "id", "site", "rack_units", "kw", "retiring"]
        )
    return pd.concat(parts, ignore_index=True)


def site_capacity(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    dependencies: DependencyIndex,
    as_of: dt.date | None = None,
) -> tuple[pd.DataFrame, CapacityVerdict]:
    """The site table (``SITE_COLUMNS``) and the consolidation verdict. ``as_of``: the
    report date; servers whose hardware support ends by the horizon do not move (their
    workloads are re-platformed, hosts retired: ``worn_out``)."""
    primary = target.datacentres.primary if target.datacentres else None
    secondary = target.datacentres.secondary if target.datacentres else None
    load = _asset_load(snapshot, target, as_of)
    sites = snapshot.table("site").copy()
    sites["site"] = sites["municipality"].astype(str) + ":" + sites["id"].astype(str)
    # counted as sums of flags: a Python function per site group costs a thousand times more
    per_site = (
        load.assign(
            physical_servers=load["kind"].eq("server").astype("int64"),
            storage_systems=load["kind"].eq("storage").astype("int64"),
        )
        .groupby("site")
        .agg(
            physical_servers=("physical_servers", "sum"),
            storage_systems=("storage_systems", "sum"),
            rack_units_used=("rack_units", "sum"),
            power_kw_used_by_assets=("kw", "sum"),
        )
    )
    sites = sites.merge(per_site, left_on="site", right_index=True, how="left")
    hosting = (
        sites["physical_servers"].notna()
        | sites["kind"].astype(str).isin(HOSTING_SITE_KINDS)
        | sites["site"].isin([primary, secondary])
    )
    sites = sites[hosting].copy()
    for column in ("physical_servers", "storage_systems"):
        sites[column] = sites[column].fillna(0).astype("int64")
    for column in ("rack_units_used", "power_kw_used_by_assets"):
        sites[column] = sites[column].fillna(0.0).astype(float).round(2)
    racks = pd.to_numeric(sites["racks_total"], errors="coerce")
    free_u = pd.to_numeric(sites["rack_units_free"], errors="coerce")
    capacity_kw = pd.to_numeric(sites["power_capacity_kw"], errors="coerce")
    used_kw = pd.to_numeric(sites["power_used_kw"], errors="coerce")
    sites["power_free_kw"] = (capacity_kw - used_kw).round(2)
    low_space = (free_u < MIN_FREE_RACK_SHARE * racks * RACK_UNITS_PER_RACK).fillna(False)
    low_power = (sites["power_free_kw"] < MIN_POWER_HEADROOM_SHARE * capacity_kw).fillna(False)
    sites["short"] = (low_space | low_power).astype(bool)
    sites["role"] = np.select(
        [sites["site"] == primary, sites["site"] == secondary], ["primary", "secondary"], "evacuate"
    )
    issues = []
    for row in any_rows(sites):  # one per hosting site: a few per municipality
        found = []  # messages, in the report's language (``issues`` is their English)
        if (
            not pd.isna(row.rack_units_free)
            and not pd.isna(row.racks_total)
            and (row.rack_units_free < MIN_FREE_RACK_SHARE * row.racks_total * RACK_UNITS_PER_RACK)
        ):
            found.append(
                Message(
                    "gs.cap.units_short",
                    {
                        "free": int(row.rack_units_free),
                        "total": int(row.racks_total) * RACK_UNITS_PER_RACK,
                    },
                )
            )
        if (
            not pd.isna(row.power_free_kw)
            and not pd.isna(row.power_capacity_kw)
            and (row.power_free_kw < MIN_POWER_HEADROOM_SHARE * row.power_capacity_kw)
        ):
            found.append(
                Message(
                    "gs.cap.power_short",
                    {"free": float(row.power_free_kw), "total": float(row.power_capacity_kw)},
                )
            )
        for flag, key in (
            (row.fire_suppression, "gs.cap.no_fire_suppression"),
            (row.generator, "gs.cap.no_generator"),
            (row.ups, "gs.cap.no_ups"),
        ):
            if flag is False or (not pd.isna(flag) and not bool(flag)):
                found.append(Message(key))
        if row.role == "evacuate" and (row.physical_servers or row.storage_systems):
            found.append(Message("gs.cap.evacuate"))
        issues.append(MessageList(tuple(found)))
    sites["issues"] = english(issues)
    sites["issues_message"] = pd.Series(issues, index=sites.index, dtype=object)
    nodes = ["{}:site:{}".format(*site.split(":", 1)) for site in sites["site"].tolist()]
    applications = [dependencies.applications(node) for node in nodes]
    sites["dependent_applications"] = [
        ";".join(short_name(a) for a in apps) for apps in applications
    ]
    sites["dependent_application_count"] = [len(apps) for apps in applications]
    table = (
        sites.loc[:, list(SITE_COLUMNS)]
        .sort_values(["role", "short", "site"], ascending=[True, False, True])
        .reset_index(drop=True)
    )
    return table, _verdict(table, load, primary, secondary)


def _free(table: pd.DataFrame, site: str | None) -> tuple[int, float]:
    row = table[table["site"] == site]
    if site is None or row.empty:
        return 0, 0.0
    units = pd.to_numeric(row["rack_units_free"], errors="coerce").fillna(0).iloc[0]
    kw = pd.to_numeric(row["power_free_kw"], errors="coerce").fillna(0).iloc[0]
    return int(units), float(kw)


def _verdict(
    table: pd.DataFrame, load: pd.DataFrame, primary: str | None, secondary: str | None
) -> CapacityVerdict:
    retiring = (
        load["retiring"].astype(bool)
        if "retiring" in load.columns
        else pd.Series(False, index=load.index)
    )
    moving = load[~load["site"].isin([primary, secondary]) & ~retiring]
    demand_u = int(moving["rack_units"].sum())
    demand_kw = round(float(moving["kw"].sum()), 2)
    primary_u, primary_kw = _free(table, primary)
    secondary_u, secondary_kw = _free(table, secondary)
    fits_primary = primary is not None and demand_u <= primary_u and demand_kw <= primary_kw
    combined_u, combined_kw = primary_u + secondary_u, primary_kw + secondary_kw
    fits_combined = primary is not None and demand_u <= combined_u and demand_kw <= combined_kw
    short_u = max(0, demand_u - combined_u)
    short_kw = round(max(0.0, demand_kw - combined_kw), 2)
    figures: dict[str, Param] = {
        "primary": primary or "",
        "secondary": secondary or "",
        "units": demand_u,
        "kw": demand_kw,
    }
    if primary is None:
        message = Message("gs.cap.no_primary")
    elif fits_primary:
        message = Message(
            "gs.cap.fits_primary", {**figures, "free_units": primary_u, "free_kw": primary_kw}
        )
    elif fits_combined:
        message = Message(
            "gs.cap.fits_combined", {**figures, "free_units": combined_u, "free_kw": combined_kw}
        )
    else:
        message = Message("gs.cap.lacks", {**figures, "short_units": short_u, "short_kw": short_kw})
    summary = str(message)
    return CapacityVerdict(
        primary=primary,
        secondary=secondary,
        moving_physical_servers=int((moving["kind"] == "server").sum()),
        moving_storage_systems=int((moving["kind"] == "storage").sum()),
        demand_rack_units=demand_u,
        demand_kw=demand_kw,
        primary_free_rack_units=primary_u,
        primary_free_kw=primary_kw,
        secondary_free_rack_units=secondary_u,
        secondary_free_kw=secondary_kw,
        fits_primary=fits_primary,
        fits_combined=fits_combined,
        short_rack_units=short_u,
        short_kw=short_kw,
        summary=summary,
        message=message,
    )


COMPUTE_COLUMNS = ("resource", "unit", "moving", "capacity", "in_use", "free", "short", "fits")
#: Storage kinds that hold VM datastores (backup targets and tape do not).
DATASTORE_KINDS = ("san", "nas", "object")
_RESOURCE_UNITS = {"vcpu": "vCPU", "ram": "GB", "storage": "TB"}


@dataclass(frozen=True)
class ComputeVerdict:
    """Whether the target clusters can run the virtual machines that move onto them."""

    sites: tuple[str, ...]
    moving_vms: int
    unplaced_vms: int  # virtual servers whose site is not known: not counted
    hosts: int
    fits: bool
    summary: str
    #: ``summary`` as a message, for the report's language (``summary`` is its English)
    message: Message | None = None
    #: physical servers re-platformed onto the clusters (counted among what moves)
    replatformed_servers: int = 0
    #: of those, how many are counted at a ``REPLATFORM_*`` size (cores, RAM or disk unknown)
    assumed_sizes: int = 0

    def to_json(self) -> dict[str, Any]:
        return _json(self)


def _json(verdict: CapacityVerdict | ComputeVerdict) -> dict[str, Any]:
    """The verdict's fields, its message as text, key and parameters."""
    data = {name: value for name, value in vars(verdict).items() if name != "message"}
    data["message"] = verdict.message.to_json() if verdict.message is not None else None
    return data


def server_sites(snapshot: InventorySnapshot) -> pd.Series:
    """``code:site`` of every server: its own, else its cluster's hosts', else its host's
    (empty when none is known); aligned with the server table."""
    servers = snapshot.table("server")
    own = qualified(servers["municipality"], servers["site"])
    keyed = servers.assign(_site=own)
    hosts = keyed[(keyed["kind"].astype(str) != "virtual") & (keyed["_site"] != "")]
    cluster_site = (
        hosts.dropna(subset=["cluster"])
        .groupby([hosts["municipality"], "cluster"])["_site"]
        .first()
    )
    host_site = hosts.set_index(["municipality", "id"])["_site"]
    host_site = host_site[~host_site.index.duplicated()]
    by_cluster = pd.Series(
        cluster_site.reindex(
            pd.MultiIndex.from_arrays([servers["municipality"], servers["cluster"]])
        ).to_numpy(),
        index=servers.index,
    )
    by_host = pd.Series(
        host_site.reindex(
            pd.MultiIndex.from_arrays([servers["municipality"], servers["host"]])
        ).to_numpy(),
        index=servers.index,
    )
    site = own.where(own != "", by_cluster.where(by_cluster.notna(), by_host))
    return site.fillna("").astype(str)


def hypervisor_hosts(servers: pd.DataFrame) -> pd.Series:
    """Physical servers that are hypervisor hosts: role ``hypervisor`` or a cluster named
    (a host names its cluster; a virtual server's cluster is where it runs)."""
    physical = servers["kind"].astype(str) == "physical"
    return physical & (servers["role"].astype(str).eq("hypervisor") | servers["cluster"].notna())


def worn_out(servers: pd.DataFrame, target: TargetArchitecture, as_of: dt.date | None) -> pd.Series:
    """Which ``servers`` rows' hardware support (``warranty_end``) ends by the horizon
    (``as_of`` + the target's ``lifecycle.horizon_months``); none when ``as_of`` is None."""
    if as_of is None or servers.empty or "warranty_end" not in servers.columns:
        return pd.Series(False, index=servers.index, dtype=bool)
    horizon = pd.Timestamp(add_months(as_of, target.lifecycle.horizon_months))
    end = pd.to_datetime(servers["warranty_end"], errors="coerce")
    return (end.notna() & (end <= horizon)).astype(bool)


def replatformed(
    servers: pd.DataFrame, leaving: pd.Series, target: TargetArchitecture, as_of: dt.date | None
) -> pd.Series:
    """Which ``servers`` rows are re-platformed onto the target clusters instead of moved:
    not virtual, no hypervisor host, at a site given up (``leaving``, aligned) and worn out
    (``worn_out``)."""
    return (
        leaving
        & (servers["kind"].astype(str) != "virtual")
        & ~hypervisor_hosts(servers)
        & worn_out(servers, target, as_of)
    ).astype(bool)


def retired_hosts(
    servers: pd.DataFrame, leaving: pd.Series, target: TargetArchitecture, as_of: dt.date | None
) -> pd.Series:
    """Which ``servers`` rows are hypervisor hosts at a site given up (``leaving``) whose
    hardware support ends by the horizon: not moved, retired once their VMs have moved onto
    the target clusters (``eol_plan.host_retirement_items``)."""
    return (leaving & hypervisor_hosts(servers) & worn_out(servers, target, as_of)).astype(bool)


def _number(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce").astype(float)


def compute_capacity(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    sites: pd.Series | None = None,
    as_of: dt.date | None = None,
    switched_off: Collection[str] = (),
) -> tuple[pd.DataFrame, ComputeVerdict]:
    """The compute check (``COMPUTE_COLUMNS``: one row per resource) and its verdict.

    What moves: the virtual servers placed (through their cluster or host) at a site that
    is neither the primary nor the secondary datacentre, and the physical servers there
    that are re-platformed onto the clusters (``replatformed``, given ``as_of``): one vCPU
    per physical core, their RAM and disk, a ``REPLATFORM_*`` size for what their row does
    not give (the verdict counts them). A server in ``switched_off`` (``code:id``: its move
    dropped by a sequencing rule, ``plan.drop_superseded``) moves nowhere. What is there:
    the hypervisor hosts at those two sites (cores x ``vcpu_per_core``, RAM x
    ``usable_ram_share``) and their datastores (SAN, NAS, object storage: capacity x
    ``usable_storage_share``); in use: the VMs already placed there and the datastores'
    used TB. A VM without ``cpu_cores``/``ram_gb``/``storage_gb`` adds nothing to that
    figure (the verdict counts them). ``sites``: ``server_sites`` when already computed.
    """
    centres = target.datacentres
    targets = tuple(
        site for site in ((centres.primary, centres.secondary) if centres else ()) if site
    )
    servers = snapshot.table("server")
    site = server_sites(snapshot) if sites is None else sites
    virtual = servers["kind"].astype(str) == "virtual"
    at_target = site.isin(targets)
    kept = ~(servers["municipality"].astype(str) + ":" + servers["id"].astype(str)).isin(
        set(switched_off)
    )
    leaving = ~at_target & (site != "") & kept
    moving = servers[virtual & leaving]
    # (``replatformed`` and ``retired_hosts`` of these servers, their parts computed once)
    hypervisors = hypervisor_hosts(servers)
    worn = worn_out(servers, target, as_of)
    converted = servers[(leaving & ~virtual & ~hypervisors & worn).astype(bool)]
    # hosts that move with sound hardware could add to the clusters; retired ones cannot
    retiring = (leaving & hypervisors & worn).astype(bool)
    sound = int((hypervisors & leaving & ~retiring).sum())
    movable = sound if retiring.any() else 1  # (no host retired: the advice as before)
    sized = {column: _number(converted, column) for column in ("cpu_cores", "ram_gb", "storage_gb")}
    assumed = int(pd.concat(sized.values(), axis=1).isna().any(axis=1).sum())
    resident = servers[virtual & at_target]
    hosts = servers[hypervisors & at_target]
    storage = snapshot.table("storage")
    stores = storage[
        storage["kind"].astype(str).isin(DATASTORE_KINDS)
        & qualified(storage["municipality"], storage["site"]).isin(targets)
    ]
    ratio = centres.vcpu_per_core if centres else 4.0
    ram_share = centres.usable_ram_share if centres else 0.75
    disk_share = centres.usable_storage_share if centres else 0.7
    rows = []
    for resource, need, capacity, used in (
        (
            "vcpu",
            _number(moving, "cpu_cores").sum() + sized["cpu_cores"].fillna(REPLATFORM_VCPU).sum(),
            _number(hosts, "cpu_cores").sum() * ratio,
            _number(resident, "cpu_cores").sum(),
        ),
        (
            "ram",
            _number(moving, "ram_gb").sum() + sized["ram_gb"].fillna(REPLATFORM_RAM_GB).sum(),
            _number(hosts, "ram_gb").sum() * ram_share,
            _number(resident, "ram_gb").sum(),
        ),
        (
            "storage",
            (
                _number(moving, "storage_gb").sum()
                + sized["storage_gb"].fillna(REPLATFORM_STORAGE_GB).sum()
            )
            / 1000.0,
            _number(stores, "capacity_tb").sum() * disk_share,
            _number(stores, "used_tb").sum(),
        ),
    ):
        free = capacity - used
        rows.append(
            {
                "resource": resource,
                "unit": _RESOURCE_UNITS[resource],
                "moving": round(float(need), 1),
                "capacity": round(float(capacity), 1),
                "in_use": round(float(used), 1),
                "free": round(float(free), 1),
                "short": round(max(0.0, float(need - free)), 1),
                "fits": bool(need <= free),
            }
        )
    table = pd.DataFrame(rows, columns=list(COMPUTE_COLUMNS))
    unplaced = int((virtual & (site == "")).sum())
    return table, _compute_verdict(
        table, targets, len(moving), unplaced, len(hosts), len(converted), assumed, movable
    )


def _compute_verdict(
    table: pd.DataFrame,
    sites: tuple[str, ...],
    moving: int,
    unplaced: int,
    hosts: int,
    converted: int = 0,
    assumed: int = 0,
    movable_hosts: int = 1,
) -> ComputeVerdict:
    fits = bool(table["fits"].all())
    where = MessageList(
        tuple(Message("gs.plain", {"text": site}) for site in sites), separator=" & "
    )
    parts = MessageList(
        tuple(
            Message(
                "gs.compute.part",
                {
                    "moving": round(float(row.moving)),
                    "unit": str(row.unit),
                    "free": round(float(row.free)),
                },
            )
            for row in any_rows(table)
        )
    )
    figures: dict[str, Param] = {
        "where": where,
        "hosts": Message("gs.n.host", {"count": hosts}),
        "moving": Message("gs.n.moving_vm", {"count": moving}),
        "parts": parts,
    }
    # what moves, said as it is: VMs, re-platformed servers or both (the check counts both)
    if converted:
        replatformed = Message("gs.n.replatformed", {"count": converted})
        figures["what"] = (
            Message(
                "gs.compute.what_both",
                {"vms": Message("gs.n.moving_vm", {"count": moving}), "servers": replatformed},
            )
            if moving
            else replatformed
        )
    with_servers = "_with" if converted else ""
    if not sites:
        message = Message("gs.compute.no_datacentre")
    elif moving == 0 and converted == 0:
        message = Message("gs.compute.nothing_moves", {"where": where})
    elif fits:
        message = Message(f"gs.compute.fits{with_servers}", figures)
    else:
        short = MessageList(
            tuple(
                Message(
                    f"gs.compute.short_{row.resource}",
                    {"short": round(float(row.short)), "unit": str(row.unit)},
                )
                for row in any_rows(table)
                if not row.fits
            ),
            separator=" + ",
        )
        # "or bring hosts from the evacuated sites" only where a host there is sound
        add = "" if movable_hosts else "_add"
        message = Message(f"gs.compute.lacks{with_servers}{add}", {**figures, "short": short})
    if sites and assumed:
        message = Message(
            "gs.compute.assumed",
            {
                "verdict": message,
                "count": assumed,
                "vcpu": REPLATFORM_VCPU,
                "ram": round(REPLATFORM_RAM_GB),
                "disk": round(REPLATFORM_STORAGE_GB),
            },
        )
    if unplaced:
        message = Message("gs.compute.unplaced", {"verdict": message, "unplaced": unplaced})
    return ComputeVerdict(
        sites=sites,
        moving_vms=moving,
        unplaced_vms=unplaced,
        hosts=hosts,
        fits=fits,
        summary=str(message),
        message=message,
        replatformed_servers=converted,
        assumed_sizes=assumed,
    )
