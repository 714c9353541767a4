"""``report.md``: the ReportDocument as GitHub-flavoured Markdown.

Text from data is escaped so that it stays text in every Markdown viewer: punctuation that
starts emphasis, links, code, tables or raw HTML is backslash-escaped, ``&`` cannot start an
entity, a line cannot start a heading, list or quote, and control characters (an ESC that
would drive the terminal ``cat report.md`` runs in, a BEL, a direction override) are
written as escapes (``\\x1b``, see ``inventory.echo.visible``). The only raw HTML written
is ours: ``<a id="...">`` anchors (section ids are validated slugs) and ``<br>`` in table cells.
Diagrams appear as images when the figure has an ``image_path`` (the SVG written next to
the report).
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import quote

from inventory.echo import visible
from inventory.language.formatting import format_cell, format_integer
from inventory.language.i18n import Lang, t
from inventory.render.document import (
    Callout,
    Figure,
    KeyFigures,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)

DEFAULT_MAX_TABLE_ROWS: Final = 2000
_INLINE_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]<>|~&!#$])")
_BLOCK_START: Final = re.compile(r"^(\s*)([-+=>#]|\d+[.)])")


def escape_inline(text: str) -> str:
    """``text`` escaped for inline Markdown (one line; use :func:`escape_lines` for more).

    >>> print(escape_inline("<script>*x*</script> | a_b"))
    \\<script\\>\\*x\\*\\</script\\> \\| a\\_b
    """
    one_line = text.replace("\r", " ").replace("\n", " ")
    return _INLINE_SPECIAL.sub(r"\\\1", visible(one_line, keep="\t"))


def _escape_line(line: str) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", visible(line.strip(), keep="\t"))
    match = _BLOCK_START.match(escaped)
    if match:
        marker = match.group(2)
        escaped = (
            escaped[: match.start(2)] + marker[:-1] + "\\" + marker[-1] + escaped[match.end(2) :]
        )
    return escaped


def escape_lines(text: str) -> str:
    """Multi-line ``text`` as one Markdown paragraph with hard line breaks."""
    lines = [_escape_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    return "\\\n".join(line for line in lines)


def _cell_text(text: str) -> str:
    return "<br>".join(
        _INLINE_SPECIAL.sub(r"\\\1", visible(line, keep="\t"))
        for line in text.replace("\r\n", "\n").split("\n")
    )


def _table(table: Table, lang: Lang, max_rows: int) -> list[str]:
    headers = [
        _cell_text(f"{column.label} ({column.unit})" if column.unit else column.label)
        for column in table.columns
    ]
    lines = [f"**{escape_inline(table.title)}**", ""]
    if not table.columns:
        return [*lines, escape_inline(t("report.no_rows", lang)), ""]
    lines.append("| " + " | ".join(headers) + " |")
    lines.append(
        "| " + " | ".join("---:" if column.numeric else "---" for column in table.columns) + " |"
    )
    for row in table.rows[:max_rows]:
        cells = [
            _cell_text(format_cell(value, column.type, lang, column.decimals))
            for value, column in zip(row, table.columns, strict=True)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if not table.rows:
        lines.extend(["", escape_inline(t("report.no_rows", lang))])
    elif len(table.rows) > max_rows:
        note = t(
            "report.truncated",
            lang,
            shown=format_integer(max_rows, lang),
            total=format_integer(len(table.rows), lang),
        )
        lines.extend(["", f"*{escape_inline(note)}*"])
    if table.note:
        lines.extend(["", f"*{escape_inline(table.note)}*"])
    return [*lines, ""]


def _figure(figure: Figure, number: int, lang: Lang) -> list[str]:
    caption = f"{t('report.figure', lang)} {number}: {figure.caption}"
    lines: list[str] = []
    if figure.image_path:
        lines.append(f"![{escape_inline(figure.caption)}](<{quote(figure.image_path)}>)")
        lines.append("")
    lines.extend([f"*{escape_inline(caption)}*", ""])
    return lines


def _section(
    section: Section,
    depth: int,
    lang: Lang,
    figure_count: list[int],
    max_rows: int,
    titles: dict[str, str] | None = None,
) -> list[str]:
    titles = titles or {}
    level = min(depth + 1, 6)
    lines = [f'<a id="{section.id}"></a>', "", "#" * level + " " + escape_inline(section.title), ""]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            link = (
                f" ([{escape_inline(t('report.method_link', lang))}](method.md#{block.method}))"
                if block.method
                else ""
            )
            if block.section:
                link = (
                    f" ([{escape_inline(titles.get(block.section, block.section))}]"
                    f"(#{block.section})){link}"
                )
            lines.extend([escape_lines(block.text) + link, ""])
        elif isinstance(block, KeyFigures):
            for figure in block.figures:
                value = (
                    figure.value
                    if isinstance(figure.value, str)
                    else format_cell(figure.value, figure.value_type, lang)
                )
                unit = f" {figure.unit}" if figure.unit else ""
                note = f" ({figure.note})" if figure.note else ""
                label = (
                    f"[{escape_inline(figure.label)}](#{figure.section})"
                    if figure.section
                    else escape_inline(figure.label)
                )
                method = (
                    f" ([{escape_inline(t('report.method_link', lang))}]"
                    f"(method.md#{figure.method}))"
                    if figure.method
                    else ""
                )
                lines.append(
                    f"- **{label}**: {escape_inline(value + unit)}{escape_inline(note)}{method}"
                )
            lines.append("")
        elif isinstance(block, Table):
            lines.extend(_table(block, lang, max_rows))
        elif isinstance(block, Figure):
            figure_count[0] += 1
            lines.extend(_figure(block, figure_count[0], lang))
        elif isinstance(block, Callout):
            title = block.title or t(f"report.{block.level}", lang)
            body = escape_lines(block.text).replace("\n", "\n> ")
            lines.extend([f"> **{escape_inline(title)}:** {body}", ""])
    for child in section.subsections:
        lines.extend(_section(child, depth + 1, lang, figure_count, max_rows, titles))
    return lines


def render_markdown(
    document: ReportDocument, *, max_table_rows: int = DEFAULT_MAX_TABLE_ROWS
) -> str:
    """The report as Markdown text: title, contents with links, then the sections.

    Tables longer than ``max_table_rows`` are cut with a note pointing to ``report.xlsx``.
    """
    lang = document.lang
    lines = [f"# {escape_inline(document.title)}", ""]
    if document.subtitle:
        lines.extend([escape_inline(document.subtitle), ""])
    generated = document.generated.strftime("%Y-%m-%d %H:%M %Z").strip()
    lines.extend([f"*{escape_inline(t('report.generated', lang))}: {generated}*", ""])
    lines.extend([f"## {escape_inline(t('report.contents', lang))}", ""])
    for depth, section in document.walk():
        indent = "  " * (depth - 1)
        lines.append(f"{indent}- [{escape_inline(section.title)}](#{section.id})")
    lines.append("")
    figure_count = [0]
    titles = {section.id: section.title for _depth, section in document.walk()}
    for section in document.sections:
        lines.extend(_section(section, 1, lang, figure_count, max_table_rows, titles))
    return "\n".join(lines).rstrip("\n") + "\n"
