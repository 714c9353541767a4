"""Product normalisation: vendor, product and version names mapped to canonical products.

A name is matched, in order, against

1. the alias table's regular expressions (user entries first), for spellings that carry
   the version (``W2k19``, ``WS2012R2``);
2. the alias table's names (user entries first), as the longest name the text starts with,
   the rest being the version and edition (``Microsoft Windows Server 2019 Standard``);
3. hardware models whose software is a product (``Catalyst 9300`` runs Cisco IOS XE);
4. the catalogue's titles, slugs and alternate names, the same way;
5. rapidfuzz (token sort ratio) over every known name, with a confidence below 0.9.

A product is taken only when it fits the row: the row's vendor, where it names a known
vendor, agrees with one of the product's vendors (``IOS`` on a Cisco switch is Cisco IOS,
never Apple iOS), and the record's role, where the caller knows it, is one the product runs
on (a network device is never a client OS). A name that fits products of two vendors
equally, or a match below ``LOW_CONFIDENCE``, is not taken: the row is ``review`` with its
candidates (a wrong answer is worse than none). A device model whose software is known
says more than a family name of the same vendor.

The version is then mapped to a release cycle of the catalogue (``release_cycles``:
``2012 R2`` -> ``2012-r2``, ``7.0 U3`` -> ``7.0``, ``8.6`` -> ``8``; a version less specific
than the cycles it prefixes is a guess with confidence 0.8, listed for review).

Confidence: 1.0 for a catalogue or alias name followed only by version and edition words;
0.7 when other words follow (``Windows Server Update Tool``); rapidfuzz scores times 0.9.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from inventory.analyse.aliases import (
    AliasEntry,
    AliasTable,
    LifecyclePolicy,
    Role,
    builtin_aliases,
    load_alias_file,
    normalise_name,
)
from inventory.analyse.catalogue import Catalogue, CatalogueProduct, Release, default_catalogue
from inventory.analyse.identity import product_label
from inventory.analyse.release_cycles import CycleIndex
from inventory.analyse.vendors import vendor_id, vendor_table, vendor_title
from inventory.messages import Code, Message, MessageList
from inventory.missing import is_missing, or_none

#: Below this confidence a product is not taken: the row is "unmatched, review" with its
#: candidates (a wrong answer is worse than none).
LOW_CONFIDENCE = 0.85
#: Fuzzy scores (0..100) below this are no match at all.
FUZZY_CUTOFF = 86.0
FUZZY_WEIGHT = 0.9
EXTRA_WORDS_CONFIDENCE = 0.7

MATCH_COLUMNS = (
    "product_id",
    "title",
    "cycle",
    "version",
    "confidence",
    "method",
    "status",
    "candidates",
    "note",
    "note_message",
)

#: ``identified`` (a product), ``review`` (not taken: candidates to review), ``unmatched``.
MatchStatus = Literal["identified", "review", "unmatched"]
#: A product the matcher did not take, and how close it came (0..1).
Candidate = tuple[str, float]

# Words that may follow a product name without making the match doubtful: editions,
# builds, and the roles technicians write next to a server OS (English, Swedish, Norwegian).
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
    dns dhcp file files fileserver print printing services role roles san nas array storage
    lagring
    srv svr serv fil filserver filserv filtjänst printserver skrivarserver utskriftsserver
    skriverserver utskrift skrivare skriver domänkontrollant domenekontroller dc ad
    terminalserver terminal rds rdsh sql databas database databasserver
    databaseserver app application applikation applikasjon applikationsserver appserver
    webbserver webserver iis mail e post epost backup management monitoring
    infrastruktur infrastructure tjänst tjeneste server2 servern serveren
"""
EDITION_WORDS = frozenset(_EDITION_TEXT.split())
#: Words after a product name that say the record is a server, whatever the caller knows.
_SERVER_TEXT = """
    server servern serveren srv svr serv fil filserver filserv fileserver printserver
    skrivarserver utskriftsserver skriverserver domänkontrollant domenekontroller dc
    terminalserver rds rdsh databasserver databaseserver applikationsserver appserver
    webbserver webserver iis datacenter datacentre
"""
SERVER_WORDS = frozenset(_SERVER_TEXT.split())

#: The product roles that fit a record of each role (a product with no roles fits any).
_FITTING_ROLES: dict[str, frozenset[str]] = {
    "server": frozenset({"server", "appliance"}),
    "appliance": frozenset({"appliance", "server", "network", "storage"}),
    "network": frozenset({"network", "appliance"}),
    "storage": frozenset({"storage", "appliance", "server"}),
    "client": frozenset({"client"}),
}


@dataclass(frozen=True)
class ProductMatch:
    """What a vendor/product/version triple normalises to.

    ``product_id`` is an endoflife.date slug or an alias-table id (``None`` when nothing
    was taken); ``cycle`` is the release cycle as the catalogue spells it; ``version`` the
    version as written (what the cycle was derived from); ``method`` one of ``exact``,
    ``alias``, ``user-alias``, ``fuzzy``, ``review`` (not taken: see ``candidates``),
    ``none``. ``candidates`` are the products a person should choose from when the matcher
    abstains (below ``LOW_CONFIDENCE``, a vendor or role that does not fit, or two vendors'
    products that fit equally), best first, with their scores; ``note`` says why, in
    English; ``note_message`` is the same as messages, for the reader's language
    (``normalise.note.*``).
    ``vendor`` is the display name of the product's vendor, ``label`` the product named
    with its vendor once.
    """

    product_id: str | None
    title: str
    cycle: str | None
    version: str | None
    confidence: float
    method: str
    candidates: tuple[Candidate, ...] = ()
    vendor: str | None = None
    note: str = ""
    note_message: Message | MessageList | None = None

    @property
    def status(self) -> MatchStatus:
        """``identified``, ``review`` (candidates, none taken) or ``unmatched``."""
        if self.product_id is not None:
            return "identified"
        return "review" if self.candidates else "unmatched"

    @property
    def label(self) -> str:
        """The product with its vendor printed once (``Visma Flyt Skole``, ``KS FIKS``)."""
        return product_label(self.vendor, self.title)


def candidates_text(candidates: tuple[Candidate, ...]) -> str:
    """Candidates as one cell: ``windows-server 0.70; windows 0.70``."""
    return "; ".join(f"{product_id} {score:.2f}" for product_id, score in candidates)


@dataclass(frozen=True)
class ProductDefinition:
    """A canonical product the normaliser knows: from the catalogue, the aliases or both.

    ``vendor_ids`` are the vendors it is sold under (empty: not known, fits any vendor);
    ``roles`` the record roles it runs on (empty: any); ``as_role`` the product its names
    mean on a record of another role.
    """

    id: str
    title: str
    lifecycle: LifecyclePolicy
    cycles_from: str | None  # the catalogue product whose release cycles apply
    version_names: tuple[tuple[str, str], ...] = ()
    user: bool = False
    vendor_ids: frozenset[str] = frozenset()
    vendor: str | None = None
    roles: frozenset[str] = frozenset()
    as_role: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _NameHit:
    product_id: str
    method: str


@dataclass
class _PatternRule:
    product_id: str
    method: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Row:
    """What a row says about the product besides its name: vendor id and record role."""

    vendor: str | None
    vendor_written: str | None
    role: str | None


@dataclass
class _Doubts:
    """Products passed over while matching one row, as candidates for review."""

    candidates: dict[str, float] = field(default_factory=dict)
    notes: list[Message] = field(default_factory=list)

    def add(self, product_id: str, score: float, note: Message | None) -> None:
        if score > self.candidates.get(product_id, -1.0):
            self.candidates[product_id] = score
        if note is not None and note not in self.notes:
            self.notes.append(note)

    def ranked(self) -> tuple[Candidate, ...]:
        return tuple(sorted(self.candidates.items(), key=lambda item: (-item[1], item[0])))


_HAS_DIGIT = re.compile(r"\d")


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
        self._alias_names: dict[str, tuple[_NameHit, ...]] = {}
        self._catalogue_names: dict[str, tuple[_NameHit, ...]] = {}
        self._patterns: list[_PatternRule] = []
        self._models: list[_PatternRule] = []
        self._vendors: list[tuple[str, ...]] = []
        self._known_vendors: frozenset[str] = frozenset()
        self._vendor_ids: dict[str, str | None] = {}
        self._cycle_index = CycleIndex(catalogue)
        self._cache: dict[
            tuple[str | None, str | None, str | None, str | None, str | None], ProductMatch
        ] = {}
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
                id=slug, title=product.title, lifecycle="catalogue", cycles_from=slug
            )
            for name in self._catalogue_spellings(product):
                self._catalogue_names.setdefault(name, (_NameHit(slug, "exact"),))
        # Built-in entries first, user entries last so that they win every clash.
        positions = range(len(self.aliases.entries))
        order = sorted(positions, key=lambda p: (self.aliases.is_user_entry(p), -p))
        for position in order:
            self._add_entry(self.aliases.entries[position], self.aliases.is_user_entry(position))
        for position in positions:  # patterns are tried in file order, user entries first
            entry = self.aliases.entries[position]
            method = "user-alias" if self.aliases.is_user_entry(position) else "alias"
            self._patterns += [
                _PatternRule(entry.id, method, re.compile(p)) for p in entry.patterns
            ]
            self._models += [_PatternRule(entry.id, method, re.compile(p)) for p in entry.models]
        written = [
            *self.aliases.vendors,
            *(v for e in self.aliases.entries for v in (e.vendor, *e.vendors) if v),
        ]
        vendors = {tuple(normalise_name(v).split()) for v in written}
        self._vendors = sorted((v for v in vendors if v), key=len, reverse=True)
        known = {self._vendor_id(v) for v in written} | set(vendor_table().vendors)
        known |= {v for definition in self.products.values() for v in definition.vendor_ids}
        self._known_vendors = frozenset(v for v in known if v)
        self._fuzzy_names = [
            name for name in {*self._alias_names, *self._catalogue_names} if len(name) >= 4
        ]

    def _catalogue_spellings(self, product: CatalogueProduct) -> Iterable[str]:
        yield normalise_name(product.title)
        yield normalise_name(product.slug)
        for alternate in product.alternate_names:
            yield normalise_name(alternate)

    def _vendor_id(self, written: str | None) -> str | None:
        if not written:
            return None
        if written not in self._vendor_ids:
            self._vendor_ids[written] = vendor_id(written)
        return self._vendor_ids[written]

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
        version_names = tuple(
            (normalise_name(k), normalise_name(v)) for k, v in entry.version_names.items()
        )
        if known is not None:
            version_names = (*version_names, *known.version_names)
        vendor_ids = frozenset(
            filter(None, (self._vendor_id(v) for v in (entry.vendor, *entry.vendors)))
        )
        main_vendor = self._vendor_id(entry.vendor)
        self.products[entry.id] = definition = ProductDefinition(
            id=entry.id,
            title=entry.title or (known.title if known else entry.id),
            lifecycle=lifecycle,
            cycles_from=cycles_from or (known.cycles_from if known else None),
            version_names=version_names,
            user=user or (known.user if known else False),
            vendor_ids=vendor_ids or (known.vendor_ids if known else frozenset()),
            vendor=(vendor_title(main_vendor) if main_vendor else known.vendor if known else None),
            roles=frozenset(entry.roles) or (known.roles if known else frozenset()),
            as_role=tuple(entry.as_role.items()) or (known.as_role if known else ()),
        )
        for name in (entry.id, *entry.names):
            key = normalise_name(name)
            if user:
                method = "user-alias"
            elif self._catalogue_names.get(key, ())[:1] == (_NameHit(entry.id, "exact"),):
                method = "exact"
            else:
                method = "alias"
            self._alias_names[key] = self._name_hits(
                key, _NameHit(entry.id, method), definition, user
            )

    def _name_hits(
        self, key: str, hit: _NameHit, definition: ProductDefinition, user: bool
    ) -> tuple[_NameHit, ...]:
        """The products a name stands for after adding ``hit``: one per vendor.

        A name may belong to products of different vendors (``IOS``: Cisco IOS, Apple iOS);
        the row's vendor or role then decides. Within one vendor, and for a user's entry
        over built-in ones, the entry added last wins (entries are added so that the
        earliest built-in entry and every user entry win).
        """
        kept = []
        for other in self._alias_names.get(key, ()):
            other_definition = self.products[other.product_id]
            same_vendor = bool(definition.vendor_ids & other_definition.vendor_ids) or not (
                definition.vendor_ids or other_definition.vendor_ids
            )
            builtin_under_user = user and other.method != "user-alias"
            if other.product_id != hit.product_id and not same_vendor and not (builtin_under_user):
                kept.append(other)
        return (hit, *kept)

    # --- matching -----------------------------------------------------------------------

    def product(self, product_id: str | None) -> ProductDefinition | None:
        """The canonical product with this id, if the normaliser knows it."""
        return self.products.get(product_id) if product_id else None

    def match(
        self,
        vendor: str | None,
        product: str | None,
        version: str | None,
        role: Role | None = None,
        model: str | None = None,
    ) -> ProductMatch:
        """The canonical product, release cycle and confidence of one name triple.

        ``role`` is what the record is, where the caller knows it (``server``, ``client``,
        ``network``, ``appliance``, ``storage``): a product made for another role is never
        taken (a network device is never a client OS), and a name that means another
        product on that role is read so (``Windows filserver 2016`` on a server).
        ``model`` is the device's model where the product is named apart: a model whose
        software is known says more than a family name of the same vendor ("IOS" on an
        ISR 4331 is IOS XE, "iOS" on an iPad is iPadOS), and names the product when the
        name alone does not.

        >>> Normaliser.default().match(None, "ESXi", "7.0u3").cycle
        '7.0'
        >>> Normaliser.default().match("Cisco", "Catalyst 2960-X", "IOS 15.2(7)E8").product_id
        'cisco-ios'
        """
        if _clean(product) is None:  # a device named by its model: the model is the name
            product, model = model, None
        key = (_clean(vendor), _clean(product), _clean(version), role, _clean(model))
        found = self._cache.get(key)
        if found is None:
            found = self._match(*key[:4])
            if key[4] is not None:
                found = self._with_model(found, key[0], key[4], key[2], role)
            self._cache[key] = found
        return found

    def _with_model(
        self,
        found: ProductMatch,
        vendor: str | None,
        model: str,
        version: str | None,
        role: str | None,
    ) -> ProductMatch:
        """``found``, or the product the device's model runs where that says more."""
        row = _Row(self._vendor_id(vendor), vendor, role)
        doubts = _Doubts()
        text = normalise_name(model)
        hits = [
            _NameHit(rule.product_id, rule.method)
            for rule in self._models
            if rule.pattern.search(text)
        ]
        by_model = self._choose(hits, row, doubts, redirect=False) if hits else None
        if by_model is None or by_model is _AMBIGUOUS or by_model.product_id == found.product_id:
            return found
        named = self.product(found.product_id)
        if named is not None and not (
            named.vendor_ids & self.products[by_model.product_id].vendor_ids
        ):
            return found  # another vendor's product: the name stands
        version_norm = normalise_name(version) if version else ""
        return self._result(
            by_model.product_id,
            by_model.method,
            1.0,
            [],
            version,
            version_norm,
            row,
            doubts,
            found.title,
            note=Message("normalise.note.from_model", {"model": repr(model)}),
        )

    def match_frame(
        self,
        frame: pd.DataFrame,
        vendor: str | None,
        product: str,
        version: str | None,
        *,
        role: Role | pd.Series | None = None,
        model: str | None = None,
    ) -> pd.DataFrame:
        """``match`` over the columns ``vendor``, ``product``, ``version`` of a frame.

        ``role`` is one role for every row or a Series of roles aligned with the frame;
        ``model`` a column of device models (see ``match``).
        Each distinct combination is matched once; the result is aligned with
        ``frame.index`` and has the columns of ``MATCH_COLUMNS`` (``status`` as text,
        ``candidates`` as ``candidates_text``).
        """
        if frame.empty:
            return pd.DataFrame(
                {name: pd.Series(dtype=object) for name in MATCH_COLUMNS}
                | {"confidence": pd.Series(dtype=float)},
                index=frame.index,
            )
        # only the columns given are factorised (1M client rows: no column of Nones)
        given = {"vendor": vendor, "product": product, "version": version, "model": model}
        work = frame[[name for name in given.values() if name]]
        work.columns = [key for key, name in given.items() if name]
        if isinstance(role, pd.Series):
            work = work.assign(role=role)
        groups, distinct = distinct_rows(work, list(work.columns))
        fixed = {
            "vendor": None,
            "version": None,
            "model": None,
            "role": None if isinstance(role, pd.Series) else role,
        }
        matches = [
            self.match(**(fixed | dict(zip(work.columns, row, strict=True)))) for row in distinct
        ]
        # one small frame of the distinct matches, taken row-wise: one take per block
        table = pd.DataFrame(
            {
                name: pd.Series(
                    [_frame_value(found, name) for found in matches],
                    dtype=float if name == "confidence" else object,
                )
                for name in MATCH_COLUMNS
            }
        )
        result = table.take(groups)
        result.index = frame.index
        return result

    def _match(
        self, vendor: str | None, product: str | None, version: str | None, role: str | None = None
    ) -> ProductMatch:
        texts = self._candidate_texts(vendor, product)
        if not texts:
            return ProductMatch(None, "", None, version, 0.0, "none")
        row = _Row(self._row_vendor(vendor, texts[0]), vendor, role)
        doubts = _Doubts()
        written = " ".join((product or vendor or "").split())
        version_norm = normalise_name(version) if version else ""
        for text in texts:
            full = f"{text} {version_norm}".strip()
            by_pattern = [
                (rule, hit)
                for rule in self._patterns
                if (hit := rule.pattern.search(full) or rule.pattern.search(text))
            ]
            if not by_pattern:
                continue
            chosen = self._choose(
                [_NameHit(rule.product_id, rule.method) for rule, _ in by_pattern],
                row,
                doubts,
                redirect=False,
            )
            if chosen is _AMBIGUOUS:
                return self._abstain(written, version, doubts)
            if chosen is not None:
                pattern_hit = next(h for r, h in by_pattern if r.product_id == chosen.product_id)
                pattern_version = pattern_hit.groupdict().get("version")
                remainder = pattern_version.split() if pattern_version else []
                return self._result(
                    chosen.product_id,
                    chosen.method,
                    1.0,
                    remainder,
                    None if pattern_version else version,
                    full,
                    row,
                    doubts,
                    written,
                )
        vendor_texts = texts[-1:] if texts[-1] == self._with_vendor(vendor, product) else []
        own_texts = texts[: len(texts) - len(vendor_texts)]
        version_texts = [version_norm] if version_norm and not version_norm[0].isdigit() else []
        stages: tuple[tuple[str, list[str]], ...] = (
            ("names", own_texts),
            ("version", version_texts),
            ("models", own_texts),
            ("names", vendor_texts),
            ("catalogue", texts + version_texts),
        )
        for stage, stage_texts in stages:
            for text in stage_texts:
                if stage == "models":
                    hits = [
                        _NameHit(rule.product_id, rule.method)
                        for rule in self._models
                        if rule.pattern.search(text)
                    ]
                    model_hit = self._choose(hits, row, doubts, redirect=False) if hits else None
                    if model_hit is _AMBIGUOUS:
                        return self._abstain(written, version, doubts)
                    if model_hit is not None:
                        return self._result(
                            model_hit.product_id,
                            model_hit.method,
                            1.0,
                            [],
                            version,
                            text,
                            row,
                            doubts,
                            written,
                        )
                    continue
                names = self._catalogue_names if stage == "catalogue" else self._alias_names
                for name_hits, remainder in self._names_in(names, text):
                    # "Windows filserver 2016": words of a server role make it a server row
                    read_as = (
                        replace(row, role="server")
                        if row.role is None and SERVER_WORDS.intersection(remainder)
                        else row
                    )
                    name_hit = self._choose(list(name_hits), read_as, doubts, redirect=True)
                    if name_hit is _AMBIGUOUS:
                        return self._abstain(written, version, doubts)
                    if name_hit is None:
                        continue
                    confidence = self._remainder_confidence(name_hit.product_id, remainder)
                    if confidence < LOW_CONFIDENCE:  # "Oracle VirtualBox": look further
                        doubts.add(
                            name_hit.product_id,
                            confidence,
                            _extra_words(self.products[name_hit.product_id].title),
                        )
                        continue
                    if stage == "version":  # the version column named the product
                        remainder = []
                    found = self._result(
                        name_hit.product_id,
                        name_hit.method,
                        confidence,
                        remainder,
                        version,
                        f"{text} {version_norm}",
                        row,
                        doubts,
                        written,
                    )
                    if (
                        found.cycle is None
                        and found.version
                        and _HAS_DIGIT.search(found.version)
                        and all(h.product_id != name_hit.product_id for h in name_hits)
                    ):
                        # read as another product for the role, but its version is none
                        # of that product's ("Windows 10" on a server): not a guess
                        doubts.add(
                            name_hit.product_id,
                            0.6,
                            Message(
                                "normalise.note.not_a_version",
                                {
                                    "version": repr(found.version),
                                    "title": self.products[name_hit.product_id].title,
                                },
                            ),
                        )
                        return self._abstain(written, version, doubts)
                    return found
        return self._fuzzy(texts, version, written, row, doubts)

    def _choose(
        self, hits: list[_NameHit], row: _Row, doubts: _Doubts, *, redirect: bool
    ) -> _NameHit | None:
        """The one product of ``hits`` that fits the row, ``None``, or ``_AMBIGUOUS``.

        A product fits unless the row's record role is not one it runs on, or the row
        names a known vendor that does not sell it. Among fitting products of different
        vendors, one the row's vendor agrees with wins; if none does (no vendor given),
        the name is ambiguous and the row goes to review with every one as a candidate.
        """
        fitting: list[_NameHit] = []
        for hit in hits:
            definition = self.products[hit.product_id]
            if redirect and row.role is not None:
                other = dict(definition.as_role).get(row.role)
                if other is not None and other in self.products:
                    hit = _NameHit(other, hit.method)
                    definition = self.products[other]
            problem = self._misfit(definition, row, user=hit.method == "user-alias")
            if problem is not None:
                doubts.add(hit.product_id, 0.5, problem)
            elif all(hit.product_id != kept.product_id for kept in fitting):
                fitting.append(hit)
        if len(fitting) <= 1:
            return fitting[0] if fitting else None
        own = [hit for hit in fitting if hit.method == "user-alias"]
        if own:  # the user's decision for this spelling
            return own[0]
        agreeing = [
            hit
            for hit in fitting
            if row.vendor is not None and self._sold_by(self.products[hit.product_id], row.vendor)
        ]
        pool = agreeing or fitting
        vendors = {self.products[hit.product_id].vendor_ids for hit in pool} - {frozenset()}
        if len(vendors) <= 1 or len(pool) == 1:
            return pool[0]
        for hit in pool:
            doubts.add(
                hit.product_id,
                0.5,
                Message(
                    "normalise.note.vendors",
                    {
                        "vendors": ", ".join(
                            sorted(self.products[h.product_id].vendor or "?" for h in pool)
                        )
                    },
                ),
            )
        return _AMBIGUOUS

    def _misfit(
        self, definition: ProductDefinition, row: _Row, *, user: bool = False
    ) -> Message | None:
        """Why a product cannot be the row's (``None`` when it can). A user's own alias is
        their decision for exactly that spelling: neither the row's vendor nor its role
        overrules it."""
        if user:
            return None
        if (
            row.role is not None
            and definition.roles
            and not (definition.roles & _FITTING_ROLES.get(row.role, frozenset()))
        ):
            return Message(
                "normalise.note.role",
                {
                    "title": definition.title,
                    "roles": MessageList(
                        tuple(
                            Message("normalise.note.role_name", {"role": _role(r)})
                            for r in sorted(definition.roles)
                        ),
                        "/",
                    ),
                    "role": _role(row.role),
                },
            )
        # the vendor of a client or server record is its maker (Samsung, Dell), not the OS's;
        # so is the vendor next to an OS made for such records, whoever the caller is
        if (
            row.vendor is not None
            and definition.vendor_ids
            and row.role not in ("client", "server")
            and not definition.roles & {"client", "server"}
            and row.vendor in self._known_vendors
            and not self._sold_by(definition, row.vendor)
        ):
            return Message(
                "normalise.note.other_vendor",
                {
                    "title": definition.title,
                    "vendor": str(definition.vendor),
                    "named": vendor_title(row.vendor),
                },
            )
        return None

    @staticmethod
    def _sold_by(definition: ProductDefinition, vendor: str) -> bool:
        """Whether ``vendor`` or a company of its family (parent, brands, related: HP's
        ProCurve line is HPE Aruba's today) agrees with a vendor of the product."""
        table = vendor_table()
        return any(
            table.agree(member, own)
            for member in table.family(vendor)
            for own in definition.vendor_ids
        )

    def _row_vendor(self, vendor: str | None, product_text: str) -> str | None:
        """The vendor id the row names: in front of the product name ("Dell | VMware
        vSphere" is VMware's), else its vendor. Two-letter prefixes ("MS", "HP") are too
        often a model's letters ("MS225") to overrule the vendor column."""
        tokens = tuple(product_text.split())
        for prefix in self._vendors:
            if (
                len(tokens) > len(prefix)
                and tokens[: len(prefix)] == prefix
                and (vendor is None or len(" ".join(prefix)) > 2)
            ):
                return self._vendor_id(" ".join(prefix))
        return self._vendor_id(vendor)

    @staticmethod
    def _names_in(
        names: dict[str, tuple[_NameHit, ...]], text: str
    ) -> Iterable[tuple[tuple[_NameHit, ...], list[str]]]:
        """The known names ``text`` starts with, longest first, and the words after each."""
        tokens = text.split()
        for length in range(len(tokens), 0, -1):
            hits = names.get(" ".join(tokens[:length]))
            if hits is not None:
                yield hits, tokens[length:]

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
            if len(tokens) > len(vendor) and tokens[: len(vendor)] == vendor:
                return " ".join(tokens[len(vendor) :])
        return text

    def _remainder_confidence(self, product_id: str, remainder: list[str]) -> float:
        definition = self.products[product_id]
        named = {word for name, _ in definition.version_names for word in name.split()}
        for token in remainder:
            if (
                len(token) > 2
                and not _HAS_DIGIT.search(token)
                and token not in EDITION_WORDS
                and token not in named
            ):
                return EXTRA_WORDS_CONFIDENCE
        return 1.0

    def _fuzzy(
        self, texts: list[str], version: str | None, written: str, row: _Row, doubts: _Doubts
    ) -> ProductMatch:
        best: tuple[str, float] | None = None
        for text in texts:
            words = " ".join(t for t in text.split() if not _HAS_DIGIT.search(t))
            if len(words) < 4:
                continue
            found = process.extractOne(
                words, self._fuzzy_names, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF
            )
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], float(found[1]))
        if best is None:
            return self._abstain(written, version, doubts)
        name, score = best
        hits = self._alias_names.get(name) or self._catalogue_names[name]
        hit = self._choose(list(hits), row, doubts, redirect=True)
        if hit is None or hit is _AMBIGUOUS:
            return self._abstain(written, version, doubts)
        remainder = [t for t in texts[0].split() if _HAS_DIGIT.search(t)]
        return self._result(
            hit.product_id,
            "fuzzy",
            round(score / 100 * FUZZY_WEIGHT, 3),
            remainder,
            version,
            texts[0],
            row,
            doubts,
            written,
            note=Message("normalise.note.spelled_like", {"name": repr(name)}),
        )

    def _abstain(self, written: str, version: str | None, doubts: _Doubts) -> ProductMatch:
        """Nothing taken: ``review`` with the candidates passed over, else ``none``."""
        candidates = doubts.ranked()
        if not candidates:
            return ProductMatch(None, written, None, version, 0.0, "none")
        return ProductMatch(
            None,
            written,
            None,
            version,
            candidates[0][1],
            "review",
            candidates=candidates,
            note="; ".join(str(note) for note in doubts.notes),
            note_message=MessageList(tuple(doubts.notes)) if doubts.notes else None,
        )

    def _result(
        self,
        product_id: str,
        method: str,
        confidence: float,
        remainder: list[str],
        version: str | None,
        context: str,
        row: _Row,
        doubts: _Doubts,
        written: str,
        note: Message | None = None,
    ) -> ProductMatch:
        definition = self.products[product_id]
        if confidence < LOW_CONFIDENCE:  # never taken: listed for review instead
            doubts.add(
                product_id,
                confidence,
                note or _extra_words(definition.title),
            )
            return self._abstain(written, version, doubts)
        named = {word for name, _ in definition.version_names for word in name.split()}
        kept = [t for t in remainder if _HAS_DIGIT.search(t) or t in named or t in EDITION_WORDS]
        has_version = any(_HAS_DIGIT.search(t) or t in named for t in kept)
        remainder_text = " ".join(kept) if has_version else ""
        candidates: list[tuple[str, str]] = []  # (normalised text, version as written)
        version_norm = normalise_name(version) if version else ""
        if remainder_text and version_norm and not version_norm.startswith(remainder_text):
            candidates.append((f"{remainder_text} {version_norm}", f"{remainder_text} {version}"))
        if version_norm:
            candidates.append((version_norm, str(version)))
        if remainder_text:
            candidates.append((remainder_text, remainder_text))
        as_written = candidates[0][1] if candidates else None
        found = ProductMatch(
            product_id,
            definition.title,
            None,
            as_written,
            confidence,
            method,
            vendor=definition.vendor,
            note="" if note is None else str(note),
            note_message=note,
        )
        if definition.cycles_from is None or not candidates:
            return found
        words = set(context.split())
        for text, version_written in candidates:
            resolved = self._resolve_cycle(definition, text, words)
            if resolved is not None:
                release, certainty = resolved
                return replace(
                    found,
                    cycle=release.cycle,
                    version=version_written,
                    confidence=min(confidence, certainty),
                )
        return found

    def _resolve_cycle(
        self, definition: ProductDefinition, text: str, words: set[str]
    ) -> tuple[Release, float] | None:
        """The release cycle a version text names, with how sure the mapping is."""
        assert definition.cycles_from is not None
        return self._cycle_index.resolve(
            definition.cycles_from, definition.version_names, text, words
        )


def distinct_rows(
    frame: pd.DataFrame, columns: list[str]
) -> tuple[np.ndarray[Any, Any], list[tuple[Any, ...]]]:
    """The distinct value combinations of some columns, and each row's combination.

    Returns ``(groups, distinct)``: ``distinct[groups[i]]`` is row ``i``'s tuple of values,
    missing values as ``None``. Column-wise (factorised codes), no per-row Python work.
    """
    codes = np.zeros(len(frame), dtype=np.int64)
    for name in columns:
        column_codes, values = pd.factorize(frame[name], use_na_sentinel=True)
        if not len(values):
            continue  # nothing but missing values: one code for every row
        # a missing value (code -1) gets a code of its own after the others
        column_codes = np.where(column_codes < 0, len(values), column_codes)
        codes = codes * (len(values) + 1) + column_codes
        codes, _ = pd.factorize(codes)  # keep the codes below the row count: no overflow
    groups, combinations = pd.factorize(codes)  # dense codes in order of first appearance
    first_rows = np.empty(len(combinations), dtype=np.int64)
    positions = np.arange(len(frame), dtype=np.int64)
    first_rows[groups[::-1]] = positions[::-1]  # written last to first: the first row stays
    columns_at_first = [frame[name].iloc[first_rows].tolist() for name in columns]
    distinct = [
        tuple(_plain(value) for value in row) for row in zip(*columns_at_first, strict=True)
    ]
    return groups.reshape(-1), distinct


def _plain(value: object) -> object:
    return or_none(value)


#: What ``_choose`` returns when products of different vendors fit equally.
_AMBIGUOUS = _NameHit("", "ambiguous")


def _extra_words(title: str) -> Message:
    return Message("normalise.note.extra_words", {"title": repr(title)})


def _role(role: str) -> Code:
    """A record role (``server``, ``client`` ...) as a code: the word itself in English."""
    return Code("record_role", role, code_in_english=True)


def _frame_value(found: ProductMatch, name: str) -> object:
    if name == "candidates":
        return candidates_text(found.candidates)
    return getattr(found, name)


def _clean(text: object) -> str | None:
    if is_missing(text):
        return None
    cleaned = " ".join(str(text).split())
    return cleaned or None


@cache
def _default_normaliser(user_aliases: Path | None) -> Normaliser:
    aliases = builtin_aliases()
    if user_aliases is not None:
        known = {*default_catalogue().products, *(entry.id for entry in aliases.entries)}
        aliases = aliases.merged_with(load_alias_file(user_aliases, known))
    return Normaliser(default_catalogue(), aliases)
