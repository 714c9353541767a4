"""The decision-support input files: what a study states, never what it concludes.

One pydantic model per file kind, with the file names looked for in a study folder.
``schema_files()`` publishes their JSON Schema as ``schemas/study-*.schema.json`` (picked
up by ``inventory schemas``).

| file | holds |
|---|---|
| ``areas.yaml`` | areas A–I grouped, with the reference spend share per group |
| ``potential.csv`` | one row per municipality, one 0–100 potential score per area |
| ``alternatives*.yaml`` | criteria with weights, alternatives with their 1–4 scores |
| ``cost-sharing.yaml`` | parties (population, employees, devices, usage), keys, costs |
| ``projection.yaml`` | yearly cost and staff with and without collaboration |
| ``establishment-plan.csv`` | sub-projects with quarters, cost and funding |
| ``it-costs.yaml`` | IT cost per municipality with the definition of what is counted |
"""

from __future__ import annotations

import enum
import json
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from inventory.study.allocation import AllocationKey, Party
from inventory.study.decimals import StudyNumber
from inventory.study.sources import decimal_text

AREAS_FILE = "areas.yaml"
POTENTIAL_FILE = "potential.csv"
ALTERNATIVES_GLOB = "alternatives*.yaml"
COST_SHARING_FILE = "cost-sharing.yaml"
PROJECTION_FILE = "projection.yaml"
ESTABLISHMENT_PLAN_FILE = "establishment-plan.csv"
IT_COSTS_FILE = "it-costs.yaml"

CsvDecimal = Annotated[StudyNumber, BeforeValidator(decimal_text)]


class StudyInput(BaseModel):
    """Base of every study input model: unknown fields are errors, ids may be numbers."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


# --- areas and potential -------------------------------------------------------------


class AreaPart(StudyInput):
    """A part of an area (the GGVVH area A has four: datacentre, network, platforms, clients)."""

    id: str = Field(min_length=1)
    name: str


class AreaDefinition(StudyInput):
    """One area of IT work, e.g. ``B`` user support."""

    id: str = Field(min_length=1, description="Column name in potential.csv, e.g. A")
    name: str
    parts: list[AreaPart] = Field(default_factory=list)


class AreaGroup(StudyInput):
    """Areas the study groups together, with the reference share of spend for the group."""

    id: str = Field(min_length=1)
    name: str
    reference_share_percent: StudyNumber = Field(
        ge=0, le=100, description="Share of spend today for the group (the study's 'Idag')."
    )
    areas: list[AreaDefinition] = Field(min_length=1)


class AreasFile(StudyInput):
    """``areas.yaml``: the areas of the study, grouped."""

    study: str
    reference_label: str = Field("today", description="What the reference shares stand for.")
    reference_note: str | None = None
    groups: list[AreaGroup] = Field(min_length=1)

    def area_ids(self) -> list[str]:
        """Every area id in file order."""
        return [area.id for group in self.groups for area in group.areas]


PotentialScore = Annotated[StudyNumber, BeforeValidator(decimal_text), Field(ge=0, le=100)]


class PotentialRow(StudyInput):
    """A row of ``potential.csv``: a municipality and one score 0–100 per area column."""

    model_config = ConfigDict(
        extra="allow",
        coerce_numbers_to_str=True,
        frozen=True,
        json_schema_extra={
            "additionalProperties": {
                "anyOf": [
                    {"type": "number", "minimum": 0, "maximum": 100},
                    {"type": "string", "pattern": r"^\d+([.,]\d+)?$"},
                ],
                "description": "Potential score 0-100; the column is an area id of areas.yaml.",
            }
        },
    )

    municipality: str = Field(min_length=1)


# --- alternatives ----------------------------------------------------------------------


class Criterion(StudyInput):
    """A criterion the alternatives are scored against."""

    id: str = Field(min_length=1)
    name: str
    weight: StudyNumber = Field(Decimal(1), ge=0)


class AlternativeInput(StudyInput):
    """An alternative and its scores per criterion id (absent when the source gives none)."""

    id: str = Field(min_length=1)
    name: str
    description: str | None = None
    scope: list[str] = Field(default_factory=list, description="Area ids it covers.")
    target: str | None = Field(
        default=None,
        description="Target file that costs it (path relative to this file):"
        " its gap is computed over the stored inventory beside the scores.",
    )
    scores: dict[str, int] = Field(default_factory=dict)
    reconstructed: list[str] = Field(
        default_factory=list,
        description="Criterion ids whose scores are not printed in the source.",
    )


class AlternativesFile(StudyInput):
    """``alternatives*.yaml``: criteria with weights and the alternatives' scores."""

    study: str
    source: str | None = None
    scale_minimum: int = 1
    scale_maximum: int = 4
    criteria: list[Criterion] = Field(default_factory=list)
    alternatives: list[AlternativeInput] = Field(min_length=1)


# --- cost sharing ------------------------------------------------------------------------


class CostToShare(StudyInput):
    """A cost to divide between the parties with a named key."""

    id: str = Field(min_length=1)
    name: str
    amount: StudyNumber = Field(ge=0)
    key: str = Field(description="Id of an allocation key in this file.")


class CostSharingFile(StudyInput):
    """``cost-sharing.yaml``: parties, allocation keys and the costs to share."""

    study: str
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    parties: list[Party] = Field(min_length=1)
    keys: list[AllocationKey] = Field(min_length=1)
    costs: list[CostToShare] = Field(default_factory=list)


# --- projections and the establishment plan ----------------------------------------------


class ScenarioFigures(StudyInput):
    """Cost and staff of one scenario in one year (either may be absent)."""

    cost: StudyNumber | None = None
    staff: StudyNumber | None = Field(None, ge=0)


class ProjectionYear(StudyInput):
    """One year of the projection table."""

    year: int = Field(ge=1900, le=2200)
    without_collaboration: ScenarioFigures | None = None
    with_collaboration: ScenarioFigures | None = None


class ProjectionFile(StudyInput):
    """``projection.yaml``: cost and staff per year, with and without collaboration."""

    study: str
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    cost_unit: StudyNumber = Field(
        Decimal(1), gt=0, description="1000000 when costs are in millions"
    )
    cost_unit_label: str = "NOK"
    note: str | None = None
    years: list[ProjectionYear] = Field(min_length=1)


class Funding(enum.StrEnum):
    """How an establishment sub-project is paid for."""

    INVESTMENT = "investment"
    OPERATIONS = "operations"


_FUNDING_SPELLINGS = {
    "investment": "investment",
    "investering": "investment",
    "operations": "operations",
    "drift": "operations",
}
_QUARTER = re.compile(
    r"^\s*(?:(\d{4})\s*-?\s*[Qq]([1-4])|([1-4])\s*\.?\s*(?:kv|q)\.?\s*-?\s*"
    r"(\d{4}))\s*$"
)


def _parse_funding(value: Any) -> Any:
    if isinstance(value, str):
        return _FUNDING_SPELLINGS.get(value.strip().casefold(), value)
    return value


def _parse_quarter(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    match = _QUARTER.match(value)
    if not match:
        raise PydanticCustomError(
            "validation.study.quarter",
            "{value} is not a quarter: write 2009Q1 or '1. kv 2009'",
            {"value": repr(value)},
        )
    year, quarter = (match[1], match[2]) if match[1] else (match[4], match[3])
    return f"{year}Q{quarter}"


Quarter = Annotated[str, BeforeValidator(_parse_quarter)]


class EstablishmentRow(StudyInput):
    """A row of ``establishment-plan.csv``: one item of a sub-project."""

    subproject: str = Field(min_length=1, description="e.g. 15.1")
    name: str
    start: Quarter | None = None
    finish: Quarter
    cost: CsvDecimal | None = Field(None, ge=0, description="Price excl. VAT; empty: no price")
    funding: Annotated[Funding, BeforeValidator(_parse_funding)] = Funding.INVESTMENT


# --- comparable costs -------------------------------------------------------------------


class CostDefinition(StudyInput):
    """What a municipality counts as IT cost: the Bollebygd decision's point."""

    id: str = Field(min_length=1)
    description: str
    includes: list[str] = Field(min_length=1)
    excludes: list[str] = Field(default_factory=list)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    year: int = Field(ge=1900, le=2200)


class MunicipalityItCost(StudyInput):
    """One municipality's IT cost and the bases to divide it by."""

    municipality: str = Field(min_length=1)
    name: str
    it_cost: StudyNumber = Field(ge=0)
    population: int | None = Field(None, gt=0)
    employees: int | None = Field(None, gt=0)
    devices: int | None = Field(None, gt=0)
    definition: str = Field(description="Id of a definition in this file.")


class ItCostsFile(StudyInput):
    """``it-costs.yaml``: IT costs per municipality with their definitions."""

    study: str
    note: str | None = None
    definitions: list[CostDefinition] = Field(min_length=1)
    municipalities: list[MunicipalityItCost] = Field(min_length=1)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "study-areas": AreasFile,
    "study-potential-row": PotentialRow,
    "study-alternatives": AlternativesFile,
    "study-cost-sharing": CostSharingFile,
    "study-projection": ProjectionFile,
    "study-establishment-row": EstablishmentRow,
    "study-it-costs": ItCostsFile,
}


def schema_files() -> dict[str, str]:
    """Every study input schema file name mapped to its JSON text (``schemas/study-*``)."""
    files = {}
    for name, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        files[f"{name}.schema.json"] = (
            json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
    return files
