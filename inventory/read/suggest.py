""" "Did you mean" for unknown headers and values, and the language a file is written in.

A suggestion is a promise that the user meant it, so it is offered only when it is safe:

- the text is long enough to compare (``MIN_LENGTH``): "slug" or "dc" say too little;
- the whole text is similar (``fuzz.ratio``, not a partial match) above ``THRESHOLD``:
  "slug" is not "slukkeanlegg" although one starts the other;
- the text and the suggestion say the same thing, not its opposite: a negating word
  ("not public", "ikke offentlig", "ej publik") or prefix ("inaktiv", "uoffentlig") in one
  and not the other rules the pair out;
- no spelling of another meaning comes as close (within ``MARGIN``): then the text is
  ambiguous and nothing is suggested;
- when the file's language is known, only its own words, English and the canonical names
  are compared: a Norwegian word is not offered for a Swedish file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process

from inventory.models.base import LANGUAGES, Words
from inventory.models.registry import field_specs, normalise_header

#: Shortest text (letters and digits) a suggestion is made for.
MIN_LENGTH = 4
#: Least similarity (``fuzz.ratio``, 0-100) of a suggestion.
THRESHOLD = 80.0
#: A spelling of another meaning this close to the best makes the text ambiguous.
MARGIN = 5.0

#: Words that turn a value into its opposite, in the four languages.
NEGATIONS = frozenset(
    {
        "not",
        "non",
        "no",
        "never",
        "without",
        "ej",
        "inte",
        "icke",
        "ingen",
        "utan",
        "aldrig",
        "ikke",
        "ikkje",
        "uten",
        "aldri",
        "unntatt",
        "unnateke",
    }
)
#: Prefixes that do the same: inaktiv, uoffentlig, icke-offentlig, non-public, unmanaged.
NEGATING_PREFIXES = ("non", "un", "in", "icke", "ikke", "ej", "u", "o")

_WORD = re.compile(r"\w+")


#: ``normalise_header``, remembered: every file of a study repeats the same header cells.
normalised_header = functools.lru_cache(maxsize=1 << 16)(normalise_header)


def _compact(text: str) -> str:
    return "".join(_WORD.findall(text.casefold()))


def _compared(text: str) -> str:
    return " ".join(_WORD.findall(normalise_header(text)))


def negated(text: str, other: str) -> bool:
    """True when one of the two says the opposite of the other.

    >>> negated("ikke offentlig", "offentlig"), negated("inaktiv", "aktiv")
    (True, True)
    >>> negated("internett", "internet")
    False
    """
    words = set(_WORD.findall(text.casefold()))
    other_words = set(_WORD.findall(other.casefold()))
    if bool(words & NEGATIONS) != bool(other_words & NEGATIONS):
        return True
    one, two = _compact(text), _compact(other)
    for longer, shorter in ((one, two), (two, one)):
        if (
            shorter
            and longer != shorter
            and longer.endswith(shorter)
            and longer[: -len(shorter)] in NEGATING_PREFIXES
        ):
            return True
    return False


def nearest(text: str, candidates: Mapping[str, str]) -> str | None:
    """The spelling in ``candidates`` (spelling -> what it means) that ``text`` most likely
    is, or None when no suggestion is safe (see the module's rules).

    >>> nearest("Servernavm", {"servernavn": "hostname", "serienummer": "serial_number"})
    'servernavn'
    >>> nearest("not public", {"public": "public", "internal": "internal"}) is None
    True
    """
    query = _compared(text)
    if len(_compact(query)) < MIN_LENGTH:
        return None
    spellings = [spelling for spelling in candidates if len(_compact(spelling)) >= MIN_LENGTH - 1]
    matches = process.extract(
        query,
        [_compared(s) for s in spellings],
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=THRESHOLD,
        limit=10,
    )
    # A meaning is out when the text negates any of its spellings ("inoffentlig" is not
    # "offentleg", though it negates "offentlig").
    meanings = {candidates[spellings[index]] for _, _, index in matches}
    negating = {
        meaning
        for meaning in meanings
        if any(negated(text, spelling) for spelling, of in candidates.items() if of == meaning)
    }
    safe = [
        (spellings[index], score)
        for _, score, index in matches
        if candidates[spellings[index]] not in negating
    ]
    if not safe:
        return None
    best, score = safe[0]
    meaning = candidates[best]
    for other, other_score in safe[1:]:
        if candidates[other] != meaning and score - other_score < MARGIN:
            return None
    return best


def in_language(words: Words, language: str | None) -> tuple[str, ...]:
    """The spellings of ``words`` a file in ``language`` is compared with: its own and
    English ones (all of them when the language is not known)."""
    if language not in LANGUAGES:
        return words.all()
    return tuple(dict.fromkeys((*words.of(language), *words.en)))


def file_language(kind: str, header: Iterable[str]) -> str | None:
    """The language of a file's header row (``sv``, ``nb``, ``nn`` or ``en``), from the
    header words of ``kind`` it uses; None when no word is known or two languages tie.
    Bokmål and nynorsk share most words: a tie between them is bokmål unless a nynorsk
    word decides.

    >>> file_language("server", ["Servernavn", "IP-adresse", "Driftsstatus"])
    'nb'
    """
    found = [_languages_of(kind).get(normalised_header(cell), frozenset()) for cell in header]
    scores = {language: sum(language in languages for languages in found) for language in LANGUAGES}
    best = max(scores.values())
    if best == 0:
        return None
    leaders = [language for language in LANGUAGES if scores[language] == best]
    if len(leaders) > 1:  # the words only one of them writes decide
        only = {
            language: sum(languages == {language} for languages in found) for language in leaders
        }
        top = max(only.values())
        leaders = [language for language in leaders if only[language] == top]
    if set(leaders) == {"nb", "nn"}:
        return "nb"
    return leaders[0] if len(leaders) == 1 else None


_LANGUAGE_CACHE: dict[str, dict[str, frozenset[str]]] = {}


def _languages_of(kind: str) -> dict[str, frozenset[str]]:
    """Every header spelling of ``kind`` (normalised) and the languages that write it."""
    cached = _LANGUAGE_CACHE.get(kind)
    if cached is not None:
        return cached
    table: dict[str, set[str]] = {}
    for spec in field_specs(kind):
        table.setdefault(normalise_header(spec.name), set()).add("en")
        for language in LANGUAGES:
            for spelling in spec.words.of(language):
                table.setdefault(normalise_header(spelling), set()).add(language)
    result = {spelling: frozenset(languages) for spelling, languages in table.items()}
    _LANGUAGE_CACHE[kind] = result
    return result


def header_candidates(kind: str, language: str | None) -> dict[str, str]:
    """The header spellings of ``kind`` a suggestion may offer, each with its field."""
    candidates: dict[str, str] = {}
    for spec in field_specs(kind):
        candidates.setdefault(spec.name, spec.name)
        for spelling in in_language(spec.words, language):
            candidates.setdefault(spelling, spec.name)
    return candidates


def value_candidates(
    values: Sequence[str], words: Mapping[str, Words], language: str | None
) -> dict[str, str]:
    """The spellings of an enumeration's ``values`` a suggestion may offer."""
    candidates: dict[str, str] = {}
    for value in values:
        for spelling in (value, value.replace("_", " ")):
            candidates.setdefault(spelling, value)
        for spelling in in_language(words.get(value, Words()), language):
            candidates.setdefault(spelling, value)
    return candidates
