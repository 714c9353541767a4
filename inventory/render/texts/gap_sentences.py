"""Sentences the gap analysis writes into its tables and notes, as messages
(``inventory.messages``): migration items, readiness and consolidation notes, end-of-life
rows, datacentre and compute capacity, interconnects, SLA, security, dropped plan items,
the report's notes, cost lines and assumptions, waves, the study areas.

Swedish and Norwegian in the words of the municipal studies (docs/glossary.md): "gemensam
drift"/"felles drift" for the joint operation, "supportslut"/"støtteslutt", a link is a
"förbindelse"/"linje", an interconnect a "samband".
"""

from __future__ import annotations

# fmt: off
TEXTS: dict[str, tuple[str, str, str]] = {
    # -- migration items (gap.effort, gap.consolidation, gap.hardware): detail and asset
    "gs.item.from_site": ("from {site}", "från {site}", "fra {site}"),
    "gs.item.new_link_asset": ("{municipality}: new link", "{municipality}: ny förbindelse",
                               "{municipality}: ny linje"),
    "gs.item.new_link": ("{detail}: a new link (its line cost is not priced: review)",
                         "{detail}: en ny förbindelse (linjekostnaden är inte prissatt:"
                         " granska)",
                         "{detail}: en ny linje (linjekostnaden er ikke priset: kontroller)"),
    "gs.item.vendor_release": ("{what} -> a supported release from its vendor",
                               "{what} -> en version med support från leverantören",
                               "{what} -> en versjon med støtte fra leverandøren"),
    "gs.item.arrow": ("{what} -> {to}", "{what} -> {to}", "{what} -> {to}"),
    "gs.item.harmonise": ("{what} -> {to} ({area})", "{what} -> {to} ({area})",
                          "{what} -> {to} ({area})"),
    "gs.item.reenrol_asset": ("{municipality}: {group} devices on {platform}",
                              "{municipality}: enheter för {group} i {platform}",
                              "{municipality}: enheter for {group} i {platform}"),
    "gs.item.unmanaged": ("unmanaged", "ohanterade", "uadministrerte"),
    "gs.item.enrol_in": ("enrol in {platform}", "registreras i {platform}",
                         "innrulleres i {platform}"),
    "gs.item.application_move": ("its servers move to the target datacentres",
                                 "systemets servrar flyttas till måldatacentren",
                                 "systemets servere flyttes til måldatasentrene"),
    "gs.item.introduce": ("introduce {product} once for the joint operation",
                          "{product} införs en gång för den gemensamma driften",
                          "{product} innføres én gang for den felles driften"),
    "gs.item.join_joint": ("join the joint {product}",
                           "ansluts till gemensam {product}",
                           "knyttes til felles {product}"),
    "gs.item.rebuild_joint": ("{what} -> {product}, the joint instance",
                              "{what} -> {product}, den gemensamma instansen",
                              "{what} -> {product}, den felles instansen"),
    "gs.item.replace_into_joint": ("{what} -> {product}, into the joint {product}",
                                   "{what} -> {product}, slås samman med gemensam {product}",
                                   "{what} -> {product}, slås sammen med felles {product}"),
    "gs.item.into_joint": ("{what} into the joint {product}",
                           "{what} slås samman med gemensam {product}",
                           "{what} slås sammen med felles {product}"),
    "gs.item.mailboxes": ("mailboxes (one per employee) into the joint {product}",
                          "brevlådor (en per anställd) till gemensam {product}",
                          "postbokser (én per ansatt) til felles {product}"),
    "gs.item.user_accounts": ("user accounts into the joint {product}",
                              "användarkonton till gemensam {product}",
                              "brukerkontoer til felles {product}"),
    "gs.item.server_rejoin": (
        "Windows servers joined to the joint directory (domain controllers retire)",
        "Windowsservrar ansluts till den gemensamma katalogtjänsten (domänkontrollanterna"
        " avvecklas)",
        "Windows-servere meldes inn i den felles katalogtjenesten (domenekontrollerne"
        " avvikles)"),
    "gs.item.host_registration": (
        "hypervisor hosts registered to the joint management",
        "virtualiseringsvärdar registreras i den gemensamma administrationen",
        "virtualiseringsverter registreres i den felles administrasjonen"),
    "gs.item.backup_onboarding": ("servers onboarded to the joint backup",
                                  "servrar ansluts till den gemensamma säkerhetskopieringen",
                                  "servere knyttes til den felles sikkerhetskopieringen"),
    "gs.item.monitoring_onboarding": (
        "servers and network devices (access points through their controller) onboarded to"
        " the joint monitoring",
        "servrar och nätverksenheter (accesspunkter via sin styrenhet) ansluts till den"
        " gemensamma övervakningen",
        "servere og nettverksenheter (aksesspunkter via kontrolleren) knyttes til den felles"
        " overvåkingen"),
    "gs.item.device_tenant_move": (
        "managed devices moved to the joint tenant (reset, re-enrolment)",
        "hanterade enheter flyttas till den gemensamma tenanten (återställning, ny"
        " registrering)",
        "administrerte enheter flyttes til den felles tenanten (tilbakestilling, ny"
        " innrullering)"),
    "gs.asset.capability": ("{municipality}: {capability}", "{municipality}: {capability}",
                            "{municipality}: {capability}"),
    # (the English keeps the code ``joint``: items are matched on it)
    "gs.asset.joint": ("joint: {what}", "Gemensam drift: {what}", "Felles drift: {what}"),
    # -- hardware past or near its end of life (gap.hardware)
    "gs.hw.past_eol": ("end of life", "supportslut passerat", "passert støtteslutt"),
    "gs.hw.past_eol_on": ("end of life {date}", "supportslut passerat {date}",
                          "passert støtteslutt {date}"),
    "gs.hw.ending": ("end of life within the horizon", "supportslut inom horisonten",
                     "støtteslutt innenfor horisonten"),
    "gs.hw.ending_on": ("end of life within the horizon: {date}",
                        "supportslut inom horisonten: {date}",
                        "støtteslutt innenfor horisonten: {date}"),
    "gs.hw.own_end": ("{when} (its own support end)", "{when} (enhetens eget supportslut)",
                      "{when} (enhetens egen støtteslutt)"),
    "gs.hw.network": ("{role} {product}: {when} -> replace like for like",
                      "{role} {product}: {when} -> ersätts med motsvarande",
                      "{role} {product}: {when} -> erstattes med tilsvarende"),
    "gs.hw.network_software": (
        "{role} {product}: {when} -> replace like for like; or upgrade its software where"
        " the model runs a supported release",
        "{role} {product}: {when} -> ersätts med motsvarande; eller uppgradera programvaran"
        " där modellen klarar en version med support",
        "{role} {product}: {when} -> erstattes med tilsvarende; eller oppgrader programvaren"
        " der modellen kan kjøre en versjon med støtte"),
    "gs.hw.storage": ("{kind} {product}: {when} -> replace with {tb} TB",
                      "{kind} {product}: {when} -> ersätts med {tb} TB",
                      "{kind} {product}: {when} -> erstattes med {tb} TB"),
    "gs.hw.storage_unknown": (
        "{kind} {product}: {when} -> replace (capacity not given: review)",
        "{kind} {product}: {when} -> ersätts (kapacitet saknas: granska)",
        "{kind} {product}: {when} -> erstattes (kapasitet ikke oppgitt: kontroller)"),
    "gs.hw.server": (
        "hardware support (warranty_end) {date}, by the horizon -> replace like for like",
        "hårdvarusupport (warranty_end) {date}, inom horisonten -> ersätts med motsvarande",
        "maskinvarestøtte (warranty_end) {date}, innenfor horisonten -> erstattes med"
        " tilsvarende"),
    "gs.hw.client_asset": ("{municipality}: {kind} devices, support ends {date}",
                           "{municipality}: {kind}, supportslut {date}",
                           "{municipality}: {kind}, støtteslutt {date}"),
    "gs.hw.client": ("own support end {date} -> replace the device",
                     "eget supportslut {date} -> enheten ersätts",
                     "egen støtteslutt {date} -> enheten erstattes"),
    # -- end-of-life exposure (gap.eol): fleets and the lifecycle's notes
    "gs.eol.client_rows": ("{municipality}: {rows} client rows",
                           "{municipality}: {rows} klientrader",
                           "{municipality}: {rows} klientrader"),
    "gs.eol.device_rows": ("{municipality}: {rows} {what} rows",
                           "{municipality}: {rows} rader {what}",
                           "{municipality}: {rows} rader {what}"),
    "gs.eol.edition_unknown": ("edition unknown: conservative date",
                               "utgåva okänd: försiktigt datum",
                               "utgave ukjent: forsiktig dato"),
    "gs.eol.tablet_on_ios": (
        "tablet with iOS: iOS dates (the shorter) used, write iPadOS if it runs iPadOS",
        "surfplatta med iOS: iOS-datum (de kortare) används, skriv iPadOS om den kör iPadOS",
        "nettbrett med iOS: iOS-datoer (de korteste) er brukt, skriv iPadOS om det kjører"
        " iPadOS"),
    "gs.eol.edition_declared": ("edition {edition}: declared by the municipality",
                                "utgåva {edition}: angiven av kommunen",
                                "utgave {edition}: oppgitt av kommunen"),
    "gs.plain": ("{text}", "{text}", "{text}"),
    "gs.eol.own_support_end": ("the device's own support end", "enhetens eget supportslut",
                               "enhetens egen støtteslutt"),
    # -- readiness (gap.readiness)
    "gs.readiness.no_asset": ("none here: the target runs it",
                              "inga här: ingår i målbilden",
                              "ingen her: inngår i målbildet"),
    "gs.readiness.off_joint": ("{count} on the target product, merging into the joint"
                               " instance",
                               "{count} på målprodukten, slås samman med den gemensamma"
                               " instansen",
                               "{count} på målproduktet, slås sammen med den felles"
                               " instansen"),
    # -- consolidation (gap.consolidation)
    "gs.cons.kept": ("kept {home}: {why}", "{home} behålls: {why}", "{home} beholdes: {why}"),
    "gs.cons.kept_rebuilt": ("kept {home}: {why}, rebuilt on the target product",
                             "{home} behålls: {why}, byggs om på målprodukten",
                             "{home} beholdes: {why}, bygges om på målproduktet"),
    "gs.cons.at_runs_at": ("at the capability's runs_at",
                           "där förmågan ska drivas (runs_at)",
                           "der kapabiliteten skal driftes (runs_at)"),
    "gs.cons.at_primary": ("at the primary datacentre's municipality",
                           "kommunen med det primära datacentret",
                           "kommunen med det primære datasenteret"),
    "gs.cons.largest": ("the largest by users ({users})",
                        "flest användare ({users})", "flest brukere ({users})"),
    "gs.cons.introduced": ("no municipality has it: introduced once",
                           "ingen kommun har den: införs en gång",
                           "ingen kommune har den: innføres én gang"),
    "gs.cons.joining": ("joining (none today): {municipalities}",
                        "ansluter (har ingen i dag): {municipalities}",
                        "knyttes til (har ingen i dag): {municipalities}"),
    "gs.cons.users_unknown": (
        "{municipality}: employees or students unknown: user and mailbox migration not"
        " priced (review)",
        "{municipality}: antal anställda eller elever okänt: flytt av användarkonton och"
        " brevlådor är inte prissatt (granska)",
        "{municipality}: antall ansatte eller elever ukjent: flytting av brukerkontoer og"
        " postbokser er ikke priset (kontroller)"),
    "gs.cons.kept_new": ("joint:{product} (new)", "Gemensam drift: {product} (ny)",
                         "Felles drift: {product} (ny)"),
    # -- interconnects (gap.interconnect)
    "gs.link.under_minimum": ("{speed} Mbit/s under the minimum {minimum} Mbit/s",
                              "{speed} Mbit/s, under miniminivån {minimum} Mbit/s",
                              "{speed} Mbit/s, under minstekravet {minimum} Mbit/s"),
    "gs.link.unknown": ("unknown", "okänd", "ukjent"),
    "gs.link.not_redundant": ("not redundant", "inte redundant", "ikke redundant"),
    "gs.link.unreached": ("no link reaches the primary or secondary datacentre",
                          "ingen förbindelse når det primära eller sekundära datacentret",
                          "ingen linje når det primære eller sekundære datasenteret"),
}
# fmt: on
