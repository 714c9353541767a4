"""``heap.old_objects_frozen``: the objects of before out of the collector's passes for the
block, back after it (also when it fails); a caller's own freeze left to the caller; what
the block makes collected as usual; the young threshold restored. ``no_cyclic_gc``: the
collector paused for the block, as it was after it."""

from __future__ import annotations

import gc
import weakref

import pytest

from inventory.heap import no_cyclic_gc, old_objects_frozen


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
        made_inside = _Node()
    assert gc.get_freeze_count() >= frozen  # (what the block made frozen too, until...)
    assert gc.is_tracked(made_inside)
    gc.unfreeze()  # (...the caller undoes its own)
    assert gc.get_freeze_count() == 0


def test_cycles_made_in_the_block_are_collected() -> None:
    with old_objects_frozen():
        first, second = _Node(), _Node()
        first.other, second.other = second, first
        alive = weakref.ref(first)
        del first, second
        gc.collect()
        assert alive() is None


def test_the_young_threshold_for_the_block_and_back_after_it() -> None:
    thresholds = gc.get_threshold()
    with old_objects_frozen(young_objects=thresholds[0] + 1000):
        assert gc.get_threshold() == (thresholds[0] + 1000, *thresholds[1:])
    assert gc.get_threshold() == thresholds
    with pytest.raises(ValueError, match="failed"), old_objects_frozen(young_objects=1):
        assert gc.get_threshold() == thresholds  # (never lowered)
        raise ValueError("failed")
    assert gc.get_threshold() == thresholds


@pytest.mark.parametrize("enabled", [True, False])
def test_no_cyclic_gc_pauses_and_leaves_it_as_it_was(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ValueError, match="failed"), no_cyclic_gc():
            assert not gc.isenabled()
            raise ValueError("failed")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
