"""What a reader hands on: one file's cells as text, with their physical places."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


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
    cells: pd.DataFrame
    lines: list[int]
    blank_rows_skipped: int = 0
    sheet: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    #: ``lines`` as the reader numbered them (an array), when it did: validation takes
    #: them from here rather than converting a million-entry list back.
    line_array: np.ndarray[Any, Any] | None = field(default=None, init=False, repr=False,
                                                     compare=False)

    def line_numbers(self) -> np.ndarray[Any, Any]:
        """``lines`` as an int64 array."""
        if self.line_array is not None and len(self.line_array) == len(self.lines):
            return self.line_array
        return np.asarray(self.lines, dtype=np.int64)

    @property
    def display_name(self) -> str:
        return str(self.path)
