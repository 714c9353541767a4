"""A call run in a process forked beside this one, so that it uses the other core.

``InBackground(function, *arguments, **options)`` starts ``function(*arguments,
**options)`` in a worker forked from this process: the worker inherits the arguments (a
snapshot, a target, folders), nothing is pickled on the way in, and only the result is
pickled back. ``result()`` returns what the call returned, the same as the call made here.
Without ``fork`` (Windows, macOS's default), or when the worker dies or the call fails in
it, ``result()`` makes the call here: an error is then raised here, as the call raises it,
so a worker never hides or changes an error.

The demo validates its samples this way while it loads the analysis libraries
(``inventory.demo``); the gaps of several targets run this way beside each other
(``inventory.gap.alternatives``).
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

_T = TypeVar("_T")

#: The calls a forked worker makes, by number: set before the worker is forked, which
#: inherits them.
_CALLS: dict[int, tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = {}
_NUMBERS = itertools.count()


def _forked_call(number: int) -> Any:
    function, arguments, options = _CALLS[number]
    return function(*arguments, **options)


class InBackground(Generic[_T]):
    """``function(*arguments, **options)`` in a forked worker; ``result()`` is its value.

    >>> pending = InBackground(compute_gap, snapshot, target, as_of=as_of)  # doctest: +SKIP
    >>> overlap = compute_overlap(snapshot)  # meanwhile, here  # doctest: +SKIP
    >>> gap = pending.result()  # doctest: +SKIP
    """

    def __init__(self, function: Callable[..., _T], *arguments: Any, **options: Any) -> None:
        self._call = (function, arguments, options)
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[_T] | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        number = next(_NUMBERS)
        _CALLS[number] = self._call
        try:  # the worker is forked at the first submit: it sees the call
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._future = self._pool.submit(_forked_call, number)
        except (OSError, BrokenProcessPool):
            self.close()
        finally:
            del _CALLS[number]

    @property
    def forked(self) -> bool:
        """Whether a worker was started (and has not been closed)."""
        return self._future is not None

    def close(self) -> None:
        """Stop the worker (it finishes the call it is making)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool, self._future = None, None

    def result(self) -> _T:
        """What the call returned: from the worker, or made here when no worker could make
        it or the worker failed (its error is then raised here, as the call raises it)."""
        try:
            if self._future is not None:
                return self._future.result()
        except Exception:  # the same call below raises it here, as it is
            pass
        finally:
            self.close()
        function, arguments, options = self._call
        return function(*arguments, **options)
