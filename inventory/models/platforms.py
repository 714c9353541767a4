"""The platform domain (A3): shared services such as directory, e-mail, backup, hypervisor."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models.base import Record, Reference, column
from inventory.models.enums import Capability, Criticality, Deployment


class Platform(Record):
    """A platform service delivering one capability, running on servers or clusters."""

    kind_name: ClassVar[str] = "platform"
    file_names: ClassVar[tuple[str, ...]] = ("platforms", "platform", "plattformar",
                                             "plattformer", "plattformstjänster")
    summary: ClassVar[str] = "Shared platform services per capability, and what they run on."

    id: str = column("Platform key, unique in the municipality", aliases=("plattforms-id",
                     "nyckel"), required=True, key=True, example="p-ad")
    capability: Capability = column("What capability it provides (hypervisor, directory,"
                                    " email, backup, ...)", aliases=("förmåga", "kapabilitet",
                                    "tjänst", "tjeneste", "funksjon"), required=True)
    vendor: str | None = column("Vendor", aliases=("tillverkare", "leverantör", "produsent",
                                "leverandør"))
    product: str = column("Product", aliases=("produkt",), required=True,
                          example="Microsoft Active Directory")
    version: str | None = column("Version", aliases=("versjon",))
    deployment: Deployment | None = column("on_prem, hosted, saas or iaas", aliases=(
        "driftform", "leveransform", "driftsform"))
    runs_on: list[str] | None = column("Servers or clusters it runs on (keys), separated by ,"
                                       " or ; or |", aliases=("körs på", "kjører på", "servrar",
                                       "servere"), ref=Reference(("server",), pseudo=("cluster",),
                                                                 many=True))
    licences: int | None = column("Licences held", aliases=("licenser", "lisenser",
                                  "antal licenser"), ge=0)
    criticality: Criticality | None = column("low, medium, high or critical", aliases=(
        "kritikalitet", "kritiskhet"))
    contract_end: dt.date | None = column("End of contract", aliases=("avtal till", "avtalsslut",
                                          "avtale utløper"))
    annual_cost: float | None = column("Yearly cost", aliases=("årskostnad", "årlig kostnad"),
                                       ge=0, unit="currency")
