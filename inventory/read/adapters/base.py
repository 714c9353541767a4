"""What every export adapter shares: declarative column tables, rows with their places in
the export, and the table validation reads.

An adapter reads its tool's files (sheets of a workbook, CSV files, JSON documents) into
``ExportRow`` objects: the row's values under the tool's own column names (for JSON, the
dotted key path) and its ``RowPlace`` (file, sheet, line, JSON path). A ``ColumnMap`` per
kind says, as data, which export column gives which field, in which unit and with which
value map. ``build_table`` turns the rows of one kind into an ``AdaptedTable``: a
``SourceTable`` whose header cells are the kind's field names (so header mapping needs no
aliases) and which remembers, per row, where it came from and which export column gave
each field. Validation calls ``AdaptedTable.locate`` on every issue of the table, so that
an error names the export's file, sheet, line and column (or JSON path), never the
adapter's intermediate table.

Units are not converted here: a plain number gets the export's unit appended (``16384
MiB``) and the value parser converts it to the field's unit (``inventory.read.units``), as
it does for a number typed with its unit. A cell that is not a plain number is passed on
as written, so that its error quotes the export's own text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from inventory.issues import Issue, IssueCode, IssueParam, Severity, template_key
from inventory.messages import Message
from inventory.models.registry import field_specs
from inventory.output_files import os_reason
from inventory.read.kinds import HEADER_SEARCH_ROWS, Probe, fold_name
from inventory.read.source import SourcePart, SourceTable
from inventory.read.tables import read_table

_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$")


class ExportAdapter:
    """What the adapters share: one file is read as a list of one source
    (``read_sources`` reads the files of one export together), and the kinds a file is
    recognised as: an adapter states ``recognise`` (one kind) or ``recognise_kinds`` (a
    file holding several; it is recognised as the first), each derived from the other."""

    def recognise_kinds(self, probe: Probe) -> tuple[str, ...]:
        kind = self.recognise(probe)
        return () if kind is None else (kind,)

    def recognise(self, probe: Probe) -> str | None:
        kinds = self.recognise_kinds(probe)
        return kinds[0] if kinds else None

    def read(
        self, path: Path, sheet: str | None, kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]:
        return self.read_sources([(path, sheet)], kind, municipality)

    def read_sources(
        self, sources: Sequence[tuple[Path, str | None]], kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]:
        raise NotImplementedError


@dataclass(frozen=True)
class RowPlace:
    """Where a row is in the export: file, sheet (a workbook's), line (the physical line
    or sheet row; None in a JSON document) and ``json_path`` (``$[3]``,
    ``$.devices[0]``; None in a table)."""

    file: Path
    sheet: str | None = None
    line: int | None = None
    json_path: str | None = None
    row: int | None = None  # the data row (1-based) in its sheet, file or JSON list


@dataclass(frozen=True)
class ExportRow:
    """One record of the export: its values by the tool's column name (JSON: dotted key
    path such as ``tenant.slug``) and its place."""

    values: Mapping[str, Any]
    place: RowPlace
    #: Position (1-based) of each column in its sheet or file (tables only).
    positions: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Column:
    """One field of a record from an export: the first of ``source`` present in the row
    (a column name, or a dotted JSON key path), in ``unit`` (appended to a plain number
    and converted by the value parser), through ``values`` (the tool's words to the
    field's, compared folded; a word not listed is passed on and reported by validation)
    or ``derive`` (a function of the text), else the ``constant``."""

    field: str
    source: tuple[str, ...] = ()
    unit: str | None = None
    values: Mapping[str, str] | None = None
    derive: Callable[[str], str] | None = None
    constant: str | None = None
    #: The unit of a source column that differs from ``unit`` (``Disk (MB)`` beside
    #: ``Disk (GB)``).
    units: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def value(self, row: ExportRow) -> tuple[str, str | None]:
        """The cell text for the field, and the export column it came from (None for a
        constant)."""
        for name in self.source:
            if name in row.values:
                text = cell_text(row.values[name])
                if not text and self.constant is not None:
                    break
                return self.convert(text, self.units.get(name, self.unit)), name
        return (self.constant or ""), None

    def convert(self, text: str, unit: str | None = None) -> str:
        if not text:
            return text
        if self.values is not None:
            text = self.values.get(fold_name(text), text)
        if self.derive is not None:
            text = self.derive(text)
        if unit is not None and _PLAIN_NUMBER.match(text):
            text = f"{text} {unit}"
        return text


@dataclass(frozen=True)
class ColumnMap:
    """How one sheet, file or JSON list of an export gives records of ``kind``: its
    ``columns`` and the columns that tell the sheet apart (``signature``: all present in
    its header row, compared folded)."""

    kind: str
    columns: tuple[Column, ...]
    signature: tuple[str, ...] = ()

    def matches(self, header: Iterable[str]) -> bool:
        folded = {fold_name(cell) for cell in header}
        return all(fold_name(name) in folded for name in self.signature)


def cell_text(value: Any) -> str:
    """A value from a sheet, CSV or JSON as text: integral floats without ``.0``,
    booleans as ``true``/``false``, nothing as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        for key in ("name", "display", "label", "value"):
            if key in value:
                return cell_text(value[key])
        return ""
    return str(value).strip()


def signature_test(maps: Iterable[ColumnMap]) -> Callable[[Sequence[str]], bool]:
    """Whether a row is the header of one of ``maps`` (all of its signature present)."""
    maps = [column_map for column_map in maps if column_map.signature]

    def is_header(row: Sequence[str]) -> bool:
        return any(column_map.matches(row) for column_map in maps)

    return is_header


def probe_header(probe: Probe, maps: Iterable[ColumnMap] = ()) -> tuple[str, ...] | None:
    """The first row of ``probe`` that is the header of one of ``maps`` (title and blank
    rows above it, as report exports have, are skipped), else the first with two or more
    filled cells that is no PowerShell ``#TYPE`` line."""
    is_header = signature_test(maps)
    for row in probe.rows[:HEADER_SEARCH_ROWS]:
        if is_header(row):
            return tuple(row)
    for row in probe.rows[:HEADER_SEARCH_ROWS]:
        filled = [cell for cell in row if cell.strip()]
        if len(filled) >= 2 and not filled[0].startswith("#TYPE"):
            return tuple(row)
    return None


@dataclass
class AdaptedTable(SourceTable):
    """An adapter's records of one kind, as validation reads them, with the place of each
    row in the export (``places``), the export column of each field per row
    (``written``) and the tool (``tool``; also the stored ``format``)."""

    tool: str = ""
    places: list[RowPlace] = field(default_factory=list)
    written: list[dict[str, tuple[str, int | None]]] = field(default_factory=list)

    def export_columns(self) -> dict[str, str]:
        """Each export column read (as written; a JSON key path) and the field it gave:
        the stored ``header_mapping`` of the table (provenance)."""
        columns: dict[str, str] = {}
        for origin in self.written:
            for field_name, (column, _) in origin.items():
                columns.setdefault(column, field_name)
        return columns

    def provenance(self) -> tuple[list[SourcePart], np.ndarray[Any, Any] | None]:
        """One part per file and sheet of the export the rows come from (vInfo and vHost
        are two), each row's part."""
        keys = [(place.file, place.sheet) for place in self.places]
        distinct = list(dict.fromkeys(keys)) or [(self.path, self.sheet)]
        digests = {
            file: hashlib.sha256(file.read_bytes()).hexdigest()
            if len(distinct) > 1
            else self.sha256
            for file, _ in distinct
        }
        parts = [
            SourcePart(self.tool, file, sheet, digests[file], self.tool) for file, sheet in distinct
        ]
        if len(parts) == 1:
            return parts, None
        index = {key: position for position, key in enumerate(distinct)}
        return parts, np.array([index[key] for key in keys], dtype=np.int64)

    def locate(self, issue: Issue) -> Issue:
        """``issue`` at its place in the export: the row's file, sheet and line, the
        export's column (its JSON path in a JSON document)."""
        if issue.file != self.display_name:
            return issue
        if issue.row is None or not 1 <= issue.row <= len(self.places):
            return issue.model_copy(update={"sheet": issue.sheet or self.sheet})
        place = self.places[issue.row - 1]
        written = self.written[issue.row - 1]
        update: dict[str, Any] = {
            "file": str(place.file),
            "sheet": place.sheet,
            "line": place.line,
            "row": place.row,
        }
        column = None if issue.column is None else written.get(issue.column)
        if column is None and issue.column is not None:  # a value the adapter sets
            update["column"] = f"{issue.column} (set by the {self.tool} adapter)"
            update["column_index"] = None
        if place.json_path is not None:
            name = None if column is None else column[0]
            update["column"] = place.json_path + ("" if name is None else f".{name}")
            update["column_index"] = None
        elif column is not None:
            update["column"], update["column_index"] = column
        return issue.model_copy(update=update)


def build_table(
    tool: str, kind: str, municipality: str, rows: Sequence[tuple[ExportRow, ColumnMap]]
) -> AdaptedTable:
    """The records of ``kind`` in ``rows`` as one table (header: the fields any map gives,
    in the model's order)."""
    given = {column.field for _, column_map in rows for column in column_map.columns}
    if not rows:
        given = set()
    header = [spec.name for spec in field_specs(kind) if spec.name in given]
    data: dict[str, list[str]] = {str(i): [] for i in range(len(header))}
    places: list[RowPlace] = []
    written: list[dict[str, tuple[str, int | None]]] = []
    for row, column_map in rows:
        by_field = {column.field: column for column in column_map.columns}
        origin: dict[str, tuple[str, int | None]] = {}
        for position, name in enumerate(header):
            column = by_field.get(name)
            text, source = ("", None) if column is None else column.value(row)
            data[str(position)].append(text)
            if source is not None:
                origin[name] = (source, row.positions.get(source))
        places.append(row.place)
        written.append(origin)
    files = list(dict.fromkeys(place.file for place in places))
    sheets = list(dict.fromkeys(place.sheet for place in places if place.sheet))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    lines = [
        place.line if place.line is not None else index + 1 for index, place in enumerate(places)
    ]
    first = files[0] if files else Path(tool)
    return AdaptedTable(
        path=first,
        kind=kind,
        municipality=municipality,
        format=tool,
        sha256=digest.hexdigest(),
        encoding=None,
        delimiter=None,
        header=header,
        header_line=1,
        cells=pd.DataFrame(data, dtype=object),
        lines=lines,
        sheet=", ".join(sheets) or None,
        tool=tool,
        places=places,
        written=written,
    )


def table_rows(
    path: Path, sheet: str | None, kind: str, municipality: str, maps: Iterable[ColumnMap] = ()
) -> tuple[list[ExportRow], list[str], list[Issue]]:
    """The rows of a CSV file or a workbook sheet with their places, read by the project's
    reader (encodings, ``#TYPE`` line, limits), its header and issues. The header is the
    first row holding the signature of one of ``maps`` (title and blank rows above it are
    skipped with a ``header-row`` note; lines stay the file's)."""
    maps = list(maps)
    source, issues = read_table(
        path, kind, municipality, sheet=sheet, is_header=signature_test(maps) if maps else None
    )
    if source is None:
        return [], [], issues
    names = [cell.strip() for cell in source.header]
    columns = [
        source.cells[str(i)].tolist() if str(i) in source.cells else [] for i in range(len(names))
    ]
    positions = {name: index + 1 for index, name in enumerate(names) if name}
    rows = []
    for index, line in enumerate(source.lines):
        values = {
            name: columns[i][index]
            for i, name in enumerate(names)
            if name and index < len(columns[i])
        }
        rows.append(
            ExportRow(values, RowPlace(path, source.sheet, int(line), None, index + 1), positions)
        )
    # The reader's notes are about the export's file, whatever kind it was read as.
    issues = [
        issue.model_copy(update={"record_kind": None, "sheet": issue.sheet or sheet})
        for issue in issues
    ]
    return rows, names, issues


def skipped_rows_note(
    tool: str, path: Path, sheet: str | None, count: int, why: Message, municipality: str, kind: str
) -> Issue:
    """An info note counting the export's rows not read as ``kind`` (nothing silent);
    ``why`` is a sentence part ``issue.part.skip.…``."""
    return Issue(
        code=IssueCode.SKIPPED_PATH,
        severity=Severity.INFO,
        file=str(path),
        sheet=sheet,
        municipality=municipality,
        record_kind=kind,
        value=str(count),
        template=template_key(
            IssueCode.SKIPPED_PATH, "export_row" if count == 1 else "export_rows"
        ),
        params={"count": count, "tool": tool, "kind": kind, "why": why},
    )


#: A JSON export larger than this is refused (an API dump of a municipality is a few MB).
MAX_JSON_BYTES = 64 * 1024 * 1024


def load_json(path: Path, municipality: str | None = None) -> tuple[Any, Issue | None]:
    """A JSON document, or the issue saying why it cannot be read (never raising)."""
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            return None, Issue(
                code=IssueCode.INVALID_JSON,
                file=str(path),
                municipality=municipality,
                template=template_key(IssueCode.INVALID_JSON, "too_large"),
                params={"name": path.name, "size": size, "limit": MAX_JSON_BYTES},
            )
        text = path.read_bytes().decode("utf-8-sig")
        return json.loads(text), None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        params: dict[str, IssueParam] = {
            "name": path.name,
            "detail": os_reason(error)
            if isinstance(error, OSError)
            else Message(
                "validation.parser"
                if isinstance(error, json.JSONDecodeError | RecursionError)
                else "validation.system",
                {"detail": str(getattr(error, "msg", None) or error)},
            ),
        }
        if isinstance(error, json.JSONDecodeError):
            params.update(line=str(error.lineno), column=str(error.colno))
        else:
            params["where"] = ""
        return None, Issue(
            code=IssueCode.INVALID_JSON,
            file=str(path),
            municipality=municipality,
            line=error.lineno if isinstance(error, json.JSONDecodeError) else None,
            template=template_key(
                IssueCode.INVALID_JSON, "at" if isinstance(error, json.JSONDecodeError) else None
            ),
            params=params,
        )


def flatten(value: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """A JSON object's values by dotted key path (``tenant.slug``); nested objects are
    also kept whole under their own key (read as their name or display text)."""
    flat: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        flat[name] = item
        if isinstance(item, dict):
            flat.update(flatten(item, f"{name}."))
    return flat


def json_rows(path: Path, items: Sequence[Any], json_path: str) -> list[ExportRow]:
    """The objects of a JSON list at ``json_path`` as rows, each placed at its index."""
    return [
        ExportRow(flatten(item), RowPlace(path, None, None, f"{json_path}[{index}]", index + 1))
        for index, item in enumerate(items)
        if isinstance(item, dict)
    ]
