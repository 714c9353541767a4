"""``inventory study ...``: decision support computed from a study folder.

Every command reads only the files it needs (see ``inventory.study.inputs``), calls
``study_results`` for its section and prints the result as text or JSON. Exit 1 when an
input file is invalid (every issue with file and line), 2 on usage errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from inventory.cli.common import (
    OutputFormat,
    cli_lang,
    console,
    print_issues,
    print_json,
    say,
    stored_snapshot,
)
from inventory.cli.options import DateOption, FormatOption
from inventory.echo import shorten, visible

if TYPE_CHECKING:
    from rich.console import RenderableType

    from inventory.study.loading import Section
    from inventory.study.results import StudyResults

_T = TypeVar("_T")

study_app = typer.Typer(
    name="study",
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Decision support from the municipal studies: potential per area, alternatives"
    " against weighted criteria, cost allocation keys, projections, comparable costs.",
)

Folder = Annotated[
    Path,
    typer.Argument(
        exists=True,
        file_okay=False,
        help="Study folder (areas.yaml, potential.csv, alternatives*.yaml, cost-sharing.yaml,"
        " projection.yaml, establishment-plan.csv, it-costs.yaml).",
    ),
]


def _results(
    folder: Path, sections: set[Section] | None, output: OutputFormat, **options: Any
) -> StudyResults:
    """Compute the sections, or print every issue and exit 1 when the input is invalid."""
    from inventory.study.results import study_results

    return _checked(folder, output, lambda: study_results(folder, sections, **options))


def _checked(folder: Path, output: OutputFormat, compute: Callable[[], _T]) -> _T:
    """``compute()``, or every issue of the study folder printed and exit 1 when it is
    invalid (a usage error for a criterion or key named on the command line)."""
    from inventory.study.loading import InvalidStudyInput
    from inventory.study.results import UnknownCriterionError, UnknownKeyError

    try:
        return compute()
    except InvalidStudyInput as error:
        if output is OutputFormat.JSON:
            print_json(error.report.to_json())
        else:
            print_issues(error.report.all_issues(), say("cli.where.in", place=str(folder)))
        raise typer.Exit(1) from error
    except (UnknownCriterionError, UnknownKeyError) as error:
        from inventory.cli.help_language import failure_texts

        message, hint = failure_texts(error, cli_lang())
        raise typer.BadParameter(f"{message} {hint or ''}".strip()) from error


def _show(
    output: OutputFormat, json_part: Callable[[], Any], text_parts: list[RenderableType]
) -> None:
    if output is OutputFormat.JSON:
        print_json(json_part())
        return
    for part in text_parts:
        console.print(part)


def _dump(value: Any) -> Any:
    if isinstance(value, list):
        return [_dump(item) for item in value]
    return None if value is None else value.model_dump(mode="json")


@study_app.command()
def potential(folder: Folder = Path("."), output: FormatOption = OutputFormat.TEXT) -> None:
    """Sum the municipalities' potential per area and group; compare with today's spend.

    Example: inventory study potential samples/study
    """
    from inventory.cli.present.study import potential_table
    from inventory.study.loading import Section

    results = _results(folder, {Section.POTENTIAL}, output)
    assert results.potential is not None
    _show(
        output, lambda: _dump(results.potential), [potential_table(results.potential, cli_lang())]
    )


def _number(text: str, option: str, example: str) -> Decimal:
    """A number >= 0 given on the command line (decimal comma and spaces accepted), bounded
    as the numbers in study files are; a usage error otherwise."""
    from pydantic import TypeAdapter, ValidationError

    from inventory.study.decimals import StudyNumber

    try:
        value = TypeAdapter(StudyNumber).validate_python(text.replace(" ", "").replace(",", "."))
    except ValidationError:
        value = Decimal(-1)
    if value < 0:
        raise typer.BadParameter(
            say("cli.study.not_a_number", text=visible(shorten(text, 40)), example=example),
            param_hint=option,
        )
    return value


def _weights(values: list[str]) -> dict[str, Decimal]:
    weights = {}
    for value in values:
        criterion, equals, number = value.partition("=")
        if not criterion.strip() or not equals:
            raise typer.BadParameter(
                say("cli.study.weight_syntax", text=visible(shorten(value, 40))),
                param_hint="--weight",
            )
        weights[criterion.strip()] = _number(number, "--weight", "0.5")
    return weights


@study_app.command()
def alternatives(
    ctx: typer.Context,
    folder: Folder = Path("."),
    weight: Annotated[
        list[str] | None,
        typer.Option(
            "--weight", help="What-if weight CRITERION=WEIGHT (repeatable), e.g. --weight 6=0.5"
        ),
    ] = None,
    costed: Annotated[
        bool,
        typer.Option(
            "--costed",
            help="Also cost every alternative that names a target file (target: in"
            " its alternatives file): its gap over the stored inventory (--db), beside the"
            " scores.",
        ),
    ] = False,
    as_of: DateOption = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Rank the alternatives by weighted score; show which weight change flips the winner.

    Example: inventory study alternatives samples/study --weight 6=0.4

    Example: inventory study alternatives samples/study --costed
    """
    from inventory.api import study_alternatives
    from inventory.cli.present.gap import alternatives_text
    from inventory.cli.present.study import alternatives_table
    from inventory.messages import message_text

    found = _checked(
        folder,
        output,
        lambda: study_alternatives(
            folder,
            weights=_weights(weight or []),
            snapshot=(lambda: stored_snapshot(ctx, None)) if costed else None,
            as_of=as_of or dt.date.today(),
        ),
    )
    parts: list[RenderableType] = [
        alternatives_table(result, cli_lang()) for result in found.ranking
    ]
    if not costed:
        _show(output, lambda: _dump(found.ranking), parts)
        return
    if found.costed is None:
        parts.append(say("cli.study.nothing_to_cost"))
    else:
        parts += [
            alternatives_text(found.costed, cli_lang()),
            *(say("cli.note", text=message_text(note, cli_lang())) for note in found.costed.notes),
        ]
    _show(output, found.to_json, parts)


@study_app.command()
def allocate(
    folder: Folder = Path("."),
    total: Annotated[
        str | None,
        typer.Option("--total", help="Also divide this amount (with --key), e.g. 1000000"),
    ] = None,
    key: Annotated[str | None, typer.Option("--key", help="Allocation key id for --total.")] = None,
    output: FormatOption = OutputFormat.TEXT,
) -> None:
    """Divide the costs of cost-sharing.yaml between the parties by their keys.

    Example: inventory study allocate samples/study --total 1000000 --key melhus-2013
    """
    from inventory.cli.present.study import cost_sharing_table
    from inventory.study.inputs import CostToShare
    from inventory.study.loading import Section

    extra = []
    if (total is None) != (key is None):
        raise typer.BadParameter(say("cli.study.total_and_key"))
    if total is not None and key is not None:
        amount = _number(total, "--total", "1000000")
        extra.append(
            CostToShare(
                id="command-line", name=say("cli.study.given_total"), amount=amount, key=key
            )
        )
    results = _results(folder, {Section.COST_SHARING}, output, extra_costs=extra)
    assert results.cost_sharing is not None
    _show(
        output,
        lambda: _dump(results.cost_sharing),
        [cost_sharing_table(results.cost_sharing, cli_lang())],
    )


@study_app.command()
def projection(folder: Folder = Path("."), output: FormatOption = OutputFormat.TEXT) -> None:
    """Yearly cost and staff with and without collaboration, and the establishment plan.

    Example: inventory study projection samples/study --format json
    """
    from inventory.cli.present.study import projection_table
    from inventory.study.loading import Section

    results = _results(folder, {Section.PROJECTION, Section.ESTABLISHMENT}, output)
    _show(
        output,
        lambda: {
            "projection": _dump(results.projection),
            "establishment_plan": _dump(results.establishment_plan),
        },
        [projection_table(results.projection, results.establishment_plan, cli_lang())],
    )


@study_app.command()
def compare(folder: Folder = Path("."), output: FormatOption = OutputFormat.TEXT) -> None:
    """IT cost per inhabitant, employee and device, each with what it counts.

    Example: inventory study compare samples/study
    """
    from inventory.cli.present.study import comparison_table
    from inventory.study.loading import Section

    results = _results(folder, {Section.COMPARISON}, output)
    assert results.comparison is not None
    _show(
        output,
        lambda: _dump(results.comparison),
        [comparison_table(results.comparison, cli_lang())],
    )


@study_app.command("all")
def all_sections(folder: Folder = Path("."), output: FormatOption = OutputFormat.TEXT) -> None:
    """Every section present in the folder (what the report embeds).

    Example: inventory study all samples/study --format json
    """
    from inventory.cli.present.study import (
        alternatives_table,
        comparison_table,
        cost_sharing_table,
        potential_table,
        projection_table,
    )

    results = _results(folder, None, output)
    parts: list[RenderableType] = []
    if results.potential:
        parts.append(potential_table(results.potential, cli_lang()))
    parts += [alternatives_table(result, cli_lang()) for result in results.alternatives]
    if results.cost_sharing:
        parts.append(cost_sharing_table(results.cost_sharing, cli_lang()))
    if results.projection or results.establishment_plan:
        parts.append(projection_table(results.projection, results.establishment_plan, cli_lang()))
    if results.comparison:
        parts.append(comparison_table(results.comparison, cli_lang()))
    _show(output, results.to_json, parts)


def register(app: typer.Typer) -> None:
    app.add_typer(study_app)
