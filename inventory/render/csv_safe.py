"""CSV exports that spreadsheet programs cannot turn into formulas.

Rule (docs/reliability.md, "Output"; OWASP "CSV injection"): a *text* cell that starts with
``=``, ``+``, ``-``, ``@``, a tab, a carriage return or NUL is written with a leading
apostrophe ``'``. Excel and LibreOffice then show the text instead of evaluating it, and
the apostrophe makes the change visible to whoever reads the file. Numbers and dates are
written as they are (a negative *number* such as ``-5`` is not text and is not touched;
the text ``"-5"`` in a text column is). Readers of our own CSV who need the original
text remove one leading apostrophe when the next character is one of those above:
:func:`restore_text` does exactly that.

>>> neutralise_text("=HYPERLINK(\\"http://evil\\")")
'\\'=HYPERLINK("http://evil")'
>>> restore_text(neutralise_text("@SUM(A1)"))
'@SUM(A1)'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TextIO

import pandas as pd

# the text rule itself is in ``echo`` (the analyses read back files written here)
from inventory.echo import FORMULA_TRIGGERS, NEUTRALISING_PREFIX, neutralise_text, restore_text
from inventory.render.document import CellValue, Table

__all__ = [
    "FORMULA_TRIGGERS",
    "NEUTRALISING_PREFIX",
    "neutralise_frame",
    "neutralise_text",
    "restore_text",
    "table_csv",
    "write_frame_csv",
    "write_rows_csv",
]

_TRIGGER_PATTERN: Final = r"^[=+\-@\t\r\x00]"


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text columns are neutralised, column-wise (no row loop).

    Numeric, boolean and date columns are left as they are.
    """
    result = frame.copy()
    for name in result.columns:
        column = result[name]
        if not (pd.api.types.is_string_dtype(column) or column.dtype == object):
            continue
        try:
            # Non-text cells of an object column give NA, hence not matched.
            needs_prefix = column.str.match(_TRIGGER_PATTERN, na=False).astype(bool)
        except AttributeError:  # an object column without any text
            continue
        if bool(needs_prefix.any()):
            result.loc[needs_prefix, name] = NEUTRALISING_PREFIX + column[needs_prefix]
    return result


def write_frame_csv(frame: pd.DataFrame, destination: Path | TextIO, **options: object) -> None:
    """Write ``frame`` as UTF-8 CSV with text cells neutralised (pandas ``to_csv`` options)."""
    neutralise_frame(frame).to_csv(destination, index=False, **options)  # type: ignore[call-overload]


def _csv_cell(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise_text(value)


def table_csv(table: Table, *, delimiter: str = ",") -> str:
    """One document table as CSV text: header of column labels, then typed cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise_text(column.label) for column in table.columns])
    writer.writerows([_csv_cell(value) for value in row] for row in table.rows)
    return buffer.getvalue()


def write_rows_csv(header: Sequence[str], rows: Sequence[Sequence[CellValue]], path: Path) -> Path:
    """Write rows of plain cell values to ``path`` (UTF-8 with BOM, which Excel needs)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([neutralise_text(text) for text in header])
        writer.writerows([_csv_cell(value) for value in row] for row in rows)
    return path
