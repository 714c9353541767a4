"""Stored references: rows where needed, one derived row where the records say it all.

A million clients each name a site and a platform of their own municipality by its plain
key. Such references follow from the stored record values, so a field whose resolved
references are all of that form is stored as one *derived* row (``reference.derived``
true) instead of a row per record; the other references (``gnosjo:DC1`` to another
municipality, ``platform/p-ad`` qualified, list fields) keep a row each. Reading expands
the derived rows again, so ``InventoryStore.references`` returns what was resolved, in
the order the references were written (by record line within a field).

What is stored stays what the old one-row-per-reference form held: every import of a
municipality replaces all its references, and a field is derived only when, after the
file is stored, the stored records of its kind are exactly the file's records (no
records left from an earlier file) and every value written resolved to the record of
that key (checked value by value against the resolved references).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Select, select

from inventory.models import RECORD_KINDS, field_specs
from inventory.store.schema import DERIVED_ID, reference
from inventory.validate.batch import REFERENCE_COLUMNS

#: Columns written to ``reference``, in the order of ``REFERENCE_COLUMNS`` plus ``derived``.
STORED_COLUMNS = ["record_id" if name == "id" else name for name in REFERENCE_COLUMNS]
Group = tuple[str, str, str]  # municipality, kind, field


@cache
def derivable_fields(kind: str) -> dict[str, str]:
    """The fields of ``kind`` whose references may be derived: field -> the one kind it
    names (single values naming exactly one record kind, no pseudo kinds)."""
    return {spec.name: spec.references[0] for spec in field_specs(kind)
            if len(spec.references) == 1 and not spec.pseudo_references and not spec.many}


def _equal(left: np.ndarray[Any, Any], right: Any) -> np.ndarray[Any, Any] | None:
    """Element-wise ``==`` of object arrays as booleans (``None`` if not comparable)."""
    try:
        result = np.asarray(left == right)
    except (TypeError, ValueError):
        return None
    return result if result.dtype == bool and result.shape == left.shape else None


class ReferencePlan:
    """The resolved references of a batch, decided field by field as files are stored.

    ``decide`` is called for each file once it is stored (with its stored keys and
    values); ``write`` replaces the references of the batch's municipalities at the end.
    """

    def __init__(self, references: pd.DataFrame) -> None:
        self.frame = references
        self.columns: dict[str, np.ndarray[Any, Any]] = {}
        #: Contiguous rows of each derivable (municipality, kind, field): start, stop.
        self.blocks: dict[Group, tuple[int, int]] = {}
        #: Derived groups: their target kind and the rows that stay rows.
        self.derived: dict[Group, tuple[str, np.ndarray[Any, Any]]] = {}
        if references.empty or not set(REFERENCE_COLUMNS) <= set(references.columns):
            return
        self.columns = {name: references[name].to_numpy(dtype=object)
                        for name in REFERENCE_COLUMNS}
        municipality, kind, field = (self.columns[name]
                                     for name in ("municipality", "kind", "field"))
        count = len(references)
        changes = [_equal(column[1:], column[:-1]) for column in (municipality, kind, field)]
        if any(change is None for change in changes):
            return
        same = np.logical_and.reduce(typing.cast(list[np.ndarray[Any, Any]], changes))
        starts = np.concatenate([[0], np.flatnonzero(~same) + 1])
        stops = np.concatenate([starts[1:], [count]])
        seen: set[Group] = set()
        for start, stop in zip(starts.tolist(), stops.tolist(), strict=True):
            group = (municipality[start], kind[start], field[start])
            if group in seen:  # not one block: stored row by row
                self.blocks.pop(group, None)
                continue
            seen.add(group)
            if isinstance(group[1], str) and group[2] in derivable_fields(group[1]):
                self.blocks[group] = (start, stop)

    def decide(self, municipality: str, kind: str, keys: np.ndarray[Any, Any],
               values: Callable[[str], np.ndarray[Any, Any]], *, leftovers: bool) -> None:
        """Derive the fields of one stored file whose references its values give.

        ``keys`` and ``values(field)`` are the file's stored keys and values; ``leftovers``
        says whether records of other files remain stored beside them (then nothing is
        derived: their references were not resolved in this run).
        """
        if leftovers or kind not in RECORD_KINDS:
            return
        for name, target_kind in derivable_fields(kind).items():
            block = self.blocks.get((municipality, kind, name))
            if block is not None:
                kept = self._kept_rows(block, municipality, target_kind, keys, values(name))
                if kept is not None and len(kept) < block[1] - block[0]:
                    self.derived[(municipality, kind, name)] = (target_kind, kept)

    def _kept_rows(self, block: tuple[int, int], municipality: str, target_kind: str,
                   keys: np.ndarray[Any, Any], values: np.ndarray[Any, Any]
                   ) -> np.ndarray[Any, Any] | None:
        """Rows of ``block`` that do not follow from the values (``None``: the block is
        not exactly one resolved reference per value, so nothing is derived)."""
        start, stop = block
        ids = self.columns["id"][start:stop]
        present = np.flatnonzero(pd.notna(values))
        if len(present) != stop - start:
            return None
        aligned = _equal(ids, keys[present])
        if aligned is not None and aligned.all():
            written = values[present]
        else:  # not in file order: find each reference's record
            index = pd.Index(keys, dtype=object)
            if not index.is_unique:
                return None
            position = index.get_indexer(pd.Index(ids, dtype=object))
            if (position < 0).any() or len(np.unique(position)) != len(position) \
                    or pd.isna(values[position]).any():
                return None
            written = values[position]
        checks = [_equal(self.columns["target_municipality"][start:stop], municipality),
                  _equal(self.columns["target_kind"][start:stop], target_kind),
                  _equal(self.columns["target_id"][start:stop], written)]
        if any(check is None for check in checks):
            return None
        follows = np.logical_and.reduce(typing.cast(list[np.ndarray[Any, Any]], checks))
        return start + np.flatnonzero(~follows)

    def rows(self, municipalities: Sequence[str]) -> tuple[list[np.ndarray[Any, Any]], int]:
        """What to insert for ``municipalities``: columns ``STORED_COLUMNS`` plus
        ``derived``, in the order of the batch (a derived row where its field starts)."""
        if not self.columns:
            return [np.empty(0, dtype=object) for _ in range(len(STORED_COLUMNS) + 1)], 0
        keep = np.array(pd.Series(self.columns["municipality"]).isin(list(municipalities)),
                        dtype=bool)
        markers: list[tuple[int, Group, str]] = []
        for group, (target_kind, kept) in self.derived.items():
            start, stop = self.blocks[group]
            keep[start:stop] = False
            keep[kept] = True
            markers.append((start, group, target_kind))
        rows = np.flatnonzero(keep)
        order = np.argsort(np.concatenate([rows * 2 + 1,
                                           np.array([start * 2 for start, _, _ in markers],
                                                    dtype=np.int64)]), kind="stable")
        columns = []
        for name in REFERENCE_COLUMNS:
            values = _as_text(self.columns[name][rows])
            extra = [_marker_value(name, group, target_kind) for _, group, target_kind
                     in markers]
            columns.append(np.concatenate([values, np.array(extra, dtype=object)])[order])
        derived = np.array([None] * len(rows) + [True] * len(markers), dtype=object)
        columns.append(derived[order])
        return columns, len(order)


def _marker_value(name: str, group: Group, target_kind: str) -> str:
    municipality, kind, field = group
    return {"municipality": municipality, "kind": kind, "id": DERIVED_ID, "field": field,
            "target_municipality": municipality, "target_kind": target_kind,
            "target_id": DERIVED_ID}[name]


def _as_text(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Text stored as it is, anything else as its ``str()``, ``None`` where missing."""
    missing = pd.isna(values)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = values.astype(str).astype(object)
    elif missing.any():
        values = values.copy()
    if missing.any():
        values[missing] = None
    return values


#: Reads the stored records of one kind: (kind, municipalities, fields) -> frame with
#: ``municipality``, ``id`` (the key), ``line`` (source line) and the fields.
RecordReader = Callable[[str, list[str], list[str]], pd.DataFrame]


def expand(stored: pd.DataFrame, read_records: RecordReader) -> pd.DataFrame:
    """The references stored rows stand for: ``stored`` has ``REFERENCE_COLUMNS`` plus
    ``order`` (the row id) and ``derived``, in row id order; returns ``REFERENCE_COLUMNS``."""
    is_marker = stored["derived"].map(lambda value: value is True or value == 1).to_numpy(
        dtype=bool)
    columns = list(REFERENCE_COLUMNS)
    if not is_marker.any():
        return stored.loc[:, columns].reset_index(drop=True)
    markers = stored[is_marker]
    rows = stored[~is_marker].loc[:, [*columns, "order"]]
    rows = rows.assign(line=np.int64(-1))
    parts = []
    for kind, of_kind in markers.groupby("kind", sort=True):
        fields = sorted(set(of_kind["field"]))
        records = read_records(str(kind), sorted(set(of_kind["municipality"])), fields)
        lines = pd.to_numeric(records["line"], errors="coerce").fillna(-1).astype(np.int64)
        for name, marked in of_kind.groupby("field", sort=True):
            group_order = dict(zip(marked["municipality"], marked["order"], strict=True))
            targets = dict(zip(marked["municipality"], marked["target_kind"], strict=True))
            municipality = records["municipality"]
            chosen = np.array(records[name].notna() & municipality.isin(list(group_order)),
                              dtype=bool)
            # rows of their own in a derived field: placed by their record's line
            own = (rows["kind"] == kind) & (rows["field"] == name) & rows[
                "municipality"].isin(list(group_order))
            if own.any():
                pairs = pd.MultiIndex.from_arrays([municipality, records["id"]])
                own_pairs = pd.MultiIndex.from_arrays([rows.loc[own, "municipality"],
                                                       rows.loc[own, "id"]])
                chosen &= ~pairs.isin(own_pairs)
                line_of = pd.Series(lines.to_numpy(), index=pairs)
                line_of = line_of[~line_of.index.duplicated()]
                found = line_of.reindex(own_pairs).fillna(np.iinfo(np.int64).max)
                rows.loc[own, "order"] = rows.loc[own, "municipality"].map(group_order)
                rows.loc[own, "line"] = found.astype(np.int64).to_numpy()
            picked = records[chosen]
            codes = picked["municipality"]
            texts = {
                "municipality": codes.to_numpy(dtype=object),
                "kind": np.full(len(picked), kind, dtype=object),
                "id": picked["id"].to_numpy(dtype=object),
                "field": np.full(len(picked), name, dtype=object),
                "target_municipality": codes.to_numpy(dtype=object),
                "target_kind": codes.map(targets).to_numpy(dtype=object),
                "target_id": picked[name].to_numpy(dtype=object),
            }
            # object columns as they are: inferring pandas' string dtype costs seconds
            parts.append(pd.DataFrame({
                **{column: pd.Series(values, dtype=object) for column, values in texts.items()},
                "order": pd.Series(codes.map(group_order).to_numpy(dtype=np.int64)),
                "line": pd.Series(lines.to_numpy()[chosen]),
            }))
    result = pd.concat([rows, *parts], ignore_index=True)
    order = result["order"].to_numpy(dtype=np.int64)
    line = result["line"].to_numpy(dtype=np.int64)
    sequence = np.lexsort((line, order))
    ties = (np.diff(order[sequence]) == 0) & (np.diff(line[sequence]) == 0)
    if ties.any():  # records of one field on the same line (from different files): by key
        ids = pd.Series(result["id"].astype(str).to_numpy(dtype=object))
        sequence = result.assign(_id=ids).sort_values(
            ["order", "line", "_id"], kind="stable").index.to_numpy()
    return result.loc[sequence, columns].reset_index(drop=True)


#: Names of the columns ``select_stored`` reads.
STORED_NAMES = (*REFERENCE_COLUMNS, "order", "derived")


def select_stored(municipalities: Sequence[str] | None) -> Select[Any]:
    """The stored rows (columns ``STORED_NAMES``) in row id order."""
    columns = [reference.c.record_id if name == "id" else reference.c[name]
               for name in REFERENCE_COLUMNS]
    statement = select(*columns, reference.c.id, reference.c.derived).order_by(reference.c.id)
    if municipalities is not None:
        statement = statement.where(reference.c.municipality.in_(list(municipalities)))
    return statement
