"""The municipality file's own checks (one row, a slug for ``code``) run only for the
files where ``_municipality_row_finds`` says they find something, and
``municipality_code`` reads ``ValidTable.objects`` while validation runs: both must say
what the frame says (``RowChecks.municipality_row`` itself, the frame's first code)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.issues import IssueReport
from inventory.read.source import SourceTable
from inventory.validate.batch import ValidTable
from inventory.validate.records import (
    FieldPlaces,
    RowChecks,
    _municipality_row_finds,
    municipality_code,
)

CODES = st.lists(
    st.sampled_from(["gnosjo", "m001", "Gnosjö", "a b", "-x", "x-", "", None, float("nan")]),
    max_size=3,
)


def _table(codes: list[object], objects: bool) -> ValidTable:
    rows = len(codes)
    source = SourceTable(
        path=Path("m/municipality.csv"),
        kind="municipality",
        municipality="m",
        format="csv",
        sha256="0",
        encoding="utf-8",
        delimiter=",",
        header=["code"],
        header_line=1,
        cells=pd.DataFrame({"0": ["x"] * rows}),
        lines=list(range(2, rows + 2)),
    )
    column = np.array(codes, dtype=object) if codes else np.zeros(0, dtype=object)
    frame = pd.DataFrame({"code": pd.Series(column, dtype=object), "_line": source.lines})
    held = {"code": column} if objects else {}
    return ValidTable("municipality", "m", source, {"code": "code"}, frame, objects=held)


class _Mapping:
    def __init__(self) -> None:
        self.fields = {0: "code"}
        self.written = {"code": "code"}


@settings(max_examples=200, deadline=None)
@given(codes=CODES, objects=st.booleans())
def test_municipality_row_finds_what_the_check_finds(codes: list[object], objects: bool) -> None:
    table = _table(codes, objects)
    report = IssueReport()
    RowChecks(table, FieldPlaces(table.source, _Mapping()), report).municipality_row()
    assert _municipality_row_finds(table) == bool(report.issues)


@settings(max_examples=200, deadline=None)
@given(codes=CODES)
def test_municipality_code_from_objects_as_from_the_frame(codes: list[object]) -> None:
    assert municipality_code(_table(codes, True)) == municipality_code(_table(codes, False))
