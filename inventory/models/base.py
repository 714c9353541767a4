"""Shared building blocks of the inventory models.

Every record kind is a pydantic model; its fields carry the metadata the rest of the
pipeline needs (header aliases in Swedish and Norwegian, references to other record
kinds, units) in ``json_schema_extra`` so that the models stay the single source of
truth for templates, JSON Schema, header mapping, validation and the store.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

#: The languages of file headers and values: Swedish, Norwegian bokmål and nynorsk, English.
Language = Literal["sv", "nb", "nn", "en"]
LANGUAGES: tuple[Language, ...] = ("sv", "nb", "nn", "en")


@dataclass(frozen=True)
class Words:
    """The spellings of one header or value that users write, per language.

    ``sv`` Swedish, ``nb`` Norwegian bokmål, ``nn`` nynorsk, ``en`` English variants;
    a word written alike in two languages is listed in both (it counts for both when the
    language of a file is guessed from its headers).
    """

    sv: tuple[str, ...] = ()
    nb: tuple[str, ...] = ()
    nn: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def of(self, language: Language) -> tuple[str, ...]:
        """The spellings of one language."""
        spellings: tuple[str, ...] = getattr(self, language)
        return spellings

    def all(self) -> tuple[str, ...]:
        """Every spelling once, in language order."""
        return tuple(dict.fromkeys(w for f in fields(self) for w in getattr(self, f.name)))

    def by_language(self) -> dict[str, Any]:  # JSON: language -> list of spellings
        return {language: list(self.of(language)) for language in LANGUAGES if self.of(language)}


class LocalisedEnum(enum.StrEnum):
    """A string enum whose members also accept Swedish and Norwegian spellings.

    Subclasses define ``__aliases__``: a mapping from a member value to the other
    spellings users write, per language (compared after trimming and case folding).
    """

    __aliases__: ClassVar[dict[str, Words]]

    @classmethod
    def spellings(cls) -> dict[str, str]:
        """Every accepted spelling (case-folded) mapped to the canonical value."""
        return dict(_spellings(cls))

    @classmethod
    def _spellings(cls) -> dict[str, str]:
        table: dict[str, str] = {}
        for member in cls:
            value = str(member)
            table[value.casefold()] = value
            table[value.replace("_", " ").casefold()] = value
            table[value.replace("_", "-").casefold()] = value
            for alias in cls.words(value).all():
                table[alias.casefold()] = value
        return table

    @classmethod
    def words(cls, value: str) -> Words:
        """The other spellings of a member, per language."""
        aliases: dict[str, Words] = getattr(cls, "__aliases__", {})
        return aliases.get(value, Words())

    @classmethod
    def parse(cls, text: str) -> LocalisedEnum | None:
        """The member for ``text`` in any accepted spelling, or ``None``."""
        value = _spellings(cls).get(" ".join(text.split()).casefold())
        return None if value is None else cls(value)


@dataclass(frozen=True)
class Reference:
    """A field that names records of other kinds (by their natural key).

    ``kinds`` lists the record kinds the value may name, in the order they are tried.
    ``pseudo`` names derived keys that are not records of their own, such as the
    clusters that servers name in their ``cluster`` field.
    """

    kinds: tuple[str, ...]
    pseudo: tuple[str, ...] = ()
    many: bool = False


def column(
    description: str,
    *,
    aliases: Words | tuple[str, ...] = (),
    required: bool = False,
    ref: Reference | None = None,
    unit: str | None = None,
    example: Any = None,
    key: bool = False,
    identifier: bool = False,
    ge: float | None = None,
    le: float | None = None,
) -> Any:
    """A model field with the metadata the import pipeline reads.

    ``aliases`` are the other header names users write, per language (``Words``: Swedish,
    Norwegian bokmål and nynorsk, English variants); ``identifier`` marks text that must
    never be read as a number (keys, serial numbers, official codes); ``ref`` marks
    references to other records.
    """
    words = aliases if isinstance(aliases, Words) else Words(en=aliases)
    extra: dict[str, Any] = {
        "aliases": list(words.all()),
        "aliases_by_language": words.by_language(),
    }
    if ref is not None:
        extra["references"] = list(ref.kinds)
        if ref.pseudo:
            extra["pseudo_references"] = list(ref.pseudo)
        extra["many"] = ref.many
    if unit is not None:
        extra["unit"] = unit
    if key:
        extra["key"] = True
    if identifier or key or ref is not None:
        extra["identifier"] = True
    kwargs: dict[str, Any] = {"description": description, "json_schema_extra": extra}
    if example is not None:
        kwargs["examples"] = [example]
    if ge is not None:
        kwargs["ge"] = ge
    if le is not None:
        kwargs["le"] = le
    if required:
        return Field(..., **kwargs)
    return Field(default=None, **kwargs)


class Record(BaseModel):
    """Base of every inventory record kind."""

    # (the validator is built when first used: the pipeline reads the fields' metadata, and
    # validates rows with pandas, so a run of the tool mostly never needs it)
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, use_enum_values=True, defer_build=True
    )

    #: The record kind's name, as used in file names, the store and the graph.
    kind_name: ClassVar[str]
    #: File names (without extension) accepted for this kind, English first.
    file_names: ClassVar[tuple[str, ...]]
    #: Name of the field holding the natural key (unique within a municipality).
    key_field: ClassVar[str] = "id"
    #: One sentence for templates and help.
    summary: ClassVar[str]


@functools.cache
def _spellings(enum_type: type[LocalisedEnum]) -> dict[str, str]:
    """``LocalisedEnum.spellings`` made once per enum (every parsed value looks it up)."""
    return enum_type._spellings()
