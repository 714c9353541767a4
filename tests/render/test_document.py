"""The neutral report document: validation and the JSON round trip."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import pytest
from pydantic import ValidationError

from inventory.render.document import (
    Column,
    Figure,
    Paragraph,
    ReportDocument,
    Section,
    Table,
)


def test_json_round_trip_keeps_types(make_document: Any) -> None:
    document = make_document("sv", ["<script>", "Gnosjö"])
    text = document.json_text()
    assert ReportDocument.from_json(text) == document
    data = json.loads(text)
    assert document.to_json() == data  # the same data as every to_json: a dict
    assert ReportDocument.from_json(data) == document
    assert data["lang"] == "sv"
    assert data["generated"] == "2025-05-01T12:00:00Z"
    table = data["sections"][1]["blocks"][0]
    assert table["kind"] == "table"
    assert table["rows"][0][:5] == ["srv10", 10, 0.5, 1200000, "2026-10-14"]
    restored = ReportDocument.from_json(text).tables()[0]
    assert restored.column_values("end")[0] == dt.date(2026, 10, 14)


def test_rows_must_match_columns() -> None:
    with pytest.raises(ValidationError, match="row 1 has 1 cells, expected 2"):
        Table(
            title="t",
            columns=[Column(key="a", label="A"), Column(key="b", label="B")],
            rows=[["x"]],
        )


def test_section_ids_are_anchors_and_unique() -> None:
    with pytest.raises(ValidationError, match="section id"):
        Section(id='x" onclick="y', title="x")
    with pytest.raises(ValidationError, match="used twice"):
        ReportDocument(
            title="x",
            sections=[Section(id="a", title="A", subsections=[Section(id="a", title="again")])],
        )


def test_figure_image_path_stays_inside_the_report() -> None:
    for bad in ("../x.svg", "/etc/x.svg", "C:/x.svg", "a/../../x.svg"):
        with pytest.raises(ValidationError):
            Figure(caption="c", svg="<svg/>", image_path=bad)
    assert Figure(caption="c", svg="<svg/>", image_path="diagrams/a.svg").image_path


def test_from_records_normalises_pandas_values() -> None:
    frame = pd.DataFrame(
        {
            "name": ["a", None],
            "count": pd.array([1, None], dtype="Int64"),
            "share": [0.5, float("nan")],
            "when": pd.to_datetime(pd.Series(["2024-01-02", None])),
        }
    )
    columns = [
        Column(key="name", label="Name"),
        Column(key="count", label="N", type="int"),
        Column(key="share", label="S", type="percent"),
        Column(key="when", label="W", type="date"),
    ]
    table = Table.from_records("t", columns, frame.to_dict("records"))
    assert table.rows == [["a", 1, 0.5, dt.date(2024, 1, 2)], [None, None, None, None]]
    assert isinstance(table.rows[0][1], int)


def test_walk_tables_and_figures(make_document: Any) -> None:
    document = make_document("en")
    assert [(depth, section.id) for depth, section in document.walk()] == [
        (1, "summary"),
        (1, "details"),
        (2, "method"),
    ]
    assert len(document.tables()) == 1
    assert len(document.figures()) == 1
    assert isinstance(document.sections[0].blocks[0], Paragraph)
