"""Showing the analyses' messages (``inventory.messages``) in a report language.

:func:`message_text` fills a message's template (``i18n.t``) with its parameters, each
shown in the same language: a :class:`~inventory.messages.Code` as its code text, a
nested message as its own text, a number with the language's separators (years and dates
are passed as text). :func:`cell_texts` does it for a table column: each distinct value
once, then mapped (a column of a few thousand rows has a few dozen distinct reasons).

>>> from inventory.messages import Code, Message
>>> message_text(Message("gs.compute.nothing_moves", {"where": "Gnosjö"}), "sv")
'Ingen virtuell server flyttas till klustren i Gnosjö.'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from inventory.messages import Code, Message, MessageList, Param
from inventory.render.i18n import Lang, code_text, t


@cache
def _number_format() -> Callable[[float, Lang, int], str]:
    """``formatting.format_number``, imported on first use (it loads Babel: not at start)
    and then held: an import statement per parameter cost more than the formatting."""
    from inventory.render.formatting import format_number

    return format_number


def _number(value: float, lang: Lang) -> str:
    format_number = _number_format()
    if float(value).is_integer():
        return format_number(float(value), lang, 0)
    text = format_number(float(value), lang, 2)
    return text.rstrip("0").rstrip(".,")


def param_text(value: Param, lang: Lang) -> str:
    """One parameter as the reader sees it in ``lang``."""
    if isinstance(value, Code):
        return code_text(value.family, value.value, lang)
    if isinstance(value, Message):
        return message_text(value, lang)
    if isinstance(value, MessageList):
        return value.separator.join(message_text(part, lang) for part in value.parts)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return _number(value, lang)
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
