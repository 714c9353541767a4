"""Writing the whole report folder: report.html/.xlsx/.md/.json and ``diagrams/``.

Every diagram of every view is rendered once (SVG, plus DOT beside it, PNG on request),
written under ``DIR/diagrams/`` and embedded in the report's sections.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from inventory.language.i18n import Lang
from inventory.output_files import make_folder, refuse_folders, write_files_atomically
from inventory.render.document import Figure, ReportDocument
from inventory.render.dot import ParallelRenderer, RenderFormat, default_workers
from inventory.render.output import (
    REPORT_FILE_NAMES,
    REPORT_FORMATS,
    ReportFormat,
    report_bytes,
)
from inventory.render.paths import path_inside, unique_stems
from inventory.render.views import VIEW_NAMES, ViewDiagram, ViewName, build_views
from inventory.render.views.common import municipality_names
from inventory.report.builder import ReportInputs, build_report, figure_of
from inventory.report.method_page import method_html, method_markdown

DIAGRAM_FOLDER = "diagrams"


@dataclass
class ReportFiles:
    """What :func:`write_full_report` wrote: report file per format, diagram files."""

    folder: Path
    reports: dict[ReportFormat, Path]
    diagrams: list[Path] = field(default_factory=list)


def report_views(
    inputs: ReportInputs, lang: Lang, on_view: Callable[[list[ViewDiagram]], None] | None = None
) -> dict[ViewName, list[ViewDiagram]]:
    """The diagrams of every view the inputs allow (target view only with a gap report);
    ``on_view`` is called with each view's diagrams as soon as they are built (the
    architecture view's municipality by municipality, the target view's overall diagram
    and then each municipality's)."""
    views: dict[ViewName, list[ViewDiagram]] = {}

    def built(diagrams: list[ViewDiagram]) -> list[ViewDiagram]:
        if on_view is not None:
            on_view(diagrams)
        return diagrams

    for view in VIEW_NAMES:
        if view == "target" and inputs.gap is None:
            continue
        if view == "architecture":  # municipality by municipality, as build_views orders them
            codes = sorted(municipality_names(inputs.snapshot.table("municipality")))
            views[view] = [
                diagram
                for code in codes
                for diagram in built(
                    build_views(view, inputs.snapshot, municipality=code, lang=lang)
                )
            ]
            continue
        diagrams = built(
            build_views(
                view,
                inputs.snapshot,
                target=inputs.target,
                gap=inputs.gap,
                overlap=inputs.overlap,
                lang=lang,
            )
        )
        if view == "target" and inputs.gap is not None:
            for code in inputs.snapshot.municipalities:
                diagrams += built(
                    build_views(view, inputs.snapshot, municipality=code, gap=inputs.gap, lang=lang)
                )
        views[view] = diagrams
    return views


#: What a forked worker computes, by name (set only while ``_outputs`` runs one: the
#: worker inherits the document, nothing is pickled on the way in).
_INHERITED: dict[str, Callable[[], bytes]] = {}


def _run_inherited(name: str) -> bytes:
    assert name in _INHERITED, "only in a worker forked by _outputs"
    return _INHERITED[name]()


def _outputs(jobs: dict[str, Callable[[], bytes]], workers: int) -> dict[str, bytes]:
    """Each job's bytes, each computed once: with two or more ``workers`` (and ``fork``)
    the first job here while a process forked beside it takes the others in order; when
    this process is done first it takes back, from the end, those the worker has not
    started. A worker that dies leaves its jobs to this process."""
    global _INHERITED
    names = list(jobs)
    if len(names) < 2 or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {name: jobs[name]() for name in names}
    _INHERITED = jobs
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {name: pool.submit(_run_inherited, name) for name in names[1:]}
            results = {names[0]: jobs[names[0]]()}
            for name in reversed(names[1:]):  # not started yet: done here instead
                if futures[name].cancel():
                    results[name] = jobs[name]()
            for name, future in futures.items():
                if name in results:
                    continue
                try:
                    results[name] = future.result()
                except BrokenProcessPool:
                    results[name] = jobs[name]()
    finally:
        _INHERITED = {}
    return {name: results[name] for name in names}


def report_files(
    document: ReportDocument, formats: list[ReportFormat], workers: int
) -> dict[ReportFormat, bytes]:
    """Each format of ``document`` as bytes, computed once each: with two or more
    ``workers`` (and ``fork``), HTML in this process and the other formats in a process
    forked beside it (it inherits the document: nothing is built or copied twice), so
    the formats use two cores. A worker that dies leaves its formats to this process."""
    first: list[ReportFormat] = ["html"] if "html" in formats else []
    order: list[ReportFormat] = [*first, *(fmt for fmt in formats if fmt not in first)]
    outputs = _outputs({fmt: partial(report_bytes, document, fmt) for fmt in order}, workers)
    return {fmt: outputs[fmt] for fmt in formats}


def _is_drill_down(view: ViewName, diagram: ViewDiagram) -> bool:
    """A site's drill-down (kept in the folder, not shown in the report)."""
    return view == "architecture" and len(diagram.key) > 2


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """What exists when the writing starts (the inventory, the analyses' results, the
    libraries) is left alone by the cyclic garbage collector while the report is written:
    a full collection walked all of it (about 0.15 s on the samples), and in the forked
    format writer it copied every page it touched. Unfrozen at the end unless the caller
    had frozen objects already (then its own ``gc.unfreeze`` releases them all)."""
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


def write_full_report(
    inputs: ReportInputs,
    folder: Path,
    *,
    lang: Lang = "en",
    formats: Iterable[ReportFormat] = REPORT_FORMATS,
    diagram_formats: Iterable[RenderFormat] = ("dot", "svg"),
    generated: dt.datetime | None = None,
    workers: int | None = None,
) -> ReportFiles:
    """Render every view into ``folder/diagrams`` and write the report files to ``folder``.

    The diagrams are rendered by up to ``workers`` ``dot`` processes at a time (default:
    one per core, :class:`ParallelRenderer`); the files are the same whatever the number.

    DOT is always written beside each rendered diagram; the SVG is embedded in the report.
    Each diagram gets a file name of its own (see :func:`unique_stems`). Everything is
    rendered first and then written whole or not at all: a full disk or a folder in the
    way leaves the previous report as it was (:class:`~inventory.errors.OutputError`).
    """
    reports = {fmt: path_inside(folder, REPORT_FILE_NAMES[fmt]) for fmt in formats}
    make_folder(Path(folder))  # a file in the way or no permission: said before the work
    refuse_folders(reports.values())
    with _long_lived():
        return _write_full_report(
            inputs, folder, reports, lang, diagram_formats, generated, workers
        )


def _write_full_report(
    inputs: ReportInputs,
    folder: Path,
    reports: dict[ReportFormat, Path],
    lang: Lang,
    diagram_formats: Iterable[RenderFormat],
    generated: dt.datetime | None,
    workers: int | None,
) -> ReportFiles:
    extra_formats = [fmt for fmt in diagram_formats if fmt not in ("dot", "svg")]
    formats_rendered: list[RenderFormat] = ["svg", *extra_formats]
    with ParallelRenderer(workers) as renderer:
        # each view's diagrams go to ``dot`` as soon as the view is built: the renders run
        # on the other core while the next views are computed
        pending: list[dict[RenderFormat, Future[bytes]]] = []

        def start(diagrams: list[ViewDiagram]) -> None:
            pending.extend(
                {fmt: renderer.submit(diagram.source, fmt) for fmt in formats_rendered}
                for diagram in diagrams
            )

        views = [
            (view, diagram)
            for view, diagrams in report_views(inputs, lang, start).items()
            for diagram in diagrams
        ]
        stems = unique_stems(
            [(diagram.name, diagram.key or (diagram.name, diagram.title)) for _, diagram in views]
        )
        figures: dict[str, list[Figure]] = {}
        files: dict[Path, bytes] = {}
        for (view, diagram), stem, rendered in zip(views, stems, pending, strict=True):
            base = f"{DIAGRAM_FOLDER}/{stem}"
            svg = renderer.result(rendered["svg"], f"{base}.svg")
            files[path_inside(folder, f"{base}.dot")] = diagram.source.encode("utf-8")
            files[path_inside(folder, f"{base}.svg")] = svg
            for fmt in extra_formats:
                files[path_inside(folder, f"{base}.{fmt}")] = renderer.result(
                    rendered[fmt], f"{base}.{fmt}"
                )
            if not _is_drill_down(view, diagram):  # drill-downs stay in the folder
                figures.setdefault(view, []).append(
                    figure_of(
                        replace(diagram, name=stem), svg.decode("utf-8"), image_path=f"{base}.svg"
                    )
                )
    diagram_files = list(files)
    document = build_report(inputs, lang=lang, figures=figures, generated=generated)
    # HTML here, the other formats and the method page in a forked process (two cores)
    first: list[ReportFormat] = ["html"] if "html" in reports else []
    jobs: dict[str, Callable[[], bytes]] = {
        fmt: partial(report_bytes, document, fmt)
        for fmt in [*first, *(fmt for fmt in reports if fmt not in first)]
    }
    # the method page the report's paragraphs link to travels with it
    if "md" in reports:
        jobs["method.md"] = lambda: method_markdown().encode("utf-8")
    if "html" in reports:
        jobs["method.html"] = lambda: method_html().encode("utf-8")
    outputs = _outputs(jobs, workers or default_workers())
    files.update({path: outputs[fmt] for fmt, path in reports.items()})
    for page in ("method.html", "method.md"):
        if page in outputs:
            files[path_inside(folder, page)] = outputs[page]
    write_files_atomically(files)
    return ReportFiles(folder=Path(folder), reports=reports, diagrams=diagram_files)
