"""The yearly running cost today and after the merger (docs/method.md#costs).

* Today: the IT cost each municipality states (the study's ``it-costs.yaml``, else the
  municipality file's ``it_budget``), with what it counts; of which the inventory knows
  staff (FTE x cost per FTE), platform and link yearly costs.
* After: ``economics.running``: staff, hosting (or the kept servers' energy), licence
  lines counted from the inventory, hardware and client fleet renewal spread over their
  lifetimes, and today's links carried over.

Counts are vectorised sums: a client table may hold millions of rows.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from inventory.gap.assumptions import (
    BASIS_UNITS,
    INVENTORY,
    MUNICIPALITY_TABLE,
    NONE,
    STUDY,
    TARGET,
    Value,
    parameter,
    unit_price,
)
from inventory.gap.blocks import FIRMWARE_CLIENT_KINDS
from inventory.messages import Code, Message, MessageList
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import ItCostsFile
from inventory.target.economics import LicenceBasis
from inventory.target.model import TargetArchitecture

HOURS_PER_YEAR = 8760

#: What the cost after the merger counts, in the words of the studies' cost definitions
#: (samples/study/it-costs.yaml): a definition of today's cost that counts more or less
#: is not like with like.
AFTER_COUNTS = ("it staff", "infrastructure", "licences", "client devices", "communication")
#: The parts of an IT cost the studies name (their texts: ``code.cost_part.<part>``).
COST_PARTS = frozenset(
    {*AFTER_COUNTS, "telephony", "digitalisation projects", "business system management"}
)

TODAY_COLUMNS = (
    "municipality",
    "name",
    "it_cost",
    "source",
    "definition",
    "includes",
    "excludes",
    "comparable",
    "staff_fte",
    "staff_cost",
    "platform_cost",
    "link_cost",
    "not_itemised",
    "note",
    "note_message",
)


def cost_line(
    phase: str,
    kind: str,
    item: str,
    label: str,
    quantity: float,
    unit: str,
    price: Value,
    *,
    municipality: str = "",
    work_quantity: float = math.nan,
    unit_hours: float = math.nan,
    note: str | Message | MessageList = "",
    amount: float | None = None,
) -> dict[str, Any]:
    """One cost line (``costs.LINE_COLUMNS`` but its id and range); ``note`` may be a
    message (the report's language), the price's own note is kept as written."""
    priced = price.value is not None
    value = math.nan
    if price.value is not None:
        value = amount if amount is not None else quantity * price.value
    return {
        "phase": phase,
        "kind": kind,
        "item": item,
        "label": label,
        "municipality": municipality,
        "work_quantity": work_quantity,
        "unit_hours": unit_hours,
        "quantity": float(quantity),
        "unit": unit,
        "unit_price": price.value if priced else math.nan,
        "amount": value,
        "priced": priced,
        "source": price.source,
        "note": "; ".join(str(part) for part in (note, price.note) if part),
        "note_message": MessageList(
            tuple(
                inner
                for part in (note, price.note)
                if part
                for inner in (
                    part.parts
                    if isinstance(part, MessageList)
                    else (
                        part if isinstance(part, Message) else Message("gs.plain", {"text": part}),
                    )
                )
            )
        ),
    }


# -- the inventory's counts ----------------------------------------------------------------


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(math.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[column], errors="coerce").astype(float)


def _by_municipality(frame: pd.DataFrame, values: pd.Series) -> dict[str, float]:
    # grouped on the stored column (a text copy of millions of client rows costs more)
    sums = values.groupby(frame["municipality"], sort=True, observed=True, dropna=False).sum()
    return {str(code): float(value) for code, value in sums.items()}


@dataclass(frozen=True)
class InventoryCounts:
    """What the running cost after the merger is counted from."""

    municipalities: list[str]
    table: pd.DataFrame  # the municipality table, indexed by code
    devices_by_kind: dict[str, float]
    devices_by_municipality: dict[str, float]
    servers: float  # physical and virtual (backup, monitoring licences)
    powered_servers: float  # physical servers and appliances in service
    powered_kw: float
    storage_tb: float
    storage_without_capacity: int
    network_by_role: dict[str, float]
    platform_cost: dict[str, float]
    link_cost: dict[str, float]
    links: int
    links_with_cost: int
    #: servers in service today that the plan removes (retires or switches off): not
    #: counted after the merger
    removed_servers: int = 0
    removed_physical: int = 0

    def measure(self, column: str) -> tuple[float | None, list[str]]:
        """The sum of a municipality column and the municipalities that lack it."""
        values = _numbers(self.table, column)
        missing = [str(code) for code in values.index[values.isna()]]
        return (None if missing else float(values.sum())), missing

    @property
    def managed_devices(self) -> float:
        return sum(
            count
            for kind, count in self.devices_by_kind.items()
            if kind not in FIRMWARE_CLIENT_KINDS
        )


def inventory_counts(
    snapshot: InventorySnapshot, target: TargetArchitecture, removed: Collection[str] = ()
) -> InventoryCounts:
    """Counts for the running cost: vectorised sums (clients may be millions of rows).
    ``removed``: ``code:id`` of the servers the plan retires or switches off
    (``in_service_after``): they cost nothing after the merger."""
    table = snapshot.table("municipality").set_index("code", drop=False)
    table.index = table.index.astype(str)
    clients = snapshot.table("client")
    devices = _numbers(clients, "quantity").fillna(1.0)
    by_kind = devices.groupby(clients["kind"], sort=True, observed=True, dropna=False).sum()
    servers = snapshot.table("server")
    kind = servers["kind"].astype(str)
    today = in_service_after(servers, ())
    in_service = in_service_after(servers, removed)
    gone = today & ~in_service
    powered = servers[kind.isin(["physical", "appliance"]) & in_service]
    watts = (
        target.datacentres.watts_per_physical_server if target.datacentres is not None else 400.0
    )
    storage = snapshot.table("storage")
    capacity = _numbers(storage, "capacity_tb")
    network = snapshot.table("network_device")
    by_role = (
        _numbers(network, "quantity")
        .fillna(1.0)
        .groupby(network["role"].astype(str), sort=True)
        .sum()
    )
    links = snapshot.table("link")
    link_cost = _numbers(links, "annual_cost")
    platforms = snapshot.table("platform")
    return InventoryCounts(
        municipalities=list(snapshot.municipalities),
        table=table,
        devices_by_kind={str(k): float(v) for k, v in by_kind.items()},
        devices_by_municipality=_by_municipality(clients, devices),
        servers=float((kind.isin(["physical", "virtual"]) & in_service).sum()),
        powered_servers=float(len(powered)),
        powered_kw=float(_numbers(powered, "power_w").fillna(watts).sum()) / 1000,
        storage_tb=float(capacity.fillna(0).sum()),
        storage_without_capacity=int(capacity.isna().sum()),
        network_by_role={str(k): float(v) for k, v in by_role.items()},
        platform_cost=_by_municipality(platforms, _numbers(platforms, "annual_cost").fillna(0)),
        link_cost=_by_municipality(links, link_cost.fillna(0)),
        links=len(links),
        links_with_cost=int(link_cost.notna().sum()),
        removed_servers=int((gone & kind.isin(["physical", "virtual"])).sum()),
        removed_physical=int((gone & kind.isin(["physical", "appliance"])).sum()),
    )


def in_service_after(servers: pd.DataFrame, removed: Collection[str]) -> pd.Series:
    """Whether each server is in service after the merger: not retired or being
    decommissioned today, and not among ``removed`` (``code:id`` of the hosts the plan
    retires and the servers it switches off instead of moving them)."""
    if servers.empty:
        return pd.Series(dtype=bool)
    live = ~servers["status"].astype(str).isin(["retired", "decommissioning"])
    if not removed:
        return live
    key = servers["municipality"].astype(str) + ":" + servers["id"].astype(str)
    return live & ~key.isin(list(removed))


# -- today ---------------------------------------------------------------------------------


def _compare(includes: Iterable[str], excludes: Iterable[str]) -> tuple[str, list[Message]]:
    """Whether a definition of today's cost counts what the after cost counts (and why
    not, as messages)."""
    counted = {part.strip().lower() for part in includes}
    more = sorted(counted - set(AFTER_COUNTS))
    less = [part for part in AFTER_COUNTS if part not in counted]
    notes = []
    if more:
        notes.append(Message("gs.today.counts_more", {"parts": _parts(more)}))
    if less:
        notes.append(Message("gs.today.counts_less", {"parts": _parts(less)}))
    if {part.strip().lower() for part in excludes} & set(AFTER_COUNTS):
        notes.append(Message("gs.today.excludes"))
    return ("yes" if not notes else "no"), notes


def cost_part(part: str) -> str:
    """The code of a cost part (``it staff`` -> ``it_staff``)."""
    return part.strip().lower().replace(" ", "_")


def _parts(parts: Iterable[str]) -> MessageList:
    """What a definition counts (``it staff``, ``telephony``) in the report's language; a
    word of the study's own not known here as written."""
    return MessageList(
        tuple(
            Message("gs.cost_part", {"part": Code("cost_part", cost_part(part))})
            if part in COST_PARTS
            else Message("gs.plain", {"text": part})
            for part in parts
        ),
        separator=", ",
    )


def today_costs(
    counts: InventoryCounts, target: TargetArchitecture, it_costs: ItCostsFile | None
) -> pd.DataFrame:
    """Today's yearly IT cost per municipality (``TODAY_COLUMNS``): the study's figure with
    its definition, else the municipality file's IT budget, else not known."""
    cost_per_fte = parameter(
        target.economics.running, "cost_per_fte", target.currency, money=True
    ).value
    study = {row.municipality: row for row in it_costs.municipalities} if it_costs else {}
    definitions = {d.id: d for d in it_costs.definitions} if it_costs else {}
    rows = []
    for code in counts.municipalities:
        record = counts.table.loc[code]
        staff = _float(record.get("it_staff_fte"))
        row: dict[str, Any] = {
            "municipality": code,
            "name": str(record.get("name") or code),
            "staff_fte": staff,
            "staff_cost": staff * cost_per_fte
            if staff is not None and cost_per_fte is not None
            else math.nan,
            "platform_cost": counts.platform_cost.get(code, 0.0),
            "link_cost": counts.link_cost.get(code, 0.0),
            "definition": "",
            "includes": "",
            "excludes": "",
        }
        entry = study.get(code)
        budget = _float(record.get("it_budget"))
        currency = str(record.get("currency") or target.currency)
        if entry is not None and entry.definition in definitions:
            definition = definitions[entry.definition]
            comparable, note = _compare(definition.includes, definition.excludes)
            cost = float(entry.it_cost)
            if definition.currency != target.currency:
                comparable, cost = "no", math.nan
                note = [
                    Message(
                        "gs.today.other_currency",
                        {"currency": definition.currency, "target": target.currency},
                    )
                ]
            row.update(
                it_cost=cost,
                source=STUDY,
                definition=f"{definition.id} ({definition.year})",
                includes="; ".join(definition.includes),
                excludes="; ".join(definition.excludes),
                comparable=comparable,
                note=note,
            )
        elif budget is not None and currency == target.currency:
            row.update(
                it_cost=budget,
                source=MUNICIPALITY_TABLE,
                comparable="unknown",
                note=[Message("gs.today.budget")],
            )
        else:
            row.update(
                it_cost=math.nan,
                source=NONE,
                comparable="unknown",
                note=[Message("gs.today.none")]
                if budget is None
                else [
                    Message(
                        "gs.today.other_currency", {"currency": currency, "target": target.currency}
                    )
                ],
            )
        itemised = sum(
            v
            for v in (row["staff_cost"], row["platform_cost"], row["link_cost"])
            if not math.isnan(v)
        )
        row["not_itemised"] = row["it_cost"] - itemised
        parts = list(row.get("note") or [])
        if row["not_itemised"] < 0:
            parts.append(Message("gs.today.exceeded"))
        # messages (the report's language); ``note`` is their English
        row["note_message"] = MessageList(tuple(parts))
        row["note"] = str(row["note_message"])
        rows.append(row)
    return pd.DataFrame(rows, columns=list(TODAY_COLUMNS))


def _float(value: object) -> float | None:
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return None if pd.isna(number) else float(number)


def today_lines(today: pd.DataFrame) -> list[dict[str, Any]]:
    """One line per municipality: its stated yearly cost (1 year x the amount)."""
    return [
        cost_line(
            "today",
            "running",
            f"it_cost:{code}",
            f"IT cost today: {name}",
            1,
            "year",
            Value(None if pd.isna(cost) else float(cost), str(source)),
            municipality=str(code),
            note=note,
        )
        for code, name, cost, source, note in zip(
            today["municipality"],
            today["name"],
            today["it_cost"],
            today["source"],
            today["note_message"],
            strict=True,
        )
    ]


# -- after ---------------------------------------------------------------------------------


def _licence_count(basis: str, counts: InventoryCounts) -> tuple[float | None, Message]:
    """How many units a licence line is counted over, and how (or why not)."""
    if basis in (LicenceBasis.USER, LicenceBasis.STUDENT):
        what = "employees" if basis == LicenceBasis.USER else "students_with_devices"
        value, missing = counts.measure(what)
        how = Message(f"gs.cost.per.{what}")
        return value, (
            Message("gs.cost.not_stated_for", {"how": how, "municipalities": ", ".join(missing)})
            if missing
            else how
        )
    if basis == LicenceBasis.DEVICE:
        return counts.managed_devices, Message("gs.cost.per.devices")
    if basis == LicenceBasis.SERVER:
        return counts.servers, Message("gs.cost.per.servers")
    if basis == LicenceBasis.MUNICIPALITY:
        return float(len(counts.municipalities)), Message("gs.cost.per.municipalities")
    return 1.0, Message("gs.cost.per.joint")


#: The study area of each running-cost line counted from the inventory. Hosting of an area
#: outside the target's scope is not the joint operation's (its cost stays in the share of
#: today's cost the municipalities keep, ``costs``); renewal and links are carried lines
#: (``gap.carried``), the same in every scope, shown with their area.
LINE_AREAS = {
    "hosting": "A1",
    "links": "A2",
    "renewal:physical_server": "A1",
    "renewal:storage_tb": "A1",
    "renewal:network_device": "A2",
    "renewal:client_device": "A4",
}


def line_area(item: str) -> str | None:
    """The area of an inventory-counted line (``LINE_AREAS``; by prefix before ``:<role>``),
    ``None`` for the lines the target states (staff, licences)."""
    return LINE_AREAS.get(item) or LINE_AREAS.get(item.rpartition(":")[0])


def after_lines(counts: InventoryCounts, target: TargetArchitecture) -> list[dict[str, Any]]:
    """The yearly running cost after the merger, line by line (``economics.running``): the
    lines of areas outside the target's scope are left out (``LINE_AREAS``)."""
    from inventory.gap.scope import study_scope  # scope reads the target's model too

    joint = set(study_scope(target).joint)
    # renewal and links stay in any scope: the municipalities pay them today and after
    # alike (gap.carried marks them), whoever runs the area
    return [
        line
        for line in _after_lines(counts, target)
        if (area := line_area(str(line["item"]))) is None
        or area in joint
        or str(line["item"]).startswith(("renewal:", "links"))
    ]


def _after_lines(counts: InventoryCounts, target: TargetArchitecture) -> list[dict[str, Any]]:
    running = target.economics.running
    currency = target.currency
    lines = []
    per_fte = parameter(running, "cost_per_fte", currency, money=True)
    if running.staff_fte is not None:
        lines.append(
            cost_line(
                "after",
                "running",
                "staff",
                "IT staff of the joint operation",
                running.staff_fte,
                "FTE",
                per_fte,
            )
        )
    else:
        fte, missing = counts.measure("it_staff_fte")
        price = (
            per_fte
            if fte is not None
            else Value(None, NONE, f"today's IT staff not stated for {', '.join(missing)}")
        )
        lines.append(
            cost_line(
                "after",
                "running",
                "staff",
                "IT staff of the joint operation",
                fte or 0.0,
                "FTE",
                price,
                note=Message("gs.cost.staff_not_set"),
            )
        )
    if running.hosting_per_year is not None:
        lines.append(
            cost_line(
                "after",
                "running",
                "hosting",
                "Datacentre, power and premises",
                1,
                "year",
                Value(running.hosting_per_year, TARGET),
            )
        )
    else:
        kwh = counts.powered_kw * HOURS_PER_YEAR
        lines.append(
            cost_line(
                "after",
                "running",
                "hosting",
                "Energy of the servers kept",
                kwh,
                "kWh",
                parameter(running, "price_per_kwh", currency, money=True),
                note=MessageList(
                    tuple(
                        part
                        for part in (
                            Message(
                                "gs.cost.energy",
                                {
                                    "count": round(counts.powered_servers),
                                    "kw": round(counts.powered_kw, 1),
                                    "hours": HOURS_PER_YEAR,
                                },
                            ),
                            _removed_note(counts),
                        )
                        if isinstance(part, Message)
                    )
                ),
            )
        )
    for licence in running.lines:
        quantity, how = _licence_count(str(licence.per), counts)
        price = (
            Value(licence.price_per_year, TARGET)
            if quantity is not None
            else Value(None, NONE, "count not known")
        )
        lines.append(
            cost_line(
                "after",
                "running",
                f"licence:{licence.name}",
                licence.name,
                quantity or 0.0,
                BASIS_UNITS[LicenceBasis(licence.per)],
                price,
                note=how,
            )
        )
    lines += _renewal_lines(counts, target)
    lines.append(
        cost_line(
            "after",
            "running",
            "links",
            "Links carried over from today",
            1,
            "year",
            Value(sum(counts.link_cost.values()), INVENTORY),
            note=Message(
                "gs.cost.links_with_cost",
                {"with_cost": counts.links_with_cost, "links": counts.links},
            ),
        )
    )
    return lines


def _removed_note(counts: InventoryCounts) -> str | Message:
    """What the after lines leave out: the physical servers the plan removes."""
    if not counts.removed_physical:
        return ""
    return Message("gs.cost.removed_servers", {"count": counts.removed_physical})


def _renewal_lines(counts: InventoryCounts, target: TargetArchitecture) -> list[dict[str, Any]]:
    """Hardware and client devices replaced every N years: quantity x price / N."""
    running = target.economics.running
    prices = target.prices
    currency = target.currency
    hardware = parameter(running, "hardware_lifetime_years", currency, money=False).value or 1
    devices = parameter(running, "device_lifetime_years", currency, money=False).value or 1
    wanted: list[tuple[str, float, float, str | Message]] = [
        ("physical_server", counts.powered_servers, hardware, _removed_note(counts)),
        (
            "storage_tb",
            counts.storage_tb,
            hardware,
            f"{counts.storage_without_capacity} storage systems state no capacity"
            if counts.storage_without_capacity
            else "",
        ),
    ]
    wanted += [
        (f"network_device:{role}", quantity, hardware, "")
        for role, quantity in counts.network_by_role.items()
    ]
    wanted += [
        (f"client_device:{kind}", quantity, devices, "")
        for kind, quantity in counts.devices_by_kind.items()
    ]
    lines = []
    for key, quantity, years, note in wanted:
        if quantity <= 0:
            continue
        price, unit = unit_price(key, prices, currency)
        yearly = Value(
            None if price.value is None else price.value / years, price.source, price.note
        )
        every = Message(
            "gs.cost.fleet_replaced"
            if key.startswith("client_device")
            else "gs.cost.hardware_replaced",
            {"years": years},
        )
        lines.append(
            cost_line(
                "after",
                "running",
                f"renewal:{key}",
                f"Renewal of {key}",
                quantity,
                unit,
                yearly,
                note=(
                    every
                    if not note
                    else MessageList(
                        (
                            every,
                            note
                            if isinstance(note, Message)
                            else Message("gs.plain", {"text": note}),
                        )
                    )
                ),
            )
        )
    return lines
