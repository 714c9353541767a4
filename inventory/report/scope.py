"""The target's scope in the report: which study areas the joint operation runs and which
stay with each municipality (``GapReport.scope``; docs/method.md#alternatives)."""

from __future__ import annotations

from inventory.gap.result import GapReport
from inventory.language.i18n import Lang, code_text, t
from inventory.render.document import Block, Paragraph
from inventory.report.tables import ColumnSpec, frame_table

_COLUMNS = (
    ColumnSpec("area", "scope.col_area"),
    ColumnSpec("area_name", "scope.col_name"),
    ColumnSpec("study_name", "scope.col_study_name"),
    ColumnSpec("joint", "scope.col_joint", "bool"),
    ColumnSpec("capabilities_shown", "scope.col_capabilities"),
    ColumnSpec("actions_shown", "scope.col_actions"),
)


def _codes(joined: str, family: str, lang: Lang) -> str:
    """A comma-joined list of codes (``Scope.table``) in ``lang``; ``other <domain>`` is
    what of a domain no capability names."""
    shown = []
    for code in (part.strip() for part in joined.split(",") if part.strip()):
        other, _, domain = code.partition(" ")
        shown.append(
            t("gs.scope.other", lang, domain=code_text("domain", domain, lang))
            if other == "other" and domain
            else code_text(family, code, lang)
        )
    return ", ".join(shown)


def scope_blocks(gap: GapReport, lang: Lang) -> list[Block]:
    """One sentence naming the areas outside the scope (never silent), and the areas table."""
    table = gap.scope
    if table.empty:  # a report built without a scope table
        return []
    # the area names and the codes in the report's language (twelve rows)
    table = table.assign(
        area_name=[code_text("study_area", area, lang) for area in table["area"]],
        capabilities_shown=[_codes(text, "capability", lang) for text in table["capabilities"]],
        actions_shown=[_codes(text, "action", lang) for text in table["actions"]],
    )
    joint = table.loc[table["joint"], "area"].tolist()
    outside = table.loc[~table["joint"]]
    if outside.empty:
        text = t("scope.joint_all", lang)
    else:
        text = t(
            "scope.joint_some",
            lang,
            joint=", ".join(joint) or "-",
            outside="; ".join(
                f"{row.area} {row.area_name}" for row in outside.itertuples(index=False)
            ),
        )
    return [
        Paragraph(text=text, method="alternatives"),
        frame_table(
            t("scope.title", lang),
            table,
            _COLUMNS,
            lang,
            table_id="gap-scope",
            name=t("scope.col_area", lang),
        ),
    ]
