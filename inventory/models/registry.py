"""The record kinds, in import order, and what the pipeline needs to know of each field."""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from inventory.models.applications import Application
from inventory.models.base import LocalisedEnum, Record, Words
from inventory.models.clients import Client
from inventory.models.datacentre import Server, Site, Storage
from inventory.models.network import Link, NetworkDevice, Zone
from inventory.models.organisation import Municipality
from inventory.models.platforms import Platform

#: Every record kind, in the order an import stores them (referenced kinds first).
RECORD_MODELS: tuple[type[Record], ...] = (
    Municipality,
    Site,
    Server,
    Storage,
    NetworkDevice,
    Link,
    Zone,
    Platform,
    Client,
    Application,
)
RECORD_KINDS: tuple[str, ...] = tuple(model.kind_name for model in RECORD_MODELS)

ValueType = Literal["text", "int", "float", "bool", "date", "enum", "int_list", "text_list"]


@dataclass(frozen=True)
class FieldSpec:
    """What the reader, validator and store need to know of one column of a record kind."""

    name: str
    value_type: ValueType
    required: bool
    description: str
    aliases: tuple[str, ...]
    words: Words  # the aliases per language
    identifier: bool
    key: bool
    references: tuple[str, ...]
    pseudo_references: tuple[str, ...]
    enum: type[LocalisedEnum] | None
    minimum: float | None
    unit: str | None

    @property
    def many(self) -> bool:
        return self.value_type in ("int_list", "text_list")


def normalise_header(text: str) -> str:
    """Header text as compared: NFC, case-folded, spaces of any kind folded, `_` as space."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.replace("_", " ").replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def _value_type(annotation: Any) -> tuple[ValueType, type[LocalisedEnum] | None]:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = args[0]
    origin = typing.get_origin(annotation)
    if origin is list:
        (inner,) = typing.get_args(annotation)
        return ("int_list" if inner is int else "text_list"), None
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        assert issubclass(annotation, LocalisedEnum)
        return "enum", annotation
    simple: dict[Any, ValueType] = {
        str: "text",
        int: "int",
        float: "float",
        bool: "bool",
        dt.date: "date",
    }
    return simple[annotation], None


@cache
def field_specs(kind: str) -> tuple[FieldSpec, ...]:
    """The columns of a record kind, in model order."""
    model = model_for(kind)
    specs = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        value_type, enum_type = _value_type(info.annotation)
        minimum = None
        for meta in info.metadata:
            if hasattr(meta, "ge"):
                minimum = float(meta.ge)
        specs.append(
            FieldSpec(
                name=name,
                value_type=value_type,
                required=info.is_required(),
                description=info.description or "",
                aliases=tuple(typing.cast(list[str], extra.get("aliases", []))),
                words=Words(
                    **{
                        language: tuple(spellings)
                        for language, spellings in typing.cast(
                            dict[str, list[str]], extra.get("aliases_by_language", {})
                        ).items()
                    }
                ),
                identifier=bool(extra.get("identifier", False)),
                key=bool(extra.get("key", False)),
                references=tuple(typing.cast(list[str], extra.get("references", []))),
                pseudo_references=tuple(typing.cast(list[str], extra.get("pseudo_references", []))),
                enum=enum_type,
                minimum=minimum,
                unit=typing.cast(str | None, extra.get("unit")),
            )
        )
    return tuple(specs)


@cache
def model_for(kind: str) -> type[Record]:
    """The pydantic model of a record kind (``KeyError`` for an unknown kind)."""
    for model in RECORD_MODELS:
        if model.kind_name == kind:
            return model
    raise KeyError(kind)


@cache
def header_aliases(kind: str) -> dict[str, str]:
    """Every accepted header spelling (normalised) of a kind mapped to its field name."""
    table: dict[str, str] = {}
    for spec in field_specs(kind):
        for spelling in (spec.name, *spec.aliases):
            table[normalise_header(spelling)] = spec.name
    return table


@cache
def kind_for_file_stem(stem: str) -> str | None:
    """The record kind a file name (without extension) stands for, in any language."""
    wanted = normalise_header(stem)
    for model in RECORD_MODELS:
        if wanted in {normalise_header(name) for name in model.file_names}:
            return model.kind_name
    return None
