"""End-of-life exposure: assets on a release cycle past, or near, its end of life.

As of the report date, an asset is exposed when its cycle is ``end_of_life`` or ``ending``
(within the target's lifecycle horizon; a device's own support end counts, see
``analyse.assets``). Servers, platforms and storage systems are listed one by one with
the applications that depend on them; client devices and network devices are summed per
municipality, capability (client OS, network role) and product cycle (a national
inventory has millions of clients; the samples have 1,562 access points). The devices
summed here are what ``inventory lifecycle`` counts in the same states on the same date
(tests/gap/test_eol_matches_lifecycle.py).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from inventory.analyse.lifecycle import note_message
from inventory.gap.contracts import checked
from inventory.gap.dependents import DependencyIndex, short_name
from inventory.messages import Code, Message, english

EOL_COLUMNS = (
    "municipality",
    "domain",
    "kind",
    "capability",
    "asset",
    "product",
    "cycle",
    "lifecycle_state",
    "eol",
    "note",
    "devices",
    "dependent_applications",
    "dependent_application_count",
    "asset_message",
)
EXPOSED_STATES = ("end_of_life", "ending")
#: Record kinds summed per municipality, capability and product cycle (fleets of devices).
SUMMED_KINDS = ("client", "network_device")


def eol_exposure(assets: pd.DataFrame, dependencies: DependencyIndex) -> pd.DataFrame:
    """One row per exposed server, platform or storage system, one per exposed client or
    network product cycle per municipality and capability (``EOL_COLUMNS``).

    ``assets`` is ``baseline_assets``; its lifecycle states were computed for the report
    date and the target's horizon. Sorted: past end of life first, then by date.
    """
    exposed = assets[assets["lifecycle_state"].isin(EXPOSED_STATES)]
    summed = exposed["kind"].isin(SUMMED_KINDS)
    single = exposed[~summed]
    applications = [dependencies.applications(node) for node in single["node"].tolist()]
    items = pd.DataFrame(
        {
            "municipality": single["municipality"],
            "domain": single["domain"],
            "kind": single["kind"],
            "capability": single["capability"],
            "asset": (asset := single["municipality"] + ":" + single["record_id"]),
            "asset_message": asset.astype(object),
            "product": single["title"],
            "cycle": single["cycle"],
            "lifecycle_state": single["lifecycle_state"],
            "eol": single["eol"],
            "note": _notes(single),
            "devices": single["count"].astype("int64"),
            "dependent_applications": [
                ";".join(short_name(a) for a in apps) for apps in applications
            ],
            "dependent_application_count": pd.Series(
                [len(apps) for apps in applications], index=single.index, dtype="int64"
            ),
        }
    )
    devices = exposed[summed]
    # inventory rows: ``records`` where clients are fleets (``baseline_assets(fleets=True)``)
    records = (
        devices["records"]
        if "records" in devices.columns
        else pd.Series(1, index=devices.index, dtype="int64")
    )
    devices = devices.assign(note=_notes(devices), _records=records)
    grouped = devices.groupby(
        [
            "municipality",
            "domain",
            "kind",
            "capability",
            "title",
            "cycle",
            "lifecycle_state",
            "note",
        ],
        sort=True,
        dropna=False,
    )
    # (one reduction, not a named aggregation: the same sums at a third of the cost)
    fleets = (
        grouped[["count", "_records"]]
        .sum()
        .rename(columns={"count": "devices", "_records": "rows"})
        .reset_index()
    )
    fleets["eol"] = pd.Series(
        _earliest(grouped.ngroup().tolist(), devices["eol"].tolist(), len(fleets)),
        index=fleets.index,
        dtype=object,
    )
    fleet_assets = [
        Message("gs.eol.client_rows", {"municipality": m, "count": int(n)})
        if kind == "client"
        else Message(
            "gs.eol.device_rows",
            {"municipality": m, "count": int(n), "what": Code("capability", str(capability))},
        )
        for m, n, kind, capability in zip(
            fleets["municipality"],
            fleets["rows"],
            fleets["kind"],
            fleets["capability"],
            strict=True,
        )
    ]
    fleet_rows = pd.DataFrame(
        {
            "municipality": fleets["municipality"],
            "domain": fleets["domain"],
            "kind": fleets["kind"],
            "capability": fleets["capability"],
            "asset": english(fleet_assets),
            "asset_message": fleet_assets,
            "product": fleets["title"],
            "cycle": fleets["cycle"],
            "lifecycle_state": fleets["lifecycle_state"],
            "eol": fleets["eol"],
            "note": fleets["note"],
            "devices": fleets["devices"].astype("int64"),
            "dependent_applications": "",
            "dependent_application_count": pd.Series(0, index=fleets.index, dtype="int64"),
        }
    )
    table = pd.concat(
        [part for part in (items, fleet_rows) if not part.empty] or [items], ignore_index=True
    ).loc[:, list(EOL_COLUMNS)]
    notes = table["note"].astype(str)
    table["note_message"] = notes.map({note: note_message(note) for note in notes.unique()}).astype(
        object
    )
    order = table["lifecycle_state"].map({"end_of_life": 0, "ending": 1})
    eol_text = table["eol"].astype(str)
    table = (
        table.assign(_order=order, _eol=eol_text)
        .sort_values(["_order", "_eol", "municipality", "asset"])
        .drop(columns=["_order", "_eol"])
    )
    return checked("eol", table.reset_index(drop=True))


def _earliest(groups: list[int], dates: list[object], count: int) -> list[object]:
    """The earliest date of each of ``count`` groups (``None`` when none is known), from
    each row's group number and date (a loop over the rows: no Python call per group)."""
    earliest: list[Any] = [None] * count
    for group, date in zip(groups, dates, strict=True):
        if date is None or date != date:  # None, NaN or NaT: not known
            continue
        if earliest[group] is None or date < earliest[group]:
            earliest[group] = date
    return earliest


def _notes(assets: pd.DataFrame) -> pd.Series:
    """Why an asset's date is not simply the catalogue's (``edition unknown: conservative
    date``, a device's own support end), empty where it is."""
    if "lifecycle_note" not in assets.columns:
        return pd.Series("", index=assets.index, dtype=object)
    return assets["lifecycle_note"].fillna("").astype(object)
