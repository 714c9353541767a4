"""YAML input files validated by pydantic models, with problems reported at their line.

The target architecture, user alias files and decision-support inputs are YAML written
by people. ``load_yaml_model`` parses with PyYAML's node API so that every pydantic
error can be placed at the line and column of the value it concerns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from inventory.issues import Issue, IssueCode, Severity

ModelT = TypeVar("ModelT", bound=BaseModel)


def _node_for(root: yaml.Node | None, loc: tuple[int | str, ...]) -> yaml.Node | None:
    """The deepest node along a pydantic error location (a path of keys and indexes)."""
    node = root
    last_key: yaml.Node | None = None
    for part in loc:
        if part == "[key]":  # pydantic's marker for a bad mapping key: point at the key
            return last_key or node
        if isinstance(node, yaml.MappingNode):
            found = None
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                    found, last_key = value_node, key_node
                    break
            if found is None:
                return node
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def _yaml_issue(path: Path, message: str, line: int | None, hint: str | None = None,
                value: str | None = None, column: str | None = None) -> Issue:
    return Issue(code=IssueCode.INVALID_VALUE, severity=Severity.ERROR, message=message,
                 hint=hint, file=str(path), line=line, column=column, value=value)


def load_yaml_model(path: Path, model: type[ModelT]) -> tuple[ModelT | None, list[Issue]]:
    """Read ``path`` as YAML and validate it with ``model``.

    Returns the model instance and no issues, or ``None`` and one issue per problem with
    the file, line and dotted field path. Never raises for bad content.

    Example::

        target, issues = load_yaml_model(Path("samples/target.yaml"), TargetArchitecture)
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return None, [Issue(code=IssueCode.PATH_NOT_FOUND, message=f"{path} does not exist.",
                            file=str(path), hint="Check the path.")]
    except (UnicodeDecodeError, OSError) as error:
        return None, [_yaml_issue(path, f"Cannot read the file: {error}", None,
                                  "Save the file as UTF-8 text.")]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        return None, [_yaml_issue(path, f"Not valid YAML: {problem}.", line,
                                  "Check indentation and quoting around that line.")]
    if data is None:
        data = {}
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        issues = []
        for problem in error.errors():
            loc = tuple(problem["loc"])
            node = _node_for(root, loc)
            line = node.start_mark.line + 1 if node is not None else None
            dotted = ".".join(str(part) for part in loc) or "(file)"
            value = problem.get("input")
            shown = None if isinstance(value, dict | list) or value is None else str(value)
            issues.append(_yaml_issue(
                path, f"{dotted}: {problem['msg']}.", line,
                "See the JSON Schema in schemas/ for the allowed keys and values.",
                value=shown, column=dotted))
        return None, issues
