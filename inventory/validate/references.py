"""References between records: resolved across the files of a folder and across folders.

A reference field (``FieldSpec.references``) names another record by its natural key.
How a value is read:

- ``DC1``: a record of this municipality, of one of the kinds the field may name;
- ``gnosjo:DC1``: a record of the municipality with code ``gnosjo``, imported in the same
  run or already stored (``known_keys``);
- ``platform/p-ad`` (also ``gnosjo:server/p-ad``): says which kind is meant, for a field
  that may name several kinds (``depends_on``: platforms, servers and clusters) when the
  key exists in more than one.

A reference to this municipality resolves against the folder's file of that kind; when
the folder has no such file (a partial re-import), against the records already stored.
Problems: ``dangling-reference`` (with the nearest existing key), ``ambiguous-reference``,
``unknown-municipality``, ``self-reference`` (an error) and ``dependency-cycle`` (a
warning listing the cycle). Replication (``replicates_to``) is not a dependency: two
storage systems that replicate to each other are a normal pair, not a cycle.

All work is on frames: references are resolved once per distinct value, not per row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from inventory.issues import Issue, IssueCode, IssueParam, IssueReport, Severity, template_key
from inventory.messages import Code, Message
from inventory.models.registry import RECORD_KINDS, FieldSpec, field_specs, model_for
from inventory.validate.batch import (
    REFERENCE_COLUMNS,
    EncodedColumn,
    MunicipalityBatch,
    ValidTable,
)
from inventory.validate.records import MUNICIPALITY_CODE

#: ``known_keys[municipality code][kind]``: the keys already stored.
KnownKeys = Mapping[str, Mapping[str, Iterable[str]]]

#: Separates a municipality code from a key: ``gnosjo:DC1``.
MUNICIPALITY_SEPARATOR = ":"
#: Separates a record kind from a key: ``platform/p-ad``.
KIND_SEPARATOR = "/"
#: Fields whose references are not dependencies (left out of the cycle search).
NOT_DEPENDENCIES = frozenset({"replicates_to"})

_REFERENCE = rf"^(?:({MUNICIPALITY_CODE.pattern}){MUNICIPALITY_SEPARATOR})?(.+)$"
_KIND_QUALIFIED = rf"^([a-z_]+){KIND_SEPARATOR}(.+)$"
_REFERENCE_PATTERN = re.compile(_REFERENCE)
_KIND_QUALIFIED_PATTERN = re.compile(_KIND_QUALIFIED)


@dataclass(frozen=True)
class ReferenceField:
    """One reference field of one file, with its place."""

    table: ValidTable
    spec: FieldSpec
    header: str | None
    column_index: int | None

    @property
    def targets(self) -> tuple[str, ...]:
        return (*self.spec.references, *self.spec.pseudo_references)


def key_index(
    municipalities: Sequence[MunicipalityBatch], known_keys: KnownKeys | None = None
) -> pd.DataFrame:
    """Every key a reference may name: columns ``municipality``, ``kind``, ``id``.

    Keys of this run come from its tables (clusters: the distinct ``cluster`` of servers);
    stored keys count for municipalities not in the run, and for the kinds a folder of the
    run has no file of (a rejected file counts as a file: references into it are not
    checked, see ``RejectedFiles``).
    """
    return KeyIndex.of(municipalities, known_keys).frame


@dataclass
class KeyIndex:
    """``key_index``'s keys as three columns of text (maybe repeated), and as the set of
    their (municipality, kind, id): references are resolved against the set, the frame
    is made only when an issue looks for the nearest key."""

    columns: tuple[list[str], list[str], list[str]]
    #: Where the keys of each (municipality, kind) were added: (code, kind, start, end)
    #: of ``columns`` (None: found from the columns).
    runs: list[tuple[str, str, int, int]] | None = None

    @classmethod
    def of(
        cls,
        municipalities: Sequence[MunicipalityBatch],
        known_keys: KnownKeys | None = None,
        targets: Collection[str] | None = None,
    ) -> KeyIndex:
        """The keys of ``municipalities`` and ``known_keys`` (see ``key_index``); with
        ``targets``, of those kinds only (the kinds the references to resolve name: a
        re-import whose typed rows name sites needs none of the stored server keys)."""
        columns: tuple[list[str], list[str], list[str]] = ([], [], [])
        runs: list[tuple[str, str, int, int]] = []

        def add(code: str, kind: str, cells: np.ndarray[Any, Any]) -> None:
            start = len(columns[2])
            _add_keys(columns, code, kind, cells)
            runs.append((code, kind, start, len(columns[2])))

        present: dict[str, set[str]] = {}
        referenced = referenced_kinds()
        if targets is not None:
            referenced = referenced & frozenset(targets)
        for batch in municipalities:
            kinds = present.setdefault(batch.code, set())
            # A rejected file stands for its kind too: its stored keys are not what it holds.
            kinds.update(batch.rejected)
            if "server" in batch.rejected:
                kinds.add("cluster")
            for kind, table in batch.tables.items():
                kinds.add(kind)
                if kind not in referenced:
                    continue
                add(batch.code, kind, table.column_objects(model_for(kind).key_field))
                if kind == "server":
                    kinds.add("cluster")
                    if "cluster" in referenced:
                        add(batch.code, "cluster", table.column_objects("cluster"))
        # (each kind asked by name, in the order of the record kinds: stored keys read
        # when asked are read only for the kinds wanted)
        wanted = [kind for kind in (*RECORD_KINDS, "cluster") if kind in referenced]
        for code, by_kind in (known_keys or {}).items():
            here = present.get(code, set())
            for kind in wanted:
                ids = None if kind in here else by_kind.get(kind)
                if ids is not None:
                    stored = pd.Series(list(ids), dtype=object).to_numpy(dtype=object)
                    add(code, kind, stored)
        return cls(columns, runs)

    @cached_property
    def frame(self) -> pd.DataFrame:
        keys = pd.DataFrame(
            dict(zip(("municipality", "kind", "id"), self.columns, strict=True)), dtype="str"
        )
        return keys.drop_duplicates(ignore_index=True)

    @cached_property
    def triples(self) -> frozenset[tuple[str, str, str]]:
        return frozenset(zip(*self.columns, strict=True))

    @cached_property
    def lookup(self) -> dict[tuple[str, str], set[str]]:
        """The keys of each (municipality, kind): ``(m, k, id) in triples`` is
        ``id in lookup[(m, k)]`` (a set made per run of keys, not a tuple per key)."""
        municipalities, kinds, ids = self.columns
        runs = self.runs
        if runs is None:
            runs = []
            start = 0
            for end in range(1, len(ids) + 1):
                if end == len(ids) or (municipalities[end], kinds[end]) != (
                    municipalities[start],
                    kinds[start],
                ):
                    runs.append((municipalities[start], kinds[start], start, end))
                    start = end
        found: dict[tuple[str, str], set[str]] = {}
        for code, kind, start, end in runs:
            found.setdefault((code, kind), set()).update(ids[start:end])
        return found


def _add_keys(
    columns: tuple[list[str], list[str], list[str]],
    code: str,
    kind: str,
    cells: np.ndarray[Any, Any],
) -> None:
    """The distinct present ``cells`` (as text), in order, as keys of ``code`` and ``kind``."""
    present = cells[~pd.isna(cells)].tolist()
    if pd.api.types.infer_dtype(present, skipna=False) == "string":
        values = list(dict.fromkeys(present))  # (text already: str() changes nothing)
    else:
        values = list(dict.fromkeys(str(value) for value in present))
    columns[0].extend([code] * len(values))
    columns[1].extend([kind] * len(values))
    columns[2].extend(values)


@cache
def referenced_kinds() -> frozenset[str]:
    """The record kinds (and pseudo kinds such as ``cluster``) some field refers to."""
    return frozenset(
        kind
        for record_kind in RECORD_KINDS
        for spec in field_specs(record_kind)
        for kind in (*spec.references, *spec.pseudo_references)
    )


def reference_fields(table: ValidTable) -> list[ReferenceField]:
    """The reference fields of a table, with the header and position they have in its file."""
    mapping = table.header_mapping
    return [
        ReferenceField(table=table, spec=spec, header=header, column_index=column_index)
        for spec, header, column_index in _reference_places(
            table.kind, tuple((header, mapping.get(header)) for header in table.source.header)
        )
    ]


@lru_cache(maxsize=1 << 10)
def _reference_places(
    kind: str, header: tuple[tuple[str, str | None], ...]
) -> tuple[tuple[FieldSpec, str | None, int | None], ...]:
    """``reference_fields`` of a file of ``kind`` whose header cells map to those fields:
    each reference field's spec, header and 1-based position (the same in every file of
    the kind with that header)."""
    positions: dict[str, int] = {}
    for position, (_cell, name) in enumerate(header):
        if name is not None and name not in positions:
            positions[name] = position
    places = []
    for spec in field_specs(kind):
        if not spec.references:
            continue
        found = positions.get(spec.name)
        places.append(
            (
                spec,
                None if found is None else header[found][0],
                None if found is None else found + 1,
            )
        )
    return tuple(places)


@dataclass
class ReferencePart:
    """The references written in one field of one file (list cells: one per element).

    ``rows`` are the 0-based data rows of the references, ``codes`` index ``distinct``
    (the distinct values written), ``keys`` holds the key of every data row of the file.
    """

    municipality: str
    field: ReferenceField
    keys: np.ndarray[Any, Any]
    rows: np.ndarray[Any, Any]
    codes: np.ndarray[Any, Any]
    distinct: list[str]

    @property
    def kind(self) -> str:
        return self.field.table.kind

    @property
    def name(self) -> str:
        return self.field.spec.name

    @property
    def ids(self) -> np.ndarray[Any, Any]:
        """The key of the record of each reference."""
        return np.asarray(self.keys[self.rows], dtype=object)

    def id_of(self, index: int) -> Any:
        return self.keys[self.rows[index]]

    def value(self, index: int) -> str:
        return self.distinct[int(self.codes[index])]


def reference_parts(municipalities: Sequence[MunicipalityBatch]) -> list[ReferencePart]:
    """Every reference written in any file, one part per file and reference field."""
    parts = []
    for batch in municipalities:
        for table in batch.tables.values():
            keys: np.ndarray[Any, Any] | None = None  # (read once a field has references)
            for ref in reference_fields(table):
                encoded = table.encoded.get(ref.spec.name)
                found = (
                    _encoded_references(encoded)
                    if encoded is not None and not ref.spec.many
                    else _written_references(table, ref)
                )
                if found is None:
                    continue
                rows, codes, distinct = found
                if keys is None:
                    keys = table.column_objects(model_for(table.kind).key_field)
                parts.append(
                    ReferencePart(
                        municipality=batch.code,
                        field=ref,
                        keys=keys,
                        rows=rows,
                        codes=codes,
                        distinct=distinct,
                    )
                )
    return parts


References = tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], list[str]]


def _written_references(table: ValidTable, ref: ReferenceField) -> References | None:
    """The rows, codes and distinct values of a field, read from the frame."""
    cells = table.column_objects(ref.spec.name)
    rows = np.flatnonzero(~pd.isna(cells))
    if not len(rows):
        return None
    values = cells[rows]
    if ref.spec.many:
        lengths = np.fromiter((len(cell) for cell in values), dtype=np.intp, count=len(values))
        rows = np.repeat(rows, lengths)
        values = np.array([element for cell in values for element in cell], dtype=object)
    codes, distinct = pd.factorize(values)
    return rows, codes, [str(value) for value in distinct]


def _encoded_references(encoded: EncodedColumn) -> References | None:
    """The same from the column's codes: the distinct values are factorised, not the rows
    (they are in order of first appearance, so the distinct values come in the same order)."""
    present = pd.notna(encoded.distinct)
    rows = np.flatnonzero(present[encoded.codes])
    if not len(rows):
        return None
    values = encoded.distinct[present]
    listed = values.tolist()
    if len(set(listed)) == len(listed):  # (the usual case: factorising changes nothing)
        canonical, distinct = np.arange(len(listed)), listed
    else:
        canonical, distinct = pd.factorize(values)
    codes = np.full(len(encoded.distinct), -1, dtype=np.int32)
    codes[present] = canonical
    return rows, codes[encoded.codes[rows]], [str(value) for value in distinct]


def resolve_values(
    municipalities: Sequence[str],
    targets: Sequence[str],
    values: Sequence[str],
    keys: KeyIndex,
    known_municipalities: set[str],
) -> pd.DataFrame:
    """Resolve distinct (``municipality``, ``targets``, ``value``) triples against ``keys``.

    A frame of those three columns, with ``target_municipality``, ``qualifier`` (the kind
    written, if the field may name it), ``target_id``, ``matches`` (how many records the
    value names), ``matched_kinds``, ``target_kind`` (the first of ``targets`` matched)
    and ``status`` (``resolved``, ``dangling``, ``ambiguous`` or ``unknown-municipality``).
    Each value is read with ``re.search`` of the patterns (what pandas' ``str.extract``
    does for them), a group not taken is missing; the keys are looked up in a set (a few
    thousand distinct values: frames would cost more than the work).
    """
    lookup = keys.lookup
    nothing: frozenset[str] = frozenset()
    allowed_kinds: dict[str, list[str]] = {}
    resolved: dict[str, list[Any]] = {
        name: []
        for name in (
            "target_municipality",
            "qualifier",
            "target_id",
            "matches",
            "matched_kinds",
            "target_kind",
            "status",
        )
    }
    for municipality, allowed, value in zip(municipalities, targets, values, strict=True):
        kinds = allowed_kinds.get(allowed)
        if kinds is None:
            kinds = allowed_kinds[allowed] = allowed.split("|")
        found = _REFERENCE_PATTERN.search(value)
        prefix, rest = (None, None) if found is None else found.groups()
        target_municipality = municipality if prefix is None else prefix
        qualified = None if rest is None else _KIND_QUALIFIED_PATTERN.search(rest)
        qualifier = target_id = None
        if qualified is not None and qualified.group(1) in kinds:
            qualifier, target_id = qualified.groups()
        else:
            target_id = rest
        matched = [
            kind
            for kind in (kinds if qualifier is None else [k for k in kinds if k == qualifier])
            if target_id in lookup.get((target_municipality, kind), nothing)
        ]
        if target_municipality not in known_municipalities:
            status = "unknown-municipality"
        elif len(matched) == 1:
            status = "resolved"
        elif matched:
            status = "ambiguous"
        else:
            status = "dangling"
        resolved["target_municipality"].append(target_municipality)
        resolved["qualifier"].append(qualifier)
        resolved["target_id"].append(target_id)
        resolved["matches"].append(len(matched))
        resolved["matched_kinds"].append(tuple(sorted(matched)))
        resolved["target_kind"].append(matched[0] if matched else None)
        resolved["status"].append(status)
    matched_kinds = np.empty(len(values), dtype=object)
    for index, kinds_matched in enumerate(resolved.pop("matched_kinds")):
        matched_kinds[index] = kinds_matched
    text = {
        name: pd.Series(column, dtype="str")
        for name, column in (
            ("municipality", municipalities),
            ("targets", targets),
            ("value", values),
            *((name, resolved[name]) for name in ("target_municipality", "qualifier", "target_id")),
        )
    }
    return pd.DataFrame(
        {
            **text,
            "matches": np.array(resolved["matches"], dtype=np.int64),
            "matched_kinds": pd.Series(matched_kinds, dtype=object),
            "target_kind": pd.Series(resolved["target_kind"], dtype="str"),
            "status": pd.Series(resolved["status"], dtype="str"),
        }
    )


def resolve_references(
    municipalities: Sequence[MunicipalityBatch],
    report: IssueReport,
    known_keys: KnownKeys | None = None,
) -> pd.DataFrame:
    """Resolve every reference of the run; issues go into ``report``.

    Returns the resolved references with the columns ``REFERENCE_COLUMNS`` (self-references
    and unresolved ones left out).
    """
    parts = reference_parts(municipalities)
    if not parts:
        return pd.DataFrame(columns=list(REFERENCE_COLUMNS))
    keys = KeyIndex.of(
        municipalities, known_keys, {kind for part in parts for kind in part.field.targets}
    )
    known = {batch.code for batch in municipalities} | set(known_keys or {})
    resolved = resolve_values(
        [part.municipality for part in parts for _ in part.distinct],
        ["|".join(part.field.targets) for part in parts for _ in part.distinct],
        [value for part in parts for value in part.distinct],
        keys,
        known,
    )
    rejected = RejectedFiles.of(municipalities)
    if rejected:
        rejected.mark(resolved)
    problems = ReferenceProblems(keys, known, report)
    columns = _OutcomeColumns(resolved)
    every = _AllReferences(parts)
    ok = every.resolved(np.asarray(columns.array("status") == "resolved", dtype=bool))
    own = np.zeros(len(ok), dtype=bool)
    starts = every.starts.tolist()
    for number, part in enumerate(parts):
        start, end = starts[number], starts[number + 1]
        part_ok = ok[start:end]
        if start == end or (part.kind not in part.field.targets and part_ok.all()):
            continue  # (every reference resolves, none can name its own record)
        outcome = _Outcome(columns, int(every.distinct_starts[number]))
        own[start:end] = part_own = _own_references(part, part_ok, outcome)
        problems.report_unresolved(part, np.flatnonzero(~part_ok), outcome)
        problems.report_self_references(part, np.flatnonzero(part_own))
    keep = ok & ~own
    listed, listed_parts = every.references_of(every.many)
    kept_listed = keep[listed]
    listed, listed_parts = listed[kept_listed], listed_parts[kept_listed]
    if len(listed):
        # A list may name a record twice: keep its first reference (in its part, by the
        # row's key and the target, labelled once per distinct value).
        targets = _labels(
            [columns.array(name) for name in ("target_municipality", "target_kind", "target_id")]
        )
        keep[listed] = _first_labels(
            _labels(
                [
                    listed_parts,
                    every.ids(listed, listed_parts),
                    targets[every.codes(listed, listed_parts)],
                ]
            )
        )
    dependencies, dependency_parts = every.references_of(every.dependency)
    kept_dependencies = keep[dependencies]
    problems.report_cycles(
        every.edges(dependencies[kept_dependencies], dependency_parts[kept_dependencies], columns),
        parts,
    )
    problems.report_not_checked(rejected)
    return every.frame(keep, columns)


@dataclass
class RejectedFiles:
    """The files rejected as a whole in a run, by (municipality code, kind); and the
    municipality files rejected (their folders' codes are then unknown)."""

    by_kind: dict[tuple[str, str], tuple[str, str | None]]
    municipality_files: list[tuple[str, str | None]]

    @classmethod
    def of(cls, municipalities: Sequence[MunicipalityBatch]) -> RejectedFiles:
        by_kind: dict[tuple[str, str], tuple[str, str | None]] = {}
        for batch in municipalities:
            for kind, place in batch.rejected.items():
                by_kind[(batch.code, kind)] = place
                if kind == "server":  # clusters are named by the servers' cluster column
                    by_kind[(batch.code, "cluster")] = place
        files = [
            batch.rejected["municipality"]
            for batch in municipalities
            if "municipality" in batch.rejected
        ]
        return cls(by_kind, files)

    def __bool__(self) -> bool:
        return bool(self.by_kind or self.municipality_files)

    def mark(self, resolved: pd.DataFrame) -> None:
        """Set ``status`` to ``not-checked`` (and ``rejected`` to the file's place) for the
        values that do not resolve and could name a record of a rejected file: a kind the
        field may name in that municipality, or a municipality whose code is unknown
        because its municipality file was rejected."""
        places: list[tuple[str, str | None] | None] = []
        for municipality, targets, qualifier, status in zip(
            resolved["target_municipality"],
            resolved["targets"],
            resolved["qualifier"],
            resolved["status"],
            strict=True,
        ):
            place = None
            if status == "unknown-municipality" and self.municipality_files:
                place = self.municipality_files[0]
            elif status != "resolved":
                kinds = [qualifier] if isinstance(qualifier, str) else targets.split("|")
                place = next(
                    (
                        self.by_kind[(municipality, kind)]
                        for kind in kinds
                        if (municipality, kind) in self.by_kind
                    ),
                    None,
                )
            places.append(place)
        resolved["rejected"] = pd.Series(places, index=resolved.index, dtype=object)
        resolved.loc[resolved["rejected"].notna(), "status"] = "not-checked"


class _OutcomeColumns:
    """The columns of ``resolve_values``' outcome as arrays, made once for every part."""

    def __init__(self, resolved: pd.DataFrame) -> None:
        self.frame = resolved
        self.arrays: dict[str, np.ndarray[Any, Any]] = {}

    def array(self, name: str) -> np.ndarray[Any, Any]:
        found = self.arrays.get(name)
        if found is None:
            found = self.arrays[name] = self.frame[name].to_numpy(dtype=object)
        return found


@dataclass
class _Outcome:
    """One part's outcome: the distinct values of the part from ``start`` on in the
    outcome of every part (``column(name)[code]`` is the part's distinct value ``code``)."""

    columns: _OutcomeColumns
    start: int

    def column(self, name: str) -> np.ndarray[Any, Any]:
        return self.columns.array(name)[self.start :]

    def has(self, name: str) -> bool:
        return name in self.columns.frame.columns

    def row(self, code: int) -> pd.Series:
        """The outcome of the part's distinct value ``code``."""
        return self.columns.frame.iloc[self.start + code]


def _own_references(
    part: ReferencePart, ok: np.ndarray[Any, Any], outcome: _Outcome
) -> np.ndarray[Any, Any]:
    """Which of a part's references (``ok``: those that resolve) name their own record."""
    if part.kind not in part.field.targets:
        return np.zeros(len(ok), dtype=bool)
    codes = part.codes
    return np.asarray(
        ok
        & (outcome.column("target_municipality")[codes] == part.municipality)
        & (outcome.column("target_kind")[codes] == part.kind)
        & (outcome.column("target_id")[codes] == part.ids),
        dtype=bool,
    )


class _AllReferences:
    """Every part's references one after the other (the parts in order, each part's
    references in order): told apart, searched for cycles and made a frame at once, not
    part by part. A reference is its index in that order; ``starts`` says where each
    part's begin, ``distinct_starts`` where its distinct values begin in the outcome of
    every part (``resolve_values``' rows)."""

    def __init__(self, parts: Sequence[ReferencePart]) -> None:
        self.parts = parts
        counts = np.array([len(part.codes) for part in parts], dtype=np.int64)
        sizes = np.array([len(part.distinct) for part in parts], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(counts)))
        self.distinct_starts = np.concatenate(([0], np.cumsum(sizes)))
        self.municipality = np.array([part.municipality for part in parts], dtype=object)
        self.kind = np.array([part.kind for part in parts], dtype=object)
        self.field = np.array([part.name for part in parts], dtype=object)
        self.many = np.array([part.field.spec.many for part in parts], dtype=bool)
        # The dependencies (for the cycle search): references of a kind that some
        # dependency names, in a field that is a dependency.
        dependency_kinds = {
            target
            for part in parts
            if part.name not in NOT_DEPENDENCIES
            for target in part.field.targets
        }
        self.dependency = np.array(
            [part.name not in NOT_DEPENDENCIES and part.kind in dependency_kinds for part in parts],
            dtype=bool,
        )

    def resolved(self, distinct_ok: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Per reference, ``distinct_ok`` (per row of the outcome) of its distinct value."""
        starts = self.distinct_starts.tolist()
        return np.concatenate(
            [
                distinct_ok[start : start + len(part.distinct)][part.codes]
                for part, start in zip(self.parts, starts, strict=False)
            ]
        )

    def references_of(
        self, chosen: np.ndarray[Any, Any]
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        """The references of the parts ``chosen`` (a mask of the parts), in order, and
        the part of each."""
        numbers = np.flatnonzero(chosen)
        counts = self.starts[numbers + 1] - self.starts[numbers]
        before = np.cumsum(counts) - counts  # (the chosen references before each part's)
        shift = np.repeat(self.starts[numbers] - before, counts)
        return np.arange(int(counts.sum()), dtype=np.int64) + shift, np.repeat(numbers, counts)

    def _by_part(
        self, references: np.ndarray[Any, Any], numbers: np.ndarray[Any, Any]
    ) -> list[tuple[ReferencePart, int, slice, np.ndarray[Any, Any]]]:
        """``references`` (in order) of the parts ``numbers`` (of each) part by part:
        the part, its number, where its references are in ``references`` and their
        indices in the part."""
        ends = [*(np.flatnonzero(np.diff(numbers)) + 1).tolist(), len(numbers)]
        found = []
        first = 0
        for end in ends:
            if end == first:
                continue
            number = int(numbers[first])
            within = references[first:end] - self.starts[number]
            found.append((self.parts[number], number, slice(first, end), within))
            first = end
        return found

    def codes(
        self, references: np.ndarray[Any, Any], numbers: np.ndarray[Any, Any]
    ) -> np.ndarray[Any, Any]:
        """The distinct value of each of ``references`` (of the parts ``numbers``), as a
        row of the outcome of every part."""
        codes = np.zeros(len(references), dtype=np.int64)
        for part, number, at, within in self._by_part(references, numbers):
            codes[at] = part.codes[within] + self.distinct_starts[number]
        return codes

    def ids(
        self, references: np.ndarray[Any, Any], numbers: np.ndarray[Any, Any]
    ) -> np.ndarray[Any, Any]:
        """The key of the record of each of ``references`` (of the parts ``numbers``)."""
        ids = np.empty(len(references), dtype=object)
        for part, _number, at, within in self._by_part(references, numbers):
            ids[at] = part.keys[part.rows[within]]
        return ids

    def edges(
        self,
        references: np.ndarray[Any, Any],
        numbers: np.ndarray[Any, Any],
        outcome: _OutcomeColumns,
    ) -> pd.DataFrame:
        """The ``references`` (of the parts ``numbers``: the dependencies, for the cycle
        search) as a frame, with ``reference``: the index of each in its part."""
        codes = self.codes(references, numbers)
        columns = {
            "municipality": self.municipality[numbers],
            "kind": self.kind[numbers],
            "id": self.ids(references, numbers),
            "field": self.field[numbers],
            **{
                name: outcome.array(name)[codes]
                for name in ("target_municipality", "target_kind", "target_id")
            },
            "reference": references - self.starts[numbers],
        }
        return _object_frame(columns)

    def frame(self, keep: np.ndarray[Any, Any], outcome: _OutcomeColumns) -> pd.DataFrame:
        """The columns ``REFERENCE_COLUMNS`` of the references ``keep`` (a mask), filled
        in place part by part (a million references are copied once; a part's own
        columns are one value)."""
        total = int(np.count_nonzero(keep))
        columns = {name: np.empty(total, dtype=object) for name in REFERENCE_COLUMNS}
        targets = {
            name: outcome.array(name)
            for name in ("target_municipality", "target_kind", "target_id")
        }
        starts = self.starts.tolist()
        distinct_starts = self.distinct_starts.tolist()
        first = 0
        for number, part in enumerate(self.parts):
            kept = keep[starts[number] : starts[number + 1]]
            chosen: slice | np.ndarray[Any, Any] = slice(None)
            if not kept.all():
                chosen = np.flatnonzero(kept)
            last = first + (len(kept) if isinstance(chosen, slice) else len(chosen))
            if last == first:
                continue
            columns["municipality"][first:last] = part.municipality
            columns["kind"][first:last] = part.kind
            columns["field"][first:last] = part.name
            np.take(part.keys, part.rows[chosen], out=columns["id"][first:last], mode="clip")
            codes = part.codes[chosen]
            for name, values in targets.items():
                np.take(
                    values[distinct_starts[number] :],
                    codes,
                    out=columns[name][first:last],
                    mode="clip",
                )
            first = last
        return pd.concat(
            [
                pd.Series(values, dtype=object, name=name, copy=False)
                for name, values in columns.items()
            ],
            axis=1,
        )


def _object_frame(columns: Mapping[str, np.ndarray[Any, Any]]) -> pd.DataFrame:
    # Object columns as given: letting pandas infer its string dtype costs seconds per 1M.
    return pd.DataFrame(
        {
            name: pd.Series(values, dtype=None if name == "reference" else object)
            for name, values in columns.items()
        }
    )


def _first_of_each(columns: Mapping[str, np.ndarray[Any, Any]]) -> np.ndarray[Any, Any]:
    """Which references are the first with their ``REFERENCE_COLUMNS`` values (what
    ``DataFrame.duplicated`` keeps: each column factorised, missing values alike), without
    building a frame for each part."""
    return _first_labels(_labels([columns[name] for name in REFERENCE_COLUMNS]))


def _labels(columns: Sequence[np.ndarray[Any, Any]]) -> np.ndarray[Any, Any]:
    """One number per row, equal for rows equal in every column (missing values alike):
    the columns' factorised labels combined (made small again after each column). The
    numbers are 0, 1, 2, ... in order of first appearance."""
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        labels, uniques = pd.factorize(column)  # -1: missing
        labels = labels.astype(np.int64) + 1
        if len(labels) and labels.min() == labels.max():
            continue  # one value for all (or missing in all): tells no row apart
        combined, _ = pd.factorize(combined * (len(uniques) + 1) + labels)
    return combined


def _first_labels(labels: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Which rows are the first with their label (``_labels``': numbered in order of first
    appearance, so a row is the first of its label when its label is above all before)."""
    if not len(labels):
        return np.zeros(0, dtype=bool)
    before = np.maximum.accumulate(labels)[:-1]
    return np.asarray(labels > np.concatenate(([-1], before)), dtype=bool)


def _on_possible_cycles(edges: pd.DataFrame) -> pd.DataFrame:
    """The dependency edges that may lie on a cycle, in their order.

    A record that nothing names, or that names nothing, is on no cycle: peeling such
    records off (until none is left) keeps every cycle and drops the bulk (a million
    clients name sites and platforms, but nothing names a client), so the graph built
    for the cycle search stays small.
    """
    count = len(edges)
    if count == 0:
        return edges

    # Each record (municipality, kind, key as text) one number, the same as source and
    # as target.
    codes = _labels(
        [
            np.concatenate(
                [
                    _as_text(edges[source]),
                    _as_text(edges[target]),
                ]
            )
            for source, target in (
                ("municipality", "target_municipality"),
                ("kind", "target_kind"),
                ("id", "target_id"),
            )
        ]
    )
    nodes = int(codes.max()) + 1
    sources, targets = codes[:count], codes[count:]
    keep = np.ones(count, dtype=bool)
    while True:
        named = np.zeros(nodes, dtype=bool)
        named[targets[keep]] = True
        naming = np.zeros(nodes, dtype=bool)
        naming[sources[keep]] = True
        still = keep & named[sources] & naming[targets]
        if int(still.sum()) == int(keep.sum()):
            break
        keep = still
    return edges[keep]


def _as_text(column: pd.Series) -> np.ndarray[Any, Any]:
    """``column.astype(str)`` as objects; a column of texts as it is (the same texts)."""
    cells = column.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(cells, skipna=False) == "string":
        return cells
    return column.astype(str).to_numpy(dtype=object)


class ReferenceProblems:
    """Issues for the references that do not resolve, name themselves or go round."""

    def __init__(self, keys: KeyIndex, known: set[str], report: IssueReport) -> None:
        self.keys = keys
        self.known = known
        self.report = report
        self._nearest: dict[tuple[str, str, str], str | None] = {}
        #: References into a rejected file: its place -> (file, field) -> count.
        self.not_checked: dict[tuple[str, str | None], Counter[tuple[str, str]]] = {}

    def report_not_checked(self, rejected: RejectedFiles) -> None:
        """One warning per rejected file that references name: how many were not checked,
        and from where (the file's own errors say why it was rejected)."""
        kinds = {place: kind for (_, kind), place in rejected.by_kind.items() if kind != "cluster"}
        codes = {place: code for (code, _), place in rejected.by_kind.items()}
        for place, origins in self.not_checked.items():
            file, sheet = place
            total = sum(origins.values())
            named = Path(file).name + ("" if sheet is None else f"[{sheet}]")
            kind = kinds.get(place, "municipality")
            sources = ", ".join(
                f"{origin} {field} ({count:,})"
                for (origin, field), count in sorted(origins.items())
            )
            self.report.add(
                Issue(
                    code=IssueCode.REFERENCES_NOT_CHECKED,
                    severity=Severity.WARNING,
                    file=file,
                    sheet=sheet,
                    value=str(total),
                    municipality=codes.get(place),
                    record_kind=kind,
                    template=template_key(
                        IssueCode.REFERENCES_NOT_CHECKED, "one" if total == 1 else None
                    ),
                    params={"count": total, "file": named, "sources": sources},
                )
            )

    def _room(self, wanted: int, severity: Severity) -> int:
        """How many of ``wanted`` issues fit under the cap (the rest are counted)."""
        room = max(0, min(wanted, self.report.cap - len(self.report.issues)))
        if wanted > room:
            self.report.dropped[severity] += wanted - room
        return room

    def _issue(
        self,
        part: ReferencePart,
        index: int,
        code: IssueCode,
        params: dict[str, IssueParam],
        situation: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> Issue:
        table = part.field.table
        row = int(part.rows[index])
        return Issue(
            code=code,
            severity=severity,
            template=template_key(code, situation),
            params={"what": self._what(part, index), **params},
            file=table.source.display_name,
            sheet=table.source.sheet,
            line=int(table.source.lines[row]),
            row=row + 1,
            column=part.field.header,
            column_index=part.field.column_index,
            value=part.value(index),
            municipality=part.municipality,
            record_kind=part.kind,
        )

    def _what(self, part: ReferencePart, index: int) -> IssueParam:
        key = part.id_of(index)
        kind = record_kind_word(part.kind)
        if key is None or key is pd.NA:
            return kind
        return Message("issue.part.kind_key", {"kind": kind, "id": str(key)})

    def report_unresolved(
        self, part: ReferencePart, indices: np.ndarray[Any, Any], outcome: _Outcome
    ) -> None:
        """Dangling, ambiguous and unknown-municipality references, in row order; those
        into a rejected file are only counted (``report_not_checked``)."""
        if len(indices) and outcome.has("rejected"):
            codes = part.codes[indices]
            skipped = outcome.column("status")[codes] == "not-checked"
            if skipped.any():
                places = outcome.column("rejected")[codes[skipped]]
                source = part.field.table.source
                name = f"{source.path.parent.name}/{source.path.name}"  # folder/file
                origin = (name if source.sheet is None else f"{name}[{source.sheet}]", part.name)
                for place, count in Counter(places.tolist()).items():
                    self.not_checked.setdefault(place, Counter())[origin] += count
                indices = indices[~skipped]
        for index in indices[: self._room(len(indices), Severity.ERROR)].tolist():
            found = outcome.row(int(part.codes[index]))
            if found["status"] == "unknown-municipality":
                self.report.add(self._unknown_municipality(part, index, found))
            elif found["status"] == "ambiguous":
                self.report.add(self._ambiguous(part, index, found))
            else:
                self.report.add(self._dangling(part, index, found))

    def _unknown_municipality(self, part: ReferencePart, index: int, found: pd.Series) -> Issue:
        code = found["target_municipality"]
        known = ", ".join(sorted(self.known))
        return self._issue(
            part,
            index,
            IssueCode.UNKNOWN_MUNICIPALITY,
            {
                "value": repr(found["value"]),
                "code": repr(code),
                "name": str(code),
                "known": known or Code("issue_word", "none"),
            },
        )

    def _ambiguous(self, part: ReferencePart, index: int, found: pd.Series) -> Issue:
        kinds = tuple(found["matched_kinds"])
        target = found["target_id"]
        prefix = (
            ""
            if found["target_municipality"] == part.municipality
            else (f"{found['target_municipality']}{MUNICIPALITY_SEPARATOR}")
        )
        spelled = _either([f"{prefix}{kind}{KIND_SEPARATOR}{target}" for kind in kinds])
        return self._issue(
            part,
            index,
            IssueCode.AMBIGUOUS_REFERENCE,
            {
                "value": repr(found["value"]),
                "count": len(kinds),
                "matches": ", ".join(f"{kind} {target}" for kind in kinds),
                "spelled": spelled,
            },
        )

    def _dangling(self, part: ReferencePart, index: int, found: pd.Series) -> Issue:
        qualifier = found["qualifier"]
        wanted = [qualifier] if isinstance(qualifier, str) else list(part.field.targets)
        municipality = str(found["target_municipality"])
        target = str(found["target_id"])
        nearest = self.nearest(municipality, tuple(wanted), target)
        where = (
            Message("issue.part.this_municipality")
            if municipality == part.municipality
            else Message("issue.part.municipality", {"code": repr(municipality)})
        )
        params: dict[str, IssueParam] = {
            "kinds": _either([record_kind_word(kind) for kind in wanted]),
            "target": repr(target),
            "where": where,
        }
        if nearest is not None:
            params["nearest"] = repr(nearest)
        return self._issue(
            part,
            index,
            IssueCode.DANGLING_REFERENCE,
            params,
            None if nearest is None else "nearest",
        )

    def nearest(self, municipality: str, kinds: tuple[str, ...], key: str) -> str | None:
        """The existing key of ``kinds`` in ``municipality`` closest to ``key`` (rapidfuzz)."""
        cache_key = (municipality, "|".join(kinds), key)
        if cache_key not in self._nearest:
            frame = self.keys.frame
            pool = frame.loc[
                (frame["municipality"] == municipality) & frame["kind"].isin(kinds), "id"
            ].tolist()
            from rapidfuzz import process  # (only for a reference that is not found)

            match = process.extractOne(key, pool) if pool else None
            self._nearest[cache_key] = str(match[0]) if match and match[1] >= 50 else None
        return self._nearest[cache_key]

    def report_self_references(self, part: ReferencePart, indices: np.ndarray[Any, Any]) -> None:
        """A record that names itself (a server its own host) is an error."""
        for index in indices[: self._room(len(indices), Severity.ERROR)].tolist():
            self.report.add(
                self._issue(
                    part, index, IssueCode.SELF_REFERENCE, {"field": part.name, "kind": part.kind}
                )
            )

    def report_cycles(self, edges: pd.DataFrame, parts: Sequence[ReferencePart]) -> None:
        """One warning per dependency cycle (strongly connected records), listing it."""
        edges = _on_possible_cycles(edges[edges["id"].notna()])
        if edges.empty:
            return
        import networkx as nx  # (only when records may form a cycle)

        places = {(part.municipality, part.kind, part.name): part for part in parts}
        edges = edges.sort_values(["municipality", "kind", "id", "field", "target_id"])
        graph = nx.DiGraph()
        for edge in edges.itertuples(index=False):
            graph.add_edge(
                (edge.municipality, edge.kind, edge.id),
                (edge.target_municipality, edge.target_kind, edge.target_id),
                field=edge.field,
                reference=edge.reference,
            )
        components = sorted(
            sorted(component)
            for component in nx.strongly_connected_components(graph)
            if len(component) > 1
        )
        for component in components:
            cycle = nx.find_cycle(graph.subgraph(component), source=component[0])
            start = cycle[0][0]
            steps = [_node_name(start)]
            for source, target in cycle:
                steps.append(f"-{graph.edges[source, target]['field']}-> {_node_name(target)}")
            first = graph.edges[cycle[0][0], cycle[0][1]]
            part = places[(start[0], start[1], first["field"])]
            self.report.add(
                self._issue(
                    part,
                    int(first["reference"]),
                    IssueCode.DEPENDENCY_CYCLE,
                    {"steps": " ".join(steps)},
                    severity=Severity.WARNING,
                )
            )


def record_kind_word(kind: str) -> Code:
    """A record kind inside a sentence: the code in English (``platform``), the word in
    Swedish and Norwegian (``plattform``, ``kluster``/``klynge``)."""
    return Code("record_kind", kind, code_in_english=True)


def _either(items: Sequence[IssueParam]) -> IssueParam:
    """``a``, ``a or b``, ``a or b or c`` in the reader's language."""
    if len(items) == 1:
        return items[0]
    return Message("issue.part.or", {"first": items[0], "second": _either(items[1:])})


def _node_name(node: tuple[str, str, str]) -> str:
    municipality, kind, key = node
    return f"{kind} {municipality}{MUNICIPALITY_SEPARATOR}{key}"
