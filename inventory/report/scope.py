"""The target's scope in the report: which study areas the joint operation runs and which
stay with each municipality (``GapReport.scope``; docs/method.md#alternatives)."""

from __future__ import annotations

from inventory.gap.result import GapReport
from inventory.render.document import Block, Paragraph
from inventory.render.i18n import Lang, t
from inventory.report.tables import ColumnSpec, frame_table

_COLUMNS = (
    ColumnSpec("area", "scope.col_area"),
    ColumnSpec("name", "scope.col_name"),
    ColumnSpec("study_name", "scope.col_study_name"),
    ColumnSpec("joint", "scope.col_joint", "bool"),
    ColumnSpec("capabilities", "scope.col_capabilities"),
    ColumnSpec("actions", "scope.col_actions"),
)


def scope_blocks(gap: GapReport, lang: Lang) -> list[Block]:
    """One sentence naming the areas outside the scope (never silent), and the areas table."""
    table = gap.scope
    if table.empty:  # a report built without a scope table
        return []
    joint = table.loc[table["joint"], "area"].tolist()
    outside = table.loc[~table["joint"]]
    if outside.empty:
        text = t("scope.joint_all", lang)
    else:
        text = t(
            "scope.joint_some",
            lang,
            joint=", ".join(joint) or "-",
            outside="; ".join(f"{row.area} {row.name}" for row in outside.itertuples(index=False)),
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
