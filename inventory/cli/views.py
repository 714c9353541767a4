"""Rendering of store results (import counts, records, stats, history, diffs) as text.

Commands print JSON themselves (``print_json`` of what the library returned); these
functions turn the same results into rich tables for people, in the command line's
language. Light to import (pandas and the store load when a result is rendered).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from inventory.cli.common import cli_lang, console, say
from inventory.echo import visible
from inventory.errors import RenderError

if TYPE_CHECKING:
    import pandas as pd

    from inventory.language.i18n import Lang
    from inventory.store import ImportResult, ImportRunInfo, RunDifference
    from inventory.store.counts import StoredCounts

_COUNT_NAMES = ("created", "updated", "unchanged", "deleted")
#: How many keys per kind a prune plan lists before it says "and N more".
PRUNE_LIST_LIMIT = 50


def _count(value: int) -> str:
    from inventory.language.formatting import format_integer

    return format_integer(value, cli_lang())


def kind_text(kind: str) -> str:
    """A record kind in the command line's language (``site`` is ``plats`` in Swedish)."""
    try:
        return say(f"cli.kind.{kind}")
    except RenderError:  # a kind of a newer store than this version knows: as stored
        return kind


def render_import_result(result: ImportResult) -> None:
    """Created / updated / unchanged / deleted per municipality and record kind, totals."""
    table = Table(title=say("cli.dry_run_title") if result.dry_run else None)
    table.add_column(say("cli.municipality"))
    table.add_column(say("cli.record_kind"))
    for name in _COUNT_NAMES:
        table.add_column(say(f"cli.import.{name}"), justify="right")
    for code, kinds in result.counts.items():
        for kind, counts in kinds.items():
            table.add_row(
                Text(code),
                Text(kind_text(kind)),
                *(_count(getattr(counts, name)) for name in _COUNT_NAMES),
            )
    totals = result.totals
    table.add_row(
        say("cli.total"),
        "",
        *(_count(getattr(totals, name)) for name in _COUNT_NAMES),
        style="bold",
    )
    console.print(table)
    if result.dry_run:
        console.print(say("cli.dry_run"))
    elif not result.changed:
        console.print(say("cli.run_unchanged", run=str(result.run_id)))
    else:
        console.print(say("cli.run_stored", run=str(result.run_id)))


def render_prune_plan(plan: dict[str, dict[str, list[str]]]) -> None:
    """The records a pruning import deletes, printed before they go."""
    total = sum(len(keys) for kinds in plan.values() for keys in kinds.values())
    console.print(say("cli.prune_title", count=total))
    for code, kinds in plan.items():
        for kind, keys in kinds.items():
            shown = ", ".join(keys[:PRUNE_LIST_LIMIT])
            more = len(keys) - PRUNE_LIST_LIMIT
            suffix = say("cli.and_more", count=more) if more > 0 else ""
            console.print(f"  {code} {kind_text(kind)}: {shown}{suffix}", markup=False)


def _cell(value: Any) -> str:
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _table_width(columns: list[str], rows: list[tuple[str, ...]]) -> int:
    """The width a table of ``rows`` needs to show every name and value whole (rich's
    borders and padding: 3 a column, 1 at the end)."""
    width = 1
    for position, name in enumerate(columns):
        longest = max((len(line) for row in rows for line in row[position].split("\n")), default=0)
        width += max(len(name), longest) + 3
    return width


#: The code family of the catalogue (``code.<family>.<value>``) that names the values of an
#: enumeration of the records, where the report has one: the same words in both.
_CODE_FAMILIES = {
    "Criticality": "criticality",
    "LinkKind": "link_kind",
    "ZonePurpose": "zone_purpose",
    "ClientKind": "client_kind",
    "Capability": "capability",
    "OperatingModel": "operating_model",
    "UserGroup": "user_group",
    "Country": "country",
}


def _lookup(words: dict[str, str]) -> Callable[[str], str]:
    """A value's word in ``words``, or the value itself."""
    return lambda cell: words.get(cell, cell)


def _field_words(kind: str, columns: list[str]) -> tuple[list[str], list[Callable[[str], str]]]:
    """The label and the value text of each column in the command line's language.

    English: the names and values as stored. Swedish and Norwegian: a field's label is the
    first header word the reader's language accepts for it (``värdnamn``, ``vertsnavn``),
    so that it can be written back as a file's header; ``municipality`` is the CLI's word
    for it; provenance columns (``source_file`` …) keep their names. A coded value is the
    catalogue's word for it where the report has one (``code.criticality.high``: Hög),
    otherwise the first word the language accepts for it on import (``physical``: fysisk);
    yes/no as words; numbers and dates as the language writes them (``455,5``,
    ``182 000``; Norwegian dates ``27.09.2021``). Free text: as stored."""
    lang = cli_lang()
    as_stored: Callable[[str], str] = str
    if lang == "en":
        return columns, [as_stored] * len(columns)
    from inventory.language.i18n import code_text
    from inventory.models.base import Language
    from inventory.models.registry import field_specs

    language: Language = "nb" if lang == "no" else "sv"
    specs = {spec.name: spec for spec in field_specs(kind)}
    labels: list[str] = []
    texts: list[Callable[[str], str]] = []
    for name in columns:
        spec = specs.get(name)
        if spec is None:
            labels.append(say("cli.municipality") if name == "municipality" else name)
            texts.append(as_stored)
            continue
        labels.append(next(iter(spec.words.of(language)), name))
        enum = spec.enum
        if spec.value_type == "bool":
            texts.append(_lookup({"True": say("cli.yes"), "False": say("cli.no")}))
        elif enum is not None:
            family = _CODE_FAMILIES.get(enum.__name__)
            texts.append(
                _lookup(
                    {
                        str(member): code_text(family, str(member), lang)
                        if family is not None
                        else next(iter(enum.words(str(member)).of(language)), str(member))
                        for member in enum
                    }
                )
            )
        elif spec.value_type in ("int", "float", "date"):
            texts.append(partial(_locale_value, spec.value_type, lang))
        else:
            texts.append(as_stored)
    return labels, texts


def _locale_value(value_type: str, lang: Lang, cell: str) -> str:
    """A stored number or date as the language writes it (``455,5``, ``182 000``,
    ``27.09.2021`` in Norwegian); a cell that does not parse (an older store) as stored."""
    import datetime as dt

    from inventory.language.formatting import format_date, format_decimal, format_integer

    try:
        if value_type == "date":
            return format_date(dt.date.fromisoformat(cell), lang)
        number = float(cell)
    except ValueError:
        return cell
    if value_type == "int" or number.is_integer():
        return format_integer(number, lang)
    return format_decimal(number, lang, max_decimals=6)


def render_records(frame: pd.DataFrame, kind: str, limit: int) -> None:
    """Records as a table of the columns that hold any value (at most ``limit`` rows).

    When that table would not show every name and value whole in the console (a server
    has some twenty fields; a terminal is often 80 characters), each record is shown as
    a list of its fields instead, as psql's expanded display does: no value is cut to
    "…" or folded into a narrow column."""
    shown = frame if limit <= 0 else frame.head(limit)
    columns = [str(name) for name in shown.columns if shown[name].notna().any()]
    rows = [
        tuple(_cell(value) for value in row)
        for row in shown.loc[:, columns].itertuples(index=False, name=None)
    ]
    labels, texts = _field_words(kind, columns)
    rows = [
        tuple(text(cell) if cell else cell for text, cell in zip(texts, row, strict=True))
        for row in rows
    ]
    title = say("cli.records_title", kind=kind_text(kind), count=len(frame))
    if _table_width(labels, rows) <= console.width:
        table = Table(title=title)
        for name in labels:
            table.add_column(name)
        for row in rows:
            table.add_row(*(Text(visible(cell, keep="\n\t")) for cell in row))
        console.print(table)
    else:
        console.print(title, markup=False)
        for number, row in enumerate(rows, start=1):
            record = Table(
                title=say("cli.records_record", number=_count(number), count=_count(len(frame))),
                show_header=False,
                title_justify="left",
            )
            record.add_column(no_wrap=True)
            record.add_column(overflow="fold")
            for name, cell in zip(labels, row, strict=True):
                if cell:
                    record.add_row(name, Text(visible(cell, keep="\n\t")))
            console.print(record)
    if len(frame) > len(shown):
        console.print(say("cli.records_more", count=len(frame) - len(shown)))


def records_json(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Records as JSON-ready dictionaries (missing values as null, lists as lists)."""
    rows = []
    for row in frame.to_dict(orient="records"):
        rows.append(
            {
                str(name): (
                    list(value)
                    if isinstance(value, tuple)
                    else None
                    if _cell(value) == "" and not isinstance(value, str)
                    else value
                )
                for name, value in row.items()
            }
        )
    return rows


def render_stats(stats: StoredCounts) -> None:
    """Counts per record kind (rows) and municipality (columns), with totals."""
    codes = list(stats["municipalities"])
    table = Table(title=say("cli.stats_title", count=stats["import_runs"]))
    table.add_column(say("cli.record_kind"))
    for code in codes:
        table.add_column(Text(code), justify="right")
    table.add_column(say("cli.total"), justify="right", style="bold")
    for kind, total in stats["totals"].items():
        table.add_row(
            kind_text(kind),
            *(_count(stats["municipalities"][code].get(kind, 0)) for code in codes),
            _count(total),
        )
    console.print(table)


def render_history(runs: Iterable[ImportRunInfo]) -> None:
    """One line per import run."""
    table = Table(title=say("cli.history_title"))
    for name in ("run", "started", "version", "municipalities", *_COUNT_NAMES, "prune"):
        key = f"cli.import.{name}" if name in _COUNT_NAMES else f"cli.history.{name}"
        table.add_column(say(key), justify="right" if name in _COUNT_NAMES else "left")
    for run in runs:
        totals = run.totals()
        table.add_row(
            str(run.id),
            run.started_at.strftime("%Y-%m-%d %H:%M:%S"),
            run.tool_version,
            Text(", ".join(run.municipalities)),
            *(_count(totals[name]) for name in _COUNT_NAMES),
            say("cli.yes") if run.prune else "",
        )
    console.print(table)


def render_difference(difference: RunDifference) -> None:
    """``+`` created, ``~`` updated (field: old -> new), ``-`` deleted; then counts."""
    for record in difference.records:
        place = f"{record.municipality} {kind_text(record.kind)} {record.id}"
        if record.change == "created":
            console.print(Text("+", style="green"), place)
        elif record.change == "deleted":
            console.print(Text("-", style="red"), place)
        else:
            note = say("cli.diff_recreated") if record.recreated else ""
            console.print(Text("~", style="yellow"), place + note)
            for name, (old, new) in record.fields.items():
                empty = say("cli.diff_empty")
                before, after = _cell(old) or empty, _cell(new) or empty
                console.print(f"    {name}: {before} -> {after}")
    counts = difference.counts()
    scope = (
        say("cli.diff_scope", municipality=difference.municipality)
        if difference.municipality
        else ""
    )
    console.print(
        say(
            "cli.diff_summary",
            a=str(difference.run_a),
            b=str(difference.run_b),
            scope=scope,
            created=counts["created"],
            updated=counts["updated"],
            deleted=counts["deleted"],
        )
    )
