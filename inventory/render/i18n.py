"""Fixed labels of diagrams and reports in English, Swedish and Norwegian (bokmål).

Every heading, column label and caption a renderer or report builder writes goes through
:func:`t`; the figures themselves are the same in every language. A test checks that every
key exists in all three languages, so add a key with all three texts at once.

>>> t("report.contents", "sv")
'Innehåll'
>>> t("diagram.more_items", "no", count=42, what="servere")
'42 flere servere'
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from inventory.errors import RenderError

Lang = Literal["en", "sv", "no"]
"""A report language: English, Swedish or Norwegian (bokmål)."""

LANGUAGES: Final[tuple[Lang, ...]] = get_args(Lang)

_LANG_ALIASES: Final[dict[str, Lang]] = {
    "en": "en", "eng": "en", "english": "en",
    "sv": "sv", "se": "sv", "swe": "sv", "svenska": "sv", "swedish": "sv",
    "no": "no", "nb": "no", "nn": "no", "nor": "no", "norsk": "no", "norwegian": "no",
}

# key: (en, sv, no). Placeholders in braces are filled by ``t(..., **params)``.
_TEXTS: Final[dict[str, tuple[str, str, str]]] = {
    # Report frame (used by the renderers themselves)
    "report.contents": ("Contents", "Innehåll", "Innhold"),
    "report.generated": ("Generated", "Skapad", "Generert"),
    "report.language": ("Language", "Språk", "Språk"),
    "report.figure": ("Figure", "Figur", "Figur"),
    "report.table": ("Table", "Tabell", "Tabell"),
    "report.rows": ("{count} rows", "{count} rader", "{count} rader"),
    "report.no_rows": ("No rows.", "Inga rader.", "Ingen rader."),
    "report.sort_hint": (
        "Click a column heading to sort.",
        "Klicka på en kolumnrubrik för att sortera.",
        "Klikk på en kolonneoverskrift for å sortere.",
    ),
    "report.dot_source": ("Graphviz DOT source", "Graphviz DOT-källkod", "Graphviz DOT-kildekode"),
    "report.back_to_top": ("Back to top", "Till början", "Til toppen"),
    "report.warning": ("Warning", "Varning", "Advarsel"),
    "report.info": ("Note", "Observera", "Merk"),
    "report.key_figures": ("Key figures", "Nyckeltal", "Nøkkeltall"),
    "report.sheet_overview": ("Overview", "Översikt", "Oversikt"),
    "report.sheet_tables": ("Tables", "Tabeller", "Tabeller"),
    "report.sheet": ("Sheet", "Blad", "Ark"),
    "report.title": ("Title", "Titel", "Tittel"),
    "report.subtitle": ("Subtitle", "Underrubrik", "Undertittel"),
    "report.value": ("Value", "Värde", "Verdi"),
    "report.unit": ("Unit", "Enhet", "Enhet"),
    "report.label": ("Label", "Benämning", "Betegnelse"),
    "report.truncated": (
        "Showing {shown} of {total} rows; the full table is in report.xlsx.",
        "Visar {shown} av {total} rader; hela tabellen finns i report.xlsx.",
        "Viser {shown} av {total} rader; hele tabellen ligger i report.xlsx.",
    ),
    "report.default_title": (
        "Infrastructure harmonisation report",
        "Rapport om harmonisering av IT-infrastruktur",
        "Rapport om harmonisering av IT-infrastruktur",
    ),
    # Report sections (issue 5: executive summary first, then the details)
    "section.summary": ("Executive summary", "Sammanfattning", "Sammendrag"),
    "section.overlap": ("Overlap", "Överlapp", "Overlapp"),
    "section.readiness": (
        "Readiness per municipality", "Mognad per kommun", "Modenhet per kommune",
    ),
    "section.top_gaps": ("Top gaps", "Största gapen", "Største gap"),
    "section.gap_matrix": ("Gap matrix", "Gapmatris", "Gapmatrise"),
    "section.end_of_life": (
        "End-of-life exposure", "Exponering för end-of-life", "Eksponering for end-of-life",
    ),
    "section.security": (
        "Security baseline", "Säkerhetsbaslinje", "Sikkerhetsbaseline",
    ),
    "section.capacity": (
        "Datacentre capacity", "Datacenterkapacitet (hallplanering)", "Datasenterkapasitet",
    ),
    "section.network": (
        "Interconnect and network", "Sammankoppling och nät", "Sammenkobling og nett",
    ),
    "section.sla": ("Service levels", "Servicenivåer", "Tjenestenivåer"),
    "section.effort_cost": ("Effort and cost", "Arbetsinsats och kostnad", "Innsats og kostnad"),
    "section.waves": ("Migration waves", "Migreringsvågor", "Migreringsbølger"),
    "section.diagrams": ("Diagrams", "Diagram", "Diagrammer"),
    "section.inventory": ("Inventory", "Inventering", "Inventar"),
    "section.method": (
        "Method and definitions", "Metod och definitioner", "Metode og definisjoner",
    ),
    # Common column labels
    "column.municipality": ("Municipality", "Kommun", "Kommune"),
    "column.domain": ("Domain", "Domän", "Domene"),
    "column.capability": ("Capability", "Förmåga", "Kapabilitet"),
    "column.vendor": ("Vendor", "Leverantör", "Leverandør"),
    "column.product": ("Product", "Produkt", "Produkt"),
    "column.version": ("Version", "Version", "Versjon"),
    "column.assets": ("Assets", "Tillgångar", "Eiendeler"),
    "column.count": ("Count", "Antal", "Antall"),
    "column.status": ("Status", "Status", "Status"),
    "column.reason": ("Reason", "Orsak", "Årsak"),
    "column.readiness": ("Readiness", "Mognad", "Modenhet"),
    "column.end_of_life": ("End of life", "End of life", "End of life"),
    "column.site": ("Site", "Plats", "Lokasjon"),
    "column.server": ("Server", "Server", "Server"),
    "column.application": ("Application", "Applikation", "Applikasjon"),
    "column.rack_units": ("Rack units", "Rackenheter", "Rackenheter"),
    "column.power_kw": ("Power (kW)", "Effekt (kW)", "Effekt (kW)"),
    "column.bandwidth_mbps": ("Bandwidth (Mbit/s)", "Bandbredd (Mbit/s)", "Båndbredde (Mbit/s)"),
    "column.redundant": ("Redundant", "Redundant", "Redundant"),
    "column.effort_hours": ("Effort (hours)", "Arbetsinsats (timmar)", "Innsats (timer)"),
    "column.cost": ("Cost", "Kostnad", "Kostnad"),
    "column.wave": ("Wave", "Våg", "Bølge"),
    "column.item": ("Item", "Post", "Post"),
    "column.severity": ("Severity", "Allvarlighet", "Alvorlighet"),
    "column.link": ("Link", "Länk", "Lenke"),
    # Gap matrix cell states (TOGAF)
    "gap.included": ("Included", "Ingår", "Inkludert"),
    "gap.changed": ("Changed", "Ändras", "Endres"),
    "gap.eliminated": ("Eliminated", "Utgår", "Utgår"),
    "gap.new": ("New", "Ny", "Ny"),
    # Diagrams
    "diagram.legend": ("Legend", "Teckenförklaring", "Tegnforklaring"),
    "diagram.more_items": ("{count} more {what}", "{count} till {what}", "{count} flere {what}"),
    "diagram.primary_dc": ("Primary datacentre", "Primärt datacenter", "Primært datasenter"),
    "diagram.secondary_dc": (
        "Secondary datacentre", "Sekundärt datacenter", "Sekundært datasenter",
    ),
    "diagram.kept": ("Kept", "Behålls", "Beholdes"),
    "diagram.changed": ("Changed", "Ändras", "Endres"),
    "diagram.eliminated": ("Eliminated", "Utgår", "Utgår"),
    "diagram.new": ("New", "Ny", "Ny"),
    "diagram.redundant_link": ("Redundant link", "Redundant förbindelse", "Redundant forbindelse"),
    "diagram.single_link": ("Single link", "Enkel förbindelse", "Enkel forbindelse"),
    # Diagram views (issue 5: inventory.render.views)
    "view.layer_applications": ("Applications", "Verksamhetssystem", "Fagsystemer"),
    "view.layer_platforms": ("Platforms", "Plattformar", "Plattformer"),
    "view.layer_sites": (
        "Datacentres and server rooms", "Datacenter och serverrum", "Datasentre og serverrom",
    ),
    "view.layer_clients": ("Client fleets", "Klientflottor", "Klientflåter"),
    "view.other_sites": ("Other sites", "Övriga platser", "Andre lokasjoner"),
    "view.noun_servers": ("servers", "servrar", "servere"),
    "view.noun_applications": ("applications", "system", "systemer"),
    "view.noun_platforms": ("platforms", "plattformar", "plattformer"),
    "view.noun_sites": ("sites", "platser", "lokasjoner"),
    "view.noun_fleets": ("client fleets", "klientflottor", "klientflåter"),
    "view.noun_blocks": ("building blocks", "byggblock", "byggeklosser"),
    "view.noun_storage": ("storage systems", "lagringssystem", "lagringssystemer"),
    "view.hosts_vms": ("{hosts} hosts · {vms} VMs", "{hosts} värdar · {vms} VM",
                       "{hosts} verter · {vms} VM"),
    "view.devices": ("{count} devices", "{count} enheter", "{count} enheter"),
    "view.site_count": ("{count} × {kind}", "{count} × {kind}", "{count} × {kind}"),
    "view.architecture_title": (
        "Architecture: {name}", "Arkitektur: {name}", "Arkitektur: {name}",
    ),
    "view.site_title": ("{name}: servers at {site}", "{name}: servrar på {site}",
                        "{name}: servere på {site}"),
    "view.network_title": (
        "Network between the municipalities", "Nätet mellan kommunerna",
        "Nettet mellom kommunene",
    ),
    "view.target_title": ("Target state: {name}", "Målbild: {name}", "Målbilde: {name}"),
    "view.target_merged": ("all municipalities", "alla kommuner", "alle kommuner"),
    "view.overlap_title": (
        "Products per capability and municipality", "Produkter per förmåga och kommun",
        "Produkter per kapabilitet og kommune",
    ),
    "view.cross_link": (
        "Link between municipalities", "Förbindelse mellan kommuner",
        "Forbindelse mellom kommuner",
    ),
    "view.weak_link": ("VPN or internet link", "VPN- eller internetförbindelse",
                       "VPN- eller internettforbindelse"),
    "view.shared_product": (
        "Product used by two or more", "Produkt som används av flera",
        "Produkt som brukes av flere",
    ),
    "view.unique_product": (
        "Product used by one only", "Produkt som bara en använder",
        "Produkt som bare én bruker",
    ),
    "view.missing": ("none recorded", "inget registrerat", "ingenting registrert"),
    "view.depends_on": ("Runs on / depends on", "Körs på / beror på", "Kjører på / avhenger av"),
    "view.managed_by": ("Managed by", "Hanteras av", "Administreres av"),
    "view.external_site": (
        "Site outside the selection", "Plats utanför urvalet", "Lokasjon utenfor utvalget",
    ),
    "view.site_kind.datacentre": ("datacentre", "datacenter", "datasenter"),
    "view.site_kind.server_room": ("server room", "serverrum", "serverrom"),
    "view.site_kind.colocation": ("colocation", "samlokalisering", "samlokalisering"),
    "view.site_kind.cloud_region": ("cloud region", "molnregion", "skyregion"),
    "view.site_kind.office": ("office", "kontor", "kontor"),
    "view.site_kind.school": ("school", "skola", "skole"),
    "view.site_kind.care_home": ("care home", "äldreboende", "sykehjem"),
    "view.site_kind.other": ("other site", "övrig plats", "annen lokasjon"),
}

_INDEX: Final[dict[Lang, int]] = {"en": 0, "sv": 1, "no": 2}


def parse_lang(text: str) -> Lang:
    """Return the report language for ``en``/``sv``/``no`` and common spellings (``nb``, ``se``).

    Raises :class:`RenderError` naming the accepted values when ``text`` is none of them.
    """
    lang = _LANG_ALIASES.get(text.strip().lower())
    if lang is None:
        raise RenderError(
            f"unknown report language {text!r}",
            hint="use one of: " + ", ".join(LANGUAGES),
        )
    return lang


def t(key: str, lang: Lang, **params: object) -> str:
    """Return the fixed label ``key`` in ``lang``, with ``{placeholders}`` filled from params.

    Raises :class:`RenderError` for an unknown key (a programming error caught by tests).
    """
    try:
        texts = _TEXTS[key]
    except KeyError:
        raise RenderError(f"no translation for label {key!r}") from None
    text = texts[_INDEX[lang]]
    return text.format(**params) if params else text


def translation_keys() -> tuple[str, ...]:
    """Every label key, for completeness tests and for listing what can be translated."""
    return tuple(_TEXTS)


def translations(key: str) -> dict[Lang, str]:
    """The texts of one key in every language."""
    return dict(zip(LANGUAGES, _TEXTS[key], strict=True))
