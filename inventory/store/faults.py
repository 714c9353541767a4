"""Named pause points in the importer, so that tests can kill it at a chosen moment.

When ``INVENTORY_FAULT_POINT`` names a point, the importer reaching it creates the file
named by ``INVENTORY_FAULT_MARKER`` (if set) and sleeps, waiting to be killed. Unset (the
normal case) a fault point costs one dictionary look-up.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

#: The points the importer passes, in order.
FAULT_POINTS = ("reading", "mid-write", "commit")


def fault_point(name: str) -> None:
    """Pause here forever when the environment asks for a fault at ``name``."""
    if os.environ.get("INVENTORY_FAULT_POINT") != name:
        return
    marker = os.environ.get("INVENTORY_FAULT_MARKER")
    if marker:
        Path(marker).write_text(name, encoding="utf-8")
    while True:  # the test kills the process here
        time.sleep(1)
