"""Stored references: rows where needed, one derived row where the records say it all.

A million clients each name a site and a platform of their own municipality by its plain
key. Such references follow from the stored record values, so a field whose resolved
references are all of that form is stored as one *derived* row (``reference.derived``
true) instead of a row per record; the other references (``gnosjo:DC1`` to another
municipality, ``platform/p-ad`` qualified, list fields) keep a row each. Reading expands
the derived rows again, so ``InventoryStore.references`` returns what was resolved, in
the order the references were written (by record line within a field).

What is stored stays what the old one-row-per-reference form held. An import replaces
the references of the records it carries, per municipality and record kind of its files:
the stored references of kinds without a file in the batch stay, and so do those of
records an earlier file left behind (no ``prune``). A field is derived only when, after
the file is stored, the stored records of its kind are exactly the file's records and
every value written resolved to the record of that key (checked value by value against
the resolved references). When records are left behind and the field already has a
derived row, that row keeps standing for all records of the kind if the file's values
again resolve that way (the file's rows that follow from their values are not written);
otherwise the importer writes the left records' references out as rows of their own and
drops the derived row (``ReferencePlan.decide`` tells it which fields).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Collection, Sequence
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
    return {
        spec.name: spec.references[0]
        for spec in field_specs(kind)
        if len(spec.references) == 1 and not spec.pseudo_references and not spec.many
    }


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
        #: Groups whose stored derived row stays (records left behind): the rows that stay
        #: rows (the others follow from that row).
        self.continued: dict[Group, np.ndarray[Any, Any]] = {}
        #: Groups whose rows are not one block (never derived).
        self._scattered: set[Group] = set()
        if references.empty or not set(REFERENCE_COLUMNS) <= set(references.columns):
            return
        self.columns = {name: references[name].to_numpy(dtype=object) for name in REFERENCE_COLUMNS}
        municipality, kind, field = (
            self.columns[name] for name in ("municipality", "kind", "field")
        )
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
                self._scattered.add(group)
                continue
            seen.add(group)
            if isinstance(group[1], str) and group[2] in derivable_fields(group[1]):
                self.blocks[group] = (start, stop)

    def decide(
        self,
        municipality: str,
        kind: str,
        keys: np.ndarray[Any, Any],
        values: Callable[[str], np.ndarray[Any, Any]],
        *,
        leftovers: bool,
        stored_derived: Collection[str] = (),
    ) -> list[str]:
        """Derive the fields of one stored file whose references its values give.

        ``keys`` and ``values(field)`` are the file's stored keys and values; ``leftovers``
        says whether records of other files remain stored beside them (then nothing new
        is derived: their references were not resolved in this run). ``stored_derived``
        names the fields with a derived row stored (only looked at with ``leftovers``):
        where the file's values resolve as that row says, it stays and stands for the
        file's records too. Returns the fields of ``stored_derived`` where they do not:
        that row no longer holds and must be written out for the records left behind.
        """
        if kind not in RECORD_KINDS:
            return []
        broken: list[str] = []
        for name, target_kind in derivable_fields(kind).items():
            group = (municipality, kind, name)
            block = self.blocks.get(group)
            if not leftovers:
                if block is not None:
                    kept = self._kept_rows(block, municipality, target_kind, keys, values(name))
                    if kept is not None and len(kept) < block[1] - block[0]:
                        self.derived[group] = (target_kind, kept)
                continue
            if name not in stored_derived:
                continue
            field_values = values(name)
            if block is None:  # no rows of one block: only right if no value is written
                kept = (
                    np.empty(0, dtype=np.int64)
                    if not pd.notna(field_values).any() and group not in self._scattered
                    else None
                )
            else:
                kept = self._kept_rows(block, municipality, target_kind, keys, field_values)
            if kept is None:
                broken.append(name)
            else:
                self.continued[group] = kept
        return broken

    def _kept_rows(
        self,
        block: tuple[int, int],
        municipality: str,
        target_kind: str,
        keys: np.ndarray[Any, Any],
        values: np.ndarray[Any, Any],
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
            if (
                (position < 0).any()
                or len(np.unique(position)) != len(position)
                or pd.isna(values[position]).any()
            ):
                return None
            written = values[position]
        checks = [
            _equal(self.columns["target_municipality"][start:stop], municipality),
            _equal(self.columns["target_kind"][start:stop], target_kind),
            _equal(self.columns["target_id"][start:stop], written),
        ]
        if any(check is None for check in checks):
            return None
        follows = np.logical_and.reduce(typing.cast(list[np.ndarray[Any, Any]], checks))
        return start + np.flatnonzero(~follows)

    def rows(self, municipalities: Sequence[str]) -> tuple[list[np.ndarray[Any, Any]], int]:
        """What to insert for ``municipalities``: columns ``STORED_COLUMNS`` plus
        ``derived``, in the order of the batch (a derived row where its field starts)."""
        if not self.columns:
            return [np.empty(0, dtype=object) for _ in range(len(STORED_COLUMNS) + 1)], 0
        keep = isin(self.columns["municipality"], municipalities)
        markers: list[tuple[int, Group, str]] = []
        for group, (target_kind, kept) in self.derived.items():
            start, stop = self.blocks[group]
            keep[start:stop] = False
            keep[kept] = True
            markers.append((start, group, target_kind))
        for group, kept in self.continued.items():
            start, stop = self.blocks.get(group, (0, 0))
            keep[start:stop] = False
            keep[kept] = True
        rows = np.flatnonzero(keep)
        order = np.argsort(
            np.concatenate(
                [rows * 2 + 1, np.array([start * 2 for start, _, _ in markers], dtype=np.int64)]
            ),
            kind="stable",
        )
        columns = []
        for name in REFERENCE_COLUMNS:
            values = _as_text(self.columns[name][rows])
            extra = [_marker_value(name, group, target_kind) for _, group, target_kind in markers]
            columns.append(np.concatenate([values, np.array(extra, dtype=object)])[order])
        derived = np.array([None] * len(rows) + [True] * len(markers), dtype=object)
        columns.append(derived[order])
        return columns, len(order)


def _marker_value(name: str, group: Group, target_kind: str) -> str:
    municipality, kind, field = group
    return {
        "municipality": municipality,
        "kind": kind,
        "id": DERIVED_ID,
        "field": field,
        "target_municipality": municipality,
        "target_kind": target_kind,
        "target_id": DERIVED_ID,
    }[name]


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


#: Stored records of one kind, column by column: ``municipality``, ``id`` (the key),
#: ``line`` (source line, int64, -1 when unknown) and the fields asked for.
RecordColumns = dict[str, np.ndarray[Any, Any]]
#: Reads them: (kind, municipalities, fields) -> columns.
RecordReader = Callable[[str, list[str], list[str]], RecordColumns]


def isin(values: np.ndarray[Any, Any], wanted: Collection[Any]) -> np.ndarray[Any, Any]:
    """Which ``values`` are in ``wanted`` (a writable boolean array)."""
    return np.array(pd.Series(values, dtype=object).isin(list(wanted)), dtype=bool)


#: One column of a part of the expanded references: its values, or one value for all.
_Values = np.ndarray[Any, Any] | str | Callable[[], np.ndarray[Any, Any]]


def expand(stored: pd.DataFrame, read_records: RecordReader) -> pd.DataFrame:
    """The references stored rows stand for: ``stored`` has ``REFERENCE_COLUMNS`` plus
    ``order`` (the row id) and ``derived``, in row id order; returns ``REFERENCE_COLUMNS``
    (object columns).

    A derived row's references take its place in the order, by their records' lines
    (then keys); a row of its own in a derived field is placed among them by its
    record's line, as it was written.
    """
    is_marker = np.array([value is True or value == 1 for value in stored["derived"]], dtype=bool)
    columns = list(REFERENCE_COLUMNS)
    if not is_marker.any():
        return stored.loc[:, columns].reset_index(drop=True)
    explicit = {name: stored[name].to_numpy(dtype=object)[~is_marker] for name in columns}
    explicit_order = stored["order"].to_numpy(dtype=np.int64)[~is_marker]
    explicit_line = np.full(len(explicit_order), -1, dtype=np.int64)
    # parts in any order, each column given lazily: filled into the result one column at
    # a time, so that a million references never exist as several copies at once
    parts: list[tuple[int, dict[str, _Values]]] = [
        (len(explicit_order), dict[str, _Values](explicit))
    ]
    orders: list[np.ndarray[Any, Any]] = [explicit_order]
    lines: list[np.ndarray[Any, Any]] = [explicit_line]
    for kind, of_kind in stored[is_marker].groupby("kind", sort=True):
        fields = sorted(set(of_kind["field"]))
        records = read_records(str(kind), sorted(set(of_kind["municipality"])), fields)
        codes, keys, record_lines = records["municipality"], records["id"], records["line"]
        for field_name, marked in of_kind.groupby("field", sort=True):
            name = str(field_name)
            group_order = dict(zip(marked["municipality"], marked["order"], strict=True))
            targets = dict(zip(marked["municipality"], marked["target_kind"], strict=True))
            chosen = np.array(pd.notna(records[name]), dtype=bool) & isin(codes, group_order)
            own = (
                (explicit["kind"] == kind)
                & (explicit["field"] == name)
                & isin(explicit["municipality"], group_order)
            )
            if own.any():
                pairs = pd.MultiIndex.from_arrays([codes, keys])
                own_pairs = pd.MultiIndex.from_arrays(
                    [explicit["municipality"][own], explicit["id"][own]]
                )
                chosen &= ~pairs.isin(own_pairs)
                line_of = pd.Series(record_lines, index=pairs)
                line_of = line_of[~line_of.index.duplicated()]
                found = line_of.reindex(own_pairs).fillna(np.iinfo(np.int64).max)
                explicit_order[own] = [group_order[code] for code in explicit["municipality"][own]]
                explicit_line[own] = found.to_numpy(dtype=np.int64)
            rows = np.flatnonzero(chosen)
            del chosen
            if len(group_order) == 1:
                orders.append(np.full(len(rows), next(iter(group_order.values())), dtype=np.int64))
            else:
                orders.append(
                    pd.Series(codes[rows], dtype=object).map(group_order).to_numpy(dtype=np.int64)
                )
            lines.append(record_lines[rows])
            target_kinds = set(targets.values())
            parts.append(
                (
                    len(rows),
                    {
                        "municipality": _taker(codes, rows),
                        "kind": str(kind),
                        "id": _taker(keys, rows),
                        "field": name,
                        "target_municipality": _taker(codes, rows),
                        "target_kind": (
                            str(next(iter(target_kinds)))
                            if len(target_kinds) == 1
                            else _mapper(codes, rows, targets)
                        ),
                        "target_id": _taker(records[name], rows),
                    },
                )
            )
    order, line = np.concatenate(orders), np.concatenate(lines)
    del orders, lines
    sequence = np.lexsort((line, order))
    if ((np.diff(order[sequence]) == 0) & (np.diff(line[sequence]) == 0)).any():
        # records of one field on the same line (kept from different files): by key
        ids = pd.Series(
            np.concatenate([_values(part["id"], count) for count, part in parts]), dtype=object
        ).astype(str)
        sequence = (
            pd.DataFrame({"order": order, "line": line, "id": ids})
            .sort_values(["order", "line", "id"], kind="stable")
            .index.to_numpy()
        )
    del order, line
    position = np.empty(len(sequence), dtype=np.int64)
    position[sequence] = np.arange(len(sequence))
    del sequence
    result = {}
    for name in columns:
        values = np.empty(len(position), dtype=object)
        start = 0
        for count, part in parts:
            values[position[start : start + count]] = _values(part[name], count)
            start += count
        result[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(result)


def _taker(
    values: np.ndarray[Any, Any], rows: np.ndarray[Any, Any]
) -> Callable[[], np.ndarray[Any, Any]]:
    return lambda: values[rows]


def _mapper(
    codes: np.ndarray[Any, Any], rows: np.ndarray[Any, Any], mapping: dict[Any, Any]
) -> Callable[[], np.ndarray[Any, Any]]:
    return lambda: pd.Series(codes[rows], dtype=object).map(mapping).to_numpy(dtype=object)


def _values(values: _Values, count: int) -> Any:
    """A part's column as an array, or its one value (numpy repeats it)."""
    if isinstance(values, str):
        return values if count else np.empty(0, dtype=object)
    return values() if callable(values) else values


#: Names of the columns ``select_stored`` reads.
STORED_NAMES = (*REFERENCE_COLUMNS, "order", "derived")


def select_stored(municipalities: Sequence[str] | None) -> Select[Any]:
    """The stored rows (columns ``STORED_NAMES``) in row id order."""
    columns = [
        reference.c.record_id if name == "id" else reference.c[name] for name in REFERENCE_COLUMNS
    ]
    statement = select(*columns, reference.c.id, reference.c.derived).order_by(reference.c.id)
    if municipalities is not None:
        statement = statement.where(reference.c.municipality.in_(list(municipalities)))
    return statement
