"""Labels of the target-state diagram (``render.views.target``): what each target building
block holds today and what each capability gives up (docs/method.md#target-state)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str]] = {
    "target_view.products": ("{count} products", "{count} produkter", "{count} produkter"),
    "target_view.product": ("{count} product", "{count} produkt", "{count} produkt"),
    "target_view.assets": ("{count} assets", "{count} tillgångar", "{count} eiendeler"),
    "target_view.asset": ("{count} asset", "{count} tillgång", "{count} eiendel"),
    "target_view.kept": (
        "Kept · {assets}",
        "Behålls · {assets}",
        "Beholdes · {assets}",
    ),
    "target_view.to_upgrade": (
        "{assets} to upgrade",
        "{assets} ska uppgraderas",
        "{assets} skal oppgraderes",
    ),
    "target_view.changed": (
        "Changed · {assets} to upgrade",
        "Ändras · {assets} ska uppgraderas",
        "Endres · {assets} skal oppgraderes",
    ),
    "target_view.new": (
        "New · runs nowhere today",
        "Ny · används inte i dag",
        "Ny · brukes ikke i dag",
    ),
    "target_view.new_here": (
        "New here · not run today",
        "Ny här · används inte i dag",
        "Ny her · brukes ikke i dag",
    ),
    "target_view.municipalities": (
        "in {count} of {total} municipalities",
        "i {count} av {total} kommuner",
        "i {count} av {total} kommuner",
    ),
    "target_view.eliminated": (
        "Eliminated: {products}, {assets}",
        "Utgår: {products}, {assets}",
        "Utgår: {products}, {assets}",
    ),
    "target_view.no_target_product": (
        "the target names no product: check",
        "målbilden anger ingen produkt: kontrollera",
        "målbildet angir ikke noe produkt: kontroller",
    ),
    "target_view.no_standard": (
        "No product standard: {products}, {assets}",
        "Ingen produktstandard: {products}, {assets}",
        "Ingen produktstandard: {products}, {assets}",
    ),
    "target_view.due": (
        "{assets} past or near end of life: renewed",
        "{assets} har passerat eller når snart supportslut: förnyas",
        "{assets} har passert eller nærmer seg støtteslutt: fornyes",
    ),
    "target_view.legend_eliminated": (
        "Eliminated per capability (products, assets)",
        "Utgår per förmåga (produkter, tillgångar)",
        "Utgår per kapabilitet (produkter, eiendeler)",
    ),
    "target_view.legend_no_standard": (
        "No product standard: kept, renewed like for like",
        "Ingen produktstandard: behålls, förnyas med likvärdigt",
        "Ingen produktstandard: beholdes, fornyes med tilsvarende",
    ),
    "target_view.legend_replaced": ("replaced by", "ersätts av", "erstattes av"),
    "target_view.empty": (
        "The target names no building block and nothing is inventoried.",
        "Målbilden anger inga byggblock och inget är kartlagt.",
        "Målbildet angir ingen byggeklosser og ingenting er kartlagt.",
    ),
}
