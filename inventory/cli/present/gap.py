"""The gap report as rich tables for the terminal (``inventory gap``), in the command
line's language: headings, column names, numbers and the values the analysis writes (a
lifecycle state, a site role, a risk's reasons, a wave's name) as the report shows them
(their code texts and messages), and the alternatives side by side."""

from __future__ import annotations

import math
import numbers

import pandas as pd
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from inventory.gap.alternatives import HIGH_RISK, TOP_RISKS, Alternatives
from inventory.gap.blocks import DOMAINS
from inventory.gap.money import million_unit
from inventory.gap.result import GapReport
from inventory.gap.rows import any_rows
from inventory.language.formatting import (
    format_date,
    format_decimal,
    format_integer,
    format_money,
    format_number,
    format_percent,
    format_year,
)
from inventory.language.i18n import Lang, code_text, t
from inventory.messages import Message, MessageList, message_text

TOP_GAPS = 15
TOP_EOL = 15


def _table(
    title: str, columns: list[str], rows: list[list[str]], right: tuple[str, ...] = ()
) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left")
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))
    return table


def _columns(lang: Lang, *names: str) -> list[str]:
    return [t(f"cli.gap.col_{name}", lang) for name in names]


def _shown(value: object, lang: Lang) -> str:
    """A cell the analysis wrote: a message (or list of them) in ``lang``, a missing value
    empty, anything else as it is."""
    if isinstance(value, Message | MessageList):
        return message_text(value, lang)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _percent(value: object, lang: Lang) -> str:
    """A readiness figure (a percentage, 0-100) in whole percent."""
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return ""
    return format_percent(float(value) / 100, lang, 0)  # type: ignore[arg-type]


def readiness_table(report: GapReport, lang: Lang = "en") -> Table:
    pivot = report.readiness_domains.pivot(
        index="municipality", columns="domain", values="readiness_percent"
    )
    overall = report.readiness_overall.set_index("municipality")["readiness_percent"]
    domains = [d for d in DOMAINS if d in pivot.columns]
    names = [t(f"rb.domain.{d}", lang) for d in domains]
    overall_name = t("cli.gap.overall", lang)
    # "all": every municipality together (the analysis's code for that row)
    rows = [
        [
            t("readiness.all", lang) if code == "all" else code,
            _percent(overall.get(code, 0.0), lang),
            *(_percent(pivot.loc[code, d], lang) for d in domains),
        ]
        for code in overall.index
        if code in pivot.index
    ]
    return _table(
        t("cli.gap.readiness_title", lang),
        [t("cli.municipality", lang), overall_name, *names],
        rows,
        right=(overall_name, *names),
    )


def render_gap(report: GapReport, lang: Lang = "en") -> list[RenderableType]:
    """The summary: readiness, top gaps, EOL, capacity, interconnects, SLA, effort, waves."""

    def count(value: int) -> str:
        return format_integer(value, lang)

    def money(value: float) -> str:
        return format_money(value, report.currency, lang)

    parts: list[RenderableType] = [
        Text(
            t(
                "cli.gap.heading",
                lang,
                target=repr(report.target_name),
                date=format_date(report.as_of, lang),
                months=count(report.horizon_months),
                municipalities=", ".join(report.municipalities),
            )
        ),
        readiness_table(report, lang),
    ]
    matrix = report.matrix
    counts = matrix["status"].value_counts()
    new = int((report.target_blocks["status"] == "new").sum())
    parts.append(
        Text(
            t(
                "cli.gap.blocks",
                lang,
                included=count(int(counts.get("included", 0))),
                changed=count(int(counts.get("changed", 0))),
                eliminated=count(int(counts.get("eliminated", 0))),
                new=count(new),
            )
        )
    )
    risks = report.risks.sort_values("rank")
    right = _columns(lang, "rank", "assets", "consequence", "exposure", "risk")
    parts.append(
        _table(
            t("cli.gap.top_gaps", lang, count=count(len(risks))),
            _columns(
                lang, "rank", "gap", "product", "assets", "consequence", "exposure", "risk", "why"
            ),
            [
                [
                    str(r.rank),
                    _shown(r.gap_message, lang),
                    f"{r.product} {r.cycle}".strip(),
                    count(r.assets),
                    str(r.consequence),
                    str(r.exposure),
                    str(r.risk),
                    _shown(r.reasons_message, lang),
                ]
                for r in any_rows(risks.head(TOP_GAPS))
            ],
            right=tuple(right),
        )
    )
    eol = report.eol
    parts.append(
        _table(
            t(
                "cli.gap.eol_title",
                lang,
                rows=t("cli.count.row", lang, count=count(len(eol))),
                assets=t("cli.count.asset_device", lang, count=count(int(eol["devices"].sum()))),
            ),
            _columns(lang, "state", "asset", "product", "eol", "dependent"),
            [
                [
                    code_text("lifecycle", str(r.lifecycle_state), lang),
                    _shown(r.asset_message, lang),
                    f"{r.product} {_shown(r.cycle, lang)}".strip(),
                    ""
                    if r.eol is None or pd.isna(r.eol)
                    else format_date(pd.Timestamp(r.eol).date(), lang),
                    count(int(r.dependent_application_count)),
                ]
                for r in any_rows(eol.head(TOP_EOL))
            ],
        )
    )
    security = report.security[~report.security["compliant"]]
    parts.append(
        _table(
            t("cli.gap.security_title", lang),
            [t("cli.municipality", lang), *_columns(lang, "control", "today", "target")],
            [
                [
                    r.municipality,
                    code_text("control", str(r.control), lang),
                    _shown(r.today_message, lang),
                    _shown(r.target_message, lang),
                ]
                for r in any_rows(security)
            ],
        )
    )
    capacity = report.capacity
    right = _columns(lang, "servers", "storage", "u_free", "kw_spare")
    parts.append(
        _table(
            t("cli.gap.capacity_title", lang),
            _columns(lang, "site", "role", "servers", "storage", "u_free", "kw_spare", "issues"),
            [
                [
                    r.site,
                    code_text("site_role", str(r.role), lang),
                    count(r.physical_servers),
                    count(r.storage_systems),
                    "" if pd.isna(r.rack_units_free) else count(int(r.rack_units_free)),
                    ""
                    if pd.isna(r.power_free_kw)
                    else format_decimal(float(r.power_free_kw), lang),
                    _shown(r.issues_message, lang),
                ]
                for r in any_rows(capacity)
            ],
            right=tuple(right),
        )
    )
    verdict = report.capacity_verdict
    parts.append(
        Text(
            message_text(verdict.message, lang) if verdict.message is not None else verdict.summary
        )
    )
    links = report.interconnects
    yes, no = t("cli.yes", lang), t("cli.no", lang)
    parts.append(
        _table(
            t("cli.gap.links_title", lang),
            [
                *_columns(lang, "link", "from", "to"),
                "Mbit/s",
                *_columns(lang, "redundant", "verdict"),
            ],
            [
                [
                    r.link,
                    r.a_site,
                    r.b_site,
                    format_decimal(float(r.bandwidth_mbps), lang),
                    yes if r.redundant else no,
                    _shown(r.detail_message, lang) or t("cli.gap.ok", lang),
                ]
                for r in any_rows(links)
            ],
            right=("Mbit/s",),
        )
    )
    parts.append(
        _table(
            t("cli.gap.sla_title", lang, count=count(len(report.sla))),
            _columns(lang, "application", "criticality", "gap"),
            [
                [
                    r.application,
                    code_text("criticality", str(r.criticality), lang),
                    _shown(r.detail_message, lang),
                ]
                for r in any_rows(report.sla)
            ],
        )
    )
    effort = report.effort.pivot_table(
        index="municipality", values=["hours", "cost"], aggfunc="sum"
    )
    right = _columns(lang, "hours", "cost")
    parts.append(
        _table(
            t("cli.gap.effort_title", lang),
            [t("cli.municipality", lang), *right],
            # "joint": the work of the joint operation (the analysis's code)
            [
                [
                    code_text("party", code, lang) if code == "joint" else code,
                    count(round(float(effort.loc[code, "hours"]))),
                    money(float(effort.loc[code, "cost"])),
                ]
                for code in effort.index
            ]
            + [[t("cli.total", lang), count(round(report.total_hours)), money(report.total_cost)]],
            right=tuple(right),
        )
    )
    right = _columns(lang, "items", "hours", "cost")
    parts.append(
        _table(
            t("cli.gap.waves_title", lang),
            _columns(lang, "wave", "items", "hours", "cost", "actions"),
            [
                [
                    _shown(r.name_message, lang),
                    count(r.items),
                    count(round(float(r.hours))),
                    money(r.cost),
                    code_text("action", str(r.actions), lang).replace(";", ","),
                ]
                for r in any_rows(report.waves)
            ],
            right=tuple(right),
        )
    )
    return parts


def _real(value: object) -> float | None:
    """A figure the table gives; None for one it does not (never 0)."""
    if not isinstance(value, numbers.Real) or math.isnan(float(value)):
        return None
    return float(value)


def _number(value: object, lang: Lang, digits: int = 0) -> str:
    figure = _real(value)
    return "-" if figure is None else format_number(figure, lang, digits)


def _year(value: object) -> str:
    figure = _real(value)
    return "-" if figure is None else format_year(figure)


def _million(value: object, currency: str, lang: Lang) -> str:
    figure = _real(value)
    if figure is None:
        return "-"
    return f"{format_number(figure / 1e6, lang, 1)} {million_unit(currency, lang)}"


def _share(value: object, lang: Lang) -> str:
    figure = _real(value)
    return "-" if figure is None else format_percent(figure / 100, lang)


def alternatives_text(result: Alternatives, lang: Lang = "en") -> Table:
    """The alternatives side by side: one column each, one row per figure (readable in a
    terminal of 80 columns for a few alternatives)."""
    rows = result.table.to_dict("records")
    table = Table(title=t("cli.alt.title", lang), title_justify="left")
    table.add_column("")
    for row in rows:
        table.add_column(str(row["alternative"]), justify="right")

    def money(key: str) -> list[str]:
        return [_million(row[key], row["currency"], lang) for row in rows]

    figures: list[tuple[str, list[str]]] = [
        (t("cli.alt.scope", lang), [str(row["scope"]) for row in rows]),
        (t("cli.alt.one_time_low", lang), money("one_time_low")),
        (t("cli.alt.one_time_expected", lang), money("one_time_expected")),
        (t("cli.alt.one_time_high", lang), money("one_time_high")),
        (t("cli.alt.saving", lang), money("yearly_saving")),
        (t("cli.alt.payback", lang), [_year(row["payback_year"]) for row in rows]),
        (t("cli.alt.npv", lang), money("npv")),
        (t("cli.alt.effort", lang), [_number(row["effort_hours"], lang) for row in rows]),
        (t("cli.alt.plan", lang), [_number(row["plan_months"], lang, 1) for row in rows]),
        (
            t("cli.alt.high_risks", lang, score=HIGH_RISK),
            [_number(row["high_risks"], lang) for row in rows],
        ),
        (
            t("cli.alt.top_risks", lang, count=TOP_RISKS),
            [_number(row["risk_top"], lang) for row in rows],
        ),
        (t("cli.alt.readiness", lang), [_share(row["readiness_percent"], lang) for row in rows]),
    ]
    for label, cells in figures:
        table.add_row(Text(label), *(Text(cell) for cell in cells))
    return table
