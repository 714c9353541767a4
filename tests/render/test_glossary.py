"""docs/glossary.md and the message catalogues say the same: each glossary term is in the
text of every message id listed for it, and the words it rules out are in no message of
that language's catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inventory.language.catalogues import messages
from inventory.language.i18n import LANGUAGES, Lang, translations

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"
_COLUMNS = {"en": 0, "sv": 1, "no": 2}


def _rows() -> list[list[str]]:
    lines = [
        line
        for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| ---")
    ]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[1:]]


def _plain(text: str) -> str:
    return text.lower().replace("-", " ")


def _ruled_out(cell: str) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in cell.split(";"))):
        lang, _, listed = part.partition(":")
        words.setdefault(lang.strip(), []).extend(w.strip() for w in listed.split(","))
    return words


def test_the_glossary_has_the_key_terms() -> None:
    english = {row[0] for row in _rows()}
    assert {"inventory", "asset", "readiness", "criticality", "link", "end of life"} <= english
    assert all(len(row) == 6 and row[4] and row[5] for row in _rows())


@pytest.mark.parametrize("row", _rows(), ids=lambda row: row[0])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_term_is_what_its_messages_say(row: list[str], lang: Lang) -> None:
    term = _plain(row[_COLUMNS[lang]])
    for key in (k.strip() for k in row[4].split(",")):
        text = translations(key)[lang]
        assert term in _plain(text), f"{key} ({lang}): {text!r} lacks {term!r}"


#: Messages where a ruled-out word means something else, by key prefix and word: the
#: glossary rules out Norwegian "lenke" for a network link and "inventar" for a study's
#: inventory, not for a file system's link or an asset tag.
OTHER_SENSE = {
    ("error.os.", "lenke"): "a file system's link: 'symbolsk lenke', 'hard lenke'",
    ("field.description.client.id", "inventar"): "'inventarnummer', a device's asset tag",
}


def _other_sense(key: str, word: str) -> bool:
    return any(key.startswith(prefix) and word == ruled for prefix, ruled in OTHER_SENSE)


@pytest.mark.parametrize("lang", ["sv", "no"])
def test_ruled_out_words_are_in_no_catalogue_message(lang: Lang) -> None:
    words = [word for row in _rows() for word in _ruled_out(row[3]).get(lang, [])]
    assert words
    found = [
        (key, word)
        for key, text in messages(lang).items()
        for word in words
        if re.search(r"\b" + re.escape(word), text, re.IGNORECASE) and not _other_sense(key, word)
    ]
    assert found == []
    # every exception is still needed: it names a message that holds its word
    for prefix, word in OTHER_SENSE:
        assert any(
            key.startswith(prefix) and re.search(r"\b" + word, text, re.IGNORECASE)
            for key, text in messages("no").items()
        ), (prefix, word)


def test_a_ruled_out_word_would_be_found() -> None:
    # the check above on a text of our own: "Modenhet" matches "modenhet", "Lenker" "lenke"
    assert re.search(r"\bmodenhet", "Modenhet per kommune", re.IGNORECASE)
    assert re.search(r"\blenke", "Lenker", re.IGNORECASE)
    assert _ruled_out("sv: mognad; no: modenhet, lenke") == {
        "sv": ["mognad"],
        "no": ["modenhet", "lenke"],
    }
