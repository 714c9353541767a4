"""The baseline: what the inventories run, as the gap and the target proposal read it.

``baseline_assets`` is ``assets.derive_assets`` of the record kinds the gap compares
(applications join from ``applications.application_assets``); ``cycle_order`` and
``cycle_at_least`` compare release cycles of one product. Both the gap (``gap.blocks``)
and the proposal of a target (``target.propose``) build on them, so they live below both.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from inventory.analyse.assets import derive_assets
from inventory.analyse.normalise import Normaliser
from inventory.snapshot import InventorySnapshot

__all__ = ["GAP_ASSET_KINDS", "baseline_assets", "cycle_at_least", "cycle_order"]

#: Record kinds the gap reads as assets (applications join from ``analyse.applications``).
GAP_ASSET_KINDS = ("server", "platform", "client", "network_device", "storage")


def baseline_assets(
    snapshot: InventorySnapshot,
    normaliser: Normaliser,
    as_of: dt.date,
    horizon_months: int = 12,
    *,
    fleets: bool = False,
) -> pd.DataFrame:
    """One row per asset and product (``ASSET_COLUMNS``), with capability and lifecycle:
    ``assets.derive_assets`` of the servers, platforms, clients, network devices and
    storage (the derivation overlap uses too).

    ``fleets``: one row per client fleet and a ``records`` column (see ``derive_assets``).
    """
    return derive_assets(
        snapshot, normaliser, as_of, horizon_months, kinds=GAP_ASSET_KINDS, fleets=fleets
    )


def cycle_order(
    normaliser: Normaliser, product_id: str | None, cycle: str | None
) -> tuple[float, ...] | None:
    """A sort key for a release cycle: its version numbers, else its release date.

    Numbers first: service-pack cycles (``12.0-sp3``) were released after newer versions.
    """
    if cycle is None:
        return None
    definition = normaliser.product(product_id)
    numbers = [float(part) for part in re.findall(r"\d+", cycle)]
    if numbers:
        return (0.0, *numbers)
    if definition is not None:
        release = normaliser.catalogue.release(definition.cycles_from, cycle)
        if release is not None and release.release_date is not None:
            return (1.0, float(release.release_date.toordinal()))
    return None


def cycle_at_least(
    normaliser: Normaliser, product_id: str | None, cycle: str | None, minimum: str | None
) -> bool | None:
    """Whether ``cycle`` is at or above ``minimum`` (``None`` when it cannot be told)."""
    if minimum is None:
        return True
    if cycle is None:
        return None
    if cycle == minimum:
        return True
    have, need = (cycle_order(normaliser, product_id, c) for c in (cycle, minimum))
    if have is None or need is None or have[0] != need[0]:
        return None
    return have >= need
