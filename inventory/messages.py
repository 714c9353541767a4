"""Sentences the analyses hand to the reports as templates, not as finished English.

A :class:`Message` is a catalogue key (``gap.note.no_datacentres``) and its parameters; the
report shows it in its own language (``messages.message_text``), ``str(message)``
gives the English text (JSON, CLI output and callers that only print keep working). A
parameter that is itself a code (an action, a capability) is a :class:`Code`, translated
with the message; a parameter may also be another message (a reason inside a sentence).

>>> str(Message("gs.compute.nothing_moves", {"where": "Gnosjö"}))
'No virtual server moves onto the clusters at Gnosjö.'

Showing the analyses' messages (``inventory.messages``) in a report language.

:func:`message_text` fills a message's template (``i18n.t``) with its parameters, each
shown in the same language: a :class:`~inventory.messages.Code` as its code text, a
nested message as its own text, a number with the language's separators, a date in the
language's short form (years are passed as text). :func:`cell_texts` does it for a table
column: each distinct value once, then mapped (a column of a few thousand rows has a few
dozen distinct reasons).

>>> from inventory.messages import Code, Message
>>> message_text(Message("gs.compute.nothing_moves", {"where": "Gnosjö"}), "sv")
'Ingen virtuell server flyttas till klustren i Gnosjö.'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Union

from inventory.language.i18n import Lang, code_text, t


@dataclass(frozen=True)
class Code:
    """A code value of a code family (``Code("action", "os_upgrade")``), shown translated.

    ``code_in_english``: English shows the code itself (``hypervisor``), as output that
    scripts read always has; Swedish and Norwegian show its text (``Virtualisering``)."""

    family: str
    value: str
    code_in_english: bool = False

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The code as the reader of ``lang`` sees it."""
        if self.code_in_english and lang == "en":
            return self.value
        return code_text(self.family, self.value, lang)


@dataclass(frozen=True)
class Texts:
    """A text the user wrote in each language (a mapping profile's skip ``reason``): shown
    in the reader's language, in English where the user gave no text for it.

    >>> Texts("personal devices", sv="privata enheter").text("sv"), str(Texts("personal"))
    ('privata enheter', 'personal')
    """

    en: str
    sv: str | None = None
    no: str | None = None

    def __str__(self) -> str:
        return self.en

    def text(self, lang: Lang) -> str:
        """The text of ``lang``, else the English one."""
        given: str | None = getattr(self, lang)
        return given or self.en


Param = Union[str, int, float, dt.date, Code, Texts, "Message", "MessageList"]


@dataclass(frozen=True)
class Message:
    """A sentence as a catalogue key and its parameters (``{name}`` placeholders)."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def __hash__(self) -> int:  # (params is a dict: hashed by its items, once)
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.key, tuple(sorted(self.params.items(), key=lambda kv: kv[0]))))
            object.__setattr__(self, "_hash", cached)  # a table hashes each row's message
        return cached

    def __str__(self) -> str:
        from inventory.messages import message_text

        return message_text(self, "en")

    def to_json(self) -> dict[str, Any]:
        """The English text, the key and the parameters (codes as their values)."""
        return {
            "text": str(self),
            "key": self.key,
            "params": {name: _json_param(value) for name, value in self.params.items()},
        }


@dataclass(frozen=True)
class MessageList:
    """Messages shown one after the other, joined by ``separator`` (``"; "``)."""

    parts: tuple[Message, ...]
    separator: str = "; "

    def __str__(self) -> str:
        return self.separator.join(str(part) for part in self.parts)

    def to_json(self) -> dict[str, Any]:
        """The English text and each part."""
        return {"text": str(self), "parts": [part.to_json() for part in self.parts]}


def _json_param(value: Param) -> Any:
    if isinstance(value, Code):
        return value.value
    if isinstance(value, Texts):
        return {lang: text for lang, text in vars(value).items() if text is not None}
    if isinstance(value, Message | MessageList):
        return value.to_json()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def english(values: Iterable[object]) -> list[str]:
    """The English text of each value (a message's ``str``, each distinct message rendered
    once: a column of many rows holds few distinct sentences); text as it is, a missing
    value as ``""``."""
    texts: dict[object, str] = {}
    out: list[str] = []
    for value in values:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, Message | MessageList | Code | Texts):
            text = texts.get(value)
            if text is None:
                text = texts[value] = str(value)
            out.append(text)
        else:
            out.append("" if value is None or value != value else str(value))  # NaN != NaN
    return out


def plain(value: object) -> object:
    """``value`` with a message as its English text (for CSV cells and plain JSON)."""
    return str(value) if isinstance(value, Message | MessageList | Code | Texts) else value


# -- showing messages in a language --------------------------------------------------------


@cache
def _number_format() -> Callable[[float, Lang, int], str]:
    """``formatting.format_number``, imported on first use (it loads Babel: not at start)
    and then held: an import statement per parameter cost more than the formatting."""
    from inventory.language.formatting import format_number

    return format_number


def _number(value: float, lang: Lang) -> str:
    format_number = _number_format()
    if float(value).is_integer():
        return format_number(float(value), lang, 0)
    text = format_number(float(value), lang, 2)
    return text.rstrip("0").rstrip(".,")


def param_text(value: Param, lang: Lang) -> str:
    """One parameter as the reader sees it in ``lang``."""
    if isinstance(value, Code | Texts):
        return value.text(lang)
    if isinstance(value, Message):
        return message_text(value, lang)
    if isinstance(value, MessageList):
        return value.separator.join(message_text(part, lang) for part in value.parts)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return _number(value, lang)
    if isinstance(value, dt.date):  # the locale's short form, as the tables' dates
        from inventory.language.formatting import format_date  # Babel: only when shown

        return format_date(value, lang)
    return value


def message_text(message: Message | MessageList, lang: Lang) -> str:
    """The text of ``message`` in ``lang`` (``str(message)`` is the English one)."""
    if isinstance(message, MessageList):
        return param_text(message, lang)
    params = {name: param_text(value, lang) for name, value in message.params.items()}
    return t(message.key, lang, **params)


def cell_texts(values: Sequence[object], lang: Lang) -> list[object]:
    """``values`` with every message (or list of messages) as its text in ``lang``; other
    values as they are. Each distinct message is rendered once."""
    texts: dict[Message | MessageList, str] = {}
    out: list[object] = []
    for value in values:
        if isinstance(value, Message | MessageList):
            text = texts.get(value)
            if text is None:
                text = texts[value] = message_text(value, lang)
            out.append(text)
        else:
            out.append(value)
    return out
