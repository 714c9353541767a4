"""The ``inventory`` command line; ``main`` is the console script."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the ``inventory`` command.

    Loading the libraries takes a moment: Ctrl-C meanwhile ends the tool as it does later,
    with a message and exit 130 instead of a traceback from deep inside an import.
    """
    try:
        from inventory.cli.app import main as run
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted: nothing was written.\n")
        raise SystemExit(130) from None
    run()
