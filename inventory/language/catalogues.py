"""The message catalogues: gettext ``.po`` files a translator edits, ``.mo`` files read at run time.

Every label and sentence of the reports, diagrams and command line is a message whose id is
a dotted key (``report.contents``); its text per language is in
``inventory/locale/<code>/LC_MESSAGES/inventory.po`` (``en``, ``sv``, ``nb``: Norwegian
bokmål). In the Swedish and Norwegian files each message carries the English text as a
comment (``#. English: ...``) so that a translator sees what to translate. ``{name}``
placeholders are filled by ``i18n.t``.

Babel reads and writes the files; the run-time lookup (``i18n.t``) needs only the compiled
``.mo`` files and the standard library's ``gettext``. After editing a ``.po`` file::

    python -m inventory.language.catalogues compile   # writes the .mo files
    python -m inventory.language.catalogues check     # what is missing or out of date

``tests/render/test_catalogues.py`` fails on a message without a translation, on
placeholders that differ between languages and on a ``.mo`` file older than its ``.po``.
"""

from __future__ import annotations

import datetime as dt
import io
import string
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # Babel is imported where a catalogue is read or written, not by ``t``
    from babel.messages.catalog import Catalog

#: Where the catalogues are (installed with the package).
LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"
DOMAIN: Final = "inventory"
#: The gettext locale code of each report language (``no`` is Norwegian bokmål: ``nb``).
LOCALE_CODES: Final[dict[str, str]] = {"en": "en", "sv": "sv", "no": "nb"}
#: The Babel locale of each report language, for numbers and dates.
BABEL_LOCALES: Final[dict[str, str]] = {"en": "en_GB", "sv": "sv_SE", "no": "nb_NO"}
_ENGLISH: Final = "English: "
_WIDTH: Final = 100
_DATE: Final = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)  # fixed: a rewrite changes no header
_HEADER: Final = """\
# Messages of the inventory tool (reports, diagrams, command line), MIT licence.
# The message id is a key; the text follows it. Placeholders in braces ({count}) stay
# as they are. After editing: python -m inventory.language.catalogues compile"""


def po_path(lang: str) -> Path:
    """The ``.po`` file of report language ``lang`` (``en``, ``sv``, ``no``)."""
    return LOCALE_DIR / LOCALE_CODES[lang] / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    """The compiled ``.mo`` file of ``lang``, beside its ``.po`` file."""
    return po_path(lang).with_suffix(".mo")


def read_catalogue(lang: str) -> Catalog:
    """The ``.po`` catalogue of ``lang`` as Babel reads it."""
    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as file:
        return read_po(file, locale=LOCALE_CODES[lang], domain=DOMAIN)


def messages(lang: str) -> dict[str, str]:
    """Every message id of ``lang``'s catalogue with its text (empty when untranslated)."""
    return {str(message.id): str(message.string) for message in read_catalogue(lang) if message.id}


def _catalogue(lang: str, texts: Mapping[str, str], english: Mapping[str, str]) -> Catalog:
    from babel.messages.catalog import Catalog

    catalogue = Catalog(
        locale=LOCALE_CODES[lang],
        domain=DOMAIN,
        project="inventory",
        version="1",
        copyright_holder="the inventory contributors",
        msgid_bugs_address="the project's issue tracker",
        header_comment=_HEADER,
        creation_date=_DATE,
        revision_date=_DATE,
        last_translator="the inventory contributors",
        language_team="the inventory contributors",
        charset="utf-8",
        fuzzy=False,
    )
    for key in sorted(texts):
        comments = [] if lang == "en" else [_ENGLISH + english.get(key, "")]
        catalogue.add(key, texts[key], auto_comments=comments)
    return catalogue


def write_catalogues(texts: Mapping[str, Mapping[str, str]]) -> None:
    """Write the ``.po`` and ``.mo`` file of every language from ``texts`` (language →
    key → text); English comments in the others come from ``texts["en"]``."""
    from babel.messages.pofile import write_po

    for lang, by_key in texts.items():
        catalogue = _catalogue(lang, by_key, texts["en"])
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        write_po(buffer, catalogue, width=_WIDTH, omit_header=False, include_previous=False)
        path.write_bytes(buffer.getvalue())
    compile_catalogues(texts)


def compiled(lang: str) -> bytes:
    """The ``.mo`` bytes ``lang``'s ``.po`` file compiles to."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(lang), use_fuzzy=False)
    return buffer.getvalue()


def compile_catalogues(languages: Iterable[str] = LOCALE_CODES) -> list[Path]:
    """Compile every ``.po`` file to its ``.mo`` file; the files written."""
    written = []
    for lang in languages:
        path = mo_path(lang)
        data = compiled(lang)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(path)
    return written


def _mo_messages(lang: str) -> dict[str, str]:
    """The messages of the compiled ``.mo`` file (compared by content: Babel versions write
    the same catalogue with other bytes)."""
    import gettext

    with mo_path(lang).open("rb") as file:
        table = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    return {str(key): str(text) for key, text in table.items() if key}


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of ``text``."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True)
class CatalogueProblem:
    """One thing wrong with the catalogues: the language, the message id and what."""

    lang: str
    key: str
    problem: str

    def __str__(self) -> str:
        return f"{po_path(self.lang).relative_to(LOCALE_DIR.parent)}: {self.key}: {self.problem}"


def catalogue_problems() -> list[CatalogueProblem]:
    """Messages missing or untranslated in a language, placeholders that differ from the
    English text's, messages no English text has, and ``.mo`` files out of date."""
    english = messages("en")
    problems = []
    for lang in LOCALE_CODES:
        texts = english if lang == "en" else messages(lang)
        for key, text in english.items():
            if not texts.get(key, "").strip():
                problems.append(CatalogueProblem(lang, key, "no translation"))
            elif placeholders(texts[key]) != placeholders(text):
                problems.append(
                    CatalogueProblem(
                        lang,
                        key,
                        f"placeholders {sorted(placeholders(texts[key]))} differ from"
                        f" the English {sorted(placeholders(text))}",
                    )
                )
        problems += [
            CatalogueProblem(lang, key, "not in the English catalogue")
            for key in sorted(texts.keys() - english.keys())
        ]
        if not mo_path(lang).exists() or _mo_messages(lang) != {
            key: text for key, text in texts.items() if text
        }:
            problems.append(
                CatalogueProblem(
                    lang,
                    "*",
                    "the .mo file is out of date: run"
                    " python -m inventory.language.catalogues compile",
                )
            )
    return problems


def main(arguments: list[str]) -> int:
    """``compile`` or ``check`` (see the module docstring)."""
    if arguments == ["compile"]:
        for path in compile_catalogues():
            print(f"wrote {path}")
        return 0
    if arguments == ["check"]:
        problems = catalogue_problems()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    print("usage: python -m inventory.language.catalogues compile|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
