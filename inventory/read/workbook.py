"""Read an XLSX inventory sheet into a ``SourceTable``: cell values as the user sees them.

A workbook is a zip of XML parts, so a small file can unpack to gigabytes (a zip bomb).
Before any part is parsed, the sizes the zip declares are checked: in all at most
``MAX_WORKBOOK_BYTES``, and no part compressed more than ``MAX_COMPRESSION_RATIO`` times
(real sheets compress 5 to 25 times, bombs a thousand). Python's zipfile never inflates a
part past its declared size; still, while the shared strings and the sheet stream, the
bytes inflated are counted again, and the sheet's rows, the cells of a row and the XML
between two rows are bounded too. The first bound passed stops the read
(``workbook-too-large``), so a hostile workbook costs a bounded amount of work.

The sheet is streamed by openpyxl's own sheet parser, driven here rather than through a
read-only worksheet (which parses a whole sheet without a ``<dimension>`` just to size it).
A formula cell is read through the result the spreadsheet stored with it. A formula
without a stored result (as openpyxl and scripts write them) has no value the tool can
know: an error at its cell (``formula-without-value``), never an empty value that would
overwrite a stored one. A stored result is used, with a warning (``formula-value``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from inventory.issues import Issue, IssueCode, IssueParam, Severity, empty_file_issue, template_key
from inventory.messages import Message
from inventory.models.registry import kind_for_file_stem
from inventory.output_files import os_reason
from inventory.read.encoding import MAX_ISSUES_PER_KIND, ZIP_MAGIC, is_blank_bytes
from inventory.read.kinds import HEADER_SEARCH_ROWS, HeaderScore, score_row
from inventory.read.limits import (
    MAX_COLUMNS,
    MAX_COMPRESSION_RATIO,
    MAX_HEADER_CELL_CHARS,
    MAX_ROW_BYTES,
    MAX_ROW_CELLS,
    MAX_SHEET_ROWS,
    MAX_WORKBOOK_BYTES,
    excerpt,
    size_text,
)
from inventory.read.source import HeaderTest, SourceTable


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


def column_letter(column: int) -> str:
    """Excel's name of a 1-based column: ``A``, ``Z``, ``AA``, ``XFD``.

    >>> column_letter(1), column_letter(27), column_letter(16384)
    ('A', 'AA', 'XFD')
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@functools.cache
def _sheet_parser() -> Any:
    """openpyxl's streaming sheet parser (the one its read-only sheets use), reading stored
    results (``data_only``), which also marks formula cells (their ``formula`` entry says
    whether a result is stored), marks each row's end on the part it reads, and refuses a
    row of more cells than Excel allows. Built on first use: CSV does not need openpyxl."""
    from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser

    class SheetParser(WorkSheetParser):  # type: ignore[misc]  # openpyxl is untyped
        source: BoundedPart

        def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
            if len(row) > MAX_ROW_CELLS:  # before a dict per cell is built
                raise WorkbookRejected(
                    _too_large(
                        self.source.file, "row_cells", {"cells": len(row), "limit": MAX_ROW_CELLS}
                    )
                )
            parsed: tuple[int, list[dict[str, Any]]] = super().parse_row(row)
            self.source.row_ended()
            return parsed

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if element.find(FORMULA_TAG) is not None:
                # openpyxl writes an empty <v/> for "no result"; an empty text result is
                # typed as a string (t="str"), as Excel and LibreOffice write it.
                result = element.find(VALUE_TAG)
                cell["formula"] = result is not None and (
                    bool(result.text) or element.get("t") == "str"
                )
            return cell

    return SheetParser


class WorkbookRejected(Exception):
    """A workbook rejected while it is read: past a bound, or without a sheet (the issue)."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


class BoundedPart:
    """A part of the zip, read through a count of the bytes inflated: reading past
    ``limit`` raises ``WorkbookRejected`` (the declared sizes are not trusted alone), as
    does reading more than ``row_limit`` bytes since the last ``row_ended``: the XML
    parser holds a whole row in memory until it ends."""

    def __init__(
        self, stream: IO[bytes], limit: int, file: str, row_limit: int | None = None
    ) -> None:
        self._stream = stream
        self._limit = limit
        self._row_limit = row_limit
        self._row_start = 0
        self.file = file
        self.inflated = 0

    def row_ended(self) -> None:
        self._row_start = self.inflated

    def read(self, size: int = -1) -> bytes:
        room = self._limit + 1 - self.inflated  # one byte past the limit shows it is passed
        data = self._stream.read(room if size < 0 else min(size, room))
        self.inflated += len(data)
        if self.inflated > self._limit:
            raise WorkbookRejected(
                _too_large(self.file, "unpacks_past", {"limit": size_text(self._limit)})
            )
        if self._row_limit is not None and self.inflated - self._row_start > self._row_limit:
            raise WorkbookRejected(
                _too_large(self.file, "row_xml", {"limit": size_text(self._row_limit)})
            )
        return data


def _too_large(
    file: str, situation: str, params: dict[str, IssueParam], line: int | None = None
) -> Issue:
    return Issue(
        code=IssueCode.WORKBOOK_TOO_LARGE,
        file=file,
        line=line,
        template=template_key(IssueCode.WORKBOOK_TOO_LARGE, situation),
        params={**params, "max_rows": MAX_SHEET_ROWS, "max_size": size_text(MAX_WORKBOOK_BYTES)},
    )


def _pick_sheet(
    sheets: list[tuple[str, str]], kind: str, file: str, wanted: str | None = None
) -> tuple[str, str]:
    """The (title, part) of the sheet ``wanted`` (as discovery chose it), else of the sheet
    named after ``kind``, else of the first sheet."""
    if wanted is not None:
        for title, part in sheets:
            if title == wanted:
                return title, part
        raise WorkbookRejected(_unreadable(file, "no_sheet", {"sheet": repr(excerpt(wanted))}))
    for title, part in sheets:
        if kind_for_file_stem(title) == kind:
            return title, part
    return sheets[0]


def _unreadable(file: str, situation: str, params: dict[str, IssueParam] | None = None) -> Issue:
    return Issue(
        code=IssueCode.UNREADABLE_WORKBOOK,
        file=file,
        template=template_key(IssueCode.UNREADABLE_WORKBOOK, situation),
        params=params or {},
    )


def _damaged(file: str, error: Exception) -> Issue:
    """A workbook openpyxl or the zip reader cannot read: a damaged zip container or a
    system error in the reader's language, else what the reader says (quoted, bounded)."""
    detail: IssueParam
    if isinstance(error, OSError):
        detail = os_reason(error)
    elif isinstance(error, zipfile.BadZipFile):
        detail = Message("error.workbook.bad_zip", {"detail": str(error)[:300]})
    else:
        detail = Message(
            "error.workbook.reader_said", {"detail": f"{type(error).__name__}: {error}"[:300]}
        )
    return _unreadable(file, "damaged", {"detail": detail})


def _declared_size_issue(raw: bytes, file: str, limit: int) -> Issue | None:
    """``workbook-too-large`` when the parts' declared sizes pass ``limit`` or a part is
    compressed past ``MAX_COMPRESSION_RATIO``: checked before anything is unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        return _damaged(file, error)
    declared = sum(part.file_size for part in parts)
    if declared > limit:
        return _too_large(
            file, "declared", {"size": size_text(declared), "limit": size_text(limit)}
        )
    for part in parts:
        if part.file_size > 1 << 20 and (
            part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1)
        ):
            ratio = part.file_size // max(part.compress_size, 1)
            return _too_large(
                file,
                "compression",
                {
                    "part": excerpt(part.filename),
                    "ratio": ratio,
                    "size": size_text(part.file_size),
                    "limit": MAX_COMPRESSION_RATIO,
                },
            )
    return None


def _open_package(raw: bytes, file: str, max_bytes: int) -> Any:
    """openpyxl's reader of the package with its manifest, shared strings (streamed through
    a count), workbook part and styles read; no worksheet is opened yet."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.reader.strings import read_string_table
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import SHARED_STRINGS

    reader = ExcelReader(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        strings = reader.package.find(SHARED_STRINGS)
        if strings is not None:
            with reader.archive.open(strings.PartName[1:]) as stream:
                reader.shared_strings = read_string_table(BoundedPart(stream, max_bytes, file))
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
    except BaseException:
        reader.archive.close()
        raise
    return reader


@dataclass
class _Sheet:
    """What was read of a sheet: header, data rows with their sheet row numbers, issues."""

    file: str
    title: str
    header: list[str] | None = None
    header_line: int = 0
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    blank: int = 0
    issues: list[Issue] = field(default_factory=list)
    unlisted: Counter[IssueCode] = field(default_factory=Counter)
    listed: Counter[IssueCode] = field(default_factory=Counter)

    def add(self, issue: Issue) -> None:
        """Keep the first ``MAX_ISSUES_PER_KIND`` issues of a code; count the rest."""
        if self.listed[issue.code] < MAX_ISSUES_PER_KIND:
            self.listed[issue.code] += 1
            self.issues.append(issue)
        else:
            self.unlisted[issue.code] += 1

    def cell_issue(
        self,
        code: IssueCode,
        line: int,
        column: int,
        params: dict[str, IssueParam],
        situation: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        """An issue at a cell: its sheet row, data row and header (when in the table)."""
        header = self.header if self.header is not None and self.header_line < line else None
        in_table = header is not None and column <= len(header)
        self.add(
            Issue(
                code=code,
                severity=severity,
                file=self.file,
                line=line,
                row=len(self.rows) + 1 if header is not None else None,
                column=header[column - 1] if header is not None and in_table else None,
                column_index=column,
                template=template_key(code, situation),
                params=params,
            )
        )

    def summaries(self) -> list[Issue]:
        return [
            Issue(
                code=code,
                severity=Severity.WARNING if code is IssueCode.FORMULA_VALUE else Severity.ERROR,
                file=self.file,
                template=template_key(
                    code, "beyond_header_more" if code is IssueCode.EXTRA_CELLS else "more"
                ),
                params={"count": count},
            )
            for code, count in self.unlisted.items()
        ]


def _formula_issues(sheet: _Sheet, line: int, cell: dict[str, Any], width: int | None) -> None:
    """Issues of a formula cell (``stored`` says whether a result was stored)."""
    column = cell["column"]
    ref: dict[str, IssueParam] = {
        "cell": f"{column_letter(column)}{line}",
        "sheet": repr(sheet.title),
    }
    if not cell["formula"]:
        sheet.cell_issue(IssueCode.FORMULA_WITHOUT_VALUE, line, column, ref)
    elif cell["data_type"] == "e":
        sheet.cell_issue(
            IssueCode.FORMULA_WITHOUT_VALUE,
            line,
            column,
            {**ref, "error": excerpt(cell_text(cell["value"]))},
            "error",
        )
    elif width is None or column <= width:
        sheet.cell_issue(
            IssueCode.FORMULA_VALUE,
            line,
            column,
            {**ref, "value": repr(excerpt(cell_text(cell["value"])))},
            severity=Severity.WARNING,
        )


def _read_rows(
    sheet: _Sheet, parsed: Any, max_rows: int, kind: str, is_header: HeaderTest | None = None
) -> None:
    """Fill ``sheet`` from openpyxl's parsed rows: (sheet row number, cells present). The
    header is the first filled row, unless a later one of the first ``HEADER_SEARCH_ROWS``
    is clearly the kind's header (``_HeaderSearch``): rows above it are a title."""
    previous = 0
    count = 0
    search = _HeaderSearch(kind, is_header)
    for line, cells in parsed:
        count += 1
        if line > max_rows or count > max_rows:
            raise WorkbookRejected(
                _too_large(
                    sheet.file, "rows", {"limit": max_rows, "row": max(line, count)}, line=line
                )
            )
        if sheet.header is not None and line > previous + 1:
            sheet.blank += line - previous - 1  # rows left out of the XML are blank
        previous = line
        width = None if sheet.header is None else len(sheet.header)
        listed = len(sheet.issues)
        texts: dict[int, str] = {}
        for cell in cells:
            if "formula" in cell:
                _formula_issues(sheet, line, cell, width)
            elif cell["data_type"] == "e" and (width is None or cell["column"] <= width):
                sheet.cell_issue(
                    IssueCode.INVALID_VALUE,
                    line,
                    cell["column"],
                    {
                        "cell": f"{column_letter(cell['column'])}{line}",
                        "error": excerpt(cell_text(cell["value"])),
                    },
                    "error_value",
                )
            text = cell_text(cell["value"])
            if text.strip():
                texts[cell["column"]] = text
        if not texts:
            if sheet.header is not None:
                sheet.blank += 1
                # A blank row is no data row: its cells' issues have a line, not a row.
                sheet.issues[listed:] = [
                    issue.model_copy(update={"row": None}) for issue in sheet.issues[listed:]
                ]
            continue
        if sheet.header is None:
            search.offer(sheet, line, texts)
            continue
        _add_row(sheet, line, texts)
    search.finish(sheet)


class _HeaderSearch:
    """The filled rows of a sheet until its header row is chosen (see ``_read_rows``)."""

    def __init__(self, kind: str, is_header: HeaderTest | None = None) -> None:
        self.kind = kind
        self.is_header = is_header  # an export's header signature, instead of the kind's
        self.rows: list[tuple[int, dict[int, str]]] = []
        self.first: HeaderScore | None = None

    def offer(self, sheet: _Sheet, line: int, texts: dict[int, str]) -> None:
        cells = [texts.get(column, "") for column in range(1, min(max(texts), MAX_COLUMNS) + 1)]
        self.rows.append((line, texts))
        if self.is_header is not None:
            if self.is_header(cells):
                self._choose(sheet, len(self.rows) - 1)
            elif len(self.rows) >= HEADER_SEARCH_ROWS:
                self._choose(sheet, 0)
            return
        score = score_row(self.kind, cells)
        if self.first is None:
            self.first = score
            if score.clear:
                self._choose(sheet, 0)
        elif score.clear and score.known > self.first.known:
            self._choose(sheet, len(self.rows) - 1)
        elif len(self.rows) >= HEADER_SEARCH_ROWS:
            self._choose(sheet, 0)

    def finish(self, sheet: _Sheet) -> None:
        if sheet.header is None and self.rows:
            self._choose(sheet, 0)

    def _choose(self, sheet: _Sheet, index: int) -> None:
        line, texts = self.rows[index]
        _set_header(sheet, line, texts)
        if index:
            skipped = [row_line for row_line, _ in self.rows[:index]]
            sheet.add(
                Issue(
                    code=IssueCode.HEADER_ROW,
                    severity=Severity.INFO,
                    file=sheet.file,
                    line=line,
                    value=str(line),
                    template=template_key(
                        IssueCode.HEADER_ROW, "sheet_title" if len(skipped) == 1 else "sheet_titles"
                    ),
                    params={
                        "line": str(line),
                        "sheet": repr(sheet.title),
                        "count": len(skipped),
                        "rows": ", ".join(map(str, skipped)),
                    },
                )
            )
        previous = line
        for row_line, row_texts in self.rows[index + 1 :]:  # read before the header was known
            sheet.blank += row_line - previous - 1
            previous = row_line
            _add_row(sheet, row_line, row_texts)
        self.rows = []


def _set_header(sheet: _Sheet, line: int, texts: dict[int, str]) -> None:
    width = max(texts)
    if width > MAX_COLUMNS:
        raise WorkbookRejected(
            Issue(
                code=IssueCode.TOO_MANY_COLUMNS,
                file=sheet.file,
                line=line,
                value=str(width),
                params={"count": width, "limit": MAX_COLUMNS},
            )
        )
    for column, text in texts.items():
        if len(text) > MAX_HEADER_CELL_CHARS:
            raise WorkbookRejected(
                Issue(
                    code=IssueCode.HEADER_TOO_LARGE,
                    file=sheet.file,
                    line=line,
                    column=excerpt(text),
                    column_index=column,
                    template=template_key(IssueCode.HEADER_TOO_LARGE, "cell"),
                    params={"length": len(text), "limit": MAX_HEADER_CELL_CHARS},
                )
            )
    sheet.header = [texts.get(column, "") for column in range(1, width + 1)]
    sheet.header_line = line


def _add_row(sheet: _Sheet, line: int, texts: dict[int, str]) -> None:
    assert sheet.header is not None
    width = len(sheet.header)
    if max(texts) > width:
        sheet.add(
            Issue(
                code=IssueCode.EXTRA_CELLS,
                file=sheet.file,
                line=line,
                row=len(sheet.rows) + 1,
                template=template_key(IssueCode.EXTRA_CELLS, "beyond_header"),
                params={"width": width},
            )
        )
    sheet.rows.append([texts.get(column, "") for column in range(1, width + 1)])
    sheet.lines.append(line)


def _worksheets(reader: Any, file: str) -> list[tuple[str, str]]:
    """The (title, part) of every worksheet, in the workbook's order (no chart sheets)."""
    sheets = [
        (sheet.name, rel.target)
        for sheet, rel in reader.parser.find_sheets()
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type
    ]
    if not sheets:
        raise WorkbookRejected(_unreadable(file, "no_worksheet"))
    return sheets


def _parse_sheet(reader: Any, part: str, file: str, max_bytes: int) -> Any:
    """A context manager over the part, and openpyxl's parsed rows of it (bounded)."""
    workbook = reader.wb
    stream = reader.archive.open(part)
    parser = _sheet_parser()(
        BoundedPart(stream, max_bytes, file, row_limit=MAX_ROW_BYTES),
        reader.shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )
    return stream, parser.parse()


def _read_sheet(
    reader: Any,
    kind: str,
    file: str,
    max_bytes: int,
    max_rows: int,
    wanted: str | None = None,
    is_header: HeaderTest | None = None,
) -> _Sheet:
    """Stream the sheet ``wanted`` (else the one of ``kind``, else the first) through
    ``_sheet_parser``, bounded."""
    title, part = _pick_sheet(_worksheets(reader, file), kind, file, wanted)
    sheet = _Sheet(file=file, title=title)
    stream, rows = _parse_sheet(reader, part, file, max_bytes)
    with stream:
        _read_rows(sheet, rows, max_rows, kind, is_header)
    return sheet


@dataclass(frozen=True)
class SheetHead:
    """A worksheet's title and its first filled rows (at most ``HEADER_SEARCH_ROWS``), as
    text: what discovery needs to tell its kind."""

    title: str
    rows: tuple[tuple[str, ...], ...]


def sheet_heads(
    path: Path, *, max_workbook_bytes: int = MAX_WORKBOOK_BYTES
) -> list[SheetHead] | Issue:
    """The title and first filled rows of every worksheet of a workbook, or the issue that
    stops it being read (too large, not a workbook, damaged), never raising."""
    file = str(path)
    try:
        if path.stat().st_size > max_workbook_bytes:
            return _too_large(file, "file_past_limit", {"limit": size_text(max_workbook_bytes)})
        raw = path.read_bytes()
    except OSError as error:
        return Issue(
            code=IssueCode.PATH_NOT_FOUND,
            file=file,
            template=template_key(IssueCode.PATH_NOT_FOUND, "unreadable"),
            params={"error": os_reason(error)},
        )
    if is_blank_bytes(raw):
        return empty_file_issue(file)
    if not raw.startswith(ZIP_MAGIC):
        return _unreadable(file, "not_zip")
    declared = _declared_size_issue(raw, file, max_workbook_bytes)
    if declared is not None:
        return declared
    heads: list[SheetHead] = []
    try:
        reader = _open_package(raw, file, max_workbook_bytes)
        try:
            for title, part in _worksheets(reader, file):
                rows: list[tuple[str, ...]] = []
                stream, parsed = _parse_sheet(reader, part, file, max_workbook_bytes)
                with stream:
                    for count, (_, cells) in enumerate(parsed, start=1):
                        texts = {cell["column"]: cell_text(cell["value"]) for cell in cells}
                        texts = {
                            column: text
                            for column, text in texts.items()
                            if text.strip() and column <= MAX_COLUMNS
                        }
                        if texts:
                            rows.append(
                                tuple(texts.get(column, "") for column in range(1, max(texts) + 1))
                            )
                        if len(rows) >= HEADER_SEARCH_ROWS or count >= MAX_SHEET_ROWS:
                            break
                heads.append(SheetHead(title, tuple(rows)))
        finally:
            reader.archive.close()
    except WorkbookRejected as bound:
        return bound.issue
    except Exception as error:  # openpyxl raises many types for damaged files
        return _damaged(file, error)
    return heads


def read_xlsx_table(
    path: Path,
    kind: str,
    municipality: str,
    *,
    max_field_chars: int = 100_000,
    max_workbook_bytes: int = MAX_WORKBOOK_BYTES,
    max_rows: int = MAX_SHEET_ROWS,
    sheet: str | None = None,
    is_header: HeaderTest | None = None,
) -> tuple[SourceTable | None, list[Issue]]:
    """Read one sheet of a workbook: ``sheet`` (as discovery chose it), else the sheet
    named after the kind, else the first. Every issue carries the sheet's title.

    At most ``max_workbook_bytes`` are unpacked and ``max_rows`` sheet rows read; past
    either, the workbook is rejected (``workbook-too-large``), as is a header row wider
    than ``MAX_COLUMNS`` or with a cell longer than ``MAX_HEADER_CELL_CHARS``.
    """
    source, issues = _read_xlsx(
        path, kind, municipality, max_field_chars, max_workbook_bytes, max_rows, sheet, is_header
    )
    title = source.sheet if source is not None else sheet
    return source, [
        issue.model_copy(
            update={
                "municipality": municipality,
                "record_kind": kind,
                "sheet": issue.sheet or title,
            }
        )
        for issue in issues
    ]


def _read_xlsx(
    path: Path,
    kind: str,
    municipality: str,
    max_field_chars: int,
    max_workbook_bytes: int,
    max_rows: int,
    wanted: str | None,
    is_header: HeaderTest | None = None,
) -> tuple[SourceTable | None, list[Issue]]:
    file = str(path)
    size = path.stat().st_size
    if size > max_workbook_bytes:  # the parts unpack to at least their compressed size
        return None, [
            _too_large(
                file, "file_size", {"size": size_text(size), "limit": size_text(max_workbook_bytes)}
            )
        ]
    raw = path.read_bytes()
    if is_blank_bytes(raw):
        return None, [empty_file_issue(file)]
    if not raw.startswith(ZIP_MAGIC):
        return None, [_unreadable(file, "not_zip")]
    declared = _declared_size_issue(raw, file, max_workbook_bytes)
    if declared is not None:
        return None, [declared]
    try:  # the bytes checked above, not the path: the file may change meanwhile
        reader = _open_package(raw, file, max_workbook_bytes)
        try:
            sheet = _read_sheet(reader, kind, file, max_workbook_bytes, max_rows, wanted, is_header)
        finally:
            reader.archive.close()
    except WorkbookRejected as bound:
        return None, [bound.issue]
    except Exception as error:  # openpyxl raises many types for damaged files
        return None, [_damaged(file, error)]
    if sheet.header is None:
        return None, [
            issue.model_copy(update={"sheet": sheet.title})
            for issue in [*sheet.issues, empty_file_issue(file, sheet=sheet.title)]
        ]
    header = sheet.header
    columns = [str(i) for i in range(len(header))]
    cells = (
        pd.DataFrame(sheet.rows, columns=columns, dtype="str")
        if sheet.rows
        else (pd.DataFrame({c: pd.Series([], dtype="str") for c in columns}))
    )
    issues = [
        *sheet.issues,
        *sheet.summaries(),
        *_field_size_issues(cells, header, sheet.lines, max_field_chars, file),
    ]
    if sheet.blank:
        issues.append(
            Issue(
                code=IssueCode.BLANK_ROWS_SKIPPED,
                severity=Severity.INFO,
                file=file,
                params={"count": sheet.blank},
                value=str(sheet.blank),
            )
        )
    if not sheet.rows:
        issues.append(
            Issue(
                code=IssueCode.HEADER_ONLY,
                severity=Severity.WARNING,
                file=file,
                line=sheet.header_line,
            )
        )
    source = SourceTable(
        path=path,
        kind=kind,
        municipality=municipality,
        format="xlsx",
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=None,
        delimiter=None,
        header=header,
        header_line=sheet.header_line,
        cells=cells,
        lines=sheet.lines,
        blank_rows_skipped=sheet.blank,
        sheet=sheet.title,
    )
    return source, issues


def _field_size_issues(
    cells: pd.DataFrame, header: list[str], lines: list[int], max_field_chars: int, file: str
) -> list[Issue]:
    issues: list[Issue] = []
    for position, name in enumerate(cells.columns):
        lengths = cells[name].str.len().to_numpy()
        for index in np.flatnonzero(lengths > max_field_chars)[:10]:
            issues.append(
                Issue(
                    code=IssueCode.FIELD_TOO_LARGE,
                    file=file,
                    line=lines[index],
                    row=int(index) + 1,
                    column=header[position],
                    column_index=position + 1,
                    params={"length": int(lengths[index]), "limit": max_field_chars},
                )
            )
    return issues
