"""A date before another in a row (``RowChecks._before``): a file typed with others
compares its dates on the frame, a file built alone on its encoded columns' day numbers;
both must find the same rows, missing dates never before nor after another."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.issues import IssueReport
from inventory.read.source import SourceTable
from inventory.validate.batch import EncodedColumn, ValidTable
from inventory.validate.records import FieldPlaces, RowChecks
from inventory.validate.values import local_codes

DATES = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))


class _Mapping:
    def __init__(self) -> None:
        self.fields = {0: "purchase_date", 1: "warranty_end"}
        self.written = {"purchase_date": "purchase_date", "warranty_end": "warranty_end"}


def _encoded(values: list[dt.date | None]) -> EncodedColumn:
    distinct = list(dict.fromkeys(values))
    codes = np.array([distinct.index(value) for value in values], dtype=np.int64)
    own, shared = local_codes(codes)
    return EncodedColumn(own, np.array(distinct, dtype=object)[shared])


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(DATES, DATES), max_size=12))
def test_dates_before_on_the_frame_as_on_codes(rows: list[tuple[dt.date | None, ...]]) -> None:
    purchase = [row[0] for row in rows]
    warranty = [row[1] for row in rows]
    frame = pd.DataFrame(
        {
            "purchase_date": pd.Series(purchase, dtype=object),
            "warranty_end": pd.Series(warranty, dtype=object),
        }
    )
    source = SourceTable(
        path=Path("m/clients.csv"),
        kind="client",
        municipality="m",
        format="csv",
        sha256="0",
        encoding="utf-8",
        delimiter=",",
        header=["purchase_date", "warranty_end"],
        header_line=1,
        cells=pd.DataFrame({"0": [""] * len(rows), "1": [""] * len(rows)}),
        lines=list(range(2, len(rows) + 2)),
    )
    found = []
    for encoded in (
        {"purchase_date": _encoded(purchase), "warranty_end": _encoded(warranty)},
        {},
    ):
        table = ValidTable("client", "m", source, {}, frame, encoded=encoded)
        checks = RowChecks(table, FieldPlaces(source, _Mapping()), IssueReport())
        found.append(np.asarray(checks._before("warranty_end", "purchase_date")).tolist())
    expected = [
        p is not None and w is not None and w < p for p, w in zip(purchase, warranty, strict=True)
    ]
    assert found == [expected, expected]
