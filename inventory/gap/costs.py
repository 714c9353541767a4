"""The business case: one-time cost, yearly running cost today and after, saving, payback
and net present value, every line with its quantity, unit and price (docs/method.md#costs).

* One-time = labour (the migration items' hours x ``efforts.hourly_rate``) + investment
  (items' ``buys`` x ``buy_quantity`` at ``target.prices``). A price the target does not
  state and no default covers (a currency the default prices are not in) is a line
  marked not priced, with its quantity: never 0.
* Yearly today = the IT cost each municipality states (the study's ``it-costs.yaml``,
  else the municipality file's ``it_budget``), with what it counts; of which the
  inventory knows staff (FTE x cost per FTE), platform and link yearly costs.
* Yearly after = ``economics.running``: staff, hosting (or the kept servers' energy),
  licence lines counted from the inventory, hardware and client fleet renewal spread
  over their lifetimes, and today's links carried over.
* Saving = today - after; payback = the first year whose cumulative saving covers the
  one-time cost; NPV = -one-time + sum over years 1..N of saving / (1 + r)^t.

Every total is a range: each line +/- the uncertainty of its kind (labour, investment,
running); a cost stated from the accounts (today) has none.

Example::

    case = business_case(snapshot, target, report.items, it_costs=None)
    case.one_time            # MoneyRange(low, expected, high)
    case.lines               # LINE_COLUMNS, one row per line
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series
from pydantic import BaseModel

from inventory.gap.blocks import FIRMWARE_CLIENT_KINDS
from inventory.gap.cost_key import SHARE_COLUMNS, cost_shares, key_parties
from inventory.gap.money import ZERO, MoneyRange
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import ItCostsFile
from inventory.target.economics import (
    DEFAULT_PRICE_CURRENCIES,
    LicenceBasis,
    UncertaintyKind,
    UnitPrices,
)
from inventory.target.model import TargetArchitecture, UnitEfforts

HOURS_PER_YEAR = 8760

#: Where a number comes from (the report translates these).
TARGET = "target"  # the target file states it
DEFAULT = "default"  # a documented default (docs/method.md#assumptions)
INVENTORY = "inventory"  # counted from the stored inventory
STUDY = "study"  # the study folder's it-costs.yaml
MUNICIPALITY_TABLE = "municipality_table"  # the municipality file's it_budget
NONE = "none"  # nobody states it: the line is not priced

#: What the cost after the merger counts, in the words of the studies' cost definitions
#: (samples/study/it-costs.yaml): a definition of today's cost that counts more or less
#: is not like with like.
AFTER_COUNTS = ("it staff", "infrastructure", "licences", "client devices", "communication")

LINE_COLUMNS = (
    "line_id",
    "phase",
    "kind",
    "item",
    "label",
    "municipality",
    "work_quantity",
    "unit_hours",
    "quantity",
    "unit",
    "unit_price",
    "amount",
    "low",
    "high",
    "priced",
    "source",
    "note",
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
)
ASSUMPTION_COLUMNS = ("parameter", "group", "value", "unit", "source", "note")

PHASES = ("one_time", "today", "after")
KINDS = tuple(str(kind) for kind in UncertaintyKind)


class CostLines(pa.DataFrameModel):
    """Every line of the business case (``BusinessCase.lines``)."""

    line_id: Series[str]
    phase: Series[str] = pa.Field(isin=list(PHASES))
    kind: Series[str] = pa.Field(isin=list(KINDS))
    item: Series[str]
    label: Series[str]
    municipality: Series[str]
    work_quantity: Series[float] = pa.Field(nullable=True)
    unit_hours: Series[float] = pa.Field(nullable=True)
    quantity: Series[float] = pa.Field(ge=0)
    unit: Series[str]
    unit_price: Series[float] = pa.Field(nullable=True)
    amount: Series[float] = pa.Field(nullable=True)
    low: Series[float] = pa.Field(nullable=True)
    high: Series[float] = pa.Field(nullable=True)
    priced: Series[bool]
    source: Series[str]
    note: Series[str]

    class Config:
        strict = True
        ordered = True


class Assumptions(pa.DataFrameModel):
    """Every rate, unit effort, price and parameter with where it came from."""

    parameter: Series[str]
    group: Series[str]
    value: Series[float] = pa.Field(nullable=True)
    unit: Series[str]
    source: Series[str] = pa.Field(isin=[TARGET, DEFAULT, INVENTORY, NONE])
    note: Series[str]

    class Config:
        strict = True
        ordered = True


@dataclass
class BusinessCase:
    """The business case of one target (docs/method.md#costs).

    ``lines`` (``LINE_COLUMNS``), ``today`` (``TODAY_COLUMNS``: today's yearly cost per
    municipality and what it counts), ``assumptions`` (``ASSUMPTION_COLUMNS``),
    ``shares`` (``cost_key.SHARE_COLUMNS``: who pays). Totals are ranges over the priced
    lines; ``not_priced`` counts the lines left out of them. ``yearly_saving``,
    ``payback_year`` and ``npv`` are ``None`` when today's cost is not known for every
    municipality. ``payback_year`` is the first year (1, 2, ...) whose cumulative expected
    saving covers the expected one-time cost, beyond the horizon too (``None``: never).
    """

    currency: str
    horizon_years: int
    discount_rate_percent: float
    uncertainty_percent: dict[str, float]
    lines: pd.DataFrame
    today: pd.DataFrame
    assumptions: pd.DataFrame
    shares: pd.DataFrame
    labour: MoneyRange
    investment: MoneyRange
    one_time: MoneyRange
    running_today: MoneyRange | None
    running_after: MoneyRange
    yearly_saving: MoneyRange | None
    payback_year: int | None
    payback_best: int | None
    payback_worst: int | None
    npv: MoneyRange | None
    not_priced: int
    comparable: bool
    key_name: str
    notes: list[str] = field(default_factory=list)

    @property
    def payback_within_horizon(self) -> bool:
        return self.payback_year is not None and self.payback_year <= self.horizon_years

    def tables(self) -> dict[str, pd.DataFrame]:
        """The business case's tables by name (for CSV, XLSX)."""
        return {
            "cost_lines": self.lines,
            "running_today": self.today,
            "assumptions": self.assumptions,
            "cost_shares": self.shares,
        }

    def to_json(self) -> dict[str, Any]:
        from inventory.gap.result import records  # result imports this module

        def optional(value: MoneyRange | None) -> dict[str, float] | None:
            return None if value is None else value.to_json()

        return {
            "currency": self.currency,
            "horizon_years": self.horizon_years,
            "discount_rate_percent": self.discount_rate_percent,
            "uncertainty_percent": self.uncertainty_percent,
            "npv_convention": "one-time cost in year 0, savings at the end of years 1..N"
            " discounted by (1 + r)^t",
            "labour": self.labour.to_json(),
            "investment": self.investment.to_json(),
            "one_time": self.one_time.to_json(),
            "running_today": optional(self.running_today),
            "running_after": self.running_after.to_json(),
            "yearly_saving": optional(self.yearly_saving),
            "payback_year": self.payback_year,
            "payback_best": self.payback_best,
            "payback_worst": self.payback_worst,
            "payback_within_horizon": self.payback_within_horizon,
            "npv": optional(self.npv),
            "not_priced": self.not_priced,
            "comparable": self.comparable,
            "cost_key": self.key_name,
            "notes": self.notes,
            **{name: records(frame) for name, frame in self.tables().items()},
        }


# -- where a number comes from ------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A parameter's value (``None``: not priced) and its source."""

    value: float | None
    source: str
    note: str = ""


def _money_defaults_apply(currency: str) -> bool:
    return currency.upper() in DEFAULT_PRICE_CURRENCIES


def parameter(section: BaseModel, name: str, currency: str, *, money: bool) -> Value:
    """``section.name`` with its source: the target file when the file set it (pydantic's
    ``model_fields_set``), else the documented default; a money default in a currency the
    defaults are not in is no value."""
    value = getattr(section, name)
    if name in section.model_fields_set:
        return Value(None if value is None else float(value), TARGET)
    if money and not _money_defaults_apply(currency):
        return Value(None, NONE, f"the default is in SEK, the target's currency is {currency}")
    return Value(None if value is None else float(value), DEFAULT)


_DEFAULT_PRICES = UnitPrices()


def unit_price(key: str, prices: UnitPrices, currency: str) -> tuple[Value, str]:
    """The price of one unit of a ``buys`` key and the unit's name.

    ``physical_server``, ``storage_tb``, ``network_device:<role>``, ``client_device:<kind>``;
    another key is not priced.
    """
    kind, _, sub = key.partition(":")
    if kind == "physical_server":
        return parameter(prices, "physical_server", currency, money=True), "server"
    if kind == "storage_tb":
        return parameter(prices, "storage_per_tb", currency, money=True), "TB"
    if kind in ("network_device", "client_device"):
        stated: Mapping[str, float] = getattr(prices, kind)
        defaults: Mapping[str, float] = getattr(_DEFAULT_PRICES, kind)
        if kind in prices.model_fields_set and sub in stated:
            return Value(float(stated[sub]), TARGET), "device"
        if sub not in defaults:
            return Value(None, NONE, f"no price for {key}"), "device"
        if not _money_defaults_apply(currency):
            return Value(
                None, NONE, f"the default is in SEK, the target's currency is {currency}"
            ), "device"
        return Value(float(defaults[sub]), DEFAULT), "device"
    return Value(None, NONE, f"no price for {key!r}"), "unit"


# -- lines ---------------------------------------------------------------------------------


def _line(
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
    note: str = "",
    amount: float | None = None,
) -> dict[str, Any]:
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
        "note": "; ".join(part for part in (note, price.note) if part),
    }


def labour_lines(items: pd.DataFrame, efforts: UnitEfforts, currency: str) -> list[dict[str, Any]]:
    """One line per action (and unit effort): its hours x the hourly rate."""
    if items.empty:
        return []
    rate = parameter(efforts, "hourly_rate", currency, money=True)
    grouped = (
        items.groupby(["action", "unit_hours"], sort=True)[["quantity", "hours"]]
        .sum()
        .reset_index()
    )
    return [
        _line(
            "one_time",
            "labour",
            str(action),
            str(action),
            round(float(hours), 1),
            "hour",
            rate,
            work_quantity=float(quantity),
            unit_hours=float(unit_hours),
        )
        for action, unit_hours, quantity, hours in zip(
            grouped["action"],
            grouped["unit_hours"],
            grouped["quantity"],
            grouped["hours"],
            strict=True,
        )
    ]


def item_investment(items: pd.DataFrame, prices: UnitPrices, currency: str) -> pd.Series:
    """Each item's investment (``buy_quantity`` x the price of ``buys``); NaN when its key
    has no price, 0 when it buys nothing."""
    if "buys" not in items.columns or items.empty:
        return pd.Series(0.0, index=items.index)
    keys = items["buys"].fillna("").astype(str)
    price = {key: unit_price(key, prices, currency)[0].value for key in keys.unique() if key}
    each = keys.map(lambda key: price.get(key, math.nan) if key else 0.0).astype(float)
    quantity = pd.to_numeric(items["buy_quantity"], errors="coerce").fillna(0.0)
    return each * quantity.where(keys != "", 0.0)


def investment_lines(
    items: pd.DataFrame, prices: UnitPrices, currency: str
) -> list[dict[str, Any]]:
    """One line per price key bought: the quantity x the unit price."""
    if "buys" not in items.columns or items.empty:
        return []
    buying = items[items["buys"].fillna("").astype(str) != ""]
    quantities = (
        pd.to_numeric(buying["buy_quantity"], errors="coerce")
        .fillna(0.0)
        .groupby(buying["buys"].astype(str))
        .sum()
    )
    lines = []
    for key, quantity in sorted(quantities.items()):
        price, unit = unit_price(str(key), prices, currency)
        lines.append(
            _line("one_time", "investment", str(key), str(key), float(quantity), unit, price)
        )
    return lines


# -- the inventory's counts ----------------------------------------------------------------


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(math.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[column], errors="coerce").astype(float)


def _by_municipality(frame: pd.DataFrame, values: pd.Series) -> dict[str, float]:
    sums = values.groupby(frame["municipality"].astype(str), sort=True).sum()
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


def inventory_counts(snapshot: InventorySnapshot, target: TargetArchitecture) -> InventoryCounts:
    """Counts for the running cost: vectorised sums (clients may be millions of rows)."""
    table = snapshot.table("municipality").set_index("code", drop=False)
    table.index = table.index.astype(str)
    clients = snapshot.table("client")
    devices = _numbers(clients, "quantity").fillna(1.0)
    by_kind = devices.groupby(clients["kind"].astype(str), sort=True).sum()
    servers = snapshot.table("server")
    kind = servers["kind"].astype(str)
    in_service = ~servers["status"].astype(str).isin(["retired", "decommissioning"])
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
    )


# -- today ---------------------------------------------------------------------------------


def _compare(includes: Iterable[str], excludes: Iterable[str]) -> tuple[str, str]:
    """Whether a definition of today's cost counts what the after cost counts."""
    counted = {part.strip().lower() for part in includes}
    more = sorted(counted - set(AFTER_COUNTS))
    less = [part for part in AFTER_COUNTS if part not in counted]
    notes = []
    if more:
        notes.append(f"counts {', '.join(more)}, which the cost after does not")
    if less:
        notes.append(f"does not count {', '.join(less)}, which the cost after does")
    if {part.strip().lower() for part in excludes} & set(AFTER_COUNTS):
        notes.append("excludes part of what the cost after counts")
    return ("yes" if not notes else "no"), "; ".join(notes)


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
                note = (
                    f"stated in {definition.currency}, the target's currency is"
                    f" {target.currency}: not used"
                )
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
                note="the IT budget of the municipality file: what it counts is not stated",
            )
        else:
            row.update(
                it_cost=math.nan,
                source=NONE,
                comparable="unknown",
                note="no IT cost stated (study it-costs.yaml or the municipality file's it_budget)"
                if budget is None
                else f"the IT budget is in {currency}, the target's currency is"
                f" {target.currency}: not used",
            )
        itemised = sum(
            v
            for v in (row["staff_cost"], row["platform_cost"], row["link_cost"])
            if not math.isnan(v)
        )
        row["not_itemised"] = row["it_cost"] - itemised
        if row["not_itemised"] < 0:
            row["note"] = "; ".join(
                filter(
                    None, [row["note"], "the costs the inventory knows exceed the stated IT cost"]
                )
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=list(TODAY_COLUMNS))


def _float(value: object) -> float | None:
    number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
    return None if pd.isna(number) else float(number)


def today_lines(today: pd.DataFrame) -> list[dict[str, Any]]:
    """One line per municipality: its stated yearly cost (1 year x the amount)."""
    return [
        _line(
            "today",
            "running",
            f"it_cost:{code}",
            f"IT cost today: {name}",
            1,
            "year",
            Value(None if pd.isna(cost) else float(cost), str(source)),
            municipality=str(code),
            note=str(note),
        )
        for code, name, cost, source, note in zip(
            today["municipality"],
            today["name"],
            today["it_cost"],
            today["source"],
            today["note"],
            strict=True,
        )
    ]


# -- after ---------------------------------------------------------------------------------

_BASIS_UNITS = {
    LicenceBasis.USER: "user",
    LicenceBasis.STUDENT: "student",
    LicenceBasis.DEVICE: "device",
    LicenceBasis.SERVER: "server",
    LicenceBasis.MUNICIPALITY: "municipality",
    LicenceBasis.ORGANISATION: "organisation",
}


def _licence_count(basis: str, counts: InventoryCounts) -> tuple[float | None, str]:
    """How many units a licence line is counted over, and how (or why not)."""
    if basis == LicenceBasis.USER:
        value, missing = counts.measure("employees")
        return value, (
            f"employees of the municipalities; not stated for {', '.join(missing)}"
            if missing
            else "employees of the municipalities"
        )
    if basis == LicenceBasis.STUDENT:
        value, missing = counts.measure("students_with_devices")
        return value, (
            f"students with a device; not stated for {', '.join(missing)}"
            if missing
            else "students with a device"
        )
    if basis == LicenceBasis.DEVICE:
        return counts.managed_devices, "client devices (printers and IP phones not counted)"
    if basis == LicenceBasis.SERVER:
        return counts.servers, "physical and virtual servers in service"
    if basis == LicenceBasis.MUNICIPALITY:
        return float(len(counts.municipalities)), "municipalities"
    return 1.0, "the joint operation"


def after_lines(counts: InventoryCounts, target: TargetArchitecture) -> list[dict[str, Any]]:
    """The yearly running cost after the merger, line by line (``economics.running``)."""
    running = target.economics.running
    currency = target.currency
    lines = []
    per_fte = parameter(running, "cost_per_fte", currency, money=True)
    if running.staff_fte is not None:
        lines.append(
            _line(
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
            _line(
                "after",
                "running",
                "staff",
                "IT staff of the joint operation",
                fte or 0.0,
                "FTE",
                price,
                note="staff_fte not set: today's IT staff (no staff saving)",
            )
        )
    if running.hosting_per_year is not None:
        lines.append(
            _line(
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
            _line(
                "after",
                "running",
                "hosting",
                "Energy of the servers kept",
                kwh,
                "kWh",
                parameter(running, "price_per_kwh", currency, money=True),
                note=f"{counts.powered_servers:,.0f} physical servers and appliances"
                f" in service, {counts.powered_kw:,.1f} kW x {HOURS_PER_YEAR} h",
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
            _line(
                "after",
                "running",
                f"licence:{licence.name}",
                licence.name,
                quantity or 0.0,
                _BASIS_UNITS[LicenceBasis(licence.per)],
                price,
                note=how,
            )
        )
    lines += _renewal_lines(counts, target)
    lines.append(
        _line(
            "after",
            "running",
            "links",
            "Links carried over from today",
            1,
            "year",
            Value(sum(counts.link_cost.values()), INVENTORY),
            note=f"{counts.links_with_cost} of {counts.links} links state a yearly cost",
        )
    )
    return lines


def _renewal_lines(counts: InventoryCounts, target: TargetArchitecture) -> list[dict[str, Any]]:
    """Hardware and client devices replaced every N years: quantity x price / N."""
    running = target.economics.running
    prices = target.prices
    currency = target.currency
    hardware = parameter(running, "hardware_lifetime_years", currency, money=False).value or 1
    devices = parameter(running, "device_lifetime_years", currency, money=False).value or 1
    wanted: list[tuple[str, float, float, str]] = [
        ("physical_server", counts.powered_servers, hardware, ""),
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
        what = "client fleet" if key.startswith("client_device") else "hardware"
        lines.append(
            _line(
                "after",
                "running",
                f"renewal:{key}",
                f"Renewal of {key}",
                quantity,
                unit,
                yearly,
                note="; ".join(filter(None, [f"{what} replaced every {years:g} years", note])),
            )
        )
    return lines


# -- economics -----------------------------------------------------------------------------


def payback_year(one_time: float, saving: float) -> int | None:
    """The first year t (1, 2, ...) with t x saving >= one-time; 0 when nothing is spent,
    ``None`` when the saving never covers it."""
    if one_time <= 0:
        return 0
    if saving <= 0:
        return None
    return max(1, math.ceil(one_time / saving - 1e-9))


def annuity_factor(rate_percent: float, years: int) -> float:
    """sum over t = 1..years of 1 / (1 + r)^t."""
    rate = rate_percent / 100
    return sum(1 / (1 + rate) ** year for year in range(1, years + 1))


def net_present_value(
    one_time: MoneyRange, saving: MoneyRange, rate_percent: float, years: int
) -> MoneyRange:
    """-one-time (year 0) + the saving at the end of years 1..N, discounted."""
    return saving.scaled(annuity_factor(rate_percent, years)) - one_time


def _ranged(lines: pd.DataFrame, uncertainty: Mapping[str, float]) -> pd.DataFrame:
    """Each line's low and high: +/- its kind's uncertainty; today's stated costs exact."""
    spread = lines["kind"].map(uncertainty).astype(float) / 100
    spread = spread.where(lines["phase"] != "today", 0.0)
    lines["low"] = lines["amount"] * (1 - spread)
    lines["high"] = lines["amount"] * (1 + spread)
    return lines


def _sum(lines: pd.DataFrame) -> MoneyRange:
    priced = lines[lines["priced"]]
    if priced.empty:
        return ZERO
    return MoneyRange(
        float(priced["low"].sum()), float(priced["amount"].sum()), float(priced["high"].sum())
    )


def business_case(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    items: pd.DataFrame,
    *,
    it_costs: ItCostsFile | None = None,
) -> BusinessCase:
    """The business case of ``target`` over the migration ``items`` (``effort.ITEM_COLUMNS``
    with ``buys`` and ``buy_quantity``); ``it_costs`` is the study's it-costs.yaml."""
    currency = target.currency
    economics = target.economics
    uncertainty = {str(kind): float(value) for kind, value in economics.uncertainty_percent.items()}
    counts = inventory_counts(snapshot, target)
    today = today_costs(counts, target, it_costs)
    rows = (
        labour_lines(items, target.efforts, currency)
        + investment_lines(items, target.prices, currency)
        + today_lines(today)
        + after_lines(counts, target)
    )
    frame = pd.DataFrame(rows, columns=[c for c in LINE_COLUMNS if c != "line_id"])
    frame.insert(0, "line_id", [f"L{n:03d}" for n in range(1, len(frame) + 1)])
    frame = _ranged(frame, uncertainty)
    for column in (
        "work_quantity",
        "unit_hours",
        "quantity",
        "unit_price",
        "amount",
        "low",
        "high",
    ):
        frame[column] = frame[column].astype(float)
    frame["priced"] = frame["priced"].astype(bool)
    lines = CostLines.validate(frame.loc[:, list(LINE_COLUMNS)])
    phase = lines["phase"]
    labour = _sum(lines[(phase == "one_time") & (lines["kind"] == "labour")])
    investment = _sum(lines[(phase == "one_time") & (lines["kind"] == "investment")])
    one_time = labour + investment
    after = _sum(lines[phase == "after"])
    today_known = bool(today["it_cost"].notna().all()) and not today.empty
    running_today = MoneyRange.exact(float(today["it_cost"].sum())) if today_known else None
    saving = running_today - after if running_today is not None else None
    notes = _notes(lines, today, counts, today_known)
    npv = (
        net_present_value(
            one_time, saving, economics.discount_rate_percent, economics.horizon_years
        )
        if saving is not None
        else None
    )
    shares, share_notes = cost_shares(
        key_parties(counts.table, counts.devices_by_municipality, it_costs),
        target.cost_key,
        items=items,
        hourly_rate=parameter(target.efforts, "hourly_rate", currency, money=True).value,
        investment=item_investment(items, target.prices, currency),
        one_time=one_time.expected,
        yearly_after=after.expected,
        today=dict(zip(today["municipality"], today["it_cost"], strict=True)),
    )
    return BusinessCase(
        currency=currency,
        horizon_years=economics.horizon_years,
        discount_rate_percent=economics.discount_rate_percent,
        uncertainty_percent=uncertainty,
        lines=lines,
        today=today,
        assumptions=assumptions_table(target, counts),
        shares=shares,
        labour=labour,
        investment=investment,
        one_time=one_time,
        running_today=running_today,
        running_after=after,
        yearly_saving=saving,
        payback_year=None if saving is None else payback_year(one_time.expected, saving.expected),
        payback_best=None if saving is None else payback_year(one_time.low, saving.high),
        payback_worst=None if saving is None else payback_year(one_time.high, saving.low),
        npv=npv,
        not_priced=int((~lines["priced"]).sum()),
        comparable=bool((today["comparable"] == "yes").all()),
        key_name=target.cost_key.name,
        notes=notes + share_notes,
    )


def _notes(
    lines: pd.DataFrame, today: pd.DataFrame, counts: InventoryCounts, today_known: bool
) -> list[str]:
    """What a reader must know before trusting the totals (nothing left out silently)."""
    notes = []
    unpriced = lines[~lines["priced"]]
    for row in unpriced.itertuples(index=False):
        notes.append(
            f"Not priced: {row.label} ({row.quantity:,.1f} {row.unit}); {row.note}."
            " The totals leave it out."
        )
    if not today_known:
        missing = today.loc[today["it_cost"].isna(), "municipality"].tolist()
        notes.append(
            "Today's IT cost is not known for "
            + (", ".join(missing) or "any")
            + ": no yearly saving, payback or NPV."
        )
    differing = today[today["comparable"] != "yes"]
    for name, definition, source, note in zip(
        differing["name"],
        differing["definition"],
        differing["source"],
        differing["note"],
        strict=True,
    ):
        notes.append(f"{name}: today's cost ({definition or source}) {note} — not like with like.")
    if len(set(today.loc[today["definition"] != "", "definition"])) > 1:
        notes.append(
            "The municipalities count their IT cost differently ("
            + ", ".join(sorted(set(today["definition"]) - {""}))
            + ")."
        )
    if counts.links and counts.links_with_cost < counts.links:
        notes.append(
            f"{counts.links - counts.links_with_cost} of {counts.links} links state no"
            " yearly cost: the communication cost carried over is understated."
        )
    return notes


# -- assumptions ---------------------------------------------------------------------------


_EFFORT_UNITS = {"hourly_rate": "{currency}/hour"}


def assumptions_table(target: TargetArchitecture, counts: InventoryCounts) -> pd.DataFrame:
    """Every rate, unit effort, unit price and economic parameter, with its source: the
    target file (the section's ``model_fields_set``) or the documented default."""
    currency = target.currency
    rows: list[dict[str, Any]] = []

    def add(name: str, group: str, value: Value, unit: str, note: str = "") -> None:
        rows.append(
            {
                "parameter": name,
                "group": group,
                "value": math.nan if value.value is None else value.value,
                "unit": unit.format(currency=currency),
                "source": value.source,
                "note": "; ".join(filter(None, [note, value.note])),
            }
        )

    efforts = target.efforts
    for name in type(efforts).model_fields:
        money = name == "hourly_rate"
        add(
            f"efforts.{name}",
            "efforts",
            parameter(efforts, name, currency, money=money),
            _EFFORT_UNITS.get(name, "hours"),
        )
    prices = target.prices
    add(
        "prices.physical_server",
        "prices",
        unit_price("physical_server", prices, currency)[0],
        "{currency}/server",
    )
    add(
        "prices.storage_per_tb",
        "prices",
        unit_price("storage_tb", prices, currency)[0],
        "{currency}/TB",
    )
    for kind in ("network_device", "client_device"):
        for sub in getattr(_DEFAULT_PRICES, kind):
            add(
                f"prices.{kind}.{sub}",
                "prices",
                unit_price(f"{kind}:{sub}", prices, currency)[0],
                "{currency}/device",
            )
    running = target.economics.running
    staff = parameter(running, "staff_fte", currency, money=False)
    if staff.value is None:
        fte, _ = counts.measure("it_staff_fte")
        staff = Value(
            fte, DEFAULT if fte is not None else NONE, "today's IT staff summed (no staff saving)"
        )
    add("economics.running.staff_fte", "running", staff, "FTE")
    add(
        "economics.running.cost_per_fte",
        "running",
        parameter(running, "cost_per_fte", currency, money=True),
        "{currency}/FTE/year",
    )
    if running.hosting_per_year is not None:
        add(
            "economics.running.hosting_per_year",
            "running",
            Value(running.hosting_per_year, TARGET),
            "{currency}/year",
        )
    else:
        add(
            "economics.running.price_per_kwh",
            "running",
            parameter(running, "price_per_kwh", currency, money=True),
            "{currency}/kWh",
        )
        watts = (
            parameter(target.datacentres, "watts_per_physical_server", currency, money=False)
            if target.datacentres is not None
            else Value(400.0, DEFAULT)
        )
        add(
            "datacentres.watts_per_physical_server",
            "running",
            watts,
            "W",
            "for a server that states no power_w",
        )
    for licence in running.lines:
        add(
            f"economics.running.lines.{licence.name}",
            "running",
            Value(licence.price_per_year, TARGET),
            f"{{currency}}/{_BASIS_UNITS[LicenceBasis(licence.per)]}/year",
            licence.source or "",
        )
    for name in ("hardware_lifetime_years", "device_lifetime_years"):
        add(
            f"economics.running.{name}",
            "running",
            parameter(running, name, currency, money=False),
            "years",
        )
    economics = target.economics
    for name, unit in (("horizon_years", "years"), ("discount_rate_percent", "% per year")):
        add(
            f"economics.{name}",
            "economics",
            parameter(economics, name, currency, money=False),
            unit,
        )
    stated = "uncertainty_percent" in economics.model_fields_set
    for kind, value in economics.uncertainty_percent.items():
        add(
            f"economics.uncertainty_percent.{kind}",
            "economics",
            Value(float(value), TARGET if stated else DEFAULT),
            "+/- %",
        )
    key = target.cost_key
    for component in key.components:
        add(
            f"cost_key.{component.basis}",
            "cost_key",
            Value(component.percent, TARGET if "components" in key.model_fields_set else DEFAULT),
            "%",
            key.name,
        )
    frame = pd.DataFrame(rows, columns=list(ASSUMPTION_COLUMNS))
    frame["value"] = frame["value"].astype(float)
    return Assumptions.validate(frame)


__all__ = ["SHARE_COLUMNS", "BusinessCase", "business_case"]
