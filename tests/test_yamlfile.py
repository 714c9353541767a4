"""The shared YAML loader: every problem at the line of the value (or key) it concerns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field

from inventory.issues import IssueCode
from inventory.yamlfile import (
    YamlSyntaxError,
    compose_yaml,
    load_yaml_model,
    read_yaml_file,
    validate_document,
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Criterion(_Strict):
    id: str
    weight: Decimal = Field(ge=0)


class Study(_Strict):
    name: str
    criteria: list[Criterion] = []
    sla: dict[str, int] = {}


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "study.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_nested_bad_value_is_placed_at_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "name: x\ncriteria:\n  - id: a\n    weight: 1\n  - id: b\n    weight: -2\n"
    )
    study, issues = load_yaml_model(path, Study)
    assert study is None
    assert [(i.code, i.file, i.line, i.column, i.value) for i in issues] == [
        (IssueCode.INVALID_VALUE, str(path), 6, "criteria.1.weight", "-2")
    ]


def test_specific_codes_and_missing_field_at_its_parent(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\ncriteria:\n  - id: a\n    weight: -1\n  - weight: 2\n")
    document, read_issues = read_yaml_file(path)
    assert document is not None and read_issues == []
    study, issues = validate_document(Study, document, str(path))
    assert study is None
    assert sorted((i.code, i.line, i.column) for i in issues) == [
        (IssueCode.MISSING_VALUE, 5, "criteria.1.id"),
        (IssueCode.OUT_OF_RANGE, 4, "criteria.0.weight"),
    ]


def test_bad_key_is_placed_at_the_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\ncolour: red\nsla:\n  gold:\n    99\n")
    study, issues = load_yaml_model(path, Study)
    assert study is None
    # The unknown key on its line; the value of gold (written on the next line) on its own.
    document, _ = read_yaml_file(path)
    assert document is not None
    assert [(i.column, i.line) for i in issues] == [("colour", 2)]
    assert document.lines.line_of(("sla", "gold")) == 5
    assert document.lines.line_of(("sla", "gold", "[key]")) == 4


def test_invalid_mapping_key_error_points_at_the_key(tmp_path: Path) -> None:
    class Levels(_Strict):
        levels: dict[int, str]

    path = _write(tmp_path, "levels:\n  1: low\n  high:\n    top\n")
    levels, issues = load_yaml_model(path, Levels)
    assert levels is None
    # the column is the key's path: pydantic's "[key]" marker is no part of what was written
    assert [(i.column, i.line) for i in issues] == [("levels.high", 3)]


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\ncriteria:\n  - {id: a, weight: [1\n  - id: b\n")
    study, issues = load_yaml_model(path, Study)
    assert study is None and len(issues) == 1
    assert issues[0].code is IssueCode.INVALID_YAML and issues[0].line == 4
    with pytest.raises(YamlSyntaxError) as caught:
        compose_yaml("a: 1\nb: [2\n")
    assert caught.value.line == 3


def test_impossible_date_is_a_yaml_issue_not_a_crash(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\nsla:\n  since: 2024-13-45\n")
    study, issues = load_yaml_model(path, Study)
    assert study is None
    assert [(i.code, i.line) for i in issues] == [(IssueCode.INVALID_YAML, 3)]


def test_recursive_alias_is_a_yaml_issue(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\nsla: &loop\n  again: *loop\n")
    study, issues = load_yaml_model(path, Study)
    assert study is None
    assert [i.code for i in issues] == [IssueCode.INVALID_YAML]


@pytest.mark.parametrize("text", ["", "  \n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    study, issues = load_yaml_model(_write(tmp_path, text), Study)
    assert study is None
    assert [i.code for i in issues] == [IssueCode.EMPTY_FILE]


def test_missing_file(tmp_path: Path) -> None:
    study, issues = load_yaml_model(tmp_path / "absent.yaml", Study)
    assert study is None
    assert [(i.code, i.file) for i in issues] == [
        (IssueCode.PATH_NOT_FOUND, str(tmp_path / "absent.yaml"))
    ]


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: x\ncriteria:\n  - id: V\xe4rnamo\n".encode("cp1252"))
    study, issues = load_yaml_model(path, Study)
    assert study is None
    assert [(i.code, i.line) for i in issues] == [(IssueCode.INVALID_ENCODING, 3)]


def test_utf8_bom_merge_keys_and_exact_decimals(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "\ufeffname: x\nbase: &base {weight: 0.10}\ncriteria:\n  - {<<: *base, id: a}\n"
    )
    document, issues = read_yaml_file(path, decimals_as_text=True)
    assert issues == [] and document is not None
    assert document.data["criteria"] == [{"weight": "0.10", "id": "a"}]
    assert document.lines.line_of(("criteria", 0, "id")) == 4


def test_a_key_written_twice_is_an_error_and_a_merged_key_may_be_overridden() -> None:
    """YAML keys are unique: the second ``name:`` would silently win. A key merged in
    (``<<: *defaults``) and then written is an override, also where the alias is reused."""
    document = compose_yaml(
        "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  x: 3\nd: *b\ne:\n  <<: *b\n  y: 4\n"
    )
    assert document.data["c"] == {"x": 3, "y": 2} and document.data["e"] == {"x": 1, "y": 4}
    for text, line, first in (("a: 1\nb: 2\na: 3\n", 3, 1), ("a: {b: 1, c: 2, b: 3}\n", 1, 1)):
        with pytest.raises(YamlSyntaxError) as caught:
            compose_yaml(text)
        assert caught.value.line == line
        assert caught.value.wording is not None
        assert caught.value.wording.params["first"] == first


def test_a_list_as_key_is_an_error_not_a_crash() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        compose_yaml("a: 1\n? [b, c]\n: 2\n")
    assert caught.value.line == 2
    assert caught.value.problem == "a key must be a single value, not a list or mapping"
