"""The Issue model never echoes a whole cell and never carries a raw control character."""

from __future__ import annotations

import json

from inventory.issues import Issue, IssueCode, IssueReport

BIG = " " + "A" * 50_000 + "\x1b "  # a cell as read: spaces around, a control inside


def test_a_short_issue_is_as_written() -> None:
    issue = Issue(
        code=IssueCode.INVALID_ENUM,
        message="'x' is not an allowed value of kind.",
        hint="Allowed: a, b.",
        file="gnosjo/sites.csv",
        line=3,
        row=2,
        column="typ",
        column_index=3,
        value="x",
    )
    assert str(issue) == (
        "error invalid-enum at gnosjo/sites.csv:3, row 2, column 'typ' (#3):"
        " 'x' is not an allowed value of kind. Hint: Allowed: a, b."
    )


def test_value_and_column_are_cut_with_their_length() -> None:
    issue = Issue(code=IssueCode.UNKNOWN_HEADER, message="unknown", value=BIG, column="ä" * 900)
    assert issue.value is not None and issue.column is not None
    assert issue.value.startswith(" AAAA") and issue.value.endswith("(50,003 characters)")
    assert len(issue.value) < 130
    assert issue.column == "ä" * 75 + "…" + "ä" * 25 + " (900 characters)"


def test_a_long_value_quoted_in_message_or_hint_is_cut_there_too() -> None:
    """As repr of the cell, of the trimmed cell, or written plainly."""
    for quoted in (repr(BIG), repr(BIG.strip()), BIG):
        issue = Issue(
            code=IssueCode.INVALID_NUMBER,
            message=f"{quoted} is not a number.",
            hint=f"Check {quoted} again.",
            value=BIG,
        )
        assert issue.message.endswith(" is not a number.")
        assert issue.hint is not None and issue.hint.startswith("Check ")
        assert len(issue.message) < 200 and len(issue.hint) < 200
        assert "characters)" in issue.message


def test_message_and_hint_are_bounded_whatever_they_quote() -> None:
    issue = Issue(code=IssueCode.DEPENDENCY_CYCLE, message="x -> " * 100_000, hint="y" * 5_000)
    assert len(issue.message) < 1_100 and issue.message.endswith("(500,000 characters)")
    assert issue.hint is not None and len(issue.hint) < 1_100


def test_controls_are_escaped_in_messages_and_the_place() -> None:
    issue = Issue(
        code=IssueCode.UNKNOWN_FILE,
        message="evil\x1b[2J.csv rings \x07\u202e",
        hint="Remove\nit",
        file="in/gnosjo/evil\x1b[2J.csv",
        column="a\x1bb",
    )
    assert issue.message == "evil\\x1b[2J.csv rings \\x07\\u202e"
    assert issue.hint == "Remove\\nit"
    assert issue.place == "in/gnosjo/evil\\x1b[2J.csv, column 'a\\x1bb'"
    assert issue.file == "in/gnosjo/evil\x1b[2J.csv"  # the data keeps the name as it is
    text = str(issue)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in text)


def test_the_json_report_round_trips_bounded_issues() -> None:
    report = IssueReport()
    report.add(Issue(code=IssueCode.INVALID_ENUM, message=f"{BIG!r} is not allowed.", value=BIG))
    data = json.loads(json.dumps(report.to_json()))
    [issue] = data["issues"]
    assert len(issue["value"]) < 130 and len(issue["message"]) < 200
