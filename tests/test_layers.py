"""The packages of ``inventory`` form layers, and no import runs back up.

Every ``import`` of every module (at the top, inside a function, under
``TYPE_CHECKING``: each is a dependency) is read with ``ast``; the graph of packages
(``inventory/gap/*.py`` is ``gap``, ``inventory/snapshot.py`` is ``snapshot``) must be
acyclic, and a package may import only packages of its own layer or below.

The language modules (catalogues, ``t``, locale formatting) are the lowest layer,
``language``: every layer that words something uses them; issues and messages carry their
own text through them.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "inventory"

#: Lowest first. A package may import its own layer's packages (no cycle) and lower ones.
LAYERS: list[set[str]] = [
    # catalogues, t, number and date formatting: every layer words something; a call in a
    # forked worker (forked); the garbage collector kept off what lives long (heap)
    {"language", "errors", "echo", "forked", "heap"},
    # what every layer uses: messages, issues, errors, the record models, files
    {"issues", "messages", "missing", "yamlfile", "output_files", "models", "data"},
    {"read", "synth"},
    {"validate"},
    {"snapshot"},
    {"store"},
    {"analyse", "study"},
    {"target"},
    {"gap"},
    {"render"},
    {"export"},
    {"report"},
    {"demo"},
    {"api"},
    {"cli"},
    {"__main__"},  # python -m inventory: the command line
]
LAYER = {package: index for index, packages in enumerate(LAYERS) for package in packages}


def package_of(module: str) -> str | None:
    """``inventory.gap.blocks`` -> ``gap``; the package itself (``__version__``) -> None."""
    parts = module.split(".")
    if parts[0] != "inventory" or len(parts) < 2:
        return None
    return parts[1]


def imports() -> dict[tuple[str, str], set[str]]:
    """(importing package, imported package) -> the files with such an import."""
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        source = package_of(".".join(relative.parts))
        if source is None or source == "__init__":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                target = package_of(name)
                if target is not None and target != source:
                    edges[(source, target)].add(str(path.relative_to(PACKAGE.parent)))
    return edges


def test_every_package_has_a_layer() -> None:
    packages = {
        path.stem if path.is_file() else path.name
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").is_file()
    }
    assert packages == set(LAYER)


def test_no_import_runs_up_a_layer() -> None:
    upward = {
        f"{source} -> {target}: {', '.join(sorted(files))}"
        for (source, target), files in imports().items()
        if LAYER[target] > LAYER[source]
    }
    assert not upward, "\n".join(sorted(upward))


def test_no_cycle_between_packages() -> None:
    graph = nx.DiGraph(list(imports()))
    cycles = list(nx.simple_cycles(graph))
    assert nx.is_directed_acyclic_graph(graph), sorted(cycles, key=len)[:5]
