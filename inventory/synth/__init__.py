"""Synthetic inventories: the real product catalogue and a seeded national-scale generator.

``generate_inventories(out, SynthOptions(...))`` is what ``inventory synth`` runs;
``catalogue`` also feeds ``scripts/build_samples.py`` (the GGVVH samples).
"""

from inventory.synth.generate import PlantedError, SynthOptions, SynthResult, generate_inventories
from inventory.synth.population import municipality_populations

__all__ = ["PlantedError", "SynthOptions", "SynthResult", "generate_inventories",
           "municipality_populations"]
