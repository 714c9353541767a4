"""``validate_paths`` runs with the objects made before it frozen out of the garbage
collector's passes, and leaves the collector as it found it."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

import inventory.validate.references as references
from inventory.validate import validate_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_old_objects_frozen_while_validating_and_back_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frozen_while: list[int] = []
    resolve = references.resolve_references

    def spy(*args: Any, **kwargs: Any) -> Any:
        frozen_while.append(gc.get_freeze_count())
        return resolve(*args, **kwargs)

    monkeypatch.setattr("inventory.validate.resolve_references", spy)
    assert gc.get_freeze_count() == 0
    batch = validate_paths([SAMPLES / "gnosjo"])
    assert frozen_while and frozen_while[0] > 0
    assert gc.get_freeze_count() == 0
    assert batch.report.stats["files"] == 10


def test_a_caller_that_froze_objects_keeps_them_frozen() -> None:
    frozen_by_the_caller = _Node()
    gc.freeze()
    try:
        validate_paths([SAMPLES / "gnosjo"])
        # still tracked, and in none of the collector's generations: still frozen
        assert gc.is_tracked(frozen_by_the_caller)
        assert not any(
            any(found is frozen_by_the_caller for found in gc.get_objects(generation))
            for generation in range(3)
        )
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert any(found is frozen_by_the_caller for found in gc.get_objects(2))


class _Node:
    """An object the collector tracks (an instance with a ``__dict__``)."""
