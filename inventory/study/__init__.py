"""Decision support from the municipal studies: potential per area, alternatives scored
against weighted criteria, cost allocation keys, projections and comparable costs.

Entry point: ``study_results(inputs_dir) -> StudyResults`` (see ``results``).
"""

from inventory.study.allocation import (
    Allocation,
    AllocationKey,
    Basis,
    CostLine,
    KeyComponent,
    Party,
    allocate,
    allocate_cost_lines,
)
from inventory.study.loading import InvalidStudyInput, Section
from inventory.study.results import StudyResults, study_results

__all__ = [
    "Allocation",
    "AllocationKey",
    "Basis",
    "CostLine",
    "InvalidStudyInput",
    "KeyComponent",
    "Party",
    "Section",
    "StudyResults",
    "allocate",
    "allocate_cost_lines",
    "study_results",
]
