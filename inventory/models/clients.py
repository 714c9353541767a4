"""The client domain (A4): end-user devices, a row standing for one device or a fleet."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models import vocabulary as words
from inventory.models.base import Record, Reference, Words, column
from inventory.models.enums import ClientKind, UserGroup


class Client(Record):
    """End-user devices. ``quantity`` lets one row stand for many identical devices."""

    kind_name: ClassVar[str] = "client"
    file_names: ClassVar[tuple[str, ...]] = ("clients", "client", "klienter", "enheter", "datorer")
    summary: ClassVar[str] = "PCs, Chromebooks, tablets, phones and printers; rows may be fleets."

    id: str = column(
        "Client key (asset tag or fleet id), unique in the municipality",
        aliases=words.key(
            "asset tag",
            "asset id",
            "device id",
            sv=("inventarienummer", "klient-id", "enhets-id", "inventarie-id"),
            nb=("inventarnummer", "klient-id", "enhets-id", "utstyrsnummer"),
            nn=("inventarnummer", "klient-id", "einings-id"),
        ),
        required=True,
        key=True,
        example="CB-7A-2023",
    )
    kind: ClientKind = column(
        "desktop, laptop, chromebook, tablet, smartphone, thin_client, printer, ip_phone or kiosk",
        aliases=Words(
            sv=("typ", "enhetstyp", "klienttyp"),
            nb=("type", "enhetstype", "klienttype"),
            nn=("type", "einingstype", "klienttype"),
            en=("type", "device type", "form factor", "chassis"),
        ),
        required=True,
    )
    vendor: str | None = column("Vendor", aliases=words.VENDOR)
    model: str | None = column("Model", aliases=words.MODEL)
    os_product: str | None = column("Operating system", aliases=words.OS_PRODUCT)
    os_version: str | None = column("Operating system version", aliases=words.OS_VERSION)
    managed_by: str | None = column(
        "Platform that manages the device (platform key)",
        aliases=Words(
            sv=("hanteras av", "hantering", "hanteringsverktyg"),
            nb=("administreres av", "administrasjonsverktøy", "styres av"),
            nn=("administrert av", "styrt av"),
            en=("mdm", "managed by", "management tool"),
        ),
        ref=Reference(("platform",)),
    )
    user_group: UserGroup | None = column(
        "staff, student or shared",
        aliases=Words(
            sv=("användargrupp", "målgrupp", "användartyp"),
            nb=("brukergruppe", "målgruppe", "brukertype"),
            nn=("brukargruppe", "målgruppe", "brukartype"),
            en=("user group", "user type", "audience"),
        ),
    )
    site: str | None = column(
        "Site (key)",
        aliases=Words(
            sv=(*words.SITE.sv, "enhet", "skola"),
            nb=(*words.SITE.nb, "skole"),
            nn=(*words.SITE.nn, "skule"),
            en=words.SITE.en,
        ),
        ref=Reference(("site",)),
    )
    quantity: int | None = column(
        "Number of devices the row stands for (default 1)", aliases=words.QUANTITY, ge=1
    )
    purchase_date: dt.date | None = column("Purchase date", aliases=words.PURCHASE_DATE)
    warranty_end: dt.date | None = column(
        "End of warranty or lease",
        aliases=Words(
            sv=(*words.WARRANTY_END.sv, "leasing till", "leasingslut"),
            nb=(*words.WARRANTY_END.nb, "leasing til", "leasingslutt"),
            nn=(*words.WARRANTY_END.nn, "leasing til"),
            en=(*words.WARRANTY_END.en, "lease end", "lease expiry"),
        ),
    )
    support_end: dt.date | None = column(
        "End of the device's own software support (a Chromebook's auto-update expiration)",
        aliases=Words(
            sv=(
                "supportslut",
                "support slut",
                "support till",
                "automatisk uppdatering till",
                "uppdateringar till",
            ),
            nb=("support til", "supportslutt", "automatisk oppdatering til", "oppdateringer til"),
            nn=("support til", "automatisk oppdatering til"),
            en=(
                "auto-update expiration",
                "aue",
                "auto update expiration",
                "aue date",
                "support end",
                "end of support",
            ),
        ),
    )
