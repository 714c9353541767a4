"""Writing reports and diagrams to an output folder: safe names, whole files or none.

Each file is written to a temporary name in the same folder and renamed only when every
file is complete, so a reader (or an interrupted or failed run) never sees half a report.

>>> import tempfile
>>> from inventory.render.document import ReportDocument
>>> folder = tempfile.mkdtemp()
>>> written = write_report(ReportDocument(title="x"), folder, formats=("json",))
>>> sorted(written)
['json']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final, Literal

from inventory.output_files import write_file_atomically, write_files_atomically
from inventory.render.document import ReportDocument
from inventory.render.dot import RenderFormat, render
from inventory.render.html import render_html
from inventory.render.markdown import render_markdown
from inventory.render.paths import path_inside, safe_filename
from inventory.render.xlsx import xlsx_bytes

ReportFormat = Literal["html", "md", "xlsx", "json"]
REPORT_FORMATS: Final[tuple[ReportFormat, ...]] = ("html", "md", "xlsx", "json")
REPORT_FILE_NAMES: Final[dict[ReportFormat, str]] = {
    "html": "report.html",
    "md": "report.md",
    "xlsx": "report.xlsx",
    "json": "report.json",
}


def report_bytes(document: ReportDocument, fmt: ReportFormat) -> bytes:
    """One report format as bytes (HTML, Markdown and JSON are UTF-8)."""
    if fmt == "html":
        return render_html(document).encode("utf-8")
    if fmt == "md":
        return render_markdown(document).encode("utf-8")
    if fmt == "xlsx":
        return xlsx_bytes(document)
    return document.json_text().encode("utf-8")


def write_report(
    document: ReportDocument,
    folder: Path | str,
    *,
    formats: Iterable[ReportFormat] = REPORT_FORMATS,
) -> dict[ReportFormat, Path]:
    """Write ``report.html``, ``report.md``, ``report.xlsx`` and ``report.json`` to ``folder``.

    Every format is rendered before anything is written, and the files are written whole
    or not at all (see :func:`write_files_atomically`). Returns the path per format.
    """
    paths = {fmt: path_inside(folder, REPORT_FILE_NAMES[fmt]) for fmt in formats}
    write_files_atomically({paths[fmt]: report_bytes(document, fmt) for fmt in paths})
    return paths


def write_diagram(
    dot_source: str,
    folder: Path | str,
    name: str,
    *,
    formats: Iterable[RenderFormat] = ("dot", "svg"),
    subfolder: str = "",
) -> dict[RenderFormat, Path]:
    """Render one diagram and write it as ``<slug(name)>.<fmt>`` for every format.

    ``name`` may come from data (a municipality's name): it is slugified and the files stay
    inside ``folder``. DOT is always worth writing: it is the diagram's source.
    """
    stem = safe_filename(name)
    prefix = f"{safe_filename(subfolder)}/" if subfolder else ""
    paths = {fmt: path_inside(folder, f"{prefix}{stem}.{fmt}") for fmt in formats}
    write_files_atomically({paths[fmt]: render(dot_source, fmt) for fmt in paths})
    return paths


__all__ = [
    "REPORT_FILE_NAMES",
    "REPORT_FORMATS",
    "ReportFormat",
    "report_bytes",
    "write_diagram",
    "write_file_atomically",
    "write_report",
]
