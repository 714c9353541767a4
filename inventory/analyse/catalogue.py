"""The lifecycle catalogue: endoflife.date products and their release cycles.

The package ships a copy of endoflife.date's data (``inventory/data/endoflife-date.json``,
MIT, refreshed by ``scripts/refresh_lifecycle.py``). This module reads it once into small
frozen objects; normalisation matches names against it and lifecycle reads its dates.

Local corrections: a lifecycle overrides file (YAML, ``inventory lifecycle
--lifecycle-overrides FILE``, also on ``gap`` and ``report``) corrects or adds facts, one
entry per release cycle, each with where the fact comes from::

    cycles:
      - product: windows            # a catalogue slug (or an alias id: see aliases.py)
        cycle: 11-23h2-e            # an existing cycle is corrected, a new one added
        eol: 2027-11-09             # date, true (ended, date unknown) or false (no end)
        support: 2026-11-10         # end of active support (optional)
        extended_support: 2029-11-13  # end of paid extended support (optional)
        lts: true                   # a long-term track: may outlive newer cycles
        release_date: 2023-10-31
        source: "ESU agreement 2026-03, the municipality's contract"
      - product: procapita          # a product the catalogue lacks needs a title
        title: Procapita
        cycle: "11"
        eol: 2028-12-31
        source: "Tietoevry release letter 2025-10"

Every problem names the file and line. ``check_catalogue`` flags cycles that outlive a
newer cycle of the same product and track without being marked long-term: usually a
data error, or a track kept alive for old hardware (iOS 16 for the iPhone 8), which an
overrides entry then marks ``lts: true`` or corrects.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from inventory.issues import InvalidInputError, Issue, IssueCode, template_key
from inventory.messages import Message, Param
from inventory.yamlfile import read_yaml_file, validate_document

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

    def with_overrides(self, overrides: LifecycleOverrides) -> Catalogue:
        """This catalogue with an overrides file's facts: cycles corrected or added (newest
        first by release date), products added."""
        products = dict(self.products)
        for fact in overrides.cycles:
            product = products.get(fact.product) or CatalogueProduct(
                slug=fact.product,
                title=fact.title or fact.product,
                category=None,
                tags=(),
                alternate_names=(),
                releases=(),
            )
            known = product.release(fact.cycle)
            release = known or Release(
                cycle=fact.cycle,
                label=None,
                release_date=None,
                eol=None,
                eoas=None,
                eoes=None,
                latest=None,
                lts=False,
            )
            release = replace(
                release,
                eol=fact.eol if fact.eol is not None else release.eol,
                eoas=fact.support if fact.support is not None else release.eoas,
                eoes=(fact.extended_support if fact.extended_support is not None else release.eoes),
                lts=fact.lts if fact.lts is not None else release.lts,
                release_date=fact.release_date or release.release_date,
                label=fact.label or release.label,
                latest=fact.latest or release.latest,
            )
            others = [r for r in product.releases if r.cycle != fact.cycle]
            releases = sorted(
                [*others, release], key=lambda r: r.release_date or dt.date.min, reverse=True
            )
            products[fact.product] = replace(
                product, title=fact.title or product.title, releases=tuple(releases)
            )
        return Catalogue(products=products, commit=self.commit, license=self.license)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalogue:
        """A catalogue from the parsed endoflife.date JSON."""
        products = {slug: _product(slug, body) for slug, body in data["products"].items()}
        return cls(
            products=products, commit=data.get("commit"), license=str(data.get("license", ""))
        )


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
        releases.append(
            Release(
                cycle=str(item["releaseCycle"]),
                label=item.get("releaseLabel"),
                release_date=release_date if isinstance(release_date, dt.date) else None,
                eol=_date_or_flag(item.get("eol")),
                eoas=_date_or_flag(item.get("eoas")),
                eoes=_date_or_flag(item.get("eoes")),
                latest=str(item["latest"]) if item.get("latest") is not None else None,
                lts=bool(item.get("lts")),
            )
        )
    tags = body.get("tags") or ""
    alternate = [url.strip("/") for url in body.get("alternate_urls") or []]
    return CatalogueProduct(
        slug=slug,
        title=str(body.get("title") or slug),
        category=body.get("category"),
        tags=tuple(str(tags).split()),
        alternate_names=tuple(alternate),
        releases=tuple(releases),
    )


# --- local overrides ---------------------------------------------------------------------


class LifecycleOverridesError(InvalidInputError):
    """A lifecycle overrides file cannot be read or does not follow its schema: ``issues``
    name every problem with its code, file and line; nothing was overridden."""

    def __init__(self, issues: list[Issue], path: Path) -> None:
        super().__init__(issues, str(path), _HINT)


_SLUG = r"^[a-z0-9][a-z0-9.+_-]*$"
_END = dt.date | bool | None


class LifecycleFact(BaseModel):
    """One release cycle's facts in an overrides file (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    product: str = Field(pattern=_SLUG)
    cycle: str = Field(min_length=1, pattern=r"^\S+$")
    title: str | None = Field(default=None, min_length=1)
    eol: _END = None
    support: _END = None
    extended_support: _END = None
    lts: bool | None = None
    release_date: dt.date | None = None
    label: str | None = None
    latest: str | None = None
    source: str = Field(min_length=1, description="Where the fact comes from")


class LifecycleOverrides(BaseModel):
    """A whole overrides file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cycles: tuple[LifecycleFact, ...] = Field(min_length=1)


_HINT = Message("validation.hint.lifecycle")


def load_lifecycle_overrides(
    path: Path, catalogue: Catalogue, known_products: Mapping[str, str | None] | None = None
) -> LifecycleOverrides:
    """An overrides file, validated against ``catalogue``.

    ``known_products`` maps the normaliser's product ids (alias ids) to the catalogue
    product whose cycles they read (``hyper-v`` -> ``windows-server``). An overrides
    entry must name the catalogue product: ``LifecycleOverridesError`` lists every problem
    with its line: the schema, a cycle named twice, an alias id that reads another
    product's cycles, a product unknown everywhere without a ``title``, a new cycle
    without ``eol``.
    """
    known_products = known_products or {}
    document, issues = read_yaml_file(path)
    model = None
    if document is not None:
        model, issues = validate_document(LifecycleOverrides, document, str(path), hint=_HINT)
    if model is None or document is None:
        raise LifecycleOverridesError(issues, path)
    problems: list[Issue] = []

    def problem(code: IssueCode, situation: str, line: int, **params: str) -> None:
        problems.append(
            Issue(
                code=code,
                file=str(path),
                line=line,
                template=template_key(code, situation),
                params={name: repr(value) for name, value in params.items()},
            )
        )

    seen: set[tuple[str, str]] = set()
    for position, fact in enumerate(model.cycles):
        line = document.lines.line_of(("cycles", position)) or 1
        key = (fact.product, fact.cycle)
        if key in seen:
            problem(
                IssueCode.DUPLICATE_KEY,
                "override_cycle",
                line,
                cycle=fact.cycle,
                product=fact.product,
            )
        seen.add(key)
        product = catalogue.get(fact.product)
        reads = known_products.get(fact.product)
        if product is None and reads is not None and reads != fact.product:
            problem(
                IssueCode.INVALID_VALUE, "override_alias", line, product=fact.product, reads=reads
            )
        elif product is None and fact.product not in known_products and fact.title is None:
            problem(IssueCode.INVALID_VALUE, "override_product", line, product=fact.product)
        elif (product is None or product.release(fact.cycle) is None) and fact.eol is None:
            problem(
                IssueCode.MISSING_VALUE,
                "override_eol",
                line,
                cycle=fact.cycle,
                product=fact.product,
            )
    if problems:
        raise LifecycleOverridesError(problems, path)
    return model


# --- the data check ----------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueFinding:
    """An older release cycle that outlives a newer one of the same product and track
    without being marked long-term (``end`` ``None``: no end announced)."""

    product: str
    title: str
    older: str
    older_released: dt.date
    older_end: dt.date | None
    newer: str
    newer_released: dt.date
    newer_end: dt.date

    @property
    def text(self) -> Message:
        """The finding for the reader's language (``messages.message_text``)."""
        params: dict[str, Param] = {
            "title": self.title,
            "older": self.older,
            "older_released": self.older_released.isoformat(),
            "newer": self.newer,
            "newer_released": self.newer_released.isoformat(),
            "newer_end": self.newer_end.isoformat(),
        }
        if self.older_end is None:
            return Message("lifecycle.catalogue.outlives_no_end", params)
        return Message(
            "lifecycle.catalogue.outlives", {**params, "older_end": self.older_end.isoformat()}
        )

    @property
    def message(self) -> str:
        """The English text (JSON)."""
        return str(self.text)

    def to_json(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "older": self.older,
            "newer": self.newer,
            "older_end": self.older_end.isoformat() if self.older_end else None,
            "newer_end": self.newer_end.isoformat(),
            "message": self.message,
        }


#: Products whose cycles carry a major version in front of their track (Windows 10, 11).
_MAJOR_TRACKS = frozenset({"windows"})


def _track(slug: str, cycle: str) -> tuple[str, ...]:
    """The servicing track of a cycle: its letter-only parts (``e``, ``w``, ``lts``, ``sac``)
    and, for Windows, its major version: only cycles of one track replace each other."""
    parts = cycle.split("-")
    letters = tuple(sorted(p for p in parts if re.fullmatch(r"[a-z]+", p)))
    return (parts[0], *letters) if slug in _MAJOR_TRACKS else letters


def check_catalogue(
    catalogue: Catalogue, products: Iterable[str] | None = None
) -> list[CatalogueFinding]:
    """Cycles that outlive a newer cycle of the same product and track without being
    marked long-term (``lts``): at most one finding per older cycle (the first newer
    cycle it outlives). A version's service packs (``12.0-sp1`` ... ``12.0-sp3``) are one
    line, ending with its last. ``products``: only these slugs (default: every product).

    >>> check_catalogue(default_catalogue(), ["windows-server", "mssqlserver"])
    []
    """
    slugs = (
        catalogue.products
        if products is None
        else [slug for slug in dict.fromkeys(products) if slug in catalogue.products]
    )
    findings = []
    for slug in slugs:
        product = catalogue.products[slug]
        lines: dict[tuple[tuple[str, ...], str], list[Release]] = {}
        for release in product.releases:
            if release.release_date is not None and _end(release) is not None:
                base = _SERVICE_PACK.sub("", release.cycle)  # 10.50-r2-sp3: the 10.50 line
                if re.fullmatch(r"\d+(?:\.\d+)*", base):  # 9.00-sp3 and 9.0-sp4: one line
                    base = ".".join(str(int(part)) for part in base.split("."))
                lines.setdefault((_track(slug, release.cycle), base), []).append(release)
        dated = sorted(
            ((track, _line_of(releases)) for (track, _), releases in lines.items()),
            key=lambda item: item[1][1],
        )
        for position, (track, (older, first_day, older_end)) in enumerate(dated):
            if older.lts:
                continue
            for other_track, (newer, newer_day, newer_end) in dated[position + 1 :]:
                if (
                    other_track != track
                    or newer_end is dt.date.max
                    or newer_day == first_day
                    or older_end <= newer_end
                ):
                    continue
                findings.append(
                    CatalogueFinding(
                        slug,
                        product.title,
                        older.cycle,
                        first_day,
                        None if older_end is dt.date.max else older_end,
                        newer.cycle,
                        newer_day,
                        newer_end,
                    )
                )
                break
    return findings


_SERVICE_PACK = re.compile(r"(?:-(?:sp|r)\d+)+$")


def _line_of(releases: list[Release]) -> tuple[Release, dt.date, dt.date]:
    """A version line: its last release (long-term if any is), first release date, end."""
    last = max(releases, key=lambda r: (_end(r) or dt.date.min, r.release_date or dt.date.min))
    first = min(r.release_date or dt.date.max for r in releases)
    lts = any(r.lts for r in releases)
    end = _end(last)
    assert end is not None
    return (replace(last, lts=lts), first, end)


def _end(release: Release) -> dt.date | None:
    """The end of regular support as a date (``date.max``: none announced; ``None``:
    ended without a date, or not given)."""
    if release.eol is False:
        return dt.date.max
    return release.eol if isinstance(release.eol, dt.date) else None
