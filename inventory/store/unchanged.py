"""Municipality folders unchanged since their last import, recognised without reading them.

A re-import of a study usually brings a few changed files and many that are byte for
byte what was stored. ``unchanged_folders(url)`` gives a check that ``validate_paths``
asks for each folder before reading it: the folder is unchanged when

- its files (every file directly in it) are exactly the files of the last import run of
  one municipality (same paths, each with the same SHA-256 as ``import_file`` recorded);
- that run was made by this version of the tool (the same reading rules);
- the municipality's stored records are exactly those files' rows (no records left
  behind by an earlier import without ``--prune``: a pruning import would delete them).

Such a folder is not read again: the import records its files in the new run and counts
its records as unchanged (``inventory history`` shows the run, ``inventory diff`` no
change). ``validate_paths`` reads it after all when another municipality of the batch
whose record it names (a ``code:id`` reference) is read and no longer holds that record.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from inventory import __version__
from inventory.read.discover import InventoryFolder
from inventory.read.kinds import RECOGNISERS
from inventory.read.source import NATIVE
from inventory.store.engine import database_exists
from inventory.store.rawrows import RawRows, RowsCheck, raw_from_blob
from inventory.store.reading import driver_query
from inventory.store.schema import (
    FILE_BYTES,
    FILE_RAW_HASHES,
    RECORD_TABLES,
    import_file,
    import_run,
    reference,
)
from inventory.validate.batch import UnchangedFolder

#: The columns of ``import_file`` copied into the new run for an unchanged folder.
FILE_COLUMNS = (
    "municipality",
    "kind",
    "path",
    "sha256",
    "format",
    "encoding",
    "delimiter",
    "sheet",
    "header_mapping",
    "rows",
    "source_tool",
    FILE_RAW_HASHES,
    FILE_BYTES,
)

if TYPE_CHECKING:
    from inventory.store.store import InventoryStore

UnchangedCheck = Callable[[InventoryFolder], UnchangedFolder | None]


def _is_hidden(path: Path) -> bool:
    """Files discovery never reads (``.DS_Store``, ``~$servers.xlsx``, editor backups)."""
    return path.name.startswith((".", "~")) or path.name.endswith("~")


def _stored_counts(
    connection: Connection, files: dict[str, tuple[int, list[dict[str, Any]]]]
) -> dict[tuple[str, str], int]:
    """The records stored of each (municipality, kind) that has any.

    Every (municipality, kind) holds at least the rows of the files of that kind in the
    municipality's last import run (``files``: each run stores every row of its files;
    only an import deletes records, with ``--prune``, down to its files' rows). So when a
    kind's records number exactly the rows of those files of every municipality, each
    municipality holds exactly its files' rows: then the count per municipality is taken
    from the files, the table counted as a whole (the smallest index's pages, not every
    entry of it); otherwise counted per municipality. (As everywhere, the database is
    trusted to hold what the tool stored: records deleted by hand are not looked for.)"""
    expected: dict[str, dict[str, int]] = {}
    for code, (_run, of_code) in files.items():
        for file in of_code:
            of_kind = expected.setdefault(str(file["kind"]), {})
            of_kind[code] = of_kind.get(code, 0) + int(file["rows"])
    quote = connection.dialect.identifier_preparer.quote
    stored: dict[tuple[str, str], int] = {}
    for kind, table in RECORD_TABLES.items():
        name = quote(table.name)
        of_kind = expected.get(kind, {})
        ((total,),) = driver_query(connection, f"SELECT count(*) FROM {name}")[0]
        if int(total) == sum(of_kind.values()):
            stored.update(((code, kind), rows) for code, rows in of_kind.items() if rows)
            continue
        code_column = quote("municipality")
        counts, _description = driver_query(
            connection, f"SELECT {code_column}, count(*) FROM {name} GROUP BY {code_column}"
        )
        for code, count in counts:
            stored[(str(code), kind)] = int(count)
    return stored


class _StoredRuns:
    """What the database holds of each municipality's last import (read once)."""

    def __init__(self, url: str, store: InventoryStore | None = None) -> None:
        """``store``: the database at ``url`` already open (read through it, left open)."""
        from inventory.store.store import InventoryStore

        #: municipality -> its last run's files (``FILE_COLUMNS``), run id
        self.files: dict[str, tuple[int, list[dict[str, Any]]]] = {}
        #: resolved file path -> the municipality whose last run holds it
        self.owner: dict[str, str] = {}
        #: municipality -> the records of other municipalities its references name
        self.cross: dict[str, set[tuple[str, str, str]]] = {}
        with (
            InventoryStore(url) if store is None else nullcontext(store) as opened,
            opened.connection() as connection,
        ):
            #: the raw hashes of the stored rows (``inventory.store.rawrows``), read per
            #: municipality when its folder is read
            self.rows = RawRows(url, None if store is None else store.engine)
            last = (
                select(import_file.c.municipality, func.max(import_file.c.run_id).label("run_id"))
                .group_by(import_file.c.municipality)
                .subquery()
            )
            rows = (
                connection.execute(
                    select(import_file.c.run_id, *(import_file.c[name] for name in FILE_COLUMNS))
                    .join(
                        last,
                        (import_file.c.municipality == last.c.municipality)
                        & (import_file.c.run_id == last.c.run_id),
                    )
                    .join(import_run, import_run.c.id == import_file.c.run_id)
                    .where(import_run.c.tool_version == __version__)
                )
                .mappings()
                .all()
            )
            for row in rows:
                code = str(row["municipality"])
                _run, files = self.files.setdefault(code, (int(row["run_id"]), []))
                files.append({name: row[name] for name in FILE_COLUMNS})
            stored = _stored_counts(connection, self.files)
            self.rows.stored_counts = stored  # (counted with the last runs read above)
            for code, target, kind, key in connection.execute(
                select(
                    reference.c.municipality,
                    reference.c.target_municipality,
                    reference.c.target_kind,
                    reference.c.target_id,
                )
                .where(reference.c.municipality != reference.c.target_municipality)
                .distinct()
            ):
                self.cross.setdefault(str(code), set()).add((str(target), str(kind), str(key)))
        # A path belongs to the last run that read it (a folder imported under another
        # code since is that code's): its bytes read again give that run's records.
        for code, (_run, files) in sorted(self.files.items(), key=lambda item: item[1][0]):
            for file in files:
                path = self.rows.path_key(file["path"])
                self.owner[path] = code
                self.rows.stored_files[(path, str(file["kind"]))] = {**file, "municipality": code}
        # A file read last by a mapping profile not in force now (``--mapping``) or by an
        # adapter this version lacks: its folder is read again, as a full read would.
        readers = {NATIVE} | {recogniser.name for recogniser in RECOGNISERS}
        for code, (_run, files) in list(self.files.items()):
            if any(file["source_tool"] not in readers for file in files):
                del self.files[code]
                continue
            rows_per_kind: dict[str, int] = {}
            for file in files:
                rows_per_kind[file["kind"]] = rows_per_kind.get(file["kind"], 0) + int(file["rows"])
            kinds = {kind for (owner, kind) in stored if owner == code}
            if kinds != set(rows_per_kind) or any(
                stored[(code, kind)] != rows for kind, rows in rows_per_kind.items()
            ):
                del self.files[code]  # records left behind, or gone: read it again
                continue
            kinds_seen = [str(file["kind"]) for file in files]
            for file in files:
                if kinds_seen.count(str(file["kind"])) == 1:  # one file of the kind
                    self.rows.last_files[(code, str(file["kind"]))] = (
                        str(file["sha256"]),
                        str(file["header_mapping"]),
                        int(file["rows"]),
                    )
                    # its rows are the records: their raw hashes, as the import recorded
                    recorded = raw_from_blob(file[FILE_RAW_HASHES], int(file["rows"]))
                    if recorded is not None:
                        self.rows.last_raw[(code, str(file["kind"]))] = recorded

    def check(self, folder: InventoryFolder) -> UnchangedFolder | None:
        """``folder`` as stored when it is unchanged since its municipality's last run."""
        rows = self.rows
        # (the names of one folder sorted: the order of their paths; no stat but of links)
        with os.scandir(folder.path) as entries:
            listed = sorted(
                entry.name
                for entry in entries
                if entry.is_file() and not _is_hidden(Path(entry.name))
            )
        present = [folder.path / name for name in listed]
        if not present:
            return None
        keys = [rows.path_key(path) for path in present]
        codes = {self.owner.get(key) for key in keys}
        known = codes - {None}
        if len(known) == 1:  # where ``unread`` expects the folder's stored raw hashes
            rows.folder_codes[folder.path] = str(next(iter(known)))
        if len(codes) != 1:
            return None
        code = codes.pop()
        if code is None or code not in self.files:
            return None
        run_id, files = self.files[code]
        stored = {rows.path_key(file["path"]): file for file in files}
        if set(stored) != set(keys):
            return None
        pairs = list(zip(keys, present, strict=True))
        # (a file of another size is another file: no need to hash it, nor the others)
        if any(rows.resized(path, stored[key][FILE_BYTES]) for key, path in pairs):
            return None
        if any(str(stored[key]["sha256"]) != rows.digest(path) for key, path in pairs):
            return None
        names = sorted(self.cross.get(code, set()))
        rows.named.update((target, kind) for target, kind, _key in names)
        return UnchangedFolder(
            code=code,
            folder=folder.path,
            run_id=run_id,
            files=[dict(file) for file in files],
            names=names,
        )


def unchanged_folders(url: str, store: InventoryStore | None = None) -> RowsCheck | None:
    """The check of folders unchanged since their last import into the database at
    ``url`` (when there is no database yet, every folder is read); its ``rows``
    recognises the unchanged rows of the other folders' files (``inventory.store.rawrows``).
    ``store``: that database already open, read through it (and left open)."""
    if store is None and not database_exists(url):
        # Nothing stored: every folder and row is read; the rows' raw hashes are recorded.
        return RowsCheck(None, RawRows(None))
    runs = _StoredRuns(url, store)
    runs.rows.folders = runs.check
    return RowsCheck(runs.check, runs.rows)
