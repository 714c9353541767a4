"""Normalisation of a whole inventory, and the list of names a person should review.

``normalise_snapshot`` matches every product-bearing column of every record kind (server
operating systems and hardware, storage, network device software, platforms, client
operating systems, applications), column-wise: each distinct name is matched once.
``normalisation_review`` groups what did not match, was not taken (``review``: below the
confidence threshold, a vendor or role that does not fit, an ambiguous name; with its
candidates), matched with low confidence or matched a catalogue product without a release
cycle, with counts and where it occurs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from inventory.analyse.aliases import Role
from inventory.analyse.lifecycle import note_message, with_row_facts
from inventory.analyse.normalise import LOW_CONFIDENCE, MATCH_COLUMNS, Normaliser
from inventory.language.i18n import Lang
from inventory.messages import Message, MessageList, message_text
from inventory.missing import is_missing
from inventory.snapshot import InventorySnapshot


@dataclass(frozen=True)
class ProductSource:
    """Where a record kind names a product: its vendor, product and version columns.

    ``aspect`` says what the product is to the record (``os``, ``hardware``, ``software``).
    ``fallback`` is a column used where ``product`` is empty (an application's name).
    ``role`` is what the record is to matching (a server of kind ``appliance`` is an
    appliance): a product made for another role is never taken.
    """

    kind: str
    aspect: str
    vendor: str | None
    product: str
    version: str | None
    fallback: str | None = None
    role: Role | None = None


#: Every product-bearing column group the normaliser reads.
PRODUCT_SOURCES: tuple[ProductSource, ...] = (
    ProductSource("server", "os", None, "os_product", "os_version", role="server"),
    ProductSource("server", "hardware", "vendor", "model", None),
    ProductSource("storage", "hardware", "vendor", "model", "version", role="storage"),
    ProductSource("network_device", "os", "vendor", "model", "os_version", role="network"),
    ProductSource("platform", "software", "vendor", "product", "version"),
    ProductSource("client", "os", None, "os_product", "os_version", role="client"),
    ProductSource("application", "software", "vendor", "product", "version", fallback="name"),
)

NORMALISED_COLUMNS = (
    "municipality",
    "kind",
    "aspect",
    "record_id",
    "vendor_written",
    "product_written",
    "version_written",
    "count",
    *MATCH_COLUMNS,
)


def _column(frame: pd.DataFrame, name: str | None) -> pd.Series:
    if name is None or name not in frame.columns:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    values = frame[name].astype(object)
    return values.where(values.notna(), None)


def record_roles(source: ProductSource, rows: pd.DataFrame) -> Role | pd.Series | None:
    """The role of each record for matching: the source's, a server of kind ``appliance``
    an appliance (its OS is the vendor's, not a general-purpose server OS)."""
    if source.role != "server" or "kind" not in rows.columns:
        return source.role
    kind = rows["kind"].astype(object).where(rows["kind"].notna(), "").astype(str)
    return pd.Series(
        np.where(kind == "appliance", "appliance", "server"), index=rows.index, dtype=object
    )


def normalise_snapshot(
    snapshot: InventorySnapshot,
    normaliser: Normaliser,
    sources: tuple[ProductSource, ...] = PRODUCT_SOURCES,
) -> pd.DataFrame:
    """One row per record and product source, with what it normalised to.

    Columns: ``NORMALISED_COLUMNS``; ``count`` is the record's ``quantity`` where the kind
    has one (a client row may stand for many devices), else 1. Records that name no
    product in a source are left out.
    """
    parts = []
    for source in sources:
        frame = snapshot.table(source.kind)
        if frame.empty or source.product not in frame.columns:
            continue
        product = _column(frame, source.product)
        if source.fallback is not None:
            product = product.where(product.notna(), _column(frame, source.fallback))
        named = product.notna()
        if not named.any():
            continue
        rows = frame.loc[named]
        written = pd.DataFrame(
            {
                "vendor_written": _column(rows, source.vendor),
                "product_written": product[named],
                "version_written": _column(rows, source.version),
            },
            index=rows.index,
        )
        matches = normaliser.match_frame(
            written,
            "vendor_written",
            "product_written",
            "version_written",
            role=record_roles(source, rows),
        )
        counts = (
            pd.to_numeric(rows["quantity"], errors="coerce").fillna(1).astype("int64")
            if "quantity" in rows.columns
            else pd.Series(1, index=rows.index)
        )
        part = pd.concat(
            [
                pd.DataFrame(
                    {
                        "municipality": rows["municipality"].astype(object),
                        "kind": source.kind,
                        "aspect": source.aspect,
                        "record_id": rows["id"].astype(object),
                    },
                    index=rows.index,
                ),
                written,
                counts.rename("count"),
                matches,
            ],
            axis=1,
        )
        parts.append(part.reset_index(drop=True))
    if not parts:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in NORMALISED_COLUMNS})
    # the edition a municipality declares, a device's own support end (H-lifecycle)
    return with_row_facts(
        pd.concat(parts, ignore_index=True).loc[:, list(NORMALISED_COLUMNS)], snapshot, normaliser
    )


@dataclass(frozen=True)
class ReviewItem:
    """A written name a person should look at, with what it matched and where it occurs.

    ``reason``: ``unmatched`` (no product and no candidate), ``review`` (not taken: see
    ``candidates`` and ``note``), ``low_confidence`` (taken, but the release cycle is a
    guess), ``no_cycle`` (a catalogue product whose version gives no release cycle:
    lifecycle unknown), or ``ok`` (only listed when everything is asked for).
    ``candidates`` is ``candidates_text`` (``windows-server 0.70; windows 0.50``).
    """

    reason: str
    kind: str
    aspect: str
    vendor: str | None
    product: str
    version: str | None
    product_id: str | None
    title: str
    cycle: str | None
    confidence: float
    method: str
    records: int
    count: int
    municipalities: tuple[str, ...] = field(default_factory=tuple)
    examples: tuple[str, ...] = field(default_factory=tuple)
    candidates: str = ""
    note: str = ""
    #: ``note`` as messages, for the reader's language (``note_text``).
    note_message: Message | MessageList | None = None

    def note_text(self, lang: Lang) -> str:
        """``note`` in ``lang``: the matcher's notes and the edition and date notes."""
        return self.note if self.note_message is None else message_text(self.note_message, lang)

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "kind": self.kind,
            "aspect": self.aspect,
            "vendor": self.vendor,
            "product": self.product,
            "version": self.version,
            "product_id": self.product_id,
            "title": self.title,
            "cycle": self.cycle,
            "confidence": self.confidence,
            "method": self.method,
            "records": self.records,
            "count": self.count,
            "municipalities": list(self.municipalities),
            "examples": list(self.examples),
            "candidates": self.candidates,
            "note": self.note,
        }


def _text(value: object) -> str | None:
    """A group key as text; ``None`` for a missing value (NaN or NA after grouping)."""
    return None if is_missing(value) else str(value)


REASON_ORDER = {"unmatched": 0, "review": 1, "low_confidence": 2, "no_cycle": 3, "ok": 4}
EXAMPLES_PER_ITEM = 3


def _reasons(normalised: pd.DataFrame, normaliser: Normaliser) -> np.ndarray[Any, Any]:
    product_ids = normalised["product_id"]
    with_cycles = product_ids.map(
        lambda pid: bool(pid) and getattr(normaliser.product(pid), "cycles_from", None) is not None
    )
    reasons = np.full(len(normalised), "ok", dtype=object)
    reasons[(with_cycles & normalised["cycle"].isna()).to_numpy()] = "no_cycle"
    reasons[(normalised["confidence"] < LOW_CONFIDENCE).to_numpy()] = "low_confidence"
    reasons[product_ids.isna().to_numpy()] = "unmatched"
    reasons[(normalised["status"] == "review").to_numpy()] = "review"
    return reasons


def normalisation_review(
    snapshot: InventorySnapshot, normaliser: Normaliser, *, include_all: bool = False
) -> list[ReviewItem]:
    """The written names that did not normalise cleanly, most doubtful and common first.

    One item per distinct (kind, aspect, vendor, product, version) as written, with the
    number of records, the asset count (quantities summed) and the municipalities.
    ``include_all`` lists the clean matches too (reason ``ok``).
    """
    normalised = normalise_snapshot(snapshot, normaliser)
    if normalised.empty:
        return []
    normalised["reason"] = _reasons(normalised, normaliser)
    if not include_all:
        normalised = normalised[normalised["reason"] != "ok"]
    keys = ["reason", "kind", "aspect", "vendor_written", "product_written", "version_written"]
    items = []
    for key, group in normalised.groupby(keys, dropna=False, sort=False):
        reason, kind, aspect, vendor, product, version = (_text(value) for value in key)
        first = group.iloc[0]
        items.append(
            ReviewItem(
                reason=str(reason),
                kind=str(kind),
                aspect=str(aspect),
                vendor=vendor,
                product=str(product),
                version=version,
                product_id=_text(first["product_id"]),
                title=str(first["title"]),
                cycle=_text(first["cycle"]),
                confidence=float(first["confidence"]),
                method=str(first["method"]),
                records=len(group),
                count=int(group["count"].sum()),
                municipalities=tuple(sorted(group["municipality"].astype(str).unique())),
                examples=tuple(
                    f"{m}:{r}"
                    for m, r in group[["municipality", "record_id"]]
                    .head(EXAMPLES_PER_ITEM)
                    .itertuples(index=False, name=None)
                ),
                candidates=str(first["candidates"] or ""),
                note=str(first["note"] or ""),
                note_message=_note_message(first["note_message"], str(first["note"] or "")),
            )
        )
    items.sort(
        key=lambda item: (
            REASON_ORDER[item.reason],
            -item.count,
            item.kind,
            item.product.casefold(),
        )
    )
    return items


def _note_message(matched: object, note: str) -> MessageList | None:
    """A review item's note as messages: the matcher's (``note_message``), then the notes
    added after matching (an edition's, ``editions``) as ``lifecycle.note_message`` reads
    them; ``None`` without a note."""
    if not note:
        return None
    said = matched if isinstance(matched, Message | MessageList) else None
    parts: list[Message] = []
    rest = note
    if said is not None:
        parts += said.parts if isinstance(said, MessageList) else [said]
        written = str(said)
        rest = note[len(written) :].removeprefix("; ") if note.startswith(written) else note
    if rest:
        parts += note_message(rest).parts
    return MessageList(tuple(parts))


#: The columns of a review file, ``decision`` first: the one a person fills in.
REVIEW_FILE_COLUMNS = (
    "decision",
    "candidates",
    "reason",
    "note",
    "kind",
    "aspect",
    "vendor",
    "product",
    "version",
    "product_id",
    "cycle",
    "confidence",
    "count",
    "municipalities",
    "examples",
)


def review_frame(items: list[ReviewItem], lang: Lang = "en") -> pd.DataFrame:
    """The review file (``REVIEW_FILE_COLUMNS``): one row per item, ``decision`` empty;
    ``note`` in ``lang`` (the other columns are codes, names and figures).

    A person puts a product id (one of ``candidates``, or any id of the catalogue) in
    ``decision``, or leaves it empty; ``inventory normalise --aliases FILE`` (and every
    command that takes ``--aliases``) then reads the file as their aliases
    (``aliases.parse_review_text``).
    """
    rows = [
        {
            "decision": "",
            **item.to_json(),
            "note": item.note_text(lang),
            "municipalities": ";".join(item.municipalities),
            "examples": ";".join(item.examples),
        }
        for item in items
    ]
    return pd.DataFrame(rows, columns=list(REVIEW_FILE_COLUMNS))
