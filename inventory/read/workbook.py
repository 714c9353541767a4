"""Read an XLSX inventory sheet into a ``SourceTable``: cell values as the user sees them."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pandas as pd

from inventory.issues import Issue, IssueCode, Severity
from inventory.models.registry import kind_for_file_stem
from inventory.read.encoding import MAX_ISSUES_PER_KIND, ZIP_MAGIC, is_blank_bytes
from inventory.read.source import SourceTable


def cell_text(value: Any) -> str:
    """A cell value as text the way Excel shows it: ``3`` not ``3.0``, dates as ISO.

    >>> cell_text(3.0), cell_text(dt.datetime(2024, 5, 3)), cell_text(True)
    ('3', '2024-05-03', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _pick_sheet(workbook: Any, kind: str) -> Any:
    for sheet in workbook.worksheets:
        if kind_for_file_stem(sheet.title) == kind:
            return sheet
    return workbook.worksheets[0]


def _unreadable(file: str, detail: str, hint: str) -> Issue:
    return Issue(code=IssueCode.UNREADABLE_WORKBOOK, file=file,
                 message=f"The workbook cannot be read: {detail}", hint=hint)


def read_xlsx_table(path: Path, kind: str, municipality: str, *,
                    max_field_chars: int = 100_000) -> tuple[SourceTable | None, list[Issue]]:
    """Read the sheet of one workbook (the sheet named after the kind, else the first)."""
    import openpyxl  # imported here: reading CSV does not need it

    file = str(path)
    raw = path.read_bytes()
    if is_blank_bytes(raw):
        return None, [Issue(code=IssueCode.EMPTY_FILE, file=file, message="The file is empty.",
                            hint="Save the workbook again from Excel, or remove the file.")]
    if not raw.startswith(ZIP_MAGIC):
        return None, [_unreadable(file, "it is not an .xlsx file (no zip container).",
                                  "If it is CSV text, rename it to .csv; if it is an old .xls,"
                                  " save it as .xlsx.")]
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        return None, [_unreadable(file, f"{type(error).__name__}: {error}"[:300],
                                  "Open it in Excel and save it again as .xlsx.")]
    try:
        sheet = _pick_sheet(workbook, kind)
        sheet.reset_dimensions()  # some writers store a wrong sheet size
        header: list[str] | None = None
        header_line = 0
        rows: list[list[str]] = []
        lines: list[int] = []
        issues: list[Issue] = []
        blank = 0
        extra_rows = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [cell_text(value) for value in values]
            if all(not text.strip() for text in texts):
                if header is not None:
                    blank += 1
                continue
            if header is None:
                while texts and not texts[-1].strip():
                    texts.pop()
                header, header_line = texts, number
                continue
            width = len(header)
            if len(texts) > width and any(text.strip() for text in texts[width:]):
                extra_rows += 1
                if extra_rows <= MAX_ISSUES_PER_KIND:
                    issues.append(Issue(
                        code=IssueCode.EXTRA_CELLS, file=file, line=number, row=len(rows) + 1,
                        message=f"This row has values beyond the header's {width} columns.",
                        hint="Give the extra column a header, or clear those cells."))
            rows.append(texts[:width] + [""] * (width - len(texts)))
            lines.append(number)
    except Exception as error:  # damaged sheet XML surfaces only while iterating
        return None, [_unreadable(file, f"{type(error).__name__}: {error}"[:300],
                                  "Open it in Excel and save it again as .xlsx.")]
    finally:
        workbook.close()
    if header is None:
        return None, [Issue(code=IssueCode.EMPTY_FILE, file=file,
                            message=f"The sheet {sheet.title!r} is empty.",
                            hint="Fill in the header row and one row per record.")]
    columns = [str(i) for i in range(len(header))]
    cells = pd.DataFrame(rows, columns=columns, dtype="str") if rows else pd.DataFrame(
        {c: pd.Series([], dtype="str") for c in columns})
    for position, name in enumerate(columns):
        lengths = cells[name].str.len()
        for index in [i for i, n in enumerate(lengths) if n > max_field_chars][:10]:
            issues.append(Issue(
                code=IssueCode.FIELD_TOO_LARGE, file=file, line=lines[index], row=index + 1,
                column=header[position], column_index=position + 1,
                message=f"This cell holds {int(lengths.iloc[index]):,} characters; the limit"
                        f" is {max_field_chars:,}.", hint="Shorten the value."))
    if blank:
        issues.append(Issue(code=IssueCode.BLANK_ROWS_SKIPPED, severity=Severity.INFO,
                            file=file, message=f"{blank} blank rows were skipped.",
                            value=str(blank)))
    if not rows:
        issues.append(Issue(code=IssueCode.HEADER_ONLY, severity=Severity.WARNING, file=file,
                            line=header_line, message="The sheet has a header but no data rows.",
                            hint="Add one row per record, or remove the file."))
    source = SourceTable(
        path=path, kind=kind, municipality=municipality, format="xlsx",
        sha256=hashlib.sha256(raw).hexdigest(), encoding=None, delimiter=None, header=header,
        header_line=header_line, cells=cells, lines=lines, blank_rows_skipped=blank,
        sheet=sheet.title)
    return source, [issue.model_copy(update={"municipality": municipality, "record_kind": kind})
                    for issue in issues]
