"""The line a Ctrl-C prints at this moment of a command: it says what the command kept.

A command notes what it has written as it goes (``note``); the handlers that catch a
Ctrl-C outside the command's own ``try`` (while typer dispatches or returns, after the
result was printed) print ``message()`` rather than a bare "Interrupted.".
"""

from __future__ import annotations

UNKNOWN = "Interrupted."
#: Said when nothing has been written yet (a command notes it before it writes anything).
NOTHING_WRITTEN = "Interrupted: nothing was written."

_message = UNKNOWN


def note(message: str) -> None:
    """What a Ctrl-C from now on should say (e.g. that an import was stored)."""
    global _message
    _message = message


def reset() -> None:
    """A new command starts: nothing is known yet."""
    note(UNKNOWN)


def message() -> str:
    """The line to print for a Ctrl-C now."""
    return _message
