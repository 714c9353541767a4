"""The platform domain (A3): shared services such as directory, e-mail, backup, hypervisor."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models import vocabulary as words
from inventory.models.base import Record, Reference, Words, column
from inventory.models.enums import Capability, Criticality, Deployment


class Platform(Record):
    """A platform service delivering one capability, running on servers or clusters."""

    kind_name: ClassVar[str] = "platform"
    file_names: ClassVar[tuple[str, ...]] = (
        "platforms",
        "platform",
        "plattformar",
        "plattformer",
        "plattformstjänster",
    )
    summary: ClassVar[str] = "Shared platform services per capability, and what they run on."

    id: str = column(
        "Platform key, unique in the municipality",
        aliases=words.key(
            "platform id",
            sv=("plattforms-id", "tjänste-id"),
            nb=("plattform-id", "tjeneste-id"),
            nn=("plattform-id", "teneste-id"),
        ),
        required=True,
        key=True,
        example="p-ad",
    )
    capability: Capability = column(
        "What capability it provides (hypervisor, directory, email, backup, ...)",
        aliases=Words(
            sv=("förmåga", "kapabilitet", "tjänst", "funktion", "tjänsteområde"),
            nb=("tjeneste", "funksjon", "kapabilitet", "evne"),
            nn=("teneste", "funksjon", "kapabilitet"),
            en=("service", "function", "capability area"),
        ),
        required=True,
    )
    vendor: str | None = column("Vendor", aliases=words.VENDOR)
    product: str = column(
        "Product",
        aliases=Words(
            sv=("produkt", "produktnamn", "system"),
            nb=("produkt", "produktnavn", "system"),
            nn=("produkt", "produktnamn", "system"),
            en=("product name", "software"),
        ),
        required=True,
        example="Microsoft Active Directory",
    )
    version: str | None = column("Version", aliases=words.VERSION)
    deployment: Deployment | None = column(
        "on_prem, hosted, saas or iaas", aliases=words.DEPLOYMENT
    )
    runs_on: list[str] | None = column(
        "Servers or clusters it runs on (keys), separated by , or ; or |",
        aliases=Words(
            sv=("körs på", "servrar", "driftas på"),
            nb=("kjører på", "servere", "tjenere"),
            nn=("køyrer på", "tenarar", "serverar"),
            en=("runs on", "servers", "hosts"),
        ),
        ref=Reference(("server",), pseudo=("cluster",), many=True),
    )
    licences: int | None = column(
        "Licences held",
        aliases=Words(
            sv=("licenser", "antal licenser"),
            nb=("lisenser", "antall lisenser"),
            nn=("lisensar", "tal på lisensar"),
            en=("licenses", "license count", "seats"),
        ),
        ge=0,
    )
    criticality: Criticality | None = column(
        "low, medium, high or critical", aliases=words.CRITICALITY
    )
    contract_end: dt.date | None = column("End of contract", aliases=words.CONTRACT_END)
    annual_cost: float | None = column(
        "Yearly cost", aliases=words.ANNUAL_COST, ge=0, unit="currency"
    )
