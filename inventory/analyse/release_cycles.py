"""Release cycles: a version as written mapped to a release cycle of the catalogue.

The catalogue spells cycles its own way (``2012-r2``, ``7.0``, ``11-23h2-e``,
``standard-7-sp1``, ``subscription``); ``CycleIndex.resolve`` maps the version text the
normaliser found (``2012 R2``, ``7.0 U3``, ``23H2``, ``Standard 7``) to one of them, with
how sure the mapping is. Policies, applied where the inventory says less than the
catalogue distinguishes:

* a version that names no service pack means the newest one (``SQL Server 2014`` ->
  ``12.0-sp3``, ``Windows Server 2008 R2`` -> ``2008-r2-sp1``);
* the edition named next to a Windows 10/11 version selects the cycle of its track
  (``editions``);
* a version less specific than the cycles it prefixes (``Windows 11``, ``SLES 15`` when
  15.0 ... 15.7 exist) is a guess, ``GUESSED_CYCLE_CONFIDENCE``: listed for review;
* cycles named by words (``standard-7-sp1``, ``subscription``) are found by their words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from inventory.analyse.aliases import normalise_name
from inventory.analyse.catalogue import Catalogue, Release
from inventory.analyse.editions import EDITION_SUFFIX, prefer_edition

#: The confidence of a cycle guessed from a version less specific than the cycles.
GUESSED_CYCLE_CONFIDENCE = 0.8

_NUMERIC = re.compile(r"^v?(\d+(?:\.\d+)*)")
_PLACEHOLDER = re.compile(r"'?__[A-Z_]+__'?")
_HAS_DIGIT = re.compile(r"\d")


@dataclass
class CycleKeys:
    """The spellings of each release cycle of one catalogue product, as token tuples."""

    keys: list[tuple[tuple[str, ...], Release]] = field(default_factory=list)
    numeric: list[tuple[tuple[int, ...], Release]] = field(default_factory=list)


class CycleIndex:
    """The release cycles of the catalogue's products, indexed per product on first use.

    >>> from inventory.analyse.catalogue import default_catalogue
    >>> release, certainty = CycleIndex(default_catalogue()).resolve("vmware-esxi", (), "7.0 u3",
    ...                                                              set())
    >>> release.cycle, certainty
    ('7.0', 1.0)
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._keys: dict[str, CycleKeys] = {}

    def cycles(self, slug: str) -> CycleKeys:
        """Every spelling of every cycle of one catalogue product (cycle and label)."""
        cached = self._keys.get(slug)
        if cached is not None:
            return cached
        keys = CycleKeys()
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
        self._keys[slug] = keys
        return keys

    def resolve(
        self, slug: str, version_names: tuple[tuple[str, str], ...], text: str, words: set[str]
    ) -> tuple[Release, float] | None:
        """The release cycle of product ``slug`` a version text names, with how sure the
        mapping is; ``version_names`` are the product's release names (``sonoma`` -> 14),
        ``words`` the words around the version (the edition, the product name)."""
        for name, replacement in version_names:
            if re.search(rf"(?<!\S){re.escape(name)}(?!\S)", text):
                text = re.sub(rf"(?<!\S){re.escape(name)}(?!\S)", replacement, text)
                words |= set(replacement.split())
        cycles = self.cycles(slug)
        named = text.split()
        if named and not _HAS_DIGIT.search(named[0]):  # cycles named by words first
            for length in range(len(named), 0, -1):  # "standard 7", "subscription edition"
                head = tuple(named[:length])
                exact = [
                    release
                    for key, release in cycles.keys
                    if key[:length] == head and all(t.startswith("sp") for t in key[length:])
                ]
                if exact:
                    return newest(exact), 1.0
        tokens = list(dict.fromkeys(t for t in text.split() if _HAS_DIGIT.search(t)))
        if not tokens:
            return _named_cycle(cycles, words)
        edition = EDITION_SUFFIX.get(slug)
        suffix = edition(words) if edition else ()
        for length in range(len(tokens), 0, -1):
            head = tuple(tokens[:length])
            for wanted in (head + suffix, head) if suffix else (head,):
                exact = [
                    release
                    for key, release in cycles.keys
                    if key == wanted
                    or (
                        key[: len(wanted)] == wanted
                        and all(t.startswith("sp") for t in key[len(wanted) :])
                    )
                ]
                if exact:
                    return newest(prefer_edition(exact, suffix)), 1.0
        for token in tokens[1:]:  # "7 2203 LTSR": the cycle is not the first number
            exact = [release for key, release in cycles.keys if key == (token,)]
            if exact:
                return newest(exact), 1.0
        number = _numeric_tuple(tokens[0])
        if number is not None:
            best: tuple[int, Release] | None = None
            for cycle_number, release in cycles.numeric:
                padded = number + (0,) * max(0, len(cycle_number) - len(number))
                if padded[: len(cycle_number)] == cycle_number and (
                    best is None or len(cycle_number) > best[0]
                ):
                    best = (len(cycle_number), release)
            if best is not None:
                sharing = sum(
                    1 for cycle_number, _ in cycles.numeric if cycle_number[: len(number)] == number
                )
                # "15" when 15.0 ... 15.7 exist names none of them: a guess, for review
                unsure = len(number) < best[0] and sharing > 1
                return best[1], GUESSED_CYCLE_CONFIDENCE if unsure else 1.0
        by_latest = [
            release
            for _, release in cycles.keys
            if release.latest
            and (tokens[0] == release.latest or tokens[0].startswith(release.latest + "."))
        ]
        if by_latest:
            return newest(prefer_edition(by_latest, suffix)), 1.0
        head = tuple(tokens)
        extended = [release for key, release in cycles.keys if key[: len(head)] == head]
        if extended:
            return newest(prefer_edition(extended, suffix)), GUESSED_CYCLE_CONFIDENCE
        return _named_cycle(cycles, words | set(tokens))


def _numeric_tuple(token: str) -> tuple[int, ...] | None:
    found = _NUMERIC.match(token)
    if found is None:
        return None
    return tuple(int(part) for part in found.group(1).split("."))


def _named_cycle(cycles: CycleKeys, words: set[str]) -> tuple[Release, float] | None:
    """A cycle named by words whose every word the name holds ("Windows Embedded Standard
    7" is ``standard-7-sp1``: the product name took "standard"), the most specific one."""
    fits = []
    for key, release in cycles.keys:
        core = [token for token in key if not token.startswith("sp")]
        if core and not _HAS_DIGIT.search(core[0]) and set(core) <= words:
            fits.append((len(core), release))
    if not fits:
        return None
    longest = max(length for length, _ in fits)
    return newest([release for length, release in fits if length == longest]), 1.0


def newest(releases: list[Release]) -> Release:
    """The most recently released of some releases (the first one when none is dated)."""
    return max(releases, key=lambda r: r.release_date or dt.date.min)
