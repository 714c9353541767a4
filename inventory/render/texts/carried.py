"""Labels of the carried lines of the business case (``gap/carried.py``): yearly costs the
municipalities pay today and after the merger alike (docs/method.md#costs)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "costs.phase.carried": (
        "today and after, per year (unchanged)",
        "i dag och efter, per år (oförändrat)",
        "i dag og etter, per år (uendret)",
    ),
    "gs.cost.carried": (
        "paid today and after alike ({what}, study area {area}): not part of the saving",
        "betalas i dag och efter på samma sätt ({what}, område {area}): ingår inte i besparingen",
        "betales i dag og etter på samme måte ({what}, område {area}): inngår ikke i innsparingen",
    ),
    "gs.cost.carried_licence": (
        "run today by {municipalities}: paid today and after alike, not part of the saving",
        "används i dag av {municipalities}: betalas i dag och efter på samma sätt, ingår"
        " inte i besparingen",
        "brukes i dag av {municipalities}: betales i dag og etter på samme måte, inngår"
        " ikke i innsparingen",
    ),
    "gs.cost.added_licence": (
        "added: not run today by {municipalities}",
        "tillkommer: används inte i dag av {municipalities}",
        "kommer i tillegg: brukes ikke i dag av {municipalities}",
    ),
    "gs.cost.category.client_devices": ("client devices", "klienter", "klienter"),
    "gs.cost.category.infrastructure": ("infrastructure", "infrastruktur", "infrastruktur"),
    "gs.cost.category.communication": ("communication", "kommunikation", "kommunikasjon"),
    "gs.cost.category.licences": ("licences", "licenser", "lisenser"),
    "gs.cost.kept_not_carried": (
        "the reference shares of the areas outside the scope, of today's IT cost less the"
        " carried lines within it",
        "referensandelarna för områdena utanför det gemensamma, av dagens it-kostnad"
        " minskad med de oförändrade posterna i den",
        "referanseandelene for områdene utenfor det felles, av dagens IKT-kostnad"
        " fratrukket de uendrede postene i den",
    ),
    "gs.today.carried_assumed": (
        "taken to hold the renewal, licences and links the inventory shows the"
        " municipality paying (the unchanged lines)",
        "antas rymma den förnyelse, de licenser och förbindelser som inventeringen visar"
        " att kommunen betalar (de oförändrade posterna)",
        "antas å romme fornyelsen, lisensene og linjene kartleggingen viser at kommunen"
        " betaler (de uendrede postene)",
    ),
    "gs.today.carried_outside": (
        "its definition leaves out {what}: those unchanged lines are paid outside today's IT"
        " cost (e.g. by the departments) and are in neither total",
        "definitionen omfattar inte {what}: de oförändrade posterna betalas utanför dagens"
        " it-kostnad (t.ex. av förvaltningarna) och ingår i ingen av summorna",
        "definisjonen omfatter ikke {what}: de uendrede postene betales utenfor dagens"
        " IKT-kostnad (f.eks. av virksomhetene) og inngår ikke i noen av summene",
    ),
    "gs.today.carried_exceeds": (
        "the unchanged lines exceed the stated IT cost: the rest split by area is negative;"
        " check what the stated cost counts",
        "de oförändrade posterna överstiger den angivna it-kostnaden: resten som fördelas per"
        " område är negativ; kontrollera vad den angivna kostnaden omfattar",
        "de uendrede postene overstiger den oppgitte IKT-kostnaden: resten som fordeles per"
        " område er negativ; kontroller hva den oppgitte kostnaden omfatter",
    ),
    "costs.col_carried_in_cost": (
        "Unchanged lines within it",
        "Oförändrade poster i den",
        "Uendrede poster i den",
    ),
    "costs.col_carried_outside_cost": (
        "Unchanged lines outside it",
        "Oförändrade poster utanför den",
        "Uendrede poster utenfor den",
    ),
    "costs.col_not_carried": (
        "Rest (split by area)",
        "Återstår (fördelas per område)",
        "Resten (fordeles per område)",
    ),
}
