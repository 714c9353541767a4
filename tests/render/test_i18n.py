"""Fixed labels exist in English, Swedish and Norwegian, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from inventory.errors import RenderError
from inventory.language.i18n import LANGUAGES, parse_lang, t, translation_keys, translations


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", translation_keys())
def test_every_key_has_every_language_with_the_same_placeholders(key: str) -> None:
    texts = translations(key)
    assert set(texts) == set(LANGUAGES) == {"en", "sv", "no"}
    assert all(text.strip() for text in texts.values()), key
    assert placeholders(texts["sv"]) == placeholders(texts["en"]) == placeholders(texts["no"])


def test_translation() -> None:
    assert t("section.summary", "en") == "Executive summary"
    assert t("section.summary", "sv") == "Sammanfattning"
    assert t("section.summary", "no") == "Sammendrag"
    assert t("report.rows", "sv", count=3) == "3 rader"


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(RenderError, match="no translation"):
        t("section.nope", "en")


@pytest.mark.parametrize(
    ("text", "lang"), [("en", "en"), ("SV", "sv"), ("nb", "no"), ("norsk", "no"), (" se ", "sv")]
)
def test_parse_lang(text: str, lang: str) -> None:
    assert parse_lang(text) == lang


def test_parse_lang_refuses_unknown() -> None:
    with pytest.raises(RenderError) as raised:
        parse_lang("de")
    assert raised.value.hint == "use one of: en, sv, no"
