"""The gap report as rich tables for the terminal (``inventory gap``)."""

from __future__ import annotations

import pandas as pd
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from inventory.gap.blocks import DOMAINS
from inventory.gap.result import GapReport
from inventory.gap.rows import any_rows

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


def _money(value: float, currency: str) -> str:
    return f"{value:,.0f} {currency}".replace(",", " ")


def readiness_table(report: GapReport) -> Table:
    pivot = report.readiness_domains.pivot(index="municipality", columns="domain",
                                           values="readiness_percent")
    overall = report.readiness_overall.set_index("municipality")["readiness_percent"]
    domains = [d for d in DOMAINS if d in pivot.columns]
    rows = [[code, f"{overall.get(code, 0.0):.0f} %",
             *(("" if pd.isna(pivot.loc[code, d]) else f"{pivot.loc[code, d]:.0f} %")
               for d in domains)] for code in overall.index if code in pivot.index]
    return _table("Readiness: per capability the share of assets on a target product at a"
                  " supported version, on the joint instance, not at or near end of life;"
                  " domain = mean of its capabilities, overall = mean of the domains, all ="
                  " mean of the municipalities (docs/method.md#readiness)",
                  ["municipality", "overall", *domains], rows, right=("overall", *domains))


def render_gap(report: GapReport) -> list[RenderableType]:
    """The summary: readiness, top gaps, EOL, capacity, interconnects, SLA, effort, waves."""
    parts: list[RenderableType] = [
        Text(f"Gap against {report.target_name!r} as of {report.as_of.isoformat()}"
             f" (lifecycle horizon {report.horizon_months} months);"
             f" municipalities: {', '.join(report.municipalities)}"),
        readiness_table(report)]
    matrix = report.matrix
    counts = matrix["status"].value_counts()
    new = int((report.target_blocks["status"] == "new").sum())
    parts.append(Text(f"Building blocks: {counts.get('included', 0)} included,"
                      f" {counts.get('changed', 0)} changed, {counts.get('eliminated', 0)}"
                      f" eliminated; {new} target blocks new."))
    risks = report.risks.sort_values("rank")
    parts.append(_table(f"Top gaps by risk = consequence x exposure ({len(risks)} gaps;"
                        " docs/method.md#risk)",
                        ["rank", "gap", "product", "assets", "consequence", "exposure", "risk",
                         "why"],
                        [[str(r.rank), r.gap, f"{r.product} {r.cycle}".strip(),
                          f"{r.assets:,}", str(r.consequence), str(r.exposure), str(r.risk),
                          r.reasons] for r in any_rows(risks.head(TOP_GAPS))],
                        right=("rank", "assets", "consequence", "exposure", "risk")))
    eol = report.eol
    parts.append(_table(f"End-of-life exposure ({len(eol)} rows;"
                        f" {int(eol['devices'].sum()):,} assets/devices)",
                        ["state", "asset", "product", "eol", "dependent applications"],
                        [[r.lifecycle_state, r.asset, f"{r.product} {r.cycle or ''}".strip(),
                          str(r.eol or ""), str(r.dependent_application_count)]
                         for r in any_rows(eol.head(TOP_EOL))]))
    security = report.security[~report.security["compliant"]]
    parts.append(_table("Security baseline gaps (today vs target)",
                        ["municipality", "control", "today", "target"],
                        [[r.municipality, r.control, r.today, r.target]
                         for r in any_rows(security)]))
    capacity = report.capacity
    parts.append(_table("Datacentre capacity (hallplanering)",
                        ["site", "role", "servers", "storage", "U free", "kW spare", "issues"],
                        [[r.site, r.role, str(r.physical_servers), str(r.storage_systems),
                          "" if pd.isna(r.rack_units_free) else str(int(r.rack_units_free)),
                          "" if pd.isna(r.power_free_kw) else f"{r.power_free_kw:g}", r.issues]
                         for r in any_rows(capacity)], right=("servers", "storage",
                                                                  "U free", "kW spare")))
    parts.append(Text(report.capacity_verdict.summary))
    links = report.interconnects
    parts.append(_table("Interconnects against the minimum",
                        ["link", "from", "to", "Mbit/s", "redundant", "verdict"],
                        [[r.link, r.a_site, r.b_site, f"{r.bandwidth_mbps:g}",
                          "yes" if r.redundant else "no", r.detail or "ok"]
                         for r in any_rows(links)], right=("Mbit/s",)))
    parts.append(_table(f"SLA gaps ({len(report.sla)} applications)",
                        ["application", "criticality", "gap"],
                        [[r.application, r.criticality, r.detail]
                         for r in any_rows(report.sla)]))
    effort = report.effort.pivot_table(index="municipality", values=["hours", "cost"],
                                       aggfunc="sum")
    parts.append(_table("Effort and cost per municipality",
                        ["municipality", "hours", "cost"],
                        [[code, f"{effort.loc[code, 'hours']:,.0f}",
                          _money(float(effort.loc[code, "cost"]), report.currency)]
                         for code in effort.index]
                        + [["total", f"{report.total_hours:,.0f}",
                            _money(report.total_cost, report.currency)]],
                        right=("hours", "cost")))
    parts.append(_table("Migration waves", ["wave", "items", "hours", "cost", "actions"],
                        [[r.name, str(r.items), f"{r.hours:,.0f}",
                          _money(r.cost, report.currency), r.actions.replace(";", ", ")]
                         for r in any_rows(report.waves)], right=("items", "hours", "cost")))
    return parts
