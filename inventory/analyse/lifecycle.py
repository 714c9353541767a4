"""Lifecycle: is a product's release cycle supported, ending soon or past its end of life?

Dates come from the endoflife.date catalogue, through the normaliser's product table (so
Hyper-V follows Windows Server's cycles). States, as of a date:

* ``end_of_life``: the cycle's end-of-life date is on or before the date, or the catalogue
  says it has ended without a date;
* ``ending``: the end of life falls within ``warn_months`` months after the date;
* ``supported``: later, or no end announced;
* ``evergreen``: a continuously updated service or OS without release cycles (Microsoft
  365, Intune, ChromeOS): nothing to plan, but also no date to report;
* ``unknown``: the product or its cycle is not known, or the catalogue gives no date;
  also an evergreen operating system on a client device (ChromeOS) without the device's
  own support end: each Chromebook model has its own auto-update expiration, so an
  evergreen OS says nothing about the device.

A client row's own ``support_end`` (a Chromebook's auto-update expiration) is the end of
that device's support: it decides where the catalogue has no date, else the earlier of
the two does. A network device's or storage system's ``warranty_end`` (the end of its
warranty or support contract) is its own support end in the same way: a device out of
support gets no fixes whatever its release (``DEVICE_KINDS``).

Windows editions: see ``editions`` (a row whose edition is unknown gets the conservative
date and the note ``edition unknown: conservative date``).

The end of life is the end of regular support (endoflife.date ``eol``). Paid extended
security updates (``eoes``: Windows 10 22H2 ESU, Windows Server 2012 R2 ESU) count only
when asked for with ``extended_support=True``: an ESU contract is a choice the inventory
cannot see.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from inventory.analyse.catalogue import load_lifecycle_overrides
from inventory.analyse.editions import EDITION_UNKNOWN, apply_editions, declared_editions
from inventory.analyse.normalise import Normaliser, distinct_rows
from inventory.messages import Message, MessageList
from inventory.snapshot import InventorySnapshot

#: The note of an evergreen OS on a device whose own support end is not given.
SUPPORT_END_MISSING = "evergreen OS: support ends per device, give its support_end (AUE)"
#: The note of a row whose state comes from its own support end.
OWN_SUPPORT_END = "the device's own support end"
#: The note of a network device or storage system on evergreen (cloud-managed) software
#: without its own support end: the hardware's end is per device.
WARRANTY_END_MISSING = "evergreen software: support ends per device, give its warranty_end"
#: Record kinds that are devices: their own support end counts (column per kind).
DEVICE_KINDS: dict[str, str] = {
    "client": "support_end",
    "network_device": "warranty_end",
    "storage": "warranty_end",
}


class LifecycleState(enum.StrEnum):
    """Where a release cycle stands on a given date."""

    SUPPORTED = "supported"
    ENDING = "ending"
    END_OF_LIFE = "end_of_life"
    EVERGREEN = "evergreen"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class LifecycleStatus:
    """The lifecycle of one product cycle as of a date.

    ``months_left`` counts whole months from the date to the end of life (negative once
    past it); ``None`` when there is no end-of-life date.
    """

    state: LifecycleState
    eol: dt.date | None
    cycle: str | None
    months_left: int | None
    note: str = ""


def lifecycle_normaliser(aliases: Path | None = None, overrides: Path | None = None) -> Normaliser:
    """``Normaliser.default(aliases)``, with a lifecycle overrides file's facts in its
    catalogue when one is given (``LifecycleOverridesError`` names each bad line)."""
    base = Normaliser.default(aliases)
    if overrides is None:
        return base
    known = {product_id: definition.cycles_from for product_id, definition in base.products.items()}
    facts = load_lifecycle_overrides(overrides, base.catalogue, known)
    return Normaliser(base.catalogue.with_overrides(facts), base.aliases)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (clamped to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def lifecycle_status(
    product_id: str | None,
    cycle: str | None,
    as_of: dt.date,
    warn_months: int = 12,
    *,
    normaliser: Normaliser | None = None,
    extended_support: bool = False,
    support_end: dt.date | None = None,
    device: bool = False,
) -> LifecycleStatus:
    """The lifecycle state of a product's release cycle on ``as_of``.

    ``product_id`` and ``cycle`` are what ``Normaliser.match`` returned. ``support_end``
    is a device's own end of support, ``device`` says the product is the OS of a client
    device (an evergreen OS then has no state of its own: ``unknown`` without
    ``support_end``).

    >>> lifecycle_status("windows-server", "2012-r2", dt.date(2026, 11, 23)).state.value
    'end_of_life'
    >>> lifecycle_status("chromeos", None, dt.date(2026, 11, 23), device=True).state.value
    'unknown'
    """
    normaliser = normaliser or Normaliser.default()
    definition = normaliser.product(product_id)
    end: dt.date | bool | None = None
    if definition is not None and definition.lifecycle == "evergreen":
        if not device:
            return LifecycleStatus(LifecycleState.EVERGREEN, None, cycle, None)
        if support_end is None:
            return LifecycleStatus(LifecycleState.UNKNOWN, None, cycle, None, SUPPORT_END_MISSING)
    elif definition is not None and definition.lifecycle == "catalogue":
        release = normaliser.catalogue.release(definition.cycles_from, cycle)
        if release is not None:
            end = release.eol
            if extended_support and isinstance(release.eoes, dt.date):
                end = release.eoes
    note = ""
    if (
        support_end is not None
        and not (isinstance(end, dt.date) and end <= support_end)
        and end is not True
    ):
        end, note = support_end, OWN_SUPPORT_END
    if end is True:
        return LifecycleStatus(LifecycleState.END_OF_LIFE, None, cycle, None)
    if end is False:
        return LifecycleStatus(LifecycleState.SUPPORTED, None, cycle, None)
    if not isinstance(end, dt.date):
        return LifecycleStatus(LifecycleState.UNKNOWN, None, cycle, None)
    months_left = months_between(as_of, end)
    if end <= as_of:
        state = LifecycleState.END_OF_LIFE
    elif end <= add_months(as_of, warn_months):
        state = LifecycleState.ENDING
    else:
        state = LifecycleState.SUPPORTED
    return LifecycleStatus(state, end, cycle, months_left, note)


def lifecycle_frame(
    matches: pd.DataFrame,
    as_of: dt.date,
    warn_months: int = 12,
    *,
    normaliser: Normaliser | None = None,
    extended_support: bool = False,
) -> pd.DataFrame:
    """``lifecycle_status`` over a frame with ``product_id`` and ``cycle`` columns.

    Optional columns: ``support_end`` (a device's own end of support) and ``kind`` (rows
    of kind ``client`` are devices). Each distinct combination is looked up once. The
    result is aligned with ``matches.index`` and has the columns ``lifecycle_state`` (the
    state's value, e.g. ``"end_of_life"``), ``eol`` (date or None), ``months_left``
    (nullable Int64) and ``lifecycle_note`` (why, where the state is not the catalogue's).
    """
    normaliser = normaliser or Normaliser.default()
    if matches.empty:
        return pd.DataFrame(
            {
                "lifecycle_state": pd.Series(dtype=object),
                "eol": pd.Series(dtype=object),
                "months_left": pd.Series(dtype="Int64"),
                "lifecycle_note": pd.Series(dtype=object),
            },
            index=matches.index,
        )
    work = pd.DataFrame(
        {"product_id": matches["product_id"], "cycle": matches["cycle"]}, index=matches.index
    )
    work["support_end"] = matches["support_end"] if "support_end" in matches.columns else None
    work["device"] = (
        matches["kind"].isin(list(DEVICE_KINDS)) if "kind" in matches.columns else False
    )
    groups, distinct = distinct_rows(work, ["product_id", "cycle", "support_end", "device"])
    states = np.empty(len(distinct), dtype=object)
    ends = np.empty(len(distinct), dtype=object)
    notes = np.empty(len(distinct), dtype=object)
    months = np.full(len(distinct), np.nan)
    for position, (product_id, cycle, support_end, device) in enumerate(distinct):
        status = lifecycle_status(
            None if product_id is None else str(product_id),
            None if cycle is None else str(cycle),
            as_of,
            warn_months,
            normaliser=normaliser,
            extended_support=extended_support,
            support_end=_date(support_end),
            device=bool(device),
        )
        states[position] = status.state.value
        ends[position] = status.eol
        notes[position] = status.note
        if status.months_left is not None:
            months[position] = status.months_left
    row_notes = notes[groups]
    if "kind" in matches.columns:  # a switch has a warranty_end, not an AUE
        hardware = matches["kind"].isin(["network_device", "storage"]).to_numpy() & (
            row_notes == SUPPORT_END_MISSING
        )
        row_notes[hardware] = WARRANTY_END_MISSING
    return pd.DataFrame(
        {
            "lifecycle_state": pd.Series(states[groups], index=matches.index, dtype=object),
            "eol": pd.Series(ends[groups], index=matches.index, dtype=object),
            "months_left": pd.Series(months[groups], index=matches.index).astype("Int64"),
            "lifecycle_note": pd.Series(row_notes, index=matches.index, dtype=object),
        }
    )


def _date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def with_row_facts(
    normalised: pd.DataFrame, snapshot: InventorySnapshot, normaliser: Normaliser
) -> pd.DataFrame:
    """``normalise_snapshot`` rows with what a row or its municipality says beyond names.

    The client edition a municipality declares settles Windows rows that name none
    (``editions.apply_editions``; still unknown: the note ``edition unknown: conservative
    date``), and client rows get their own ``support_end`` (column added; empty for
    other kinds; a network device's or storage system's ``warranty_end``, see
    ``DEVICE_KINDS``). Column-wise: each table is looked up by (municipality, id).
    """
    if normalised.empty:
        return normalised.assign(support_end=pd.Series(dtype=object))

    def catalogue_of(product_id: str) -> str | None:
        definition = normaliser.product(product_id)
        return definition.cycles_from if definition is not None else None

    result = apply_editions(
        normalised,
        catalogue_of,
        normaliser.catalogue.get,
        declared_editions(snapshot.table("municipality")),
    )
    support_end = pd.Series(None, index=result.index, dtype=object)
    for kind, column in DEVICE_KINDS.items():
        devices = snapshot.table(kind)
        if devices.empty or column not in devices.columns:
            continue
        given = devices[devices[column].notna()]  # usually few: look up only those
        rows = (result["kind"] == kind) & result["record_id"].isin(given["id"])
        if rows.any():
            lookup = given.set_index(["municipality", "id"])[column].astype(object)
            lookup = lookup[~lookup.index.duplicated()]
            keys = pd.MultiIndex.from_frame(result.loc[rows, ["municipality", "record_id"]])
            found = pd.Series(
                lookup.reindex(keys).to_numpy(), index=result.index[rows], dtype=object
            )
            support_end.loc[rows] = found.where(found.notna(), None)
    return _tablets_on_ios(result.assign(support_end=support_end), snapshot.table("client"))


#: The note of a tablet whose OS is written iOS (iPadOS since 13): iOS's dates are used.
TABLET_ON_IOS = "tablet with iOS: iOS dates (the shorter) used, write iPadOS if it runs iPadOS"


def _tablets_on_ios(result: pd.DataFrame, clients: pd.DataFrame) -> pd.DataFrame:
    """Tablet rows whose OS is written ``iOS`` keep iOS (its dates are the shorter ones:
    conservative) and say so, since iPads run iPadOS from 13 on."""
    if clients.empty or "kind" not in clients.columns or "note" not in result.columns:
        return result
    tablets = clients[clients["kind"].eq("tablet").to_numpy(dtype=bool, na_value=False)]
    if tablets.empty:
        return result
    rows = result["record_id"].isin(tablets["id"])  # few rows: compare those only
    rows[rows] = (result.loc[rows, "kind"] == "client") & (result.loc[rows, "product_id"] == "ios")
    if not rows.any():
        return result
    candidates = pd.MultiIndex.from_frame(result.loc[rows, ["municipality", "record_id"]])
    own = pd.MultiIndex.from_arrays([tablets["municipality"], tablets["id"]])
    positions = np.flatnonzero(rows.to_numpy())[candidates.isin(own)]
    notes = result["note"].to_numpy(dtype=object, copy=True)
    notes[positions] = [f"{n}; {TABLET_ON_IOS}" if n else TABLET_ON_IOS for n in notes[positions]]
    return result.assign(note=pd.Series(notes, index=result.index, dtype=object))


#: The match notes that concern a row's dates (see ``editions`` and ``TABLET_ON_IOS``).
_DATE_NOTES = ("edition ", "tablet ")


def lifecycle_notes(match_notes: pd.Series | None, own_notes: pd.Series) -> pd.Series:
    """The notes that concern a row's dates: its edition (from the match notes, see
    ``editions``) and its ``lifecycle_note``, ``; ``-joined (built per distinct pair)."""
    own = own_notes.fillna("").astype(str)
    match = (
        match_notes.fillna("").astype(str)
        if match_notes is not None
        else pd.Series("", index=own.index, dtype=object)
    )
    keys = match + "\x1f" + own
    text = {}
    for key in keys.unique():
        said, lifecycle = str(key).split("\x1f")
        parts = [part for part in said.split("; ") if part.startswith(_DATE_NOTES)]
        text[key] = "; ".join(parts + ([lifecycle] if lifecycle else []))
    return keys.map(text).astype(object)


_EDITION_DECLARED = re.compile(r"edition (\S+): declared by the municipality")
#: The catalogue key of each note written as a constant (``editions``, this module).
_NOTE_KEYS = {
    EDITION_UNKNOWN: "gs.eol.edition_unknown",
    OWN_SUPPORT_END: "gs.eol.own_support_end",
    TABLET_ON_IOS: "gs.eol.tablet_on_ios",
    SUPPORT_END_MISSING: "gs.eol.support_end_missing",
    WARRANTY_END_MISSING: "gs.eol.warranty_end_missing",
}


def note_message(note: str) -> MessageList:
    """A lifecycle note (``lifecycle_notes``: ``; ``-joined parts) as messages, for the
    reader's language (``str()`` is the note as written); a part not known here is kept
    as written (``gs.plain``)."""
    parts = []
    for part in (p for p in note.split("; ") if p):
        declared = _EDITION_DECLARED.fullmatch(part)
        parts.append(
            Message(_NOTE_KEYS[part])
            if part in _NOTE_KEYS
            else Message("gs.eol.edition_declared", {"edition": declared.group(1)})
            if declared
            else Message("gs.plain", {"text": part})
        )
    return MessageList(tuple(parts))
