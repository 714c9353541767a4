"""Building blocks: what the inventory runs (baseline) and what the target allows.

The baseline is the assets of ``analyse.assets.derive_assets`` (the derivation overlap
uses too): servers (``hypervisor`` hosts, ``appliance``, ``server_os``), platforms
(their capability), clients (``client_os``; printers and IP phones by their kind,
weighted by ``quantity``), network devices (their role, weighted by ``quantity``) and
storage (its kind). Business applications are blocks of the ``applications`` domain
(capability = business area) when the target has an ``applications`` section
(``applications.application_assets``).

A baseline building block is one (capability, canonical product, release cycle); its
assets are the records (or devices) on it. Its lifecycle state is the worst of its
assets' (a block of access points some of which are out of support is exposed).

The matrix (``gap_matrix``) places each baseline block in exactly one of

* ``included``: an allowed product at or above the minimum version (or no minimum); a
  device the target sets no product standard for (network roles, storage kinds,
  printers: ``assets.HARDWARE_CAPABILITIES``) is kept while supported;
* ``changed``: an allowed product below the minimum version (or a version that cannot be
  verified): upgrade; an appliance past or near its end of life: its vendor's upgrade;
  devices without a product standard past or near their end of life: ``reason``
  ``replace_at_end_of_life`` (replaced like for like, ``gap.hardware``);
* ``eliminated``: not an allowed product, with ``reason`` ``end_of_life`` (the block is
  past its end of life), ``replaced_by_target`` (the capability has a target product) or
  ``not_in_target`` (the target names nothing for the capability: check whether that is
  intended);

and marks each target block whose product nothing runs today as ``new`` (no baseline
block included in it, none upgraded onto it): a block introduced for the joint operation.
``matrix_rows`` is the matrix as tables show it, the new blocks as rows of their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pandas as pd

from inventory.analyse.assets import (
    ASSET_COLUMNS,
    CAPABILITY_DOMAIN,
    CLIENT_FLEET_KEYS,
    DOMAINS,
    FIRMWARE_CLIENT_KINDS,
    HARDWARE_CAPABILITIES,
    HYPERVISOR_PRODUCTS,
    client_fleets,
    domain_of,
)
from inventory.analyse.baseline import baseline_assets, cycle_at_least, cycle_order
from inventory.analyse.business_catalogue import business_catalogue
from inventory.analyse.identity import product_label, same_unlisted, unlisted_id
from inventory.analyse.normalise import Normaliser
from inventory.analyse.os_family import FAMILY_NAMES, os_family
from inventory.gap.contracts import checked
from inventory.gap.rows import any_rows
from inventory.target.model import ProductChoice, TargetArchitecture

if TYPE_CHECKING:
    from inventory.analyse.applications import FunctionGroup

__all__ = [
    "ASSET_COLUMNS",
    "CAPABILITY_DOMAIN",
    "CLIENT_FLEET_KEYS",
    "DOMAINS",
    "FIRMWARE_CLIENT_KINDS",
    "HYPERVISOR_PRODUCTS",
    "TargetBlock",
    "baseline_assets",
    "baseline_blocks",
    "block_assets",
    "client_fleets",
    "cycle_at_least",
    "cycle_order",
    "domain_of",
    "gap_matrix",
    "matrix_rows",
    "slug",
    "target_blocks",
]


def slug(text: object) -> str:
    """A product name as a key part: lower case, runs of other characters as ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).casefold()).strip("-") or "unknown"


_slug = slug


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
            block_id=f"{capability}:{product_key}",
            capability=capability,
            domain=domain_of(capability),
            product=choice.product,
            product_id=product_id,
            title=match.title if match.product_id else product_label(choice.vendor, choice.product),
            min_version=choice.min_version,
            min_cycle=match.cycle if choice.min_version else None,
            preference=rank,
        )
        known = blocks.get(key)
        if known is None:
            preference[capability] = rank + 1
            blocks[key] = block
        elif known.min_cycle is not None and cycle_at_least(
            normaliser, match.product_id, known.min_cycle, block.min_cycle
        ):
            blocks[key] = replace(known, min_version=block.min_version, min_cycle=block.min_cycle)
    return list(blocks.values())


BLOCK_COLUMNS = (
    "block_id",
    "domain",
    "capability",
    "product_id",
    "title",
    "suite",
    "cycle",
    "lifecycle_state",
    "eol",
    "municipalities",
    "assets",
    "records",
    "status",
    "reason",
    "target_block",
    "target_title",
    "target_min_version",
    "detail",
)


#: Lifecycle states, worst first: a block takes the worst of its assets'.
STATE_ORDER = {"end_of_life": 0, "ending": 1, "unknown": 2, "supported": 3, "evergreen": 4}


def baseline_blocks(assets: pd.DataFrame) -> pd.DataFrame:
    """One row per baseline block with its municipalities (``;``-joined) and asset counts.

    Its ``lifecycle_state`` and ``eol`` are its worst asset's (past end of life first,
    then the earliest date): devices of one product cycle may have their own support end.
    """
    rank = assets["lifecycle_state"].map(STATE_ORDER).fillna(len(STATE_ORDER))
    assets = assets.assign(
        _rank=rank.to_numpy(), _eol=assets["eol"].astype(str).to_numpy()
    ).sort_values(["_rank", "_eol"], kind="stable")
    grouped = assets.groupby("block_id", sort=True, dropna=False)
    first = grouped[
        ["domain", "capability", "product_id", "title", "cycle", "lifecycle_state", "eol"]
    ].first()
    first["municipalities"] = grouped["municipality"].agg(
        lambda values: ";".join(sorted(set(map(str, values))))
    )
    first["assets"] = grouped["count"].sum().astype("int64")
    first["records"] = (
        grouped["records"].sum() if "records" in assets.columns else grouped.size()
    ).astype("int64")
    return first.reset_index()


def gap_matrix(
    blocks: pd.DataFrame,
    targets: list[TargetBlock],
    normaliser: Normaliser,
    functions: dict[tuple[str, str], FunctionGroup] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Place every baseline block (``baseline_blocks``) against the target blocks.

    Business applications (domain ``applications``, capability = business area) that the
    target does not keep are ``replaced_by_target`` only by a kept product of the same
    function (``functions``, see ``applications.function_groups``); an application with
    no kept product in its function is ``not_in_target`` (run alongside: check).

    Returns ``(blocks with status, target blocks with status)``: baseline status one of
    ``included``, ``changed``, ``eliminated``; target status ``new`` when no baseline
    block is included in it or upgraded onto it (its product runs nowhere today), else
    ``present``.
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
        same = [
            block
            for block in allowed
            if product_id
            and (block.product_id == product_id or same_unlisted(block.product_id, product_id))
        ]
        if same:
            block = same[0]
            verdict = cycle_at_least(normaliser, product_id, cycle, block.min_cycle)
            if verdict:
                rows.append(("included", "", block, ""))
            else:
                detail = (
                    f"upgrade to {block.min_version} or later"
                    if verdict is False
                    else f"version unknown: verify it is {block.min_version} or later"
                )
                rows.append(
                    ("changed", "upgrade" if verdict is False else "verify_version", block, detail)
                )
            continue
        if row.capability == "appliance":
            rows.append(_appliance(str(row.lifecycle_state)))
            continue
        if row.capability in HARDWARE_CAPABILITIES and not allowed:
            rows.append(_device(str(row.lifecycle_state)))
            continue
        preferred = min(allowed, key=lambda b: b.preference) if allowed else None
        if row.domain == "applications" and preferred is not None:
            preferred = _same_function(row.capability, product_id, allowed, functions or {})
        family = None
        if row.capability == "server_os":  # a server stays in its OS family
            family = families.setdefault(product_id, os_family(normaliser, product_id))
            kin = [
                b
                for b in allowed
                if family is not None
                and families.setdefault(b.product_id, os_family(normaliser, b.product_id)) == family
            ]
            preferred = min(kin, key=lambda b: b.preference) if kin else None
        if row.lifecycle_state == "end_of_life":
            reason = "end_of_life"
        elif preferred is not None:
            reason = "replaced_by_target"
        else:
            reason = "not_in_target"
        detail = (
            f"replaced by {preferred.title}"
            if preferred is not None
            else _no_kin(family, str(row.title))
            if row.capability == "server_os" and allowed
            else "the target keeps no product for this function"
            if allowed
            else "the target names no product for this capability"
        )
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
    # a product run today below the minimum is upgraded, not new (TOGAF: changed)
    present = set(result.loc[result["status"].isin(["included", "changed"]), "target_block"])
    # baseline blocks per target block and status, counted once (not per target block)
    placed = Counter((b.block_id if b else "", status) for status, _, b, _ in rows)
    target_rows = pd.DataFrame(
        [
            {
                "block_id": block.block_id,
                "domain": block.domain,
                "capability": block.capability,
                "product": block.product,
                "product_id": block.product_id or "",
                "title": block.title,
                "min_version": block.min_version or "",
                "preference": block.preference,
                "status": "present" if block.block_id in present else "new",
                "baseline_blocks_included": placed[block.block_id, "included"],
                "baseline_blocks_changed": placed[block.block_id, "changed"],
            }
            for block in targets
        ],
        columns=[
            "block_id",
            "domain",
            "capability",
            "product",
            "product_id",
            "title",
            "min_version",
            "preference",
            "status",
            "baseline_blocks_included",
            "baseline_blocks_changed",
        ],
    )
    return checked("matrix", result), checked("target_blocks", target_rows)


#: ``detail`` of a new block's row in ``matrix_rows``.
NEW_BLOCK_DETAIL = "introduced for the joint operation: nothing runs it today"


def matrix_rows(matrix: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """The TOGAF gap matrix as tables show it: every baseline block of ``matrix`` and, after
    the blocks of its capability, a row per ``new`` target block of ``targets``.

    A new block is joint (``target_blocks`` has one status for all municipalities): no
    municipality and no asset today, ``cycle`` the target's minimum version, ``status``
    ``new``, its own block as ``target_block``. The analyses read ``matrix`` itself,
    which holds the baseline only.
    """
    new = targets[targets["status"] == "new"]
    rows = pd.DataFrame(
        {
            "block_id": new["block_id"].astype(str),
            "domain": new["domain"].astype(str),
            "capability": new["capability"].astype(str),
            "product_id": new["product_id"],
            "title": new["title"],
            "suite": "",
            "cycle": new["min_version"],
            "lifecycle_state": "",
            "eol": None,
            "municipalities": "",
            "assets": 0,
            "records": 0,
            "status": "new",
            "reason": "",
            "target_block": new["block_id"],
            "target_title": new["title"],
            "target_min_version": new["min_version"],
            "detail": NEW_BLOCK_DETAIL,
        },
        columns=list(BLOCK_COLUMNS),
    )
    if rows.empty:
        return matrix.reset_index(drop=True)
    both = pd.concat([matrix.astype(object), rows.astype(object)], ignore_index=True)
    new_last = both["status"] == "new"
    # stable: the baseline's order kept, a capability's new blocks after its baseline ones
    order = both.assign(_new=new_last).sort_values(["capability", "_new"], kind="stable")
    return both.loc[order.index].reset_index(drop=True)


def block_assets(assets: pd.DataFrame) -> pd.DataFrame:
    """Assets per baseline block and municipality (``block_id``, ``municipality``,
    ``assets``): the matrix counts a block over all municipalities, a municipality's
    diagram counts its own."""
    grouped = assets.groupby(["block_id", "municipality"], sort=True, observed=True)
    return grouped["count"].sum().astype("int64").rename("assets").reset_index()


def _appliance(state: str) -> tuple[str, str, TargetBlock | None, str]:
    """An appliance's place in the matrix: its vendor's upgrade when its release is past or
    near its end of life, else kept; never replaced by a general-purpose server OS."""
    if state in ("end_of_life", "ending"):
        return (
            "changed",
            "vendor_upgrade",
            None,
            "appliance: upgrade to a supported release from its vendor",
        )
    return ("included", "", None, "appliance: kept, upgraded with its vendor's releases")


def _device(state: str) -> tuple[str, str, TargetBlock | None, str]:
    """A device the target sets no product standard for (a switch, a SAN, a printer):
    kept while supported, replaced like for like at its end of life (``gap.hardware``)."""
    if state in ("end_of_life", "ending"):
        return (
            "changed",
            "replace_at_end_of_life",
            None,
            "devices past or near their end of life: replaced like for like",
        )
    return ("included", "", None, "no product standard in the target: kept while supported")


def _no_kin(family: str | None, title: str) -> str:
    """Why a server OS has no replacement in the target: none of its family."""
    if family is None:
        return "OS family not known: choose its target OS by hand (never another family)"
    return f"the target names no {FAMILY_NAMES[family]} server OS: keep a supported {title}"


def _same_function(
    area: str,
    product_id: str | None,
    allowed: list[TargetBlock],
    functions: dict[tuple[str, str], FunctionGroup],
) -> TargetBlock | None:
    """The kept application of the area that does the same job as ``product_id``."""
    group = functions.get((area, product_id or ""))
    if group is None:
        return None
    same = [block for block in allowed if block.product_id in group.products]
    return min(same, key=lambda b: b.preference) if same else None
