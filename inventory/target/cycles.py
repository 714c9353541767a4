"""The minimum version a proposal sets for a product, and why.

Rules, in order (the first that applies wins):

1. the oldest release cycle in use that stays supported through the lifecycle horizon
   plus the merger's planning period (least upgrading, no lifecycle worry);
2. else the newest cycle in use that is not past its end of life (it may be ``ending``:
   the reason says so and names the catalogue's newest cycle to plan for);
3. else (every cycle in use is past its end of life, e.g. Windows 11 23H2) the
   catalogue's newest supported cycle: released by the date, not past its end of life,
   of the edition in use (Windows ``(W)``/``(E)``) and not a long-term servicing
   variant unless one is in use. Never an end-of-life cycle.

A product without release cycles (evergreen services, unknown products) gets no minimum.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from inventory.analyse.baseline import cycle_order
from inventory.analyse.catalogue import Release
from inventory.analyse.editions import edition_version_text
from inventory.analyse.lifecycle import add_months, lifecycle_status
from inventory.analyse.normalise import Normaliser
from inventory.messages import Message, Param

#: Months the merger needs to plan and carry out the change (rule 1).
PLANNING_MONTHS = 36


@dataclass(frozen=True)
class MinimumCycle:
    """The proposed minimum cycle of a product: catalogue cycle, version text, state, why."""

    cycle: str | None
    version: str | None
    lifecycle: str
    reason: Message


def _order(normaliser: Normaliser, product_id: str, cycle: str) -> tuple[float, ...]:
    return cycle_order(normaliser, product_id, cycle) or (9.0,)


def _edition(cycle: str) -> frozenset[str]:
    """The letter tokens of a cycle (``11-24h2-e-lts`` -> ``{e, lts}``)."""
    return frozenset(token for token in cycle.split("-") if re.fullmatch(r"[a-z]+", token))


def _ended(release: Release, as_of: dt.date) -> bool:
    eol = release.eol
    return eol is True or (isinstance(eol, dt.date) and eol <= as_of)


def _version_text(normaliser: Normaliser, product_id: str, release: Release) -> str:
    """A version text that the normaliser resolves to ``release.cycle``."""
    title = normaliser.product(product_id)
    name = title.title if title is not None else product_id
    label = release.label or release.cycle
    # an edition's cycle is written with its edition (11 24H2 Enterprise), else it reads
    # back as the conservative (W) cycle
    edition = edition_version_text(release)
    for text in (
        *([edition] if edition else []),
        re.sub(r"\s*\(.*\)$", "", label),
        label,
        release.cycle.replace("-", " "),
        release.cycle,
    ):
        if normaliser.match(None, name, text).cycle == release.cycle:
            return text
    return label


def newest_supported(
    normaliser: Normaliser, product_id: str, as_of: dt.date, in_use: list[str]
) -> Release | None:
    """The catalogue's newest cycle of a product that is released and supported on ``as_of``.

    Of the edition of the newest cycle in use where the catalogue has editions; long-term
    servicing cycles only when one is in use.
    """
    definition = normaliser.product(product_id)
    product = normaliser.catalogue.get(definition.cycles_from) if definition else None
    if product is None:
        return None
    releases = [
        r
        for r in product.releases
        if not _ended(r, as_of) and (r.release_date is None or r.release_date <= as_of)
    ]
    editions = {_edition(c) for c in in_use}
    if not any("lts" in e or "ltsc" in e for e in editions):
        releases = [r for r in releases if not _edition(r.cycle) & {"lts", "ltsc", "ltsb"}]
    newest_in_use = max(in_use, key=lambda c: _order(normaliser, product_id, c), default=None)
    wanted = _edition(newest_in_use) if newest_in_use else frozenset()
    same = [r for r in releases if _edition(r.cycle) == wanted]
    pool = same or releases
    return max(
        pool,
        key=lambda r: (r.release_date or dt.date.min, _order(normaliser, product_id, r.cycle)),
        default=None,
    )


def minimum_cycle(
    group: pd.DataFrame, normaliser: Normaliser, product_id: str, as_of: dt.date, horizon: int
) -> MinimumCycle:
    """The minimum cycle for a product from its assets (``cycle``, ``lifecycle_state``,
    ``eol``, ``version_written`` columns of ``baseline.baseline_assets``)."""
    cycles = group.dropna(subset=["cycle"])
    states = set(group["lifecycle_state"].astype(str))
    if cycles.empty:
        state = (
            "end_of_life"
            if states == {"end_of_life"}
            else "evergreen"
            if "evergreen" in states
            else "unknown"
        )
        return MinimumCycle(None, None, state, Message("target.cycle.no_cycles"))
    in_use = sorted(set(map(str, cycles["cycle"])), key=lambda c: _order(normaliser, product_id, c))
    usable = cycles[cycles["lifecycle_state"] != "end_of_life"]
    far = add_months(as_of, horizon + PLANNING_MONTHS)
    if not usable.empty:
        ordered = [c for c in in_use if c in set(map(str, usable["cycle"]))]
        for cycle in ordered:
            eol = usable.loc[usable["cycle"] == cycle, "eol"].iloc[0]
            if eol is None or pd.isna(eol) or (isinstance(eol, dt.date) and eol > far):
                return _from_use(
                    usable, cycle, "target.cycle.oldest_supported", {"date": far.isoformat()}
                )
        cycle = ordered[-1]
        newest = newest_supported(normaliser, product_id, as_of, in_use)
        if newest is not None and newest.cycle != cycle:
            return _from_use(
                usable,
                cycle,
                "target.cycle.newest_in_use_plan",
                {"cycle": newest.label or newest.cycle},
            )
        return _from_use(usable, cycle, "target.cycle.newest_in_use", {})
    newest = newest_supported(normaliser, product_id, as_of, in_use)
    if newest is None:
        return MinimumCycle(
            None,
            None,
            "end_of_life",
            Message("target.cycle.all_ended_none", {"cycles": ", ".join(in_use)}),
        )
    status = lifecycle_status(product_id, newest.cycle, as_of, horizon, normaliser=normaliser)
    params: dict[str, Param] = {
        "cycles": ", ".join(in_use),
        "date": as_of.isoformat(),
        "cycle": newest.label or newest.cycle,
    }
    if status.eol:
        params["eol"] = status.eol.isoformat()
    return MinimumCycle(
        newest.cycle,
        _version_text(normaliser, product_id, newest),
        status.state.value,
        Message(
            "target.cycle.all_ended_newest_until"
            if status.eol
            else "target.cycle.all_ended_newest",
            params,
        ),
    )


def _from_use(usable: pd.DataFrame, cycle: str, key: str, params: dict[str, Param]) -> MinimumCycle:
    rows = usable[usable["cycle"] == cycle]
    written = rows["version_written"].dropna().astype(str).mode()
    state = str(rows["lifecycle_state"].iloc[0])
    version = str(written.iloc[0]) if not written.empty else cycle
    return MinimumCycle(cycle, version, state, Message(key, {**params, "version": version}))
