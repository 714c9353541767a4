"""The report's readiness blocks: the method in one sentence, the overview per
municipality and domain (summary), and the domain and capability tables (gap section)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from inventory.analyse.assets import DOMAINS
from inventory.gap.readiness import ALL
from inventory.gap.result import GapReport
from inventory.language.i18n import Lang, t
from inventory.render.document import Column, Paragraph, Table
from inventory.report.tables import ColumnSpec, frame_table, percent_fraction


def readiness_method(gap: GapReport, lang: Lang) -> Paragraph:
    """The method in one sentence, linked to docs/method.md#readiness."""
    return Paragraph(
        text=t("readiness.method", lang, horizon=gap.horizon_months), method="readiness"
    )


def _name(code: str, names: dict[str, str], lang: Lang) -> str:
    return t("readiness.all", lang) if code == ALL else names.get(code, code)


def readiness_overview(gap: GapReport, names: dict[str, str], lang: Lang) -> Table:
    """Per municipality and all together: the overall figure and each domain's (fractions)."""
    domains = gap.readiness_domains
    pivot = domains.pivot_table(
        index="municipality", columns="domain", values="readiness_percent", aggfunc="first"
    )
    shown = [domain for domain in DOMAINS if domain in pivot.columns]
    rows = []
    for code, overall in zip(
        gap.readiness_overall["municipality"],
        gap.readiness_overall["readiness_percent"],
        strict=True,
    ):
        row: dict[str, Any] = {
            "municipality": _name(str(code), names, lang),
            "overall": float(overall) / 100.0,
        }
        for domain in shown:
            value = pivot.loc[code, domain] if code in pivot.index else None
            row[domain] = None if value is None or pd.isna(value) else float(value) / 100.0
        rows.append(row)
    columns = [
        Column(key="municipality", label=t("column.municipality", lang)),
        Column(key="overall", label=t("column.readiness", lang), type="percent"),
    ]
    columns += [
        Column(key=domain, label=t(f"rb.domain.{domain}", lang), type="percent") for domain in shown
    ]
    return Table.from_records(
        t("section.readiness", lang),
        columns,
        rows,
        id="summary-readiness",
        name=t("rb.sheet_readiness", lang),
        note=t("readiness.all_note", lang),
    )


def readiness_details(gap: GapReport, names: dict[str, str], lang: Lang) -> list[Any]:
    """The method sentence, readiness per domain and per capability (gap section)."""
    domains = gap.readiness_domains.assign(
        municipality=[
            _name(str(code), names, lang) for code in gap.readiness_domains["municipality"]
        ],
        domain=[t(f"rb.domain.{d}", lang) for d in gap.readiness_domains["domain"]],
        readiness=percent_fraction(gap.readiness_domains["readiness_percent"]),
    )
    capabilities = gap.readiness.assign(
        municipality=[names.get(str(code), str(code)) for code in gap.readiness["municipality"]],
        domain=[t(f"rb.domain.{d}", lang) for d in gap.readiness["domain"]],
        readiness=percent_fraction(gap.readiness["readiness_percent"]),
    )
    return [
        readiness_method(gap, lang),
        frame_table(
            t("readiness.domains_title", lang),
            domains,
            [
                ColumnSpec("municipality", "column.municipality"),
                ColumnSpec("domain", "column.domain"),
                ColumnSpec("capabilities", "readiness.col_capabilities", "int"),
                ColumnSpec("assets", "column.assets", "int"),
                ColumnSpec("ready_assets", "readiness.col_ready", "int"),
                ColumnSpec("readiness", "column.readiness", "percent"),
            ],
            lang,
            table_id="gap-readiness",
            name=t("rb.sheet_readiness_detail", lang),
            note=t("readiness.all_note", lang),
        ),
        frame_table(
            t("readiness.capabilities_title", lang),
            capabilities,
            [
                ColumnSpec("municipality", "column.municipality"),
                ColumnSpec("domain", "column.domain"),
                ColumnSpec("capability", "column.capability", codes="capability"),
                ColumnSpec("assets", "column.assets", "int"),
                ColumnSpec("ready_assets", "readiness.col_ready", "int"),
                ColumnSpec("readiness", "column.readiness", "percent"),
                ColumnSpec("note_message", "column.note"),
            ],
            lang,
            table_id="gap-readiness-capabilities",
            name=t("readiness.sheet_capabilities", lang),
        ),
    ]
