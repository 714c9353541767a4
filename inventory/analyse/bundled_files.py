"""Problems of the data files shipped in the package (``inventory/data``: vendors, the
business-systems catalogue), as catalogue messages with their place: a YAML syntax error,
a schema error at its line, a check of the file's own at its line, and the list of them.

They are not a user's input: each says where in the shipped file it is and, through
``BUNDLED_HINT``, to reinstall or report it.
"""

from __future__ import annotations

from pydantic import ValidationError

from inventory.messages import Message, MessageList
from inventory.yamlfile import LineMap, YamlSyntaxError, parser_wording, validation_detail

#: What to do about a data file shipped in the package that does not read.
BUNDLED_HINT = Message("error.bundled.hint")


def yaml_problem(error: YamlSyntaxError, source: str) -> Message:
    """A shipped data file's YAML syntax error, in our words (the parser's own text,
    marked as such, for a problem we do not word)."""
    where = source if error.line is None else f"{source}:{error.line}"
    return Message(
        "error.bundled.yaml",
        {"where": where, "problem": error.wording or parser_wording(error.problem)},
    )


def schema_problems(error: ValidationError, lines: LineMap, source: str) -> list[Message]:
    """Each schema error of a shipped data file at its line, in every language."""
    return [
        Message(
            "error.bundled.schema",
            {
                "where": f"{source}:{lines.line_of(problem['loc']) or 1}",
                "field": ".".join(str(part) for part in problem["loc"]) or "(file)",
                "detail": validation_detail(problem),
            },
        )
        for problem in error.errors()
    ]


def problem_at(source: str, line: int | None, key: str, **params: str) -> Message:
    """``source:line: <the message key with params>``."""
    return Message(
        "error.bundled.at", {"where": f"{source}:{line or 1}", "problem": Message(key, params)}
    )


def problem_list(key: str, problems: list[Message], **params: str) -> Message:
    """The message ``key`` listing ``problems`` one per line."""
    return Message(key, {**params, "problems": MessageList(tuple(problems), "\n  ")})
