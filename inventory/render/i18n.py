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
from inventory.render.texts import topic_texts

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
    "report.method_link": ("How this is computed", "Så beräknas det", "Slik beregnes det"),
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
    "column.note": ("Note", "Anmärkning", "Merknad"),
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
    # Report builder (issue 5: inventory.report)
    "rb.alternatives": ("Alternatives scored", "Alternativ med poäng", "Alternativer med poeng"),
    "rb.col_action": ("Action", "Åtgärd", "Tiltak"),
    "rb.col_annual_cost": ("Yearly cost", "Årskostnad", "Årskostnad"),
    "rb.col_area": ("Area", "Område", "Område"),
    "rb.col_asset": ("Asset", "Tillgång", "Eiendel"),
    "rb.col_availability": ("Availability (%)", "Tillgänglighet (%)", "Tilgjengelighet (%)"),
    "rb.col_b_site": ("Other end", "Andra änden", "Andre ende"),
    "rb.col_business_area": ("Business area", "Verksamhetsområde", "Virksomhetsområde"),
    "rb.col_compliant": ("Meets target", "Uppfyller målet", "Oppfyller målet"),
    "rb.col_control": ("Control", "Kontroll", "Kontroll"),
    "rb.col_country": ("Country", "Land", "Land"),
    "rb.col_currency": ("Currency", "Valuta", "Valuta"),
    "rb.col_dependent_apps": ("Dependent applications", "Beroende system", "Avhengige systemer"),
    "rb.col_employees": ("Employees", "Anställda", "Ansatte"),
    "rb.col_included": ("On kept blocks", "På behållna block", "På beholdte blokker"),
    "rb.col_it_budget": ("IT budget", "IT-budget", "IT-budsjett"),
    "rb.col_it_staff": ("IT staff (FTE)", "IT-personal (årsarbetare)", "IT-ansatte (årsverk)"),
    "rb.col_kind": ("Kind", "Typ", "Type"),
    "rb.col_min_version": ("Minimum version", "Lägsta version", "Laveste versjon"),
    "rb.col_municipalities": ("Municipalities", "Kommuner", "Kommuner"),
    "rb.col_name": ("Name", "Namn", "Navn"),
    "rb.col_operating_model": ("Operating model", "Driftform", "Driftsform"),
    "rb.col_products": ("Products", "Produkter", "Produkter"),
    "rb.col_provider": ("Provider", "Leverantör", "Leverandør"),
    "rb.col_rank": ("Rank", "Rang", "Rangering"),
    "rb.col_role": ("Role", "Roll", "Rolle"),
    "rb.col_ru_free": ("Rack units free", "Lediga rackenheter", "Ledige rackenheter"),
    "rb.col_saving": ("Saving", "Besparing", "Besparelse"),
    "rb.col_share": ("Share", "Andel", "Andel"),
    "rb.col_sharing": ("Shared by", "Delas av", "Deles av"),
    "rb.col_suite": ("Suite", "Svit", "Programpakke"),
    "rb.col_students": ("Students with devices", "Elever med enhet", "Elever med enhet"),
    "rb.col_study": ("Study", "Utredning", "Utredning"),
    "rb.col_target": ("Target", "Mål", "Mål"),
    "rb.col_today": ("Today", "Idag", "I dag"),
    "rb.col_top_product": ("Most used product", "Mest använda produkt", "Mest brukte produkt"),
    "rb.col_top_share": ("Its share", "Dess andel", "Andel"),
    "rb.col_total": ("Total", "Summa", "Sum"),
    "rb.col_users": ("Users", "Användare", "Brukere"),
    "rb.col_with": ("With collaboration", "Med samverkan", "Med samarbeid"),
    "rb.col_without": ("Without collaboration", "Utan samverkan", "Uten samarbeid"),
    "rb.col_year": ("Year", "År", "År"),
    "rb.cost_sharing": ("Cost sharing", "Kostnadsfördelning", "Kostnadsfordeling"),
    "rb.decision": ("Decision support", "Beslutsunderlag", "Beslutningsgrunnlag"),
    "rb.decision_intro": (
        "Figures from the collaboration studies: potential per area, the alternatives as "
        "scored, how costs are shared and projected.",
        "Siffror från samverkansutredningarna: potential per område, alternativen med "
        "poäng, kostnadsfördelning och prognos.",
        "Tall fra samarbeidsutredningene: potensial per område, alternativene med poeng, "
        "kostnadsfordeling og prognose.",
    ),
    "rb.diagrams_intro": (
        "One architecture diagram per municipality; crowded sites have their own drill-"
        "down diagram in the diagrams folder.",
        "Ett arkitekturdiagram per kommun; platser med många servrar har ett eget "
        "detaljdiagram i mappen diagrams.",
        "Ett arkitekturdiagram per kommune; lokasjoner med mange servere har et eget "
        "detaljdiagram i mappen diagrams.",
    ),
    "rb.domain.network": ("Network", "Nät", "Nett"),
    "rb.domain.datacentre": ("Datacentre", "Datacenter", "Datasenter"),
    "rb.domain.platforms": ("Platforms", "Plattformar", "Plattformer"),
    "rb.domain.clients": ("Clients", "Klienter", "Klienter"),
    "rb.domain.applications": ("Applications", "Verksamhetssystem", "Fagsystemer"),
    "rb.findings": ("Findings", "Iakttagelser", "Funn"),
    "rb.gap_intro": (
        "Every baseline building block (capability, product, release) against the target:"
        " kept (included), changed (upgrade), eliminated (with the reason) or new.",
        "Varje byggblock i nuläget (förmåga, produkt, version) mot målbilden: behålls, "
        "ändras (uppgradering), utgår (med orsak) eller nytt.",
        "Hver byggekloss i dag (kapabilitet, produkt, versjon) mot målbildet: beholdes, "
        "endres (oppgradering), utgår (med årsak) eller ny.",
    ),
    "rb.harmonisation": (
        "Harmonisation per capability",
        "Harmonisering per förmåga",
        "Harmonisering per kapabilitet",
    ),
    "rb.intro": (
        "{count} municipalities ({names}), inventory as of {date}.",
        "{count} kommuner ({names}), inventering per {date}.",
        "{count} kommuner ({names}), inventar per {date}.",
    ),
    "rb.intro_target": (
        "Target architecture: {target}.",
        "Målarkitektur: {target}.",
        "Målarkitektur: {target}.",
    ),
    "rb.inventory_counts": ("Records per municipality", "Poster per kommun", "Poster per kommune"),
    "rb.items": ("Migration items", "Migreringsposter", "Migreringsposter"),
    "rb.kf_applications": ("Applications", "Verksamhetssystem", "Fagsystemer"),
    "rb.kf_devices": ("Client devices", "Klientenheter", "Klientenheter"),
    "rb.kf_eol": (
        "Assets past end of life",
        "Tillgångar efter end-of-life",
        "Eiendeler etter end-of-life",
    ),
    "rb.kf_municipalities": ("Municipalities", "Kommuner", "Kommuner"),
    "rb.kf_population": ("Population", "Invånare", "Innbyggere"),
    "rb.kf_servers": ("Servers", "Servrar", "Servere"),
    "rb.kf_similarity": ("Mean similarity", "Genomsnittlig likhet", "Gjennomsnittlig likhet"),
    "rb.kind.site": ("Sites", "Platser", "Lokasjoner"),
    "rb.kind.server": ("Servers", "Servrar", "Servere"),
    "rb.kind.storage": ("Storage", "Lagring", "Lagring"),
    "rb.kind.network_device": ("Network devices", "Nätverksenheter", "Nettverksenheter"),
    "rb.kind.link": ("Links", "Förbindelser", "Forbindelser"),
    "rb.kind.zone": ("Zones", "Zoner", "Soner"),
    "rb.kind.platform": ("Platforms", "Plattformar", "Plattformer"),
    "rb.kind.client": ("Client rows", "Klientrader", "Klientrader"),
    "rb.kind.application": ("Applications", "Verksamhetssystem", "Fagsystemer"),
    "rb.least_harmonised": (
        "Least harmonised capabilities",
        "Minst harmoniserade förmågor",
        "Minst harmoniserte kapabiliteter",
    ),
    "rb.organisation": ("Organisation", "Organisation", "Organisasjon"),
    "rb.overlap_intro": (
        "Which products each municipality uses per capability; similarity is the weighted"
        " Jaccard index of their product shares (1 = same products in the same "
        "proportions).",
        "Vilka produkter varje kommun använder per förmåga; likheten är det viktade "
        "Jaccardindexet av produktandelarna (1 = samma produkter i samma proportioner).",
        "Hvilke produkter hver kommune bruker per kapabilitet; likheten er den vektede "
        "Jaccard-indeksen av produktandelene (1 = samme produkter i samme forhold).",
    ),
    "rb.potential": ("Potential per area", "Potential per område", "Potensial per område"),
    "rb.products": (
        "Products per capability",
        "Produkter per förmåga",
        "Produkter per kapabilitet",
    ),
    "rb.projection": ("Cost projection", "Kostnadsprognos", "Kostnadsprognose"),
    "rb.shared_applications": (
        "Shared business applications",
        "Gemensamma verksamhetssystem",
        "Felles fagsystemer",
    ),
    "rb.sheet_harmonisation": ("Harmonisation", "Harmonisering", "Harmonisering"),
    "rb.sheet_interconnects": ("Interconnects", "Sammankopplingar", "Sammenkoblinger"),
    "rb.sheet_inventory": ("Inventory", "Inventering", "Inventar"),
    "rb.sheet_items": ("Items", "Poster", "Poster"),
    "rb.sheet_least": ("Least harmonised", "Minst harmoniserat", "Minst harmonisert"),
    "rb.sheet_organisation": ("Organisation", "Organisation", "Organisasjon"),
    "rb.sheet_products": ("Products", "Produkter", "Produkter"),
    "rb.sheet_readiness": ("Readiness", "Mognad", "Modenhet"),
    "rb.sheet_readiness_detail": (
        "Readiness per domain",
        "Mognad per domän",
        "Modenhet per domene",
    ),
    "rb.sheet_shared_apps": ("Shared applications", "Gemensamma system", "Felles systemer"),
    "rb.sheet_similarity": ("Similarity", "Likhet", "Likhet"),
    "rb.sheet_summary_waves": ("Summary waves", "Översikt vågor", "Oversikt bølger"),
    "rb.sheet_target": ("Target blocks", "Målblock", "Målblokker"),
    "rb.sheet_top_gaps": ("Top gaps", "Största gapen", "Største gap"),
    "rb.sheet_gap": ("Gap", "Gap", "Gap"),
    "rb.similarity": (
        "Similarity between municipalities",
        "Likhet mellan kommunerna",
        "Likhet mellom kommunene",
    ),
    "rb.similarity_note": (
        "Weighted Jaccard index over every domain.",
        "Viktat Jaccardindex över alla domäner.",
        "Vektet Jaccard-indeks over alle domener.",
    ),
    "rb.target_blocks": (
        "Target building blocks",
        "Målbildens byggblock",
        "Målbildets byggeklosser",
    ),
    "rb.waves_intro": (
        "Migration waves ordered by dependencies: what others depend on moves first.",
        "Migreringsvågor i beroendeordning: det andra beror på flyttas först.",
        "Migreringsbølger i avhengighetsrekkefølge: det andre avhenger av flyttes først.",
    ),
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


def _with_topics() -> None:
    topics = topic_texts()
    twice = sorted(topics.keys() & _TEXTS.keys())
    if twice:
        raise ValueError(f"labels defined twice: {twice}")
    _TEXTS.update(topics)


_with_topics()


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
