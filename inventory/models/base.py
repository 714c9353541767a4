"""Shared building blocks of the inventory models.

Every record kind is a pydantic model; its fields carry the metadata the rest of the
pipeline needs (header aliases in Swedish and Norwegian, references to other record
kinds, units) in ``json_schema_extra`` so that the models stay the single source of
truth for templates, JSON Schema, header mapping, validation and the store.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field


class LocalisedEnum(enum.StrEnum):
    """A string enum whose members also accept Swedish and Norwegian spellings.

    Subclasses define ``__aliases__``: a mapping from a member value to the other
    spellings users write (lower case, compared after trimming and case folding).
    """

    __aliases__: ClassVar[dict[str, tuple[str, ...]]]

    @classmethod
    def spellings(cls) -> dict[str, str]:
        """Every accepted spelling (case-folded) mapped to the canonical value."""
        table: dict[str, str] = {}
        aliases: dict[str, tuple[str, ...]] = getattr(cls, "__aliases__", {})
        for member in cls:
            value = str(member)
            table[value.casefold()] = value
            table[value.replace("_", " ").casefold()] = value
            table[value.replace("_", "-").casefold()] = value
            for alias in aliases.get(value, ()):
                table[alias.casefold()] = value
        return table

    @classmethod
    def parse(cls, text: str) -> LocalisedEnum | None:
        """The member for ``text`` in any accepted spelling, or ``None``."""
        value = cls.spellings().get(" ".join(text.split()).casefold())
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
    aliases: tuple[str, ...] = (),
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

    ``aliases`` are the other header names users write (Swedish, Norwegian, common
    English variants); ``identifier`` marks text that must never be read as a number
    (keys, serial numbers, official codes); ``ref`` marks references to other records.
    """
    extra: dict[str, Any] = {"aliases": list(aliases)}
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

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=True)

    #: The record kind's name, as used in file names, the store and the graph.
    kind_name: ClassVar[str]
    #: File names (without extension) accepted for this kind, English first.
    file_names: ClassVar[tuple[str, ...]]
    #: Name of the field holding the natural key (unique within a municipality).
    key_field: ClassVar[str] = "id"
    #: One sentence for templates and help.
    summary: ClassVar[str]
