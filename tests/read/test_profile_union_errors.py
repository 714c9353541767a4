"""A mapping profile's field written wrong gets one issue named by the field, whichever
branch of ``str | FieldRule`` it failed: a mapping's own mistakes, or "must be a text" for
a value that is neither text nor mapping (never pydantic's branch name "str")."""

from __future__ import annotations

from pathlib import Path

from inventory.issues import issue_texts
from inventory.read.profiles import parse_profile

PROFILE = """\
name: test
description: Test
tables:
  - kind: client
    signature: [Serial]
    fields:
      name: {template: 'no columns'}
      serial: 5
      os: [Windows]
      model: {column: Model}
"""


def test_each_wrong_field_is_one_issue_named_by_the_field() -> None:
    profile, issues = parse_profile(PROFILE, Path("p.yaml"))
    assert profile is None
    assert [(issue.code.value, issue.line) for issue in issues] == [
        ("invalid-yaml", 7),
        ("invalid-yaml", 8),
        ("invalid-yaml", 9),
    ]
    expected = {
        "en": [
            "'no columns' names no column: write each as {header}",
            "serial must be a text, not '5'",
            "os must be a text, not a list",
        ],
        "sv": [
            "'no columns' nämner ingen kolumn: skriv varje kolumn som {header}",
            "serial ska vara en text, inte '5'",
            "os ska vara en text, inte en lista",
        ],
        "no": [
            "'no columns' nevner ingen kolonne: skriv hver kolonne som {header}",
            "serial skal være en tekst, ikke '5'",
            "os skal være en tekst, ikke en liste",
        ],
    }
    for lang, texts in expected.items():
        for issue, text in zip(issues, texts, strict=True):
            message = issue_texts(issue, lang)[0]  # type: ignore[arg-type]
            assert text in message, (lang, message)
            assert "str " not in message
