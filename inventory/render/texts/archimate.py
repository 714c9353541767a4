"""Names the ArchiMate export generates: plateaus, gaps, work packages, views, folders,
property names and values, relationship labels and the notes on what is not mapped
(docs/method.md#archimate-export)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "archimate.model_name": (
        "Merged IT operations: {target}",
        "Samordnad IT-drift: {target}",
        "Felles IKT-drift: {target}",
    ),
    "archimate.model_documentation": (
        "Baseline of {municipalities} and the target architecture, from the inventory and"
        " the gap report of {date}.",
        "Nuläget i {municipalities} och målarkitekturen, från inventeringen och"
        " gapanalysen {date}.",
        "Dagens situasjon i {municipalities} og målarkitekturen, fra kartleggingen og"
        " gapanalysen {date}.",
    ),
    "archimate.baseline": ("Baseline", "Nuläge", "Dagens situasjon"),
    "archimate.target": ("Target: {target}", "Målarkitektur: {target}", "Målarkitektur: {target}"),
    "archimate.datacentres": ("Target datacentres", "Måldatacenter", "Datasentre i målet"),
    "archimate.gap_name": ("Gap: {domain}", "Gap: {domain}", "Gap: {domain}"),
    "archimate.gap_documentation": (
        "Baseline building blocks kept: {included}, changed: {changed}, eliminated:"
        " {eliminated}; new target building blocks: {new}.",
        "Byggblock i nuläget som behålls: {included}, ändras: {changed}, avvecklas:"
        " {eliminated}; nya byggblock i målet: {new}.",
        "Byggeklosser i dagens situasjon som beholdes: {included}, endres: {changed},"
        " avvikles: {eliminated}; nye byggeklosser i målet: {new}.",
    ),
    "archimate.programme": (
        "Migration programme: {target}",
        "Migreringsprogram: {target}",
        "Migreringsprogram: {target}",
    ),
    "archimate.wave_name": (
        "Wave {number}: {domain}",
        "Våg {number}: {domain}",
        "Bølge {number}: {domain}",
    ),
    "archimate.package_name": (
        "{package}: {domain} {number}",
        "{package}: {domain} {number}",
        "{package}: {domain} {number}",
    ),
    "archimate.view.landscape": (
        "Landscape: sites and links",
        "Översikt: platser och förbindelser",
        "Oversikt: lokasjoner og linjer",
    ),
    "archimate.view.baseline": (
        "Baseline: {municipality}",
        "Nuläge: {municipality}",
        "Dagens situasjon: {municipality}",
    ),
    "archimate.view.target": ("Target architecture", "Målarkitektur", "Målarkitektur"),
    "archimate.view.migration": (
        "Migration: plateaus, gaps and work packages",
        "Migrering: platåer, gap och arbetspaket",
        "Migrering: platåer, gap og arbeidspakker",
    ),
    # folders, one per element type (and the group labels of the baseline views)
    "archimate.folder.Location": ("Locations (sites)", "Platser", "Lokasjoner"),
    "archimate.folder.Node": (
        "Nodes (servers, clusters)",
        "Noder (servrar, kluster)",
        "Noder (servere, klynger)",
    ),
    "archimate.folder.Device": (
        "Devices (storage, network)",
        "Enheter (lagring, nätverk)",
        "Enheter (lagring, nettverk)",
    ),
    "archimate.folder.SystemSoftware": (
        "System software (platforms, operating systems)",
        "Systemprogramvara (plattformar, operativsystem)",
        "Systemprogramvare (plattformer, operativsystemer)",
    ),
    "archimate.folder.ApplicationComponent": (
        "Application components (business systems)",
        "Applikationskomponenter (verksamhetssystem)",
        "Applikasjonskomponenter (fagsystemer)",
    ),
    "archimate.folder.CommunicationNetwork": (
        "Communication networks (links)",
        "Kommunikationsnät (förbindelser)",
        "Kommunikasjonsnett (linjer)",
    ),
    "archimate.folder.Plateau": ("Plateaus", "Platåer", "Platåer"),
    "archimate.folder.Gap": ("Gaps", "Gap", "Gap"),
    "archimate.folder.WorkPackage": ("Work packages", "Arbetspaket", "Arbeidspakker"),
    "archimate.folder.target": ("Target", "Målarkitektur", "Målarkitektur"),
    "archimate.folder.migration": ("Migration", "Migrering", "Migrering"),
    "archimate.folder.relationships": ("Relationships", "Relationer", "Relasjoner"),
    "archimate.folder.views": ("Views", "Vyer", "Visninger"),
    "archimate.relationship.Aggregation": ("Aggregation", "Aggregering", "Aggregering"),
    "archimate.relationship.Assignment": ("Assignment", "Tilldelning", "Tilordning"),
    "archimate.relationship.Association": ("Association", "Association", "Assosiasjon"),
    "archimate.relationship.Composition": ("Composition", "Sammansättning", "Sammensetning"),
    "archimate.relationship.Flow": ("Flow", "Flöde", "Flyt"),
    "archimate.relationship.Realization": ("Realization", "Realisering", "Realisering"),
    "archimate.relationship.Serving": ("Serving", "Betjänar", "Betjener"),
    "archimate.relationship.Triggering": ("Triggering", "Utlösning", "Utløsning"),
    # property names and values
    "archimate.property.municipality": ("Municipality", "Kommun", "Kommune"),
    "archimate.property.record_id": ("Record id", "Post-id", "Post-id"),
    "archimate.property.product": ("Product", "Produkt", "Produkt"),
    "archimate.property.version": ("Version", "Version", "Versjon"),
    "archimate.property.end_of_life": ("End of life", "Supportslut", "Slutt på støtte"),
    "archimate.property.lifecycle_state": (
        "Lifecycle state",
        "Livscykelstatus",
        "Livssyklusstatus",
    ),
    "archimate.property.gap_status": ("Gap status", "Status i gapanalysen", "Status i gapanalysen"),
    "archimate.property.min_version": ("Minimum version", "Lägsta version", "Laveste versjon"),
    "archimate.property.target_status": (
        "Status in the target",
        "Status i målet",
        "Status i målet",
    ),
    "archimate.property.quantity": ("Quantity", "Antal", "Antall"),
    "archimate.property.bandwidth_mbps": (
        "Bandwidth (Mbit/s)",
        "Bandbredd (Mbit/s)",
        "Båndbredde (Mbit/s)",
    ),
    "archimate.property.start": ("Start", "Start", "Start"),
    "archimate.property.end": ("End", "Slut", "Slutt"),
    "archimate.property.hours": ("Hours", "Timmar", "Timer"),
    "archimate.property.critical": (
        "On the critical path",
        "På kritiska linjen",
        "På kritisk linje",
    ),
    "archimate.state.end_of_life": (
        "past end of life",
        "efter supportslut",
        "etter slutt på støtte",
    ),
    "archimate.state.ending": ("end of life near", "supportslut nära", "slutt på støtte nær"),
    "archimate.state.unknown": ("not known", "okänd", "ukjent"),
    "archimate.state.supported": ("supported", "har support", "har støtte"),
    "archimate.state.evergreen": (
        "continuously updated",
        "uppdateras löpande",
        "oppdateres løpende",
    ),
    "archimate.status.included": ("kept", "behålls", "beholdes"),
    "archimate.status.changed": ("changed", "ändras", "endres"),
    "archimate.status.eliminated": ("eliminated", "avvecklas", "avvikles"),
    "archimate.target.kept": ("kept", "behålls", "beholdes"),
    "archimate.target.changed": (
        "changed (upgrade)",
        "ändras (uppgradering)",
        "endres (oppgradering)",
    ),
    "archimate.target.new": ("new", "ny", "ny"),
    "archimate.maps.included": ("kept as", "behålls som", "beholdes som"),
    "archimate.maps.changed": ("upgraded to", "uppgraderas till", "oppgraderes til"),
    "archimate.maps.eliminated": ("replaced by", "ersätts av", "erstattes av"),
    "archimate.yes_no.True": ("yes", "ja", "ja"),
    "archimate.yes_no.False": ("no", "nej", "nei"),
    # what the model leaves out, said in its documentation and by the command
    "archimate.note.clients": (
        "Client devices are not in the model ({rows} inventory rows, {devices} devices):"
        " the report's client sections cover them.",
        "Klienter finns inte i modellen ({rows} rader i inventeringen, {devices} enheter):"
        " rapportens klientavsnitt tar upp dem.",
        "Klienter er ikke med i modellen ({rows} rader i kartleggingen, {devices} enheter):"
        " rapportens klientavsnitt omtaler dem.",
    ),
    "archimate.note.zones": (
        "Network security zones are not in the model ({zones} zones): the report's"
        " security section covers them.",
        "Nätverkszoner finns inte i modellen ({zones} zoner): rapportens säkerhetsavsnitt"
        " tar upp dem.",
        "Nettverkssoner er ikke med i modellen ({zones} soner): rapportens"
        " sikkerhetsavsnitt omtaler dem.",
    ),
    "archimate.note.link_end": (
        "Link {link} of {municipality} ends at {site}, a municipality not exported: the"
        " link is associated with its other site only.",
        "Förbindelsen {link} i {municipality} slutar i {site}, en kommun som inte"
        " exporteras: förbindelsen kopplas bara till sin andra plats.",
        "Linjen {link} i {municipality} ender i {site}, en kommune som ikke eksporteres:"
        " linjen knyttes bare til sin andre lokasjon.",
    ),
    "archimate.note.reference_outside": (
        "{record} refers to {target}, in a municipality not exported: that relationship is"
        " not in the model.",
        "{record} hänvisar till {target}, i en kommun som inte exporteras: det sambandet"
        " finns inte i modellen.",
        "{record} viser til {target}, i en kommune som ikke eksporteres: den relasjonen er"
        " ikke med i modellen.",
    ),
    "archimate.note.no_host": (
        "Virtual server {server} of {municipality} names neither a cluster nor a host: it"
        " is in the model without the node it runs on.",
        "Den virtuella servern {server} i {municipality} anger varken kluster eller värd:"
        " den finns i modellen utan den nod den körs på.",
        "Den virtuelle serveren {server} i {municipality} oppgir verken klynge eller vert:"
        " den er med i modellen uten noden den kjører på.",
    ),
}
