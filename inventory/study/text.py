"""Rich tables of the decision-support results, for ``inventory study ... --format text``."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from inventory.study.alternatives import AlternativesResult
from inventory.study.comparison import CostComparison
from inventory.study.potential import PotentialResult
from inventory.study.projection import EstablishmentPlanResult, ProjectionResult
from inventory.study.results import CostSharingResult

_MILLION = Decimal(1_000_000)


def _row(table: Table, *values: str) -> None:
    # Text, not str: names from the input files must never be read as rich markup.
    table.add_row(*(Text(value) for value in values))


def _number(value: Decimal | None) -> str:
    if value is None:
        return "–"
    return f"{value:,}" if value == value.to_integral_value() else f"{value:,.2f}"


def _signed(value: Decimal) -> str:
    return f"{value:+}"


def potential_table(result: PotentialResult) -> RenderableType:
    """Potential per area and group against the reference share of spend."""
    areas = Table(title=f"Potential per area: {result.study}")
    areas.add_column("area", no_wrap=True, max_width=28, overflow="ellipsis")
    areas.add_column("group", no_wrap=True, max_width=12, overflow="ellipsis")
    for municipality in result.municipalities:
        areas.add_column(municipality, justify="right")
    areas.add_column("total", justify="right")
    for area in result.areas:
        _row(areas, f"{area.area} {area.name}", area.group,
                      *[_number(area.scores[m]) for m in result.municipalities],
                      _number(area.total))
    groups = Table(title="Potential against today's spend, per group")
    for name in ("group", "areas", "potential %", f"{result.reference_label} %",
                 "difference (points)"):
        groups.add_column(name, justify="left" if name in {"group", "areas"} else "right")
    for group in result.groups:
        _row(groups, group.name, ", ".join(group.areas), str(group.potential_share_percent),
                       str(group.reference_share_percent), _signed(group.difference_points))
    return Group(areas, groups, Text(f"Largest potential: {result.focus_group}."))


def alternatives_table(result: AlternativesResult) -> RenderableType:
    """Ranking with the scores per criterion, then the weight sensitivity."""
    title = f"Alternatives: {result.study}"
    if not result.scored:
        table = Table(title=title + " (listed without scores in the source)")
        table.add_column("alternative")
        for alternative_id in result.unscored:
            _row(table, alternative_id)
        return table
    table = Table(title=title)
    names: list[str] = []
    table.add_column("rank", justify="right")
    table.add_column("alternative")
    for criterion, weight in result.weights.items():
        table.add_column(f"{criterion} (w {weight})", justify="right")
    table.add_column("total", justify="right")
    for row in result.ranking:
        names.append(f"{row.id}: {row.name}")
        _row(table, str(row.rank), row.id,
                      *[str(row.scores[c]) + ("*" if c in row.reconstructed else "")
                        for c in result.weights], str(row.total))
    lines: list[RenderableType] = [table, *(Text(name) for name in names)]
    sensitivity = result.sensitivity
    if sensitivity is not None:
        flip = sensitivity.smallest_flip
        if flip is not None:
            lines.append(Text(
                f"Winner {', '.join(sensitivity.winners)}. Smallest single weight change that"
                f" flips it: criterion {flip.criterion} ({flip.criterion_name}) from"
                f" {flip.weight_from} to {flip.tie_weight} ties with {flip.challenger};"
                f" beyond that {flip.challenger} wins."))
        flips = Table(title="Weight at which the winner is tied, per criterion")
        for name in ("criterion", "challenger", "weight", "tie at", "change"):
            flips.add_column(name)
        for item in sensitivity.flips:
            _row(flips, item.criterion, item.challenger, str(item.weight_from),
                          str(item.tie_weight), _signed(item.change))
        lines += [flips, Text(sensitivity.note)]
    return Group(*lines)


def cost_sharing_table(result: CostSharingResult) -> RenderableType:
    """Each cost and its parts per party."""
    table = Table(title=f"Cost sharing: {result.study}")
    for name in ("cost", "key", "total", "party", "share", "amount", f"M{result.currency}"):
        table.add_column(name, justify="right" if name not in {"cost", "key", "party"}
                         else "left")
    for shared in result.costs:
        allocation = shared.allocation
        for index, part in enumerate(allocation.parts):
            _row(table, shared.name if index == 0 else "", allocation.key if index == 0
                          else "", _number(allocation.total) if index == 0 else "", part.name,
                          f"{part.share * 100:.2f} %", _number(part.amount),
                          f"{part.amount / _MILLION:.2f}")
    keys = [Text(f"{key}: {text}") for key, text in result.keys.items()]
    return Group(table, *keys, Text("Rounding: largest remainder; the parts add up to the"
                                    " total."))


def projection_table(projection: ProjectionResult | None,
                     plan: EstablishmentPlanResult | None) -> RenderableType:
    """Yearly cost and staff with and without collaboration; the establishment plan."""
    parts: list[RenderableType] = []
    if projection is not None:
        table = Table(title=f"Projection ({projection.cost_unit_label}): {projection.study}")
        for name in ("year", "cost without", "cost with", "saving", "staff without",
                     "staff with", "staff saving"):
            table.add_column(name, justify="right")
        for year in projection.years:
            _row(table, str(year.year), _number(year.cost_without), _number(year.cost_with),
                          _number(year.cost_saving), _number(year.staff_without),
                          _number(year.staff_with), _number(year.staff_saving))
        parts += [table, Text(
            f"Saving {', '.join(map(str, projection.compared_years))}:"
            f" {projection.total_cost_saving} {projection.cost_unit_label}"
            + (f" ({projection.note})" if projection.note else ""))]
    if plan is not None:
        table = Table(title=f"Establishment plan ({plan.currency})")
        for name in ("sub-project", "items", "start", "finish", "cost"):
            table.add_column(name, justify="right" if name == "cost" else "left")
        for sub in plan.subprojects:
            _row(table, sub.subproject, "; ".join(sub.names), sub.start or "–", sub.finish,
                          _number(sub.cost))
        funding = ", ".join(f"{k} {_number(v)}" for k, v in plan.by_funding.items())
        per_year = "; ".join(f"{k}: " + ", ".join(f"{y} {_number(v)}" for y, v in years.items())
                             for k, years in plan.by_funding_and_year.items() if years)
        parts += [table, Text(f"Total {_number(plan.total)} {plan.currency} ({funding})."
                              f" By year finished: {per_year}.")]
    return Group(*parts)


def comparison_table(result: CostComparison) -> RenderableType:
    """Cost per inhabitant, employee and device, each with what it counts."""
    table = Table(title=f"Comparable IT costs: {result.study}", box=box.SIMPLE_HEAD,
                  pad_edge=False, collapse_padding=True)
    table.add_column("municipality", no_wrap=True)
    for name in ("IT cost M", "per inhab.", "per empl.", "per device"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("counted as", no_wrap=True)
    definitions: dict[str, str] = {}
    for row in result.municipalities:
        figures = [_number(f.value) if f else "–"
                   for f in (row.per_inhabitant, row.per_employee, row.per_device)]
        _row(table, row.name, f"{row.it_cost / _MILLION:,.2f}", *figures,
             row.counted_as.definition)
        definitions[row.counted_as.definition] = row.counted_as.text()
    notes: list[RenderableType] = [table]
    notes += [Text(f"{definition}: {text}") for definition, text in definitions.items()]
    if result.note:
        notes.append(Text(result.note))
    notes += [Text(f"Warning: {issue.message}") for issue in result.warnings]
    return Group(*notes)
