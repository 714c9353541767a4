"""Writing reports and diagrams to an output folder: safe names, whole files or none.

Each file is written to a temporary name in the same folder and then renamed, so a reader
(or an interrupted run) never sees half a report.

>>> import tempfile
>>> from inventory.render.document import ReportDocument
>>> folder = tempfile.mkdtemp()
>>> written = write_report(ReportDocument(title="x"), folder, formats=("json",))
>>> sorted(written)
['json']
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Final, Literal

from inventory.render.document import ReportDocument
from inventory.render.dot import RenderFormat, render
from inventory.render.html import render_html
from inventory.render.markdown import render_markdown
from inventory.render.paths import path_inside, safe_filename
from inventory.render.xlsx import xlsx_bytes

ReportFormat = Literal["html", "md", "xlsx", "json"]
REPORT_FORMATS: Final[tuple[ReportFormat, ...]] = ("html", "md", "xlsx", "json")
REPORT_FILE_NAMES: Final[dict[ReportFormat, str]] = {
    "html": "report.html", "md": "report.md", "xlsx": "report.xlsx", "json": "report.json",
}


def _file_mode(path: Path) -> int:
    """The mode a plainly created file gets: the existing file's, else 0666 less the umask.

    ``mkstemp`` creates its file readable by the owner only; a report shared with the
    project group must get the permissions any other file written here would.
    """
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_file_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def report_bytes(document: ReportDocument, fmt: ReportFormat) -> bytes:
    """One report format as bytes (HTML, Markdown and JSON are UTF-8)."""
    if fmt == "html":
        return render_html(document).encode("utf-8")
    if fmt == "md":
        return render_markdown(document).encode("utf-8")
    if fmt == "xlsx":
        return xlsx_bytes(document)
    return document.to_json().encode("utf-8")


def write_report(
    document: ReportDocument,
    folder: Path | str,
    *,
    formats: Iterable[ReportFormat] = REPORT_FORMATS,
) -> dict[ReportFormat, Path]:
    """Write ``report.html``, ``report.md``, ``report.xlsx`` and ``report.json`` to ``folder``.

    Every format is rendered before anything is written. Returns the path per format.
    """
    rendered = {fmt: report_bytes(document, fmt) for fmt in formats}
    return {
        fmt: write_file_atomically(path_inside(folder, REPORT_FILE_NAMES[fmt]), data)
        for fmt, data in rendered.items()
    }


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
    rendered = {fmt: render(dot_source, fmt) for fmt in formats}
    return {
        fmt: write_file_atomically(path_inside(folder, f"{prefix}{stem}.{fmt}"), data)
        for fmt, data in rendered.items()
    }
