"""YAML "billion laughs": a few hundred bytes of nested aliases must not expand to billions.

Aliases share one composed node, so the document as written is small; the cost lies in
expanding it. Every YAML file the tool reads (target, study inputs, alias files) goes
through ``inventory.yamlfile.compose_yaml``, which measures the expansion on the composed
nodes first and refuses more than ``MAX_ALIAS_EXPANSION`` added values at the line where
the limit is crossed (``invalid-yaml``). Work is asserted as memory traced, not as time.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from inventory.issues import IssueCode
from inventory.yamlfile import (
    YamlSyntaxError,
    check_expansion,
    compose_yaml,
    load_yaml_model,
)
from tests.helpers import exit_code_and_output as run_main


def _nested_lists(levels: int = 9) -> tuple[str, int]:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n", 6  # 9 * 10**5 values at a5 (line 6)


def _nested_mappings(levels: int = 30) -> tuple[str, int]:
    lines = ["m0: &m0 {x: 1, y: 2}"]
    lines += [f"m{i}: &m{i} {{left: *m{i - 1}, right: *m{i - 1}}}" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n", 15  # doubles per level: past 100,000 at m14 (line 15)


def _merge_keys(levels: int = 30) -> tuple[str, int]:
    lines = ["m0: &m0 {x: 1, y: 2}"]
    lines += [
        f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], k{i}: {i}}}" for i in range(1, levels + 1)
    ]
    return "\n".join(lines) + "\n", 15


def _block_style(levels: int = 30) -> tuple[str, int]:
    lines = ["name: bomb", "base: &l0", "  - lol", "  - lol"]
    for i in range(1, levels + 1):
        lines += [f"level{i}: &l{i}", f"  - *l{i - 1}", f"  - *l{i - 1}", f"  - *l{i - 1}"]
    return "\n".join(lines) + "\n", 5 + 4 * 9  # triples per level: past at level10 (line 41)


BOMBS = {
    "nested lists": _nested_lists,
    "nested mappings": _nested_mappings,
    "merge keys": _merge_keys,
    "block style": _block_style,
}


class Anything(BaseModel):
    name: str = ""


@pytest.mark.parametrize("shape", BOMBS)
def test_a_bomb_is_an_invalid_yaml_issue_at_its_line(tmp_path: Path, shape: str) -> None:
    text, line = BOMBS[shape]()
    assert len(text.encode()) < 10_000
    path = tmp_path / "target.yaml"
    path.write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        model, issues = load_yaml_model(path, Anything)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert model is None
    assert [(issue.code, issue.file) for issue in issues] == [(IssueCode.INVALID_YAML, str(path))]
    assert "expand to more than 100,000 values" in issues[0].message
    assert issues[0].hint is not None and "aliases" in issues[0].hint
    assert issues[0].line == line  # where the expansion crosses the limit
    assert peak < 20 * 2**20  # bounded work: nothing was expanded


def test_the_budget_is_exact() -> None:
    # Two aliases of a five-value list add ten values to the nine written.
    root = yaml.compose("a: &a [1, 2, 3, 4]\nb: [*a, *a]\n")
    assert root is not None
    check_expansion(root, budget=10)
    with pytest.raises(YamlSyntaxError, match="more than 9 values"):
        check_expansion(root, budget=9)


def test_shared_defaults_still_work() -> None:
    entries = "\n".join(f"  - {{<<: *defaults, id: c{i}}}" for i in range(500))
    document = compose_yaml(
        f"defaults: &defaults {{weight: 1, unit: h, note: shared}}\ncriteria:\n{entries}\n"
    )
    assert len(document.data["criteria"]) == 500
    assert document.data["criteria"][499] == {
        "weight": 1,
        "unit": "h",
        "note": "shared",
        "id": "c499",
    }
    assert document.lines.line_of(("criteria", 499, "id")) == 502


@pytest.mark.parametrize(
    "text",
    [
        "[" * 500 + "]" * 500,
        "".join(" " * i + "- \n" for i in range(0, 1000, 2)) + " " * 1000 + "- x\n",
    ],
)
def test_deep_nesting_is_an_issue_not_a_recursion_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    model, issues = load_yaml_model(path, Anything)
    assert model is None and [issue.code for issue in issues] == [IssueCode.INVALID_YAML]


def test_every_yaml_input_of_the_cli_refuses_a_bomb(tmp_path: Path) -> None:
    text, line = _nested_mappings()
    db = f"sqlite:///{tmp_path / 'inventory.db'}"
    (tmp_path / "target.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "aliases.yaml").write_text(text, encoding="utf-8")
    study = tmp_path / "study"
    study.mkdir()
    (study / "projection.yaml").write_text(text, encoding="utf-8")
    runs = {
        "target": run_main("--db", db, "gap", "--target", str(tmp_path / "target.yaml")),
        "aliases": run_main("--db", db, "normalise", "--aliases", str(tmp_path / "aliases.yaml")),
        "study": run_main("study", "projection", str(study)),
    }
    for source, (code, output) in runs.items():
        assert code == 1, (source, output)
        assert "Traceback" not in output, source
        assert f".yaml:{line}" in output and "expand to more than" in output, (source, output)
