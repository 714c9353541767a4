"""The report's risk-ranked gaps: the top ten in the summary, every gap in the gap section,
each with its consequence, exposure and why (docs/method.md#risk)."""

from __future__ import annotations

from typing import Any

from inventory.gap.result import GapReport
from inventory.render.document import Paragraph
from inventory.render.i18n import Lang, t
from inventory.report.tables import ColumnSpec, frame_table

TOP_GAPS = 10

_COLUMNS = [
    ColumnSpec("rank", "risk.col_rank", "int"), ColumnSpec("gap", "risk.col_gap"),
    ColumnSpec("municipality", "column.municipality"), ColumnSpec("domain", "column.domain"),
    ColumnSpec("product", "column.product"), ColumnSpec("cycle", "column.version"),
    ColumnSpec("status", "column.status"), ColumnSpec("eol", "column.end_of_life", "date"),
    ColumnSpec("assets", "column.assets", "int"),
    ColumnSpec("applications", "risk.col_applications", "int"),
    ColumnSpec("people", "risk.col_people", "int"),
    ColumnSpec("consequence", "risk.col_consequence", "int"),
    ColumnSpec("exposure", "risk.col_exposure", "int"),
    ColumnSpec("risk", "risk.col_risk", "int"),
    ColumnSpec("reasons", "risk.col_reasons"),
]


def risk_method(lang: Lang) -> Paragraph:
    """The ranking in one sentence, linked to docs/method.md#risk."""
    return Paragraph(text=t("risk.method", lang), method="risk")


def top_gaps(gap: GapReport, lang: Lang, limit: int = TOP_GAPS) -> list[Any]:
    """The method sentence and the ``limit`` gaps of highest risk (summary)."""
    top = gap.risks.sort_values("rank").head(limit)
    return [risk_method(lang),
            frame_table(t("section.top_gaps", lang), top, _COLUMNS, lang,
                        table_id="summary-top-gaps", name=t("rb.sheet_top_gaps", lang))]


def risk_blocks(gap: GapReport, lang: Lang) -> list[Any]:
    """The method sentence and every gap, ranked (gap section)."""
    return [risk_method(lang),
            frame_table(t("risk.title", lang), gap.risks.sort_values("rank"), _COLUMNS, lang,
                        table_id="gap-risks", name=t("risk.sheet", lang))]
