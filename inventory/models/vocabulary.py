"""Header words shared by several record kinds, per language (Swedish, Norwegian bokmål and
nynorsk, English).

The words are those of municipal inventories, system lists (systemförteckning,
fagsystemoversikt) and the studies in docs/method.md's sources: "Servernavn",
"IP-adresse", "OS-versjon", "Garanti til", "Driftsstatus". A column of one kind only keeps
its words in its model. Nynorsk is listed where it differs from bokmål (namn, eigar,
tenar, straum) and repeats bokmål where both write alike, so that a nynorsk file is
recognised as such.
"""

from __future__ import annotations

from inventory.models.base import Words


def key(
    *kind_words: str, sv: tuple[str, ...] = (), nb: tuple[str, ...] = (), nn: tuple[str, ...] = ()
) -> Words:
    """The key column of a kind: its own words plus the general ones (ID, nyckel, nøkkel)."""
    return Words(
        sv=(*sv, "nyckel", "id-nummer"),
        nb=(*nb, "nøkkel", "id-nummer"),
        nn=(*nn, "nøkkel", "id-nummer"),
        en=(*kind_words, "key", "identifier"),
    )


NAME = Words(
    sv=("namn", "benämning", "beteckning"),
    nb=("navn", "betegnelse"),
    nn=("namn", "nemning"),
    en=("display name", "title"),
)
KIND = Words(sv=("typ",), nb=("type",), nn=("type",), en=("type", "category"))
HOSTNAME = Words(
    sv=("värdnamn", "datornamn", "servernamn", "maskinnamn", "dns-namn", "enhetsnamn"),
    nb=("vertsnavn", "servernavn", "maskinnavn", "datamaskinnavn", "dns-navn", "enhetsnavn"),
    nn=("vertsnamn", "servernamn", "maskinnamn", "tenarnamn", "dns-namn", "einingsnamn"),
    en=(
        "host name",
        "computer name",
        "device name",
        "dns name",
        "fqdn",
        "server name",
        "machine name",
    ),
)
VENDOR = Words(
    sv=("tillverkare", "leverantör", "fabrikat", "märke"),
    nb=("produsent", "leverandør", "fabrikat", "merke", "leverandør/produsent"),
    nn=("produsent", "leverandør", "fabrikat", "merke"),
    en=("manufacturer", "make", "brand", "supplier"),
)
MODEL = Words(
    sv=("modell", "modellnamn"),
    nb=("modell", "modellnavn"),
    nn=("modell", "modellnamn"),
    en=("model name", "product model"),
)
VERSION = Words(
    sv=("version", "versionsnummer", "programversion"),
    nb=("versjon", "versjonsnummer"),
    nn=("versjon", "versjonsnummer"),
    en=("release", "software version"),
)
OS_PRODUCT = Words(
    sv=("operativsystem", "os"),
    nb=("operativsystem", "os"),
    nn=("operativsystem", "os"),
    en=("os", "opsys", "operating system", "os name", "platform os"),
)
OS_VERSION = Words(
    sv=("os-version", "osversion", "os version", "version av operativsystem"),
    nb=("os-versjon", "os versjon", "osversjon", "operativsystemversjon"),
    nn=("os-versjon", "os versjon", "operativsystemversjon"),
    en=("os version", "os build", "build"),
)
SITE = Words(
    sv=("plats", "placering", "lokalisering", "lokal", "fastighet", "byggnad", "anläggning"),
    nb=("lokasjon", "plassering", "sted", "bygg", "bygning", "lokalitet"),
    nn=("lokasjon", "plassering", "stad", "bygg", "bygning"),
    en=("location", "site id", "building", "room"),
)
IP_ADDRESS = Words(
    sv=("ip-adress", "ip adress", "ipadress", "ip", "hanterings-ip"),
    nb=("ip-adresse", "ip adresse", "ipadresse", "ip", "administrasjons-ip"),
    nn=("ip-adresse", "ip adresse", "ip"),
    en=("ip", "ip address", "ipv4", "ipv4 address", "management ip", "primary ip"),
)
STATUS = Words(
    sv=("status", "driftstatus", "driftsstatus", "livscykelstatus", "tillstånd"),
    nb=("status", "driftsstatus", "driftstatus", "livssyklusstatus", "tilstand"),
    nn=("status", "driftsstatus", "livssyklusstatus", "tilstand"),
    en=("state", "lifecycle status", "lifecycle state", "operational status"),
)
PURCHASE_DATE = Words(
    sv=("inköpsdatum", "köpt", "inköpt", "anskaffningsdatum", "leveransdatum"),
    nb=("innkjøpsdato", "kjøpt", "innkjøpt", "anskaffelsesdato", "leveringsdato"),
    nn=("innkjøpsdato", "kjøpt", "anskaffingsdato"),
    en=("purchased", "purchase date", "acquired", "acquisition date", "install date"),
)
WARRANTY_END = Words(
    sv=(
        "garanti till",
        "garanti slut",
        "garantislut",
        "garanti t.o.m.",
        "garantitid till",
        "serviceavtal till",
    ),
    nb=(
        "garanti til",
        "garanti utløper",
        "garantislutt",
        "garanti ut",
        "garantiutløp",
        "serviceavtale til",
    ),
    nn=("garanti til", "garanti går ut", "garantislutt"),
    en=(
        "warranty end",
        "warranty expiry",
        "warranty expiration",
        "warranty until",
        "end of warranty",
        "warranty",
    ),
)
CRITICALITY = Words(
    sv=("kritikalitet", "kritiskhet", "prioritet", "verksamhetskritikalitet"),
    nb=("kritikalitet", "kritiskhet", "prioritet", "viktighet"),
    nn=("kritikalitet", "prioritet"),
    en=("priority", "business criticality", "tier"),
)
CONTRACT_END = Words(
    sv=("avtal till", "avtalsslut", "avtalet löper ut", "avtal t.o.m.", "avtalstid till"),
    nb=("avtale utløper", "avtale til", "avtaleslutt", "avtalen utløper"),
    nn=("avtale går ut", "avtale til", "avtaleslutt"),
    en=("contract end", "contract expiry", "contract until", "end of contract", "renewal date"),
)
ANNUAL_COST = Words(
    sv=("årskostnad", "årlig kostnad", "kostnad per år", "kostnad/år", "driftkostnad"),
    nb=("årskostnad", "årlig kostnad", "kostnad per år", "kostnad/år", "driftskostnad"),
    nn=("årskostnad", "årleg kostnad", "kostnad per år"),
    en=("yearly cost", "annual cost", "cost per year", "running cost"),
)
QUANTITY = Words(
    sv=("antal", "st", "antal st", "styck"),
    nb=("antall", "stk", "antall stk", "stykk"),
    nn=("tal", "stk", "tal på", "stykk"),
    en=("count", "qty", "units"),
)
RACK_UNITS = Words(
    sv=("rackenheter", "u", "höjd u", "höjd", "höjdenheter"),
    nb=("rackenheter", "u", "høyde u", "høyde"),
    nn=("rackeiningar", "u", "høgd u", "høgd"),
    en=("u", "height", "rack height", "ru"),
)
POWER_W = Words(
    sv=("effekt w", "effekt", "effektförbrukning", "elförbrukning", "strömförbrukning"),
    nb=("effekt w", "effekt", "strøm w", "strømforbruk", "effektforbruk"),
    nn=("effekt", "straumforbruk", "effektforbruk"),
    en=("power", "power draw", "power consumption", "watts"),
)
DEPLOYMENT = Words(
    sv=("driftform", "driftsform", "leveransform", "driftsättning", "driftmiljö"),
    nb=("driftsform", "driftform", "leveranseform", "driftsmodell", "leveransemodell"),
    nn=("driftsform", "leveranseform", "driftsmodell"),
    en=("hosting", "delivery model", "deployment model"),
)
OWNER = Words(
    sv=("ägare", "ansvarig", "förvaltare"),
    nb=("eier", "ansvarlig", "forvalter"),
    nn=("eigar", "ansvarleg", "forvaltar"),
    en=("responsible", "owned by"),
)
SERIAL_NUMBER = Words(
    sv=("serienummer", "serienr", "s/n"),
    nb=("serienummer", "serienr", "s/n"),
    nn=("serienummer", "serienr"),
    en=("serial", "serial no", "s/n", "sn", "service tag"),
)
ADDRESS = Words(
    sv=("adress", "gatuadress", "besöksadress", "postadress"),
    nb=("adresse", "gateadresse", "besøksadresse", "postadresse"),
    nn=("adresse", "gateadresse", "besøksadresse"),
    en=("street address", "street"),
)
