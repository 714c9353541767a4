"""Editions and servicing tracks: which release cycle of a product an edition follows.

Windows 10/11 has one feature update per year but several end dates for it: Enterprise and
Education (endoflife.date cycles ``11-24h2-e``) are supported a year longer than Home and
Pro (``11-24h2-w``); the long-term servicing channel (``11-24h2-e-lts``, ``10-21h2-e-lts``)
and IoT LTSC (``-iot-lts``) longer again. Rules:

* the edition is read from the product and version text (``Windows 11 Enterprise``,
  ``Windows 10 Utbildning``, ``LTSC 2021``); LTSC only where LTSC or LTSB is written;
* where the text names no edition, a client row takes the edition its municipality
  declares (``client_edition`` of the municipality file);
* where it is still unknown, the ``(W)`` cycle: the shortest support, so nothing is
  reported as supported for longer than it may be; the row's note says so
  (``EDITION_UNKNOWN``).

iOS and iPadOS are separate products of the catalogue, each with its own dates (iPadOS 17
and iOS 16 are still patched for devices that cannot take the next release; iOS 17 is
not). A tablet row that says ``iOS`` is read as written: iOS's dates are the shorter ones
(conservative) and iPads ran "iOS" until 12; the row's note says so
(``lifecycle.TABLET_ON_IOS``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from inventory.analyse.aliases import normalise_name
from inventory.analyse.catalogue import CatalogueProduct, Release
from inventory.models.enums import ClientEdition

#: The note of a row whose edition is not known: the shortest-support cycle was taken.
EDITION_UNKNOWN = "edition unknown: conservative date"

#: Words that name an edition (normalised), English, Swedish and Norwegian.
_EDITION_WORDS: dict[str, ClientEdition] = {
    "enterprise": ClientEdition.ENTERPRISE,
    "ent": ClientEdition.ENTERPRISE,
    "företag": ClientEdition.ENTERPRISE,
    "bedrift": ClientEdition.ENTERPRISE,
    "iot": ClientEdition.ENTERPRISE,  # IoT Enterprise follows Enterprise
    "education": ClientEdition.EDUCATION,
    "edu": ClientEdition.EDUCATION,
    "utbildning": ClientEdition.EDUCATION,
    "utdanning": ClientEdition.EDUCATION,
    "pro": ClientEdition.PRO,
    "professional": ClientEdition.PRO,
    "home": ClientEdition.HOME,
    "hem": ClientEdition.HOME,
    "hjem": ClientEdition.HOME,
    "ltsc": ClientEdition.LTSC,
    "ltsb": ClientEdition.LTSC,
}
#: When a text names several (``Enterprise LTSC``), the one that decides the cycle.
_PRECEDENCE = (
    ClientEdition.LTSC,
    ClientEdition.EDUCATION,
    ClientEdition.ENTERPRISE,
    ClientEdition.PRO,
    ClientEdition.HOME,
)
#: The edition letters of a catalogue cycle (``11-24h2-e-lts`` ends in ``e``, ``lts``).
_CYCLE_EDITION_TOKENS = frozenset({"e", "w", "lts", "iot"})


def edition_in_words(words: set[str]) -> ClientEdition | None:
    """The edition normalised words name, or ``None``.

    >>> edition_in_words({"windows", "10", "enterprise", "ltsc", "2021"}).value
    'ltsc'
    """
    found = {_EDITION_WORDS[word] for word in words if word in _EDITION_WORDS}
    if ClientEdition.PRO in found:  # Pro Education is serviced as Pro, not as Education
        found.discard(ClientEdition.EDUCATION)
    if {"long", "term", "servicing"} <= words:
        found.add(ClientEdition.LTSC)
    return next((edition for edition in _PRECEDENCE if edition in found), None)


def edition_written(*texts: object) -> ClientEdition | None:
    """The edition a product and version text name (``None`` when neither names one)."""
    words: set[str] = set()
    for text in texts:
        if isinstance(text, str) and text:
            words.update(normalise_name(text).split())
    return edition_in_words(words)


def windows_cycle_suffix(words: set[str]) -> tuple[str, ...]:
    """The cycle suffix of the Windows 10/11 edition ``words`` name (see the module
    docstring): ``("e",)``, ``("w",)``, ``("e", "lts")`` or ``("iot", "lts")``."""
    edition = edition_in_words(words)
    if edition is ClientEdition.LTSC:
        return ("iot", "lts") if "iot" in words else ("e", "lts")
    if edition in (ClientEdition.ENTERPRISE, ClientEdition.EDUCATION):
        return ("e",)
    return ("w",)


#: Catalogue products whose cycles depend on the edition named next to the version.
EDITION_SUFFIX: dict[str, Callable[[set[str]], tuple[str, ...]]] = {"windows": windows_cycle_suffix}


def cycle_edition(cycle: str) -> tuple[str, ...]:
    """The edition letters a catalogue cycle ends with (``10-21h2-e-lts`` -> ``(e, lts)``,
    ``10-22h2`` -> ``()``)."""
    tokens = cycle.split("-")
    end = len(tokens)
    while end > 1 and tokens[end - 1] in _CYCLE_EDITION_TOKENS:
        end -= 1
    return tuple(tokens[end:])


#: Words that name each edition suffix in a version text (``11 24H2 Enterprise``).
_SUFFIX_WORDS = {
    ("e",): "Enterprise",
    ("e", "lts"): "Enterprise LTSC",
    ("iot", "lts"): "IoT Enterprise LTSC",
}


def edition_version_text(release: Release) -> str | None:
    """A version text naming a cycle with its edition, that the normaliser reads back as
    that cycle (``11-24h2-e`` -> ``11 24H2 Enterprise``); ``None`` where the plain text
    does (no edition, or the conservative (W) cycle)."""
    words = _SUFFIX_WORDS.get(cycle_edition(release.cycle))
    if words is None:
        return None
    label = release.label or release.cycle
    base = " ".join(
        word
        for word in label.replace("(E)", " ").replace("(W)", " ").split()
        if word.casefold() not in {"iot", "lts", "ltsc"}
    )
    return f"{base} {words}"


def prefer_edition(releases: list[Release], suffix: tuple[str, ...]) -> list[Release]:
    """The releases of ``releases`` that the edition ``suffix`` follows.

    Cycles of exactly that edition, and cycles without edition (``10-22h2``: one date for
    all) unless a long-term track is wanted; never another edition's cycle when one of
    the wanted edition or without edition is there (labels alone do not tell ``10 21H2
    (E)`` from its LTSC sibling).
    """
    if not suffix:
        return releases
    exact = [r for r in releases if cycle_edition(r.cycle) == suffix]
    if "lts" in suffix:
        return exact or releases
    plain = [r for r in releases if not cycle_edition(r.cycle)]
    return exact + plain or releases


def edition_cycle(product: CatalogueProduct, cycle: str, edition: ClientEdition) -> str | None:
    """The cycle of the same feature update for another edition (``11-23h2-w`` with
    Enterprise -> ``11-23h2-e``), ``None`` when the catalogue has none."""
    base = cycle[: len(cycle) - sum(len(t) + 1 for t in cycle_edition(cycle))]
    if edition is ClientEdition.LTSC:
        wanted = [f"{base}-e-lts", f"{base}-e"]
    elif edition in (ClientEdition.ENTERPRISE, ClientEdition.EDUCATION):
        wanted = [f"{base}-e"]
    else:
        wanted = [f"{base}-w"]
    cycles = {release.cycle for release in product.releases}
    return next((name for name in wanted if name in cycles), None)


def declared_editions(municipalities: pd.DataFrame) -> dict[str, ClientEdition]:
    """The client edition each municipality declares (``client_edition``), by code."""
    if municipalities.empty or "client_edition" not in municipalities.columns:
        return {}
    declared: dict[str, ClientEdition] = {}
    for code, value in zip(municipalities["code"], municipalities["client_edition"], strict=True):
        if isinstance(value, str) and value:
            parsed = ClientEdition.parse(value)
            if parsed is not None:
                declared[str(code)] = ClientEdition(str(parsed))
    return declared


def apply_editions(
    normalised: pd.DataFrame,
    catalogue_of: Callable[[str], str | None],
    product: Callable[[str], CatalogueProduct | None],
    declared: Mapping[str, ClientEdition],
) -> pd.DataFrame:
    """Rows of ``normalise_snapshot`` whose edition decides the cycle, settled.

    For a row of an edition-dependent product (``EDITION_SUFFIX``) whose text names no
    edition and whose cycle has editions: a client row of a municipality that declares
    its client edition takes that edition's cycle; any other keeps the conservative one
    and gets the note ``EDITION_UNKNOWN``. ``catalogue_of`` maps a product id to the
    catalogue product its cycles come from, ``product`` a slug to the catalogue product.
    Work is per distinct (municipality, kind, product, cycle, text), not per row.
    """
    if normalised.empty:
        return normalised
    # which rows: a product whose cycles have editions, on a conservative (W) cycle (codes
    # per distinct value: a million client rows are a handful of products and cycles)
    sources: dict[str, str | None] = {}
    ids, id_values = pd.factorize(normalised["product_id"])
    with_editions = np.array(
        [
            (sources.setdefault(str(pid), catalogue_of(str(pid))) in EDITION_SUFFIX)
            for pid in id_values
        ]
        + [False]
    )
    dependent = with_editions[ids]  # code -1 (missing) takes the last entry: False
    if not dependent.any():
        return normalised
    codes, cycle_values = pd.factorize(normalised["cycle"])
    conservative = np.array([cycle_edition(str(c)) == ("w",) for c in cycle_values] + [False])
    dependent &= conservative[codes]
    if not dependent.any():
        return normalised
    if "note" not in normalised.columns:
        normalised = normalised.assign(note="")
    rows = normalised.loc[dependent]
    columns = [
        "municipality",
        "kind",
        "product_id",
        "cycle",
        "product_written",
        "version_written",
        "note",
    ]
    groups, distinct = _distinct(rows, columns)
    cycles = np.empty(len(distinct), dtype=object)
    notes = np.empty(len(distinct), dtype=object)
    for position, (code, kind, pid, cycle, written, version, note) in enumerate(distinct):
        cycles[position], notes[position] = str(cycle), note
        if edition_written(written, version) is not None:
            continue
        slug = sources.get(str(pid))
        catalogue = product(slug) if slug else None
        edition = declared.get(str(code)) if kind == "client" else None
        other = (
            edition_cycle(catalogue, str(cycle), edition)
            if catalogue is not None and edition is not None
            else None
        )
        if other is not None and edition is not None:
            cycles[position] = other
            said = f"edition {edition.value}: declared by the municipality"
        else:
            said = EDITION_UNKNOWN
        notes[position] = f"{note}; {said}" if note else said
    new_cycles = normalised["cycle"].to_numpy(dtype=object, copy=True)
    new_notes = normalised["note"].to_numpy(dtype=object, copy=True)
    new_cycles[dependent] = cycles[groups]
    new_notes[dependent] = notes[groups]
    return normalised.assign(
        cycle=pd.Series(new_cycles, index=normalised.index, dtype=object),
        note=pd.Series(new_notes, index=normalised.index, dtype=object),
    )


def _distinct(
    frame: pd.DataFrame, columns: list[str]
) -> tuple[np.ndarray, list[tuple[object, ...]]]:
    # local import: normalise imports this module
    from inventory.analyse.normalise import distinct_rows

    return distinct_rows(frame, columns)
