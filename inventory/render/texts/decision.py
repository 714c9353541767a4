"""Labels and sentences of the decision section (docs/method.md#decision).

Swedish in the GGVVH study's words (potential, område, grupp, kriterier, poängsättning,
värdering, alternativ, samverkan, förstudie, "Idag"), Norwegian bokmål in the Melhus /
Midtre Gauldal and Ringerike documents' words (samarbeid, kostnadsfordeling, nøkkel "50 %
likt, 50 % etter folketall", delprosjekt, oppstart, ferdig innen, investeringsbehov, tas
av drift, antall ansatte IKT-drift, anbefaling, forprosjekt). A recommendation is phrased
as the studies phrase one: the scores "give support for" an alternative "as the starting
point for further work", never as a settled choice.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    # -- sub-section titles -------------------------------------------------------------
    "dec.recommendation": ("Recommendation", "Rekommendation", "Anbefaling"),
    "dec.potential": (
        "Potential per area against today",
        "Potential per område jämfört med idag",
        "Potensial per område sammenlignet med i dag",
    ),
    "dec.alternatives": (
        "Alternatives, criteria and weights",
        "Alternativ, kriterier och vikter",
        "Alternativer, kriterier og vekter",
    ),
    "dec.sensitivity": ("Sensitivity of the ranking", "Känslighetsanalys", "Følsomhetsanalyse"),
    "dec.cost_key": ("Cost key", "Kostnadsfördelning", "Kostnadsfordeling"),
    "dec.establishment": ("Establishment plan", "Etableringsplan", "Etableringsplan"),
    "dec.projection": (
        "Projection with and without collaboration",
        "Prognos med och utan samverkan",
        "Prognose med og uten samarbeid",
    ),
    "dec.it_costs": (
        "Comparable IT costs",
        "Jämförbara IT-kostnader",
        "Sammenlignbare IKT-kostnader",
    ),
    # -- recommendation -----------------------------------------------------------------
    "dec.rec_close": (
        "On the criteria and weights of {study}, {lead} has the highest weighted score"
        " ({lead_total} points), {margin} ahead of {runner} ({runner_total}). The lead is"
        " small and the alternatives are close: {change} would let {challenger} draw level,"
        " and any further change in the same direction would put it first. The scores"
        " therefore support {lead} as the starting point for further work (a pre-study), not"
        " as a settled choice between the alternatives.",
        "Utifrån kriterierna och vikterna i {study} får {lead} högst viktad poäng"
        " ({lead_total} poäng), {margin} före {runner} ({runner_total}). Skillnaden är liten"
        " och alternativen ligger nära varandra: {change} skulle ge {challenger} lika många"
        " poäng, och en ytterligare ändring åt samma håll skulle placera det först."
        " Poängsättningen ger därför stöd för {lead} som utgångspunkt för fortsatt arbete"
        " (förstudie), inte som ett slutligt val mellan alternativen.",
        "Ut fra kriteriene og vektene i {study} får {lead} høyest vektet poengsum"
        " ({lead_total} poeng), {margin} foran {runner} ({runner_total}). Forskjellen er liten"
        " og alternativene ligger nær hverandre: {change} ville gi {challenger} like mange"
        " poeng, og en ytterligere endring i samme retning ville plassere det først."
        " Poengsettingen gir derfor grunnlag for å anbefale {lead} som utgangspunkt for"
        " videre arbeid (forprosjekt), ikke som et endelig valg mellom alternativene.",
    ),
    "dec.rec_one_step": (
        "On the criteria and weights of {study}, {lead} has the highest weighted score"
        " ({lead_total} points), {margin} ahead of {runner} ({runner_total}). The lead is no"
        " more than one point on one criterion: a single score set one step differently"
        " would tie it. The scores support {lead} as the starting point for further work,"
        " with the alternatives close.",
        "Utifrån kriterierna och vikterna i {study} får {lead} högst viktad poäng"
        " ({lead_total} poäng), {margin} före {runner} ({runner_total}). Skillnaden motsvarar"
        " högst en poäng på ett kriterium: en enda poäng satt ett steg annorlunda skulle ge"
        " lika poäng. Poängsättningen ger stöd för {lead} som utgångspunkt för fortsatt"
        " arbete, med alternativen nära varandra.",
        "Ut fra kriteriene og vektene i {study} får {lead} høyest vektet poengsum"
        " ({lead_total} poeng), {margin} foran {runner} ({runner_total}). Forskjellen tilsvarer"
        " høyst ett poeng på ett kriterium: ett enkelt poeng satt ett trinn annerledes ville gi"
        " likt poeng. Poengsettingen gir grunnlag for {lead} som utgangspunkt for videre"
        " arbeid, med alternativene nær hverandre.",
    ),
    "dec.rec_robust": (
        "On the criteria and weights of {study}, {lead} has the highest weighted score"
        " ({lead_total} points), {margin} ahead of {runner} ({runner_total}). The ranking holds"
        " when any single weight is halved or raised by half; {change} would be needed to"
        " reverse it. The scores support {lead} as the study's recommended direction.",
        "Utifrån kriterierna och vikterna i {study} får {lead} högst viktad poäng"
        " ({lead_total} poäng), {margin} före {runner} ({runner_total}). Rangordningen står sig"
        " när en enskild vikt halveras eller ökas med hälften; det skulle krävas {change}"
        " för att vända den. Poängsättningen ger stöd för {lead} som rekommenderad inriktning.",
        "Ut fra kriteriene og vektene i {study} får {lead} høyest vektet poengsum"
        " ({lead_total} poeng), {margin} foran {runner} ({runner_total}). Rangeringen holder"
        " når en enkelt vekt halveres eller økes med halvparten; det måtte til {change} for å"
        " snu den. Poengsettingen gir grunnlag for å anbefale {lead} som retning.",
    ),
    "dec.rec_dominant": (
        "On the criteria and weights of {study}, {lead} has the highest weighted score"
        " ({lead_total} points), {margin} ahead of {runner} ({runner_total}), and scores at"
        " least as high on every criterion: no change of a single weight reverses the"
        " ranking. The scores support {lead} as the study's recommended direction.",
        "Utifrån kriterierna och vikterna i {study} får {lead} högst viktad poäng"
        " ({lead_total} poäng), {margin} före {runner} ({runner_total}), och minst lika höga"
        " poäng på varje kriterium: ingen ändring av en enskild vikt vänder rangordningen."
        " Poängsättningen ger stöd för {lead} som rekommenderad inriktning.",
        "Ut fra kriteriene og vektene i {study} får {lead} høyest vektet poengsum"
        " ({lead_total} poeng), {margin} foran {runner} ({runner_total}), og minst like høye"
        " poeng på hvert kriterium: ingen endring av en enkelt vekt snur rangeringen."
        " Poengsettingen gir grunnlag for å anbefale {lead} som retning.",
    ),
    "dec.rec_tied": (
        "On the criteria and weights of {study}, {lead} and {runner} have the same weighted"
        " score ({lead_total} points): the scores do not separate them, and any weight change"
        " that favours one of them decides. The choice between them rests on what the scores"
        " do not capture.",
        "Utifrån kriterierna och vikterna i {study} får {lead} och {runner} samma viktade"
        " poäng ({lead_total} poäng): poängsättningen skiljer dem inte åt, och varje"
        " viktändring som gynnar det ena avgör. Valet mellan dem får göras på det som"
        " poängsättningen inte fångar.",
        "Ut fra kriteriene og vektene i {study} får {lead} og {runner} samme vektede"
        " poengsum ({lead_total} poeng): poengsettingen skiller dem ikke, og enhver"
        " vektendring som favoriserer det ene avgjør. Valget mellom dem må gjøres på det"
        " poengsettingen ikke fanger opp.",
    ),
    "dec.rec_single": (
        "{study} scores one alternative only, {lead} ({lead_total} points): there is nothing"
        " to rank it against.",
        "{study} poängsätter bara ett alternativ, {lead} ({lead_total} poäng): det finns"
        " inget att rangordna det mot.",
        "{study} poengsetter bare ett alternativ, {lead} ({lead_total} poeng): det finnes"
        " ikke noe å rangere det mot.",
    ),
    "dec.points": ("{value} points", "{value} poäng", "{value} poeng"),
    "dec.point": ("{value} point", "{value} poäng", "{value} poeng"),
    "dec.change_lower": (
        "lowering the weight of criterion {criterion} ({name}) from {weight} to {tie}",
        "en sänkning av vikten för kriterium {criterion} ({name}) från {weight} till {tie}",
        "en senking av vekten for kriterium {criterion} ({name}) fra {weight} til {tie}",
    ),
    "dec.change_raise": (
        "raising the weight of criterion {criterion} ({name}) from {weight} to {tie}",
        "en höjning av vikten för kriterium {criterion} ({name}) från {weight} till {tie}",
        "en økning av vekten for kriterium {criterion} ({name}) fra {weight} til {tie}",
    ),
    "dec.rec_cost": (
        "The target file of {lead} ({scope}) is costed over this inventory: one-time cost"
        " {one_time}, {saving_text}.",
        "Målfilen för {lead} ({scope}) är kostnadsberäknad mot denna inventering:"
        " engångskostnad {one_time}, {saving_text}.",
        "Målfilen for {lead} ({scope}) er kostnadsberegnet mot denne kartleggingen:"
        " engangskostnad {one_time}, {saving_text}.",
    ),
    "dec.scope_all": ("all areas (A-I)", "alla områden (A-I)", "alle områder (A-I)"),
    "dec.rec_saving": (
        "a yearly saving of {saving}",
        "en årlig besparing på {saving}",
        "en årlig besparelse på {saving}",
    ),
    "dec.rec_more": (
        "yearly running costs {saving} higher than today (no saving)",
        "årliga driftskostnader {saving} högre än idag (ingen besparing)",
        "årlige driftskostnader {saving} høyere enn i dag (ingen besparelse)",
    ),
    "dec.rec_no_saving": (
        "no yearly saving computed (today's IT cost is not known for every municipality)",
        "ingen årlig besparing beräknad (dagens IT-kostnad är inte känd för varje kommun)",
        "ingen årlig besparelse beregnet (dagens IKT-kostnad er ikke kjent for hver kommune)",
    ),
    "dec.rec_payback": (
        "paid back in year {year} of the plan",
        "återbetald under planens år {year}",
        "tilbakebetalt i planens år {year}",
    ),
    "dec.rec_not_costed": (
        "{lead} names no target file, so it has no computed cost beside its score.",
        "{lead} anger ingen målfil och har därför ingen beräknad kostnad vid sidan av poängen.",
        "{lead} angir ingen målfil og har derfor ingen beregnet kostnad ved siden av poengene.",
    ),
    "dec.rec_none": (
        "No alternatives file of the study scores its alternatives: there is no ranking to"
        " recommend from.",
        "Ingen alternativfil i utredningen poängsätter sina alternativ: det finns ingen"
        " rangordning att rekommendera utifrån.",
        "Ingen alternativfil i utredningen poengsetter alternativene: det finnes ingen"
        " rangering å anbefale ut fra.",
    ),
    # -- potential ----------------------------------------------------------------------
    "dec.potential_intro": (
        "Each municipality scored the potential of collaboration per area from 0 to 100"
        " (will, benefit and ability to collaborate). The scores are summed per area and"
        " group; a group's share of all points is set against the study's reference share"
        " of spend, “{reference}”.",
        "Varje kommun har bedömt potentialen för samverkan per område från 0 till 100"
        " (vilja, nytta och förmåga att samverka). Poängen summeras per område och grupp;"
        " gruppens andel av alla poäng ställs mot utredningens referensandel av utgiften,"
        " ”{reference}”.",
        "Hver kommune har vurdert potensialet for samarbeid per område fra 0 til 100"
        " (vilje, nytte og evne til å samarbeide). Poengene summeres per område og gruppe;"
        " gruppens andel av alle poeng settes opp mot utredningens referanseandel av"
        " utgiftene, «{reference}».",
    ),
    "dec.potential_areas": (
        "Potential per area: {study}",
        "Potential per område: {study}",
        "Potensial per område: {study}",
    ),
    "dec.potential_groups": (
        "Potential against today's spend, per group",
        "Potential jämfört med dagens utgift, per grupp",
        "Potensial sammenlignet med dagens utgifter, per gruppe",
    ),
    "dec.potential_focus": (
        "The largest potential is in {group} ({share} of all points against {reference} of"
        " today's spend).",
        "Störst potential finns inom {group} ({share} av alla poäng mot {reference} av dagens"
        " utgift).",
        "Størst potensial finnes innenfor {group} ({share} av alle poeng mot {reference} av"
        " dagens utgifter).",
    ),
    "dec.col_area": ("Area", "Område", "Område"),
    "dec.col_area_name": ("Area name", "Områdets namn", "Områdets navn"),
    "dec.col_group": ("Group", "Grupp", "Gruppe"),
    "dec.col_areas": ("Areas", "Områden", "Områder"),
    "dec.col_points": ("Points", "Poäng", "Poeng"),
    "dec.col_potential_share": (
        "Share of the potential",
        "Andel av potentialen",
        "Andel av potensialet",
    ),
    "dec.col_reference_share": (
        "Today (reference share of spend)",
        "Idag (referensandel av utgiften)",
        "I dag (referanseandel av utgiftene)",
    ),
    "dec.col_difference": (
        "Difference (percentage points)",
        "Skillnad (procentenheter)",
        "Forskjell (prosentpoeng)",
    ),
    # -- alternatives and sensitivity ---------------------------------------------------
    "dec.alternatives_intro": (
        "{study} scores each alternative from {low} to {high} on each criterion ({high} the"
        " most positive); the total is Σ weight × score over the criteria and ranks the"
        " alternatives (equal totals share a rank).",
        "{study} ger varje alternativ poäng från {low} till {high} per kriterium ({high} är"
        " det mest positiva); summan är Σ vikt × poäng över kriterierna och rangordnar"
        " alternativen (lika summa ger samma rang).",
        "{study} gir hvert alternativ poeng fra {low} til {high} per kriterium ({high} er det"
        " mest positive); summen er Σ vekt × poeng over kriteriene og rangerer alternativene"
        " (lik sum gir samme rangering).",
    ),
    "dec.criteria": (
        "Criteria and weights: {study}",
        "Kriterier och vikter: {study}",
        "Kriterier og vekter: {study}",
    ),
    "dec.scores": (
        "Alternatives scored: {study}",
        "Värdering av alternativen: {study}",
        "Vurdering av alternativene: {study}",
    ),
    "dec.reconstructed": (
        "Scores marked reconstructed are not printed in the source: {items}.",
        "Poäng markerade som rekonstruerade finns inte tryckta i källan: {items}.",
        "Poeng merket som rekonstruerte står ikke trykt i kilden: {items}.",
    ),
    "dec.col_criterion": ("Criterion", "Kriterium", "Kriterium"),
    "dec.col_criterion_name": ("Description", "Beskrivning", "Beskrivelse"),
    "dec.col_weight": ("Weight", "Vikt", "Vekt"),
    "dec.col_alternative": ("Alternative", "Alternativ", "Alternativ"),
    "dec.col_description": ("Description", "Beskrivning", "Beskrivelse"),
    "dec.col_criterion_n": ("Criterion {id}", "Kriterium {id}", "Kriterium {id}"),
    "dec.col_weighted_total": ("Weighted total", "Viktad summa", "Vektet sum"),
    "dec.unscored": (
        "Alternatives listed without scores: {study}",
        "Alternativ utan poängsättning: {study}",
        "Alternativer uten poengsetting: {study}",
    ),
    "dec.unscored_intro": (
        "{source} lists these alternatives without criteria or scores: they are shown, not ranked.",
        "{source} listar dessa alternativ utan kriterier eller poäng: de visas men"
        " rangordnas inte.",
        "{source} lister disse alternativene uten kriterier eller poeng: de vises, men"
        " rangeres ikke.",
    ),
    "dec.sensitivity_intro": (
        "For each criterion alone: the weight at which the nearest challenger draws level"
        " with {lead} (weights stay 0 or above). Moving the weight further in the same"
        " direction puts the challenger first.",
        "För varje kriterium för sig: den vikt där närmaste utmanare får lika många poäng som"
        " {lead} (vikter är 0 eller mer). Flyttas vikten längre åt samma håll hamnar"
        " utmanaren först.",
        "For hvert kriterium for seg: vekten der nærmeste utfordrer får like mange poeng som"
        " {lead} (vekter er 0 eller mer). Flyttes vekten lenger i samme retning, kommer"
        " utfordreren først.",
    ),
    "dec.sensitivity_none": (
        "No single weight change (weights 0 or above) changes the first place: {lead} scores"
        " at least as high as every other alternative on every criterion.",
        "Ingen enskild viktändring (vikter 0 eller mer) ändrar förstaplatsen: {lead} har minst"
        " lika höga poäng som varje annat alternativ på varje kriterium.",
        "Ingen enkelt vektendring (vekter 0 eller mer) endrer førsteplassen: {lead} har minst"
        " like høye poeng som hvert annet alternativ på hvert kriterium.",
    ),
    "dec.sensitivity_tied": (
        "{lead} already shares the first place: any weight change that favours one of the"
        " alternatives with the highest total decides.",
        "{lead} delar redan förstaplatsen: varje viktändring som gynnar ett av alternativen"
        " med högst summa avgör.",
        "{lead} deler allerede førsteplassen: enhver vektendring som favoriserer ett av"
        " alternativene med høyest sum, avgjør.",
    ),
    "dec.flips": (
        "Weight at which the first place is tied, per criterion: {study}",
        "Vikt där förstaplatsen delas, per kriterium: {study}",
        "Vekt der førsteplassen deles, per kriterium: {study}",
    ),
    "dec.col_challenger": ("Challenger", "Utmanare", "Utfordrer"),
    "dec.col_weight_now": ("Weight now", "Vikt nu", "Vekt nå"),
    "dec.col_tie_weight": ("Tied at weight", "Lika vid vikt", "Likt ved vekt"),
    "dec.col_change": ("Change", "Ändring", "Endring"),
    "dec.col_change_percent": ("Change (%)", "Ändring (%)", "Endring (%)"),
    "dec.col_within_margin": (
        "Within half the weight",
        "Inom halva vikten",
        "Innenfor halve vekten",
    ),
    # -- cost key -----------------------------------------------------------------------
    "dec.cost_key_intro": (
        "Key {key_name}: {formula}. A municipality's share is the sum over the key's parts of"
        " part × its measure / the sum of the measures (an equal part divides by the number of"
        " municipalities); each cost is rounded to {unit} {currency} by the largest"
        " remainder, so the parts add up to the total.",
        "Nyckel {key_name}: {formula}. En kommuns andel är summan över nyckelns delar av del ×"
        " kommunens mått / summan av måtten (en lika del delas med antalet kommuner); varje"
        " kostnad avrundas till {unit} {currency} med största rest, så att delarna summerar"
        " till totalen.",
        "Nøkkel {key_name}: {formula}. En kommunes andel er summen over nøkkelens deler av del ×"
        " kommunens mål / summen av målene (en lik del deles på antall kommuner); hver"
        " kostnad rundes av til {unit} {currency} etter største rest, slik at delene summerer"
        " seg til totalen.",
    ),
    "dec.basis.equal": ("{percent} equal", "{percent} lika", "{percent} likt"),
    "dec.basis.population": (
        "{percent} by population",
        "{percent} efter invånarantal",
        "{percent} etter folketall",
    ),
    "dec.basis.employees": (
        "{percent} by employees",
        "{percent} efter antal anställda",
        "{percent} etter antall ansatte",
    ),
    "dec.basis.devices": (
        "{percent} by devices",
        "{percent} efter antal enheter",
        "{percent} etter antall enheter",
    ),
    "dec.basis.usage": ("{percent} by usage", "{percent} efter användning", "{percent} etter bruk"),
    "dec.measure.population": ("Population", "Invånare", "Folketall"),
    "dec.measure.employees": ("Employees", "Anställda", "Ansatte"),
    "dec.measure.devices": ("Devices", "Enheter", "Enheter"),
    "dec.measure.usage": ("Usage", "Användning", "Bruk"),
    "dec.key_shares": (
        "Shares by key {key_name}: {formula}",
        "Andelar enligt nyckel {key_name}: {formula}",
        "Andeler etter nøkkel {key_name}: {formula}",
    ),
    "dec.col_part_equal": ("Equal part", "Lika del", "Lik del"),
    "dec.col_part_by": ("Part by {measure}", "Del efter {measure}", "Del etter {measure}"),
    "dec.col_share": ("Share", "Andel", "Andel"),
    "dec.col_share_formula": (
        "How the share is computed",
        "Så beräknas andelen",
        "Slik beregnes andelen",
    ),
    "dec.allocation": (
        "Costs divided by the key: {study}",
        "Kostnader fördelade enligt nyckeln: {study}",
        "Kostnader fordelt etter nøkkelen: {study}",
    ),
    "dec.col_cost": ("Cost", "Kostnad", "Kostnad"),
    "dec.col_key": ("Key", "Nyckel", "Nøkkel"),
    "dec.col_cost_total": ("Total", "Totalt", "Totalt"),
    "dec.col_municipality": ("Municipality", "Kommun", "Kommune"),
    "dec.col_amount": ("Amount", "Belopp", "Beløp"),
    "dec.col_amount_millions": ("Amount", "Belopp", "Beløp"),
    # -- establishment plan -------------------------------------------------------------
    "dec.establishment_intro": (
        "The sub-projects of the establishment with their quarters and prices; a cost is"
        " booked in the year its item is finished. Total {total} {currency}: {funding}.",
        "Etableringens delprojekt med kvartal och pris; en kostnad bokförs det år delen blir"
        " klar. Totalt {total} {currency}: {funding}.",
        "Etableringens delprosjekter med kvartal og pris; en kostnad føres det året delen er"
        " ferdig. Totalt {total} {currency}: {funding}.",
    ),
    "dec.establishment_plan": (
        "Establishment plan ({currency})",
        "Etableringsplan ({currency})",
        "Etableringsplan ({currency})",
    ),
    "dec.establishment_years": (
        "Establishment cost by year finished ({currency})",
        "Etableringskostnad per år då delen blir klar ({currency})",
        "Etableringskostnad per år delen er ferdig ({currency})",
    ),
    "dec.unpriced": (
        "Items without a price (counted as 0): {items}.",
        "Delar utan pris (räknas som 0): {items}.",
        "Deler uten pris (regnes som 0): {items}.",
    ),
    "dec.col_subproject": ("Sub-project", "Delprojekt", "Delprosjekt"),
    "dec.col_items": ("Items", "Innehåll", "Innhold"),
    "dec.col_start": ("Start", "Start", "Oppstart"),
    "dec.col_finish": ("Finished by", "Klart senast", "Ferdig innen"),
    "dec.col_price": ("Price", "Pris", "Pris"),
    "dec.col_funding": ("Funding", "Finansiering", "Finansiering"),
    "dec.col_year": ("Year", "År", "År"),
    "dec.total": ("Total", "Totalt", "Totalt"),
    "dec.quarter": ("Q{quarter} {year}", "kv. {quarter} {year}", "{quarter}. kv. {year}"),
    "code.funding.investment": ("investment", "investering", "investering"),
    "code.funding.operations": (
        "paid from operations",
        "betalas av driften",
        "tas av drift",
    ),
    # -- projection ---------------------------------------------------------------------
    "dec.projection_table": (
        "Projection ({unit}): {study}",
        "Prognos ({unit}): {study}",
        "Prognose ({unit}): {study}",
    ),
    "dec.projection_saving": (
        "Saving over {years} (the years with both scenarios): {without} − {with_} ="
        " {saving} {unit}.",
        "Besparing {years} (åren med båda scenarierna): {without} − {with_} = {saving} {unit}.",
        "Besparelse {years} (årene med begge scenarioene): {without} − {with_} = {saving} {unit}.",
    ),
    "dec.col_cost_without": (
        "Cost without collaboration",
        "Kostnad utan samverkan",
        "Kostnad uten samarbeid",
    ),
    "dec.col_cost_with": (
        "Cost with collaboration",
        "Kostnad med samverkan",
        "Kostnad med samarbeid",
    ),
    "dec.col_cost_saving": ("Saving", "Besparing", "Besparelse"),
    "dec.col_staff_without": (
        "IT staff without collaboration",
        "IT-personal utan samverkan",
        "Antall ansatte IKT-drift uten samarbeid",
    ),
    "dec.col_staff_with": (
        "IT staff with collaboration",
        "IT-personal med samverkan",
        "Antall ansatte IKT-drift med samarbeid",
    ),
    "dec.col_staff_saving": ("Fewer staff", "Färre personal", "Færre ansatte"),
    "dec.sum_years": ("Sum {years}", "Summa {years}", "Sum {years}"),
    "dec.file_note": (
        "Note of the input file: {note}",
        "Anmärkning i indatafilen: {note}",
        "Merknad i inndatafilen: {note}",
    ),
    "dec.note": (
        "Note in the source: {note}",
        "Anmärkning i källan: {note}",
        "Merknad i kilden: {note}",
    ),
    # -- IT-cost comparison -------------------------------------------------------------
    "dec.it_costs_intro": (
        "IT cost per inhabitant, per employee and per device, each counted under the"
        " definition named beside it: what IT cost includes and excludes differs between"
        " municipalities (telephony, digitalisation), so compare only figures counted alike.",
        "IT-kostnad per invånare, per anställd och per enhet, var och en räknad enligt"
        " definitionen bredvid: vad som ingår i IT-kostnaden skiljer sig mellan kommunerna"
        " (telefoni, digitalisering), så jämför bara siffror som räknats på samma sätt.",
        "IKT-kostnad per innbygger, per ansatt og per enhet, hver regnet etter definisjonen"
        " ved siden av: hva som inngår i IKT-kostnaden varierer mellom kommunene (telefoni,"
        " digitalisering), så sammenlign bare tall som er regnet på samme måte.",
    ),
    "dec.it_costs_table": (
        "Comparable IT costs: {study}",
        "Jämförbara IT-kostnader: {study}",
        "Sammenlignbare IKT-kostnader: {study}",
    ),
    "dec.definitions": (
        "What the IT cost counts",
        "Vad IT-kostnaden omfattar",
        "Hva IKT-kostnaden omfatter",
    ),
    "dec.col_it_cost": ("IT cost", "IT-kostnad", "IKT-kostnad"),
    "dec.col_per_inhabitant": ("Per inhabitant", "Per invånare", "Per innbygger"),
    "dec.col_per_employee": ("Per employee", "Per anställd", "Per ansatt"),
    "dec.col_per_device": ("Per device", "Per enhet", "Per enhet"),
    "dec.col_counted_as": ("Counted as", "Räknat som", "Regnet som"),
    "dec.col_definition": ("Definition", "Definition", "Definisjon"),
    "dec.col_currency": ("Currency", "Valuta", "Valuta"),
    "dec.col_includes": ("Includes", "Ingår", "Inkludert"),
    "dec.col_excludes": ("Excludes", "Ingår inte", "Ikke inkludert"),
    "dec.comparable_warning": (
        "Not comparable as they stand",
        "Inte jämförbara som de är",
        "Ikke sammenlignbare slik de er",
    ),
    "dec.differs_counts": (
        "{other} counts {items} in its IT cost, {first} does not.",
        "{other} räknar in {items} i sin IT-kostnad, {first} gör det inte.",
        "{other} regner {items} med i sin IKT-kostnad, {first} gjør det ikke.",
    ),
    "dec.differs_leaves_out": (
        "{other} leaves {items} out of its IT cost, {first} does not.",
        "{other} räknar inte in {items} i sin IT-kostnad, {first} gör det.",
        "{other} regner ikke {items} med i sin IKT-kostnad, {first} gjør det.",
    ),
    "dec.differs_currency": (
        "{first} counts in {a}, {other} in {b}.",
        "{first} räknar i {a}, {other} i {b}.",
        "{first} regner i {a}, {other} i {b}.",
    ),
    "dec.differs_year": (
        "{first} counts the costs of {a}, {other} of {b}.",
        "{first} räknar kostnaderna för {a}, {other} för {b}.",
        "{first} regner kostnadene for {a}, {other} for {b}.",
    ),
    "dec.differs_advice": (
        "Compare only figures counted the same way, or restate the costs under one definition.",
        "Jämför bara siffror som räknats på samma sätt, eller räkna om kostnaderna enligt en"
        " definition.",
        "Sammenlign bare tall som er regnet på samme måte, eller regn om kostnadene etter én"
        " definisjon.",
    ),
    "code.cost_part.it_staff": ("IT staff", "IT-personal", "IKT-personell"),
    "code.cost_part.infrastructure": ("infrastructure", "infrastruktur", "infrastruktur"),
    "code.cost_part.licences": ("licences", "licenser", "lisenser"),
    "code.cost_part.client_devices": ("client devices", "klienter", "klienter"),
    "code.cost_part.communication": ("communication", "kommunikation", "kommunikasjon"),
    "code.cost_part.telephony": ("telephony", "telefoni", "telefoni"),
    "code.cost_part.digitalisation_projects": (
        "digitalisation projects",
        "digitaliseringsprojekt",
        "digitaliseringsprosjekter",
    ),
    "code.cost_part.business_system_management": (
        "business system management",
        "systemförvaltning av verksamhetssystem",
        "forvaltning av fagsystemer",
    ),
}

# Sheet names of the decision section's tables in report.xlsx (at most 31 characters).
TEXTS.update(
    {
        "dec.sheet.potential": (
            "Potential per area",
            "Potential per område",
            "Potensial per område",
        ),
        "dec.sheet.groups": ("Potential per group", "Potential per grupp", "Potensial per gruppe"),
        "dec.sheet.criteria": ("Criteria", "Kriterier", "Kriterier"),
        "dec.sheet.scores": ("Scores", "Poäng", "Poeng"),
        "dec.sheet.unscored": (
            "Alternatives unscored",
            "Alternativ utan poäng",
            "Alternativer uten poeng",
        ),
        "dec.sheet.sensitivity": ("Sensitivity", "Känslighet", "Følsomhet"),
        "dec.sheet.key": ("Cost key", "Fördelningsnyckel", "Fordelingsnøkkel"),
        "dec.sheet.allocation": ("Cost sharing", "Kostnadsfördelning", "Kostnadsfordeling"),
        "dec.sheet.establishment": ("Establishment plan", "Etableringsplan", "Etableringsplan"),
        "dec.sheet.establishment_years": (
            "Establishment by year",
            "Etablering per år",
            "Etablering per år",
        ),
        "dec.sheet.projection": ("Projection", "Prognos", "Prognose"),
        "dec.sheet.it_costs": ("IT costs", "IT-kostnader", "IKT-kostnader"),
        "dec.sheet.definitions": (
            "IT cost definitions",
            "IT-kostnadsdefinitioner",
            "IKT-kostnadsdefinisjoner",
        ),
        "dec.rec_flip_outside": (
            "The smallest single weight change that reverses the ranking is {change} ({challenger}"
            " then draws level).",
            "Den minsta enskilda viktändring som vänder rangordningen är {change} ({challenger}"
            " får då lika många poäng).",
            "Den minste enkelte vektendringen som snur rangeringen, er {change} ({challenger} får"
            " da like mange poeng).",
        ),
    }
)
