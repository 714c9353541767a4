"""The catalogue of business systems Nordic municipalities run, and their families.

``inventory/data/business_systems.yaml`` lists each system with its vendor (an id of
``vendors.yaml``), the area it serves, the countries it is used in, its names and former
names, the system that replaces it (``successor``), the suite it is a module of and where
the facts came from. The catalogue feeds the alias table (``alias_entries``), so that the
normaliser knows every system, and answers family questions for overlap and gap:

- a rename is one product (``Agresso`` is a former name of ``unit4-erp``);
- modules of one suite are different products that share a suite (``suite_of``):
  ``visma-flyt-skole`` and ``visma-flyt-barnehage`` serve different areas and are never
  merged, but a table may show that they come from one suite.

Areas (closed list; ``AREAS``): ``school``, ``preschool``, ``student-health``,
``social-care``, ``elderly-care``, ``child-welfare``, ``health``, ``finance``,
``procurement``, ``planning-reporting``, ``hr-payroll``, ``workforce-scheduling``,
``case-management``, ``meetings``, ``archive``, ``gis``, ``property-register``,
``building-permits``, ``environment-health``, ``real-estate``, ``technical-services``,
``fire-rescue``, ``library``, ``culture-leisure``, ``citizen-services``,
``communication``, ``integration``.

>>> catalogue = business_catalogue()
>>> catalogue.suite_of("visma-flyt-skole"), catalogue.area_of("visma-flyt-barnehage")
('visma-flyt', 'preschool')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, get_args

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from inventory.analyse.aliases import AliasEntry, normalise_name
from inventory.errors import InventoryError
from inventory.messages import Message
from inventory.yamlfile import YamlSyntaxError, compose_yaml

BUSINESS_SYSTEMS_FILE = "business_systems.yaml"

Area = Literal[
    "school", "preschool", "student-health", "social-care", "elderly-care", "child-welfare",
    "health", "finance", "procurement", "planning-reporting", "hr-payroll",
    "workforce-scheduling", "case-management", "meetings", "archive", "gis",
    "property-register", "building-permits", "environment-health", "real-estate",
    "technical-services", "fire-rescue", "library", "culture-leisure", "citizen-services",
    "communication", "integration",
]  # fmt: skip
AREAS: tuple[str, ...] = get_args(Area)
Country = Literal["se", "no"]

_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class BusinessCatalogueError(InventoryError):
    """The business-systems catalogue does not follow its schema."""


class Suite(BaseModel):
    """A suite of sibling modules sold under one name (``Visma Flyt``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    vendor: str = Field(pattern=_ID)
    source: str = Field(min_length=1)


class BusinessSystem(BaseModel):
    """One business system of the catalogue."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)  # without the vendor: labels print the vendor once
    vendor: str = Field(pattern=_ID)
    area: Area
    countries: tuple[Country, ...] = Field(min_length=1)
    names: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    former_vendors: tuple[str, ...] = ()
    successor: str | None = None
    suite: str | None = None
    lifecycle: Literal["evergreen", "unknown"] = "unknown"
    source: str = Field(min_length=1)

    @field_validator("countries", mode="before")
    @classmethod
    def _norway(cls, countries: object) -> object:
        # YAML 1.1 reads an unquoted ``no`` as false: ``countries: [se, no]`` means Norway.
        if isinstance(countries, list | tuple):
            return tuple("no" if country is False else country for country in countries)
        return countries

    @field_validator("names", "former_names")
    @classmethod
    def _names_not_blank(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        for name in names:
            if not normalise_name(name):
                raise ValueError(f"name {name!r} is blank after normalisation")
        return names


class BusinessCatalogueFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    suites: tuple[Suite, ...] = ()
    systems: tuple[BusinessSystem, ...]


@dataclass(frozen=True)
class BusinessCatalogue:
    """The validated catalogue: systems and suites by id, with family lookups."""

    systems: dict[str, BusinessSystem]
    suites: dict[str, Suite]

    def __contains__(self, product_id: object) -> bool:
        return product_id in self.systems

    def system(self, product_id: str | None) -> BusinessSystem | None:
        return self.systems.get(product_id) if product_id else None

    def suite_of(self, product_id: str | None) -> str | None:
        """The suite a system is a module of (``None`` for a stand-alone system)."""
        found = self.system(product_id)
        return found.suite if found else None

    def suite_title(self, suite_id: str | None) -> str | None:
        suite = self.suites.get(suite_id) if suite_id else None
        return suite.title if suite else None

    def area_of(self, product_id: str | None) -> str | None:
        """The area a system serves (``None`` for a product outside the catalogue)."""
        found = self.system(product_id)
        return found.area if found else None

    def siblings(self, product_id: str | None) -> tuple[str, ...]:
        """The other modules of the suite of a system, in catalogue order."""
        suite = self.suite_of(product_id)
        if suite is None:
            return ()
        return tuple(
            other
            for other, system in self.systems.items()
            if system.suite == suite and other != product_id
        )

    def successor_of(self, product_id: str | None) -> str | None:
        found = self.system(product_id)
        return found.successor if found else None

    def distinct_functions(self, first: str | None, second: str | None) -> bool:
        """Whether the catalogue knows two products do different jobs: modules of one suite
        (``visma-flyt-skole``, ``visma-flyt-barnehage``) or systems of different areas.
        ``False`` when either is outside the catalogue (nothing is known)."""
        one, other = self.system(first), self.system(second)
        if one is None or other is None or one.id == other.id:
            return False
        return (one.suite is not None and one.suite == other.suite) or one.area != other.area

    def suite_titles(self, product_ids: pd.Series) -> pd.Series:
        """The suite title of each product id (missing for a product of no suite), aligned
        with ``product_ids``; looked up once per distinct id."""
        titles = {suite.id: suite.title for suite in self.suites.values()}
        by_product = {
            system.id: titles[system.suite]
            for system in self.systems.values()
            if system.suite is not None
        }
        return product_ids.map(by_product).astype(object)

    def alias_entries(self) -> tuple[AliasEntry, ...]:
        """The systems as alias-table entries (names and former names both match; vendors
        that sold a system before are its other vendors where the alias schema has them)."""
        from inventory.analyse.vendors import vendor_title

        other_vendors = "vendors" in AliasEntry.model_fields
        entries = []
        for system in self.systems.values():
            entry: dict[str, object] = {
                "id": system.id,
                "title": system.title,
                "vendor": vendor_title(system.vendor),
                "lifecycle": system.lifecycle,
                "names": (*system.names, *system.former_names),
            }
            if other_vendors and system.former_vendors:
                entry["vendors"] = tuple(vendor_title(v) for v in system.former_vendors)
            entries.append(AliasEntry.model_validate(entry))
        return tuple(entries)

    def vendor_names(self) -> tuple[str, ...]:
        """Every spelling of the systems' vendors, for the normaliser to strip from the front
        of a product name ("Tieto Lifecare", "Norkart Komtek")."""
        from inventory.analyse.vendors import vendor_table

        table = vendor_table()
        vendors = {
            v for system in self.systems.values() for v in (system.vendor, *system.former_vendors)
        }
        return tuple(
            sorted(
                {
                    spelling
                    for vendor in vendors
                    if vendor in table.vendors
                    for spelling in table.vendors[vendor].spellings
                }
            )
        )


def parse_business_catalogue(
    text: str, source: str, *, known_vendors: frozenset[str] | None = None
) -> BusinessCatalogue:
    """Validate catalogue YAML ``text``; ``BusinessCatalogueError`` names ``source`` and the
    line of every problem (schema, unknown vendor, suite or successor, a name or id used
    twice). ``known_vendors`` defaults to the ids of the packaged vendor file."""
    from inventory.analyse.bundled_files import (
        BUNDLED_HINT,
        problem_at,
        problem_list,
        schema_problems,
        yaml_problem,
    )

    try:
        document = compose_yaml(text)
    except YamlSyntaxError as error:
        raise BusinessCatalogueError(yaml_problem(error, source), hint=BUNDLED_HINT) from None
    try:
        parsed = BusinessCatalogueFile.model_validate(
            {} if document.data is None else document.data
        )
    except ValidationError as error:
        problems = schema_problems(error, document.lines, source)
        raise BusinessCatalogueError(
            problem_list("error.business.invalid", problems), hint=BUNDLED_HINT
        ) from None
    if known_vendors is None:
        from inventory.analyse.vendors import vendor_table

        known_vendors = frozenset(vendor_table().vendors)
    found: list[Message] = []

    def problem(path: tuple[str | int, ...], key: str, **params: str) -> None:
        found.append(problem_at(source, document.lines.line_of(path), key, **params))

    suites: dict[str, Suite] = {}
    for position, suite in enumerate(parsed.suites):
        if suite.id in suites:
            problem(("suites", position, "id"), "error.business.suite_twice", entry=repr(suite.id))
        if suite.vendor not in known_vendors:
            problem(
                ("suites", position, "vendor"),
                "error.business.unknown_vendor",
                entry=suite.id,
                vendor=repr(suite.vendor),
            )
        suites[suite.id] = suite
    systems: dict[str, BusinessSystem] = {}
    names: dict[str, str] = {}
    ids = {system.id for system in parsed.systems}
    for position, system in enumerate(parsed.systems):
        at: tuple[str | int, ...] = ("systems", position)
        if system.id in systems or system.id in suites:
            problem((*at, "id"), "error.business.id_twice", entry=repr(system.id))
        for field, vendor in (
            ("vendor", system.vendor),
            *(("former_vendors", v) for v in system.former_vendors),
        ):
            if vendor not in known_vendors:
                problem(
                    (*at, field),
                    "error.business.unknown_vendor",
                    entry=system.id,
                    vendor=repr(vendor),
                )
        if system.suite is not None and system.suite not in suites:
            problem(
                (*at, "suite"),
                "error.business.unknown_suite",
                entry=system.id,
                suite=repr(system.suite),
            )
        if system.successor is not None and (
            system.successor not in ids or system.successor == system.id
        ):
            problem(
                (*at, "successor"),
                "error.business.successor",
                entry=system.id,
                successor=repr(system.successor),
            )
        for name in (system.id, *system.names, *system.former_names):
            owner = names.setdefault(normalise_name(name), system.id)
            if owner != system.id:
                problem(
                    at,
                    "error.bundled.name_taken",
                    entry=system.id,
                    name=repr(name),
                    owner=repr(owner),
                )
        systems[system.id] = system
    if found:
        raise BusinessCatalogueError(
            problem_list("error.business.invalid", found), hint=BUNDLED_HINT
        )
    return BusinessCatalogue(systems=systems, suites=suites)


@cache
def business_catalogue() -> BusinessCatalogue:
    """The business-systems catalogue shipped in the package."""
    text = (
        resources.files("inventory.data")
        .joinpath(BUSINESS_SYSTEMS_FILE)
        .read_text(encoding="utf-8")
    )
    return parse_business_catalogue(text, BUSINESS_SYSTEMS_FILE)
