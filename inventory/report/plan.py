"""The report's migration plan: the method with the plan's dates (linked to
docs/method.md#plan), the Gantt chart, the work packages, the sequencing rules with their
sources, and the work the rules leave out with why."""

from __future__ import annotations

import pandas as pd

from inventory.gap.plan import plan_weeks, rule_table
from inventory.gap.result import GapReport
from inventory.language.formatting import format_date, format_number
from inventory.language.i18n import Lang, t
from inventory.render.document import Block, Figure, KeyFigure, Paragraph, Section
from inventory.render.gantt import GanttBar, GanttLabels, gantt_svg
from inventory.report.tables import ColumnSpec, frame_table
from inventory.target.economics import PlanFrame


def _package_names(plan: pd.DataFrame, lang: Lang) -> list[str]:
    """A package's content (its domain), numbered within the domain in order of start
    when it has several ("Clients 2"): the plan's P-numbers run with time, no wave
    number that would not."""
    ordinal = plan.groupby("domain").cumcount() + 1
    several = plan.groupby("domain")["domain"].transform("size") > 1
    names = []
    for domain, number, many in zip(plan["domain"], ordinal, several, strict=True):
        label = t(f"rb.domain.{domain}", lang)
        names.append(t("plan.package_name", lang, domain=label, number=number) if many else label)
    return names


def plan_figure(gap: GapReport, lang: Lang) -> Figure | None:
    """The plan as a Gantt chart (None without packages)."""
    plan = gap.plan
    if plan.empty:
        return None
    bars = [
        GanttBar(package=str(package), label=name, start=start, end=end,
                 critical=bool(critical), note=t("plan.weeks_short", lang, count=int(weeks)),
                 waited_for=t("plan.waited_note", lang, package=waited) if waited else "")
        for package, name, start, end, critical, weeks, waited in zip(
            plan["package"], _package_names(plan, lang), plan["start"], plan["end"],
            plan["critical"], plan["weeks"], plan["waited_for"], strict=True)
    ]  # fmt: skip
    first, last = min(plan["start"]), max(plan["end"])
    labels = GanttLabels(
        title=t("plan.chart_title", lang),
        description=t(
            "plan.chart_desc",
            lang,
            count=len(plan),
            start=format_date(first, lang),
            end=format_date(last, lang),
        ),
        critical=t("plan.critical", lang),
        package=t("plan.package", lang),
        quarter=t("plan.quarter", lang),
    )
    return Figure(id="fig-plan", caption=t("plan.chart_title", lang), svg=gantt_svg(bars, labels))


def plan_key_figures(gap: GapReport, lang: Lang) -> list[KeyFigure]:
    """The plan's end date and length for the summary (none without packages)."""
    if gap.plan.empty:
        return []
    return [
        KeyFigure(
            label=t("plan.kf_end", lang),
            value=format_date(max(gap.plan["end"]), lang),
            value_type="text",
        ),
        KeyFigure(label=t("plan.kf_weeks", lang), value=plan_weeks(gap.plan), value_type="int"),
    ]


def plan_table(gap: GapReport, lang: Lang, *, table_id: str = "plan") -> Block:
    """The work packages with staff, weeks, dates, dependencies and the critical path."""
    plan = gap.plan.assign(name=_package_names(gap.plan, lang)) if not gap.plan.empty else gap.plan
    return frame_table(
        t("plan.table_title", lang),
        plan,
        [
            ColumnSpec("package", "plan.col_package"),
            ColumnSpec("name", "rb.col_name"),
            ColumnSpec("items", "column.count", "int"),
            ColumnSpec("hours", "column.effort_hours", "float"),
            ColumnSpec("fte", "plan.col_fte", "float"),
            ColumnSpec("weeks", "plan.col_weeks", "int"),
            ColumnSpec("start", "plan.col_start", "date"),
            ColumnSpec("end", "plan.col_end", "date"),
            ColumnSpec("depends_on", "plan.col_depends"),
            ColumnSpec("waited_for", "plan.col_waited"),
            ColumnSpec("end_of_life", "plan.col_eol", "bool"),
            ColumnSpec("risk", "plan.col_risk", "int"),
            ColumnSpec("critical", "plan.col_critical", "bool"),
        ],
        lang,
        table_id=table_id,
        name=t("plan.table_title", lang),
    )


def plan_section(gap: GapReport, frame: PlanFrame, lang: Lang) -> Section:
    """Method and dates, the Gantt chart, the packages, the rules, the work left out."""
    blocks: list[Block] = []
    if not gap.plan.empty:
        blocks.append(
            Paragraph(
                text=t(
                    "plan.method",
                    lang,
                    streams=frame.parallel_streams,
                    team=format_number(
                        frame.team_fte, lang, 0 if float(frame.team_fte).is_integer() else 1
                    ),
                    hours=format_number(frame.hours_per_fte_year, lang, 0),
                    start=format_date(min(gap.plan["start"]), lang),
                    end=format_date(max(gap.plan["end"]), lang),
                    weeks=plan_weeks(gap.plan),
                ),
                method="plan",
            )
        )
        figure = plan_figure(gap, lang)
        if figure is not None:
            blocks.append(figure)
        blocks.append(plan_table(gap, lang))
    rules = rule_table()
    rules["sentence"] = [t(f"plan.rule.{rule}", lang) for rule in rules["rule"]]
    blocks.append(
        frame_table(
            t("plan.rules_title", lang),
            rules,
            [
                ColumnSpec("rule", "plan.col_rule"),
                ColumnSpec("sentence", "column.note"),
                ColumnSpec("source", "plan.col_source"),
                ColumnSpec("url", "plan.col_address", "url"),
            ],
            lang,
            table_id="plan-rules",
            name=t("plan.rules_title", lang),
        )
    )
    blocks += dropped_blocks(gap, lang)
    return Section(id="plan", title=t("plan.section", lang), blocks=blocks)


def dropped_blocks(gap: GapReport, lang: Lang) -> list[Block]:
    """The work the rules leave out, each item with its rule and why (never silent)."""
    dropped = gap.dropped
    if dropped.empty:
        return [Paragraph(text=t("plan.none_dropped", lang), method="plan")]
    shown = dropped.assign(rule=[t(f"plan.rule.{rule}", lang) for rule in dropped["rule"]])
    return [
        Paragraph(
            text=t(
                "plan.dropped_intro",
                lang,
                count=len(dropped),
                hours=format_number(float(dropped["hours"].sum()), lang, 0),
            ),
            method="plan",
        ),
        frame_table(
            t("plan.dropped_title", lang),
            shown,
            [
                ColumnSpec("item_id", "column.item"),
                ColumnSpec("municipality", "column.municipality"),
                ColumnSpec("action", "rb.col_action", codes="action"),
                ColumnSpec("asset", "rb.col_asset"),
                ColumnSpec("hours", "column.effort_hours", "float"),
                ColumnSpec("cost", "column.cost", "money", gap.currency),
                ColumnSpec("rule", "plan.col_rule"),
                ColumnSpec("reason_message", "column.reason"),
            ],
            lang,
            table_id="plan-dropped",
            name=t("plan.dropped_sheet", lang),
        ),
    ]
