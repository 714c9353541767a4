"""Business applications as building blocks, and the functions they fill in an area.

A business area (social care, HR, ...) holds several functions: in social care the case
records system and the digital door locks, in HR payroll, scheduling and recruitment.
The inventory does not say which function an application fills, so it is read from
usage: two products of one area that no municipality runs side by side do the same job
(each municipality picked one: Procapita, Combine, Treserva); two products run side by
side by some municipality do different jobs (Procapita and Phoniro Care).

``function_groups`` puts the products of each area into such groups, greedily, most
used product first: a product joins a group when no municipality uses it together with
any member; among several such groups it joins the one whose members reach a similar
share of the population (users per inhabitant: a payroll system and a learning platform
have very different user bases), then the larger group. A product compatible with no
group starts its own. A group of one product needs no harmonisation. Where the business
catalogue knows better, it wins: modules of one suite (Visma Flyt Skole and Flyt
Barnehage) and systems of different catalogue areas never share a group, so one is never
"replaced" by the other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from inventory.analyse.business_catalogue import business_catalogue
from inventory.analyse.graph import node_id
from inventory.analyse.identity import product_identity
from inventory.analyse.lifecycle import lifecycle_frame
from inventory.analyse.normalise import Normaliser
from inventory.analyse.normalise_review import ProductSource, normalise_snapshot
from inventory.gap.blocks import ASSET_COLUMNS
from inventory.snapshot import InventorySnapshot

_SOURCE = ProductSource("application", "software", "vendor", "product", "version",
                        fallback="name")

#: Columns of ``application_assets`` beyond the baseline asset columns.
APPLICATION_EXTRA_COLUMNS = ("users", "vendor_written")


def application_assets(snapshot: InventorySnapshot, normaliser: Normaliser, as_of: object,
                       horizon_months: int = 12) -> pd.DataFrame:
    """One row per application (``blocks.ASSET_COLUMNS`` + ``users``, ``vendor_written``).

    ``capability`` is the business area (``other`` when empty), ``domain``
    ``applications``, ``count`` 1 (an application is one asset) and ``users`` its users
    (0 when not given). Unmatched products keep their own identity (``identity.unlisted_id``).
    """
    columns = (*ASSET_COLUMNS, *APPLICATION_EXTRA_COLUMNS)
    normalised = normalise_snapshot(snapshot, normaliser, (_SOURCE,))
    applications = snapshot.table("application")
    if normalised.empty or applications.empty:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
    keyed = applications.set_index(["municipality", "id"])
    keyed = keyed[~keyed.index.duplicated()]
    keys = pd.MultiIndex.from_frame(normalised[["municipality", "record_id"]])
    area = keyed["business_area"].astype(object).reindex(keys).to_numpy()
    users = pd.to_numeric(keyed["users"].astype(object).reindex(keys), errors="coerce")
    assets = normalised.assign(
        capability=pd.Series(area, index=normalised.index).fillna("other").astype(str),
        users=users.fillna(0).to_numpy(dtype=float), user_group=None, domain="applications")
    product_key, title = product_identity(assets["product_id"], assets["title"],
                                          assets["vendor_written"], assets["product_written"],
                                          assets["status"])
    assets["product_id"] = product_key
    assets["title"] = title
    cycle = assets["cycle"].astype(object)
    assets["block_id"] = (assets["capability"] + ":" + product_key + ":"
                          + cycle.where(cycle.notna(), "-"))
    assets["node"] = [node_id(m, "application", r) for m, r in zip(
        assets["municipality"], assets["record_id"], strict=True)]
    assets["count"] = 1
    lifecycle = lifecycle_frame(assets, as_of, horizon_months,  # type: ignore[arg-type]
                                normaliser=normaliser)
    assets = pd.concat([assets, lifecycle[["lifecycle_state", "eol", "lifecycle_note"]]],
                       axis=1)
    return assets.loc[:, list(columns)].reset_index(drop=True)


@dataclass(frozen=True)
class FunctionGroup:
    """Products of one business area that do the same job (never run side by side)."""

    area: str
    products: tuple[str, ...]  # product ids, most users first

    @property
    def key(self) -> str:
        return f"{self.area}:{self.products[0]}"


def _intensity(users: float, population: float) -> float:
    return math.log((users + 1.0) / max(population, 1.0))


def function_groups(assets: pd.DataFrame, population: dict[str, float]) -> list[FunctionGroup]:
    """The function groups of every business area (see the module docstring).

    ``assets`` has ``capability`` (the area), ``product_id``, ``municipality`` and
    ``users``; ``population`` maps a municipality code to its inhabitants (missing: 1).
    """
    if assets.empty:
        return []
    usage = assets.groupby(["capability", "product_id"], sort=True).agg(
        users=("users", "sum"),
        municipalities=("municipality", lambda codes: frozenset(map(str, codes))))
    groups: list[FunctionGroup] = []
    catalogue = business_catalogue()
    for area, per_area in usage.groupby(level=0, sort=True):
        ranked = per_area.reset_index().sort_values(
            ["users", "product_id"], ascending=[False, True])
        members: list[list[str]] = []
        covered: list[set[str]] = []
        intensity: list[list[float]] = []
        for product_id, users, codes in zip(ranked["product_id"], ranked["users"],
                                            ranked["municipalities"], strict=True):
            people = sum(population.get(code, 1.0) for code in codes)
            own = _intensity(float(users), people)
            compatible = [n for n, seen in enumerate(covered) if not seen & codes
                          and not any(catalogue.distinct_functions(str(product_id), member)
                                      for member in members[n])]
            if compatible:
                chosen = min(compatible, key=lambda n: (
                    abs(own - sum(intensity[n]) / len(intensity[n])), -len(members[n]), n))
                members[chosen].append(str(product_id))
                covered[chosen] |= codes
                intensity[chosen].append(own)
            else:
                members.append([str(product_id)])
                covered.append(set(codes))
                intensity.append([own])
        groups.extend(FunctionGroup(str(area), tuple(products)) for products in members)
    return groups


def group_of(groups: list[FunctionGroup]) -> dict[tuple[str, str], FunctionGroup]:
    """(area, product id) -> its function group."""
    return {(group.area, product): group for group in groups for product in group.products}


def municipality_population(snapshot: InventorySnapshot) -> dict[str, float]:
    """Inhabitants per municipality code (missing populations count as 1)."""
    frame = snapshot.table("municipality")
    population = pd.to_numeric(frame["population"], errors="coerce").fillna(1.0)
    return dict(zip(frame["code"].astype(str), population.astype(float), strict=True))
