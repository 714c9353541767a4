"""The client domain (A4): end-user devices, a row standing for one device or a fleet."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from inventory.models.base import Record, Reference, column
from inventory.models.enums import ClientKind, UserGroup


class Client(Record):
    """End-user devices. ``quantity`` lets one row stand for many identical devices."""

    kind_name: ClassVar[str] = "client"
    file_names: ClassVar[tuple[str, ...]] = ("clients", "client", "klienter", "enheter",
                                             "datorer")
    summary: ClassVar[str] = "PCs, Chromebooks, tablets, phones and printers; rows may be fleets."

    id: str = column("Client key (asset tag or fleet id), unique in the municipality",
                     aliases=("inventarienummer", "klient-id", "enhets-id", "asset tag",
                              "nyckel"), required=True, key=True, example="CB-7A-2023")
    kind: ClientKind = column("desktop, laptop, chromebook, tablet, smartphone, thin_client,"
                              " printer, ip_phone or kiosk", aliases=("typ", "type",
                              "enhetstyp"), required=True)
    vendor: str | None = column("Vendor", aliases=("tillverkare", "märke", "produsent",
                                "merke"))
    model: str | None = column("Model", aliases=("modell",))
    os_product: str | None = column("Operating system", aliases=("operativsystem", "os"))
    os_version: str | None = column("Operating system version", aliases=("os-version",
                                    "osversion", "os versjon"))
    managed_by: str | None = column("Platform that manages the device (platform key)",
                                    aliases=("hanteras av", "administreres av", "hantering",
                                             "mdm"), ref=Reference(("platform",)))
    user_group: UserGroup | None = column("staff, student or shared", aliases=("användargrupp",
                                          "brukergruppe", "målgrupp"))
    site: str | None = column("Site (key)", aliases=("plats", "lokasjon", "enhet", "skola"),
                              ref=Reference(("site",)))
    quantity: int | None = column("Number of devices the row stands for (default 1)",
                                  aliases=("antal", "antall", "st", "stk"), ge=1)
    purchase_date: dt.date | None = column("Purchase date", aliases=("inköpsdatum",
                                           "innkjøpsdato"))
    warranty_end: dt.date | None = column("End of warranty or lease", aliases=(
        "garanti till", "garanti slut", "garanti utløper", "leasing till"))
    support_end: dt.date | None = column(
        "End of the device's own software support (a Chromebook's auto-update expiration)",
        aliases=("auto-update expiration", "aue", "auto update expiration",
                 "supportslut", "support slut", "support til", "support till",
                 "automatisk uppdatering till", "automatisk oppdatering til"))
