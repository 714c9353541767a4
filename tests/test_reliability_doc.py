"""docs/reliability.md names the test that shows each promise: every one must exist."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "reliability.md"
#: `tests/x.py` or `tests/x.py::test_name`, and `::test_name` after a file in the same cell
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)?(?:::(test_\w+))?`")


def test_every_test_the_reliability_doc_names_exists() -> None:
    missing = []
    checked = 0
    for line in DOC.read_text(encoding="utf-8").splitlines():
        current: Path | None = None
        for path, name in REFERENCE.findall(line):
            if path:
                current = REPO / path
                if not current.is_file():
                    missing.append(path)
                    continue
            if name:
                if current is None:
                    missing.append(f"::{name} (no file before it)")
                    continue
                if not re.search(
                    rf"^def {name}\(", current.read_text(encoding="utf-8"), re.MULTILINE
                ):
                    missing.append(f"{current.relative_to(REPO)}::{name}")
            checked += 1
    assert checked > 40
    assert not missing, missing
