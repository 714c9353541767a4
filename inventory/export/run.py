"""``inventory export archimate`` as one call: the gap of a target over a snapshot, the
ArchiMate model of both, checked against the exchange format's schemas, written to a file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inventory.errors import InventoryError
from inventory.messages import Message
from inventory.output_files import created_file, make_folder, write_file_atomically

if TYPE_CHECKING:
    from inventory.export.exchange import ArchimateModel
    from inventory.language.i18n import Lang
    from inventory.snapshot import InventorySnapshot
    from inventory.target.model import TargetArchitecture


class InvalidModelError(InventoryError):
    """The model built does not pass the exchange format's schemas (a bug of ours: the
    file is not written, never handed to Archi). ``problems``: the schema's messages."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            Message("cli.export.invalid_model", {"problem": problems[0]}),
            hint=Message("cli.report_bug"),
        )
        self.problems = problems


@dataclass(frozen=True)
class ArchimateExport:
    """What :func:`write_archimate` wrote: the ``file`` and the ``model`` in it."""

    file: Path
    model: ArchimateModel

    @property
    def elements(self) -> dict[str, int]:
        """Elements counted by ArchiMate type (``Node``, ``SystemSoftware``), in the
        model's order."""
        return dict(Counter(element.type for element in self.model.elements))

    @property
    def relationships(self) -> dict[str, int]:
        """Relationships counted by type."""
        return dict(Counter(relation.type for relation in self.model.relationships))

    def to_json(self) -> dict[str, Any]:
        """The file, the elements and relationships by type, the views' names and the
        notes (what the model leaves to the report)."""
        return {
            "file": str(self.file),
            "elements": self.elements,
            "relationships": self.relationships,
            "views": [view.name for view in self.model.views],
            "notes": list(self.model.notes),
        }


def write_archimate(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    out: Path,
    *,
    as_of: dt.date | None = None,
    lang: Lang = "en",
    overrides: Path | None = None,
    force: bool = False,
) -> ArchimateExport:
    """Write the baseline of ``snapshot`` and ``target`` (with the gap between them as of
    ``as_of``, default today) as an ArchiMate 3.1 model in the Model Exchange File Format
    to ``out``; ``lang`` words the generated names, ``overrides`` is a lifecycle overrides
    file (``InvalidInputError`` naming each bad line).

    ``out`` is created; an existing file is replaced whole only with ``force``
    (``FileExistsError`` otherwise, nothing written). ``InvalidModelError`` when the
    model does not pass the format's schemas (nothing written).
    """
    from inventory.analyse.lifecycle import lifecycle_normaliser
    from inventory.export.archimate import archimate_model
    from inventory.export.exchange import model_xml, schema_errors
    from inventory.gap.result import compute_gap

    normaliser = lifecycle_normaliser(None, overrides)
    gap = compute_gap(snapshot, target, as_of=as_of or dt.date.today(), normaliser=normaliser)
    model = archimate_model(snapshot, gap, lang=lang, normaliser=normaliser)
    document = model_xml(model)
    problems = schema_errors(document)
    if problems:  # never hand Archi a file it would refuse
        raise InvalidModelError(list(problems))
    _write(out, document, force=force)
    return ArchimateExport(out, model)


def _write(path: Path, document: bytes, *, force: bool) -> None:
    """A new file, or with ``force`` the old one replaced whole (never half written);
    ``FileExistsError`` for a file in the way without ``force``."""
    if force:
        write_file_atomically(path, document)
        return
    make_folder(path.parent)
    with created_file(path) as stream:
        stream.write(document)
