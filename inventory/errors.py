"""Operational failures: a few named exceptions under one base class.

Problems in the user's data are not exceptions (see ``inventory.issues``); these are for
things that stop the tool from working at all. The CLI prints ``message`` and ``hint``
and exits 1, with a traceback only under ``--debug``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from inventory.echo import shorten, visible


class InventoryError(Exception):
    """Base of every operational failure the tool reports to users."""

    hint: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class StoreError(InventoryError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(InventoryError):
    """A municipality, node, run or file named by the user does not exist.

    A name given on the command line: the CLI reports it as a usage error (exit 2).
    """


#: What to do when an analysis finds nothing stored.
NOTHING_STORED = "Nothing is stored yet: run `inventory import FOLDER` first."


class UnknownMunicipalityError(NotFoundError):
    """Municipality codes named by the user that are not stored (``stored`` lists those that
    are)."""

    def __init__(self, unknown: Sequence[str], stored: Sequence[str]) -> None:
        # Names come from the command line or a file: escaped and shortened when echoed.
        names = ", ".join(f"'{visible(shorten(code, 60))}'" for code in unknown)
        super().__init__(
            f"No stored municipality {names}.",
            hint=f"Stored: {', '.join(stored)}." if stored else NOTHING_STORED,
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

    def __init__(self, message: str = NOTHING_STORED, hint: str | None = None) -> None:
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
