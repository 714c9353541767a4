"""``heap.old_objects_frozen``: the objects of before out of the collector's passes for the
block, back after it (also when it fails); a caller's own freeze left as it is; what the
block makes collected as usual."""

from __future__ import annotations

import gc
import weakref

import pytest

from inventory.analyse.heap import old_objects_frozen


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.fixture(autouse=True)
def _nothing_frozen() -> None:
    gc.unfreeze()


def test_frozen_for_the_block_and_back_after_it() -> None:
    old = _Node()
    with old_objects_frozen():
        assert gc.get_freeze_count() > 0
        assert gc.is_tracked(old)
    assert gc.get_freeze_count() == 0


def test_back_after_a_failing_block() -> None:
    with pytest.raises(ValueError, match="failed"), old_objects_frozen():
        raise ValueError("failed")
    assert gc.get_freeze_count() == 0


def test_a_callers_freeze_is_left_to_the_caller() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    with old_objects_frozen():
        pass
    assert gc.get_freeze_count() == frozen
    gc.unfreeze()


def test_cycles_made_in_the_block_are_collected() -> None:
    with old_objects_frozen():
        first, second = _Node(), _Node()
        first.other, second.other = second, first
        alive = weakref.ref(first)
        del first, second
        gc.collect()
        assert alive() is None
