"""Readiness: how much of each municipality already runs as the target state asks.

The method (docs/method.md#readiness), in three steps:

1. **Capability.** An asset is *ready* when its building block is ``included`` in the gap
   matrix (a target product at a supported version), it is neither past its end of life
   nor reaching it within the target's lifecycle horizon (``lifecycle_state`` not
   ``end_of_life`` / ``ending``), and it is not marked as off the joint instance (the
   consolidation's mask: a municipality's own directory when the joint operation keeps
   another one). A capability's readiness is the share of its assets (devices for client
   fleets) that are ready. A capability the target runs that a municipality has no asset
   of (no SIEM, no monitoring) counts 0 % ready: nothing of the target is in place there.
   Business areas are left out of that rule (an inventory does not say which areas a
   municipality runs on a system of its own).
2. **Domain.** The mean over the domain's capabilities, each counting once.
3. **Overall.** The mean over the domains (network, datacentre, platforms, clients,
   applications) the municipality has, each counting once: ten thousand client devices
   are one capability of one domain, so they cannot swamp a datacentre at 6 %.

``all`` (``ALL``) rows give the municipalities together: the mean of the municipalities'
figures, each municipality counting once, at every level.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from inventory.gap.blocks import DOMAINS, domain_of
from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.gap.eol import EXPOSED_STATES
from inventory.messages import Message, english

#: The ``municipality`` of the rows that stand for all municipalities together.
ALL = "all"

NO_ASSET_NOTE = "none here: the target runs it"
OFF_JOINT_NOTE = "on the target product, merging into the joint instance"


class CapabilityReadiness(Contract):
    """Readiness per municipality and capability (``Readiness.capabilities``)."""

    municipality: Series[str]
    domain: Series[str] = Field(isin=list(DOMAINS))
    capability: Series[str]
    assets: Series[int] = Field(ge=0)
    ready_assets: Series[int] = Field(ge=0)
    readiness_percent: Series[float] = Field(ge=0, le=100)
    note: Series[str]
    note_message: Series[object]  # ``note`` as a message, for the report's language

    class Config:
        strict = True
        ordered = True
        coerce = True  # typed also when empty


class DomainReadiness(Contract):
    """Readiness per municipality (and ``all``) and domain: the mean of its capabilities."""

    municipality: Series[str]
    domain: Series[str] = Field(isin=list(DOMAINS))
    capabilities: Series[int] = Field(ge=1)
    assets: Series[int] = Field(ge=0)
    ready_assets: Series[int] = Field(ge=0)
    readiness_percent: Series[float] = Field(ge=0, le=100)

    class Config:
        strict = True
        ordered = True
        coerce = True  # typed also when empty


class OverallReadiness(Contract):
    """Readiness per municipality (and ``all``): the mean of its domains."""

    municipality: Series[str]
    domains: Series[int] = Field(ge=1)
    readiness_percent: Series[float] = Field(ge=0, le=100)

    class Config:
        strict = True
        ordered = True
        coerce = True  # typed also when empty


@dataclass(frozen=True)
class Readiness:
    """The three readiness tables (percentages rounded to one decimal, means unrounded)."""

    capabilities: pd.DataFrame  # CapabilityReadiness
    domains: pd.DataFrame  # DomainReadiness
    overall: pd.DataFrame  # OverallReadiness

    def overall_fraction(self, municipality: str = ALL) -> float | None:
        """The overall figure of ``municipality`` (default: all together) as a fraction."""
        row = self.overall[self.overall["municipality"] == municipality]
        if row.empty:
            return None
        return round(float(row["readiness_percent"].iloc[0]) / 100.0, 4)


def ready_mask(
    assets: pd.DataFrame, matrix: pd.DataFrame, off_joint: pd.Series | None = None
) -> np.ndarray:
    """Per asset row: on an included block, not exposed (end of life now or within the
    horizon) and not off the joint instance (``off_joint``, aligned with ``assets``)."""
    status = matrix.set_index("block_id")["status"]
    included = assets["block_id"].map(status).eq("included").to_numpy()
    exposed = assets["lifecycle_state"].isin(EXPOSED_STATES).to_numpy()
    ready = included & ~exposed
    if off_joint is not None:
        ready &= ~off_joint.reindex(assets.index, fill_value=False).astype(bool).to_numpy()
    return np.asarray(ready, dtype=bool)


def readiness(
    assets: pd.DataFrame,
    matrix: pd.DataFrame,
    *,
    municipalities: Iterable[str] = (),
    target_capabilities: Iterable[str] = (),
    off_joint: pd.Series | None = None,
) -> Readiness:
    """Readiness per capability, domain and overall (module docstring: the method).

    ``assets`` are the gap's asset rows (``baseline.baseline_assets`` with applications),
    ``matrix`` the gap matrix; ``target_capabilities`` the capabilities the target runs
    (a municipality with no asset of one gets a 0 % row, business areas excepted);
    ``off_joint`` (bool, aligned with ``assets``) marks assets on a target product that
    are not on the joint instance the consolidation keeps: they are not ready.
    """
    counts = assets["count"].astype("int64").to_numpy()
    ready = ready_mask(assets, matrix, off_joint)
    # off the joint instance and ready else: the note counts them (others fail anyway)
    off = ready_mask(assets, matrix) & ~ready
    frame = pd.DataFrame(
        {
            "municipality": assets["municipality"].astype(str).to_numpy(),
            "domain": assets["domain"].astype(str).to_numpy(),
            "capability": assets["capability"].astype(str).to_numpy(),
            "assets": counts,
            "ready_assets": np.where(ready, counts, 0),
            "off_joint": np.where(off, counts, 0),
        }
    )
    table = frame.groupby(["municipality", "domain", "capability"], sort=True).sum().reset_index()
    table = pd.concat(
        [table, _missing(table, municipalities, target_capabilities)], ignore_index=True
    )
    table["readiness_percent"] = np.where(
        table["assets"] > 0, 100.0 * table["ready_assets"] / table["assets"].clip(lower=1), 0.0
    )
    # the note as a message (the report's language), its English in ``note``
    notes: list[object] = [
        Message("gs.readiness.no_asset")
        if assets == 0
        else Message("gs.readiness.off_joint", {"count": int(off)})
        if off > 0
        else ""
        for assets, off in zip(table["assets"].tolist(), table["off_joint"].tolist(), strict=True)
    ]
    table["note"] = english(notes)
    table["note_message"] = pd.Series(notes, index=table.index, dtype=object)
    table = _ordered(table).reset_index(drop=True)
    domains = _domains(table)
    overall = _overall(domains)
    domains["readiness_percent"] = domains["readiness_percent"].round(1)
    capabilities = table.drop(columns=["off_joint"]).assign(
        readiness_percent=table["readiness_percent"].round(1)
    )
    for column in ("assets", "ready_assets"):
        capabilities[column] = capabilities[column].astype("int64")
    return Readiness(
        capabilities=typed(CapabilityReadiness, capabilities),
        domains=typed(DomainReadiness, domains),
        overall=typed(OverallReadiness, overall),
    )


def _missing(
    table: pd.DataFrame, municipalities: Iterable[str], target_capabilities: Iterable[str]
) -> pd.DataFrame:
    """0 % rows: target capabilities (not business areas) a municipality has no asset of."""
    wanted = sorted({str(c) for c in target_capabilities if domain_of(str(c)) != "applications"})
    codes = sorted(set(municipalities) | set(table["municipality"].tolist()))
    have = set(zip(table["municipality"].tolist(), table["capability"].tolist(), strict=True))
    rows = [
        (code, domain_of(capability), capability, 0, 0, 0)
        for code in codes
        for capability in wanted
        if (code, capability) not in have
    ]
    return pd.DataFrame(
        rows,
        columns=["municipality", "domain", "capability", "assets", "ready_assets", "off_joint"],
    ).astype({"assets": "int64", "ready_assets": "int64", "off_joint": "int64"})


def _ordered(table: pd.DataFrame) -> pd.DataFrame:
    """Sorted by municipality, domain (report order), capability."""
    order = table["domain"].map({domain: n for n, domain in enumerate(DOMAINS)})
    return (
        table.assign(_order=order)
        .sort_values(["municipality", "_order", "capability"], kind="stable")
        .drop(columns="_order")
    )


def _domains(capabilities: pd.DataFrame) -> pd.DataFrame:
    """Per municipality and domain the mean of its capabilities; ``all`` rows: the mean of
    the municipalities' domain figures (each municipality counting once). Unrounded."""
    # (one reduction per kind, not a named aggregation: the same figures, a third the cost)
    grouped = capabilities.groupby(["municipality", "domain"], sort=False)
    table = grouped[["assets", "ready_assets"]].sum()
    table.insert(0, "capabilities", grouped.size())
    table["readiness_percent"] = grouped["readiness_percent"].mean()
    table = table.reset_index()
    by_domain = table.groupby("domain", sort=False)
    together = by_domain[["assets", "ready_assets"]].sum()
    together["readiness_percent"] = by_domain["readiness_percent"].mean()
    together = together.reset_index()
    distinct = capabilities.groupby("domain", sort=False)["capability"].nunique()
    together.insert(0, "municipality", ALL)
    together.insert(2, "capabilities", together["domain"].map(distinct))
    table = pd.concat([table, together], ignore_index=True)
    for column in ("capabilities", "assets", "ready_assets"):
        table[column] = table[column].astype("int64")
    order = table["domain"].map({domain: n for n, domain in enumerate(DOMAINS)})
    last = table["municipality"].eq(ALL)
    return (
        table.assign(_last=last, _order=order)
        .sort_values(["_last", "municipality", "_order"], kind="stable")
        .drop(columns=["_last", "_order"])
        .reset_index(drop=True)
    )


def _overall(domains: pd.DataFrame) -> pd.DataFrame:
    """Per municipality the mean of its domains; ``all``: the mean of the municipalities'
    overall figures (each municipality counting once). From unrounded domain means."""
    own = domains[domains["municipality"] != ALL]
    grouped = own.groupby("municipality", sort=True)
    table = pd.DataFrame(
        {"domains": grouped.size(), "readiness_percent": grouped["readiness_percent"].mean()}
    )
    table = table.reset_index()
    if not table.empty:
        together = pd.DataFrame(
            {
                "municipality": [ALL],
                "domains": [int(own["domain"].nunique())],
                "readiness_percent": [float(table["readiness_percent"].mean())],
            }
        )
        table = pd.concat([table, together], ignore_index=True)
    table["domains"] = table["domains"].astype("int64")
    table["readiness_percent"] = table["readiness_percent"].astype(float).round(1)
    return table
