"""The line a Ctrl-C prints at this moment of a command: it says what the command kept.

A command notes what it has written as it goes (``note``); the handlers that catch a
Ctrl-C outside the command's own ``try`` (while typer dispatches or returns, after the
result was printed) print ``message()`` rather than a bare "Interrupted.".

The line is in the command line's language (the global ``--lang`` or ``INVENTORY_LANG``,
read before click parses: ``early_lang``), also while the libraries load
(``starting_line``). This module loads no more than the catalogues.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from inventory.errors import RenderError
from inventory.language.i18n import Lang, parse_lang, t

#: The catalogue keys of the lines a command does not word itself.
UNKNOWN: Final = "cli.interrupted"
#: Said when nothing has been written yet (a command notes it before it writes anything).
NOTHING_WRITTEN: Final = "cli.interrupted.nothing_written"
#: The English start-up line, written before anything is loaded (the catalogue's text).
STARTING_EN: Final = b"Interrupted: nothing was written.\n"

#: Root options that take a value (``--db --lang`` is a --db of "--lang").
_VALUED_ROOT_OPTIONS: Final = ("--db", "--lang")

_key: str = UNKNOWN
_text: str | None = None
_lang: Lang = "en"


def early_lang(args: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language of the global ``--lang`` among ``args`` before the command name
    (``inventory --help --lang sv`` too), else of ``INVENTORY_LANG``, else English. A value
    that is no language counts as none here: the option itself reports it."""
    given: str | None = environ.get("INVENTORY_LANG")
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            break
        if arg.startswith("--lang="):
            given = arg.partition("=")[2]
        elif arg in _VALUED_ROOT_OPTIONS:
            if arg == "--lang" and index + 1 < len(args):
                given = args[index + 1]
            index += 1
        elif not arg.startswith("-"):
            break  # the command name: what follows is the command's
        index += 1
    if given is None:
        return "en"
    try:
        return parse_lang(given)
    except RenderError:
        return "en"


def starting_line(lang: Lang) -> bytes:
    """The line for a Ctrl-C while the libraries load (nothing written), as bytes."""
    if lang == "en":
        return STARTING_EN
    return f"{t(NOTHING_WRITTEN, lang)}\n".encode()


def note(message: str) -> None:
    """What a Ctrl-C from now on should say: a text in the command line's language (e.g.
    that an import was stored), or ``UNKNOWN`` / ``NOTHING_WRITTEN``."""
    global _key, _text
    if message in (UNKNOWN, NOTHING_WRITTEN):
        _key, _text = message, None
    else:
        _text = message


def reset(lang: Lang | None = None) -> None:
    """A new command starts (in ``lang``, when given): nothing is known yet."""
    global _lang
    if lang is not None:
        _lang = lang
    note(UNKNOWN)


def message(lang: Lang | None = None) -> str:
    """The line to print for a Ctrl-C now (a noted key in ``lang``, else in the language of
    the command line that started)."""
    if _text is not None:
        return _text
    return t(_key, lang or _lang)
