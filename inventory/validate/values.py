"""Column-wise value parsers: raw text cells in, typed values and issues out.

One parser per ``FieldSpec.value_type``. Every parser works on the DISTINCT values of a
column (Arrow's dictionary encoding of the reader's columns): each distinct text is
normalised and parsed once and the result is mapped back to the rows by its code, so a
million client rows with a few hundred distinct values cost a few hundred parses. Issues
are made per row (with the row's physical line) up to a limit; the rest are counted in
``ParsedColumn.unlisted``.

The rules (docs/reliability.md, "Values"):

- only an empty cell is missing: ``NA``, ``None`` and ``null`` are values;
- numbers take a decimal comma (``3,5``) and thousands separators (``1 024``, with a
  space, a no-break space or a narrow no-break space, and ``1.024,5`` / ``1,024.5``);
  a lone separator followed by exactly three digits (``1,024``, ``1.024``) could be
  either and is an ``ambiguous-number`` error;
- identifiers stay text (``0480`` keeps its zero); ``1,23E+11`` in one is an error;
- dates are ISO (``2024-03-05``) or ``d.m.yyyy``; ``3/5/2024`` and Excel serial
  numbers (``45123``) are errors;
- every text is trimmed, NFC-normalised and stripped of zero-width characters;
- a cell holding a control character (ESC, BEL, VT, FF, NUL, DEL, a C1 control) or a
  bidirectional override is a ``control-character`` error, whatever the column's type:
  echoed, it would drive a terminal or reorder what a person reads. TAB, LF and CR are
  allowed (a quoted cell may span lines); outputs escape them.
"""

from __future__ import annotations

import datetime as dt
import functools
import ipaddress
import math
import re
import typing
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from inventory.echo import CONTROL_PATTERN
from inventory.issues import (
    Issue,
    IssueCode,
    IssueParam,
    Severity,
    control_character_problem,
    template_key,
)
from inventory.messages import Code, Message
from inventory.models.base import Language, Words
from inventory.models.registry import FieldSpec
from inventory.read.suggest import nearest, value_candidates
from inventory.read.units import (
    DIMENSION_NAMES,
    ColumnUnit,
    Dimension,
    Unit,
    column_unit,
    find_unit,
    split_quantity,
)

#: Zero-width characters removed from every text (they make ``srv01`` and ``srv01\u200b``
#: look the same to a person but differ to a computer).
ZERO_WIDTH_PATTERN = "[\u200b\u200c\u200d\u2060\ufeff]"
_ZERO_WIDTH = re.compile(ZERO_WIDTH_PATTERN)
_CONTROL = re.compile(CONTROL_PATTERN)
#: Separators of list cells (``vlans``, ``sites``, ``depends_on``...).
LIST_SEPARATOR = re.compile(r"[,;|]")

TRUE_SPELLINGS = ("yes", "ja", "true", "sant", "sann", "1", "x")
FALSE_SPELLINGS = ("no", "nej", "nei", "false", "falskt", "usant", "usann", "0")
_BOOLEANS: dict[str, bool] = {
    **dict.fromkeys(TRUE_SPELLINGS, True),
    **dict.fromkeys(FALSE_SPELLINGS, False),
}

_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)")
_INTEGER = re.compile(r"\d+")
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE][+-]?\d+")
_SPACE_GROUPED = re.compile(rf"\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?:[.,]\d+)?")
_EUROPEAN_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
_ENGLISH_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_AMBIGUOUS_NUMBER = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")
_DECIMAL = re.compile(r"\d*[.,]\d+")
_MANGLED_IDENTIFIER = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE]\+?\d+")

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
_EXCEL_SERIAL = re.compile(r"(\d{5})(?:[.,]\d+)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)

#: Longer texts are never numbers (and Python refuses int() of > 4300 digits).
_LONGEST_NUMBER = 100
#: Largest integer an ``Int64`` column holds.
_INT64_MAX = 2**63 - 1


@dataclass(frozen=True)
class ColumnPlace:
    """Where a column's cells are: for the place of each issue.

    ``lines`` holds the physical line of each row (row ``i`` is data row ``i + 1``).
    """

    file: str
    column: str
    column_index: int  # 1-based
    lines: Sequence[int] | np.ndarray[Any, Any]
    municipality: str | None = None
    record_kind: str | None = None


@dataclass(frozen=True)
class Problem:
    """What is wrong with one distinct value (turned into one issue per row): its code
    and the parameters of the code's template (``situation``: where one code reads in
    several ways, see ``issues.template_key``)."""

    code: IssueCode
    params: dict[str, IssueParam] = field(default_factory=dict)
    situation: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def template(self) -> str:
        return template_key(self.code, self.situation)

    @functools.cached_property
    def _english(self) -> tuple[str, str | None]:
        from inventory.issues import template_texts  # (the render layer)

        return template_texts(self.template, self.params, "en")

    @property
    def message(self) -> str:
        """The English message (each row's issue gets it as it is)."""
        return self._english[0]

    @property
    def hint(self) -> str | None:
        return self._english[1]


@dataclass
class ParsedColumn:
    """A typed column, the issues found in it, and how many more were not listed.

    ``codes`` and ``distinct`` say the same as ``values``, encoded: row ``i`` holds
    ``distinct[codes[i]]`` (None when missing). Checks across rows work on them.
    """

    values: pd.Series
    issues: list[Issue] = field(default_factory=list)
    unlisted: int = 0
    codes: np.ndarray[Any, Any] | None = None
    distinct: np.ndarray[Any, Any] | None = None
    ascending: bool = False  # the distinct values ascend strictly: none is repeated


#: The result of parsing one distinct (normalised, non-empty) text.
Parsed = tuple[Any, list[Problem]]


# --- text -------------------------------------------------------------------------------


def normalise_text(text: pd.Series) -> pd.Series:
    """Trimmed, NFC, zero-width characters removed; missing cells become ``""``.

    >>> normalise_text(pd.Series(["srv01 ", "srv\u200b01"])).tolist()
    ['srv01', 'srv01']
    """
    series = text.astype("str").fillna("")
    trimmed = series.str.strip()
    plain = series.str.isascii().to_numpy(dtype=bool)
    if not plain.all():  # only non-ASCII text can hold zero-width or decomposed characters
        other = series[~plain]
        trimmed[~plain] = (
            other.str.replace(ZERO_WIDTH_PATTERN, "", regex=True).str.normalize("NFC").str.strip()
        )
    return trimmed


def is_mangled_identifier(text: str) -> bool:
    """True for ``1,23E+11``: a long number Excel has turned into scientific notation."""
    return _MANGLED_IDENTIFIER.fullmatch(text) is not None


def _identifier_problem(text: str) -> Problem:
    return Problem(IssueCode.MANGLED_IDENTIFIER, {"text": repr(text)})


# --- numbers ----------------------------------------------------------------------------


def parse_number(text: str) -> float | int | Problem:
    """A number written the Swedish, Norwegian or English way, or the ``Problem``.

    Integers come back as ``int`` (exact, however large), everything else as ``float``.

    >>> parse_number("1 024,5"), parse_number("3,5"), parse_number("1.024.000")
    (1024.5, 3.5, 1024000)
    """
    if len(text) > _LONGEST_NUMBER:
        return Problem(IssueCode.INVALID_NUMBER, {"length": str(len(text))}, "too_long")
    body = text.replace("\u2212", "-")
    sign = ""
    if body[:1] in "+-" and body:
        sign, body = ("-" if body[0] == "-" else ""), body[1:].lstrip()
    if _INTEGER.fullmatch(body):
        return int(sign + body)
    if _AMBIGUOUS_NUMBER.fullmatch(body):
        separator = body[-4]
        whole, fraction = body.split(separator)
        return Problem(
            IssueCode.AMBIGUOUS_NUMBER,
            {
                "text": repr(text),
                "whole": whole,
                "fraction": fraction,
                "separator": repr(separator),
            },
        )
    if _SCIENTIFIC.fullmatch(body):
        return _finite(text, float(sign + body.replace(",", ".")))
    if _SPACE_GROUPED.fullmatch(body):
        return _finite(text, _decimal(sign, re.sub(_GROUP_SPACE, "", body)))
    if _EUROPEAN_GROUPED.fullmatch(body):
        return _finite(text, _decimal(sign, body.replace(".", "")))
    if _ENGLISH_GROUPED.fullmatch(body):
        return _finite(text, _decimal(sign, body.replace(",", "")))
    if _COMMA_THOUSANDS.fullmatch(body) or _DOT_THOUSANDS.fullmatch(body):
        return int(sign + re.sub("[.,]", "", body))
    if _DECIMAL.fullmatch(body):
        return _finite(text, _decimal(sign, body))
    return Problem(IssueCode.INVALID_NUMBER, {"text": repr(text)})


def _quantity(
    text: str, spec: FieldSpec, column: ColumnUnit | None
) -> tuple[float | int, Unit] | Problem:
    """A number followed by a unit (``16 GB``, ``1,5 TB``, ``10G``), or the Problem: not a
    number (the hint names the column's units), or a unit of another dimension."""
    parts = split_quantity(text)
    dimension = None if column is None else column.dimension
    unit = None if parts is None else find_unit(parts[1], dimension)
    if parts is None or unit is None or column is None:
        if column is not None:
            return Problem(
                IssueCode.INVALID_NUMBER,
                {"text": repr(text), "units": _units_term(column), "unit": column.unit.symbol},
                "with_unit",
            )
        return Problem(
            IssueCode.INVALID_NUMBER, {"text": repr(text), "field": spec.name}, "without_unit"
        )
    if unit.dimension != column.dimension:
        return Problem(
            IssueCode.WRONG_UNIT,
            {
                "text": repr(text),
                "found": _dimension_term(unit.dimension),
                "symbol": unit.symbol,
                "expected": _dimension_term(column.dimension),
                "field": spec.name,
                "unit": column.unit.symbol,
                "units": _units_term(column),
            },
            "apparent_power" if unit.dimension is Dimension.APPARENT_POWER else None,
        )
    number = parse_number(parts[0])
    return number if isinstance(number, Problem) else (number, unit)


def _dimension_term(dimension: Dimension) -> Code:
    """What a unit measures, as a term (``a bit rate``, ``en bithastighet``)."""
    assert dimension in DIMENSION_NAMES
    return Code("issue_dimension", dimension.value)


def _units_term(column: ColumnUnit) -> Code:
    """The units a column takes, as a term (their symbols, and what they mean)."""
    return Code("issue_units", "memory" if column.memory else column.dimension.value)


def _finite(text: str, number: float | int) -> float | int | Problem:
    if isinstance(number, float) and not math.isfinite(number):
        return Problem(IssueCode.OUT_OF_RANGE, {"text": repr(text)}, "not_finite")
    return number


def _decimal(sign: str, body: str) -> float | int:
    body = body.replace(",", ".")
    if "." not in body:
        return int(sign + body)
    return float(sign + (body if not body.startswith(".") else "0" + body))


def _number_parser(spec: FieldSpec, source: Unit | None = None) -> Callable[[str], Parsed]:
    """Numbers of ``spec``; ``source`` is the unit the header gives its plain numbers in
    (``Minne (MiB)``), a unit written in the cell wins over it."""
    column = column_unit(spec.name, spec.unit)

    def parse(text: str) -> Parsed:
        number = parse_number(text)
        unit = source
        if isinstance(number, Problem):
            if number.code is not IssueCode.INVALID_NUMBER:
                return None, [number]
            quantity = _quantity(text, spec, column)
            if isinstance(quantity, Problem):
                return None, [quantity]
            number, unit = quantity
        if column is not None and unit is not None and unit != column.unit:
            number = column.convert(number, unit)
        if spec.value_type in ("int", "int_list"):
            if isinstance(number, float):
                if not number.is_integer():
                    return None, [
                        Problem(
                            IssueCode.NOT_AN_INTEGER,
                            {"text": repr(text), "field": spec.name, "rounded": str(round(number))},
                        )
                    ]
                number = int(number)
            if abs(number) > _INT64_MAX:
                return None, [Problem(IssueCode.OUT_OF_RANGE, {"text": repr(text)}, "too_large")]
        else:
            number = float(number)
        if spec.minimum is not None and number < spec.minimum:
            in_unit = f" {spec.unit}" if spec.unit else ""
            return None, [
                Problem(
                    IssueCode.OUT_OF_RANGE,
                    {
                        "text": repr(text),
                        "field": spec.name,
                        "minimum": f"{spec.minimum:g}",
                        "unit": in_unit,
                    },
                )
            ]
        return number, []

    return parse


_SIGNED_AMBIGUOUS = re.compile(r"[+-]?" + _AMBIGUOUS_NUMBER.pattern)
_SHORT_INTEGER = re.compile(r"[+-]?\d{1,18}")


def _is_plain_number(text: str, spec: FieldSpec) -> bool:
    """``_plain_numbers``' test of one text."""
    return (
        len(text) <= 18
        and text.isascii()
        and _PLAIN_NUMBER.fullmatch(text) is not None
        and _SIGNED_AMBIGUOUS.fullmatch(text) is None
        and (spec.value_type != "int" or _SHORT_INTEGER.fullmatch(text) is not None)
    )


def _set_plain_numbers(
    spec: FieldSpec, typed: np.ndarray[Any, Any], indices: np.ndarray[Any, Any], texts: list[str]
) -> np.ndarray[Any, Any]:
    """``typed[indices]``: the plain numbers ``texts`` as ``_plain_numbers`` parses them
    (pandas' parser, on the same object values), those under the minimum left out (the
    indices set are returned; the others take the exact path, which says what is wrong)."""
    if not texts:
        return indices
    numbers = np.asarray(pd.to_numeric(np.array(texts, dtype=object)))
    if spec.minimum is not None:
        keep = numbers >= spec.minimum
        numbers, indices = numbers[keep], indices[keep]
    values = numbers.astype(object)
    if spec.value_type == "float":
        values = np.array([float(v) for v in values], dtype=object)
    typed[indices] = values
    return indices


def _plain_numbers(uniques: pd.Series, spec: FieldSpec) -> pd.Series:
    """Fast path: the distinct values that are plain ``123`` / ``-1.5`` numbers, parsed."""
    plain = uniques.str.fullmatch(_PLAIN_NUMBER.pattern) & ~uniques.str.fullmatch(
        r"[+-]?" + _AMBIGUOUS_NUMBER.pattern
    )
    plain &= uniques.str.len() <= 18  # longer ones take the exact (slow) path
    # Other scripts' digits (``٣``) match \d but not pandas' number parser: exact path too.
    plain &= uniques.str.isascii()
    if spec.value_type == "int":
        plain &= uniques.str.fullmatch(r"[+-]?\d{1,18}")
    numbers = pd.to_numeric(uniques[plain.fillna(False).astype(bool)])
    if spec.minimum is not None:
        numbers = numbers[numbers >= spec.minimum]
    return numbers


# --- dates ------------------------------------------------------------------------------


def parse_date(text: str) -> dt.date | Problem:
    """An ISO (``2024-03-05``) or ``d.m.yyyy`` date, or the ``Problem``.

    >>> parse_date("5.3.2024")
    datetime.date(2024, 3, 5)
    """
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DOTTED_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _SLASH_DATE.fullmatch(text):
        first, second = int(match[1]), int(match[2])
        if first <= 12 and second <= 12 and first != second:
            return Problem(IssueCode.AMBIGUOUS_DATE, {"text": repr(text)})
        return Problem(IssueCode.INVALID_DATE, {"text": repr(text)}, "slashes")
    elif match := _EXCEL_SERIAL.fullmatch(text):
        serial = int(match[1])
        meant = _EXCEL_EPOCH + dt.timedelta(days=serial)
        return Problem(IssueCode.EXCEL_SERIAL_DATE, {"text": repr(text), "date": meant.isoformat()})
    else:
        return Problem(IssueCode.INVALID_DATE, {"text": repr(text)})
    try:
        return dt.date(year, month, day)
    except ValueError:
        return Problem(IssueCode.INVALID_DATE, {"text": repr(text)}, "no_such_day")


def _parse_date_value(text: str) -> Parsed:
    date = parse_date(text)
    return (None, [date]) if isinstance(date, Problem) else (date, [])


# --- booleans, enums, addresses ---------------------------------------------------------


def parse_boolean(text: str) -> bool | Problem:
    """``ja``/``nej``, ``yes``/``no``, ``true``/``false``, ``1``/``0``, ``x``... or a Problem."""
    value = _BOOLEANS.get(text.casefold())
    if value is None:
        return Problem(
            IssueCode.INVALID_BOOLEAN,
            {
                "text": repr(text),
                "yes": ", ".join(TRUE_SPELLINGS),
                "no": ", ".join(FALSE_SPELLINGS),
            },
        )
    return value


def _parse_boolean_value(text: str) -> Parsed:
    value = parse_boolean(text)
    return (None, [value]) if isinstance(value, Problem) else (value, [])


def _enum_parser(spec: FieldSpec, language: str | None = None) -> Callable[[str], Parsed]:
    enum_type = spec.enum
    assert enum_type is not None
    allowed = [str(member.value) for member in enum_type]
    words = {value: enum_type.words(value) for value in allowed}
    candidates = value_candidates(allowed, words, language)
    allowed_params = _allowed_values(allowed, words, language)

    def parse(text: str) -> Parsed:
        member = enum_type.parse(text)
        if member is not None:
            return member.value, []
        near = nearest(text, candidates)
        params: dict[str, IssueParam] = {"text": repr(text), "field": spec.name, **allowed_params}
        situation = "in_language" if "language" in allowed_params else None
        if near is not None:
            params["suggestion"] = repr(candidates[near])
            situation = "suggested" if situation is None else "in_language_suggested"
        return None, [Problem(IssueCode.INVALID_ENUM, params, situation)]

    return parse


#: The file languages an enum error lists the names of (``code.issue_language.<code>``).
_LANGUAGE_NAMES = ("sv", "nb", "nn")
#: Aliases listed per allowed value (the hint stays readable; all are accepted).
_ALIASES_LISTED = 3


def _allowed_values(
    allowed: list[str], words: dict[str, Words], language: str | None
) -> dict[str, IssueParam]:
    """The hint's parameters of an enum error: the allowed values, with their names in
    the file's language when it is Swedish or Norwegian (``active (aktiv, i drift,
    drift)``)."""
    if language not in _LANGUAGE_NAMES:
        return {"allowed": ", ".join(allowed)}
    listed = []
    for value in allowed:
        own = words[value].of(typing.cast(Language, language))[:_ALIASES_LISTED]
        listed.append(f"{value} ({', '.join(own)})" if own else value)
    return {"allowed": "; ".join(listed), "language": Code("issue_language", language or "")}


def _ip_problem(text: str, what: str, detail: str) -> Problem:
    """``what``: ``address`` or ``prefix``; ``detail``: what the ipaddress module says."""
    return Problem(IssueCode.INVALID_IP, {"text": repr(text), "detail": detail}, what)


#: An IPv4 address as ``ipaddress`` writes it (no leading zeros): it stays as it is.
_CANONICAL_IPV4 = re.compile(
    r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
)


def _parse_ip_address(text: str) -> Parsed:
    if _CANONICAL_IPV4.fullmatch(text):
        return text, []  # str(ipaddress.ip_address(text)) == text
    try:
        return str(ipaddress.ip_address(text)), []
    except ValueError as error:
        return None, [_ip_problem(text, "address", str(error))]


def _parse_prefix(text: str) -> tuple[str | None, Problem | None]:
    try:
        return str(ipaddress.ip_network(text, strict=True)), None
    except ValueError as error:
        problem = _ip_problem(text, "prefix", str(error))
    try:
        network = ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None, problem
    return None, Problem(
        problem.code, {**problem.params, "network": str(network)}, "prefix_of_host"
    )


# --- lists ------------------------------------------------------------------------------


def split_list(text: str) -> list[str]:
    """The elements of a list cell (``a, b; c|d``), trimmed, empty ones dropped."""
    return [part.strip() for part in LIST_SEPARATOR.split(text) if part.strip()]


def _list_parser(spec: FieldSpec) -> Callable[[str], Parsed]:
    int_parser = _number_parser(spec) if spec.value_type == "int_list" else None

    def parse(text: str) -> Parsed:
        elements: list[Any] = []
        problems: list[Problem] = []
        for part in split_list(text):
            if int_parser is not None:
                value, element_problems = int_parser(part)
                problems.extend(_in_list(problem, part) for problem in element_problems)
                elements.append(value)
            elif spec.name == "prefixes":
                prefix, problem = _parse_prefix(part)
                if problem is not None:
                    problems.append(problem)
                elements.append(prefix)
            else:
                if spec.identifier and is_mangled_identifier(part):
                    problems.append(_identifier_problem(part))
                elements.append(part)
        if problems:
            return None, problems
        return (tuple(elements) if elements else None), []

    return parse


def _in_list(problem: Problem, element: str) -> Problem:
    return Problem(
        problem.code,
        {**problem.params, "list_element": repr(element)},
        problem.situation,
        problem.severity,
    )


# --- the column parser ------------------------------------------------------------------


_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean"}

#: A column's raw cells: a Series, or the reader's Arrow column (``SourceTable.text_column``).
TextColumn: typing.TypeAlias = pd.Series | pa.ChunkedArray


#: Columns from this many rows on whose first ``_SAMPLE`` cells all differ (keys, serial
#: numbers) are typed row by row: encoding a million distinct texts buys nothing.
_DISTINCT_FROM_ROWS = 1 << 16
_SAMPLE = 1024
#: Columns up to this many rows are typed in plain Python: pandas' cost per call would
#: dominate (a sample inventory has hundreds of short columns).
_SMALL_COLUMN = 2048


def parse_column(
    spec: FieldSpec,
    text: pd.Series | pa.ChunkedArray,
    place: ColumnPlace,
    *,
    limit: int = 1000,
    unit: Unit | None = None,
    language: str | None = None,
) -> ParsedColumn:
    """Parse one column of raw text cells into the typed values of ``spec``.

    ``text`` holds the raw cells (``""`` when empty), in row order (a Series, or the
    reader's Arrow column: ``SourceTable.text_column``); ``place`` says where
    they are. Issues are listed up to ``limit`` per column (the rest are counted in
    ``unlisted``). Empty cells are missing (``None``); a required field's empty cell is a
    ``missing-value`` error. ``unit`` is the unit the header names (``RAM [MiB]``): plain
    numbers are in it and are converted to the field's unit. ``language`` is the file's
    (``sv``, ``nb``, ``nn``, ``en``): an enum error lists the aliases of that language.
    The values have the dtypes documented on ``ValidTable``.

    >>> from inventory.models import field_specs
    >>> spec = {s.name: s for s in field_specs("server")}["ram_gb"]
    >>> place = ColumnPlace("servers.csv", "RAM", 3, [2, 3])
    >>> parse_column(spec, pd.Series(["3,5", "1 024"]), place).values.tolist()
    [3.5, 1024.0]
    """
    typed = type_column(spec, text, unit=unit, language=language)
    issues, unlisted = column_issues(spec, typed, typed.codes, place, limit)
    values = typed_series(spec, typed.typed, None if typed.per_row else typed.codes)
    return ParsedColumn(
        values=values,
        issues=issues,
        unlisted=unlisted,
        codes=typed.codes,
        distinct=typed.typed,
        ascending=typed.ascending,
    )


@dataclass
class TypedColumn:
    """A column's cells typed, before issues are made: each row's ``codes`` into the
    distinct raw texts (``raw_uniques``), their typed values (``typed``), their
    ``problems`` and which are ``empty``. The cells may be those of several files of
    one record kind, one after the other (``type_columns``)."""

    codes: np.ndarray[Any, Any]
    raw_uniques: pa.Array | pa.ChunkedArray | list[str]
    typed: np.ndarray[Any, Any]
    problems: dict[int, list[Problem]]
    empty: np.ndarray[Any, Any]
    per_row: bool = False
    ascending: bool = False


def type_column(
    spec: FieldSpec,
    text: TextColumn | Sequence[TextColumn],
    *,
    unit: Unit | None = None,
    language: str | None = None,
) -> TypedColumn:
    """The cells of ``text`` typed as ``spec`` says (``parse_column`` without its issues).

    ``text`` may be several files' columns: their cells are typed together, one after
    the other (each distinct text once), and never row by row, so that each file's rows
    can be encoded as they would be alone (``local_codes``).
    """
    per_row = ascending = False
    parts = [text] if isinstance(text, pd.Series | pa.ChunkedArray) else list(text)
    rows = sum(len(part) for part in parts)
    if rows <= _SMALL_COLUMN:
        codes, raw_uniques = _factorize_small(parts)
        typed, problems, empty = _type_small(spec, raw_uniques, unit, language)
    else:
        cells = _arrow_texts(parts)
        per_row = len(parts) == 1 and _is_vectorised(spec) and _looks_distinct(cells)
        raw: pa.Array | pa.ChunkedArray
        if per_row:
            codes = np.arange(len(cells), dtype=np.int64)
            raw = cells
        else:
            codes, raw = _dictionary_encode(cells)
        if not per_row and len(raw) <= _SMALL_COLUMN:
            # Many rows, few distinct texts: those typed in plain Python (as a small
            # column's; pandas' cost per call would dominate)
            raw_uniques = raw.to_pylist()
            typed, problems, empty = _type_small(spec, raw_uniques, unit, language)
        else:
            raw_uniques = raw
            uniques = normalise_text(_str_series(raw))
            ascending = per_row and _strictly_ascending(uniques)
            typed, problems, empty = _type_large(spec, uniques, unit, language)
    controls = _control_indices(raw_uniques)
    if len(controls):  # the value as a whole is rejected: no other problem, no value
        typed, empty = typed.copy(), empty.copy()
        typed[controls] = None
        empty[controls] = False
        cells_raw = _RawCells(raw_uniques, codes)
        for index in controls.tolist():
            problems[index] = [_control_problem(cells_raw.distinct(index))]
    return TypedColumn(codes, raw_uniques, typed, problems, empty, per_row, ascending)


def column_issues(
    spec: FieldSpec,
    typed: TypedColumn,
    codes: np.ndarray[Any, Any],
    place: ColumnPlace,
    limit: int,
) -> tuple[list[Issue], int]:
    """The issues of the rows whose ``codes`` (into ``typed``'s distinct values) are
    given, at ``place`` (row ``i`` is ``codes[i]``), up to ``limit``, and how many more."""
    raw = _RawCells(typed.raw_uniques, codes)
    issues, unlisted = _row_issues(raw, typed.problems, place, limit)
    if spec.required and typed.empty.any():
        # the column's description in the reader's language (the catalogue's English is
        # the model's: tests/validate/test_missing_value_language.py)
        described = (
            spec.description
            if place.record_kind is None
            else Message(f"field.description.{place.record_kind}.{spec.name}")
        )
        missing = Problem(IssueCode.MISSING_VALUE, {"field": spec.name, "description": described})
        more, more_unlisted = _row_issues(
            raw, {index: [missing] for index in np.flatnonzero(typed.empty).tolist()}, place, limit
        )
        issues.extend(more)
        unlisted += more_unlisted
    return issues, unlisted


def local_codes(codes: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """``codes`` (one file's rows, into distinct values shared with other files) made
    the file's own: its codes into its own distinct values, in order of first
    appearance, and which shared distinct value each of those is."""
    if len(codes) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    shared, first, inverse = np.unique(codes, return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return rank[inverse.reshape(-1)], shared[order]


Typed = tuple[np.ndarray[Any, Any], dict[int, list[Problem]], np.ndarray[Any, Any]]


def _is_vectorised(spec: FieldSpec) -> bool:
    """Text fields other than addresses: typed by normalising alone (no parser per value)."""
    return spec.value_type == "text" and spec.name != "ip_address"


def _type_large(
    spec: FieldSpec, uniques: pd.Series, unit: Unit | None = None, language: str | None = None
) -> Typed:
    """The typed distinct values (normalised ``uniques``), their problems, which are empty."""
    problems: dict[int, list[Problem]] = {}
    empty = (uniques == "").to_numpy(dtype=bool)
    present = np.flatnonzero(~empty)
    texts = uniques if len(present) == len(uniques) else uniques.iloc[present]
    vectorised = _is_vectorised(spec)
    if vectorised and len(present) == len(uniques):
        typed = texts.to_numpy(dtype=object)
    else:
        typed = np.full(len(uniques), None, dtype=object)
    if spec.value_type in ("int", "float"):
        _type_numbers(spec, texts, present, typed, problems, unit)
    elif vectorised:
        if len(present) < len(uniques):
            typed[present] = texts.to_numpy(dtype=object)
        if spec.identifier:
            mangled = texts.str.fullmatch(_MANGLED_IDENTIFIER.pattern)
            for index in present[mangled.to_numpy(dtype=bool)]:
                typed[index] = None
                problems[int(index)] = [_identifier_problem(str(uniques.iat[index]))]
    elif spec.name == "ip_address":
        # Addresses as ``ipaddress`` writes them stay as they are (one regex over all of
        # them, ``_parse_ip_address``' first test); the others are parsed one by one.
        canonical = texts.str.fullmatch(_CANONICAL_IPV4.pattern).to_numpy(dtype=bool)
        typed[present[canonical]] = texts[canonical].to_numpy(dtype=object)
        _parse_each(
            texts[~canonical].tolist(),
            present[~canonical],
            _value_parser(spec, language),
            typed,
            problems,
        )
    else:
        _parse_each(texts.tolist(), present, _value_parser(spec, language), typed, problems)
    return typed, problems, empty


def _type_small(
    spec: FieldSpec, raw_uniques: list[str], unit: Unit | None = None, language: str | None = None
) -> Typed:
    """``_type_large`` for a few distinct values, in plain Python (same rules: Python's
    ``str.strip`` trims what Arrow's does, pandas runs these patterns as ``re`` would)."""
    uniques = [_normalise(text) for text in raw_uniques]
    problems: dict[int, list[Problem]] = {}
    empty = np.array([not text for text in uniques], dtype=bool)
    present = np.flatnonzero(~empty)
    typed = np.full(len(uniques), None, dtype=object)
    texts = [uniques[index] for index in present.tolist()]
    if spec.value_type in ("int", "float"):
        plain = [
            index
            for index, text in zip(present.tolist(), texts, strict=True)
            if _is_plain_number(text, spec)
        ]
        fast = set(
            _set_plain_numbers(
                spec, typed, np.array(plain, dtype=np.int64), [uniques[index] for index in plain]
            ).tolist()
        )
        _in_column_unit(spec, typed, list(fast), unit)
        slow = [index for index in present.tolist() if index not in fast]
        _parse_each(
            [uniques[index] for index in slow],
            np.array(slow, dtype=np.int64),
            _number_parser(spec, unit),
            typed,
            problems,
        )
    elif _is_vectorised(spec):
        typed[present] = np.array(texts, dtype=object)
        if spec.identifier:
            for index, text in zip(present.tolist(), texts, strict=True):
                if _MANGLED_IDENTIFIER.fullmatch(text):
                    typed[index] = None
                    problems[index] = [_identifier_problem(text)]
    else:
        _parse_each(texts, present, _value_parser(spec, language), typed, problems)
    return typed, problems, empty


def _normalise(text: str) -> str:
    """``normalise_text`` of one text."""
    if text.isascii():
        return text.strip()
    return unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", text)).strip()


def _factorize_small(
    text: TextColumn | Sequence[TextColumn],
) -> tuple[np.ndarray[Any, Any], list[str]]:
    """Each row's code and the distinct raw texts, in order of first appearance."""
    parts = [text] if isinstance(text, pd.Series | pa.ChunkedArray) else list(text)
    if parts and all(isinstance(part, pa.ChunkedArray) for part in parts):
        # The reader's Arrow columns: encoded by Arrow, all files' cells at once (as
        # one array: a few cells in many chunks cost more per chunk than per cell).
        combined = pa.chunked_array([_arrow_texts(parts).combine_chunks()])
        codes, dictionary = _dictionary_encode(combined)
        return codes.astype(np.int64), dictionary.to_pylist()
    cells: list[str] = []
    for part in parts:
        if isinstance(part, pa.ChunkedArray):  # the reader's Arrow column: text or null
            cells.extend(value if isinstance(value, str) else "" for value in part.to_pylist())
        elif getattr(part.dtype, "name", None) == "str":  # the reader's columns: str or missing
            cells.extend(value if isinstance(value, str) else "" for value in part.tolist())
        else:
            cells.extend(part.astype("str").fillna("").tolist())
    index: dict[str, int] = {}
    numbers = [index.setdefault(value, len(index)) for value in cells]
    return np.array(numbers, dtype=np.int64), list(index)


def _type_numbers(
    spec: FieldSpec,
    texts: pd.Series,
    present: np.ndarray[Any, Any],
    typed: np.ndarray[Any, Any],
    problems: dict[int, list[Problem]],
    unit: Unit | None = None,
) -> None:
    """Plain numbers at once (pandas), the others one by one (``parse_number``)."""
    fast = _plain_numbers(texts, spec)
    fast_values = fast.to_numpy(dtype=object)
    if spec.value_type == "float":
        fast_values = np.array([float(v) for v in fast_values], dtype=object)
    typed[fast.index.to_numpy()] = fast_values
    _in_column_unit(spec, typed, fast.index.tolist(), unit)
    slow = np.setdiff1d(present, fast.index.to_numpy(), assume_unique=True)
    slow_texts = texts.loc[slow].tolist() if len(slow) else []
    _parse_each(slow_texts, slow, _number_parser(spec, unit), typed, problems)


def _in_column_unit(
    spec: FieldSpec, typed: np.ndarray[Any, Any], indices: list[int], unit: Unit | None
) -> None:
    """The plain numbers at ``indices``, given in the header's ``unit``, converted to the
    field's unit (the cells with a unit of their own took the exact path)."""
    column = column_unit(spec.name, spec.unit)
    if column is None or unit is None or column.factor(unit) == 1:
        return
    for index in indices:
        converted = column.convert(typed[index], unit)
        typed[index] = int(converted) if spec.value_type == "int" else converted


def _strictly_ascending(texts: pd.Series) -> bool:
    """True when each text sorts after the one before (byte order): then all differ. Keys
    are often written in order; this costs one comparison per row, not a hash table."""
    if len(texts) < 2:
        return True
    values: Any = texts.array
    chunked = values.__arrow_array__()
    later = pc.greater(chunked.slice(1), chunked.slice(0, len(texts) - 1))
    return bool(pc.all(later).as_py())


def _arrow_text(text: TextColumn) -> pa.ChunkedArray:
    """The cells as Arrow text, a missing cell as ``""`` (the reader's columns as they are)."""
    if isinstance(text, pa.ChunkedArray):
        if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
            return _arrow_text(pd.Series(text.to_pandas()))
        return text.fill_null("") if text.null_count else text
    is_str = getattr(text.dtype, "name", None) == "str"
    series = text if is_str else text.astype("str")  # (the reader's columns are already)
    if getattr(series.dtype, "storage", None) != "pyarrow":
        return pa.chunked_array([pa.array(series.fillna("").tolist(), type=pa.large_string())])
    array: Any = series.array
    cells = array.__arrow_array__()
    if isinstance(cells, pa.Array):
        cells = pa.chunked_array([cells])
    return cells.fill_null("") if cells.null_count else cells


def _arrow_texts(parts: Sequence[TextColumn]) -> pa.ChunkedArray:
    """``_arrow_text`` of several columns, one after the other."""
    if len(parts) == 1:
        return _arrow_text(parts[0])
    large = pa.large_string()
    chunks = []
    for part in parts:
        # (the reader's columns: large text without missing cells, taken as they are)
        plain = isinstance(part, pa.ChunkedArray) and part.type == large and not part.null_count
        for chunk in (part if plain else _arrow_text(part)).chunks:
            chunks.append(chunk if chunk.type == large else chunk.cast(large))
    return pa.chunked_array(chunks, type=large)


def _looks_distinct(cells: pa.ChunkedArray) -> bool:
    if len(cells) < _DISTINCT_FROM_ROWS:
        return False
    return len(cells.slice(0, _SAMPLE).unique()) == _SAMPLE


#: Columns of fewer rows are made one chunk before they are encoded (a copy of their text).
_COMBINED_BELOW_ROWS = 1 << 20


def _dictionary_encode(cells: pa.ChunkedArray) -> tuple[np.ndarray[Any, Any], pa.Array]:
    """Each row's code and the distinct texts, in order of first appearance."""
    if len(cells) == 0:
        return np.zeros(0, dtype=np.int64), pa.array([], type=pa.large_string())
    if cells.num_chunks > 1 and len(cells) < _COMBINED_BELOW_ROWS:
        # Many files' chunks: one array is encoded faster than its chunks one by one
        cells = pa.chunked_array([cells.combine_chunks()])
    chunks = [chunk for chunk in cells.dictionary_encode().chunks if len(chunk)]
    dictionary = chunks[-1].dictionary
    if not all(_same_array(chunk.dictionary, dictionary) for chunk in chunks):
        chunks = [cells.combine_chunks().dictionary_encode()]  # the chunks share one memo;
        dictionary = chunks[0].dictionary  # say so if that changes
    # The smallest codes that hold the dictionary: a million rows of a few hundred
    # distinct values take one MB, not eight.
    size = len(dictionary)
    dtype = np.uint8 if size <= 1 << 8 else np.uint16 if size <= 1 << 16 else np.int32
    codes = np.concatenate(
        [chunk.indices.to_numpy(zero_copy_only=False) for chunk in chunks],
        dtype=dtype,
        casting="unsafe",
    )
    return codes, dictionary


def _same_array(one: pa.Array, other: pa.Array) -> bool:
    """True for equal arrays; the same buffers are not compared value by value."""

    def place(array: pa.Array) -> list[Any]:
        return [
            array.offset,
            len(array),
            *(None if buffer is None else buffer.address for buffer in array.buffers()),
        ]

    return place(one) == place(other) or bool(one.equals(other))


def _str_series(values: pa.Array | pa.ChunkedArray) -> pd.Series:
    return pd.Series(values.to_pandas(), dtype="str").reset_index(drop=True)


class _RawCells:
    """The raw text of a row's cell: its distinct text, looked up when an issue needs it."""

    def __init__(
        self, uniques: pa.Array | pa.ChunkedArray | list[str], codes: np.ndarray[Any, Any]
    ) -> None:
        self.uniques = uniques
        self.codes = codes

    def __getitem__(self, row: int) -> str:
        return self.distinct(int(self.codes[row]))

    def distinct(self, index: int) -> str:
        """The distinct raw text ``index``."""
        value = self.uniques[index]
        return value if isinstance(value, str) else str(value.as_py())


# --- control characters -----------------------------------------------------------------


def _control_indices(uniques: pa.Array | pa.ChunkedArray | list[str]) -> np.ndarray[Any, Any]:
    """The positions of the texts that hold a control character (``CONTROL_PATTERN``)."""
    if isinstance(uniques, list):
        if not _CONTROL.search("".join(uniques)):  # one search for the usual clean column
            return np.zeros(0, dtype=np.int64)
        return np.array(
            [index for index, text in enumerate(uniques) if _CONTROL.search(text)], dtype=np.int64
        )
    if not _may_hold_controls(uniques):
        return np.zeros(0, dtype=np.int64)
    found = pc.fill_null(pc.match_substring_regex(uniques, CONTROL_PATTERN), False)
    return np.flatnonzero(found.to_numpy(zero_copy_only=False))


def _may_hold_controls(texts: pa.Array | pa.ChunkedArray) -> bool:
    """False when no byte of the texts can start a control character (the usual case, one
    pass of numpy over the UTF-8 bytes; a regex over a million keys costs 20 times more).

    Bytes that can: C0 but TAB, LF and CR; DEL; and the lead bytes of the C1 controls
    (0xC2), of U+061C (0xD8) and of U+200E..U+2069 (0xE2), also found in other text (a
    dash, a quote), for which the exact search runs.
    """
    chunks = texts.chunks if isinstance(texts, pa.ChunkedArray) else [texts]
    for chunk in chunks:
        if not (pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)):
            return True
        buffer = chunk.buffers()[2]  # the UTF-8 bytes (of the slice, and maybe more)
        if buffer is None or buffer.size == 0:
            continue
        data = np.frombuffer(buffer, dtype=np.uint8)
        low = data < 0x20
        if low.any() and (low & (data != 0x09) & (data != 0x0A) & (data != 0x0D)).any():
            return True
        if (data == 0x7F).any():
            return True
        if data.max() >= 0xC2 and ((data == 0xC2) | (data == 0xD8) | (data == 0xE2)).any():
            return True
    return False


def _control_problem(text: str) -> Problem:
    params, situation = control_character_problem(text)
    return Problem(IssueCode.CONTROL_CHARACTER, params, situation)


#: The parsers of distinct values, each remembering what it parsed: the same dates, enum
#: spellings and addresses recur in every municipality's files, parsed once per process.
_PARSERS: dict[tuple[FieldSpec, str | None], Callable[[str], Parsed]] = {}
#: Texts a parser remembers at most (then it starts again).
_REMEMBERED = 1 << 16


def _value_parser(spec: FieldSpec, language: str | None = None) -> Callable[[str], Parsed]:
    """The parser of ``spec``'s distinct values (remembering; see ``_PARSERS``)."""
    parser = _PARSERS.get((spec, language))
    if parser is not None:
        return parser
    parse = _plain_value_parser(spec, language)
    known: dict[str, Parsed] = {}

    def remembering(text: str) -> Parsed:
        found = known.get(text)
        if found is None:
            if len(known) >= _REMEMBERED:
                known.clear()
            found = known[text] = parse(text)
        return found

    return _PARSERS.setdefault((spec, language), remembering)


def _plain_value_parser(spec: FieldSpec, language: str | None = None) -> Callable[[str], Parsed]:
    if spec.name == "ip_address":
        return _parse_ip_address
    if spec.value_type == "date":
        return _parse_date_value
    if spec.value_type == "bool":
        return _parse_boolean_value
    if spec.value_type == "enum":
        return _enum_parser(spec, language)
    if spec.value_type in ("int_list", "text_list"):
        return _list_parser(spec)
    return lambda text: (text, [])


def _parse_each(
    texts: list[str],
    indices: np.ndarray[Any, Any],
    parser: Callable[[str], Parsed],
    typed: np.ndarray[Any, Any],
    problems: dict[int, list[Problem]],
) -> None:
    """Parse ``texts`` (the distinct values at ``indices``) one by one."""
    for index, text in zip(indices.tolist(), texts, strict=True):
        value, found = parser(text)
        if found:
            problems[index] = list(found)  # (the parser's own list is remembered)
        else:
            typed[index] = value


def empty_column(spec: FieldSpec, rows: int) -> pd.Series:
    """An all-missing column of ``spec``'s dtype (for a field absent from the file)."""
    return typed_series(spec, np.full(1, None, dtype=object), np.zeros(rows, dtype=np.intp))


def typed_series(
    spec: FieldSpec, typed: np.ndarray[Any, Any], codes: np.ndarray[Any, Any] | None
) -> pd.Series:
    """The column: the typed distinct values taken by each row's code (``None``: the
    values are the rows')."""
    dtype = _DTYPES.get(spec.value_type)
    if dtype is None:
        return pd.Series(
            typed if codes is None else typed[codes], dtype=object, name=spec.name, copy=False
        )
    distinct: Any = pd.array(typing.cast(Any, typed), dtype=dtype)  # (stubs: a list)
    return pd.Series(
        distinct if codes is None else distinct.take(codes), name=spec.name, copy=False
    )


def _row_issues(
    raw: _RawCells, problems: dict[int, list[Problem]], place: ColumnPlace, limit: int
) -> tuple[list[Issue], int]:
    """One issue per row whose distinct value has a problem, in row order, up to limit."""
    if not problems:
        return [], 0
    codes = raw.codes
    # (codes may be one file's of distinct values shared with other files: sized for both)
    size = max(int(codes.max()) + 1 if len(codes) else 0, max(problems) + 1)
    problem_counts = np.zeros(size, dtype=np.int64)
    for index, found in problems.items():
        problem_counts[index] = len(found)
    per_row = problem_counts[codes]
    rows = np.flatnonzero(per_row)
    issues: list[Issue] = []
    for row in rows[:limit].tolist():
        for problem in problems[int(codes[row])]:
            if len(issues) >= limit:
                break
            issues.append(
                Issue(
                    code=problem.code,
                    severity=problem.severity,
                    message=problem.message,
                    hint=problem.hint,
                    template=problem.template,
                    params=problem.params,
                    file=place.file,
                    line=int(place.lines[row]),
                    row=row + 1,
                    column=place.column,
                    column_index=place.column_index,
                    value=raw[row],
                    municipality=place.municipality,
                    record_kind=place.record_kind or None,
                )
            )
    return issues, int(per_row.sum()) - len(issues)
