"""The target's own lifecycle in the gap section: a warning per minimum release that is out
of support before the plan ends, and the table of every minimum (docs/method.md#end-of-life).
The sentences are said from ``GapReport.target_lifecycle`` in the report's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inventory.gap.result import GapReport
from inventory.gap.target_check import WARN, fix_kind
from inventory.language.formatting import format_date
from inventory.language.i18n import Lang, t
from inventory.render.document import Callout, Paragraph
from inventory.report.tables import ColumnSpec, frame_table

_COLUMNS = [
    ColumnSpec("capability", "column.capability", codes="capability"),
    ColumnSpec("product", "column.product"),
    ColumnSpec("min_version", "rb.col_min_version"),
    ColumnSpec("eol", "tl.col_end_of_support", "date"),
    ColumnSpec("at_report", "tl.col_at_report"),
    ColumnSpec("at_plan_end", "tl.col_at_plan_end"),
    ColumnSpec("option", "tl.col_option"),
    ColumnSpec("option_eol", "tl.col_option_eol", "date"),
]


def _day(value: object, lang: Lang) -> str:
    """A date of the lifecycle table in ``lang``'s short form (text as it is otherwise)."""
    return format_date(value, lang) if isinstance(value, dt.date) else str(value)


def target_lifecycle_sentences(gap: GapReport, lang: Lang) -> list[str]:
    """One warning sentence per minimum of the target out of support too soon."""
    months = gap.horizon_months
    sentences = []
    for row in gap.target_lifecycle.itertuples(index=False):
        if row.verdict not in WARN:
            continue
        names = {
            "product": row.product,
            "min_version": row.min_version,
            "eol": _day(row.eol, lang),
            "end": _day(row.plan_end, lang),
            "months": months,
        }
        if row.verdict == "unknown":
            sentences.append(t("tl.unknown", lang, **names))
            continue
        fix = fix_kind(row.option, row.option_eol, row.min_version, row.plan_end, months)
        sentences.append(
            t(f"tl.{row.verdict!s}", lang, **names)
            + t(f"tl.fix.{fix}", lang, option=row.option, until=_day(row.option_eol, lang))
        )
    return sentences


def target_lifecycle_blocks(gap: GapReport, lang: Lang) -> list[Any]:
    """The warning callout (when a minimum ends too soon), the method sentence and the
    table; nothing when the target names no minimum version."""
    table = gap.target_lifecycle
    if table.empty:
        return []
    blocks: list[Any] = []
    sentences = target_lifecycle_sentences(gap, lang)
    if sentences:
        blocks.append(
            Callout(level="warning", title=t("tl.title", lang), text="\n".join(sentences))
        )
    end = table["plan_end"].iloc[0]
    blocks.append(
        Paragraph(
            text=t("tl.method", lang, end=_day(end, lang), months=gap.horizon_months),
            method="end-of-life",
        )
    )
    shown = table.assign(
        at_report=[t(f"tl.state.{state}", lang) for state in table["state_at_report"]],
        at_plan_end=[t(f"tl.state.{state}", lang) for state in table["state_at_plan_end"]],
    )
    blocks.append(
        frame_table(
            t("tl.title", lang),
            shown,
            _COLUMNS,
            lang,
            table_id="gap-target-lifecycle",
            name=t("tl.sheet", lang),
        )
    )
    return blocks
