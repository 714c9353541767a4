"""Product normalisation: vendor, product and version names mapped to canonical products.

A name is matched, in order, against

1. the alias table's regular expressions (user entries first), for spellings that carry
   the version (``W2k19``, ``WS2012R2``);
2. the alias table's names (user entries first), as the longest name the text starts with,
   the rest being the version and edition (``Microsoft Windows Server 2019 Standard``);
3. hardware models whose software is a product (``Catalyst 9300`` runs Cisco IOS XE);
4. the catalogue's titles, slugs and alternate names, the same way;
5. rapidfuzz (token sort ratio) over every known name, with a confidence below 0.9.

The version is then mapped to a release cycle of the catalogue, as the catalogue spells it
(``2012 R2`` -> ``2012-r2``, ``7.0 U3`` -> ``7.0``, ``8.6`` -> ``8``). Policies, applied where
the inventory says less than the catalogue distinguishes:

* a version that names no service pack means the newest one (``SQL Server 2014`` ->
  ``12.0-sp3``, ``Windows Server 2008 R2`` -> ``2008-r2-sp1``);
* Windows 10/11 editions: Enterprise and Education take the ``(E)`` cycle, LTSC/LTSB the
  ``-e-lts`` cycle, IoT LTSC the ``-iot-lts`` cycle, anything else (Home, Pro, not stated)
  the ``(W)`` cycle: the shorter support, so nothing is reported as supported for longer
  than it may be;
* a version less specific than every cycle (``Windows 11``) takes the newest cycle it
  prefixes, with confidence 0.8, so it is listed for review.

Confidence: 1.0 for a catalogue or alias name followed only by version and edition words;
0.7 when other words follow (``Windows Server Update Tool``); rapidfuzz scores times 0.9.
Anything below ``LOW_CONFIDENCE`` belongs on the review list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from inventory.analyse.aliases import (
    AliasEntry,
    AliasTable,
    LifecyclePolicy,
    builtin_aliases,
    load_alias_file,
    normalise_name,
)
from inventory.analyse.catalogue import Catalogue, CatalogueProduct, Release, default_catalogue
from inventory.analyse.editions import EDITION_SUFFIX, prefer_edition

#: Matches below this confidence are listed for review.
LOW_CONFIDENCE = 0.85
#: Fuzzy scores (0..100) below this are no match at all.
FUZZY_CUTOFF = 86.0
FUZZY_WEIGHT = 0.9
EXTRA_WORDS_CONFIDENCE = 0.7
GUESSED_CYCLE_CONFIDENCE = 0.8

MATCH_COLUMNS = ("product_id", "title", "cycle", "version", "confidence", "method")

# Words that may follow a product name without making the match doubtful.
_EDITION_TEXT = """
    standard std datacenter datacentre dc enterprise ent pro professional home education edu
    server core essentials foundation web express developer evaluation eval edition lts ltsr
    ltsc ltsb cr current release x64 x86 bit amd64 arm64 sp update cu build version ver v
    iot n kn workstation workstations desktop linux gnu and plus premium cluster host
    hypervisor appliance vm virtual physical gen full installation install gui experience
    sac ga r2 service pack rtm stable long term support patch hotfix hf fix mr p su
    business a1 a3 a5 e1 e3 e5 f3 g3 g5 licence license on prem premises
    os system operating suite for the utg version edition utgåva sv se swedish svensk
    norsk no nb en english multi language lang sku oem retail volume kms mak
    dns dhcp file files fileserver print printing services role roles
"""
EDITION_WORDS = frozenset(_EDITION_TEXT.split())


@dataclass(frozen=True)
class ProductMatch:
    """What a vendor/product/version triple normalises to.

    ``product_id`` is an endoflife.date slug or an alias-table id (``None`` when nothing
    matched); ``cycle`` is the release cycle as the catalogue spells it; ``version`` the
    version as written (what the cycle was derived from); ``method`` one of ``exact``,
    ``alias``, ``fuzzy``, ``user-alias``, ``none``.
    """

    product_id: str | None
    title: str
    cycle: str | None
    version: str | None
    confidence: float
    method: str


@dataclass(frozen=True)
class ProductDefinition:
    """A canonical product the normaliser knows: from the catalogue, the aliases or both."""

    id: str
    title: str
    lifecycle: LifecyclePolicy
    cycles_from: str | None  # the catalogue product whose release cycles apply
    version_names: tuple[tuple[str, str], ...] = ()
    user: bool = False


@dataclass(frozen=True)
class _NameHit:
    product_id: str
    method: str


@dataclass
class _PatternRule:
    product_id: str
    method: str
    pattern: re.Pattern[str]


@dataclass
class _CycleKeys:
    """The spellings of each release cycle of one catalogue product, as token tuples."""

    keys: list[tuple[tuple[str, ...], Release]] = field(default_factory=list)
    numeric: list[tuple[tuple[int, ...], Release]] = field(default_factory=list)


_NUMERIC = re.compile(r"^v?(\d+(?:\.\d+)*)")
_PLACEHOLDER = re.compile(r"'?__[A-Z_]+__'?")
_HAS_DIGIT = re.compile(r"\d")


def _numeric_tuple(token: str) -> tuple[int, ...] | None:
    found = _NUMERIC.match(token)
    if found is None:
        return None
    return tuple(int(part) for part in found.group(1).split("."))


class Normaliser:
    """Maps vendor, product and version names to canonical products and release cycles.

    Build one with ``Normaliser.default()`` (the packaged catalogue and aliases, plus an
    optional user alias file) and reuse it: results are cached per distinct triple.

    >>> Normaliser.default().match("Microsoft", "Windows Server 2012 R2 Standard", None).cycle
    '2012-r2'
    """

    def __init__(self, catalogue: Catalogue, aliases: AliasTable) -> None:
        self.catalogue = catalogue
        self.aliases = aliases
        self.products: dict[str, ProductDefinition] = {}
        self._alias_names: dict[str, _NameHit] = {}
        self._catalogue_names: dict[str, _NameHit] = {}
        self._patterns: list[_PatternRule] = []
        self._models: list[_PatternRule] = []
        self._vendors: list[tuple[str, ...]] = []
        self._cycle_keys: dict[str, _CycleKeys] = {}
        self._cache: dict[tuple[str | None, str | None, str | None], ProductMatch] = {}
        self._build()

    @classmethod
    def default(cls, user_aliases: Path | None = None) -> Normaliser:
        """The packaged catalogue and aliases, with a user's alias file on top if given.

        Cached per alias file path: the catalogue is read once per process. Raises
        ``AliasFileError`` (with the line) when the user's file is invalid.
        """
        return _default_normaliser(user_aliases.resolve() if user_aliases else None)

    # --- building the indexes -----------------------------------------------------------

    def _build(self) -> None:
        for slug, product in self.catalogue.products.items():
            self.products[slug] = ProductDefinition(
                id=slug, title=product.title, lifecycle="catalogue", cycles_from=slug)
            for name in self._catalogue_spellings(product):
                self._catalogue_names.setdefault(name, _NameHit(slug, "exact"))
        # Built-in entries first, user entries last so that they win every clash.
        positions = range(len(self.aliases.entries))
        order = sorted(positions, key=lambda p: (self.aliases.is_user_entry(p), -p))
        for position in order:
            self._add_entry(self.aliases.entries[position], self.aliases.is_user_entry(position))
        for position in positions:  # patterns are tried in file order, user entries first
            entry = self.aliases.entries[position]
            method = "user-alias" if self.aliases.is_user_entry(position) else "alias"
            self._patterns += [_PatternRule(entry.id, method, re.compile(p))
                               for p in entry.patterns]
            self._models += [_PatternRule(entry.id, method, re.compile(p)) for p in entry.models]
        vendors = {tuple(normalise_name(v).split()) for v in self.aliases.vendors}
        self._vendors = sorted((v for v in vendors if v), key=len, reverse=True)
        self._fuzzy_names = [name for name in {*self._alias_names, *self._catalogue_names}
                             if len(name) >= 4]

    def _catalogue_spellings(self, product: CatalogueProduct) -> Iterable[str]:
        yield normalise_name(product.title)
        yield normalise_name(product.slug)
        for alternate in product.alternate_names:
            yield normalise_name(alternate)

    def _add_entry(self, entry: AliasEntry, user: bool) -> None:
        known = self.products.get(entry.id)
        in_catalogue = entry.id in self.catalogue
        cycles_from = entry.lifecycle_of or (entry.id if in_catalogue else None)
        if entry.lifecycle is not None:
            lifecycle: LifecyclePolicy = entry.lifecycle
        elif known is not None and known.lifecycle != "catalogue":
            lifecycle = known.lifecycle
        else:
            lifecycle = "catalogue" if cycles_from else "unknown"
        version_names = tuple((normalise_name(k), normalise_name(v))
                              for k, v in entry.version_names.items())
        if known is not None:
            version_names = (*version_names, *known.version_names)
        self.products[entry.id] = ProductDefinition(
            id=entry.id,
            title=entry.title or (known.title if known else entry.id),
            lifecycle=lifecycle,
            cycles_from=cycles_from or (known.cycles_from if known else None),
            version_names=version_names,
            user=user or (known.user if known else False),
        )
        for name in (entry.id, *entry.names):
            key = normalise_name(name)
            if user:
                method = "user-alias"
            elif self._catalogue_names.get(key) == _NameHit(entry.id, "exact"):
                method = "exact"
            else:
                method = "alias"
            self._alias_names[key] = _NameHit(entry.id, method)

    def _cycles(self, slug: str) -> _CycleKeys:
        cached = self._cycle_keys.get(slug)
        if cached is not None:
            return cached
        keys = _CycleKeys()
        product = self.catalogue.get(slug)
        title_tokens = tuple(normalise_name(product.title).split()) if product else ()
        for release in product.releases if product else ():
            spellings = {normalise_name(release.cycle)}
            if release.label:
                label = release.label.replace("__RELEASE_CYCLE__", release.cycle)
                label_tokens = normalise_name(_PLACEHOLDER.sub(" ", label)).split()
                for prefix_length in range(len(title_tokens), 0, -1):
                    if tuple(label_tokens[:prefix_length]) == title_tokens[-prefix_length:]:
                        label_tokens = label_tokens[prefix_length:]
                        break
                spellings.add(" ".join(label_tokens))
            for spelling in spellings:
                if spelling:
                    keys.keys.append((tuple(spelling.split()), release))
            if re.fullmatch(r"\d+(?:\.\d+)*", release.cycle):
                keys.numeric.append((tuple(int(p) for p in release.cycle.split(".")), release))
        self._cycle_keys[slug] = keys
        return keys

    # --- matching -----------------------------------------------------------------------

    def product(self, product_id: str | None) -> ProductDefinition | None:
        """The canonical product with this id, if the normaliser knows it."""
        return self.products.get(product_id) if product_id else None

    def match(self, vendor: str | None, product: str | None, version: str | None) -> ProductMatch:
        """The canonical product, release cycle and confidence of one name triple.

        >>> Normaliser.default().match(None, "ESXi", "7.0u3").cycle
        '7.0'
        """
        key = (_clean(vendor), _clean(product), _clean(version))
        found = self._cache.get(key)
        if found is None:
            found = self._match(*key)
            self._cache[key] = found
        return found

    def match_frame(self, frame: pd.DataFrame, vendor: str, product: str,
                    version: str) -> pd.DataFrame:
        """``match`` over the columns ``vendor``, ``product``, ``version`` of a frame.

        Each distinct triple is matched once; the result is aligned with ``frame.index``
        and has the columns of ``MATCH_COLUMNS``.
        """
        if frame.empty:
            return pd.DataFrame({name: pd.Series(dtype=object) for name in MATCH_COLUMNS}
                                | {"confidence": pd.Series(dtype=float)}, index=frame.index)
        groups, distinct = distinct_rows(frame, [vendor, product, version])
        matches = [self.match(*row) for row in distinct]
        table = {name: np.array([getattr(found, name) for found in matches], dtype=object)
                 for name in MATCH_COLUMNS}
        return pd.DataFrame({
            name: pd.Series(values[groups], index=frame.index,
                            dtype=float if name == "confidence" else object)
            for name, values in table.items()})

    def _match(self, vendor: str | None, product: str | None,
               version: str | None) -> ProductMatch:
        texts = self._candidate_texts(vendor, product)
        if not texts:
            return ProductMatch(None, "", None, version, 0.0, "none")
        version_norm = normalise_name(version) if version else ""
        for text in texts:
            full = f"{text} {version_norm}".strip()
            for rule in self._patterns:
                pattern_hit = rule.pattern.search(full) or rule.pattern.search(text)
                if pattern_hit:
                    pattern_version = pattern_hit.groupdict().get("version")
                    remainder = pattern_version.split() if pattern_version else []
                    return self._result(rule.product_id, rule.method, 1.0, remainder,
                                        None if pattern_version else version, full)
        vendor_texts = texts[-1:] if texts[-1] == self._with_vendor(vendor, product) else []
        own_texts = texts[:len(texts) - len(vendor_texts)]
        version_texts = [version_norm] if version_norm and not version_norm[0].isdigit() else []
        stages: tuple[tuple[str, list[str]], ...] = (
            ("names", own_texts), ("version", version_texts), ("models", own_texts),
            ("names", vendor_texts), ("catalogue", texts + version_texts))
        for stage, stage_texts in stages:
            for text in stage_texts:
                if stage == "models":
                    rule_hit = next((rule for rule in self._models if rule.pattern.search(text)),
                                    None)
                    if rule_hit is not None:
                        return self._result(rule_hit.product_id, rule_hit.method, 1.0, [],
                                            version, text)
                    continue
                names = self._catalogue_names if stage == "catalogue" else self._alias_names
                name_hit = self._longest_name(names, text)
                if name_hit is not None:
                    hit, remainder = name_hit
                    confidence = self._remainder_confidence(hit.product_id, remainder)
                    if stage == "version":  # the version column named the product
                        remainder = []
                    return self._result(hit.product_id, hit.method, confidence, remainder,
                                        version, f"{text} {version_norm}")
        return self._fuzzy(texts, version, product or vendor or "")

    @staticmethod
    def _longest_name(names: dict[str, _NameHit], text: str
                      ) -> tuple[_NameHit, list[str]] | None:
        """The longest known name ``text`` starts with, and the words after it."""
        tokens = text.split()
        for length in range(len(tokens), 0, -1):
            hit = names.get(" ".join(tokens[:length]))
            if hit is not None:
                return hit, tokens[length:]
        return None

    def _candidate_texts(self, vendor: str | None, product: str | None) -> list[str]:
        """The normalised names to try: the product, without its vendor, with the vendor."""
        product_text = normalise_name(product) if product else ""
        vendor_text = normalise_name(vendor) if vendor else ""
        texts: list[str] = []
        if product_text:
            texts.append(product_text)
            stripped = self._strip_vendor(product_text)
            if stripped != product_text:
                texts.append(stripped)
            with_vendor = self._with_vendor(vendor, product)
            if with_vendor and with_vendor not in texts:
                texts.append(with_vendor)
        elif vendor_text:
            texts.append(vendor_text)
        return [text for text in dict.fromkeys(texts) if text]

    @staticmethod
    def _with_vendor(vendor: str | None, product: str | None) -> str | None:
        """The product name with the vendor in front, when it does not start with it."""
        product_text = normalise_name(product) if product else ""
        vendor_text = normalise_name(vendor) if vendor else ""
        if not (product_text and vendor_text) or product_text.startswith(vendor_text):
            return None
        return f"{vendor_text} {product_text}"

    def _strip_vendor(self, text: str) -> str:
        tokens = tuple(text.split())
        for vendor in self._vendors:
            if len(tokens) > len(vendor) and tokens[:len(vendor)] == vendor:
                return " ".join(tokens[len(vendor):])
        return text

    def _remainder_confidence(self, product_id: str, remainder: list[str]) -> float:
        definition = self.products[product_id]
        named = {word for name, _ in definition.version_names for word in name.split()}
        for token in remainder:
            if (len(token) > 2 and not _HAS_DIGIT.search(token)
                    and token not in EDITION_WORDS and token not in named):
                return EXTRA_WORDS_CONFIDENCE
        return 1.0

    def _fuzzy(self, texts: list[str], version: str | None, written: str) -> ProductMatch:
        best: tuple[str, float] | None = None
        for text in texts:
            words = " ".join(t for t in text.split() if not _HAS_DIGIT.search(t))
            if len(words) < 4:
                continue
            found = process.extractOne(words, self._fuzzy_names, scorer=fuzz.token_sort_ratio,
                                       score_cutoff=FUZZY_CUTOFF)
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], float(found[1]))
        if best is None:
            return ProductMatch(None, " ".join(written.split()), None, version, 0.0, "none")
        name, score = best
        hit = self._alias_names.get(name) or self._catalogue_names[name]
        remainder = [t for t in texts[0].split() if _HAS_DIGIT.search(t)]
        return self._result(hit.product_id, "fuzzy", round(score / 100 * FUZZY_WEIGHT, 3),
                            remainder, version, texts[0])

    def _result(self, product_id: str, method: str, confidence: float, remainder: list[str],
                version: str | None, context: str) -> ProductMatch:
        definition = self.products[product_id]
        named = {word for name, _ in definition.version_names for word in name.split()}
        kept = [t for t in remainder if _HAS_DIGIT.search(t) or t in named or t in EDITION_WORDS]
        has_version = any(_HAS_DIGIT.search(t) or t in named for t in kept)
        remainder_text = " ".join(kept) if has_version else ""
        candidates: list[tuple[str, str]] = []  # (normalised text, version as written)
        version_norm = normalise_name(version) if version else ""
        if remainder_text and version_norm and not version_norm.startswith(remainder_text):
            candidates.append((f"{remainder_text} {version_norm}",
                               f"{remainder_text} {version}"))
        if version_norm:
            candidates.append((version_norm, str(version)))
        if remainder_text:
            candidates.append((remainder_text, remainder_text))
        written = candidates[0][1] if candidates else None
        if definition.cycles_from is None or not candidates:
            return ProductMatch(product_id, definition.title, None, written, confidence, method)
        words = set(context.split())
        for text, as_written in candidates:
            resolved = self._resolve_cycle(definition, text, words)
            if resolved is not None:
                release, certainty = resolved
                return ProductMatch(product_id, definition.title, release.cycle, as_written,
                                    min(confidence, certainty), method)
        return ProductMatch(product_id, definition.title, None, written, confidence, method)

    def _resolve_cycle(self, definition: ProductDefinition, text: str,
                       words: set[str]) -> tuple[Release, float] | None:
        """The release cycle a version text names, with how sure the mapping is."""
        assert definition.cycles_from is not None
        for name, replacement in definition.version_names:
            if re.search(rf"(?<!\S){re.escape(name)}(?!\S)", text):
                text = re.sub(rf"(?<!\S){re.escape(name)}(?!\S)", replacement, text)
                words |= set(replacement.split())
        tokens = list(dict.fromkeys(t for t in text.split() if _HAS_DIGIT.search(t)))
        if not tokens:
            return None
        cycles = self._cycles(definition.cycles_from)
        edition = EDITION_SUFFIX.get(definition.cycles_from)
        suffix = edition(words) if edition else ()
        for length in range(len(tokens), 0, -1):
            head = tuple(tokens[:length])
            for wanted in ((head + suffix, head) if suffix else (head,)):
                exact = [release for key, release in cycles.keys
                         if key == wanted or (key[:len(wanted)] == wanted
                                              and all(t.startswith("sp") for t in
                                                      key[len(wanted):]))]
                if exact:
                    return _newest(prefer_edition(exact, suffix)), 1.0
        for token in tokens[1:]:  # "7 2203 LTSR": the cycle is not the first number
            exact = [release for key, release in cycles.keys if key == (token,)]
            if exact:
                return _newest(exact), 1.0
        number = _numeric_tuple(tokens[0])
        if number is not None:
            best: tuple[int, Release] | None = None
            for cycle_number, release in cycles.numeric:
                padded = number + (0,) * max(0, len(cycle_number) - len(number))
                if padded[:len(cycle_number)] == cycle_number and (
                        best is None or len(cycle_number) > best[0]):
                    best = (len(cycle_number), release)
            if best is not None:
                return best[1], 1.0
        by_latest = [release for _, release in cycles.keys
                     if release.latest and (tokens[0] == release.latest
                                            or tokens[0].startswith(release.latest + "."))]
        if by_latest:
            return _newest(prefer_edition(by_latest, suffix)), 1.0
        head = tuple(tokens)
        extended = [release for key, release in cycles.keys if key[:len(head)] == head]
        if extended:
            return _newest(prefer_edition(extended, suffix)), GUESSED_CYCLE_CONFIDENCE
        return None


def distinct_rows(frame: pd.DataFrame, columns: list[str]
                  ) -> tuple[np.ndarray[Any, Any], list[tuple[Any, ...]]]:
    """The distinct value combinations of some columns, and each row's combination.

    Returns ``(groups, distinct)``: ``distinct[groups[i]]`` is row ``i``'s tuple of values,
    missing values as ``None``. Column-wise (factorised codes), no per-row Python work.
    """
    codes = np.zeros(len(frame), dtype=np.int64)
    for name in columns:
        column_codes, uniques = pd.factorize(frame[name], use_na_sentinel=True)
        # a missing value (code -1) gets a code of its own after the others
        column_codes = np.where(column_codes < 0, len(uniques), column_codes)
        codes = codes * (len(uniques) + 1) + column_codes
        codes, _ = pd.factorize(codes)  # keep the codes below the row count: no overflow
    _, first_rows, groups = np.unique(codes, return_index=True, return_inverse=True)
    columns_at_first = [frame[name].iloc[first_rows].tolist() for name in columns]
    distinct = [tuple(_plain(value) for value in row)
                for row in zip(*columns_at_first, strict=True)]
    return groups.reshape(-1), distinct


def _plain(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value


def _newest(releases: list[Release]) -> Release:
    """The most recently released of some releases (the first one when none is dated)."""
    return max(releases, key=lambda r: r.release_date or dt.date.min)


def _clean(text: object) -> str | None:
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return None
    cleaned = " ".join(str(text).split())
    return cleaned or None


@cache
def _default_normaliser(user_aliases: Path | None) -> Normaliser:
    aliases = builtin_aliases()
    if user_aliases is not None:
        aliases = aliases.merged_with(load_alias_file(user_aliases))
    return Normaliser(default_catalogue(), aliases)
