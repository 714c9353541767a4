"""Everything the decision support computes from a study folder, as one JSON-able model.

``study_results(folder)`` is what the report embeds and what every ``inventory study``
command calls (asking only for its section).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from inventory.errors import StudyInputError
from inventory.issues import Issue
from inventory.messages import Message
from inventory.study.allocation import Allocation, AllocationKey, Party, allocate
from inventory.study.alternatives import AlternativesResult, evaluate_alternatives
from inventory.study.comparison import CostComparison, compare_costs
from inventory.study.inputs import IT_COSTS_FILE, CostToShare
from inventory.study.loading import Section, StudyInputs, load_study_inputs
from inventory.study.potential import PotentialResult, aggregate_potential
from inventory.study.projection import (
    EstablishmentPlanResult,
    ProjectionResult,
    plan_establishment,
    project_costs,
)


class UnknownCriterionError(StudyInputError):
    """A weight override names a criterion no alternatives file has."""


class UnknownKeyError(StudyInputError):
    """An extra cost names an allocation key the cost-sharing file does not define."""


class SharedCost(BaseModel):
    """A cost of the cost-sharing file (or given on the command line) and its allocation."""

    cost: str
    name: str
    allocation: Allocation


class CostSharingResult(BaseModel):
    """Every cost divided between the parties by its key."""

    study: str
    currency: str
    keys: dict[str, str]
    costs: list[SharedCost]
    #: The parties with their populations (and other measures) the keys divide by.
    parties: list[Party] = []
    #: The keys themselves: each component's basis and percent (the report's formula).
    key_definitions: list[AllocationKey] = []


class StudyResults(BaseModel):
    """The decision support of one study folder; sections absent from it are ``None``."""

    folder: str
    files: list[str]
    potential: PotentialResult | None = None
    alternatives: list[AlternativesResult] = []
    cost_sharing: CostSharingResult | None = None
    projection: ProjectionResult | None = None
    establishment_plan: EstablishmentPlanResult | None = None
    comparison: CostComparison | None = None
    warnings: list[Issue] = []

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (Decimals as strings, so no money is lost to floats)."""
        return self.model_dump(mode="json")


def _share_costs(inputs: StudyInputs, extra_costs: Sequence[CostToShare]) -> CostSharingResult:
    sharing = inputs.cost_sharing
    assert sharing is not None
    keys = {key.id: key for key in sharing.keys}
    shared = []
    for cost in [*sharing.costs, *extra_costs]:
        if cost.key not in keys:
            raise UnknownKeyError(
                Message("error.study.unknown_key", {"name": repr(cost.key)}),
                hint=Message("error.study.unknown_key.hint", {"keys": ", ".join(keys)}),
            )
        shared.append(
            SharedCost(
                cost=cost.id,
                name=cost.name,
                allocation=allocate(cost.amount, keys[cost.key], list(sharing.parties)),
            )
        )
    return CostSharingResult(
        study=sharing.study,
        currency=sharing.currency,
        keys={
            k.id: f"{k.name}: {k.describe()}, rounded to {k.rounding_unit} {sharing.currency}"
            for k in sharing.keys
        },
        costs=shared,
        parties=list(sharing.parties),
        key_definitions=list(sharing.keys),
    )


def compute_study_results(
    inputs: StudyInputs,
    weight_overrides: Mapping[str, Decimal] | None = None,
    extra_costs: Sequence[CostToShare] = (),
) -> StudyResults:
    """Compute every section present in ``inputs`` (already validated)."""
    results = StudyResults(folder=str(inputs.folder), files=inputs.files_read)
    if inputs.areas is not None and inputs.potential_scores is not None:
        results.potential = aggregate_potential(inputs.areas, inputs.potential_scores)
    overrides = dict(weight_overrides or {})
    known = {c.id for _, study in inputs.alternatives for c in study.criteria}
    unknown = sorted(set(overrides) - known)
    if unknown:
        criteria = ", ".join(sorted(known))
        raise UnknownCriterionError(
            Message("error.study.unknown_criterion", {"names": ", ".join(unknown)}),
            hint=Message(
                "error.study.unknown_criterion.hint",
                {"criteria": criteria or Message("error.study.none")},
            ),
        )
    for file, study in inputs.alternatives:
        own = {c.id for c in study.criteria}
        results.alternatives.append(
            evaluate_alternatives(study, file, {k: v for k, v in overrides.items() if k in own})
        )
    if inputs.cost_sharing is not None:
        results.cost_sharing = _share_costs(inputs, extra_costs)
    if inputs.projection is not None:
        results.projection = project_costs(inputs.projection)
    if inputs.establishment_rows is not None:
        currency = inputs.projection.currency if inputs.projection else "NOK"
        results.establishment_plan = plan_establishment(inputs.establishment_rows, currency)
    if inputs.it_costs is not None:
        results.comparison = compare_costs(inputs.it_costs, str(inputs.folder / IT_COSTS_FILE))
        results.warnings += results.comparison.warnings
    return results


def study_results(
    inputs_dir: Path,
    sections: Collection[Section] | None = None,
    weight_overrides: Mapping[str, Decimal] | None = None,
    extra_costs: Sequence[CostToShare] = (),
) -> StudyResults:
    """Read, check and compute the decision support of the study folder ``inputs_dir``.

    Raises ``InvalidStudyInput`` (with ``.report``: every issue with file and line) when a
    file is invalid. Example::

        results = study_results(Path("samples/study"))
        results.alternatives[0].ranking[0].id      # '1-tjanst'
        results.to_json()                          # for the HTML / XLSX report
    """
    inputs = load_study_inputs(inputs_dir, sections)
    return compute_study_results(inputs, weight_overrides, extra_costs)
