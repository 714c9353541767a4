"""The organisation domain: the municipality an inventory describes."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from inventory.models.base import Record, column
from inventory.models.enums import ClientEdition, Country, OperatingModel


class Municipality(Record):
    """A municipality (kommun / kommune): one row per inventory folder."""

    kind_name: ClassVar[str] = "municipality"
    file_names: ClassVar[tuple[str, ...]] = ("municipality", "kommun", "kommune", "organisation")
    key_field: ClassVar[str] = "code"
    summary: ClassVar[str] = "The municipality itself: size, staff, IT budget, operating model."

    code: str = Field(
        ...,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="Short slug used in references (`gnosjo:DC1`): lower case, digits, - or _",
        examples=["gnosjo"],
        json_schema_extra={"aliases": ["kod", "slug", "kortnamn", "kortnavn"], "key": True,
                           "identifier": True},
    )
    official_code: str | None = column(
        "Official code: kommunkod (SE, 4 digits) or kommunenummer (NO, 4 digits)",
        aliases=("kommunkod", "kommunenummer", "kommunnummer", "kommunnr"),
        identifier=True, example="0617",
    )
    name: str = column("Official name", aliases=("namn", "navn", "kommunnamn", "kommunenavn"),
                       required=True, example="Gnosjö kommun")
    country: Country = column("SE or NO", aliases=("land",), required=True, example="SE")
    population: int | None = column("Inhabitants", aliases=("invånare", "innbyggere",
                                    "befolkning", "folkmängd"), ge=0, example=9500)
    employees: int | None = column("Employees of the municipality",
                                   aliases=("anställda", "ansatte", "medarbetare"), ge=0)
    students_with_devices: int | None = column(
        "Pupils with a device of their own (1:1)",
        aliases=("elever med enhet", "elever med dator", "elever med enhet 1:1",
                 "elever med digital enhet"), ge=0,
    )
    it_staff_fte: float | None = column("IT staff in full-time equivalents",
                                        aliases=("it-personal åa", "it-årsarbetare",
                                                 "it-årsverk", "it-personal"), ge=0)
    it_budget: float | None = column("Yearly IT budget in `currency`",
                                     aliases=("it-budget", "it budget", "ikt-budsjett"),
                                     ge=0, unit="currency")
    currency: str | None = column("ISO 4217 currency of amounts (SEK, NOK)",
                                  aliases=("valuta",), example="SEK")
    operating_model: OperatingModel | None = column(
        "How IT operations are run today: in_house, outsourced or shared",
        aliases=("driftform", "driftsmodell", "driftsform", "driftmodell"),
    )
    provider: str | None = column("External operations provider, when outsourced or shared",
                                  aliases=("leverantör", "leverandør", "driftleverantör"))
    client_edition: ClientEdition | None = column(
        "Windows edition of the clients where a row does not name one: enterprise,"
        " education, pro, home or ltsc (decides which end-of-life dates apply)",
        aliases=("klientutgåva", "windows-utgåva", "klientutgave", "windows-utgave",
                 "windows edition", "client edition"),
    )
