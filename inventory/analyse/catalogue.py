"""The lifecycle catalogue: endoflife.date products and their release cycles.

The package ships a copy of endoflife.date's data (``inventory/data/endoflife-date.json``,
MIT, refreshed by ``scripts/refresh_lifecycle.py``). This module reads it once into small
frozen objects; normalisation matches names against it and lifecycle reads its dates.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

CATALOGUE_FILE = "endoflife-date.json"


@dataclass(frozen=True)
class Release:
    """One release cycle of a catalogue product.

    ``eol`` is a date, ``True`` (ended, date unknown), ``False`` (no end announced) or
    ``None`` (not given). ``eoes`` is the end of paid extended support, where there is one.
    """

    cycle: str
    label: str | None
    release_date: dt.date | None
    eol: dt.date | bool | None
    eoas: dt.date | bool | None
    eoes: dt.date | bool | None
    latest: str | None
    lts: bool


@dataclass(frozen=True)
class CatalogueProduct:
    """A product of the catalogue: its slug, title and release cycles (newest first)."""

    slug: str
    title: str
    category: str | None
    tags: tuple[str, ...]
    alternate_names: tuple[str, ...]
    releases: tuple[Release, ...]

    def release(self, cycle: str) -> Release | None:
        """The release with this cycle (as the catalogue spells it), if any."""
        for release in self.releases:
            if release.cycle == cycle:
                return release
        return None


@dataclass(frozen=True)
class Catalogue:
    """Every product of the lifecycle catalogue, by slug."""

    products: dict[str, CatalogueProduct]
    commit: str | None
    license: str

    def __contains__(self, slug: object) -> bool:
        return slug in self.products

    def get(self, slug: str | None) -> CatalogueProduct | None:
        return self.products.get(slug) if slug else None

    def release(self, slug: str | None, cycle: str | None) -> Release | None:
        """The release of a product's cycle, or ``None`` when either is unknown."""
        product = self.get(slug)
        if product is None or cycle is None:
            return None
        return product.release(cycle)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalogue:
        """A catalogue from the parsed endoflife.date JSON."""
        products = {slug: _product(slug, body) for slug, body in data["products"].items()}
        return cls(products=products, commit=data.get("commit"),
                   license=str(data.get("license", "")))

    @classmethod
    def from_file(cls, path: Path) -> Catalogue:
        """A catalogue read from a JSON file."""
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


@cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped in the package (read once per process)."""
    text = resources.files("inventory.data").joinpath(CATALOGUE_FILE).read_text(encoding="utf-8")
    return Catalogue.from_json(json.loads(text))


def _date_or_flag(value: Any) -> dt.date | bool | None:
    if isinstance(value, bool) or value is None:
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _product(slug: str, body: dict[str, Any]) -> CatalogueProduct:
    releases = []
    for item in body.get("releases", []):
        release_date = _date_or_flag(item.get("releaseDate"))
        releases.append(Release(
            cycle=str(item["releaseCycle"]),
            label=item.get("releaseLabel"),
            release_date=release_date if isinstance(release_date, dt.date) else None,
            eol=_date_or_flag(item.get("eol")),
            eoas=_date_or_flag(item.get("eoas")),
            eoes=_date_or_flag(item.get("eoes")),
            latest=str(item["latest"]) if item.get("latest") is not None else None,
            lts=bool(item.get("lts")),
        ))
    tags = body.get("tags") or ""
    alternate = [url.strip("/") for url in body.get("alternate_urls") or []]
    return CatalogueProduct(
        slug=slug, title=str(body.get("title") or slug), category=body.get("category"),
        tags=tuple(str(tags).split()), alternate_names=tuple(alternate),
        releases=tuple(releases))
