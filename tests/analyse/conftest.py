"""Fixtures of the analyse tests: small snapshots built by hand from record dicts."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import pytest

from inventory.models import field_specs
from inventory.snapshot import InventorySnapshot, empty_frame
from inventory.validate.batch import REFERENCE_COLUMNS

SnapshotBuilder = Callable[[Mapping[str, Sequence[Mapping[str, Any]]]], InventorySnapshot]

_DTYPES = {"int": "Int64", "float": "Float64", "bool": "boolean"}


def build_snapshot(records: Mapping[str, Sequence[Mapping[str, Any]]]) -> InventorySnapshot:
    """A snapshot of hand-written records (``{kind: [{"municipality": ..., field: ...}]}``).

    References are resolved the simple way the validator does: ``code:key`` names another
    municipality's record, the kinds a field may name are tried in order, and clusters are
    the names servers give in their ``cluster`` field.
    """
    tables: dict[str, pd.DataFrame] = {}
    for kind, rows in records.items():
        frame = empty_frame(kind)
        frame = pd.DataFrame([{column: row.get(column) for column in frame.columns}
                              for row in rows], columns=frame.columns)
        for spec in field_specs(kind):
            if spec.value_type in _DTYPES:
                frame[spec.name] = frame[spec.name].astype(_DTYPES[spec.value_type])
            elif spec.many:
                frame[spec.name] = frame[spec.name].map(
                    lambda v: tuple(v) if v is not None else None).astype(object)
            else:
                frame[spec.name] = frame[spec.name].astype(object)
        tables[kind] = frame
    codes = {str(m) for frame in tables.values() for m in frame["municipality"]}
    keys = {(str(r["municipality"]), kind, str(r["id"]))
            for kind, rows in records.items() for r in rows if "id" in r}
    clusters = {(str(r["municipality"]), str(r["cluster"]))
                for r in records.get("server", []) if r.get("cluster")}
    references = []
    for kind, rows in records.items():
        for spec in field_specs(kind):
            if not (spec.references or spec.pseudo_references) or spec.name == "cluster":
                continue
            for row in rows:
                value = row.get(spec.name)
                if value is None:
                    continue
                for item in (value if spec.many else [value]):
                    owner, _, key = str(item).rpartition(":")
                    if owner not in codes:
                        owner, key = str(row["municipality"]), str(item)
                    target = next(((owner, k, key) for k in spec.references
                                   if (owner, k, key) in keys), None)
                    if target is None and "cluster" in spec.pseudo_references and (
                            owner, key) in clusters:
                        target = (owner, "cluster", key)
                    assert target is not None, f"test data: {kind}.{spec.name}={item!r}"
                    references.append((row["municipality"], kind, row["id"], spec.name,
                                       *target))
    return InventorySnapshot(tables=tables, references=pd.DataFrame(
        references, columns=list(REFERENCE_COLUMNS)))


@pytest.fixture
def snapshot_of() -> SnapshotBuilder:
    """Build an ``InventorySnapshot`` from record dicts (see ``build_snapshot``)."""
    return build_snapshot
