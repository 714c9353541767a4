"""The executive summary's first screen, what a board decides on: the recommended
alternative and how robust the choice is, the one-time cost range, the yearly saving,
payback, the first wave's date, and the three largest risks of the register, each linked
to its section and to docs/method.md where the figure is explained."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from inventory.gap.result import GapReport
from inventory.language.formatting import format_date, format_number
from inventory.language.i18n import Lang, t
from inventory.render.document import Block, KeyFigure, KeyFigures, Paragraph
from inventory.report.costs import key_figures
from inventory.report.risk_register import SECTION_ID, RiskEntry, register_table
from inventory.study.recommendation import Recommendation
from inventory.study.results import StudyResults

#: Risks the summary shows.
TOP_RISKS = 3
#: Where each figure is shown in full (section ids) and explained (method anchors).
BUSINESS_CASE, PLAN, RECOMMENDATION = "business-case", "plan", "decision-recommendation"


@dataclass(frozen=True)
class FirstWave:
    """The plan's first wave: its number, start, end and the domains its packages cover."""

    wave: int
    start: dt.date
    end: dt.date
    domains: tuple[str, ...]


def first_wave(gap: GapReport) -> FirstWave | None:
    """The lowest wave of ``gap.plan`` (its packages' earliest start and latest end)."""
    plan = gap.plan
    if plan.empty:
        return None
    wave = int(plan["wave"].min())
    packages = plan[plan["wave"] == wave]
    return FirstWave(
        wave,
        min(packages["start"]),
        max(packages["end"]),
        tuple(dict.fromkeys(str(d) for d in packages["domain"])),
    )


def _short_name(name: str) -> str:
    """The name before its dash (the card's value): Alternativ 1 Tjänst of "... - ..."."""
    for dash in (" - ", " – ", " — "):
        if dash in name:
            return name.split(dash, 1)[0].strip()
    return name


def _points(value: Decimal, lang: Lang) -> str:
    return format_number(float(value), lang, 0 if value == value.to_integral() else 1)


def robustness_text(found: Recommendation, lang: Lang) -> str:
    """The lead in points and whether it is robust (docs/method.md#recommendation)."""
    runner = _short_name(found.runner_up_name or "")
    if found.tied:
        return t("summary.tied", lang, runner=runner, points=_points(found.lead_total, lang))
    if found.runner_up_total is None:
        lead = t("summary.only_one", lang)
    else:
        lead = t(
            "summary.lead",
            lang,
            points=_points(found.lead_total, lang),
            runner_points=_points(found.runner_up_total, lang),
            runner=runner,
        )
    if found.robust:
        return f"{lead}; {t('summary.robust', lang)}"
    flip = found.flip
    if found.flip_within_margin and flip is not None:
        why = t(
            "summary.not_robust_flip",
            lang,
            criterion=flip.criterion,
            weight_from=_points(flip.weight_from, lang),
            tie_weight=_points(flip.tie_weight, lang),
            challenger=_short_name(flip.challenger_name),
        )
    else:
        why = t("summary.not_robust_step", lang)
    return f"{lead}; {why}"


def recommendation_figure(
    study: StudyResults | None, found: Recommendation | None, lang: Lang
) -> KeyFigure:
    """The recommended alternative and its robustness; says so when none was compared."""
    label = t("summary.kf_recommended", lang)
    if study is None:
        return KeyFigure(
            label=label,
            value=t("summary.none_compared", lang),
            value_type="text",
            note=t("summary.none_compared_note", lang),
        )
    if found is None:
        return KeyFigure(
            label=label,
            value=t("summary.none_scored", lang),
            value_type="text",
            note=t("summary.none_scored_note", lang),
            section="decision-support",
        )
    return KeyFigure(
        label=label,
        value=_short_name(found.lead_name),
        value_type="text",
        note=robustness_text(found, lang),
        section=RECOMMENDATION,
        method="recommendation",
    )


def first_wave_figure(wave: FirstWave, lang: Lang) -> KeyFigure:
    """The first wave's start, with its content and end in the note."""
    domains = ", ".join(t(f"rb.domain.{domain}", lang) for domain in wave.domains)
    return KeyFigure(
        label=t("summary.kf_first_wave", lang),
        value=format_date(wave.start, lang),
        value_type="text",
        section=PLAN,
        method="plan",
        note=t(
            "summary.first_wave_note",
            lang,
            wave=wave.wave,
            domains=domains,
            end=format_date(wave.end, lang),
        ),
    )


def board_figures(
    gap: GapReport | None, study: StudyResults | None, found: Recommendation | None, lang: Lang
) -> KeyFigures:
    """Recommendation, one-time cost, yearly saving, payback and the first wave's start."""
    figures = [recommendation_figure(study, found, lang)]
    if gap is not None and gap.business_case is not None:
        costs = key_figures(gap.business_case, lang)[:3]  # one-time, saving, payback
        figures += [
            figure.model_copy(update={"section": BUSINESS_CASE, "method": "costs"})
            for figure in costs
        ]
    wave = first_wave(gap) if gap is not None else None
    if wave is not None:
        figures.append(first_wave_figure(wave, lang))
    return KeyFigures(figures=figures)


def top_risk_blocks(
    entries: list[RiskEntry], names: Mapping[str, str], lang: Lang, limit: int = TOP_RISKS
) -> list[Block]:
    """The register's first ``limit`` rows in a short table, linked to the register."""
    if not entries:
        return [Paragraph(text=t("summary.no_risks", lang), section=SECTION_ID)]
    return [
        Paragraph(
            text=t("summary.risks_intro", lang, total=len(entries)),
            section=SECTION_ID,
            method="risk-register",
        ),
        register_table(
            entries[:limit],
            names,
            lang,
            table_id="summary-risks",
            title=t("summary.risks_title", lang),
            keys=("rank", "risk", "likelihood", "consequence", "wave"),
            note=t("summary.risks_note", lang),
        ),
    ]
