"""Validation with the user's mapping profiles and choice of adapter (``--mapping`` and
``--from`` of ``inventory validate`` and ``inventory import``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inventory.read.discover import InventoryFolder
    from inventory.validate.batch import ImportBatch, UnchangedFolder


def validate_with_profiles(
    paths: Sequence[Path],
    mapping: Sequence[Path] | None,
    source: str | None,
    *,
    known_keys: Mapping[str, Mapping[str, set[str]]] | None,
    max_issues: int,
    ignore_unknown: bool,
    unchanged: Callable[[InventoryFolder], UnchangedFolder | None] | None = None,
) -> ImportBatch:
    """``validate_paths`` with the profiles ``mapping`` asked first and, with ``source``,
    only that adapter or profile for files not understood by their name; a profile that
    cannot be loaded is an error of the report (its file and line), listed first.
    ``known_keys`` and ``unchanged``: see ``validate_paths``."""
    from inventory.read.profiles import chosen_recognisers
    from inventory.validate import validate_paths

    with chosen_recognisers(list(mapping or ()), source) as issues:
        batch = validate_paths(
            paths,
            known_keys=known_keys,
            max_issues=max_issues,
            ignore_unknown=ignore_unknown,
            unchanged=unchanged,
        )
    if issues:
        batch.report.issues[:0] = issues
    return batch
