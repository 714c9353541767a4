"""Identification of a client file's products, timed: the step lifecycle and gap run on clients.

``python benchmarks/identify_clients.py ARGS`` (``ARGS`` a JSON object: ``file``, optional
``warmup``) prints one JSON line like ``benchmarks.tasks``. Run as a script, not as
``-m benchmarks...``, so that ``PYTHONPATH`` decides which ``inventory`` is imported: the
benchmark times this checkout's code and an older checkout's (the baseline) the same way.

The timed part is ``Normaliser.match_frame`` over the ``os_product`` and ``os_version``
columns as the gap and overlap call it for clients (no vendor: a client's vendor is the
device maker; ``role="client"`` where the matcher takes a role), with a normaliser whose
per-name cache is empty (a fresh one per run: the analyses build one per process). Reading
the file is not timed. ``floor`` times what any identification must do at least:
``pandas.factorize`` of the same columns.
"""

from __future__ import annotations

import inspect
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import pandas as pd

COLUMNS = ["vendor", "os_product", "os_version"]
REPEAT_BELOW_S = 10.0  # the rule of benchmarks.tasks.best_of


def read_columns(file: str) -> pd.DataFrame:
    """The vendor and OS columns of a client file (missing cells as missing values)."""
    return pd.read_csv(file, usecols=COLUMNS, dtype=str, keep_default_na=False, na_values=[""])


def _fresh_normaliser() -> Any:
    from inventory.analyse import normalise

    cached = getattr(normalise, "_default_normaliser", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()  # a new instance: its per-name cache starts empty
    return normalise.Normaliser.default()


def _best_of(prepare: Callable[[], Any], step: Callable[[Any], object]) -> float:
    """The fastest of one run, or of four when the first took under ten seconds;
    ``prepare`` (not timed) makes what each run starts from."""
    best = float("inf")
    for attempt in range(4):
        state = prepare()
        start = time.perf_counter()
        step(state)
        best = min(best, time.perf_counter() - start)
        if attempt == 0 and best >= REPEAT_BELOW_S:
            break
    return best


def identify(args: dict[str, Any]) -> dict[str, Any]:
    """Seconds of ``match_frame`` over the client file, and what it found."""
    frame = read_columns(args["file"])
    work = pd.DataFrame(
        {
            "vendor": pd.Series(None, index=frame.index, dtype=object),
            "product": frame["os_product"],
            "version": frame["os_version"],
        }
    )
    outcome: dict[str, Any] = {}

    def step(normaliser: Any) -> None:
        takes_role = "role" in inspect.signature(normaliser.match_frame).parameters
        keywords = {"role": "client"} if takes_role else {}
        matches = normaliser.match_frame(work, "vendor", "product", "version", **keywords)
        outcome["identified"] = int(matches["product_id"].notna().sum())

    seconds = _best_of(_fresh_normaliser, step)
    distinct = len(work.drop_duplicates())
    return {"seconds": seconds, "rows": len(frame), "distinct": distinct, **outcome}


def floor(args: dict[str, Any]) -> dict[str, Any]:
    """Seconds of ``pandas.factorize`` of the columns (the least a grouping does)."""
    frame = read_columns(args["file"])

    def step(_: object) -> None:
        for name in ("os_product", "os_version"):
            pd.factorize(frame[name], use_na_sentinel=True)

    return {"seconds": _best_of(lambda: None, step), "rows": len(frame)}


STEPS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "identify": identify,
    "floor": floor,
}


def main(argv: list[str]) -> int:
    """``identify`` (or ``floor`` when ARGS has ``"step": "floor"``), after a warm-up."""
    arguments = json.loads(argv[0])
    step = STEPS[arguments.pop("step", "identify")]
    warmup = arguments.pop("warmup", None)
    if warmup is not None:
        step(warmup)
    print(json.dumps(step(arguments)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
