"""The frames of files typed together are made when first read (``ValidTable.frame_later``):
``inventory validate`` reads none. Read, each must be exactly the frame the file gets
built alone (values, dtypes, index), from any thread, and a frame set replaces it."""

from __future__ import annotations

import copy
import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pandas as pd
import pytest

import inventory.validate as validate
from inventory.validate import validate_paths
from tests.helpers import FIVE, SAMPLES


def _tables(batch: Any) -> dict[tuple[str, str], Any]:
    return {
        (municipality.code, kind): table
        for municipality in batch.municipalities
        for kind, table in municipality.tables.items()
    }


def _waiting(batch: Any) -> list[Any]:
    """The tables of ``batch`` whose frame is not made yet."""
    return [table for table in _tables(batch).values() if "_make_frame" in table.__dict__]


def test_frames_made_when_read_are_those_built_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [SAMPLES / name for name in FIVE]
    later = _tables(validate_paths(folders))
    # not made yet: no check of the valid samples reads them
    waiting = [key for key, table in later.items() if "_make_frame" in table.__dict__]
    assert {kind for _code, kind in waiting} >= {
        "municipality",
        "server",
        "client",
        "site",
        "application",
    }

    monkeypatch.setattr(validate, "BATCHED_BELOW_ROWS", 1)  # every file built alone, at once
    alone = _tables(validate_paths(folders))
    assert list(later) == list(alone)
    assert not any("_make_frame" in table.__dict__ for table in alone.values())

    # read from several threads at once: each table's frame, the same as alone
    keys = list(later)
    with ThreadPoolExecutor(4) as pool:
        frames = list(pool.map(lambda key: later[key].frame, keys))
    for key, frame in zip(keys, frames, strict=True):
        assert later[key].frame is frame  # made once
        pd.testing.assert_frame_equal(
            frame, alone[key].frame, check_exact=True, check_index_type=True
        )
        assert isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0


def test_a_frame_set_replaces_the_one_to_be_made() -> None:
    batch = validate_paths([SAMPLES / name for name in FIVE[:2]])
    table = _waiting(batch)[0]
    other = pd.DataFrame({"id": ["x"]})
    table.frame = other
    assert table.frame is other
    assert "_make_frame" not in table.__dict__


def test_one_frame_read_from_many_threads_at_once() -> None:
    """Threads that read a frame while another makes it wait for it: none reads nothing."""
    for _ in range(5):
        batch = validate_paths([SAMPLES / name for name in FIVE[:2]])
        tables = _waiting(batch)
        with ThreadPoolExecutor(8) as pool:
            frames = list(pool.map(lambda table: table.frame, [*tables, *tables, *tables]))
        assert all(isinstance(frame, pd.DataFrame) for frame in frames)
        for table, frame in zip([*tables, *tables, *tables], frames, strict=True):
            assert frame is table.frame


def test_a_table_pickles_and_copies_with_its_frame() -> None:
    batch = validate_paths([SAMPLES / name for name in FIVE[:2]])
    table = _waiting(batch)[0]
    again = pickle.loads(pickle.dumps(table))
    pd.testing.assert_frame_equal(again.frame, table.frame, check_exact=True)
    assert "_make_frame" not in again.__dict__
    pd.testing.assert_frame_equal(copy.copy(table).frame, table.frame, check_exact=True)
