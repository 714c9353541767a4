"""YAML files written by people, validated by pydantic models, problems placed at their line.

The target architecture, alias files and study inputs are YAML. The text is composed into
nodes (PyYAML keeps a start mark on every node) and turned into plain Python values while
a ``LineMap`` records where each value was written, so that a pydantic error location such
as ``("criteria", 2, "weight")`` maps back to its line. Three layers, use the one you need:

- ``parse_yaml_text`` / ``read_yaml_file``: the document and its line map (or issues for a
  missing, non-UTF-8, empty or syntactically broken file);
- ``validation_issues``: a pydantic ``ValidationError`` as one ``Issue`` per problem;
- ``load_yaml_model``: both at once, for a file validated by one model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from inventory.echo import shorten
from inventory.issues import Issue, IssueCode, IssueParam, empty_file_issue, template_key
from inventory.messages import Code, Message, Param
from inventory.output_files import os_reason

ModelT = TypeVar("ModelT", bound=BaseModel)
YamlPath = tuple[str | int, ...]

# The C loader when libyaml is there (parsing ten times faster), the pure-Python one otherwise.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_KEY_MARKER = "[key]"  # pydantic's last location part for an invalid mapping key


@dataclass
class LineMap:
    """Where each value of a YAML document was written: path -> 1-based line.

    A mapping entry is placed at its key's line (a nested section at ``efforts:``), a scalar
    at its own line and a sequence item where it starts. An error on a mapping key
    (pydantic's ``[key]``) is placed at the key; a missing field at its nearest written
    parent.
    """

    values: dict[YamlPath, int] = field(default_factory=dict)
    keys: dict[YamlPath, int] = field(default_factory=dict)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path``, or of its nearest written parent (a missing field)."""
        probe = tuple(path)
        if probe and probe[-1] == _KEY_MARKER:
            probe = probe[:-1]
            if probe in self.keys:
                return self.keys[probe]
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get(())


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML document: plain Python values (``None`` when empty) and their lines."""

    data: Any
    lines: LineMap


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; ``line`` (1-based, if known) and ``problem`` say where.

    ``problem`` is the English text. ``wording`` is the problem as a catalogue message when
    the check is our own (aliases, nesting, an unreadable value); ``None`` when the text is
    the YAML parser's own. ``hint`` is a catalogue message too.
    """

    def __init__(
        self,
        problem: str | Message,
        line: int | None,
        hint: Message | None = None,
    ) -> None:
        super().__init__(str(problem))
        self.problem = str(problem)
        self.wording = problem if isinstance(problem, Message) else None
        self.line = line
        self.hint = hint


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


#: Values that aliases (``*name``, ``<<: *name``) may add to a document beyond those written
#: in it: ample for shared defaults, far below a "billion laughs" (nested aliases that
#: double at every level: a few KB that would expand to billions of values).
MAX_ALIAS_EXPANSION: Final = 100_000
#: Nesting deeper than this is no hand-written file (and would exhaust the stack).
MAX_NESTING: Final = 100
_ALIAS_HINT = Message("validation.hint.alias")
_FLATTEN_HINT = Message("validation.hint.flatten")
_NESTED_TOO_DEEP = Message("validation.yaml.nesting", {"limit": MAX_NESTING})
_ALIAS_CYCLE = Message("validation.yaml.alias_cycle")
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def check_expansion(
    root: yaml.Node, *, budget: int = MAX_ALIAS_EXPANSION, max_nesting: int = MAX_NESTING
) -> None:
    """Refuse a composed document whose aliases would expand it by more than ``budget``
    values, or that nests deeper than ``max_nesting``; ``YamlSyntaxError`` at the line.

    Aliases share one node, so the composed document stays small; the cost is in expanding
    it. Each distinct node's expanded size and height are computed once (no expansion, no
    recursion), in time linear in the document as written.
    """
    sizes: dict[int, tuple[int, int]] = {}  # id -> (values when expanded, nesting height)
    open_nodes: set[int] = set()
    distinct = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            open_nodes.discard(id(node))
            measured = [sizes[id(child)] for child in _children(node)]
            size = 1 + sum(size for size, _ in measured)
            height = 1 + max((height for _, height in measured), default=0)
            # distinct counts at least this node's own values: no false alarm.
            if size - distinct > budget:
                raise YamlSyntaxError(
                    Message("validation.yaml.alias_budget", {"limit": budget}),
                    _line(node),
                    _ALIAS_HINT,
                )
            if height > max_nesting:
                raise YamlSyntaxError(
                    Message("validation.yaml.nesting", {"limit": max_nesting}),
                    _line(node),
                    _FLATTEN_HINT,
                )
            sizes[id(node)] = (size, height)
            continue
        if id(node) in sizes:
            continue
        open_nodes.add(id(node))
        distinct += 1
        stack.append((node, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise YamlSyntaxError(_ALIAS_CYCLE, _line(child))
            if id(child) not in sizes:
                stack.append((child, False))


class _DocumentBuilder:
    """Turns composed nodes into Python values, recording each value's line on the way."""

    def __init__(self, loader: yaml.SafeLoader, *, decimals_as_text: bool) -> None:
        self.loader = loader
        self.decimals_as_text = decimals_as_text
        self.lines = LineMap()
        self._open: set[int] = set()  # nodes being built: an alias into itself recurses
        self._written: dict[int, set[int]] = {}  # mapping node -> its written key nodes

    def build(self, node: yaml.Node, path: YamlPath, key_line: int | None = None) -> Any:
        is_scalar = isinstance(node, yaml.ScalarNode)
        self.lines.values.setdefault(
            path, _line(node) if is_scalar or key_line is None else key_line
        )
        if is_scalar:
            if node.tag == _FLOAT_TAG and self.decimals_as_text:
                # Keep the digits as written: money and weights become Decimal, not floats.
                return str(node.value).replace("_", "")
            return self._construct(node)
        if node.tag not in (_MAP_TAG, _SEQ_TAG):  # !!set, !!omap ...: as safe_load builds them
            return self._construct(node)
        if id(node) in self._open:
            raise YamlSyntaxError(_ALIAS_CYCLE, _line(node))
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
            if not isinstance(node, yaml.MappingNode):
                return self._construct(node)
            written = self._written.get(id(node))
            if written is None:  # the keys written here, not merged in (an alias rebuilds)
                written = self._written[id(node)] = {
                    id(key_node) for key_node, _ in node.value if key_node.tag != _MERGE_TAG
                }
            self.loader.flatten_mapping(node)  # merge keys (<<: *defaults), as safe_load does
            mapping: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node)
                if id(key_node) in written:  # a merged key may be overridden, not repeated
                    if key in first_line:
                        raise YamlSyntaxError(
                            Message(
                                "validation.yaml.duplicate_key",
                                {"value": repr(shorten(str(key), 60)), "first": first_line[key]},
                            ),
                            _line(key_node),
                        )
                    first_line[key] = _line(key_node)
                self.lines.keys[(*path, key)] = _line(key_node)
                mapping[key] = self.build(value_node, (*path, key), _line(key_node))
            return mapping
        finally:
            self._open.discard(id(node))

    def _key(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):  # ? [a, b]: a list or mapping as key
            raise YamlSyntaxError(Message("validation.yaml.complex_key"), _line(node))
        key = self._construct(node)
        # A key written 2008, 1.5, yes, 2024-01-01 or null is text to the models (field
        # names, years, ids): the key as written, never pydantic's "Keys should be strings"
        # at a location spelt datetime.date(2024, 1, 1).
        if isinstance(node, yaml.ScalarNode) and not isinstance(key, str):
            return str(node.value)
        return key

    def _construct(self, node: yaml.Node) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError as error:  # PyYAML lets e.g. the date 2024-13-45 escape as this
            value = repr(shorten(str(node.value), 60))
            wording = (
                Message("validation.yaml.bad_date", {"value": value})
                if node.tag == _TIMESTAMP_TAG
                else Message(
                    "validation.yaml.unreadable",
                    {
                        "value": value,
                        "reason": Message("validation.parser", {"detail": str(error)}),
                    },
                )
            )
            raise YamlSyntaxError(wording, _line(node)) from None


#: The YAML parsers' problems (libyaml's and PyYAML's wording) in our own words: a
#: pattern of the problem -> the message key (a named group is the message's parameter).
#: Any other problem is the parser's English, said to be quoted (``validation.parser``).
_PARSER_PROBLEMS: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), f"validation.yaml.p.{key}")
    for pattern, key in (
        (r"^mapping values are not allowed", "mapping_here"),
        (
            r"^did not find expected key|^expected <block end>, but found '<block mapping",
            "expected_key",
        ),
        (r"^(did not find expected|expected) ',' or '(?P<bracket>[\]}])'", "expected_close"),
        (
            r"^did not find expected '-' indicator|^expected <block end>, but found '\?'",
            "expected_item",
        ),
        (r"^could not find expected ':'", "expected_colon"),
        (r"^found unexpected end of stream", "end_of_file"),
        (r"^found a tab character|^found character '\\t'", "tab"),
        (r"^found character .*that cannot start any token", "bad_start"),
        (r"^found undefined alias", "undefined_alias"),
        (r"^second occurrence", "duplicate_anchor"),
        (r"^but found another document", "more_documents"),
        (r"^found incompatible YAML document", "version"),
        (r"^could not determine a constructor for the tag (?P<tag>'.*')$", "unknown_tag"),
        (r"^found unknown escape character", "escape"),
    )
)


def parser_wording(problem: str) -> Message:
    """A YAML parser's problem as a catalogue message: in our words when it is one of the
    common ones (``_PARSER_PROBLEMS``), else the parser's English quoted.

    >>> from inventory.messages import message_text
    >>> message_text(parser_wording("did not find expected ',' or ']'"), "sv")
    "väntade ',' eller ']': en parentes stängs inte"
    """
    for pattern, key in _PARSER_PROBLEMS:
        match = pattern.match(problem)
        if match:
            named = {name: text for name, text in match.groupdict().items() if text}
            return Message(key, named)
    return Message("validation.parser", {"detail": problem})


def compose_yaml(text: str, *, decimals_as_text: bool = False) -> YamlDocument:
    """Parse one YAML document with the line of every value; ``YamlSyntaxError`` if invalid.

    ``decimals_as_text`` keeps floats as their written digits (``"10.50"``) for ``Decimal``
    fields. Mapping keys written as numbers are text.

    >>> compose_yaml("a:\\n  b: [1, 2]\\n").lines.line_of(("a", "b", 1))
    2
    """
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return YamlDocument(None, LineMap())
        check_expansion(root)
        builder = _DocumentBuilder(loader, decimals_as_text=decimals_as_text)
        return YamlDocument(builder.build(root, ()), builder.lines)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = str(error.problem or error)
        raise YamlSyntaxError(
            parser_wording(problem), None if mark is None else mark.line + 1
        ) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(parser_wording(str(error)), None) from None
    except RecursionError:  # the pure-Python composer recurses per level
        raise YamlSyntaxError(_NESTED_TOO_DEEP, None, _FLATTEN_HINT) from None
    finally:
        loader.dispose()


def parse_yaml_text(
    text: str, file: str, *, decimals_as_text: bool = False
) -> tuple[YamlDocument | None, list[Issue]]:
    """``compose_yaml`` with a syntax error as an ``invalid-yaml`` issue at its line."""
    try:
        return compose_yaml(text, decimals_as_text=decimals_as_text), []
    except YamlSyntaxError as error:
        params: dict[str, IssueParam] = {"problem": error.wording or parser_wording(error.problem)}
        if error.hint:
            params["hint"] = error.hint
        return None, [
            Issue(
                code=IssueCode.INVALID_YAML,
                file=file,
                line=error.line,
                template=template_key(IssueCode.INVALID_YAML, "hinted" if error.hint else None),
                params=params,
            )
        ]


def read_text_file(path: Path) -> tuple[str | None, list[Issue]]:
    """A UTF-8 text file (a BOM is allowed); a missing or non-UTF-8 file is an issue.

    A byte sequence that is not UTF-8 is reported at its line, never replaced.
    """
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [
            Issue(
                code=IssueCode.PATH_NOT_FOUND,
                file=file,
                template=template_key(IssueCode.PATH_NOT_FOUND, "file"),
                params={"path": str(path)},
            )
        ]
    except OSError as error:
        return None, [
            Issue(
                code=IssueCode.PATH_NOT_FOUND,
                file=file,
                template=template_key(IssueCode.PATH_NOT_FOUND, "unreadable"),
                params={"error": os_reason(error)},
            )
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        return None, [
            Issue(
                code=IssueCode.INVALID_ENCODING, file=file, line=raw[: error.start].count(b"\n") + 1
            )
        ]


def read_yaml_file(
    path: Path, *, decimals_as_text: bool = False
) -> tuple[YamlDocument | None, list[Issue]]:
    """The YAML document in ``path`` with its line map, or the issues that stop reading it.

    Missing file, non-UTF-8 bytes (at their line), an empty file (or only comments) and
    invalid YAML (at its line) are issues; the document is then ``None``.
    """
    text, issues = read_text_file(path)
    if text is None:
        return None, issues
    empty = [empty_file_issue(str(path))]
    if not text.strip():
        return None, empty
    document, issues = parse_yaml_text(text, str(path), decimals_as_text=decimals_as_text)
    if document is not None and document.data is None:  # only comments
        return None, empty
    return document, issues


_RANGE_ERRORS = {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}
_NUMBER_ERRORS = {
    "decimal_parsing",
    "decimal_type",
    "float_parsing",
    "float_type",
    "int_parsing",
    "int_type",
    "decimal_max_places",
    "decimal_max_digits",
    "finite_number",
}


def validation_issue_code(error: ErrorDetails) -> IssueCode:
    """The issue code of one pydantic error (``missing`` -> ``missing-value`` ...)."""
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


#: pydantic's error kinds said in our own words (``validation.<key>``, with the field and
#: the value): the kind -> the message key. Other kinds are quoted as pydantic says them.
_DETAIL_KEYS: Final[dict[str, str]] = {
    "missing": "missing",
    "extra_forbidden": "extra_forbidden",
    "int_parsing": "int_parsing",
    "int_type": "int_parsing",
    "int_from_float": "int_parsing",
    "int_parsing_size": "int_parsing_size",
    "float_parsing": "float_parsing",
    "float_type": "float_parsing",
    "decimal_parsing": "float_parsing",
    "decimal_type": "float_parsing",
    "decimal_max_digits": "decimal_max_digits",
    "decimal_max_places": "decimal_max_places",
    "decimal_whole_digits": "decimal_whole_digits",
    "finite_number": "finite_number",
    "multiple_of": "multiple_of",
    "bool_parsing": "bool_parsing",
    "bool_type": "bool_parsing",
    "date_parsing": "date_parsing",
    "date_type": "date_parsing",
    "date_from_datetime_parsing": "date_parsing",
    "date_from_datetime_inexact": "date_parsing",
    "datetime_parsing": "datetime_parsing",
    "datetime_type": "datetime_parsing",
    "datetime_from_date_parsing": "datetime_parsing",
    "datetime_object_invalid": "datetime_parsing",
    "literal_error": "literal_error",
    "enum": "literal_error",
    "string_type": "string_type",
    "string_unicode": "string_type",
    "string_too_long": "string_too_long",
    "string_too_short": "string_too_short",
    "string_pattern_mismatch": "string_pattern_mismatch",
    "too_short": "too_short",
    "too_long": "too_long",
    "list_type": "list_type",
    "tuple_type": "list_type",
    "set_type": "list_type",
    "frozen_set_type": "list_type",
    "iterable_type": "list_type",
    "dict_type": "dict_type",
    "mapping_type": "dict_type",
    "invalid_key": "invalid_key",
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
    "greater_than": "greater_than",
    "greater_than_equal": "greater_than_equal",
    "less_than": "less_than",
    "less_than_equal": "less_than_equal",
}
#: The context value each kind's limit is in (``ctx`` of the error).
_LIMITS: Final[dict[str, str]] = {
    "greater_than": "gt",
    "greater_than_equal": "ge",
    "less_than": "lt",
    "less_than_equal": "le",
    "string_too_long": "max_length",
    "string_too_short": "min_length",
    "too_long": "max_length",
    "too_short": "min_length",
    "string_pattern_mismatch": "pattern",
    "decimal_max_digits": "max_digits",
    "decimal_max_places": "decimal_places",
    "decimal_whole_digits": "whole_digits",
    "multiple_of": "multiple_of",
}
#: The prefix of our own checks' error types: a validator raises
#: ``PydanticCustomError("validation.<file>.<check>", "<English>", {params})`` and the type
#: is the catalogue key of its text (``tests/test_own_validators.py`` checks each one).
OWN_CHECK_PREFIX: Final = "validation."


def _limit(value: Any) -> Param:
    """A limit from pydantic's context: a fraction with the language's decimal sign, a
    whole number as digits (a year 1900 is no "1 900"), anything else as its text."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    shown = number_param(value)
    return str(shown) if isinstance(shown, int) else shown


def number_param(value: float | Decimal) -> Param:
    """A number for a message: formatted per language (``99,5`` in Swedish) when two
    decimals show it exactly, else its digits as they are (``99.999``, never ``100``)."""
    exact = Decimal(str(value))
    if not exact.is_finite():
        return str(value)
    if round(exact, 2) == exact:
        return int(exact) if exact == exact.to_integral_value() else float(exact)
    return format(exact.normalize(), "f")


def validation_detail(error: ErrorDetails) -> Message:
    """One pydantic error in our own words, in every language: the field (the last part of
    its location) and the value (``validation.<kind>``): ``int_parsing`` on ``"tolv"`` is
    *tolv is not a whole number*, not pydantic's *Input should be a valid integer*. A
    check of our own (a ``PydanticCustomError`` whose type is a ``validation.*`` key) is
    its catalogue message with its context as parameters. A kind not listed is pydantic's
    own English text, quoted and said to be quoted (``validation.quoted``): the safety net
    for a bare ``ValueError`` in a validator, which the validators of the files people
    write never raise, and for an error type no model of theirs can produce (both checked
    by ``tests/test_own_validators.py``).

    >>> from inventory.messages import message_text
    >>> detail = {"type": "int_parsing", "loc": ("weight",), "input": "tolv", "msg": "x"}
    >>> message_text(validation_detail(detail), "sv")  # type: ignore[arg-type]
    "weight ska vara ett heltal, inte 'tolv'"
    """
    kind = error["type"]
    context = error.get("ctx") or {}
    named = [part for part in error["loc"] if isinstance(part, str)]
    field_name: Param = (
        Message("validation.the_key")  # a mapping key that is no allowed value
        if named[-1:] == [_KEY_MARKER]
        else named[-1]
        if named
        else Message("validation.the_value")
    )
    if kind.startswith(OWN_CHECK_PREFIX):
        own: dict[str, Param] = {"field": field_name}
        for name, value in context.items():
            own[name] = value if isinstance(value, Message) else _limit(value)
        return Message(kind, own)
    key = _DETAIL_KEYS.get(kind)
    if key is None:
        return Message("validation.quoted", {"detail": str(error["msg"])})
    value = error.get("input")
    params: dict[str, Param] = {
        "field": field_name,
        "value": (
            Message("validation.a_mapping")
            if isinstance(value, dict)
            else Message("validation.a_list")
            if isinstance(value, list)
            else Message("validation.nothing")
            if value is None
            else repr(shorten(str(value), 60))
        ),
    }
    if kind in _LIMITS:
        params["limit"] = _limit(context.get(_LIMITS[kind], ""))
    if key == "literal_error":  # pydantic writes "'a', 'b' or 'c'": the "or" is English
        params["expected"] = str(context.get("expected", "")).replace(" or ", ", ")
    if kind in ("string_too_short", "too_short") and str(context.get("min_length")) == "1":
        key = "empty"
    return Message(f"validation.{key}", params)


def value_text(value: Any) -> str | None:
    """An offending input as shown in an issue (``None`` for a whole mapping or list)."""
    if isinstance(value, dict | list) or value is None:
        return None
    return str(value)


def validation_issues(
    error: ValidationError,
    lines: LineMap,
    file: str,
    *,
    hint: str | Message | None = None,
    code: IssueCode | None = None,
) -> list[Issue]:
    """One issue per pydantic error, at the line of the value (or key) it concerns.

    ``column`` holds the dotted path (``criteria.2.weight``). Each issue gets the code of its
    error kind (``validation_issue_code``) unless ``code`` fixes one for all.
    """
    issues = []
    for detail in error.errors():
        # a mapping key's error is placed at the key: the path without pydantic's "[key]"
        location = ".".join(str(part) for part in detail["loc"] if part != _KEY_MARKER)
        params: dict[str, IssueParam] = {
            "location": location or Code("issue_word", "document"),
            "detail": validation_detail(detail),
        }
        if hint is not None:
            params["hint"] = hint
        issue_code = code or validation_issue_code(detail)
        issues.append(
            Issue(
                code=issue_code,
                file=file,
                line=lines.line_of(detail["loc"]),
                column=location or None,
                value=value_text(detail.get("input")),
                template=template_key(issue_code, "schema" if hint is None else "schema_hinted"),
                params=params,
            )
        )
    return issues


def validate_document(
    model: type[ModelT],
    document: YamlDocument,
    file: str,
    *,
    hint: str | Message | None = None,
    code: IssueCode | None = None,
) -> tuple[ModelT | None, list[Issue]]:
    """Validate ``document`` with ``model``; every error names its line (see
    ``validation_issues``)."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        return None, validation_issues(error, document.lines, file, hint=hint, code=code)


#: The hint of an invalid target, efforts or other schema-described file.
SCHEMA_HINT: Final = Message("validation.hint.schema")


def load_yaml_model(path: Path, model: type[ModelT]) -> tuple[ModelT | None, list[Issue]]:
    """Read ``path`` as YAML and validate it with ``model``.

    Returns the model instance and no issues, or ``None`` and one issue per problem with
    the file, line and dotted field path (``column``). Validation problems have the code
    ``invalid-value``; reading problems ``path-not-found``, ``invalid-encoding``,
    ``empty-file`` or ``invalid-yaml``. Never raises for bad content.

    Example::

        target, issues = load_yaml_model(Path("samples/target.yaml"), TargetArchitecture)
    """
    document, issues = read_yaml_file(path)
    if document is None:
        return None, issues
    return validate_document(
        model, document, str(path), hint=SCHEMA_HINT, code=IssueCode.INVALID_VALUE
    )
