"""The gap report as rich tables for the terminal (``inventory gap``), in the command
line's language (headings and column names; the values the analysis writes, such as a
risk's reasons or a wave's name, as it writes them)."""

from __future__ import annotations

import pandas as pd
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from inventory.gap.blocks import DOMAINS
from inventory.gap.result import GapReport
from inventory.gap.rows import any_rows
from inventory.render.formatting import (
    format_date,
    format_decimal,
    format_integer,
    format_money,
    format_percent,
)
from inventory.render.i18n import Lang, t

TOP_GAPS = 15
TOP_EOL = 15


def _table(title: str, columns: list[str], rows: list[list[str]],
           right: tuple[str, ...] = ()) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left")
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))
    return table


def _columns(lang: Lang, *names: str) -> list[str]:
    return [t(f"cli.gap.col_{name}", lang) for name in names]


def _percent(value: object, lang: Lang) -> str:
    """A readiness figure (a percentage, 0-100) in whole percent."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return ""
    return format_percent(float(value) / 100, lang, 0)  # type: ignore[arg-type]


def readiness_table(report: GapReport, lang: Lang = "en") -> Table:
    pivot = report.readiness_domains.pivot(index="municipality", columns="domain",
                                           values="readiness_percent")
    overall = report.readiness_overall.set_index("municipality")["readiness_percent"]
    domains = [d for d in DOMAINS if d in pivot.columns]
    names = [t(f"rb.domain.{d}", lang) for d in domains]
    overall_name = t("cli.gap.overall", lang)
    # "all": every municipality together (the analysis's code for that row)
    rows = [[t("readiness.all", lang) if code == "all" else code,
             _percent(overall.get(code, 0.0), lang),
             *(_percent(pivot.loc[code, d], lang) for d in domains)]
            for code in overall.index if code in pivot.index]
    return _table(t("cli.gap.readiness_title", lang),
                  [t("cli.municipality", lang), overall_name, *names], rows,
                  right=(overall_name, *names))


def render_gap(report: GapReport, lang: Lang = "en") -> list[RenderableType]:
    """The summary: readiness, top gaps, EOL, capacity, interconnects, SLA, effort, waves."""
    def count(value: int) -> str:
        return format_integer(value, lang)

    def money(value: float) -> str:
        return format_money(value, report.currency, lang)

    parts: list[RenderableType] = [
        Text(t("cli.gap.heading", lang, target=repr(report.target_name),
               date=format_date(report.as_of, lang), months=count(report.horizon_months),
               municipalities=", ".join(report.municipalities))),
        readiness_table(report, lang)]
    matrix = report.matrix
    counts = matrix["status"].value_counts()
    new = int((report.target_blocks["status"] == "new").sum())
    parts.append(Text(t("cli.gap.blocks", lang, included=count(int(counts.get("included", 0))),
                        changed=count(int(counts.get("changed", 0))),
                        eliminated=count(int(counts.get("eliminated", 0))), new=count(new))))
    risks = report.risks.sort_values("rank")
    right = _columns(lang, "rank", "assets", "consequence", "exposure", "risk")
    parts.append(_table(t("cli.gap.top_gaps", lang, count=count(len(risks))),
                        _columns(lang, "rank", "gap", "product", "assets", "consequence",
                                 "exposure", "risk", "why"),
                        [[str(r.rank), r.gap, f"{r.product} {r.cycle}".strip(),
                          count(r.assets), str(r.consequence), str(r.exposure), str(r.risk),
                          r.reasons] for r in any_rows(risks.head(TOP_GAPS))],
                        right=tuple(right)))
    eol = report.eol
    parts.append(_table(t("cli.gap.eol_title", lang, rows=count(len(eol)),
                          assets=count(int(eol["devices"].sum()))),
                        _columns(lang, "state", "asset", "product", "eol", "dependent"),
                        [[r.lifecycle_state, r.asset, f"{r.product} {r.cycle or ''}".strip(),
                          "" if r.eol is None or pd.isna(r.eol) else format_date(
                              pd.Timestamp(r.eol).date(), lang),
                          count(int(r.dependent_application_count))]
                         for r in any_rows(eol.head(TOP_EOL))]))
    security = report.security[~report.security["compliant"]]
    parts.append(_table(t("cli.gap.security_title", lang),
                        [t("cli.municipality", lang), *_columns(lang, "control", "today",
                                                                 "target")],
                        [[r.municipality, r.control, r.today, r.target]
                         for r in any_rows(security)]))
    capacity = report.capacity
    right = _columns(lang, "servers", "storage", "u_free", "kw_spare")
    parts.append(_table(t("cli.gap.capacity_title", lang),
                        _columns(lang, "site", "role", "servers", "storage", "u_free",
                                 "kw_spare", "issues"),
                        [[r.site, r.role, count(r.physical_servers), count(r.storage_systems),
                          "" if pd.isna(r.rack_units_free) else count(int(r.rack_units_free)),
                          "" if pd.isna(r.power_free_kw) else format_decimal(
                              float(r.power_free_kw), lang), r.issues]
                         for r in any_rows(capacity)], right=tuple(right)))
    parts.append(Text(report.capacity_verdict.summary))
    links = report.interconnects
    yes, no = t("cli.yes", lang), t("cli.no", lang)
    parts.append(_table(t("cli.gap.links_title", lang),
                        [*_columns(lang, "link", "from", "to"), "Mbit/s",
                         *_columns(lang, "redundant", "verdict")],
                        [[r.link, r.a_site, r.b_site,
                          format_decimal(float(r.bandwidth_mbps), lang),
                          yes if r.redundant else no, r.detail or t("cli.gap.ok", lang)]
                         for r in any_rows(links)], right=("Mbit/s",)))
    parts.append(_table(t("cli.gap.sla_title", lang, count=count(len(report.sla))),
                        _columns(lang, "application", "criticality", "gap"),
                        [[r.application, r.criticality, r.detail]
                         for r in any_rows(report.sla)]))
    effort = report.effort.pivot_table(index="municipality", values=["hours", "cost"],
                                       aggfunc="sum")
    right = _columns(lang, "hours", "cost")
    parts.append(_table(t("cli.gap.effort_title", lang),
                        [t("cli.municipality", lang), *right],
                        [[code, count(round(float(effort.loc[code, "hours"]))),
                          money(float(effort.loc[code, "cost"]))]
                         for code in effort.index]
                        + [[t("cli.total", lang), count(round(report.total_hours)),
                            money(report.total_cost)]],
                        right=tuple(right)))
    right = _columns(lang, "items", "hours", "cost")
    parts.append(_table(t("cli.gap.waves_title", lang),
                        _columns(lang, "wave", "items", "hours", "cost", "actions"),
                        [[r.name, count(r.items), count(round(float(r.hours))),
                          money(r.cost), r.actions.replace(";", ", ")]
                         for r in any_rows(report.waves)], right=tuple(right)))
    return parts
