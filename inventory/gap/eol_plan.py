"""Every end-of-life asset dealt with: the plan item that removes it, or why there is none.

An asset past its end of life, or reaching it within the target's horizon (``eol``), is
one of (docs/method.md#every-end-of-life-asset-is-dealt-with):

* ``item``: an item of the plan removes it (``REMOVING``: an upgrade or replacement of
  the asset, its migration onto the target, or the merge that retires its instance);
* ``dropped``: its own items were left out by a sequencing rule (``gap.dropped``: it only
  runs what is being replaced, or its directory merges), and it goes with them;
* ``decision``: nothing in the plan removes it, with the reason (``DECISIONS``): the
  target names no product for its capability, or the target's own minimum release of it
  ends within the horizon. The report counts these; the board has to decide them.

A physical server at a site the target evacuates whose hardware support
(``warranty_end``) ends by the horizon is not moved as it is: :func:`replatform_items`
moves its workload onto the target's clusters (``virtual_server_migration`` at the
``physical_server_migration_hours`` of a server moved, a conversion being as much work
as a move), so that neither its hardware nor its single point of failure is carried over.
A hypervisor host there whose hardware support ends by the horizon is not moved either:
its virtual machines move onto the target clusters (their ``virtual_server_migration``,
vMotion or a conversion) and :func:`host_retirement_items` retires the host
(``host_retirement`` at ``host_retirement_hours``, no hypervisor upgrade first). Both are
``capacity.replatformed`` / ``capacity.retired_hosts``; the compute check counts what
they put on the clusters (docs/method.md#plan).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from inventory.analyse.lifecycle import OWN_SUPPORT_END
from inventory.gap.consolidation import ACTION_TIERS as CONSOLIDATION_TIERS
from inventory.gap.eol import EXPOSED_STATES
from inventory.messages import Code, Message, english
from inventory.target.model import UnitEfforts

EOL_PLAN_COLUMNS = (
    "municipality",
    "kind",
    "capability",
    "asset",
    "node",
    "product",
    "cycle",
    "lifecycle_state",
    "outcome",
    "action",
    "item_id",
    "reason",
    "reason_message",
)
#: The actions that remove an asset's end of life, per asset kind. A platform instance
#: merged into the joint one is retired by its merge (every consolidation line).
REMOVING: Mapping[str, frozenset[str]] = {
    "server": frozenset({"os_upgrade", "vendor_upgrade", "host_retirement"}),
    "platform": frozenset(
        {"platform_upgrade", "platform_replacement", "host_retirement", *CONSOLIDATION_TIERS}
    ),
    "network_device": frozenset({"network_device_replacement"}),
    "storage": frozenset({"storage_replacement", "storage_migration"}),
    "client": frozenset({"client_os_upgrade", "client_device_replacement"}),
    "application": frozenset({"application_harmonisation", "platform_upgrade"}),
}
#: Why nothing in the plan removes an asset: what the board must decide.
DECISIONS = ("no_target_product", "target_minimum_ends", "not_planned")


def _ended(key: str, rows: pd.DataFrame, site: pd.Series, as_of: dt.date | None) -> pd.Series:
    """One ``key`` message per row (``key`` + ``_ending`` when its hardware support ends
    after ``as_of``), naming its site and the date."""
    today = str(as_of) if as_of is not None else ""
    texts = []
    for i, end in zip(rows.index, rows["warranty_end"], strict=True):
        day = str(end)[:10]
        texts.append(
            Message(
                f"{key}_ending" if today and day > today else key,
                {"site": str(site.get(i, "")), "date": day},
            )
        )
    return pd.Series(texts, index=rows.index, dtype=object)


def _items(rows: pd.DataFrame, detail: pd.Series, action: str, hours: float) -> pd.DataFrame:
    asset = (rows["municipality"] + ":" + rows["id"]).astype(object)
    # one construction (columns added one by one cost more than the frame)
    return pd.DataFrame(
        {
            "municipality": rows["municipality"],
            "domain": "datacentre",
            "asset_message": asset,
            "node": rows["municipality"] + ":server:" + rows["id"],
            "detail_message": detail,
            "quantity": 1,
            "asset": pd.Series(english(asset), index=asset.index),
            "detail": pd.Series(english(detail), index=detail.index),
            "action": action,
            "unit_hours": hours,
        }
    )


def replatform_items(
    rows: pd.DataFrame, site: pd.Series, efforts: UnitEfforts, as_of: dt.date | None = None
) -> pd.DataFrame:
    """One ``virtual_server_migration`` per physical server in ``rows`` (worn out, at a site
    the target evacuates; ``site``: each server's ``code:site``): re-platformed onto the
    target clusters at ``physical_server_migration_hours``."""
    return _items(
        rows,
        _ended("eol.item.replatform", rows, site, as_of),
        "virtual_server_migration",
        efforts.physical_server_migration_hours,
    )


def host_retirement_items(
    rows: pd.DataFrame, site: pd.Series, efforts: UnitEfforts, as_of: dt.date | None = None
) -> pd.DataFrame:
    """One ``host_retirement`` per hypervisor host in ``rows`` (worn out, at a site the
    target evacuates): retired at ``host_retirement_hours`` once its VMs have moved (their
    own ``virtual_server_migration`` items; the rule ``vms-before-host-retirement``)."""
    return _items(
        rows,
        _ended("eol.item.retire_host", rows, site, as_of),
        "host_retirement",
        efforts.host_retirement_hours,
    )


def item_keys(items: pd.DataFrame) -> pd.Series:
    """The asset each item works on, as ``code:id`` (from its node ``code:kind:id``; a
    joint item names the instance it rebuilds there), else its own ``asset`` (client
    fleets: ``code: product cycle``)."""
    node = items["node"].fillna("").astype(str)
    parts = node.str.split(":", n=2, expand=True)  # (vectorised: items run to millions)
    if parts.shape[1] == 3:
        whole = parts[2].notna() & (parts[2].astype(str) != "")
        from_node = (parts[0].astype(str) + ":" + parts[2].astype(str)).where(whole, "")
    else:
        from_node = pd.Series("", index=items.index, dtype=object)
    return from_node.where(from_node != "", items["asset"].astype(str).str.strip())


def _asset_keys(exposed: pd.DataFrame) -> pd.Series:
    fleet = (
        exposed["municipality"]
        + ": "
        + exposed["title"].astype(str)
        + " "
        + exposed["cycle"].astype(object).fillna("").astype(str)
    ).str.strip()
    own = exposed["municipality"] + ":" + exposed["record_id"].astype(str)
    return fleet.where(exposed["kind"] == "client", own)


def eol_plan(
    assets: pd.DataFrame, matrix: pd.DataFrame, items: pd.DataFrame, dropped: pd.DataFrame
) -> pd.DataFrame:
    """One row per asset past or near its end of life (``EOL_PLAN_COLUMNS``), with the
    item that removes it (the latest, by item id), the rule that dropped its work, or
    the decision needed. ``assets``: ``baseline_assets`` (+ applications); ``items``
    after the sequencing rules, ``dropped`` what they left out."""
    exposed = assets[assets["lifecycle_state"].isin(EXPOSED_STATES)]
    if exposed.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in EOL_PLAN_COLUMNS})
    keys = _asset_keys(exposed)
    removing: dict[tuple[str, str], tuple[str, str]] = {}
    if not items.empty:
        for key, action, item_id in zip(
            item_keys(items).tolist(),
            items["action"].astype(str).tolist(),
            items["item_id"].astype(str).tolist(),
            strict=True,
        ):
            removing[(key, action)] = (action, item_id)
    # a municipality's hypervisor platform whose hosts the plan all retires goes with them
    # (their virtual machines move onto the joint platform): no registration item is left
    retiring = (
        set(items.loc[items["action"] == "host_retirement", "municipality"].astype(str))
        if not items.empty
        else set()
    )
    # a client fleet's own hardware end: its devices replaced in the municipality
    devices = (
        set(items.loc[items["action"] == "client_device_replacement", "municipality"].astype(str))
        if not items.empty
        else set()
    )
    rules: dict[str, tuple[str, object]] = {}
    if not dropped.empty:
        for dropped_asset, rule, reason in zip(
            dropped["asset"].astype(str), dropped["rule"], dropped["reason_message"], strict=True
        ):
            rules.setdefault(dropped_asset, (str(rule), reason))
    status = matrix.set_index("block_id")[["status", "reason"]]
    status = status[~status.index.duplicated()]
    block = exposed[["block_id"]].join(status, on="block_id")
    rows = []
    # plain lists, not iterrows: tens of thousands of exposed assets nationally
    fields = ("municipality", "kind", "capability", "node", "title", "cycle", "lifecycle_state")
    column = {name: exposed[name].tolist() for name in fields}
    notes = (
        exposed["lifecycle_note"].tolist()
        if "lifecycle_note" in exposed.columns
        else [None] * len(exposed)
    )
    block_status, block_reason = block["status"].tolist(), block["reason"].tolist()
    for at, key in enumerate(keys.tolist()):
        asset = {name: values[at] for name, values in column.items()}
        kind = str(asset["kind"])
        found = [
            removing[(key, action)]
            for action in sorted(REMOVING.get(kind, ()))
            if (key, action) in removing
        ]
        own_end = OWN_SUPPORT_END in str(notes[at] or "")
        if kind == "client" and own_end and str(asset["municipality"]) in devices:
            found.append(("client_device_replacement", ""))
        if (
            not found
            and kind == "platform"
            and str(asset["capability"]) == "hypervisor"
            and str(asset["municipality"]) in retiring
        ):
            found.append(("host_retirement", ""))
        outcome, action, item_id, reason, message = "item", "", "", "", None
        if found:
            action, item_id = max(found, key=lambda pair: pair[1])
        elif key in rules:
            outcome, (reason, message) = "dropped", rules[key]
        else:
            outcome, reason = "decision", _decision(block_status[at], block_reason[at])
            message = Message(
                f"eol.decision.{reason}",
                {"capability": Code("capability", str(asset["capability"]))},
            )
        rows.append(
            (
                asset["municipality"],
                kind,
                asset["capability"],
                key,
                asset["node"],
                asset["title"],
                asset["cycle"],
                asset["lifecycle_state"],
                outcome,
                action,
                item_id,
                reason,
                message,
            )
        )
    table = pd.DataFrame(rows, columns=list(EOL_PLAN_COLUMNS))
    table["reason_message"] = table["reason_message"].astype(object)
    return table


def _decision(status: object, reason: object) -> str:
    if status == "included":  # on the target product: the target's minimum itself ends
        return "target_minimum_ends"
    if reason == "not_in_target":
        return "no_target_product"
    return "not_planned"


def eol_plan_notes(plan: pd.DataFrame) -> list[Message]:
    """One note per decision reason: how many end-of-life assets no item removes, which."""
    if plan.empty:
        return []
    open_ = plan[plan["outcome"] == "decision"]
    return [
        Message(
            f"eol.note.{reason}", {"count": len(group), "assets": ", ".join(sorted(group["asset"]))}
        )
        for reason, group in open_.groupby("reason", sort=True)
    ]
