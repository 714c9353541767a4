"""Building blocks: what the inventory runs (baseline) and what the target allows.

The baseline is read column-wise from the normalised inventory (``normalise_snapshot``):

* platforms give a block for their capability (``p-vsphere`` -> ``hypervisor``);
* servers give a block for their operating system: ``hypervisor`` for hypervisor hosts
  (role ``hypervisor`` or an ESXi / Hyper-V / AHV / Proxmox product), ``server_os`` else;
* clients give a ``client_os`` block, weighted by ``quantity``.

A baseline building block is one (capability, canonical product, release cycle); its
assets are the records (or client devices) on it. Server hardware, storage and network
devices are not product blocks: the target sets no product standard for them, and they
are covered by the capacity, interconnect and effort parts. Business applications are
blocks of the ``applications`` domain (capability = business area) when the target has
an ``applications`` section (``applications.application_assets``).

The matrix (``gap_matrix``) places each baseline block in exactly one of

* ``included``: an allowed product at or above the minimum version (or no minimum);
* ``changed``: an allowed product below the minimum version (or a version that cannot be
  verified): upgrade;
* ``eliminated``: not an allowed product, with ``reason`` ``end_of_life`` (the block is
  past its end of life), ``replaced_by_target`` (the capability has a target product) or
  ``not_in_target`` (the target names nothing for the capability: check whether that is
  intended);

and marks each target block no baseline block is included in as ``new``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from inventory.analyse.business_catalogue import business_catalogue
from inventory.analyse.graph import node_id
from inventory.analyse.identity import product_identity, product_label, same_unlisted, unlisted_id
from inventory.analyse.lifecycle import lifecycle_frame, lifecycle_notes
from inventory.analyse.normalise import Normaliser
from inventory.analyse.normalise_review import ProductSource, normalise_snapshot
from inventory.analyse.os_family import FAMILY_NAMES, os_families, os_family
from inventory.gap.rows import any_rows, fold_rows
from inventory.models.enums import BusinessArea
from inventory.snapshot import InventorySnapshot
from inventory.target.model import ProductChoice, TargetArchitecture

if TYPE_CHECKING:
    from inventory.gap.applications import FunctionGroup

#: The domains of the gap report, in the order reports list them.
DOMAINS: tuple[str, ...] = ("network", "datacentre", "platforms", "clients", "applications")

#: Which domain a capability belongs to.
CAPABILITY_DOMAIN: dict[str, str] = {
    "hypervisor": "datacentre", "server_os": "datacentre", "appliance": "datacentre",
    "backup": "datacentre",
    "database": "datacentre", "file_storage": "datacentre",
    "dns_dhcp": "network", "public_wifi": "network", "remote_access": "network",
    "client_os": "clients", "endpoint_management": "clients",
    "endpoint_security": "clients", "print": "clients",
    # Business applications: their business area is their capability.
    **{area.value: "applications" for area in BusinessArea},
}
#: Products that make a server a hypervisor host whatever its role says.
HYPERVISOR_PRODUCTS = frozenset({"vmware-esxi", "hyper-v", "nutanix-ahv", "proxmox-ve",
                                 "xenserver", "citrix-hypervisor"})

#: Client kinds whose software is firmware, not a managed operating system.
FIRMWARE_CLIENT_KINDS = frozenset({"printer", "ip_phone"})

_SOURCES = (
    ProductSource("platform", "software", "vendor", "product", "version"),
    ProductSource("server", "os", None, "os_product", "os_version", role="server"),
    ProductSource("client", "os", None, "os_product", "os_version", role="client"),
)

ASSET_COLUMNS = ("municipality", "kind", "record_id", "node", "domain", "capability",
                 "block_id", "product_id", "title", "cycle", "product_written",
                 "version_written", "count", "user_group", "lifecycle_state", "eol",
                 "lifecycle_note")


def domain_of(capability: str) -> str:
    """The domain of a capability (``platforms`` unless listed in ``CAPABILITY_DOMAIN``)."""
    return CAPABILITY_DOMAIN.get(capability, "platforms")


def slug(text: object) -> str:
    """A product name as a key part: lower case, runs of other characters as ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).casefold()).strip("-") or "unknown"


_slug = slug


#: The client columns an asset row is made of: client rows equal in these are one fleet.
CLIENT_FLEET_KEYS = ("municipality", "kind", "os_product", "os_version", "user_group",
                     "support_end")


def client_fleets(snapshot: InventorySnapshot) -> InventorySnapshot:
    """The snapshot with its client rows folded into fleets (``rows.fold_rows``).

    A fleet is the client rows equal in ``CLIENT_FLEET_KEYS``: its row is the first of
    them, with ``quantity`` their device count (``quantity``, 1 where empty) and
    ``records`` their number. Every other table is the snapshot's own (not copied).
    """
    clients = snapshot.table("client")
    keys = [key for key in CLIENT_FLEET_KEYS if key in clients.columns]
    devices = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1).astype("int64")
    fleets = fold_rows(clients, keys, {"quantity": devices}).loc[
        :, ["id", *keys, "quantity", "records"]]
    return InventorySnapshot(tables={**snapshot.tables, "client": fleets},
                             references=snapshot.references)


def baseline_assets(snapshot: InventorySnapshot, normaliser: Normaliser, as_of: dt.date,
                    horizon_months: int = 12, *, fleets: bool = False) -> pd.DataFrame:
    """One row per asset and product (``ASSET_COLUMNS``), with capability and lifecycle.

    ``count`` is the number of devices (client rows may stand for many); ``node`` the
    asset's graph node id (empty for clients, which the graph aggregates into fleets).

    ``fleets``: one row per client fleet (``client_fleets``: the client rows that agree
    on everything an asset row shows; ``record_id`` is its first row's), not per client
    row, and a ``records`` column (the inventory rows each asset row stands for, 1 but
    for fleets). Every sum and count over the assets is the same; a national inventory's
    two million client rows become a few thousand asset rows.
    """
    if fleets:
        snapshot = client_fleets(snapshot)
    columns = [*ASSET_COLUMNS, "records"] if fleets else list(ASSET_COLUMNS)
    normalised = normalise_snapshot(snapshot, normaliser, _SOURCES)
    if normalised.empty:
        return pd.DataFrame({name: pd.Series(dtype="int64" if name == "records" else object)
                             for name in columns})
    capability = pd.Series("", index=normalised.index, dtype=object)
    for kind, column in (("platform", "capability"), ("server", "role"),
                         ("client", "user_group")):
        frame = snapshot.table(kind)
        if frame.empty:
            continue
        lookup = frame.set_index(["municipality", "id"])[column].astype(object)
        lookup = lookup[~lookup.index.duplicated()]
        rows = normalised["kind"] == kind
        keys = pd.MultiIndex.from_frame(normalised.loc[rows, ["municipality", "record_id"]])
        capability.loc[rows] = lookup.reindex(keys).to_numpy()
    is_server = normalised["kind"] == "server"
    is_client = normalised["kind"] == "client"
    clients = snapshot.table("client")
    if not clients.empty:  # printers and IP phones run firmware, not a client OS
        device_kind = clients.set_index(["municipality", "id"])["kind"].astype(object)
        device_kind = device_kind[~device_kind.index.duplicated()]
        keys = pd.MultiIndex.from_frame(normalised.loc[is_client, ["municipality", "record_id"]])
        firmware = device_kind.reindex(keys).isin(FIRMWARE_CLIENT_KINDS).to_numpy()
        is_firmware = pd.Series(False, index=normalised.index)
        is_firmware.loc[is_client[is_client].index[firmware]] = True
    else:
        is_firmware = pd.Series(False, index=normalised.index)
    hypervisor = is_server & ((capability == "hypervisor")
                              | normalised["product_id"].isin(HYPERVISOR_PRODUCTS))
    # an appliance is upgraded by its vendor, never moved to a general-purpose server OS
    appliance = is_server & ~hypervisor & (
        _server_kind(snapshot, normalised).eq("appliance")
        | os_families(normaliser, normalised["product_id"]).eq("appliance"))
    user_group = capability.where(is_client, None)
    capability = capability.where(~is_server, "server_os")
    capability = capability.where(~hypervisor, "hypervisor")
    capability = capability.where(~appliance, "appliance")
    capability = capability.where(~is_client, "client_os")
    capability = capability.where(~is_firmware, "")
    assets = normalised.assign(capability=capability.astype(object), user_group=user_group)
    assets = assets[assets["capability"].notna() & (assets["capability"] != "")]
    # a product outside the catalogue: one identity, as overlap and the target derive it
    product_key, title = product_identity(assets["product_id"], assets["title"],
                                          assets["vendor_written"], assets["product_written"],
                                          assets["status"])
    assets = assets.assign(product_id=product_key, title=title)
    cycle = assets["cycle"].astype(object)
    assets = assets.assign(
        domain=assets["capability"].map(domain_of),
        block_id=assets["capability"] + ":" + product_key + ":" + cycle.where(
            cycle.notna(), "-"),
        node=[node_id(m, k, r) if k != "client" else "" for m, k, r in zip(
            assets["municipality"], assets["kind"], assets["record_id"], strict=True)],
    )
    lifecycle = lifecycle_frame(assets, as_of, horizon_months, normaliser=normaliser)
    assets = pd.concat([assets, lifecycle[["lifecycle_state", "eol"]]], axis=1)
    # why a date is not simply the catalogue's (edition unknown, a device's own end)
    assets["lifecycle_note"] = lifecycle_notes(assets.get("note"), lifecycle["lifecycle_note"])
    if fleets:
        assets["records"] = _records(snapshot, assets)
    return assets.loc[:, columns].reset_index(drop=True)


def _server_kind(snapshot: InventorySnapshot, normalised: pd.DataFrame) -> pd.Series:
    """The ``kind`` of each server row's record (physical, virtual, appliance)."""
    servers = snapshot.table("server")
    kinds = pd.Series(None, index=normalised.index, dtype=object)
    rows = normalised["kind"] == "server"
    if servers.empty or not rows.any() or "kind" not in servers.columns:
        return kinds
    lookup = servers.set_index(["municipality", "id"])["kind"].astype(object)
    lookup = lookup[~lookup.index.duplicated()]
    keys = pd.MultiIndex.from_frame(normalised.loc[rows, ["municipality", "record_id"]])
    kinds.loc[rows] = lookup.reindex(keys).astype(str).to_numpy()
    return kinds


def _records(snapshot: InventorySnapshot, assets: pd.DataFrame) -> np.ndarray:
    """The inventory rows each asset row stands for: a fleet's ``records``, else 1."""
    records = np.ones(len(assets), dtype="int64")
    fleets = snapshot.table("client")
    is_client = (assets["kind"] == "client").to_numpy()
    if is_client.any():
        lookup = pd.Series(fleets["records"].to_numpy(), index=pd.MultiIndex.from_arrays(
            [fleets["municipality"], fleets["id"]]))
        lookup = lookup[~lookup.index.duplicated()]
        keys = pd.MultiIndex.from_frame(assets.loc[is_client, ["municipality", "record_id"]])
        records[is_client] = lookup.reindex(keys).to_numpy(dtype="int64")
    return records


def cycle_order(normaliser: Normaliser, product_id: str | None, cycle: str | None
                ) -> tuple[float, ...] | None:
    """A sort key for a release cycle: its version numbers, else its release date.

    Numbers first: service-pack cycles (``12.0-sp3``) were released after newer versions.
    """
    if cycle is None:
        return None
    definition = normaliser.product(product_id)
    numbers = [float(part) for part in re.findall(r"\d+", cycle)]
    if numbers:
        return (0.0, *numbers)
    if definition is not None:
        release = normaliser.catalogue.release(definition.cycles_from, cycle)
        if release is not None and release.release_date is not None:
            return (1.0, float(release.release_date.toordinal()))
    return None


def cycle_at_least(normaliser: Normaliser, product_id: str | None, cycle: str | None,
                   minimum: str | None) -> bool | None:
    """Whether ``cycle`` is at or above ``minimum`` (``None`` when it cannot be told)."""
    if minimum is None:
        return True
    if cycle is None:
        return None
    if cycle == minimum:
        return True
    have, need = (cycle_order(normaliser, product_id, c) for c in (cycle, minimum))
    if have is None or need is None or have[0] != need[0]:
        return None
    return have >= need


@dataclass(frozen=True)
class TargetBlock:
    """A product the target allows for a capability, as a canonical product and cycle."""

    block_id: str
    capability: str
    domain: str
    product: str  # as the target file writes it
    product_id: str | None
    title: str
    min_version: str | None
    min_cycle: str | None
    preference: int  # 0 = preferred


def _choices(target: TargetArchitecture) -> Iterable[tuple[str, ProductChoice]]:
    for capability, choice in target.capabilities.items():
        for product in choice.products:
            yield str(capability), product
    for product in target.server_os:
        yield "server_os", product
    for standard in target.clients:
        for product in standard.os:
            yield "client_os", product
        yield "endpoint_management", ProductChoice(product=standard.management)
    for area, kept in (target.applications or {}).items():
        for product in kept.products:
            yield str(area), product


def target_blocks(target: TargetArchitecture, normaliser: Normaliser) -> list[TargetBlock]:
    """The target's building blocks: each allowed product per capability, normalised.

    Client standards add their operating systems (``client_os``) and their management
    platform (``endpoint_management``). A product named twice keeps its lowest minimum.
    """
    blocks: dict[tuple[str, str], TargetBlock] = {}
    preference: dict[str, int] = {}
    for capability, choice in _choices(target):
        match = normaliser.match(choice.vendor, choice.product, choice.min_version)
        # A product outside the catalogue keeps its written identity, as in the baseline.
        product_key = match.product_id or unlisted_id(choice.vendor, choice.product)
        product_id = product_key
        key = (capability, product_key)
        rank = preference.get(capability, 0)
        block = TargetBlock(
            block_id=f"{capability}:{product_key}", capability=capability,
            domain=domain_of(capability), product=choice.product, product_id=product_id,
            title=match.title if match.product_id else product_label(choice.vendor,
                                                                      choice.product),
            min_version=choice.min_version,
            min_cycle=match.cycle if choice.min_version else None, preference=rank)
        known = blocks.get(key)
        if known is None:
            preference[capability] = rank + 1
            blocks[key] = block
        elif known.min_cycle is not None and cycle_at_least(
                normaliser, match.product_id, known.min_cycle, block.min_cycle):
            blocks[key] = replace(known, min_version=block.min_version,
                                  min_cycle=block.min_cycle)
    return list(blocks.values())


BLOCK_COLUMNS = ("block_id", "domain", "capability", "product_id", "title", "suite", "cycle",
                 "lifecycle_state", "eol", "municipalities", "assets", "records", "status",
                 "reason", "target_block", "target_title", "target_min_version", "detail")


def baseline_blocks(assets: pd.DataFrame) -> pd.DataFrame:
    """One row per baseline block with its municipalities (``;``-joined) and asset counts."""
    grouped = assets.groupby("block_id", sort=True, dropna=False)
    first = grouped[["domain", "capability", "product_id", "title", "cycle",
                     "lifecycle_state", "eol"]].first()
    first["municipalities"] = grouped["municipality"].agg(
        lambda values: ";".join(sorted(set(map(str, values)))))
    first["assets"] = grouped["count"].sum().astype("int64")
    first["records"] = (grouped["records"].sum() if "records" in assets.columns
                        else grouped.size()).astype("int64")
    return first.reset_index()


def gap_matrix(blocks: pd.DataFrame, targets: list[TargetBlock], normaliser: Normaliser,
               functions: dict[tuple[str, str], FunctionGroup] | None = None
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Place every baseline block (``baseline_blocks``) against the target blocks.

    Business applications (domain ``applications``, capability = business area) that the
    target does not keep are ``replaced_by_target`` only by a kept product of the same
    function (``functions``, see ``applications.function_groups``); an application with
    no kept product in its function is ``not_in_target`` (run alongside: check).

    Returns ``(blocks with status, target blocks with status)``: baseline status one of
    ``included``, ``changed``, ``eliminated``; target status ``new`` when no baseline
    block is included in it, else ``present``.
    """
    by_capability: dict[str, list[TargetBlock]] = {}
    for block in targets:
        by_capability.setdefault(block.capability, []).append(block)
    rows: list[tuple[str, str, TargetBlock | None, str]] = []
    families: dict[str | None, str | None] = {}
    for row in any_rows(blocks):  # one per distinct product and cycle
        allowed = by_capability.get(str(row.capability), [])
        product_id = None if pd.isna(row.product_id) else str(row.product_id)
        cycle = None if pd.isna(row.cycle) else str(row.cycle)
        same = [block for block in allowed if product_id and (
            block.product_id == product_id or same_unlisted(block.product_id, product_id))]
        if same:
            block = same[0]
            verdict = cycle_at_least(normaliser, product_id, cycle, block.min_cycle)
            if verdict:
                rows.append(("included", "", block, ""))
            else:
                detail = (f"upgrade to {block.min_version} or later" if verdict is False
                          else f"version unknown: verify it is {block.min_version} or later")
                rows.append(("changed", "upgrade" if verdict is False else "verify_version",
                             block, detail))
            continue
        if row.capability == "appliance":
            rows.append(_appliance(str(row.lifecycle_state)))
            continue
        preferred = min(allowed, key=lambda b: b.preference) if allowed else None
        if row.domain == "applications" and preferred is not None:
            preferred = _same_function(row.capability, product_id, allowed, functions or {})
        family = None
        if row.capability == "server_os":  # a server stays in its OS family
            family = families.setdefault(product_id, os_family(normaliser, product_id))
            kin = [b for b in allowed if family is not None and families.setdefault(
                b.product_id, os_family(normaliser, b.product_id)) == family]
            preferred = min(kin, key=lambda b: b.preference) if kin else None
        if row.lifecycle_state == "end_of_life":
            reason = "end_of_life"
        elif preferred is not None:
            reason = "replaced_by_target"
        else:
            reason = "not_in_target"
        detail = (f"replaced by {preferred.title}" if preferred is not None
                  else _no_kin(family, str(row.title)) if row.capability == "server_os"
                  and allowed
                  else "the target keeps no product for this function" if allowed
                  else "the target names no product for this capability")
        rows.append(("eliminated", reason, preferred, detail))
    result = blocks.copy()
    result["status"] = [status for status, _, _, _ in rows]
    result["reason"] = [reason for _, reason, _, _ in rows]
    result["target_block"] = [b.block_id if b else "" for _, _, b, _ in rows]
    result["target_title"] = [b.title if b else "" for _, _, b, _ in rows]
    result["target_min_version"] = [(b.min_version or "") if b else "" for _, _, b, _ in rows]
    result["detail"] = [detail for _, _, _, detail in rows]
    # a module of a suite (Flyt Skole) is its own block; the suite is shown next to it
    result["suite"] = business_catalogue().suite_titles(result["product_id"])
    result = result.loc[:, list(BLOCK_COLUMNS)]
    included = set(result.loc[result["status"] == "included", "target_block"])
    target_rows = pd.DataFrame([{
        "block_id": block.block_id, "domain": block.domain, "capability": block.capability,
        "product": block.product, "product_id": block.product_id or "", "title": block.title,
        "min_version": block.min_version or "", "preference": block.preference,
        "status": "present" if block.block_id in included else "new",
        "baseline_blocks_included": int((result["target_block"] == block.block_id).where(
            result["status"] == "included", False).sum()),
        "baseline_blocks_changed": int((result["target_block"] == block.block_id).where(
            result["status"] == "changed", False).sum()),
    } for block in targets], columns=["block_id", "domain", "capability", "product",
                                      "product_id", "title", "min_version", "preference",
                                      "status", "baseline_blocks_included",
                                      "baseline_blocks_changed"])
    return result, target_rows


def _appliance(state: str) -> tuple[str, str, TargetBlock | None, str]:
    """An appliance's place in the matrix: its vendor's upgrade when its release is past or
    near its end of life, else kept; never replaced by a general-purpose server OS."""
    if state in ("end_of_life", "ending"):
        return ("changed", "vendor_upgrade", None,
                "appliance: upgrade to a supported release from its vendor")
    return ("included", "", None, "appliance: kept, upgraded with its vendor's releases")


def _no_kin(family: str | None, title: str) -> str:
    """Why a server OS has no replacement in the target: none of its family."""
    if family is None:
        return "OS family not known: choose its target OS by hand (never another family)"
    return (f"the target names no {FAMILY_NAMES[family]} server OS: keep a supported"
            f" {title}")


def _same_function(area: str, product_id: str | None, allowed: list[TargetBlock],
                   functions: dict[tuple[str, str], FunctionGroup]) -> TargetBlock | None:
    """The kept application of the area that does the same job as ``product_id``."""
    group = functions.get((area, product_id or ""))
    if group is None:
        return None
    same = [block for block in allowed if block.product_id in group.products]
    return min(same, key=lambda b: b.preference) if same else None


def readiness(assets: pd.DataFrame, matrix: pd.DataFrame) -> pd.DataFrame:
    """Share of assets already on included blocks, per municipality and domain.

    Columns: municipality, domain, assets, included_assets, readiness_percent.
    """
    status = matrix.set_index("block_id")["status"]
    on_included = assets["block_id"].map(status).eq("included").to_numpy()
    counts = assets["count"].astype("int64")
    frame = pd.DataFrame({"municipality": assets["municipality"], "domain": assets["domain"],
                          "assets": counts, "included_assets": np.where(on_included, counts, 0)})
    table = frame.groupby(["municipality", "domain"], sort=True).sum().reset_index()
    table["readiness_percent"] = (100.0 * table["included_assets"] / table["assets"]
                                  ).round(1)
    return table
