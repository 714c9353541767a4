"""Migration items and their effort and cost, from the target's unit efforts.

Each item is one change to one asset (or to a group of client devices), priced as
``quantity x unit hours x hourly rate``:

========================  ============  ==============================================
action                    domain        what
========================  ============  ==============================================
``link_upgrade``          network       an interconnect under the minimum
``storage_migration``     datacentre    storage at a site to evacuate (per used TB)
``platform_upgrade``      platforms*    a platform on a ``changed`` block
``platform_replacement``  platforms*    a platform on an ``eliminated`` block
``platform_introduction`` platforms*    a capability no municipality has, introduced
                                        once (municipality ``joint``)
(consolidation)           *             merging instances into the joint one
                                        (``consolidation``: ``directory_consolidation``,
                                        ``user_migration``, ``mailbox_migration``, ...)
``physical_server_migration`` datacentre a physical server at a site to evacuate
``virtual_server_migration``  datacentre a virtual server whose cluster or host moves (and a
                                        worn-out physical server there, re-platformed)
``host_retirement``       datacentre    a worn-out hypervisor host at a site to evacuate:
                                        its VMs move, the host is retired, not moved
``os_upgrade``            datacentre    a server whose OS (or hypervisor) block is not included
``vendor_upgrade``        datacentre    an appliance on a release past or near its end of life
``client_os_upgrade``     clients       client devices on a ``changed``/``eliminated`` OS
``client_reenrolment``    clients       devices not managed by their group's standard
``application_move``      applications  an application whose servers move
``application_harmonisation`` applications an application the target replaces by the
                                        product kept for its function (per municipality)
========================  ============  ==============================================

(* the capability's domain.) ``tier`` orders the kinds of work: network and datacentre
first, then platforms, servers, clients and applications; harmonising business systems
comes last, once what they run on has moved (see ``waves.LAST_ACTIONS``).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from inventory.analyse.lifecycle_labels import ReleaseNames
from inventory.analyse.normalise import Normaliser
from inventory.gap.blocks import FIRMWARE_CLIENT_KINDS, TargetBlock
from inventory.gap.capacity import qualified, replatformed, retired_hosts, server_sites
from inventory.gap.consolidation import ACTION_TIERS as CONSOLIDATION_TIERS
from inventory.gap.consolidation import Consolidation, consolidate
from inventory.gap.dependents import DependencyIndex, short_name
from inventory.gap.eol_plan import host_retirement_items, replatform_items
from inventory.gap.hardware import HARDWARE_ACTION_TIER, hardware_items
from inventory.gap.rows import fold_rows
from inventory.messages import Code, Message, english
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

ITEM_COLUMNS = (
    "item_id",
    "municipality",
    "domain",
    "action",
    "asset",
    "node",
    "detail",
    "quantity",
    "unit_hours",
    "hours",
    "cost",
    "tier",
    "buys",
    "buy_quantity",
    "asset_message",
    "detail_message",
)

#: The asset columns the items are made of (``migration_items`` reads no other).
_ITEM_SOURCES = (
    "municipality",
    "kind",
    "record_id",
    "node",
    "domain",
    "capability",
    "block_id",
    "product_id",
    "title",
    "cycle",
    "count",
)

#: Order of the kinds of work (lower moves first), before dependencies are applied.
ACTION_TIER = {
    "link_upgrade": 1,
    "storage_migration": 1,
    "platform_upgrade": 2,
    "platform_replacement": 2,
    "platform_introduction": 2,
    "physical_server_migration": 3,
    "virtual_server_migration": 3,
    "os_upgrade": 3,
    "vendor_upgrade": 3,
    "host_retirement": 4,
    "client_os_upgrade": 4,
    "client_reenrolment": 4,
    "application_move": 5,
    "application_harmonisation": 6,
    **CONSOLIDATION_TIERS,
    **HARDWARE_ACTION_TIER,  # hardware replaced at its end of life (gap.hardware)
}


def _frame(
    municipality: object,
    domain: object,
    action: str,
    asset: object,
    node: object,
    detail: object,
    quantity: object,
    unit_hours: float,
    *,
    typed_when_empty: bool = False,
) -> pd.DataFrame:
    """Items of one action; ``asset`` and ``detail`` may be messages (or text without
    words): kept as ``asset_message``/``detail_message``, their English in ``asset``/
    ``detail``.

    No rows (``municipality`` empty): an empty frame without columns (the items leave it
    out), unless ``typed_when_empty``."""
    if (
        not typed_when_empty
        and isinstance(municipality, pd.Series | list)
        and not len(municipality)
    ):
        return pd.DataFrame()
    asset, detail = _objects(asset), _objects(detail)
    # one construction (columns added one by one cost more than the frame)
    return pd.DataFrame(
        {
            "municipality": municipality,
            "domain": domain,
            "asset_message": asset,
            "node": node,
            "detail_message": detail,
            "quantity": quantity,
            "asset": _english(asset),
            "detail": _english(detail),
            "action": action,
            "unit_hours": unit_hours,
        }
    )


def _english(values: object) -> object:
    """``english`` of a column (a Series, aligned on its index), a list or one value."""
    if isinstance(values, pd.Series):
        return pd.Series(english(values), index=values.index)
    if isinstance(values, list):
        return english(values)
    return english([values])[0]


def _objects(values: object) -> object:
    # a Series keeps its index (aligned with the other columns), a list its order
    return values.astype(object) if isinstance(values, pd.Series) else values


def migration_items(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    assets: pd.DataFrame,
    matrix: pd.DataFrame,
    targets: list[TargetBlock],
    interconnects: pd.DataFrame,
    sites: pd.DataFrame,
    dependencies: DependencyIndex,
    normaliser: Normaliser,
    consolidation: Consolidation | None = None,
    *,
    as_of: dt.date | None = None,
    server_site: pd.Series | None = None,
    hardware: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every migration item with its hours and cost (``ITEM_COLUMNS``), before waves.

    ``consolidation`` (``consolidation.consolidate``, computed here when not given): its
    lines are items, and the platform records that are its instances get no upgrade or
    replacement item of the matrix (the consolidation prices them). ``server_site``:
    ``capacity.server_sites`` when already computed; ``hardware``: the hardware items
    (``hardware.hardware_replacements`` of these arguments) when already computed.
    """
    if consolidation is None:
        consolidation = consolidate(snapshot, target, assets, matrix, targets, normaliser)
    efforts = target.efforts
    parts: list[pd.DataFrame] = []
    weak = interconnects[~interconnects["compliant"]]
    # a municipality no link joins to the consolidated datacentres gets one (the link's
    # own price is no unit price of the target: said, not left out)
    new = weak["link"] == ""
    parts.append(
        _frame(
            weak["municipality"],
            "network",
            "link_upgrade",
            [
                Message("gs.item.new_link_asset", {"municipality": m}) if n else link
                for m, link, n in zip(weak["municipality"], weak["link"], new, strict=True)
            ],
            "",
            [
                Message("gs.item.new_link", {"detail": d}) if n else d
                for d, n in zip(weak["detail_message"], new, strict=True)
            ],
            1,
            efforts.link_upgrade_hours,
            typed_when_empty=True,  # the items' columns when there are none at all
        )
    )
    evacuate = set(sites.loc[sites["role"] == "evacuate", "site"])
    storage = snapshot.table("storage")
    storage_site = qualified(storage["municipality"], storage["site"])
    moving_storage = storage[storage_site.isin(evacuate)]
    used = (
        pd.to_numeric(moving_storage["used_tb"], errors="coerce")
        .fillna(pd.to_numeric(moving_storage["capacity_tb"], errors="coerce"))
        .fillna(1.0)
    )
    parts.append(
        _frame(
            moving_storage["municipality"],
            "datacentre",
            "storage_migration",
            moving_storage["municipality"] + ":" + moving_storage["id"],
            moving_storage["municipality"] + ":storage:" + moving_storage["id"],
            _from_sites(storage_site[moving_storage.index]),
            used.round(1),
            efforts.storage_migration_hours_per_tb,
        )
    )
    # as object: an empty matrix has float columns, which text cannot be added to
    status = matrix.set_index("block_id")[["status", "target_title", "target_min_version"]].astype(
        object
    )
    # only the columns the items read: every filter below copies the columns it keeps
    on = assets.loc[:, [c for c in _ITEM_SOURCES if c in assets.columns]].join(
        status, on="block_id"
    )
    platforms = on[(on["kind"] == "platform") & on["status"].isin(["changed", "eliminated"])]
    platforms = platforms[
        ~(platforms["municipality"] + ":" + platforms["record_id"]).isin(
            consolidation.instance_keys
        )
    ]
    # a release as people write it ("Windows Server 2012 R2"), not the catalogue's cycle id
    names = ReleaseNames(normaliser)
    for state, action, hours in (
        ("changed", "platform_upgrade", efforts.platform_upgrade_hours),
        ("eliminated", "platform_replacement", efforts.platform_replacement_hours),
    ):
        rows = platforms[platforms["status"] == state]
        detail = (
            _releases(names, rows)
            + " -> "
            + rows["target_title"].fillna("")
            + " "
            + rows["target_min_version"].fillna("")
        )
        parts.append(
            _frame(
                rows["municipality"],
                rows["domain"],
                action,
                rows["municipality"] + ":" + rows["record_id"],
                rows["node"],
                detail.str.strip(),
                1,
                hours,
            )
        )
    parts.append(_introductions(consolidation))
    servers = snapshot.table("server")
    server_site = server_sites(snapshot) if server_site is None else server_site
    leaving = server_site.isin(evacuate)
    moving = servers[leaving]
    virtual = moving["kind"].astype(str) == "virtual"
    # a physical server whose hardware support ends by the horizon is not carried over as
    # it is: its workload is re-platformed onto the target clusters, a worn-out hypervisor
    # host is retired once its VMs have moved (docs/method.md#plan)
    replatform = replatformed(servers, leaving, target, as_of)[moving.index]
    retire = retired_hosts(servers, leaving, target, as_of)[moving.index]
    retired_nodes = set(
        (moving.loc[retire, "municipality"] + ":server:" + moving.loc[retire, "id"]).tolist()
    )
    for rows, action, hours in (
        (
            moving[~virtual & ~replatform & ~retire],
            "physical_server_migration",
            efforts.physical_server_migration_hours,
        ),
        (moving[virtual], "virtual_server_migration", efforts.virtual_server_migration_hours),
    ):
        parts.append(
            _frame(
                rows["municipality"],
                "datacentre",
                action,
                rows["municipality"] + ":" + rows["id"],
                rows["municipality"] + ":server:" + rows["id"],
                _from_sites(server_site[rows.index]),
                1,
                hours,
            )
        )
    parts.append(replatform_items(moving[replatform], server_site, efforts, as_of))
    parts.append(host_retirement_items(moving[retire], server_site, efforts, as_of))
    upgrades = on[(on["kind"] == "server") & on["status"].isin(["changed", "eliminated"])]
    appliances = upgrades[upgrades["capability"] == "appliance"]
    upgrades = upgrades[upgrades["capability"] != "appliance"]
    # a host being retired gets no hypervisor upgrade: its VMs leave it
    upgrades = upgrades[~upgrades["node"].isin(retired_nodes)]
    parts.append(
        _frame(
            appliances["municipality"],
            "datacentre",
            "vendor_upgrade",
            appliances["municipality"] + ":" + appliances["record_id"],
            appliances["node"],
            _messages("gs.item.vendor_release", what=_releases(names, appliances)),
            1,
            efforts.os_upgrade_hours,
        )
    )
    # no target OS of its family: the matrix says what to do instead of "-> (nothing)"
    to = (
        upgrades["target_title"].fillna("") + " " + upgrades["target_min_version"].fillna("")
    ).str.strip()
    to = to.where(to != "", upgrades["block_id"].map(matrix.set_index("block_id")["detail"]))
    parts.append(
        _frame(
            upgrades["municipality"],
            "datacentre",
            "os_upgrade",
            upgrades["municipality"] + ":" + upgrades["record_id"],
            upgrades["node"],
            _releases(names, upgrades) + " -> " + to.astype(str),
            1,
            efforts.os_upgrade_hours,
        )
    )
    parts.extend(_client_items(snapshot, target, on, normaliser))
    parts.append(_harmonisations(on, matrix, efforts.application_harmonisation_hours))
    moved_nodes = [
        f"{m}:server:{i}" for m, i in zip(moving["municipality"], moving["id"], strict=True)
    ]
    apps = dependencies.applications_of_all(moved_nodes)
    parts.append(
        _frame(
            [a.split(":", 1)[0] for a in apps],
            "applications",
            "application_move",
            [short_name(a) for a in apps],
            list(apps),
            Message("gs.item.application_move"),
            1,
            efforts.application_move_hours,
        )
    )
    # hardware past or near its end of life, replaced like for like (buys: a price key)
    parts.append(
        hardware
        if hardware is not None
        else hardware_items(snapshot, target, assets, evacuate, as_of)
    )
    # nothing to do at all (everything kept) is no items, not an error
    items = pd.concat([p for p in parts if not p.empty] or parts[:1], ignore_index=True)
    items["buys"] = (
        (items["buys"] if "buys" in items.columns else pd.Series("", index=items.index))
        .fillna("")
        .astype(str)
    )
    items["buy_quantity"] = (
        pd.to_numeric(
            items["buy_quantity"]
            if "buy_quantity" in items.columns
            else pd.Series(0.0, index=items.index)
        )
        .fillna(0.0)
        .astype(float)
    )
    items["quantity"] = pd.to_numeric(items["quantity"]).astype(float)
    items["hours"] = (items["quantity"] * items["unit_hours"]).round(1)
    items["cost"] = (items["hours"] * efforts.hourly_rate).round(0)
    items["tier"] = items["action"].map(ACTION_TIER).astype("int64")
    items["node"] = items["node"].fillna("").astype(str)
    items = items.sort_values(["tier", "municipality", "action", "asset"]).reset_index(drop=True)
    items.insert(0, "item_id", [f"I{n:05d}" for n in range(1, len(items) + 1)])
    return items.loc[:, list(ITEM_COLUMNS)]


def _releases(names: ReleaseNames, rows: pd.DataFrame) -> pd.Series:
    """Each asset row's product and release as people write them (``title label``)."""
    return pd.Series(
        names.texts(rows["title"], rows["cycle"], rows["product_id"]),
        index=rows.index,
        dtype=object,
    )


def _messages(key: str, **params: pd.Series) -> pd.Series:
    """One message per row of the aligned ``params`` columns (index kept)."""
    names = list(params)
    first = next(iter(params.values()))
    rows = zip(*(params[name].tolist() for name in names), strict=True)
    return pd.Series(
        [Message(key, dict(zip(names, row, strict=True))) for row in rows],
        index=first.index,
        dtype=object,
    )


def _from_sites(sites: pd.Series) -> pd.Series:
    # one message per distinct site (a few per municipality), mapped onto the rows
    return sites.map(
        {site: Message("gs.item.from_site", {"site": site}) for site in sites.unique()}
    ).astype(object)


def _introductions(consolidation: Consolidation) -> pd.DataFrame:
    """The consolidation's lines (``consolidation.consolidate``): a capability introduced
    once for the joint operation (municipality ``joint``) and joined by each municipality,
    the kept instance rebuilt, every other instance merged into it."""
    return consolidation.lines.copy()


def _standard_for(target: TargetArchitecture, user_group: str, kind: str) -> str | None:
    """The management platform of the client standard for a user group and device kind.

    A standard listing device kinds applies to those kinds; one listing none to every
    kind of its group. A device of a kind no standard of its group lists falls back to
    the group's first standard.
    """
    own = [s for s in target.clients if str(s.user_group) == user_group]
    fitting = [s for s in own if not s.kinds or kind in {str(k) for k in s.kinds}]
    chosen = fitting or own
    return chosen[0].management if chosen else None


def _harmonisations(on: pd.DataFrame, matrix: pd.DataFrame, hours: float) -> pd.DataFrame:
    """One item per application the target replaces by the product kept for its function."""
    reason = matrix.set_index("block_id")["reason"]
    rows = on[(on["domain"] == "applications") & (on["status"] == "eliminated")]
    rows = rows[rows["block_id"].map(reason) == "replaced_by_target"]
    detail = _messages(
        "gs.item.harmonise",
        what=rows["title"].astype(str),
        to=rows["target_title"].fillna("").astype(str),
        area=rows["capability"].astype(str).map(lambda code: Code("capability", code)),
    )
    return _frame(
        rows["municipality"],
        "applications",
        "application_harmonisation",
        rows["municipality"] + ":" + rows["record_id"],
        rows["node"],
        detail,
        1,
        hours,
    )


def _client_items(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    on: pd.DataFrame,
    normaliser: Normaliser,
) -> list[pd.DataFrame]:
    """Client OS upgrades and re-enrolments, summed per municipality and group."""
    efforts = target.efforts
    clients = on[on["kind"] == "client"]
    upgrade = clients[clients["status"].isin(["changed", "eliminated"])]
    grouped = (
        upgrade.groupby(
            ["municipality", "title", "cycle", "target_title", "target_min_version"],
            dropna=False,
            sort=True,
        )["count"]
        .sum()
        .reset_index()
    )
    upgrades = _frame(
        grouped["municipality"],
        "clients",
        "client_os_upgrade",
        grouped["municipality"]
        + ": "
        + grouped["title"]
        + " "
        # (an all-empty cycle column comes back as float: text first)
        + grouped["cycle"].astype(object).fillna("").astype(str),
        "",
        "-> "
        + grouped["target_title"].astype(object).fillna("")
        + " "
        + grouped["target_min_version"].astype(object).fillna(""),
        grouped["count"],
        efforts.client_os_upgrade_hours,
    )
    # ``asset`` stays the fleet's key ("gnosjo: Windows 10-22h2"); people read the release
    # as written ("gnosjo: Windows 10 22H2")
    upgrades["asset_message"] = pd.Series(
        [
            f"{m}: {text}"
            for m, text in zip(
                grouped["municipality"],
                ReleaseNames(normaliser).texts(grouped["title"], grouped["cycle"]),
                strict=True,
            )
        ],
        index=upgrades.index,
        dtype=object,
    )
    clients = snapshot.table("client")
    if clients.empty or not target.clients:
        return [upgrades]
    # Rows equal in what decides a re-enrolment, folded (their devices summed): the
    # same sums, computed on a few thousand rows instead of millions.
    devices = pd.to_numeric(clients["quantity"], errors="coerce").fillna(1)
    frame = fold_rows(
        clients, ["municipality", "managed_by", "user_group", "kind"], {"devices": devices}
    )
    frame = frame[~frame["kind"].astype(str).isin(FIRMWARE_CLIENT_KINDS)]
    if frame.empty:
        return [upgrades]
    platforms = on[on["kind"] == "platform"]
    product = platforms.set_index(["municipality", "record_id"])["product_id"]
    product = product[~product.index.duplicated()]
    managed_by = product.reindex(
        pd.MultiIndex.from_arrays([frame["municipality"], frame["managed_by"]])
    ).to_numpy()
    group = frame["user_group"].astype(object).where(frame["user_group"].notna(), "shared")
    # the standard of each distinct group and kind, looked up once (folded rows: thousands)
    pairs = list(zip(group.astype(str).tolist(), frame["kind"].astype(str).tolist(), strict=True))
    standards = {pair: _standard_for(target, *pair) for pair in dict.fromkeys(pairs)}
    standard = pd.Series([standards[pair] for pair in pairs], index=frame.index, dtype=object)
    wanted = {
        name: normaliser.match(None, name, None).product_id for name in set(standard.dropna())
    }
    expected = standard.map(wanted)
    wrong = expected.notna() & (pd.Series(managed_by, index=frame.index).astype(object) != expected)
    moving = pd.DataFrame(
        {
            "municipality": frame["municipality"],
            "group": group.astype(str),
            "from": frame["managed_by"].astype(object).fillna("unmanaged"),
            "to": standard,
            "devices": frame["devices"],
        }
    )[wrong]
    summed = (
        moving.groupby(["municipality", "group", "from", "to"], sort=True)["devices"]
        .sum()
        .reset_index()
    )
    platform = (
        summed["from"]
        .astype(str)
        .map(lambda name: Message("gs.item.unmanaged") if name == "unmanaged" else name)
    )
    reenrol = _frame(
        summed["municipality"],
        "clients",
        "client_reenrolment",
        _messages(
            "gs.item.reenrol_asset",
            municipality=summed["municipality"],
            group=summed["group"].map(lambda g: Code("user_group", g)),
            platform=platform,
        ),
        "",
        _messages("gs.item.enrol_in", platform=summed["to"].astype(str)),
        summed["devices"],
        efforts.client_reenrolment_hours,
    )
    return [upgrades, reenrol]
