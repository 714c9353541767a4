"""Reading study input files with their line numbers, and turning mistakes into issues.

YAML is composed into nodes first (PyYAML keeps a start mark on every node), so each
value's path (``("criteria", 2, "weight")``) maps to the line it was written on. CSV rows
keep the physical line they start on. Pydantic validation errors are then translated into
``Issue`` values with the file, the line and, for CSV, the column name and position.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from inventory.issues import Issue, IssueCode

Path_ = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)

_FLOAT_TAG = "tag:yaml.org,2002:float"
_INT_TAG = "tag:yaml.org,2002:int"


@dataclass
class LineMap:
    """Where each value of a YAML document was written: path -> 1-based line."""

    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path``, or of its nearest written parent (a missing field)."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), None)


def _node_to_python(node: yaml.Node, path: Path_, lines: LineMap,
                    constructor: yaml.SafeLoader) -> Any:
    lines.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            key = str(key) if isinstance(key, int | float) else key
            lines.lines[(*path, key)] = key_node.start_mark.line + 1
            mapping[key] = _node_to_python(value_node, (*path, key), lines, constructor)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_python(item, (*path, index), lines, constructor)
                for index, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and node.tag == _FLOAT_TAG:
        # Keep the digits as written: money and weights become Decimal, never binary floats.
        return node.value.replace("_", "")
    return constructor.construct_object(node, deep=True)


def load_yaml_with_lines(path: Path) -> tuple[Any, LineMap, list[Issue]]:
    """The document in ``path`` as plain Python values, its line map and read problems."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, LineMap(), [Issue(
            code=IssueCode.INVALID_ENCODING, file=file, line=line,
            message="The file is not UTF-8.", hint="Save the file as UTF-8.")]
    if not text.strip():
        return None, LineMap(), [Issue(code=IssueCode.EMPTY_FILE, file=file,
                                       message="The file is empty.")]
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        lines = LineMap()
        value = None if root is None else _node_to_python(root, (), lines, loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return None, LineMap(), [Issue(
            code=IssueCode.INVALID_YAML, file=file,
            line=None if mark is None else mark.line + 1,
            message=f"Not valid YAML: {error.problem or error}.",
            hint="Check the indentation and quoting on that line.")]
    finally:
        loader.dispose()
    return value, lines, []


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
    """Read a comma, semicolon or tab separated file; empty cells become ``None``."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [Issue(code=IssueCode.INVALID_ENCODING, file=file, line=line,
                            message="The file is not UTF-8.", hint="Save the file as UTF-8.")]
    if not text.strip():
        return None, [Issue(code=IssueCode.EMPTY_FILE, file=file, message="The file is empty.")]
    first_line = text.splitlines()[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [" ".join(cell.split()) for cell in next(reader)]
    issues: list[Issue] = []
    rows: list[CsvRow] = []
    previous_end = reader.line_num
    for cells in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            code = IssueCode.EXTRA_CELLS if len(cells) > len(header) else IssueCode.MISSING_CELLS
            issues.append(Issue(code=code, file=file, line=start, row=len(rows) + 1,
                                message=f"{len(cells)} cells where the header has"
                                f" {len(header)}.", hint="Check the delimiters on that line."))
        padded = [*cells, *[""] * (len(header) - len(cells))]
        rows.append(CsvRow(
            cells={name: (value.strip() or None) for name, value in zip(header, padded,
                                                                         strict=False)},
            line=start, row=len(rows) + 1))
    if not rows:
        issues.append(Issue(code=IssueCode.HEADER_ONLY, file=file, line=1,
                            message="The file has a header but no data rows."))
    return CsvTable(file=file, header=header, rows=rows), issues


_RANGE_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
_NUMBER_ERRORS = {"decimal_parsing", "decimal_type", "float_parsing", "float_type",
                  "int_parsing", "int_type", "decimal_max_places", "decimal_max_digits",
                  "finite_number"}


def _issue_code(error: ErrorDetails) -> IssueCode:
    kind = error["type"]
    if kind == "missing":
        return IssueCode.MISSING_VALUE
    if kind == "extra_forbidden":
        return IssueCode.UNKNOWN_FIELD
    if kind in _RANGE_ERRORS:
        return IssueCode.OUT_OF_RANGE
    if kind == "int_from_float":
        return IssueCode.NOT_AN_INTEGER
    if kind in _NUMBER_ERRORS:
        return IssueCode.INVALID_NUMBER
    if kind in {"enum", "literal_error"}:
        return IssueCode.INVALID_ENUM
    return IssueCode.INVALID_VALUE


def _value_text(value: Any) -> str | None:
    if isinstance(value, dict | list) or value is None:
        return None
    return str(value)


def validate_yaml_document(model: type[ModelT], document: Any, lines: LineMap,
                           file: str) -> tuple[ModelT | None, list[Issue]]:
    """Validate a YAML document against ``model``; every error names its line."""
    try:
        return model.model_validate(document), []
    except ValidationError as error:
        issues = []
        for detail in error.errors():
            location = ".".join(str(part) for part in detail["loc"])
            issues.append(Issue(
                code=_issue_code(detail), file=file, line=lines.line_of(detail["loc"]),
                column=location or None, value=_value_text(detail.get("input")),
                message=f"{location or 'document'}: {detail['msg']}."))
        return None, issues


def validate_csv_rows(model: type[ModelT], table: CsvTable,
                      renames: Mapping[str, str] | None = None) -> tuple[list[ModelT],
                                                                         list[Issue]]:
    """Validate every row of ``table``; errors carry line, row and column (name and #)."""
    valid: list[ModelT] = []
    issues: list[Issue] = []
    for row in table.rows:
        cells = {(renames or {}).get(name, name): value for name, value in row.cells.items()
                 if value is not None}
        try:
            valid.append(model.model_validate(cells))
        except ValidationError as error:
            for detail in error.errors():
                column = str(detail["loc"][0]) if detail["loc"] else None
                issues.append(Issue(
                    code=_issue_code(detail), file=table.file, line=row.line, row=row.row,
                    column=column, column_index=table.column_index(column or ""),
                    value=_value_text(detail.get("input")), message=detail["msg"] + "."))
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
        raise ValueError(f"{value!r} is ambiguous: write 1024 or 1.024")
    if _DECIMAL_COMMA.match(text):
        return text.replace(",", ".")
    return text
