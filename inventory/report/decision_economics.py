"""The decision section's money parts: the cost key with its formula, the establishment
plan by year, the projection with and without collaboration, and comparable IT costs with
their warnings (docs/method.md#decision).

Each function takes one part of ``StudyResults`` and returns report blocks; every label and
sentence goes through ``t`` (the message catalogues, ``language.catalogues``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from inventory.language.formatting import format_cell, format_number
from inventory.language.i18n import Lang, code_text, t
from inventory.render.document import Block, Callout, Column, Paragraph, Table
from inventory.study.allocation import AllocationKey, Basis, Party
from inventory.study.comparison import CostComparison, DefinitionDifference
from inventory.study.projection import EstablishmentPlanResult, ProjectionResult
from inventory.study.results import CostSharingResult

_MILLION = Decimal(1_000_000)
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


def decimal_text(value: Decimal | float | int, lang: Lang, places: int = 4) -> str:
    """A number with as many decimals as it has (at most ``places``): 0.5, 23, 1.6667."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places)).normalize()
    decimals = max(0, -int(exact.as_tuple().exponent))
    return format_number(float(exact), lang, decimals)


def percent_text(fraction: float | Fraction | Decimal, lang: Lang, decimals: int = 1) -> str:
    """A share as the report writes it: ``60.0%`` (``60,0 %`` in sv and no)."""
    return format_cell(float(fraction), "percent", lang, decimals)


def _key_percent(percent: Decimal, lang: Lang) -> str:
    """A key component's percent with the decimals it has: ``50%``, ``33.3%``."""
    exact = percent.normalize()
    return percent_text(exact / 100, lang, max(0, -int(exact.as_tuple().exponent)))


def quarter_text(quarter: str | None, lang: Lang) -> str | None:
    """``2009Q1`` as the report's language writes a quarter (``1. kv. 2009`` in no)."""
    if not quarter:
        return None
    match = _QUARTER.match(quarter)
    if match is None:
        return quarter
    return t("dec.quarter", lang, year=match.group(1), quarter=match.group(2))


def years_text(years: Sequence[int]) -> str:
    """``2009–2012`` for consecutive years, else ``2007, 2009``."""
    if len(years) > 1 and list(years) == list(range(years[0], years[0] + len(years))):
        return f"{years[0]}\u2013{years[-1]}"
    return ", ".join(str(year) for year in years)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# -- cost key -------------------------------------------------------------------------------


def key_formula(key: AllocationKey, lang: Lang) -> str:
    """``50 % equal + 50 % by population`` in the report's language."""
    return " + ".join(
        t(f"dec.basis.{component.basis.value}", lang, percent=_key_percent(component.percent, lang))
        for component in key.components
    )


def key_parts(key: AllocationKey, parties: Sequence[Party]) -> list[list[Fraction]]:
    """Each party's part of the total per component of ``key`` (fractions of 1): the
    component's percent × the party's measure / the sum of the parties' measures."""
    parts: list[list[Fraction]] = [[] for _ in parties]
    for component in key.components:
        measures = [party.measure(component.basis) for party in parties]
        known = [Fraction(m) if m is not None else Fraction(0) for m in measures]
        whole = sum(known, Fraction(0))
        for index, measure in enumerate(known):
            parts[index].append(
                Fraction(component.percent) / 100 * measure / whole if whole else Fraction(0)
            )
    return parts


def _part_formula(
    key: AllocationKey, parties: Sequence[Party], index: int, parts: list[Fraction], lang: Lang
) -> str:
    """``50 % × 1/2 + 50 % × 14,700/21,000 = 25.0 % + 35.0 % = 60.0 %``."""
    terms = []
    for component in key.components:
        percent = _key_percent(component.percent, lang)
        if component.basis is Basis.EQUAL:
            terms.append(f"{percent} × 1/{len(parties)}")
            continue
        measures = [party.measure(component.basis) or Decimal(0) for party in parties]
        own = format_number(float(measures[index]), lang, 0)
        whole = format_number(float(sum(measures, Decimal(0))), lang, 0)
        terms.append(f"{percent} × {own}/{whole}")
    shown = [percent_text(part, lang) for part in parts]
    total = percent_text(sum(parts, Fraction(0)), lang)
    middle = f" = {' + '.join(shown)}" if len(parts) > 1 else ""
    return f"{' + '.join(terms)}{middle} = {total}"


def _key_table(key: AllocationKey, parties: Sequence[Party], lang: Lang) -> Table:
    bases = [c.basis for c in key.components if c.basis is not Basis.EQUAL]
    columns = [Column(key="party", label=t("dec.col_municipality", lang))]
    columns += [
        Column(
            key=f"measure_{basis.value}", label=t(f"dec.measure.{basis.value}", lang), type="int"
        )
        for basis in dict.fromkeys(bases)
    ]
    for position, component in enumerate(key.components):
        label = (
            t("dec.col_part_equal", lang)
            if component.basis is Basis.EQUAL
            else t(
                "dec.col_part_by",
                lang,
                measure=t(f"dec.measure.{component.basis.value}", lang).lower(),
            )
        )
        columns.append(Column(key=f"part_{position}", label=label, type="percent"))
    columns += [
        Column(key="share", label=t("dec.col_share", lang), type="percent"),
        Column(key="formula", label=t("dec.col_share_formula", lang)),
    ]
    parts = key_parts(key, parties)
    rows: list[dict[str, Any]] = []
    for index, party in enumerate(parties):
        row: dict[str, Any] = {"party": party.name}
        for basis in bases:
            measure = party.measure(basis)
            row[f"measure_{basis.value}"] = None if measure is None else float(measure)
        for position, part in enumerate(parts[index]):
            row[f"part_{position}"] = float(part)
        row["share"] = float(sum(parts[index], Fraction(0)))
        row["formula"] = _part_formula(key, parties, index, parts[index], lang)
        rows.append(row)
    return Table.from_records(
        t("dec.key_shares", lang, key_name=key.name, formula=key_formula(key, lang)),
        columns,
        rows,
        id=f"study-key-{key.id}"[:64],
        name=t("dec.sheet.key", lang),
    )


def cost_key_blocks(sharing: CostSharingResult, lang: Lang) -> list[Block]:
    """The formula of every key the costs use, each municipality's measure, parts and share,
    then every cost divided by its key (amount and millions)."""
    currency = sharing.currency
    used = {cost.allocation.key for cost in sharing.costs}
    keys = [key for key in sharing.key_definitions if key.id in used]
    blocks: list[Block] = []
    for key in keys:
        blocks.append(
            Paragraph(
                text=t(
                    "dec.cost_key_intro",
                    lang,
                    key_name=key.name,
                    formula=key_formula(key, lang),
                    unit=decimal_text(key.rounding_unit, lang),
                    currency=currency,
                ),
                method="cost-key",
            )
        )
        if sharing.parties:
            blocks.append(_key_table(key, sharing.parties, lang))
    names = {key.id: key.name for key in sharing.key_definitions}
    columns = [
        Column(key="cost", label=t("dec.col_cost", lang)),
        Column(key="key", label=t("dec.col_key", lang)),
        Column(key="total", label=t("dec.col_cost_total", lang), type="money", unit=currency),
        Column(key="party", label=t("dec.col_municipality", lang)),
        Column(key="share", label=t("dec.col_share", lang), type="percent"),
        Column(key="amount", label=t("dec.col_amount", lang), type="money", unit=currency),
        Column(
            key="millions",
            label=t("dec.col_amount_millions", lang),
            type="money",
            unit=f"M{currency}",
            decimals=2,
        ),
    ]
    rows = [
        {
            "cost": shared.name,
            "key": names.get(shared.allocation.key, shared.allocation.key),
            "total": float(shared.allocation.total),
            "party": part.name,
            "share": float(part.share),
            "amount": float(part.amount),
            "millions": float(part.amount / _MILLION),
        }
        for shared in sharing.costs
        for part in shared.allocation.parts
    ]
    blocks.append(
        Table.from_records(
            t("dec.allocation", lang, study=sharing.study),
            columns,
            rows,
            id="study-cost-sharing",
            name=t("dec.sheet.allocation", lang),
        )
    )
    return blocks


# -- establishment plan ---------------------------------------------------------------------


def _funding_text(by_funding: dict[str, Decimal], lang: Lang) -> str:
    return ", ".join(
        f"{code_text('funding', funding, lang)} {format_number(float(amount), lang, 0)}"
        for funding, amount in by_funding.items()
    )


def establishment_blocks(plan: EstablishmentPlanResult, lang: Lang) -> list[Block]:
    """The sub-projects with quarters, price and funding, and the cost by year finished."""
    currency = plan.currency
    fundings = list(plan.by_funding)
    blocks: list[Block] = [
        Paragraph(
            text=t(
                "dec.establishment_intro",
                lang,
                total=format_number(float(plan.total), lang, 0),
                currency=currency,
                funding=_funding_text(plan.by_funding, lang),
            ),
            method="decision",
        )
    ]
    columns = [
        Column(key="subproject", label=t("dec.col_subproject", lang)),
        Column(key="items", label=t("dec.col_items", lang)),
        Column(key="start", label=t("dec.col_start", lang)),
        Column(key="finish", label=t("dec.col_finish", lang)),
        Column(key="cost", label=t("dec.col_price", lang), type="money", unit=currency),
        *(
            Column(
                key=f"funding_{funding}",
                label=code_text("funding", funding, lang),
                type="money",
                unit=currency,
            )
            for funding in fundings
        ),
    ]
    rows: list[dict[str, Any]] = [
        {
            "subproject": sub.subproject,
            "items": "; ".join(sub.names),
            "start": quarter_text(sub.start, lang),
            "finish": quarter_text(sub.finish, lang),
            "cost": float(sub.cost),
            **{f"funding_{funding}": _number(sub.funding.get(funding)) for funding in fundings},
        }
        for sub in plan.subprojects
    ]
    rows.append(
        {
            "subproject": t("dec.total", lang),
            "start": quarter_text(plan.first_quarter, lang),
            "finish": quarter_text(plan.last_quarter, lang),
            "cost": float(plan.total),
            **{f"funding_{funding}": float(amount) for funding, amount in plan.by_funding.items()},
        }
    )
    blocks.append(
        Table.from_records(
            t("dec.establishment_plan", lang, currency=currency),
            columns,
            rows,
            id="study-establishment",
            name=t("dec.sheet.establishment", lang),
        )
    )
    unpriced = [item for sub in plan.subprojects for item in sub.unpriced_items]
    if unpriced:
        blocks.append(
            Callout(level="info", text=t("dec.unpriced", lang, items=", ".join(unpriced)))
        )
    year_columns = [
        Column(key="funding", label=t("dec.col_funding", lang)),
        Column(key="year", label=t("dec.col_year", lang), type="year"),
        Column(key="cost", label=t("dec.col_cost", lang), type="money", unit=currency),
    ]
    year_rows = [
        {"funding": code_text("funding", funding, lang), "year": year, "cost": float(amount)}
        for funding, years in plan.by_funding_and_year.items()
        for year, amount in years.items()
    ]
    blocks.append(
        Table.from_records(
            t("dec.establishment_years", lang, currency=currency),
            year_columns,
            year_rows,
            id="study-establishment-years",
            name=t("dec.sheet.establishment_years", lang),
        )
    )
    return blocks


# -- projection -----------------------------------------------------------------------------


def projection_blocks(projection: ProjectionResult, lang: Lang) -> list[Block]:
    """Cost (one decimal, in the file's unit) and staff per year with and without
    collaboration, the saving per year and over the years with both."""
    unit = projection.cost_unit_label
    columns = [
        Column(key="year", label=t("dec.col_year", lang), type="year"),
        Column(
            key="cost_without",
            label=t("dec.col_cost_without", lang),
            type="money",
            unit=unit,
            decimals=1,
        ),
        Column(
            key="cost_with", label=t("dec.col_cost_with", lang), type="money", unit=unit, decimals=1
        ),
        Column(
            key="cost_saving",
            label=t("dec.col_cost_saving", lang),
            type="money",
            unit=unit,
            decimals=1,
        ),
        Column(key="staff_without", label=t("dec.col_staff_without", lang), type="float"),
        Column(key="staff_with", label=t("dec.col_staff_with", lang), type="float"),
        Column(key="staff_saving", label=t("dec.col_staff_saving", lang), type="float"),
    ]
    keys = [column.key for column in columns[1:]]
    rows: list[dict[str, Any]] = [
        {"year": year.year, **{key: _number(getattr(year, key)) for key in keys}}
        for year in projection.years
    ]
    compared = years_text(projection.compared_years)
    if projection.compared_years:
        rows.append(
            {
                "year": t("dec.sum_years", lang, years=compared),
                "cost_without": float(projection.total_cost_without),
                "cost_with": float(projection.total_cost_with),
                "cost_saving": float(projection.total_cost_saving),
            }
        )
    blocks: list[Block] = [
        Table.from_records(
            t("dec.projection_table", lang, unit=unit, study=projection.study),
            columns,
            rows,
            id="study-projection",
            name=t("dec.sheet.projection", lang),
        )
    ]
    if projection.compared_years:
        blocks.append(
            Paragraph(
                text=t(
                    "dec.projection_saving",
                    lang,
                    years=compared,
                    without=format_number(float(projection.total_cost_without), lang, 1),
                    with_=format_number(float(projection.total_cost_with), lang, 1),
                    saving=format_number(float(projection.total_cost_saving), lang, 1),
                    unit=unit,
                ),
                method="decision",
            )
        )
    if projection.note:
        blocks.append(Paragraph(text=t("dec.note", lang, note=projection.note)))
    return blocks


# -- comparable IT costs --------------------------------------------------------------------


def cost_part_text(part: str, lang: Lang) -> str:
    """A part of an IT-cost definition (``it staff``, ``telephony``) in ``lang``."""
    return code_text("cost_part", re.sub(r"[^a-z0-9]+", "_", part.strip().lower()), lang)


def _parts_text(parts: Sequence[str], lang: Lang) -> str:
    return ", ".join(cost_part_text(part, lang) for part in parts)


def _difference_text(
    difference: DefinitionDifference, names: dict[str, str], lang: Lang
) -> list[str]:
    first, other = (names.get(m, m) for m in difference.municipalities)
    if difference.aspect == "includes":
        return [
            t(
                "dec.differs_counts",
                lang,
                other=name_a,
                first=name_b,
                items=_parts_text(items, lang),
            )
            for name_a, name_b, items in (
                (other, first, difference.only_other),
                (first, other, difference.only_first),
            )
            if items
        ]
    if difference.aspect == "excludes":
        return [
            t(
                "dec.differs_leaves_out",
                lang,
                other=name_a,
                first=name_b,
                items=_parts_text(items, lang),
            )
            for name_a, name_b, items in (
                (other, first, difference.only_other),
                (first, other, difference.only_first),
            )
            if items
        ]
    if difference.aspect in {"currency", "year"} and len(difference.values) == 2:
        a, b = difference.values
        return [t(f"dec.differs_{difference.aspect}", lang, first=first, other=other, a=a, b=b)]
    return [difference.detail]


def _without_repeats(differences: Sequence[DefinitionDifference]) -> list[DefinitionDifference]:
    """The differences, less what an ``excludes`` difference repeats of an ``includes`` one
    of the same pair (one counts telephony in: the other leaves it out, said once)."""
    included = {
        (tuple(d.municipalities), item)
        for d in differences
        if d.aspect == "includes"
        for item in (*d.only_first, *d.only_other)
    }
    kept = []
    for difference in differences:
        if difference.aspect == "excludes":
            pair = tuple(difference.municipalities)
            difference = difference.model_copy(
                update={
                    "only_first": [i for i in difference.only_first if (pair, i) not in included],
                    "only_other": [i for i in difference.only_other if (pair, i) not in included],
                }
            )
            if not difference.only_first and not difference.only_other:
                continue
        kept.append(difference)
    return kept


def it_cost_blocks(comparison: CostComparison, lang: Lang) -> list[Block]:
    """IT cost per inhabitant, employee and device with the definition each is counted
    under, the definitions, and a warning naming every difference between them."""
    currencies = {row.counted_as.currency for row in comparison.municipalities}
    currency = currencies.pop() if len(currencies) == 1 else ""
    columns = [
        Column(key="name", label=t("dec.col_municipality", lang)),
        Column(
            key="it_cost",
            label=t("dec.col_it_cost", lang),
            type="money",
            unit=f"M{currency}" if currency else "M",
            decimals=2,
        ),
        Column(
            key="per_inhabitant",
            label=t("dec.col_per_inhabitant", lang),
            type="money",
            unit=currency,
        ),
        Column(
            key="per_employee", label=t("dec.col_per_employee", lang), type="money", unit=currency
        ),
        Column(key="per_device", label=t("dec.col_per_device", lang), type="money", unit=currency),
        Column(key="counted_as", label=t("dec.col_counted_as", lang)),
    ]
    rows = [
        {
            "name": row.name,
            "it_cost": float(row.it_cost / _MILLION),
            "per_inhabitant": None
            if row.per_inhabitant is None
            else float(row.per_inhabitant.value),
            "per_employee": None if row.per_employee is None else float(row.per_employee.value),
            "per_device": None if row.per_device is None else float(row.per_device.value),
            "counted_as": row.counted_as.description or row.counted_as.definition,
        }
        for row in comparison.municipalities
    ]
    blocks: list[Block] = [
        Paragraph(text=t("dec.it_costs_intro", lang), method="decision"),
        Table.from_records(
            t("dec.it_costs_table", lang, study=comparison.study),
            columns,
            rows,
            id="study-it-costs",
            name=t("dec.sheet.it_costs", lang),
        ),
    ]
    definitions = {row.counted_as.definition: row.counted_as for row in comparison.municipalities}
    definition_columns = [
        Column(key="definition", label=t("dec.col_definition", lang)),
        Column(key="currency", label=t("dec.col_currency", lang)),
        Column(key="year", label=t("dec.col_year", lang), type="year"),
        Column(key="includes", label=t("dec.col_includes", lang)),
        Column(key="excludes", label=t("dec.col_excludes", lang)),
    ]
    blocks.append(
        Table.from_records(
            t("dec.definitions", lang),
            definition_columns,
            [
                {
                    "definition": counted.description or definition,
                    "currency": counted.currency,
                    "year": counted.year,
                    "includes": _parts_text(counted.includes, lang),
                    "excludes": _parts_text(counted.excludes, lang),
                }
                for definition, counted in definitions.items()
            ],
            id="study-it-cost-definitions",
            name=t("dec.sheet.definitions", lang),
        )
    )
    if comparison.note:
        blocks.append(Paragraph(text=t("dec.file_note", lang, note=comparison.note)))
    if comparison.differences:
        names = {row.municipality: row.name for row in comparison.municipalities}
        sentences = [
            text
            for difference in _without_repeats(comparison.differences)
            for text in _difference_text(difference, names, lang)
        ]
        blocks.append(
            Callout(
                level="warning",
                title=t("dec.comparable_warning", lang),
                text=" ".join([*sentences, t("dec.differs_advice", lang)]),
            )
        )
    return blocks
