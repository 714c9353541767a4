"""The product alias table: spellings, abbreviations and products the catalogue lacks.

The package ships ``inventory/data/aliases.yaml``; users add their own file in the same
schema (``inventory normalise --aliases FILE``), whose entries win over the built-in ones.
A file is validated as a whole; a problem names the file and line::

    vendors: [Microsoft, MS]          # vendor names stripped from the front of a name
    products:
      - id: procapita                 # an endoflife.date slug, or an id of your own
        title: Procapita              # display name (default: the catalogue title)
        vendor: CGI
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

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from inventory.errors import InventoryError
from inventory.issues import IssueCode
from inventory.yamlfile import YamlSyntaxError, compose_yaml, read_text_file

ALIASES_FILE = "aliases.yaml"

LifecyclePolicy = Literal["catalogue", "evergreen", "unknown"]


class AliasFileError(InventoryError):
    """An alias file cannot be read or does not follow the alias schema."""


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
                raise ValueError(f"name {name!r} is blank after normalisation")
        return names

    @field_validator("patterns", "models")
    @classmethod
    def _valid_patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"invalid regular expression {pattern!r}: {error}") from None
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
        return AliasTable(vendors=(*user.vendors, *self.vendors),
                          entries=(*user.entries, *self.entries),
                          user_ids=frozenset(range(count)))


def parse_alias_text(text: str, source: str, *, user: bool) -> AliasTable:
    """Validate alias YAML ``text``; ``AliasFileError`` names ``source`` and the line."""
    try:
        document = compose_yaml(text)
    except YamlSyntaxError as error:
        where = source if error.line is None else f"{source}:{error.line}"
        raise AliasFileError(f"{where}: not valid YAML: {error.problem}",
                             hint=error.hint or "Check the indentation and quoting near that"
                                                " line.") from None
    try:
        parsed = AliasFile.model_validate({} if document.data is None else document.data)
    except ValidationError as error:
        lines = [f"{source}:{document.lines.line_of(problem['loc']) or 1}:"
                 f" {'.'.join(str(part) for part in problem['loc']) or '(file)'}:"
                 f" {problem['msg']}" for problem in error.errors()]
        raise AliasFileError("invalid alias file:\n  " + "\n  ".join(lines),
                             hint="See `inventory normalise --help` for the alias schema.",
                             ) from None
    entries = parsed.products
    return AliasTable(vendors=parsed.vendors, entries=entries,
                      user_ids=frozenset(range(len(entries))) if user else frozenset())


def load_alias_file(path: Path) -> AliasTable:
    """A user's alias file, validated (``AliasFileError`` with the line of each problem)."""
    text, issues = read_text_file(path)
    if text is None:
        problem = issues[0]
        if problem.code is IssueCode.PATH_NOT_FOUND and not path.exists():
            raise AliasFileError(f"alias file not found: {path}")
        where = f"{path}:{problem.line}" if problem.line else str(path)
        raise AliasFileError(f"cannot read alias file {where}: {problem.message}",
                             hint=problem.hint) from None
    return parse_alias_text(text, str(path), user=True)


@cache
def builtin_aliases() -> AliasTable:
    """The alias table shipped in the package, with the business-systems catalogue's
    systems after the aliases file's entries (``business_catalogue.py``)."""
    from inventory.analyse.business_catalogue import business_catalogue  # imports this module

    text = resources.files("inventory.data").joinpath(ALIASES_FILE).read_text(encoding="utf-8")
    table = parse_alias_text(text, ALIASES_FILE, user=False)
    catalogue = business_catalogue()
    return AliasTable(vendors=(*table.vendors, *catalogue.vendor_names()),
                      entries=(*table.entries, *catalogue.alias_entries()),
                      user_ids=frozenset())
