"""Potential of collaboration per area, aggregated per group and set against today's spend.

Each municipality scores every area 0–100 (the GGVVH study: will, benefit and ability to
collaborate, on a 3–5 year view). The scores are summed over the municipalities; a
group's potential share is its sum over the sum of all areas, compared with the reference
share of spend the study calls "Idag" (GGVVH: potential 60/15/25 % against 40/25/35 %).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from pydantic import BaseModel, Field

from inventory.study.inputs import AreasFile

_PERCENT_PLACES = Decimal("0.1")


class AreaPotential(BaseModel):
    """One area's scores by municipality and their sum."""

    area: str
    name: str
    group: str
    scores: dict[str, Decimal]
    total: Decimal


class GroupPotential(BaseModel):
    """A group's share of the total potential next to its reference share of spend."""

    group: str
    name: str
    areas: list[str]
    total: Decimal
    potential_share_percent: Decimal = Field(description="Rounded to 0.1 %")
    reference_share_percent: Decimal
    difference_points: Decimal = Field(description="Potential minus reference, % points")
    municipality_share_percent: dict[str, Decimal]


class PotentialResult(BaseModel):
    """Aggregated potential of the study's areas."""

    study: str
    reference_label: str
    reference_note: str | None
    municipalities: list[str]
    areas: list[AreaPotential]
    groups: list[GroupPotential]
    total: Decimal
    focus_group: str = Field(description="The group with the largest potential share")


def _percent(part: Decimal, whole: Decimal) -> Decimal:
    if whole == 0:
        return Decimal(0)
    return (part * 100 / whole).quantize(_PERCENT_PLACES)


def aggregate_potential(
    areas: AreasFile, scores: Mapping[str, Mapping[str, Decimal]]
) -> PotentialResult:
    """Sum the municipalities' scores per area and group; compare with the reference shares.

    ``scores`` maps municipality -> area id -> score (0–100).
    """
    municipalities = list(scores)
    area_results = []
    group_results = []
    municipality_totals = {m: sum(scores[m].values(), Decimal(0)) for m in municipalities}
    grand_total = sum(municipality_totals.values(), Decimal(0))
    for group in areas.groups:
        group_total = Decimal(0)
        group_by_municipality = dict.fromkeys(municipalities, Decimal(0))
        for area in group.areas:
            area_scores = {m: scores[m].get(area.id, Decimal(0)) for m in municipalities}
            area_total = sum(area_scores.values(), Decimal(0))
            area_results.append(
                AreaPotential(
                    area=area.id,
                    name=area.name,
                    group=group.id,
                    scores=area_scores,
                    total=area_total,
                )
            )
            group_total += area_total
            for municipality, score in area_scores.items():
                group_by_municipality[municipality] += score
        share = _percent(group_total, grand_total)
        group_results.append(
            GroupPotential(
                group=group.id,
                name=group.name,
                areas=[a.id for a in group.areas],
                total=group_total,
                potential_share_percent=share,
                reference_share_percent=group.reference_share_percent,
                difference_points=share - group.reference_share_percent,
                municipality_share_percent={
                    m: _percent(group_by_municipality[m], municipality_totals[m])
                    for m in municipalities
                },
            )
        )
    focus = max(group_results, key=lambda g: g.total).group
    return PotentialResult(
        study=areas.study,
        reference_label=areas.reference_label,
        reference_note=areas.reference_note,
        municipalities=municipalities,
        areas=area_results,
        groups=group_results,
        total=grand_total,
        focus_group=focus,
    )
