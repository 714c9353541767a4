"""Sentences the analyses hand to the reports as templates, not as finished English.

A :class:`Message` is a catalogue key (``gap.note.no_datacentres``) and its parameters; the
report shows it in its own language (``render.messages.message_text``), ``str(message)``
gives the English text (JSON, CLI output and callers that only print keep working). A
parameter that is itself a code (an action, a capability) is a :class:`Code`, translated
with the message; a parameter may also be another message (a reason inside a sentence).

>>> str(Message("gs.compute.nothing_moves", {"where": "Gnosjö"}))
'No virtual server moves onto the clusters at Gnosjö.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Union


@dataclass(frozen=True)
class Code:
    """A code value of a code family (``Code("action", "os_upgrade")``), shown translated."""

    family: str
    value: str

    def __str__(self) -> str:
        from inventory.render.i18n import code_text  # the render layer, only when shown

        return code_text(self.family, self.value, "en")


Param = Union[str, int, float, Code, "Message", "MessageList"]


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
        from inventory.render.messages import message_text

        return message_text(self, "en")

    def to_json(self) -> dict[str, Any]:
        """The English text, the key and the parameters (codes as their values)."""
        return {"text": str(self), "key": self.key,
                "params": {name: _json_param(value) for name, value in self.params.items()}}


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
    if isinstance(value, Message | MessageList):
        return value.to_json()
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
        elif isinstance(value, Message | MessageList | Code):
            text = texts.get(value)
            if text is None:
                text = texts[value] = str(value)
            out.append(text)
        else:
            out.append("" if value is None or value != value else str(value))  # NaN != NaN
    return out


def plain(value: object) -> object:
    """``value`` with a message as its English text (for CSV cells and plain JSON)."""
    return str(value) if isinstance(value, Message | MessageList | Code) else value
