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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from rapidfuzz import process

from inventory.issues import Issue, IssueCode, IssueReport, Severity
from inventory.models.registry import FieldSpec, field_specs, model_for
from inventory.validate.batch import REFERENCE_COLUMNS, MunicipalityBatch, ValidTable
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


def key_index(municipalities: Sequence[MunicipalityBatch],
              known_keys: KnownKeys | None = None) -> pd.DataFrame:
    """Every key a reference may name: columns ``municipality``, ``kind``, ``id``.

    Keys of this run come from its tables (clusters: the distinct ``cluster`` of servers);
    stored keys count for municipalities not in the run, and for the kinds a folder of the
    run has no file of.
    """
    parts: list[pd.DataFrame] = []
    present: dict[str, set[str]] = {}
    for batch in municipalities:
        kinds = present.setdefault(batch.code, set())
        for kind, table in batch.tables.items():
            if kind == "municipality":
                continue
            kinds.add(kind)
            parts.append(_keys_frame(batch.code, kind, table.frame[model_for(kind).key_field]))
            if kind == "server":
                kinds.add("cluster")
                parts.append(_keys_frame(batch.code, "cluster", table.frame["cluster"]))
    for code, by_kind in (known_keys or {}).items():
        for kind, ids in by_kind.items():
            if kind not in present.get(code, set()):
                parts.append(_keys_frame(code, kind, pd.Series(list(ids), dtype=object)))
    if not parts:
        return pd.DataFrame({"municipality": [], "kind": [], "id": []}, dtype="str")
    keys = pd.concat(parts, ignore_index=True)
    return keys.drop_duplicates(ignore_index=True)


def _keys_frame(code: str, kind: str, ids: pd.Series) -> pd.DataFrame:
    values = ids.dropna().astype("str").unique()
    return pd.DataFrame({"municipality": code, "kind": kind,
                         "id": pd.Series(values, dtype="str")}, dtype="str")


def reference_fields(table: ValidTable) -> list[ReferenceField]:
    """The reference fields of a table, with the header and position they have in its file."""
    positions: dict[str, int] = {}
    for position, header in enumerate(table.source.header):
        name = table.header_mapping.get(header)
        if name is not None and name not in positions:
            positions[name] = position
    fields = []
    for spec in field_specs(table.kind):
        if not spec.references:
            continue
        found = positions.get(spec.name)
        fields.append(ReferenceField(
            table=table, spec=spec,
            header=None if found is None else table.source.header[found],
            column_index=None if found is None else found + 1))
    return fields


def reference_rows(municipalities: Sequence[MunicipalityBatch]) -> pd.DataFrame:
    """One row per reference written in any file (list cells give one row per element)."""
    parts = []
    for batch in municipalities:
        for table in batch.tables.values():
            key_field = model_for(table.kind).key_field
            for ref in reference_fields(table):
                frame = table.frame
                values = frame[ref.spec.name]
                written = values.notna()
                if not written.any():
                    continue
                part = pd.DataFrame({
                    "municipality": batch.code,
                    "kind": table.kind,
                    "id": frame[key_field][written].astype(object),
                    "field": ref.spec.name,
                    "value": values[written],
                    "row": np.flatnonzero(written.to_numpy()) + 1,
                    "line": frame["_line"][written],
                    "file": table.source.display_name,
                    "column": ref.header,
                    "column_index": ref.column_index,
                    "targets": "|".join(ref.targets),
                })
                if ref.spec.many:
                    part = part.explode("value", ignore_index=True).dropna(subset=["value"])
                parts.append(part)
    if not parts:
        return pd.DataFrame(columns=["municipality", "kind", "id", "field", "value", "row",
                                     "line", "file", "column", "column_index", "targets"])
    rows = pd.concat(parts, ignore_index=True)
    rows["value"] = rows["value"].astype("str")
    return rows


def resolve_values(distinct: pd.DataFrame, keys: pd.DataFrame,
                   known_municipalities: set[str]) -> pd.DataFrame:
    """Resolve distinct (``municipality``, ``targets``, ``value``) triples against ``keys``.

    Adds ``target_municipality``, ``target_kind`` (the qualifier, if written), ``target_id``,
    ``matches`` (how many records the value names), ``matched_kinds`` and ``status``
    (``resolved``, ``dangling``, ``ambiguous`` or ``unknown-municipality``).
    """
    parts = distinct["value"].str.extract(_REFERENCE)
    resolved = distinct.reset_index(drop=True).copy()
    prefix = parts[0].reset_index(drop=True)
    rest = parts[1].reset_index(drop=True)
    resolved["target_municipality"] = prefix.where(prefix.notna(), resolved["municipality"])
    qualified = rest.str.extract(_KIND_QUALIFIED)
    allowed = [kind in targets.split("|") for kind, targets
               in zip(qualified[0].fillna(""), resolved["targets"], strict=True)]
    is_qualified = pd.Series(allowed, dtype=bool) & qualified[0].notna()
    resolved["qualifier"] = qualified[0].where(is_qualified, None)
    resolved["target_id"] = qualified[1].where(is_qualified, rest)

    candidates = resolved.reset_index(names="distinct").assign(
        target_kind=resolved["targets"].str.split("|")).explode("target_kind")
    candidates = candidates[candidates["qualifier"].isna()
                            | (candidates["qualifier"] == candidates["target_kind"])]
    matched = candidates.merge(
        keys, left_on=["target_municipality", "target_kind", "target_id"],
        right_on=["municipality", "kind", "id"], how="inner", suffixes=("", "_key"))
    grouped = matched.groupby("distinct")["target_kind"]
    resolved["matches"] = grouped.size().reindex(resolved.index, fill_value=0).to_numpy()
    kinds_matched = {index: tuple(sorted(kinds)) for index, kinds in grouped}
    resolved["matched_kinds"] = pd.Series(
        [kinds_matched.get(index, ()) for index in resolved.index], dtype=object)
    resolved["target_kind"] = grouped.first().reindex(resolved.index)
    status = np.select(
        [~resolved["target_municipality"].isin(known_municipalities),
         resolved["matches"] == 1, resolved["matches"] > 1],
        ["unknown-municipality", "resolved", "ambiguous"], default="dangling")
    resolved["status"] = status
    return resolved


def resolve_references(municipalities: Sequence[MunicipalityBatch], report: IssueReport,
                       known_keys: KnownKeys | None = None) -> pd.DataFrame:
    """Resolve every reference of the run; issues go into ``report``.

    Returns the resolved references with the columns ``REFERENCE_COLUMNS`` (self-references
    and unresolved ones left out).
    """
    rows = reference_rows(municipalities)
    if rows.empty:
        return pd.DataFrame(columns=list(REFERENCE_COLUMNS))
    keys = key_index(municipalities, known_keys)
    known = {batch.code for batch in municipalities} | set(known_keys or {})
    distinct = rows[["municipality", "targets", "value"]].drop_duplicates(ignore_index=True)
    resolved = resolve_values(distinct, keys, known)
    rows = rows.merge(resolved, on=["municipality", "targets", "value"], how="left")
    problems = ReferenceProblems(rows, keys, known, report)
    problems.report_unresolved()
    ok = rows[rows["status"] == "resolved"]
    own = ((ok["target_municipality"] == ok["municipality"]) & (ok["target_kind"] == ok["kind"])
           & (ok["target_id"] == ok["id"]))
    problems.report_self_references(ok[own])
    ok = ok[~own]
    problems.report_cycles(ok)
    return (ok.loc[:, list(REFERENCE_COLUMNS)].drop_duplicates(ignore_index=True)
            .astype(object))


class ReferenceProblems:
    """Issues for the references that do not resolve, name themselves or go round."""

    def __init__(self, rows: pd.DataFrame, keys: pd.DataFrame, known: set[str],
                 report: IssueReport) -> None:
        self.rows = rows
        self.keys = keys
        self.known = known
        self.report = report
        self._nearest: dict[tuple[str, str, str], str | None] = {}

    def _issue(self, row: pd.Series, code: IssueCode, message: str, hint: str,
               severity: Severity = Severity.ERROR) -> Issue:
        return Issue(
            code=code, severity=severity, message=message, hint=hint, file=row["file"],
            line=int(row["line"]), row=int(row["row"]),
            column=None if pd.isna(row["column"]) else str(row["column"]),
            column_index=None if pd.isna(row["column_index"]) else int(row["column_index"]),
            value=str(row["value"]), municipality=row["municipality"], record_kind=row["kind"],
        )

    def _add_rows(self, frame: pd.DataFrame, severity: Severity) -> list[pd.Series]:
        """The rows of ``frame`` there is room for in the report (the rest are counted)."""
        room = max(0, self.report.cap - len(self.report.issues))
        shown = frame.sort_values(["file", "row", "field"], kind="stable").head(room)
        if len(frame) > len(shown):
            self.report.dropped[severity] += len(frame) - len(shown)
        return [row for _, row in shown.iterrows()]

    def report_unresolved(self) -> None:
        """Dangling, ambiguous and unknown-municipality references, in file order."""
        bad = self.rows[self.rows["status"] != "resolved"]
        for row in self._add_rows(bad, Severity.ERROR):
            status = row["status"]
            if status == "unknown-municipality":
                self.report.add(self._unknown_municipality(row))
            elif status == "ambiguous":
                self.report.add(self._ambiguous(row))
            else:
                self.report.add(self._dangling(row))

    def _what(self, row: pd.Series) -> str:
        record = "" if pd.isna(row["id"]) else f" {row['id']}"
        return f"{row['kind']}{record}"

    def _unknown_municipality(self, row: pd.Series) -> Issue:
        code = row["target_municipality"]
        known = ", ".join(sorted(self.known)) or "none"
        return self._issue(
            row, IssueCode.UNKNOWN_MUNICIPALITY,
            f"{self._what(row)} names {row['value']!r}, but no municipality {code!r} is in"
            " this import or stored.",
            f"Import {code}'s inventory in the same run or first, or correct the code"
            f" (known: {known}). A key that contains ':' itself cannot be referenced.")

    def _ambiguous(self, row: pd.Series) -> Issue:
        kinds = tuple(row["matched_kinds"])
        target = row["target_id"]
        prefix = "" if row["target_municipality"] == row["municipality"] else (
            f"{row['target_municipality']}{MUNICIPALITY_SEPARATOR}")
        spelled = " or ".join(f"{prefix}{kind}{KIND_SEPARATOR}{target}" for kind in kinds)
        return self._issue(
            row, IssueCode.AMBIGUOUS_REFERENCE,
            f"{self._what(row)} names {row['value']!r}, which matches {len(kinds)} records:"
            f" {', '.join(f'{kind} {target}' for kind in kinds)}.",
            f"Say which one is meant: write {spelled}.")

    def _dangling(self, row: pd.Series) -> Issue:
        targets = str(row["targets"]).split("|")
        wanted = [row["qualifier"]] if isinstance(row["qualifier"], str) else targets
        municipality = row["target_municipality"]
        nearest = self.nearest(municipality, tuple(wanted), str(row["target_id"]))
        kinds = " or ".join(wanted)
        where = "this municipality" if municipality == row["municipality"] else (
            f"municipality {municipality!r}")
        message = (f"{self._what(row)} names {kinds} {row['target_id']!r}, which {where}"
                   " does not have.")
        if nearest is not None:
            message += f" Nearest existing key: {nearest!r}."
        hint = (f"Add {kinds} {row['target_id']!r} to its file, or correct the reference"
                + (f" (did you mean {nearest!r}?)" if nearest is not None else "")
                + ". Another municipality's record is written code:id.")
        return self._issue(row, IssueCode.DANGLING_REFERENCE, message, hint)

    def nearest(self, municipality: str, kinds: tuple[str, ...], key: str) -> str | None:
        """The existing key of ``kinds`` in ``municipality`` closest to ``key`` (rapidfuzz)."""
        cache_key = (municipality, "|".join(kinds), key)
        if cache_key not in self._nearest:
            pool = self.keys.loc[(self.keys["municipality"] == municipality)
                                 & self.keys["kind"].isin(kinds), "id"].tolist()
            match = process.extractOne(key, pool) if pool else None
            self._nearest[cache_key] = str(match[0]) if match and match[1] >= 50 else None
        return self._nearest[cache_key]

    def report_self_references(self, own: pd.DataFrame) -> None:
        """A record that names itself (a server its own host) is an error."""
        for row in self._add_rows(own, Severity.ERROR):
            self.report.add(self._issue(
                row, IssueCode.SELF_REFERENCE,
                f"{self._what(row)} names itself in {row['field']}.",
                f"A {row['kind']} cannot depend on itself: correct {row['field']}."))

    def report_cycles(self, resolved: pd.DataFrame) -> None:
        """One warning per dependency cycle (strongly connected records), listing it."""
        edges = resolved[~resolved["field"].isin(NOT_DEPENDENCIES)]
        sources = set(edges["kind"])
        edges = edges[edges["target_kind"].isin(sources) & edges["id"].notna()]
        if edges.empty:
            return
        edges = edges.sort_values(["municipality", "kind", "id", "field", "target_id"])
        graph = nx.DiGraph()
        for row in edges.itertuples(index=False):
            graph.add_edge((row.municipality, row.kind, row.id),
                           (row.target_municipality, row.target_kind, row.target_id),
                           field=row.field, file=row.file, line=row.line, row=row.row,
                           column=row.column, column_index=row.column_index, value=row.value)
        components = sorted(sorted(component) for component
                            in nx.strongly_connected_components(graph) if len(component) > 1)
        for component in components:
            cycle = nx.find_cycle(graph.subgraph(component), source=component[0])
            start = cycle[0][0]
            steps = [_node_name(start)]
            for source, target in cycle:
                steps.append(f"-{graph.edges[source, target]['field']}-> {_node_name(target)}")
            first = graph.edges[cycle[0][0], cycle[0][1]]
            self.report.add(Issue(
                code=IssueCode.DEPENDENCY_CYCLE, severity=Severity.WARNING,
                message=f"Dependency cycle: {' '.join(steps)}.",
                hint="Impact analysis and migration waves need a direction: break the cycle"
                     " by correcting one of these references.",
                file=first["file"], line=int(first["line"]), row=int(first["row"]),
                column=None if pd.isna(first["column"]) else str(first["column"]),
                column_index=(None if pd.isna(first["column_index"])
                              else int(first["column_index"])),
                value=str(first["value"]), municipality=start[0], record_kind=start[1]))


def _node_name(node: tuple[str, str, str]) -> str:
    municipality, kind, key = node
    return f"{kind} {municipality}{MUNICIPALITY_SEPARATOR}{key}"
