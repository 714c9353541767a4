"""The report's consolidation section: one instance per capability for the joint operation,
what merges into it and what that costs, and the compute check of the target clusters
(docs/method.md#consolidation)."""

from __future__ import annotations

from inventory.gap.capacity import CapacityVerdict, ComputeVerdict
from inventory.gap.result import GapReport
from inventory.language.i18n import Lang, t
from inventory.messages import message_text
from inventory.render.document import Block, Callout, Paragraph, Section
from inventory.report.tables import ColumnSpec, frame_table


def verdict_text(verdict: CapacityVerdict | ComputeVerdict, lang: Lang) -> str:
    """A capacity verdict's sentence in ``lang`` (its English ``summary`` without one)."""
    return message_text(verdict.message, lang) if verdict.message is not None else verdict.summary


def compute_callouts(gap: GapReport, lang: Lang = "en") -> list[Block]:
    """The compute verdict (vCPU, RAM, datastore of what moves onto the target clusters),
    none when the gap has no verdict: beside the rack-unit and kW verdict."""
    verdict = gap.compute_verdict
    if verdict is None:
        return []
    return [Callout(level="info" if verdict.fits else "warning", text=verdict_text(verdict, lang))]


def consolidation_section(gap: GapReport, lang: Lang) -> Section:
    """The method in one sentence (linked), the consolidation table, the compute check."""
    money = gap.currency
    blocks: list[Block] = [
        Paragraph(text=t("consolidation.method", lang), method="consolidation"),
        frame_table(
            t("consolidation.table", lang),
            gap.consolidation,
            [
                ColumnSpec("capability", "column.capability", codes="capability"),
                ColumnSpec("domain", "column.domain", codes="domain"),
                ColumnSpec("instances_today", "consolidation.col_today", "int"),
                ColumnSpec("instances_target", "consolidation.col_target", "int"),
                ColumnSpec("kept_message", "consolidation.col_kept"),
                ColumnSpec("merging", "consolidation.col_merging"),
                ColumnSpec("hours", "column.effort_hours", "float"),
                ColumnSpec("cost", "column.cost", "money", money),
                ColumnSpec("note_message", "column.note"),
            ],
            lang,
            table_id="consolidation",
            name=t("consolidation.sheet", lang),
        ),
    ]
    blocks += compute_callouts(gap, lang)
    if not gap.compute.empty:
        blocks.append(
            frame_table(
                t("consolidation.compute_title", lang),
                gap.compute,
                [
                    ColumnSpec("resource", "consolidation.col_resource", codes="resource"),
                    ColumnSpec("unit", "report.unit"),
                    ColumnSpec("moving", "consolidation.col_moving", "float"),
                    ColumnSpec("capacity", "consolidation.col_capacity", "float"),
                    ColumnSpec("in_use", "consolidation.col_in_use", "float"),
                    ColumnSpec("free", "consolidation.col_free", "float"),
                    ColumnSpec("short", "consolidation.col_short", "float"),
                    ColumnSpec("fits", "consolidation.col_fits", "bool"),
                ],
                lang,
                table_id="compute",
                name=t("consolidation.compute_sheet", lang),
            )
        )
    return Section(id="consolidation", title=t("consolidation.title", lang), blocks=blocks)
