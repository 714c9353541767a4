"""Synthetic inventories: the real product catalogue and a seeded national-scale generator.

``generate_inventories(out, SynthOptions(...))`` is what ``inventory synth`` runs;
``catalogue`` also feeds ``scripts/build_samples.py`` (the GGVVH samples). The generator
(NumPy, pyarrow) loads when one of its names is first used, so that ``synth.rates`` is
light to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inventory.synth.generate import (
        PlantedError,
        SynthOptions,
        SynthResult,
        generate_inventories,
    )
    from inventory.synth.population import municipality_populations

__all__ = [
    "PlantedError",
    "SynthOptions",
    "SynthResult",
    "generate_inventories",
    "municipality_populations",
]

_HOMES = {
    "PlantedError": "generate",
    "SynthOptions": "generate",
    "SynthResult": "generate",
    "generate_inventories": "generate",
    "municipality_populations": "population",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
