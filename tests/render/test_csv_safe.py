"""CSV exports: text that a spreadsheet would evaluate gets a leading apostrophe."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory.render.csv_safe import (
    neutralise_frame,
    neutralise_text,
    restore_text,
    table_csv,
    write_frame_csv,
    write_rows_csv,
)
from inventory.render.document import Column, Table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\x00x", "'\x00x"),
        ("a=1", "a=1"),
        ("", ""),
        ("'=x", "'=x"),
        ("Gnosjö", "Gnosjö"),
    ],
)
def test_neutralise_text(text: str, expected: str) -> None:
    assert neutralise_text(text) == expected


@given(st.text())
def test_neutralised_text_never_starts_a_formula_and_restores(text: str) -> None:
    safe = neutralise_text(text)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r", "\x00"))
    if not (text.startswith("'") and text[1:].startswith(("=", "+", "-", "@", "\t", "\r", "\x00"))):
        assert restore_text(safe) == text


def test_frame_text_columns_only() -> None:
    frame = pd.DataFrame(
        {
            "name": ["=cmd()", "srv01", None, "-5"],
            "ram_gb": [-1, 2, 3, 4],
            "mixed": ["@x", 1, None, dt.date(2024, 1, 1)],
        }
    )
    safe = neutralise_frame(frame)
    assert safe["name"].tolist()[:2] == ["'=cmd()", "srv01"]
    assert safe["name"].tolist()[3] == "'-5"
    assert safe["ram_gb"].tolist() == [-1, 2, 3, 4]
    assert safe["mixed"].tolist()[:2] == ["'@x", 1]
    assert frame["name"].tolist()[0] == "=cmd()"  # the input is not changed
    buffer = io.StringIO()
    write_frame_csv(frame, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows[1] == ["'=cmd()", "-1", "'@x"]


def test_table_csv_and_rows_file(tmp_path: Path) -> None:
    table = Table(
        title="t",
        columns=[
            Column(key="n", label="=Name"),
            Column(key="v", label="V", type="int"),
            Column(key="d", label="D", type="date"),
        ],
        rows=[["+evil", -3, dt.date(2024, 5, 1)], ['ok, "quoted"', None, None]],
    )
    rows = list(csv.reader(io.StringIO(table_csv(table))))
    assert rows == [["'=Name", "V", "D"], ["'+evil", "-3", "2024-05-01"], ['ok, "quoted"', "", ""]]
    path = write_rows_csv(["=h"], [["=x"], [1.5]], tmp_path / "x.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf'=h\r\n'=x\r\n1.5\r\n")
