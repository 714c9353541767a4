"""The HTML table rows built in Python (``render.html._table_body``, issue 17: a table's
cells are most of the page) are exactly what the template's loop over cells wrote: the
reference is that loop, rendered by Jinja2 with the report's own environment settings."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, StrictUndefined

from inventory.language.formatting import (
    CellValue,
    ColumnType,
    format_cell,
    safe_http_url,
    sort_key,
)
from inventory.language.i18n import Lang
from inventory.render.document import Column
from inventory.render.html import _shown, _table_body

#: The row loop as report.html.j2 had it (one ``<tr>`` line per row).
_REFERENCE = (
    "{% for row in rows %}\n"
    '<tr>{% for cell in row %}<td{% if cell.numeric %} class="num"{% endif %}'
    '{% if cell.sort is not none %} data-sort="{{ cell.sort }}"{% endif %}>'
    '{% if cell.href %}<a href="{{ cell.href }}" rel="noopener noreferrer nofollow"'
    ' target="_blank">{{ cell.text }}</a>{% else %}{{ cell.text }}{% endif %}</td>'
    "{% endfor %}</tr>\n"
    "{% endfor %}\n"
)
_ENVIRONMENT = Environment(
    autoescape=True,
    finalize=_shown,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
TYPES: tuple[ColumnType, ...] = get_args(ColumnType)


def _reference(rows: list[list[CellValue]], columns: list[Column], lang: Lang) -> str:
    cells = [
        [
            {
                "text": format_cell(value, column.type, lang, column.decimals),
                "sort": sort_key(value)
                if column.numeric or column.type in {"date", "bool"}
                else None,
                "numeric": column.numeric,
                "href": safe_http_url(value)
                if column.type == "url" and isinstance(value, str)
                else None,
            }
            for value, column in zip(row, columns, strict=True)
        ]
        for row in rows
    ]
    return _ENVIRONMENT.from_string(_REFERENCE).render(rows=cells)


_TEXT = st.text(
    alphabet=st.sampled_from([*"aZö <>&\"'\\\n\t\x00\x1b\u202e\u200b/:."]), max_size=12
) | st.sampled_from(["https://x.se/a?b=1&c=<2>", "http://x.se"])
_VALUES: dict[ColumnType, st.SearchStrategy[CellValue]] = {
    "text": st.none() | _TEXT,
    "url": st.none()
    | _TEXT
    | st.sampled_from(
        ["https://endoflife.date/x", 'http://a.se/?q="1"&r=<2>', "javascript:alert(1)", ""]
    ),
    "int": st.none() | st.integers(-(10**12), 10**12),
    "float": st.none() | st.floats(allow_nan=True, allow_infinity=True),
    "money": st.none() | st.floats(-1e12, 1e12),
    "percent": st.none() | st.floats(-2, 2),
    "year": st.none() | st.integers(1900, 2100),
    "bool": st.none() | st.booleans(),
    "date": st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
}


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[list[CellValue]], list[Column]]:
    types = draw(st.lists(st.sampled_from(TYPES), min_size=1, max_size=5))
    columns = [
        Column(key=f"c{index}", label=kind, type=kind, decimals=draw(st.none() | st.integers(0, 3)))
        for index, kind in enumerate(types)
    ]
    rows = draw(st.lists(st.tuples(*(_VALUES[kind] for kind in types)), max_size=4))
    return [list(row) for row in rows], columns


@settings(max_examples=150, deadline=None)
@given(table=_tables(), lang=st.sampled_from(["en", "sv", "no"]))
def test_the_rows_are_what_the_template_loop_wrote(
    table: tuple[list[list[CellValue]], list[Column]], lang: Lang
) -> None:
    rows, columns = table
    assert _table_body(rows, columns, lang) == _reference(rows, columns, lang)


def test_a_link_a_sort_key_and_escapes_by_hand() -> None:
    columns = [Column(key="u", label="u", type="url"), Column(key="n", label="n", type="int")]
    body = _table_body([["https://a.se/?x=1&y=2", 3], ['<b>"x"\x1b', None]], columns, "en")
    assert body == (
        '<tr><td><a href="https://a.se/?x=1&amp;y=2" rel="noopener noreferrer nofollow"'
        ' target="_blank">https://a.se/?x=1&amp;y=2</a></td><td class="num" data-sort="3.0">3</td>'
        "</tr>\n"
        '<tr><td>&lt;b&gt;&#34;x&#34;\\x1b</td><td class="num" data-sort=""></td></tr>\n'
    )
