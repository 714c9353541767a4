"""The parts of a target that price and schedule the merger: unit prices (investment),
the yearly running cost after the merger, the economic frame (horizon, discount rate,
uncertainty), the cost key between the municipalities, the plan's team and start date,
and the study areas run jointly (the scope).

Every number has a documented default (docs/method.md, "Assumptions"): a report says
for each one whether it came from the target file or is such a default
(``assumption_sources``). Amounts are in the target's ``currency``; the default prices
are Swedish list prices in SEK (see ``DEFAULT_PRICE_CURRENCIES``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from inventory.models.enums import ClientKind, NetworkRole
from inventory.yamlfile import number_param

#: Currencies the default unit prices may be used in as they are (SEK; NOK was within
#: some 5 % of SEK in 2023-2026). A target in another currency states its prices.
DEFAULT_PRICE_CURRENCIES = frozenset({"SEK", "NOK"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, allow_inf_nan=False)


def _network_prices() -> dict[NetworkRole, float]:
    return {
        NetworkRole.CORE_SWITCH: 180_000,
        NetworkRole.DISTRIBUTION_SWITCH: 60_000,
        NetworkRole.ACCESS_SWITCH: 25_000,
        NetworkRole.ROUTER: 60_000,
        NetworkRole.FIREWALL: 120_000,
        NetworkRole.WLAN_CONTROLLER: 80_000,
        NetworkRole.ACCESS_POINT: 8_000,
        NetworkRole.VPN_GATEWAY: 60_000,
        NetworkRole.LOAD_BALANCER: 120_000,
    }


def _client_prices() -> dict[ClientKind, float]:
    return {
        ClientKind.DESKTOP: 9_000,
        ClientKind.LAPTOP: 12_000,
        ClientKind.CHROMEBOOK: 4_000,
        ClientKind.TABLET: 6_000,
        ClientKind.SMARTPHONE: 7_000,
        ClientKind.THIN_CLIENT: 4_000,
        ClientKind.PRINTER: 15_000,
        ClientKind.IP_PHONE: 2_500,
        ClientKind.KIOSK: 12_000,
    }


class UnitPrices(_Strict):
    """One-time investment per unit bought (hardware replaced at or near its end of life,
    target capacity), in the target's currency."""

    physical_server: float = Field(
        default=150_000, ge=0, description="A hypervisor host or physical server"
    )
    storage_per_tb: float = Field(
        default=8_000, ge=0, description="Usable storage capacity bought, per TB"
    )
    network_device: dict[NetworkRole, float] = Field(
        default_factory=_network_prices, description="Per network device, by role"
    )
    client_device: dict[ClientKind, float] = Field(
        default_factory=_client_prices, description="Per client device, by kind"
    )
    source: str | None = Field(default=None, description="Where the prices come from")


class LicenceBasis(StrEnum):
    """What a yearly licence line is counted per."""

    USER = "user"  # staff accounts (employees of the municipalities)
    STUDENT = "student"
    DEVICE = "device"  # managed client devices
    SERVER = "server"
    MUNICIPALITY = "municipality"
    ORGANISATION = "organisation"  # one for the joint operation


class YearlyLine(_Strict):
    """A yearly running cost after the merger: ``price_per_year`` per unit of ``per``."""

    name: str = Field(min_length=1)
    per: LicenceBasis = LicenceBasis.ORGANISATION
    price_per_year: float = Field(ge=0)
    source: str | None = None
    products: list[str] = Field(
        default_factory=list,
        description="The target's products this line pays for (a"
        " product whose name the line's name does not contain); a product of the target"
        " that no line names is reported as having no yearly licence cost stated",
    )


class RunningCosts(_Strict):
    """The joint operation's yearly running cost after the merger."""

    staff_fte: float | None = Field(
        default=None,
        ge=0,
        description="IT staff of the joint operation (FTE); absent ="
        " today's IT staff summed (no staff saving assumed)",
    )
    cost_per_fte: float = Field(
        default=780_000, ge=0, description="Yearly cost of one FTE with social costs"
    )
    hosting_per_year: float | None = Field(
        default=None,
        ge=0,
        description="Datacentre, power and premises per year; absent"
        " = kW of the servers kept x hours x price_per_kwh",
    )
    price_per_kwh: float = Field(
        default=1.5, ge=0, description="Electricity incl. cooling overhead"
    )
    lines: list[YearlyLine] = Field(
        default_factory=list, description="Licences and services, per year"
    )
    device_lifetime_years: float = Field(
        default=4,
        gt=0,
        description="Client devices replaced every N years (the yearly"
        " cost of the fleet = devices x price / N)",
    )
    hardware_lifetime_years: float = Field(
        default=6, gt=0, description="Servers, storage and network replaced every N years"
    )


class UncertaintyKind(StrEnum):
    LABOUR = "labour"
    INVESTMENT = "investment"
    RUNNING = "running"


def _uncertainty() -> dict[UncertaintyKind, float]:
    return dict.fromkeys(UncertaintyKind, 25.0)


class Economics(_Strict):
    """The frame of the business case."""

    horizon_years: int = Field(
        default=5, ge=1, le=30, description="Years of running cost counted in the NPV"
    )
    discount_rate_percent: float = Field(
        default=4.0, ge=0, le=50, description="Real discount rate per year"
    )
    # at least 0 and under 100 each: the low end of a range stays above nothing
    uncertainty_percent: dict[UncertaintyKind, Annotated[float, Field(ge=0, lt=100)]] = Field(
        default_factory=_uncertainty, description="+/- per line kind (low/high range)"
    )
    running: RunningCosts = Field(default_factory=RunningCosts)

    @model_validator(mode="after")
    def _every_kind(self) -> Economics:
        for kind in UncertaintyKind:
            self.uncertainty_percent.setdefault(kind, 25.0)
        return self


class CostKeyBasis(StrEnum):
    EQUAL = "equal"
    POPULATION = "population"
    EMPLOYEES = "employees"
    DEVICES = "devices"


class CostKeyComponent(_Strict):
    basis: CostKeyBasis
    percent: float = Field(gt=0, le=100)


def _equal_key() -> list[CostKeyComponent]:
    return [
        CostKeyComponent(basis=CostKeyBasis.EQUAL, percent=50),
        CostKeyComponent(basis=CostKeyBasis.POPULATION, percent=50),
    ]


class CostKey(_Strict):
    """How the joint one-time and yearly costs are shared between the municipalities."""

    name: str = "50 % equal, 50 % by population"
    components: list[CostKeyComponent] = Field(default_factory=_equal_key, min_length=1)
    source: str | None = None

    @model_validator(mode="after")
    def _adds_up(self) -> CostKey:
        total = sum(component.percent for component in self.components)
        if abs(total - 100) > 1e-9:
            raise PydanticCustomError(
                "validation.target.cost_key_total",
                "the cost key's percentages add up to {total}, not 100",
                {"total": number_param(total)},
            )
        return self


class PlanFrame(_Strict):
    """The team and start that turn effort into dates."""

    start: dt.date | None = Field(
        default=None,
        description="First day of the programme; absent = the first Monday after the report date",
    )
    team_fte: float = Field(default=6, gt=0, description="Staff working on the migration")
    hours_per_fte_year: float = Field(
        default=1600, gt=0, le=8760, description="Productive hours per FTE and year"
    )
    parallel_streams: int = Field(
        default=2, ge=1, le=50, description="Work packages run side by side at most"
    )


#: The study areas (GGVVH "Förslag till utredning it-drift", 2.2) a target can run jointly
#: ("A" is all of A1-A4, as the study's alternatives write it).
StudyArea = Literal["A", "A1", "A2", "A3", "A4", "B", "C", "D", "E", "F", "G", "H", "I"]
