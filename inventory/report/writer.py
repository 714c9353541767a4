"""Writing the whole report folder: report.html/.xlsx/.md/.json and ``diagrams/``.

Every diagram of every view is rendered once (SVG, plus DOT beside it, PNG on request),
written under ``DIR/diagrams/`` and embedded in the report's sections.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Final

from inventory.errors import InventoryError
from inventory.forked import InBackground
from inventory.gap.result import target_scope
from inventory.heap import old_objects_frozen
from inventory.language.i18n import Lang
from inventory.output_files import make_folder, refuse_folders, write_files_atomically
from inventory.render.document import Block, Figure, ReportDocument, Section
from inventory.render.dot import ParallelRenderer, RenderFormat, default_workers
from inventory.render.html import (
    SanitisedSvgs,
    figure_id_prefix,
    load_template,
    render_html,
    sanitise_ahead,
)
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
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

DIAGRAM_FOLDER = "diagrams"


@dataclass
class ReportFiles:
    """What :func:`write_full_report` wrote: report file per format, diagram files."""

    folder: Path
    reports: dict[ReportFormat, Path]
    diagrams: list[Path] = field(default_factory=list)


def report_views(
    inputs: ReportInputs,
    lang: Lang,
    on_view: Callable[[list[ViewDiagram]], None] | None = None,
    ready: Mapping[ViewName, list[ViewDiagram]] | None = None,
) -> dict[ViewName, list[ViewDiagram]]:
    """The diagrams of every view the inputs allow (target view only with a gap report);
    ``on_view`` is called with each view's diagrams as soon as they are built (the
    architecture view's municipality by municipality, the target view's overall diagram
    and then each municipality's). A view in ``ready`` is taken from there as it is."""
    views: dict[ViewName, list[ViewDiagram]] = {}

    def built(diagrams: list[ViewDiagram]) -> list[ViewDiagram]:
        if on_view is not None:
            on_view(diagrams)
        return diagrams

    for view in VIEW_NAMES:
        if view == "target" and inputs.gap is None:
            continue
        if ready is not None and view in ready:
            views[view] = built(ready[view])
        elif view in INVENTORY_VIEWS:
            views[view] = _inventory_view(view, inputs.snapshot, inputs.target, lang, built)
        elif view == "target":
            diagrams = built(build_views(view, inputs.snapshot, gap=inputs.gap, lang=lang))
            for code in inputs.snapshot.municipalities:
                diagrams += built(
                    build_views(view, inputs.snapshot, municipality=code, gap=inputs.gap, lang=lang)
                )
            views[view] = diagrams
        else:
            views[view] = built(
                build_views(view, inputs.snapshot, overlap=inputs.overlap, lang=lang)
            )
    return views


#: The views drawn from the inventory and the target alone, not from the analyses: they
#: can be drawn while the analysis runs (:class:`InventoryViewsAhead`).
INVENTORY_VIEWS: Final[tuple[ViewName, ...]] = ("architecture", "network")


def _inventory_view(
    view: ViewName,
    snapshot: InventorySnapshot,
    target: TargetArchitecture | None,
    lang: Lang,
    built: Callable[[list[ViewDiagram]], list[ViewDiagram]],
) -> list[ViewDiagram]:
    """The diagrams of an inventory view (the architecture view municipality by
    municipality, in :func:`build_views`' order), each list passed to ``built``."""
    if view == "architecture":
        codes = sorted(municipality_names(snapshot.table("municipality")))
        return [
            diagram
            for code in codes
            for diagram in built(build_views(view, snapshot, municipality=code, lang=lang))
        ]
    return built(build_views(view, snapshot, target=target, lang=lang))


@dataclass(frozen=True)
class DrawnViews:
    """The inventory views' diagrams with their SVG, and the method pages (bytes)."""

    views: dict[ViewName, list[tuple[ViewDiagram, bytes]]]
    pages: dict[str, bytes]


def _draw_inventory_views(
    snapshot: InventorySnapshot, target: TargetArchitecture | None, lang: Lang
) -> DrawnViews | None:
    """The inventory views drawn and rendered (in the worker :class:`InventoryViewsAhead`
    forks). None when anything fails: the report then draws them itself, and whatever
    fails raises there, as it would have without this worker."""
    try:
        with ParallelRenderer() as renderer:
            pending: dict[ViewName, list[tuple[ViewDiagram, Future[bytes]]]] = {}
            for view in INVENTORY_VIEWS:
                started = pending.setdefault(view, [])

                def submit(
                    diagrams: list[ViewDiagram],
                    started: list[tuple[ViewDiagram, Future[bytes]]] = started,
                ) -> list[ViewDiagram]:
                    started.extend(
                        (diagram, renderer.submit(diagram.source, "svg")) for diagram in diagrams
                    )
                    return diagrams

                _inventory_view(view, snapshot, target, lang, submit)
            pages = {
                "method.md": method_markdown().encode("utf-8"),
                "method.html": method_html().encode("utf-8"),
            }
            views = {
                view: [(diagram, future.result()) for diagram, future in started]
                for view, started in pending.items()
            }
    except Exception:  # drawn again by the report, which raises it there
        return None
    return DrawnViews(views, pages)


class InventoryViewsAhead:
    """The architecture and network views (and the method pages) drawn and rendered in a
    process forked beside this one, while the analysis runs here.

    Start it right after reading the inventory, before the analysis, with the snapshot
    and target the analysis is given; pass it to :func:`write_full_report` (``ahead=``).
    The report takes the diagrams only when they were drawn from what it draws (the
    same language and target, an inventory with the same tables, row for row: the
    analysis' ``inputs.snapshot``, scoped to the target's municipalities, is compared);
    otherwise, without ``fork``, or when the worker failed, it draws them itself as it
    always did. The files are the same either way.

    >>> ahead = InventoryViewsAhead(snapshot, target, "sv")  # doctest: +SKIP
    >>> inputs = analyse_inventory(snapshot, target, as_of=as_of)  # doctest: +SKIP
    >>> write_full_report(inputs, folder, lang="sv", ahead=ahead)  # doctest: +SKIP
    """

    def __init__(
        self, snapshot: InventorySnapshot, target: TargetArchitecture | None, lang: Lang
    ) -> None:
        self.target, self.lang = target, lang
        self._scoped: InventorySnapshot | None = snapshot
        self._pending: InBackground[DrawnViews | None] | None = None
        if target is not None:
            try:  # the inventory the analysis reports on, as analyse_inventory scopes it
                self._scoped = target_scope(snapshot, target)
            except InventoryError:  # said by the analysis, in its turn
                self._scoped = None
        if self._scoped is not None:
            self._pending = InBackground(_draw_inventory_views, self._scoped, target, lang)

    def take(self, inputs: ReportInputs, lang: Lang) -> DrawnViews | None:
        """The drawn views if they are the report's (see the class), else None. Once."""
        try:
            if (
                self._pending is None
                or self._scoped is None
                or not self._pending.forked
                or lang != self.lang
                or inputs.target != self.target
                or not _same_inventory(inputs.snapshot, self._scoped)
            ):
                return None
            return self._pending.result()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the worker (when the report is not written after all)."""
        if self._pending is not None:
            self._pending.close()
        self._pending = None


def _same_inventory(one: InventorySnapshot, other: InventorySnapshot) -> bool:
    """Whether two snapshots hold the same tables, row for row (index and types too)."""
    if one is other:
        return True
    if one.tables.keys() != other.tables.keys():
        return False
    return all(one.tables[kind].equals(other.tables[kind]) for kind in one.tables) and (
        one.references.equals(other.references)
    )


def _with_svgs(document: ReportDocument, svgs: Mapping[str, str]) -> ReportDocument:
    """``document`` with the SVG of each diagram's figure (by its ``image_path``) in place of
    the empty text it was laid out with."""

    def with_svg(block: Block) -> Block:
        if isinstance(block, Figure) and block.image_path is not None:
            svg = svgs.get(block.image_path)
            if svg is not None:
                return block.model_copy(update={"svg": svg})
        return block

    def section(part: Section) -> Section:
        blocks = [with_svg(block) for block in part.blocks]
        subsections = [section(child) for child in part.subsections]
        return part.model_copy(update={"blocks": blocks, "subsections": subsections})

    return document.model_copy(update={"sections": [section(part) for part in document.sections]})


def _done(value: bytes) -> Future[bytes]:
    future: Future[bytes] = Future()
    future.set_result(value)
    return future


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


def write_full_report(
    inputs: ReportInputs,
    folder: Path,
    *,
    lang: Lang = "en",
    formats: Iterable[ReportFormat] = REPORT_FORMATS,
    diagram_formats: Iterable[RenderFormat] = ("dot", "svg"),
    generated: dt.datetime | None = None,
    workers: int | None = None,
    ahead: InventoryViewsAhead | None = None,
) -> ReportFiles:
    """Render every view into ``folder/diagrams`` and write the report files to ``folder``.

    The diagrams are rendered by up to ``workers`` ``dot`` processes at a time (default:
    one per core, :class:`ParallelRenderer`); the files are the same whatever the number.

    DOT is always written beside each rendered diagram; the SVG is embedded in the report.
    Each diagram gets a file name of its own (see :func:`unique_stems`). Everything is
    rendered first and then written whole or not at all: a full disk or a folder in the
    way leaves the previous report as it was (:class:`~inventory.errors.OutputError`).

    ``ahead``: the inventory views drawn while the analysis ran
    (:class:`InventoryViewsAhead`), taken when they are this report's.
    """
    try:
        reports = {fmt: path_inside(folder, REPORT_FILE_NAMES[fmt]) for fmt in formats}
        make_folder(Path(folder))  # a file in the way or no permission: said before the work
        refuse_folders(reports.values())
        # what exists now (the inventory, the analyses' results, the libraries) left alone
        # by the cyclic collector while the report is written, also in the forked writer
        with old_objects_frozen():
            drawn = ahead.take(inputs, lang) if ahead is not None else None
            return _write_full_report(
                inputs, folder, reports, lang, diagram_formats, generated, workers, drawn
            )
    finally:
        if ahead is not None:  # its worker stops too when the report fails
            ahead.close()


def _write_full_report(
    inputs: ReportInputs,
    folder: Path,
    reports: dict[ReportFormat, Path],
    lang: Lang,
    diagram_formats: Iterable[RenderFormat],
    generated: dt.datetime | None,
    workers: int | None,
    drawn: DrawnViews | None,
) -> ReportFiles:
    ready = (
        {view: [diagram for diagram, _ in items] for view, items in drawn.views.items()}
        if drawn
        else {}
    )
    # SVG rendered already (by the worker drawing the inventory views), by diagram
    rendered_svg = {
        id(diagram): svg
        for items in (drawn.views.values() if drawn else [])
        for diagram, svg in items
    }
    extra_formats = [fmt for fmt in diagram_formats if fmt not in ("dot", "svg")]
    formats_rendered: list[RenderFormat] = ["svg", *extra_formats]
    with ParallelRenderer(workers) as renderer:
        # each view's diagrams go to ``dot`` as soon as the view is built: the renders run
        # on the other core while the next views are computed
        pending: list[dict[RenderFormat, Future[bytes]]] = []

        def start(diagrams: list[ViewDiagram]) -> None:
            for diagram in diagrams:
                svg = rendered_svg.get(id(diagram))
                pending.append(
                    {
                        fmt: _done(svg)
                        if fmt == "svg" and svg is not None
                        else renderer.submit(diagram.source, fmt)
                        for fmt in formats_rendered
                    }
                )

        views = [
            (view, diagram)
            for view, diagrams in report_views(inputs, lang, start, ready).items()
            for diagram in diagrams
        ]
        stems = unique_stems(
            [(diagram.name, diagram.key or (diagram.name, diagram.title)) for _, diagram in views]
        )
        bases = [f"{DIAGRAM_FOLDER}/{stem}" for stem in stems]
        # the report is laid out while ``dot`` still renders (its figures without their
        # SVG, put in below: nothing else in the report depends on it)
        figures: dict[str, list[Figure]] = {}
        shown: dict[str, Figure] = {}  # by base
        for (view, diagram), stem, base in zip(views, stems, bases, strict=True):
            if not _is_drill_down(view, diagram):  # drill-downs stay in the folder
                shown[base] = figure_of(replace(diagram, name=stem), "", image_path=f"{base}.svg")
                figures.setdefault(view, []).append(shown[base])
        laid_out = build_report(inputs, lang=lang, figures=figures, generated=generated)
        files: dict[Path, bytes] = {}
        svgs: dict[str, str] = {}
        # what the HTML page will need, done here while waiting for ``dot`` (never when a
        # render is ready: the formats wait for this loop)
        sanitised: SanitisedSvgs = {}
        meanwhile: list[Callable[[], None]] = [load_template] if "html" in reports else []
        for (_view, diagram), base, rendered in zip(views, bases, pending, strict=True):
            while meanwhile and not rendered["svg"].done():
                meanwhile.pop(0)()
            svg = renderer.result(rendered["svg"], f"{base}.svg")
            files[path_inside(folder, f"{base}.dot")] = diagram.source.encode("utf-8")
            files[path_inside(folder, f"{base}.svg")] = svg
            for fmt in extra_formats:
                files[path_inside(folder, f"{base}.{fmt}")] = renderer.result(
                    rendered[fmt], f"{base}.{fmt}"
                )
            text = svgs[f"{base}.svg"] = svg.decode("utf-8")
            if "html" in reports and base in shown:
                prefix = figure_id_prefix(shown[base].id)
                meanwhile.append(partial(sanitise_ahead, text, prefix, sanitised))
    diagram_files = list(files)
    document = _with_svgs(laid_out, svgs)
    # HTML here, the other formats and the method page in a forked process (two cores)
    # (the worker starts with the longest, XLSX, so that this process, done with the HTML,
    # takes back the short ones it has not started: the two end at about the same time)
    first: list[ReportFormat] = [fmt for fmt in ("html", "xlsx") if fmt in reports]
    jobs: dict[str, Callable[[], bytes]] = {
        fmt: partial(report_bytes, document, fmt)
        for fmt in [*first, *(fmt for fmt in reports if fmt not in first)]
    }
    if "html" in jobs:  # with the figures sanitised meanwhile
        jobs["html"] = lambda: render_html(document, sanitised=sanitised).encode("utf-8")
    # the method page the report's paragraphs link to travels with it
    pages = drawn.pages if drawn else {}
    if "md" in reports and "method.md" not in pages:
        jobs["method.md"] = lambda: method_markdown().encode("utf-8")
    if "html" in reports and "method.html" not in pages:
        jobs["method.html"] = lambda: method_html().encode("utf-8")
    outputs = _outputs(jobs, workers or default_workers())
    if "md" in reports and "method.md" in pages:
        outputs["method.md"] = pages["method.md"]
    if "html" in reports and "method.html" in pages:
        outputs["method.html"] = pages["method.html"]
    files.update({path: outputs[fmt] for fmt, path in reports.items()})
    for page in ("method.html", "method.md"):
        if page in outputs:
            files[path_inside(folder, page)] = outputs[page]
    write_files_atomically(files)
    return ReportFiles(folder=Path(folder), reports=reports, diagrams=diagram_files)
