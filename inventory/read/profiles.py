"""Mapping profiles: a YAML file that says how another tool's export maps to record kinds.

A profile names its source tool, the files (and workbook sheets) it reads by name pattern,
and per record kind a header *signature* (columns that must all be present) and the
fields: each field takes a column or a constant, with an optional value map (``Compliant``
→ ...; ``Chromebook`` → ``chromebook``), regular-expression patterns, a unit the
column's numbers are written in, and a default for empty cells. Rows can be skipped by
a column's value; the rows skipped are counted in an info note (nothing is dropped
silently).

A profile is a ``Recogniser`` (``inventory.read.kinds``): the built-in profiles in
``inventory/data/profiles/`` are registered when the read stage is imported, so an
untouched export in a municipality folder is recognised by its header signature;
``inventory import --mapping FILE`` adds a profile of the user's, ``--from NAME`` reads
unknown files with one profile only (``chosen_recognisers``).

Records keep their provenance: the table read keeps the export's path, sheet and
physical lines, so every issue points at the cell of the original export, and the
``kind-recognised`` note names the profile (the source tool).

Example::

    profile, issues = load_profile(Path("my-cmdb.yaml"))
    with chosen_recognisers([Path("my-cmdb.yaml")], None):
        batch = validate_paths([Path("kommuner/gislaved")])
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import json
import re
import string
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from inventory.issues import Issue, IssueCode, IssueParam, Severity, template_key
from inventory.messages import Code, Message, Texts
from inventory.models.registry import RECORD_KINDS, field_specs, normalise_header
from inventory.output_files import os_reason
from inventory.read.kinds import HEADER_SEARCH_ROWS, RECOGNISERS, Probe, Recogniser, fold_name
from inventory.read.source import LineNumbers, SourceTable
from inventory.read.tables import read_table
from inventory.yamlfile import parser_wording, validation_detail

#: The JSON Schema file of profiles (``inventory schemas``).
SCHEMA_FILE = "mapping-profile.schema.json"
#: Rows listed by line in the note on skipped rows (the rest are counted).
LINES_LISTED = 10

Scalar = str | int | float | bool


class FieldRule(BaseModel):
    """Where one field's value comes from: a ``column`` of the export, or a ``constant``."""

    model_config = ConfigDict(extra="forbid")

    column: str | None = Field(None, description="Header of the export's column.")
    columns: list[str] | None = Field(
        None,
        min_length=1,
        description="Headers of several columns: the first filled one gives the value.",
    )
    template: str | None = Field(
        None,
        description="Columns combined: `{Manufacturer} {Model}` (each `{header}` is"
        " the cell of that column; an empty part leaves no extra space).",
    )
    constant: Scalar | None = Field(None, description="The same value on every record.")
    values: dict[str, Scalar] = Field(
        default_factory=dict,
        description="Cell text (compared without case and outer spaces) → value of the field.",
    )
    patterns: dict[str, Scalar] = Field(
        default_factory=dict,
        description="Regular expression (searched, without case) → value; tried in order"
        " after `values`.",
    )
    unit: str | None = Field(
        None,
        description="Unit the column's numbers are written in"
        " (MB, GiB, Mbit/s, W...): converted to the field's unit.",
    )
    default: Scalar | None = Field(None, description="Value for an empty cell.")
    otherwise: Scalar | None = Field(
        None,
        description="Value for a filled cell that no"
        " value or pattern matched (default: kept as written).",
    )

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: dict[str, Scalar]) -> dict[str, Scalar]:
        return _compiled(patterns)

    @field_validator("template")
    @classmethod
    def _names_columns(cls, template: str | None) -> str | None:
        if template is not None and not template_columns(template):
            raise PydanticCustomError(
                "validation.profile.template_no_column",
                "{value} names no column: write each as {header}",
                {"value": repr(template), "header": "{header}"},
            )
        return template

    def sources(self) -> list[str]:
        """The export columns the rule reads (none for a constant)."""
        if self.template is not None:
            return template_columns(self.template)
        return list(self.columns or ([] if self.column is None else [self.column]))


def _compiled(patterns: dict[str, Scalar]) -> dict[str, Scalar]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise PydanticCustomError(
                "validation.profile.regex",
                "{value} is no regular expression: {reason}",
                # the re module's own English, said to be quoted
                {
                    "value": repr(pattern),
                    "reason": Message("validation.parser", {"detail": str(error)}),
                },
            ) from None
    return patterns


def template_columns(template: str) -> list[str]:
    """The headers a template names, in order (``{Manufacturer} {Model}``)."""
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:
        raise PydanticCustomError(
            "validation.profile.no_template",
            "{value} is no template: {reason}",
            {
                "value": repr(template),
                "reason": Message("validation.parser", {"detail": str(error)}),
            },
        ) from None
    return [name for _, name, _, _ in parts if name]


class MunicipalityRule(BaseModel):
    """Which municipality a row belongs to, in an export of several: the ``column``'s
    cell through ``values`` (cell → municipality, the folder's name) and ``patterns``;
    the rows of the folder's municipality are read, those of other municipalities counted
    in a note, and a row whose cell no value or pattern maps is an error at its line."""

    model_config = ConfigDict(extra="forbid")

    column: str = Field(
        ...,
        description="Header of the column naming the municipality"
        " (tenant, entity, department, region).",
    )
    values: dict[str, str] = Field(
        default_factory=dict,
        description="Cell text (compared without case and outer spaces) → municipality"
        " (its folder's name, or its code).",
    )
    patterns: dict[str, str] = Field(
        default_factory=dict,
        description="Regular expression (searched, without case) → municipality; tried in"
        " order after `values`.",
    )
    default: str | None = Field(
        None,
        description="Municipality of a row whose cell is empty (default: such a row is an error).",
    )

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: dict[str, str]) -> dict[str, str]:
        _compiled(dict(patterns))
        return patterns


class LocalisedText(BaseModel):
    """A text in each language the notes are read in: ``en`` (required), ``sv``, ``no``.

    YAML reads a bare ``no:`` key as *false*: it is taken as ``no`` here, so that the
    profile can be written as a Norwegian reads it (``nb:`` is accepted as well)."""

    model_config = ConfigDict(extra="forbid")

    en: str = Field(..., min_length=1, description="English.")
    sv: str | None = Field(None, min_length=1, description="Swedish.")
    no: str | None = Field(None, min_length=1, description="Norwegian (bokmål); `nb` also.")

    @model_validator(mode="before")
    @classmethod
    def _norwegian_key(cls, data: Any) -> Any:
        if isinstance(data, dict) and (False in data or "nb" in data):
            data = {("no" if key is False or key == "nb" else key): v for key, v in data.items()}
        return data

    def texts(self) -> Texts:
        """The texts as an issue parameter (shown in the reader's language)."""
        return Texts(self.en, sv=self.sv, no=self.no)


class SkipRule(BaseModel):
    """Rows left out: those whose ``column`` holds one of ``values`` or matches ``pattern``."""

    model_config = ConfigDict(extra="forbid")

    column: str
    values: list[str] = Field(default_factory=list)
    pattern: str | None = None
    reason: str | LocalisedText = Field(
        ...,
        description="Why such rows are no records (said in the note): one text, shown as"
        " written in every language, or a text per language ({en: ..., sv: ..., no: ...};"
        " English is required, a language left out shows the English).",
    )

    def reason_param(self) -> str | Texts:
        """The reason as the note's parameter."""
        return self.reason if isinstance(self.reason, str) else self.reason.texts()


class TableProfile(BaseModel):
    """One record kind read from the files (and sheets) matching the patterns."""

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(..., description="Record kind: " + ", ".join(RECORD_KINDS))
    files: list[str] = Field(
        default_factory=lambda: ["*"], description="File name patterns (glob, without case)."
    )
    sheets: list[str] = Field(
        default_factory=lambda: ["*"], description="Sheet name patterns of a workbook (glob)."
    )
    signature: list[str] = Field(..., min_length=1, description="Headers that must all be present.")
    fields: dict[str, FieldRule | str] = Field(
        ..., description="Field of the kind → its rule, or just the column's header."
    )
    skip: list[SkipRule] = Field(default_factory=list)
    municipality: MunicipalityRule | None = Field(
        None,
        description="An export of several municipalities: the column saying whose each row is.",
    )

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in RECORD_KINDS:
            raise PydanticCustomError(
                "validation.profile.kind",
                "{value} is no record kind; the kinds are {kinds}",
                {"value": repr(kind), "kinds": ", ".join(RECORD_KINDS)},
            )
        return kind

    def rules(self) -> dict[str, FieldRule]:
        """Every field's rule (a bare header is ``FieldRule(column=...)``)."""
        return {
            name: FieldRule(column=rule) if isinstance(rule, str) else rule
            for name, rule in self.fields.items()
        }


class MappingProfile(BaseModel):
    """A mapping profile: how one tool's exports map to inventory records."""

    model_config = ConfigDict(extra="forbid", title="Mapping profile")

    name: str = Field(
        ...,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="Short name of the source (`--from NAME`).",
    )
    description: str
    source: str | None = Field(None, description="Where the column layout comes from.")
    tables: list[TableProfile] = Field(..., min_length=1)


def schema_files() -> dict[str, str]:
    """The schema files this module publishes (see ``inventory schemas``)."""
    schema = MappingProfile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_FILE
    return {SCHEMA_FILE: json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"}


# --- loading, with the line of every problem -------------------------------------------


def _node_at(node: yaml.Node | None, loc: Sequence[Any]) -> yaml.Node | None:
    """The YAML node at a pydantic location (keys and list indexes); the deepest found."""
    for part in loc:
        found: yaml.Node | None
        if isinstance(node, yaml.MappingNode):
            found = next((value for key, value in node.value if key.value == part), None)
            if found is None:
                return node
            node = found
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
        else:
            return node
    return node


def _key_node(node: yaml.Node | None, loc: Sequence[Any]) -> yaml.Node | None:
    """The key node of the last part of ``loc`` (for a field name), else the value's."""
    parent = _node_at(node, loc[:-1])
    if isinstance(parent, yaml.MappingNode):
        for key, _ in parent.value:
            if key.value == loc[-1]:
                return key  # type: ignore[no-any-return]  # yaml is untyped
    return _node_at(node, loc)


def _line(node: yaml.Node | None) -> int | None:
    return None if node is None else node.start_mark.line + 1


def _profile_issue(
    path: Path,
    line: int | None,
    situation: str,
    params: dict[str, IssueParam],
    code: IssueCode = IssueCode.INVALID_YAML,
) -> Issue:
    return Issue(
        code=code, file=str(path), line=line, template=template_key(code, situation), params=params
    )


#: The mapping branches of the profile's unions, named in pydantic's error locations.
_MAPPING_BRANCHES = ("FieldRule", "LocalisedText")


def parse_profile(text: str, path: Path) -> tuple[MappingProfile | None, list[Issue]]:
    """A profile from YAML text; issues (with the profile file's line) when it is wrong."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [
            _profile_issue(
                path,
                None if mark is None else mark.line + 1,
                "profile",
                {"detail": parser_wording(str(getattr(error, "problem", None) or error))},
            )
        ]
    try:
        profile = MappingProfile.model_validate(data)
    except ValidationError as error:
        issues = []
        problems = error.errors()
        # a text per language or a field rule given as a mapping: the errors of the
        # mapping, not that it is no plain text (pydantic reports both branches of
        # ``str | LocalisedText`` and ``str | FieldRule``)
        mappings = {
            tuple(p["loc"][: p["loc"].index(branch)])
            for p in problems
            for branch in _MAPPING_BRANCHES
            if branch in p["loc"]
        }
        for problem in problems:
            given_mapping = isinstance(problem.get("input"), dict)
            if (
                problem["type"] == "string_type"
                and given_mapping
                and tuple(problem["loc"][:-1]) in mappings
            ):
                continue
            if (
                problem["type"] in ("model_type", "dict_type")
                and not given_mapping
                and problem["loc"][-1:] in [(branch,) for branch in _MAPPING_BRANCHES]
            ):
                continue  # neither text nor mapping: "must be a text" says it
            loc = [part for part in problem["loc"] if part not in (*_MAPPING_BRANCHES, "str")]
            where: IssueParam = ".".join(str(part) for part in loc) or Code("issue_word", "profile")
            # the field is the last part of the path, never a branch's name ("str")
            detail = validation_detail({**problem, "loc": tuple(loc)})
            issues.append(
                _profile_issue(
                    path,
                    _line(_node_at(root, loc)),
                    "profile_schema",
                    {"where": where, "detail": detail, "schema": SCHEMA_FILE},
                )
            )
        return None, issues
    issues = _check_fields(profile, root, path)
    return (None if issues else profile), issues


def _check_fields(profile: MappingProfile, root: yaml.Node | None, path: Path) -> list[Issue]:
    """Each field a rule names must be a field of its table's kind; a rule needs a source."""
    from rapidfuzz import process

    issues: list[Issue] = []
    for index, table in enumerate(profile.tables):
        known = [spec.name for spec in field_specs(table.kind)]
        for name, rule in table.rules().items():
            loc = ["tables", index, "fields", name]
            if name not in known:
                near = process.extractOne(name, known, score_cutoff=70)
                params: dict[str, IssueParam] = {
                    "name": repr(name),
                    "kind": table.kind,
                    "fields": ", ".join(known),
                }
                if near:
                    params["near"] = repr(near[0])
                issues.append(
                    _profile_issue(
                        path,
                        _line(_key_node(root, loc)),
                        "profile_field_suggested" if near else "profile_field",
                        params,
                        code=IssueCode.UNKNOWN_FIELD,
                    )
                )
            elif (
                sum(
                    part is not None
                    for part in (rule.column, rule.columns, rule.template, rule.constant)
                )
                != 1
            ):
                issues.append(
                    _profile_issue(
                        path, _line(_node_at(root, loc)), "profile_rule", {"name": repr(name)}
                    )
                )
    return issues


def load_profile(path: Path) -> tuple[MappingProfile | None, list[Issue]]:
    """Read a mapping profile file; issues name the file and line of each problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [
            _profile_issue(
                path,
                None,
                "profile",
                {
                    "detail": os_reason(error)
                    if isinstance(error, OSError)
                    else Message("validation.system", {"detail": str(error)})
                },
                code=IssueCode.PATH_NOT_FOUND,
            )
        ]
    return parse_profile(text, path)


# --- reading an export through a profile ------------------------------------------------


@functools.lru_cache(maxsize=1 << 14)  # every profile folds the first rows of every file
def _fold(text: str) -> str:
    return normalise_header(text)


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name.casefold(), pattern.casefold()) for pattern in patterns)


def _signature_test(table: TableProfile) -> Callable[[Sequence[str]], bool]:
    """Whether a row holds every header of the table's signature (the export's header)."""
    wanted = {_fold(header) for header in table.signature}

    def is_header(row: Sequence[str]) -> bool:
        return wanted <= {_fold(cell) for cell in row}

    return is_header


def _signature_row(table: TableProfile, rows: Sequence[Sequence[str]]) -> int | None:
    """The index of the first row holding every header of the signature."""
    is_header = _signature_test(table)
    return next(
        (index for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if is_header(row)), None
    )


def _read_columns(table: TableProfile) -> Callable[[Sequence[str]], set[int]]:
    """The header positions the table's rules read (fields, skip rules, municipality)."""
    wanted = {_fold(name) for rule in table.rules().values() for name in rule.sources()}
    wanted |= {_fold(skip.column) for skip in table.skip}
    if table.municipality is not None:
        wanted.add(_fold(table.municipality.column))

    def positions(header: Sequence[str]) -> set[int]:
        return {index for index, cell in enumerate(header) if _fold(cell) in wanted}

    return positions


class ProfileRecogniser:
    """A mapping profile as an adapter: recognises its exports and reads them."""

    def __init__(self, profile: MappingProfile, origin: str) -> None:
        self.profile = profile
        self.origin = origin  # the profile file (a built-in one: its package path)
        self.name = profile.name
        self.description = profile.description

    def _tables(self, path: Path, sheet: str | None) -> Iterator[TableProfile]:
        for table in self.profile.tables:
            if _matches(path.name, table.files) and (
                sheet is None or _matches(sheet, table.sheets)
            ):
                yield table

    def recognise(self, probe: Probe) -> str | None:
        for table in self._tables(probe.path, probe.sheet):
            if _signature_row(table, probe.rows) is not None:
                return table.kind
        return None

    def read(
        self, path: Path, sheet: str | None, kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]:
        table = next((t for t in self._tables(path, sheet) if t.kind == kind), None)
        if table is None:
            return None, [
                Issue(
                    code=IssueCode.UNKNOWN_FILE,
                    file=str(path),
                    sheet=sheet,
                    municipality=municipality,
                    record_kind=kind,
                    template=template_key(IssueCode.UNKNOWN_FILE, "no_profile_table"),
                    params={
                        "profile": repr(self.name),
                        "origin": self.origin,
                        "kind": kind,
                        "name": path.name,
                    },
                )
            ]
        # The header is the row holding the signature (title rows above it, as report
        # exports have, are skipped with a note); only the columns the profile reads are
        # kept from a CSV file.
        source, issues = read_table(
            path,
            kind,
            municipality,
            sheet=sheet,
            is_header=_signature_test(table),
            columns=_read_columns(table),
        )
        if source is None:
            return None, issues
        mapped, map_issues = apply_profile(self, table, source)
        return mapped, [*issues, *map_issues]


def _text(value: Scalar) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _per_distinct(column: pd.Series, mapping: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``mapping`` (a function of a text column) worked out once per distinct cell and
    spread to the rows: an export of a million rows holds a few hundred models."""
    codes, uniques = pd.factorize(column)
    distinct = pd.Series(np.asarray(uniques, dtype=object), dtype="str")
    mapped = mapping(distinct)
    return pd.Series(mapped.array.take(codes), index=column.index)


def _value_map(
    stripped: pd.Series,
    values: dict[str, Scalar] | dict[str, str],
    patterns: dict[str, Scalar] | dict[str, str],
) -> tuple[pd.Series, pd.Series]:
    """Cells through a value map (without case and outer spaces) then regex patterns (in
    order): the mapped text (the cell where nothing matched) and which cells matched."""
    result = stripped.copy()
    done = pd.Series(False, index=stripped.index)
    if values:
        table = {key.strip().casefold(): _text(value) for key, value in values.items()}
        looked = stripped.str.casefold().map(table)
        done = looked.notna()
        result = looked.where(done, result)
    for pattern, value in patterns.items():
        hit = ~done & stripped.str.contains(pattern, case=False, regex=True)
        result = result.mask(hit, _text(value))
        done |= hit
    return result, done


def _mapped_distinct(rule: FieldRule) -> Callable[[pd.Series], pd.Series]:
    """A rule's value map, patterns, default and unit as a function of a text column."""

    def mapping(column: pd.Series) -> pd.Series:
        stripped = column.str.strip()
        result, done = _value_map(stripped, rule.values, rule.patterns)
        empty = stripped == ""
        if rule.otherwise is not None:
            result = result.mask(~done & ~empty, _text(rule.otherwise))
            done = ~empty
        if rule.default is not None:
            result = result.mask(empty, _text(rule.default))
        if rule.unit is not None:
            numeric = ~done & ~empty & stripped.str.fullmatch(r"[0-9][0-9 .,]*")
            result = result.mask(numeric, stripped + " " + rule.unit)
        return result.astype("str")

    return mapping


def _mapped_column(column: pd.Series, rule: FieldRule) -> pd.Series:
    """A column's cells through the rule's value map, patterns, default and unit; a
    column the rule only names is passed on as read (as a native file's)."""
    if not (
        rule.values
        or rule.patterns
        or rule.otherwise is not None
        or rule.default is not None
        or rule.unit is not None
    ):
        return column
    return _per_distinct(column, _mapped_distinct(rule))


def _combined(cells: dict[str, pd.Series], rule: FieldRule, index: pd.Index) -> pd.Series:
    """The text of a ``columns`` rule (the first filled of the columns present) or of a
    ``template`` (each ``{header}`` filled; the spaces of empty parts closed up)."""
    empty = pd.Series("", index=index, dtype="str")
    if rule.template is not None:
        text = empty
        for literal, name, _, _ in string.Formatter().parse(rule.template):
            text = text + literal
            if name:
                text = text + cells.get(_fold(name), empty).str.strip()
        return text.str.replace(r"\s+", " ", regex=True).str.strip()
    result = empty
    for name in reversed(rule.columns or []):
        column = cells.get(_fold(name))
        if column is not None:
            result = column.where(column.str.strip() != "", result)
    return result


def _lines_text(lines: Sequence[int]) -> IssueParam:
    """``3, 7, 9`` (at most ``LINES_LISTED``, then how many more, as a sentence part)."""
    listed = ", ".join(map(str, lines[:LINES_LISTED]))
    more = len(lines) - LINES_LISTED
    return Message("issue.part.and_more", {"listed": listed, "more": more}) if more > 0 else listed


def _municipality_rows(
    recogniser: ProfileRecogniser,
    rule: MunicipalityRule,
    cells: dict[str, pd.Series],
    lines: np.ndarray[Any, Any],
    folder: str,
    where: dict[str, Any],
) -> tuple[np.ndarray[Any, Any], list[Issue]]:
    """The rows of the folder's municipality in an export of several; a note counting
    the other municipalities' rows, an error per cell no value or pattern maps."""
    column = cells.get(_fold(rule.column))
    if column is None:
        return np.ones(len(lines), dtype=bool), [
            Issue(
                code=IssueCode.MISSING_COLUMN,
                column=rule.column,
                **where,
                template=template_key(IssueCode.MISSING_COLUMN, "profile_municipality"),
                params={
                    "profile": recogniser.name,
                    "column": repr(rule.column),
                    "origin": recogniser.origin,
                },
            )
        ]

    def owner(distinct: pd.Series) -> pd.Series:
        stripped = distinct.str.strip()
        mapped, done = _value_map(stripped, rule.values, rule.patterns)
        if rule.default is not None:
            empty = stripped == ""
            mapped, done = mapped.mask(empty, rule.default), done | empty
        return mapped.map(fold_name).where(done, "").astype("str")

    owners = _per_distinct(column, owner).to_numpy(dtype=object)
    mine = owners == fold_name(folder)
    unmapped = owners == ""
    issues = []
    others = pd.Series(owners[~mine & ~unmapped]).value_counts()
    if len(others):
        first = int(lines[~mine & ~unmapped][0])
        counted = ", ".join(f"{name} {count}" for name, count in others.items())
        issues.append(
            Issue(
                code=IssueCode.SKIPPED_PATH,
                severity=Severity.INFO,
                line=first,
                column=rule.column,
                value=str(int(others.sum())),
                **where,
                template=template_key(IssueCode.SKIPPED_PATH, "other_municipalities"),
                params={
                    "count": int(others.sum()),
                    "column": repr(rule.column),
                    "counted": counted,
                    "origin": recogniser.origin,
                },
            )
        )
    if unmapped.any():
        cells_unmapped = column.to_numpy(dtype=object)[unmapped]
        for value, rows in pd.Series(lines[unmapped]).groupby(
            pd.Series(cells_unmapped), sort=False
        ):
            found = rows.tolist()
            issues.append(
                Issue(
                    code=IssueCode.UNKNOWN_MUNICIPALITY,
                    line=found[0],
                    column=rule.column,
                    value=str(value),
                    **where,
                    template=template_key(IssueCode.UNKNOWN_MUNICIPALITY, "profile"),
                    params={
                        "count": len(found),
                        "value": repr(str(value)),
                        "column": repr(rule.column),
                        "profile": recogniser.name,
                        "lines": _lines_text(found),
                        "origin": recogniser.origin,
                    },
                )
            )
    return mine, issues


def apply_profile(
    recogniser: ProfileRecogniser, table: TableProfile, source: SourceTable
) -> tuple[SourceTable, list[Issue]]:
    """The export's table as a table of ``table.kind``'s fields, same file, sheet and
    lines: one column per field of the profile, named after the field."""
    issues: list[Issue] = []
    where = {
        "file": source.display_name,
        "sheet": source.sheet,
        "municipality": source.municipality,
        "record_kind": table.kind,
    }
    positions = {_fold(header): index for index, header in enumerate(source.header)}
    cells = {
        name: source.cells[str(position)]
        for name, position in positions.items()
        if str(position) in source.cells
    }
    lines = source.line_numbers()
    keep = np.ones(len(source.cells), dtype=bool)
    if table.municipality is not None:
        keep, found = _municipality_rows(
            recogniser, table.municipality, cells, lines, source.municipality, where
        )
        issues.extend(found)
    for skip in table.skip:
        column = cells.get(_fold(skip.column))
        if column is None:
            continue

        def skipped(distinct: pd.Series, skip: SkipRule = skip) -> pd.Series:
            stripped = distinct.str.strip()
            hit = stripped.str.casefold().isin({v.casefold() for v in skip.values})
            if skip.pattern is not None:
                hit |= stripped.str.contains(skip.pattern, case=False, regex=True)
            return hit.astype(bool)

        hit = _per_distinct(column, skipped).to_numpy(dtype=bool) & keep
        if hit.any():
            left_out = lines[hit].tolist()
            issues.append(
                Issue(
                    code=IssueCode.SKIPPED_PATH,
                    severity=Severity.INFO,
                    line=left_out[0],
                    column=skip.column,
                    **where,
                    template=template_key(IssueCode.SKIPPED_PATH, "profile_skip"),
                    params={
                        "count": len(left_out),
                        "profile": recogniser.name,
                        "reason": skip.reason_param(),
                        "lines": _lines_text(left_out),
                        "origin": recogniser.origin,
                    },
                )
            )
        keep &= ~hit
    every = bool(keep.all())
    kept = {
        name: (column if every else column[keep]).reset_index(drop=True)
        for name, column in cells.items()
    }
    index = pd.RangeIndex(int(keep.sum()))
    columns: dict[str, pd.Series] = {}
    header: list[str] = []
    for name, rule in table.rules().items():
        if rule.constant is not None:
            column = pd.Series(_text(rule.constant), index=index, dtype="str")
        else:
            missing = [c for c in rule.sources() if _fold(c) not in positions]
            for absent in missing:
                issues.append(
                    Issue(
                        code=IssueCode.MISSING_COLUMN,
                        severity=Severity.WARNING,
                        line=source.header_line,
                        column=absent,
                        **where,
                        template=template_key(
                            IssueCode.MISSING_COLUMN,
                            "profile_field_empty"
                            if len(missing) == len(rule.sources())
                            else "profile_field_partial",
                        ),
                        params={
                            "profile": recogniser.name,
                            "field": repr(name),
                            "name": name,
                            "column": repr(absent),
                            "origin": recogniser.origin,
                        },
                    )
                )
            if len(missing) == len(rule.sources()):
                continue
            if rule.column is not None:
                base = kept[_fold(rule.column)]
            else:
                base = _combined(kept, rule, index)
            column = _mapped_column(base, rule)
        columns[str(len(header))] = column
        header.append(name)
    extra = {**source.extra, "source_tool": recogniser.name, "profile": recogniser.origin}
    return SourceTable(
        path=source.path,
        kind=table.kind,
        municipality=source.municipality,
        format=source.format,
        sha256=source.sha256,
        encoding=source.encoding,
        delimiter=source.delimiter,
        header=header,
        header_line=source.header_line,
        cells=pd.DataFrame(columns, index=index),
        lines=LineNumbers(lines[keep]),
        blank_rows_skipped=source.blank_rows_skipped,
        sheet=source.sheet,
        extra=extra,
    ), issues


# --- built-in profiles and the choice of a run ------------------------------------------


@functools.cache
def builtin_profiles() -> tuple[ProfileRecogniser, ...]:
    """The profiles shipped in ``inventory/data/profiles/`` (a broken one raises: it is a
    bug of the tool, caught by the tests)."""
    found: list[ProfileRecogniser] = []
    folder = resources.files("inventory.data").joinpath("profiles")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        origin = f"inventory/data/profiles/{entry.name}"
        profile, issues = parse_profile(entry.read_text(encoding="utf-8"), Path(origin))
        if profile is None:
            raise ValueError("; ".join(str(issue) for issue in issues))
        found.append(ProfileRecogniser(profile, origin))
    return tuple(found)


def register_builtin() -> None:
    """Register the built-in profiles as recognisers (once)."""
    from inventory.read.kinds import register_recogniser

    for recogniser in builtin_profiles():
        register_recogniser(recogniser)


@contextlib.contextmanager
def chosen_recognisers(
    mapping_files: Sequence[Path],
    from_name: str | None,
) -> Iterator[list[Issue]]:
    """Within the block, the user's profiles (``--mapping``) are asked first, and with
    ``from_name`` (``--from``) only that adapter is asked. Yields the issues of loading
    the profiles (a broken profile or an unknown name: errors, no profile used)."""
    saved = list(RECOGNISERS)
    issues: list[Issue] = []
    mine: list[Recogniser] = []
    for path in mapping_files:
        profile, problems = load_profile(path)
        issues.extend(problems)
        if profile is not None:
            mine.append(ProfileRecogniser(profile, str(path)))
    chosen: list[Recogniser] = [*mine, *(r for r in saved if all(r.name != m.name for m in mine))]
    if from_name is not None:
        named = [r for r in chosen if r.name == from_name]
        if not named:
            issues.append(
                Issue(
                    code=IssueCode.UNKNOWN_FILE,
                    value=from_name,
                    template=template_key(IssueCode.UNKNOWN_FILE, "from_name"),
                    params={"name": from_name, "names": ", ".join(r.name for r in chosen)},
                )
            )
        chosen = named
    RECOGNISERS[:] = chosen
    try:
        yield issues
    finally:
        RECOGNISERS[:] = saved
