"""Rich tables of the decision-support results, for ``inventory study ... --format text``,
in the command line's language (headings, columns, numbers, the sentences generated about
them, the comparison's warnings); the study's own names and notes as the study files
write them."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from inventory.gap.money import million_unit
from inventory.language.formatting import format_decimal, format_number
from inventory.language.i18n import Lang, code_text, t
from inventory.report.decision_economics import (
    _difference_text,
    _without_repeats,
    cost_part_text,
    key_formula,
    quarter_text,
)
from inventory.study.alternatives import AlternativesResult
from inventory.study.comparison import CostComparison
from inventory.study.potential import PotentialResult
from inventory.study.projection import EstablishmentPlanResult, ProjectionResult
from inventory.study.results import CostSharingResult

_MILLION = Decimal(1_000_000)


def _row(table: Table, *values: str) -> None:
    # Text, not str: names from the input files must never be read as rich markup.
    table.add_row(*(Text(value) for value in values))


def _number(value: Decimal | None, lang: Lang = "en") -> str:
    """A figure of the study as it is (whole) or with two decimals, in ``lang``."""
    if value is None:
        return "–"
    return format_number(value, lang, 0 if value == value.to_integral_value() else 2)


def _plain(value: Decimal | int | float, lang: Lang) -> str:
    """A weight, score or share as the study wrote it (its own decimals), in ``lang``: a
    share rounded to 0.1 % keeps its decimal (``15.0``, ``+20.0``), a weight written ``1.0``
    stays ``1.0``; a computed value of more than four decimals shows at most four."""
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if exponent >= -4:
            return format_number(value, lang, max(0, -exponent))
    return format_decimal(value, lang, 4)


def _signed(value: Decimal | int | float, lang: Lang = "en") -> str:
    return ("+" if value > 0 else "") + _plain(value, lang)


def potential_table(result: PotentialResult, lang: Lang = "en") -> RenderableType:
    """Potential per area and group against the reference share of spend."""
    areas = Table(title=t("cli.study.potential_title", lang, study=result.study))
    areas.add_column(t("cli.study.area", lang), no_wrap=True, max_width=28, overflow="ellipsis")
    areas.add_column(t("cli.study.group", lang), no_wrap=True, max_width=12, overflow="ellipsis")
    for municipality in result.municipalities:
        areas.add_column(municipality, justify="right")
    areas.add_column(t("cli.total", lang), justify="right")
    for area in result.areas:
        _row(
            areas,
            f"{area.area} {area.name}",
            area.group,
            *[_number(area.scores[m], lang) for m in result.municipalities],
            _number(area.total, lang),
        )
    groups = Table(title=t("cli.study.groups_title", lang))
    left = (t("cli.study.group", lang), t("cli.study.areas", lang))
    for name in (
        *left,
        t("cli.study.potential_percent", lang),
        f"{result.reference_label} %",
        t("cli.study.difference", lang),
    ):
        groups.add_column(name, justify="left" if name in left else "right")
    for group in result.groups:
        _row(
            groups,
            group.name,
            ", ".join(group.areas),
            _plain(group.potential_share_percent, lang),
            _plain(group.reference_share_percent, lang),
            _signed(group.difference_points, lang),
        )
    return Group(areas, groups, Text(t("cli.study.focus", lang, group=result.focus_group)))


def alternatives_table(result: AlternativesResult, lang: Lang = "en") -> RenderableType:
    """Ranking with the scores per criterion, then the weight sensitivity."""
    title = t("cli.study.alternatives_title", lang, study=result.study)
    if not result.scored:
        table = Table(title=title + t("cli.study.unscored", lang))
        table.add_column(t("cli.study.alternative", lang))
        for alternative_id in result.unscored:
            _row(table, alternative_id)
        return table
    table = Table(title=title)
    names: list[str] = []
    table.add_column(t("cli.gap.col_rank", lang), justify="right")
    table.add_column(t("cli.study.alternative", lang))
    for criterion, weight in result.weights.items():
        table.add_column(
            t("cli.study.weight", lang, criterion=criterion, weight=_plain(weight, lang)),
            justify="right",
        )
    table.add_column(t("cli.total", lang), justify="right")
    for row in result.ranking:
        names.append(f"{row.id}: {row.name}")
        _row(
            table,
            str(row.rank),
            row.id,
            *[
                _plain(row.scores[c], lang) + ("*" if c in row.reconstructed else "")
                for c in result.weights
            ],
            _plain(row.total, lang),
        )
    lines: list[RenderableType] = [table, *(Text(name) for name in names)]
    sensitivity = result.sensitivity
    if sensitivity is not None:
        flip = sensitivity.smallest_flip
        if flip is not None:
            lines.append(
                Text(
                    t(
                        "cli.study.flip",
                        lang,
                        winners=", ".join(sensitivity.winners),
                        criterion=flip.criterion,
                        name=flip.criterion_name,
                        weight=_plain(flip.weight_from, lang),
                        tie=_plain(flip.tie_weight, lang),
                        challenger=flip.challenger,
                    )
                )
            )
        flips = Table(title=t("cli.study.flips_title", lang))
        for name in ("criterion", "challenger", "weight_col", "tie_at", "change"):
            flips.add_column(t(f"cli.study.{name}", lang))
        for item in sensitivity.flips:
            _row(
                flips,
                item.criterion,
                item.challenger,
                _plain(item.weight_from, lang),
                _plain(item.tie_weight, lang),
                _signed(item.change, lang),
            )
        note = (
            "cli.study.sensitivity_tied"
            if len(sensitivity.winners) > 1
            else "cli.study.sensitivity_flips"
            if sensitivity.flips
            else "cli.study.sensitivity_none"
        )
        lines += [flips, Text(t(note, lang))]
    return Group(*lines)


def cost_sharing_table(result: CostSharingResult, lang: Lang = "en") -> RenderableType:
    """Each cost and its parts per party."""
    table = Table(title=t("cli.study.sharing_title", lang, study=result.study))
    left = {"cost", "key", "party"}
    for name in ("cost", "key", "total", "party", "share", "amount"):
        table.add_column(
            t("cli.total" if name == "total" else f"cli.study.{name}", lang),
            justify="left" if name in left else "right",
        )
    table.add_column(million_unit(result.currency, lang), justify="right")
    for shared in result.costs:
        allocation = shared.allocation
        for index, part in enumerate(allocation.parts):
            _row(
                table,
                shared.name if index == 0 else "",
                allocation.key if index == 0 else "",
                _number(allocation.total, lang) if index == 0 else "",
                part.name,
                format_number(part.share * 100, lang, 2) + " %",
                _number(part.amount, lang),
                format_number(part.amount / _MILLION, lang, 2),
            )
    definitions = {key.id: key for key in result.key_definitions}
    keys = [
        Text(
            t(
                "cli.study.key_line",
                lang,
                id=key,
                name=definitions[key].name,
                formula=key_formula(definitions[key], lang),
                unit=_plain(definitions[key].rounding_unit, lang),
                currency=result.currency,
            )
            if key in definitions
            else f"{key}: {text}"
        )
        for key, text in result.keys.items()
    ]
    return Group(table, *keys, Text(t("cli.study.rounding", lang)))


def projection_table(
    projection: ProjectionResult | None, plan: EstablishmentPlanResult | None, lang: Lang = "en"
) -> RenderableType:
    """Yearly cost and staff with and without collaboration; the establishment plan."""
    parts: list[RenderableType] = []
    if projection is not None:
        table = Table(
            title=t(
                "cli.study.projection_title",
                lang,
                unit=projection.cost_unit_label,
                study=projection.study,
            )
        )
        for name in (
            "year",
            "cost_without",
            "cost_with",
            "saving",
            "staff_without",
            "staff_with",
            "staff_saving",
        ):
            table.add_column(t(f"cli.study.{name}", lang), justify="right")
        for year in projection.years:  # a year is a year: 2007, never 2,007
            _row(
                table,
                str(year.year),
                _number(year.cost_without, lang),
                _number(year.cost_with, lang),
                _number(year.cost_saving, lang),
                _number(year.staff_without, lang),
                _number(year.staff_with, lang),
                _number(year.staff_saving, lang),
            )
        parts += [
            table,
            Text(
                t(
                    "cli.study.saving_line",
                    lang,
                    years=", ".join(map(str, projection.compared_years)),
                    total=_plain(projection.total_cost_saving, lang),
                    unit=projection.cost_unit_label,
                )
                + (f" ({projection.note})" if projection.note else "")
            ),
        ]
    if plan is not None:
        table = Table(title=t("cli.study.plan_title", lang, currency=plan.currency))
        for name in ("subproject", "items", "start", "finish", "cost"):
            table.add_column(
                t(f"cli.study.{name}", lang), justify="right" if name == "cost" else "left"
            )
        for sub in plan.subprojects:
            _row(
                table,
                sub.subproject,
                "; ".join(sub.names),
                quarter_text(sub.start, lang) or "–",
                quarter_text(sub.finish, lang) or "",
                _number(sub.cost, lang),
            )
        funding = ", ".join(
            f"{code_text('funding', k, lang)} {_number(v, lang)}"
            for k, v in plan.by_funding.items()
        )
        per_year = "; ".join(
            f"{code_text('funding', k, lang)}: "
            + ", ".join(f"{y} {_number(v, lang)}" for y, v in years.items())
            for k, years in plan.by_funding_and_year.items()
            if years
        )
        parts += [
            table,
            Text(
                t(
                    "cli.study.plan_total",
                    lang,
                    total=_number(plan.total, lang),
                    currency=plan.currency,
                    funding=funding,
                    per_year=per_year,
                )
            ),
        ]
    return Group(*parts)


def comparison_table(result: CostComparison, lang: Lang = "en") -> RenderableType:
    """Cost per inhabitant, employee and device, each with what it counts."""
    table = Table(
        title=t("cli.study.comparison_title", lang, study=result.study),
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column(t("cli.municipality", lang), no_wrap=True)
    for name in ("it_cost", "per_inhabitant", "per_employee", "per_device"):
        table.add_column(t(f"cli.study.{name}", lang), justify="right", no_wrap=True)
    table.add_column(t("cli.study.counted_as", lang), no_wrap=True)
    definitions: dict[str, str] = {}
    for row in result.municipalities:
        figures = [
            _number(f.value, lang) if f else "–"
            for f in (row.per_inhabitant, row.per_employee, row.per_device)
        ]
        _row(
            table,
            row.name,
            format_number(row.it_cost / _MILLION, lang, 2),
            *figures,
            row.counted_as.definition,
        )
        counted = row.counted_as
        text = t(
            "cli.study.counted",
            lang,
            definition=counted.definition,
            currency=counted.currency,
            year=str(counted.year),
            includes=", ".join(cost_part_text(part, lang) for part in counted.includes),
        )
        if counted.excludes:
            text = t(
                "cli.study.counted_excl",
                lang,
                text=text,
                excludes=", ".join(cost_part_text(part, lang) for part in counted.excludes),
            )
        definitions[counted.definition] = text
    notes: list[RenderableType] = [table]
    notes += [Text(text) for text in definitions.values()]
    if result.note:
        notes.append(Text(result.note))
    if lang == "en":  # the warnings' own (English) sentences
        warnings = [issue.message for issue in result.warnings]
    else:  # the same differences as the report words them in its language
        names = {row.municipality: row.name for row in result.municipalities}
        warnings = [
            text
            for difference in _without_repeats(result.differences)
            for text in _difference_text(difference, names, lang)
        ]
    notes += [Text(t("cli.study.warning", lang, text=text)) for text in warnings]
    return Group(*notes)
