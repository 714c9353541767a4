"""The cyclic garbage collector kept off what lives long: one place for the pipeline's
stages to say so.

A stage runs after the libraries, the catalogue and the inventory are loaded: some
150,000 objects that live as long as the process. The collector walks all of them in
each full collection (two or three in an analysis of the samples, some 0.1 s each, and
as much again when a report is written), and a worker forked for a gap, a diagram or a
report format (``inventory.forked``) writes to every page of them when it collects (copy
on write). ``old_objects_frozen`` moves them to the collector's permanent generation
(``gc.freeze``) for the time of a block and back afterwards (``gc.unfreeze``); blocks
nest: the outermost undoes it. What a block makes is still collected as usual, and
nothing is kept alive longer than it would be. ``no_cyclic_gc`` pauses the collector
where only short-lived, acyclic objects are made (reading millions of row tuples, loading
modules).

>>> with old_objects_frozen():  # doctest: +SKIP
...     inputs = analyse_inventory(snapshot, target, as_of=as_of)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def old_objects_frozen(*, young_objects: int | None = None) -> Iterator[None]:
    """Every object tracked now out of the collector's passes until the block ends
    (unless a caller froze objects already: its own to undo). ``young_objects``: the
    youngest generation collected after that many allocations at most as often (Python's
    default threshold is 700), restored after the block."""
    thresholds = gc.get_threshold()
    if young_objects is not None:
        gc.set_threshold(max(thresholds[0], young_objects), *thresholds[1:])
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if outermost:
            gc.unfreeze()
        gc.set_threshold(*thresholds)


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused for the block (as it was after it): for work
    that makes many objects freed at once, without cycles, or that all live on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
