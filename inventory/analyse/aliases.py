"""The product alias table: spellings, abbreviations and products the catalogue lacks.

The package ships ``inventory/data/aliases.yaml``; users add their own file in the same
schema (``inventory normalise --aliases FILE``), whose entries win over the built-in ones.
A file is validated as a whole; a problem names the file and line::

    vendors: [Microsoft, MS]          # vendor names stripped from the front of a name
    products:
      - id: procapita                 # an endoflife.date slug, or an id of your own
        title: Procapita              # display name (default: the catalogue title)
        vendor: CGI                   # the vendor; a row naming another known vendor never
                                      #   matches it (models and patterns included)
        vendors: [Tieto, Tietoevry]   # other vendors it is or was sold under
        roles: [client]               # record roles it runs on (server, client, network,
                                      #   appliance, storage); empty: any
        as_role: {server: windows-server}  # on a record of this role the name means this
                                      #   product ("Windows filserver 2016" on a server)
        lifecycle: unknown            # catalogue | evergreen | unknown (default: catalogue
                                      #   for a catalogue slug, unknown otherwise)
        lifecycle_of: windows-server  # take release cycles and dates from this catalogue
                                      #   product (Hyper-V follows Windows Server)
        names: [Procapita, Lifecare Procapita]
        patterns: ['^w2k(?P<version>\\d\\d)$']   # regular expressions over the normalised
                                      #   name; a group ``version`` is the version
        version_names: {sonoma: "14"} # release names that stand for a version
        models: ['^catalyst 9\\d{3}']  # hardware models whose software is this product
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from inventory.issues import InvalidInputError, Issue, IssueCode, template_key
from inventory.messages import Message
from inventory.yamlfile import parse_yaml_text, read_text_file, validate_document

ALIASES_FILE = "aliases.yaml"

LifecyclePolicy = Literal["catalogue", "evergreen", "unknown"]
#: What a record is to the product it names: where the caller knows it, matching never
#: takes a product made for another role (a network device is never a client OS).
Role = Literal["server", "client", "network", "appliance", "storage"]


class AliasFileError(InvalidInputError):
    """An alias file (or a filled review file) cannot be read or does not follow its
    schema: ``issues`` name every problem with its code, file and line; nothing was
    matched with it."""

    def __init__(self, issues: list[Issue], source: str, hint: str | Message | None = None) -> None:
        super().__init__(issues, source, hint)


_PUNCTUATION = re.compile(r"[^\w.+]+|_")
_LONE_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_LETTERS_THEN_DIGITS = re.compile(r"(?<![0-9a-z])(?!(?:sp|cu|kb|su)[0-9])([a-z]{2,})(?=[0-9])")
_GLUED_QUALIFIER = re.compile(r"(?<=[0-9])(?=(?:u|r|sp|cu|update|build)[0-9])")


def normalise_name(text: str) -> str:
    """A product name or version as compared: case-folded, punctuation as spaces.

    Letters glued to a number are split off (``Win2019`` -> ``win 2019``) and so are update
    qualifiers glued to a version (``7.0u3`` -> ``7.0 u3``, ``2012R2`` -> ``2012 r2``).

    >>> normalise_name("VMware ESXi 7.0U3")
    'vmware esxi 7.0 u3'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _PUNCTUATION.sub(" ", text)
    text = _LONE_DOT.sub(" ", text)
    text = _LETTERS_THEN_DIGITS.sub(r"\1 ", text)
    text = _GLUED_QUALIFIER.sub(" ", text)
    return " ".join(text.split())


class AliasEntry(BaseModel):
    """One product of an alias file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.+_-]*$")
    title: str | None = Field(default=None, min_length=1)
    vendor: str | None = None
    vendors: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    as_role: dict[Role, str] = Field(default_factory=dict)
    lifecycle: LifecyclePolicy | None = None
    lifecycle_of: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9.+_-]*$")
    names: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    version_names: dict[str, str] = Field(default_factory=dict)
    models: tuple[str, ...] = ()

    @field_validator("names")
    @classmethod
    def _names_not_blank(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not normalise_name(name):
                raise PydanticCustomError(
                    "validation.alias.blank_name",
                    "name {value} is blank after normalisation",
                    {"value": repr(name)},
                )
        return names

    @field_validator("patterns", "models")
    @classmethod
    def _valid_patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise PydanticCustomError(
                    "validation.alias.regex",
                    "invalid regular expression {value}: {reason}",
                    # the re module's own English, said to be quoted
                    {
                        "value": repr(pattern),
                        "reason": Message("validation.parser", {"detail": str(error)}),
                    },
                ) from None
        return patterns


class AliasFile(BaseModel):
    """The whole alias file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    vendors: tuple[str, ...] = ()
    products: tuple[AliasEntry, ...] = ()


@dataclass(frozen=True)
class AliasTable:
    """The alias entries of one or more files, and where each came from."""

    vendors: tuple[str, ...]
    entries: tuple[AliasEntry, ...]
    user_ids: frozenset[int]  # positions in ``entries`` that came from a user's file

    def is_user_entry(self, position: int) -> bool:
        return position in self.user_ids

    def merged_with(self, user: AliasTable) -> AliasTable:
        """This table with a user's table on top (user entries are tried first)."""
        count = len(user.entries)
        return AliasTable(
            vendors=(*user.vendors, *self.vendors),
            entries=(*user.entries, *self.entries),
            user_ids=frozenset(range(count)),
        )


def parse_alias_text(text: str, source: str, *, user: bool) -> AliasTable:
    """Validate alias YAML ``text``; ``AliasFileError`` names ``source`` and the line of
    each problem (``invalid-yaml``, the schema's codes)."""
    document, issues = parse_yaml_text(text, source)
    if document is None:
        raise AliasFileError(issues, source)
    parsed: AliasFile | None = AliasFile()
    if document.data is not None:
        parsed, issues = validate_document(AliasFile, document, source, hint=_ALIAS_HINT)
    if parsed is None:
        raise AliasFileError(issues, source, _ALIAS_HINT)
    entries = parsed.products
    return AliasTable(
        vendors=parsed.vendors,
        entries=entries,
        user_ids=frozenset(range(len(entries))) if user else frozenset(),
    )


_ALIAS_HINT = Message("validation.hint.aliases")

#: The column of a review file (``inventory normalise --review-file``) a person fills in.
DECISION_COLUMN = "decision"
#: A decision that leaves a name unmatched (as an empty cell does).
NO_DECISION = frozenset({"", "-", "none", "skip"})
_VERSION_TOKEN = re.compile(r"\d")


def parse_review_text(
    text: str, source: str, known_ids: Collection[str] | None = None
) -> AliasTable:
    """A filled review file (CSV) as user aliases.

    Each row whose ``decision`` cell names a product id makes its written ``product`` (as
    normalised, exactly; trailing words with digits are the version) mean that product:
    the row then matches with method ``user-alias``. An empty decision or ``-`` leaves the
    name for later. ``AliasFileError`` names the line of a decision that is no product id
    (or not in ``known_ids``, when given) and of a file without the columns.
    """
    from inventory.echo import restore_text  # the file was written formula-safe

    rows = csv.DictReader(io.StringIO(text))
    fields = [name.strip().casefold() for name in rows.fieldnames or ()]
    missing = [name for name in ("product", DECISION_COLUMN) if name not in fields]
    if missing:
        raise AliasFileError(
            [
                Issue(
                    code=IssueCode.MISSING_COLUMN,
                    file=source,
                    line=1,
                    template=template_key(IssueCode.MISSING_COLUMN, "review_file"),
                    params={"columns": ", ".join(missing)},
                )
            ],
            source,
        )
    patterns: dict[str, list[str]] = {}
    problems: list[Issue] = []
    for row in rows:
        cells = {
            str(key).strip().casefold(): restore_text(value or "")
            for key, value in row.items()
            if key is not None
        }
        decision = cells.get(DECISION_COLUMN, "").strip()
        line = rows.line_num
        if decision.casefold() in NO_DECISION:
            continue
        if not re.fullmatch(r"[a-z0-9][a-z0-9.+_-]*", decision) or (
            known_ids is not None and decision not in known_ids
        ):
            problems.append(
                Issue(
                    code=IssueCode.INVALID_VALUE,
                    file=source,
                    line=line,
                    column=DECISION_COLUMN,
                    value=decision,
                    template=template_key(IssueCode.INVALID_VALUE, "review_decision"),
                    params={"decision": repr(decision)},
                )
            )
            continue
        words = normalise_name(cells.get("product", "")).split()
        if not words:
            problems.append(
                Issue(
                    code=IssueCode.MISSING_VALUE,
                    file=source,
                    line=line,
                    column="product",
                    template=template_key(IssueCode.MISSING_VALUE, "review_product"),
                )
            )
            continue
        head = list(words)
        while len(head) > 1 and _VERSION_TOKEN.search(head[-1]):
            head.pop()
        tail = words[len(head) :]
        pattern = (
            f"^{re.escape(' '.join(head))}$"
            if not tail
            else (f"^{re.escape(' '.join(head))} (?P<version>{re.escape(' '.join(tail))})$")
        )
        patterns.setdefault(decision, [])
        if pattern not in patterns[decision]:
            patterns[decision].append(pattern)
    if problems:
        raise AliasFileError(problems, source)
    entries = tuple(
        AliasEntry(id=product_id, patterns=tuple(found)) for product_id, found in patterns.items()
    )
    return AliasTable(vendors=(), entries=entries, user_ids=frozenset(range(len(entries))))


def load_alias_file(path: Path, known_ids: Collection[str] | None = None) -> AliasTable:
    """A user's alias file, validated (``AliasFileError`` with the line of each problem).

    A ``.csv`` file is a filled review file (``parse_review_text``); its decisions must
    name ``known_ids`` when given.
    """
    text, issues = read_text_file(path)
    if text is None:  # missing, unreadable or not UTF-8 (path-not-found, invalid-encoding)
        raise AliasFileError(issues, str(path))
    if path.suffix.casefold() == ".csv":
        return parse_review_text(text, str(path), known_ids)
    return parse_alias_text(text, str(path), user=True)


@cache
def builtin_aliases() -> AliasTable:
    """The alias table shipped in the package, with the business-systems catalogue's
    systems after the aliases file's entries (``business_catalogue.py``)."""
    from inventory.analyse.business_catalogue import business_catalogue  # imports this module

    text = resources.files("inventory.data").joinpath(ALIASES_FILE).read_text(encoding="utf-8")
    table = parse_alias_text(text, ALIASES_FILE, user=False)
    catalogue = business_catalogue()
    return AliasTable(
        vendors=(*table.vendors, *catalogue.vendor_names()),
        entries=(*table.entries, *catalogue.alias_entries()),
        user_ids=frozenset(),
    )
