"""Releases as people write them: ``Windows Server 2012 R2``, not the catalogue's cycle id.

The lifecycle catalogue (endoflife.date) keys a product's releases by a cycle id made for
URLs (``2012-r2``, ``12.0-sp3``, ``11-23h2-e``) and gives many of them a ``releaseLabel``
in the vendor's words (``Windows Server 2012 R2``, ``2014 '__CODENAME__' SP3``). Texts for
people (the plan's items, the risks) name a release by its label:

* ``__RELEASE_CYCLE__`` in a label is the cycle id; other placeholders (``__CODENAME__``,
  with the quotes or brackets around them) are dropped: the catalogue shipped here carries
  no code names;
* the label's leading words that repeat the product's title are dropped (``Windows Server
  2012 R2`` of ``Microsoft Windows Server``: ``2012 R2``), as the text puts the product's
  own title before it;
* patch levels a label adds to name the latest update (``2016 CU23 SU19`` of Exchange:
  ``CU``, ``SU``, ``UR``, ``RU`` with a number) are dropped: they are the catalogue's
  newest patch, not the release an asset runs;
* a cycle without a label, or a product outside the catalogue, keeps its cycle id
  (``7.0``, ``22.04``, ``2016``).

The cycle id stays the key everywhere else (blocks, comparisons, the ``cycle`` columns).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from inventory.analyse.catalogue import Catalogue, CatalogueProduct, default_catalogue
from inventory.analyse.normalise import Normaliser

_PLACEHOLDER = re.compile(r"\s*[('\"]*__[A-Z_]+__[)'\"]*")
_PATCH_LEVEL = re.compile(r"(?:CU|SU|UR|RU)\d+", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return text.replace("(", " ").replace(")", " ").split()


def release_label(product: CatalogueProduct | None, cycle: str) -> str:
    """How people write release ``cycle`` of ``product`` (module docstring), without the
    product's title; the cycle id where the catalogue has no label."""
    release = product.release(cycle) if product is not None else None
    if product is None or release is None or not release.label:
        return cycle
    label = _PLACEHOLDER.sub(" ", release.label.replace("__RELEASE_CYCLE__", cycle))
    words = label.split()
    title = [word.casefold() for word in _words(product.title)]
    for length in range(len(title), 0, -1):  # "Windows Server 2012 R2" of "... Windows Server"
        if [word.casefold() for word in words[:length]] == title[-length:]:
            words = words[length:]
            break
    kept = [word for at, word in enumerate(words) if at == 0 or not _PATCH_LEVEL.fullmatch(word)]
    return " ".join(kept) or cycle


class ReleaseNames:
    """``title label`` texts of (title, cycle) pairs, the product found by its catalogue id
    where given, else by its title through the normaliser; each distinct pair worked out
    once."""

    def __init__(
        self, normaliser: Normaliser | None = None, catalogue: Catalogue | None = None
    ) -> None:
        self._normaliser = normaliser
        self._catalogue = catalogue
        self._products: dict[str, str | None] = {}
        self._texts: dict[tuple[str, str, str], str] = {}

    @property
    def normaliser(self) -> Normaliser:
        if self._normaliser is None:
            self._normaliser = Normaliser.default()
        return self._normaliser

    @property
    def catalogue(self) -> Catalogue:
        if self._catalogue is None:  # (the catalogue alone needs no normaliser built)
            self._catalogue = (
                self._normaliser.catalogue if self._normaliser is not None else default_catalogue()
            )
        return self._catalogue

    def _product_of(self, title: str) -> str | None:
        if title not in self._products:
            found = self.normaliser.match(None, title, None).product_id if title else None
            self._products[title] = found if found in self.catalogue else None
        return self._products[title]

    def text(self, title: object, cycle: object, product_id: object = None) -> str:
        """``title`` and the release's label (``Windows Server 2012 R2``); ``title`` alone
        without a cycle."""
        name = "" if title is None or title != title else str(title)  # (NaN is no title)
        release = "" if cycle is None or cycle != cycle else str(cycle)
        slug = "" if product_id is None or product_id != product_id else str(product_id)
        key = (name, release, slug)
        found = self._texts.get(key)
        if found is None:
            product = self.catalogue.get(slug if slug in self.catalogue else self._product_of(name))
            label = release_label(product, release) if release else ""
            found = f"{name} {label}".strip()
            self._texts[key] = found
        return found

    def label(self, title: object, cycle: object, product_id: object = None) -> str:
        """The release's label alone (``2012 R2``): ``text`` without the title."""
        name = "" if title is None or title != title else str(title)
        whole = self.text(title, cycle, product_id)
        return whole[len(name) :].strip() if name and whole.startswith(name) else whole

    def texts(
        self,
        titles: Iterable[object],
        cycles: Iterable[object],
        product_ids: Iterable[object] | None = None,
    ) -> list[str]:
        """``text`` of each aligned (title, cycle, product id)."""
        titles, cycles = list(titles), list(cycles)
        ids = list(product_ids) if product_ids is not None else [None] * len(titles)
        return [
            self.text(title, cycle, slug)
            for title, cycle, slug in zip(titles, cycles, ids, strict=True)
        ]


def release_texts(
    titles: Iterable[object],
    cycles: Iterable[object],
    product_ids: Iterable[object] | None = None,
    normaliser: Normaliser | None = None,
) -> list[str]:
    """``title label`` of each aligned (title, cycle[, product id]) (``ReleaseNames``)."""
    return ReleaseNames(normaliser).texts(titles, cycles, product_ids)


def with_release_labels(
    frame: pd.DataFrame, title: str = "title", cycle: str = "cycle", product_id: str = ""
) -> pd.DataFrame:
    """``frame`` with its ``cycle`` column shown as release labels (``2012 R2``), for a table
    people read; the frame itself keeps the cycle ids (the key)."""
    if frame.empty or title not in frame.columns or cycle not in frame.columns:
        return frame
    names = ReleaseNames()
    ids = frame[product_id].tolist() if product_id in frame.columns else None
    labels = [
        names.label(name, value, slug) if value is not None and value == value else value
        for name, value, slug in zip(
            frame[title].tolist(), frame[cycle].tolist(), ids or [None] * len(frame), strict=True
        )
    ]
    return frame.assign(**{cycle: pd.Series(labels, index=frame.index, dtype=object)})
