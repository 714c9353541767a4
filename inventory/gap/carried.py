"""Carried lines: yearly costs the municipalities pay today and after the merger alike
(docs/method.md#costs).

The renewal of their own client devices, servers, storage and network devices, the links
they rent, and the per-unit licences (per user, student, device, server, municipality) of
products they already run do not change because operations merge. Such a line is shown
once, phase ``carried`` ("today and after"), with the same amount on both sides: it is in
neither side of the saving, and its uncertainty does not widen the saving's range. A
licence line of a product only some municipalities run today is split: the part of those
that run it is carried, the rest is added (phase ``after``).

Each carried line is also split by municipality (``SPLIT``), so that the part within each
municipality's stated IT cost (by its definition's ``includes``) can be taken out of that
cost before the areas' reference shares split the rest (``with_carried``): today's cost of
the areas in scope is then measured like the cost after, without the carried lines.

Example::

    lines = carry(after_lines(counts, target), counts, municipal_counts(snapshot, target),
                  target)
    today = with_carried(today_costs(counts, target, it_costs), lines)
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from inventory.gap.blocks import FIRMWARE_CLIENT_KINDS
from inventory.gap.running import InventoryCounts, in_service_after, line_area
from inventory.messages import Message, MessageList
from inventory.snapshot import InventorySnapshot
from inventory.target.economics import LicenceBasis
from inventory.target.model import TargetArchitecture

CARRIED = "carried"
#: A line's amount per municipality (not a column: read by ``with_carried``).
SPLIT = "_split"

#: What today's cost definitions call each kind of carried line (the words of
#: ``running.AFTER_COUNTS``, as samples/study/it-costs.yaml's ``includes``).
CATEGORIES = {
    "renewal:client_device": "client devices",
    "renewal:physical_server": "infrastructure",
    "renewal:storage_tb": "infrastructure",
    "renewal:network_device": "infrastructure",
    "links": "communication",
    "licence": "licences",
}

#: Licence bases counted per municipality; one per ``organisation`` is a joint line that
#: replaces what each runs on its own today (a change, never carried).
_PER_UNIT = {
    LicenceBasis.USER: "employees",
    LicenceBasis.STUDENT: "students_with_devices",
    LicenceBasis.DEVICE: "managed_devices",
    LicenceBasis.SERVER: "servers",
    LicenceBasis.MUNICIPALITY: "one",
}


def category(item: str) -> str | None:
    """The cost definition's word for a line (``CATEGORIES``), ``None``: never carried."""
    head = item.split(":")
    for size in (2, 1):
        found = CATEGORIES.get(":".join(head[:size]))
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class MunicipalCounts:
    """Quantities per municipality (by the renewal key or licence basis) and the products
    each runs today (case-folded, from its platforms and applications)."""

    quantities: dict[str, dict[str, float]]
    products: dict[str, frozenset[str]]


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(math.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[column], errors="coerce").astype(float)


def _grouped(
    frame: pd.DataFrame, values: pd.Series, by: str | None, prefix: str
) -> dict[str, dict[str, float]]:
    if frame.empty:
        return {}
    keys = [frame["municipality"].astype(str)]
    if by is not None:
        keys.append(frame[by].astype(str))
    sums = values.groupby(keys, sort=True).sum()
    out: dict[str, dict[str, float]] = {}
    for index, value in sums.items():
        code, *rest = index if isinstance(index, tuple) else (index,)
        key = f"{prefix}:{rest[0]}" if rest else prefix
        out.setdefault(key, {})[str(code)] = float(value)
    return out


def municipal_counts(
    snapshot: InventorySnapshot, counts: InventoryCounts, removed: Collection[str] = ()
) -> MunicipalCounts:
    """The quantities of ``running.inventory_counts`` per municipality (vectorised);
    ``removed``: the servers the plan retires or switches off, as there."""
    clients = snapshot.table("client")
    devices = _numbers(clients, "quantity").fillna(1.0)
    servers = snapshot.table("server")
    kind = servers["kind"].astype(str) if not servers.empty else pd.Series(dtype=str)
    in_service = in_service_after(servers, removed)
    storage = snapshot.table("storage")
    network = snapshot.table("network_device")
    quantities = {
        **_grouped(clients, devices, "kind", "client_device"),
        **_grouped(network, _numbers(network, "quantity").fillna(1.0), "role", "network_device"),
        **_grouped(
            servers,
            (kind.isin(["physical", "appliance"]) & in_service).astype(float),
            None,
            "physical_server",
        ),
        **_grouped(
            servers,
            (kind.isin(["physical", "virtual"]) & in_service).astype(float),
            None,
            "servers",
        ),
        **_grouped(storage, _numbers(storage, "capacity_tb").fillna(0.0), None, "storage_tb"),
        **_grouped(
            clients,
            devices.where(~clients["kind"].astype(str).isin(FIRMWARE_CLIENT_KINDS), 0.0)
            if not clients.empty
            else devices,
            None,
            "managed_devices",
        ),
    }
    for column in ("employees", "students_with_devices"):
        values = _numbers(counts.table, column)
        quantities[column] = {
            str(code): float(value) for code, value in values.items() if not math.isnan(value)
        }
    quantities["one"] = dict.fromkeys(counts.municipalities, 1.0)
    products: dict[str, set[str]] = {code: set() for code in counts.municipalities}
    for table in ("platform", "application"):
        frame = snapshot.table(table)
        if frame.empty or "product" not in frame.columns:
            continue
        for code, product in zip(
            frame["municipality"].astype(str), frame["product"].fillna("").astype(str), strict=True
        ):
            if product.strip():
                products.setdefault(code, set()).add(product.strip().casefold())
    return MunicipalCounts(quantities, {code: frozenset(names) for code, names in products.items()})


def runs_today(names: Sequence[str], line_name: str, products: frozenset[str]) -> bool:
    """Whether a municipality runs a licence line's product today: a product the line lists,
    or one whose name the line's name holds as whole words ("Microsoft 365" in
    "Microsoft 365 E3")."""
    listed = {name.strip().casefold() for name in names}
    if listed & products:
        return True
    name = line_name.casefold()
    return any(re.search(rf"(?<!\w){re.escape(product)}(?!\w)", name) for product in products)


def _carried(line: dict[str, Any], split: dict[str, float], note: Message) -> dict[str, Any]:
    quantity = sum(split.values())
    price = line["unit_price"]
    amounts = {code: value * price for code, value in split.items()}
    parts = (note, *line["note_message"].parts)
    return {
        **line,
        "phase": CARRIED,
        "quantity": float(quantity),
        "amount": quantity * price if line["priced"] else math.nan,
        "note": "; ".join(str(part) for part in parts),
        "note_message": MessageList(parts),
        SPLIT: amounts,
    }


def carry(
    lines: list[dict[str, Any]],
    counts: InventoryCounts,
    municipal: MunicipalCounts,
    target: TargetArchitecture,
) -> list[dict[str, Any]]:
    """The running lines after the merger with the carried ones marked (``CARRIED``) and
    split by municipality; a licence run today by some municipalities only is two lines."""
    bases = {f"licence:{line.name}": line for line in target.economics.running.lines}
    out: list[dict[str, Any]] = []
    for line in lines:
        item = str(line["item"])
        what = category(item)
        if what is None or line["phase"] != "after":
            out.append(line)
            continue
        if what != "licences":  # the whole line: its quantity as counted, split by owner
            note = Message(
                "gs.cost.carried",
                {
                    "what": Message(f"gs.cost.category.{what.replace(' ', '_')}"),
                    "area": line_area(item) or "-",
                },
            )
            split = (
                {
                    code: cost / (line["unit_price"] or 1.0)
                    for code, cost in counts.link_cost.items()
                }
                if item == "links"
                else municipal.quantities.get(item.partition(":")[2], {})
            )
            out.append(
                {
                    **_carried(line, split, note),
                    "quantity": line["quantity"],
                    "amount": line["amount"],
                }
            )
            continue
        licence = bases.get(item)
        basis = _PER_UNIT.get(LicenceBasis(licence.per)) if licence is not None else None
        if licence is None or basis is None or not line["priced"]:
            out.append(line)
            continue
        quantity = municipal.quantities.get(basis, {})
        running = sorted(
            code
            for code in counts.municipalities
            if runs_today(licence.products, licence.name, municipal.products.get(code, frozenset()))
        )
        if not running:
            out.append(line)
            continue
        added = [code for code in counts.municipalities if code not in running]
        out.append(
            _carried(
                line,
                {code: quantity.get(code, 0.0) for code in running},
                Message("gs.cost.carried_licence", {"municipalities": ", ".join(running)}),
            )
        )
        if added:
            rest = sum(quantity.get(code, 0.0) for code in added)
            note = Message("gs.cost.added_licence", {"municipalities": ", ".join(added)})
            parts = (note, *line["note_message"].parts)
            out.append(
                {
                    **line,
                    "quantity": float(rest),
                    "amount": rest * line["unit_price"],
                    "note": "; ".join(str(part) for part in parts),
                    "note_message": MessageList(parts),
                }
            )
    return out


def _included(category_word: str, source: str, includes: str, excludes: str) -> bool:
    """Whether today's stated cost counts a carried line's kind: by the study's definition;
    a figure whose definition is not stated (the municipality file's budget) is taken to
    count everything the IT department runs (the note says so)."""
    if source != "study":
        return True
    counted = {part.strip().casefold() for part in includes.split(";")}
    left_out = {part.strip().casefold() for part in excludes.split(";")}
    return category_word in counted and category_word not in left_out


def with_carried(today: pd.DataFrame, lines: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """``today`` with, per municipality, the carried lines within its stated cost
    (``carried_in_cost``), those its definition leaves out (``carried_outside_cost``: paid
    by the departments, in neither total) and the rest of its stated cost
    (``not_carried``), which the areas' reference shares split; each says so in its note."""
    frame = today.copy()
    inside: list[float] = []
    outside: list[float] = []
    notes: list[MessageList] = []
    for code, cost, source, includes, excludes, note in zip(
        frame["municipality"],
        frame["it_cost"].astype(float),
        frame["source"],
        frame["includes"],
        frame["excludes"],
        frame["note_message"],
        strict=True,
    ):
        within = left = 0.0
        left_words: set[str] = set()
        for line in lines:
            if line["phase"] != CARRIED:
                continue
            amount = float(line[SPLIT].get(str(code), 0.0))
            word = category(str(line["item"])) or ""
            if _included(word, str(source), str(includes), str(excludes)):
                within += amount
            else:
                left += amount
                left_words.add(word)
        inside.append(within)
        outside.append(left)
        parts = list(note.parts)
        if within and source != "study":
            parts.append(Message("gs.today.carried_assumed"))
        if left_words:
            parts.append(
                Message(
                    "gs.today.carried_outside",
                    {
                        "what": MessageList(
                            tuple(
                                Message(f"gs.cost.category.{word.replace(' ', '_')}")
                                for word in sorted(left_words)
                            )
                        )
                    },
                )
            )
        if cost - within < 0:
            parts.append(Message("gs.today.carried_exceeds"))
        notes.append(MessageList(tuple(parts)))
    frame["carried_in_cost"] = inside
    frame["carried_outside_cost"] = outside
    frame["not_carried"] = frame["it_cost"].astype(float) - frame["carried_in_cost"]
    frame["note_message"] = pd.Series(notes, index=frame.index, dtype=object)
    frame["note"] = [str(note) for note in notes]
    return frame
