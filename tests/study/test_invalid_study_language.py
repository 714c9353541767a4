"""Mistakes in every kind of study file read in the reader's language: each with its code,
file, line (row and column for a CSV) and a message with no English left in sv/no — our
own checks (a cost key that does not add up, a quarter, an ambiguous number) as well as
pydantic's (a pattern, a whole number, a range, a choice)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import Issue, issue_texts
from inventory.language.i18n import Lang
from inventory.study import InvalidStudyInput, study_results

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

ENGLISH = re.compile(
    r"\b(must|should|Input|Field|required|known field|is not|not a|valid|whole number|"
    r"at least|at most|greater|less than|add up|ambiguous|quarter|write|one of|pattern|"
    r"percentages|the check says)\b|\(på engelsk"
)

#: (file, old text, new text): one mistake each, as a person might make it.
MISTAKES = [
    ("cost-sharing.yaml", "currency: NOK", "currency: kroner"),
    ("cost-sharing.yaml", "population: 6300}", "population: mange}"),
    (
        "cost-sharing.yaml",
        "      - {basis: population, percent: 50}",
        "      - {basis: population, percent: 40.5}",
    ),
    ("projection.yaml", "{year: 2007,", "{year: 1800,"),
    (
        "it-costs.yaml",
        "    year: 2023\n  - id: outsourced",
        "    year: tjugotre\n  - id: outsourced",
    ),
    (
        "alternatives-ggvvh.yaml",
        "name: Beroende av externa resurser, weight: 1}",
        'name: Beroende av externa resurser, weight: "-1"}',
    ),
    (
        "establishment-plan.csv",
        "15.1,SLA,1. kv -2009,3. kv -2009,100000,operations",
        "15.1,SLA,1. kv -2009,våren 2009,100000,operations",
    ),
    (
        "establishment-plan.csv",
        "15.1,Prosjektering,2. kv -2009,3. kv -2009,450000,operations",
        '15.1,Prosjektering,2. kv -2009,3. kv -2009,"1,024",lån',
    ),
]

#: (file, line, row, column, code) -> English, Swedish, Norwegian: by hand from MISTAKES.
EXPECTED: dict[tuple[str, int, int | None, str, str], tuple[str, str, str]] = {
    ("cost-sharing.yaml", 5, None, "currency", "invalid-value"): (
        "currency: currency must match the pattern ^[A-Z]{3}$, not 'kroner'.",
        "currency: currency ska följa mönstret ^[A-Z]{3}$, inte 'kroner'.",
        "currency: currency skal følge mønsteret ^[A-Z]{3}$, ikke 'kroner'.",
    ),
    ("cost-sharing.yaml", 8, None, "parties.1.population", "invalid-number"): (
        "parties.1.population: population must be a whole number, not 'mange'.",
        "parties.1.population: population ska vara ett heltal, inte 'mange'.",
        "parties.1.population: population skal være et heltall, ikke 'mange'.",
    ),
    ("cost-sharing.yaml", 10, None, "keys.0", "invalid-value"): (
        "keys.0: the components' percentages add up to 90.5, not 100.",
        "keys.0: delarnas procentsatser blir 90,5 tillsammans, inte 100.",
        "keys.0: delenes prosentsatser blir 90,5 til sammen, ikke 100.",
    ),
    ("projection.yaml", 10, None, "years.0.year", "out-of-range"): (
        "years.0.year: year must be at least 1900, not '1800'.",
        "years.0.year: year ska vara minst 1900, inte '1800'.",
        "years.0.year: year skal være minst 1900, ikke '1800'.",
    ),
    ("it-costs.yaml", 14, None, "definitions.0.year", "invalid-number"): (
        "definitions.0.year: year must be a whole number, not 'tjugotre'.",
        "definitions.0.year: year ska vara ett heltal, inte 'tjugotre'.",
        "definitions.0.year: year skal være et heltall, ikke 'tjugotre'.",
    ),
    ("alternatives-ggvvh.yaml", 14, None, "criteria.1.weight", "out-of-range"): (
        "criteria.1.weight: weight must be at least 0, not '-1'.",
        "criteria.1.weight: weight ska vara minst 0, inte '-1'.",
        "criteria.1.weight: weight skal være minst 0, ikke '-1'.",
    ),
    ("establishment-plan.csv", 3, 2, "finish", "invalid-value"): (
        "'våren 2009' is not a quarter: write 2009Q1 or '1. kv 2009'.",
        "'våren 2009' är inget kvartal: skriv 2009Q1 eller '1. kv 2009'.",
        "'våren 2009' er ikke et kvartal: skriv 2009Q1 eller '1. kv 2009'.",
    ),
    ("establishment-plan.csv", 5, 4, "cost", "invalid-value"): (
        "'1,024' is ambiguous: write 1024 or 1.024.",
        "'1,024' är tvetydigt (tusental eller decimaler?): skriv 1024 eller 1.024.",
        "'1,024' er tvetydig (tusener eller desimaler?): skriv 1024 eller 1.024.",
    ),
    ("establishment-plan.csv", 5, 4, "funding", "invalid-enum"): (
        "funding must be one of 'investment', 'operations', not 'lån'.",
        "funding ska vara ett av 'investment', 'operations', inte 'lån'.",
        "funding skal være en av 'investment', 'operations', ikke 'lån'.",
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    study = tmp_path / "study"
    shutil.copytree(SAMPLES / "study", study)
    shutil.copytree(SAMPLES / "alternatives", tmp_path / "alternatives")
    for name, old, new in MISTAKES:
        path = study / name
        text = path.read_text("utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), "utf-8")
    return study


def _issues(folder: Path) -> list[Issue]:
    with pytest.raises(InvalidStudyInput) as caught:
        study_results(folder)
    return caught.value.report.errors


def test_every_mistake_in_the_study_files_reads_in_the_language(folder: Path) -> None:
    issues = _issues(folder)
    found = {
        (Path(i.file or "").name, i.line or 0, i.row, i.column or "", i.code.value): i
        for i in issues
    }
    assert sorted(found) == sorted(EXPECTED)
    for place, texts in EXPECTED.items():
        issue = found[place]
        assert issue.file == str(folder / place[0])
        langs: tuple[Lang, ...] = ("en", "sv", "no")
        for lang, text in zip(langs, texts, strict=True):
            message, hint = issue_texts(issue, lang)
            assert (message, hint) == (text, None)
            if lang != "en":
                assert not ENGLISH.search(message), message


@pytest.mark.parametrize(("lang", "error_word"), [("sv", "fel"), ("no", "feil")], ids=["sv", "no"])
def test_study_allocate_prints_the_mistakes_in_the_language(
    folder: Path, lang: str, error_word: str
) -> None:
    result = CliRunner().invoke(
        app, ["--lang", lang, "study", "allocate", str(folder)], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 1, result.output
    shown = " ".join(result.output.split())
    index = 1 if lang == "sv" else 2
    for (name, line, _, _, _), texts in EXPECTED.items():
        if name == "cost-sharing.yaml":
            assert f"{folder / name}:{line}" in shown
            assert texts[index] in shown
    assert f"{error_word} invalid-value" in shown
    printed = [text for text in result.output.splitlines() if "cost-sharing.yaml:" in text]
    assert len(printed) == 3
    for text in printed:
        assert not ENGLISH.search(text.split(": ", 1)[1]), text


def _potential_without(folder: Path, columns: int) -> Issue:
    """potential.csv with its last ``columns`` area columns cut off (areas.yaml keeps them)."""
    path = folder / "potential.csv"
    rows = [line.split(",") for line in path.read_text("utf-8").splitlines()]
    path.write_text("\n".join(",".join(row[:-columns]) for row in rows) + "\n", "utf-8")
    [issue] = [i for i in _issues(folder) if i.code.value == "missing-column"]
    assert (issue.file, issue.line) == (str(path), 1)
    return issue


@pytest.mark.parametrize(
    ("columns", "texts"),
    [
        (
            1,
            (
                "No column for area I.",
                "Ingen kolumn för området I.",
                "Ingen kolonne for området I.",
            ),
        ),
        (
            2,
            (
                "No column for areas H, I.",
                "Ingen kolumn för områdena H, I.",
                "Ingen kolonne for områdene H, I.",
            ),
        ),
    ],
)
def test_missing_area_columns_are_counted_in_the_language(
    tmp_path: Path, columns: int, texts: tuple[str, str, str]
) -> None:
    folder = tmp_path / "study"
    shutil.copytree(SAMPLES / "study", folder)
    shutil.copytree(SAMPLES / "alternatives", tmp_path / "alternatives")
    issue = _potential_without(folder, columns)
    langs: tuple[Lang, ...] = ("en", "sv", "no")
    for lang, text in zip(langs, texts, strict=True):
        assert issue_texts(issue, lang)[0] == text


def test_an_unscored_criterion_is_named_in_the_singular(tmp_path: Path) -> None:
    folder = tmp_path / "study"
    shutil.copytree(SAMPLES / "study", folder)
    shutil.copytree(SAMPLES / "alternatives", tmp_path / "alternatives")
    path = folder / "alternatives-ggvvh.yaml"
    old = '{"1": 3, "2": 4, "3": 3, "4": 2, "5": 2, "6": 4, "7": 4}'
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, old.replace('"7"', '"8"')), "utf-8")
    [issue] = [i for i in _issues(folder) if i.code.value == "missing-value"]
    alternative = issue.params["alternative"]
    assert issue_texts(issue, "en")[0] == f"{alternative} has no score for criterion 7."
    assert issue_texts(issue, "sv")[0] == f"{alternative} saknar poäng för kriteriet 7."
    assert issue_texts(issue, "no")[0] == f"{alternative} mangler poeng for kriteriet 7."
