"""Problems in the user's data are values: an ``Issue`` with a stable code and its place.

Readers, header mapping and validation yield issues; an ``IssueReport`` collects them
(capped, with a notice of how many more there were), says whether the input is valid and
renders itself as JSON or flat rows.

Issues in the reader's language: one template per issue code (and situation).

An :class:`~inventory.issues.Issue` carries its code, place and parameters; its message
and hint are the catalogue entries ``issue.<code>.message`` and ``issue.<code>.hint``
(``issue.<code>.<situation>.…`` where one code covers situations that read differently),
filled with the parameters in the reader's language: numbers as the language writes them,
a :class:`~inventory.messages.Code` as its term. The place (``file:line, row 3, column
'x' (#4)``) and the severity are said in the language too; the code stays as it is (users
and scripts match on it).

>>> from inventory.issues import Issue, IssueCode
>>> issue_line(Issue(code=IssueCode.HEADER_ONLY, file="sites.csv", line=1), "sv")[:40]
'fel header-only vid sites.csv:1: Filen e'
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from inventory.echo import (
    CONTROL_PATTERN,
    MESSAGE_LIMIT,
    VALUE_LIMIT,
    control_name,
    shorten,
    visible,
)
from inventory.errors import InventoryError
from inventory.language.i18n import Lang, t, translations
from inventory.language.i18n import template as text_template
from inventory.messages import Code, Message, MessageList, Texts, param_text

#: A value an issue's message is filled with: a text (a value quoted as ``repr``, a file
#: name), a number (written as the reader's language writes it), a term of a code family
#: (``Code("issue_outcome", "not_read")``) or a part of a sentence
#: (``Message("issue.part.…", …)``, several as a ``MessageList``), translated with the
#: message.
IssueParam = str | int | float | Code | Texts | Message | MessageList


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


#: Errors of a YAML document's schema (pydantic): ``<location>: <what pydantic says>``.
_SCHEMA = ("schema", "schema_hinted", "schema_cell")

#: Every issue template: per code, its situations (None: the code's own template
#: ``issue.<code>``; a name: ``issue.<code>.<name>``, where one code covers problems that
#: read differently, such as ``skipped-path`` for a folder, a read-me or a note sheet).
#: Each has a message (and most a hint) in every language of the catalogues; the same
#: problem is always built from the same template (tests/test_issue_templates.py).
TEMPLATES: dict[IssueCode, tuple[str | None, ...]] = {
    IssueCode.PATH_NOT_FOUND: (
        None,
        "dangling_link",
        "unreadable",
        "file",
        "study_target",
        "study_folder",
        "study_section",
        "study_no_file",
        "profile",
    ),
    IssueCode.UNKNOWN_FILE: (None, "other_format", "no_profile_table", "from_name"),
    IssueCode.UNKNOWN_SHEET: (None,),
    IssueCode.EMPTY_SHEET: (None,),
    IssueCode.KIND_RECOGNISED: (None,),
    IssueCode.DUPLICATE_FILE: (None,),
    IssueCode.MISSING_MUNICIPALITY: (None,),
    IssueCode.SKIPPED_PATH: (
        "a_file",
        "export_part",
        "no_inventory",
        "not_regular",
        "note_sheet",
        "readme",
        "subfolder",
        "export_row",
        "export_rows",
        "same_records",
        "other_municipalities",
        "profile_skip",
    ),
    IssueCode.NO_INVENTORY: (None,),
    IssueCode.MUNICIPALITY_ROWS: (None,),
    IssueCode.ENCODING_DETECTED: (None,),
    IssueCode.INVALID_ENCODING: (None, "byte_order_mark", "mixed"),
    IssueCode.BINARY_FILE: (None, "xls"),
    IssueCode.XLSX_AS_CSV: (None,),
    IssueCode.NUL_BYTE: (None,),
    IssueCode.EMPTY_FILE: (None,),
    IssueCode.HEADER_ONLY: (None,),
    IssueCode.SINGLE_COLUMN: (None,),
    IssueCode.UNTERMINATED_QUOTE: (None,),
    IssueCode.EXTRA_CELLS: (None, "more", "beyond_header", "beyond_header_more"),
    IssueCode.MISSING_CELLS: (None, "more"),
    IssueCode.BLANK_ROWS_SKIPPED: (None,),
    IssueCode.FIELD_TOO_LARGE: (None,),
    IssueCode.UNREADABLE_WORKBOOK: ("damaged", "no_sheet", "no_worksheet", "not_zip"),
    IssueCode.INVALID_JSON: (None, "at", "too_large", "not_cluster_resources"),
    IssueCode.WORKBOOK_TOO_LARGE: (
        "compression",
        "declared",
        "file_past_limit",
        "file_size",
        "row_cells",
        "row_xml",
        "rows",
        "unpacks_past",
    ),
    IssueCode.HEADER_TOO_LARGE: (None, "cell"),
    IssueCode.HEADER_ROW: (
        "title",
        "titles",
        "type_line",
        "type_line_title",
        "type_line_titles",
        "sheet_title",
        "sheet_titles",
    ),
    IssueCode.TOO_MANY_COLUMNS: (None,),
    IssueCode.LINK_OUTSIDE_FOLDER: (None,),
    IssueCode.FORMULA_WITHOUT_VALUE: (None, "error", "more"),
    IssueCode.FORMULA_VALUE: (None, "more"),
    IssueCode.BLANK_HEADER: (None,),
    IssueCode.DUPLICATE_HEADER: (None,),
    IssueCode.UNKNOWN_HEADER: (None, "suggested", "none_known", "more", "study_area"),
    IssueCode.MISSING_COLUMN: (
        None,
        "several",
        "study_municipality",
        "study_areas",
        "profile_municipality",
        "profile_field_empty",
        "profile_field_partial",
        "review_file",
    ),
    IssueCode.UNIT_FROM_HEADER: (None,),
    IssueCode.MISSING_VALUE: (
        None,
        "physical_without_site",
        "virtual_unplaced",
        *_SCHEMA,
        "study_municipality",
        "study_scores",
        "study_basis",
        "free_rack_units",
        "review_product",
        "override_eol",
    ),
    IssueCode.INVALID_NUMBER: (
        None,
        "too_long",
        "with_unit",
        "without_unit",
        *_SCHEMA,
        "study_potential",
    ),
    IssueCode.WRONG_UNIT: (None, "apparent_power", "header"),
    IssueCode.AMBIGUOUS_NUMBER: (None,),
    IssueCode.NOT_AN_INTEGER: (None, *_SCHEMA),
    IssueCode.OUT_OF_RANGE: (
        None,
        "not_finite",
        "too_large",
        *_SCHEMA,
        "study_score",
        "study_potential",
    ),
    IssueCode.MANGLED_IDENTIFIER: (None,),
    IssueCode.INVALID_DATE: (None, "no_such_day", "slashes"),
    IssueCode.AMBIGUOUS_DATE: (None,),
    IssueCode.EXCEL_SERIAL_DATE: (None,),
    IssueCode.INVALID_BOOLEAN: (None,),
    IssueCode.INVALID_ENUM: (None, "suggested", "in_language", "in_language_suggested", *_SCHEMA),
    IssueCode.INVALID_IP: ("address", "prefix", "prefix_of_host"),
    IssueCode.INVALID_VALUE: (
        "error_value",
        "more",
        "municipality_code",
        *_SCHEMA,
        "extends_circle",
        "extends_invalid",
        "review_decision",
        "override_alias",
        "override_product",
    ),
    IssueCode.INCONSISTENT_VALUES: (
        "at_most",
        "before",
        "study_shares",
        "study_zero_basis",
        "study_starts_after",
        "two_exports",
    ),
    IssueCode.CONTROL_CHARACTER: (None, "more", "header", "header_more"),
    IssueCode.DUPLICATE_KEY: (
        None,
        "municipality_folders",
        "study_twice",
        "study_area_twice",
        "study_row_twice",
        "override_cycle",
    ),
    IssueCode.DANGLING_REFERENCE: (None, "nearest", "study_unknown"),
    IssueCode.REFERENCES_NOT_CHECKED: (None, "one"),
    IssueCode.AMBIGUOUS_REFERENCE: (None,),
    IssueCode.UNKNOWN_MUNICIPALITY: (None, "profile"),
    IssueCode.SELF_REFERENCE: (None,),
    IssueCode.DEPENDENCY_CYCLE: (None,),
    IssueCode.INVALID_YAML: (None, "hinted", "profile", "profile_schema", "profile_rule"),
    IssueCode.UNKNOWN_FIELD: (*_SCHEMA, "profile_field", "profile_field_suggested"),
    IssueCode.DEFINITIONS_DIFFER: (None,),
    IssueCode.TOO_MANY_ISSUES: (None,),
}


def template_key(code: IssueCode | str, situation: str | None = None) -> str:
    """The catalogue key stem of an issue's message and hint: ``issue.<code>`` (one
    template per code), ``issue.<code>.<situation>`` where a code covers situations that
    read differently (``TEMPLATES``). Raises ``ValueError`` for a situation not declared
    there (a programming error the tests catch).

    >>> template_key(IssueCode.EMPTY_FILE)
    'issue.empty-file'
    """
    code = IssueCode(code)
    if situation not in TEMPLATES.get(code, ()):
        raise ValueError(f"no issue template {code.value} {situation or ''}".rstrip())
    return f"issue.{code.value}" if situation is None else f"issue.{code.value}.{situation}"


class Issue(BaseModel):
    """One problem in the user's data, with where it is and how to fix it.

    Built from its code, its place and ``params``: the message and hint are the templates
    ``<template>.message`` / ``<template>.hint`` of the message catalogues (``template``
    defaults to ``issue.<code>``, see :func:`template_key`), filled with ``params``;
    ``message`` and ``hint`` hold the English text (JSON, logs), and
    ``inventory.issues`` shows the issue in the reader's language. An issue given
    a ``message`` of its own (no template) reads the same in every language.

    Never echoes a whole cell: ``value`` and ``column`` keep at most ``VALUE_LIMIT``
    characters, a long value quoted in ``message`` or ``hint`` is shortened the same way,
    and both stay under ``MESSAGE_LIMIT``; control characters in them are escapes
    (``\\x1b``), so an issue printed to a terminal cannot drive it.
    """

    model_config = ConfigDict(frozen=True)

    code: IssueCode
    severity: Severity = Severity.ERROR
    message: str = Field(
        default="", description="The English message (from the template, unless given as text)"
    )
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
    template: str | None = Field(
        default=None,
        description="Catalogue key stem of the message and hint"
        " (issue.<code>[.<situation>]); none for a message given as text",
    )
    params: dict[str, IssueParam] = Field(
        default_factory=dict, description="The values the message and hint are filled with"
    )

    @model_validator(mode="before")
    @classmethod
    def _text_from_template(cls, data: Any) -> Any:
        """Without a ``message``, the message and hint come from the code's template in
        English; a long cell quoted in the parameters, message or hint (raw or as
        ``repr``) is shortened there as in ``value``, before each is bounded as a whole."""
        if not isinstance(data, dict):
            return data
        params = data.get("params")
        if data.get("message") is None:
            data = dict(data)
            template = data.get("template") or template_key(data["code"])
            data["template"] = template
            if params:
                params = data["params"] = _bounded_params(params, data.get("value"))
            from inventory.issues import template_texts  # the render layer

            data["message"], data["hint"] = template_texts(template, params or {}, "en")
            return data
        value = data.get("value")
        if not isinstance(value, str) or len(value) <= VALUE_LIMIT:
            return data
        data = dict(data)
        for name in ("message", "hint"):
            text = data.get(name)
            if isinstance(text, str) and len(text) > VALUE_LIMIT:
                data[name] = _shorten_quoted(text, value)
        if params:
            data["params"] = _bounded_params(params, value)
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


def _shorten_quoted(text: str, value: str) -> str:
    """``text`` with ``value`` (or ``value`` trimmed), raw or as ``repr``, shortened."""
    for long in sorted({value, value.strip()}, key=len, reverse=True):
        if len(long) > VALUE_LIMIT:
            text = text.replace(repr(long), repr(shorten(long)))
            text = text.replace(long, shorten(long))
    return text


def _bounded_params(params: dict[str, IssueParam], value: object) -> dict[str, IssueParam]:
    """The parameters as shown: a long cell quoted in one shortened as in ``value``, each
    text bounded and its control characters escaped."""
    bounded: dict[str, IssueParam] = {}
    for name, param in params.items():
        if isinstance(param, str):
            if isinstance(value, str) and len(value) > VALUE_LIMIT and len(param) > VALUE_LIMIT:
                param = _shorten_quoted(param, value)
            param = visible(shorten(param, MESSAGE_LIMIT))
        bounded[name] = param
    return bounded


def empty_file_issue(
    file: str,
    *,
    sheet: str | None = None,
    municipality: str | None = None,
    record_kind: str | None = None,
) -> Issue:
    """The one issue of an empty file (CSV, workbook, YAML) or an empty workbook sheet
    (its place names the sheet): nothing in it to read."""
    return Issue(
        code=IssueCode.EMPTY_FILE,
        file=file,
        sheet=sheet,
        municipality=municipality,
        record_kind=record_kind,
    )


_CONTROL = re.compile(CONTROL_PATTERN)


def control_character_problem(
    text: str, *, header: bool = False
) -> tuple[dict[str, IssueParam], str | None]:
    """The parameters and situation of a ``control-character`` issue in a value (or a
    ``header`` cell): the text, the first control character it holds (its Unicode name)
    and where, how many more."""
    match = _CONTROL.search(text)
    assert match is not None
    more = len(_CONTROL.findall(text, match.end()))
    params: dict[str, IssueParam] = {
        "text": repr(text),
        "control": control_name(match.group()),
        "position": str(match.start() + 1),
    }
    if more:
        params["more"] = more
    situation = "_".join(part for part, used in (("header", header), ("more", more)) if used)
    return params, situation or None


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
            issues.append(
                Issue(
                    code=IssueCode.TOO_MANY_ISSUES,
                    severity=Severity.INFO,
                    params={"count": dropped, "cap": self.cap},
                )
            )
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
        return [
            [i.code.value, i.severity.value, i.place, i.message, i.hint or ""]
            for i in self.all_issues()
        ]


# -- showing issues in a language ----------------------------------------------------------


def template_texts(
    template: str, params: Mapping[str, IssueParam], lang: Lang
) -> tuple[str, str | None]:
    """The message and hint of ``template`` (``issue.<code>[.<situation>]``) in ``lang``,
    filled with ``params``; the hint is None when the template has none."""
    # (filled here, not by t(): a parameter may be called ``key`` or ``lang``)
    shown = {name: param_text(value, lang) for name, value in params.items()}
    # (a plural message, ``<key>.one``/``.other``, takes the form of its ``count``)
    message = text_template(f"{template}.message", lang, params.get("count")).format(**shown)
    if "list_element" in shown:  # a problem of one element of a list cell
        message = t("issue.list_element", lang, element=shown["list_element"], message=message)
    hint: str | None = None
    if any(translations(f"{template}.hint").values()):  # (t says which language lacks it)
        hint = t(f"{template}.hint", lang).format(**shown)
    return message, hint


def _bounded(text: str) -> str:
    return visible(shorten(text, MESSAGE_LIMIT))


def issue_texts(issue: Issue, lang: Lang) -> tuple[str, str | None]:
    """The message and hint of ``issue`` in ``lang`` (an issue without a template, its
    message given as text, reads the same in every language)."""
    if lang == "en" or issue.template is None:
        return issue.message, issue.hint
    message, hint = template_texts(issue.template, issue.params, lang)
    return _bounded(message), None if hint is None else _bounded(hint)


def severity_text(severity: Severity, lang: Lang) -> str:
    """``error``, ``fel``, ``feil`` ..."""
    return t(f"issue.severity.{severity.value}", lang)


def issue_place(issue: Issue, lang: Lang) -> str:
    """``file:line`` (``book.xlsx[sheet]:line`` in a workbook) plus row and column, in
    ``lang`` (``Issue.place`` is the English)."""
    if lang == "en":
        return issue.place
    parts = []
    if issue.file:
        file = visible(issue.file)
        if issue.sheet is not None:
            file += f"[{visible(issue.sheet)}]"
        parts.append(f"{file}:{issue.line}" if issue.line else file)
    if issue.row is not None:
        parts.append(t("issue.place.row", lang, row=str(issue.row)))
    if issue.column is not None:
        key = "issue.place.column" if issue.column_index is None else "issue.place.column_at"
        parts.append(t(key, lang, column=repr(issue.column), index=str(issue.column_index)))
    return ", ".join(parts)


def issue_line(issue: Issue, lang: Lang, *, severity: bool = True) -> str:
    """The issue as one line: ``error invalid-number at servers.csv:3, row 2, column 'RAM'
    (#4): '3x' is not a number. Hint: …`` in ``lang`` (``str(issue)`` in English);
    without its severity word when ``severity`` is false (printed apart, in colour)."""
    message, hint = issue_texts(issue, lang)
    place = issue_place(issue, lang)
    text = issue.code.value
    if place:
        text = t("issue.line.at", lang, code=text, place=place)
    text = t("issue.line.message", lang, head=text, message=message)
    if hint:
        text = t("issue.line.hint", lang, text=text, hint=hint)
    if severity:
        text = f"{severity_text(issue.severity, lang)} {text}"
    return text


#: The inputs an ``InvalidInputError`` names in words (anything else is a file's path).
_WHAT: dict[str, str] = {
    "The input": "error.what.input",
    "The inventory": "error.what.inventory",
    "The study input": "error.what.study",
}


class InvalidInputError(InventoryError):
    """Input given to the library is invalid: every problem is in ``report`` (an
    ``IssueReport``; ``issues`` lists them, each with its file, line and code), and
    nothing was stored or computed.

    The one way the public API (``inventory.api``) reports invalid input: inventory
    folders, mapping profiles, target files and study folders alike. ``what`` names the
    input in the message (``"The inventory"``, ``"samples/target.yaml"``).
    """

    def __init__(
        self,
        issues: IssueReport | Iterable[Issue],
        what: str = "The input",
        hint: str | Message | None = None,
    ) -> None:
        if isinstance(issues, IssueReport):
            report = issues
        else:
            report = IssueReport()
            report.extend(issues)
        count = report.count(Severity.ERROR)
        named: str | Message = Message(_WHAT[what]) if what in _WHAT else what  # (else a path)
        super().__init__(
            Message("error.invalid_input", {"what": named, "count": str(count)}),
            hint=hint or Message("error.invalid_input.hint"),
        )
        self.report = report

    @property
    def issues(self) -> list[Issue]:
        """Every issue (errors, warnings and notes), with a notice when some were not
        kept (the cap)."""
        return self.report.all_issues()
