"""VALIDATE stage: typed values, unique keys, references; every issue of every file at once.

``validate_paths`` runs the whole front of the pipeline (discover, read, map headers,
parse values, check records, resolve references) over the folders given and returns an
``ImportBatch``: what an import would store, plus the ``IssueReport``. Problems in the
data are issues in the report, never exceptions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventory.heap import old_objects_frozen
from inventory.issues import Issue, IssueCode, IssueReport, template_key
from inventory.models.registry import RECORD_KINDS, model_for
from inventory.read import InventoryFolder, discover, map_headers
from inventory.read.adapters.combine import read_export
from inventory.read.headers import HeaderMapping
from inventory.read.source import SourceTable, TableRequest
from inventory.read.tables import read_tables
from inventory.validate.batch import (
    REFERENCE_COLUMNS,
    ImportBatch,
    MunicipalityBatch,
    UnchangedFolder,
    ValidTable,
)
from inventory.validate.records import (
    BATCHED_BELOW_ROWS,
    TableToBuild,
    build_valid_table,
    build_valid_tables,
    municipality_code,
    slugify,
)
from inventory.validate.references import KnownKeys, resolve_references

__all__ = [
    "REFERENCE_COLUMNS",
    "ImportBatch",
    "MunicipalityBatch",
    "ValidTable",
    "validate_folder",
    "validate_paths",
]


def validate_paths(
    paths: Sequence[Path],
    *,
    known_keys: Mapping[str, Mapping[str, set[str]]] | None = None,
    max_issues: int = 1000,
    ignore_unknown: bool = False,
    unchanged: Callable[[InventoryFolder], UnchangedFolder | None] | None = None,
) -> ImportBatch:
    """Validate the inventory folders under ``paths``: what ``inventory validate`` runs.

    A file or sheet that is not understood is an error (``unknown-file``,
    ``unknown-sheet``), a warning with ``ignore_unknown`` (see ``discover``).

    ``known_keys`` (municipality code -> record kind -> keys; kind ``cluster`` for cluster
    names) are the records already stored: ``code:id`` references may name them. At most
    ``max_issues`` issues are listed (the rest are counted, with a notice).
    ``unchanged`` (``inventory.store.unchanged``) names the folders unchanged since their
    last import: they are not read (``ImportBatch.unchanged``), unless a record of another
    municipality they name by ``code:id`` is gone from that municipality's files read now,
    or another folder describes the same municipality: then they are read.
    ``report.stats`` holds the files read, rows per record kind and encodings.

    >>> batch = validate_paths([samples])  # the five sample municipalities
    >>> batch.report.valid, batch.report.stats["rows"]["server"]
    (True, 422)

    The objects that exist before are left out of the garbage collector's passes while
    it runs (``old_objects_frozen``): a full collection walks every object of the
    libraries loaded (0.02-0.05 s, in one run of two of the 20-municipality study); what
    validation makes is collected as usual.
    """
    with old_objects_frozen():
        return _validate_paths(
            paths,
            known_keys=known_keys,
            max_issues=max_issues,
            ignore_unknown=ignore_unknown,
            unchanged=unchanged,
        )


def _validate_paths(
    paths: Sequence[Path],
    *,
    known_keys: Mapping[str, Mapping[str, set[str]]] | None,
    max_issues: int,
    ignore_unknown: bool,
    unchanged: Callable[[InventoryFolder], UnchangedFolder | None] | None,
) -> ImportBatch:
    report = IssueReport(cap=max_issues)
    # Row-level re-import (``inventory.store.rawrows``): rows unchanged since their
    # import are not typed again; it says when everything must be read after all.
    rows: Any = getattr(unchanged, "rows", None)
    folders, issues = discover(list(paths), ignore_unknown=ignore_unknown)
    report.extend(issues)
    stats = _Stats()
    municipalities: list[MunicipalityBatch] = []
    seen_codes: dict[str, MunicipalityBatch] = {}
    kept: list[tuple[InventoryFolder, UnchangedFolder]] = []
    to_read: list[InventoryFolder] = []
    for folder in folders:
        found = unchanged(folder) if unchanged is not None else None
        if found is not None:
            kept.append((folder, found))
            continue
        to_read.append(folder)
    for batch, found_issues in _validate_folders(to_read, report.cap, stats, rows=rows):
        _merge(report, found_issues)
        _add_folder(batch, report, seen_codes, municipalities)
    while read_again := [
        (folder, found)
        for folder, found in kept
        if found.code in seen_codes or not _still_named(found, seen_codes)
    ]:
        for folder, found in read_again:
            kept.remove((folder, found))
        for batch, found_issues in _validate_folders(
            [folder for folder, _found in read_again], report.cap, stats, rows=rows
        ):
            _merge(report, found_issues)
            _add_folder(batch, report, seen_codes, municipalities)
    if rows is not None and not rows.settle(municipalities, report):
        return validate_paths(
            paths,
            known_keys=known_keys,
            max_issues=max_issues,
            ignore_unknown=ignore_unknown,
            unchanged=rows.full_check(),
        )
    first = len(report.issues)
    references = resolve_references(municipalities, report, _as_known_keys(known_keys))
    _locate_in_exports(report, first, municipalities)
    for batch in municipalities:
        for table in batch.tables.values():
            table.encoded.clear()  # only validation reads the codes: free them for the store
            table.objects.clear()
    report.stats = stats.as_dict(municipalities, len(references))
    if rows is not None and not rows.placed(report, first):
        return validate_paths(
            paths,
            known_keys=known_keys,
            max_issues=max_issues,
            ignore_unknown=ignore_unknown,
            unchanged=rows.full_check(),
        )
    return ImportBatch(
        municipalities=municipalities,
        references=references,
        report=report,
        unchanged=[found for _folder, found in kept],
        kept_rows=rows,
    )


def _still_named(found: UnchangedFolder, read: Mapping[str, MunicipalityBatch]) -> bool:
    """Whether every record of another municipality that an unchanged folder's stored
    references name is still there: in the files read now for that municipality (its
    table of the kind; clusters: its servers' ``cluster``), or stored as it was."""
    keys: dict[tuple[str, str], set[Any]] = {}
    for code, kind, key in found.names:
        batch = read.get(code)
        if batch is None:
            continue  # not read: stored as it was
        if (code, kind) not in keys:
            table = batch.tables.get("server" if kind == "cluster" else kind)
            column = "cluster" if kind == "cluster" else model_for(kind).key_field
            keys[(code, kind)] = (
                set()
                if table is None or column not in table.frame
                else set(table.frame[column].dropna().tolist())
            )
        if key not in keys[(code, kind)]:
            return False
    return True


def _add_folder(
    batch: MunicipalityBatch,
    report: IssueReport,
    seen_codes: dict[str, MunicipalityBatch],
    municipalities: list[MunicipalityBatch],
) -> None:
    """``batch`` added, or left out with an issue when an earlier folder has its code."""
    earlier = seen_codes.get(batch.code)
    if earlier is not None:
        report.add(_same_code_issue(batch, earlier))
        return
    seen_codes[batch.code] = batch
    municipalities.append(batch)


def validate_folder(
    folder: InventoryFolder, report: IssueReport, stats: _Stats | None = None
) -> MunicipalityBatch:
    """Read and check one municipality folder's files (references are checked later).

    The municipality file is read first: its ``code`` is the municipality code of every
    record of the folder (the folder name, made a slug, when it has none). A file
    rejected as a whole (unreadable, or without its key column) is left out of
    ``tables`` and named in ``rejected``.
    """
    [(batch, issues)] = _validate_folders([folder], report.cap, stats or _Stats())
    _merge(report, issues)
    return batch


@dataclass
class _File:
    """One file of a folder being validated: its issues go to its own ``report``."""

    kind: str
    report: IssueReport
    source: SourceTable | None = None
    mapping: HeaderMapping | None = None
    first: int = 0  # the first issue an export's or a sheet's places apply to
    table: ValidTable | None = None


def _validate_folders(
    folders: Sequence[InventoryFolder], cap: int, stats: _Stats, *, rows: Any = None
) -> list[tuple[MunicipalityBatch, IssueReport]]:
    """``validate_folder`` of each folder, with the files of one record kind of all
    folders checked together (``build_valid_tables``): per folder its batch and its
    issues, exactly as validating it alone would give them. ``rows``: see
    ``validate_paths`` (what of each file is to be typed)."""
    batches: list[MunicipalityBatch] = []
    for folder in folders:
        batch = MunicipalityBatch(code=slugify(folder.name), folder=folder.path)
        batch.rejected.update({kind: (file, None) for kind, file in folder.not_read.items()})
        batches.append(batch)
    files = _read_files(folders, cap, stats, rows)
    # The municipality files first: their codes are the codes of the other files' records.
    for kinds in (["municipality"], [kind for kind in RECORD_KINDS if kind != "municipality"]):
        for kind in kinds:
            together: list[tuple[_File, TableToBuild]] = []
            for batch, entries in zip(batches, files, strict=True):
                for entry in entries:
                    if entry.kind != kind or entry.source is None or entry.mapping is None:
                        continue
                    if entry.mapping.position_of(model_for(kind).key_field) is None:
                        # Without its key no row can be stored or referenced: the file is
                        # rejected whole (its missing-column error says why), its rows are
                        # not checked one by one.
                        continue
                    source = entry.source
                    if rows is not None:
                        part = rows.split(
                            entry.source, entry.mapping, entry.report, municipality=batch.code
                        )
                        if isinstance(part, ValidTable):  # every row as imported: not typed
                            entry.table = part
                            continue
                        source = part
                    item = TableToBuild(source, entry.mapping, batch.code, entry.report)
                    if (
                        item.source.row_count >= BATCHED_BELOW_ROWS
                        or getattr(item.source, "locate", None) is not None
                    ):
                        entry.table = build_valid_table(
                            item.source, item.mapping, item.report, municipality=batch.code
                        )
                    else:
                        together.append((entry, item))
            built = build_valid_tables([item for _entry, item in together])
            for (entry, _item), table in zip(together, built, strict=True):
                entry.table = table
        if kinds == ["municipality"]:
            for batch, entries in zip(batches, files, strict=True):
                for entry in entries:
                    if entry.kind == "municipality" and entry.table is not None:
                        batch.code = municipality_code(entry.table) or batch.code
                        entry.table.municipality = batch.code
    done: list[tuple[MunicipalityBatch, IssueReport]] = []
    for folder, batch, entries in zip(folders, batches, files, strict=True):
        issues = IssueReport(cap=cap)
        for entry in entries:
            if rows is not None and entry.table is not None:
                rows.built(entry.table, entry.report)
            _place_issues(entry)
            _merge(issues, entry.report)
            if entry.table is None:
                batch.rejected[entry.kind] = (
                    str(folder.files[entry.kind]),
                    folder.sheets.get(entry.kind),
                )
                continue
            batch.tables[entry.kind] = entry.table
        done.append((batch, issues))
    return done


def _read_files(
    folders: Sequence[InventoryFolder], cap: int, stats: _Stats, rows: Any = None
) -> list[list[_File]]:
    """Per folder, each of its files (in record-kind order) read and its header mapped
    (the issues so far in its report), the small delimited files of all folders parsed
    together (``read_tables``). ``rows``: see ``validate_paths``; a file it says need not
    be read (byte for byte its last import) is a table standing for its stored records,
    without a source."""
    files: list[list[_File]] = []
    unread: dict[int, tuple[ValidTable, int, str | None]] = {}
    requests: list[TableRequest] = []
    for folder in folders:
        entries = []
        for kind in sorted(folder.files, key=RECORD_KINDS.index):
            entry = _File(kind=kind, report=IssueReport(cap=cap))
            found = None if rows is None else rows.unread(folder, kind)
            if found is not None:
                unread[id(entry)] = found
            elif kind not in folder.adapters:
                requests.append(
                    TableRequest(folder.files[kind], kind, folder.name, folder.sheets.get(kind))
                )
            entries.append(entry)
        files.append(entries)
    tables = iter(read_tables(requests))
    for folder, entries in zip(folders, files, strict=True):
        for entry in entries:
            kind = entry.kind
            if id(entry) in unread:
                entry.table, count, encoding = unread[id(entry)]
                stats.count(entry.table.source.display_name, kind, count, encoding)
                continue
            if kind in folder.adapters:  # exports: of one tool, or joined from several
                source, read_issues = read_export(folder, kind)
            else:
                source, read_issues = next(tables)
            entry.report.extend(read_issues)
            if source is None:
                continue
            entry.source = source
            entry.first = len(entry.report.issues)
            entry.mapping, header_issues = map_headers(source)
            entry.report.extend(header_issues)
            stats.count(source.display_name, kind, source.row_count, source.encoding)
    return files


def _place_issues(entry: _File) -> None:
    """An adapter's rows: each issue at its place in the export; a sheet's: the place of
    every issue names the sheet."""
    source, report = entry.source, entry.report
    if source is None:
        return
    locate = getattr(source, "locate", None)
    if locate is not None:
        report.issues[entry.first :] = [locate(issue) for issue in report.issues[entry.first :]]
    elif source.sheet is not None:
        report.issues[entry.first :] = [
            issue
            if issue.sheet or issue.file != source.display_name
            else issue.model_copy(update={"sheet": source.sheet})
            for issue in report.issues[entry.first :]
        ]


def _merge(report: IssueReport, issues: IssueReport) -> None:
    """``issues`` (kept and dropped) added to ``report`` as if added to it one by one."""
    report.extend(issues.issues)
    for severity, count in issues.dropped.items():
        if count:
            report.dropped[severity] += count


def _locate_in_exports(
    report: IssueReport, first: int, municipalities: Sequence[MunicipalityBatch]
) -> None:
    """Reference issues from ``first`` on in a table an adapter read: at their place in
    the export (see ``_validate_file``). Validation done, such a table's header mapping
    becomes the export's columns (what is stored as provenance)."""
    for batch in municipalities:
        for table in batch.tables.values():
            export_columns = getattr(table.source, "export_columns", None)
            if export_columns is not None:
                table.header_mapping = export_columns()
    locators: dict[tuple[str | None, str | None], Any] = {
        (table.source.display_name, table.kind): locate
        for batch in municipalities
        for table in batch.tables.values()
        if (locate := getattr(table.source, "locate", None)) is not None
    }
    if locators:
        report.issues[first:] = [
            locators[(issue.file, issue.record_kind)](issue)
            if (issue.file, issue.record_kind) in locators
            else issue
            for issue in report.issues[first:]
        ]


def _same_code_issue(batch: MunicipalityBatch, earlier: MunicipalityBatch) -> Issue:
    table = batch.tables.get("municipality")
    return Issue(
        code=IssueCode.DUPLICATE_KEY,
        template=template_key(IssueCode.DUPLICATE_KEY, "municipality_folders"),
        params={
            "code": repr(batch.code),
            "first": str(earlier.folder),
            "second": str(batch.folder),
        },
        file=str(table.source.path if table is not None else batch.folder),
        sheet=table.source.sheet if table is not None else None,
        line=table.source.lines[0] if table is not None and table.source.lines else None,
        row=1 if table is not None else None,
        value=batch.code,
        municipality=batch.code,
        record_kind="municipality",
    )


def _as_known_keys(known: Mapping[str, Mapping[str, set[str]]] | None) -> KnownKeys | None:
    # (as given: a store's keys may be read only when a kind of them is asked)
    return known


class _Stats:
    """What was read: files, rows per record kind, encodings."""

    def __init__(self) -> None:
        self.files = 0
        self.rows: Counter[str] = Counter()
        self.encodings: dict[str, str | None] = {}

    def count(self, file: str, kind: str, rows: int, encoding: str | None) -> None:
        self.files += 1
        self.rows[kind] += rows
        self.encodings[file] = encoding

    def as_dict(
        self, municipalities: Sequence[MunicipalityBatch], references: int
    ) -> dict[str, Any]:
        return {
            "municipalities": [batch.code for batch in municipalities],
            "files": self.files,
            "rows": {kind: self.rows[kind] for kind in RECORD_KINDS if kind in self.rows},
            "references": references,
            "encodings": self.encodings,
        }
