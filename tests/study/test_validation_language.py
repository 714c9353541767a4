"""A study file's bad value is said in our own words in the reader's language (not
pydantic's "Input should be a valid number"), with the value; English as well."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "study"

#: potential.csv line 2: Gislaved's score for area A written as a word.
EXPECTED = {
    "en": "Potential score: the value must be a number, not 'nittio'.",
    "sv": "Potentialpoäng: värdet ska vara ett tal, inte 'nittio'.",
    "no": "Potensialpoeng: verdien skal være et tall, ikke 'nittio'.",
}


@pytest.mark.parametrize("lang", ["en", "sv", "no"])
def test_a_score_that_is_no_number_reads_in_the_language(lang: str, tmp_path: Path) -> None:
    folder = tmp_path / "study"
    shutil.copytree(SAMPLES, folder)
    potential = folder / "potential.csv"
    text = potential.read_text(encoding="utf-8")
    assert "\ngislaved,90," in text
    potential.write_text(text.replace("\ngislaved,90,", "\ngislaved,nittio,"), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--lang", lang, "study", "potential", str(folder)], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 1, result.output
    shown = " ".join(result.output.split())
    assert f"{potential}:2" in shown
    assert EXPECTED[lang] in shown
    assert "Input should" not in shown
