"""The ``inventory`` command line; ``main`` is the console script."""

from __future__ import annotations

import _thread
import atexit
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any


def main() -> None:
    """Run the ``inventory`` command (the console script; its process ends with it).

    Ctrl-C gets a message and exit 130 at every moment: while the libraries load (that
    takes a moment) the tool ends at once; later the command says what it kept. A Ctrl-C
    that lands in a garbage-collection callback, where Python would print "Exception
    ignored" with a traceback and lose it, is delivered again right after.
    """
    starting = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if starting:  # (not when SIGINT is ignored, as for a job in the background)
        signal.signal(signal.SIGINT, _interrupted_while_starting)
        sys.unraisablehook = _interrupt_again(sys.unraisablehook)
        from inventory.cli import interruption  # (the catalogues only: the line's language)

        _starting[0] = interruption.starting_line(interruption.early_lang(sys.argv[1:], os.environ))
    from inventory.cli.app import main as run

    # When the process ends, Python's cyclic garbage collector leaves alone what is alive
    # then (atexit runs before the modules are torn down): the teardown collected the whole
    # heap several times over, ~0.5 s after ``inventory demo`` had printed its result. The
    # files were written and closed by the command; the memory goes back with the process.
    atexit.unregister(gc.freeze)  # (once, however often main runs in one process)
    atexit.register(gc.freeze)
    if starting:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run()
    except KeyboardInterrupt:  # between the command's end and here
        from inventory.cli import interruption

        os.write(2, f"{interruption.message()}\n".encode())
        raise SystemExit(130) from None
    finally:
        if starting:  # the command is over: Ctrl-C while Python shuts down changes nothing
            signal.signal(signal.SIGINT, signal.SIG_IGN)


#: The line for a Ctrl-C while the libraries load: English until the language is known.
_starting = [b"Interrupted: nothing was written.\n"]


def _interrupted_while_starting(_number: int, _frame: FrameType | None) -> None:
    # Nothing has been done yet, so leaving at once is safe; a KeyboardInterrupt raised
    # inside the import machinery can be swallowed ("Exception ignored in ...").
    os.write(2, _starting[0])
    os._exit(130)


def _interrupt_again(
    hook: Callable[[sys.UnraisableHookArgs], Any],
) -> Callable[[sys.UnraisableHookArgs], None]:
    def unraisable(report: sys.UnraisableHookArgs) -> None:
        if issubclass(report.exc_type, KeyboardInterrupt):
            # from another thread, a moment later: raised in the main thread's own code
            # once this hook has returned (if it lands in a callback again, so does this)
            timer = threading.Timer(0.05, _thread.interrupt_main)
            timer.daemon = True
            timer.start()
            return
        hook(report)

    return unraisable
