"""Texts of the end-of-life check of the plan: every asset past or near its end of life
has an item that removes it, or a decision the board must take (gap/eol_plan.py,
docs/method.md#every-end-of-life-asset-is-dealt-with)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "eol.item.replatform": (
        "from {site}, re-platformed onto the target clusters: its hardware support ended {date}",
        "från {site}, flyttas till målklustren som virtuell server: hårdvarans support"
        " upphörde {date}",
        "fra {site}, flyttes til målklyngene som virtuell server: maskinvarestøtten"
        " opphørte {date}",
    ),
    "eol.decision.no_target_product": (
        "no action planned: the target names no product for {capability}; decide a target product",
        "ingen åtgärd planerad: målarkitekturen anger ingen produkt för {capability};"
        " besluta om en målprodukt",
        "ingen tiltak planlagt: målarkitekturen angir ikke noe produkt for {capability};"
        " besluttes et målprodukt",
    ),
    "eol.decision.target_minimum_ends": (
        "no action planned: it is on the target's minimum release for {capability},"
        " which itself ends within the horizon; raise the target's minimum",
        "ingen åtgärd planerad: den har målarkitekturens lägsta version för"
        " {capability}, som själv når supportslut inom horisonten; höj lägsta version",
        "ingen tiltak planlagt: den har målarkitekturens laveste versjon for"
        " {capability}, som selv når støtteslutt innenfor horisonten; hev laveste"
        " versjon",
    ),
    "eol.decision.not_planned": (
        "no action planned for {capability}: decide whether to upgrade, replace or retire it",
        "ingen åtgärd planerad för {capability}: besluta om uppgradering, ersättning"
        " eller avveckling",
        "ingen tiltak planlagt for {capability}: besluttes oppgradering, erstatning"
        " eller avvikling",
    ),
    "eol.note.no_target_product": (
        "{count} assets past or near their end of life have no action planned: the"
        " target names no product for their capability, a target product must be"
        " decided ({assets}).",
        "{count} komponenter som passerat eller närmar sig supportslut har ingen åtgärd"
        " planerad: målarkitekturen anger ingen produkt för deras förmåga, en målprodukt"
        " måste beslutas ({assets}).",
        "{count} komponenter som har passert eller nærmer seg støtteslutt har ingen"
        " tiltak planlagt: målarkitekturen angir ikke noe produkt for deres kapabilitet,"
        " et målprodukt må besluttes ({assets}).",
    ),
    "eol.note.target_minimum_ends": (
        "{count} assets are on the target's minimum release, which itself reaches its"
        " end of life within the horizon: no action is planned until the target's"
        " minimum is raised ({assets}).",
        "{count} komponenter har målarkitekturens lägsta version, som själv når"
        " supportslut inom horisonten: ingen åtgärd planeras förrän lägsta version"
        " höjs ({assets}).",
        "{count} komponenter har målarkitekturens laveste versjon, som selv når"
        " støtteslutt innenfor horisonten: ingen tiltak planlegges før laveste versjon"
        " heves ({assets}).",
    ),
    "eol.note.not_planned": (
        "{count} assets past or near their end of life have no action planned: decide"
        " whether to upgrade, replace or retire them ({assets}).",
        "{count} komponenter som passerat eller närmar sig supportslut har ingen åtgärd"
        " planerad: besluta om uppgradering, ersättning eller avveckling ({assets}).",
        "{count} komponenter som har passert eller nærmer seg støtteslutt har ingen"
        " tiltak planlagt: besluttes oppgradering, erstatning eller avvikling"
        " ({assets}).",
    ),
}
