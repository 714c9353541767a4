"""What the ArchiMate mapping builds with: elements and relationships keyed by stable
identifiers, and how a record's values read as names and properties."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from inventory.export.exchange import Element, Relationship, identifier
from inventory.language.i18n import Lang, t
from inventory.missing import is_missing


def cycle_label(cycle: str) -> str:
    """A catalogue release cycle as people write it: ``2012-r2`` → ``2012 R2``.

    >>> cycle_label("12.0-sp3")
    '12.0 SP3'
    """
    words = cycle.replace("-", " ").split()
    return " ".join(w.upper() if re.fullmatch(r"(r|sp|u)\d+", w) else w for w in words)


def record_text(value: object) -> str:
    """A record's value as text; empty for a missing one."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class ModelBuilder:
    """The elements and relationships of a model as they are made, with what the views
    and folders need to know of each."""

    lang: Lang
    elements: dict[str, Element] = field(default_factory=dict)
    relationships: dict[str, Relationship] = field(default_factory=dict)
    #: element id → (folder label path) for the organisations
    folders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: element id → municipality (baseline elements), for the views
    municipality_of: dict[str, str] = field(default_factory=dict)
    #: element id → gap status code (baseline) or target status code (target blocks)
    status_of: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def element(
        self,
        key: tuple[object, ...],
        type_: str,
        name: str,
        *,
        municipality: str = "",
        properties: Iterable[tuple[str, str]] = (),
        documentation: str = "",
        folder: str = "",
    ) -> str:
        ident = identifier("element", *key)
        if ident not in self.elements:
            props = tuple((k, v) for k, v in properties if v != "")
            self.elements[ident] = Element(ident, type_, name or str(key[-1]), documentation, props)
            type_folder = t(f"archimate.folder.{type_}", self.lang)
            self.folders[ident] = (type_folder, folder or municipality)
            if municipality:
                self.municipality_of[ident] = municipality
        return ident

    def relate(
        self,
        type_: str,
        source: str | None,
        target: str | None,
        *,
        name: str = "",
        directed: bool = False,
    ) -> str | None:
        """A relationship between two elements of the model; none when one end is not
        (the caller notes why)."""
        if source is None or target is None or source == target:
            return None
        ident = identifier("relationship", type_, source, target)
        self.relationships.setdefault(
            ident, Relationship(ident, type_, source, target, name, directed)
        )
        return ident
