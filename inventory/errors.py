"""Operational failures: a few named exceptions under one base class.

Problems in the user's data are not exceptions (see ``inventory.issues``); these are for
things that stop the tool from working at all. The CLI prints ``message`` and ``hint``
and exits 1, with a traceback only under ``--debug``.
"""

from __future__ import annotations


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
    """A municipality, node, run or file named by the user does not exist."""


class TargetError(InventoryError):
    """A target architecture file cannot be read or is invalid."""


class RenderError(InventoryError):
    """A diagram or report cannot be rendered (for example: Graphviz is missing)."""


class StudyInputError(InventoryError):
    """A decision-support input file cannot be read or is invalid."""


class OutputError(InventoryError):
    """An output file cannot be written: a file in the way, a read-only or full disk, or
    an input (an inventory file) that the tool must not overwrite."""
