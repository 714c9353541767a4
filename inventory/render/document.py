"""The neutral report document: what every report format (HTML, Markdown, XLSX, JSON) shows.

Report builders fill a :class:`ReportDocument` in one language (headings from
``inventory.language.i18n.t``); the renderers only lay it out. Blocks are plain values:

- :class:`Paragraph`: text (never markup);
- :class:`KeyFigures`: a row of headline numbers, each a label, a value and a unit;
- :class:`Table`: typed columns (:data:`ColumnType`) and rows of cells;
- :class:`Figure`: an SVG diagram we generated, its caption and optionally its DOT text;
- :class:`Callout`: a warning or a note.

Cell conventions: ``percent`` cells hold a fraction (``0.735`` is shown as 73.5 %),
``money`` cells a number in the column's ``unit`` (e.g. ``"SEK"``), ``date`` cells a
``datetime.date``, ``url`` cells text that becomes a link only when it is http(s).

>>> document = ReportDocument(title="GGVVH", lang="sv", sections=[
...     Section(id="summary", title="Sammanfattning", blocks=[Paragraph(text="Hej")])])
>>> ReportDocument.from_json(document.to_json()) == document
True
>>> ReportDocument.from_json(document.json_text()) == document
True
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Annotated, Any, Final, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from inventory.language.formatting import CellValue as CellValue
from inventory.language.formatting import ColumnType as ColumnType
from inventory.language.i18n import Lang

#: ``year``: a calendar year, a number shown without a thousands separator (2007, never
#: "2,007"), right-aligned and sorted as a number.
NUMERIC_TYPES: Final[frozenset[str]] = frozenset({"int", "float", "percent", "money", "year"})
SECTION_ID: Final = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


class _Block(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Paragraph(_Block):
    """A paragraph of plain text (line breaks kept; never interpreted as markup)."""

    kind: Literal["paragraph"] = "paragraph"
    text: str
    #: An anchor of the method page (docs/method.md, written beside the report as
    #: method.html / method.md): the paragraph links to how its figure is computed.
    method: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9-]*$")
    #: The id of the report section the paragraph points to (the summary's "see ...").
    section: str | None = Field(default=None, pattern=SECTION_ID.pattern)


class KeyFigure(BaseModel):
    """One headline number: ``12 400 000`` ``SEK`` "yearly cost"; ``note`` says what the
    figure alone does not (a range's best and worst case)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    value: int | float | str | None
    unit: str = ""
    value_type: ColumnType = "float"
    note: str = ""
    #: The id of the report section the figure comes from (the card links to it).
    section: str | None = Field(default=None, pattern=SECTION_ID.pattern)
    #: The anchor of docs/method.md that explains the figure.
    method: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9-]*$")


class KeyFigures(_Block):
    """A row of headline numbers (shown as cards in HTML, a list elsewhere)."""

    kind: Literal["key_figures"] = "key_figures"
    figures: list[KeyFigure]


class Column(BaseModel):
    """A table column: a stable ``key``, a visible ``label``, a type and an optional unit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    label: str
    type: ColumnType = "text"
    unit: str = ""
    #: Fixed decimals of a ``float`` or ``money`` column (MNOK with one: 2.4, never 2);
    #: None: the type's default (``float`` two, or none for a whole number; ``money`` none).
    decimals: int | None = Field(default=None, ge=0, le=6)

    @property
    def numeric(self) -> bool:
        """Whether the column holds numbers (right-aligned, sorted numerically)."""
        return self.type in NUMERIC_TYPES


class Table(_Block):
    """A table with typed columns; ``rows`` hold one cell per column, in column order.

    ``name`` is the short sheet name in the XLSX report (defaults to ``title``).
    """

    kind: Literal["table"] = "table"
    id: str = ""
    title: str
    name: str = ""
    columns: list[Column]
    rows: list[list[CellValue]]
    note: str = ""

    @model_validator(mode="after")
    def _rows_match_columns(self) -> Table:
        width = len(self.columns)
        for number, row in enumerate(self.rows, start=1):
            if len(row) != width:
                raise ValueError(
                    f"table {self.title!r}: row {number} has {len(row)} cells, expected {width}"
                )
        # JSON has no date type: read ISO dates back as dates in date columns.
        for index, column in enumerate(self.columns):
            if column.type == "date":
                for row in self.rows:
                    cell = row[index]
                    if isinstance(cell, str):
                        with contextlib.suppress(ValueError):
                            row[index] = dt.date.fromisoformat(cell)
        return self

    @classmethod
    def from_records(
        cls,
        title: str,
        columns: Sequence[Column],
        records: Sequence[Mapping[Any, Any]],
        **fields: Any,
    ) -> Table:
        """Build a table from dictionaries keyed by column key (missing keys are empty).

        NaN and pandas' missing values become empty cells, numpy scalars plain numbers.
        For a pandas frame: ``Table.from_records(title, columns, frame.to_dict("records"))``.
        """
        rows = [[_plain_cell(record.get(column.key)) for column in columns] for record in records]
        return cls(title=title, columns=list(columns), rows=rows, **fields)

    def column_values(self, key: str) -> list[CellValue]:
        """The cells of one column, top to bottom."""
        index = next(i for i, column in enumerate(self.columns) if column.key == key)
        return [row[index] for row in self.rows]


def plain_cells(values: Iterable[Any]) -> list[CellValue]:
    """:func:`_plain_cell` of every value; plain texts, integers and floats without a call."""
    cells: list[CellValue] = []
    append = cells.append
    for value in values:
        kind = type(value)
        if kind is str or kind is int or kind is bool:
            append(value)
        elif kind is float:
            append(None if value != value else value)  # NaN is the only float unequal to itself
        else:
            append(_plain_cell(value))
    return cells


def _plain_cell(value: Any) -> CellValue:
    """A cell value as a plain Python value (numpy, pandas and NaN normalised)."""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return None
    if isinstance(value, str | bool | int | dt.date):
        if isinstance(value, dt.datetime):
            return value.date()
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        return _plain_cell(item())
    to_pydatetime = getattr(value, "to_pydatetime", None)  # pandas Timestamp
    if callable(to_pydatetime):
        converted = to_pydatetime()
        return converted.date() if isinstance(converted, dt.datetime) else None
    if str(value) in {"<NA>", "NaT", "nan"}:
        return None
    return str(value)


class Figure(_Block):
    """A diagram: SVG we generated with Graphviz, a caption, and optionally its DOT text.

    ``image_path`` is where the diagram was written relative to the report folder (for
    ``report.md``); it must stay inside that folder.
    """

    kind: Literal["figure"] = "figure"
    id: str = ""
    caption: str
    svg: str
    dot: str | None = None
    image_path: str | None = None

    @field_validator("image_path")
    @classmethod
    def _relative_path(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = value.replace("\\", "/").split("/")
        if value.startswith("/") or ":" in value or ".." in parts or not value.strip():
            raise ValueError(f"image_path must be relative and inside the report: {value!r}")
        return value


class Callout(_Block):
    """A highlighted remark: ``warning`` (something needs attention) or ``info``."""

    kind: Literal["callout"] = "callout"
    level: Literal["warning", "info"] = "info"
    title: str = ""
    text: str


Block = Annotated[Paragraph | KeyFigures | Table | Figure | Callout, Field(discriminator="kind")]


class Section(BaseModel):
    """A titled section of blocks and sub-sections; ``id`` is its anchor in HTML."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    blocks: list[Block] = Field(default_factory=list)
    subsections: list[Section] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _anchor(cls, value: str) -> str:
        if not SECTION_ID.match(value):
            raise ValueError(
                f"section id {value!r} must be lower-case letters, digits, '-' or '_' "
                "and start with a letter"
            )
        return value

    def walk(self, depth: int = 1) -> Iterator[tuple[int, Section]]:
        """This section and every sub-section, depth first, with their depth (1 = top)."""
        yield depth, self
        for subsection in self.subsections:
            yield from subsection.walk(depth + 1)


class ReportDocument(BaseModel):
    """A whole report: title, language, time of generation and sections in reading order.

    The first section is the executive summary by convention (project leads read it first).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    subtitle: str = ""
    lang: Lang = "en"
    generated: dt.datetime = Field(
        default_factory=lambda: dt.datetime.now(dt.UTC).replace(microsecond=0)
    )
    sections: list[Section] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_anchors(self) -> ReportDocument:
        seen: set[str] = set()
        for _depth, section in self.walk():
            if section.id in seen:
                raise ValueError(f"section id {section.id!r} is used twice")
            seen.add(section.id)
        return self

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section and sub-section in reading order, with its depth (1 = top)."""
        for section in self.sections:
            yield from section.walk()

    def tables(self) -> list[Table]:
        """Every table of the document, in reading order."""
        return [
            block
            for _depth, section in self.walk()
            for block in section.blocks
            if isinstance(block, Table)
        ]

    def figures(self) -> list[Figure]:
        """Every figure of the document, in reading order."""
        return [
            block
            for _depth, section in self.walk()
            for block in section.blocks
            if isinstance(block, Figure)
        ]

    def to_json(self) -> dict[str, Any]:
        """The document as JSON-ready data (dates ISO 8601), as every ``to_json`` of the
        package; ``from_json`` reads it back."""
        return self.model_dump(mode="json")

    def json_text(self, *, indent: int | None = 2) -> str:
        """The document as JSON text: what ``report.json`` holds."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes | Mapping[str, Any]) -> ReportDocument:
        """Read a document from :meth:`to_json`'s data or :meth:`json_text`'s text."""
        if isinstance(data, Mapping):
            return cls.model_validate(data)
        return cls.model_validate_json(data)
