"""Drafting a target architecture from the inventories (``inventory propose-target``).

Per capability, every product in use is a candidate. Its migration effort is what the
other assets would cost to move onto it, from the unit efforts: each platform on another
product is replaced (``platform_replacement_hours``), each on an older cycle upgraded
(``platform_upgrade_hours``); server operating systems and hypervisor hosts count
``os_upgrade_hours`` each; client operating systems ``client_os_upgrade_hours`` per
device (plus ``client_reenrolment_hours`` when the device changes operating system) and
management platforms ``client_reenrolment_hours`` per device. The candidate with the
least effort wins; ties go to the one more municipalities use, then to more assets.

Lifecycle: the minimum version follows ``cycles.minimum_cycle`` (never an end-of-life
cycle: when every cycle in use has ended, the catalogue's newest supported cycle).

Products used side by side: when the products of a capability serve different user
groups (read from the devices a platform manages, else its licences against the
municipality's employees and students with devices, else an "Education" title) and the
same municipalities run them together, each user group gets its own product and the
capability allows them all (Microsoft 365 for staff and Google Workspace for Education
for students). Client standards are proposed per user group and device kind: the
operating system with the least effort, managed by the endpoint-management product
chosen for the group when it already manages that kind of device (fewest platforms
first, then fewest re-enrolments).

Business applications: see ``propose_applications``. The reasoning (alternatives and
their effort) is kept per capability so that people can check the choice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from inventory.analyse.applications import application_assets, municipality_population
from inventory.analyse.baseline import baseline_assets, cycle_order
from inventory.analyse.identity import is_unlisted
from inventory.analyse.normalise import Normaliser
from inventory.messages import Code, Message, MessageList, plain
from inventory.snapshot import InventorySnapshot
from inventory.target.cycles import PLANNING_MONTHS, minimum_cycle
from inventory.target.model import (
    CapabilityTarget,
    ClientStandard,
    DatacentreTarget,
    InterconnectMinimum,
    LifecyclePolicy,
    NetworkTarget,
    ProductChoice,
    SlaLevel,
    TargetArchitecture,
    UnitEfforts,
)
from inventory.target.propose_applications import ApplicationProposal, propose_applications

__all__ = ["PLANNING_MONTHS", "TargetProposal", "propose_target"]

BANDWIDTH_STEPS = (100.0, 1000.0, 10000.0, 40000.0, 100000.0)


@dataclass(frozen=True)
class Alternative:
    """One candidate product for a capability, with what choosing it would cost."""

    product_id: str
    product: str
    min_version: str | None
    municipalities: int
    assets: int
    effort_hours: float
    lifecycle: str
    chosen: bool
    user_group: str | None = None
    version_reason: Message | None = None


@dataclass
class CapabilityProposal:
    """The proposal for one capability and why."""

    capability: str
    alternatives: list[Alternative]
    why: Message | MessageList

    @property
    def reason(self) -> str:
        """The reasoning in English (``why`` is the message, shown in any language)."""
        return str(self.why)

    @property
    def chosen(self) -> Alternative | None:
        return next((a for a in self.alternatives if a.chosen), None)


@dataclass
class TargetProposal:
    """A drafted target and the reasoning behind each choice."""

    target: TargetArchitecture
    capabilities: list[CapabilityProposal]
    notes: list[Message] = field(default_factory=list)
    applications: list[ApplicationProposal] = field(default_factory=list)

    def to_yaml(self) -> str:
        """The target as a YAML target file (loads with ``load_target``)."""
        data = self.target.model_dump(mode="json", exclude_none=True)
        header = "# Drafted by `inventory propose-target`: review every choice.\n"
        return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target.model_dump(mode="json", exclude_none=True),
            "capabilities": [
                {
                    "capability": c.capability,
                    "reason": c.reason,
                    "alternatives": [
                        {k: plain(v) for k, v in a.__dict__.items()} for a in c.alternatives
                    ],
                }
                for c in self.capabilities
            ],
            "applications": [
                {
                    "business_area": a.business_area,
                    "reason": a.reason,
                    "alternatives": [x.__dict__ for x in a.alternatives],
                }
                for a in self.applications
            ],
            "notes": [str(note) for note in self.notes],
        }


def _unit_hours(capability: str, efforts: UnitEfforts) -> tuple[float, float]:
    """(hours to move an asset off another product, hours to upgrade one) for a capability."""
    if capability in ("server_os", "hypervisor_host"):
        return efforts.os_upgrade_hours, efforts.os_upgrade_hours
    if capability.startswith("client_os"):  # another OS: reinstalled and re-enrolled
        return (
            efforts.client_os_upgrade_hours + efforts.client_reenrolment_hours,
            efforts.client_os_upgrade_hours,
        )
    if capability.startswith("client_management"):
        return efforts.client_reenrolment_hours, 0.0
    return efforts.platform_replacement_hours, efforts.platform_upgrade_hours


def _propose_one(
    capability: str,
    assets: pd.DataFrame,
    normaliser: Normaliser,
    efforts: UnitEfforts,
    as_of: dt.date,
    horizon: int,
) -> CapabilityProposal:
    replace_hours, upgrade_hours = _unit_hours(capability, efforts)
    total = float(assets["count"].sum())
    alternatives = []
    for product_id, group in assets.groupby("product_id", sort=True):
        minimum = minimum_cycle(group, normaliser, str(product_id), as_of, horizon)
        cycle, version, state = minimum.cycle, minimum.version, minimum.lifecycle
        if state == "end_of_life":
            effort = float("inf")
        else:
            others = total - float(group["count"].sum())
            below = 0.0
            if cycle is not None:
                lowest = cycle_order(normaliser, str(product_id), cycle) or (0.0,)
                older = [
                    c is None
                    or pd.isna(c)
                    or (cycle_order(normaliser, str(product_id), c) or (0.0,)) < lowest
                    for c in group["cycle"]
                ]
                below = float(group.loc[older, "count"].sum())
            effort = others * replace_hours + below * upgrade_hours
        product = str(group["product_written"].mode().iloc[0])
        alternatives.append(
            Alternative(
                product_id=str(product_id),
                product=product,
                min_version=version,
                municipalities=int(group["municipality"].nunique()),
                assets=int(group["count"].sum()),
                effort_hours=round(effort, 1),
                lifecycle=state,
                chosen=False,
                version_reason=minimum.reason,
            )
        )
    alternatives.sort(key=lambda a: (a.effort_hours, -a.municipalities, -a.assets))
    if alternatives and alternatives[0].effort_hours != float("inf"):
        best = alternatives[0]
        alternatives[0] = Alternative(**{**best.__dict__, "chosen": True})
        parts = [
            Message(
                "target.reason.least_effort",
                {
                    "product": f"{best.product} {best.min_version or ''}".strip(),
                    "hours": best.effort_hours,
                    "municipalities": best.municipalities,
                    "assets": best.assets,
                    "lifecycle": Code("lifecycle", best.lifecycle),
                },
            )
        ]
        if best.min_version and best.version_reason is not None:
            parts.append(Message("target.reason.minimum", {"reason": best.version_reason}))
        parts.append(
            _alternatives(alternatives[1:])
            if len(alternatives) > 1
            else Message("target.reason.no_alternative")
        )
        reason: Message | MessageList = MessageList(tuple(parts))
    elif not alternatives:
        reason = Message("target.reason.nothing_in_use")
    else:
        reason = Message("target.reason.all_ended")
    return CapabilityProposal(capability, alternatives, reason)


def _alternatives(alternatives: list[Alternative]) -> Message:
    """ "alternatives: A (3 h), B (5 h)"."""
    return Message(
        "target.reason.alternatives",
        {
            "listed": MessageList(
                tuple(
                    Message(
                        "target.reason.product_hours",
                        {"product": a.product, "hours": a.effort_hours},
                    )
                    for a in alternatives
                ),
                ", ",
            )
        },
    )


def _then(why: Message | MessageList, part: Message) -> MessageList:
    """``why`` followed by ``part`` ("…; part")."""
    parts = why.parts if isinstance(why, MessageList) else (why,)
    return MessageList((*parts, part))


def _choice(proposal: CapabilityProposal) -> list[ProductChoice]:
    chosen = proposal.chosen
    if chosen is None:
        return []
    return [ProductChoice(product=chosen.product, min_version=chosen.min_version)]


#: Device kinds proposed together (one standard): staff computers are one fleet.
KIND_CLASSES: dict[str, tuple[str, ...]] = {
    "laptop": ("laptop", "desktop"),
    "desktop": ("laptop", "desktop"),
}
#: Share of a fleet's devices from which a second operating system is allowed too.
SECOND_OS_SHARE = 0.2
#: Co-use (Jaccard of the municipalities running them) from which products serving
#: different user groups count as used side by side.
SIDE_BY_SIDE = 0.5


def _platform_user_groups(snapshot: InventorySnapshot, platforms: pd.DataFrame) -> pd.Series:
    """The user group each platform record serves (index: municipality, record_id).

    From the devices it manages (majority group), else its licences against the
    municipality's employees and students with devices, else an "Education" title.
    """
    keys = pd.MultiIndex.from_frame(platforms[["municipality", "record_id"]])
    group = pd.Series([None] * len(platforms), index=keys, dtype=object)
    clients = snapshot.table("client")
    if not clients.empty:
        devices = pd.DataFrame(
            {
                "municipality": clients["municipality"],
                "record_id": clients["managed_by"],
                "user_group": clients["user_group"].astype(object),
                "devices": pd.to_numeric(clients["quantity"], errors="coerce").fillna(1),
            }
        ).dropna(subset=["record_id", "user_group"])
        summed = (
            devices.groupby(["municipality", "record_id", "user_group"])["devices"]
            .sum()
            .reset_index()
            .sort_values("devices", ascending=False)
        )
        top = summed.drop_duplicates(["municipality", "record_id"]).set_index(
            ["municipality", "record_id"]
        )["user_group"]
        group = group.where(group.notna(), top.reindex(keys).astype(object))
    table = snapshot.table("platform").set_index(["municipality", "id"])
    table = table[~table.index.duplicated()]
    people = snapshot.table("municipality").set_index("code")
    licences = pd.to_numeric(table["licences"].astype(object).reindex(keys), errors="coerce")
    codes = platforms["municipality"].to_numpy()
    staff = pd.to_numeric(people["employees"].astype(object), errors="coerce").reindex(codes)
    students = pd.to_numeric(
        people["students_with_devices"].astype(object), errors="coerce"
    ).reindex(codes)
    by_licences = [
        None
        if pd.isna(n) or pd.isna(e) or pd.isna(s)
        else ("student" if abs(n - s) < abs(n - e) else "staff")
        for n, e, s in zip(licences, staff, students, strict=True)
    ]
    group = group.where(group.notna(), pd.Series(by_licences, index=keys, dtype=object))
    education = platforms["title"].astype(str).str.contains("education", case=False)
    return group.where(group.notna() | ~education.to_numpy(), "student")


def _side_by_side(group: pd.DataFrame, served: pd.Series) -> dict[str, pd.DataFrame] | None:
    """The assets per user group when the capability's products serve different groups
    and run side by side in the same municipalities; else ``None``."""
    keys = pd.MultiIndex.from_frame(group[["municipality", "record_id"]])
    labelled = group.assign(user_group=served.reindex(keys).to_numpy())
    per_product: dict[str, str] = {}
    for product_id, values in labelled.groupby("product_id")["user_group"]:
        if values.notna().any():
            per_product[str(product_id)] = str(values.dropna().mode().iloc[0])
    if len(set(per_product.values())) < 2:
        return None
    labelled["user_group"] = labelled["product_id"].map(per_product)
    sizes = labelled.groupby(["user_group", "product_id"])["count"].sum()
    leaders = [str(sizes[g].idxmax()) for g in sorted(set(per_product.values()))]
    runs = {p: set(labelled.loc[labelled["product_id"] == p, "municipality"]) for p in leaders}
    first = runs[leaders[0]]
    if not all(
        len(first & runs[p]) / max(1, len(first | runs[p])) >= SIDE_BY_SIDE for p in leaders[1:]
    ):
        return None
    return {str(g): part for g, part in labelled.groupby("user_group", sort=True)}


def _propose_capability(
    capability: str,
    group: pd.DataFrame,
    served: pd.Series,
    normaliser: Normaliser,
    efforts: UnitEfforts,
    as_of: dt.date,
    horizon: int,
) -> list[CapabilityProposal]:
    """One proposal, or one per user group when products are used side by side."""
    split = _side_by_side(group, served) if capability != "hypervisor" else None
    if split is None:
        return [_propose_one(capability, group, normaliser, efforts, as_of, horizon)]
    proposals = []
    for user_group, part in split.items():
        proposal = _propose_one(
            f"{capability}:{user_group}", part, normaliser, efforts, as_of, horizon
        )
        proposal.alternatives = [
            Alternative(**{**a.__dict__, "user_group": user_group}) for a in proposal.alternatives
        ]
        proposals.append(proposal)
    chosen = [p.chosen for p in proposals if p.chosen is not None]
    names = MessageList(
        tuple(
            Message(
                "target.reason.product_for",
                {"product": c.product, "group": Code("user_group", str(c.user_group))},
            )
            for c in chosen
        ),
        ", ",
    )
    municipalities = sorted(set(group["municipality"]))
    for proposal in proposals:
        proposal.why = Message(
            "target.reason.side_by_side",
            {"names": names, "municipalities": ", ".join(municipalities), "reason": proposal.why},
        )
    return proposals


def _management_choice(
    devices: pd.DataFrame,
    platforms: pd.DataFrame,
    label: str,
    preferred: list[str],
    normaliser: Normaliser,
    efforts: UnitEfforts,
    as_of: dt.date,
    horizon: int,
) -> CapabilityProposal:
    """The management platform for a fleet: the group's endpoint-management choice when it
    already manages such devices, else another chosen one, else the least re-enrolment."""
    managed = pd.DataFrame(
        {
            "municipality": devices["municipality"],
            "record_id": devices["managed_by"],
            "devices": pd.to_numeric(devices["quantity"], errors="coerce").fillna(1),
        }
    ).dropna()
    merged = managed.merge(platforms, on=["municipality", "record_id"], how="inner")
    merged["count"] = merged["devices"]
    proposal = _propose_one(
        f"client_management:{label}", merged, normaliser, efforts, as_of, horizon
    )
    in_use = {a.product_id for a in proposal.alternatives}
    pick = next((p for p in preferred if p in in_use), None)
    if pick is None or (proposal.chosen is not None and proposal.chosen.product_id == pick):
        return proposal
    proposal.alternatives = [
        Alternative(**{**a.__dict__, "chosen": a.product_id == pick}) for a in proposal.alternatives
    ]
    chosen = proposal.chosen
    assert chosen is not None
    proposal.why = MessageList(
        (
            Message(
                "target.reason.platform_chosen",
                {
                    "product": chosen.product,
                    "assets": chosen.assets,
                    "municipalities": chosen.municipalities,
                    "hours": chosen.effort_hours,
                },
            ),
            _alternatives([a for a in proposal.alternatives if not a.chosen]),
        )
    )
    return proposal


def _os_choices(proposal: CapabilityProposal, fleet: pd.DataFrame) -> list[ProductChoice]:
    """The chosen OS, plus a second one that holds a large share in several municipalities."""
    choices = _choice(proposal)
    total = float(fleet["count"].sum()) or 1.0
    for alternative in proposal.alternatives:
        if (
            not alternative.chosen
            and alternative.effort_hours != float("inf")
            and alternative.assets / total >= SECOND_OS_SHARE
            and alternative.municipalities >= 2
        ):
            choices.append(
                ProductChoice(product=alternative.product, min_version=alternative.min_version)
            )
            proposal.why = _then(
                proposal.why,
                Message(
                    "target.reason.allowed_too",
                    {
                        "product": alternative.product,
                        "percent": str(round(100 * alternative.assets / total)),
                        "municipalities": alternative.municipalities,
                    },
                ),
            )
    return choices


def _client_standards(
    snapshot: InventorySnapshot,
    clients: pd.DataFrame,
    platforms: pd.DataFrame,
    management: dict[str, list[str]],
    normaliser: Normaliser,
    efforts: UnitEfforts,
    as_of: dt.date,
    horizon: int,
) -> tuple[list[ClientStandard], list[CapabilityProposal], list[Message]]:
    """Client standards per user group and device kind, with the reasoning."""
    records = snapshot.table("client")
    kind_of = records.set_index(["municipality", "id"])["kind"].astype(str)
    kind_of = kind_of[~kind_of.index.duplicated()]
    fleet_kind = kind_of.reindex(
        pd.MultiIndex.from_frame(clients[["municipality", "record_id"]])
    ).to_numpy()
    clients = clients.assign(device_kind=[KIND_CLASSES.get(k, (k,))[0] for k in fleet_kind])
    standards: dict[tuple[str, str, str], ClientStandard] = {}
    proposals: list[CapabilityProposal] = []
    notes: list[Message] = []
    for (user_group, kind), fleet in clients.groupby(["user_group", "device_kind"], sort=True):
        kinds = KIND_CLASSES.get(str(kind), (str(kind),))
        label = f"{user_group}:{'+'.join(kinds)}"
        os_proposal = _propose_one(f"client_os:{label}", fleet, normaliser, efforts, as_of, horizon)
        os_list = _os_choices(os_proposal, fleet)
        devices = records[
            (records["user_group"].astype(str) == str(user_group))
            & records["kind"].astype(str).isin(kinds)
        ]
        preferred = management.get(str(user_group), []) + [
            p for group_products in management.values() for p in group_products
        ]
        manager = _management_choice(
            devices, platforms, label, preferred, normaliser, efforts, as_of, horizon
        )
        proposals.extend([os_proposal, manager])
        if not os_list or manager.chosen is None:
            notes.append(
                Message(
                    "target.note.no_os_platform"
                    if not os_list
                    else "target.note.no_management_platform",
                    {"label": label},
                )
            )
            continue
        key = (str(user_group), os_list[0].product, manager.chosen.product)
        known = standards.get(key)
        if known is not None:  # one standard for the kinds that share OS and management
            merged_os = known.os + [
                c for c in os_list if c.product not in {o.product for o in known.os}
            ]
            standards[key] = ClientStandard(
                user_group=known.user_group,
                kinds=[*known.kinds, *kinds],
                os=merged_os,
                management=known.management,
            )
        else:
            standards[key] = ClientStandard(
                user_group=str(user_group),
                kinds=list(kinds),
                os=os_list,
                management=manager.chosen.product,
            )
    return list(standards.values()), proposals, notes


def propose_target(
    snapshot: InventorySnapshot,
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
    name: str | None = None,
    efforts: UnitEfforts | None = None,
) -> TargetProposal:
    """Draft a target architecture that minimises migration effort, with its reasoning.

    ``efforts`` (default: ``UnitEfforts()``) price the alternatives and go into the file.

    Example::

        proposal = propose_target(store.snapshot(), as_of=dt.date.today())
        Path("target.yaml").write_text(proposal.to_yaml())
    """
    normaliser = normaliser or Normaliser.default()
    efforts = efforts or UnitEfforts()
    lifecycle = LifecyclePolicy()
    horizon = lifecycle.horizon_months
    assets = baseline_assets(snapshot, normaliser, as_of, horizon)
    # products outside the catalogue are compared (gap) but never proposed as a standard
    assets = assets[assets["product_id"].notna() & ~assets["product_id"].map(is_unlisted)]
    proposals: list[CapabilityProposal] = []
    capabilities: dict[str, CapabilityTarget] = {}
    platform_assets = assets[assets["kind"] == "platform"]
    served = _platform_user_groups(snapshot, platform_assets)
    management: dict[str, list[str]] = {}
    for capability, group in platform_assets.groupby("capability", sort=True):
        if str(capability) == "hypervisor":  # hosts count too: they are reinstalled
            group = assets[assets["capability"] == "hypervisor"]
        found = _propose_capability(
            str(capability), group, served, normaliser, efforts, as_of, horizon
        )
        proposals.extend(found)
        choices = [c for p in found for c in _choice(p)]
        if choices:
            capabilities[str(capability)] = CapabilityTarget(products=choices)
        if capability == "endpoint_management":
            for proposal in found:
                chosen = proposal.chosen
                if chosen is not None:
                    management.setdefault(chosen.user_group or "", []).append(chosen.product_id)
    server_os: list[ProductChoice] = []
    servers = assets[(assets["kind"] == "server") & (assets["capability"] == "server_os")]
    for product_id, group in servers.groupby("product_id", sort=True):
        if group["municipality"].nunique() < 2:
            continue  # a family only one municipality runs is migrated, not standardised
        proposal = _propose_one(
            f"server_os:{product_id}", group, normaliser, efforts, as_of, horizon
        )
        proposals.append(proposal)
        server_os.extend(_choice(proposal))
    standards, client_proposals, notes = _client_standards(
        snapshot,
        assets[assets["kind"] == "client"],
        platform_assets,
        management,
        normaliser,
        efforts,
        as_of,
        horizon,
    )
    proposals.extend(client_proposals)
    _align_management(capabilities, standards)
    applications, application_proposals = propose_applications(
        application_assets(snapshot, normaliser, as_of, horizon),
        municipality_population(snapshot),
        snapshot.municipalities,
        efforts,
    )
    target = TargetArchitecture(
        name=name or "Proposed target architecture",
        description=f"Drafted from the inventories of {', '.join(snapshot.municipalities)}"
        f" as of {as_of.isoformat()}.",
        municipalities=snapshot.municipalities,
        capabilities=capabilities,
        applications=applications or None,
        server_os=server_os,
        clients=standards,
        network=_network(snapshot),
        lifecycle=lifecycle,
        sla=_default_sla(),
        datacentres=_datacentres(snapshot),
        efforts=efforts,
    )
    return TargetProposal(
        target=target, capabilities=proposals, notes=notes, applications=application_proposals
    )


def _align_management(
    capabilities: dict[str, CapabilityTarget], standards: list[ClientStandard]
) -> None:
    """Every management platform a client standard names is allowed for endpoint management."""
    chosen = capabilities.get("endpoint_management")
    names = [standard.management for standard in standards]
    if chosen is None:
        if names:
            capabilities["endpoint_management"] = CapabilityTarget(
                products=[ProductChoice(product=n) for n in dict.fromkeys(names)]
            )
        return
    have = {product.product for product in chosen.products}
    chosen.products.extend(ProductChoice(product=n) for n in dict.fromkeys(names) if n not in have)


def _network(snapshot: InventorySnapshot) -> NetworkTarget:
    """The highest bandwidth step at least half the interconnects meet; majority zones.

    An interconnect is a link whose resolved ends belong to different municipalities.
    """
    links = snapshot.table("link")
    refs = snapshot.references
    refs = refs[(refs["kind"] == "link") & refs["field"].isin(["a_site", "b_site"])]
    foreign = refs[refs["target_municipality"] != refs["municipality"]]
    between_ids = set(zip(foreign["municipality"], foreign["id"], strict=True))
    written = links["b_site"].astype(str).str.contains(":", regex=False) | links["a_site"].astype(
        str
    ).str.contains(":", regex=False)
    between = (
        pd.Series(
            [
                (m, i) in between_ids
                for m, i in zip(links["municipality"], links["id"], strict=True)
            ],
            index=links.index,
        )
        | written
    )
    speeds = pd.to_numeric(links.loc[between, "bandwidth_mbps"], errors="coerce").dropna()
    minimum = 1000.0
    for step in BANDWIDTH_STEPS:
        if not speeds.empty and (speeds >= step).mean() >= 0.5:
            minimum = max(minimum, step)
    zones = snapshot.table("zone")
    count = max(1, len(snapshot.municipalities))
    used = zones.groupby(zones["purpose"].astype(str))["municipality"].nunique()
    required = sorted(str(p) for p, n in used.items() if n / count > 0.5)
    return NetworkTarget(
        interconnect=InterconnectMinimum(min_bandwidth_mbps=minimum), required_zones=required
    )


def _datacentres(snapshot: InventorySnapshot) -> DatacentreTarget | None:
    """The two datacentres with the most free rack units (then spare kW), if any."""
    sites = snapshot.table("site")
    sites = sites[sites["kind"].astype(str) == "datacentre"].copy()
    if sites.empty:
        return None
    sites["free_u"] = pd.to_numeric(sites["rack_units_free"], errors="coerce").fillna(0)
    sites["free_kw"] = (
        pd.to_numeric(sites["power_capacity_kw"], errors="coerce")
        - pd.to_numeric(sites["power_used_kw"], errors="coerce")
    ).fillna(0)
    ranked = sites.sort_values(["free_u", "free_kw"], ascending=False)
    names = (ranked["municipality"].astype(str) + ":" + ranked["id"].astype(str)).tolist()
    return DatacentreTarget(primary=names[0], secondary=names[1] if len(names) > 1 else None)


def _default_sla() -> dict[Any, SlaLevel]:
    return {
        "critical": SlaLevel(
            availability_percent=99.9, redundancy_required=True, recovery_time_hours=4
        ),
        "high": SlaLevel(
            availability_percent=99.5, redundancy_required=True, recovery_time_hours=8
        ),
        "medium": SlaLevel(availability_percent=99.0, recovery_time_hours=24),
        "low": SlaLevel(availability_percent=98.0, recovery_time_hours=72),
    }


def write_proposed_target(
    snapshot: InventorySnapshot,
    out: Path | None = None,
    *,
    as_of: dt.date,
    efforts: UnitEfforts | None = None,
) -> TargetProposal:
    """``inventory propose-target``: :func:`propose_target`, and its target file (YAML)
    written to ``out`` when given: a new file only, never one in the way (it may be a
    target someone has edited since it was drafted): ``FileExistsError``, nothing
    written."""
    from inventory.output_files import created_file, make_folder

    proposal = propose_target(snapshot, as_of=as_of, efforts=efforts)
    if out is not None:
        make_folder(out.parent)
        with created_file(out) as stream:
            stream.write(proposal.to_yaml().encode("utf-8"))
    return proposal
