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
    # -- SLA (gap.sla): why an application misses its level's redundancy
    "gs.sla.single_physical_server": ("runs on the single physical server {what}",
                                      "körs på den enda fysiska servern {what}",
                                      "kjører på den ene fysiske serveren {what}"),
    "gs.sla.single_host_cluster": ("runs on the one-host cluster {what}",
                                   "körs på klustret {what} med en enda värd",
                                   "kjører på klyngen {what} med én vert"),
    "gs.sla.single_host": ("runs on a virtual server on a single host {what}",
                           "körs på en virtuell server på en enda värd {what}",
                           "kjører på en virtuell server på én vert {what}"),
    "gs.sla.single_uplink": ("depends on the site without a redundant interconnect {what}",
                             "beror på platsen {what} som saknar redundant förbindelse",
                             "avhenger av lokasjonen {what} som mangler redundant samband"),
    # -- security baseline (gap.security): today and the target
    "gs.code": ("{code}", "{code}", "{code}"),
    "gs.sec.none": ("none", "inga", "ingen"),
    "gs.sec.no_mfa": ("no MFA platform", "ingen plattform för flerfaktorsinloggning",
                      "ingen plattform for flerfaktorautentisering"),
    "gs.sec.mfa_coverage": ("{names}, {licences} licences for {employees} employees"
                            " ({percent} %)",
                            "{names}, {licences} licenser för {employees} anställda"
                            " ({percent} %)",
                            "{names}, {licences} lisenser for {employees} ansatte"
                            " ({percent} %)"),
    "gs.sec.mfa_target": ("MFA for every staff account",
                          "flerfaktorsinloggning för alla personalkonton",
                          "flerfaktorautentisering for alle ansattkontoer"),
    "gs.sec.no_endpoint_security": ("no endpoint security platform",
                                    "ingen plattform för klientskydd",
                                    "ingen plattform for endepunktsikkerhet"),
    "gs.sec.unmanaged": ("{names}; {unmanaged} of {total} client devices unmanaged",
                         "{names}; {unmanaged} av {total} klientenheter ohanterade",
                         "{names}; {unmanaged} av {total} klientenheter uadministrerte"),
    "gs.sec.endpoint_target": ("endpoint security on every managed client",
                               "klientskydd på varje hanterad klient",
                               "endepunktsikkerhet på hver administrerte klient"),
    "gs.sec.copy": ("immutable or offline copy", "oföränderlig eller frånkopplad kopia",
                    "uforanderlig eller frakoblet kopi"),
    "gs.sec.no_copy": ("no immutable or offline copy",
                       "ingen oföränderlig eller frånkopplad kopia",
                       "ingen uforanderlig eller frakoblet kopi"),
    "gs.sec.copy_target": ("backup with an immutable or offline copy",
                           "säkerhetskopiering med en oföränderlig eller frånkopplad kopia",
                           "sikkerhetskopiering med en uforanderlig eller frakoblet kopi"),
    "gs.sec.no_siem": ("no SIEM", "ingen SIEM", "ingen SIEM"),
    "gs.sec.siem_target": ("logging to a SIEM", "loggning till en SIEM", "logging til en SIEM"),
    "gs.sec.zones": ("zones: {zones}", "zoner: {zones}", "soner: {zones}"),
    "gs.sec.zones_missing": ("zones: {zones}; missing: {missing}",
                             "zoner: {zones}; saknas: {missing}",
                             "soner: {zones}; mangler: {missing}"),
    # -- datacentre capacity (gap.capacity): a site's issues and the verdict
    "gs.cap.units_short": ("only {free} U free of {total}", "bara {free} U lediga av {total}",
                           "bare {free} U ledig av {total}"),
    "gs.cap.power_short": ("only {free} kW spare of {total}",
                           "bara {free} kW kvar av {total}", "bare {free} kW ledig av {total}"),
    "gs.cap.no_fire_suppression": ("no fire suppression", "inget släcksystem",
                                   "ikke slukkeanlegg"),
    "gs.cap.no_generator": ("no generator", "inget reservkraftverk", "ikke nødstrømsaggregat"),
    "gs.cap.no_ups": ("no UPS", "ingen UPS", "ingen UPS"),
    "gs.cap.evacuate": ("evacuate to the target datacentres", "töms till måldatacentren",
                        "tømmes til måldatasentrene"),
    "gs.cap.no_primary": ("The target names no primary datacentre.",
                          "Målbilden anger inget primärt datacenter.",
                          "Målbildet angir ikke noe primært datasenter."),
    "gs.cap.fits_primary": (
        "{primary} alone can host what moves ({units} U, {kw} kW of {free_units} U,"
        " {free_kw} kW free).",
        "{primary} rymmer ensamt det som flyttas ({units} U, {kw} kW av {free_units} U,"
        " {free_kw} kW lediga).",
        "{primary} har alene plass til det som flyttes ({units} U, {kw} kW av {free_units} U,"
        " {free_kw} kW ledig)."),
    "gs.cap.fits_combined": (
        "{primary} and {secondary} together can host what moves ({units} U, {kw} kW of"
        " {free_units} U, {free_kw} kW free).",
        "{primary} och {secondary} rymmer tillsammans det som flyttas ({units} U, {kw} kW"
        " av {free_units} U, {free_kw} kW lediga).",
        "{primary} og {secondary} har sammen plass til det som flyttes ({units} U, {kw} kW"
        " av {free_units} U, {free_kw} kW ledig)."),
    "gs.cap.lacks": (
        "{primary} and {secondary} lack {short_units} U and {short_kw} kW for what moves"
        " ({units} U, {kw} kW).",
        "{primary} och {secondary} saknar {short_units} U och {short_kw} kW för det som"
        " flyttas ({units} U, {kw} kW).",
        "{primary} og {secondary} mangler {short_units} U og {short_kw} kW for det som"
        " flyttes ({units} U, {kw} kW)."),
    # -- compute on the target clusters (gap.capacity.compute_capacity)
    "gs.compute.part": ("{moving} {unit} of {free} free", "{moving} {unit} av {free} lediga",
                        "{moving} {unit} av {free} ledig"),
    "gs.compute.no_datacentre": (
        "The target names no datacentre: no workload is placed on target clusters.",
        "Målbilden anger inget datacenter: ingen last placeras på målklustren.",
        "Målbildet angir ikke noe datasenter: ingen last plasseres på målklyngene."),
    "gs.compute.nothing_moves": ("No virtual server moves onto the clusters at {where}.",
                                 "Ingen virtuell server flyttas till klustren i {where}.",
                                 "Ingen virtuell server flyttes til klyngene i {where}."),
    "gs.compute.fits": (
        "The clusters at {where} ({hosts} hosts) can run the {moving} virtual servers that"
        " move ({parts}).",
        "Klustren i {where} ({hosts} värdar) kan köra de {moving} virtuella servrar som"
        " flyttas ({parts}).",
        "Klyngene i {where} ({hosts} verter) kan kjøre de {moving} virtuelle serverne som"
        " flyttes ({parts})."),
    "gs.compute.lacks": (
        "The clusters at {where} ({hosts} hosts) lack {short} for the {moving} virtual"
        " servers that move ({parts}): add hosts or storage (or bring hosts from the"
        " evacuated sites) before the move.",
        "Klustren i {where} ({hosts} värdar) saknar {short} för de {moving} virtuella"
        " servrar som flyttas ({parts}): utöka med värdar eller lagring (eller flytta värdar"
        " från de platser som töms) före flytten.",
        "Klyngene i {where} ({hosts} verter) mangler {short} for de {moving} virtuelle"
        " serverne som flyttes ({parts}): utvid med verter eller lagring (eller flytt verter"
        " fra lokasjonene som tømmes) før flyttingen."),
    "gs.compute.short_vcpu": ("{short} {unit} of vCPU", "{short} {unit} vCPU",
                              "{short} {unit} vCPU"),
    "gs.compute.short_ram": ("{short} {unit} of RAM", "{short} {unit} minne",
                             "{short} {unit} minne"),
    "gs.compute.short_storage": ("{short} {unit} of datastore", "{short} {unit} datalager",
                                 "{short} {unit} datalager"),
    "gs.compute.unplaced": (
        "{verdict} Virtual servers with no cluster or host at a known site, not counted:"
        " {unplaced} (review).",
        "{verdict} Virtuella servrar utan kluster eller värd på en känd plats, inte"
        " medräknade: {unplaced} (granska).",
        "{verdict} Virtuelle servere uten klynge eller vert på en kjent lokasjon, ikke"
        " medregnet: {unplaced} (kontroller)."),
    # -- items the plan drops (gap.plan.drop_superseded)
    "gs.drop.runs_only": ("runs only {what}", "kör bara {what}", "kjører bare {what}"),
    "gs.drop.merged_directory": ("its directory merges into the joint one",
                                 "dess katalogtjänst slås samman med den gemensamma",
                                 "katalogtjenesten slås sammen med den felles"),
    "gs.drop.merged_directory_also": (
        "its directory merges into the joint one; also runs only {what}",
        "dess katalogtjänst slås samman med den gemensamma; kör i övrigt bara {what}",
        "katalogtjenesten slås sammen med den felles; kjører ellers bare {what}"),
    "gs.drop.replaced": ("replaced: {what}", "ersätts: {what}", "erstattes: {what}"),
    "gs.drop.idle": ("none of its servers moves any more (they are switched off, not moved)",
                     "ingen av dess servrar flyttas längre (de stängs av, flyttas inte)",
                     "ingen av serverne flyttes lenger (de slås av, flyttes ikke)"),
    # -- waves (gap.waves)
    "gs.wave.name": ("Wave {wave}: {domain}", "Våg {wave}: {domain}", "Bølge {wave}: {domain}"),
    # -- the gap report's notes (GapReport.notes)
    "gs.scope.area": ("{area} {name}", "{area} {name}", "{area} {name}"),
    "gs.note.outside_scope": (
        "Areas outside the scope of '{target}': {outside}. Each municipality keeps its own"
        " there: their assets and work are not in the joint gap, plan or cost.",
        "Områden utanför målbilden '{target}': {outside}. Där behåller varje kommun sitt"
        " eget: komponenter och arbete där ingår inte i det gemensamma gapet, planen eller"
        " kostnaden.",
        "Områder utenfor målbildet '{target}': {outside}. Der beholder hver kommune sitt"
        " eget: komponenter og arbeid der inngår ikke i det felles gapet, planen eller"
        " kostnaden."),
    "gs.note.datacentre_outside": (
        "The datacentre (A1) is outside the scope: nothing moves to the target's"
        " datacentres.",
        "Datacentret (A1) ligger utanför målbilden: inget flyttas till målets datacenter.",
        "Datasenteret (A1) ligger utenfor målbildet: ingenting flyttes til målets"
        " datasentre."),
    "gs.note.unmet_rule": (
        "The plan could not meet the sequencing rule {rule} (rules contradict each other on"
        " this inventory): check the order by hand.",
        "Planen kunde inte uppfylla ordningsregeln {rule} (reglerna motsäger varandra i"
        " denna inventering): kontrollera ordningen för hand.",
        "Planen kunne ikke oppfylle rekkefølgeregelen {rule} (reglene motsier hverandre i"
        " denne kartleggingen): kontroller rekkefølgen manuelt."),
    "gs.note.no_datacentres": ("The target names no datacentres: nothing is planned to move.",
                               "Målbilden anger inga datacenter: ingen flytt planeras.",
                               "Målbildet angir ingen datasentre: ingen flytting planlegges."),
    "gs.note.no_applications": (
        "The target has no applications section: business applications are not compared.",
        "Målbilden har inget avsnitt om verksamhetssystem: de jämförs inte.",
        "Målbildet har ingen del om fagsystemer: de sammenlignes ikke."),
    "gs.note.storage_no_capacity": (
        "Storage past or near its end of life without capacity_tb or used_tb: {storage};"
        " its replacement capacity is not priced.",
        "Lagring vid eller nära supportslut utan capacity_tb eller used_tb: {storage};"
        " ersättningens kapacitet är inte prissatt.",
        "Lagring ved eller nær støtteslutt uten capacity_tb eller used_tb: {storage};"
        " kapasiteten til erstatningen er ikke priset."),
    "gs.note.servers_no_warranty": (
        "{count} physical servers that stay have no warranty_end: whether their hardware"
        " must be replaced is not known (not counted).",
        "{count} fysiska servrar som blir kvar saknar warranty_end: om hårdvaran måste"
        " bytas är okänt (inte medräknat).",
        "{count} fysiske servere som blir stående mangler warranty_end: om maskinvaren må"
        " byttes er ukjent (ikke medregnet)."),
    # -- the study areas (inventory/data/study_areas.yaml; Swedish as the GGVVH study
    # writes them, 2.2)
    "code.study_area.A1": ("Datacentre (primary, secondary, storage)",
                           "Datacenter (primära, sekundära, lagring)",
                           "Datasenter (primært, sekundært, lagring)"),
    "code.study_area.A2": ("Communication, network, access points",
                           "Kommunikation/Nätverk/Accesspunkter",
                           "Kommunikasjon, nettverk, aksesspunkter"),
    "code.study_area.A3": ("Provided platforms", "Tillhandahållna plattformar",
                           "Leverte plattformer"),
    "code.study_area.A4": ("Clients, workplace tools, printers, telephony",
                           "Klienter, arbetsplatsverktyg, skrivare, telefoni",
                           "Klienter, arbeidsplassverktøy, skrivere, telefoni"),
    "code.study_area.B": ("User support for IT operations", "Användarsupport kring IT-drift",
                          "Brukerstøtte for IKT-drift"),
    "code.study_area.C": ("Facilitating business needs", "Facilitering av verksamhetsbehov",
                          "Tilrettelegging for virksomhetens behov"),
    "code.study_area.D": ("Project participation", "Projektmedverkan", "Prosjektdeltakelse"),
    "code.study_area.E": ("IT security", "IT-säkerhet", "IKT-sikkerhet"),
    "code.study_area.F": ("Management of business systems",
                          "Systemförvaltning av verksamhetssystem",
                          "Forvaltning av fagsystemer"),
    "code.study_area.G": ("Complete service desk (including business systems)",
                          "Komplett service desk (inklusive verksamhetssystem)",
                          "Komplett servicedesk (inkludert fagsystemer)"),
    "code.study_area.H": ("Consulting (experts)", "Konsultativt arbete (experter)",
                          "Rådgivning (eksperter)"),
    "code.study_area.I": ("Monitoring, strategy and IT management",
                          "Omvärldsbevakning, strategi och it-ledning",
                          "Omverdensanalyse, strategi og IKT-ledelse"),
    "gs.scope.other": ("other {domain}", "övrigt inom {domain}", "annet innen {domain}"),
    # -- cost lines (gap.running, gap.costs): how a line is counted
    "gs.cost.per.employees": ("employees of the municipalities", "kommunernas anställda",
                              "kommunenes ansatte"),
    "gs.cost.per.students_with_devices": ("students with a device", "elever med en enhet",
                                          "elever med en enhet"),
    "gs.cost.not_stated_for": ("{how}; not stated for {municipalities}",
                               "{how}; uppgift saknas för {municipalities}",
                               "{how}; ikke oppgitt for {municipalities}"),
    "gs.cost.per.devices": ("client devices (printers and IP phones not counted)",
                            "klientenheter (skrivare och IP-telefoner ej medräknade)",
                            "klientenheter (skrivere og IP-telefoner ikke medregnet)"),
    "gs.cost.per.servers": ("physical and virtual servers in service",
                            "fysiska och virtuella servrar i drift",
                            "fysiske og virtuelle servere i drift"),
    "gs.cost.per.municipalities": ("municipalities", "kommuner", "kommuner"),
    "gs.cost.per.joint": ("the joint operation", "den gemensamma driften", "den felles driften"),
    "gs.cost.staff_not_set": ("staff_fte not set: today's IT staff (no staff saving)",
                              "staff_fte inte angiven: dagens IT-personal (ingen"
                              " personalbesparing)",
                              "staff_fte ikke angitt: dagens IKT-ansatte (ingen"
                              " personalbesparelse)"),
    "gs.cost.energy": ("{servers} physical servers and appliances in service, {kw} kW x"
                       " {hours} h",
                       "{servers} fysiska servrar och dedikerade enheter i drift, {kw} kW x"
                       " {hours} h",
                       "{servers} fysiske servere og dedikerte enheter i drift, {kw} kW x"
                       " {hours} t"),
    "gs.cost.links_with_cost": ("{with_cost} of {links} links state a yearly cost",
                                "{with_cost} av {links} förbindelser anger en årskostnad",
                                "{with_cost} av {links} linjer oppgir en årskostnad"),
    "gs.cost.hardware_replaced": ("hardware replaced every {years} years",
                                  "hårdvaran byts vart {years}:e år",
                                  "maskinvaren byttes hvert {years}. år"),
    "gs.cost.fleet_replaced": ("client fleet replaced every {years} years",
                               "klientparken byts vart {years}:e år",
                               "klientparken byttes hvert {years}. år"),
    "gs.cost.reference_shares": (
        "reference shares of the study areas (docs/method.md#alternatives)",
        "utredningsområdenas referensandelar (docs/method.md#alternatives)",
        "referanseandelene til utredningsområdene (docs/method.md#alternatives)"),
    # what a one-time or renewal line buys (costs.LINE_COLUMNS item)
    "gs.cost.buy.physical_server": ("Physical servers", "Fysiska servrar", "Fysiske servere"),
    "gs.cost.buy.storage_tb": ("Storage (TB)", "Lagring (TB)", "Lagring (TB)"),
    # -- today's IT cost (gap.running.today_costs) and the business case's notes
    "gs.today.counts_more": ("counts {parts}, which the cost after does not",
                             "räknar med {parts}, vilket kostnaden efter inte gör",
                             "regner med {parts}, noe kostnaden etter ikke gjør"),
    "gs.today.counts_less": ("does not count {parts}, which the cost after does",
                             "räknar inte med {parts}, vilket kostnaden efter gör",
                             "regner ikke med {parts}, noe kostnaden etter gjør"),
    "gs.today.excludes": ("excludes part of what the cost after counts",
                          "utesluter en del av det som kostnaden efter räknar med",
                          "utelater en del av det kostnaden etter regner med"),
    "gs.today.other_currency": ("stated in {currency}, the target's currency is {target}:"
                                " not used",
                                "angiven i {currency}, målets valuta är {target}: används inte",
                                "oppgitt i {currency}, målets valuta er {target}: brukes ikke"),
    "gs.today.budget": ("the IT budget of the municipality file: what it counts is not stated",
                        "kommunfilens IT-budget: vad den omfattar är inte angivet",
                        "IKT-budsjettet i kommunefilen: hva det omfatter er ikke oppgitt"),
    "gs.today.none": ("no IT cost stated (study it-costs.yaml or the municipality file's"
                      " it_budget)",
                      "ingen IT-kostnad angiven (utredningens it-costs.yaml eller kommunfilens"
                      " it_budget)",
                      "ingen IKT-kostnad oppgitt (utredningens it-costs.yaml eller"
                      " kommunefilens it_budget)"),
    "gs.today.exceeded": ("the costs the inventory knows exceed the stated IT cost",
                          "de kostnader inventeringen känner till överstiger den angivna"
                          " IT-kostnaden",
                          "kostnadene kartleggingen kjenner til, overstiger den oppgitte"
                          " IKT-kostnaden"),
    "gs.today.not_like_with_like": (
        "{name}: today's cost ({definition}) {note} — not like with like.",
        "{name}: dagens kostnad ({definition}) {note} — inte jämförbart.",
        "{name}: dagens kostnad ({definition}) {note} — ikke sammenlignbart."),
    "gs.today.differently": ("The municipalities count their IT cost differently"
                             " ({definitions}).",
                             "Kommunerna räknar sin IT-kostnad på olika sätt ({definitions}).",
                             "Kommunene regner IKT-kostnaden sin ulikt ({definitions})."),
    "gs.today.links_without_cost": (
        "{without} of {links} links state no yearly cost: the communication cost carried over"
        " is understated.",
        "{without} av {links} förbindelser anger ingen årskostnad: den kommunikationskostnad"
        " som förs över är underskattad.",
        "{without} av {links} linjer oppgir ingen årskostnad: kommunikasjonskostnaden som"
        " videreføres, er undervurdert."),
    # the parts of an IT cost (gap.running.COST_PARTS; their texts are the decision
    # section's ``code.cost_part.*``)
    "gs.cost_part": ("{part}", "{part}", "{part}"),
}
# fmt: on
