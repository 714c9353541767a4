"""Overlap between municipalities: which canonical products each uses, per capability.

The assets compared are ``analyse.assets.derive_assets``'s, the rows the gap report
reads too (one derivation: a server is a hypervisor host, an appliance or a server OS
the same way in both, and a product is named the same way):

=============  ==============================  ==========================================
domain         capability                      product (canonical), counted as
=============  ==============================  ==========================================
datacentre     ``server_os``, ``appliance``    server OS, 1 each
datacentre     ``hypervisor``                  OS of hypervisor hosts, 1 each
datacentre     storage kind (``san``, ...)     storage vendor/model, 1 each
network        device role (``firewall``, ...)  OS of the devices, ``quantity`` each
(its domain)   platform capability             platform product, 1 each
clients        ``client_os``                   client OS, ``quantity`` each (default 1)
clients        ``printer``, ``ip_phone``       their firmware, ``quantity`` each
clients        ``client_management``           product of the managing platform, quantity
applications   business area (``other``)       application product, 1 each
=============  ==============================  ==========================================

A platform's domain is its capability's (``assets.domain_of``: ``backup`` is in the
datacentre, ``endpoint_management`` in the clients domain), as in the gap report.
Names are canonicalised by the ``Normaliser`` (product level: versions do not split a
product). A name it cannot match keeps its own identity, ``unlisted:<vendor id>:<product>``
(``identity.unlisted_id``; a network device or storage system is named by its model, by
its vendor where no model is given), so two municipalities writing the same unknown name
still overlap, whatever legal suffix their vendor carries. A name the normaliser did not
take (candidates for review) is shown as ``<name> (unmatched, review)``.

A product is ``all`` (used by every compared municipality), ``some`` (by two or more) or
``unique`` (by one). Modules of one suite (Visma Flyt Skole, Flyt Barnehage) are different
products; the ``suite`` column of ``products`` and ``shared_applications`` names their suite.

Similarity of municipalities a and b is the weighted Jaccard index over their asset
shares: ``x[m, (capability, product)]`` is the share of m's assets in that capability on
that product (each capability m uses sums to 1), and
``similarity(a, b) = sum_i min(x_a,i, x_b,i) / sum_i max(x_a,i, x_b,i)``: 1 when both use
the same products in the same proportions in the same capabilities, 0 when nothing is
shared. Shares rather than raw counts make every capability count the same, so thousands
of clients do not drown out the e-mail platform.

The harmonisation index of a capability is its number of distinct products and the share
of all its assets (over every municipality) on the most common product.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from inventory.analyse import assets
from inventory.analyse.assets import derive_assets
from inventory.analyse.business_catalogue import business_catalogue
from inventory.analyse.normalise import Normaliser
from inventory.snapshot import InventorySnapshot

#: The domains, in the order reports list them.
DOMAINS: tuple[str, ...] = assets.DOMAINS  # the one list and order (``assets.DOMAINS``)

USAGE_COLUMNS = ("domain", "capability", "municipality", "product_id", "product", "assets")


@dataclass
class OverlapResult:
    """Overlap of the compared municipalities' products (every part a pandas frame).

    - ``usage``: domain, capability, municipality, product_id, product, assets.
    - ``products``: one row per (domain, capability, product): sharing (``all``, ``some``,
      ``unique``), municipality count and codes, assets in total.
    - ``similarity``: municipality x municipality matrix, weighted Jaccard, all domains.
    - ``similarity_by_domain``: municipality_a, municipality_b, domain, similarity (long,
      domain ``all`` included).
    - ``harmonisation``: per domain and capability: products, municipalities, assets,
      top product and its share of the assets.
    - ``shared_applications``: application products used by two or more municipalities,
      with applications, users and yearly cost summed.
    """

    municipalities: list[str]
    usage: pd.DataFrame
    products: pd.DataFrame
    similarity: pd.DataFrame
    similarity_by_domain: pd.DataFrame
    harmonisation: pd.DataFrame
    shared_applications: pd.DataFrame

    def sharing(self, domain: str, capability: str) -> dict[str, str]:
        """product_id -> ``all``/``some``/``unique`` within one capability."""
        rows = self.products[
            (self.products["domain"] == domain) & (self.products["capability"] == capability)
        ]
        return dict(zip(rows["product_id"], rows["sharing"], strict=True))

    def to_tables(self) -> dict[str, pd.DataFrame]:
        """Flat tables (one per part) for CSV export."""
        return {
            "usage": self.usage,
            "products": self.products,
            "similarity": self.similarity_by_domain,
            "harmonisation": self.harmonisation,
            "shared_applications": self.shared_applications,
        }

    def to_json(self) -> dict[str, Any]:
        """Everything as JSON-able data (lists of records, the matrix as nested dicts)."""
        return {
            "municipalities": self.municipalities,
            "similarity": {
                a: {b: float(v) for b, v in row.items()}
                for a, row in self.similarity.to_dict(orient="index").items()
            },
            "harmonisation": _records(self.harmonisation),
            "products": _records(self.products),
            "shared_applications": _records(self.shared_applications),
            "usage": _records(self.usage),
            "similarity_by_domain": _records(self.similarity_by_domain),
        }


def compute_overlap(
    snapshot: InventorySnapshot, normaliser: Normaliser, derived: pd.DataFrame | None = None
) -> OverlapResult:
    """The overlap of every municipality in ``snapshot`` (see the module docstring).

    ``derived``: the assets of every record kind of ``snapshot`` (``derive_assets`` with
    client fleets) when they are already derived, say for the gap (``gap.basis``); only
    their products are read here, not their lifecycle.

    >>> result = compute_overlap(snapshot, Normaliser.default())  # the five samples
    >>> result.sharing("platforms", "email")
    {'exchange-online': 'some', 'msexchange': 'some'}
    """
    # one derivation of assets for overlap and gap (client rows folded into fleets)
    if derived is None:
        derived = derive_assets(snapshot, normaliser, None, fleets=True)
    assets = pd.concat(
        [_usage_rows(derived), _managed_assets(snapshot, derived[derived["kind"] == "platform"])],
        ignore_index=True,
    )
    usage = _usage(assets)
    municipalities = sorted(set(snapshot.municipalities) | set(usage["municipality"]))
    products = _products(usage, len(municipalities))
    similarity, by_domain = _similarity(usage, municipalities)
    return OverlapResult(
        municipalities=municipalities,
        usage=usage,
        products=products,
        similarity=similarity,
        similarity_by_domain=by_domain,
        harmonisation=_harmonisation(usage, products),
        shared_applications=_shared_applications(
            snapshot, derived[derived["kind"] == "application"]
        ),
    )


# -- assets per domain ---------------------------------------------------------------------


def _text(column: pd.Series) -> pd.Series:
    """Text of a column, missing as empty, trimmed (enum members as their values)."""
    return column.astype(object).where(column.notna(), "").astype(str).str.strip()


def _usage_rows(derived: pd.DataFrame) -> pd.DataFrame:
    """The derived assets as usage rows (domain, capability, municipality, product)."""
    if derived.empty:
        return _empty_assets()
    return pd.DataFrame(
        {
            "domain": derived["domain"],
            "capability": derived["capability"],
            "municipality": derived["municipality"],
            "product_id": derived["product_id"],
            "product": derived["title"],
            "assets": derived["count"].astype("int64"),
        }
    )


def _empty_assets() -> pd.DataFrame:
    return pd.DataFrame(
        {name: pd.Series(dtype="int64" if name == "assets" else object) for name in USAGE_COLUMNS}
    )


def _quantity(frame: pd.DataFrame) -> pd.Series:
    return frame["quantity"].astype("Float64").fillna(1).astype("int64")


def _managed_assets(snapshot: InventorySnapshot, platforms: pd.DataFrame) -> pd.DataFrame:
    """Client devices per product of the platform that manages them
    (``client_management``), the platform named as the asset derivation names it."""
    clients = snapshot.table("client")
    if clients.empty or platforms.empty:
        return _empty_assets()
    managed = _managing_products(snapshot, clients, platforms)
    if managed.empty:
        return _empty_assets()
    grouped = (
        pd.DataFrame(
            {
                "municipality": clients["municipality"],
                "managed_by": clients["managed_by"],
                "assets": _quantity(clients),
            }
        )
        .dropna(subset=["managed_by"])
        .groupby(["municipality", "managed_by"], sort=False)["assets"]
        .sum()
        .reset_index()
    )
    grouped = grouped.merge(managed, on=["municipality", "managed_by"], how="inner")
    return pd.DataFrame(
        {
            "domain": assets.domain_of("client_management"),
            "capability": "client_management",
            "municipality": grouped["municipality"],
            "product_id": grouped["product_id"],
            "product": grouped["product"],
            "assets": grouped["assets"],
        }
    )


def _managing_products(
    snapshot: InventorySnapshot, clients: pd.DataFrame, platforms: pd.DataFrame
) -> pd.DataFrame:
    """(municipality, managed_by as written) -> canonical product of the managing platform.

    One client per distinct value is looked up in the references (clients may be
    millions; the platforms they name are a handful), so ``code:key`` works too.
    """
    rows = clients.loc[
        clients["managed_by"].notna(), ["municipality", "id", "managed_by"]
    ].drop_duplicates(subset=["municipality", "managed_by"])
    if rows.empty:
        return pd.DataFrame(columns=["municipality", "managed_by", "product_id", "product"])
    refs = snapshot.references
    refs = refs[refs["id"].isin(set(rows["id"]))]
    refs = refs[(refs["kind"] == "client") & (refs["field"] == "managed_by")]
    canonical = pd.DataFrame(
        {
            "target_municipality": platforms["municipality"],
            "target_id": platforms["record_id"],
            "product_id": platforms["product_id"],
            "product": platforms["title"],
        }
    )
    merged = rows.merge(
        refs[["municipality", "id", "target_municipality", "target_id"]], on=["municipality", "id"]
    ).merge(canonical, on=["target_municipality", "target_id"])
    return merged[["municipality", "managed_by", "product_id", "product"]]


# -- overlap ---------------------------------------------------------------------------------


def _usage(assets: pd.DataFrame) -> pd.DataFrame:
    """Assets summed per domain, capability, municipality and product."""
    if assets.empty:
        return _empty_assets()
    keys = ["domain", "capability", "municipality", "product_id"]
    usage = (
        assets.groupby(keys, sort=False)
        .agg(product=("product", "first"), assets=("assets", "sum"))
        .reset_index()
    )
    usage["assets"] = usage["assets"].astype("int64")
    usage["_domain"] = usage["domain"].map({d: i for i, d in enumerate(DOMAINS)})
    usage = usage.sort_values(["_domain", "capability", "product_id", "municipality"])
    return usage.drop(columns="_domain").reset_index(drop=True)[list(USAGE_COLUMNS)]


def _products(usage: pd.DataFrame, compared: int) -> pd.DataFrame:
    """One row per product of a capability: who uses it and whether it is shared."""
    keys = ["domain", "capability", "product_id"]
    if usage.empty:
        return pd.DataFrame(
            columns=[
                *keys,
                "product",
                "suite",
                "sharing",
                "municipality_count",
                "municipalities",
                "assets",
            ]
        )
    products = (
        usage.groupby(keys, sort=False)
        .agg(
            product=("product", "first"),
            municipality_count=("municipality", "nunique"),
            assets=("assets", "sum"),
        )
        .reset_index()
    )
    # who uses each product, in one pass (not a Python function per group)
    users: dict[tuple[object, ...], set[str]] = {}
    for *key, code in zip(*(usage[name].tolist() for name in [*keys, "municipality"]), strict=True):
        users.setdefault(tuple(key), set()).add(code)
    products.insert(
        len(keys) + 2,
        "municipalities",
        [
            ", ".join(sorted(users[key]))
            for key in zip(*(products[name].tolist() for name in keys), strict=True)
        ],
    )
    count = products["municipality_count"]
    # modules of one suite stay separate products; the suite is shown next to them
    products.insert(4, "suite", business_catalogue().suite_titles(products["product_id"]))
    products.insert(
        5, "sharing", np.select([count == 1, count >= compared], ["unique", "all"], default="some")
    )
    return products


def _similarity(
    usage: pd.DataFrame, municipalities: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Weighted Jaccard over per-capability asset shares: overall and per domain."""
    shares = usage.assign(
        share=usage["assets"]
        / usage.groupby(["domain", "capability", "municipality"])["assets"].transform("sum")
    )
    values, features = _features(shares, municipalities)
    overall = _weighted_jaccard(values, municipalities)
    parts = [_long(overall, "all")]
    domains = [domain for domain, _, _ in features]
    for domain in DOMAINS:  # a domain's features are a run of the sorted columns
        if domain in domains:
            start, end = domains.index(domain), len(domains) - domains[::-1].index(domain)
            part = _weighted_jaccard(values[:, start:end], municipalities)
            parts.append(_long(part, domain))
    return overall, pd.concat(parts, ignore_index=True)


def _features(
    shares: pd.DataFrame, municipalities: list[str]
) -> tuple[np.ndarray, list[tuple[str, str, str]]]:
    """The municipality x feature matrix of the shares (a feature: domain, capability and
    product, in sorted order; 0 where a municipality has none), as a pivot table of them."""
    keys = list(
        zip(
            shares["domain"].tolist(),
            shares["capability"].tolist(),
            shares["product_id"].tolist(),
            strict=True,
        )
    )
    features = sorted(set(keys))
    column = {key: position for position, key in enumerate(features)}
    row = {code: position for position, code in enumerate(municipalities)}
    values = np.zeros((len(municipalities), len(features)))
    for code, key, share in zip(
        shares["municipality"].tolist(), keys, shares["share"].tolist(), strict=True
    ):
        if code in row:  # one row per municipality and feature (``_usage``)
            values[row[code], column[key]] = share
    return values, features


def _weighted_jaccard(values: np.ndarray, municipalities: list[str]) -> pd.DataFrame:
    """sum(min) / sum(max) of every pair of rows of the municipality x feature matrix."""
    if values.shape[1] == 0:
        matrix = np.eye(len(municipalities))
    else:
        matrix = np.zeros((len(municipalities), len(municipalities)))
        for row in range(len(municipalities)):  # one vectorised pass per municipality
            lower = np.minimum(values[row], values).sum(axis=1)
            upper = np.maximum(values[row], values).sum(axis=1)
            matrix[row] = np.divide(lower, upper, out=np.zeros_like(lower), where=upper > 0)
        np.fill_diagonal(matrix, 1.0)
    return pd.DataFrame(matrix, index=municipalities, columns=municipalities)


def _long(matrix: pd.DataFrame, domain: str) -> pd.DataFrame:
    names = [str(name) for name in matrix.index]
    return pd.DataFrame(
        {
            "municipality_a": np.repeat(names, len(names)),
            "municipality_b": np.tile(names, len(names)),
            "domain": domain,
            "similarity": matrix.to_numpy(dtype=float).ravel(),
        }
    )


def _harmonisation(usage: pd.DataFrame, products: pd.DataFrame) -> pd.DataFrame:
    """Per capability: distinct products, municipalities, the top product and its share."""
    columns = [
        "domain",
        "capability",
        "products",
        "municipalities",
        "assets",
        "top_product_id",
        "top_product",
        "top_share",
        "shared_by_all",
    ]
    if products.empty:
        return pd.DataFrame(columns=columns)
    keys = ["domain", "capability"]
    ranked = products.sort_values(
        ["assets", "municipality_count", "product_id"], ascending=[False, False, True]
    )
    top = ranked.drop_duplicates(subset=keys).set_index(keys)
    per = (
        products.assign(shared_by_all=(products["sharing"] == "all").astype("int64"))
        .groupby(keys, sort=False)
        .agg(
            products=("product_id", "size"),
            assets=("assets", "sum"),
            shared_by_all=("shared_by_all", "sum"),
        )
    )
    per["municipalities"] = usage.groupby(keys, sort=False)["municipality"].nunique()
    per["top_product_id"] = top["product_id"]
    per["top_product"] = top["product"]
    per["top_share"] = top["assets"] / per["assets"]
    return per.reset_index()[columns]


def _shared_applications(snapshot: InventorySnapshot, derived: pd.DataFrame) -> pd.DataFrame:
    """Application products used by two or more municipalities (most widely shared first).

    ``derived``: the application assets (``derive_assets``); users and yearly cost are
    the application records'.
    """
    columns = [
        "product_id",
        "product",
        "suite",
        "municipality_count",
        "municipalities",
        "applications",
        "users",
        "annual_cost",
        "business_areas",
    ]
    applications = snapshot.table("application")
    if applications.empty or derived.empty:
        return pd.DataFrame(columns=columns)
    keyed = applications.set_index(["municipality", "id"])
    keyed = keyed[~keyed.index.duplicated()]
    keys = pd.MultiIndex.from_frame(derived[["municipality", "record_id"]])
    frame = pd.DataFrame(
        {
            "product_id": derived["product_id"].to_numpy(),
            "product": derived["title"].to_numpy(),
            "municipality": derived["municipality"].to_numpy(),
            "users": keyed["users"].reindex(keys).astype("Float64").to_numpy(),
            "annual_cost": keyed["annual_cost"].reindex(keys).astype("Float64").to_numpy(),
            "business_area": _text(keyed["business_area"].reindex(keys)).to_numpy(),
        }
    )
    shared = (
        frame.groupby("product_id", sort=False)
        .agg(
            product=("product", "first"),
            municipality_count=("municipality", "nunique"),
            applications=("municipality", "size"),
            users=("users", _sum_or_missing),
            annual_cost=("annual_cost", _sum_or_missing),
        )
        .reset_index()
    )
    # who uses each product and in which areas, in one pass (not a function per group)
    codes: dict[object, set[str]] = {}
    areas: dict[object, set[str]] = {}
    for product_id, code, area in zip(
        frame["product_id"].tolist(),
        frame["municipality"].tolist(),
        frame["business_area"].tolist(),
        strict=True,
    ):
        codes.setdefault(product_id, set()).add(code)
        areas.setdefault(product_id, set()).add(area)
    ids = shared["product_id"].tolist()
    shared.insert(3, "municipalities", [", ".join(sorted(codes[key])) for key in ids])
    shared["business_areas"] = [", ".join(sorted(areas[key] - {""})) for key in ids]
    shared = shared[shared["municipality_count"] >= 2]
    shared["suite"] = business_catalogue().suite_titles(shared["product_id"])
    shared = shared.sort_values(
        ["municipality_count", "users", "product_id"], ascending=[False, False, True]
    )
    return shared.reset_index(drop=True)[columns]


def _sum_or_missing(values: pd.Series) -> Any:
    """The sum, or missing when no value is known (not a misleading 0)."""
    return values.sum(min_count=1)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with plain Python values (missing as ``None``)."""
    plain = frame.astype(object).where(frame.notna(), None)
    records: list[dict[str, Any]] = [
        {
            str(key): (value.item() if isinstance(value, np.generic) else value)
            for key, value in row.items()
        }
        for row in plain.to_dict(orient="records")
    ]
    return records
