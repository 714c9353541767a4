"""Every docstring example in the package runs and prints what it says (``doctest``).

Examples may use ``samples`` (the bundled samples folder), ``snapshot`` (the five sample
municipalities, validated, as the analyses read them) and ``tmp`` (an empty folder of
their own). An example that cannot run here (the whole demo, a database server) says
``# doctest: +SKIP`` on every line of it.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import inventory

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
#: Modules that cannot be imported on their own: Alembic's environment runs inside Alembic.
NOT_IMPORTABLE = ("inventory.store.migrations",)


def package_modules() -> list[str]:
    names = ["inventory"]
    for module in pkgutil.walk_packages(inventory.__path__, "inventory."):
        if not module.name.startswith(NOT_IMPORTABLE):
            names.append(module.name)
    return sorted(names)


@cache
def sample_snapshot() -> Any:
    from inventory.snapshot import InventorySnapshot
    from inventory.validate import validate_paths

    folders = sorted(
        path
        for path in SAMPLES.iterdir()
        if (path / "municipality.csv").is_file() or (path / "kommun.csv").is_file()
    )
    batch = validate_paths(folders)
    assert batch.report.valid
    return InventorySnapshot.from_batch(batch)


def test_every_module_is_searched() -> None:
    names = package_modules()
    assert {"inventory.api", "inventory.validate", "inventory.cli.app"} <= set(names)


@pytest.mark.parametrize("name", package_modules())
def test_docstring_examples(name: str, tmp_path: Path) -> None:
    module = importlib.import_module(name)
    tests = [test for test in doctest.DocTestFinder().find(module, name) if test.examples]
    if not tests:
        return
    uses_snapshot = any(
        "snapshot" in example.source
        for test in tests
        for example in test.examples
        if "+SKIP" not in example.source
    )
    extra = {
        "samples": SAMPLES,
        "tmp": tmp_path,
        "snapshot": sample_snapshot() if uses_snapshot else None,
    }
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    failures: list[str] = []
    for test in tests:
        test.globs.update(extra)
        output: list[str] = []
        result = runner.run(test, out=output.append)
        if result.failed:
            failures.append("".join(output))
    assert not failures, "\n".join(failures)
