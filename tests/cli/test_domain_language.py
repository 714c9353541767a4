"""Texts the analyses word (propose-target's reasoning, normalise's notes, risk labels,
study quarters) reach the reader in the reader's language, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from inventory.cli.app import app


def _propose(db: str, lang: str, tmp_path: Path) -> str:
    result = CliRunner().invoke(app, ["--db", db, "--lang", lang, "propose-target", "--date",
                                      "2026-12-01"],
                                env={"COLUMNS": "400"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", ["minst migreringsinsats", "används av", "kommuner på", "livscykel",
            "alternativ:", "flest användare"]),
    ("no", ["minst migreringsinnsats", "brukes av", "kommuner på", "livssyklus",
            "alternativer:", "flest brukere"]),
])
def test_propose_target_reasoning_in_the_language(samples_db: str, tmp_path: Path, lang: str,
                                                  words: list[str]) -> None:
    printed = _propose(samples_db, lang, tmp_path)
    for word in words:
        assert word in printed, word
    for english in ("least migration effort", "used by", "municipalities on", "lifecycle ",
                    "alternatives:", "no alternative in use", "most users", "replaces",
                    "oldest cycle in use", "newest cycle in use", "supported through"):
        assert english not in printed, english


def test_propose_target_reasoning_in_english(samples_db: str, tmp_path: Path) -> None:
    printed = _propose(samples_db, "en", tmp_path)
    for word in ("least migration effort", "municipalities on", "alternatives:", "most users"):
        assert word in printed, word


STUDY = Path(__file__).resolve().parents[2] / "samples" / "study"


@pytest.mark.parametrize(("lang", "first"), [
    ("en", "Q1 2009"), ("sv", "kv. 1 2009"), ("no", "1. kv. 2009")])
def test_study_quarters_in_the_language(lang: str, first: str) -> None:
    # samples/study/establishment-plan.csv: sub-project 15.1 starts "1. kv -2009"
    result = CliRunner().invoke(app, ["--lang", lang, "study", "all", str(STUDY)],
                                env={"COLUMNS": "300"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert first in result.stdout
    assert "2009Q1" not in result.stdout
