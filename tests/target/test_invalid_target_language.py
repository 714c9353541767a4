"""An invalid target file reads in the reader's language: each mistake with its code, its
place (file, line, key path) and a message with no English left in Swedish or Norwegian
(pydantic's own checks, ours and the YAML parser's alike)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import Issue, issue_line, issue_texts
from inventory.language.i18n import Lang, t
from inventory.target.model import load_target

#: Words of the English messages that must not be left in a Swedish or Norwegian one.
ENGLISH = re.compile(
    r"\b(must|should|Input|Field|required|known field|is not|not a|valid|whole number|"
    r"at least|at most|greater|less than|add up|write|See the|Hint|key|bracket|indentation|"
    r"written twice|the check says|the value)\b|\(på engelsk"
)

#: A target with many mistakes, one per line (line numbers as in an editor).
TARGET = """\
name: Målarkitektur Test
municipalities: [gislaved, hylte]
currency: SEK
lifecycle:
  horizon_months: tolv
security:
  mfa_for_all_staff: kanske
sla:
  livsviktig: {availability_percent: 99.5}
  high: {availability_percent: 120}
cost_key:
  components:
    - {basis: equal, percent: 60}
    - {basis: population, percent: 30.5}
plan:
  team_fte: 0
  start: nästa vår
colour: blå
economics:
  uncertainty_percent: {labour: 100}
scope: [A, Z]
capabilities:
  backup: {products: []}
"""

#: line -> (key path, English, Swedish, Norwegian): written by hand from the file above.
EXPECTED: dict[int, tuple[str, str, str, str]] = {
    5: (
        "lifecycle.horizon_months",
        "horizon_months must be a whole number, not 'tolv'",
        "horizon_months ska vara ett heltal, inte 'tolv'",
        "horizon_months skal være et heltall, ikke 'tolv'",
    ),
    7: (
        "security.mfa_for_all_staff",
        "mfa_for_all_staff must be true or false (yes/no), not 'kanske'",
        "mfa_for_all_staff ska vara true eller false (ja/nej), inte 'kanske'",
        "mfa_for_all_staff skal være true eller false (ja/nei), ikke 'kanske'",
    ),
    9: (
        "sla.livsviktig",
        "the key must be one of 'low', 'medium', 'high', 'critical', not 'livsviktig'",
        "nyckeln ska vara ett av 'low', 'medium', 'high', 'critical', inte 'livsviktig'",
        "nøkkelen skal være en av 'low', 'medium', 'high', 'critical', ikke 'livsviktig'",
    ),
    10: (
        "sla.high.availability_percent",
        "availability_percent must be at most 100, not '120'",
        "availability_percent ska vara högst 100, inte '120'",
        "availability_percent skal være høyst 100, ikke '120'",
    ),
    11: (
        "cost_key",
        "the cost key's percentages add up to 90.5, not 100",
        "fördelningsnyckelns procentsatser blir 90,5 tillsammans, inte 100",
        "fordelingsnøkkelens prosentsatser blir 90,5 til sammen, ikke 100",
    ),
    16: (
        "plan.team_fte",
        "team_fte must be greater than 0, not '0'",
        "team_fte ska vara större än 0, inte '0'",
        "team_fte skal være større enn 0, ikke '0'",
    ),
    17: (
        "plan.start",
        "start must be a date (YYYY-MM-DD), not 'nästa vår'",
        "start ska vara ett datum (ÅÅÅÅ-MM-DD), inte 'nästa vår'",
        "start skal være en dato (ÅÅÅÅ-MM-DD), ikke 'nästa vår'",
    ),
    18: (
        "colour",
        "colour is not a known field",
        "colour är inget känt fält",
        "colour er ikke et kjent felt",
    ),
    20: (
        "economics.uncertainty_percent.labour",
        "labour must be less than 100, not '100'",
        "labour ska vara mindre än 100, inte '100'",
        "labour skal være mindre enn 100, ikke '100'",
    ),
    21: (
        "scope.1",
        "scope must be one of 'A', 'A1', 'A2', 'A3', 'A4', 'B', 'C', 'D', 'E', 'F', 'G',"
        " 'H', 'I', not 'Z'",
        "scope ska vara ett av 'A', 'A1', 'A2', 'A3', 'A4', 'B', 'C', 'D', 'E', 'F', 'G',"
        " 'H', 'I', inte 'Z'",
        "scope skal være en av 'A', 'A1', 'A2', 'A3', 'A4', 'B', 'C', 'D', 'E', 'F', 'G',"
        " 'H', 'I', ikke 'Z'",
    ),
    23: (
        "capabilities.backup.products",
        "products must not be empty",
        "products får inte vara tom",
        "products kan ikke være tom",
    ),
}
HINTS = {
    "en": "See the JSON Schema in schemas/ for the allowed keys and values.",
    "sv": "Se JSON-schemat i schemas/ för tillåtna nycklar och värden.",
    "no": "Se JSON-skjemaet i schemas/ for tillatte nøkler og verdier.",
}
LANGS: tuple[Lang, ...] = ("en", "sv", "no")


def _load(tmp_path: Path, text: str) -> tuple[Path, list[Issue]]:
    path = tmp_path / "target.yaml"
    path.write_text(text, encoding="utf-8")
    target, issues = load_target(path)
    assert target is None
    return path, issues


def _no_english(text: str, lang: str) -> None:
    if lang != "en":
        assert not ENGLISH.search(text), text


def test_every_mistake_in_a_target_reads_in_the_language(tmp_path: Path) -> None:
    path, issues = _load(tmp_path, TARGET)
    assert sorted(issue.line or 0 for issue in issues) == sorted(EXPECTED)
    for issue in issues:
        assert issue.line is not None
        column, *texts = EXPECTED[issue.line]
        assert (issue.code.value, issue.file, issue.column) == ("invalid-value", str(path), column)
        for lang, text in zip(LANGS, texts, strict=True):
            message, hint = issue_texts(issue, lang)
            assert message == f"{column}: {text}."
            assert hint == HINTS[lang]
            _no_english(message + " " + (hint or ""), lang)


#: YAML that cannot be read: (text, line, English, Swedish, Norwegian problem).
SYNTAX = [
    (
        "name: A\nmunicipalities: [a\n",
        3,
        "expected ',' or ']': a bracket is not closed",
        "väntade ',' eller ']': en parentes stängs inte",
        "ventet ',' eller ']': en parentes lukkes ikke",
    ),
    (
        "name: A\nname: B\n",
        2,
        "the key 'name' is written twice (first on line 1)",
        "nyckeln 'name' står två gånger (första gången på rad 1)",
        "nøkkelen 'name' står to ganger (første gang på linje 1)",
    ),
    (
        "name: A\nplan:\n  start: 2027-13-45\n",
        3,
        "'2027-13-45' is not a valid date",
        "'2027-13-45' är inget giltigt datum",
        "'2027-13-45' er ikke en gyldig dato",
    ),
    (
        "name: A\nlifecycle:\n\thorizon_months: 12\n",
        3,
        "a value cannot start with this character (@, `, % or a tab): put the value in quotes",
        "ett värde kan inte börja med det här tecknet (@, `, % eller tabb): skriv värdet inom"
        " citattecken",
        "en verdi kan ikke begynne med dette tegnet (@, `, % eller tabulator): skriv verdien i"
        " anførselstegn",
    ),
    (
        "name: A\ncurrency: SEK: NOK\n",
        2,
        "a mapping (key: value) is not allowed here: check the indentation, or put the value"
        " in quotes",
        "en mappning (nyckel: värde) är inte tillåten här: kontrollera indraget, eller skriv"
        " värdet inom citattecken",
        "en tilordning (nøkkel: verdi) er ikke tillatt her: kontroller innrykket, eller skriv"
        " verdien i anførselstegn",
    ),
    (
        "name: A\n? [a, b]\n: 1\n",
        2,
        "a key must be a single value, not a list or mapping",
        "en nyckel ska vara ett enda värde, inte en lista eller mappning",
        "en nøkkel skal være én enkelt verdi, ikke en liste eller tilordning",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "en", "sv", "no"), SYNTAX, ids=[s[2][:20] for s in SYNTAX]
)
def test_a_target_that_is_no_valid_yaml_reads_in_the_language(
    tmp_path: Path, text: str, line: int, en: str, sv: str, no: str
) -> None:
    path, issues = _load(tmp_path, text)
    [issue] = issues
    assert (issue.code.value, issue.file, issue.line) == ("invalid-yaml", str(path), line)
    for lang, problem in zip(LANGS, (en, sv, no), strict=True):
        message, _ = issue_texts(issue, lang)
        assert message == t("issue.invalid-yaml.message", lang, problem=problem)
        _no_english(message, lang)


def test_too_deep_nesting_has_its_hint_in_the_language(tmp_path: Path) -> None:
    _, issues = _load(tmp_path, "name: A\nnote: " + "[" * 101 + "]" * 101 + "\n")
    [issue] = issues
    assert (issue.code.value, issue.line) == ("invalid-yaml", 2)
    assert issue_texts(issue, "sv") == (
        "Ogiltig YAML: värden nästlade djupare än 100 nivåer.",
        "Gör strukturen plattare.",
    )
    assert issue_texts(issue, "no")[1] == "Gjør strukturen flatere."
    assert issue_texts(issue, "en") == (
        "Not valid YAML: values nested deeper than 100 levels.",
        "Flatten the structure.",
    )


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_gap_with_an_invalid_target_prints_no_english(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "target.yaml"
    path.write_text(TARGET, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["--lang", lang, "--db", f"sqlite:///{tmp_path / 'none.db'}", "gap", "--target", str(path)],
        env={"COLUMNS": "400"},
    )
    assert result.exit_code != 0, result.output
    shown = " ".join(result.output.split())
    assert f"{path}:11" in shown
    assert EXPECTED[11][2 if lang == "sv" else 3] in shown
    for line in shown.split(str(path))[1:]:
        _no_english(line, lang)
    assert not (tmp_path / "none.db").exists()


def test_the_english_lines_are_unchanged(tmp_path: Path) -> None:
    path, issues = _load(tmp_path, TARGET)
    [issue] = [issue for issue in issues if issue.line == 11]
    assert issue_line(issue, "en") == (
        f"error invalid-value at {path}:11, column 'cost_key': cost_key: the cost key's"
        " percentages add up to 90.5, not 100. Hint: See the JSON Schema in schemas/ for the"
        " allowed keys and values."
    )
