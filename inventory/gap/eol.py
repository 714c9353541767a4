"""End-of-life exposure: assets on a release cycle past, or near, its end of life.

As of the report date, an asset is exposed when its cycle is ``end_of_life`` or ``ending``
(within the target's lifecycle horizon). Servers and platforms are listed one by one with
the applications that depend on them; client devices are summed per municipality and
product cycle (a national inventory has millions of them).
"""

from __future__ import annotations

import pandas as pd

from inventory.gap.dependents import DependencyIndex, short_name

EOL_COLUMNS = ("municipality", "domain", "kind", "asset", "product", "cycle",
               "lifecycle_state", "eol", "note", "devices", "dependent_applications",
               "dependent_application_count")
EXPOSED_STATES = ("end_of_life", "ending")


def eol_exposure(assets: pd.DataFrame, dependencies: DependencyIndex) -> pd.DataFrame:
    """One row per exposed server or platform, one per exposed client product per municipality.

    ``assets`` is ``baseline_assets``; its lifecycle states were computed for the report
    date and the target's horizon. Sorted: past end of life first, then by date.
    """
    exposed = assets[assets["lifecycle_state"].isin(EXPOSED_STATES)]
    single = exposed[exposed["kind"] != "client"]
    applications = [dependencies.applications(node) for node in single["node"]]
    items = pd.DataFrame({
        "municipality": single["municipality"], "domain": single["domain"],
        "kind": single["kind"], "asset": single["municipality"] + ":" + single["record_id"],
        "product": single["title"], "cycle": single["cycle"],
        "lifecycle_state": single["lifecycle_state"], "eol": single["eol"],
        "note": _notes(single),
        "devices": single["count"].astype("int64"),
        "dependent_applications": [";".join(short_name(a) for a in apps)
                                   for apps in applications],
        "dependent_application_count": [len(apps) for apps in applications],
    })
    clients = exposed[exposed["kind"] == "client"]
    # client rows: ``records`` where assets are fleets (``baseline_assets(fleets=True)``)
    rows = ("records", "sum") if "records" in clients.columns else ("record_id", "size")
    clients = clients.assign(note=_notes(clients))
    fleets = (clients.groupby(["municipality", "domain", "title", "cycle", "lifecycle_state",
                               "note"], sort=True, dropna=False)
              .agg(eol=("eol", "first"), devices=("count", "sum"), rows=rows)
              .reset_index())
    client_rows = pd.DataFrame({
        "municipality": fleets["municipality"], "domain": fleets["domain"], "kind": "client",
        "asset": fleets["municipality"] + ": " + fleets["rows"].astype(str) + " client rows",
        "product": fleets["title"], "cycle": fleets["cycle"],
        "lifecycle_state": fleets["lifecycle_state"], "eol": fleets["eol"],
        "note": fleets["note"],
        "devices": fleets["devices"].astype("int64"), "dependent_applications": "",
        "dependent_application_count": 0,
    })
    table = pd.concat([items, client_rows], ignore_index=True).loc[:, list(EOL_COLUMNS)]
    order = table["lifecycle_state"].map({"end_of_life": 0, "ending": 1})
    eol_text = table["eol"].astype(str)
    table = table.assign(_order=order, _eol=eol_text).sort_values(
        ["_order", "_eol", "municipality", "asset"]).drop(columns=["_order", "_eol"])
    return table.reset_index(drop=True)


def _notes(assets: pd.DataFrame) -> pd.Series:
    """Why an asset's date is not simply the catalogue's (``edition unknown: conservative
    date``, a device's own support end), empty where it is."""
    if "lifecycle_note" not in assets.columns:
        return pd.Series("", index=assets.index, dtype=object)
    return assets["lifecycle_note"].fillna("").astype(object)
