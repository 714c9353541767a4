"""The decision section: the recommendation first, then potential per area against today,
the alternatives with criteria, weights, scores and totals (and the computed cost of each
alternative's target file), the sensitivity of the ranking, the cost key with its formula,
the establishment plan by year, the projection with and without collaboration and the
comparable IT costs with their warnings (docs/method.md#decision).

Reads ``StudyResults`` and the costed alternatives' rows (``study.costed``). An alternative
whose alternatives file names a ``target`` is costed (``cost_study_alternatives``: the gap
of that target over the same inventory) and its figures stand beside its score. Which
alternative leads and how robust the lead is, is ``study.recommendation``'s; the money
parts are in ``decision_economics``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from inventory.analyse.normalise import Normaliser
from inventory.errors import TargetError
from inventory.gap.alternatives import HIGH_RISK, TOP_RISKS, Alternatives, compare_alternatives
from inventory.gap.money import MoneyRange, format_amount, format_range, table_amount
from inventory.gap.result import GapReport
from inventory.gap.scope import scope_label
from inventory.language.i18n import Lang, t
from inventory.messages import Message, message_text
from inventory.render.document import Block, Callout, Column, Paragraph, Section, Table
from inventory.report.decision_economics import (
    cost_key_blocks,
    decimal_text,
    establishment_blocks,
    it_cost_blocks,
    percent_text,
    projection_blocks,
)
from inventory.snapshot import InventorySnapshot
from inventory.study.alternatives import AlternativesResult, RankedAlternative
from inventory.study.costed import CostedAlternative, costed_alternatives
from inventory.study.inputs import ItCostsFile
from inventory.study.potential import PotentialResult
from inventory.study.recommendation import (
    ROBUST_WEIGHT_CHANGE,
    Recommendation,
    WeightChange,
    recommendation,
)
from inventory.study.results import StudyResults
from inventory.target.model import TargetArchitecture, load_target


def study_target_files(study: StudyResults) -> list[str]:
    """The target files the study's alternatives name, each once, in the study's order."""
    files = [option.target for result in study.alternatives for option in result.ranking]
    return list(dict.fromkeys(file for file in files if file))


def study_alternative_targets(
    study: StudyResults | None,
) -> list[tuple[str, TargetArchitecture]]:
    """``(file, target)`` of every target file the study's alternatives name, read.

    ``TargetError`` naming the file for a target file that is missing or invalid.
    """
    files = study_target_files(study) if study is not None else []
    targets = []
    for file in files:
        loaded, issues = load_target(Path(file))
        if loaded is None:
            raise TargetError(
                Message("error.study.alternative_target", {"file": str(file)}),
                hint="; ".join(str(issue) for issue in issues[:3]),
            )
        targets.append((file, loaded))
    return targets


def cost_study_alternatives(
    snapshot: InventorySnapshot,
    study: StudyResults | None,
    target: TargetArchitecture | None,
    gap: GapReport | None,
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
    it_costs: ItCostsFile | None = None,
    targets: Sequence[tuple[str, TargetArchitecture]] | None = None,
    known: Sequence[tuple[TargetArchitecture, GapReport]] = (),
) -> Alternatives | None:
    """The gap of every target the study's alternatives name, over ``snapshot`` (with the
    report's own target last, for reference); ``None`` when they name none.

    ``targets``: the study's targets when already read (``study_alternative_targets``);
    ``known``: gaps already computed (``compare_alternatives``).
    ``TargetError`` naming the file for a target file that is missing or invalid.
    """
    targets = list(targets) if targets is not None else study_alternative_targets(study)
    if not targets:
        return None
    known = list(known)
    if target is not None and gap is not None:
        targets.append(("", target))
        known.append((target, gap))
    return compare_alternatives(
        snapshot, targets, as_of=as_of, normaliser=normaliser, known=known, it_costs=it_costs
    )


def _scored(study: AlternativesResult, option: RankedAlternative) -> dict[str, Any]:
    """A study alternative's row: its study, rank, name and criteria score."""
    return {
        "study": study.study,
        "rank": option.rank,
        "name": option.name,
        "total": float(option.total),
    }


def _costed(row: CostedAlternative | None, lang: Lang) -> dict[str, Any]:
    """An alternative's figures as report cells (empty when not costed)."""
    if row is None:
        return {}
    low, expected, high = row.one_time_low, row.one_time_expected, row.one_time_high
    money = None
    if low is not None and expected is not None and high is not None:
        money = format_range(MoneyRange(low, expected, high), row.currency, lang)

    def thousands(value: float | None) -> float | None:  # never to the krona (gap.money)
        return None if value is None else table_amount(value)

    readiness = row.readiness_percent
    return {
        "scope": scope_text(row.scope, lang),
        "one_time": money,
        "saving": thousands(row.yearly_saving),
        "payback": row.payback_year,
        "npv": thousands(row.npv),
        "hours": round(row.effort_hours),
        "months": row.plan_months,
        "high_risks": row.high_risks,
        "risk_top": row.risk_top,
        "readiness": None if readiness is None else readiness / 100.0,
    }


def scope_text(scope: str, lang: Lang) -> str:
    """An alternative's scope as ``gap.scope.scope_label`` writes it, in ``lang``."""
    return t("dec.scope_all", lang) if scope == scope_label(None) else scope


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


def _costed_table(
    studies: list[AlternativesResult], costed: Alternatives, lang: Lang
) -> list[Block]:
    """The scored alternatives with the computed figures of their target files, and the
    report's own target for reference."""
    columns = [
        Column(key="study", label=t("rb.col_study", lang)),
        Column(key="rank", label=t("rb.col_rank", lang), type="int"),
        Column(key="name", label=t("rb.col_name", lang)),
        Column(key="total", label=t("alt.col_score", lang), type="float"),
    ]
    costed_rows = costed_alternatives(costed.table)
    by_file = {os.path.normpath(row.file): row for row in costed_rows if row.file}
    currency = costed_rows[0].currency
    rows = [
        {
            **_scored(study, option),
            **_costed(by_file.get(os.path.normpath(option.target or "")), lang),
        }
        for study in studies
        for option in study.ranking
    ]
    rows += [
        {"name": f"{t('alt.this_target', lang)}: {row.alternative}", **_costed(row, lang)}
        for row in costed_rows
        if not row.file
    ]
    blocks: list[Block] = [
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
            Callout(
                level="warning",
                title=t("alt.notes", lang),
                text=" ".join(message_text(note, lang) for note in costed.notes),
            )
        )
    return blocks


# -- recommendation -------------------------------------------------------------------------


def _points(value: Decimal, lang: Lang) -> str:
    return t("dec.point" if value == 1 else "dec.points", lang, value=decimal_text(value, lang))


def weight_change_text(flip: WeightChange, lang: Lang) -> str:
    """``lowering the weight of criterion 6 (...) from 1 to 0.5`` in ``lang``."""
    return t(
        "dec.change_lower" if flip.change < 0 else "dec.change_raise",
        lang,
        criterion=flip.criterion,
        name=flip.criterion_name,
        weight=decimal_text(flip.weight_from, lang),
        tie=decimal_text(flip.tie_weight, lang),
    )


def _cost_sentence(found: Recommendation, lang: Lang) -> str:
    cost = found.cost
    if cost is None:
        return t("dec.rec_not_costed", lang, lead=found.lead_name)
    if cost.one_time_expected is None or cost.one_time_low is None or cost.one_time_high is None:
        one_time = "–"
    else:
        one_time = format_range(
            MoneyRange(cost.one_time_low, cost.one_time_expected, cost.one_time_high),
            cost.currency,
            lang,
        )
    if cost.yearly_saving is None:
        saving = t("dec.rec_no_saving", lang)
    elif cost.yearly_saving < 0:  # the joint operation costs more per year than today
        saving = t(
            "dec.rec_more", lang, saving=format_amount(-cost.yearly_saving, cost.currency, lang)
        )
    else:
        saving = t(
            "dec.rec_saving", lang, saving=format_amount(cost.yearly_saving, cost.currency, lang)
        )
        if cost.payback_year is not None:
            saving += ", " + t("dec.rec_payback", lang, year=cost.payback_year)
    return t(
        "dec.rec_cost",
        lang,
        lead=found.lead_name,
        scope=scope_text(cost.scope, lang),
        one_time=one_time,
        saving_text=saving,
    )


def recommendation_text(found: Recommendation, lang: Lang) -> str:
    """The recommendation paragraph: the lead, its margin, how robust it is, and the lead's
    computed cost when its target file is costed; as cautious as the margin allows."""
    params: dict[str, object] = {
        "study": found.study,
        "lead": found.lead_name,
        "lead_total": decimal_text(found.lead_total, lang),
        "runner": found.runner_up_name or "",
        "runner_total": ""
        if found.runner_up_total is None
        else decimal_text(found.runner_up_total, lang),
        "margin": _points(found.margin, lang),
    }
    flip = found.flip
    if flip is not None:
        params |= {"change": weight_change_text(flip, lang), "challenger": flip.challenger_name}
    if found.runner_up_id is None:
        sentences = [t("dec.rec_single", lang, **params)]
    elif found.tied:
        sentences = [t("dec.rec_tied", lang, **params)]
    elif flip is not None and found.flip_within_margin:
        sentences = [t("dec.rec_close", lang, **params)]
    elif found.within_one_score_step:
        sentences = [t("dec.rec_one_step", lang, **params)]
        if flip is not None:
            sentences.append(t("dec.rec_flip_outside", lang, **params))
    elif flip is not None:
        sentences = [t("dec.rec_robust", lang, **params)]
    else:
        sentences = [t("dec.rec_dominant", lang, **params)]
    sentences.append(_cost_sentence(found, lang))
    return " ".join(sentences)


def _recommendation_section(
    results: StudyResults, costed: Alternatives | None, lang: Lang
) -> Section:
    found = recommendation(results, costed)
    text = t("dec.rec_none", lang) if found is None else recommendation_text(found, lang)
    return Section(
        id="decision-recommendation",
        title=t("dec.recommendation", lang),
        blocks=[Paragraph(text=text, method="recommendation")],
    )


# -- potential ------------------------------------------------------------------------------


def _potential_section(potential: PotentialResult, names: Mapping[str, str], lang: Lang) -> Section:
    codes = potential.municipalities
    groups = {group.group: group for group in potential.groups}
    columns = [
        Column(key="area", label=t("dec.col_area", lang)),
        Column(key="name", label=t("dec.col_area_name", lang)),
        Column(key="group", label=t("dec.col_group", lang)),
        *(Column(key=f"m_{code}", label=names.get(code, code), type="float") for code in codes),
        Column(key="total", label=t("rb.col_total", lang), type="float"),
    ]
    rows = [
        {
            "area": area.area,
            "name": area.name,
            "group": groups[area.group].name if area.group in groups else area.group,
            "total": float(area.total),
            **{f"m_{code}": float(area.scores[code]) for code in codes if code in area.scores},
        }
        for area in potential.areas
    ]
    group_columns = [
        Column(key="group", label=t("dec.col_group", lang)),
        Column(key="areas", label=t("dec.col_areas", lang)),
        Column(key="points", label=t("dec.col_points", lang), type="float"),
        Column(key="potential", label=t("dec.col_potential_share", lang), type="percent"),
        Column(key="reference", label=t("dec.col_reference_share", lang), type="percent"),
        Column(key="difference", label=t("dec.col_difference", lang), type="float", decimals=1),
    ]
    group_rows = [
        {
            "group": group.name,
            "areas": ", ".join(group.areas),
            "points": float(group.total),
            "potential": float(group.potential_share_percent) / 100,
            "reference": float(group.reference_share_percent) / 100,
            "difference": float(group.difference_points),
        }
        for group in potential.groups
    ]
    blocks: list[Block] = [
        Paragraph(
            text=t("dec.potential_intro", lang, reference=potential.reference_label),
            method="decision",
        ),
        Table.from_records(
            t("dec.potential_areas", lang, study=potential.study),
            columns,
            rows,
            id="study-potential",
            name=t("dec.sheet.potential", lang),
        ),
        Table.from_records(
            t("dec.potential_groups", lang),
            group_columns,
            group_rows,
            id="study-potential-groups",
            name=t("dec.sheet.groups", lang),
        ),
    ]
    focus = groups.get(potential.focus_group)
    if focus is not None:
        blocks.append(
            Paragraph(
                text=t(
                    "dec.potential_focus",
                    lang,
                    group=focus.name,
                    share=percent_text(focus.potential_share_percent / 100, lang),
                    reference=percent_text(focus.reference_share_percent / 100, lang),
                )
            )
        )
    if potential.reference_note:
        blocks.append(Paragraph(text=t("dec.note", lang, note=potential.reference_note)))
    return Section(id="decision-potential", title=t("dec.potential", lang), blocks=blocks)


# -- alternatives and sensitivity -----------------------------------------------------------


def _suffix(index: int) -> str:
    return "" if index == 0 else f"-{index + 1}"


def _scored_blocks(study: AlternativesResult, index: int, lang: Lang) -> list[Block]:
    criteria = list(study.weights)
    low, high = study.scale_minimum, study.scale_maximum
    blocks: list[Block] = [
        Paragraph(
            text=t("dec.alternatives_intro", lang, study=study.study, low=low, high=high),
            method="decision",
        ),
        Table.from_records(
            t("dec.criteria", lang, study=study.study),
            [
                Column(key="criterion", label=t("dec.col_criterion", lang)),
                Column(key="name", label=t("dec.col_criterion_name", lang)),
                Column(key="weight", label=t("dec.col_weight", lang), type="float"),
            ],
            [
                {
                    "criterion": criterion,
                    "name": study.criteria.get(criterion, ""),
                    "weight": float(weight),
                }
                for criterion, weight in study.weights.items()
            ],
            id=f"study-criteria{_suffix(index)}",
            name=t("dec.sheet.criteria", lang),
        ),
    ]
    columns = [
        Column(key="rank", label=t("rb.col_rank", lang), type="int"),
        Column(key="id", label=t("dec.col_alternative", lang)),
        Column(key="name", label=t("rb.col_name", lang)),
        *(
            Column(
                key=f"c_{criterion}", label=t("dec.col_criterion_n", lang, id=criterion), type="int"
            )
            for criterion in criteria
        ),
        Column(key="total", label=t("dec.col_weighted_total", lang), type="float"),
    ]
    rows = [
        {
            "rank": option.rank,
            "id": option.id,
            "name": option.name,
            "total": float(option.total),
            **{f"c_{criterion}": option.scores.get(criterion) for criterion in criteria},
        }
        for option in study.ranking
    ]
    blocks.append(
        Table.from_records(
            t("dec.scores", lang, study=study.study),
            columns,
            rows,
            id=f"study-scores{_suffix(index)}",
            name=t("dec.sheet.scores", lang),
        )
    )
    reconstructed = [
        f"{option.id}: {', '.join(option.reconstructed)}"
        for option in study.ranking
        if option.reconstructed
    ]
    if reconstructed:
        blocks.append(
            Callout(level="info", text=t("dec.reconstructed", lang, items="; ".join(reconstructed)))
        )
    return blocks


def _unscored_blocks(study: AlternativesResult, index: int, lang: Lang) -> list[Block]:
    listed = {alternative.id: alternative for alternative in study.listed}
    rows = [
        {
            "id": alternative_id,
            "name": listed[alternative_id].name if alternative_id in listed else None,
            "description": listed[alternative_id].description if alternative_id in listed else None,
        }
        for alternative_id in study.unscored
    ]
    return [
        Paragraph(text=t("dec.unscored_intro", lang, source=study.source or study.study)),
        Table.from_records(
            t("dec.unscored", lang, study=study.study),
            [
                Column(key="id", label=t("dec.col_alternative", lang)),
                Column(key="name", label=t("rb.col_name", lang)),
                Column(key="description", label=t("dec.col_description", lang)),
            ],
            rows,
            id=f"study-unscored{_suffix(index)}",
            name=t("dec.sheet.unscored", lang),
        ),
    ]


def _alternatives_section(
    studies: list[AlternativesResult], costed: Alternatives | None, lang: Lang
) -> Section:
    blocks: list[Block] = []
    for index, study in enumerate(studies):
        if study.scored:
            blocks += _scored_blocks(study, index, lang)
        elif study.unscored:
            blocks += _unscored_blocks(study, index, lang)
    scored = [study for study in studies if study.scored]
    if costed is not None:
        blocks += _costed_table(scored, costed, lang)
    elif scored:
        blocks.append(Paragraph(text=t("alt.not_costed", lang)))
    return Section(id="decision-alternatives", title=t("dec.alternatives", lang), blocks=blocks)


def _sensitivity_blocks(study: AlternativesResult, index: int, lang: Lang) -> list[Block]:
    sensitivity = study.sensitivity
    if sensitivity is None or not study.ranking:
        return []
    names = {option.id: option.name for option in study.ranking}
    lead = names.get(sensitivity.winners[0], sensitivity.winners[0])
    if len(sensitivity.winners) > 1:
        return [Paragraph(text=t("dec.sensitivity_tied", lang, lead=lead), method="recommendation")]
    if not sensitivity.flips:
        return [Paragraph(text=t("dec.sensitivity_none", lang, lead=lead), method="recommendation")]
    blocks: list[Block] = [
        Paragraph(text=t("dec.sensitivity_intro", lang, lead=lead), method="recommendation")
    ]
    heaviest = max(study.weights.values(), default=Decimal(0))
    columns = [
        Column(key="criterion", label=t("dec.col_criterion", lang)),
        Column(key="name", label=t("dec.col_criterion_name", lang)),
        Column(key="challenger", label=t("dec.col_challenger", lang)),
        Column(key="weight", label=t("dec.col_weight_now", lang), type="float"),
        Column(key="tie", label=t("dec.col_tie_weight", lang), type="float"),
        Column(key="change", label=t("dec.col_change", lang), type="float"),
        Column(key="percent", label=t("dec.col_change_percent", lang), type="float", decimals=1),
        Column(key="within", label=t("dec.col_within_margin", lang), type="bool"),
    ]
    rows = []
    for flip in sensitivity.flips:
        relative = flip.relative_change_percent
        if relative is None and heaviest > 0:  # a weight of 0: against the heaviest
            relative = flip.change * 100 / heaviest
        rows.append(
            {
                "criterion": flip.criterion,
                "name": flip.criterion_name,
                "challenger": names.get(flip.challenger, flip.challenger),
                "weight": float(flip.weight_from),
                "tie": float(flip.tie_weight),
                "change": float(flip.change),
                "percent": None
                if flip.relative_change_percent is None
                else float(flip.relative_change_percent),
                "within": relative is not None and abs(relative) <= ROBUST_WEIGHT_CHANGE,
            }
        )
    blocks.append(
        Table.from_records(
            t("dec.flips", lang, study=study.study),
            columns,
            rows,
            id=f"study-sensitivity{_suffix(index)}",
            name=t("dec.sheet.sensitivity", lang),
        )
    )
    return blocks


def _sensitivity_section(studies: list[AlternativesResult], lang: Lang) -> Section | None:
    blocks = [
        block
        for index, study in enumerate(studies)
        if study.scored
        for block in _sensitivity_blocks(study, index, lang)
    ]
    if not blocks:
        return None
    return Section(id="decision-sensitivity", title=t("dec.sensitivity", lang), blocks=blocks)


# -- the section ----------------------------------------------------------------------------


def decision_section(
    results: StudyResults,
    lang: Lang,
    alternatives: Alternatives | None = None,
    *,
    names: Mapping[str, str] | None = None,
) -> Section:
    """The decision section from the study's results:
    the recommendation first, then potential, alternatives with criteria, weights and
    scores (and the computed figures of their target files when ``alternatives`` costs
    them), sensitivity, cost key, establishment plan, projection and comparable IT costs.
    ``names`` maps municipality codes to names. Sub-section ids: ``decision-<part>``."""
    names = names or {}
    subsections: list[Section] = []
    if results.alternatives:
        subsections.append(_recommendation_section(results, alternatives, lang))
    if results.potential is not None:
        subsections.append(_potential_section(results.potential, names, lang))
    if results.alternatives:
        subsections.append(_alternatives_section(results.alternatives, alternatives, lang))
        sensitivity = _sensitivity_section(results.alternatives, lang)
        if sensitivity is not None:
            subsections.append(sensitivity)
    if results.cost_sharing is not None:
        subsections.append(
            Section(
                id="decision-cost-key",
                title=t("dec.cost_key", lang),
                blocks=cost_key_blocks(results.cost_sharing, lang),
            )
        )
    if results.establishment_plan is not None:
        subsections.append(
            Section(
                id="decision-establishment",
                title=t("dec.establishment", lang),
                blocks=establishment_blocks(results.establishment_plan, lang),
            )
        )
    if results.projection is not None:
        subsections.append(
            Section(
                id="decision-projection",
                title=t("dec.projection", lang),
                blocks=projection_blocks(results.projection, lang),
            )
        )
    if results.comparison is not None:
        subsections.append(
            Section(
                id="decision-it-costs",
                title=t("dec.it_costs", lang),
                blocks=it_cost_blocks(results.comparison, lang),
            )
        )
    return Section(
        id="decision-support",
        title=t("rb.decision", lang),
        blocks=[Paragraph(text=t("rb.decision_intro", lang), method="decision")],
        subsections=subsections,
    )
