"""Writing the whole report folder: report.html/.xlsx/.md/.json and ``diagrams/``.

Every diagram of every view is rendered once (SVG, plus DOT beside it, PNG on request),
written under ``DIR/diagrams/`` and embedded in the report's sections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from inventory.render.document import Figure
from inventory.render.dot import RenderFormat
from inventory.render.i18n import Lang
from inventory.render.output import (
    REPORT_FORMATS,
    ReportFormat,
    write_file_atomically,
    write_report,
)
from inventory.render.paths import path_inside, safe_filename
from inventory.render.views import VIEW_NAMES, ViewDiagram, ViewName, build_views
from inventory.report.builder import ReportInputs, build_report, figure_of

DIAGRAM_FOLDER = "diagrams"


@dataclass
class ReportFiles:
    """What :func:`write_full_report` wrote: report file per format, diagram files."""

    folder: Path
    reports: dict[ReportFormat, Path]
    diagrams: list[Path] = field(default_factory=list)


def report_views(inputs: ReportInputs, lang: Lang) -> dict[ViewName, list[ViewDiagram]]:
    """The diagrams of every view the inputs allow (target view only with a gap report)."""
    views: dict[ViewName, list[ViewDiagram]] = {}
    for view in VIEW_NAMES:
        if view == "target" and inputs.gap is None:
            continue
        diagrams = build_views(view, inputs.snapshot, target=inputs.target, gap=inputs.gap,
                               overlap=inputs.overlap, lang=lang)
        if view == "target" and inputs.gap is not None:
            for code in inputs.snapshot.municipalities:
                diagrams += build_views(view, inputs.snapshot, municipality=code,
                                        gap=inputs.gap, lang=lang)
        views[view] = diagrams
    return views


def _is_drill_down(view: ViewName, diagram: ViewDiagram, inputs: ReportInputs) -> bool:
    if view != "architecture":
        return False
    overviews = {f"architecture-{safe_filename(code)}" for code in inputs.snapshot.municipalities}
    return diagram.name not in overviews


def write_full_report(inputs: ReportInputs, folder: Path, *, lang: Lang = "en",
                      formats: Iterable[ReportFormat] = REPORT_FORMATS,
                      diagram_formats: Iterable[RenderFormat] = ("dot", "svg"),
                      generated: dt.datetime | None = None) -> ReportFiles:
    """Render every view into ``folder/diagrams`` and write the report files to ``folder``.

    DOT is always written beside each rendered diagram; the SVG is embedded in the report.
    """
    extra_formats = [fmt for fmt in diagram_formats if fmt not in ("dot", "svg")]
    figures: dict[str, list[Figure]] = {}
    written: list[Path] = []
    for view, diagrams in report_views(inputs, lang).items():
        for diagram in diagrams:
            svg = diagram.render("svg")
            base = f"{DIAGRAM_FOLDER}/{diagram.name}"
            written.append(write_file_atomically(path_inside(folder, f"{base}.dot"),
                                                 diagram.source.encode("utf-8")))
            written.append(write_file_atomically(path_inside(folder, f"{base}.svg"), svg))
            for fmt in extra_formats:
                written.append(write_file_atomically(path_inside(folder, f"{base}.{fmt}"),
                                                     diagram.render(fmt)))
            if _is_drill_down(view, diagram, inputs):  # drill-downs stay in the folder
                continue
            figures.setdefault(view, []).append(
                figure_of(diagram, svg.decode("utf-8"), image_path=f"{base}.svg"))
    document = build_report(inputs, lang=lang, figures=figures, generated=generated)
    reports = write_report(document, folder, formats=formats)
    return ReportFiles(folder=Path(folder), reports=reports, diagrams=written)
