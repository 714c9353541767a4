"""What validation hands to the store: typed tables per municipality and record kind."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from inventory.issues import IssueReport
from inventory.read.source import SourceTable

#: Columns of ``ImportBatch.references`` (one row per resolved reference).
REFERENCE_COLUMNS = (
    "municipality",
    "kind",
    "id",
    "field",
    "target_municipality",
    "target_kind",
    "target_id",
)


@dataclass(frozen=True)
class EncodedColumn:
    """A typed column as codes into its distinct values: row ``i`` holds
    ``distinct[codes[i]]`` (None when missing), as in ``ValidTable.frame``."""

    codes: np.ndarray[Any, Any]
    distinct: np.ndarray[Any, Any]
    ascending: bool = False  # the distinct values ascend strictly: none is repeated


@dataclass
class ValidTable:
    """One file's records, parsed and checked.

    ``frame`` has one column per field of the kind's model (fields absent from the file
    are all-missing) plus ``_line``: the physical line of each record in its file. Types:
    text/identifiers ``object`` (str or None), int ``Int64``, float ``Float64``, bool
    ``boolean``, date ``object`` (``datetime.date`` or None), enum ``object`` (the
    canonical value), lists ``object`` (tuple or None). Keys are normalised (trimmed,
    NFC, zero-width characters removed).
    """

    kind: str
    municipality: str
    source: SourceTable
    header_mapping: dict[str, str]  # header as written -> field name
    frame: pd.DataFrame
    #: The parsed columns encoded, while validation runs: checks across rows and
    #: references work on codes, not on a million objects. ``validate_paths`` empties it.
    encoded: dict[str, EncodedColumn] = field(default_factory=dict, repr=False, compare=False)
    #: The key's and the reference fields' values (``frame[name].to_numpy(dtype=object)``:
    #: views of the column typed for all files of the kind), while validation runs: the
    #: references read them without looking the columns up in each frame. Emptied with
    #: ``encoded``; ``column_objects`` falls back on the frame.
    objects: dict[str, np.ndarray[Any, Any]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def column_objects(self, name: str) -> np.ndarray[Any, Any]:
        """``frame[name].to_numpy(dtype=object)`` (while validation runs, without reading
        the frame for the fields in ``objects``)."""
        found = self.objects.get(name)
        if found is None:
            found = self.frame[name].to_numpy(dtype=object)
        return found

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (or copied) with its frame made."""
        self.frame  # noqa: B018  (made if given later)
        return dict(self.__dict__)

    def frame_later(self, make: Callable[[], pd.DataFrame]) -> None:
        """``frame`` made by ``make`` when first read (validation builds the frames of a
        kind's files when one is read: ``inventory validate`` reads none of them)."""
        with _FRAME_LOCK:
            self.__dict__["_frame"] = None
            self.__dict__["_make_frame"] = make


#: Held while a frame given later is made or a frame set (readers on other threads wait
#: for the frame, rather than read the field before it is set).
_FRAME_LOCK = threading.RLock()


def _frame(table: ValidTable) -> pd.DataFrame:
    found = table.__dict__
    if "_make_frame" in found:
        with _FRAME_LOCK:
            make = found.get("_make_frame")
            if make is not None:
                found["_frame"] = make()
                del found["_make_frame"]
    frame: pd.DataFrame = found["_frame"]
    return frame


def _set_frame(table: ValidTable, frame: pd.DataFrame) -> None:
    with _FRAME_LOCK:
        table.__dict__.pop("_make_frame", None)
        table.__dict__["_frame"] = frame


# ``frame`` stays a dataclass field (constructor, ``replace``), read through ``_frame``:
# a frame given later (``ValidTable.frame_later``) is made when first read.
setattr(ValidTable, "frame", property(_frame, _set_frame))  # noqa: B010


@dataclass
class MunicipalityBatch:
    """Everything one inventory folder holds."""

    code: str
    folder: Path
    tables: dict[str, ValidTable] = field(default_factory=dict)
    #: Kinds whose file was rejected as a whole (unreadable, not read, no key column),
    #: each with the file and sheet: references into them are not checked (one issue).
    rejected: dict[str, tuple[str, str | None]] = field(default_factory=dict)


@dataclass
class UnchangedFolder:
    """A municipality folder whose files are byte for byte those of its last import
    (``inventory.store.unchanged``): not read again, its stored records kept as they are.

    ``files`` are that run's ``import_file`` values (recorded again in the new run),
    ``names`` the records of other municipalities its stored references name
    (municipality, record kind or ``cluster``, key)."""

    code: str
    folder: Path
    run_id: int
    files: list[dict[str, Any]]
    names: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class ImportBatch:
    """The result of validating one or more folders: what an import would store.

    ``references`` holds every reference resolved to the record it names (the columns in
    ``REFERENCE_COLUMNS``; ``target_kind`` may be ``cluster`` for a cluster named by
    servers). ``report`` holds every issue found; store only when ``report.valid``.
    """

    municipalities: list[MunicipalityBatch]
    references: pd.DataFrame
    report: IssueReport
    #: Folders left unread because they are unchanged since their last import.
    unchanged: list[UnchangedFolder] = field(default_factory=list)
    #: The rows left untyped because unchanged since their import (``inventory.store.
    #: rawrows``; None: every row of the files read was typed).
    kept_rows: Any = None
