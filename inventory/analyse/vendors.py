"""Vendor names normalised to one vendor id: ``Cisco Systems, Inc.`` and ``cisco`` agree.

Inventories write a vendor as the technician knows it: with or without its legal form
(``Norkart`` / ``Norkart AS``), abbreviated (``CGM``), under a former name (``Tieto``,
``Agresso``, ``Logica``) or a brand (``Meraki``). ``vendor_id`` maps every such spelling to
the id of ``inventory/data/vendors.yaml``; a vendor that file does not know gets a slug of
its name with the legal form and country words stripped, so two spellings of an unknown
vendor that differ only by them (``Acme Oy``, ``ACME Oy Ab``) still agree.

>>> vendor_id("Cisco Systems, Inc."), vendor_id("CGM"), vendor_id("Norkart AS")
('cisco', 'compugroup-medical', 'norkart')
>>> vendor_title("compugroup-medical")
'CompuGroup Medical'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from inventory.analyse.bundled_files import (
    BUNDLED_HINT,
    problem_at,
    problem_list,
    schema_problems,
    yaml_problem,
)
from inventory.errors import InventoryError
from inventory.messages import Message
from inventory.yamlfile import YamlSyntaxError, compose_yaml

VENDORS_FILE = "vendors.yaml"

#: Legal forms (Nordic, European, American), compared as normalised token sequences.
_LEGAL_FORMS = """
    ab publ aktiebolag hb kb as asa aksjeselskap ans da ba iks oy oyj ay ky aps amba
    gmbh mbh ag kg kgaa se ev co inc incorporated ltd limited llc llp lp corp
    corporation company plc sa sas sarl srl spa bv nv pty pte kk
"""
#: Country and group words that follow a company name (``Tieto Sverige AB``).
_QUALIFIERS = """
    sverige sweden svenska norge norway norsk danmark denmark suomi finland deutschland
    germany nederland netherlands uk usa international group holding holdings konsern
"""
_MULTI_WORD = (("ek", "for"), ("ekonomisk", "forening"))  # after folding: "ek. för."
_STRIPPED: frozenset[tuple[str, ...]] = frozenset(
    {(word,) for word in (_LEGAL_FORMS + _QUALIFIERS).split()} | set(_MULTI_WORD)
)
_LEADING = frozenset({"ab", "as", "asa", "oy", "oyj", "aps"})
_LONGEST_STRIPPED = max(len(words) for words in _STRIPPED)

# Dots and slashes join letters ("A/S" -> "as", "S.A." -> "sa", "Inc." -> "inc"); every
# other run of non-word characters separates words.
_JOINING = re.compile(r"[./'’`´]")
_SEPARATING = re.compile(r"[^\w]+|_")
_FOLDED = str.maketrans(
    {"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "œ": "oe", "ı": "i"}
)


class VendorFileError(InventoryError):
    """The vendor file does not follow its schema."""


class VendorEntry(BaseModel):
    """One vendor of ``vendors.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    title: str = Field(min_length=1)
    names: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    parent: str | None = None
    related: tuple[str, ...] = ()


class VendorFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    vendors: tuple[VendorEntry, ...]


def vendor_key(name: str) -> str:
    """A vendor name as compared: case-folded, accents and punctuation gone, and the legal
    form and country words at its end (and a legal form in front) stripped, never down to
    nothing.

    >>> vendor_key("Tieto Sverige AB (publ)"), vendor_key("Hewlett-Packard Co.")
    ('tieto', 'hewlett packard')
    """
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = unicodedata.normalize("NFKD", text.translate(_FOLDED))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _SEPARATING.sub(" ", _JOINING.sub("", text))
    words = text.split()
    stripped = True
    while stripped:
        stripped = False
        for length in range(min(_LONGEST_STRIPPED, len(words) - 1), 0, -1):
            if tuple(words[-length:]) in _STRIPPED:
                words = words[:-length]
                stripped = True
                break
    while len(words) > 1 and words[0] in _LEADING:  # "AB Volvo", "A/S Acme", "Oy Acme"
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Vendor:
    """A known vendor: its id, display name, and the ids it agrees with."""

    id: str
    title: str
    parent: str | None
    related: frozenset[str]
    spellings: tuple[str, ...] = ()  # title, names and former names as written


@dataclass(frozen=True)
class VendorTable:
    """Every vendor of the vendor file, indexed by the key of each of its spellings."""

    vendors: dict[str, Vendor]
    by_key: dict[str, str]

    def id_of(self, name: str | None) -> str | None:
        """The vendor id of a name (see ``vendor_id``)."""
        if name is None:
            return None
        key = vendor_key(name)
        if not key:
            return None
        known = self.by_key.get(key)
        if known is not None:
            return known
        return "-".join(key.split())

    def title_of(self, vendor_id: str) -> str:
        known = self.vendors.get(vendor_id)
        if known is not None:
            return known.title
        return " ".join(part.capitalize() for part in vendor_id.split("-"))

    def agree(self, first: str | None, second: str | None) -> bool:
        """Whether two vendor ids name the same company, its group or a related company."""
        if first is None or second is None:
            return False
        if first == second:
            return True
        return second in self.family(first)

    def family(self, vendor: str) -> frozenset[str]:
        """The id itself, its parent, its brands and the companies listed as related."""
        known = self.vendors.get(vendor)
        family = {vendor}
        if known is not None:
            family |= known.related
            if known.parent:
                family.add(known.parent)
        family |= {
            other.id
            for other in self.vendors.values()
            if other.parent == vendor or vendor in other.related
        }
        return frozenset(family)


def parse_vendor_text(text: str, source: str) -> VendorTable:
    """Validate vendor YAML; ``VendorFileError`` names ``source`` and the line of a problem."""
    try:
        document = compose_yaml(text)
    except YamlSyntaxError as error:
        raise VendorFileError(yaml_problem(error, source), hint=BUNDLED_HINT) from None
    try:
        parsed = VendorFile.model_validate(document.data)
    except ValidationError as error:
        problems = schema_problems(error, document.lines, source)
        raise VendorFileError(
            problem_list("error.vendors.invalid", problems), hint=BUNDLED_HINT
        ) from None
    found: list[Message] = []
    ids = {entry.id for entry in parsed.vendors}
    by_key: dict[str, str] = {}
    vendors: dict[str, Vendor] = {}
    for position, entry in enumerate(parsed.vendors):
        line = document.lines.line_of(("vendors", position))
        if entry.id in vendors:
            found.append(problem_at(source, line, "error.vendors.twice", entry=repr(entry.id)))
        for other in (entry.parent, *entry.related):
            if other is not None and other not in ids:
                found.append(
                    problem_at(
                        source, line, "error.vendors.unknown", entry=entry.id, vendor=repr(other)
                    )
                )
        spellings = (entry.title, *entry.names, *entry.former_names)
        vendors[entry.id] = Vendor(
            entry.id, entry.title, entry.parent, frozenset(entry.related), spellings
        )
        for name in (entry.id.replace("-", " "), entry.title, *entry.names, *entry.former_names):
            key = vendor_key(name)
            owner = by_key.setdefault(key, entry.id)
            if owner != entry.id:
                found.append(
                    problem_at(
                        source,
                        line,
                        "error.bundled.name_taken",
                        entry=entry.id,
                        name=repr(name),
                        owner=repr(owner),
                    )
                )
    if found:
        raise VendorFileError(problem_list("error.vendors.invalid", found), hint=BUNDLED_HINT)
    return VendorTable(vendors=vendors, by_key=by_key)


@cache
def vendor_table() -> VendorTable:
    """The vendor table shipped in the package."""
    text = resources.files("inventory.data").joinpath(VENDORS_FILE).read_text(encoding="utf-8")
    return parse_vendor_text(text, VENDORS_FILE)


def vendor_id(name: str | None) -> str | None:
    """The normalised vendor id of a written vendor name; ``None`` for an empty name.

    Known spellings, abbreviations and former names map to the id of ``vendors.yaml``; an
    unknown vendor gets a slug of its key (``vendor_key``). A name without letters or
    digits is empty.

    >>> vendor_id("Tieto"), vendor_id("Agresso"), vendor_id("Acme Oy Ab")
    ('tietoevry', 'unit4', 'acme')
    """
    return vendor_table().id_of(name)


def vendor_title(vendor: str) -> str:
    """The display name of a vendor id (an unknown id as capitalised words).

    >>> vendor_title("tietoevry"), vendor_title("acme-data")
    ('Tietoevry', 'Acme Data')
    """
    return vendor_table().title_of(vendor)


def vendors_agree(first: str | None, second: str | None) -> bool:
    """Whether two written vendor names name one company, its group or a related company.

    >>> vendors_agree("Meraki", "Cisco Systems"), vendors_agree("Aruba", "HPE")
    (True, True)
    """
    table = vendor_table()
    return table.agree(table.id_of(first), table.id_of(second))
