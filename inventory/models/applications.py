"""The application domain: business systems (verksamhetssystem / fagsystem)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models.base import Record, Reference, column
from inventory.models.enums import BusinessArea, Criticality, DataClassification, Deployment


class Application(Record):
    """A business application and what it depends on."""

    kind_name: ClassVar[str] = "application"
    file_names: ClassVar[tuple[str, ...]] = ("applications", "application", "system",
                                             "verksamhetssystem", "fagsystem", "applikasjoner",
                                             "applikationer")
    summary: ClassVar[str] = "Business systems, their vendors, users and dependencies."

    id: str = column("Application key, unique in the municipality", aliases=("system-id",
                     "app-id", "nyckel"), required=True, key=True, example="app-procapita")
    name: str = column("Name as users know it", aliases=("namn", "navn", "systemnamn",
                       "systemnavn"), required=True)
    vendor: str | None = column("Vendor", aliases=("leverantör", "leverandør", "tillverkare"))
    product: str | None = column("Product", aliases=("produkt",))
    version: str | None = column("Version", aliases=("versjon",))
    business_area: BusinessArea | None = column("Business area", aliases=("verksamhet",
                                                 "verksamhetsområde", "tjenesteområde",
                                                 "sektor"))
    deployment: Deployment | None = column("on_prem, hosted, saas or iaas", aliases=(
        "driftform", "leveransform", "driftsform"))
    depends_on: list[str] | None = column(
        "Platforms, servers or clusters it needs (keys or code:key), separated by , or ; or |",
        aliases=("beroenden", "beror på", "avhengigheter", "avhenger av", "körs på",
                 "kjører på"),
        ref=Reference(("platform", "server"), pseudo=("cluster",), many=True))
    users: int | None = column("Number of users", aliases=("användare", "brukere",
                               "antal användare"), ge=0)
    criticality: Criticality | None = column("low, medium, high or critical", aliases=(
        "kritikalitet", "kritiskhet", "prioritet"))
    data_classification: DataClassification | None = column(
        "public, internal, confidential or sensitive", aliases=("informationsklass",
        "informasjonsklasse", "klassning", "konfidentialitet"))
    owner: str | None = column("System owner (role)", aliases=("systemägare", "systemeier",
                               "ägare", "eier"))
    contract_end: dt.date | None = column("End of contract", aliases=("avtal till", "avtalsslut",
                                          "avtale utløper"))
    annual_cost: float | None = column("Yearly cost", aliases=("årskostnad", "årlig kostnad"),
                                       ge=0, unit="currency")
