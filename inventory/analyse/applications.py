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

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from inventory.analyse.assets import ASSET_COLUMNS, derive_assets
from inventory.analyse.business_catalogue import business_catalogue
from inventory.analyse.normalise import Normaliser
from inventory.analyse.normalise_review import ProductSource
from inventory.snapshot import InventorySnapshot

_SOURCE = ProductSource("application", "software", "vendor", "product", "version", fallback="name")

#: Columns of ``application_assets`` beyond the baseline asset columns.
APPLICATION_EXTRA_COLUMNS = ("users", "vendor_written")


def application_assets(
    snapshot: InventorySnapshot, normaliser: Normaliser, as_of: object, horizon_months: int = 12
) -> pd.DataFrame:
    """One row per application (``assets.ASSET_COLUMNS`` + ``users``, ``vendor_written``).

    The rows are ``analyse.assets.derive_assets``'s for applications (the one derivation
    overlap and gap share): ``capability`` is the business area (``other`` when empty),
    ``domain`` ``applications``, ``count`` 1 and unmatched products keep their own
    identity (``identity.unlisted_id``); here with their ``users`` (0 when not given) and
    the vendor as written.
    """
    columns = (*ASSET_COLUMNS, *APPLICATION_EXTRA_COLUMNS)
    day = as_of if isinstance(as_of, dt.date) else None
    assets = derive_assets(snapshot, normaliser, day, horizon_months, kinds=("application",))
    applications = snapshot.table("application")
    if assets.empty or applications.empty:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in columns})
    keyed = applications.set_index(["municipality", "id"])
    keyed = keyed[~keyed.index.duplicated()]
    keys = pd.MultiIndex.from_frame(assets[["municipality", "record_id"]])
    users = pd.to_numeric(keyed["users"].astype(object).reindex(keys), errors="coerce")
    vendor = (
        keyed["vendor"].astype(object).reindex(keys)
        if "vendor" in keyed.columns
        else pd.Series(None, index=keys, dtype=object)
    )
    assets = assets.assign(
        users=users.fillna(0).to_numpy(dtype=float),
        vendor_written=vendor.where(vendor.notna(), None).to_numpy(),
    )
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
        municipalities=("municipality", lambda codes: frozenset(map(str, codes))),
    )
    # each area's products most used first (the area's groups in its order): one sort
    ranked = usage.reset_index().sort_values(
        ["capability", "users", "product_id"], ascending=[True, False, True]
    )
    by_area: dict[str, list[tuple[object, float, frozenset[str]]]] = {}
    for area, product_id, users, codes in zip(
        ranked["capability"].tolist(),
        ranked["product_id"].tolist(),
        ranked["users"].tolist(),
        ranked["municipalities"].tolist(),
        strict=True,
    ):
        by_area.setdefault(area, []).append((product_id, users, codes))
    groups: list[FunctionGroup] = []
    catalogue = business_catalogue()
    for area, products in by_area.items():
        members: list[list[str]] = []
        covered: list[set[str]] = []
        intensity: list[list[float]] = []
        for product_id, users, codes in products:
            people = sum(population.get(code, 1.0) for code in codes)
            own = _intensity(float(users), people)
            compatible = [
                n
                for n, seen in enumerate(covered)
                if not seen & codes
                and not any(
                    catalogue.distinct_functions(str(product_id), member) for member in members[n]
                )
            ]
            if compatible:
                chosen = min(
                    compatible,
                    key=lambda n: (
                        abs(own - sum(intensity[n]) / len(intensity[n])),
                        -len(members[n]),
                        n,
                    ),
                )
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
