"""Which record kind a file name, a sheet name or a header row stands for.

Technicians name files the way they speak: ``fagsystemer.csv``, ``Servrarna.xlsx``,
``nettverk.csv``. A name is the kind when, compared without case, spaces, ``-``/``_`` and
diacritics, it is one of the kind's file names (``Record.file_names``) or of the plurals
and synonyms in ``KIND_SYNONYMS`` (English, Swedish, Norwegian bokmål and nynorsk), also
with a definite ending (``servrarna``, ``klientene``, ``fagsystema``). A name taken from the
synonyms is said in an info note (``kind-recognised``), so the user sees which kind was
taken.

A header row is a kind's when most of its filled cells are known headers of the kind
(``HeaderScore.clear``): this finds the header row below a title, and the kind of a
workbook sheet named ``Blad1``.

Exports of other tools (RVTools, Intune, ...) are recognised by adapters:
``register_recogniser`` adds one to ``RECOGNISERS``, which discovery asks about every file
and sheet that is not understood by name or header (see ``Recogniser``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from inventory.messages import Message
from inventory.models.registry import RECORD_KINDS, RECORD_MODELS, header_aliases, normalise_header

if TYPE_CHECKING:
    from inventory.issues import Issue
    from inventory.read.source import SourceTable

#: Rows looked at for the header row (title and blank rows above it are skipped).
HEADER_SEARCH_ROWS = 20

#: Plurals and synonyms of each kind beyond its ``file_names`` (compared folded, so
#: ``nätverk`` also matches ``natverk`` and ``network-devices`` ``network devices``).
KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    "municipality": (
        "municipalities",
        "organization",
        "kommuner",
        "kommunar",
        "organisasjon",
        "kommuninfo",
        "kommuneinfo",
    ),
    "site": (
        "location",
        "locations",
        "plats",
        "lokation",
        "lokationer",
        "lokasjon",
        "lokasjonar",
        "sted",
        "steder",
        "stader",
        "anlegg",
        "datahallar",
        "serverrum",
        "serverrom",
    ),
    "server": (
        "tjener",
        "tjenere",
        "tenar",
        "tenarar",
        "vm",
        "vms",
        "virtual machines",
        "virtuella maskiner",
        "virtuelle maskiner",
        "maskiner",
        "serverar",
    ),
    "storage": (
        "lagringssystem",
        "lagringssystemer",
        "lagringssystema",
        "lagringsenheter",
        "storage systems",
    ),
    "network_device": (
        "network",
        "network devices",
        "nätverksenheter",
        "nettverksenheter",
        "nettverkseiningar",
        "nettverksutstyr",
        "switchar",
        "switcher",
        "nätverksutrustning",
        "nettverkskomponenter",
    ),
    "link": (
        "connections",
        "förbindelse",
        "forbindelse",
        "länk",
        "linje",
        "linjar",
        "samband",
        "wan",
        "kommunikasjonslinjer",
    ),
    "zone": (
        "sone",
        "sonar",
        "zon",
        "nettverkssoner",
        "säkerhetszoner",
        "sikkerhetssoner",
        "segmenter",
        "network zones",
    ),
    "platform": (
        "plattform",
        "plattformstjenester",
        "plattformtenester",
        "infrastrukturtjänster",
        "infrastrukturtjenester",
        "platform services",
    ),
    "client": (
        "klient",
        "klientar",
        "einingar",
        "dator",
        "datamaskiner",
        "pc",
        "pcer",
        "endpoints",
        "arbetsstationer",
        "arbeidsstasjoner",
        "client devices",
    ),
    "application": (
        "applikation",
        "applikasjon",
        "applikasjonar",
        "systemer",
        "systema",
        "fagsystemer",
        "fagsystema",
        "verksamhetssystemen",
        "it-system",
        "it-systemer",
        "business systems",
        "apps",
        "programvare",
    ),
}

#: Definite endings (sv ``-na``, ``-en``, ``-et``; no ``-ene``, ``-ne``; nn ``-a``) tried
#: when the name as written is no kind name; the longest first.
_DEFINITE_ENDINGS = ("arna", "erna", "orna", "ene", "na", "ne", "en", "et", "a")


@functools.lru_cache(maxsize=1 << 16)  # adapters fold the first rows of every file
def fold_name(text: str) -> str:
    """A name as compared: NFC, case-folded, without spaces, ``-``, ``_``, ``.`` and
    diacritics (``ø`` as ``o``, ``æ`` as ``ae``).

    >>> fold_name("Nätverks-enheter"), fold_name("Network_Devices"), fold_name("Tjänare")
    ('natverksenheter', 'networkdevices', 'tjanare')
    """
    text = normalise_header(text).replace("ø", "o").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


@dataclass(frozen=True)
class KindName:
    """The kind a name stands for; ``exact`` when the name is one of its file names (a
    plural, synonym or definite form is not, and is said in a note)."""

    kind: str
    exact: bool


@functools.cache
def _names() -> tuple[dict[str, str], dict[str, str]]:
    """Folded file names and folded synonyms, each to its kind."""
    exact = {
        fold_name(name): model.kind_name for model in RECORD_MODELS for name in model.file_names
    }
    synonyms = {
        fold_name(name): kind
        for kind, names in KIND_SYNONYMS.items()
        for name in names
        if fold_name(name) not in exact
    }
    return exact, synonyms


def kind_for_name(name: str) -> KindName | None:
    """The record kind a file or sheet name (without extension) stands for, or None.

    >>> kind_for_name("servrar"), kind_for_name("Fagsystemer")
    (KindName(kind='server', exact=True), KindName(kind='application', exact=False))
    >>> kind_for_name("klientene").kind, kind_for_name("export-2024")
    ('client', None)
    """
    exact, synonyms = _names()
    folded = fold_name(name)
    if not folded:
        return None
    if folded in exact:
        return KindName(exact[folded], exact=True)
    if folded in synonyms:
        return KindName(synonyms[folded], exact=False)
    for ending in _DEFINITE_ENDINGS:
        base = folded.removesuffix(ending)
        if base != folded and len(base) >= 3:
            kind = exact.get(base) or synonyms.get(base)
            if kind is not None:
                return KindName(kind, exact=False)
    return None


def kind_names(kind: str) -> tuple[str, ...]:
    """The file names of a kind, then its synonyms: as listed in hints."""
    model = next(model for model in RECORD_MODELS if model.kind_name == kind)
    return (*model.file_names, *KIND_SYNONYMS.get(kind, ()))


_UNIT_SUFFIX = re.compile(r"\s*[(\[][^()\[\]]{1,20}[)\]]\s*$")


@functools.cache
def _aliases(kind: str) -> dict[str, str]:
    return header_aliases(kind) if kind in RECORD_KINDS else {}


@functools.lru_cache(maxsize=1 << 16)  # an export's first rows are scored for every kind
def known_header(kind: str, text: str) -> str | None:
    """The field a header cell names in ``kind`` (a unit in brackets after it, as in
    ``Minne (GB)``, is looked past), or None."""
    aliases = _aliases(kind)
    normalised = normalise_header(text)
    found = aliases.get(normalised)
    if found is None and normalised.endswith((")", "]")):
        found = aliases.get(_UNIT_SUFFIX.sub("", normalised))
    return found


@dataclass(frozen=True)
class HeaderScore:
    """How much a row looks like the header row of ``kind``: of its ``filled`` cells (note
    columns starting with ``#`` left out), ``known`` name a field of the kind."""

    kind: str
    known: int
    filled: int

    @property
    def clear(self) -> bool:
        """Clearly the header: at least two known cells, and most filled cells known."""
        return self.known >= 2 and 2 * self.known > self.filled


#: Rows of up to this many characters have their score remembered (a header recurs in
#: every municipality's file of its kind).
_REMEMBERED_ROW_CHARS = 1 << 12


def score_row(kind: str, cells: Iterable[str]) -> HeaderScore:
    """The ``HeaderScore`` of a row for ``kind`` (all zero for a kind that is no record
    kind, such as a study file's)."""
    row = tuple(cells)
    if sum(map(len, row)) <= _REMEMBERED_ROW_CHARS:
        return _remembered_score(kind, row)
    return _score(kind, row)


@functools.lru_cache(maxsize=1 << 10)
def _remembered_score(kind: str, row: tuple[str, ...]) -> HeaderScore:
    return _score(kind, row)


def _score(kind: str, cells: tuple[str, ...]) -> HeaderScore:
    filled = [cell for cell in cells if cell.strip() and not cell.strip().startswith("#")]
    fields = {known_header(kind, cell) for cell in filled} - {None}
    return HeaderScore(kind, known=len(fields), filled=len(filled))


def header_row_index(kind: str, rows: Sequence[Sequence[str]]) -> int:
    """The index of the header row among the first non-blank ``rows`` of a file: the first
    row, unless it is not clearly a header of ``kind`` and a later one (within
    ``HEADER_SEARCH_ROWS``) is, with more known cells.

    >>> header_row_index("server", [["Serverlista 2024"], [], ["id", "kind", "os"]])
    2
    """
    first = score_row(kind, rows[0]) if rows else None
    if first is None or first.clear:
        return 0
    for index, row in enumerate(rows[1:HEADER_SEARCH_ROWS], start=1):
        score = score_row(kind, row)
        if score.clear and score.known > first.known:
            return index
    return 0


def kinds_by_header(rows: Sequence[Sequence[str]]) -> list[tuple[int, HeaderScore]]:
    """For each of the first rows that is clearly a header of some kind: its index and the
    best kinds' scores, best first (ties kept: the caller decides). At most one entry: the
    first such row."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        scores = sorted(
            (score_row(kind, row) for kind in RECORD_KINDS),
            key=lambda score: (-score.known, RECORD_KINDS.index(score.kind)),
        )
        clear = [score for score in scores if score.clear]
        if clear:
            return [(index, score) for score in clear if score.known == clear[0].known]
    return []


def candidate_kinds(rows: Sequence[Sequence[str]], limit: int = 3) -> list[HeaderScore]:
    """The kinds whose headers the first rows come nearest to (at least one known cell),
    best first: what a file not understood could have been."""
    best: dict[str, HeaderScore] = {}
    for row in rows[:HEADER_SEARCH_ROWS]:
        for kind in RECORD_KINDS:
            score = score_row(kind, row)
            if score.known and (kind not in best or score.known > best[kind].known):
                best[kind] = score
    ranked = sorted(best.values(), key=lambda s: (-s.known, RECORD_KINDS.index(s.kind)))
    return ranked[:limit]


@dataclass(frozen=True)
class Probe:
    """What a recogniser is shown of a file or sheet not understood by name: its path, the
    sheet (None for a file) and its first non-blank rows as text (empty for a file that
    is no table, such as ``.json``)."""

    path: Path
    sheet: str | None
    rows: tuple[tuple[str, ...], ...]


class Recogniser(Protocol):
    """An adapter for another tool's export (RVTools, Intune, NetBox, ...).

    ``recognise`` says which record kind a file or sheet holds, or None when it is not
    this tool's; ``read`` turns it into a ``SourceTable`` whose header cells are field
    names of that kind, keeping the places (file, sheet, lines) of the export.
    """

    name: str
    description: str

    def recognise(self, probe: Probe) -> str | None: ...

    def read(
        self, path: Path, sheet: str | None, kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]: ...


class MultiSourceRecogniser(Recogniser, Protocol):
    """An adapter whose export does not map one file to one kind: one file may hold
    records of several kinds (a NetBox device list: servers, switches, storage), and one
    kind may come from several files or sheets of the export (RVTools' vInfo and vHost
    are both servers).

    ``recognise_kinds`` lists every kind a file or sheet holds (empty when it is not this
    tool's); ``read_sources`` reads one kind from all the files and sheets that hold it,
    as one table whose rows keep their own places.
    """

    def recognise_kinds(self, probe: Probe) -> tuple[str, ...]: ...

    def read_sources(
        self, sources: Sequence[tuple[Path, str | None]], kind: str, municipality: str
    ) -> tuple[SourceTable | None, list[Issue]]: ...


def recognised_kinds(recogniser: Recogniser, probe: Probe, kind: str) -> tuple[str, ...]:
    """Every kind ``recogniser`` reads from ``probe`` (``kind`` first)."""
    more = getattr(recogniser, "recognise_kinds", None)
    kinds: tuple[str, ...] = (kind,) if more is None else tuple(more(probe))
    return (kind, *(other for other in kinds if other != kind))


def known_not_read(probe: Probe) -> tuple[Recogniser, Message | str] | None:
    """The adapter that knows ``probe`` as a part of its export it does not read (an
    RVTools sheet such as vCPU, whose figures vInfo already gives), and why; None when no
    adapter says so. Such a part is an info note, not an unknown file or sheet."""
    for recogniser in RECOGNISERS:
        reason = getattr(recogniser, "not_read_reason", None)
        why = None if reason is None else reason(probe)
        if why:
            return recogniser, why
    return None


#: The adapters asked, in order, about every file and sheet not understood otherwise.
RECOGNISERS: list[Recogniser] = []


def register_recogniser(recogniser: Recogniser) -> None:
    """Add an adapter to ``RECOGNISERS`` (once)."""
    if all(known.name != recogniser.name for known in RECOGNISERS):
        RECOGNISERS.append(recogniser)


def recognise(probe: Probe) -> tuple[Recogniser, str] | None:
    """The first adapter that recognises ``probe``, and the kind it reads it as."""
    for recogniser in RECOGNISERS:
        kind = recogniser.recognise(probe)
        if kind is not None:
            return recogniser, kind
    return None


def recogniser_named(name: str) -> Recogniser:
    """The registered adapter called ``name`` (``KeyError`` when there is none)."""
    for recogniser in RECOGNISERS:
        if recogniser.name == name:
            return recogniser
    raise KeyError(name)
