"""End-of-life status of every server OS, hypervisor, platform, device OS, network device and
storage system, as of a date.

``lifecycle_exposure`` normalises the products of the inventory (column-wise, once per
distinct name), looks up each distinct release cycle in the lifecycle catalogue and
groups the result: per product cycle (with its end-of-life date and the assets per
municipality) and per municipality and state. Client rows count their ``quantity``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from inventory.analyse.assets import ASSET_SOURCES
from inventory.analyse.catalogue import CatalogueFinding, check_catalogue
from inventory.analyse.identity import REVIEW_SUFFIX
from inventory.analyse.lifecycle import LifecycleState, lifecycle_frame, lifecycle_notes
from inventory.analyse.normalise import Normaliser
from inventory.analyse.normalise_review import normalise_snapshot
from inventory.snapshot import InventorySnapshot

#: The product sources that have a lifecycle worth planning for: operating systems,
#: hypervisors (server OS of hosts, hypervisor platforms), platform software, network
#: devices and storage (with their own warranty_end): the assets the gap report counts
#: (``assets.ASSET_SOURCES``), so that both count the same end of life.
LIFECYCLE_SOURCES = tuple(source for source in ASSET_SOURCES if source.kind != "application")

PRODUCT_COLUMNS = (
    "kind",
    "aspect",
    "product_id",
    "title",
    "cycle",
    "lifecycle_state",
    "eol",
    "months_left",
    "note",
    "municipalities",
    "records",
    "assets",
)
STATE_COLUMNS = ("municipality", "kind", "lifecycle_state", "records", "assets")

#: States that call for action, worst first.
ACTION_STATES = (LifecycleState.END_OF_LIFE.value, LifecycleState.ENDING.value)


@dataclass
class LifecycleExposure:
    """Lifecycle of the inventory's products as of ``as_of``.

    ``products``: one row per (record kind, aspect, product, cycle, note) with its state,
    end of life, months left, the municipalities using it, the records and the assets
    (devices for clients). ``note`` says where the date is not simply the catalogue's:
    ``edition unknown: conservative date``, an edition declared by the municipality, a
    device's own support end, an evergreen OS without one. ``states``: assets per
    municipality, record kind and state.
    """

    as_of: dt.date
    warn_months: int
    products: pd.DataFrame
    states: pd.DataFrame

    def needing_action(self) -> pd.DataFrame:
        """The product cycles past their end of life or ending within the warning period."""
        return self.products[self.products["lifecycle_state"].isin(ACTION_STATES)]

    def assets_in_state(self, state: LifecycleState) -> int:
        return int(self.states.loc[self.states["lifecycle_state"] == state.value, "assets"].sum())

    def to_json(self) -> dict[str, Any]:
        def rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
            clean = frame.astype(object).where(frame.notna(), None)
            return [
                {
                    str(key): (value.isoformat() if isinstance(value, dt.date) else value)
                    for key, value in row.items()
                }
                for row in clean.to_dict("records")
            ]

        return {
            "as_of": self.as_of.isoformat(),
            "warn_months": self.warn_months,
            "totals": {state.value: self.assets_in_state(state) for state in LifecycleState},
            "products": rows(self.products),
            "states": rows(self.states),
        }


def lifecycle_exposure(
    snapshot: InventorySnapshot, normaliser: Normaliser, *, as_of: dt.date, warn_months: int = 12
) -> LifecycleExposure:
    """The lifecycle state of every OS, hypervisor and platform product in ``snapshot``.

    Example::

        exposure = lifecycle_exposure(snapshot, Normaliser.default(), as_of=dt.date.today())
        exposure.needing_action()  # product cycles past or near their end of life
    """
    normalised = normalise_snapshot(snapshot, normaliser, LIFECYCLE_SOURCES)
    states = lifecycle_frame(normalised, as_of, warn_months, normaliser=normaliser)
    assets = pd.concat([normalised, states], axis=1)
    assets["note"] = lifecycle_notes(assets.get("note"), assets["lifecycle_note"])
    # not identified: the name as written, marked when the matcher passed candidates over
    written = assets["product_written"].astype(object)
    written = written.where(assets["status"] != "review", written + REVIEW_SUFFIX)
    assets["title"] = assets["title"].where(assets["product_id"].notna(), written)
    assets["count"] = pd.to_numeric(assets["count"]).astype("int64")
    keys = ["kind", "aspect", "product_id", "title", "cycle", "lifecycle_state", "note"]
    grouped = assets.assign(
        product_id=assets["product_id"].fillna(""), cycle=assets["cycle"].fillna("")
    )
    products = (
        grouped.groupby(keys, sort=False, dropna=False)
        .agg(
            eol=("eol", "first"),
            months_left=("months_left", "first"),
            municipalities=("municipality", lambda codes: ";".join(sorted(set(codes)))),
            records=("record_id", "size"),
            assets=("count", "sum"),
        )
        .reset_index()
    )
    for column in ("product_id", "cycle"):
        products[column] = products[column].replace("", None)
    order = {
        state: rank
        for rank, state in enumerate(
            [
                *ACTION_STATES,
                LifecycleState.SUPPORTED.value,
                LifecycleState.EVERGREEN.value,
                LifecycleState.UNKNOWN.value,
            ]
        )
    }
    products = (
        products.assign(_rank=products["lifecycle_state"].map(order))
        .sort_values(
            ["_rank", "months_left", "assets"], ascending=[True, True, False], na_position="last"
        )
        .drop(columns="_rank")
        .reset_index(drop=True)
    )
    by_state = (
        assets.groupby(["municipality", "kind", "lifecycle_state"], sort=True)
        .agg(records=("record_id", "size"), assets=("count", "sum"))
        .reset_index()
    )
    return LifecycleExposure(
        as_of=as_of,
        warn_months=warn_months,
        products=products.loc[:, list(PRODUCT_COLUMNS)],
        states=by_state.loc[:, list(STATE_COLUMNS)],
    )


def check_catalogue_in_use(
    snapshot: InventorySnapshot | None, normaliser: Normaliser, *, as_of: dt.date
) -> list[CatalogueFinding]:
    """``check_catalogue`` of ``normaliser``'s catalogue (with its overrides) for the
    products ``snapshot`` uses, or for every product when ``snapshot`` is ``None``
    (``inventory lifecycle --check-catalogue [--all]``)."""
    products: list[str] | None = None
    if snapshot is not None:
        used = lifecycle_exposure(snapshot, normaliser, as_of=as_of)
        products = [
            slug
            for product_id in used.products["product_id"].dropna().unique()
            if (definition := normaliser.product(str(product_id))) is not None
            and (slug := definition.cycles_from) is not None
        ]
    return check_catalogue(normaliser.catalogue, products)
