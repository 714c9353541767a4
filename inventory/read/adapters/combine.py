"""Records of one kind from the exports of several tools in one folder, as one table.

A municipality may export its clients from Intune and from Configuration Manager (or two
Intune exports of two tenants): each export is read by its own adapter or profile, and
the tables are joined into one ``JoinedTable`` whose rows keep their own file, sheet,
line and tool (``provenance``), so that every issue points at its export and every stored
record carries its source tool.

The same record key in two exports is one record when the two rows say the same (the
later row is left out, counted in an info note); when they differ it is an
``inconsistent-values`` error naming both places and the fields that differ, and the
later row is left out (so it is not also reported as a duplicate key).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from inventory.issues import Issue, IssueCode, IssueParam, Severity, template_key
from inventory.messages import Message
from inventory.models.registry import field_specs, model_for
from inventory.read.kinds import recogniser_named
from inventory.read.source import LineNumbers, SourcePart, SourceTable

if TYPE_CHECKING:
    from inventory.read.discover import InventoryFolder

#: Keys listed in the note on rows two exports give alike (the rest are counted).
KEYS_LISTED = 10


def read_export(folder: InventoryFolder, kind: str) -> tuple[SourceTable | None, list[Issue]]:
    """The records of ``kind`` that the folder's exports hold: those of the adapter
    discovery chose for it (several files or sheets of one export read together by an
    adapter that reads them so, else one by one) and those of other tools' exports of the
    same kind (``InventoryFolder.other_tools``), joined (see the module docstring)."""
    groups: dict[str, list[tuple[Path, str | None]]] = {}
    first = folder.adapters[kind]
    groups[first] = [
        (folder.files[kind], folder.sheets.get(kind)),
        *folder.more_sources.get(kind, []),
    ]
    for path, sheet, adapter in folder.other_tools.get(kind, []):
        groups.setdefault(adapter, []).append((path, sheet))
    tables: list[SourceTable] = []
    issues: list[Issue] = []
    for adapter, sources in groups.items():
        recogniser = recogniser_named(adapter)
        read_sources = getattr(recogniser, "read_sources", None)
        if read_sources is not None:  # an export whose kinds span files and sheets
            read = [read_sources(sources, kind, folder.name)]
        else:
            read = [recogniser.read(path, sheet, kind, folder.name) for path, sheet in sources]
        for table, found in read:
            issues.extend(found)
            if table is not None:
                tables.append(table)
    if not tables:
        return None, issues
    if len(tables) == 1:
        return tables[0], issues
    joined, join_issues = join_tables(tables, kind, folder.name)
    return joined, [*issues, *join_issues]


@dataclass
class JoinedTable(SourceTable):
    """Tables of one kind from several exports, their rows one after the other; each
    row keeps its table (``row_table``) and its row there (``row_in_table``)."""

    tables: list[SourceTable] = field(default_factory=list)
    row_table: np.ndarray[Any, Any] = field(default_factory=lambda: np.zeros(0, np.int64))
    row_in_table: np.ndarray[Any, Any] = field(default_factory=lambda: np.zeros(0, np.int64))

    def provenance(self) -> tuple[list[SourcePart], np.ndarray[Any, Any] | None]:
        parts: list[SourcePart] = []
        part_of_row = np.zeros(len(self.row_table), dtype=np.int64)
        for position, table in enumerate(self.tables):
            own, own_rows = table.provenance()
            mine = self.row_table == position
            rows = self.row_in_table[mine]
            part_of_row[mine] = len(parts) + (0 if own_rows is None else own_rows[rows])
            parts.extend(own)
        return parts, part_of_row

    def locate(self, issue: Issue) -> Issue:
        """``issue`` at its place in the export its row comes from."""
        if issue.file != self.display_name:
            return issue
        if issue.row is None or not 1 <= issue.row <= len(self.row_table):
            return issue
        table = self.tables[int(self.row_table[issue.row - 1])]
        row = int(self.row_in_table[issue.row - 1]) + 1
        moved = issue.model_copy(
            update={"file": table.display_name, "row": row, "sheet": issue.sheet or table.sheet}
        )
        locate = getattr(table, "locate", None)
        return moved if locate is None else locate(moved)

    def export_columns(self) -> dict[str, str]:
        """Each export column read and its field, over the joined exports."""
        columns: dict[str, str] = {}
        for table in self.tables:
            own = getattr(table, "export_columns", None)
            columns.update(own() if own is not None else {name: name for name in table.header})
        return columns


def _place(table: SourceTable, line: int) -> Message:
    """``file line 7 (tool)`` as a sentence part."""
    where = table.display_name if table.sheet is None else f"{table.display_name}[{table.sheet}]"
    return Message(
        "issue.part.export_line", {"file": where, "line": str(line), "tool": str(table.source_tool)}
    )


def join_tables(
    tables: Sequence[SourceTable], kind: str, municipality: str
) -> tuple[JoinedTable, list[Issue]]:
    """Tables whose headers are field names of ``kind`` (adapters' and profiles'), as one
    table; a key two tables hold once, with a note, or an error when the rows differ."""
    names = [
        spec.name
        for spec in field_specs(kind)
        if any(spec.name in table.header for table in tables)
    ]
    key = model_for(kind).key_field
    columns: dict[str, list[pd.Series]] = {name: [] for name in names}
    for table in tables:
        positions = {name: index for index, name in enumerate(table.header)}
        for name in names:
            column = table.cells.get(str(positions[name])) if name in positions else None
            columns[name].append(
                pd.Series("", index=range(len(table.cells)), dtype="str")
                if column is None
                else column.astype("str").reset_index(drop=True)
            )
    frame = pd.DataFrame(
        {name: pd.concat(parts, ignore_index=True) for name, parts in columns.items()}
    )
    row_table = np.concatenate([np.full(len(t.cells), i, np.int64) for i, t in enumerate(tables)])
    row_in_table = np.concatenate([np.arange(len(t.cells), dtype=np.int64) for t in tables])
    lines = np.concatenate([t.line_numbers() for t in tables])
    keep = np.ones(len(frame), dtype=bool)
    issues: list[Issue] = []
    if key in frame:
        keep, issues = _same_keys(frame, key, tables, row_table, lines, municipality, kind)
    first = tables[0]
    kept = frame[keep].reset_index(drop=True)
    return JoinedTable(
        path=first.path,
        kind=kind,
        municipality=municipality,
        format=first.format,
        sha256=first.sha256,
        encoding=first.encoding,
        delimiter=first.delimiter,
        header=names,
        header_line=first.header_line,
        cells=pd.DataFrame({str(i): kept[name] for i, name in enumerate(names)}),
        lines=LineNumbers(lines[keep]),
        sheet=first.sheet,
        extra={"source_tool": "+".join(dict.fromkeys(t.source_tool for t in tables))},
        tables=list(tables),
        row_table=row_table[keep],
        row_in_table=row_in_table[keep],
    ), issues


def _same_keys(
    frame: pd.DataFrame,
    key: str,
    tables: Sequence[SourceTable],
    row_table: np.ndarray[Any, Any],
    lines: np.ndarray[Any, Any],
    municipality: str,
    kind: str,
) -> tuple[np.ndarray[Any, Any], list[Issue]]:
    """Rows whose key an earlier row of another table holds: left out; an error when
    their fields differ. Keys repeated within one table are left to validation."""
    keys = frame[key].str.strip()
    filled = keys != ""
    first_table = pd.Series(row_table).groupby(keys.to_numpy()).transform("min").to_numpy()
    later = filled.to_numpy() & (row_table != first_table)
    keep = ~later
    issues: list[Issue] = []
    alike: list[str] = []
    if not later.any():
        return keep, issues
    earliest = {value: index for index, value in reversed(list(enumerate(keys.tolist()))) if value}
    texts = frame.apply(lambda column: column.str.strip())
    for index in np.flatnonzero(later):
        value = keys.iloc[index]
        other = earliest[value]
        differ = [
            name
            for name in frame.columns
            if texts.iloc[index][name]
            and texts.iloc[other][name]
            and texts.iloc[index][name] != texts.iloc[other][name]
        ]
        here = tables[int(row_table[index])]
        there = tables[int(row_table[other])]
        if not differ:
            alike.append(value)
            continue
        shown = "; ".join(
            f"{name} {texts.iloc[other][name]!r} / {texts.iloc[index][name]!r}" for name in differ
        )
        issues.append(
            Issue(
                code=IssueCode.INCONSISTENT_VALUES,
                file=here.display_name,
                sheet=here.sheet,
                line=int(lines[index]),
                column=differ[0],
                value=value,
                municipality=municipality,
                record_kind=kind,
                template=template_key(IssueCode.INCONSISTENT_VALUES, "two_exports"),
                params={
                    "value": repr(value),
                    "first": _place(there, int(lines[other])),
                    "second": _place(here, int(lines[index])),
                    "differences": shown,
                },
            )
        )
    if alike:
        listed: IssueParam = ", ".join(alike[:KEYS_LISTED])
        if len(alike) > KEYS_LISTED:
            listed = Message(
                "issue.part.and_more", {"listed": listed, "more": len(alike) - KEYS_LISTED}
            )
        issues.append(
            Issue(
                code=IssueCode.SKIPPED_PATH,
                severity=Severity.INFO,
                file=tables[0].display_name,
                municipality=municipality,
                record_kind=kind,
                value=str(len(alike)),
                template=template_key(IssueCode.SKIPPED_PATH, "same_records"),
                params={"count": len(alike), "kind": kind, "keys": listed},
            )
        )
    return keep, issues
