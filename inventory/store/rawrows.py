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

import hashlib
import json
import os
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Text, cast, create_engine, func, select
from sqlalchemy.engine import Engine

from inventory import __version__
from inventory.issues import IssueReport
from inventory.models import field_specs
from inventory.models.registry import model_for
from inventory.read.discover import InventoryFolder
from inventory.read.source import NATIVE, SourceTable
from inventory.store.reading import driver_query, marks
from inventory.store.schema import FILE_BYTES, RAW_HASH, RECORD_TABLES, ROW_HASH, key_field
from inventory.validate.batch import MunicipalityBatch, ValidTable
from inventory.validate.records import HeaderMappingLike
from inventory.validate.references import referenced_kinds

#: Between the cells of a row when it is hashed (a unit separator, never in a header).
_SEPARATOR = pa.scalar("\x1f", pa.large_string())
#: The frame of a table standing for a file not typed (and the cells of one not read).
_NO_FRAME = pd.DataFrame()
#: Kinds always typed in full (one row; its ``code`` names the municipality).
_ALWAYS_TYPED = frozenset({"municipality"})


def raw_hashes(source: SourceTable, mapping: HeaderMappingLike) -> np.ndarray[Any, Any]:
    """One signed 64-bit hash per row of ``source``: its mapped cells as written, salted
    with the mapping, the file's language and units and the tool version."""
    positions = sorted(mapping.fields.items())
    salt = _salt(
        __version__,
        source.kind,
        tuple(positions),
        tuple(sorted(mapping.written.items())),
        getattr(mapping, "language", None),
        tuple(
            sorted((str(name), str(unit)) for name, unit in getattr(mapping, "units", {}).items())
        ),
    )
    rows = source.row_count
    if not positions:
        return np.full(rows, salt, dtype=np.uint64).view(np.int64)
    # One text per row, the cells joined by a separator (Arrow, no Python loop), hashed
    # once as bytes; a file with the separator in a cell is hashed column by column.
    cells = [_large_text(source.text_column(position)) for position, _ in positions]
    joined = pc.binary_join_element_wise(
        *cells, _SEPARATOR, null_handling="replace", null_replacement="\x00"
    )
    hashed: np.ndarray[Any, Any]
    if _separators(joined) == rows * (len(cells) - 1):  # each row: exactly len - 1
        hashed = pd.util.hash_array(
            joined.cast(pa.large_binary()).to_numpy(zero_copy_only=False), categorize=False
        ).astype(np.uint64, copy=False)
    else:
        frame = pd.DataFrame(
            {
                str(index): source.cells[str(position)]
                for index, (position, _) in enumerate(positions)
            }
        )
        hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy(dtype=np.uint64)
    return np.bitwise_xor(hashed, salt).view(np.int64)


@lru_cache(maxsize=256)
def _salt(
    version: str,
    kind: str,
    positions: tuple[tuple[int, str], ...],
    written: tuple[tuple[str, str], ...],
    language: str | None,
    units: tuple[tuple[str, str], ...],
) -> np.uint64:
    """What the raw hashes of a file are salted with: its mapping (positions and headers
    as written), language and units, and the tool version."""
    salt_text = json.dumps(
        {
            "version": version,
            "kind": kind,
            "fields": [[position, name] for position, name in positions],
            "written": list(written),
            "language": language,
            "units": list(units),
        },
        ensure_ascii=False,
    )
    return np.uint64(int.from_bytes(hashlib.sha256(salt_text.encode()).digest()[:8], "little"))


def _large_text(column: pd.Series | pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    """A column of cells as Arrow ``large_string`` (the CSV reader's columns already are)."""
    if isinstance(column, pa.ChunkedArray) and column.type == pa.large_string():
        return column
    return pa.array(column).cast(pa.large_string())


def _separators(joined: pa.ChunkedArray | pa.Array) -> int:
    """How many separators the joined rows hold (their bytes counted, no copy)."""
    count = 0
    for chunk in joined.chunks if isinstance(joined, pa.ChunkedArray) else [joined]:
        if len(chunk) == 0:
            continue
        _validity, offsets, data = chunk.buffers()
        if data is None:
            continue
        bounds = np.frombuffer(offsets, dtype=np.int64)[
            chunk.offset : chunk.offset + len(chunk) + 1
        ]
        found = np.frombuffer(data, dtype=np.uint8)[bounds[0] : bounds[-1]]
        count += int(np.count_nonzero(found == 0x1F))
    return count


@dataclass
class FileRows:
    """One file as validated with row recognition.

    ``table`` holds the rows typed (new or changed), ``raw`` their raw hashes (aligned),
    ``source`` is the whole file;
    ``positions`` their 0-based rows in the file (None: every row was typed);
    ``kept_hashes`` the raw hashes of the rows recognised unchanged, ``kept_keys`` their
    keys (read from the database when first asked: a re-import without ``--prune``
    needs only how many, ``kept``); ``rows`` the file's rows."""

    source: SourceTable
    raw: np.ndarray[Any, Any]
    rows: int
    table: ValidTable | None = None
    positions: np.ndarray[Any, Any] | None = None
    kept_hashes: np.ndarray[Any, Any] = field(default_factory=lambda: np.empty(0, np.int64))
    omitted: bool = False  # every row unchanged: the table is left out of the batch
    first: int = 0  # the first issue of typing in the file's report
    #: the municipality the file was last imported as, for a file not read at all (its
    #: folder must still be that municipality, ``settle``)
    code: str | None = None
    #: reads ``kept_keys`` (of this file and the others of its kind) when first asked:
    #: ``RawRows._load_kept_keys``, held weakly (``RawRows`` holds its files: a strong
    #: reference back would keep every file's cells in a cycle until the collector's
    #: next full pass, tens of megabytes after each import in a long-lived process)
    loader: weakref.WeakMethod[Callable[[FileRows], None]] | None = field(default=None, repr=False)
    found_keys: np.ndarray[Any, Any] | None = field(default=None, repr=False)
    #: the raw hash of every row of the file, in its order (None: not known), what the
    #: import records with the file (``import_file.raw_hashes``, ``raw_blob``)
    every_raw: np.ndarray[Any, Any] | None = field(default=None, repr=False)

    @property
    def kept(self) -> int:
        return self.rows if self.omitted else len(self.kept_hashes)

    @property
    def kept_keys(self) -> np.ndarray[Any, Any]:
        """The keys of the rows recognised unchanged, in the file's order."""
        if self.found_keys is None:
            if self.loader is None or not len(self.kept_hashes):
                self.found_keys = np.empty(0, dtype=object)
            else:
                load = self.loader()
                if load is None:  # (the check of rows is gone: asked after its import)
                    raise RuntimeError("the kept keys are read during their import only")
                load(self)
        assert self.found_keys is not None
        return self.found_keys


class RawRows:
    """The stored raw hashes of one database, and what each file of a batch kept."""

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        #: the database (None: nothing stored); read per record kind when first asked,
        #: through ``engine`` when given (an open store's: left open by ``close``)
        self.url = url
        self._engine: Engine | None = engine
        self._borrowed = engine
        self._loaded: set[tuple[str, str]] = set()
        #: (municipality, kind) -> (the raw hashes stored, each of one record only; the
        #: records stored of that kind)
        self._stored: dict[tuple[str, str], tuple[pd.Index, int]] = {}
        #: (municipality, kind) -> its file in the municipality's last import run (by
        #: this tool version): SHA-256, header mapping (JSON) and rows
        self.last_files: dict[tuple[str, str], tuple[str, str, int]] = {}
        #: (municipality, kind) of ``last_files`` -> the raw hash of each row of that file
        #: (recorded by its import, ``import_file.raw_hashes``): the raw hashes of the
        #: municipality's records of the kind, read without reading the records
        self.last_raw: dict[tuple[str, str], np.ndarray[Any, Any]] = {}
        #: (municipality, kind) -> its records stored, for every pair holding any, when
        #: counted (``inventory.store.unchanged``): a pair not in it holds none, so its
        #: raw hashes are not asked of the database (None: not counted, always asked)
        self.stored_counts: dict[tuple[str, str], int] | None = None
        #: (path as compared, kind) -> the ``import_file`` values of the last run that
        #: read that file for the kind (``inventory.store.unchanged``): what ``unread``
        #: compares a file with before reading it
        self.stored_files: dict[tuple[str, str], dict[str, Any]] = {}
        #: path as compared -> the file's SHA-256 as it is now (computed once)
        self.digests: dict[str, str] = {}
        #: path as compared -> the file's size now (``resized``, read once)
        self.sizes: dict[str, int] = {}
        self._resolved: dict[str, str] = {}  # folder -> resolved (``path_key``)
        self._keys: dict[str, str] = {}  # absolute path -> ``path_key``
        #: folder -> the municipality its files were last imported as (when one)
        self.folder_codes: dict[Path, str] = {}
        #: (municipality, kind or ``cluster``) named by a folder left unread: the tables
        #: standing for files not typed show the stored keys of those (``_still_named``)
        self.named: set[tuple[str, str]] = set()
        #: kind -> municipalities whose stored raw hashes of the kind ``split`` will ask
        #: (read together, one statement per kind)
        self._wanted: dict[str, set[str]] = {}
        self.full = False  # type every row (a batch read again in full)
        self.files: list[FileRows] = []
        self._pending: dict[int, FileRows] = {}
        self._unfilled: list[FileRows] = []  # tables kept whole still without their keys
        #: ``files`` by their tables' ids (``of``), with the list and length it was made of
        self._by_table: tuple[list[FileRows] | None, int, dict[int, FileRows]] = (None, 0, {})
        self._must_reread = False
        #: (municipality, kind) -> the typed keys ``_held`` asked and the stored records
        #: it found of them (their fields, row hash and raw hash, as the driver gives
        #: them): what the import reads of those keys (``held_records``), on SQLite
        self._held_rows: dict[tuple[str, str], tuple[list[Any], list[tuple[Any, ...]], Any]] = {}
        #: the SQLite connection ``_held`` read them on, and its ``data_version`` before
        self._held_on: tuple[Any, int] | None = None
        #: the check of unchanged folders this check of rows goes with (``folders``;
        #: held weakly, as ``FileRows.loader``: that check holds this one)
        self._folders: weakref.WeakMethod[Callable[[Any], Any]] | None = None

    @property
    def folders(self) -> Callable[[Any], Any] | None:
        """The check of unchanged folders this check of rows goes with (a bound method;
        None: none, or it is gone)."""
        return None if self._folders is None else self._folders()

    @folders.setter
    def folders(self, check: Callable[[Any], Any] | None) -> None:
        self._folders = None if check is None else weakref.WeakMethod(check)

    def _connect(self) -> Engine:
        if self._engine is None:
            assert self.url is not None
            self._engine = create_engine(self.url)
        return self._engine

    def _load(self, code: str, kind: str) -> None:
        """The raw hashes stored of one municipality's records of one kind (records of
        before 0005, without a raw hash, are typed again) and how many records it has;
        those of the other municipalities whose file of the kind is read too, in the same
        statement, each municipality's hashes as one text (no row objects)."""
        if (code, kind) in self._loaded or self.url is None:
            return
        codes = sorted(
            {code, *self._wanted.get(kind, ())} - {c for c, k in self._loaded if k == kind}
        )
        self._loaded.update((each, kind) for each in codes)
        asked: list[str] = []
        counted = self.stored_counts
        for each in codes:
            recorded = self.last_raw.get((each, kind))
            if counted is not None and (each, kind) not in counted:
                continue  # none stored (as when asked: nothing found, nothing kept)
            if recorded is None:
                asked.append(each)
            else:  # the records are exactly the rows of the file their last import read
                self._store_hashes(each, kind, recorded, len(recorded))
        if not asked:
            return
        table = RECORD_TABLES[kind]
        with self._connect().connect() as connection:
            for chunk in _chunks(asked, _IN_CHUNK):
                result = connection.execute(
                    select(
                        table.c.municipality,
                        func.count(),
                        func.aggregate_strings(cast(table.c[RAW_HASH], Text), ","),
                    )
                    .where(table.c.municipality.in_(chunk))
                    .group_by(table.c.municipality)
                )
                for owner, count, text in _driver_rows(result):
                    self._store_hashes(str(owner), kind, _parsed_hashes(text), int(count))

    def _store_hashes(self, code: str, kind: str, hashes: np.ndarray[Any, Any], count: int) -> None:
        """The raw hashes stored of one municipality's ``count`` records of one kind (each
        of one record only)."""
        stored = pd.Index(hashes)
        unique = stored if stored.is_unique else stored[~stored.duplicated(keep=False)]
        self._stored[(code, kind)] = (unique, count)

    def _load_kept_keys(self, asked: FileRows) -> None:
        """The keys of the rows recognised unchanged of ``asked`` and of the other files
        of its kind whose keys are not read yet: one statement for them all."""
        assert asked.table is not None
        kind = asked.table.kind
        files = [
            file
            for file in self.files
            if file.found_keys is None
            and file.loader is not None
            and file.table is not None
            and file.table.kind == kind
        ]
        if asked not in files:
            files.append(asked)
        table = RECORD_TABLES[kind]
        by_code: dict[str, list[FileRows]] = {}
        for file in files:
            assert file.table is not None
            by_code.setdefault(file.table.municipality, []).append(file)
        engine = create_engine(self.url) if self.url is not None else None
        try:
            found: dict[str, list[tuple[Any, Any]]] = {}
            if engine is not None:
                with engine.connect() as connection:
                    for chunk in _chunks(sorted(by_code), _IN_CHUNK):
                        for owner, key, raw in _driver_rows(
                            connection.execute(
                                select(
                                    table.c.municipality,
                                    table.c[key_field(kind)],
                                    table.c[RAW_HASH],
                                ).where(
                                    table.c.municipality.in_(chunk), table.c[RAW_HASH].is_not(None)
                                )
                            )
                        ):
                            found.setdefault(str(owner), []).append((key, raw))
        finally:
            if engine is not None:
                engine.dispose()
        for code, of_code in by_code.items():
            rows = found.get(code, [])
            keys = pd.Series(
                np.array([row[0] for row in rows], dtype=object),
                index=pd.Index(np.array([row[1] for row in rows], dtype=np.int64)),
            )
            keys = keys[~keys.index.duplicated(keep=False)]
            for file in of_code:
                file.found_keys = keys.reindex(file.kept_hashes).to_numpy(dtype=object)

    def close(self) -> None:
        """The connections to the database closed (``settle`` does it)."""
        if self._engine is not None and self._engine is not self._borrowed:
            self._engine.dispose()
            self._engine = None

    def full_check(self) -> RowsCheck:
        """The check of unchanged folders with a read of every row of the others (their
        raw hashes still recorded): what a batch read again in full is given."""
        self.close()
        again = RawRows(self.url, self._borrowed)
        again._stored, again._loaded = self._stored, self._loaded
        again.last_files, again.stored_files = self.last_files, self.stored_files
        again.last_raw, again.stored_counts = self.last_raw, self.stored_counts
        again.digests, again.folder_codes = self.digests, self.folder_codes
        again.sizes = self.sizes
        again._resolved, again._keys = self._resolved, self._keys
        again.full = True
        again.folders = self.folders
        return RowsCheck(self.folders, again)

    def path_key(self, path: str | Path) -> str:
        """A file's path as compared between imports: its folder resolved (a folder
        given as ``./m001`` or ``m001/``, or through a link; each folder resolved once),
        then its name."""
        text = os.fspath(path)
        found = self._keys.get(text)
        if found is not None:
            return found
        parent, name = os.path.split(text)
        absolute = os.path.isabs(parent)
        parent = os.path.join(os.getcwd(), parent)  # (unchanged when absolute)
        resolved = self._resolved.get(parent)
        if resolved is None:
            resolved = self._resolved[parent] = str(Path(parent).resolve())
        found = os.path.join(resolved, name)
        if absolute:  # (a relative path depends on the current folder: not kept)
            self._keys[text] = found
        return found

    def digest(self, path: Path) -> str:
        """The SHA-256 of the file at ``path`` as it is now (read once)."""
        key = self.path_key(path)
        found = self.digests.get(key)
        if found is None:
            found = self.digests[key] = file_sha256(path)
        return found

    def resized(self, path: Path, recorded: Any) -> bool:
        """Whether the file at ``path`` is now of another size than ``recorded`` (an
        ``import_file.bytes``): then its bytes differ from those recorded (no need to
        hash them). False when the size recorded or the file's is not known."""
        if recorded is None:
            return False
        key = self.path_key(path)
        size = self.sizes.get(key)
        if size is None:
            try:
                size = self.sizes[key] = os.stat(path).st_size
            except OSError:  # (the hash says what to do, as without a size)
                return False
        return size != int(recorded)

    # -- during validation ------------------------------------------------------------

    def unread(
        self, folder: InventoryFolder, kind: str
    ) -> tuple[ValidTable, int, str | None] | None:
        """A table standing for the file of ``kind`` in ``folder`` when it need not be
        read at all, with its rows and encoding (what a read would count); None: read it.

        Not read: a file byte for byte (SHA-256) the one the last import run holding its
        path read for the kind, natively (no adapter, no profile; ``--mapping`` and
        ``--from`` give no check), from the same sheet, by this tool version, when the
        municipality's records of the kind are exactly that file's rows (``last_files``).
        Its rows are then the stored records as they are: the same bytes read by the same
        rules give the same header mapping, language, units and values. ``settle`` checks
        that its folder is still that municipality (else everything is read again)."""
        if self.full or kind in folder.adapters or kind not in folder.files:
            return None
        path = folder.files[kind]
        stored = self.stored_files.get((self.path_key(path), kind))
        code = None if stored is None else str(stored["municipality"])
        last = None if code is None else self.last_files.get((code, kind))
        if (
            stored is None
            or code is None
            or last is None
            or stored["source_tool"] != NATIVE
            or stored["sheet"] != folder.sheets.get(kind)
            or last[0] != stored["sha256"]
            or self.resized(path, stored.get(FILE_BYTES))
            or self.digest(path) != stored["sha256"]
        ):
            guess = code or self.folder_codes.get(folder.path)
            if guess is not None:
                self._wanted.setdefault(kind, set()).add(guess)
            return None
        source = SourceTable(
            path=path,
            kind=kind,
            municipality=folder.name,
            format=str(stored["format"]),
            sha256=str(stored["sha256"]),
            encoding=stored["encoding"],
            delimiter=stored["delimiter"],
            header=[],
            header_line=0,
            cells=_NO_FRAME,
            lines=[],
            sheet=stored["sheet"],
        )
        mapping: dict[str, str] = json.loads(str(stored["header_mapping"]))
        rows = int(stored["rows"])
        table = self._omitted(source, mapping, code, rows, self.last_raw.get((code, kind)))
        self.files[-1].code = code
        if kind == "municipality":  # the code its folder's records take (as read)
            table.objects["code"] = np.array([code], dtype=object)  # (what validation reads)
            table.frame_later(
                lambda: pd.DataFrame(np.array([[code]], dtype=object), columns=["code"])
            )
        return table, rows, stored["encoding"]

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
            return self._omitted(
                source,
                dict(mapping.written),
                code,
                source.row_count,
                self.last_raw.get((code, kind)),
            )
        if eligible:
            self._load(code, kind)
        stored = self._stored.get((code, kind))
        raw = raw_hashes(source, mapping)
        rows = len(raw)
        if not eligible or stored is None:
            return self._whole(source, report, raw)
        known, count = stored
        hashes = pd.Index(raw)
        found = known.get_indexer(hashes)
        kept = found >= 0
        if not hashes.is_unique:  # a row written twice is typed (each of one row only)
            kept &= ~hashes.duplicated(keep=False)
        if bool(kept.all()) and count == rows:
            return self._omitted(source, dict(mapping.written), code, rows, raw)
        if kind in referenced_kinds():
            self._must_reread = True  # a referenced kind changed: everything is read again
            return self._whole(source, report, raw)
        if not kept.any():
            return self._whole(source, report, raw)
        positions = np.flatnonzero(~kept)
        part = source.rows_at(positions)  # (Arrow cells stay Arrow)
        self._pending[id(part)] = FileRows(
            source=source,
            raw=raw[positions],
            rows=rows,
            positions=positions,
            kept_hashes=raw[kept],
            first=len(report.issues),
            loader=weakref.WeakMethod(self._load_kept_keys),
            every_raw=raw,
        )
        return part

    def _same_file(self, source: SourceTable, mapping: HeaderMappingLike, code: str) -> bool:
        """Whether ``source`` is byte for byte the file its municipality's last import
        read for the kind, mapped alike, and every stored record of the kind is one of
        its rows (``last_files`` holds only such files, see ``inventory.store.unchanged``):
        then every row is unchanged (no need to read or hash them)."""
        last = self.last_files.get((code, source.kind))
        if last is None or last[0] != source.sha256:
            return False
        mapped = json.dumps(dict(mapping.written), ensure_ascii=False)
        return last == (source.sha256, mapped, source.row_count)

    def built(self, table: ValidTable, report: IssueReport) -> None:
        """``table`` was typed from what ``split`` returned: the rows of the issues
        typing added to ``report`` are the file's rows, the table's source the file.
        (Called once every file is read: the tables kept whole get the stored keys a
        folder left unread may name, ``_fill_keys``.)"""
        if self._unfilled:
            self._fill_keys()
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
            source=source, raw=raw, rows=len(raw), first=len(report.issues), every_raw=raw
        )
        return source

    def _omitted(
        self,
        source: SourceTable,
        mapping: dict[str, str],
        code: str,
        rows: int,
        every_raw: np.ndarray[Any, Any] | None,
    ) -> ValidTable:
        """A table standing for a file whose ``rows`` are all stored as they are, left
        out of the batch by ``settle``. Its frame is empty, or holds the stored keys when
        a folder left unread names records of its kind (``_fill_keys``): what
        ``_still_named`` reads of it."""
        table = ValidTable(
            kind=source.kind,
            municipality=code,
            source=source,
            header_mapping=mapping,
            frame=_NO_FRAME,  # (never changed: ``_fill_keys`` sets another frame)
        )
        file = FileRows(
            source=source,
            table=table,
            raw=np.empty(0, dtype=np.int64),
            rows=rows,
            positions=np.empty(0, dtype=np.int64),
            omitted=True,
            every_raw=every_raw,
        )
        self.files.append(file)
        if source.kind in referenced_kinds():
            self._unfilled.append(file)
        return table

    def _fill_keys(self) -> None:
        """The stored keys (servers: and clusters) into the frames of the tables kept
        whole whose records a folder left unread names: one statement per kind."""
        files, self._unfilled = self._unfilled, []
        wanted: dict[str, list[FileRows]] = {}
        for file in files:
            assert file.table is not None
            code, kind = file.table.municipality, file.table.kind
            if (code, kind) in self.named or (kind == "server" and (code, "cluster") in self.named):
                wanted.setdefault(kind, []).append(file)
        if not wanted or self.url is None:
            return
        with self._connect().connect() as connection:
            for kind, of_kind in wanted.items():
                table = RECORD_TABLES[kind]
                name = key_field(kind)
                columns = [table.c.municipality, table.c[name]]
                if kind == "server":
                    columns.append(table.c.cluster)
                codes = sorted({str(file.table.municipality) for file in of_kind if file.table})
                found: dict[str, list[tuple[Any, ...]]] = {}
                for row in _driver_rows(
                    connection.execute(select(*columns).where(table.c.municipality.in_(codes)))
                ):
                    found.setdefault(str(row[0]), []).append(tuple(row[1:]))
                for file in of_kind:
                    assert file.table is not None
                    stored = found.get(file.table.municipality, [])
                    frame = pd.DataFrame(
                        {name: pd.Series([row[0] for row in stored], dtype=object)}
                    )
                    if kind == "server":  # its distinct clusters, beside the keys
                        clusters = list(dict.fromkeys(r[1] for r in stored if r[1] is not None))
                        frame["cluster"] = pd.Series(
                            clusters + [None] * (len(stored) - len(clusters)), dtype=object
                        )
                    file.table.frame = frame

    def settle(self, municipalities: Sequence[MunicipalityBatch], report: IssueReport) -> bool:
        """After every folder is read, before references are resolved: the tables kept
        whole leave the batch; False when the batch must be read in full (a referenced
        kind changed, an error in what was typed, a changed row's key held by an
        unchanged row). The connections to the database are closed after."""
        try:
            return self._settled(municipalities, report)
        finally:
            self.close()

    def _settled(self, municipalities: Sequence[MunicipalityBatch], report: IssueReport) -> bool:
        if self.full:
            return True
        if self._must_reread or not report.valid:
            return False
        present = {id(table) for batch in municipalities for table in batch.tables.values()}
        self.files = [file for file in self.files if id(file.table) in present]
        for batch in municipalities:
            for kind_table in batch.tables.values():
                found = self.of(kind_table)
                if found is not None and found.code is not None and found.code != batch.code:
                    return False  # not read, but its folder is another municipality now
        if self._taken_keys():
            return False  # a duplicate key: the full read says where
        for batch in municipalities:
            for file in self.files:
                table = file.table
                if file.omitted and table is not None and batch.tables.get(table.kind) is table:
                    del batch.tables[table.kind]
        return True

    def _taken_keys(self) -> bool:
        """Whether a key of a row typed in a partly kept file is held by a row kept of
        the same file: its stored record (by key) has one of the kept raw hashes. One
        statement per kind, of the typed keys only."""
        partial: dict[str, dict[tuple[str, Any], FileRows]] = {}
        for file in self.files:
            if file.positions is None or file.omitted or file.table is None:
                continue
            keys = file.table.frame[model_for(file.table.kind).key_field].to_numpy(dtype=object)
            typed = partial.setdefault(file.table.kind, {})
            code = file.table.municipality
            for key in keys[~pd.isna(keys)].tolist():
                typed[(code, key)] = file
        if not partial or self.url is None:
            return False
        return self._held(partial)

    def _held(self, partial: dict[str, dict[tuple[str, Any], FileRows]]) -> bool:
        with self._connect().connect() as connection:
            quote = connection.dialect.identifier_preparer.quote
            # On SQLite the typed keys' whole records are read, kept for the import (the
            # same rows: ``held_records``), with the connection's ``data_version``
            # before, which tells the import whether another connection wrote since.
            whole = connection.dialect.name == "sqlite"
            if whole:
                self._held_on = (
                    connection.connection.dbapi_connection,
                    int(driver_query(connection, "PRAGMA data_version")[0][0][0]),
                )
            for kind, typed in partial.items():
                table = RECORD_TABLES[kind]
                key_name = key_field(kind)
                by_code: dict[str, list[Any]] = {}
                for code, key in typed:
                    by_code.setdefault(code, []).append(key)
                # the stored raw hashes of the typed keys, by the file that typed them
                found: dict[int, tuple[FileRows, list[int]]] = {}
                # (municipality, key, raw hash), or the fields, row hash and raw hash
                columns = [*held_columns(kind), RAW_HASH] if whole else [key_name, RAW_HASH]
                at = columns.index(key_name)
                sql = (
                    f"SELECT {', '.join(quote(name) for name in columns)} FROM"
                    f" {quote(table.name)}"
                    f" WHERE {quote('municipality')} = ? AND {quote(key_name)} IN "
                )
                # per municipality: (municipality, key) is the primary key's index
                for code, keys in sorted(by_code.items()):
                    of_code: list[tuple[Any, ...]] = []
                    for chunk in _chunks(keys, _IN_CHUNK):
                        rows, description = driver_query(
                            connection, f"{sql}({marks(len(chunk))})", [code, *chunk]
                        )
                        of_code += rows
                    if whole:
                        self._held_rows[(code, kind)] = (keys, of_code, description)
                    for row in of_code:
                        raw = row[-1]
                        holder = typed.get((code, row[at]))
                        if raw is not None and holder is not None:
                            found.setdefault(id(holder), (holder, []))[1].append(int(raw))
                for holder, raws in found.values():
                    # (a hash table, not np.isin: that sorts the file's kept hashes)
                    if pd.Index(np.array(raws, dtype=np.int64)).isin(holder.kept_hashes).any():
                        return True
        return False

    def held_records(
        self, connection: Any, code: str, kind: str, keys: Sequence[Any]
    ) -> tuple[list[tuple[Any, ...]], Any] | None:
        """The stored records of ``keys`` of one municipality and kind as ``_held`` read
        them (``held_columns``, then the raw hash) and the cursor's description, when the
        import asks for exactly the keys it asked, on the same SQLite connection, and no
        other connection has written since (its ``data_version`` unchanged; asked inside
        the import's transaction, which holds the write lock); None: read them."""
        found = self._held_rows.get((code, kind))
        if found is None or self._held_on is None:
            return None
        asked, rows, description = found
        if asked != list(keys) or list(map(type, asked)) != list(map(type, keys)):
            return None
        on, version = self._held_on
        if connection.connection.dbapi_connection is not on:
            return None
        now = driver_query(connection, "PRAGMA data_version")[0][0][0]
        return (rows, description) if int(now) == version else None

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
        if self._by_table[0] is not self.files or self._by_table[1] != len(self.files):
            self._by_table = (
                self.files,
                len(self.files),
                {id(file.table): file for file in self.files if file.table is not None},
            )
        return self._by_table[2].get(id(table))

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

    def every_row(self) -> RowsCheck:
        """A check that reads every folder, file and row (``--reread``) and still
        records the rows' raw hashes, so that the next import recognises them."""
        return RowsCheck(None, self.rows.full_check().rows)


def _moved(issue: Any, file: FileRows | None) -> Any:
    if file is None or file.positions is None or issue.row is None:
        return issue
    return issue.model_copy(update={"row": int(file.positions[issue.row - 1]) + 1})


def held_columns(kind: str) -> list[str]:
    """The columns of a record table the import reads of the records it updates: the
    fields, then the row hash."""
    return [*(spec.name for spec in field_specs(kind)), ROW_HASH]


#: Values in one ``IN`` list at most (SQLite's bound parameters, PostgreSQL's comfort).
_IN_CHUNK = 500


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _parsed_hashes(text: str | None) -> np.ndarray[Any, Any]:
    """The integers of a comma-separated text (``aggregate_strings``), parsed in C."""
    if not text:
        return np.empty(0, dtype=np.int64)
    hashes = np.fromstring(text, dtype=np.int64, sep=",")
    if len(hashes) != text.count(",") + 1:  # (never expected: each parsed as Python would)
        hashes = np.array(text.split(","), dtype=np.int64)
    return hashes


#: How ``import_file.raw_hashes`` holds a file's raw hashes: 8-byte little-endian integers.
_BLOB_DTYPE = np.dtype("<i8")


def raw_blob(hashes: np.ndarray[Any, Any] | None, rows: int) -> bytes | None:
    """What ``import_file.raw_hashes`` records of a file of ``rows`` rows: the raw hash
    of each row (None when they are not known)."""
    if hashes is None or len(hashes) != rows:
        return None
    return np.asarray(hashes, dtype=_BLOB_DTYPE).tobytes()


def raw_from_blob(blob: bytes | None, rows: int) -> np.ndarray[Any, Any] | None:
    """The raw hashes ``raw_blob`` recorded for a file of ``rows`` rows (None: none,
    or not one for each row)."""
    if blob is None or len(blob) != rows * _BLOB_DTYPE.itemsize:
        return None
    return np.frombuffer(bytes(blob), dtype=_BLOB_DTYPE).astype(np.int64)


def _driver_rows(result: Any) -> list[Any]:
    """A result's rows as the driver gives them (no result processing per row)."""
    try:
        return list(result.cursor.fetchall() if result.cursor is not None else result.fetchall())
    finally:
        result.close()


def file_size(path: Path) -> int | None:
    """What ``import_file.bytes`` records of the file at ``path``: its size as the import
    finds it (None: not found). A file changed while it is imported may record the size
    of other bytes than those read: the next import then reads it again (a size tells
    only that a file differs, never that it is the same)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes (as the readers record it)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
