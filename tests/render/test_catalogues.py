"""The gettext catalogues: complete in every language, placeholders alike, .mo up to date."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inventory.language import catalogues
from inventory.language.catalogues import catalogue_problems, compile_catalogues, messages


def test_the_catalogues_shipped_have_no_problem() -> None:
    assert [str(problem) for problem in catalogue_problems()] == []


def test_every_language_has_the_english_messages() -> None:
    english = messages("en")
    assert len(english) > 200
    for lang in ("sv", "no"):
        assert messages(lang).keys() == english.keys()


@pytest.fixture()
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "locale"
    shutil.copytree(catalogues.LOCALE_DIR, copy)
    monkeypatch.setattr(catalogues, "LOCALE_DIR", copy)
    return copy


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_message_without_translation_is_named(locale_copy: Path) -> None:
    swedish = locale_copy / "sv" / "LC_MESSAGES" / "inventory.po"
    _replace(
        swedish,
        'msgid "section.summary"\nmsgstr "Sammanfattning"',
        'msgid "section.summary"\nmsgstr ""',
    )
    compile_catalogues(["sv"])
    problems = [(p.lang, p.key, p.problem) for p in catalogue_problems()]
    assert problems == [("sv", "section.summary", "no translation")]


def test_placeholders_that_differ_and_a_stale_mo_are_named(locale_copy: Path) -> None:
    norwegian = locale_copy / "nb" / "LC_MESSAGES" / "inventory.po"
    _replace(
        norwegian,
        'msgid "report.rows"\nmsgstr "{count} rader"',
        'msgid "report.rows"\nmsgstr "{antall} rader"',
    )
    problems = [(p.lang, p.key, p.problem.split(":")[0]) for p in catalogue_problems()]
    assert (
        "no",
        "report.rows",
        "placeholders ['antall'] differ from the English ['count']",
    ) in problems
    assert ("no", "*", "the .mo file is out of date") in problems
    compile_catalogues(["no"])
    assert ("no", "*", "the .mo file is out of date") not in [
        (p.lang, p.key, p.problem.split(":")[0]) for p in catalogue_problems()
    ]
