"""Reading study input files with their line numbers, and turning mistakes into issues.

YAML files are read by ``inventory.yamlfile`` (a line map of every value, floats kept as
written for ``Decimal``). CSV files are read by the inventory's own delimited reader
(``inventory.read.delimited``: encodings, dialects, quoted newlines, rows of the wrong
width) and keep the physical line each row starts on. Pydantic errors become issues with
the file, the line and, for CSV, the column name and position.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from inventory.issues import Issue, IssueCode, Severity, template_key
from inventory.read.delimited import read_csv_table
from inventory.yamlfile import (
    LineMap,
    read_yaml_file,
    validation_detail,
    validation_issue_code,
    validation_issues,
    value_text,
)

ModelT = TypeVar("ModelT", bound=BaseModel)


def load_yaml_with_lines(path: Path) -> tuple[Any, LineMap, list[Issue]]:
    """The document in ``path`` as plain Python values, its line map and read problems."""
    document, issues = read_yaml_file(path, decimals_as_text=True)
    if document is None:
        return None, LineMap(), issues
    return document.data, document.lines, issues


def validate_yaml_document(
    model: type[ModelT], document: Any, lines: LineMap, file: str
) -> tuple[ModelT | None, list[Issue]]:
    """Validate a YAML document against ``model``; every error names its line."""
    try:
        return model.model_validate(document), []
    except ValidationError as error:
        return None, validation_issues(error, lines, file)


@dataclass(frozen=True)
class CsvRow:
    """One data row of a CSV file: its cells by header, the line it starts on, its number."""

    cells: dict[str, str | None]
    line: int
    row: int


@dataclass
class CsvTable:
    """A small CSV input file read with its header and line numbers."""

    file: str
    header: list[str]
    rows: list[CsvRow]

    def column_index(self, column: str) -> int | None:
        """1-based position of ``column`` in the header."""
        return self.header.index(column) + 1 if column in self.header else None


def read_csv_with_lines(path: Path) -> tuple[CsvTable | None, list[Issue]]:
    """Read a comma, semicolon or tab separated file; empty cells become ``None``.

    Blank rows are skipped silently; a file with a header but no data rows is an error.
    """
    source, read_issues = read_csv_table(path, kind=path.stem, municipality="")
    issues = [
        _study_issue(issue)
        for issue in read_issues
        if issue.code is not IssueCode.BLANK_ROWS_SKIPPED
    ]
    if source is None:
        return None, issues
    header = [" ".join(cell.split()) for cell in source.header]
    records = source.cells.to_numpy(dtype=object).tolist()
    rows = [
        CsvRow(
            cells={
                name: (str(cell).strip() or None) for name, cell in zip(header, record, strict=True)
            },
            line=line,
            row=number,
        )
        for number, (record, line) in enumerate(zip(records, source.lines, strict=True), start=1)
    ]
    return CsvTable(file=str(path), header=header, rows=rows), issues


def _study_issue(issue: Issue) -> Issue:
    """A reader issue for a study file: no municipality or record kind; no rows is an error."""
    update: dict[str, Any] = {"municipality": None, "record_kind": None}
    if issue.code is IssueCode.HEADER_ONLY:
        update["severity"] = Severity.ERROR
    return issue.model_copy(update=update)


def validate_csv_rows(
    model: type[ModelT], table: CsvTable, renames: Mapping[str, str] | None = None
) -> tuple[list[ModelT], list[Issue]]:
    """Validate every row of ``table``; errors carry line, row and column (name and #)."""
    valid: list[ModelT] = []
    issues: list[Issue] = []
    for row in table.rows:
        cells = {
            (renames or {}).get(name, name): value
            for name, value in row.cells.items()
            if value is not None
        }
        try:
            valid.append(model.model_validate(cells))
        except ValidationError as error:
            for detail in error.errors():
                column = str(detail["loc"][0]) if detail["loc"] else None
                issues.append(
                    Issue(
                        code=validation_issue_code(detail),
                        file=table.file,
                        line=row.line,
                        row=row.row,
                        column=column,
                        column_index=table.column_index(column or ""),
                        value=value_text(detail.get("input")),
                        params={"detail": validation_detail(detail)},
                        template=template_key(validation_issue_code(detail), "schema_cell"),
                    )
                )
    return valid, issues


_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_AMBIGUOUS_THOUSANDS = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def decimal_text(value: Any) -> Any:
    """Accept a decimal comma (``10,9``) and spaces as thousands separators (``1 024``).

    ``1,024`` stays ambiguous (a thousands separator or a decimal comma?) and is refused.
    """
    if not isinstance(value, str):
        return value
    text = value.replace("\u00a0", " ").replace(" ", "")
    if _AMBIGUOUS_THOUSANDS.match(text):
        raise PydanticCustomError(
            "validation.study.ambiguous_number",
            "{value} is ambiguous: write 1024 or 1.024",
            {"value": repr(value)},
        )
    if _DECIMAL_COMMA.match(text):
        return text.replace(",", ".")
    return text
