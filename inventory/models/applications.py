"""The application domain: business systems (verksamhetssystem / fagsystem)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models import vocabulary as words
from inventory.models.base import Record, Reference, Words, column
from inventory.models.enums import BusinessArea, Criticality, DataClassification, Deployment


class Application(Record):
    """A business application and what it depends on."""

    kind_name: ClassVar[str] = "application"
    file_names: ClassVar[tuple[str, ...]] = (
        "applications",
        "application",
        "system",
        "verksamhetssystem",
        "fagsystem",
        "applikasjoner",
        "applikationer",
    )
    summary: ClassVar[str] = "Business systems, their vendors, users and dependencies."

    id: str = column(
        "Application key, unique in the municipality",
        aliases=words.key(
            "system id",
            "app id",
            "application id",
            sv=("system-id", "app-id", "systemnummer"),
            nb=("system-id", "app-id", "systemnummer"),
            nn=("system-id", "app-id"),
        ),
        required=True,
        key=True,
        example="app-procapita",
    )
    name: str = column(
        "Name as users know it",
        aliases=Words(
            sv=(*words.NAME.sv, "systemnamn", "system", "verksamhetssystem", "applikation"),
            nb=(*words.NAME.nb, "systemnavn", "system", "fagsystem", "applikasjon"),
            nn=(*words.NAME.nn, "systemnamn", "system", "fagsystem", "applikasjon"),
            en=(*words.NAME.en, "application", "system name", "application name"),
        ),
        required=True,
    )
    vendor: str | None = column("Vendor", aliases=words.VENDOR)
    product: str | None = column(
        "Product",
        aliases=Words(
            sv=("produkt", "produktnamn"),
            nb=("produkt", "produktnavn"),
            nn=("produkt", "produktnamn"),
            en=("product name",),
        ),
    )
    version: str | None = column("Version", aliases=words.VERSION)
    business_area: BusinessArea | None = column(
        "Business area",
        aliases=Words(
            sv=("verksamhet", "verksamhetsområde", "förvaltning", "sektor", "nämnd"),
            nb=(
                "tjenesteområde",
                "sektor",
                "virksomhet",
                "virksomhetsområde",
                "fagområde",
                "tjenesteenhet",
            ),
            nn=("tenesteområde", "sektor", "verksemd", "fagområde"),
            en=("business area", "department", "service area", "domain"),
        ),
    )
    deployment: Deployment | None = column(
        "on_prem, hosted, saas or iaas", aliases=words.DEPLOYMENT
    )
    depends_on: list[str] | None = column(
        "Platforms, servers or clusters it needs (keys or code:key), separated by , or ; or |",
        aliases=Words(
            sv=("beroenden", "beror på", "körs på", "beroende av"),
            nb=("avhengigheter", "avhenger av", "kjører på", "avhengig av"),
            nn=("avhengnader", "avheng av", "køyrer på"),
            en=("depends on", "dependencies", "runs on", "hosted on"),
        ),
        ref=Reference(("platform", "server"), pseudo=("cluster",), many=True),
    )
    users: int | None = column(
        "Number of users",
        aliases=Words(
            sv=("användare", "antal användare", "antal användare ca"),
            nb=("brukere", "antall brukere", "brukarar"),
            nn=("brukarar", "tal på brukarar"),
            en=("user count", "number of users"),
        ),
        ge=0,
    )
    criticality: Criticality | None = column(
        "low, medium, high or critical", aliases=words.CRITICALITY
    )
    data_classification: DataClassification | None = column(
        "public, internal, confidential or sensitive",
        aliases=Words(
            sv=(
                "informationsklass",
                "klassning",
                "konfidentialitet",
                "informationsklassning",
                "skyddsklass",
            ),
            nb=(
                "informasjonsklasse",
                "klassifisering",
                "konfidensialitet",
                "informasjonsklassifisering",
                "gradering",
            ),
            nn=("informasjonsklasse", "klassifisering", "konfidensialitet"),
            en=("classification", "data class", "information class", "confidentiality"),
        ),
    )
    owner: str | None = column(
        "System owner (role)",
        aliases=Words(
            sv=("systemägare", "ägare", "systemförvaltare"),
            nb=("systemeier", "eier", "systemansvarlig"),
            nn=("systemeigar", "eigar", "systemansvarleg"),
            en=("system owner", "owner role"),
        ),
    )
    contract_end: dt.date | None = column("End of contract", aliases=words.CONTRACT_END)
    annual_cost: float | None = column(
        "Yearly cost", aliases=words.ANNUAL_COST, ge=0, unit="currency"
    )
