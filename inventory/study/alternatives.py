"""Alternatives scored against weighted criteria, ranked, and tested for sensitivity.

An alternative's total is Σ weight × score (GGVVH: seven criteria, weight 1 each, scores
1–4: S 21, 1 Teknik 22, 1 Tjänst 23, 2 22). The sensitivity analysis asks, for every
criterion alone, how far its weight must move before another alternative draws level with
the winner (beyond that point it wins), and sweeps each weight to show how the ranking
moves.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from pydantic import BaseModel, Field

from inventory.study.decimals import from_fraction
from inventory.study.inputs import AlternativesFile

#: Weight multipliers of the sweep (0 drops a criterion, 2 doubles it).
SWEEP_FACTORS = (Decimal(0), Decimal("0.5"), Decimal(2), Decimal(3))
_PLACES = Decimal("0.0001")


class RankedAlternative(BaseModel):
    """An alternative's weighted total and rank (equal totals share a rank)."""

    id: str
    name: str
    rank: int
    total: Decimal
    scores: dict[str, int]
    reconstructed: list[str]
    target: str | None = Field(default=None, description="Its target file (resolved path)")


class ListedAlternative(BaseModel):
    """An alternative as its file names and describes it (also those left unscored)."""

    id: str
    name: str
    description: str | None = None


class WinnerFlip(BaseModel):
    """The change of one criterion's weight at which a challenger draws level with the winner.

    Past ``tie_weight`` (further in the same direction) the challenger wins.
    """

    criterion: str
    criterion_name: str
    challenger: str
    weight_from: Decimal
    tie_weight: Decimal = Field(description="Rounded to 4 decimals")
    change: Decimal = Field(description="tie_weight - weight_from")
    relative_change_percent: Decimal | None


class SweepPoint(BaseModel):
    """The ranking with one criterion's weight multiplied by ``factor``."""

    criterion: str
    factor: Decimal
    weight: Decimal
    winners: list[str]
    order: list[str]


class Sensitivity(BaseModel):
    """How the ranking reacts to changes of single weights."""

    winners: list[str]
    smallest_flip: WinnerFlip | None = Field(
        description="The smallest single weight change (absolute) that ties the winner"
    )
    flips: list[WinnerFlip]
    sweep: list[SweepPoint]
    note: str


class AlternativesResult(BaseModel):
    """Scored and ranked alternatives of one study (or only listed when unscored)."""

    study: str
    source: str | None
    file: str
    scored: bool
    weights: dict[str, Decimal]
    criteria: dict[str, str]
    ranking: list[RankedAlternative]
    unscored: list[str] = Field(description="Alternatives the source lists without scores")
    listed: list[ListedAlternative] = Field(
        default=[], description="Every alternative of the file with its name and description"
    )
    scale_minimum: int = Field(default=1, description="The lowest score of the study's scale")
    scale_maximum: int = Field(default=4, description="The highest (most positive) score")
    sensitivity: Sensitivity | None


def _totals(study: AlternativesFile, weights: Mapping[str, Fraction]) -> dict[str, Fraction]:
    return {
        alt.id: sum((weights[c.id] * alt.scores[c.id] for c in study.criteria), Fraction(0))
        for alt in study.alternatives
    }


def _order(totals: Mapping[str, Fraction]) -> list[str]:
    return sorted(totals, key=lambda alt: -totals[alt])  # stable: file order breaks ties


def _winners(totals: Mapping[str, Fraction]) -> list[str]:
    best = max(totals.values())
    return [alt for alt, total in totals.items() if total == best]


def _decimal(value: Fraction) -> Decimal:
    return from_fraction(value, _PLACES)


def _flips(
    study: AlternativesFile, weights: Mapping[str, Fraction], winner: str
) -> list[WinnerFlip]:
    totals = _totals(study, weights)
    scores = {alt.id: alt.scores for alt in study.alternatives}
    flips = []
    for criterion in study.criteria:
        best: tuple[Fraction, str] | None = None
        for challenger in totals:
            if challenger == winner:
                continue
            lead = totals[winner] - totals[challenger]  # > 0
            slope = scores[challenger][criterion.id] - scores[winner][criterion.id]
            if slope == 0:
                continue
            change = lead / slope  # the weight change that makes the two equal
            if weights[criterion.id] + change < 0:
                continue  # a weight cannot go below 0
            if best is None or abs(change) < abs(best[0]):
                best = (change, challenger)
        if best is not None:
            change, challenger = best
            base = weights[criterion.id]
            flips.append(
                WinnerFlip(
                    criterion=criterion.id,
                    criterion_name=criterion.name,
                    challenger=challenger,
                    weight_from=_decimal(base),
                    tie_weight=_decimal(base + change),
                    change=_decimal(change),
                    relative_change_percent=None if base == 0 else _decimal(change * 100 / base),
                )
            )
    return sorted(flips, key=lambda f: (abs(f.change), f.criterion))


def _sweep(study: AlternativesFile, weights: Mapping[str, Fraction]) -> list[SweepPoint]:
    points = []
    for criterion in study.criteria:
        for factor in SWEEP_FACTORS:
            changed = dict(weights)
            changed[criterion.id] = weights[criterion.id] * Fraction(factor)
            totals = _totals(study, changed)
            points.append(
                SweepPoint(
                    criterion=criterion.id,
                    factor=factor,
                    weight=_decimal(changed[criterion.id]),
                    winners=_winners(totals),
                    order=_order(totals),
                )
            )
    return points


def _target_path(file: str, target: str | None) -> str | None:
    """An alternative's target file, relative to its alternatives file."""
    return None if target is None else os.path.normpath(Path(file).parent / target)


def evaluate_alternatives(
    study: AlternativesFile,
    file: str = "",
    weight_overrides: Mapping[str, Decimal] | None = None,
) -> AlternativesResult:
    """Rank the alternatives by Σ weight × score and analyse the weights' sensitivity.

    ``weight_overrides`` replaces the weights of the named criteria (what-if). A study
    whose alternatives carry no scores (the Ringerike letter) is listed, not ranked.
    """
    weights = {c.id: Fraction(c.weight) for c in study.criteria}
    for criterion, weight in (weight_overrides or {}).items():
        if criterion not in weights:
            raise KeyError(criterion)
        weights[criterion] = Fraction(weight)
    scored = [alt for alt in study.alternatives if alt.scores]
    unscored = [alt.id for alt in study.alternatives if not alt.scores]
    listed = AlternativesResult(
        study=study.study,
        source=study.source,
        file=file,
        scored=False,
        weights={k: _decimal(v) for k, v in weights.items()},
        criteria={c.id: c.name for c in study.criteria},
        ranking=[],
        unscored=unscored,
        listed=[
            ListedAlternative(id=alt.id, name=alt.name, description=alt.description)
            for alt in study.alternatives
        ],
        scale_minimum=study.scale_minimum,
        scale_maximum=study.scale_maximum,
        sensitivity=None,
    )
    if not scored or not study.criteria:
        return listed
    scored_study = study.model_copy(update={"alternatives": scored})
    totals = _totals(scored_study, weights)
    ranking = []
    for alt in scored:
        rank = 1 + sum(1 for other in totals.values() if other > totals[alt.id])
        ranking.append(
            RankedAlternative(
                id=alt.id,
                name=alt.name,
                rank=rank,
                total=_decimal(totals[alt.id]),
                scores=alt.scores,
                reconstructed=alt.reconstructed,
                target=_target_path(file, alt.target),
            )
        )
    ranking.sort(key=lambda r: r.rank)
    winners = _winners(totals)
    if len(winners) > 1:
        sensitivity = Sensitivity(
            winners=winners,
            smallest_flip=None,
            flips=[],
            sweep=_sweep(scored_study, weights),
            note="The winners are already tied: any weight change"
            " that favours one of them decides.",
        )
    else:
        flips = _flips(scored_study, weights, winners[0])
        sensitivity = Sensitivity(
            winners=winners,
            smallest_flip=flips[0] if flips else None,
            flips=flips,
            sweep=_sweep(scored_study, weights),
            note="A flip is the weight at which the challenger draws level; moving the"
            " weight further in the same direction makes it win. Weights stay >= 0."
            if flips
            else "No single weight change (weights >= 0) changes the winner.",
        )
    return listed.model_copy(
        update={"scored": True, "ranking": ranking, "sensitivity": sensitivity}
    )
