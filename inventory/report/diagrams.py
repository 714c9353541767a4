"""``inventory diagram VIEW``: compute what a view needs and write its diagrams to files.

The first diagram goes to the file asked for; further diagrams of the view (one per
municipality, drill-downs per site, one grid per domain) go beside it, named after the
diagram (``architecture-gnosjo-sr1.svg``). DOT is always written beside each rendered file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.errors import OutputError, UnknownMunicipalityError
from inventory.gap.result import compute_gap
from inventory.language.i18n import Lang
from inventory.messages import Message
from inventory.output_files import make_folder, refuse_folders, write_files_atomically
from inventory.render.dot import RenderFormat
from inventory.render.paths import path_inside, unique_stems
from inventory.render.views import ViewDiagram, ViewName, build_views
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture


def view_diagrams(
    snapshot: InventorySnapshot,
    view: ViewName,
    *,
    municipality: str | None = None,
    target: TargetArchitecture | None = None,
    as_of: dt.date | None = None,
    lang: Lang = "en",
) -> list[ViewDiagram]:
    """The diagrams of ``view``, running the overlap or gap analysis it needs.

    ``municipality`` (architecture and target views) must be one of the snapshot's:
    ``UnknownMunicipalityError``; so must those ``target`` names: ``TargetError``."""
    UnknownMunicipalityError.check(
        [municipality] if municipality is not None else [], snapshot.municipalities
    )
    if target is not None:
        target.check_stored(snapshot.municipalities)
    normaliser = Normaliser.default() if view in ("overlap", "target") else None
    overlap = compute_overlap(snapshot, normaliser) if normaliser and view == "overlap" else None
    gap = None
    if view == "target" and target is not None and normaliser is not None:
        gap = compute_gap(snapshot, target, as_of=as_of or dt.date.today(), normaliser=normaliser)
    return build_views(
        view,
        snapshot,
        municipality=municipality,
        target=target,
        gap=gap,
        overlap=overlap,
        lang=lang,
    )


def write_view(
    snapshot: InventorySnapshot,
    view: ViewName,
    out: Path,
    fmt: RenderFormat,
    *,
    municipality: str | None = None,
    target: TargetArchitecture | None = None,
    as_of: dt.date | None = None,
    lang: Lang = "en",
) -> list[Path]:
    """``inventory diagram``: the diagrams of ``view`` (:func:`view_diagrams`) written as
    ``fmt`` with their DOT sources, the first to ``out`` (:func:`write_view_files`); the
    files written, in order."""
    diagrams = view_diagrams(
        snapshot, view, municipality=municipality, target=target, as_of=as_of, lang=lang
    )
    return write_view_files(diagrams, out, fmt)


def write_view_files(diagrams: list[ViewDiagram], out: Path, fmt: RenderFormat) -> list[Path]:
    """Write each diagram as ``fmt`` plus its ``.dot``: the first to ``out``, others beside.

    ``out`` must end in ``.<fmt>`` (so that a diagram never lands on an inventory file such
    as ``sites.csv``). The files beside it get names of their own, distinct from ``out``'s
    and from each other even where case is ignored (see :func:`unique_stems`); all are
    rendered first, then written whole or not at all. Raises :class:`OutputError`.
    """
    if out.suffix.lower() != f".{fmt}":
        raise OutputError(
            Message("error.diagram.suffix", {"fmt": fmt, "out": str(out)}),
            hint=Message("error.diagram.suffix.hint", {"name": out.with_suffix("." + fmt).name}),
        )
    make_folder(out.parent)  # a file in the way or no permission: said before rendering
    refuse_folders([out])
    stems = unique_stems(
        [(diagram.name, diagram.key or (diagram.name, diagram.title)) for diagram in diagrams[1:]],
        reserved=[out.stem],
    )
    files: dict[Path, bytes] = {}
    for index, diagram in enumerate(diagrams):
        path = out if index == 0 else path_inside(out.parent, f"{stems[index - 1]}.{fmt}")
        if fmt != "dot":
            files[path] = diagram.render(fmt)
        files[path.with_suffix(".dot")] = diagram.source.encode("utf-8")
    return write_files_atomically(files)
