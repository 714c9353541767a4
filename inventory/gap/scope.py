"""The study areas the joint operation runs (the target's ``scope``) and what that leaves
out of the joint gap.

The municipal studies divide IT into areas (GGVVH 2.2: A1 datacentre, A2 network, A3
provided platforms, A4 clients and workplace, B user support, C-D change, E security, F
business systems, G service desk, H experts, I strategy); an alternative runs some of
them jointly. An area outside the scope is not consolidated: each municipality keeps its
own, so nothing of it is in the joint gap, plan or cost. ``inventory/data/study_areas.yaml``
says which capability, domain and item action belongs to which area.

``compute_gap`` applies a scope in three places, so that every table agrees
(docs/method.md#alternatives):

1. the target is restricted (``Scope.restrict``): capabilities, server OS, client
   standards and application areas of areas outside are dropped, and with A1 outside
   the datacentres (nothing moves to a joint datacentre);
2. the assets of capabilities outside leave the baseline (``Scope.assets``): the matrix,
   readiness and end-of-life tables and the items made from them;
3. the items whose action belongs only to areas outside leave the plan
   (``Scope.items``): server, storage and application moves with A1, link upgrades
   with A1 and A2, client re-enrolment with A4.

Example::

    scope = study_scope(target)       # target.scope [A1, A3, E]
    scope.outside                     # ('A2', 'A4', 'B', 'C', 'D', 'F', 'G', 'H', 'I')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from inventory.errors import InventoryError
from inventory.gap.blocks import DOMAINS, domain_of
from inventory.messages import Code, Message, MessageList
from inventory.models.enums import BusinessArea, Capability, ClientKind, NetworkRole, StorageKind
from inventory.target.model import TargetArchitecture

AREAS_FILE = "study_areas.yaml"

#: Every area, in the study's order; "A" in a scope stands for A1-A4.
ALL_AREAS = ("A1", "A2", "A3", "A4", "B", "C", "D", "E", "F", "G", "H", "I")
AREA_GROUPS = {"A": ("A1", "A2", "A3", "A4")}

#: Capabilities an asset can have besides the target's: server and client OS, appliances,
#: business areas, and the hardware kinds (network roles, storage kinds, firmware clients).
KNOWN_CAPABILITIES = frozenset(
    {"server_os", "client_os", "appliance"}
    | {
        member.value
        for enum in (Capability, BusinessArea, NetworkRole, StorageKind, ClientKind)
        for member in enum
    }
)

#: An action whose items belong to the area of the asset they change.
BY_CAPABILITY = "capability"

SCOPE_COLUMNS = ("area", "group", "name", "study_name", "joint", "capabilities", "actions")


class StudyAreaMapError(InventoryError):
    """The study-area mapping (``study_areas.yaml``) is invalid."""


class _AreaProblems(Exception):
    """The mapping's own checks that fail, as messages (not a ``ValueError``: pydantic
    lets it through, so the messages reach :func:`parse_area_map` as they are)."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


class AreaInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    group: str | None = None
    spend_share_percent: float = Field(ge=0, le=100)
    name: str = Field(min_length=1)
    study_name: str = Field(min_length=1)


class AreaMap(BaseModel):
    """The mapping of ``study_areas.yaml``: area names, and the area of each domain,
    capability and item action."""

    model_config = ConfigDict(extra="forbid")

    source: str
    areas: dict[str, AreaInfo]
    domains: dict[str, str]
    capabilities: dict[str, str]
    actions: dict[str, list[str] | Literal["capability"]]

    @model_validator(mode="after")
    def _known(self) -> AreaMap:
        problems: list[Message] = []
        if tuple(self.areas) != ALL_AREAS:
            problems.append(Message("error.scope.area_order", {"areas": ", ".join(ALL_AREAS)}))
        if set(self.domains) != set(DOMAINS):
            problems.append(Message("error.scope.domains", {"domains": ", ".join(DOMAINS)}))
        unknown = sorted(set(self.capabilities) - KNOWN_CAPABILITIES)
        if unknown:
            problems.append(Message("error.scope.capabilities", {"names": ", ".join(unknown)}))
        named = [
            *self.domains.values(),
            *self.capabilities.values(),
            *(area for areas in self.actions.values() if isinstance(areas, list) for area in areas),
        ]
        bad = sorted(set(named) - set(ALL_AREAS))
        if bad:
            problems.append(Message("error.scope.areas", {"names": ", ".join(bad)}))
        total = sum(info.spend_share_percent for info in self.areas.values())
        if abs(total - 100) > 1e-6:
            problems.append(Message("error.scope.share", {"total": f"{total:g}"}))
        empty = sorted(action for action, areas in self.actions.items() if areas == [])
        if empty:
            problems.append(Message("error.scope.actions", {"names": ", ".join(empty)}))
        if problems:  # (parse_area_map lists them one by one, in the reader's language)
            raise _AreaProblems(problems)
        return self

    def capability_area(self, capability: str, domain: str) -> str:
        """The area of a capability: its own, else its domain's (A3 for an unknown domain)."""
        return self.capabilities.get(capability, self.domains.get(domain, "A3"))


def parse_area_map(text: str, source: str = AREAS_FILE) -> AreaMap:
    """The mapping in ``text``; ``StudyAreaMapError`` naming every problem when invalid."""
    try:
        return AreaMap.model_validate(yaml.safe_load(text))
    except (ValidationError, yaml.YAMLError, _AreaProblems) as error:
        from inventory.yamlfile import validation_detail

        problems = (
            error.problems
            if isinstance(error, _AreaProblems)
            else [validation_detail(detail) for detail in error.errors()]
            if isinstance(error, ValidationError)
            else [Message("validation.parser", {"detail": str(error)})]
        )
        raise StudyAreaMapError(
            Message(
                "error.scope.invalid",
                {"source": source, "problems": MessageList(tuple(problems), "; ")},
            ),
            hint=Message("error.scope.invalid.hint"),
        ) from error


@cache
def area_map() -> AreaMap:
    """The mapping shipped in the package (``inventory/data/study_areas.yaml``)."""
    text = resources.files("inventory.data").joinpath(AREAS_FILE).read_text("utf-8")
    return parse_area_map(text)


def expand_areas(areas: Iterable[str] | None) -> tuple[str, ...]:
    """The areas a scope names, "A" as A1-A4, in the study's order; ``None`` = all."""
    if areas is None:
        return ALL_AREAS
    named: set[str] = set()
    for area in areas:
        named.update(AREA_GROUPS.get(area, (area,)))
    return tuple(area for area in ALL_AREAS if area in named)


@dataclass(frozen=True)
class Scope:
    """The areas run jointly (``joint``) and those each municipality keeps (``outside``)."""

    joint: tuple[str, ...]
    mapping: AreaMap

    @property
    def outside(self) -> tuple[str, ...]:
        return tuple(area for area in ALL_AREAS if area not in self.joint)

    @property
    def everything(self) -> bool:
        return not self.outside

    def kept_share_percent(self) -> float:
        """The share of today's IT spend the municipalities keep: the reference shares of
        the areas outside the joint scope (``study_areas.yaml``)."""
        return sum(
            self.mapping.areas[area].spend_share_percent
            for area in self.outside
            if area in self.mapping.areas
        )

    def covers(self, capability: str, domain: str) -> bool:
        """Whether a capability of a domain is run jointly."""
        return self.mapping.capability_area(capability, domain) in self.joint

    def _capabilities_in(self, frame: pd.DataFrame) -> pd.Series:
        # one lookup per distinct (capability, domain), not per row (client fleets)
        key = frame["capability"].astype(str) + "\x1f" + frame["domain"].astype(str)
        inside = {k: self.covers(*k.split("\x1f", 1)) for k in key.unique()}
        return key.map(inside).astype(bool)

    def assets(self, assets: pd.DataFrame) -> pd.DataFrame:
        """The assets whose capability is run jointly (all of them for a full scope)."""
        if self.everything or assets.empty:
            return assets
        return assets[self._capabilities_in(assets).to_numpy()].reset_index(drop=True)

    def action_joint(self, action: str, domain: str) -> bool:
        """Whether items of ``action`` (in ``domain``) are in the joint plan: when any of
        the action's areas is joint; an action the mapping does not list, by its domain;
        a ``capability`` action always (its asset was already left out, ``assets``)."""
        areas = self.mapping.actions.get(action)
        if areas == BY_CAPABILITY:
            return True
        if areas is None:
            areas = [self.mapping.domains.get(domain, "A3")]
        return any(area in self.joint for area in areas)

    def items(self, items: pd.DataFrame) -> pd.DataFrame:
        """The migration items of the joint plan (all of them for a full scope)."""
        if self.everything or items.empty:
            return items
        key = items["action"].astype(str) + "\x1f" + items["domain"].astype(str)
        keep = {k: self.action_joint(*k.split("\x1f", 1)) for k in key.unique()}
        mask = key.map(keep).astype(bool).to_numpy()
        return items[mask].reset_index(drop=True)

    def restrict(self, target: TargetArchitecture) -> TargetArchitecture:
        """The target without what belongs to areas outside the scope (see module doc)."""
        if self.everything:
            return target
        update: dict[str, object] = {
            "capabilities": {
                capability: choice
                for capability, choice in target.capabilities.items()
                if self.covers(str(capability), domain_of(str(capability)))
            }
        }
        if not self.covers("server_os", "datacentre"):
            update["server_os"] = []
        if not self.covers("client_os", "clients"):
            update["clients"] = []
        if target.applications is not None:
            kept = {
                area: products
                for area, products in target.applications.items()
                if self.covers(str(area), "applications")
            }
            update["applications"] = kept or None
        if "A1" not in self.joint:
            update["datacentres"] = None
        return target.model_copy(update=update)

    def notes(self, target: TargetArchitecture) -> list[Message]:
        """What the report says about the scope (never silent about the areas outside),
        as messages (the area names are the ``study_area`` codes' texts)."""
        if self.everything:
            return []
        outside = MessageList(
            tuple(
                Message("gs.scope.area", {"area": area, "name": Code("study_area", area)})
                for area in self.outside
            )
        )
        notes = [Message("gs.note.outside_scope", {"target": target.name, "outside": outside})]
        if "A1" not in self.joint and target.datacentres is not None:
            notes.append(Message("gs.note.datacentre_outside"))
        return notes

    def table(self) -> pd.DataFrame:
        """One row per area (``SCOPE_COLUMNS``): joint or not, what of the gap it holds."""
        capabilities: dict[str, list[str]] = {area: [] for area in ALL_AREAS}
        for capability, area in self.mapping.capabilities.items():
            capabilities[area].append(capability)
        for domain, area in self.mapping.domains.items():
            capabilities[area].append(f"other {domain}")
        actions: dict[str, list[str]] = {area: [] for area in ALL_AREAS}
        for action, areas in self.mapping.actions.items():
            for area in areas if isinstance(areas, list) else []:
                actions[area].append(action)
        rows = [
            {
                "area": area,
                "group": info.group or area,
                "name": info.name,
                "study_name": info.study_name,
                "joint": area in self.joint,
                "capabilities": ", ".join(capabilities[area]),
                "actions": ", ".join(actions[area]),
            }
            for area, info in self.mapping.areas.items()
        ]
        return pd.DataFrame(rows, columns=list(SCOPE_COLUMNS))


def study_scope(target: TargetArchitecture, mapping: AreaMap | None = None) -> Scope:
    """The scope of ``target`` (all areas when it states none)."""
    return Scope(joint=expand_areas(target.scope), mapping=mapping or area_map())


def scope_label(areas: Iterable[str] | None) -> str:
    """A scope as people write it: "A1-A4, B, E" ("all areas" for every one)."""
    joint = expand_areas(areas)
    if joint == ALL_AREAS:
        return "all areas (A-I)"
    parts = list(joint)
    if all(area in joint for area in AREA_GROUPS["A"]):
        parts = ["A1-A4", *(area for area in joint if not area.startswith("A"))]
    return ", ".join(parts)
