"""Drafting a target architecture from the inventories (``inventory propose-target``).

Per capability, every product in use is a candidate. Its migration effort is what the
other assets would cost to move onto it, from the unit efforts: each platform on another
product is replaced (``platform_replacement_hours``), each on an older cycle upgraded
(``platform_upgrade_hours``); server operating systems and hypervisor hosts count
``os_upgrade_hours`` each; client operating systems ``client_os_upgrade_hours`` and
management platforms ``client_reenrolment_hours`` per device. The candidate with the
least effort wins; ties go to the one more municipalities use, then to more assets.

Lifecycle: a product whose every cycle in use is past its end of life is never proposed;
the minimum version is the oldest cycle in use that stays supported for the lifecycle
horizon plus ``PLANNING_MONTHS`` (the merger's planning period), else the newest cycle in
use that is not past its end of life. The reasoning (alternatives and their effort) is
kept per capability so that people can check the choice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import yaml

from inventory.analyse.lifecycle import add_months
from inventory.analyse.normalise import Normaliser
from inventory.gap.blocks import baseline_assets, cycle_order
from inventory.snapshot import InventorySnapshot
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

PLANNING_MONTHS = 36
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


@dataclass
class CapabilityProposal:
    """The proposal for one capability and why."""

    capability: str
    alternatives: list[Alternative]
    reason: str

    @property
    def chosen(self) -> Alternative | None:
        return next((a for a in self.alternatives if a.chosen), None)


@dataclass
class TargetProposal:
    """A drafted target and the reasoning behind each choice."""

    target: TargetArchitecture
    capabilities: list[CapabilityProposal]
    notes: list[str] = field(default_factory=list)

    def to_yaml(self) -> str:
        """The target as a YAML target file (loads with ``load_target``)."""
        data = self.target.model_dump(mode="json", exclude_none=True)
        header = "# Drafted by `inventory propose-target`: review every choice.\n"
        return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

    def to_json(self) -> dict[str, Any]:
        return {"target": self.target.model_dump(mode="json", exclude_none=True),
                "capabilities": [{"capability": c.capability, "reason": c.reason,
                                  "alternatives": [a.__dict__ for a in c.alternatives]}
                                 for c in self.capabilities],
                "notes": self.notes}


def _unit_hours(capability: str, efforts: UnitEfforts) -> tuple[float, float]:
    """(hours to move an asset off another product, hours to upgrade one) for a capability."""
    if capability in ("server_os", "hypervisor_host"):
        return efforts.os_upgrade_hours, efforts.os_upgrade_hours
    if capability.startswith("client_os"):
        return efforts.client_os_upgrade_hours, efforts.client_os_upgrade_hours
    if capability.startswith("client_management"):
        return efforts.client_reenrolment_hours, 0.0
    return efforts.platform_replacement_hours, efforts.platform_upgrade_hours


def _min_cycle(group: pd.DataFrame, normaliser: Normaliser, product_id: str,
               as_of: dt.date, horizon: int) -> tuple[str | None, str | None, str]:
    """(minimum cycle, version as written, lifecycle summary) for a product, or no cycle."""
    cycles = group.dropna(subset=["cycle"])
    if cycles.empty:
        states = set(group["lifecycle_state"])
        return None, None, "end_of_life" if states == {"end_of_life"} else (
            "evergreen" if "evergreen" in states else "unknown")
    usable = cycles[cycles["lifecycle_state"] != "end_of_life"]
    if usable.empty:
        return None, None, "end_of_life"
    ordered = sorted(set(usable["cycle"]), key=lambda c: cycle_order(
        normaliser, product_id, c) or (9.0,))
    far = add_months(as_of, horizon + PLANNING_MONTHS)
    chosen = ordered[-1]
    for cycle in ordered:
        eol = usable.loc[usable["cycle"] == cycle, "eol"].iloc[0]
        if eol is None or (isinstance(eol, dt.date) and eol > far):
            chosen = cycle
            break
    written = usable.loc[usable["cycle"] == chosen, "version_written"].mode()
    state = usable.loc[usable["cycle"] == chosen, "lifecycle_state"].iloc[0]
    return chosen, (str(written.iloc[0]) if not written.empty else chosen), str(state)


def _propose_one(capability: str, assets: pd.DataFrame, normaliser: Normaliser,
                 efforts: UnitEfforts, as_of: dt.date, horizon: int) -> CapabilityProposal:
    replace_hours, upgrade_hours = _unit_hours(capability, efforts)
    total = float(assets["count"].sum())
    alternatives = []
    for product_id, group in assets.groupby("product_id", sort=True):
        cycle, version, state = _min_cycle(group, normaliser, str(product_id), as_of, horizon)
        if state == "end_of_life":
            effort = float("inf")
        else:
            others = total - float(group["count"].sum())
            below = 0.0
            if cycle is not None:
                minimum = cycle_order(normaliser, str(product_id), cycle) or (0.0,)
                older = [c is None or pd.isna(c) or (
                    cycle_order(normaliser, str(product_id), c) or (0.0,)) < minimum
                    for c in group["cycle"]]
                below = float(group.loc[older, "count"].sum())
            effort = others * replace_hours + below * upgrade_hours
        product = str(group["product_written"].mode().iloc[0])
        alternatives.append(Alternative(
            product_id=str(product_id), product=product, min_version=version,
            municipalities=int(group["municipality"].nunique()),
            assets=int(group["count"].sum()), effort_hours=round(effort, 1),
            lifecycle=state, chosen=False))
    alternatives.sort(key=lambda a: (a.effort_hours, -a.municipalities, -a.assets))
    if alternatives and alternatives[0].effort_hours != float("inf"):
        best = alternatives[0]
        alternatives[0] = Alternative(**{**best.__dict__, "chosen": True})
        listed = ", ".join(f"{a.product} ({a.effort_hours:g} h)" for a in alternatives[1:])
        reason = (f"{best.product} {best.min_version or ''}".strip()
                  + f": least migration effort ({best.effort_hours:g} h), used by"
                  f" {best.municipalities} municipalities on {best.assets:,} assets,"
                  f" lifecycle {best.lifecycle}" + (f"; alternatives: {listed}" if listed
                                                     else "; no alternative in use"))
    else:
        reason = "every product in use is past its end of life: choose a new one"
    return CapabilityProposal(capability, alternatives, reason)


def _choice(proposal: CapabilityProposal) -> list[ProductChoice]:
    chosen = proposal.chosen
    if chosen is None:
        return []
    return [ProductChoice(product=chosen.product, min_version=chosen.min_version)]


def propose_target(snapshot: InventorySnapshot, *, as_of: dt.date,
                   normaliser: Normaliser | None = None, name: str | None = None
                   ) -> TargetProposal:
    """Draft a target architecture that minimises migration effort, with its reasoning."""
    normaliser = normaliser or Normaliser.default()
    efforts = UnitEfforts()
    lifecycle = LifecyclePolicy()
    assets = baseline_assets(snapshot, normaliser, as_of, lifecycle.horizon_months)
    assets = assets[assets["product_id"].notna()]
    proposals: list[CapabilityProposal] = []
    capabilities: dict[str, CapabilityTarget] = {}
    groups: list[tuple[str, pd.DataFrame]] = []
    platform_assets = assets[assets["kind"] == "platform"]
    for capability, group in platform_assets.groupby("capability", sort=True):
        if str(capability) == "hypervisor":  # hosts count too: they are reinstalled
            group = assets[assets["capability"] == "hypervisor"]
        groups.append((str(capability), group))
    servers = assets[(assets["kind"] == "server") & (assets["capability"] == "server_os")]
    clients = assets[assets["kind"] == "client"]
    for capability, group in groups:
        proposal = _propose_one(capability, group, normaliser, efforts, as_of,
                                lifecycle.horizon_months)
        proposals.append(proposal)
        if proposal.chosen:
            capabilities[capability] = CapabilityTarget(products=_choice(proposal))
    server_os: list[ProductChoice] = []
    for product_id, group in servers.groupby("product_id", sort=True):
        if group["municipality"].nunique() < 2:
            continue  # a family only one municipality runs is migrated, not standardised
        proposal = _propose_one(f"server_os:{product_id}", group, normaliser, efforts, as_of,
                                lifecycle.horizon_months)
        proposals.append(proposal)
        server_os.extend(_choice(proposal))
    standards = []
    for user_group, group in clients.groupby("user_group", sort=True):
        os_proposal = _propose_one(f"client_os:{user_group}", group, normaliser, efforts,
                                   as_of, lifecycle.horizon_months)
        proposals.append(os_proposal)
        management = _management(snapshot, platform_assets, str(user_group), normaliser,
                                 efforts, as_of, lifecycle.horizon_months)
        proposals.append(management)
        if os_proposal.chosen and management.chosen:
            standards.append(ClientStandard(user_group=str(user_group),
                                            os=_choice(os_proposal),
                                            management=management.chosen.product))
    target = TargetArchitecture(
        name=name or "Proposed target architecture",
        description=f"Drafted from the inventories of {', '.join(snapshot.municipalities)}"
                    f" as of {as_of.isoformat()}.",
        municipalities=snapshot.municipalities, capabilities=capabilities,
        server_os=server_os, clients=standards, network=_network(snapshot),
        lifecycle=lifecycle, sla=_default_sla(), datacentres=_datacentres(snapshot),
        efforts=efforts)
    return TargetProposal(target=target, capabilities=proposals)


def _management(snapshot: InventorySnapshot, platforms: pd.DataFrame, user_group: str,
                normaliser: Normaliser, efforts: UnitEfforts, as_of: dt.date,
                horizon: int) -> CapabilityProposal:
    """The management platform for one user group, weighted by the devices it manages."""
    clients = snapshot.table("client")
    clients = clients[clients["user_group"].astype(str) == user_group]
    devices = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1)
    managed = pd.DataFrame({"municipality": clients["municipality"],
                            "record_id": clients["managed_by"], "devices": devices}).dropna()
    merged = managed.merge(platforms, on=["municipality", "record_id"], how="inner")
    merged["count"] = merged["devices"]
    return _propose_one(f"client_management:{user_group}", merged, normaliser, efforts,
                        as_of, horizon)


def _network(snapshot: InventorySnapshot) -> NetworkTarget:
    """The highest bandwidth step at least half the interconnects meet; majority zones."""
    links = snapshot.table("link")
    between = links["b_site"].astype(str).str.contains(":", regex=False)
    speeds = pd.to_numeric(links.loc[between, "bandwidth_mbps"], errors="coerce").dropna()
    minimum = 1000.0
    for step in BANDWIDTH_STEPS:
        if not speeds.empty and (speeds >= step).mean() >= 0.5:
            minimum = max(minimum, step)
    zones = snapshot.table("zone")
    count = max(1, len(snapshot.municipalities))
    used = zones.groupby(zones["purpose"].astype(str))["municipality"].nunique()
    required = sorted(str(p) for p, n in used.items() if n / count > 0.5)
    return NetworkTarget(interconnect=InterconnectMinimum(min_bandwidth_mbps=minimum),
                         required_zones=required)


def _datacentres(snapshot: InventorySnapshot) -> DatacentreTarget | None:
    """The two datacentres with the most free rack units (then spare kW), if any."""
    sites = snapshot.table("site")
    sites = sites[sites["kind"].astype(str) == "datacentre"].copy()
    if sites.empty:
        return None
    sites["free_u"] = pd.to_numeric(sites["rack_units_free"], errors="coerce").fillna(0)
    sites["free_kw"] = (pd.to_numeric(sites["power_capacity_kw"], errors="coerce")
                        - pd.to_numeric(sites["power_used_kw"], errors="coerce")).fillna(0)
    ranked = sites.sort_values(["free_u", "free_kw"], ascending=False)
    names = (ranked["municipality"].astype(str) + ":" + ranked["id"].astype(str)).tolist()
    return DatacentreTarget(primary=names[0], secondary=names[1] if len(names) > 1 else None)


def _default_sla() -> dict[Any, SlaLevel]:
    return {"critical": SlaLevel(availability_percent=99.9, redundancy_required=True,
                                 recovery_time_hours=4),
            "high": SlaLevel(availability_percent=99.5, redundancy_required=True,
                             recovery_time_hours=8),
            "medium": SlaLevel(availability_percent=99.0, recovery_time_hours=24),
            "low": SlaLevel(availability_percent=98.0, recovery_time_hours=72)}
