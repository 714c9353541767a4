"""``report.xlsx``: every table of a ReportDocument on its own sheet, typed and filterable.

Numbers are written as numbers, dates as dates, with number formats per column type; each
sheet has a frozen header row, an autofilter and column widths fitted to the content.
Formula injection: text is always written with ``write_string`` into a workbook opened
with ``strings_to_formulas=False`` (and no string-to-number or string-to-URL guessing), so a
cell reading ``=HYPERLINK(...)`` or ``+cmd|...`` stays the text it was in the inventory.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any, Final

from inventory.language.i18n import Lang, t
from inventory.render.document import (
    CellValue,
    Column,
    KeyFigure,
    KeyFigures,
    ReportDocument,
    Table,
)

MAX_SHEET_NAME: Final = 31
MAX_CELL_TEXT: Final = 32_767
MAX_COLUMN_WIDTH: Final = 60
WIDTH_SAMPLE_ROWS: Final = 500
_SHEET_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_RESERVED_SHEET_NAMES: Final = frozenset({"history"})
_NUMBER_FORMATS: Final[dict[str, str]] = {
    "int": "#,##0",
    "float": "#,##0.00",
    "money": "#,##0",
    "percent": "0.0%",
    "date": "yyyy-mm-dd",
    "year": "0",  # a calendar year: 2007, never 2,007
}


def number_format(column: Column) -> str | None:
    """The Excel number format of a column's numbers (its ``decimals`` when it fixes them);
    None for a column that is not typed as a number.

    >>> number_format(Column(key="cost", label="MNOK", type="money", decimals=1))
    '#,##0.0'
    """
    if column.decimals is not None and column.type in {"float", "money", "int"}:
        return "#,##0" + ("." + "0" * column.decimals if column.decimals else "")
    if column.decimals is not None and column.type == "percent":
        return "0" + ("." + "0" * column.decimals if column.decimals else "") + "%"
    return _NUMBER_FORMATS.get(column.type)


def _shortened(title: str) -> str:
    """A title longer than a sheet name may be, cut before its first colon or comma when
    what precedes fits, else after the last whole word that fits (never mid-word)."""
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) <= MAX_SHEET_NAME:
        return title
    for mark in (":", ","):
        head = title.split(mark, 1)[0].strip()
        if 3 <= len(head) <= MAX_SHEET_NAME:
            return head
    space = title[: MAX_SHEET_NAME + 1].rfind(" ")
    return title[:space].rstrip(" -–,;") if space >= 3 else title[:MAX_SHEET_NAME]


def sheet_names(titles: Iterable[str], *, reserved: Iterable[str] = ()) -> list[str]:
    """Valid, unique Excel sheet names for ``titles`` (in order).

    Excel forbids ``[ ] : * ? / \\``, leading or trailing apostrophes, ``History`` and names
    longer than 31 characters, and compares names case-insensitively; duplicates get
    `` (2)``, `` (3)``... A longer title is cut where a reader would (``_shortened``).

    >>> sheet_names(["Servers: Gnosjö", "servers: gnosjö", "x" * 40])
    ['Servers Gnosjö', 'servers gnosjö (2)', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
    >>> sheet_names(["Who pays: the cost key and where the work lands",
    ...              "Arbete som utgår ersätts eller avvecklas"])
    ['Who pays', 'Arbete som utgår ersätts eller']
    """
    used = {name.casefold() for name in reserved}
    names: list[str] = []
    for title in titles:
        base = _SHEET_FORBIDDEN.sub(" ", _shortened(title))
        base = re.sub(r"\s+", " ", base).strip().strip("'").strip()[:MAX_SHEET_NAME].strip()
        if not base or base.casefold() in _RESERVED_SHEET_NAMES:
            base = (base + " sheet").strip() if base else "Sheet"
        name, number = base, 1
        while name.casefold() in used:
            number += 1
            suffix = f" ({number})"
            name = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        used.add(name.casefold())
        names.append(name)
    return names


def _text(value: str) -> str:
    if len(value) > MAX_CELL_TEXT:
        return value[: MAX_CELL_TEXT - 1] + "…"
    return value


def _display_width(value: CellValue, column: Column) -> int:
    if value is None:
        return 0
    if isinstance(value, bool):
        return 5
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, int | float):
        if column.type == "percent":
            return 7
        if column.type == "year":
            return len(f"{value:.0f}")
        if column.decimals is not None:
            return len(f"{value:,.{column.decimals}f}")
        return len(f"{value:,.2f}") if column.type == "float" else len(f"{value:,.0f}")
    return max((len(line) for line in value.split("\n")), default=0)


class _Formats:
    """The workbook's cell formats, created once."""

    def __init__(self, workbook: Any) -> None:
        self.header = workbook.add_format(
            {"bold": True, "bg_color": "#EDF2F7", "bottom": 2, "text_wrap": True, "valign": "top"}
        )
        self.text = workbook.add_format({"valign": "top"})
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self._workbook = workbook
        self._by_format: dict[str, Any] = {}
        self.by_type = {kind: self.number(code) for kind, code in _NUMBER_FORMATS.items()}

    def number(self, code: str) -> Any:
        """The cell format of Excel number format ``code`` (created once)."""
        if code not in self._by_format:
            self._by_format[code] = self._workbook.add_format({"num_format": code, "valign": "top"})
        return self._by_format[code]

    def of_column(self, column: Column) -> Any:
        """The cell format of a column's numbers; None for an untyped column."""
        code = number_format(column)
        return None if code is None else self.number(code)


def _write_cell(
    sheet: Any, row: int, col: int, value: CellValue, column: Column, formats: _Formats
) -> None:
    if value is None:
        sheet.write_blank(row, col, None, formats.text)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, formats.text)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, formats.by_type["date"])
    elif isinstance(value, int | float):
        if math.isnan(value) or math.isinf(value):
            sheet.write_blank(row, col, None, formats.text)
        else:
            cell_format = formats.of_column(column) or formats.by_type["float"]
            if number_format(column) is None and float(value).is_integer():
                cell_format = formats.by_type["int"]
            sheet.write_number(row, col, value, cell_format)
    else:
        # Never a formula, whatever the text starts with (= + - @ tab CR NUL).
        sheet.write_string(row, col, _text(value), formats.text)


def _column_header(column: Column) -> str:
    return f"{column.label} ({column.unit})" if column.unit else column.label


def _write_rows(sheet: Any, table: Table, formats: _Formats) -> None:
    """The cells below the header: texts and finite numbers in typed columns written
    directly (most cells of a big table), anything else through :func:`_write_cell`."""
    columns = table.columns
    width = len(columns)
    number_formats = [formats.of_column(column) for column in columns]
    write_string, write_number, text_format = sheet.write_string, sheet.write_number, formats.text
    for row_number, row in enumerate(table.rows, start=1):
        if len(row) != width:
            raise ValueError(f"table {table.title!r}: row {row_number} has {len(row)} cells")
        for col, value in enumerate(row):
            if type(value) is str:
                # Never a formula, whatever the text starts with (= + - @ tab CR NUL).
                write_string(
                    row_number,
                    col,
                    value if len(value) <= MAX_CELL_TEXT else _text(value),
                    text_format,
                )
            elif (
                (type(value) is int or type(value) is float)
                and number_formats[col] is not None
                and math.isfinite(value)
            ):
                write_number(row_number, col, value, number_formats[col])
            else:
                _write_cell(sheet, row_number, col, value, columns[col], formats)


def _write_table(sheet: Any, table: Table, formats: _Formats) -> None:
    headers = [_column_header(column) for column in table.columns]
    for col, header in enumerate(headers):
        sheet.write_string(0, col, _text(header), formats.header)
    _write_rows(sheet, table, formats)
    for col, column in enumerate(table.columns):
        sample = (row[col] for row in table.rows[:WIDTH_SAMPLE_ROWS])
        width = max([len(headers[col]) + 3, *(_display_width(v, column) + 2 for v in sample)])
        sheet.set_column(col, col, min(max(width, 8), MAX_COLUMN_WIDTH))
    if table.columns:
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
    sheet.freeze_panes(1, 0)


def _write_overview(
    sheet: Any, document: ReportDocument, tables: list[tuple[str, Table]], formats: _Formats
) -> None:
    lang: Lang = document.lang
    sheet.write_string(0, 0, _text(document.title), formats.title)
    row = 1
    if document.subtitle:
        sheet.write_string(row, 0, _text(document.subtitle), formats.text)
        row += 1
    sheet.write_string(row, 0, t("report.generated", lang), formats.text)
    sheet.write_string(row, 1, document.generated.isoformat(), formats.text)
    row += 2
    figures: list[KeyFigure] = [
        figure
        for _depth, section in document.walk()
        for block in section.blocks
        if isinstance(block, KeyFigures)
        for figure in block.figures
    ]
    if figures:
        sheet.write_string(row, 0, t("report.key_figures", lang), formats.header)
        sheet.write_string(row, 1, t("report.value", lang), formats.header)
        sheet.write_string(row, 2, t("report.unit", lang), formats.header)
        sheet.write_string(row, 3, t("column.note", lang), formats.header)
        row += 1
        for figure in figures:
            column = Column(key="value", label="", type=figure.value_type)
            sheet.write_string(row, 0, _text(figure.label), formats.text)
            _write_cell(sheet, row, 1, figure.value, column, formats)
            sheet.write_string(row, 2, _text(figure.unit), formats.text)
            if figure.note:  # a payback's best and worst case
                sheet.write_string(row, 3, _text(figure.note), formats.text)
            row += 1
        row += 1
    sheet.write_string(row, 0, t("report.sheet_tables", lang), formats.header)
    sheet.write_string(row, 1, t("report.sheet", lang), formats.header)
    row += 1
    for name, table in tables:
        sheet.write_string(row, 0, _text(table.title), formats.text)
        # A link to a sheet of our own making; the name is quoted for Excel.
        sheet.write_url(row, 1, "internal:'{}'!A1".format(name.replace("'", "''")), string=name)
        row += 1
    sheet.set_column(0, 0, 48)
    sheet.set_column(1, 2, 22)


def write_xlsx(document: ReportDocument, destination: Path | BytesIO) -> None:
    """Write ``report.xlsx``: an overview sheet, then one sheet per table in reading order."""
    import xlsxwriter  # (the report writer's own process loads it, not the analysis)

    workbook = xlsxwriter.Workbook(
        destination,
        {
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "nan_inf_to_errors": False,
            "default_date_format": _NUMBER_FORMATS["date"],
            # the parts assembled in memory, not in temporary files (the same parts; the
            # zip stamps them 1980-01-01 instead of the files' 1980-01-31)
            "in_memory": True,
        },
    )
    try:
        formats = _Formats(workbook)
        tables = document.tables()
        overview_name = t("report.sheet_overview", document.lang)
        names = sheet_names(
            [table.name or table.title for table in tables], reserved=[overview_name]
        )
        overview = workbook.add_worksheet(overview_name)
        named_tables = list(zip(names, tables, strict=True))
        _write_overview(overview, document, named_tables, formats)
        for name, table in named_tables:
            _write_table(workbook.add_worksheet(name), table, formats)
    finally:
        workbook.close()


def xlsx_bytes(document: ReportDocument) -> bytes:
    """``report.xlsx`` as bytes (for tests and for writing atomically)."""
    buffer = BytesIO()
    write_xlsx(document, buffer)
    return buffer.getvalue()
