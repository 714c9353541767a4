"""Instructions (callgrind) an import costs, this code against another checkout.

On a shared machine wall-clock ratios of two runs move by 20 % and more; the number of
instructions a run executes does not. This counts, under ``valgrind --tool=callgrind``,
the instructions of an import of FOLDER into a fresh SQLite file, minus those of the same
process without the import (start-up, library imports, creating the store), once with
``PYTHONPATH`` on this checkout and once on ``--baseline-code DIR``::

    python -m benchmarks.import_instructions FOLDER --baseline-code /path/to/old/checkout

Each count is one valgrind run (about fifty times slower than a normal run: use a folder
of about 100,000 client rows). Prints the import's instructions for both codes and the
ratio; the validate step alone is counted too (``--steps validate,full``).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

_STEP = """
import sys
from pathlib import Path
from inventory.store import InventoryStore
from inventory.validate import validate_paths

database, folder, step = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
store = InventoryStore(f"sqlite:///{database}")
if step != "none":
    batch = validate_paths([folder])
    assert batch.report.valid, batch.report.issues[:3]
    if step == "full":
        store.import_batch(batch)
store.close()
"""


def count(code: Path, folder: Path, step: str) -> int:
    """Instructions of one run of ``_STEP`` with ``code`` first on the path."""
    with tempfile.TemporaryDirectory() as work:
        script = Path(work, "step.py")
        script.write_text(_STEP, encoding="utf-8")
        outcome = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                sys.executable,
                str(script),
                str(Path(work, "db.sqlite")),
                str(folder),
                step,
            ],
            env={**os.environ, "PYTHONPATH": str(code)},
            cwd=work,
            capture_output=True,
            text=True,
            check=True,
        )
    found = re.search(r"Collected : (\d+)", outcome.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{outcome.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--baseline-code", type=Path, required=True)
    parser.add_argument("--steps", default="full", help="validate and/or full, comma-separated")
    args = parser.parse_args(argv)
    codes = {"baseline": args.baseline_code.resolve(), "this code": REPO}
    for step in args.steps.split(","):
        spent = {
            label: count(code, args.folder, step) - count(code, args.folder, "none")
            for label, code in codes.items()
        }
        ratio = spent["this code"] / spent["baseline"]
        print(
            f"{step}: baseline {spent['baseline']:,} instructions, this code "
            f"{spent['this code']:,}: {ratio:.3f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
