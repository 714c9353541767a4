"""Labels of the target's own lifecycle check: the target's minimum releases against the
lifecycle catalogue at the report date and at the plan's end (docs/method.md#end-of-life)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "tl.title": (
        "The target's own releases and the plan's end",
        "Målarkitekturens egna versioner och planens slut",
        "Målarkitekturens egne versjoner og planens slutt",
    ),
    "tl.method": (
        "Every product and minimum version the target names is looked up in the lifecycle"
        " catalogue as of the report date and as of the plan's end ({end}): a minimum that"
        " is out of support before the plan ends, or within {months} months after it, has"
        " every asset upgraded to a release that will soon need the next upgrade.",
        "Varje produkt och lägsta version som målarkitekturen anger slås upp i"
        " livscykelkatalogen per rapportdatum och per planens slut ({end}): en lägsta"
        " version vars support slutar innan planen är klar, eller inom {months} månader"
        " därefter, gör att varje komponent uppgraderas till en version som snart behöver"
        " nästa uppgradering.",
        "Hvert produkt og laveste versjon målarkitekturen angir slås opp i"
        " livssykluskatalogen per rapportdato og per planens slutt ({end}): en laveste"
        " versjon der støtten tar slutt før planen er ferdig, eller innen {months} måneder"
        " etter, gjør at hver komponent oppgraderes til en versjon som snart trenger neste"
        " oppgradering.",
    ),
    "tl.past": (
        "The target's {product} {min_version} is already past its end of support ({eol})",
        "Målarkitekturens {product} {min_version} har redan passerat supportslut ({eol})",
        "Målarkitekturens {product} {min_version} er allerede uten leverandørstøtte ({eol})",
    ),
    "tl.ends_in_plan": (
        "The target's {product} {min_version} reaches its end of support on {eol}, before"
        " the plan ends ({end})",
        "Målarkitekturens {product} {min_version} når supportslut {eol}, innan planen är"
        " klar ({end})",
        "Målarkitekturens {product} {min_version} mister leverandørstøtte {eol}, før planen"
        " er ferdig ({end})",
    ),
    "tl.ends_after_plan": (
        "The target's {product} {min_version} reaches its end of support on {eol}, within"
        " {months} months after the plan ends ({end})",
        "Målarkitekturens {product} {min_version} når supportslut {eol}, inom {months}"
        " månader efter att planen är klar ({end})",
        "Målarkitekturens {product} {min_version} mister leverandørstøtte {eol}, innen"
        " {months} måneder etter at planen er ferdig ({end})",
    ),
    "tl.unknown": (
        "The lifecycle catalogue has no end-of-support date for the target's {product}"
        " {min_version}: check its support until the plan ends ({end}) by hand.",
        "Livscykelkatalogen har inget datum för supportslut för målarkitekturens {product}"
        " {min_version}: kontrollera för hand att den har support tills planen är klar"
        " ({end}).",
        "Livssykluskatalogen har ingen dato for slutt på støtte for målarkitekturens"
        " {product} {min_version}: kontroller for hånd at den har støtte til planen er"
        " ferdig ({end}).",
    ),
    "tl.fix.raise": (
        ": raise min_version to {option} (supported until {until}).",
        ": höj lägsta version till {option} (support till {until}).",
        ": hev laveste versjon til {option} (støtte til {until}).",
    ),
    "tl.fix.raise_open": (
        ": raise min_version to {option} (no end announced).",
        ": höj lägsta version till {option} (inget supportslut aviserat).",
        ": hev laveste versjon til {option} (ingen slutt på støtte varslet).",
    ),
    "tl.fix.longest": (
        ": no release the catalogue knows is supported that long (the longest: {option},"
        " until {until}): raise min_version to it and plan the next upgrade.",
        ": ingen version som katalogen känner till har support så länge (längst: {option},"
        " till {until}): höj lägsta version till den och planera nästa uppgradering.",
        ": ingen versjon katalogen kjenner har støtte så lenge (lengst: {option}, til"
        " {until}): hev laveste versjon til den og planlegg neste oppgradering.",
    ),
    "tl.fix.next": (
        ": no release the catalogue knows is supported longer: plan the next upgrade"
        " (budget it, or choose another product).",
        ": ingen version som katalogen känner till har längre support: planera nästa"
        " uppgradering (budgetera den, eller välj en annan produkt).",
        ": ingen versjon katalogen kjenner har lengre støtte: planlegg neste oppgradering"
        " (budsjetter den, eller velg et annet produkt).",
    ),
    "tl.fix.generic": (
        ": raise min_version or plan the next upgrade.",
        ": höj lägsta version eller planera nästa uppgradering.",
        ": hev laveste versjon eller planlegg neste oppgradering.",
    ),
    "tl.sheet": ("Target lifecycle", "Målets livscykel", "Målets livssyklus"),
    "tl.col_at_report": ("At the report date", "Per rapportdatum", "Per rapportdato"),
    "tl.col_at_plan_end": ("At the plan's end", "Vid planens slut", "Ved planens slutt"),
    "tl.col_option": ("Raise to version", "Höj till version", "Hev til versjon"),
    "tl.col_option_eol": ("Supported until", "Support till", "Støtte til"),
    "tl.col_end_of_support": ("End of support", "Supportslut", "Slutt på støtte"),
    "tl.state.supported": ("supported", "har support", "har støtte"),
    "tl.state.ending": ("ending within the horizon", "supportslut inom horisonten",
                        "støtten slutter innen horisonten"),
    "tl.state.end_of_life": ("out of support", "supportslut passerat", "uten støtte"),
    "tl.state.evergreen": ("continuously updated", "uppdateras löpande", "oppdateres løpende"),
    "tl.state.unknown": ("not known", "okänt", "ukjent"),
}
