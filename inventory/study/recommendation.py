"""Which alternative leads, by how much, and how robust that lead is.

``recommendation(results)`` reads the first scored alternatives file of a study (its
ranking and the sensitivity ``evaluate_alternatives`` computed) and says:

* the lead alternative and the runner-up, and the lead in points (Σ weight × score);
* whether the lead is *robust*: it is not when halving or raising any single weight by
  at most ``ROBUST_WEIGHT_CHANGE`` (50 %) lets a challenger draw level, nor when the lead
  is no larger than one score step on the heaviest criterion (one evaluator's one-point
  change on one criterion would tie it). The GGVVH samples lead by 1 point (23 against
  22) and halving criterion 6's weight ties 1 Tjänst with 2: not robust;
* the single weight change that reverses it (as data, for the sentence the report writes);
* the lead's computed one-time cost range and yearly saving, when the gap costed its
  target (``inventory.gap.alternatives.Alternatives``).

Docs: docs/method.md#recommendation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from inventory.study.alternatives import AlternativesResult, RankedAlternative
from inventory.study.costed import costed_alternatives
from inventory.study.results import StudyResults

if TYPE_CHECKING:
    import pandas as pd


class Alternatives(Protocol):
    """What the recommendation reads of the gap's costed alternatives
    (``inventory.gap.alternatives.Alternatives``: the gap package is above this one):
    ``table``, one row per target, read as ``study.costed.CostedAlternative``."""

    @property
    def table(self) -> pd.DataFrame: ...


#: The largest relative change of one weight (percent of the weight) within which a
#: reversal means the lead is not robust: halving a weight (-50 %) or raising it by half.
ROBUST_WEIGHT_CHANGE = Decimal(50)


@dataclass(frozen=True)
class WeightChange:
    """The single weight change at which the challenger draws level with the lead
    (past ``tie_weight``, further in the same direction, the challenger leads)."""

    criterion: str
    criterion_name: str
    weight_from: Decimal
    tie_weight: Decimal
    change: Decimal
    #: ``change`` in percent of ``weight_from``; None when the weight was 0.
    relative_change_percent: Decimal | None
    challenger_id: str
    challenger_name: str


@dataclass(frozen=True)
class LeadCost:
    """The lead alternative's computed figures from the gap of its target file."""

    currency: str
    one_time_low: float | None
    one_time_expected: float | None
    one_time_high: float | None
    yearly_saving: float | None
    payback_year: int | None
    scope: str


@dataclass(frozen=True)
class Recommendation:
    """The lead of a study's scored alternatives and how far it can be relied on."""

    study: str
    lead_id: str
    lead_name: str
    lead_total: Decimal
    #: The best of the others (the first in file order when several share rank 2);
    #: None when the study scores only one alternative.
    runner_up_id: str | None
    runner_up_name: str | None
    runner_up_total: Decimal | None
    #: Lead minus runner-up in points of Σ weight × score (0 when tied).
    margin: Decimal
    #: Several alternatives share the highest total: there is no lead.
    tied: bool
    #: The smallest single weight change that ties the lead; None when none can.
    flip: WeightChange | None
    #: The flip needs at most ROBUST_WEIGHT_CHANGE percent of one weight.
    flip_within_margin: bool
    #: The margin is no more than one score step on the heaviest criterion.
    within_one_score_step: bool
    #: Neither of the two above and not tied: the ranking holds under moderate changes.
    robust: bool
    #: Alternatives of the study, in the order ranked.
    alternatives: int
    cost: LeadCost | None = None


def _first_scored(results: StudyResults) -> AlternativesResult | None:
    return next((study for study in results.alternatives if study.scored and study.ranking), None)


def lead_cost(lead: RankedAlternative, alternatives: Alternatives | None) -> LeadCost | None:
    """The costed figures of ``lead`` (matched on its target file), or None."""
    if alternatives is None or lead.target is None:
        return None
    wanted = os.path.normpath(lead.target)
    for row in costed_alternatives(alternatives.table):
        if row.file and os.path.normpath(row.file) == wanted:
            return LeadCost(
                currency=row.currency,
                one_time_low=row.one_time_low,
                one_time_expected=row.one_time_expected,
                one_time_high=row.one_time_high,
                yearly_saving=row.yearly_saving,
                payback_year=row.payback_year,
                scope=row.scope,
            )
    return None


def recommendation(
    results: StudyResults, alternatives: Alternatives | None = None
) -> Recommendation | None:
    """The lead of the study's first scored alternatives and its robustness; None when no
    alternatives file scores its alternatives.

    Example on the samples: lead ``1-tjanst`` (23), runner-up ``1-teknik`` (22), margin 1,
    flip: criterion 6 from 1 to 0.5 ties with ``2``; not robust.
    """
    study = _first_scored(results)
    if study is None:
        return None
    ranking = study.ranking
    lead = ranking[0]
    others = ranking[1:]
    runner = others[0] if others else None
    names = {alt.id: alt.name for alt in ranking}
    sensitivity = study.sensitivity
    tied = sensitivity is not None and len(sensitivity.winners) > 1
    smallest = sensitivity.smallest_flip if sensitivity is not None else None
    flip = None
    if smallest is not None:
        flip = WeightChange(
            criterion=smallest.criterion,
            criterion_name=smallest.criterion_name,
            weight_from=smallest.weight_from,
            tie_weight=smallest.tie_weight,
            change=smallest.change,
            relative_change_percent=smallest.relative_change_percent,
            challenger_id=smallest.challenger,
            challenger_name=names.get(smallest.challenger, smallest.challenger),
        )
    margin = lead.total - runner.total if runner is not None else Decimal(0)
    heaviest = max(study.weights.values(), default=Decimal(0))
    within_step = runner is not None and margin <= heaviest
    within_margin = False
    if flip is not None:
        relative = flip.relative_change_percent
        # a weight of 0 raised: measure against the heaviest weight instead
        if relative is None and heaviest > 0:
            relative = flip.change * 100 / heaviest
        within_margin = relative is not None and abs(relative) <= ROBUST_WEIGHT_CHANGE
    return Recommendation(
        study=study.study,
        lead_id=lead.id,
        lead_name=lead.name,
        lead_total=lead.total,
        runner_up_id=runner.id if runner is not None else None,
        runner_up_name=runner.name if runner is not None else None,
        runner_up_total=runner.total if runner is not None else None,
        margin=margin,
        tied=tied,
        flip=flip,
        flip_within_margin=within_margin,
        within_one_score_step=within_step,
        robust=not tied and not within_margin and not within_step,
        alternatives=len(ranking),
        cost=lead_cost(lead, alternatives),
    )
