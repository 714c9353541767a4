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
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from inventory.issues import Issue, IssueCode, Severity
from inventory.models.registry import RECORD_KINDS, field_specs, normalise_header
from inventory.read.kinds import HEADER_SEARCH_ROWS, RECOGNISERS, Probe, Recogniser
from inventory.read.source import SourceTable
from inventory.read.tables import read_table

#: The JSON Schema file of profiles (``inventory schemas``).
SCHEMA_FILE = "mapping-profile.schema.json"
#: Rows listed by line in the note on skipped rows (the rest are counted).
LINES_LISTED = 10

Scalar = str | int | float | bool


class FieldRule(BaseModel):
    """Where one field's value comes from: a ``column`` of the export, or a ``constant``."""

    model_config = ConfigDict(extra="forbid")

    column: str | None = Field(None, description="Header of the export's column.")
    constant: Scalar | None = Field(None, description="The same value on every record.")
    values: dict[str, Scalar] = Field(
        default_factory=dict,
        description="Cell text (compared without case and outer spaces) → value of the field.")
    patterns: dict[str, Scalar] = Field(
        default_factory=dict,
        description="Regular expression (searched, without case) → value; tried in order"
                    " after `values`.")
    unit: str | None = Field(None, description="Unit the column's numbers are written in"
                             " (MB, GiB, Mbit/s, W...): converted to the field's unit.")
    default: Scalar | None = Field(None, description="Value for an empty cell.")
    otherwise: Scalar | None = Field(None, description="Value for a filled cell that no"
                                     " value or pattern matched (default: kept as written).")

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: dict[str, Scalar]) -> dict[str, Scalar]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"{pattern!r} is no regular expression: {error}") from None
        return patterns


class SkipRule(BaseModel):
    """Rows left out: those whose ``column`` holds one of ``values`` or matches ``pattern``."""

    model_config = ConfigDict(extra="forbid")

    column: str
    values: list[str] = Field(default_factory=list)
    pattern: str | None = None
    reason: str = Field(..., description="Why such rows are no records (said in the note).")


class TableProfile(BaseModel):
    """One record kind read from the files (and sheets) matching the patterns."""

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(..., description="Record kind: " + ", ".join(RECORD_KINDS))
    files: list[str] = Field(default_factory=lambda: ["*"],
                             description="File name patterns (glob, without case).")
    sheets: list[str] = Field(default_factory=lambda: ["*"],
                              description="Sheet name patterns of a workbook (glob).")
    signature: list[str] = Field(..., min_length=1,
                                 description="Headers that must all be present.")
    fields: dict[str, FieldRule | str] = Field(
        ..., description="Field of the kind → its rule, or just the column's header.")
    skip: list[SkipRule] = Field(default_factory=list)

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in RECORD_KINDS:
            raise ValueError(f"{kind!r} is no record kind; the kinds are "
                             + ", ".join(RECORD_KINDS))
        return kind

    def rules(self) -> dict[str, FieldRule]:
        """Every field's rule (a bare header is ``FieldRule(column=...)``)."""
        return {name: FieldRule(column=rule) if isinstance(rule, str) else rule
                for name, rule in self.fields.items()}


class MappingProfile(BaseModel):
    """A mapping profile: how one tool's exports map to inventory records."""

    model_config = ConfigDict(extra="forbid", title="Mapping profile")

    name: str = Field(..., pattern=r"^[a-z0-9][a-z0-9_-]*$",
                      description="Short name of the source (`--from NAME`).")
    description: str
    source: str | None = Field(None, description="Where the column layout comes from.")
    tables: list[TableProfile] = Field(..., min_length=1)


def schema_files() -> dict[str, str]:
    """The schema files this module publishes (see ``inventory schemas``)."""
    schema = MappingProfile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_FILE
    return {SCHEMA_FILE: json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
            + "\n"}


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
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and part < len(node.value):
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


def _profile_issue(path: Path, line: int | None, message: str, hint: str | None = None,
                   code: IssueCode = IssueCode.INVALID_YAML) -> Issue:
    return Issue(code=code, file=str(path), line=line, message=message, hint=hint)


def parse_profile(text: str, path: Path) -> tuple[MappingProfile | None, list[Issue]]:
    """A profile from YAML text; issues (with the profile file's line) when it is wrong."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return None, [_profile_issue(path, None if mark is None else mark.line + 1,
                                     f"The mapping profile is no valid YAML: {error}")]
    try:
        profile = MappingProfile.model_validate(data)
    except ValidationError as error:
        issues = []
        for problem in error.errors():
            loc = [part for part in problem["loc"] if part not in ("FieldRule", "str")]
            where = ".".join(str(part) for part in loc) or "the profile"
            issues.append(_profile_issue(
                path, _line(_node_at(root, loc)), f"{where}: {problem['msg']}.",
                "See docs/adapters.md for the profile format (schemas/"
                f"{SCHEMA_FILE})."))
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
                issues.append(_profile_issue(
                    path, _line(_key_node(root, loc)),
                    f"{name!r} is no field of {table.kind} records.",
                    (f"Did you mean {near[0]!r}? " if near else "")
                    + f"The fields of {table.kind} are: {', '.join(known)}.",
                    code=IssueCode.UNKNOWN_FIELD))
            elif (rule.column is None) == (rule.constant is None):
                issues.append(_profile_issue(
                    path, _line(_node_at(root, loc)),
                    f"Field {name!r} needs either a column or a constant (not both).",
                    "Write `column: <header>` or `constant: <value>`."))
    return issues


def load_profile(path: Path) -> tuple[MappingProfile | None, list[Issue]]:
    """Read a mapping profile file; issues name the file and line of each problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [_profile_issue(path, None, f"The mapping profile cannot be read: {error}",
                                     code=IssueCode.PATH_NOT_FOUND)]
    return parse_profile(text, path)


# --- reading an export through a profile ------------------------------------------------

def _fold(text: str) -> str:
    return normalise_header(text)


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name.casefold(), pattern.casefold()) for pattern in patterns)


def _signature_row(table: TableProfile, rows: Sequence[Sequence[str]]) -> int | None:
    """The index of the first row holding every header of the signature."""
    wanted = {_fold(header) for header in table.signature}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if wanted <= {_fold(cell) for cell in row}:
            return index
    return None


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
                    sheet is None or _matches(sheet, table.sheets)):
                yield table

    def recognise(self, probe: Probe) -> str | None:
        for table in self._tables(probe.path, probe.sheet):
            if _signature_row(table, probe.rows) is not None:
                return table.kind
        return None

    def read(self, path: Path, sheet: str | None, kind: str,
             municipality: str) -> tuple[SourceTable | None, list[Issue]]:
        table = next((t for t in self._tables(path, sheet) if t.kind == kind), None)
        if table is None:
            return None, [Issue(code=IssueCode.UNKNOWN_FILE, file=str(path), sheet=sheet,
                                municipality=municipality, record_kind=kind,
                                message=f"The mapping profile {self.name!r} ({self.origin})"
                                        f" has no {kind} table for {path.name}.")]
        source, issues = read_table(path, kind, municipality, sheet=sheet)
        if source is None:
            return None, issues
        mapped, map_issues = apply_profile(self, table, source)
        return mapped, [*issues, *map_issues]


def _header_at(table: TableProfile, source: SourceTable) -> SourceTable:
    """``source`` with its header taken from the row holding the signature (an export
    with title rows above its header, which the kind's header search cannot place)."""
    if _signature_row(table, [source.header]) == 0:
        return source
    head = source.cells.head(HEADER_SEARCH_ROWS)
    index = _signature_row(table, head.astype(str).to_numpy().tolist())
    if index is None:
        return source
    lines = source.line_numbers()
    return SourceTable(
        path=source.path, kind=source.kind, municipality=source.municipality,
        format=source.format, sha256=source.sha256, encoding=source.encoding,
        delimiter=source.delimiter, header=[str(c) for c in head.iloc[index]],
        header_line=int(lines[index]),
        cells=source.cells.iloc[index + 1:].reset_index(drop=True),
        lines=lines[index + 1:].tolist(), blank_rows_skipped=source.blank_rows_skipped,
        sheet=source.sheet, extra=dict(source.extra))


def _text(value: Scalar) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _mapped_column(column: pd.Series, rule: FieldRule) -> pd.Series:
    """A column's cells through the rule's value map, patterns, default and unit."""
    stripped = column.str.strip()
    result = stripped.copy()
    if rule.values:
        table = {key.strip().casefold(): _text(value) for key, value in rule.values.items()}
        looked = stripped.str.casefold().map(table)
        result = looked.where(looked.notna(), result)
        done = looked.notna()
    else:
        done = pd.Series(False, index=column.index)
    for pattern, value in rule.patterns.items():
        hit = ~done & stripped.str.contains(pattern, case=False, regex=True)
        result = result.mask(hit, _text(value))
        done |= hit
    empty = stripped == ""
    if rule.otherwise is not None:
        result = result.mask(~done & ~empty, _text(rule.otherwise))
        done = ~empty
    if rule.default is not None:
        result = result.mask(empty, _text(rule.default))
    if rule.unit is not None:
        numeric = ~done & ~empty & stripped.str.fullmatch(r"[0-9][0-9 .,]*")
        result = result.mask(numeric, stripped + " " + rule.unit)
    return result.astype(object)


def apply_profile(recogniser: ProfileRecogniser, table: TableProfile,
                  source: SourceTable) -> tuple[SourceTable, list[Issue]]:
    """The export's table as a table of ``table.kind``'s fields, same file, sheet and
    lines: one column per field of the profile, named after the field."""
    source = _header_at(table, source)
    issues: list[Issue] = []
    where = {"file": source.display_name, "sheet": source.sheet,
             "municipality": source.municipality, "record_kind": table.kind}
    positions = {_fold(header): index for index, header in enumerate(source.header)}
    keep = np.ones(len(source.cells), dtype=bool)
    lines = source.line_numbers()
    for skip in table.skip:
        position = positions.get(_fold(skip.column))
        if position is None:
            continue
        cells = source.cells[str(position)].str.strip()
        hit = cells.str.casefold().isin({v.casefold() for v in skip.values}).to_numpy().copy()
        if skip.pattern is not None:
            hit |= cells.str.contains(skip.pattern, case=False, regex=True).to_numpy()
        hit &= keep
        if hit.any():
            skipped = lines[hit].tolist()
            listed = ", ".join(map(str, skipped[:LINES_LISTED]))
            more = f" and {len(skipped) - LINES_LISTED} more" if len(skipped) > LINES_LISTED \
                else ""
            issues.append(Issue(
                code=IssueCode.SKIPPED_PATH, severity=Severity.INFO, line=skipped[0],
                column=skip.column, **where,
                message=f"{len(skipped)} row(s) left out by the {recogniser.name} profile"
                        f" ({skip.reason}): line(s) {listed}{more}.",
                hint=f"Edit the profile's skip rules ({recogniser.origin}) to read them."))
        keep &= ~hit
    kept = source.cells[keep].reset_index(drop=True)
    columns: dict[str, pd.Series] = {}
    header: list[str] = []
    for name, rule in table.rules().items():
        if rule.constant is not None:
            column = pd.Series([_text(rule.constant)] * len(kept), index=kept.index)
        else:
            assert rule.column is not None  # checked when the profile was loaded
            position = positions.get(_fold(rule.column))
            if position is None:
                issues.append(Issue(
                    code=IssueCode.MISSING_COLUMN, severity=Severity.WARNING,
                    line=source.header_line, column=rule.column, **where,
                    message=f"The {recogniser.name} profile reads {name!r} from column"
                            f" {rule.column!r}, which this export lacks; {name} is left"
                            " empty.",
                    hint=f"Add the column to the export, or change the profile"
                         f" ({recogniser.origin})."))
                continue
            column = _mapped_column(kept[str(position)].astype(str), rule)
        columns[str(len(header))] = column
        header.append(name)
    extra = {**source.extra, "source_tool": recogniser.name, "profile": recogniser.origin}
    return SourceTable(
        path=source.path, kind=table.kind, municipality=source.municipality,
        format=source.format, sha256=source.sha256, encoding=source.encoding,
        delimiter=source.delimiter, header=header, header_line=source.header_line,
        cells=pd.DataFrame(columns, index=kept.index), lines=lines[keep].tolist(),
        blank_rows_skipped=source.blank_rows_skipped, sheet=source.sheet,
        extra=extra), issues


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
def chosen_recognisers(mapping_files: Sequence[Path], from_name: str | None,
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
    chosen: list[Recogniser] = [*mine, *(r for r in saved
                                         if all(r.name != m.name for m in mine))]
    if from_name is not None:
        named = [r for r in chosen if r.name == from_name]
        if not named:
            issues.append(Issue(
                code=IssueCode.UNKNOWN_FILE, value=from_name,
                message=f"--from {from_name}: there is no adapter or profile of that name.",
                hint="The names are: " + ", ".join(r.name for r in chosen) + "."))
        chosen = named
    RECOGNISERS[:] = chosen
    try:
        yield issues
    finally:
        RECOGNISERS[:] = saved
