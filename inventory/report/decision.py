"""The decision-support section: the study's potential, alternatives, cost sharing, projection.

Reads what ``inventory.study.study_results(folder).to_json()`` returns (decimals written
as text) and lays out one table per part that is present. An alternative whose
alternatives file names a ``target`` is costed (``cost_study_alternatives``: the gap of
that target over the same inventory) and its figures stand beside its score.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pandas as pd

from inventory.analyse.normalise import Normaliser
from inventory.errors import TargetError
from inventory.gap.alternatives import HIGH_RISK, TOP_RISKS, Alternatives, compare_alternatives
from inventory.gap.money import MoneyRange, format_range, table_amount
from inventory.gap.result import GapReport
from inventory.render.document import Callout, Column, Paragraph, Section, Table
from inventory.render.i18n import Lang, t
from inventory.report.tables import as_number
from inventory.snapshot import InventorySnapshot
from inventory.study.inputs import ItCostsFile
from inventory.target.model import TargetArchitecture, load_target


def year_label(value: object) -> str | None:
    """A calendar year as text (``2007``, never ``2,007`` nor ``2007.0``); None when empty."""
    number = as_number(value)
    if number is None:
        return None if value in (None, "") else str(value)
    return str(int(number)) if number.is_integer() else str(value)


def _potential(potential: dict[str, Any], lang: Lang) -> Table:
    codes = [str(code) for code in potential.get("municipalities", [])]
    columns = [
        Column(key="area", label=t("rb.col_area", lang)),
        Column(key="name", label=t("rb.col_name", lang)),
    ]
    columns += [Column(key=code, label=code, type="float") for code in codes]
    columns.append(Column(key="total", label=t("rb.col_total", lang), type="float"))
    rows = [
        {
            "area": area.get("area"),
            "name": area.get("name"),
            "total": as_number(area.get("total")),
            **{code: as_number(area.get("scores", {}).get(code)) for code in codes},
        }
        for area in potential.get("areas", [])
    ]
    return Table.from_records(
        f"{t('rb.potential', lang)}: {potential.get('study', '')}",
        columns,
        rows,
        id="study-potential",
        name=t("rb.potential", lang),
    )


def study_target_files(study: dict[str, Any]) -> list[str]:
    """The target files the study's alternatives name, each once, in the study's order."""
    files = [
        option.get("target")
        for result in study.get("alternatives", [])
        for option in result.get("ranking", [])
    ]
    return list(dict.fromkeys(str(file) for file in files if file))


def cost_study_alternatives(
    snapshot: InventorySnapshot,
    study: dict[str, Any] | None,
    target: TargetArchitecture | None,
    gap: GapReport | None,
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
    it_costs: ItCostsFile | None = None,
) -> Alternatives | None:
    """The gap of every target the study's alternatives name, over ``snapshot`` (with the
    report's own target last, for reference); ``None`` when they name none.

    ``TargetError`` naming the file for a target file that is missing or invalid.
    """
    files = study_target_files(study or {})
    if not files:
        return None
    targets = []
    for file in files:
        loaded, issues = load_target(Path(file))
        if loaded is None:
            raise TargetError(
                f"The target file of a study alternative is not valid: {file}.",
                hint="; ".join(str(issue) for issue in issues[:3]),
            )
        targets.append((file, loaded))
    known = []
    if target is not None and gap is not None:
        targets.append(("", target))
        known.append((target, gap))
    return compare_alternatives(
        snapshot, targets, as_of=as_of, normaliser=normaliser, known=known, it_costs=it_costs
    )


def _scored(study: dict[str, Any], option: dict[str, Any]) -> dict[str, Any]:
    """A study alternative's row: its study, rank, name and criteria score."""
    return {"study": study.get("study"), "rank": option.get("rank"),
            "name": option.get("name"), "total": as_number(option.get("total"))}


def _costed(row: dict[Any, Any] | None, lang: Lang) -> dict[str, Any]:
    """An alternative's figures as report cells (empty when not costed)."""
    if row is None:
        return {}
    money = None
    if not pd.isna(row["one_time_expected"]):
        money = format_range(
            MoneyRange(row["one_time_low"], row["one_time_expected"], row["one_time_high"]),
            str(row["currency"]),
            lang,
        )

    def number(key: str) -> Any:
        value = row[key]
        return None if pd.isna(value) else value

    def thousands(key: str) -> float | None:  # never to the krona (gap.money)
        value = number(key)
        return None if value is None else table_amount(float(value))

    readiness = number("readiness_percent")
    return {
        "scope": row["scope"],
        "one_time": money,
        "saving": thousands("yearly_saving"),
        "payback": number("payback_year"),
        "npv": thousands("npv"),
        "hours": round(float(row["effort_hours"])),
        "months": number("plan_months"),
        "high_risks": number("high_risks"),
        "risk_top": number("risk_top"),
        "readiness": None if readiness is None else readiness / 100.0,
    }


def _cost_columns(currency: str, lang: Lang) -> list[Column]:
    return [
        Column(key="scope", label=t("alt.col_scope", lang)),
        Column(key="one_time", label=t("alt.col_one_time", lang)),
        Column(key="saving", label=t("alt.col_saving", lang), type="money", unit=currency),
        Column(key="payback", label=t("alt.col_payback", lang), type="int"),
        Column(key="npv", label=t("alt.col_npv", lang), type="money", unit=currency),
        Column(key="hours", label=t("alt.col_hours", lang), type="int"),
        Column(key="months", label=t("alt.col_months", lang), type="float"),
        Column(key="high_risks", label=t("alt.col_high_risks", lang), type="int"),
        Column(key="risk_top", label=t("alt.col_risk_top", lang), type="int"),
        Column(key="readiness", label=t("alt.col_readiness", lang), type="percent"),
    ]


def _alternatives(
    studies: list[dict[str, Any]], lang: Lang, costed: Alternatives | None = None
) -> list[Any]:
    columns = [
        Column(key="study", label=t("rb.col_study", lang)),
        Column(key="rank", label=t("rb.col_rank", lang), type="int"),
        Column(key="name", label=t("rb.col_name", lang)),
        Column(
            key="total", label=t("alt.col_score" if costed else "rb.col_total", lang), type="float"
        ),
    ]
    if costed is None:
        rows = [_scored(study, option) for study in studies for option in study.get("ranking", [])]
        return [
            Table.from_records(
                t("rb.alternatives", lang),
                columns,
                rows,
                id="study-alternatives",
                name=t("rb.alternatives", lang),
            )
        ]
    by_file = {
        os.path.normpath(str(row["file"])): row
        for row in costed.table.to_dict("records")
        if row["file"]
    }
    currency = str(costed.table["currency"].iloc[0])
    rows = [
        {
            **_scored(study, option),
            **_costed(by_file.get(os.path.normpath(str(option.get("target") or ""))), lang),
        }
        for study in studies
        for option in study.get("ranking", [])
    ]
    own = [row for row in costed.table.to_dict("records") if not row["file"]]
    rows += [
        {"name": f"{t('alt.this_target', lang)}: {row['alternative']}", **_costed(row, lang)}
        for row in own
    ]
    blocks: list[Any] = [
        Paragraph(text=t("alt.method", lang, high=HIGH_RISK, top=TOP_RISKS), method="alternatives"),
        Table.from_records(
            t("alt.title", lang),
            [*columns, *_cost_columns(currency, lang)],
            rows,
            id="study-alternatives",
            name=t("rb.alternatives", lang),
        ),
    ]
    if costed.notes:
        blocks.append(
            Callout(level="warning", title=t("alt.notes", lang), text=" ".join(costed.notes))
        )
    return blocks


def _cost_sharing(sharing: dict[str, Any], lang: Lang) -> Table:
    currency = str(sharing.get("currency", ""))
    columns = [
        Column(key="cost", label=t("column.item", lang)),
        Column(key="party", label=t("column.municipality", lang)),
        Column(key="share", label=t("rb.col_share", lang), type="percent"),
        Column(key="amount", label=t("column.cost", lang), type="money", unit=currency),
    ]
    rows = [
        {
            "cost": cost.get("name"),
            "party": part.get("name"),
            "share": as_number(part.get("share")),
            "amount": as_number(part.get("amount")),
        }
        for cost in sharing.get("costs", [])
        for part in cost.get("allocation", {}).get("parts", [])
    ]
    return Table.from_records(
        f"{t('rb.cost_sharing', lang)}: {sharing.get('study', '')}",
        columns,
        rows,
        id="study-cost-sharing",
        name=t("rb.cost_sharing", lang),
    )


def _projection(projection: dict[str, Any], lang: Lang) -> Table:
    unit = str(projection.get("cost_unit_label", ""))
    columns = [
        # a calendar year is a label, not a quantity: never "2,007"
        Column(key="year", label=t("rb.col_year", lang)),
        Column(key="cost_without", label=t("rb.col_without", lang), type="money", unit=unit),
        Column(key="cost_with", label=t("rb.col_with", lang), type="money", unit=unit),
        Column(key="cost_saving", label=t("rb.col_saving", lang), type="money", unit=unit),
    ]
    rows = [
        {
            "year": year_label(year.get("year")),
            **{
                key: as_number(year.get(key))
                for key in ("cost_without", "cost_with", "cost_saving")
            },
        }
        for year in projection.get("years", [])
    ]
    return Table.from_records(
        f"{t('rb.projection', lang)}: {projection.get('study', '')}",
        columns,
        rows,
        id="study-projection",
        name=t("rb.projection", lang),
    )


def decision_section(
    study: dict[str, Any], lang: Lang, alternatives: Alternatives | None = None
) -> Section:
    """The decision-support section of the report from the study results (JSON form), with
    the alternatives' costed figures beside their scores when they are costed."""
    blocks: list[Any] = [Paragraph(text=t("rb.decision_intro", lang))]
    if study.get("potential"):
        blocks.append(_potential(study["potential"], lang))
    if study.get("alternatives"):
        blocks.extend(_alternatives(list(study["alternatives"]), lang, alternatives))
        if alternatives is None:
            blocks.append(Paragraph(text=t("alt.not_costed", lang)))
    if study.get("cost_sharing"):
        blocks.append(_cost_sharing(study["cost_sharing"], lang))
    if study.get("projection"):
        blocks.append(_projection(study["projection"], lang))
    return Section(id="decision-support", title=t("rb.decision", lang), blocks=blocks)
