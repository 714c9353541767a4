"""Every check on the files people write reads in the reader's language.

- Our own validators raise ``PydanticCustomError("validation.<file>.<check>", English,
  params)``: the type is the catalogue key, the English template is the catalogue's
  English, and Swedish and Norwegian exist (never a bare ``ValueError`` whose English text
  would be shown "(på engelska)").
- Every error type pydantic can raise on the models of those files (listed from their
  core schemas) is said in our own words (``yamlfile._DETAIL_KEYS``), never quoted.
- Invalid inputs of each kind, built by hand against the real models, come out in sv/no
  with no English left.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from inventory import yamlfile
from inventory.analyse.aliases import AliasFile
from inventory.analyse.catalogue import LifecycleOverrides
from inventory.language.i18n import t
from inventory.messages import Message, message_text
from inventory.read.profiles import MappingProfile
from inventory.study import inputs
from inventory.study.inputs import PotentialScore
from inventory.target.model import TargetArchitecture, UnitEfforts

PACKAGE = Path(__file__).resolve().parents[1] / "inventory"

#: Models of files that people write (target, efforts, study files, alias files, mapping
#: profiles, lifecycle overrides) and the potential score checked cell by cell.
USER_FILE_MODELS: list[type[BaseModel]] = [
    TargetArchitecture,
    UnitEfforts,
    inputs.AreasFile,
    inputs.PotentialRow,
    inputs.AlternativesFile,
    inputs.CostSharingFile,
    inputs.ProjectionFile,
    inputs.EstablishmentRow,
    inputs.ItCostsFile,
    AliasFile,
    MappingProfile,
    LifecycleOverrides,
]

#: Validators whose bare errors are no user's mistake, with the reason.
BARE_ERRORS_ALLOWED: dict[str, str] = {
    "inventory/issues.py": "the Issue model itself: a wrong issue is a bug of the tool",
    "inventory/render/document.py": "the report document built by the tool: a bug",
    "inventory/analyse/business_catalogue.py": "bundled data, checked by the tests",
    "inventory/gap/scope.py": "bundled study_areas.yaml, checked by the tests",
}

_VALIDATOR_DECORATORS = {"field_validator", "model_validator"}
_VALIDATOR_WRAPPERS = {"BeforeValidator", "AfterValidator", "WrapValidator", "PlainValidator"}
_BARE = {"ValueError", "TypeError", "AssertionError"}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield str(path.relative_to(PACKAGE.parent)), ast.parse(path.read_text("utf-8"))


def _validator_functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """The module's validators and the module functions they call (transitively)."""
    functions = {
        node.name: node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    roots = {
        name
        for name, node in functions.items()
        if any(_name(d) in _VALIDATOR_DECORATORS for d in node.decorator_list)
    }
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and _name(call.func) in _VALIDATOR_WRAPPERS:
            roots |= {_name(arg) or "" for arg in call.args} & functions.keys()
    found: dict[str, ast.FunctionDef] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found[name] = functions[name]  # type: ignore[assignment]
        for call in ast.walk(functions[name]):
            if isinstance(call, ast.Call) and (callee := _name(call.func)) in functions:
                todo.append(callee)
    return found


def test_validators_raise_no_bare_errors() -> None:
    """A bare ``ValueError`` in a validator would reach the reader as English text."""
    found = []
    for module, tree in _modules():
        if module in BARE_ERRORS_ALLOWED:
            continue
        for name, function in _validator_functions(tree).items():
            for node in ast.walk(function):
                if isinstance(node, ast.Assert) or (
                    isinstance(node, ast.Raise) and node.exc and _name(node.exc) in _BARE
                ):
                    found.append(f"{module}:{node.lineno} ({name})")
    assert found == [], "raise PydanticCustomError('validation.…', …) instead: " + str(found)


def _own_checks() -> Iterator[tuple[str, int, str, str, set[str]]]:
    """Every ``PydanticCustomError(type, template, {params})`` in the package."""
    for module, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "PydanticCustomError":
                kind, template, *rest = node.args
                assert isinstance(kind, ast.Constant) and isinstance(template, ast.Constant), (
                    f"{module}:{node.lineno}: type and template must be literals"
                )
                params: set[str] = set()
                if rest:
                    assert isinstance(rest[0], ast.Dict), f"{module}:{node.lineno}"
                    params = {str(k.value) for k in rest[0].keys if isinstance(k, ast.Constant)}
                yield module, node.lineno, str(kind.value), str(template.value), params


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_own_check_is_a_catalogue_message() -> None:
    checks = list(_own_checks())
    assert len(checks) >= 10  # target, study, alias file and profile checks
    for module, line, kind, template, params in checks:
        where = f"{module}:{line}"
        assert kind.startswith(yamlfile.OWN_CHECK_PREFIX), where
        assert t(kind, "en") != kind, f"{where}: {kind} is not in the catalogue"
        english = t(kind, "en")
        assert english == template, f"{where}: the catalogue's English differs"
        assert _placeholders(template) <= params | {"field"}, where
        for lang in ("sv", "no"):
            text = t(kind, lang)
            assert text != english and _placeholders(text) == _placeholders(english), (
                f"{where}: {kind} in {lang}"
            )


# --- every error type the models can raise is said in our own words --------------------

#: The error types a core schema node can raise (its constraints add their own).
_TYPE_ERRORS: dict[str, set[str]] = {
    "str": {"string_type", "string_unicode"},
    "int": {"int_type", "int_parsing", "int_parsing_size", "int_from_float"},
    "float": {"float_type", "float_parsing", "finite_number"},
    "decimal": {"decimal_type", "decimal_parsing", "finite_number"},
    "bool": {"bool_type", "bool_parsing"},
    "date": {
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    },
    "datetime": {"datetime_type", "datetime_parsing", "datetime_from_date_parsing"},
    "enum": {"enum"},
    "literal": {"literal_error"},
    "list": {"list_type"},
    "tuple": {"tuple_type"},
    "set": {"set_type"},
    "frozenset": {"frozen_set_type"},
    "dict": {"dict_type"},
    "model": {"model_type", "model_attributes_type"},
    "model-fields": {"missing", "extra_forbidden", "invalid_key"},
    # these add nothing of their own: their inner schemas and validators say it
    "model-field": set(),
    "nullable": set(),
    "default": set(),
    "union": set(),
    "definitions": set(),
    "definition-ref": set(),
    "function-before": set(),
    "function-after": set(),
    "function-wrap": set(),
    "no-info": set(),
    "with-info": set(),
    "any": set(),
}
_CONSTRAINT_ERRORS: dict[str, set[str]] = {
    "ge": {"greater_than_equal"},
    "gt": {"greater_than"},
    "le": {"less_than_equal"},
    "lt": {"less_than"},
    "multiple_of": {"multiple_of"},
    "min_length": {"too_short", "string_too_short"},
    "max_length": {"too_long", "string_too_long"},
    "pattern": {"string_pattern_mismatch"},
    "max_digits": {"decimal_max_digits", "decimal_whole_digits"},
    "decimal_places": {"decimal_max_places", "decimal_whole_digits"},
}


def _schema_errors(schema: Any, found: set[str], unknown: set[str]) -> None:
    if isinstance(schema, list):
        for item in schema:
            _schema_errors(item, found, unknown)
        return
    if not isinstance(schema, dict):
        return
    kind = schema.get("type")
    if isinstance(kind, str):  # a schema node (a field named "type" holds a dict)
        if kind not in _TYPE_ERRORS:
            unknown.add(str(kind))
        found |= _TYPE_ERRORS.get(str(kind), set())
        for constraint, errors in _CONSTRAINT_ERRORS.items():
            if schema.get(constraint) is not None:
                found |= errors
    for key, value in schema.items():
        # a node's metadata, serializer and default value are no schemas; the keys of a
        # mapping of fields are field names ("default" is one)
        if not isinstance(kind, str) or key not in ("metadata", "serialization", "default"):
            _schema_errors(value, found, unknown)


def test_every_error_type_of_the_user_files_is_said_in_our_words() -> None:
    found: set[str] = set()
    unknown: set[str] = set()
    for model in USER_FILE_MODELS:
        _schema_errors(model.__pydantic_core_schema__, found, unknown)
    _schema_errors(TypeAdapter(PotentialScore).core_schema, found, unknown)
    assert unknown == set(), "schema types to add to _TYPE_ERRORS (and yamlfile)"
    assert {"missing", "extra_forbidden", "decimal_max_places", "literal_error"} <= found
    unsaid = sorted(found - yamlfile._DETAIL_KEYS.keys())
    assert unsaid == [], f"error types quoted in English: {unsaid}"
    for key in set(yamlfile._DETAIL_KEYS.values()) | {"empty"}:
        for lang in ("en", "sv", "no"):
            assert t(f"validation.{key}", lang) != f"validation.{key}", (key, lang)


# --- invalid inputs of each kind, against the real models ------------------------------

#: Words of the English messages that must not be in a Swedish or Norwegian one.
ENGLISH_WORDS = re.compile(
    r"\b(must|should|Input|Field|required|known field|is not|not a|valid|whole number|"
    r"at least|at most|greater|less than|add up|ambiguous|quarter|write|digits|decimals|"
    r"entries|empty|the check says|the value|nothing|a mapping|a list|a text|true or false|"
    r"one of)\b|\(på engelsk"
)

_TARGET = {"name": "Mål", "municipalities": ["gislaved"]}
_COSTS = {
    "study": "S",
    "currency": "NOK",
    "parties": [{"id": "a", "name": "A", "population": 1}],
    "keys": [
        {
            "id": "k",
            "name": "K",
            "components": [
                {"basis": "equal", "percent": "50"},
                {"basis": "population", "percent": "50"},
            ],
        }
    ],
}
_ROW = {"subproject": "1", "name": "Start", "finish": "2009Q1"}


def _with(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**base, **changes}


#: (error type, model, input, where pydantic places it): one invalid value of each kind
#: the files above can hold, written as a person would.
CASES: list[tuple[str, type[BaseModel], dict[str, Any], tuple[str | int, ...]]] = [
    ("missing", TargetArchitecture, {"municipalities": ["a"]}, ("name",)),
    ("extra_forbidden", TargetArchitecture, _with(_TARGET, colour="blå"), ("colour",)),
    ("string_type", TargetArchitecture, _with(_TARGET, name=["a"]), ("name",)),
    (
        "int_parsing",
        TargetArchitecture,
        _with(_TARGET, lifecycle={"horizon_months": "tolv"}),
        ("lifecycle", "horizon_months"),
    ),
    (
        "int_from_float",
        TargetArchitecture,
        _with(_TARGET, lifecycle={"horizon_months": 1.5}),
        ("lifecycle", "horizon_months"),
    ),
    (
        "int_parsing_size",
        TargetArchitecture,
        _with(_TARGET, lifecycle={"horizon_months": "9" * 5000}),
        ("lifecycle", "horizon_months"),
    ),
    (
        "less_than_equal",
        TargetArchitecture,
        _with(_TARGET, lifecycle={"horizon_months": 5000}),
        ("lifecycle", "horizon_months"),
    ),
    (
        "greater_than_equal",
        TargetArchitecture,
        _with(_TARGET, lifecycle={"horizon_months": -1}),
        ("lifecycle", "horizon_months"),
    ),
    (
        "greater_than",
        TargetArchitecture,
        _with(_TARGET, plan={"team_fte": 0}),
        ("plan", "team_fte"),
    ),
    (
        "less_than",
        TargetArchitecture,
        _with(_TARGET, economics={"uncertainty_percent": {"labour": 100}}),
        ("economics", "uncertainty_percent", "labour"),
    ),
    (
        "float_parsing",
        TargetArchitecture,
        _with(_TARGET, plan={"team_fte": "sex"}),
        ("plan", "team_fte"),
    ),
    (
        "finite_number",
        TargetArchitecture,
        _with(_TARGET, plan={"team_fte": float("inf")}),
        ("plan", "team_fte"),
    ),
    (
        "bool_parsing",
        TargetArchitecture,
        _with(_TARGET, security={"mfa_for_all_staff": "kanske"}),
        ("security", "mfa_for_all_staff"),
    ),
    (
        "date_from_datetime_parsing",
        TargetArchitecture,
        _with(_TARGET, plan={"start": "nästa vår"}),
        ("plan", "start"),
    ),
    (
        "date_from_datetime_inexact",
        TargetArchitecture,
        _with(_TARGET, plan={"start": "2027-01-04T10:30"}),
        ("plan", "start"),
    ),
    (
        "enum",
        TargetArchitecture,
        _with(_TARGET, sla={"livsviktig": {"availability_percent": 99}}),
        ("sla", "livsviktig", "[key]"),
    ),
    ("literal_error", TargetArchitecture, _with(_TARGET, scope=["Z"]), ("scope", 0)),
    (
        "list_type",
        TargetArchitecture,
        _with(_TARGET, municipalities="gislaved"),
        ("municipalities",),
    ),
    ("dict_type", TargetArchitecture, _with(_TARGET, capabilities=["backup"]), ("capabilities",)),
    ("model_type", TargetArchitecture, _with(_TARGET, lifecycle="12 månader"), ("lifecycle",)),
    (
        "too_short",
        TargetArchitecture,
        _with(_TARGET, capabilities={"backup": {"products": []}}),
        ("capabilities", "backup", "products"),
    ),
    (
        "validation.target.cost_key_total",
        TargetArchitecture,
        _with(
            _TARGET,
            cost_key={
                "components": [
                    {"basis": "equal", "percent": 60},
                    {"basis": "population", "percent": 30},
                ]
            },
        ),
        ("cost_key",),
    ),
    (
        "string_pattern_mismatch",
        inputs.CostSharingFile,
        _with(_COSTS, currency="kronor"),
        ("currency",),
    ),
    ("string_too_short", inputs.EstablishmentRow, _with(_ROW, subproject=""), ("subproject",)),
    ("decimal_parsing", inputs.EstablishmentRow, _with(_ROW, cost="tusen"), ("cost",)),
    ("decimal_max_places", inputs.EstablishmentRow, _with(_ROW, cost="1.12345678901"), ("cost",)),
    ("decimal_max_digits", inputs.EstablishmentRow, _with(_ROW, cost="1" * 26), ("cost",)),
    ("decimal_whole_digits", inputs.EstablishmentRow, _with(_ROW, cost="1" * 16 + ".5"), ("cost",)),
    (
        "validation.study.quarter",
        inputs.EstablishmentRow,
        _with(_ROW, finish="våren 2009"),
        ("finish",),
    ),
    (
        "validation.study.ambiguous_number",
        inputs.EstablishmentRow,
        _with(_ROW, cost="1,024"),
        ("cost",),
    ),
    (
        "validation.study.key_total",
        inputs.CostSharingFile,
        _with(
            _COSTS,
            keys=[{"id": "k", "name": "K", "components": [{"basis": "equal", "percent": "45.5"}]}],
        ),
        ("keys", 0),
    ),
    (
        "validation.alias.regex",
        AliasFile,
        {"products": [{"product": "p", "vendor": "v", "patterns": ["(win"]}]},
        ("products", 0, "patterns"),
    ),
    (
        "validation.profile.kind",
        MappingProfile,
        {"name": "p", "tables": [{"kind": "datorer", "fields": {}}]},
        ("tables", 0, "kind"),
    ),
]


def _error(model: type[BaseModel], data: dict[str, Any]) -> list[ErrorDetails]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return caught.value.errors()


@pytest.mark.parametrize(("kind", "model", "data", "where"), CASES, ids=[c[0] for c in CASES])
def test_an_invalid_value_reads_in_every_language(
    kind: str, model: type[BaseModel], data: dict[str, Any], where: tuple[str | int, ...]
) -> None:
    errors = [e for e in _error(model, data) if e["type"] == kind]
    assert errors, [e["type"] for e in _error(model, data)]
    assert errors[0]["loc"] == where
    detail = yamlfile.validation_detail(errors[0])
    assert (
        detail.key
        == (kind if kind.startswith("validation.") else f"validation.{yamlfile._DETAIL_KEYS[kind]}")
        or detail.key == "validation.empty"
    )
    english = message_text(detail, "en")
    assert "Input should" not in english and "Value error" not in english
    for lang in ("sv", "no"):
        text = message_text(detail, lang)
        assert text != english
        reason = detail.params.get("reason")
        if isinstance(reason, Message):  # the re module's own English, marked as such
            assert reason.key == "validation.parser"
            quoted = message_text(reason, lang)
            assert quoted.endswith(str(reason)) and quoted != str(reason)
            text = text.replace(quoted, "")
        assert not ENGLISH_WORDS.search(text), (lang, text)


def test_the_cases_cover_every_own_check_of_the_target_and_study_files() -> None:
    covered = {case[0] for case in CASES}
    own = {
        kind
        for module, _, kind, _, _ in _own_checks()
        if "/target/" in module or "/study/" in module
    }
    assert own <= covered, own - covered


def test_a_decimal_total_shows_exactly_in_the_language() -> None:
    [error] = _error(
        inputs.CostSharingFile,
        _with(
            _COSTS,
            keys=[
                {"id": "k", "name": "K", "components": [{"basis": "equal", "percent": "99.999"}]}
            ],
        ),
    )
    detail = yamlfile.validation_detail(error)
    assert message_text(detail, "en") == "the components' percentages add up to 99.999, not 100"
    assert yamlfile.number_param(Decimal("90.5")) == 90.5
    assert (
        message_text(
            yamlfile.validation_detail(
                _error(
                    inputs.CostSharingFile,
                    _with(
                        _COSTS,
                        keys=[
                            {
                                "id": "k",
                                "name": "K",
                                "components": [{"basis": "equal", "percent": "90.5"}],
                            }
                        ],
                    ),
                )[0]
            ),
            "sv",
        )
        == "delarnas procentsatser blir 90,5 tillsammans, inte 100"
    )
