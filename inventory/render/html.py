"""``report.html``: one self-contained, offline, e-mailable HTML file from a ReportDocument.

Jinja2 with autoescape on renders every value from data as text. The only markup that is
not escaped is ours: the stylesheet and script shipped in ``templates/`` and the diagrams'
SVG after :func:`inventory.render.svg.sanitise_svg`. Links are built from data only when the
value is a plain ``http(s)`` URL. A Content-Security-Policy allows no external resource and
only our own script (by hash), so even a mistake elsewhere cannot run injected script.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from inventory.echo import visible
from inventory.language.formatting import format_cell, format_integer, safe_http_url, sort_key
from inventory.language.i18n import Lang, t
from inventory.render.document import (
    SECTION_ID,
    Callout,
    CellValue,
    Column,
    Figure,
    KeyFigures,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)
from inventory.render.svg import sanitise_svg

DEFAULT_MAX_TABLE_ROWS: Final = 2000
_HTML_LANG: Final[dict[Lang, str]] = {"en": "en", "sv": "sv", "no": "nb"}


@dataclass(frozen=True)
class _ColumnView:
    label: str
    numeric: bool


@dataclass(frozen=True)
class _TableView:
    anchor: str
    title: str
    columns: list[_ColumnView]
    #: the ``<tr>`` lines of the rows shown, escaped here (see :func:`_table_body`)
    body: Markup
    row_count: int
    note: str
    truncated_note: str
    kind: str = "table"


@dataclass(frozen=True)
class _FigureView:
    anchor: str
    number: int
    caption: str
    svg: Markup
    dot: str | None
    kind: str = "figure"


@dataclass(frozen=True)
class _KeyFigureView:
    label: str
    value: str
    unit: str
    note: str
    section: str | None = None
    method: str | None = None


@dataclass(frozen=True)
class _KeyFiguresView:
    figures: list[_KeyFigureView]
    kind: str = "key_figures"


@dataclass(frozen=True)
class _CalloutView:
    level: str
    title: str
    text: str
    kind: str = "callout"


_BlockView = Paragraph | _KeyFiguresView | _TableView | _FigureView | _CalloutView


@dataclass(frozen=True)
class _SectionView:
    anchor: str
    title: str
    level: int
    summary: bool
    blocks: list[_BlockView]
    children: list[_SectionView]


@dataclass(frozen=True)
class _TocEntry:
    anchor: str
    title: str
    children: list[_TocEntry] = field(default_factory=list)


@dataclass
class _Numbering:
    """Running numbers for figures and tables, and anchors already used on the page."""

    figures: int = 0
    tables: int = 0
    anchors: set[str] = field(default_factory=set)

    def anchor(self, wanted: str, fallback: str) -> str:
        anchor = wanted if SECTION_ID.match(wanted) and wanted not in self.anchors else fallback
        self.anchors.add(anchor)
        return anchor


def _shown(value: object) -> object:
    """Text from data with its control characters as escapes (``\\x1b``): a direction
    override would reorder what the reader sees, a NUL is a parse error. Our own markup
    (``Markup``: the stylesheet, the script, sanitised SVG) is left as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value, keep="\n\t")
    return value


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("inventory.render", "templates"),
        autoescape=True,
        finalize=_shown,  # applied to every value before it is escaped
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _asset(name: str) -> str:
    return resources.files("inventory.render").joinpath("templates", name).read_text("utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def content_security_policy(script: str) -> str:
    """The page's policy: nothing external, our inline style, only our script by hash."""
    return "; ".join(
        [
            "default-src 'none'",
            "img-src data:",
            "style-src 'unsafe-inline'",
            f"script-src '{_csp_hash(script)}'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def _text(value: str) -> str:
    """``value`` as the template writes ``{{ value }}``: control characters as escapes
    (:func:`_shown`), then HTML-escaped."""
    return escape(visible(value, keep="\n\t"))


def _table_body(rows: Sequence[Sequence[CellValue]], columns: Sequence[Column], lang: Lang) -> str:
    """The ``<tr>`` lines of ``rows``, one per row, each value escaped as the template
    escapes its values: a table's cells are most of the page, and building their markup
    here is several times faster than a template loop over cell objects."""
    starts = ['<td class="num"' if column.numeric else "<td" for column in columns]
    sortable = [column.numeric or column.type in {"date", "bool"} for column in columns]
    links = [column.type == "url" for column in columns]
    lines: list[str] = []
    for row in rows:
        cells = ["<tr>"]
        for index, (value, column) in enumerate(zip(row, columns, strict=True)):
            cells.append(starts[index])
            if sortable[index]:
                cells.append(f' data-sort="{_text(sort_key(value))}"')
            text = _text(format_cell(value, column.type, lang, column.decimals))
            href = safe_http_url(value) if links[index] and isinstance(value, str) else None
            if href:
                cells.append(
                    f'><a href="{_text(href)}" rel="noopener noreferrer nofollow"'
                    f' target="_blank">{text}</a></td>'
                )
            else:
                cells.append(f">{text}</td>")
        cells.append("</tr>\n")
        lines.append("".join(cells))
    return "".join(lines)


def _column_label(column: Column) -> str:
    return f"{column.label} ({column.unit})" if column.unit else column.label


def _table_view(table: Table, lang: Lang, numbering: _Numbering, max_rows: int) -> _TableView:
    numbering.tables += 1
    shown = table.rows[:max_rows]
    truncated = (
        t(
            "report.truncated",
            lang,
            shown=format_integer(len(shown), lang),
            total=format_integer(len(table.rows), lang),
        )
        if len(shown) < len(table.rows)
        else ""
    )
    return _TableView(
        anchor=numbering.anchor(table.id, f"table-{numbering.tables}"),
        title=table.title,
        columns=[_ColumnView(_column_label(column), column.numeric) for column in table.columns],
        # escaped above, cell by cell
        body=Markup(_table_body(shown, table.columns, lang)),
        row_count=len(shown),
        note=table.note,
        truncated_note=truncated,
    )


#: Figures' SVG sanitised before the page is rendered, by id prefix and SVG text: each
#: value is ``sanitise_svg(svg, id_prefix=prefix)`` (:func:`sanitise_ahead`).
SanitisedSvgs = dict[tuple[str, str], str]


def figure_id_prefix(figure_id: str) -> str:
    """The id prefix of a figure's SVG on the page when its ``id`` is its anchor (the usual
    case: an id that is taken or not an anchor gets ``figure-N`` instead)."""
    return f"{figure_id}-"


def sanitise_ahead(svg: str, id_prefix: str, done: SanitisedSvgs) -> None:
    """Sanitise a figure's SVG now (while waiting for something else) into ``done``, for
    :func:`render_html` (``sanitised=done``) to take instead of sanitising it again."""
    done[(id_prefix, svg)] = sanitise_svg(svg, id_prefix=id_prefix)


def load_template() -> None:
    """Compile the page's template now (each process compiles it once, on first use)."""
    _environment().get_template("report.html.j2")


def _figure_view(
    figure: Figure, numbering: _Numbering, sanitised: SanitisedSvgs | None = None
) -> _FigureView:
    numbering.figures += 1
    anchor = numbering.anchor(figure.id, f"figure-{numbering.figures}")
    prefix = f"{anchor}-"
    ready = sanitised.get((prefix, figure.svg)) if sanitised else None
    # Safe to mark as markup only after the allow-list sanitiser: see inventory.render.svg.
    svg = Markup(ready if ready is not None else sanitise_svg(figure.svg, id_prefix=prefix))
    return _FigureView(anchor, numbering.figures, figure.caption, svg, figure.dot)


def _key_figures_view(block: KeyFigures, lang: Lang) -> _KeyFiguresView:
    figures = []
    for figure in block.figures:
        value = (
            format_cell(figure.value, figure.value_type, lang)
            if not isinstance(figure.value, str)
            else figure.value
        )
        figures.append(
            _KeyFigureView(
                figure.label, value, figure.unit, figure.note, figure.section, figure.method
            )
        )
    return _KeyFiguresView(figures)


def _section_view(
    section: Section,
    level: int,
    lang: Lang,
    numbering: _Numbering,
    max_rows: int,
    summary: bool,
    sanitised: SanitisedSvgs | None = None,
) -> _SectionView:
    numbering.anchors.add(section.id)
    blocks: list[_BlockView] = []
    for block in section.blocks:
        if isinstance(block, Table):
            blocks.append(_table_view(block, lang, numbering, max_rows))
        elif isinstance(block, Figure):
            blocks.append(_figure_view(block, numbering, sanitised))
        elif isinstance(block, KeyFigures):
            blocks.append(_key_figures_view(block, lang))
        elif isinstance(block, Callout):
            title = block.title or t(f"report.{block.level}", lang)
            blocks.append(_CalloutView(block.level, title, block.text))
        else:
            blocks.append(block)
    children = [
        _section_view(
            child, min(level + 1, 6), lang, numbering, max_rows, summary=False, sanitised=sanitised
        )
        for child in section.subsections
    ]
    return _SectionView(section.id, section.title, level, summary, blocks, children)


def _toc(section: _SectionView) -> _TocEntry:
    return _TocEntry(section.anchor, section.title, [_toc(child) for child in section.children])


def render_html(
    document: ReportDocument,
    *,
    max_table_rows: int = DEFAULT_MAX_TABLE_ROWS,
    sanitised: SanitisedSvgs | None = None,
) -> str:
    """The report as one self-contained HTML page (text).

    Tables longer than ``max_table_rows`` are cut with a note pointing to ``report.xlsx``.
    The first section is styled as the executive summary. ``sanitised``: figures' SVG
    sanitised already (:func:`sanitise_ahead`), taken when the prefix and text match.
    """
    lang = document.lang
    # Section anchors first, so that table and figure ids never collide with them.
    numbering = _Numbering(anchors={section.id for _depth, section in document.walk()})
    sections = [
        _section_view(
            section, 2, lang, numbering, max_table_rows, summary=index == 0, sanitised=sanitised
        )
        for index, section in enumerate(document.sections)
    ]
    script = _asset("report.js")
    labels = {
        key: t(f"report.{key}", lang)
        for key in (
            "contents",
            "generated",
            "figure",
            "no_rows",
            "sort_hint",
            "dot_source",
            "back_to_top",
            "method_link",
        )
    }
    generated = document.generated
    template = _environment().get_template("report.html.j2")
    return template.render(
        html_lang=_HTML_LANG[lang],
        title=document.title,
        subtitle=document.subtitle,
        generated_iso=generated.isoformat(),
        generated_text=generated.strftime("%Y-%m-%d %H:%M %Z").strip(),
        labels=labels,
        toc=[_toc(section) for section in sections],
        sections=sections,
        # a paragraph's link to a section reads as that section's title
        section_titles={section.id: section.title for _depth, section in document.walk()},
        css=Markup(_asset("report.css")),  # our own stylesheet
        script=Markup(script),  # ours, allowed by CSP hash
        content_security_policy=content_security_policy(script),
    )


def write_html(
    document: ReportDocument, path: Path, *, max_table_rows: int = DEFAULT_MAX_TABLE_ROWS
) -> Path:
    """Write :func:`render_html` to ``path`` (UTF-8) and return the path."""
    path.write_text(render_html(document, max_table_rows=max_table_rows), encoding="utf-8")
    return path
