"""Labels of the readiness figures and of the risk-ranked gaps (docs/method.md#readiness,
#risk)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "readiness.method": (
        "Readiness per capability is the share of its assets that run a target product at a"
        " supported version, on the joint instance where the target keeps one, and are neither"
        " past nor within {horizon} months of their end of life (a capability the target runs"
        " that a municipality lacks counts 0 %); a domain is the mean of its capabilities and"
        " the overall figure the mean of the domains, so a large client fleet weighs as one"
        " capability, not by its number of devices.",
        "Förutsättningarna per förmåga är andelen av dess komponenter som kör en målprodukt i"
        " en version med support, i den gemensamma instansen där målet har en, och vars"
        " support varken har upphört eller upphör inom {horizon} månader (en förmåga som målet"
        " har och som en kommun saknar räknas som 0 %); en domän är medelvärdet av sina"
        " förmågor och"
        " totalen medelvärdet av domänerna, så en stor klientflotta väger som en förmåga, inte"
        " efter antalet enheter.",
        "Utgangspunktet per kapabilitet er andelen av komponentene som kjører et målprodukt i"
        " en versjon med støtte, i den felles instansen der målet har en, og som verken har"
        " mistet støtten eller mister den innen {horizon} måneder (en kapabilitet målet har og"
        " som en"
        " kommune mangler, teller 0 %); et domene er gjennomsnittet av kapabilitetene og totalen"
        " gjennomsnittet av domenene, så en stor klientflåte veier som én kapabilitet, ikke"
        " etter antall enheter."),
    "readiness.all": ("All together", "Alla tillsammans", "Alle samlet"),
    "readiness.all_note": (
        "All together: the mean of the municipalities' figures, each municipality counting"
        " once.",
        "Alla tillsammans: medelvärdet av kommunernas siffror, där varje kommun räknas en"
        " gång.",
        "Alle samlet: gjennomsnittet av kommunenes tall, der hver kommune teller én gang."),
    "readiness.overall": ("Overall", "Totalt", "Totalt"),
    "readiness.domains_title": (
        "Readiness per domain", "Förutsättningar per domän", "Utgangspunkt per domene"),
    "readiness.capabilities_title": (
        "Readiness per capability", "Förutsättningar per förmåga",
        "Utgangspunkt per kapabilitet"),
    "readiness.col_ready": ("Ready", "Klara", "Klare"),
    "readiness.col_capabilities": ("Capabilities", "Förmågor", "Kapabiliteter"),
    "readiness.sheet_capabilities": (
        "Readiness per capability", "Förutsättningar per förmåga",
        "Utgangspunkt per kapabilitet"),
    # risk-ranked gaps
    "risk.method": (
        "Gaps ranked by risk = consequence × exposure, each 1–5: consequence is the highest"
        " of the criticality of the affected applications, their number and the people"
        " affected (users or devices); exposure adds end of life (past 3, within the horizon"
        " 2, else 1), a single point of failure (+1) and no redundant interconnect (+1).",
        "Gapen rangordnade efter risk = konsekvens × exponering, var och en 1–5: konsekvensen"
        " är det högsta av de berörda systemens kritikalitet, deras antal och antalet berörda"
        " personer (användare eller enheter); exponeringen lägger ihop supportslut (passerat"
        " 3, inom horisonten 2, annars 1), en enskild felpunkt (+1) och ingen redundant"
        " förbindelse (+1).",
        "Gapene rangert etter risiko = konsekvens × eksponering, hver 1–5: konsekvensen er"
        " det høyeste av de berørte systemenes kritikalitet, antallet deres og antallet"
        " berørte personer (brukere eller enheter); eksponeringen legger sammen slutt på"
        " støtte (passert 3, innen horisonten 2, ellers 1), et enkelt feilpunkt (+1) og ingen"
        " redundant forbindelse (+1)."),
    "risk.title": ("Gaps ranked by risk", "Gapen efter risk", "Gapene etter risiko"),
    "risk.col_rank": ("Rank", "Placering", "Rangering"),
    "risk.col_gap": ("Gap", "Gap", "Gap"),
    "risk.col_consequence": ("Consequence", "Konsekvens", "Konsekvens"),
    "risk.col_exposure": ("Exposure", "Exponering", "Eksponering"),
    "risk.col_risk": ("Risk", "Risk", "Risiko"),
    "risk.col_reasons": ("Why", "Varför", "Hvorfor"),
    "risk.col_applications": (
        "Affected applications", "Berörda system", "Berørte systemer"),
    "risk.col_people": ("People affected", "Berörda personer", "Berørte personer"),
    "risk.sheet": ("Risks", "Risker", "Risikoer"),
}
