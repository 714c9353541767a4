"""The organisation domain: the municipality an inventory describes."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from inventory.models.base import Record, Words, column
from inventory.models.enums import ClientEdition, Country, OperatingModel

_CODE_WORDS = Words(
    sv=("kod", "kortnamn", "förkortning"),
    nb=("kode", "kortnavn", "forkortelse"),
    nn=("kode", "kortnamn", "forkorting"),
    en=("slug", "short name"),
)


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
        json_schema_extra={
            "aliases": list(_CODE_WORDS.all()),
            "aliases_by_language": _CODE_WORDS.by_language(),
            "key": True,
            "identifier": True,
        },
    )
    official_code: str | None = column(
        "Official code: kommunkod (SE, 4 digits) or kommunenummer (NO, 4 digits)",
        aliases=Words(
            sv=("kommunkod", "kommunnummer", "kommunnr", "kommunkod scb"),
            nb=("kommunenummer", "kommunenr", "kommunekode"),
            nn=("kommunenummer", "kommunenr"),
            en=("official code", "municipality code", "municipality number"),
        ),
        identifier=True,
        example="0617",
    )
    name: str = column(
        "Official name",
        aliases=Words(
            sv=("namn", "kommunnamn", "kommun"),
            nb=("navn", "kommunenavn", "kommune"),
            nn=("namn", "kommunenamn", "kommune"),
            en=("municipality", "municipality name"),
        ),
        required=True,
        example="Gnosjö kommun",
    )
    country: Country = column(
        "SE or NO",
        aliases=Words(sv=("land",), nb=("land",), nn=("land",), en=("nation",)),
        required=True,
        example="SE",
    )
    population: int | None = column(
        "Inhabitants",
        aliases=Words(
            sv=("invånare", "befolkning", "folkmängd", "antal invånare"),
            nb=("innbyggere", "befolkning", "folketall", "antall innbyggere"),
            nn=("innbyggjarar", "folketal", "tal på innbyggjarar"),
            en=("inhabitants", "residents"),
        ),
        ge=0,
        example=9500,
    )
    employees: int | None = column(
        "Employees of the municipality",
        aliases=Words(
            sv=("anställda", "medarbetare", "antal anställda"),
            nb=("ansatte", "antall ansatte", "medarbeidere"),
            nn=("tilsette", "tal på tilsette"),
            en=("staff", "headcount"),
        ),
        ge=0,
    )
    students_with_devices: int | None = column(
        "Pupils with a device of their own (1:1)",
        aliases=Words(
            sv=(
                "elever med enhet",
                "elever med dator",
                "elever med enhet 1:1",
                "elever med digital enhet",
            ),
            nb=(
                "elever med enhet",
                "elever med pc",
                "elever med egen enhet",
                "elever med digital enhet",
            ),
            nn=("elevar med eining", "elevar med eiga eining"),
            en=("pupils with devices", "students with devices", "1:1 pupils"),
        ),
        ge=0,
    )
    it_staff_fte: float | None = column(
        "IT staff in full-time equivalents",
        aliases=Words(
            sv=("it-personal åa", "it-årsarbetare", "it-personal", "it-tjänster"),
            nb=("it-årsverk", "ikt-årsverk", "it-ansatte", "ikt-ansatte"),
            nn=("it-årsverk", "ikt-årsverk", "ikt-tilsette"),
            en=("it staff", "it fte", "it staff fte"),
        ),
        ge=0,
    )
    it_budget: float | None = column(
        "Yearly IT budget in `currency`",
        aliases=Words(
            sv=("it-budget", "it budget", "it-kostnad"),
            nb=("it-budsjett", "ikt-budsjett"),
            nn=("it-budsjett", "ikt-budsjett"),
            en=("it budget", "ict budget"),
        ),
        ge=0,
        unit="currency",
    )
    currency: str | None = column(
        "ISO 4217 currency of amounts (SEK, NOK)",
        aliases=Words(sv=("valuta",), nb=("valuta",), nn=("valuta",), en=("currency code",)),
        example="SEK",
    )
    operating_model: OperatingModel | None = column(
        "How IT operations are run today: in_house, outsourced or shared",
        aliases=Words(
            sv=("driftform", "driftmodell", "driftsform", "driftsmodell"),
            nb=("driftsmodell", "driftsform", "driftmodell"),
            nn=("driftsmodell", "driftsform"),
            en=("operating model", "operations model", "sourcing"),
        ),
    )
    provider: str | None = column(
        "External operations provider, when outsourced or shared",
        aliases=Words(
            sv=("leverantör", "driftleverantör"),
            nb=("leverandør", "driftsleverandør"),
            nn=("leverandør", "driftsleverandør"),
            en=("supplier", "operations provider"),
        ),
    )
    client_edition: ClientEdition | None = column(
        "Windows edition of the clients where a row does not name one: enterprise,"
        " education, pro, home or ltsc (decides which end-of-life dates apply)",
        aliases=Words(
            sv=("klientutgåva", "windows-utgåva"),
            nb=("klientutgave", "windows-utgave"),
            nn=("klientutgåve", "windows-utgåve"),
            en=("windows edition", "client edition"),
        ),
    )
