"""The decision-support section: the study's potential, alternatives, cost sharing, projection.

Reads what ``inventory.study.study_results(folder).to_json()`` returns (decimals written
as text) and lays out one table per part that is present.
"""

from __future__ import annotations

from typing import Any

from inventory.render.document import Column, Paragraph, Section, Table
from inventory.render.i18n import Lang, t
from inventory.report.tables import as_number


def _potential(potential: dict[str, Any], lang: Lang) -> Table:
    codes = [str(code) for code in potential.get("municipalities", [])]
    columns = [Column(key="area", label=t("rb.col_area", lang)),
               Column(key="name", label=t("rb.col_name", lang))]
    columns += [Column(key=code, label=code, type="float") for code in codes]
    columns.append(Column(key="total", label=t("rb.col_total", lang), type="float"))
    rows = [{"area": area.get("area"), "name": area.get("name"),
             "total": as_number(area.get("total")),
             **{code: as_number(area.get("scores", {}).get(code)) for code in codes}}
            for area in potential.get("areas", [])]
    return Table.from_records(f"{t('rb.potential', lang)}: {potential.get('study', '')}",
                              columns, rows, id="study-potential",
                              name=t("rb.potential", lang))


def _alternatives(studies: list[dict[str, Any]], lang: Lang) -> Table:
    columns = [Column(key="study", label=t("rb.col_study", lang)),
               Column(key="rank", label=t("rb.col_rank", lang), type="int"),
               Column(key="name", label=t("rb.col_name", lang)),
               Column(key="total", label=t("rb.col_total", lang), type="float")]
    rows = [{"study": study.get("study"), "rank": option.get("rank"),
             "name": option.get("name"), "total": as_number(option.get("total"))}
            for study in studies for option in study.get("ranking", [])]
    return Table.from_records(t("rb.alternatives", lang), columns, rows,
                              id="study-alternatives", name=t("rb.alternatives", lang))


def _cost_sharing(sharing: dict[str, Any], lang: Lang) -> Table:
    currency = str(sharing.get("currency", ""))
    columns = [Column(key="cost", label=t("column.item", lang)),
               Column(key="party", label=t("column.municipality", lang)),
               Column(key="share", label=t("rb.col_share", lang), type="percent"),
               Column(key="amount", label=t("column.cost", lang), type="money", unit=currency)]
    rows = [{"cost": cost.get("name"), "party": part.get("name"),
             "share": as_number(part.get("share")), "amount": as_number(part.get("amount"))}
            for cost in sharing.get("costs", [])
            for part in cost.get("allocation", {}).get("parts", [])]
    return Table.from_records(f"{t('rb.cost_sharing', lang)}: {sharing.get('study', '')}",
                              columns, rows, id="study-cost-sharing",
                              name=t("rb.cost_sharing", lang))


def _projection(projection: dict[str, Any], lang: Lang) -> Table:
    unit = str(projection.get("cost_unit_label", ""))
    columns = [Column(key="year", label=t("rb.col_year", lang), type="int"),
               Column(key="cost_without", label=t("rb.col_without", lang), type="money",
                      unit=unit),
               Column(key="cost_with", label=t("rb.col_with", lang), type="money", unit=unit),
               Column(key="cost_saving", label=t("rb.col_saving", lang), type="money",
                      unit=unit)]
    rows = [{"year": year.get("year"), **{key: as_number(year.get(key)) for key in
                                          ("cost_without", "cost_with", "cost_saving")}}
            for year in projection.get("years", [])]
    return Table.from_records(f"{t('rb.projection', lang)}: {projection.get('study', '')}",
                              columns, rows, id="study-projection",
                              name=t("rb.projection", lang))


def decision_section(study: dict[str, Any], lang: Lang) -> Section:
    """The decision-support section of the report from the study results (JSON form)."""
    blocks: list[Any] = [Paragraph(text=t("rb.decision_intro", lang))]
    if study.get("potential"):
        blocks.append(_potential(study["potential"], lang))
    if study.get("alternatives"):
        blocks.append(_alternatives(list(study["alternatives"]), lang))
    if study.get("cost_sharing"):
        blocks.append(_cost_sharing(study["cost_sharing"], lang))
    if study.get("projection"):
        blocks.append(_projection(study["projection"], lang))
    return Section(id="decision-support", title=t("rb.decision", lang), blocks=blocks)
