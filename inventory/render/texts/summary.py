"""Labels and sentences of the executive summary's first screen (report.board): the
recommended alternative, the figures the board decides on, the largest risks and the
first wave."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "summary.kf_recommended": (
        "Recommended alternative",
        "Rekommenderat alternativ",
        "Anbefalt alternativ",
    ),
    "summary.none_compared": ("none compared", "inga jämförda", "ingen sammenlignet"),
    "summary.none_compared_note": (
        "No study folder was given: no alternatives were compared (inventory report --study DIR).",
        "Ingen utredningsmapp angavs: inga alternativ har jämförts (inventory report --study"
        " MAPP).",
        "Ingen utredningsmappe ble oppgitt: ingen alternativer er sammenlignet (inventory"
        " report --study MAPPE).",
    ),
    "summary.none_scored": ("none scored", "inga poängsatta", "ingen poengsatt"),
    "summary.none_scored_note": (
        "The study scores no alternatives: there is no recommendation.",
        "Utredningen poängsätter inga alternativ: det finns ingen rekommendation.",
        "Utredningen poengsetter ingen alternativer: det finnes ingen anbefaling.",
    ),
    "summary.lead": (
        "{points} points to {runner_points} ({runner})",
        "{points} poäng mot {runner_points} ({runner})",
        "{points} poeng mot {runner_points} ({runner})",
    ),
    "summary.only_one": (
        "the only alternative scored",
        "det enda poängsatta alternativet",
        "det eneste poengsatte alternativet",
    ),
    "summary.tied": (
        "tied with {runner} at {points} points: no lead",
        "lika med {runner} på {points} poäng: ingen ledning",
        "likt med {runner} på {points} poeng: ingen ledelse",
    ),
    "summary.robust": (
        "robust: no change of one weight by up to half reverses it",
        "robust: ingen ändring av en vikt med upp till hälften vänder rangordningen",
        "robust: ingen endring av én vekt med inntil halvparten snur rangeringen",
    ),
    "summary.not_robust_flip": (
        "not robust: criterion {criterion}'s weight {weight_from} → {tie_weight} ties it with"
        " {challenger}",
        "inte robust: vikten för kriterium {criterion} {weight_from} → {tie_weight} ger lika"
        " med {challenger}",
        "ikke robust: vekten for kriterium {criterion} {weight_from} → {tie_weight} gir likt"
        " med {challenger}",
    ),
    "summary.not_robust_step": (
        "not robust: one score step on the heaviest criterion would tie it",
        "inte robust: ett poängsteg på det tyngsta kriteriet skulle ge lika",
        "ikke robust: ett poengtrinn på det tyngste kriteriet ville gi likt",
    ),
    "summary.kf_first_wave": ("First wave starts", "Första vågen startar", "Første bølge starter"),
    "summary.first_wave_note": (
        "wave {wave}: {domains}, until {end}",
        "våg {wave}: {domains}, till {end}",
        "bølge {wave}: {domains}, til {end}",
    ),
    "summary.payback_after": ("after {year}", "efter {year}", "etter {year}"),
    "summary.payback_note_year": (
        "year {year} from the plan's start",
        "år {year} från planens start",
        "år {year} fra planens start",
    ),
    "summary.risks_intro": (
        "The three largest of the {total} risks in the register:",
        "De tre största av registrets {total} risker:",
        "De tre største av registerets {total} risikoer:",
    ),
    "summary.risks_note": (
        "Likelihood and consequence 1–5 each, ordered by their product; wave: the wave of the"
        " plan that removes the risk, — where no item of the plan does.",
        "Sannolikhet och konsekvens 1–5 vardera, ordnade efter sin produkt; våg: den våg i"
        " planen som tar bort risken, — där ingen åtgärd i planen gör det.",
        "Sannsynlighet og konsekvens 1–5 hver, ordnet etter produktet; bølge: bølgen i"
        " planen som fjerner risikoen, — der ingen tiltak i planen gjør det.",
    ),
    "summary.risks_title": ("Largest risks", "Största riskerna", "Største risikoer"),
    "summary.no_risks": (
        "The risk register holds no risk.",
        "Riskregistret innehåller ingen risk.",
        "Risikoregisteret inneholder ingen risiko.",
    ),
}
