"""Labels of the alternatives costed beside the study's scores (docs/method.md#alternatives).

Swedish and Norwegian as the studies write them: alternativ, omfattning / omfang,
engångskostnad / engangskostnad, årlig besparing / årlig besparelse, nettonuvärde /
netto nåverdi, förutsättningar / utgangspunkt (the readiness figure's word in this
report: docs/glossary.md).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "alt.title": (
        "Alternatives scored and costed",
        "Alternativ med poäng och kostnad",
        "Alternativer med poeng og kostnad",
    ),
    "alt.method": (
        "Each alternative's figures come from the gap of its own target file (its scope: the"
        " study areas run jointly) over this inventory on the same date: one-time cost as a"
        " range, yearly saving, payback year and net present value from its business case,"
        " effort in hours, the plan's length in months, the gaps ranked high risk (score"
        " {high} or more of 25) and the sum of the {top} highest scores, and readiness. Areas"
        " outside a scope stay with each municipality and are in none of its figures.",
        "Varje alternativs siffror kommer från gapanalysen av dess egen målfil (dess"
        " omfattning: de utredningsområden som drivs gemensamt) mot denna inventering samma"
        " datum: engångskostnad som ett intervall, årlig besparing, återbetalningsår och"
        " nettonuvärde från dess kalkyl, insats i timmar, planens längd i månader, gapen med"
        " hög risk (poäng {high} eller mer av 25) och summan av de {top} högsta poängen, samt"
        " förutsättningar. Områden utanför en omfattning ligger kvar hos varje kommun och"
        " ingår inte i"
        " någon av dess siffror.",
        "Hvert alternativs tall kommer fra gapanalysen av dets egen målfil (dets omfang:"
        " utredningsområdene som drives felles) mot denne kartleggingen samme dato:"
        " engangskostnad som et intervall, årlig besparelse, tilbakebetalingsår og netto"
        " nåverdi fra kalkylen, innsats i timer, planens lengde i måneder, gapene med høy"
        " risiko (poeng {high} eller mer av 25) og summen av de {top} høyeste poengene, og"
        " utgangspunkt. Områder utenfor et omfang blir værende hos hver kommune og inngår ikke i"
        " noen av tallene.",
    ),
    "alt.not_costed": (
        "No alternative of the study names a target file (`target:` in its alternatives"
        " file): the alternatives are scored, not costed.",
        "Inget alternativ i utredningen anger en målfil (`target:` i alternativfilen):"
        " alternativen har poäng men ingen kostnad.",
        "Ingen alternativer i utredningen angir en målfil (`target:` i alternativfilen):"
        " alternativene har poeng, men ingen kostnad.",
    ),
    "alt.this_target": ("This report's target", "Denna rapports mål", "Denne rapportens mål"),
    "alt.notes": ("About the comparison", "Om jämförelsen", "Om sammenligningen"),
    "alt.col_scope": (
        "Scope (areas run jointly)",
        "Omfattning (gemensamma områden)",
        "Omfang (felles områder)",
    ),
    "alt.col_one_time": ("One-time cost", "Engångskostnad", "Engangskostnad"),
    "alt.col_saving": (
        "Yearly saving (expected)",
        "Årlig besparing (förväntad)",
        "Årlig besparelse (forventet)",
    ),
    "alt.col_payback": ("Payback year", "Återbetalningsår", "Tilbakebetalingsår"),
    "alt.col_npv": (
        "Net present value (expected)",
        "Nettonuvärde (förväntat)",
        "Netto nåverdi (forventet)",
    ),
    "alt.col_hours": ("Effort (hours)", "Insats (timmar)", "Innsats (timer)"),
    "alt.col_months": ("Plan (months)", "Plan (månader)", "Plan (måneder)"),
    "alt.col_high_risks": ("High risks", "Höga risker", "Høye risikoer"),
    "alt.col_risk_top": (
        "Sum of top risk scores",
        "Summa av högsta riskpoäng",
        "Sum av høyeste risikopoeng",
    ),
    "alt.col_readiness": ("Readiness", "Förutsättningar", "Utgangspunkt"),
    "alt.col_score": ("Criteria score", "Poäng mot kriterierna", "Poeng mot kriteriene"),
    # the target's scope in the gap section (gap/scope.py)
    "scope.title": (
        "Scope: the study areas run jointly",
        "Omfattning: områden som drivs gemensamt",
        "Omfang: områder som drives felles",
    ),
    "scope.joint_all": (
        "The target runs every study area jointly (A1-A4, B-I): the whole inventory is in the gap.",
        "Målet driver alla utredningsområden gemensamt (A1-A4, B-I): hela inventeringen"
        " ingår i gapanalysen.",
        "Målet driver alle utredningsområdene felles (A1-A4, B-I): hele kartleggingen"
        " inngår i gapanalysen.",
    ),
    "scope.joint_some": (
        "The target runs {joint} jointly. Outside its scope: {outside}. There each"
        " municipality keeps its own: those capabilities, their assets and their work are in"
        " none of the figures of this report (gap matrix, readiness, end of life, risks,"
        " plan, cost).",
        "Målet driver {joint} gemensamt. Utanför omfattningen: {outside}. Där behåller varje"
        " kommun sitt eget: de förmågorna, deras komponenter och deras arbete ingår inte i"
        " någon av rapportens siffror (gapmatris, förutsättningar, supportslut, risker, plan,"
        " kostnad).",
        "Målet driver {joint} felles. Utenfor omfanget: {outside}. Der beholder hver kommune"
        " sitt eget: de kapabilitetene, komponentene og arbeidet inngår ikke i noen av"
        " rapportens tall (gapmatrise, utgangspunkt, slutt på støtte, risikoer, plan,"
        " kostnad).",
    ),
    "scope.col_area": ("Area", "Område", "Område"),
    "scope.col_name": ("Name", "Namn", "Navn"),
    "scope.col_study_name": ("In the study", "I utredningen", "I utredningen"),
    "scope.col_joint": ("Run jointly", "Gemensamt", "Felles"),
    "scope.col_capabilities": (
        "Capabilities and domains",
        "Förmågor och domäner",
        "Kapabiliteter og domener",
    ),
    "scope.col_actions": ("Kinds of work", "Typer av arbete", "Typer arbeid"),
}
