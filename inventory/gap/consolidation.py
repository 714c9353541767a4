"""Consolidation: the joint operation runs one instance of each capability (or the target's
``instances``), and the work of merging the municipalities' own instances into it.

Method (docs/method.md#consolidation):

1. **Instances today.** Per capability of the target and target product (a *slot*: the
   collaboration capability has a Microsoft 365 slot for staff and a Google Workspace slot
   for students), each municipality's platform record on that product is one instance.
   A municipality that has no record on the slot's product counts its records that the
   gap matrix moves to it (Exchange Server -> Exchange Online); a municipality that has
   one keeps the matrix's own items for its other products (its SCCM beside Intune is
   replaced, not merged). A platform whose ``runs_on`` names another municipality's
   server or cluster (``code:id``) is that municipality's instance: it counts once.
2. **Kept instance(s).** The ``instances`` (default 1) kept are, in this order: the one
   at the capability's ``runs_at`` municipality, the one at the primary datacentre's
   municipality, then the largest by users (those already on the target product first).
   A kept instance on another product or below the minimum version is rebuilt on the
   target product: its replacement or upgrade is an item of the joint operation.
3. **Merging.** Every other instance merges into the kept one; a municipality with no
   instance joins it. The work, with the target's unit efforts (``KINDS`` below):

   ==================  ==================================================================
   capability          lines per merging instance (+ per joining municipality)
   ==================  ==================================================================
   directory           ``directory_consolidation`` + ``user_migration`` (employees) +
                       ``server_rejoin`` (Windows servers but domain controllers)
   identity_mfa        ``tenant_migration`` + ``user_migration`` (its users)
   email               ``mailbox_consolidation`` + ``mailbox_migration`` (employees)
   collaboration       ``tenant_consolidation`` + ``user_migration`` (its users)
   endpoint_management ``device_tenant_move`` (devices it manages)
   hypervisor          ``host_registration`` (hypervisor hosts not retired)
   backup              ``backup_onboarding`` (servers but hypervisor hosts)
   monitoring          ``monitoring_onboarding`` (servers, hosts not retired, network
                       devices but APs)
   other capabilities  ``capability_onboarding``
   ==================  ==================================================================

   A hypervisor host the plan retires (``retired``: a worn-out host at a site given up,
   ``capacity.retired_hosts``) joins no joint platform: its VMs move onto the target
   clusters and the host is switched off, so it is neither registered with the joint
   management plane nor monitored by it (``retired_host_keys``).

   An instance on another product than the kept one costs ``platform_replacement``
   (the product change) instead of the fixed line. A joining municipality (none today)
   costs ``capability_onboarding`` plus the per-unit lines. The users of an instance are
   the municipality's employees, or its students with devices when it serves students
   (an education product, or most of the devices it manages are students').
4. **Introduced once.** A capability no municipality has is introduced once
   (``platform_introduction``, municipality ``joint``, ``platform_replacement_hours`` per
   instance) and every municipality joins it.

Items of the joint instance carry the municipality ``joint``; migration lines land on
the municipality that migrates. ``effort.migration_items`` leaves out the matrix's
upgrade and replacement items of every instance record here (``instance_keys``): the
lines above replace them, so nothing is counted twice and nothing being merged away is
upgraded first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from inventory.analyse.normalise import Normaliser
from inventory.analyse.os_family import os_families
from inventory.gap.blocks import DOMAINS, TargetBlock, domain_of
from inventory.gap.capacity import hypervisor_hosts, retired_hosts
from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.messages import Code, Message, MessageList
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture, UnitEfforts

#: The municipality of an item paid once for the joint operation.
JOINT = "joint"

CONSOLIDATION_COLUMNS = (
    "capability",
    "domain",
    "instances_today",
    "instances_target",
    "kept",
    "merging",
    "hours",
    "cost",
    "note",
    "kept_message",
    "note_message",
)
INSTANCE_COLUMNS = ("municipality", "record_id", "capability", "slot", "instance", "home", "role")
LINE_COLUMNS = (
    "municipality",
    "domain",
    "action",
    "asset",
    "node",
    "detail",
    "asset_message",
    "detail_message",
    "quantity",
    "unit_hours",
)

#: Capabilities merged per directory or tenant: (fixed action, per-unit lines).
_FIXED_ACTION = {
    "directory": "directory_consolidation",
    "identity_mfa": "tenant_migration",
    "email": "mailbox_consolidation",
    "collaboration": "tenant_consolidation",
}
#: Capabilities whose merge is per unit only (no fixed line for the same product).
_PER_UNIT_ONLY = frozenset({"hypervisor", "backup", "monitoring", "endpoint_management"})
#: Capabilities whose per-unit lines count users (employees, or students).
_USER_LINES = frozenset({"directory", "identity_mfa", "collaboration"})
#: Products of these words serve students (Google Workspace for Education ...).
_STUDENT_WORDS = ("education", "edu ", "skola", "skole", "student", "elev")
#: Network roles monitored through their controller, not one by one.
_UNMONITORED_ROLES = frozenset({"access_point"})

#: Every action this module writes, with its tier (``effort.ACTION_TIER``): identity and
#: management planes first (2), servers and mail onto them (3), devices (4).
ACTION_TIERS = {
    "directory_consolidation": 2,
    "tenant_migration": 2,
    "tenant_consolidation": 2,
    "mailbox_consolidation": 2,
    "platform_introduction": 2,
    "capability_onboarding": 2,
    "user_migration": 2,
    "host_registration": 2,
    "server_rejoin": 3,
    "mailbox_migration": 3,
    "backup_onboarding": 3,
    "monitoring_onboarding": 3,
    "device_tenant_move": 4,
}


class ConsolidationTable(Contract):
    """One row per capability and target product (``GapReport.consolidation``)."""

    capability: Series[str]
    domain: Series[str] = Field(isin=list(DOMAINS))
    instances_today: Series[int] = Field(ge=0)
    instances_target: Series[int] = Field(ge=1)
    kept: Series[str]
    merging: Series[str]
    hours: Series[float] = Field(ge=0)
    cost: Series[float] = Field(ge=0)
    note: Series[str]
    #: ``kept`` and ``note`` as messages, shown in the report's language
    kept_message: Series[object]
    note_message: Series[object]

    class Config:
        strict = True
        ordered = True


@dataclass
class Consolidation:
    """The consolidation table, its migration lines and the instance of every record."""

    table: pd.DataFrame  # ConsolidationTable
    lines: pd.DataFrame  # LINE_COLUMNS: items before effort.migration_items prices them
    instances: pd.DataFrame  # INSTANCE_COLUMNS: role kept / merging per platform record

    @property
    def instance_keys(self) -> set[str]:
        """``municipality:record_id`` of every platform record that is an instance here."""
        return set(self.instances["municipality"] + ":" + self.instances["record_id"])


@dataclass
class _Instance:
    key: str
    slot: str
    capability: str
    home: str
    product_id: str
    title: str
    on_target: bool  # on the slot's product (any version)
    status: str  # the matrix status of its block
    members: list[tuple[str, str, str]]  # (municipality, record_id, node)


@dataclass(frozen=True)
class _Counts:
    """What the per-unit lines count, per municipality."""

    employees: dict[str, float]
    students: dict[str, float]
    windows_servers: dict[str, int]
    servers: dict[str, int]  # all but hypervisor hosts
    hosts: dict[str, int]  # live hypervisor hosts the plan does not retire
    network_devices: dict[str, float]  # monitored one by one
    managed: dict[tuple[str, str], float]  # (municipality, platform id) -> devices
    student_managed: dict[tuple[str, str], float]


def consolidate(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    assets: pd.DataFrame,
    matrix: pd.DataFrame,
    targets: list[TargetBlock],
    normaliser: Normaliser,
    retired: Collection[str] = (),
) -> Consolidation:
    """The consolidation of every platform capability of ``target`` (see the module doc).

    ``assets``/``matrix``/``targets``: the gap's asset rows, matrix and target blocks;
    ``retired``: ``code:id`` of the hypervisor hosts the plan retires (``retired_host_keys``),
    registered with and monitored by no joint platform.
    """
    efforts = target.efforts
    capabilities = _platform_capabilities(targets)
    slots = _slots(targets, capabilities)
    records = _records(snapshot, assets, matrix, slots)
    counts = _counts(snapshot, assets, normaliser, set(retired))
    primary = (
        target.datacentres.primary.partition(":")[0] if target.datacentres is not None else None
    )
    lines: list[dict[str, object]] = []
    rows: list[dict[str, object]] = []
    instance_rows: list[dict[str, str]] = []
    municipalities = list(snapshot.municipalities)
    have = set(zip(records["municipality"], records["capability"], strict=True))
    # the records of each slot in the order _instances reads them: sorted once, then split
    # (a stable sort, so each slot's rows are as if sorted on their own)
    by_slot: dict[str, list[Any]] = {}
    for row in _ordered(records).itertuples(index=False):
        by_slot.setdefault(str(row.slot), []).append(row)
    for capability in sorted(capabilities):
        settings = target.capabilities.get(capability)  # type: ignore[call-overload]
        wanted = settings.instances if settings is not None else 1
        runs_at = settings.runs_at if settings is not None else None
        at = runs_at.partition(":")[0] if runs_at and ":" in runs_at else None
        cap_slots = slots[capability]
        lacking = [m for m in municipalities if (m, capability) not in have]
        # a municipality with none joins the first slot (by preference) that has instances
        joining_slot = next((s for s in cap_slots if s.block_id in by_slot), cap_slots[0])
        for block in cap_slots:
            instances = _instances(by_slot.get(block.block_id, []), block)
            joining = lacking if block is joining_slot else []
            if not instances and not joining:
                continue
            users = {
                i.key: sum(_users(counts, m, r, i.title) or 0 for m, r, _ in i.members)
                for i in instances
            }
            ranked = sorted(
                instances,
                key=lambda i: (
                    i.home != at,
                    i.home != primary,
                    not i.on_target,
                    -users[i.key],
                    i.key,
                ),
            )
            kept, merging = ranked[:wanted], ranked[wanted:]
            start = len(lines)
            notes: list[Message] = []
            if not instances:
                lines.append(
                    _line(
                        JOINT,
                        block,
                        "platform_introduction",
                        _joint_asset(block.product),
                        "",
                        Message("gs.item.introduce", {"product": block.product}),
                        wanted,
                        efforts.platform_replacement_hours,
                    )
                )
                notes.append(Message("gs.cons.introduced"))
            for instance in kept:
                lines.extend(_rebuild(instance, block, efforts))
                if not instance.on_target:  # its members' users, mailboxes... move with it
                    for municipality, record, node in instance.members:
                        lines.extend(
                            _unit_lines(
                                counts,
                                efforts,
                                block,
                                municipality,
                                record,
                                node,
                                instance.title,
                                notes,
                                moving=False,
                            )
                        )
            for instance in merging:
                lines.extend(_merge(counts, efforts, block, instance, notes))
            for municipality in joining:
                lines.append(
                    _line(
                        municipality,
                        block,
                        "capability_onboarding",
                        _capability_asset(municipality, capability),
                        "",
                        Message("gs.item.join_joint", {"product": block.product}),
                        1,
                        efforts.capability_onboarding_hours,
                    )
                )
                lines.extend(
                    _unit_lines(
                        counts,
                        efforts,
                        block,
                        municipality,
                        "",
                        "",
                        block.product,
                        notes,
                        moving=True,
                    )
                )
            # summed as numpy sums (pairwise), the figures of a column sum
            hours = float(
                np.array(
                    [
                        cast(float, x["quantity"]) * cast(float, x["unit_hours"])
                        for x in lines[start:]
                    ],
                    dtype=float,
                ).sum()
            )
            if kept:
                notes.insert(0, _why_kept(kept[0], at, primary, users[kept[0].key]))
            if joining:
                notes.append(Message("gs.cons.joining", {"municipalities": ", ".join(joining)}))
            note = MessageList(tuple(dict.fromkeys(notes)))
            kept_text: Message | str = "; ".join(f"{i.home}:{i.title}" for i in kept) or Message(
                "gs.cons.kept_new", {"product": block.product}
            )
            rows.append(
                {
                    "capability": capability,
                    "domain": domain_of(capability),
                    "instances_today": len(instances),
                    "instances_target": wanted,
                    "kept": str(kept_text),
                    "merging": "; ".join(f"{i.home}:{i.title}" for i in merging),
                    "hours": round(hours, 1),
                    "cost": round(hours * efforts.hourly_rate, 0),
                    "note": str(note),
                    "kept_message": kept_text,
                    "note_message": note,
                }
            )
            for instance, role in [
                *((i, "kept") for i in kept),
                *((i, "merging") for i in merging),
            ]:
                instance_rows.extend(
                    {
                        "municipality": m,
                        "record_id": r,
                        "capability": capability,
                        "slot": block.block_id,
                        "instance": instance.key,
                        "home": instance.home,
                        "role": role,
                    }
                    for m, r, _ in instance.members
                )
    # typed also when empty (a target with no platform capability)
    table = pd.DataFrame(rows, columns=list(CONSOLIDATION_COLUMNS)).astype(
        {
            "capability": str,
            "domain": str,
            "instances_today": "int64",
            "instances_target": "int64",
            "kept": str,
            "merging": str,
            "hours": float,
            "cost": float,
            "note": str,
            "kept_message": object,
            "note_message": object,
        }
    )
    table = typed(ConsolidationTable, table)
    return Consolidation(
        table=table,
        lines=pd.DataFrame(lines, columns=list(LINE_COLUMNS)),
        instances=pd.DataFrame(instance_rows, columns=list(INSTANCE_COLUMNS)),
    )


def off_joint_instance(assets: pd.DataFrame, consolidation: Consolidation) -> pd.Series:
    """True for a platform asset of an instance that merges into the joint one (aligned
    with ``assets``): on the target product or not, it is not where the joint operation
    runs, so readiness does not count it as done (``readiness.readiness(off_joint=...)``).
    """
    merging = consolidation.instances[consolidation.instances["role"] == "merging"]
    keys = set(merging["municipality"] + ":" + merging["record_id"])
    platform = assets["kind"] == "platform"
    key = assets["municipality"].astype(str) + ":" + assets["record_id"].astype(str)
    return pd.Series(platform & key.isin(keys), index=assets.index, dtype=bool)


def on_joint_instance(assets: pd.DataFrame, consolidation: Consolidation) -> pd.Series:
    """The complement of ``off_joint_instance``: True where an asset is not being merged."""
    return ~off_joint_instance(assets, consolidation)


def _platform_capabilities(targets: list[TargetBlock]) -> set[str]:
    return {
        b.capability
        for b in targets
        if b.capability not in ("server_os", "client_os") and b.domain != "applications"
    }


def _slots(targets: list[TargetBlock], capabilities: set[str]) -> dict[str, list[TargetBlock]]:
    slots: dict[str, list[TargetBlock]] = {}
    for block in sorted(targets, key=lambda b: b.preference):
        if block.capability in capabilities:
            slots.setdefault(block.capability, []).append(block)
    return slots


def _records(
    snapshot: InventorySnapshot,
    assets: pd.DataFrame,
    matrix: pd.DataFrame,
    slots: dict[str, list[TargetBlock]],
) -> pd.DataFrame:
    """The platform records that are instances, with their slot, home and matrix status."""
    columns = [
        "municipality",
        "record_id",
        "node",
        "capability",
        "product_id",
        "title",
        "status",
        "slot",
        "home",
        "on_target",
    ]
    # shown as its users write it ("Windows Print Server", not the OS it runs on)
    if "product_written" in assets.columns:
        written = assets["product_written"].astype(object)
        assets = assets.assign(
            title=written.where(written.notna() & (written != ""), assets["title"])
        )
    platforms = assets[(assets["kind"] == "platform") & assets["capability"].isin(list(slots))]
    if platforms.empty:
        return pd.DataFrame(columns=columns)
    by_block = matrix.set_index("block_id")[["status", "target_block"]].astype(object)
    frame = platforms.join(by_block, on="block_id").reset_index(drop=True)
    slot_product = {b.block_id: b.product_id for blocks in slots.values() for b in blocks}
    frame["slot"] = frame["target_block"].fillna("").astype(str)
    frame = frame[frame["slot"].isin(list(slot_product))].copy()
    frame["on_target"] = (
        frame["product_id"].to_numpy() == frame["slot"].map(slot_product).to_numpy()
    )
    # a municipality on the slot's product: its other products there are not instances
    on = frame[frame["on_target"]].groupby(["municipality", "slot"]).size()
    has_target = pd.MultiIndex.from_frame(frame[["municipality", "slot"]]).isin(on.index)
    frame = frame[frame["on_target"] | ~has_target].copy()
    frame["home"] = _homes(snapshot, frame)
    frame["status"] = frame["status"].fillna("").astype(str)
    return frame.loc[:, columns].reset_index(drop=True)


def _homes(snapshot: InventorySnapshot, frame: pd.DataFrame) -> pd.Series:
    """The municipality whose instance each record is: another one when its ``runs_on``
    names that municipality's server or cluster (``code:id``), else its own."""
    table = snapshot.table("platform")
    # a dict of the few columns read (the first row of a duplicated key, as an index keeps)
    runs_on: dict[tuple[object, object], object] = {}
    for key, value in zip(
        zip(table["municipality"].tolist(), table["id"].tolist(), strict=True),
        table["runs_on"].tolist(),
        strict=True,
    ):
        runs_on.setdefault(key, value)
    homes = []
    for municipality, record in zip(
        frame["municipality"].tolist(), frame["record_id"].tolist(), strict=True
    ):  # one per platform record: a few hundred
        value = runs_on.get((municipality, record))
        others = [
            str(v).partition(":")[0]
            for v in (value if isinstance(value, Iterable) and not isinstance(value, str) else ())
            if ":" in str(v) and str(v).partition(":")[0] != municipality
        ]
        homes.append(others[0] if others else str(municipality))
    return pd.Series(homes, index=frame.index, dtype=object)


def _ordered(records: pd.DataFrame) -> pd.DataFrame:
    """``records`` in the order instances are found: own records first, by municipality
    and record."""
    return records.assign(_shared=records["home"] != records["municipality"]).sort_values(
        ["_shared", "municipality", "record_id"]
    )


def _instances(rows: list[Any], block: TargetBlock) -> list[_Instance]:
    """The distinct instances of one slot (its ``_ordered`` records' rows): own records
    one each, shared ones with their home's record of the same product (or one instance
    per home and product)."""
    found: dict[str, _Instance] = {}
    for row in rows:
        municipality, record = str(row.municipality), str(row.record_id)
        if row.home == municipality:
            key = f"{municipality}:{record}"
        else:
            own = [
                i for i in found.values() if i.home == row.home and i.product_id == row.product_id
            ]
            key = own[0].key if own else f"{row.home}:shared:{row.product_id}"
        instance = found.get(key)
        if instance is None:
            instance = found[key] = _Instance(
                key=key,
                slot=block.block_id,
                capability=block.capability,
                home=str(row.home),
                product_id=str(row.product_id),
                title=str(row.title),
                on_target=bool(row.on_target),
                status=str(row.status),
                members=[],
            )
        instance.members.append((municipality, record, str(row.node)))
    return list(found.values())


def _line(
    municipality: str,
    block: TargetBlock,
    action: str,
    asset: Message | str,
    node: str,
    detail: Message,
    quantity: float,
    unit_hours: float,
) -> dict[str, object]:
    """One line; ``asset`` and ``detail`` as messages (shown in the report's language),
    their English text beside them."""
    return {
        "municipality": municipality,
        "domain": block.domain,
        "action": action,
        "asset": str(asset),
        "node": node,
        "detail": str(detail),
        "asset_message": asset,
        "detail_message": detail,
        "quantity": float(quantity),
        "unit_hours": float(unit_hours),
    }


def _joint_asset(what: str) -> Message:
    return Message("gs.asset.joint", {"what": what})


def _rebuild(
    instance: _Instance, block: TargetBlock, efforts: UnitEfforts
) -> list[dict[str, object]]:
    """The kept instance on another product, or below the minimum: rebuilt for everyone."""
    _, record, node = instance.members[0]
    asset = _joint_asset(f"{instance.home}:{record}")
    if not instance.on_target:
        return [
            _line(
                JOINT,
                block,
                "platform_replacement",
                asset,
                node,
                Message(
                    "gs.item.rebuild_joint", {"what": instance.title, "product": block.product}
                ),
                1,
                efforts.platform_replacement_hours,
            )
        ]
    if instance.status == "changed":
        version = f" {block.min_version}" if block.min_version else ""
        return [
            _line(
                JOINT,
                block,
                "platform_upgrade",
                asset,
                node,
                Message(
                    "gs.item.rebuild_joint",
                    {"what": instance.title, "product": block.product + version},
                ),
                1,
                efforts.platform_upgrade_hours,
            )
        ]
    return []


def _merge(
    counts: _Counts,
    efforts: UnitEfforts,
    block: TargetBlock,
    instance: _Instance,
    notes: list[Message],
) -> list[dict[str, object]]:
    """The lines of one instance merging into the kept one."""
    home = instance.home
    home_record, home_node = next(
        ((r, n) for m, r, n in instance.members if m == home), instance.members[0][1:]
    )
    asset = f"{home}:{home_record}"
    into = Message("gs.item.into_joint", {"what": instance.title, "product": block.product})
    lines = []
    if not instance.on_target:
        lines.append(
            _line(
                home,
                block,
                "platform_replacement",
                asset,
                home_node,
                Message(
                    "gs.item.replace_into_joint", {"what": instance.title, "product": block.product}
                ),
                1,
                efforts.platform_replacement_hours,
            )
        )
    elif block.capability in _FIXED_ACTION:
        lines.append(
            _line(
                home,
                block,
                _FIXED_ACTION[block.capability],
                asset,
                home_node,
                into,
                1,
                efforts.directory_consolidation_hours,
            )
        )
    elif block.capability not in _PER_UNIT_ONLY:
        lines.append(
            _line(
                home,
                block,
                "capability_onboarding",
                asset,
                home_node,
                into,
                1,
                efforts.capability_onboarding_hours,
            )
        )
    for municipality, record, node in instance.members:
        lines.extend(
            _unit_lines(
                counts,
                efforts,
                block,
                municipality,
                record,
                node,
                instance.title,
                notes,
                moving=instance.on_target,
            )
        )
    return lines


def _users(counts: _Counts, municipality: str, record: str, title: str) -> float | None:
    """Users of a platform record: students when it serves students, else employees."""
    managed = counts.managed.get((municipality, record), 0.0)
    students = counts.student_managed.get((municipality, record), 0.0)
    serves_students = (managed > 0 and students * 2 > managed) or any(
        word in f"{title.casefold()} " for word in _STUDENT_WORDS
    )
    return (counts.students if serves_students else counts.employees).get(municipality)


def _unit_lines(
    counts: _Counts,
    efforts: UnitEfforts,
    block: TargetBlock,
    municipality: str,
    record: str,
    node: str,
    title: str,
    notes: list[Message],
    *,
    moving: bool,
) -> list[dict[str, object]]:
    """The per-unit lines of one municipality's move onto the joint instance.

    ``moving``: its devices move from a tenant of the same product (devices on another
    product are re-enrolled by the client items instead).
    """
    capability = block.capability
    asset = _capability_asset(municipality, capability)
    product = {"product": block.product}
    lines = []
    if capability in _USER_LINES or capability == "email":
        users = _users(counts, municipality, record, title)
        if users is None:
            notes.append(Message("gs.cons.users_unknown", {"municipality": municipality}))
        elif capability == "email":
            lines.append(
                _line(
                    municipality,
                    block,
                    "mailbox_migration",
                    asset,
                    node,
                    Message("gs.item.mailboxes", product),
                    users,
                    efforts.mailbox_migration_hours,
                )
            )
        else:
            lines.append(
                _line(
                    municipality,
                    block,
                    "user_migration",
                    asset,
                    node,
                    Message("gs.item.user_accounts", product),
                    users,
                    efforts.directory_migration_hours_per_user,
                )
            )
    per_unit = {
        "directory": (
            "server_rejoin",
            counts.windows_servers.get(municipality, 0),
            efforts.server_rejoin_hours,
            "gs.item.server_rejoin",
        ),
        "hypervisor": (
            "host_registration",
            counts.hosts.get(municipality, 0),
            efforts.host_registration_hours,
            "gs.item.host_registration",
        ),
        "backup": (
            "backup_onboarding",
            counts.servers.get(municipality, 0),
            efforts.backup_onboarding_hours_per_server,
            "gs.item.backup_onboarding",
        ),
        "monitoring": (
            "monitoring_onboarding",
            counts.servers.get(municipality, 0)
            + counts.hosts.get(municipality, 0)
            + counts.network_devices.get(municipality, 0),
            efforts.monitoring_onboarding_hours_per_device,
            "gs.item.monitoring_onboarding",
        ),
        "endpoint_management": (
            "device_tenant_move",
            counts.managed.get((municipality, record), 0.0) if moving else 0.0,
            efforts.device_tenant_move_hours,
            "gs.item.device_tenant_move",
        ),
    }.get(capability)
    if per_unit is not None and per_unit[1]:
        action, quantity, hours, detail = per_unit
        lines.append(
            _line(
                municipality,
                block,
                action,
                asset,
                node,
                Message(str(detail)),
                float(quantity),
                hours,
            )
        )
    return lines


def _capability_asset(municipality: str, capability: str) -> Message:
    return Message(
        "gs.asset.capability",
        {"municipality": municipality, "capability": Code("capability", capability)},
    )


def _why_kept(instance: _Instance, at: str | None, primary: str | None, users: float) -> Message:
    if instance.home == at:
        why = Message("gs.cons.at_runs_at")
    elif instance.home == primary:
        why = Message("gs.cons.at_primary")
    else:
        why = Message("gs.cons.largest", {"users": round(users)})
    return Message(
        "gs.cons.kept" if instance.on_target else "gs.cons.kept_rebuilt",
        {"home": instance.home, "why": why},
    )


def retired_host_keys(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    capacity: pd.DataFrame,
    server_site: pd.Series,
    as_of: dt.date | None,
) -> set[str]:
    """``code:id`` of the hypervisor hosts the plan retires: at a site ``capacity`` (the
    site table) marks ``evacuate`` and worn out by the horizon (``capacity.retired_hosts``,
    the same hosts ``effort.migration_items`` gives a ``host_retirement`` item).
    ``server_site``: ``capacity.server_sites``, aligned with the server table."""
    servers = snapshot.table("server")
    evacuate = set(capacity.loc[capacity["role"] == "evacuate", "site"])
    retire = retired_hosts(servers, server_site.isin(evacuate), target, as_of)
    rows = servers[retire.to_numpy()]
    return set(rows["municipality"].astype(str) + ":" + rows["id"].astype(str))


def _counts(
    snapshot: InventorySnapshot, assets: pd.DataFrame, normaliser: Normaliser, retired: set[str]
) -> _Counts:
    table = snapshot.table("municipality")
    code = table["code"] if "code" in table.columns else table["municipality"]

    def per_municipality(column: str) -> dict[str, float]:
        if column not in table.columns:
            return {}
        values = pd.to_numeric(table[column], errors="coerce")
        return {str(c): float(v) for c, v in zip(code, values, strict=True) if not pd.isna(v)}

    servers = snapshot.table("server")
    live = servers["status"].astype(str) != "retired"
    key = servers["municipality"].astype(str) + ":" + servers["id"].astype(str)
    # a host the plan retires joins no joint platform (see the module doc)
    is_host = hypervisor_hosts(servers)
    hosts = is_host & live & ~key.isin(retired)
    role = servers["role"].astype(str)
    members = live & ~is_host & (servers["kind"].astype(str) != "appliance")
    server_assets = assets[(assets["kind"] == "server") & (assets["capability"] == "server_os")]
    windows = server_assets.loc[
        os_families(normaliser, server_assets["product_id"]).eq("windows").to_numpy(),
        ["municipality", "record_id"],
    ]
    is_windows = pd.MultiIndex.from_arrays([servers["municipality"], servers["id"]]).isin(
        pd.MultiIndex.from_frame(windows)
    )
    joined = members & is_windows & (role != "domain_controller")
    devices = snapshot.table("network_device")
    monitored = devices[~devices["role"].astype(str).isin(_UNMONITORED_ROLES)]
    quantity = pd.to_numeric(monitored["quantity"], errors="coerce").fillna(1)
    clients = snapshot.table("client")
    managed: dict[tuple[str, str], float] = {}
    student: dict[tuple[str, str], float] = {}
    if not clients.empty:
        # grouped on the columns as stored: text conversions of millions of rows cost more
        # than the sums
        count = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1)
        frame = pd.DataFrame(
            {"devices": count, "students": count.where(clients["user_group"] == "student", 0)}
        )
        summed = frame.groupby(
            [clients["municipality"], clients["managed_by"]], sort=False, observed=True, dropna=True
        )[["devices", "students"]].sum()
        keys = list(
            zip(
                summed.index.get_level_values(0).astype(str),
                summed.index.get_level_values(1).astype(str),
                strict=True,
            )
        )
        managed = dict(zip(keys, summed["devices"].astype(float), strict=True))
        student = dict(zip(keys, summed["students"].astype(float), strict=True))
    return _Counts(
        employees=per_municipality("employees"),
        students=per_municipality("students_with_devices"),
        windows_servers=_count(servers.loc[joined, "municipality"]),
        servers=_count(servers.loc[members, "municipality"]),
        hosts=_count(servers.loc[hosts, "municipality"]),
        network_devices={
            str(m): float(v)
            for m, v in quantity.groupby(monitored["municipality"].astype(str)).sum().items()
        },
        managed=managed,
        student_managed=student,
    )


def _count(municipalities: pd.Series) -> dict[str, int]:
    return {str(m): int(n) for m, n in municipalities.astype(str).value_counts().items()}
