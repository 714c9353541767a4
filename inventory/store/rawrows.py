"""Rows unchanged since their last import, recognised before they are typed and checked.

A re-import usually brings files in which a few rows changed. Every record stores a hash
of its row as written (``raw_hash``, migration 0005): the raw cell texts of the mapped
columns, salted with the header mapping (header as written -> field), the file's
language and units and the tool version. On re-import ``RawRows.build`` hashes each
file's rows the same way (vectorised, ``pandas.util.hash_pandas_object``) and types and
checks only the rows whose hash is not stored for that municipality and record kind; the
others are the stored records, kept as they are.

What needs every row still sees it, or the batch is read again in full
(``validate_paths`` does it when ``settle`` or ``placed`` says so), so that a re-import
finds exactly the errors a full read finds, at the same places:

- a file of a kind some reference names (sites, servers, storage, network devices,
  platforms; clusters through the servers) is read in full as soon as one of its rows is
  new, changed or gone (a key gone or added changes what references resolve to): then
  the whole batch is read in full. Such a file whose rows are all unchanged is left out
  of the batch: references into it resolve against the stored keys, which are its keys;
- in the other kinds (clients, applications, links, zones) only new and changed rows
  are typed; a key of theirs that an unchanged row of the file holds is a duplicate: the
  batch is read in full (the full read reports it at its place);
- any error in what was typed: the batch is read in full (every error at its place);
- the municipality file is always read in full.

Rows recognised unchanged are not checked again: their warnings were given by the import
that stored them and are not repeated (``report.stats["rows_unchanged"]`` counts them;
``inventory validate`` reads every row). A changed tool version, header mapping, file
language or unit changes the salt: every row of such a file is typed. ``--reread``,
``--mapping`` and ``--from`` read everything (no check is made).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine

from inventory import __version__
from inventory.issues import IssueReport
from inventory.models.registry import model_for
from inventory.read.source import LineNumbers, SourceTable
from inventory.store.schema import RAW_HASH, RECORD_TABLES, key_field
from inventory.validate.batch import MunicipalityBatch, ValidTable
from inventory.validate.records import HeaderMappingLike
from inventory.validate.references import referenced_kinds

#: Between the cells of a row when it is hashed (a unit separator, never in a header).
_SEPARATOR = pa.scalar("\x1f", pa.large_string())
#: Kinds always typed in full (one row; its ``code`` names the municipality).
_ALWAYS_TYPED = frozenset({"municipality"})


def raw_hashes(source: SourceTable, mapping: HeaderMappingLike) -> np.ndarray[Any, Any]:
    """One signed 64-bit hash per row of ``source``: its mapped cells as written, salted
    with the mapping, the file's language and units and the tool version."""
    positions = sorted(mapping.fields.items())
    salt_text = json.dumps(
        {
            "version": __version__,
            "kind": source.kind,
            "fields": [[position, name] for position, name in positions],
            "written": sorted(mapping.written.items()),
            "language": getattr(mapping, "language", None),
            "units": sorted(
                (str(name), str(unit)) for name, unit in getattr(mapping, "units", {}).items()
            ),
        },
        ensure_ascii=False,
    )
    salt = np.uint64(int.from_bytes(hashlib.sha256(salt_text.encode()).digest()[:8], "little"))
    rows = len(source.cells)
    if not positions:
        return np.full(rows, salt, dtype=np.uint64).view(np.int64)
    # One text per row, the cells joined by a separator (Arrow, no Python loop), hashed
    # once; a file with the separator in a cell is hashed column by column instead.
    cells = [
        pa.array(source.cells[str(position)]).cast(pa.large_string()) for position, _ in positions
    ]
    joined = pc.binary_join_element_wise(
        *cells, _SEPARATOR, null_handling="replace", null_replacement="\x00"
    )
    separators = pc.count_substring(joined, "\x1f")
    if pc.all(pc.equal(separators, len(cells) - 1)).as_py() is not False:
        hashed = pd.util.hash_pandas_object(
            pd.Series(pd.arrays.ArrowExtensionArray(joined)), index=False
        ).to_numpy(dtype=np.uint64)
    else:
        frame = pd.DataFrame(
            {
                str(index): source.cells[str(position)]
                for index, (position, _) in enumerate(positions)
            }
        )
        hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy(dtype=np.uint64)
    return np.bitwise_xor(hashed, salt).view(np.int64)


@dataclass
class FileRows:
    """One file as validated with row recognition.

    ``table`` holds the rows typed (new or changed), ``raw`` their raw hashes (aligned),
    ``source`` is the whole file;
    ``positions`` their 0-based rows in the file (None: every row was typed);
    ``kept_keys`` the keys of the rows recognised unchanged; ``rows`` the file's rows."""

    source: SourceTable
    raw: np.ndarray[Any, Any]
    rows: int
    table: ValidTable | None = None
    positions: np.ndarray[Any, Any] | None = None
    kept_keys: np.ndarray[Any, Any] = field(default_factory=lambda: np.empty(0, dtype=object))
    omitted: bool = False  # every row unchanged: the table is left out of the batch
    first: int = 0  # the first issue of typing in the file's report

    @property
    def kept(self) -> int:
        return self.rows if self.omitted else len(self.kept_keys)


class RawRows:
    """The stored raw hashes of one database, and what each file of a batch kept."""

    def __init__(self, url: str | None = None) -> None:
        #: the database (None: nothing stored); read per municipality when first asked
        self.url = url
        self._engine: Engine | None = None
        self._loaded: set[str] = set()
        #: (municipality, kind) -> (the keys of the records with a raw hash, indexed by
        #: it; the records stored of that kind)
        self._stored: dict[tuple[str, str], tuple[pd.Series, int]] = {}
        #: (municipality, kind) -> every stored key
        self._keys: dict[tuple[str, str], np.ndarray[Any, Any]] = {}
        #: (municipality, kind) -> its file in the municipality's last import run (by
        #: this tool version): SHA-256, header mapping (JSON) and rows
        self.last_files: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.full = False  # type every row (a batch read again in full)
        self.files: list[FileRows] = []
        self._pending: dict[int, FileRows] = {}
        self._must_reread = False
        #: the check of unchanged folders this check of rows goes with
        self.folders: Callable[[Any], Any] | None = None

    def _load(self, code: str, kind: str) -> None:
        """The raw hashes and keys stored of one municipality's records of one kind
        (records of before 0005, without a raw hash, are typed again)."""
        if f"{code}\0{kind}" in self._loaded or self.url is None:
            return
        self._loaded.add(f"{code}\0{kind}")
        if self._engine is None:
            self._engine = create_engine(self.url)
        table = RECORD_TABLES[kind]
        with self._engine.connect() as connection:
            result = connection.execute(
                select(table.c[key_field(kind)], table.c[RAW_HASH]).where(
                    table.c.municipality == code
                )
            )
            try:  # the driver's rows as they are: no result processing per row
                fetched = (
                    result.cursor.fetchall() if result.cursor is not None else result.fetchall()
                )
            finally:
                result.close()
            if not fetched:
                return
            columns = np.array(fetched, dtype=object).reshape(len(fetched), 2)
            with_raw = ~pd.isna(columns[:, 1])
            by_hash = pd.Series(
                columns[with_raw, 0],
                index=pd.Index(columns[with_raw, 1].astype(np.int64)),  # ints exactly
            )
            by_hash = by_hash[~by_hash.index.duplicated(keep=False)]
            self._stored[(code, kind)] = (by_hash, len(fetched))
            self._keys[(code, kind)] = columns[:, 0]

    def close(self) -> None:
        """The connections to the database closed (``settle`` does it)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def full_check(self) -> RowsCheck:
        """The check of unchanged folders with a read of every row of the others (their
        raw hashes still recorded): what a batch read again in full is given."""
        self.close()
        again = RawRows(self.url)
        again._stored, again._keys, again._loaded = self._stored, self._keys, self._loaded
        again.last_files = self.last_files
        again.full = True
        again.folders = self.folders
        return RowsCheck(self.folders, again)

    # -- during validation ------------------------------------------------------------

    def split(
        self,
        source: SourceTable,
        mapping: HeaderMappingLike,
        report: IssueReport,
        *,
        municipality: str | None = None,
    ) -> SourceTable | ValidTable:
        """What of ``source`` is to be typed and checked: the whole file, the rows not
        recognised unchanged (a ``SourceTable`` of those rows, their lines kept), or, when
        every row is stored as it is, a ``ValidTable`` standing for the file (not typed).
        ``built`` is told of the table typed from what this returns."""
        code = municipality or source.municipality
        kind = source.kind
        eligible = (
            not self.full and kind not in _ALWAYS_TYPED and getattr(source, "locate", None) is None
        )
        if eligible and self._same_file(source, mapping, code):
            # Only the keys of a kind references name are read (``_still_named``).
            keys = None
            if kind in referenced_kinds():
                self._load(code, kind)
                keys = self._keys.get((code, kind), np.empty(0, dtype=object))
            return self._omitted(source, mapping, code, keys, len(source.cells))
        if eligible:
            self._load(code, kind)
        stored = self._stored.get((code, kind))
        raw = raw_hashes(source, mapping)
        rows = len(raw)
        if not eligible or stored is None:
            return self._whole(source, report, raw)
        known, count = stored
        found = known.index.get_indexer(pd.Index(raw))
        unique = ~pd.Series(raw).duplicated(keep=False).to_numpy()
        kept = (found >= 0) & unique
        if bool(kept.all()) and count == rows:
            return self._omitted(source, mapping, code, known.to_numpy()[found], rows)
        if kind in referenced_kinds():
            self._must_reread = True  # a referenced kind changed: everything is read again
            return self._whole(source, report, raw)
        if not kept.any():
            return self._whole(source, report, raw)
        positions = np.flatnonzero(~kept)
        part = dataclasses.replace(
            source,
            cells=source.cells.iloc[positions].reset_index(drop=True),
            lines=LineNumbers(source.line_numbers()[positions]),
        )
        self._pending[id(part)] = FileRows(
            source=source,
            raw=raw[positions],
            rows=rows,
            positions=positions,
            kept_keys=known.to_numpy()[found[kept]],
            first=len(report.issues),
        )
        return part

    def _same_file(self, source: SourceTable, mapping: HeaderMappingLike, code: str) -> bool:
        """Whether ``source`` is byte for byte the file its municipality's last import
        read for the kind, mapped alike, and every stored record of the kind is one of
        its rows (``last_files`` holds only such files, see ``inventory.store.unchanged``):
        then every row is unchanged (no need to read or hash them)."""
        last = self.last_files.get((code, source.kind))
        rows = len(source.cells)
        mapped = json.dumps(dict(mapping.written), ensure_ascii=False)
        return last is not None and last == (source.sha256, mapped, rows)

    def built(self, table: ValidTable, report: IssueReport) -> None:
        """``table`` was typed from what ``split`` returned: the rows of the issues
        typing added to ``report`` are the file's rows, the table's source the file."""
        file = self._pending.pop(id(table.source), None)
        if file is None:
            return  # a table standing for a file kept whole, or not split here
        file.table = table
        table.source = file.source
        self.files.append(file)
        if file.positions is not None:
            report.issues[file.first :] = [
                _moved(issue, file) if issue.file == file.source.display_name else issue
                for issue in report.issues[file.first :]
            ]

    def _whole(
        self, source: SourceTable, report: IssueReport, raw: np.ndarray[Any, Any]
    ) -> SourceTable:
        self._pending[id(source)] = FileRows(
            source=source, raw=raw, rows=len(raw), first=len(report.issues)
        )
        return source

    def _omitted(
        self,
        source: SourceTable,
        mapping: HeaderMappingLike,
        code: str,
        keys: np.ndarray[Any, Any] | None,
        rows: int,
    ) -> ValidTable:
        """A table standing for a file whose ``rows`` are all stored as they are: its
        frame holds only the keys when known (what ``_still_named`` reads of a kind
        references name); ``settle`` takes it out."""
        name = model_for(source.kind).key_field
        table = ValidTable(
            kind=source.kind,
            municipality=code,
            source=source,
            header_mapping=dict(mapping.written),
            frame=pd.DataFrame() if keys is None else pd.DataFrame({name: keys}),
        )
        self.files.append(
            FileRows(
                source=source,
                table=table,
                raw=np.empty(0, dtype=np.int64),
                rows=rows,
                positions=np.empty(0, dtype=np.int64),
                omitted=True,
            )
        )
        return table

    def settle(self, municipalities: Sequence[MunicipalityBatch], report: IssueReport) -> bool:
        """After every folder is read, before references are resolved: the tables kept
        whole leave the batch; False when the batch must be read in full (a referenced
        kind changed, an error in what was typed, a changed row's key held by an
        unchanged row)."""
        self.close()
        if self.full:
            return True
        if self._must_reread or not report.valid:
            return False
        present = {id(table) for batch in municipalities for table in batch.tables.values()}
        self.files = [file for file in self.files if id(file.table) in present]
        for file in self.files:
            if file.positions is None or file.omitted or file.table is None:
                continue
            keys = file.table.frame[model_for(file.table.kind).key_field]
            if bool(keys.isin(file.kept_keys).any()):
                return False  # a duplicate key: the full read says where
        for batch in municipalities:
            for file in self.files:
                table = file.table
                if file.omitted and table is not None and batch.tables.get(table.kind) is table:
                    del batch.tables[table.kind]
        return True

    def placed(self, report: IssueReport, first: int) -> bool:
        """After references are resolved: the rows of their issues (from ``first`` on)
        as in the file; False when the batch must be read in full (an error)."""
        if self.full:
            return True
        if not report.valid:
            return False
        partial: dict[tuple[str | None, str | None, str | None], FileRows] = {
            (file.table.municipality, file.table.kind, file.source.display_name): file
            for file in self.files
            if file.table is not None and file.positions is not None and not file.omitted
        }
        if partial:
            report.issues[first:] = [
                _moved(issue, partial.get((issue.municipality, issue.record_kind, issue.file)))
                for issue in report.issues[first:]
            ]
        report.stats["rows_unchanged"] = self.unchanged_rows
        return True

    @property
    def unchanged_rows(self) -> int:
        """Rows recognised unchanged (not typed nor checked again)."""
        return sum(file.kept for file in self.files)

    # -- for the store ----------------------------------------------------------------

    def of(self, table: ValidTable) -> FileRows | None:
        """What ``table`` kept (None: a table not built here)."""
        for file in self.files:
            if file.table is table:
                return file
        return None

    def omitted(self) -> list[FileRows]:
        return [file for file in self.files if file.omitted]


class RowsCheck:
    """The check ``validate_paths`` is given as ``unchanged``: folders unchanged since
    their last import (``inventory.store.unchanged``), with ``rows`` the check of rows."""

    def __init__(self, folders: Callable[[Any], Any] | None, rows: RawRows) -> None:
        self._folders = folders
        self.rows = rows

    def __call__(self, folder: Any) -> Any:
        return None if self._folders is None else self._folders(folder)


def _moved(issue: Any, file: FileRows | None) -> Any:
    if file is None or file.positions is None or issue.row is None:
        return issue
    return issue.model_copy(update={"row": int(file.positions[issue.row - 1]) + 1})
