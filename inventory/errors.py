"""Operational failures: a few named exceptions under one base class.

Problems in the user's data are not exceptions (see ``inventory.issues``); these are for
things that stop the tool from working at all. The CLI prints ``message`` and ``hint``
and exits 1, with a traceback only under ``--debug``.

The message and the hint are given as an ``inventory.messages.Message`` (a catalogue key
and its parameters): ``str(error)`` and ``error.hint`` are the English texts, and the
command line shows ``error.wording`` and ``error.hint_wording`` in its language. (This
module sits below ``messages``: it knows a message only by its shape, ``Wording``.) A
plain string still works, shown as it is in every language; tests/cli/test_failure_language.py
fails on a raise that a user can reach with one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from inventory.echo import shorten, visible


class Wording(Protocol):
    """A catalogue key and its parameters (``inventory.messages.Message``); ``str`` is the
    English text."""

    @property
    def key(self) -> str: ...

    @property
    def params(self) -> Mapping[str, object]: ...


class InventoryError(Exception):
    """Base of every operational failure the tool reports to users."""

    hint: str | None = None
    #: The message and the hint as catalogue messages (``None``: English text only).
    wording: Wording | None = None
    hint_wording: Wording | None = None

    def __init__(self, message: str | Wording, hint: str | Wording | None = None) -> None:
        super().__init__(str(message))
        if not isinstance(message, str):
            self.wording = message
        if hint is not None:
            self.hint = str(hint)
            self.hint_wording = None if isinstance(hint, str) else hint


class StoreError(InventoryError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(InventoryError):
    """A municipality, node, run or file named by the user does not exist.

    A name given on the command line: the CLI reports it as a usage error (exit 2).
    """


@dataclass(frozen=True)
class Said:
    """A ``Wording`` made here, with its English text (``messages`` is a layer above):
    for the messages this module words itself."""

    key: str
    params: Mapping[str, object]
    english: str

    def __str__(self) -> str:
        return self.english


#: What to do when an analysis finds nothing stored.
NOTHING_STORED = "Nothing is stored yet: run `inventory import FOLDER` first."
NOTHING_STORED_SAID = Said("error.nothing_stored", {}, NOTHING_STORED)


class UnknownMunicipalityError(NotFoundError):
    """Municipality codes named by the user that are not stored (``stored`` lists those that
    are)."""

    def __init__(self, unknown: Sequence[str], stored: Sequence[str]) -> None:
        # Names come from the command line or a file: escaped and shortened when echoed.
        names = ", ".join(f"'{visible(shorten(code, 60))}'" for code in unknown)
        listed = ", ".join(stored)
        super().__init__(
            Said(
                "error.municipality.unknown", {"names": names}, f"No stored municipality {names}."
            ),
            hint=(
                Said("error.municipality.stored", {"stored": listed}, f"Stored: {listed}.")
                if stored
                else NOTHING_STORED_SAID
            ),
        )
        self.unknown = list(unknown)
        self.stored = list(stored)

    @classmethod
    def check(cls, named: Iterable[str], stored: Collection[str]) -> None:
        """Raise for the codes in ``named`` that are not in ``stored``."""
        unknown = list(dict.fromkeys(code for code in named if code not in stored))
        if unknown:
            raise cls(unknown, sorted(stored))


class NothingStoredError(InventoryError):
    """An analysis was asked for, but no municipality is stored."""

    def __init__(
        self, message: str | Wording = NOTHING_STORED_SAID, hint: str | Wording | None = None
    ) -> None:
        super().__init__(message, hint)


class TargetError(InventoryError):
    """A target architecture file cannot be read or is invalid."""


class RenderError(InventoryError):
    """A diagram or report cannot be rendered (for example: Graphviz is missing)."""


class StudyInputError(InventoryError):
    """A decision-support input file cannot be read or is invalid."""


class OutputError(InventoryError):
    """An output file cannot be written: a file in the way, a read-only or full disk, or
    an input (an inventory file) that the tool must not overwrite."""


class Interrupted(InventoryError):
    """Ctrl-C stopped the command; the message says what was kept (exit 130)."""
