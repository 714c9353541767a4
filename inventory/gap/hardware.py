"""Hardware replaced at its end of life: network devices, storage, servers, client devices.

The target sets no product standard for hardware (a switch, a SAN, a host, a laptop): a
device is kept while supported and replaced like for like when it is past its end of
life or reaches it within the target's lifecycle horizon (``lifecycle.horizon_months``).
Each item buys what replaces it (``buys`` is a price key of ``target.prices``,
``buy_quantity`` how many):

=============================  ==========  =========================  =====================
action                         domain      quantity x unit hours      buys
=============================  ==========  =========================  =====================
``network_device_replacement`` network     devices x                  ``network_device:``
                                           ``network_device_          ``<role>``, devices
                                           replacement_hours``
                                           by role: ``UnitEfforts.
                                           network_replacement_
                                           hours`` (core switch,
                                           firewall 24 h, access
                                           point 1 h, ...)
``storage_replacement``        datacentre  1 x ``storage_replacement  ``storage_tb``, its
                                           _hours``                   capacity_tb (used_tb)
``server_hardware_replacement`` datacentre 1 x ``server_hardware_     ``physical_server``, 1
                                           replacement_hours``
``client_device_replacement``  clients     devices x ``client_device  ``client_device:``
                                           _replacement_hours``       ``<kind>``, devices
=============================  ==========  =========================  =====================

What is past its end of life is the assets' lifecycle state (``analyse.assets``: the
catalogue's date of the release, a device's own ``warranty_end`` where the catalogue has
none, the earlier of the two where both are given), except for servers, whose asset is
their OS: a physical server's hardware is out when its ``warranty_end`` is. A client
device is replaced when its own ``support_end`` is reached (an OS past its end is an OS
upgrade, ``client_os_upgrade``). Storage and servers at a site the target evacuates are
not replaced: their data and workloads move (``storage_migration``,
``physical_server_migration``). What cannot be told (a physical server without
``warranty_end``, storage without a capacity) is a note, never a silent 0.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from inventory.analyse.lifecycle import OWN_SUPPORT_END, add_months
from inventory.analyse.lifecycle_labels import ReleaseNames
from inventory.gap.capacity import qualified
from inventory.gap.eol import EXPOSED_STATES
from inventory.messages import Code, Message, english
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

#: Order of the hardware kinds of work, as ``effort.ACTION_TIER``: the network first, then
#: storage (with the hosts on it), hosts before what runs on them, clients last.
HARDWARE_ACTION_TIER = {
    "network_device_replacement": 1,
    "storage_replacement": 1,
    "server_hardware_replacement": 3,
    "client_device_replacement": 4,
}

HARDWARE_COLUMNS = (
    "municipality",
    "domain",
    "action",
    "asset",
    "node",
    "detail",
    "quantity",
    "unit_hours",
    "buys",
    "buy_quantity",
    "asset_message",
    "detail_message",
)


def _frame(
    municipality: object,
    domain: str,
    action: str,
    asset: object,
    node: object,
    detail: object,
    quantity: object,
    unit_hours: object,
    buys: object,
    buy_quantity: object,
    index: pd.Index,
) -> pd.DataFrame:
    # ``asset``/``detail`` may be messages: kept as ``*_message``, their English beside them
    frame = pd.DataFrame(
        {
            "municipality": municipality,
            "domain": domain,
            "action": action,
            "asset_message": asset,
            "node": node,
            "detail_message": detail,
            "quantity": quantity,
            "unit_hours": unit_hours,
            "buys": buys,
            "buy_quantity": buy_quantity,
        },
        index=index,
    )
    frame = frame.astype(
        {
            "quantity": float,
            "unit_hours": float,
            "buy_quantity": float,
            "asset_message": object,
            "detail_message": object,
        }
    )
    frame["asset"] = english(frame["asset_message"])
    frame["detail"] = english(frame["detail_message"])
    return frame


def _each(key: str, index: pd.Index, **params: pd.Series | list[object]) -> list[Message]:
    """One message per row (``params`` aligned with ``index``)."""
    names = list(params)
    columns = [list(params[name]) for name in names]
    return (
        [Message(key, dict(zip(names, row, strict=True))) for row in zip(*columns, strict=True)]
        if len(index)
        else []
    )


def _when(assets: pd.DataFrame) -> list[Message]:
    """``end of life DATE`` or ``end of life within the horizon: DATE``, with ``(its own
    support end)`` for a device's own date; one message per row."""
    eol = assets["eol"].astype(object).where(assets["eol"].notna(), None)
    past = (assets["lifecycle_state"] == "end_of_life").tolist()
    own = (
        assets["lifecycle_note"]
        .fillna("")
        .astype(str)
        .str.contains(OWN_SUPPORT_END, regex=False)
        .tolist()
    )
    texts = []
    for day, is_past, is_own in zip(eol.tolist(), past, own, strict=True):
        key = "gs.hw.past_eol" if is_past else "gs.hw.ending"
        when = Message(key) if day is None else Message(f"{key}_on", {"date": str(day)})
        texts.append(Message("gs.hw.own_end", {"when": when}) if is_own else when)
    return texts


def hardware_items(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    assets: pd.DataFrame,
    evacuate: set[str],
    as_of: dt.date | None,
) -> pd.DataFrame:
    """Every hardware replacement item (``HARDWARE_COLUMNS``). ``assets`` are
    ``baseline_assets`` (lifecycle states at the horizon), ``evacuate`` the ``code:site``
    of the sites the target evacuates, ``as_of`` the report date (``None``: the servers'
    and clients' own dates are not compared)."""
    return _hardware(snapshot, target, assets, evacuate, as_of)[0]


def hardware_replacements(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    assets: pd.DataFrame,
    evacuate: set[str],
    as_of: dt.date | None,
) -> tuple[pd.DataFrame, list[Message]]:
    """``(hardware_items, hardware_notes)`` of the same arguments, computed once."""
    return _hardware(snapshot, target, assets, evacuate, as_of)


def hardware_notes(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    assets: pd.DataFrame,
    evacuate: set[str],
    as_of: dt.date | None,
) -> list[Message]:
    """What ``hardware_items`` could not tell (a server without ``warranty_end``, storage
    without a capacity), as notes of the report."""
    exposed = assets[assets["lifecycle_state"].isin(EXPOSED_STATES)]
    notes = _storage(snapshot, exposed, evacuate, target.efforts.storage_replacement_hours)[1]
    if as_of is not None:
        horizon = add_months(as_of, target.lifecycle.horizon_months)
        notes += _servers(
            snapshot, horizon, evacuate, target.efforts.server_hardware_replacement_hours
        )[1]
    return notes


def _hardware(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    assets: pd.DataFrame,
    evacuate: set[str],
    as_of: dt.date | None,
) -> tuple[pd.DataFrame, list[Message]]:
    efforts = target.efforts
    horizon = add_months(as_of, target.lifecycle.horizon_months) if as_of is not None else None
    notes: list[Message] = []
    exposed = assets[assets["lifecycle_state"].isin(EXPOSED_STATES)]
    parts = [
        _network(
            exposed, efforts.network_replacement_hours(), efforts.network_device_replacement_hours
        )
    ]
    storage, note = _storage(snapshot, exposed, evacuate, efforts.storage_replacement_hours)
    parts.append(storage)
    notes.extend(note)
    if horizon is not None:
        servers, note = _servers(
            snapshot, horizon, evacuate, efforts.server_hardware_replacement_hours
        )
        parts.append(servers)
        notes.extend(note)
        parts.append(_clients(snapshot, horizon, efforts.client_device_replacement_hours))
    items = pd.concat([part for part in parts if not part.empty] or parts[:1], ignore_index=True)
    return items.loc[:, list(HARDWARE_COLUMNS)], notes


def _network(
    exposed: pd.DataFrame, hours_by_role: dict[str, float], other_hours: float
) -> pd.DataFrame:
    """One item per exposed network device row: its devices replaced like for like, at the
    hours of its role (a role without hours of its own: ``other_hours``)."""
    rows = exposed[exposed["kind"] == "network_device"]
    role = rows["capability"].astype(str)
    software = ~rows["lifecycle_note"].fillna("").astype(str).str.contains(
        OWN_SUPPORT_END, regex=False
    )
    # a release as people write it, not the catalogue's cycle id (analyse.lifecycle_labels)
    product = ReleaseNames().texts(rows["title"], rows["cycle"], rows["product_id"])
    # a release past its end on hardware still supported may be upgraded instead
    detail = [
        Message(
            "gs.hw.network_software" if soft else "gs.hw.network",
            {"role": Code("capability", code), "product": name, "when": when},
        )
        for code, name, when, soft in zip(role, product, _when(rows), software, strict=True)
    ]
    return _frame(
        rows["municipality"],
        "network",
        "network_device_replacement",
        rows["municipality"] + ":" + rows["record_id"],
        rows["node"],
        detail,
        rows["count"],
        role.map(hours_by_role).fillna(other_hours),
        "network_device:" + role,
        rows["count"],
        rows.index,
    )


def _storage(
    snapshot: InventorySnapshot, exposed: pd.DataFrame, evacuate: set[str], hours: float
) -> tuple[pd.DataFrame, list[Message]]:
    """One item per exposed storage system that stays: a new one of its capacity."""
    rows = exposed[exposed["kind"] == "storage"]
    table = snapshot.table("storage")
    if rows.empty or table.empty:
        return _frame(
            [], "datacentre", "storage_replacement", [], [], [], [], [], [], [], pd.RangeIndex(0)
        ), []
    keyed = table.assign(_site=qualified(table["municipality"], table["site"])).set_index(
        ["municipality", "id"]
    )
    keyed = keyed[~keyed.index.duplicated()]
    keys = pd.MultiIndex.from_frame(rows[["municipality", "record_id"]])
    site = pd.Series(keyed["_site"].reindex(keys).to_numpy(), index=rows.index)
    capacity = pd.to_numeric(
        pd.Series(keyed["capacity_tb"].reindex(keys).to_numpy(), index=rows.index), errors="coerce"
    )
    used = pd.to_numeric(
        pd.Series(keyed["used_tb"].reindex(keys).to_numpy(), index=rows.index), errors="coerce"
    )
    size = capacity.fillna(used)
    staying = ~site.isin(evacuate)
    rows, size = rows[staying], size[staying]
    unknown = rows.loc[size.isna(), "municipality"] + ":" + rows.loc[size.isna(), "record_id"]
    notes = (
        [Message("gs.note.storage_no_capacity", {"storage": ", ".join(sorted(unknown))})]
        if len(unknown)
        else []
    )
    tb = size.fillna(0.0).round(1)
    detail = [
        Message(
            "gs.hw.storage" if known else "gs.hw.storage_unknown",
            {
                "kind": Code("capability", kind),
                "product": title,
                "when": when,
                **({"tb": float(size_tb)} if known else {}),
            },
        )
        for kind, title, when, known, size_tb in zip(
            rows["capability"].astype(str),
            rows["title"].astype(str),
            _when(rows),
            size.notna(),
            tb,
            strict=True,
        )
    ]
    return _frame(
        rows["municipality"],
        "datacentre",
        "storage_replacement",
        rows["municipality"] + ":" + rows["record_id"],
        rows["node"],
        detail,
        1,
        hours,
        "storage_tb",
        tb,
        rows.index,
    ), notes


def _dates(values: pd.Series) -> pd.Series:
    """The dates of a column as ``datetime.date`` (None where empty or not a date), also
    when none is a date (pandas then keeps ``datetime64``, which a date cannot be compared
    with)."""
    stamps = pd.to_datetime(values, errors="coerce")
    days = stamps.dt.date.astype(object) if stamps.notna().any() else stamps.astype(object)
    return days.where(stamps.notna(), None)


def _servers(
    snapshot: InventorySnapshot, horizon: dt.date, evacuate: set[str], hours: float
) -> tuple[pd.DataFrame, list[Message]]:
    """One item per physical server that stays and whose hardware support ends by the
    horizon (``warranty_end``)."""
    servers = snapshot.table("server")
    if servers.empty:
        return _frame(
            [],
            "datacentre",
            "server_hardware_replacement",
            [],
            [],
            [],
            [],
            [],
            [],
            [],
            pd.RangeIndex(0),
        ), []
    physical = servers[servers["kind"].astype(str) == "physical"]
    site = qualified(physical["municipality"], physical["site"])
    physical = physical[~site.isin(evacuate)]
    end = _dates(physical["warranty_end"])
    unknown = physical[end.isna()]
    notes = (
        [Message("gs.note.servers_no_warranty", {"count": len(unknown)})] if len(unknown) else []
    )
    due = physical[end.notna() & (end <= horizon)]
    detail = _each("gs.hw.server", due.index, date=end[due.index].astype(str))
    return _frame(
        due["municipality"],
        "datacentre",
        "server_hardware_replacement",
        due["municipality"] + ":" + due["id"],
        due["municipality"] + ":server:" + due["id"],
        detail,
        1,
        hours,
        "physical_server",
        1,
        due.index,
    ), notes


def _clients(snapshot: InventorySnapshot, horizon: dt.date, hours: float) -> pd.DataFrame:
    """Client devices whose own support end is reached by the horizon, per municipality,
    kind and support end (fleets: the rows with a ``support_end`` are few)."""
    clients = snapshot.table("client")
    if clients.empty or "support_end" not in clients.columns:
        return _frame(
            [], "clients", "client_device_replacement", [], [], [], [], [], [], [], pd.RangeIndex(0)
        )
    given = clients[clients["support_end"].notna()]
    end = _dates(given["support_end"])
    due = given[end.notna() & (end <= horizon)]
    devices = pd.to_numeric(due["quantity"], errors="coerce").fillna(1)
    kind = due["kind"].astype(str)
    summed = (
        pd.DataFrame(
            {
                "municipality": due["municipality"],
                "kind": kind,
                "end": end[due.index].astype(str),
                "devices": devices,
            }
        )
        .groupby(["municipality", "kind", "end"], sort=True)["devices"]
        .sum()
        .reset_index()
    )
    return _frame(
        summed["municipality"],
        "clients",
        "client_device_replacement",
        _each(
            "gs.hw.client_asset",
            summed.index,
            municipality=summed["municipality"],
            kind=[Code("client_kind", kind) for kind in summed["kind"]],
            date=summed["end"],
        ),
        "",
        _each("gs.hw.client", summed.index, date=summed["end"]),
        summed["devices"],
        hours,
        "client_device:" + summed["kind"],
        summed["devices"],
        summed.index,
    )
