"""The lead of a study's alternatives and how robust it is (study.recommendation)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from inventory.study import study_results
from inventory.study.alternatives import evaluate_alternatives
from inventory.study.inputs import AlternativesFile
from inventory.study.loading import Section
from inventory.study.recommendation import recommendation
from inventory.study.results import StudyResults

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "study"


def _results(criteria: list[tuple[str, int]], scores: dict[str, dict[str, int]]) -> StudyResults:
    study = AlternativesFile.model_validate(
        {
            "study": "own",
            "criteria": [{"id": c, "name": f"criterion {c}", "weight": w} for c, w in criteria],
            "alternatives": [{"id": a, "name": f"alt {a}", "scores": s} for a, s in scores.items()],
        }
    )
    return StudyResults(folder="x", files=[], alternatives=[evaluate_alternatives(study)])


def test_one_point_lead_on_the_samples_is_not_robust() -> None:
    results = study_results(SAMPLES, {Section.ALTERNATIVES})
    found = recommendation(results)
    assert found is not None
    # 1 Tjänst: 3+4+4+2+2+4+4 = 23; 1 Teknik: 3+4+3+2+2+4+4 = 22; 2: 4+4+4+3+3+2+2 = 22
    assert (found.lead_id, found.lead_total) == ("1-tjanst", Decimal(23))
    assert (found.runner_up_id, found.runner_up_total) == ("1-teknik", Decimal(22))
    assert found.margin == Decimal(23 - 22)
    # criterion 6: 1 Tjänst scores 4, 2 scores 2; the lead of 1 closes at weight
    # 1 - 1 / (4 - 2) = 0.5, a change of -50 % (within the margin)
    assert found.flip is not None
    assert (found.flip.criterion, found.flip.challenger_id) == ("6", "2")
    assert found.flip.tie_weight == Decimal(1) - Decimal(1) / (4 - 2)
    assert found.flip.relative_change_percent == Decimal(-50)
    assert found.flip_within_margin and found.within_one_score_step
    assert not found.robust and not found.tied
    assert found.cost is None  # nothing costed


def test_the_json_form_read_back_gives_the_same() -> None:
    results = study_results(SAMPLES, {Section.ALTERNATIVES})
    assert recommendation(StudyResults.model_validate(results.to_json())) == recommendation(results)


def test_clear_lead_is_robust() -> None:
    # x: 4 + 4 + 4 = 12, y: 1 + 2 + 1 = 4; lead 8 > one score step (weight 1);
    # no single weight change ties (x scores at least as high on every criterion)
    found = recommendation(
        _results(
            [("a", 1), ("b", 1), ("c", 1)],
            {"x": {"a": 4, "b": 4, "c": 4}, "y": {"a": 1, "b": 2, "c": 1}},
        )
    )
    assert found is not None
    assert found.margin == Decimal((4 + 4 + 4) - (1 + 2 + 1))
    assert found.flip is None and found.robust


def test_halving_the_heaviest_weight_is_within_the_margin() -> None:
    # x: 2*4 + 1*1 = 9, y: 2*1 + 1*4 = 6: lead 3 > heaviest weight 2, yet y draws level
    # when a's weight w gives 4w + 1 = w + 4, w = 1: -50 % of 2, within the margin
    found = recommendation(
        _results([("a", 2), ("b", 1)], {"x": {"a": 4, "b": 1}, "y": {"a": 1, "b": 4}})
    )
    assert found is not None
    assert found.margin == Decimal(9 - 6) and not found.within_one_score_step
    assert found.flip is not None and found.flip.criterion == "a"
    assert found.flip.tie_weight == Decimal(1)
    assert found.flip_within_margin and not found.robust


def test_lead_needing_more_than_half_a_weight_is_robust() -> None:
    # x: 4+4+4+1 = 13, y: 2+2+3+4 = 11, lead 2 > one step (weights 1). Ties: a or b
    # 1 - 2/2 = 0 (-100 %), c 1 - 2/1 < 0 (impossible), d 1 + 2/3 (+66.7 %): the smallest
    # change is d's 2/3, beyond 50 %
    found = recommendation(
        _results(
            [("a", 1), ("b", 1), ("c", 1), ("d", 1)],
            {"x": {"a": 4, "b": 4, "c": 4, "d": 1}, "y": {"a": 2, "b": 2, "c": 3, "d": 4}},
        )
    )
    assert found is not None
    assert found.margin == Decimal(13 - 11)
    assert found.flip is not None and found.flip.criterion == "d"
    assert found.flip.tie_weight == Decimal("1.6667")
    assert not found.flip_within_margin and not found.within_one_score_step
    assert found.robust


def test_tied_winners_have_no_lead() -> None:
    found = recommendation(_results([("a", 1)], {"x": {"a": 3}, "y": {"a": 3}}))
    assert found is not None
    assert found.tied and found.margin == 0 and not found.robust


def test_no_scored_alternatives() -> None:
    assert recommendation(StudyResults(folder="x", files=[])) is None
