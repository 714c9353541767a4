"""Records of one file: typed columns, unique keys and checks across the fields of a row.

``build_valid_table`` turns a ``SourceTable`` (raw text cells) and its header mapping into
a ``ValidTable``: one typed column per field of the record kind (fields absent from the
file are all-missing) plus ``_line``. Issues go into the ``IssueReport`` handed in.
"""

from __future__ import annotations

import functools
import re
import threading
import typing
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import pandas as pd

from inventory.issues import Issue, IssueCode, IssueParam, IssueReport, Severity, template_key
from inventory.messages import Code
from inventory.missing import is_missing
from inventory.models.registry import FieldSpec, field_specs, model_for
from inventory.read.source import SourceTable
from inventory.read.units import Unit
from inventory.validate.batch import EncodedColumn, ValidTable
from inventory.validate.values import (
    ColumnPlace,
    ParsedColumn,
    TypedColumn,
    column_issues,
    empty_column,
    local_codes,
    parse_column,
    type_column,
    typed_series,
)

#: A municipality code (the ``code`` of ``municipality.csv``): a slug.
MUNICIPALITY_CODE = re.compile(r"[a-z0-9][a-z0-9_-]*")

#: Tables from this many rows on keep one block per column (consolidating copies them).
_SIDE_BY_SIDE_FROM_ROWS = 1 << 14
#: Tables from this many rows on have their columns parsed on two threads (Arrow's
#: dictionary encoding and numpy's takes let go of the interpreter lock).
_THREADED_FROM_ROWS = 1 << 16
_COLUMN_THREADS = 2

#: Checks of one field against another: (kind, field, limit field, what the pair means).
#: (The meaning is a term ``code.issue_meaning.<name>``.)
_AT_MOST = (
    ("storage", "used_tb", "capacity_tb", "used_over_capacity"),
    ("site", "power_used_kw", "power_capacity_kw", "power_over_capacity"),
)
_NOT_BEFORE = (
    ("server", "warranty_end", "purchase_date"),
    ("client", "warranty_end", "purchase_date"),
)


class HeaderMappingLike(Protocol):
    """What validation reads of a header mapping (``inventory.read.headers.HeaderMapping``)."""

    @property
    def fields(self) -> Mapping[int, str]: ...  # 0-based column position -> field name

    @property
    def written(self) -> Mapping[str, str]: ...  # header as written -> field name


class FieldPlaces:
    """Where each field of a file is: its header as written and its 1-based position."""

    def __init__(self, source: SourceTable, mapping: HeaderMappingLike) -> None:
        self.source = source
        self.positions = {name: position for position, name in mapping.fields.items()}

    def header(self, name: str) -> str | None:
        position = self.positions.get(name)
        return None if position is None else self.source.header[position]

    def index(self, name: str) -> int | None:
        position = self.positions.get(name)
        return None if position is None else position + 1


def build_valid_table(
    source: SourceTable,
    mapping: HeaderMappingLike,
    report: IssueReport,
    *,
    municipality: str | None = None,
) -> ValidTable:
    """Parse every mapped column of ``source`` and check keys and fields across a row.

    ``municipality`` is the municipality code (default: the folder name of the source).
    Every problem is added to ``report``; the table is returned even when it has errors
    (the rows keep what could be parsed, the rest is missing).
    """
    code = municipality or source.municipality
    places = FieldPlaces(source, mapping)
    lines = source.line_numbers()
    rows = source.row_count
    columns: dict[str, pd.Series] = {}
    encoded: dict[str, EncodedColumn] = {}
    pool = ThreadPoolExecutor(_COLUMN_THREADS) if rows >= _THREADED_FROM_ROWS else None
    pending: dict[str, ParsedColumn | Future[ParsedColumn]] = {}
    # The header's units and the file's language (map_headers'; a hand-made mapping has none)
    units: Mapping[str, Unit] = getattr(mapping, "units", {})
    language: str | None = getattr(mapping, "language", None)
    for spec in field_specs(source.kind):
        position = places.positions.get(spec.name)
        if position is None:
            columns[spec.name] = empty_column(spec, rows)
            continue
        place = ColumnPlace(
            file=source.display_name,
            column=source.header[position],
            column_index=position + 1,
            lines=lines,
            municipality=code,
            record_kind=source.kind,
        )
        text = source.text_column(position)
        if pool is None:
            pending[spec.name] = parse_column(
                spec, text, place, limit=report.cap, unit=units.get(spec.name), language=language
            )
        else:
            pending[spec.name] = pool.submit(
                parse_column,
                spec,
                text,
                place,
                limit=report.cap,
                unit=units.get(spec.name),
                language=language,
            )
    try:
        for name, outcome in pending.items():  # in field order, as parsed one by one
            parsed = outcome if isinstance(outcome, ParsedColumn) else outcome.result()
            _record(report, parsed.issues, parsed.unlisted)
            columns[name] = parsed.values
            if parsed.codes is not None and parsed.distinct is not None:
                encoded[name] = EncodedColumn(
                    parsed.codes, parsed.distinct, ascending=parsed.ascending
                )
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    columns = {spec.name: columns[spec.name] for spec in field_specs(source.kind)}
    columns["_line"] = pd.Series(lines, dtype="int64", copy=False)
    if rows < _SIDE_BY_SIDE_FROM_ROWS:
        frame = pd.DataFrame(columns)
    else:  # side by side, not consolidated: one block per column, no copy of every row
        frame = pd.concat([column.rename(name) for name, column in columns.items()], axis=1)
    table = ValidTable(
        kind=source.kind,
        municipality=code,
        source=source,
        header_mapping=dict(mapping.written),
        frame=frame,
        encoded=encoded,
        objects=_objects(source.kind, columns, 0, rows),
    )
    _row_checks(table, places, report)
    return table


@dataclass
class TableToBuild:
    """One file for ``build_valid_tables``: its cells, header mapping, municipality code
    and the report its issues go to."""

    source: SourceTable
    mapping: HeaderMappingLike
    municipality: str
    report: IssueReport


#: The frame of a kind's files from this many rows on keeps one block per column.
_WHOLE_SIDE_BY_SIDE_FROM_ROWS = 1 << 11

#: Files from this many rows on are built alone (``build_valid_table``): their columns
#: take the paths of a large file (parsed on threads; a column of distinct texts typed row
#: by row, ``values._DISTINCT_FROM_ROWS``). A smaller file is typed with the others of its
#: kind, a municipality's client list of 20,000 rows too (the fixed costs of each column
#: once; the validated table the same, ``ValidTable.encoded`` aside, which validation
#: alone reads and clears).
BATCHED_BELOW_ROWS = _THREADED_FROM_ROWS


def build_valid_tables(files: Sequence[TableToBuild]) -> list[ValidTable]:
    """``build_valid_table`` of each of ``files`` (all of one record kind, each under
    ``BATCHED_BELOW_ROWS`` rows), with each column typed once for all of them: the
    cells of the files are typed together (each distinct text once), then each file gets
    its own issues (in its own report, at its own places, exactly as alone), its frame
    and its encoded columns (codes into its own distinct values, as alone).
    """
    if not files:
        return []
    kind = files[0].source.kind
    specs = field_specs(kind)
    sizes = np.array([item.source.row_count for item in files], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(sizes)])
    total = int(starts[-1])
    places = [FieldPlaces(item.source, item.mapping) for item in files]
    lines = [item.source.line_numbers() for item in files]
    encoded: list[dict[str, EncodedColumn]] = [{} for _ in files]
    whole_codes: dict[str, EncodedColumn] = {}  # the encoded fields', of all files
    columns: dict[str, pd.Series] = {}  # the columns validation reads
    later: dict[str, Callable[[], pd.Series]] = {}  # the others, made with the frame
    needed = _read_while_validating(kind)
    key_field = model_for(kind).key_field
    for spec in specs:
        groups: dict[tuple[Any, str | None], list[int]] = {}
        for number, item in enumerate(files):
            if spec.name in places[number].positions:
                units: Mapping[str, Unit] = getattr(item.mapping, "units", {})
                language: str | None = getattr(item.mapping, "language", None)
                groups.setdefault((units.get(spec.name), language), []).append(number)
        if not groups:
            if spec.name in needed:
                columns[spec.name] = empty_column(spec, total)
            else:
                later[spec.name] = functools.partial(empty_column, spec, total)
            continue
        distinct_parts: list[np.ndarray[Any, Any]] = []
        row_codes = np.zeros(total, dtype=np.int64)  # 0: the missing value below
        offset = 1
        for (unit, language), numbers in groups.items():
            texts = [
                files[number].source.text_column(places[number].positions[spec.name])
                for number in numbers
            ]
            typed = type_column(spec, texts, unit=unit, language=language)
            bounds = np.cumsum([0, *(len(text) for text in texts)])
            # (no problem and no empty required value: no file of the group has an issue)
            checked = bool(typed.problems) or (spec.required and bool(typed.empty.any()))
            own = (
                _local_codes_of_parts(typed.codes, bounds)
                if spec.name in _own_encoded_fields(kind)
                else None
            )
            if checked:
                for at, number in enumerate(numbers):
                    codes = typed.codes[bounds[at] : bounds[at + 1]]
                    _file_issues(spec, typed, codes, files[number], places[number], lines[number])
            if own is not None:
                for (part_codes, shared), number in zip(own, numbers, strict=True):
                    encoded[number][spec.name] = EncodedColumn(part_codes, typed.typed[shared])
            first, last = numbers[0], numbers[-1]
            if last - first + 1 == len(numbers):  # files one after the other: their rows too
                rows = row_codes[starts[first] : starts[last + 1]]
                rows[:] = typed.codes
                rows += offset
            else:
                for at, number in enumerate(numbers):
                    codes = typed.codes[bounds[at] : bounds[at + 1]]
                    row_codes[starts[number] : starts[number + 1]] = codes.astype(np.int64) + offset
            distinct_parts.append(typed.typed)
            offset += len(typed.typed)
        distinct = np.concatenate([np.full(1, None, dtype=object), *distinct_parts])
        if spec.name in needed:
            columns[spec.name] = typed_series(spec, distinct, row_codes)
        else:  # (made with the frame: no check reads it)
            later[spec.name] = functools.partial(typed_series, spec, distinct, row_codes)
        if spec.name in _encoded_fields(kind) or spec.name == key_field:
            whole_codes[spec.name] = EncodedColumn(row_codes, distinct)
    columns["_line"] = pd.Series(
        np.concatenate(lines) if lines else np.zeros(0), dtype="int64", copy=False
    )
    # The checks across a row, on all files at once: only the files where they find
    # something are checked one by one (which lists the findings, as alone).
    found = _rows_found(
        kind, columns, whole_codes, np.repeat(np.arange(len(files)), sizes), len(files)
    )
    frames = _KindFrames(
        columns, later, [*(spec.name for spec in specs), "_line"], starts, len(files)
    )
    tables: list[ValidTable] = []
    held = _object_arrays(kind, columns)
    for number, item in enumerate(files):
        table = ValidTable(
            kind=kind,
            municipality=item.municipality,
            source=item.source,
            header_mapping=dict(item.mapping.written),
            frame=typing.cast(pd.DataFrame, None),
            encoded=encoded[number],
            objects=_objects_of(held, int(starts[number]), int(starts[number + 1])),
        )
        table.frame_later(functools.partial(frames.part, number))
        if found[number]:
            _row_checks(table, places[number], item.report)
        elif kind == "municipality" and _municipality_row_finds(table):
            RowChecks(table, places[number], item.report).municipality_row()
        tables.append(table)
    return tables


class _KindFrames:
    """The frames of a kind's files typed together: the frame of all their rows made
    when the first is read, each file's rows a view of it (with an index of its own)."""

    def __init__(
        self,
        columns: dict[str, pd.Series],
        later: dict[str, Callable[[], pd.Series]],
        order: list[str],
        starts: np.ndarray[Any, Any],
        files: int,
    ) -> None:
        self._columns: dict[str, pd.Series] | None = columns
        self._later = later
        self._order = order
        self._whole: pd.DataFrame | None = None
        self._starts = starts.tolist()
        self._files = files
        self._lock = threading.Lock()

    def whole(self) -> pd.DataFrame:
        with self._lock:
            if self._whole is None:
                made = self._columns
                assert made is not None
                columns = {
                    name: made[name] if name in made else self._later[name]()
                    for name in self._order
                }
                if self._starts[-1] < _WHOLE_SIDE_BY_SIDE_FROM_ROWS:
                    self._whole = pd.DataFrame(columns)
                else:  # side by side: consolidating the columns into blocks copies every row
                    self._whole = pd.concat(
                        [column.rename(name) for name, column in columns.items()], axis=1
                    )
                self._columns = None
                self._later = {}
            return self._whole

    def part(self, number: int) -> pd.DataFrame:
        """The frame of file ``number``."""
        whole = self.whole()
        if self._files == 1:
            return whole
        # The file's rows (a view, with an index of its own: reset_index copies more)
        start, end = self._starts[number], self._starts[number + 1]
        frame = whole.iloc[start:end]
        frame.index = pd.RangeIndex(end - start)
        return frame


def _rows_found(
    kind: str,
    whole: Mapping[str, pd.Series],
    encoded: Mapping[str, EncodedColumn],
    file_of_row: np.ndarray[Any, Any],
    files: int,
) -> np.ndarray[Any, Any]:
    """Per file (``file_of_row``: each row's; ``files`` of them, some maybe without rows)
    whether ``RowChecks``' ``unique_keys`` or ``across_fields`` find anything in its rows
    of ``whole`` (the columns of all files of ``kind``, as in their frame: a column looked
    up in a new frame costs more than the check of a few rows)."""
    rows = np.zeros(len(file_of_row), dtype=bool)
    key_field = model_for(kind).key_field
    if _may_repeat_keys(encoded.get(key_field), file_of_row, files):
        keys = whole[key_field]
        key_codes, uniques = pd.factorize(keys)  # -1: missing
        present = key_codes >= 0
        if len(uniques) < int(np.count_nonzero(present)):  # (else no key is written twice)
            # a key seen before in the same file
            pairs = file_of_row.astype(np.int64) * (int(key_codes.max()) + 2) + key_codes
            rows |= present & pd.Series(pairs).duplicated().to_numpy()
    for check_kind, field, limit_field, _meaning in _AT_MOST:
        if kind == check_kind:
            rows |= (whole[field] > whole[limit_field]).fillna(False).to_numpy(dtype=bool)
    for check_kind, field, earlier_field in _NOT_BEFORE:
        if kind == check_kind and field in encoded and earlier_field in encoded:
            later, earlier = encoded[field], encoded[earlier_field]
            later_days = _day_numbers(later.distinct, missing=np.iinfo(np.int32).max)
            earlier_days = _day_numbers(earlier.distinct, missing=np.iinfo(np.int32).min)
            rows |= later_days[later.codes] < earlier_days[earlier.codes]
    if kind == "server":
        kinds = whole["kind"]
        virtual = (kinds == "virtual") & whole["cluster"].isna() & whole["host"].isna()
        physical = (kinds == "physical") & whole["site"].isna()
        rows |= (virtual | physical).fillna(False).to_numpy(dtype=bool)
    found = np.zeros(files, dtype=bool)
    found[file_of_row[rows]] = True
    return found


def _may_repeat_keys(
    keys: EncodedColumn | None, file_of_row: np.ndarray[Any, Any], files: int
) -> bool:
    """False when no file writes a key twice, seen on the key column's codes (each row's
    code into the typed distinct values, 0 missing): when no two distinct values are the
    same key, a key is written twice in a file only where a code is (counted per file and
    code, not hashed). True when that cannot be seen so (the keys are then compared)."""
    if keys is None or not len(file_of_row):
        return True
    typed = keys.distinct[1:]
    known = np.zeros(len(keys.distinct), dtype=bool)
    known[1:] = ~pd.isna(typed)
    present = keys.distinct[known].tolist()
    try:
        if len(set(present)) != len(present):
            return True  # two texts of one key (normalised alike)
    except TypeError:  # (a key that cannot be hashed: compared the exact way)
        return True
    codes = keys.codes
    chosen = known[codes]
    width = len(keys.distinct)
    if files * width > 8 * len(codes) + (1 << 20):
        return True  # (few rows of many keys: counting would cost more)
    counts = np.bincount(
        file_of_row[chosen].astype(np.int64) * width + codes[chosen], minlength=files * width
    )
    return bool((counts > 1).any())


def _file_issues(
    spec: FieldSpec,
    typed: TypedColumn,
    codes: np.ndarray[Any, Any],
    item: TableToBuild,
    places: FieldPlaces,
    lines: np.ndarray[Any, Any],
) -> None:
    """One file's issues of a column typed with others'."""
    position = places.positions[spec.name]
    place = ColumnPlace(
        file=item.source.display_name,
        column=item.source.header[position],
        column_index=position + 1,
        lines=lines,
        municipality=item.municipality,
        record_kind=item.source.kind,
    )
    issues, unlisted = column_issues(spec, typed, codes, place, item.report.cap)
    _record(item.report, issues, unlisted)


def _local_codes_of_parts(
    codes: np.ndarray[Any, Any], bounds: np.ndarray[Any, Any]
) -> list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]:
    """``local_codes`` of each part ``codes[bounds[i]:bounds[i + 1]]``, all at once: each
    part's codes into its own distinct values (in order of first appearance) and which
    shared distinct value each of those is."""
    parts = len(bounds) - 1
    rows = len(codes)
    width = int(codes.max()) + 1 if rows else 1
    if parts * width > 4 * rows + (1 << 16):  # (few rows of many distinct values)
        return [local_codes(codes[bounds[at] : bounds[at + 1]]) for at in range(parts)]
    part_of = np.repeat(np.arange(parts, dtype=np.int64), np.diff(bounds))
    keys = part_of * width + codes.astype(np.int64)
    first = np.full(parts * width, rows, dtype=np.int64)
    np.minimum.at(first, keys, np.arange(rows, dtype=np.int64))
    present = np.flatnonzero(first < rows)  # each part's (code, part) pairs, part by part
    # The parts follow each other: in order of first appearance, each part's distinct
    # values come together, the part's own first.
    # (each row is the first of one pair at most: the pairs in order of their first rows,
    # without sorting them)
    by_row = np.full(rows, -1, dtype=np.int64)
    by_row[first[present]] = present
    order = by_row[by_row >= 0]
    rank = np.empty(parts * width, dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    starts = np.searchsorted(present, np.arange(parts + 1, dtype=np.int64) * width)
    own = rank[keys] - starts[part_of]
    shared = order % width
    return [
        (own[bounds[at] : bounds[at + 1]], shared[starts[at] : starts[at + 1]])
        for at in range(parts)
    ]


@functools.cache
def _read_while_validating(kind: str) -> frozenset[str]:
    """The fields whose typed column of all files of a kind validation reads
    (``_rows_found``, ``ValidTable.objects``); the others are made with the frame."""
    fields = {model_for(kind).key_field, *_object_fields(kind)}
    fields.update(name for check, *names, _meaning in _AT_MOST if check == kind for name in names)
    if kind == "server":
        fields.update(("kind", "cluster", "host", "site"))
    return frozenset(fields)


@functools.cache
def _object_fields(kind: str) -> tuple[str, ...]:
    """The fields ``ValidTable.objects`` holds: the key, the fields that name records and
    the servers' ``cluster`` (the clusters' names): what the references read of every
    table."""
    key = model_for(kind).key_field
    named = ["cluster"] if kind == "server" else []
    return tuple(
        dict.fromkeys(
            [
                key,
                *(
                    spec.name
                    for spec in field_specs(kind)
                    if spec.references or spec.pseudo_references
                ),
                *named,
            ]
        )
    )


def _objects(
    kind: str, columns: Mapping[str, pd.Series], start: int, end: int
) -> dict[str, np.ndarray[Any, Any]]:
    """``ValidTable.objects`` of the rows ``start:end`` of ``columns`` (of all files of
    ``kind``): read-only views of the object columns' values (another dtype: not held)."""
    return _objects_of(_object_arrays(kind, columns), start, end)


def _object_arrays(kind: str, columns: Mapping[str, pd.Series]) -> dict[str, np.ndarray[Any, Any]]:
    """The values of ``columns`` that ``ValidTable.objects`` holds (views of them)."""
    found: dict[str, np.ndarray[Any, Any]] = {}
    for name in _object_fields(kind):
        column = columns.get(name)
        if column is not None and column.dtype == object:
            found[name] = column.to_numpy(dtype=object, copy=False)
    return found


def _objects_of(
    arrays: Mapping[str, np.ndarray[Any, Any]], start: int, end: int
) -> dict[str, np.ndarray[Any, Any]]:
    found: dict[str, np.ndarray[Any, Any]] = {}
    for name, array in arrays.items():
        values = array[start:end].view()
        values.flags.writeable = False
        found[name] = values
    return found


@functools.cache
def _own_encoded_fields(kind: str) -> frozenset[str]:
    """The fields each file of a kind typed with others gets its own encoded column of
    (``ValidTable.encoded``): the single references (every file's are resolved). Its
    dates compared across a row are compared on the frame, for a file where the kind's
    codes find a date before another (``_rows_found``)."""
    return frozenset(
        spec.name
        for spec in field_specs(kind)
        if (spec.references or spec.pseudo_references) and not spec.many
    )


@functools.cache
def _encoded_fields(kind: str) -> frozenset[str]:
    """The fields whose encoded column (``ValidTable.encoded``) a later check reads:
    dates compared across a row (``_NOT_BEFORE``) and single references (references.py).
    (The key's serves only to see keys ascending, which a batched file never shows.)"""
    dates = {name for check, *fields in _NOT_BEFORE if check == kind for name in fields}
    references = {
        spec.name
        for spec in field_specs(kind)
        if (spec.references or spec.pseudo_references) and not spec.many
    }
    return frozenset(dates | references)


def _row_checks(table: ValidTable, places: FieldPlaces, report: IssueReport) -> None:
    checks = RowChecks(table, places, report)
    checks.unique_keys()
    checks.across_fields()
    if table.kind == "municipality":
        checks.municipality_row()


def _record(
    report: IssueReport, issues: list[Issue], unlisted: int, severity: Severity = Severity.ERROR
) -> None:
    report.extend(issues)
    if unlisted:
        report.dropped[severity] += unlisted


class RowChecks:
    """Checks of one table that look at more than one cell: keys and pairs of fields."""

    def __init__(self, table: ValidTable, places: FieldPlaces, report: IssueReport) -> None:
        self.table = table
        self.frame = table.frame
        self.places = places
        self.report = report
        self.specs = {spec.name: spec for spec in field_specs(table.kind)}

    def issues_at(
        self,
        rows: np.ndarray[Any, Any],
        field: str | None,
        code: IssueCode,
        severity: Severity,
        situation: str,
        params: dict[str, IssueParam],
        from_fields: dict[str, str],
        values: pd.Series | None = None,
    ) -> None:
        """One issue per row in ``rows`` (0-based), up to the report's cap, with the
        template of ``code`` and ``situation``: its parameters are ``params`` and, for
        each ``name: field`` of ``from_fields``, the row's value of ``field``.
        """
        shown = rows[: self.report.cap]
        for row in shown.tolist():
            record = self.frame.iloc[row]
            fields: dict[str, IssueParam] = {
                name: _param(record[field]) for name, field in from_fields.items()
            }
            value = None
            if values is not None:
                value = _shown(values.iat[row])
            elif field is not None and field in self.places.positions:
                value = self.table.source.cell(self.places.positions[field], row)
            self.report.add(
                Issue(
                    code=code,
                    severity=severity,
                    template=template_key(code, situation),
                    params={**fields, **params},
                    file=self.table.source.display_name,
                    line=int(record["_line"]),
                    row=row + 1,
                    column=None if field is None else self.places.header(field),
                    column_index=None if field is None else self.places.index(field),
                    value=value,
                    municipality=self.table.municipality,
                    record_kind=self.table.kind,
                )
            )
        if len(rows) > len(shown):
            self.report.dropped[severity] += len(rows) - len(shown)

    def unique_keys(self) -> None:
        """A key used by two rows is an error at the later row, citing both."""
        key_field = model_for(self.table.kind).key_field
        encoded = self.table.encoded.get(key_field)
        if encoded is not None and encoded.ascending:
            return  # keys in strictly ascending order are all different
        keys = self.frame[key_field]
        duplicated = keys.duplicated(keep="first")
        if not duplicated.any():
            return
        present = keys.notna()
        repeated = duplicated & present
        if not repeated.any():
            return
        positions = pd.Series(np.arange(len(keys)), index=keys.index)
        first = (
            positions[present]
            .groupby(keys[present])
            .transform("min")
            .reindex(keys.index)
            .fillna(-1)
            .to_numpy(dtype=np.int64)
        )
        rows = np.flatnonzero(repeated.to_numpy())
        lines = self.frame["_line"].to_numpy(dtype=np.int64)
        shown = rows[: self.report.cap]
        for row in shown.tolist():
            earlier = int(first[row])
            self.report.add(
                Issue(
                    code=IssueCode.DUPLICATE_KEY,
                    params={
                        "key": repr(keys.iat[row]),
                        "first_row": str(earlier + 1),
                        "row": str(row + 1),
                        "first_line": str(lines[earlier]),
                        "line": str(lines[row]),
                        "kind": self.table.kind,
                        "key_field": key_field,
                    },
                    file=self.table.source.display_name,
                    line=int(lines[row]),
                    row=row + 1,
                    column=self.places.header(key_field),
                    column_index=self.places.index(key_field),
                    value=str(keys.iat[row]),
                    municipality=self.table.municipality,
                    record_kind=self.table.kind,
                )
            )
        if len(rows) > len(shown):
            self.report.dropped[Severity.ERROR] += len(rows) - len(shown)

    def across_fields(self) -> None:
        """Warnings for values that contradict each other within one row."""
        kind = self.table.kind
        for check_kind, field, limit_field, meaning in _AT_MOST:
            if kind != check_kind:
                continue
            over = (self.frame[field] > self.frame[limit_field]).fillna(False)
            self.issues_at(
                np.flatnonzero(over.to_numpy(dtype=bool)),
                field,
                IssueCode.INCONSISTENT_VALUES,
                Severity.WARNING,
                "at_most",
                {
                    "field": field,
                    "limit_field": limit_field,
                    "meaning": Code("issue_meaning", meaning),
                },
                {"value": field, "limit": limit_field},
            )
        for check_kind, field, earlier_field in _NOT_BEFORE:
            if kind != check_kind:
                continue
            before = self._before(field, earlier_field)
            self.issues_at(
                np.flatnonzero(before),
                field,
                IssueCode.INCONSISTENT_VALUES,
                Severity.WARNING,
                "before",
                {"field": field, "earlier_field": earlier_field},
                {"value": field, "earlier": earlier_field},
            )
        if kind == "server":
            self._server_placement()

    def _before(self, field: str, earlier_field: str) -> np.ndarray[Any, Any]:
        """Rows whose date ``field`` is before their ``earlier_field`` (both present)."""
        encoded = self.table.encoded
        if field in encoded and earlier_field in encoded:
            # Compare day numbers of the distinct dates (not a million date objects); a
            # missing date is never before (largest) nor after (smallest) another.
            later_days = _day_numbers(encoded[field].distinct, missing=np.iinfo(np.int32).max)
            earlier_days = _day_numbers(
                encoded[earlier_field].distinct, missing=np.iinfo(np.int32).min
            )
            return np.asarray(
                later_days[encoded[field].codes] < earlier_days[encoded[earlier_field].codes]
            )
        later, earlier = self.frame[field], self.frame[earlier_field]
        both = later.notna() & earlier.notna()
        before = np.zeros(len(later), dtype=bool)
        if both.any():
            before[both.to_numpy()] = later[both].to_numpy() < earlier[both].to_numpy()
        return before

    def _server_placement(self) -> None:
        kinds = self.frame["kind"]
        virtual = (kinds == "virtual") & self.frame["cluster"].isna() & self.frame["host"].isna()
        self.issues_at(
            np.flatnonzero(virtual.fillna(False).to_numpy(dtype=bool)),
            "kind",
            IssueCode.MISSING_VALUE,
            Severity.WARNING,
            "virtual_unplaced",
            {},
            {"id": "id"},
        )
        physical = (kinds == "physical") & self.frame["site"].isna()
        self.issues_at(
            np.flatnonzero(physical.fillna(False).to_numpy(dtype=bool)),
            "kind",
            IssueCode.MISSING_VALUE,
            Severity.WARNING,
            "physical_without_site",
            {},
            {"id": "id"},
        )

    def municipality_row(self) -> None:
        """The municipality file has exactly one row, with a slug for ``code``."""
        rows = len(self.frame)
        source = self.table.source
        if rows != 1:
            line = source.lines[1] if rows > 1 else source.header_line
            self.report.add(
                Issue(
                    code=IssueCode.MUNICIPALITY_ROWS,
                    params={"rows": rows},
                    file=source.display_name,
                    line=line,
                    row=2 if rows > 1 else None,
                    municipality=self.table.municipality,
                    record_kind="municipality",
                )
            )
        codes = self.frame["code"]
        for row, value in enumerate(codes.tolist()):
            if is_missing(value) or MUNICIPALITY_CODE.fullmatch(code := str(value)):
                continue
            self.report.add(
                Issue(
                    code=IssueCode.INVALID_VALUE,
                    template=template_key(IssueCode.INVALID_VALUE, "municipality_code"),
                    params={"code": repr(code), "slug": repr(slugify(code))},
                    file=source.display_name,
                    line=int(source.lines[row]),
                    row=row + 1,
                    column=self.places.header("code"),
                    column_index=self.places.index("code"),
                    value=code,
                    municipality=self.table.municipality,
                    record_kind="municipality",
                )
            )


def _municipality_row_finds(table: ValidTable) -> bool:
    """Whether ``RowChecks.municipality_row`` finds anything in a municipality table: not
    one row, or a code that is no slug (read from ``ValidTable.objects``, not the frame)."""
    codes = table.column_objects("code")
    return len(codes) != 1 or any(
        not is_missing(value) and not MUNICIPALITY_CODE.fullmatch(str(value))
        for value in codes.tolist()
    )


def municipality_code(table: ValidTable) -> str | None:
    """The municipality code a municipality table declares (``None`` when it has none)."""
    if "code" in table.objects:  # (while validation runs: the frame need not be made)
        present = [value for value in table.objects["code"].tolist() if not is_missing(value)]
        return _slug_or_none(str(present[0])) if present else None
    codes = table.frame["code"].dropna() if "code" in table.frame else pd.Series([])
    if codes.empty:
        return None
    return _slug_or_none(str(codes.iat[0]))


def _slug_or_none(code: str) -> str | None:
    return code if MUNICIPALITY_CODE.fullmatch(code) else None


def slugify(text: str) -> str:
    """A municipality code made from a name: ``Gnosjö kommun`` -> ``gnosjo-kommun``."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch))
    ascii_text = ascii_text.replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    return re.sub(r"[^a-z0-9_-]+", "-", ascii_text).strip("-_") or "municipality"


def _day_numbers(dates: np.ndarray[Any, Any], missing: int) -> np.ndarray[Any, Any]:
    """The day number (``toordinal``, at most 3,652,059) of each date; ``missing`` where
    there is none."""
    present = pd.notna(dates)
    days = np.full(len(dates), missing, dtype=np.int32)
    days[present] = [date.toordinal() for date in dates[present]]
    return days


def _param(value: Any) -> IssueParam:
    """A field's value as an issue's parameter: a number as it is (written as the
    reader's language writes it), anything else as text, a missing value as ""."""
    shown = _shown(value)
    if isinstance(shown, int | float) and not isinstance(shown, bool):
        return shown
    return str(shown)


def _shown(value: Any) -> Any:
    if is_missing(value):
        return ""
    if isinstance(value, tuple):
        return ", ".join(str(part) for part in value)
    return value
