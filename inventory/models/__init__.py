"""Pydantic models of every record kind: the single source of truth of the inventory."""

from inventory.models.applications import Application
from inventory.models.base import LocalisedEnum, Record, Reference
from inventory.models.clients import Client
from inventory.models.datacentre import Server, Site, Storage
from inventory.models.network import Link, NetworkDevice, Zone
from inventory.models.organisation import Municipality
from inventory.models.platforms import Platform
from inventory.models.registry import (
    RECORD_KINDS,
    RECORD_MODELS,
    FieldSpec,
    field_specs,
    header_aliases,
    kind_for_file_stem,
    model_for,
    normalise_header,
)

__all__ = [
    "RECORD_KINDS",
    "RECORD_MODELS",
    "Application",
    "Client",
    "FieldSpec",
    "Link",
    "LocalisedEnum",
    "Municipality",
    "NetworkDevice",
    "Platform",
    "Record",
    "Reference",
    "Server",
    "Site",
    "Storage",
    "Zone",
    "field_specs",
    "header_aliases",
    "kind_for_file_stem",
    "model_for",
    "normalise_header",
]
