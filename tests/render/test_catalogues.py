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
        'msgid "report.rows.other"\nmsgstr "{count} rader"',
        'msgid "report.rows.other"\nmsgstr "{antall} rader"',
    )
    problems = [(p.lang, p.key, p.problem.split(":")[0]) for p in catalogue_problems()]
    assert (
        "no",
        "report.rows.other",
        "placeholders ['antall'] differ from the English ['count']",
    ) in problems
    assert ("no", "*", "the .mo file is out of date") in problems
    compile_catalogues(["no"])
    assert ("no", "*", "the .mo file is out of date") not in [
        (p.lang, p.key, p.problem.split(":")[0]) for p in catalogue_problems()
    ]


def test_every_plural_message_has_both_forms_in_every_language() -> None:
    """A plural message (``<key>.one`` / ``<key>.other``, chosen by ``{count}``) has both
    forms in English, Swedish and Norwegian, with the same placeholders, and no plain
    ``<key>`` beside them (which ``t`` would show for every count)."""
    from inventory.language.i18n import plural_keys

    keys = plural_keys()
    assert {"report.rows", "rb.intro", "cli.count.file"} <= set(keys)
    for lang in ("en", "sv", "no"):
        texts = messages(lang)
        for key in keys:
            one, other = texts.get(f"{key}.one", ""), texts.get(f"{key}.other", "")
            assert one.strip() and other.strip(), (lang, key)
            assert key not in texts, (lang, key)
            assert catalogues.placeholders(one) == catalogues.placeholders(other), (lang, key)


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "1 municipality (A), inventory", "2 municipalities (A, B), inventory"),
        ("sv", "1 kommun (A), inventering", "2 kommuner (A, B), inventering"),
        ("no", "1 kommune (A), kartlegging", "2 kommuner (A, B), kartlegging"),
    ],
)
def test_a_plural_message_reads_right_for_one_and_for_many(lang: str, one: str, many: str) -> None:
    from inventory.language.i18n import parse_lang, t
    from inventory.messages import Message, message_text

    code = parse_lang(lang)
    assert t("rb.intro", code, count=1, names="A", date="x").startswith(one)
    assert t("rb.intro", code, count=2, names="A, B", date="x").startswith(many)
    # a message handed over by an analysis, its count written as the language writes it
    text = message_text(Message("report.rows", {"count": 7399}), code)
    assert text == {"en": "7,399 rows", "sv": "7\xa0399 rader", "no": "7\xa0399 rader"}[lang]
    assert (
        message_text(Message("report.rows", {"count": 1}), code)
        == {
            "en": "1 row",
            "sv": "1 rad",
            "no": "1 rad",
        }[lang]
    )


def test_no_placeholder_takes_the_name_of_an_argument_of_t() -> None:
    """``t(key, lang, **params)``: a message with a ``{key}`` or ``{lang}`` placeholder
    cannot be filled (``t() got multiple values for argument 'key'``, seen in
    ``study allocate --key nope``). Issue templates (``issue.*``) are filled by
    ``issues.template_texts`` from a mapping, where any name is free."""
    clashing = {
        (key, name)
        for key, text in messages("en").items()
        if not key.startswith("issue.")
        for name in catalogues.placeholders(text)
        if name in {"key", "lang"}
    }
    assert clashing == set()
