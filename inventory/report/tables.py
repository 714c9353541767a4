"""Turning analysis frames into report tables: typed columns with translated labels.

A :class:`ColumnSpec` names a frame column, its label key in ``inventory.language.i18n`` and
its type; :func:`frame_table` builds the :class:`~inventory.render.document.Table`. Figures
are the same in every language; a column of codes (an action such as ``os_upgrade``, a
status such as ``included``) names its code family and shows each code's text in the
report's language (``i18n.code_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from inventory.language.i18n import Lang, code_text, t
from inventory.messages import cell_texts
from inventory.render.document import CellValue, Column, ColumnType, Table, plain_cells


@dataclass(frozen=True)
class ColumnSpec:
    """A frame column shown in a table: its key, label key, type and unit."""

    key: str
    label: str
    type: ColumnType = "text"
    unit: str = ""
    #: A code family: the cells are codes shown as ``t("code.<family>.<code>")``.
    codes: str = ""


def frame_table(
    title: str,
    frame: pd.DataFrame,
    specs: Sequence[ColumnSpec],
    lang: Lang,
    *,
    table_id: str,
    name: str = "",
    note: str = "",
) -> Table:
    """A table of the ``specs`` columns of ``frame`` (columns it lacks stay empty)."""
    columns = [
        Column(key=spec.key, label=t(spec.label, lang), type=spec.type, unit=spec.unit)
        for spec in specs
    ]
    # Column by column: one list of plain cells per column, then zipped into rows.
    cells = [
        _cells(frame[spec.key].tolist(), spec, lang)
        if spec.key in frame.columns
        else [None] * len(frame)
        for spec in specs
    ]
    rows = (
        [list(row) for row in zip(*cells, strict=True)]
        if cells
        else [[] for _ in range(len(frame))]
    )
    return Table(
        title=title, columns=columns, rows=rows, id=table_id, name=name or title, note=note
    )


def _cells(values: list[object], spec: ColumnSpec, lang: Lang) -> list[CellValue]:
    # messages (inventory.messages) in the report's language, each distinct one once
    cells = plain_cells(cell_texts(values, lang))
    if not spec.codes:
        return cells
    # each distinct code translated once, then mapped (290 municipalities: thousands of rows)
    texts = {
        cell: code_text(spec.codes, cell, lang)
        for cell in set(cells)
        if isinstance(cell, str) and cell
    }
    return [texts.get(cell, cell) if isinstance(cell, str) else cell for cell in cells]


def percent_fraction(values: pd.Series) -> pd.Series:
    """A 0–100 percentage column as fractions (report ``percent`` cells hold fractions)."""
    return pd.to_numeric(values, errors="coerce") / 100.0
