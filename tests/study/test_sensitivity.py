"""How the GGVVH ranking moves when the weights change."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inventory.study import study_results
from inventory.study.alternatives import evaluate_alternatives
from inventory.study.inputs import AlternativesFile
from inventory.study.loading import Section
from inventory.study.results import UnknownCriterionError

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "study"


def _ggvvh(**weights: str):  # type: ignore[no-untyped-def]
    results = study_results(
        SAMPLES,
        {Section.ALTERNATIVES},
        weight_overrides={k.lstrip("c"): Decimal(v) for k, v in weights.items()},
    )
    return next(a for a in results.alternatives if a.file.endswith("ggvvh.yaml"))


def test_smallest_flip_is_halving_risk_or_cost_weight() -> None:
    result = _ggvvh()
    assert result.sensitivity is not None
    assert result.sensitivity.winners == ["1-tjanst"]
    flip = result.sensitivity.smallest_flip
    assert flip is not None
    assert (flip.criterion, flip.challenger, flip.weight_from, flip.tie_weight, flip.change) == (
        "6",
        "2",
        1,
        Decimal("0.5"),
        Decimal("-0.5"),
    )
    by_criterion = {f.criterion: (f.challenger, f.tie_weight) for f in result.sensitivity.flips}
    assert by_criterion["7"] == ("2", Decimal("0.5"))
    assert by_criterion["1"] == ("2", Decimal(2))
    assert by_criterion["3"] == ("1-teknik", Decimal(0))
    assert "2" not in by_criterion  # every alternative scores 4 on criterion 2


def test_past_the_tie_the_challenger_wins() -> None:
    tied = _ggvvh(c6="0.5")
    assert tied.sensitivity is not None and set(tied.sensitivity.winners) == {"1-tjanst", "2"}
    flipped = _ggvvh(c6="0.4")
    assert flipped.ranking[0].id == "2" and flipped.ranking[0].total == Decimal("20.8")
    assert flipped.ranking[1].id == "1-tjanst" and flipped.ranking[1].total == Decimal("20.6")
    assert flipped.weights["6"] == Decimal("0.4")


def test_sweep_shows_the_ranking_per_weight_factor() -> None:
    result = _ggvvh()
    assert result.sensitivity is not None
    doubled = next(p for p in result.sensitivity.sweep if p.criterion == "1" and p.factor == 2)
    assert doubled.winners == ["1-tjanst", "2"]
    dropped = next(p for p in result.sensitivity.sweep if p.criterion == "6" and p.factor == 0)
    assert dropped.winners == ["2"]


def test_unknown_criterion_in_override() -> None:
    with pytest.raises(UnknownCriterionError):
        _ggvvh(c9="1")


def test_no_single_change_flips_a_dominant_winner() -> None:
    study = AlternativesFile.model_validate(
        {
            "study": "t",
            "criteria": [{"id": "a", "name": "a"}, {"id": "b", "name": "b"}],
            "alternatives": [
                {"id": "x", "name": "x", "scores": {"a": 4, "b": 4}},
                {"id": "y", "name": "y", "scores": {"a": 1, "b": 2}},
            ],
        }
    )
    result = evaluate_alternatives(study)
    assert result.sensitivity is not None
    assert result.sensitivity.smallest_flip is None and result.sensitivity.flips == []
