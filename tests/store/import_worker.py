"""A separate importing process for the concurrency and crash tests (not a test module).

    python import_worker.py DB_URL CONTROL_DIR NAME FOLDER [FOLDER...]

Validates every folder first, opens the store, then for round r = 0, 1, ... waits for
``CONTROL_DIR/go-r``, imports folder r with ``prune=True`` and writes
``CONTROL_DIR/done-r-NAME`` holding ``ok RUN_ID`` or ``error MESSAGE``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from inventory.store import InventoryStore
from inventory.validate import validate_paths


def main() -> None:
    db_url, control, name, *folders = sys.argv[1:]
    control_dir = Path(control)
    batches = [validate_paths([Path(folder)]) for folder in folders]
    for batch in batches:
        if not batch.report.valid:
            raise SystemExit(f"invalid test input: {batch.report.errors[:3]}")
    with InventoryStore(db_url) as store:
        for number, batch in enumerate(batches):
            while not (control_dir / f"go-{number}").exists():
                time.sleep(0.002)
            try:
                result = store.import_batch(batch, prune=True)
                outcome = f"ok {result.run_id}"
            except Exception as error:  # reported to the test, which fails on it
                outcome = f"error {type(error).__name__}: {error}"
            partial = control_dir / f"partial-{number}-{name}"
            partial.write_text(outcome, encoding="utf-8")
            partial.rename(control_dir / f"done-{number}-{name}")  # appears complete


if __name__ == "__main__":
    main()
