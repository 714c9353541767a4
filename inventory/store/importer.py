"""Storing a validated batch: one transaction, upsert on the natural key, provenance.

Per municipality and record kind the importer compares row hashes of the new records
with the stored ones, bulk-inserts new records, updates changed ones, counts unchanged
ones and (only with ``prune``) deletes stored records missing from the new files. Every
change is logged in ``record_change`` for ``inventory diff``; every file in
``import_file``; the run in ``import_run``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    Connection,
    CursorResult,
    Table,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from inventory import __version__
from inventory.models import RECORD_KINDS, field_specs
from inventory.store.faults import fault_point
from inventory.store.frames import object_values, stored_column, stored_values
from inventory.store.rawrows import FileRows, RawRows, file_size, held_columns, raw_blob
from inventory.store.reading import (
    driver_batches,
    driver_query,
    marks,
    result_processors,
    stored_municipalities,
)
from inventory.store.references import STORED_COLUMNS, ReferencePlan, isin
from inventory.store.schema import (
    CREATED_MANY,
    FILE_BYTES,
    FILE_ID,
    FILE_RAW_HASHES,
    RAW_HASH,
    RECORD_TABLES,
    ROW_HASH,
    RUN_ID,
    SOURCE_LINE,
    import_file,
    import_run,
    record_change,
    reference,
)
from inventory.store.schema import key_field as key_field_of
from inventory.validate.batch import ImportBatch, UnchangedFolder, ValidTable

Progress = Callable[[int, int], None]
#: The ``import_file`` id of a table's records: one, or each row's (a joined table).
FileIds = int | np.ndarray[Any, Any]
_CHUNK = 50_000  # rows per executemany / progress step
_IN_CHUNK = 500  # keys per IN (...) list
_KEYS_PER_CHANGE = 10_000  # created keys per record_change row
_GROUP_ROWS = 200_000  # rows of small files of one kind prepared together
#: Rows of a file from which SQLite gets them several to an INSERT (fewer statements to
#: run; below it the statement would cost more to prepare than it saves).
_MULTI_ROW_FROM = 512
_ROWS_PER_INSERT = 64  # rows per multi-row INSERT ...
_MAX_BOUND = 999  # ... within SQLite's smallest limit of bound parameters per statement


@dataclass
class KindCounts:
    """What one import did to one record kind of one municipality."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def add(self, other: KindCounts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.deleted += other.deleted

    def to_json(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
        }


@dataclass
class ImportResult:
    """Counts per municipality and record kind, the run id and the records pruned.

    ``run_id`` is ``None`` for a dry run (nothing was written). ``deleted_keys`` lists,
    per municipality and kind, the keys deleted (or that would be, in a dry run).
    """

    run_id: int | None
    dry_run: bool
    prune: bool
    counts: dict[str, dict[str, KindCounts]] = field(default_factory=dict)
    deleted_keys: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: Rows recognised unchanged by their raw hash: not typed nor checked again
    #: (``inventory.store.rawrows``; counted unchanged too).
    rows_not_validated: int = 0

    @property
    def totals(self) -> KindCounts:
        total = KindCounts()
        for kinds in self.counts.values():
            for counts in kinds.values():
                total.add(counts)
        return total

    @property
    def changed(self) -> bool:
        total = self.totals
        return bool(total.created or total.updated or total.deleted)

    def to_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "dry_run": self.dry_run,
            "prune": self.prune,
            "totals": self.totals.to_json(),
            "municipalities": {
                code: {kind: counts.to_json() for kind, counts in kinds.items()}
                for code, kinds in self.counts.items()
            },
            "deleted": self.deleted_keys,
            "rows_not_validated": self.rows_not_validated,
        }


#: Called with the planned deletions (municipality -> kind -> keys) before they happen.
PrunePlan = Callable[[dict[str, dict[str, list[str]]]], None]


class DryRunRollback(Exception):
    """Raised inside the transaction to roll a dry run back; carries the result."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


@dataclass
class _PreparedTable:
    """One file's records as stored values, hashed (made just before the file is stored
    and dropped right after, so only one file's stored values are alive at a time)."""

    table: ValidTable
    keys: np.ndarray[Any, Any]
    columns: dict[str, np.ndarray[Any, Any]]
    hashes: np.ndarray[Any, Any]
    lines: np.ndarray[Any, Any]
    #: field -> each row's code of its value, -1 where missing (``StoredValues.codes``)
    codes: dict[str, np.ndarray[Any, Any]]
    #: date field -> ISO text, what SQLite stores (only on SQLite)
    iso: dict[str, np.ndarray[Any, Any]]
    #: the raw hash of each row (``inventory.store.rawrows``), what it kept; None: none
    rows: FileRows | None = None


def _prepare(table: ValidTable, iso: bool = False) -> _PreparedTable:
    key = key_field_of(table.kind)
    stored = stored_values(table.frame, table.kind, key, iso=iso)
    lines = (
        object_values(table.frame["_line"])
        if "_line" in table.frame
        else np.full(len(table.frame), None, dtype=object)
    )
    return _PreparedTable(
        table=table,
        keys=stored.columns[key],
        columns=stored.columns,
        hashes=stored.hashes,
        lines=lines,
        codes=stored.codes,
        iso=stored.iso,
    )


def _groups(tables: list[ValidTable]) -> Iterator[list[ValidTable]]:
    """Consecutive files of one kind (with the same columns and dtypes), up to
    ``_GROUP_ROWS`` rows together: prepared at once, a big file alone."""
    group: list[ValidTable] = []
    rows = 0
    dtypes = pd.Series(dtype=object)  # the group's first file's (read once)
    for table in tables:
        if group and (
            table.kind != group[0].kind
            or rows + len(table.frame) > _GROUP_ROWS
            or not table.frame.dtypes.equals(dtypes)
        ):
            yield group
            group, rows = [], 0
        if not group:
            dtypes = table.frame.dtypes
        group.append(table)
        rows += len(table.frame)
    if group:
        yield group


def _prepare_group(group: list[ValidTable], iso: bool = False) -> list[_PreparedTable]:
    """``_prepare`` of each file of a group, done once on the files together (the
    per-column work of pandas costs more than the rows of a small file); each file's
    arrays are views of the group's."""
    if len(group) == 1:
        return [_prepare(group[0], iso)]
    together = _prepare(
        dataclasses.replace(
            group[0], frame=pd.concat([table.frame for table in group], ignore_index=True)
        ),
        iso,
    )
    parts = []
    start = 0
    for table in group:
        part = slice(start, start + len(table.frame))
        parts.append(
            _PreparedTable(
                table=table,
                keys=together.keys[part],
                columns={name: values[part] for name, values in together.columns.items()},
                hashes=together.hashes[part],
                lines=together.lines[part],
                codes={name: codes[part] for name, codes in together.codes.items()},
                iso={name: values[part] for name, values in together.iso.items()},
            )
        )
        start = part.stop
    return parts


def _keys(table: ValidTable) -> np.ndarray[Any, Any]:
    """The stored keys of one file's records (what ``_prepare`` gives as ``keys``)."""
    name = key_field_of(table.kind)
    spec = next(spec for spec in field_specs(table.kind) if spec.name == name)
    return stored_column(table.frame.get(name), spec, len(table.frame))


@dataclass(frozen=True)
class _Same:
    """A column holding one value in every row (repeated chunk by chunk, never built)."""

    value: Any


#: A column to insert: one value per row, or the same value in every row.
InsertColumn = np.ndarray[Any, Any] | list[Any] | _Same


def _chunk_iter(
    columns: Sequence[InsertColumn], start: int, stop: int
) -> Iterator[tuple[Any, ...]]:
    """Rows ``start:stop`` of ``columns`` as a lazy iterator of tuples of plain values."""
    parts: list[Iterable[Any]] = []
    for column in columns:
        if isinstance(column, _Same):
            parts.append(repeat(column.value, stop - start))
        elif isinstance(column, np.ndarray):
            parts.append(column[start:stop].tolist())
        else:
            parts.append(column[start:stop])
    return zip(*parts, strict=True)


def _flat_rows(columns: Sequence[InsertColumn], start: int, stop: int) -> list[Any]:
    """Rows ``start:stop`` of ``columns`` one after the other, as one list of plain values
    (the values ``_chunk_iter`` gives, without a tuple per row)."""
    grid = np.empty((stop - start, len(columns)), dtype=object)
    for index, column in enumerate(columns):
        if isinstance(column, np.ndarray):  # numbers become Python's, as tolist() makes them
            grid[:, index] = column[start:stop]
        else:  # one object per row, whatever it is (never spread over a sequence)
            values = (
                repeat(column.value, stop - start)
                if isinstance(column, _Same)
                else column[start:stop]
            )
            grid[:, index] = np.fromiter(values, dtype=object, count=stop - start)
    flat: list[Any] = grid.ravel().tolist()
    return flat


def _chunk_rows(columns: Sequence[InsertColumn], start: int, stop: int) -> list[tuple[Any, ...]]:
    """Rows ``start:stop`` of ``columns`` as a list of tuples (what ``_chunk_iter`` yields)."""
    return list(_chunk_iter(columns, start, stop))


def _sqlite_literal(value: Any) -> str | None:
    """``value`` as an SQLite literal when it is missing, a plain integer or text (else
    None)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    if isinstance(value, int):
        return str(value)
    if "\0" in value:
        return None
    return "'" + value.replace("'", "''") + "'"


def _file_parts(
    table: ValidTable, total: int | None
) -> tuple[list[Any], list[int], np.ndarray[Any, Any] | None]:
    """The files (or sheets) a table's rows come from, the rows of each (``total``: the
    file's rows, when the table holds only some of them) and each row's file (None:
    one file)."""
    parts, part_of_row = table.source.provenance()
    rows = (
        [len(table.frame) if total is None else total]
        if part_of_row is None
        else np.bincount(part_of_row, minlength=len(parts)).tolist()
    )
    return list(parts), rows, part_of_row


#: The statements run for every file (built and compiled once).
_FILES_INSERT = insert(import_file).returning(import_file.c.id, sort_by_parameter_order=True)
#: The columns of a ``record_change`` row (its id is the database's).
_CHANGE_COLUMNS = ("run_id", "municipality", "kind", "record_id", "change", "fields")


#: ``json.dumps(value, ensure_ascii=False, default=str)``, one encoder for every change
#: (``dumps`` with options makes an encoder per call).
_JSON = json.JSONEncoder(ensure_ascii=False, default=str)
#: ``json.dumps(value, ensure_ascii=False)`` (a header mapping per file)
_JSON_TEXT = json.JSONEncoder(ensure_ascii=False)


@dataclass
class _Stored:
    """The stored field values of some records, column by column (as SQLAlchemy reads
    them: dates and booleans typed on SQLite too), and each record's row by key."""

    rows: dict[str, int]
    columns: dict[str, list[Any]]

    def record(self, key: str) -> dict[str, Any]:
        """One record's values by field (none: not stored)."""
        row = self.rows.get(key)
        if row is None:
            return {}
        return {name: values[row] for name, values in self.columns.items()}


def _changed_fields(
    field_names: Sequence[str],
    keys: Sequence[str],
    new_columns: Sequence[list[Any]],
    before: _Stored,
) -> list[dict[str, list[Any]]]:
    """Per record (``keys``, with its new values column by column) the fields whose
    stored value (``before``; a record or field not there holds none) differs from the
    new one, in field order: field -> [stored, new]. Each column compared at once
    (Python's ``!=`` per value, as ``old != new`` row by row gives)."""
    count = len(keys)
    changed: list[dict[str, list[Any]]] = [{} for _ in range(count)]
    if not count:
        return changed
    at = [before.rows.get(record_key) for record_key in keys]
    missing = [None] * count
    olds: list[list[Any]] = []
    differs = np.empty((len(field_names), count), dtype=bool)
    for index, (name, news) in enumerate(zip(field_names, new_columns, strict=True)):
        column = before.columns.get(name)
        old = missing if column is None else [None if row is None else column[row] for row in at]
        olds.append(old)
        differs[index] = np.not_equal(
            np.fromiter(old, dtype=object, count=count),
            np.fromiter(news, dtype=object, count=count),
        )
    # (the pairs by record, then field: each record's fields in field order)
    rows, indices = np.nonzero(differs.T)
    for row, index in zip(rows.tolist(), indices.tolist(), strict=True):
        changed[row][field_names[index]] = [olds[index][row], new_columns[index][row]]
    return changed


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Writer:
    """The writes of one import run, inside its transaction."""

    def __init__(
        self,
        connection: Connection,
        run_id: int,
        progress: Progress | None,
        total_rows: int,
        references: ReferencePlan,
    ) -> None:
        self.connection = connection
        self.references = references
        self.run_id = run_id
        self.progress = progress
        self.total_rows = total_rows
        self.done_rows = 0
        #: Record kind -> municipalities whose stored references of that kind all go.
        self.replaced: dict[str, list[str]] = {}
        #: Record kind -> the municipalities with records of it stored (read once per kind:
        #: a first import then asks nothing per file).
        self.holding: dict[str, set[str]] = {}
        #: ``record_change`` rows not written yet (``record_changes``)
        self.changes: list[dict[str, Any]] = []
        #: what validation kept of the batch's rows, and read of the typed keys' records
        self.kept_rows: RawRows | None = None

    def holds(self, kind: str, municipality: str) -> bool:
        """Whether records of ``kind`` of ``municipality`` are stored."""
        if kind not in self.holding:
            self.holding[kind] = set(stored_municipalities(self.connection, kind))
        return municipality in self.holding[kind]

    def _advance(self, rows: int) -> None:
        self.done_rows += rows
        if self.progress is not None:
            self.progress(self.done_rows, self.total_rows)

    def add_files(self, tables: Sequence[tuple[ValidTable, FileRows | None]]) -> list[FileIds]:
        """One ``import_file`` row per file (or sheet) each table's rows come from, with
        the tool that wrote it (provenance), in one statement: per table its id, or each
        row's when there are several. With each table what its file kept (when the
        table holds only some of its rows; the raw hashes of its rows)."""
        files: list[dict[str, Any]] = []
        layouts: list[tuple[int, np.ndarray[Any, Any] | None]] = []
        for table, kept in tables:
            parts, rows, part_of_row = _file_parts(table, None if kept is None else kept.rows)
            layouts.append((len(files), part_of_row))
            files += self.file_rows(table, parts, rows, None if kept is None else kept.every_raw)
        # ids in the order of the rows (SQLAlchemy inserts them one by one where the
        # database cannot say so)
        ids = [
            int(new_id) for new_id in self.connection.execute(_FILES_INSERT, files).scalars().all()
        ]
        assert len(ids) == len(files)
        found: list[FileIds] = []
        for first, part_of_row in layouts:
            if part_of_row is None:
                found.append(ids[first])
            else:
                found.append(np.asarray(ids[first:], dtype=np.int64)[part_of_row])
        return found

    def file_rows(
        self,
        table: ValidTable,
        parts: Sequence[Any],
        rows: Sequence[int],
        every_raw: np.ndarray[Any, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """The ``import_file`` rows of a table's files (``parts``, with their rows); the
        raw hash of each row (``every_raw``) is recorded with a table of one file."""
        mapping = _JSON_TEXT.encode(table.header_mapping)
        blob = raw_blob(every_raw, rows[0]) if len(parts) == 1 else None
        return [
            {
                "run_id": self.run_id,
                "municipality": table.municipality,
                "kind": table.kind,
                "path": str(part.path),
                "sha256": part.sha256,
                "format": part.format,
                "encoding": part.encoding,
                "delimiter": part.delimiter,
                "sheet": part.sheet,
                "header_mapping": mapping,
                "rows": int(count),
                "source_tool": part.tool,
                FILE_RAW_HASHES: blob,
                FILE_BYTES: file_size(part.path),
            }
            for part, count in zip(parts, rows, strict=True)
        ]

    def record_changes(self, changes: list[dict[str, Any]]) -> None:
        """``record_change`` rows, written in this order (with the next ones: a run's
        changes go in a few statements, not one per file)."""
        self.changes.extend(changes)
        if len(self.changes) >= _CHUNK:
            self.flush_changes()

    def flush_changes(self) -> None:
        """Write the ``record_change`` rows held back by ``record_changes``."""
        if self.changes:
            names = list(_CHANGE_COLUMNS)
            columns: list[InsertColumn] = [
                [change[name] for change in self.changes] for name in names
            ]
            self.insert_records(record_change, names, columns, len(self.changes), advance=False)
            self.changes = []

    def existing_hashes(
        self, table: Table, key: str, municipality: str, only: Sequence[Any] | None = None
    ) -> pd.Series:
        """The stored row hashes of a municipality's records of one kind, by key (``only``:
        of those keys)."""
        if only is not None:
            parts = [
                self.existing_hashes_of(table, key, municipality, chunk)
                for chunk in _chunks(list(only), _IN_CHUNK)
            ]
            if len(parts) == 1:
                return parts[0]
            return pd.concat(parts) if parts else self.existing_hashes_of(table, key, "", [])
        return self.existing_hashes_of(table, key, municipality, None)

    def existing_hashes_of(
        self, table: Table, key: str, municipality: str, only: Sequence[Any] | None
    ) -> pd.Series:
        quote = self.connection.dialect.identifier_preparer.quote
        sql = (
            f"SELECT {quote(key)}, {quote(ROW_HASH)} FROM {quote(table.name)}"
            f" WHERE {quote('municipality')} = ?"
        )
        params = [municipality]
        if only is not None:
            if not len(only):
                return pd.Series(np.empty(0, dtype=np.int64), index=pd.Index([], dtype=object))
            sql += f" AND {quote(key)} IN ({marks(len(only))})"
            params += list(only)
        keys: list[Any] = []
        hashes: list[np.ndarray[Any, Any]] = []
        # The driver's rows as they are, a chunk at a time: text keys and integer hashes
        # need no result processing, and a million Row objects (or tuples held at once)
        # cost more than the query.
        for rows in driver_batches(self.connection, sql, params, _CHUNK):
            keys.extend([row[0] for row in rows])
            hashes.append(np.fromiter((row[1] for row in rows), dtype=np.int64, count=len(rows)))
        return pd.Series(
            np.concatenate(hashes) if hashes else np.empty(0, dtype=np.int64),
            index=pd.Index(keys, dtype=object),
        )

    def existing_raw(
        self, table: Table, key: str, municipality: str, only: Sequence[Any] | None = None
    ) -> pd.Series:
        """The stored raw hashes of a municipality's records of one kind, by key (``only``:
        of those keys; ``Int64``: missing for records stored before migration 0005)."""
        quote = self.connection.dialect.identifier_preparer.quote
        sql = (
            f"SELECT {quote(key)}, {quote(RAW_HASH)} FROM {quote(table.name)}"
            f" WHERE {quote('municipality')} = ?"
        )
        found: list[tuple[Any, ...]] = []
        if only is None:
            found, _description = driver_query(self.connection, sql, [municipality])
        else:
            for chunk in _chunks(list(only), _IN_CHUNK):
                rows, _description = driver_query(
                    self.connection,
                    f"{sql} AND {quote(key)} IN ({marks(len(chunk))})",
                    [municipality, *chunk],
                )
                found += rows
        return pd.Series(
            pd.array([row[1] for row in found], dtype="Int64"),
            index=pd.Index([row[0] for row in found], dtype=object),
        )

    def refresh_raw(
        self, table: Table, key: str, municipality: str, keys: Sequence[Any], raw: Sequence[int]
    ) -> None:
        """Record the raw hash of records whose values did not change (read in full)."""
        statement = (
            update(table)
            .where(
                table.c.municipality == bindparam("match_municipality"),
                table.c[key] == bindparam("match_key"),
            )
            .values({RAW_HASH: bindparam("new_raw")})
        )
        pairs = [
            {"match_municipality": municipality, "match_key": record_key, "new_raw": int(value)}
            for record_key, value in zip(keys, raw, strict=True)
        ]
        for chunk in _chunks(pairs, _CHUNK):
            self.connection.execute(statement, list(chunk))

    def stored_rows(
        self, table: Table, key: str, municipality: str, keys: Sequence[str]
    ) -> _Stored:
        """The stored field values of some records, by key (as SQLAlchemy reads them:
        dates and booleans typed on SQLite too)."""
        return self._records_of(table, key, municipality, keys)[1]

    def typed_records(
        self, table: Table, key: str, municipality: str, keys: Sequence[str]
    ) -> tuple[dict[Any, int], _Stored]:
        """The stored row hashes of some records by key (as the driver gives the keys) and
        their field values (``stored_rows``), read together."""
        # (read by validation already: ``RawRows.held_records``, the same columns)
        held = (
            None
            if self.kept_rows is None
            else self.kept_rows.held_records(self.connection, municipality, str(table.name), keys)
        )
        found, values = self._records_of(table, key, municipality, keys, ROW_HASH, held=held)
        names = held_columns(str(table.name))
        position, at = names.index(key), names.index(ROW_HASH)
        return {row[position]: int(row[at]) for row in found}, values

    def _records_of(
        self,
        table: Table,
        key: str,
        municipality: str,
        keys: Sequence[str],
        *extra: str,
        held: tuple[list[tuple[Any, ...]], Any] | None = None,
    ) -> tuple[list[tuple[Any, ...]], _Stored]:
        """The rows (fields, then the ``extra`` columns, as the driver gives them) of some
        records and their field values by key (``held``: those rows already read, with
        the cursor's description)."""
        names = [spec.name for spec in field_specs(table.name)]
        columns = [table.c[name] for name in names]
        quote = self.connection.dialect.identifier_preparer.quote
        select_sql = (
            f"SELECT {', '.join(quote(name) for name in [*names, *extra])}"
            f" FROM {quote(table.name)} WHERE {quote('municipality')} = ? AND {quote(key)} IN "
        )
        found: list[tuple[Any, ...]] = []
        processors: list[Callable[[Any], Any] | None] = [None] * len(names)
        read = (
            [held]
            if held is not None
            else (
                driver_query(
                    self.connection, f"{select_sql}({marks(len(chunk))})", [municipality, *chunk]
                )
                for chunk in _chunks(list(keys), _IN_CHUNK)
            )
        )
        for rows, description in read:
            processors = result_processors(self.connection, columns, description[: len(names)])
            found += rows
        # column by column: each value processed as SQLAlchemy's result does it
        values: dict[str, list[Any]] = {}
        for index, (name, process) in enumerate(zip(names, processors, strict=True)):
            column = [row[index] for row in found]
            values[name] = column if process is None else [process(value) for value in column]
        # (the last row of a key, as a dict by key keeps it)
        at = {str(record_key): row for row, record_key in enumerate(values[key])}
        return found, _Stored(rows=at, columns=values)

    def insert_records(
        self,
        table: Table,
        names: list[str],
        columns: Sequence[InsertColumn],
        count: int,
        *,
        advance: bool = True,
    ) -> None:
        """Bulk insert ``count`` rows given column by column: raw executemany on SQLite,
        COPY on PostgreSQL, in chunks (only one chunk of row tuples exists at a time;
        ``advance``: count the rows as progress)."""
        dialect = self.connection.dialect.name
        quote = self.connection.dialect.identifier_preparer.quote
        column_list = ", ".join(quote(name) for name in names)
        if dialect == "postgresql":
            driver_connection: Any = self.connection.connection.driver_connection
            with (
                driver_connection.cursor() as cursor,
                cursor.copy(f"COPY {quote(table.name)} ({column_list}) FROM STDIN") as copy,
            ):
                for start in range(0, count, _CHUNK):
                    rows = _chunk_rows(columns, start, min(count, start + _CHUNK))
                    for row in rows:
                        copy.write_row(row)
                    self._advance(len(rows) if advance else 0)
            return
        if dialect != "sqlite":
            for start in range(0, count, _CHUNK):
                rows = _chunk_rows(columns, start, min(count, start + _CHUNK))
                self.connection.execute(
                    insert(table), [dict(zip(names, row, strict=True)) for row in rows]
                )
                self._advance(len(rows) if advance else 0)
            return
        # Columns holding one value in every row are written into the statement as
        # literals (fewer parameters to bind per row), the others bound from a lazy zip
        # of the chunk's lists (no list of row tuples is built).
        literals = [
            _sqlite_literal(column.value) if isinstance(column, _Same) else None
            for column in columns
        ]
        bound = [
            column for column, literal in zip(columns, literals, strict=True) if literal is None
        ]
        one = "(" + ", ".join("?" if literal is None else literal for literal in literals) + ")"
        sql = f"INSERT INTO {quote(table.name)} ({column_list}) VALUES {one}"
        # Many rows: most of them several to a statement (SQLite binds the same values,
        # but runs a statement per row for executemany), the rest row by row.
        per = min(_ROWS_PER_INSERT, _MAX_BOUND // max(1, len(bound)))
        if count < _MULTI_ROW_FROM or not bound or per < 2:
            per = 1
        multi = f"INSERT INTO {quote(table.name)} ({column_list}) VALUES " + ", ".join([one] * per)
        width = per * len(bound)
        sqlite_connection: Any = self.connection.connection.driver_connection
        cursor = sqlite_connection.cursor()
        try:
            for start in range(0, count, _CHUNK):
                stop = min(count, start + _CHUNK)
                whole = start + (stop - start) // per * per if per > 1 else start
                if whole > start:
                    values = _flat_rows(bound, start, whole)
                    for first in range(0, len(values), width):
                        cursor.execute(multi, values[first : first + width])
                if whole < stop:
                    cursor.executemany(sql, _chunk_iter(bound, whole, stop))
                self._advance(stop - start if advance else 0)
        except sqlite3.Error as error:
            raise DBAPIError.instance(multi, None, error, sqlite3.Error) from error
        finally:
            cursor.close()

    def store_table(
        self,
        prepared: _PreparedTable,
        file_id: FileIds,
        prune: bool,
        on_prune: Callable[[list[str]], None],
    ) -> KindCounts:
        """Upsert one file's records; returns what changed."""
        kind = prepared.table.kind
        municipality = prepared.table.municipality
        table = RECORD_TABLES[kind]
        key = key_field_of(kind)
        rows = prepared.rows
        # Some rows of the file typed, the others kept: only the typed ones are looked up.
        partial = rows is not None and rows.kept > 0 and not prune
        before: _Stored | None = None  # the typed keys' stored values
        # every stored record of the kind by key (not read for a partial file) and its
        # row hash, and how many of the records asked for are stored
        stored = pd.Series(np.empty(0, dtype=np.int64), index=pd.Index([], dtype=object))
        count = len(prepared.keys)
        is_new = np.ones(count, dtype=bool)  # nothing stored (a first import): all new
        is_changed = np.zeros(count, dtype=bool)
        if not self.holds(kind, municipality):
            found = 0
        elif partial:  # a few typed: their hashes and values read at once (by key)
            typed_keys = prepared.keys.tolist()
            hashes, before = self.typed_records(table, key, municipality, typed_keys)
            found = len(hashes)
            if found:
                known = [hashes.get(record_key) for record_key in typed_keys]
                is_new = np.fromiter((value is None for value in known), dtype=bool, count=count)
                held = np.fromiter(
                    (0 if value is None else value for value in known), dtype=np.int64, count=count
                )
                is_changed = ~is_new & (held != prepared.hashes)
        else:
            stored = self.existing_hashes(table, key, municipality)
            found = len(stored)
            if found:
                position = stored.index.get_indexer(pd.Index(prepared.keys, dtype=object))
                is_new = position < 0
                stored_hash = stored.to_numpy()[np.where(is_new, 0, position)]
                is_changed = ~is_new & (stored_hash != prepared.hashes)
        counts = KindCounts(created=int(is_new.sum()), updated=int(is_changed.sum()))
        counts.unchanged = len(prepared.keys) - counts.created - counts.updated
        # rows of the file kept unchanged (their keys are read only to prune)
        kept_count = rows.kept if rows is not None else 0
        if rows is not None and counts.unchanged and found:
            self._refresh_raw(prepared, is_new | is_changed, table, key, municipality, partial)
        counts.unchanged += kept_count

        field_names = list(prepared.columns)
        if counts.created:
            self._insert_new(table, prepared, is_new, file_id, field_names, municipality, key)
        if counts.updated:
            self._update_changed(
                table, prepared, is_changed, file_id, field_names, municipality, key, before
            )
        self._advance(counts.unchanged)
        if prune:
            new_keys = pd.Index(prepared.keys, dtype=object)
            kept = rows.kept_keys if rows is not None else np.empty(0, dtype=object)
            carried = new_keys.append(pd.Index(kept, dtype=object)) if len(kept) else new_keys
            gone = sorted(str(k) for k in stored.index[~stored.index.isin(carried)])
            if gone:
                on_prune(gone)
                self._delete(table, key, municipality, gone)
                counts.deleted = len(gone)
        # A file of which only some rows were typed: the others' references are kept too.
        leftovers = bool(kept_count) or (not prune and found > counts.updated + counts.unchanged)
        stored_derived = self._derived_rows(municipality, kind) if leftovers else {}
        broken = self.references.decide(
            municipality,
            kind,
            prepared.keys,
            lambda name: prepared.columns[name],
            leftovers=leftovers,
            stored_derived=stored_derived,
        )
        if leftovers:
            self._drop_references_of(
                municipality, kind, prepared.keys, {name: stored_derived[name] for name in broken}
            )
        else:  # every stored record of the kind is the file's: all its references go
            self.replaced.setdefault(kind, []).append(municipality)
        return counts

    def _refresh_raw(
        self,
        prepared: _PreparedTable,
        written: np.ndarray[Any, Any],
        table: Table,
        key: str,
        municipality: str,
        partial: bool,
    ) -> None:
        """The raw hash of each typed row whose values are stored as they were, where
        the stored one differs (none yet, or another mapping or tool version)."""
        assert prepared.rows is not None
        same = np.flatnonzero(~written)
        keys = pd.Index(prepared.keys[same], dtype=object)
        before = self.existing_raw(
            table, key, municipality, only=keys.tolist() if partial else None
        ).reindex(keys)
        raw = prepared.rows.raw[same]
        differ = before.isna().to_numpy() | (before.fillna(0).to_numpy(dtype=np.int64) != raw)
        if differ.any():
            self.refresh_raw(table, key, municipality, keys[differ].tolist(), raw[differ].tolist())

    def _derived_rows(self, municipality: str, kind: str) -> dict[str, str]:
        """The fields of a municipality's records of one kind that have a derived
        reference row stored: field -> its target kind."""
        quote = self.connection.dialect.identifier_preparer.quote
        rows, _description = driver_query(
            self.connection,
            f"SELECT {quote('field')}, {quote('target_kind')} FROM {quote(reference.name)}"
            f" WHERE {quote('municipality')} = ? AND {quote('kind')} = ?"
            f" AND {quote('derived')} = ?",
            [municipality, kind, True],
        )
        return {str(field_name): str(target_kind) for field_name, target_kind in rows}

    def _drop_references_of(
        self, municipality: str, kind: str, keys: np.ndarray[Any, Any], broken: dict[str, str]
    ) -> None:
        """Delete the stored references of the records ``keys`` (records of the kind left
        behind keep theirs); the derived rows of the ``broken`` fields (field -> target
        kind) are written out as rows of their own for the records left behind, then
        dropped."""
        quote = self.connection.dialect.identifier_preparer.quote
        derived = quote("derived")
        found, _description = driver_query(
            self.connection,
            f"SELECT {quote('id')}, {quote('record_id')} FROM {quote(reference.name)}"
            f" WHERE {quote('municipality')} = ? AND {quote('kind')} = ?"
            f" AND ({derived} IS NULL OR {derived} = ?)",
            [municipality, kind, False],
        )
        if found:
            ids = np.array([row[0] for row in found], dtype=np.int64)
            named = isin(np.array([row[1] for row in found], dtype=object), keys)
            for chunk in _chunks(ids[named].tolist(), _IN_CHUNK):
                self.connection.execute(delete(reference).where(reference.c.id.in_(chunk)))
        for name, target_kind in broken.items():
            self._write_out(municipality, kind, name, target_kind, keys)

    def _write_out(
        self, municipality: str, kind: str, name: str, target_kind: str, keys: np.ndarray[Any, Any]
    ) -> None:
        """Replace the derived row of one field by a row per record left behind (not in
        ``keys``) that it stood for, in the order of their lines (then keys)."""
        table = RECORD_TABLES[kind]
        key = key_field_of(kind)
        own = {
            str(row[0])
            for row in self.connection.execute(
                select(reference.c.record_id).where(
                    reference.c.municipality == municipality,
                    reference.c.kind == kind,
                    reference.c.field == name,
                    or_(reference.c.derived.is_(None), reference.c.derived.is_(False)),
                )
            )
        }
        carried = set(pd.Index(keys, dtype=object).astype(str))
        records = sorted(
            (
                (-1 if line is None else int(line), str(record_key), str(value))
                for record_key, value, line in self.connection.execute(
                    select(table.c[key], table.c[name], table.c[SOURCE_LINE]).where(
                        table.c.municipality == municipality, table.c[name].is_not(None)
                    )
                )
                if str(record_key) not in carried and str(record_key) not in own
            )
        )
        self.connection.execute(
            delete(reference).where(
                reference.c.municipality == municipality,
                reference.c.kind == kind,
                reference.c.field == name,
                reference.c.derived.is_(True),
            )
        )
        if records:
            self.connection.execute(
                insert(reference),
                [
                    {
                        "municipality": municipality,
                        "kind": kind,
                        "record_id": record_key,
                        "field": name,
                        "target_municipality": municipality,
                        "target_kind": target_kind,
                        "target_id": value,
                        "derived": None,
                    }
                    for _line, record_key, value in records
                ],
            )

    def _insert_new(
        self,
        table: Table,
        prepared: _PreparedTable,
        is_new: np.ndarray[Any, Any],
        file_id: FileIds,
        field_names: list[str],
        municipality: str,
        key: str,
    ) -> None:
        count = int(is_new.sum())
        every = count == len(is_new)  # a first import: no copies of the columns

        def new(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
            return values if every else values[is_new]

        columns: list[InsertColumn] = [_Same(municipality)]
        for name in field_names:
            if (new(prepared.codes[name]) < 0).all():  # a column the file does not carry
                columns.append(_Same(None))  # NULL, not bound
            else:  # dates as ISO text on SQLite
                columns.append(new(prepared.iso.get(name, prepared.columns[name])))
        columns += [
            new(prepared.hashes),
            new(prepared.lines),
            _Same(self.run_id),
            _Same(file_id) if isinstance(file_id, int) else new(file_id),
            _Same(None) if prepared.rows is None else new(prepared.rows.raw),
        ]
        names = ["municipality", *field_names, ROW_HASH, SOURCE_LINE, RUN_ID, FILE_ID, RAW_HASH]
        self.insert_records(table, names, columns, count)
        keys = new(prepared.keys).tolist()
        if pd.api.types.infer_dtype(keys, skipna=False) != "string":  # (text: in C)
            keys = [str(record_key) for record_key in keys]
        self.record_changes(
            [
                {
                    "run_id": self.run_id,
                    "municipality": municipality,
                    "kind": str(table.name),
                    "record_id": chunk[0],
                    "change": CREATED_MANY,
                    "fields": json.dumps(chunk, ensure_ascii=False),
                }
                for chunk in _chunks(keys, _KEYS_PER_CHANGE)
            ],
        )

    def _update_changed(
        self,
        table: Table,
        prepared: _PreparedTable,
        is_changed: np.ndarray[Any, Any],
        file_id: FileIds,
        field_names: list[str],
        municipality: str,
        key: str,
        before: _Stored | None = None,
    ) -> None:
        """Update the ``is_changed`` records, each change logged with the values it
        replaces (``before``: the stored values by key, when already read)."""
        indices = np.flatnonzero(is_changed)
        keys = [str(record_key) for record_key in prepared.keys[indices].tolist()]
        if before is None:
            before = self.stored_rows(table, key, municipality, keys)
        # each changed row's values once, as plain Python values (column by column)
        new_columns = [prepared.columns[name][indices].tolist() for name in field_names]
        kind = str(table.name)  # (not a quoted_name: plain text to bind)
        changes = [
            {
                "run_id": self.run_id,
                "municipality": municipality,
                "kind": kind,
                "record_id": record_key,
                "change": "updated",
                "fields": _JSON.encode(changed),
            }
            for record_key, changed in zip(
                keys, _changed_fields(field_names, keys, new_columns, before), strict=True
            )
        ]
        hashes = prepared.hashes[indices].tolist()
        raws = (
            [None] * len(indices) if prepared.rows is None else prepared.rows.raw[indices].tolist()
        )
        lines = prepared.lines[indices].tolist()
        files = (
            [file_id] * len(indices)
            if isinstance(file_id, int)
            else [int(value) for value in file_id[indices].tolist()]
        )
        if self.connection.dialect.name == "sqlite":
            self._update_sqlite(
                table,
                key,
                field_names,
                [  # what SQLAlchemy would bind: dates as ISO text
                    prepared.iso[name][indices].tolist() if name in prepared.iso else values
                    for name, values in zip(field_names, new_columns, strict=True)
                ],
                [hashes, raws, lines, files, [municipality] * len(keys), keys],
            )
            self.record_changes(changes)
            return
        statement = (
            update(table)
            .where(
                table.c.municipality == bindparam("match_municipality"),
                table.c[key] == bindparam("match_key"),
            )
            .values(
                {
                    **{name: bindparam(f"new_{name}") for name in field_names},
                    ROW_HASH: bindparam("new_hash"),
                    RAW_HASH: bindparam("new_raw"),
                    SOURCE_LINE: bindparam("new_line"),
                    RUN_ID: self.run_id,
                    FILE_ID: bindparam("new_file"),
                }
            )
        )
        names = [
            *(f"new_{name}" for name in field_names),
            "new_hash",
            "new_raw",
            "new_line",
            "new_file",
            "match_key",
        ]
        updates = [
            {**dict(zip(names, row, strict=True)), "match_municipality": municipality}
            for row in zip(*new_columns, hashes, raws, lines, files, keys, strict=True)
        ]
        for chunk in _chunks(updates, _CHUNK):
            self.connection.execute(statement, list(chunk))
            self._advance(len(chunk))
        self.record_changes(changes)

    def _update_sqlite(
        self,
        table: Table,
        key: str,
        field_names: list[str],
        values: list[list[Any]],
        bookkeeping: list[list[Any]],
    ) -> None:
        """The UPDATE of ``_update_changed`` run on SQLite's own cursor: the fields'
        ``values`` column by column, then the row hashes, raw hashes, lines, file ids,
        municipalities and keys. The key is not set: the row found by it holds it already,
        and setting it (even to itself) would rewrite the primary key's index entry."""
        quote = self.connection.dialect.identifier_preparer.quote
        kept = [index for index, name in enumerate(field_names) if name != key]
        field_names = [field_names[index] for index in kept]
        values = [values[index] for index in kept]
        assignments = [
            *(f"{quote(name)} = ?" for name in field_names),
            *(f"{quote(name)} = ?" for name in (ROW_HASH, RAW_HASH, SOURCE_LINE, FILE_ID)),
            f"{quote(RUN_ID)} = {int(self.run_id)}",
        ]
        sql = (
            f"UPDATE {quote(table.name)} SET {', '.join(assignments)}"
            f" WHERE {quote('municipality')} = ? AND {quote(key)} = ?"
        )
        rows = list(zip(*values, *bookkeeping, strict=True))
        sqlite_connection: Any = self.connection.connection.driver_connection
        cursor = sqlite_connection.cursor()
        try:
            for chunk in _chunks(rows, _CHUNK):
                cursor.executemany(sql, chunk)
                self._advance(len(chunk))
        except sqlite3.Error as error:
            raise DBAPIError.instance(sql, None, error, sqlite3.Error) from error
        finally:
            cursor.close()

    def _delete(self, table: Table, key: str, municipality: str, gone: list[str]) -> None:
        before = self.stored_rows(table, key, municipality, gone)
        self.record_changes(
            [
                {
                    "run_id": self.run_id,
                    "municipality": municipality,
                    "kind": str(table.name),
                    "record_id": record_key,
                    "change": "deleted",
                    "fields": _JSON.encode(
                        {
                            name: value
                            for name, value in before.record(record_key).items()
                            if value is not None
                        }
                    ),
                }
                for record_key in gone
            ],
        )
        statement = delete(table).where(
            table.c.municipality == bindparam("match_municipality"),
            table.c[key] == bindparam("match_key"),
        )
        for chunk in _chunks(gone, _CHUNK):
            self.connection.execute(
                statement,
                [
                    {"match_municipality": municipality, "match_key": record_key}
                    for record_key in chunk
                ],
            )

    def replace_references(self, municipalities: list[str], plan: ReferencePlan) -> None:
        """The batch's references of ``municipalities`` written (derived where the plan
        found the record values say it all), after the stored references of the kinds
        whose records are all the batch's (``replaced``) are deleted; those of records
        left behind were kept by ``store_table``."""
        for kind, codes in self.replaced.items():
            for chunk in _chunks(codes, _IN_CHUNK):
                self.connection.execute(
                    delete(reference).where(
                        reference.c.kind == kind, reference.c.municipality.in_(chunk)
                    )
                )
        columns, count = plan.rows(municipalities)
        if count:
            self.insert_records(
                reference, [*STORED_COLUMNS, "derived"], columns, count, advance=False
            )


@dataclass
class PreparedBatch:
    """A batch ready to write: its files in the order they are stored."""

    batch: ImportBatch
    tables: list[ValidTable]


def prepare_batch(batch: ImportBatch) -> PreparedBatch:
    """The files of a batch in store order (record kinds in import order, then the
    municipalities). Stored values and row hashes are made per file while storing."""
    fault_point("reading")
    return PreparedBatch(
        batch=batch,
        tables=[
            table
            for kind in RECORD_KINDS
            for municipality in batch.municipalities
            for table in [municipality.tables.get(kind)]
            if table is not None
        ],
    )


def import_batch(
    connection: Connection,
    prepared_batch: PreparedBatch,
    *,
    prune: bool,
    dry_run: bool,
    progress: Progress | None,
    on_prune: PrunePlan | None = None,
) -> ImportResult:
    """Store a prepared batch on ``connection`` (inside a write transaction the caller
    holds). Raises ``DryRunRollback`` at the end of a dry run so that the caller rolls
    back.
    """
    batch, prepared = prepared_batch.batch, prepared_batch.tables
    codes = sorted({m.code for m in batch.municipalities})
    kept = {found.code: found for found in batch.unchanged}
    result = ImportResult(
        run_id=None,
        dry_run=dry_run,
        prune=prune,
        counts={code: {} for code in sorted({*codes, *kept})},
    )
    folders = [*(m.folder for m in batch.municipalities), *(f.folder for f in kept.values())]
    run_id = _new_id(
        connection.execute(
            insert(import_run).values(
                started_at=_now(),
                tool_version=__version__,
                prune=prune,
                paths=json.dumps([str(folder) for folder in folders], ensure_ascii=False),
                municipalities=json.dumps(sorted({*codes, *kept}), ensure_ascii=False),
            )
        )
    )
    _record_unchanged(connection, run_id, list(kept.values()), result)
    rows: RawRows | None = getattr(batch, "kept_rows", None)
    writer = _Writer(
        connection,
        run_id,
        progress,
        sum(len(t.frame) for t in prepared),
        ReferencePlan(batch.references),
    )
    writer.kept_rows = rows
    if prune and on_prune is not None:
        plan = _prune_plan(writer, prepared, rows)
        if plan:
            on_prune(plan)
    number = 0
    iso = connection.dialect.name == "sqlite"  # dates stored as ISO text
    for group in _groups(prepared):
        parts = _prepare_group(group, iso)
        for part in parts:
            part.rows = None if rows is None else rows.of(part.table)
        file_ids = writer.add_files([(part.table, part.rows) for part in parts])
        for part, file_id in zip(parts, file_ids, strict=True):
            table = part.table

            def remember(gone: list[str], table: ValidTable = table) -> None:
                result.deleted_keys.setdefault(table.municipality, {})[table.kind] = gone

            counts = writer.store_table(part, file_id, prune, remember)
            result.counts.setdefault(table.municipality, {})[table.kind] = counts
            if number == len(prepared) // 2:
                fault_point("mid-write")
            number += 1
        del parts, part  # these files' stored values and hashes go before the next come
    writer.flush_changes()
    if rows is not None:
        _record_kept(writer, rows, result)
    writer.replace_references(codes, writer.references)
    connection.execute(
        update(import_run)
        .where(import_run.c.id == run_id)
        .values(
            finished_at=_now(),
            counts=json.dumps(result.to_json()["municipalities"]),
            rows_not_validated=result.rows_not_validated,
        )
    )
    fault_point("commit")
    if dry_run:
        raise DryRunRollback(result)
    result.run_id = run_id
    return result


def _record_unchanged(
    connection: Connection, run_id: int, kept: list[UnchangedFolder], result: ImportResult
) -> None:
    """The files of folders unchanged since their last import, recorded in this run
    (their records are left as they are, counted unchanged)."""
    files = [{**file, "run_id": run_id} for found in kept for file in found.files]
    if files:
        connection.execute(insert(import_file), files)
    for found in kept:
        for file in found.files:
            counts = result.counts[found.code].setdefault(str(file["kind"]), KindCounts())
            counts.unchanged += int(file["rows"])


def _record_kept(writer: _Writer, rows: RawRows, result: ImportResult) -> None:
    """The files whose rows were all recognised unchanged (left out of the batch):
    recorded in this run, their records counted unchanged; and the rows not validated."""
    files: list[dict[str, Any]] = []
    for file in rows.omitted():
        table = file.table
        assert table is not None
        files += writer.file_rows(table, *_file_parts(table, file.rows)[:2], file.every_raw)
        counts = result.counts.setdefault(table.municipality, {}).setdefault(
            table.kind, KindCounts()
        )
        counts.unchanged += file.rows
    if files:  # their records keep their file ids: these need none
        names = list(files[0])
        columns: list[InsertColumn] = [[file[name] for file in files] for name in names]
        writer.insert_records(import_file, names, columns, len(files), advance=False)
    result.rows_not_validated = rows.unchanged_rows


def _prune_plan(
    writer: _Writer, prepared: list[ValidTable], rows: RawRows | None = None
) -> dict[str, dict[str, list[str]]]:
    plan: dict[str, dict[str, list[str]]] = {}
    for table in prepared:
        stored = writer.existing_hashes(
            RECORD_TABLES[table.kind], key_field_of(table.kind), table.municipality
        )
        file = None if rows is None else rows.of(table)
        keys = pd.Index(_keys(table), dtype=object)
        if file is not None and len(file.kept_keys):
            keys = keys.append(pd.Index(file.kept_keys, dtype=object))
        gone = stored.index[~stored.index.isin(keys)]
        if len(gone):
            plan.setdefault(table.municipality, {})[table.kind] = sorted(map(str, gone))
    return plan
