"""Assets: every record of an inventory as the analyses count it, derived in one place.

Overlap (``analyse.overlap``) and the gap report (``gap.blocks``) read the same asset
rows, so one report can never classify a server two ways or name a product twice.

==============  ============  ====================================  =====================
record kind     domain        capability                            count
==============  ============  ====================================  =====================
server          datacentre    ``hypervisor`` (a hypervisor host),   1
                              ``appliance``, else ``server_os``
platform        its capab.'s  the platform's capability             1
client          clients       ``client_os``; printers and IP        ``quantity`` (fleets)
                              phones (firmware): their kind
network_device  network       its role (``access_switch``, ...)     ``quantity``
storage         datacentre    its kind (``san``, ``nas``, ...)      1
application     applications  its business area (``other``)         1
==============  ============  ====================================  =====================

A **hypervisor host** is a server that is not virtual and has the role ``hypervisor``,
or runs a hypervisor product (``HYPERVISOR_PRODUCTS``: ESXi, Hyper-V, AHV, ...), or is
a physical member of a cluster (a cluster is a hypervisor cluster, ``models.Server``).
An **appliance** is a server of kind ``appliance`` or with an appliance OS that is no
hypervisor host.

The **product** of an asset is the normaliser's (``Normaliser.match``; the OS of
servers, clients and network devices, the model of storage, the product of platforms
and applications); one it does not identify keeps its written identity
(``identity.product_identity``: ``unlisted:<vendor>:<name>``, its title marked
``(unmatched, review)`` where the matcher passed candidates over). A network device or
storage system that names no model is named by its vendor.

The **lifecycle state** (``lifecycle.lifecycle_frame``) is the release cycle's in the
lifecycle catalogue; a device's own support end (a client's ``support_end``, a network
device's or storage system's ``warranty_end``) decides where the catalogue has no date,
and the earlier of the two where both are given. ``inventory lifecycle`` counts the same
rows (``lifecycle_report.LIFECYCLE_SOURCES`` are these sources).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from inventory.analyse.frames import fold_rows
from inventory.analyse.graph import node_id
from inventory.analyse.identity import product_identity
from inventory.analyse.lifecycle import lifecycle_frame, lifecycle_notes
from inventory.analyse.normalise import Normaliser
from inventory.analyse.normalise_review import ProductSource, normalise_snapshot
from inventory.analyse.os_family import os_families
from inventory.models.enums import BusinessArea, ClientKind, NetworkRole, StorageKind
from inventory.snapshot import InventorySnapshot

#: Where each record kind names the product an asset is counted on.
ASSET_SOURCES: tuple[ProductSource, ...] = (
    ProductSource("server", "os", None, "os_product", "os_version", role="server"),
    ProductSource("platform", "software", "vendor", "product", "version"),
    ProductSource("client", "os", None, "os_product", "os_version", role="client"),
    ProductSource(
        "network_device", "os", "vendor", "model", "os_version", fallback="vendor", role="network"
    ),
    ProductSource(
        "storage", "hardware", "vendor", "model", "version", fallback="vendor", role="storage"
    ),
    ProductSource("application", "software", "vendor", "product", "version", fallback="name"),
)
#: Every record kind that gives assets, in the order of ``ASSET_SOURCES``.
ASSET_KINDS: tuple[str, ...] = tuple(source.kind for source in ASSET_SOURCES)

ASSET_COLUMNS = (
    "municipality",
    "kind",
    "record_id",
    "node",
    "domain",
    "capability",
    "block_id",
    "product_id",
    "title",
    "cycle",
    "product_written",
    "version_written",
    "count",
    "user_group",
    "lifecycle_state",
    "eol",
    "lifecycle_note",
)

#: Products that make a server a hypervisor host whatever its role says.
HYPERVISOR_PRODUCTS = frozenset(
    {"vmware-esxi", "hyper-v", "nutanix-ahv", "proxmox-ve", "xenserver", "citrix-hypervisor"}
)

#: Client kinds whose software is firmware, not a managed operating system: their
#: capability is their kind (a device replaced at its end, never an OS upgraded).
FIRMWARE_CLIENT_KINDS = frozenset({"printer", "ip_phone"})

#: Capabilities of devices for which a target sets no product standard: kept, and
#: replaced like for like at their end of life (network roles, storage kinds, firmware).
HARDWARE_CAPABILITIES = frozenset(
    {role.value for role in NetworkRole}
    | {kind.value for kind in StorageKind}
    | FIRMWARE_CLIENT_KINDS
)

#: The domains, in the order every table, section and diagram lists them: the one list
#: (gap contracts, readiness, the report's gap sections, overlap and the views read it).
DOMAINS: tuple[str, ...] = ("network", "datacentre", "platforms", "clients", "applications")

#: Which domain a capability belongs to (``platforms`` unless listed): the one mapping
#: every analysis, report section and diagram uses (``domain_of``).
CAPABILITY_DOMAIN: dict[str, str] = {
    "hypervisor": "datacentre",
    "server_os": "datacentre",
    "appliance": "datacentre",
    "backup": "datacentre",
    "database": "datacentre",
    "file_storage": "datacentre",
    "dns_dhcp": "network",
    "public_wifi": "network",
    "remote_access": "network",
    "client_os": "clients",
    "endpoint_management": "clients",
    "client_management": "clients",  # overlap: devices per managing platform
    "endpoint_security": "clients",
    "print": "clients",
    **{role.value: "network" for role in NetworkRole},
    **{kind.value: "datacentre" for kind in StorageKind},
    **dict.fromkeys(FIRMWARE_CLIENT_KINDS, "clients"),
    # Business applications: their business area is their capability.
    **{area.value: "applications" for area in BusinessArea},
    "other": "applications",
}
assert {kind.value for kind in ClientKind} >= FIRMWARE_CLIENT_KINDS


def domain_of(capability: str) -> str:
    """The domain of a capability (``platforms`` unless listed in ``CAPABILITY_DOMAIN``)."""
    return CAPABILITY_DOMAIN.get(capability, "platforms")


assert set(CAPABILITY_DOMAIN.values()) <= set(DOMAINS)


#: The client columns an asset row is made of: client rows equal in these are one fleet.
CLIENT_FLEET_KEYS = (
    "municipality",
    "kind",
    "os_product",
    "os_version",
    "user_group",
    "support_end",
)


def client_fleets(
    snapshot: InventorySnapshot, fleet_keys: Sequence[str] = CLIENT_FLEET_KEYS
) -> InventorySnapshot:
    """The snapshot with its client rows folded into fleets (``frames.fold_rows``).

    A fleet is the client rows equal in ``CLIENT_FLEET_KEYS``: its row is the first of
    them, with ``quantity`` their device count (``quantity``, 1 where empty) and
    ``records`` their number. Every other table is the snapshot's own (not copied).
    """
    clients = snapshot.table("client")
    keys = [key for key in fleet_keys if key in clients.columns]
    devices = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1).astype("int64")
    fleets = fold_rows(clients, keys, {"quantity": devices}).loc[
        :, ["id", *keys, "quantity", "records"]
    ]
    return InventorySnapshot(
        tables={**snapshot.tables, "client": fleets}, references=snapshot.references
    )


def empty_assets(columns: Sequence[str] = ASSET_COLUMNS) -> pd.DataFrame:
    """No assets, typed as ``derive_assets`` types them."""
    return pd.DataFrame(
        {
            name: pd.Series(dtype="int64" if name in ("count", "records") else object)
            for name in columns
        }
    )


def derive_assets(
    snapshot: InventorySnapshot,
    normaliser: Normaliser,
    as_of: dt.date | None,
    horizon_months: int = 12,
    *,
    kinds: Sequence[str] = ASSET_KINDS,
    fleets: bool = False,
) -> pd.DataFrame:
    """One row per asset (``ASSET_COLUMNS``) of the record ``kinds`` (module docstring).

    ``count`` is the number of devices (a client or network row may stand for many);
    ``node`` the asset's graph node id (empty for clients, which the graph folds into
    fleets). ``as_of``: the date of the lifecycle states (``ending`` = within
    ``horizon_months``); ``None`` leaves them out (``unknown``), for analyses that do
    not need them (overlap).

    ``fleets``: one row per client fleet (``client_fleets``; ``record_id`` is its first
    row's) and a ``records`` column (the inventory rows each asset row stands for). Every
    sum and count over the assets is the same; two million client rows become a few
    thousand asset rows.
    """
    if fleets:
        snapshot = client_fleets(snapshot)
    columns = [*ASSET_COLUMNS, "records"] if fleets else list(ASSET_COLUMNS)
    sources = tuple(source for source in ASSET_SOURCES if source.kind in kinds)
    normalised = normalise_snapshot(snapshot, normaliser, sources)
    if normalised.empty:
        return empty_assets(columns)
    kind = normalised["kind"]
    capability = pd.Series("", index=normalised.index, dtype=object)
    for record_kind, column in (
        ("platform", "capability"),
        ("network_device", "role"),
        ("storage", "kind"),
        ("application", "business_area"),
    ):
        rows = kind == record_kind
        if rows.any():
            capability.loc[rows] = _lookup(snapshot, record_kind, column, normalised, rows)
    capability = capability.where(capability.notna() & (capability != ""), None)
    capability.loc[kind == "application"] = capability[kind == "application"].fillna("other")
    servers = kind == "server"
    if servers.any():
        capability.loc[servers] = server_capability(snapshot, normalised, servers, normaliser)
    clients = kind == "client"
    user_group = pd.Series(None, index=normalised.index, dtype=object)
    if clients.any():
        device = _lookup(snapshot, "client", "kind", normalised, clients)
        firmware = device.isin(FIRMWARE_CLIENT_KINDS)
        capability.loc[clients] = device.where(firmware, "client_os")
        user_group.loc[clients] = _lookup(snapshot, "client", "user_group", normalised, clients)
    assets = normalised.assign(capability=capability.astype(object), user_group=user_group)
    assets = assets[assets["capability"].notna()]
    # a product outside the catalogue: one identity, as the target derives it too
    product_key, title = product_identity(
        assets["product_id"],
        assets["title"],
        assets["vendor_written"],
        assets["product_written"],
        assets["status"],
    )
    cycle = assets["cycle"].astype(object)
    assets = assets.assign(
        product_id=product_key,
        title=title,
        domain=assets["capability"].map(domain_of),
        block_id=assets["capability"] + ":" + product_key + ":" + cycle.where(cycle.notna(), "-"),
        node=[
            node_id(m, k, r) if k != "client" else ""
            for m, k, r in zip(
                assets["municipality"].tolist(),
                assets["kind"].tolist(),
                assets["record_id"].tolist(),
                strict=True,
            )
        ],
        count=pd.to_numeric(assets["count"]).astype("int64"),
    )
    if as_of is not None:
        lifecycle = lifecycle_frame(assets, as_of, horizon_months, normaliser=normaliser)
        assets = pd.concat([assets, lifecycle[["lifecycle_state", "eol"]]], axis=1)
        # why a date is not simply the catalogue's (edition unknown, a device's own end)
        assets["lifecycle_note"] = lifecycle_notes(assets.get("note"), lifecycle["lifecycle_note"])
    else:
        assets = assets.assign(lifecycle_state="unknown", eol=None, lifecycle_note="")
    if fleets:
        assets["records"] = _records(snapshot, assets)
    return assets.loc[:, columns].reset_index(drop=True)


def hypervisor_hosts(
    server_kind: pd.Series, role: pd.Series, cluster: pd.Series, product_id: pd.Series
) -> pd.Series:
    """Which servers are hypervisor hosts (module docstring), aligned with the inputs."""
    kind = server_kind.astype(object).where(server_kind.notna(), "").astype(str)
    by_role = role.astype(object).where(role.notna(), "").astype(str) == "hypervisor"
    by_product = product_id.isin(HYPERVISOR_PRODUCTS)
    in_cluster = (
        cluster.notna()
        & (cluster.astype(object).astype(str).str.strip() != "")
        & (kind == "physical")
    )
    return (kind != "virtual") & (by_role | by_product | in_cluster)


def server_capability(
    snapshot: InventorySnapshot, normalised: pd.DataFrame, rows: pd.Series, normaliser: Normaliser
) -> pd.Series:
    """``hypervisor``, ``appliance`` or ``server_os`` of the server rows of ``normalised``."""
    product_id = normalised.loc[rows, "product_id"]
    kind = _lookup(snapshot, "server", "kind", normalised, rows)
    hypervisor = hypervisor_hosts(
        kind,
        _lookup(snapshot, "server", "role", normalised, rows),
        _lookup(snapshot, "server", "cluster", normalised, rows),
        product_id,
    )
    # an appliance is upgraded by its vendor, never moved to a general-purpose server OS
    appliance = ~hypervisor & (
        kind.eq("appliance") | os_families(normaliser, product_id).eq("appliance")
    )
    capability = pd.Series("server_os", index=product_id.index, dtype=object)
    capability[appliance] = "appliance"
    capability[hypervisor] = "hypervisor"
    return capability


def _lookup(
    snapshot: InventorySnapshot, kind: str, column: str, normalised: pd.DataFrame, rows: pd.Series
) -> pd.Series:
    """``column`` of the ``kind`` record of each selected row (missing as ``None``)."""
    frame = snapshot.table(kind)
    index = normalised.index[rows.to_numpy()]
    if frame.empty or column not in frame.columns:
        return pd.Series(None, index=index, dtype=object)
    values = frame[column].astype(object)  # stored enums are text (str members compare)
    lookup = pd.Series(
        values.where(values.notna(), None).to_numpy(),
        index=pd.MultiIndex.from_arrays([frame["municipality"], frame["id"]]),
        dtype=object,
    )
    lookup = lookup[~lookup.index.duplicated()]
    keys = pd.MultiIndex.from_frame(normalised.loc[index, ["municipality", "record_id"]])
    return pd.Series(lookup.reindex(keys).to_numpy(), index=index, dtype=object)


def _records(snapshot: InventorySnapshot, assets: pd.DataFrame) -> np.ndarray:
    """The inventory rows each asset row stands for: a fleet's ``records``, else 1."""
    records = np.ones(len(assets), dtype="int64")
    fleets = snapshot.table("client")
    is_client = (assets["kind"] == "client").to_numpy()
    if is_client.any():
        lookup = pd.Series(
            fleets["records"].to_numpy(),
            index=pd.MultiIndex.from_arrays([fleets["municipality"], fleets["id"]]),
        )
        lookup = lookup[~lookup.index.duplicated()]
        keys = pd.MultiIndex.from_frame(assets.loc[is_client, ["municipality", "record_id"]])
        records[is_client] = lookup.reindex(keys).to_numpy(dtype="int64")
    return records
