"""Labels and sentences of the risk register (report.risk_register, docs/method.md#risk-register).

Swedish "riskregister"/"riskanalys" with sannolikhet, konsekvens and åtgärd; Norwegian
"risikoregister"/"risikovurdering" with sannsynlighet, konsekvens and tiltak.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "rr.section": ("Risk register", "Riskregister", "Risikoregister"),
    "rr.sheet": ("Risk register", "Riskregister", "Risikoregister"),
    "rr.title": (
        "Risks, likelihood, consequence, mitigation and the wave that removes them",
        "Risker med sannolikhet, konsekvens, åtgärd och den våg som tar bort dem",
        "Risikoer med sannsynlighet, konsekvens, tiltak og bølgen som fjerner dem",
    ),
    "rr.method": (
        "Every finding of the gap analysis is a risk here; alike findings are one row with"
        " their count. Likelihood and consequence are on a scale of 1 to 5 (likelihood: 1"
        " rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain; consequence: 1"
        " negligible to 5 critical services down), derived from the data by the rules of the"
        " method; a risk that no item of the plan removes is one step more likely. The level"
        " is likelihood × consequence: high 15–25, medium 5–12, low 1–4.",
        "Varje iakttagelse i gapanalysen är här en risk; likartade iakttagelser är en rad med"
        " sitt antal. Sannolikhet och konsekvens anges på en skala 1–5 (sannolikhet: 1 mycket"
        " låg, 2 låg, 3 möjlig, 4 hög, 5 mycket hög; konsekvens: 1 försumbar till 5 att"
        " verksamhetskritiska system står still), härledda ur underlaget enligt metodens regler;"
        " en risk som ingen åtgärd i planen tar bort är ett steg mer sannolik. Risknivån är"
        " sannolikhet × konsekvens: hög 15–25, medel 5–12, låg 1–4.",
        "Hvert funn i gapanalysen er her en risiko; like funn er én rad med antallet."
        " Sannsynlighet og konsekvens angis på en skala 1–5 (sannsynlighet: 1 svært lav, 2 lav,"
        " 3 mulig, 4 høy, 5 svært høy; konsekvens: 1 ubetydelig til 5 at kritiske tjenester"
        " står), utledet av grunnlaget etter metodens regler; en risiko som ingen tiltak i"
        " planen fjerner, er ett trinn mer sannsynlig. Risikonivået er sannsynlighet ×"
        " konsekvens: høy 15–25, middels 5–12, lav 1–4.",
    ),
    "rr.col_rank": ("No.", "Nr", "Nr."),
    "rr.col_risk": ("Risk", "Risk", "Risiko"),
    "rr.col_likelihood": ("Likelihood", "Sannolikhet", "Sannsynlighet"),
    "rr.col_consequence": ("Consequence", "Konsekvens", "Konsekvens"),
    "rr.col_level": ("Level", "Risknivå", "Risikonivå"),
    "rr.col_mitigation": ("Mitigation", "Åtgärd", "Tiltak"),
    "rr.col_wave": ("Wave", "Våg", "Bølge"),
    "rr.col_removed_by": ("Removed by", "Borta senast", "Fjernet innen"),
    "rr.level.high": ("high", "hög", "høy"),
    "rr.level.medium": ("medium", "medel", "middels"),
    "rr.level.low": ("low", "låg", "lav"),
    "rr.no_wave": ("—", "—", "—"),
    "rr.wave_by": ("{wave} (by {date})", "{wave} (senast {date})", "{wave} (innen {date})"),
    "rr.note_unplanned": (
        "{count} of {total} risks have no wave (—): no item of the plan removes them; each"
        " needs a decision of its own (its mitigation says what).",
        "{count} av {total} risker saknar våg (—): ingen åtgärd i planen tar bort dem; var och"
        " en kräver ett eget beslut (åtgärden säger vilket).",
        "{count} av {total} risikoer har ingen bølge (—): ingen tiltak i planen fjerner dem;"
        " hver av dem krever en egen beslutning (tiltaket sier hvilken).",
    ),
    "rr.note_all_planned": (
        "Every risk is removed by items of the plan, in the wave shown.",
        "Varje risk tas bort av åtgärder i planen, i den våg som anges.",
        "Hver risiko fjernes av tiltak i planen, i bølgen som er oppgitt.",
    ),
    "rr.none": (
        "The gap analysis found no risk to register.",
        "Gapanalysen fann ingen risk att föra in i registret.",
        "Gapanalysen fant ingen risiko å føre inn i registeret.",
    ),
    # the risks, one sentence per class and variant
    "rr.risk.eol.end_of_life": (
        "{products} in {municipalities}: {count} past end of life, carrying {applications}",
        "{products} i {municipalities}: {count} som passerat supportslut, med {applications}",
        "{products} i {municipalities}: {count} som har passert slutt på støtte, med"
        " {applications}",
    ),
    "rr.risk.eol.ending": (
        "{products} in {municipalities}: {count} reaching end of life within the horizon,"
        " carrying {applications}",
        "{products} i {municipalities}: {count} som når supportslut inom horisonten, med"
        " {applications}",
        "{products} i {municipalities}: {count} som når slutt på støtte innen horisonten,"
        " med {applications}",
    ),
    "rr.risk.single_point.single_physical_server": (
        "{server} ({municipalities}) is a single physical server in no cluster:"
        " {applications} whose service level requires redundancy run on it ({critical}"
        " critical)",
        "{server} ({municipalities}) är en ensam fysisk server utan kluster: {applications}"
        " vars servicenivå kräver redundans körs på den ({critical} verksamhetskritiska)",
        "{server} ({municipalities}) er en enkelt fysisk server uten klynge: {applications}"
        " med tjenestenivå som krever redundans, kjører på den ({critical} kritiske)",
    ),
    "rr.risk.single_point.single_host_cluster": (
        "{server} ({municipalities}) is in a cluster of one host: {applications} whose"
        " service level requires redundancy run on it ({critical} critical)",
        "{server} ({municipalities}) ingår i ett kluster med en enda värd: {applications}"
        " vars servicenivå kräver redundans körs på den ({critical} verksamhetskritiska)",
        "{server} ({municipalities}) er i en klynge med én vert: {applications} med"
        " tjenestenivå som krever redundans, kjører på den ({critical} kritiske)",
    ),
    "rr.risk.single_point.single_host": (
        "{server} ({municipalities}) is a virtual server on a single host: {applications}"
        " whose service level requires redundancy run on it ({critical} critical)",
        "{server} ({municipalities}) är en virtuell server på en enda värd: {applications}"
        " vars servicenivå kräver redundans körs på den ({critical} verksamhetskritiska)",
        "{server} ({municipalities}) er en virtuell server på én vert: {applications} med"
        " tjenestenivå som krever redundans, kjører på den ({critical} kritiske)",
    ),
    "rr.risk.interconnect.both": (
        "The line {link} ({a_site}–{b_site}) has {bandwidth} Mbit/s of the {minimum}"
        " required and is not redundant; {applications} depend on it, {sla} of them with a"
        " service level that requires redundancy",
        "Förbindelsen {link} ({a_site}–{b_site}) har {bandwidth} Mbit/s av de {minimum} som"
        " krävs och är inte redundant; {applications} är beroende av den, {sla} av dem med en"
        " servicenivå som kräver redundans",
        "Linjen {link} ({a_site}–{b_site}) har {bandwidth} Mbit/s av de {minimum} som kreves"
        " og er ikke redundant; {applications} er avhengige av den, {sla} av dem med en"
        " tjenestenivå som krever redundans",
    ),
    "rr.risk.interconnect.bandwidth": (
        "The line {link} ({a_site}–{b_site}) has {bandwidth} Mbit/s of the {minimum}"
        " required; {applications} depend on it",
        "Förbindelsen {link} ({a_site}–{b_site}) har {bandwidth} Mbit/s av de {minimum} som"
        " krävs; {applications} är beroende av den",
        "Linjen {link} ({a_site}–{b_site}) har {bandwidth} Mbit/s av de {minimum} som"
        " kreves; {applications} er avhengige av den",
    ),
    "rr.risk.interconnect.redundancy": (
        "The line {link} ({a_site}–{b_site}) is not redundant; {applications} depend on it,"
        " {sla} of them with a service level that requires redundancy",
        "Förbindelsen {link} ({a_site}–{b_site}) är inte redundant; {applications} är"
        " beroende av den, {sla} av dem med en servicenivå som kräver redundans",
        "Linjen {link} ({a_site}–{b_site}) er ikke redundant; {applications} er avhengige av"
        " den, {sla} av dem med en tjenestenivå som krever redundans",
    ),
    # counted nouns (one / more)
    "rr.n.asset.one": ("{n} asset", "{n} komponent", "{n} komponent"),
    "rr.n.asset.other": ("{n} assets", "{n} komponenter", "{n} komponenter"),
    "rr.n.application.one": ("{n} application", "{n} verksamhetssystem", "{n} fagsystem"),
    "rr.n.application.other": ("{n} applications", "{n} verksamhetssystem", "{n} fagsystemer"),
    "rr.risk.capacity": (
        "The target datacentres lack {rack_units} U of rack space and {kw} kW of power for"
        " the {servers} physical servers that move",
        "Måldatacentren saknar {rack_units} U rackutrymme och {kw} kW effekt för de"
        " {servers} fysiska servrar som flyttas",
        "Måldatasentrene mangler {rack_units} U rackplass og {kw} kW effekt for de"
        " {servers} fysiske serverne som flyttes",
    ),
    "rr.risk.compute": (
        "The target clusters ({hosts} hosts) lack {short} for the {vms} virtual servers that move",
        "Målklustren ({hosts} värdar) saknar {short} för de {vms} virtuella servrar som flyttas",
        "Målklyngene ({hosts} verter) mangler {short} for de {vms} virtuelle serverne som flyttes",
    ),
    "rr.resource.vcpu": ("{amount} vCPU", "{amount} vCPU", "{amount} vCPU"),
    "rr.resource.ram_gb": ("{amount} GB of RAM", "{amount} GB RAM", "{amount} GB RAM"),
    "rr.resource.datastore_tb": (
        "{amount} TB of datastore",
        "{amount} TB datalagring",
        "{amount} TB datalager",
    ),
    "rr.resource.other": (
        "{amount} {unit} {resource}",
        "{amount} {unit} {resource}",
        "{amount} {unit} {resource}",
    ),
    "rr.risk.security.mfa_for_all_staff": (
        "Not every staff account has multi-factor authentication in {municipalities}",
        "Alla medarbetarkonton har inte flerfaktorsautentisering i {municipalities}",
        "Ikke alle ansattkontoer har flerfaktorautentisering i {municipalities}",
    ),
    "rr.risk.security.endpoint_security_on_managed_clients": (
        "Managed clients lack endpoint security in {municipalities}",
        "Hanterade klienter saknar klientskydd (endpoint security) i {municipalities}",
        "Administrerte klienter mangler endepunktsikring i {municipalities}",
    ),
    "rr.risk.security.backup_immutable_copy": (
        "Backups have no immutable or offline copy in {municipalities}: ransomware can reach them",
        "Säkerhetskopiorna saknar oföränderlig eller frånkopplad kopia i {municipalities}:"
        " utpressningsprogram kan nå dem",
        "Sikkerhetskopiene mangler uforanderlig eller frakoblet kopi i {municipalities}:"
        " løsepengevirus kan nå dem",
    ),
    "rr.risk.security.logging_to_siem": (
        "No central security logging (SIEM) in {municipalities}: intrusions are found late",
        "Ingen central säkerhetsloggning (SIEM) i {municipalities}: intrång upptäcks sent",
        "Ingen sentral sikkerhetslogging (SIEM) i {municipalities}: innbrudd oppdages sent",
    ),
    "rr.risk.security.segmented_zones": (
        "The network lacks required security zones in {municipalities}",
        "Nätet saknar föreskrivna säkerhetszoner i {municipalities}",
        "Nettverket mangler påkrevde sikkerhetssoner i {municipalities}",
    ),
    "rr.risk.sequencing": (
        "The plan could not keep the sequencing rule “{rule}”",
        "Planen kunde inte hålla ordningsregeln ”{rule}”",
        "Planen kunne ikke holde rekkefølgeregelen «{rule}»",
    ),
    "rr.risk.target_lifecycle.past": (
        "The target's {product} is already past its end of support ({eol})",
        "Målarkitekturens {product} har redan passerat sitt supportslut ({eol})",
        "Målarkitekturens {product} har allerede passert slutt på support ({eol})",
    ),
    "rr.risk.target_lifecycle.ends_in_plan": (
        "The target's {product} reaches its end of support on {eol}, before the plan ends"
        " ({plan_end})",
        "Målarkitekturens {product} når supportslut {eol}, innan planen är klar ({plan_end})",
        "Målarkitekturens {product} når slutt på support {eol}, før planen er ferdig ({plan_end})",
    ),
    "rr.risk.target_lifecycle.ends_after_plan": (
        "The target's {product} reaches its end of support on {eol}, soon after the plan ends"
        " ({plan_end})",
        "Målarkitekturens {product} når supportslut {eol}, strax efter att planen är klar"
        " ({plan_end})",
        "Målarkitekturens {product} når slutt på support {eol}, kort etter at planen er"
        " ferdig ({plan_end})",
    ),
    "rr.risk.target_lifecycle.unknown": (
        "The target's {product} has no known end of support",
        "Målarkitekturens {product} har inget känt supportslut",
        "Målarkitekturens {product} har ingen kjent slutt på support",
    ),
    "rr.risk.cost_saving": (
        "The yearly saving may be negative: its range is {saving} ({percent} % of it below zero)",
        "Den årliga besparingen kan bli negativ: intervallet är {saving} ({percent} % av det"
        " under noll)",
        "Den årlige besparelsen kan bli negativ: intervallet er {saving} ({percent} % av det"
        " under null)",
    ),
    "rr.risk.cost_unpriced": (
        "The business case leaves out costs: {lines} lines not priced; yearly licences not"
        " stated: {licences}",
        "Kalkylen saknar kostnader: {lines} poster utan pris; årliga licenser som inte"
        " angetts: {licences}",
        "Kalkylen mangler kostnader: {lines} poster uten pris; årlige lisenser som ikke er"
        " oppgitt: {licences}",
    ),
    "rr.none_listed": ("none", "inga", "ingen"),
    # mitigations, one per class (and security control)
    "rr.mitigation.eol": (
        "Upgrade or replace in the wave shown; until then keep them patched as far as the"
        " vendor allows, isolate them and agree extended support where it is offered.",
        "Uppgradera eller byt ut i angiven våg; till dess patcha så långt leverantören"
        " medger, isolera dem och teckna förlängd support där den erbjuds.",
        "Oppgrader eller bytt ut i angitt bølge; inntil da patch så langt leverandøren"
        " tillater, isoler dem og avtal utvidet support der det tilbys.",
    ),
    "rr.mitigation.eol_unplanned": (
        "No item of the plan replaces them: add the upgrade or replacement to the plan, or"
        " decide to phase them out; until then isolate them and agree extended support.",
        "Ingen åtgärd i planen ersätter dem: lägg till uppgradering eller utbyte i planen,"
        " eller besluta om avveckling; till dess isolera dem och teckna förlängd support.",
        "Ingen tiltak i planen erstatter dem: legg oppgradering eller utskifting inn i"
        " planen, eller beslutt utfasing; inntil da isoler dem og avtal utvidet support.",
    ),
    "rr.mitigation.single_point": (
        "Move it onto the target's clusters in the wave shown; until then keep a tested"
        " restore and a spare.",
        "Flytta den till målets kluster i angiven våg; till dess ha en testad återläsning och"
        " reservdelar.",
        "Flytt den til målets klynger i angitt bølge; inntil da ha en testet"
        " gjenoppretting og reservedeler.",
    ),
    "rr.mitigation.single_point_unplanned": (
        "No item of the plan removes it (a physical server moved stays single): virtualise"
        " it onto the target's clusters or cluster it, and add that to the plan.",
        "Ingen åtgärd i planen tar bort den (en fysisk server som flyttas förblir ensam):"
        " virtualisera den till målets kluster eller klustra den, och lägg in det i planen.",
        "Ingen tiltak i planen fjerner den (en fysisk server som flyttes, forblir alene):"
        " virtualiser den til målets klynger eller sett den i klynge, og legg det inn i"
        " planen.",
    ),
    "rr.mitigation.interconnect": (
        "Upgrade the line (a second, separately routed path and the required bandwidth) in"
        " the wave shown, before servers move to the joint datacentre.",
        "Uppgradera förbindelsen (en andra, separat dragen väg och den bandbredd som krävs) i"
        " angiven våg, innan servrar flyttas till det gemensamma datacentret.",
        "Oppgrader linjen (et andre, separat føringsvei og båndbredden som kreves) i angitt"
        " bølge, før servere flyttes til det felles datasenteret.",
    ),
    "rr.mitigation.interconnect_unplanned": (
        "No item of the plan upgrades it: order a second, separately routed line with the"
        " required bandwidth before servers move.",
        "Ingen åtgärd i planen uppgraderar den: beställ en andra, separat dragen förbindelse"
        " med den bandbredd som krävs innan servrar flyttas.",
        "Ingen tiltak i planen oppgraderer den: bestill et andre, separat ført samband med"
        " båndbredden som kreves før servere flyttes.",
    ),
    "rr.mitigation.capacity": (
        "Extend the datacentre (racks, power, cooling) or keep a site, and add it to the plan"
        " before the first move.",
        "Bygg ut datacentret (rack, el, kyla) eller behåll en hall, och lägg in det i planen"
        " före den första flytten.",
        "Bygg ut datasenteret (rack, strøm, kjøling) eller behold et rom, og legg det inn i"
        " planen før den første flyttingen.",
    ),
    "rr.mitigation.compute": (
        "Buy hosts (or bring hosts from the evacuated sites) and add them to the plan before"
        " the virtual servers move.",
        "Köp värdar (eller ta med värdar från de hallar som töms) och lägg in det i planen"
        " innan de virtuella servrarna flyttas.",
        "Kjøp verter (eller ta med verter fra rommene som tømmes) og legg det inn i planen"
        " før de virtuelle serverne flyttes.",
    ),
    "rr.mitigation.security": (
        "Bring them onto the joint service in the wave shown; until then compensate (e.g."
        " tighter access, manual review).",
        "Anslut dem till den gemensamma tjänsten i angiven våg; till dess kompensera (t.ex."
        " striktare behörigheter, manuell granskning).",
        "Koble dem til den felles tjenesten i angitt bølge; inntil da kompenser (f.eks."
        " strengere tilganger, manuell gjennomgang).",
    ),
    "rr.mitigation.security_unplanned": (
        "No item of the plan brings them to the baseline: add the measure to the plan with"
        " an owner and a date.",
        "Ingen åtgärd i planen når basnivån: lägg in åtgärden i planen med ansvarig och datum.",
        "Ingen tiltak i planen når basisnivået: legg tiltaket inn i planen med ansvarlig og dato.",
    ),
    "rr.mitigation.sequencing": (
        "Check the order of the packages concerned by hand and adjust the plan.",
        "Kontrollera ordningen mellan de berörda arbetspaketen manuellt och justera planen.",
        "Kontroller rekkefølgen mellom de berørte arbeidspakkene manuelt og juster planen.",
    ),
    "rr.mitigation.target_lifecycle": (
        "Budget and plan the next upgrade, or choose a release (or product) supported past"
        " the plan.",
        "Budgetera och planera nästa uppgradering, eller välj en version (eller produkt) med"
        " support efter planens slut.",
        "Budsjetter og planlegg neste oppgradering, eller velg en versjon (eller et produkt)"
        " med support etter planens slutt.",
    ),
    "rr.mitigation.cost_saving": (
        "Confirm today's costs with the municipalities' accounts and the staffing after the"
        " merger before the decision; decide in stages.",
        "Stäm av dagens kostnader mot kommunernas redovisning och bemanningen efter"
        " sammanslagningen före beslut; besluta stegvis.",
        "Avstem dagens kostnader mot kommunenes regnskap og bemanningen etter"
        " sammenslåingen før beslutning; beslutt trinnvis.",
    ),
    "rr.mitigation.cost_unpriced": (
        "Get prices (quotes or list prices) for the lines and licences before the decision.",
        "Ta in priser (offerter eller listpriser) för posterna och licenserna före beslut.",
        "Innhent priser (tilbud eller listepriser) for postene og lisensene før beslutning.",
    ),
}
