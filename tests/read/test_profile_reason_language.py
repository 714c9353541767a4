"""A mapping profile's skip reason in the reader's language, and a broken profile's
problems in our own words: the built-in Intune profile gives its BYOD reason in English,
Swedish and Norwegian; a plain reason is shown as written; a reason per language is
checked by the profile schema (an unknown language is an ``invalid-yaml`` error at its
line); pydantic's errors (a missing field, a value of the wrong type) read in the
language, not as pydantic's English."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import IssueCode, issue_line
from inventory.language.i18n import Lang
from inventory.read.profiles import LocalisedText, parse_profile

EXPORTS = Path(__file__).parents[1] / "data" / "exports"

#: tests/data/exports/intune: line 5 is Sofia's personal Galaxy (Ownership Personal).
BYOD = {
    "en": "1 row left out by the intune profile (personal devices (BYOD) enrolled in"
    " Intune are not municipal assets): line 5.",
    "sv": "1 rad utelämnad av profilen intune (privata enheter (BYOD) registrerade i"
    " Intune tillhör inte kommunen): rad 5.",
    "no": "1 rad utelatt av profilen intune (private enheter (BYOD) registrert i Intune"
    " tilhører ikke kommunen): linje 5.",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_the_intune_byod_reason_reads_in_the_language(lang: str) -> None:
    result = CliRunner().invoke(
        app, ["--lang", lang, "validate", str(EXPORTS / "intune")], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert BYOD[lang] in shown
    if lang != "en":
        assert "personal devices" not in shown


PROFILE = """\
name: mitt-cmdb
description: CMDB-export
tables:
  - kind: client
    signature: [Namn, Typ]
    fields:
      id: Namn
      kind: Typ
    skip:
      - column: Typ
        values: [Skärm]
        reason: {reason}
"""


def _issues_of(reason: str) -> list[tuple[int | None, str, str, str]]:
    profile, issues = parse_profile(PROFILE.format(reason=reason), Path("p.yaml"))
    assert profile is None
    return [
        (issue.line, issue_line(issue, "en"), issue_line(issue, "sv"), issue_line(issue, "no"))
        for issue in issues
    ]


def test_a_plain_reason_is_shown_as_written_and_a_bare_no_key_is_norwegian() -> None:
    profile, issues = parse_profile(PROFILE.format(reason="skärmar är inga klienter"), Path("p"))
    assert issues == [] and profile is not None
    assert profile.tables[0].skip[0].reason_param() == "skärmar är inga klienter"
    reason = "{en: screens, sv: skärmar, no: skjermer}"
    profile, issues = parse_profile(PROFILE.format(reason=reason), Path("p"))
    assert issues == [] and profile is not None
    assert profile.tables[0].skip[0].reason == LocalisedText(
        en="screens", sv="skärmar", no="skjermer"
    )
    texts = profile.tables[0].skip[0].reason_param()
    assert not isinstance(texts, str)
    assert [texts.text(lang) for lang in ("en", "sv", "no")] == ["screens", "skärmar", "skjermer"]
    # a language left out shows the English text
    profile, _ = parse_profile(PROFILE.format(reason="{en: screens, sv: skärmar}"), Path("p"))
    assert profile is not None
    texts = profile.tables[0].skip[0].reason_param()
    assert not isinstance(texts, str) and texts.text("no") == "screens"


def test_an_unknown_language_in_a_reason_is_one_error_at_its_line() -> None:
    (issue,) = parse_profile(
        PROFILE.format(reason="{en: screens, de: Bildschirme}"), Path("p.yaml")
    )[1]
    assert (issue.code, issue.line, issue.file) == (IssueCode.INVALID_YAML, 12, "p.yaml")
    assert issue.template == "issue.invalid-yaml.profile_schema"
    assert "tables.0.skip.0.reason.de: de is not a known field." in issue_line(issue, "en")
    assert "tables.0.skip.0.reason.de: de är inget känt fält." in issue_line(issue, "sv")
    assert "tables.0.skip.0.reason.de: de er ikke et kjent felt." in issue_line(issue, "no")


def test_a_reason_without_english_is_named() -> None:
    ((line, en, sv, no),) = _issues_of("{sv: skärmar}")
    assert line == 12
    assert "tables.0.skip.0.reason.en: en is required but not given." in en
    assert "tables.0.skip.0.reason.en: en krävs men saknas." in sv
    assert "tables.0.skip.0.reason.en: en er påkrevd, men mangler." in no


@pytest.mark.parametrize(
    ("lang", "missing", "wrong_type"),
    [
        ("en", "description is required but not given", "signature must be a list, not 'Namn'"),
        ("sv", "description krävs men saknas", "signature ska vara en lista, inte 'Namn'"),
        ("no", "description er påkrevd, men mangler", "signature skal være en liste, ikke 'Namn'"),
    ],
)
def test_pydantic_errors_read_in_our_own_words(lang: Lang, missing: str, wrong_type: str) -> None:
    text = PROFILE.format(reason="x").replace("description: CMDB-export\n", "")
    text = text.replace("signature: [Namn, Typ]", "signature: Namn")
    profile, issues = parse_profile(text, Path("p.yaml"))
    assert profile is None
    lines = [issue_line(issue, lang) for issue in issues]
    assert any(missing in line for line in lines), lines
    assert any(wrong_type in line for line in lines), lines
    for line in lines:
        assert "Field required" not in line and "Input should" not in line


def test_a_yaml_syntax_error_is_said_in_our_words() -> None:
    text = PROFILE.format(reason="x").replace("kind: client", "kind: [client")
    (issue,) = parse_profile(text, Path("p.yaml"))[1]
    assert issue.code == IssueCode.INVALID_YAML
    assert (
        "The mapping profile is no valid YAML: expected ',' or ']': a bracket is not closed"
        in issue_line(issue, "en")
    )
    assert (
        "Mappningsprofilen är ingen giltig YAML: väntade ',' eller ']': en parentes stängs inte"
        in issue_line(issue, "sv")
    )
