"""Import history: the runs stored, and what changed between two of them.

Each run logs its changes in ``record_change`` (created keys, many to a row, updated
fields with old and new values, deleted records with their last values). The difference
between run A and run B folds the changes of the runs after A up to and including B, per
record.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from inventory.errors import NotFoundError
from inventory.messages import Message
from inventory.store.schema import CREATED_MANY, import_run, record_change


@dataclass
class ImportRunInfo:
    """One stored import run."""

    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    tool_version: str
    paths: list[str]
    municipalities: list[str]
    prune: bool
    counts: dict[str, dict[str, dict[str, int]]]
    #: rows recognised unchanged since their import, not checked again (None: a run
    #: stored before that was recorded)
    rows_not_validated: int | None = None

    def totals(self) -> dict[str, int]:
        total = {"created": 0, "updated": 0, "unchanged": 0, "deleted": 0}
        for kinds in self.counts.values():
            for counts in kinds.values():
                for name in total:
                    total[name] += counts.get(name, 0)
        return total

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "tool_version": self.tool_version,
            "paths": self.paths,
            "municipalities": self.municipalities,
            "prune": self.prune,
            "totals": self.totals(),
            "counts": self.counts,
            "rows_not_validated": self.rows_not_validated,
        }


def list_runs(connection: Connection, municipality: str | None = None) -> list[ImportRunInfo]:
    """Every import run, oldest first (only those touching ``municipality`` if given)."""
    runs = []
    for row in connection.execute(select(import_run).order_by(import_run.c.id)).mappings():
        municipalities = json.loads(row["municipalities"])
        if municipality is not None and municipality not in municipalities:
            continue
        runs.append(
            ImportRunInfo(
                id=row["id"],
                started_at=row["started_at"],
                finished_at=row["finished_at"],
                tool_version=row["tool_version"],
                paths=json.loads(row["paths"]),
                municipalities=municipalities,
                prune=bool(row["prune"]),
                counts=json.loads(row["counts"] or "{}"),
                rows_not_validated=row["rows_not_validated"],
            )
        )
    return runs


@dataclass
class RecordDifference:
    """How one record differs between two runs."""

    municipality: str
    kind: str
    id: str
    change: str  # created, updated or deleted
    #: updated: {field: [old, new]}; deleted: the last stored values.
    fields: dict[str, Any] = field(default_factory=dict)
    #: True when the record was deleted and created again in between (fields unknown).
    recreated: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "municipality": self.municipality,
            "kind": self.kind,
            "id": self.id,
            "change": self.change,
            "fields": self.fields,
        }
        if self.recreated:
            data["recreated"] = True
        return data


@dataclass
class RunDifference:
    """What changed from run ``run_a`` to run ``run_b``."""

    run_a: int
    run_b: int
    municipality: str | None
    records: list[RecordDifference]

    def counts(self) -> dict[str, int]:
        counts = {"created": 0, "updated": 0, "deleted": 0}
        for record in self.records:
            counts[record.change] += 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "run_a": self.run_a,
            "run_b": self.run_b,
            "municipality": self.municipality,
            "counts": self.counts(),
            "records": [r.to_json() for r in self.records],
        }


def _check_run(connection: Connection, run_id: int) -> None:
    found = connection.execute(
        select(func.count()).select_from(import_run).where(import_run.c.id == run_id)
    ).scalar()
    if not found:
        raise NotFoundError(
            Message("error.run.unknown", {"run": str(run_id)}),
            hint=Message("error.run.unknown.hint"),
        )


def _fold(
    municipality: str, kind: str, record_id: str, events: list[tuple[str, dict[str, Any]]]
) -> RecordDifference | None:
    existed_before = events[0][0] != "created"
    exists_after = events[-1][0] != "deleted"
    if not existed_before:
        return RecordDifference(municipality, kind, record_id, "created") if exists_after else None
    if not exists_after:
        return RecordDifference(municipality, kind, record_id, "deleted", events[-1][1])
    merged: dict[str, list[Any]] = {}
    for change, fields in events:
        if change != "updated":
            continue
        for name, (old, new) in fields.items():
            merged[name] = [merged[name][0] if name in merged else old, new]
    changed = {name: pair for name, pair in merged.items() if pair[0] != pair[1]}
    recreated = any(change == "deleted" for change, _ in events)
    if not changed and not recreated:
        return None
    return RecordDifference(municipality, kind, record_id, "updated", changed, recreated)


def diff_runs(
    connection: Connection, run_a: int, run_b: int, municipality: str | None = None
) -> RunDifference:
    """The records created, updated (fields old -> new) and deleted after ``run_a`` up to
    and including ``run_b`` (optionally of one municipality)."""
    _check_run(connection, run_a)
    _check_run(connection, run_b)
    low, high = sorted((run_a, run_b))
    statement = (
        select(
            record_change.c.municipality,
            record_change.c.kind,
            record_change.c.record_id,
            record_change.c.change,
            record_change.c.fields,
        )
        .where(record_change.c.run_id > low, record_change.c.run_id <= high)
        .order_by(record_change.c.run_id, record_change.c.id)
    )
    if municipality is not None:
        statement = statement.where(record_change.c.municipality == municipality)
    events: dict[tuple[str, str, str], list[tuple[str, dict[str, Any]]]] = {}
    for row in connection.execute(statement):
        if row[3] == CREATED_MANY:  # many created records: their keys
            for key in json.loads(row[4]):
                events.setdefault((row[0], row[1], key), []).append(("created", {}))
            continue
        events.setdefault((row[0], row[1], row[2]), []).append(
            (row[3], json.loads(row[4]) if row[4] else {})
        )
    records = [
        difference
        for (code, kind, record_id), changes in sorted(events.items())
        if (difference := _fold(code, kind, record_id, changes)) is not None
    ]
    return RunDifference(run_a=low, run_b=high, municipality=municipality, records=records)
