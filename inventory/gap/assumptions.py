"""Where each number of the business case comes from, and the assumptions table
(docs/method.md#assumptions).

A parameter is the target file's when the file sets it (pydantic's ``model_fields_set``
of its section), else the documented default; a money default (the prices, the hourly
rate, the cost of an FTE, the price of a kWh: Swedish list prices) is no value in a
currency the defaults are not in (``economics.DEFAULT_PRICE_CURRENCIES``), so the line
that needs it is shown as not priced.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pydantic import BaseModel

from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.target.economics import DEFAULT_PRICE_CURRENCIES, LicenceBasis, UnitPrices
from inventory.target.model import TargetArchitecture

#: Where a number comes from (the report translates these).
TARGET = "target"  # the target file states it
DEFAULT = "default"  # a documented default (docs/method.md#assumptions)
INVENTORY = "inventory"  # counted from the stored inventory
STUDY = "study"  # the study folder's it-costs.yaml
MUNICIPALITY_TABLE = "municipality_table"  # the municipality file's it_budget
NONE = "none"  # nobody states it: the line is not priced

ASSUMPTION_COLUMNS = ("parameter", "group", "value", "unit", "currency", "source", "note")

#: The units of the assumptions table, as keys (the report writes each in its language,
#: message ``costs.assumption_unit.<key>``; a ``currency_`` unit with the row's currency).
HOURS, FTE, WATT, YEARS, PERCENT = "hours", "fte", "watt", "years", "percent"
PERCENT_PER_YEAR, PLUS_MINUS_PERCENT = "percent_per_year", "plus_minus_percent"
CURRENCY_HOUR, CURRENCY_SERVER, CURRENCY_TB = "currency_hour", "currency_server", "currency_tb"
CURRENCY_DEVICE, CURRENCY_KWH, CURRENCY_YEAR = "currency_device", "currency_kwh", "currency_year"
CURRENCY_FTE_YEAR = "currency_fte_year"

#: The unit a yearly licence line is counted in.
BASIS_UNITS = {
    LicenceBasis.USER: "user",
    LicenceBasis.STUDENT: "student",
    LicenceBasis.DEVICE: "device",
    LicenceBasis.SERVER: "server",
    LicenceBasis.MUNICIPALITY: "municipality",
    LicenceBasis.ORGANISATION: "organisation",
}
#: The unit key of a yearly licence line's price, by what it is counted in.
LICENCE_UNITS = {basis: f"currency_{unit}_year" for basis, unit in BASIS_UNITS.items()}
#: Every unit key of the assumptions table.
ASSUMPTION_UNITS = (
    HOURS,
    CURRENCY_HOUR,
    CURRENCY_SERVER,
    CURRENCY_TB,
    CURRENCY_DEVICE,
    CURRENCY_KWH,
    CURRENCY_YEAR,
    CURRENCY_FTE_YEAR,
    *LICENCE_UNITS.values(),
    FTE,
    WATT,
    YEARS,
    PERCENT_PER_YEAR,
    PERCENT,
    PLUS_MINUS_PERCENT,
)


class Assumptions(Contract):
    """Every rate, unit effort, price and parameter with where it came from."""

    parameter: Series[str]
    group: Series[str]
    value: Series[float] = Field(nullable=True)
    #: A unit key (``ASSUMPTION_UNITS``), written in the reader's language by the report.
    unit: Series[str] = Field(isin=list(ASSUMPTION_UNITS))
    #: The target's currency, for a unit of money (``currency_...``).
    currency: Series[str]
    source: Series[str] = Field(isin=[TARGET, DEFAULT, INVENTORY, NONE])
    note: Series[str]

    class Config:
        strict = True
        ordered = True


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


# -- licences the target runs without a yearly cost ---------------------------------------


def target_products(target: TargetArchitecture) -> list[str]:
    """The products the joint operation runs: of the capabilities, the server OS and the
    client standards (OS and management) in the target's scope, in the file's order."""
    from inventory.gap.scope import study_scope  # scope reads the target's model too

    scoped = study_scope(target).restrict(target)
    names = [
        choice.product
        for capability in scoped.capabilities.values()
        for choice in capability.products
    ]
    names += [choice.product for choice in scoped.server_os]
    for standard in scoped.clients:
        names += [choice.product for choice in standard.os] + [standard.management]
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


def _named_in(name: str, products: list[str]) -> set[str]:
    """The products a line's name names: whole words, the longest where one product's name
    holds another's ("Windows Server Datacenter" names Windows Server, not Windows)."""
    found = {
        product
        for product in products
        if re.search(rf"(?<!\w){re.escape(product.casefold())}(?!\w)", name.casefold())
    }
    return {
        product
        for product in found
        if not any(product != other and product.casefold() in other.casefold() for other in found)
    }


def unstated_licences(target: TargetArchitecture) -> list[str]:
    """The target's products no ``economics.running.lines`` entry pays for: a line pays for
    the products its ``products`` lists and those its name names (``_named_in``; both
    case-insensitive). A line of price 0 that names a product states that it costs
    nothing more (included in another licence): stated, not missing."""
    products = target_products(target)
    paid: set[str] = set()
    for line in target.economics.running.lines:
        listed = {product.strip().casefold() for product in line.products}
        paid |= {product for product in products if product.casefold() in listed}
        paid |= _named_in(line.name, products)
    return [product for product in products if product not in paid]


# -- assumptions ---------------------------------------------------------------------------


_EFFORT_UNITS = {"hourly_rate": CURRENCY_HOUR}


def assumptions_table(target: TargetArchitecture, staff_today: float | None) -> pd.DataFrame:
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
                "unit": unit,
                "currency": currency,
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
            _EFFORT_UNITS.get(name, HOURS),
        )
    prices = target.prices
    add(
        "prices.physical_server",
        "prices",
        unit_price("physical_server", prices, currency)[0],
        CURRENCY_SERVER,
    )
    add(
        "prices.storage_per_tb",
        "prices",
        unit_price("storage_tb", prices, currency)[0],
        CURRENCY_TB,
    )
    for kind in ("network_device", "client_device"):
        for sub in getattr(_DEFAULT_PRICES, kind):
            add(
                f"prices.{kind}.{sub}",
                "prices",
                unit_price(f"{kind}:{sub}", prices, currency)[0],
                CURRENCY_DEVICE,
            )
    running = target.economics.running
    staff = parameter(running, "staff_fte", currency, money=False)
    if staff.value is None:
        fte = staff_today
        staff = Value(
            fte, DEFAULT if fte is not None else NONE, "today's IT staff summed (no staff saving)"
        )
    add("economics.running.staff_fte", "running", staff, FTE)
    add(
        "economics.running.cost_per_fte",
        "running",
        parameter(running, "cost_per_fte", currency, money=True),
        CURRENCY_FTE_YEAR,
    )
    if running.hosting_per_year is not None:
        add(
            "economics.running.hosting_per_year",
            "running",
            Value(running.hosting_per_year, TARGET),
            CURRENCY_YEAR,
        )
    else:
        add(
            "economics.running.price_per_kwh",
            "running",
            parameter(running, "price_per_kwh", currency, money=True),
            CURRENCY_KWH,
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
            WATT,
            "for a server that states no power_w",
        )
    for licence in running.lines:
        add(
            f"economics.running.lines.{licence.name}",
            "running",
            Value(licence.price_per_year, TARGET),
            LICENCE_UNITS[LicenceBasis(licence.per)],
            "; ".join(
                filter(
                    None,
                    [
                        licence.source or "",
                        "pays for " + ", ".join(licence.products) if licence.products else "",
                    ],
                )
            ),
        )
    for product in unstated_licences(target):
        add(
            f"economics.running.lines.{product}",
            "running",
            Value(None, NONE, "not stated: no yearly licence cost in the cost after"),
            CURRENCY_YEAR,
        )
    for name in ("hardware_lifetime_years", "device_lifetime_years"):
        add(
            f"economics.running.{name}",
            "running",
            parameter(running, name, currency, money=False),
            YEARS,
        )
    economics = target.economics
    for name, unit in (("horizon_years", YEARS), ("discount_rate_percent", PERCENT_PER_YEAR)):
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
            PLUS_MINUS_PERCENT,
        )
    key = target.cost_key
    for component in key.components:
        add(
            f"cost_key.{component.basis}",
            "cost_key",
            Value(component.percent, TARGET if "components" in key.model_fields_set else DEFAULT),
            PERCENT,
            key.name,
        )
    frame = pd.DataFrame(rows, columns=list(ASSUMPTION_COLUMNS))
    frame["value"] = frame["value"].astype(float)
    return typed(Assumptions, frame)
