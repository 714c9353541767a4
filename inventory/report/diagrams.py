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
from inventory.gap.result import compute_gap
from inventory.render.dot import RenderFormat
from inventory.render.i18n import Lang
from inventory.render.output import write_file_atomically
from inventory.render.paths import path_inside
from inventory.render.views import ViewDiagram, ViewName, build_views
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture


def view_diagrams(snapshot: InventorySnapshot, view: ViewName, *,
                  municipality: str | None = None,
                  target: TargetArchitecture | None = None,
                  as_of: dt.date | None = None, lang: Lang = "en") -> list[ViewDiagram]:
    """The diagrams of ``view``, running the overlap or gap analysis it needs."""
    normaliser = Normaliser.default() if view in ("overlap", "target") else None
    overlap = compute_overlap(snapshot, normaliser) if normaliser and view == "overlap" else None
    gap = None
    if view == "target" and target is not None and normaliser is not None:
        gap = compute_gap(snapshot, target, as_of=as_of or dt.date.today(),
                          normaliser=normaliser)
    return build_views(view, snapshot, municipality=municipality, target=target, gap=gap,
                       overlap=overlap, lang=lang)


def write_view_files(diagrams: list[ViewDiagram], out: Path, fmt: RenderFormat) -> list[Path]:
    """Write each diagram as ``fmt`` plus its ``.dot``: the first to ``out``, others beside."""
    written: list[Path] = []
    for index, diagram in enumerate(diagrams):
        path = out if index == 0 else path_inside(out.parent, f"{diagram.name}.{fmt}")
        if fmt != "dot":
            written.append(write_file_atomically(path, diagram.render(fmt)))
        written.append(write_file_atomically(path.with_suffix(".dot"),
                                             diagram.source.encode("utf-8")))
    return written
