"""What a reader hands on: one file's cells as text, with their physical places."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, overload

import numpy as np
import pandas as pd
import pyarrow as pa

#: The source tool of a file in the tool's own layout (a record kind's file).
NATIVE = "native"

#: Whether a row is the header row an export's reader looks for (an adapter's or a
#: profile's header signature): rows above the first it accepts are a title.
HeaderTest = Callable[[Sequence[str]], bool]
#: The header positions of the columns to keep, given the header row (a reader may then
#: leave the others out of ``SourceTable.cells``: columns a profile does not read).
ColumnChoice = Callable[[Sequence[str]], Collection[int]]


class LineNumbers(Sequence[int]):
    """Line numbers held as an int64 array, read as a sequence of ``int`` (equal to the
    list of the same numbers): a million rows need no million Python ints unless asked."""

    __slots__ = ("array",)

    def __init__(self, array: np.ndarray[Any, Any]) -> None:
        self.array = array

    def __len__(self) -> int:
        return len(self.array)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return list(self.array[index].tolist())
        return int(self.array[index])

    def __iter__(self) -> Iterator[int]:
        return iter(self.array.tolist())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineNumbers):
            return bool(np.array_equal(self.array, other.array))
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return len(other) == len(self) and self.array.tolist() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list

    def __repr__(self) -> str:
        return repr(self.array.tolist())


@dataclass(frozen=True)
class SourcePart:
    """One file (or sheet) a table's rows come from, and the tool that wrote it: what is
    stored as a record's provenance (``import_file``: tool, path, sheet, format)."""

    tool: str
    path: Path
    sheet: str | None
    sha256: str
    format: str
    encoding: str | None = None
    delimiter: str | None = None


@dataclass
class SourceTable:
    """One inventory file as read: header cells and data cells as text, nothing parsed.

    ``cells`` has one column per header position (named ``"0"``, ``"1"``, ...) holding
    the raw cell text; an empty cell is ``""`` (only an empty cell is missing). ``lines``
    holds, per data row, the physical 1-based line where the row starts in the file (for
    XLSX: the sheet row number). Blank rows (all cells empty, Excel's trailing ``;;;;``)
    are already removed and counted in ``blank_rows_skipped``.
    """

    path: Path
    kind: str
    municipality: str  # folder name; the municipality code comes from municipality.csv
    format: str  # "csv" or "xlsx"
    sha256: str
    encoding: str | None
    delimiter: str | None
    header: list[str]
    header_line: int
    # (The CSV reader passes a ``pyarrow.Table``: converted when ``cells`` is first read.)
    cells: pd.DataFrame
    lines: Sequence[int]  # a list, or ``LineNumbers`` from the CSV reader
    blank_rows_skipped: int = 0
    sheet: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def source_tool(self) -> str:
        """The tool that wrote the file: an adapter's or profile's name, else ``native``."""
        return self.extra.get("source_tool") or NATIVE

    def provenance(self) -> tuple[list[SourcePart], np.ndarray[Any, Any] | None]:
        """The files (or sheets) the rows come from, and the index of each row's part
        (None: every row is of the one part). A table read from one file is one part;
        an adapter's or a joined table may hold several."""
        return [
            SourcePart(
                self.source_tool,
                self.path,
                self.sheet,
                self.sha256,
                self.format,
                self.encoding,
                self.delimiter,
            )
        ], None

    def line_numbers(self) -> np.ndarray[Any, Any]:
        """``lines`` as an int64 array."""
        if isinstance(self.lines, LineNumbers):
            return self.lines.array
        return np.asarray(self.lines, dtype=np.int64)

    @property
    def display_name(self) -> str:
        return str(self.path)

    @property
    def row_count(self) -> int:
        """``len(cells)`` (without converting Arrow cells)."""
        arrow = self.__dict__.get("_arrow")
        return len(self.cells) if arrow is None else int(arrow.num_rows)

    def has_column(self, position: int) -> bool:
        """Whether ``cells`` holds the column of header position ``position``."""
        arrow = self.__dict__.get("_arrow")
        name = str(position)
        return name in self.cells.columns if arrow is None else name in arrow.column_names

    def text_column(self, position: int) -> pd.Series | pa.ChunkedArray:
        """The cells of header position ``position``: ``cells[str(position)]``, or the
        same texts as an Arrow column while the cells are not converted."""
        arrow = self.__dict__.get("_arrow")
        if arrow is None:
            return self.cells[str(position)]
        return arrow.column(str(position))

    def rows_at(self, positions: np.ndarray[Any, Any]) -> SourceTable:
        """A table of only the rows ``positions`` (0-based, in that order), their lines
        kept; Arrow cells stay Arrow."""
        arrow = self.__dict__.get("_arrow")
        cells: Any = (
            arrow.take(pa.array(positions, type=pa.int64()))
            if arrow is not None
            else self.cells.iloc[positions].reset_index(drop=True)
        )
        return replace(self, cells=cells, lines=LineNumbers(self.line_numbers()[positions]))

    def cell(self, position: int, row: int) -> str:
        """The text of one cell (``cells[str(position)].iat[row]``, as ``str``)."""
        column = self.text_column(position)
        if isinstance(column, pa.ChunkedArray):
            return str(column[row].as_py())
        return str(column.iat[row])


class DigestLater:
    """The SHA-256 of a file's bytes as read, computed when first asked: validation
    needs none (an import records it), so a reader may hand this to ``SourceTable``'s
    ``sha256`` instead of the digest (the bytes are kept until then)."""

    __slots__ = ("raw",)

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def __call__(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


def _sha256(table: SourceTable) -> str:
    found = table.__dict__
    digest = found["_sha256"]
    if isinstance(digest, DigestLater):
        digest = found["_sha256"] = digest()  # (the bytes are let go)
    return str(digest)


def _set_sha256(table: SourceTable, digest: str | DigestLater) -> None:
    table.__dict__["_sha256"] = digest


def _cells(table: SourceTable) -> pd.DataFrame:
    found = table.__dict__
    if found.get("_arrow") is not None:
        # Converted once; from then on the DataFrame is the cells (it may be changed).
        found["_cells"] = found.pop("_arrow").to_pandas()
    cells: pd.DataFrame = found["_cells"]
    return cells


def _set_cells(table: SourceTable, cells: pd.DataFrame | pa.Table) -> None:
    if isinstance(cells, pa.Table):
        table.__dict__["_arrow"] = cells
        table.__dict__["_cells"] = None
    else:
        table.__dict__.pop("_arrow", None)
        table.__dict__["_cells"] = cells


# ``cells`` stays a dataclass field (constructor, equality, ``replace``), read through
# ``_cells``: Arrow cells given to the constructor (the CSV reader's) are converted to a
# DataFrame when first read; ``text_column`` and ``cell`` read them as they are.
setattr(SourceTable, "cells", property(_cells, _set_cells))  # noqa: B010
# ``sha256`` too, read through ``_sha256``: a ``DigestLater`` given to the constructor (the
# CSV reader's) is computed when first read.
setattr(SourceTable, "sha256", property(_sha256, _set_sha256))  # noqa: B010


@dataclass(frozen=True)
class TableRequest:
    """One inventory file to read (``read.tables.read_tables``): its path, record kind,
    folder (municipality) name and, for a workbook, the sheet."""

    path: Path
    kind: str
    municipality: str
    sheet: str | None = None
