"""Named pause points in the importer, so that tests can kill it at a chosen moment.

When ``INVENTORY_FAULT_POINT`` names a point, the importer reaching it creates the file
named by ``INVENTORY_FAULT_MARKER`` (if set; it holds the point's name from the moment it
appears) and sleeps, waiting to be killed or interrupted (Ctrl-C). Unset (the normal case)
a fault point costs one dictionary look-up.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

#: The points an import passes, in order: the command starts (before reading), the
#: files are validated, half the files are written, the transaction is about to commit,
#: it has committed (Ctrl-C deferred), the result is about to be printed, it was printed
#: (the command's own handler is behind: typer and the console script take the Ctrl-C).
FAULT_POINTS = ("start", "reading", "mid-write", "commit", "committed", "printing", "printed")


def fault_point(name: str, until: Callable[[], bool] | None = None) -> None:
    """Pause here when the environment asks for a fault at ``name``: forever, or until
    ``until()`` is true (where Ctrl-C is deferred, it tells that one arrived)."""
    if os.environ.get("INVENTORY_FAULT_POINT") != name:
        return
    marker = os.environ.get("INVENTORY_FAULT_MARKER")
    if marker:
        # written aside, then renamed: whoever waits for the marker to exist (a test's
        # killer thread) never finds it created but still empty
        written = Path(f"{marker}.writing")
        written.write_text(name, encoding="utf-8")
        os.replace(written, marker)
    while until is None or not until():  # the test kills or interrupts the process here
        time.sleep(0.01 if until else 1)
