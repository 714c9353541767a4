"""Labels and sentences of diagrams, reports and the command line in English, Swedish and
Norwegian (bokmål).

Every heading, column label, table value and generated sentence goes through :func:`t`,
which looks its key up in the gettext catalogues (``inventory/locale/<code>/LC_MESSAGES/
inventory.po``, compiled to ``.mo``: see ``language.catalogues``, where a translator edits
them). Tests fail on a key without a text in every language.

>>> t("report.contents", "sv")
'Innehåll'
>>> t("diagram.more_items", "no", count=42, what="servere")
'42 flere servere'
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Final, Literal, get_args

from inventory.errors import RenderError, Said
from inventory.language import catalogues
from inventory.language.catalogues import LOCALE_CODES, mo_path

Lang = Literal["en", "sv", "no"]
"""A report language: English, Swedish or Norwegian (bokmål)."""

LANGUAGES: Final[tuple[Lang, ...]] = get_args(Lang)

_LANG_ALIASES: Final[dict[str, Lang]] = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "sv": "sv",
    "se": "sv",
    "swe": "sv",
    "svenska": "sv",
    "swedish": "sv",
    "no": "no",
    "nb": "no",
    "nn": "no",
    "nor": "no",
    "norsk": "no",
    "norwegian": "no",
}


def parse_lang(text: str) -> Lang:
    """Return the report language for ``en``/``sv``/``no`` and common spellings (``nb``, ``se``).

    Raises :class:`RenderError` naming the accepted values when ``text`` is none of them.
    """
    lang = _LANG_ALIASES.get(text.strip().lower())
    if lang is None:
        shown, accepted = repr(text), ", ".join(LANGUAGES)
        raise RenderError(
            Said("error.lang.unknown", {"text": shown}, f"unknown report language {shown}"),
            hint=Said("error.lang.use_one_of", {"languages": accepted}, f"use one of: {accepted}"),
        )
    return lang


#: The catalogue last read per language, with the folder it was read from: ``t`` runs for
#: every cell of a report (hundreds of thousands of calls), so the path is not rebuilt
#: per call; a test that points ``catalogues.LOCALE_DIR`` elsewhere gets that folder's.
_LOADED: dict[str, tuple[Path, dict[str, str]]] = {}


def _catalogue(lang: Lang) -> dict[str, str]:
    """The messages of ``lang``'s compiled catalogue (key → text)."""
    folder = catalogues.LOCALE_DIR
    loaded = _LOADED.get(lang)
    if loaded is not None and loaded[0] is folder:
        return loaded[1]
    messages = _read_mo(mo_path(lang))
    _LOADED[lang] = (folder, messages)
    return messages


@cache
def _read_mo(path: Path) -> dict[str, str]:
    """The messages of one ``.mo`` file, read once per path (a test may point the
    catalogues elsewhere: another path is another entry)."""
    with path.open("rb") as file:
        translations = gettext.GNUTranslations(file)
    # (GNUTranslations.gettext cannot tell a missing key from its text: read the table)
    table = translations._catalog  # type: ignore[attr-defined]
    catalogue: dict[str, str] = {str(key): str(text) for key, text in table.items() if key}
    return catalogue


def t(key: str, lang: Lang, **params: object) -> str:
    """Return the text of ``key`` in ``lang``, with ``{placeholders}`` filled from params.

    Raises :class:`RenderError` for an unknown key (a programming error caught by tests).
    """
    catalogue = _catalogue(lang)
    text = catalogue.get(key)
    if text is None and "count" in params:
        text = catalogue.get(plural_key(key, params["count"]))
    if text is None:
        raise _no_translation(key)
    return text.format(**params) if params else text


def template(key: str, lang: Lang, count: object = None) -> str:
    """The unfilled text of ``key`` in ``lang`` (for a caller that fills it itself); a
    plural message's form for ``count`` (see ``plural_key``) when ``key`` has no plain
    text. Raises :class:`RenderError` for an unknown key."""
    catalogue = _catalogue(lang)
    text = catalogue.get(key)
    if text is None and count is not None:
        text = catalogue.get(plural_key(key, count))
    if text is None:
        raise _no_translation(key)
    return text


def _no_translation(key: str) -> RenderError:
    """A message key without a text: a bug (or a damaged installation), to report."""
    shown = repr(key)
    return RenderError(
        Said("error.lang.no_label", {"label": shown}, f"no translation for label {shown}"),
        hint=Said("cli.report_bug", {}, "Please report this with the command you ran."),
    )


#: The two forms of a plural message: ``<key>.one`` for a count of 1, ``<key>.other`` for
#: every other count (0 included). English, Swedish and Norwegian all have these two.
PLURAL_FORMS: Final = ("one", "other")


def plural_key(key: str, count: object) -> str:
    """The key of the form of plural message ``key`` that ``count`` takes: ``<key>.one``
    for 1, ``<key>.other`` for any other number. ``count`` may already be written as text
    (``"1"``, ``"7 399"``): 1 is written ``1`` in every language.

    A plural message is two messages, ``<key>.one`` and ``<key>.other``, and is asked for
    by its ``key`` with a ``count`` parameter: ``t("report.rows", "sv", count=1)`` is
    ``1 rad``, with ``count=3`` it is ``3 rader``.

    >>> plural_key("report.rows", 1), plural_key("report.rows", "7 399")
    ('report.rows.one', 'report.rows.other')
    """
    one = count == 1 if isinstance(count, int | float) else str(count).strip() == "1"
    return f"{key}.{PLURAL_FORMS[0] if one else PLURAL_FORMS[1]}"


_UNTRANSLATED: set[str] = set()


def code_text(family: str, code: str, lang: Lang) -> str:
    """The text of a code value (``code.<family>.<code>``) in ``lang``; codes joined by
    ``;`` each. A code without a text shows as itself and is remembered
    (``untranslated_codes``): the report tests fail on it.

    >>> code_text("example", "not_a_code", "sv")
    'not_a_code'
    """
    if ";" in code:
        return "; ".join(
            code_text(family, part.strip(), lang) for part in code.split(";") if part.strip()
        )
    key = f"code.{family}.{code}"
    text = _catalogue(lang).get(key)
    if text is None:
        _UNTRANSLATED.add(key)
        return code
    return text


def untranslated_codes() -> frozenset[str]:
    """The code keys ``code_text`` was asked for and found no text of (in this process)."""
    return frozenset(_UNTRANSLATED)


def plural_keys() -> tuple[str, ...]:
    """Every plural message (asked for by ``key`` with a ``count``: see ``plural_key``), i.e.
    every key with a ``.one`` form (``.other`` alone is also a word: ``code.capability.other``)."""
    suffix = "." + PLURAL_FORMS[0]
    return tuple(sorted(key[: -len(suffix)] for key in _catalogue("en") if key.endswith(suffix)))


def translation_keys() -> tuple[str, ...]:
    """Every label key, for completeness tests and for listing what can be translated."""
    return tuple(sorted(_catalogue("en")))


def translations(key: str) -> dict[Lang, str]:
    """The texts of one key in every language (empty where a language lacks it)."""
    return {lang: _catalogue(lang).get(key, "") for lang in LANGUAGES}


def code_families() -> dict[str, tuple[str, ...]]:
    """Every code family of the catalogues (``code.<family>.<code>``) with its codes."""
    families: dict[str, list[str]] = {}
    for key in _catalogue("en"):
        if key.startswith("code."):
            family, _, code = key[len("code.") :].partition(".")
            families.setdefault(family, []).append(code)
    return {family: tuple(codes) for family, codes in sorted(families.items())}


assert set(LOCALE_CODES) == set(LANGUAGES)
