"""Problems in the user's data are values: an ``Issue`` with a stable code and its place.

Readers, header mapping and validation yield issues; an ``IssueReport`` collects them
(capped, with a notice of how many more there were), says whether the input is valid and
renders itself as JSON or flat rows.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from inventory.echo import MESSAGE_LIMIT, VALUE_LIMIT, shorten, visible


class Severity(enum.StrEnum):
    ERROR = "error"  # the input is rejected
    WARNING = "warning"  # accepted, but a person should look
    INFO = "info"  # accepted and reported (an encoding detected, blank rows skipped)


class IssueCode(enum.StrEnum):
    """Stable issue codes. Never rename one: users and scripts match on them."""

    # files and folders
    PATH_NOT_FOUND = "path-not-found"
    UNKNOWN_FILE = "unknown-file"
    UNKNOWN_SHEET = "unknown-sheet"  # a workbook sheet of no known kind
    EMPTY_SHEET = "empty-sheet"  # a workbook sheet without cells, skipped (info)
    KIND_RECOGNISED = "kind-recognised"  # a kind taken from a plural, synonym or header (info)
    DUPLICATE_FILE = "duplicate-file"
    MISSING_MUNICIPALITY = "missing-municipality"
    SKIPPED_PATH = "skipped-path"
    NO_INVENTORY = "no-inventory"
    MUNICIPALITY_ROWS = "municipality-rows"  # the municipality file must hold one row
    # encoding and dialect
    ENCODING_DETECTED = "encoding-detected"
    INVALID_ENCODING = "invalid-encoding"
    BINARY_FILE = "binary-file"
    XLSX_AS_CSV = "xlsx-as-csv"
    NUL_BYTE = "nul-byte"
    EMPTY_FILE = "empty-file"
    HEADER_ONLY = "header-only"
    SINGLE_COLUMN = "single-column"
    UNTERMINATED_QUOTE = "unterminated-quote"
    EXTRA_CELLS = "extra-cells"
    MISSING_CELLS = "missing-cells"
    BLANK_ROWS_SKIPPED = "blank-rows-skipped"
    FIELD_TOO_LARGE = "field-too-large"
    UNREADABLE_WORKBOOK = "unreadable-workbook"
    INVALID_JSON = "invalid-json"  # an adapter's JSON export that does not parse (or too large)
    WORKBOOK_TOO_LARGE = "workbook-too-large"  # bounded uncompressed size / rows (zip bomb)
    HEADER_TOO_LARGE = "header-too-large"  # a header line or cell past the bound
    HEADER_ROW = "header-row"  # title or #TYPE lines above the header skipped (info)
    TOO_MANY_COLUMNS = "too-many-columns"  # far more columns than any record kind has
    LINK_OUTSIDE_FOLDER = "link-outside-folder"  # a symbolic link leaving the inventory folder
    FORMULA_WITHOUT_VALUE = "formula-without-value"  # an XLSX formula with no cached value
    FORMULA_VALUE = "formula-value"  # a cached formula result was used (warning)
    # headers
    BLANK_HEADER = "blank-header"
    DUPLICATE_HEADER = "duplicate-header"
    UNKNOWN_HEADER = "unknown-header"
    MISSING_COLUMN = "missing-column"
    UNIT_FROM_HEADER = "unit-from-header"  # info: the header's unit, converted to the field's
    # values
    MISSING_VALUE = "missing-value"
    INVALID_NUMBER = "invalid-number"
    WRONG_UNIT = "wrong-unit"  # a unit of another dimension (16 GB in a bandwidth column)
    AMBIGUOUS_NUMBER = "ambiguous-number"
    NOT_AN_INTEGER = "not-an-integer"
    OUT_OF_RANGE = "out-of-range"
    MANGLED_IDENTIFIER = "mangled-identifier"
    INVALID_DATE = "invalid-date"
    AMBIGUOUS_DATE = "ambiguous-date"
    EXCEL_SERIAL_DATE = "excel-serial-date"
    INVALID_BOOLEAN = "invalid-boolean"
    INVALID_ENUM = "invalid-enum"
    INVALID_IP = "invalid-ip"
    INVALID_VALUE = "invalid-value"
    INCONSISTENT_VALUES = "inconsistent-values"
    CONTROL_CHARACTER = "control-character"  # ESC, BEL, VT, FF ... in a value or header
    # keys and references
    DUPLICATE_KEY = "duplicate-key"
    DANGLING_REFERENCE = "dangling-reference"
    REFERENCES_NOT_CHECKED = "references-not-checked"  # into a file that was rejected
    AMBIGUOUS_REFERENCE = "ambiguous-reference"
    UNKNOWN_MUNICIPALITY = "unknown-municipality"
    SELF_REFERENCE = "self-reference"
    DEPENDENCY_CYCLE = "dependency-cycle"
    # decision-support (study) input files
    INVALID_YAML = "invalid-yaml"
    UNKNOWN_FIELD = "unknown-field"
    DEFINITIONS_DIFFER = "definitions-differ"
    # the report itself
    TOO_MANY_ISSUES = "too-many-issues"


class Issue(BaseModel):
    """One problem in the user's data, with where it is and how to fix it.

    Never echoes a whole cell: ``value`` and ``column`` keep at most ``VALUE_LIMIT``
    characters, a long value quoted in ``message`` or ``hint`` is shortened the same way,
    and both stay under ``MESSAGE_LIMIT``; control characters in them are escapes
    (``\\x1b``), so an issue printed to a terminal cannot drive it.
    """

    model_config = ConfigDict(frozen=True)

    code: IssueCode
    severity: Severity = Severity.ERROR
    message: str
    hint: str | None = None
    file: str | None = None
    sheet: str | None = Field(default=None, description="Workbook sheet, for an XLSX file")
    line: int | None = Field(default=None, description="Physical line in the file, 1-based")
    row: int | None = Field(default=None, description="Data row, 1-based, header excluded")
    column: str | None = Field(default=None, description="Column name as written in the file")
    column_index: int | None = Field(default=None, description="Column position, 1-based")
    value: str | None = None
    municipality: str | None = None
    record_kind: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorten_quoted_value(cls, data: Any) -> Any:
        """A long cell quoted in the message or hint (raw or as ``repr``) is shortened
        there as in ``value``, before either is bounded as a whole."""
        if not isinstance(data, dict):
            return data
        value = data.get("value")
        if not isinstance(value, str) or len(value) <= VALUE_LIMIT:
            return data
        quoted = {value, value.strip()}
        data = dict(data)
        for name in ("message", "hint"):
            text = data.get(name)
            if not isinstance(text, str) or len(text) <= VALUE_LIMIT:
                continue
            for long in sorted(quoted, key=len, reverse=True):
                if len(long) > VALUE_LIMIT:
                    text = text.replace(repr(long), repr(shorten(long)))
                    text = text.replace(long, shorten(long))
            data[name] = text
        return data

    @field_validator("message", "hint")
    @classmethod
    def _text_shown(cls, text: str | None) -> str | None:
        return None if text is None else visible(shorten(text, MESSAGE_LIMIT))

    @field_validator("value", "column", "sheet")
    @classmethod
    def _cell_shown(cls, text: str | None) -> str | None:
        # The text as read (repr shows its controls), but never a whole long cell.
        return None if text is None else shorten(text)

    @field_validator("file")
    @classmethod
    def _file_shown(cls, text: str | None) -> str | None:
        return None if text is None else shorten(text, MESSAGE_LIMIT)

    @property
    def place(self) -> str:
        """``file:line`` (``book.xlsx[sheet]:line`` in a workbook) plus row and column, as
        printed to users (file and sheet names escaped)."""
        parts = []
        if self.file:
            file = visible(self.file)
            if self.sheet is not None:
                file += f"[{visible(self.sheet)}]"
            parts.append(f"{file}:{self.line}" if self.line else file)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            col = f"column {self.column!r}"
            if self.column_index is not None:
                col += f" (#{self.column_index})"
            parts.append(col)
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.severity.value} {self.code.value}"
        if self.place:
            text += f" at {self.place}"
        text += f": {self.message}"
        if self.hint:
            text += f" Hint: {self.hint}"
        return text


DEFAULT_ISSUE_CAP = 1000


class IssueReport:
    """The issues of one validation or import, capped at ``cap`` with a notice."""

    def __init__(self, cap: int = DEFAULT_ISSUE_CAP) -> None:
        self.cap = cap
        self.issues: list[Issue] = []
        self.dropped: Counter[Severity] = Counter()
        self.stats: dict[str, Any] = {}

    def add(self, issue: Issue) -> None:
        if len(self.issues) < self.cap:
            self.issues.append(issue)
        else:
            self.dropped[issue.severity] += 1

    def extend(self, issues: Iterable[Issue]) -> None:
        for issue in issues:
            self.add(issue)

    def count(self, severity: Severity) -> int:
        shown = sum(1 for issue in self.issues if issue.severity is severity)
        return shown + self.dropped[severity]

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity is Severity.ERROR]

    @property
    def valid(self) -> bool:
        return self.count(Severity.ERROR) == 0

    def all_issues(self) -> list[Issue]:
        """The issues kept, plus a ``too-many-issues`` notice when some were dropped."""
        issues = list(self.issues)
        dropped = sum(self.dropped.values())
        if dropped:
            issues.append(Issue(
                code=IssueCode.TOO_MANY_ISSUES,
                severity=Severity.INFO,
                message=f"{dropped} more issues were not listed (the cap is {self.cap}).",
                hint="Fix the issues listed first, or raise the cap with --max-issues.",
            ))
        return issues

    def to_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "stats": self.stats,
            "issues": [issue.model_dump(mode="json") for issue in self.all_issues()],
        }

    def flatten(self) -> list[list[Any]]:
        """Rows for a table: code, severity, place, message, hint."""
        return [[i.code.value, i.severity.value, i.place, i.message, i.hint or ""]
                for i in self.all_issues()]
