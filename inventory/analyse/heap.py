"""The objects that exist before an analysis left out of the garbage collector's passes.

An analysis runs after the libraries, the catalogue and the inventory are loaded: some
150,000 objects that live as long as the process. The collector walks all of them in
each full collection (two or three during an analysis of the samples, some 0.1 s each),
and a worker forked for a gap (``inventory.forked``) writes to every page of them when
it collects (copy on write). ``old_objects_frozen`` moves them to the collector's
permanent generation (``gc.freeze``) for the time of the analysis and back afterwards
(``gc.unfreeze``; a caller that froze objects itself is left to undo that). What the
analysis makes is still collected as usual, and nothing is kept alive longer than the
analysis.

>>> with old_objects_frozen():  # doctest: +SKIP
...     inputs = analyse_inventory(snapshot, target, as_of=as_of)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def old_objects_frozen() -> Iterator[None]:
    """Every object tracked now out of the collector's passes until the block ends."""
    if gc.get_freeze_count() > 0:  # the caller froze them: its own to undo
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
