"""Is the target itself supported until the plan is done? Every product and ``min_version``
the target names (``capabilities``, ``server_os``, ``clients`` os) against the lifecycle
catalogue, as of the report date and as of the plan's end (docs/method.md#end-of-life).

A target whose minimum release reaches its end of life before the plan ends (or within the
lifecycle horizon after it) has every asset upgraded to a release that is, or soon will
be, out of support: the upgrades buy months, not years. Each such minimum is a warning
(``target_notes``) with the fix: the lowest release of the same servicing track (Windows
Enterprise ``e``, Home/Pro ``w``, LTSC ``lts``) that outlasts the plan and the horizon;
when none does, the one the catalogue supports longest and "plan the next upgrade". A
minimum the catalogue has no date for is a note too (check it by hand), never a silent
"supported".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from inventory.analyse.lifecycle import LifecycleState, add_months, lifecycle_status
from inventory.analyse.normalise import Normaliser
from inventory.gap.blocks import TargetBlock, cycle_at_least, cycle_order
from inventory.gap.contracts import Contract, Field, Series, typed
from inventory.messages import Message, MessageList, Param

TARGET_LIFECYCLE_COLUMNS = (
    "capability",
    "product",
    "product_id",
    "min_version",
    "cycle",
    "eol",
    "state_at_report",
    "state_at_plan_end",
    "plan_end",
    "option",
    "option_eol",
    "verdict",
)

#: ``verdict`` values: the minimum ends before the plan does (``ends_in_plan``), within the
#: horizon after it (``ends_after_plan``), is already past (``past``), lasts (``ok``), or
#: has no known date (``unknown``).
VERDICTS = ("past", "ends_in_plan", "ends_after_plan", "ok", "unknown")
#: The verdicts that warn.
WARN = frozenset({"past", "ends_in_plan", "ends_after_plan", "unknown"})

_STATES = [state.value for state in LifecycleState]


class TargetLifecycleTable(Contract):
    """``GapReport.target_lifecycle``: one row per product and minimum the target names."""

    capability: Series[str]  # ``;``-joined where one minimum serves several
    product: Series[str]
    product_id: Series[str]
    min_version: Series[str]
    cycle: Series[str] = Field(nullable=True)
    eol: Series[object] = Field(nullable=True)  # a date, or empty when none is known
    state_at_report: Series[str] = Field(isin=_STATES)
    state_at_plan_end: Series[str] = Field(isin=_STATES)
    plan_end: Series[object]
    option: Series[str] = Field(nullable=True)  # the release to raise the minimum to
    option_eol: Series[object] = Field(nullable=True)
    verdict: Series[str] = Field(isin=list(VERDICTS))

    class Config:
        strict = True
        coerce = True
        ordered = True


@dataclass(frozen=True)
class _Option:
    """A release to raise a minimum to: as a target file writes it, its catalogue cycle and
    its end (``None``: no end announced)."""

    version: str
    cycle: str
    eol: dt.date | None


def _track(cycle: str) -> tuple[str, ...]:
    """A cycle's servicing track: its letter-only parts (``11-25h2-e`` -> ``("e",)``)."""
    return tuple(sorted(part for part in cycle.split("-") if re.fullmatch(r"[a-z]+", part)))


def _version_text(cycle: str, label: str | None) -> str:
    """How a target file writes a release: the catalogue's label without its code name
    (``2022 '__CODENAME__'`` -> ``2022``), else its cycle."""
    text = re.sub(r"'[^']*'", "", label or "").strip()
    return text or cycle


def _option(normaliser: Normaliser, block: TargetBlock, limit: dt.date) -> _Option | None:
    """The release to raise the block's minimum to: the lowest of its track, at or above the
    minimum, supported beyond ``limit``; when none is, the one supported longest."""
    definition = normaliser.product(block.product_id)
    product = normaliser.catalogue.get(definition.cycles_from) if definition is not None else None
    if product is None or block.min_cycle is None:
        return None
    candidates: list[tuple[tuple[float, ...], dt.date, _Option]] = []
    for release in product.releases:
        if _track(release.cycle) != _track(block.min_cycle) or not cycle_at_least(
            normaliser, block.product_id, release.cycle, block.min_cycle
        ):
            continue
        if release.eol is False:
            end, eol = dt.date.max, None
        elif isinstance(release.eol, dt.date):
            end, eol = release.eol, release.eol
        else:
            continue  # ended, or no date: never the advice
        order = cycle_order(normaliser, block.product_id, release.cycle) or (0.0,)
        candidates.append(
            (order, end, _Option(_version_text(release.cycle, release.label), release.cycle, eol))
        )
    if not candidates:
        return None
    enough = [candidate for candidate in candidates if candidate[1] > limit]
    if enough:  # the smallest step that is enough
        return min(enough, key=lambda candidate: candidate[0])[2]
    return max(candidates, key=lambda candidate: (candidate[1], candidate[0]))[2]


def plan_end(plan: pd.DataFrame, as_of: dt.date) -> dt.date:
    """The plan's last end date (the report date when nothing is planned)."""
    if plan.empty or "end" not in plan.columns:
        return as_of
    end = pd.to_datetime(plan["end"], errors="coerce").max()
    return as_of if pd.isna(end) else max(as_of, end.date())


def target_lifecycle(
    targets: list[TargetBlock],
    normaliser: Normaliser,
    *,
    as_of: dt.date,
    end: dt.date,
    horizon_months: int,
) -> pd.DataFrame:
    """One row per distinct (product, minimum) of ``targets`` that names a minimum
    (``TARGET_LIFECYCLE_COLUMNS``): its end of life, its state on ``as_of`` and on the
    plan's ``end`` (``ending``: within ``horizon_months`` after it), the release to
    raise it to (``option``: the lowest of its track that outlasts the plan and horizon,
    else the one supported longest; the minimum itself when it lasts) and the
    ``verdict``."""
    grouped: dict[tuple[str, str], list[TargetBlock]] = {}
    for block in targets:
        if block.min_version:
            grouped.setdefault((block.product_id or block.product, block.min_version), []).append(
                block
            )
    rows = []
    for blocks in grouped.values():
        block = blocks[0]
        now = lifecycle_status(
            block.product_id, block.min_cycle, as_of, horizon_months, normaliser=normaliser
        )
        then = lifecycle_status(
            block.product_id, block.min_cycle, end, horizon_months, normaliser=normaliser
        )
        option = _option(normaliser, block, add_months(end, horizon_months))
        if option is not None and option.cycle == block.min_cycle:  # no raise needed
            option = _Option(block.min_version or option.version, option.cycle, option.eol)
        rows.append(
            {
                "capability": ";".join(sorted({b.capability for b in blocks})),
                "product": block.title,
                "product_id": block.product_id or "",
                "min_version": block.min_version or "",
                "cycle": block.min_cycle,
                "eol": now.eol,
                "state_at_report": now.state.value,
                "state_at_plan_end": then.state.value,
                "plan_end": end,
                "option": option.version if option is not None else None,
                "option_eol": option.eol if option is not None else None,
                "verdict": _verdict(now.state, then.state),
            }
        )
    frame = pd.DataFrame(rows, columns=list(TARGET_LIFECYCLE_COLUMNS))
    frame = frame.astype({"eol": object, "plan_end": object, "option_eol": object})
    return typed(TargetLifecycleTable, frame, lazy=True)


def _verdict(now: LifecycleState, then: LifecycleState) -> str:
    if now is LifecycleState.END_OF_LIFE:
        return "past"
    if then is LifecycleState.END_OF_LIFE:
        return "ends_in_plan"
    if then is LifecycleState.ENDING:
        return "ends_after_plan"
    if then is LifecycleState.UNKNOWN:
        return "unknown"
    return "ok"


def outlasts(option_eol: object, end: dt.date, horizon_months: int) -> bool:
    """Whether a release ending on ``option_eol`` (``None``: no end) outlasts the plan's
    ``end`` by more than the horizon."""
    if not isinstance(option_eol, dt.date):
        return True
    return option_eol > add_months(end, horizon_months)


def target_notes(table: pd.DataFrame, horizon_months: int) -> list[Message | MessageList]:
    """The warnings of ``target_lifecycle`` rows, one sentence each, as messages (the
    report's ``target_check`` says the same from the table)."""
    notes: list[Message | MessageList] = []
    for row in table.itertuples(index=False):
        if row.verdict not in WARN:
            continue
        names: dict[str, Param] = {
            "product": str(row.product),
            "min_version": str(row.min_version),
            "eol": str(row.eol),
            "end": str(row.plan_end),
            "months": horizon_months,
        }
        if row.verdict == "unknown":
            notes.append(Message("tl.unknown", names))
            continue
        fix = fix_kind(row.option, row.option_eol, row.min_version, row.plan_end, horizon_months)
        notes.append(
            MessageList(
                (
                    Message(f"tl.{row.verdict!s}", names),
                    Message(
                        f"tl.fix.{fix}", {"option": str(row.option), "until": str(row.option_eol)}
                    ),
                ),
                separator="",
            )
        )
    return notes


def fix_kind(
    option: object, option_eol: object, min_version: object, end: object, horizon_months: int
) -> str:
    """Which fix a warned row's sentence gives (its ``option``, ``option_eol``,
    ``min_version`` and ``plan_end``): ``raise`` (to ``option``, supported until
    ``option_eol``), ``raise_open`` (to ``option``, no end announced), ``longest`` (no
    release outlasts the plan: raise to the longest and plan the next upgrade), ``next``
    (the minimum is already the longest) or ``generic`` (the catalogue knows no option)."""
    raised = isinstance(option, str) and option != min_version
    if raised and isinstance(end, dt.date) and outlasts(option_eol, end, horizon_months):
        return "raise" if isinstance(option_eol, dt.date) else "raise_open"
    if raised:
        return "longest"
    return "next" if isinstance(option, str) else "generic"
