"""An in-memory view of an inventory: what every analysis stage reads.

The store produces one (``InventoryStore.snapshot``) and so does a validated batch
(``InventorySnapshot.from_batch``), so analyses run the same on stored and fresh data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from inventory.models import RECORD_KINDS, field_specs
from inventory.validate.batch import REFERENCE_COLUMNS, ImportBatch


def empty_frame(kind: str) -> pd.DataFrame:
    """An empty frame with the columns of ``InventorySnapshot.tables[kind]``."""
    return pd.DataFrame(
        {
            name: pd.Series(dtype=object)
            for name in ("municipality", *(s.name for s in field_specs(kind)))
        }
    )


@dataclass
class InventorySnapshot:
    """Records of one or more municipalities, one frame per record kind.

    ``tables[kind]`` has a ``municipality`` column (the municipality code) and one column
    per field of the kind's model (dtypes as in ``ValidTable.frame``; list fields hold
    tuples). ``references`` has the columns of ``REFERENCE_COLUMNS``: every reference
    resolved to the record it names (``target_kind`` ``cluster`` for clusters).
    """

    tables: dict[str, pd.DataFrame]
    references: pd.DataFrame

    @property
    def municipalities(self) -> list[str]:
        frame = self.tables.get("municipality")
        if frame is None or frame.empty:
            return []
        return sorted(str(code) for code in frame["code"])

    def table(self, kind: str) -> pd.DataFrame:
        frame = self.tables.get(kind)
        return frame if frame is not None else empty_frame(kind)  # built only when missing

    def only(self, municipalities: Sequence[str]) -> InventorySnapshot:
        """The part of the snapshot that belongs to the given municipalities."""
        wanted = set(municipalities)
        tables = {
            kind: frame[frame["municipality"].isin(wanted)].reset_index(drop=True)
            for kind, frame in self.tables.items()
        }
        refs = self.references[self.references["municipality"].isin(wanted)]
        return InventorySnapshot(tables=tables, references=refs.reset_index(drop=True))

    @classmethod
    def from_batch(cls, batch: ImportBatch) -> InventorySnapshot:
        """The snapshot of a validated batch (nothing stored)."""
        parts: dict[str, list[pd.DataFrame]] = {kind: [] for kind in RECORD_KINDS}
        for municipality in batch.municipalities:
            for kind, table in municipality.tables.items():
                frame = table.frame.drop(columns=["_line"], errors="ignore").copy()
                frame.insert(0, "municipality", municipality.code)
                parts[kind].append(frame)
        tables = {
            kind: (pd.concat(frames, ignore_index=True) if frames else empty_frame(kind))
            for kind, frames in parts.items()
        }
        references = (
            batch.references.loc[:, list(REFERENCE_COLUMNS)].reset_index(drop=True)
            if not batch.references.empty
            else pd.DataFrame(columns=list(REFERENCE_COLUMNS))
        )
        return cls(tables=tables, references=references)
