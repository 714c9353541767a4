"""The CSV reader's cells stay Arrow until ``SourceTable.cells`` is read.

Validation reads the Arrow columns themselves (``text_column``, ``cell``, ``row_count``):
a file validated is never converted to a DataFrame. ``cells`` gives the same DataFrame
as before, converted once; a DataFrame set as ``cells`` is what is read from then on.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from inventory.issues import IssueCode
from inventory.read import read_table
from inventory.read.headers import map_headers
from inventory.validate import validate_paths


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_cells_stay_arrow_until_read(tmp_path: Path) -> None:
    file = _write(tmp_path / "gnosjo" / "servers.csv", "id;hostname\nsrv1;A\nsrv2; B \n")
    source, issues = read_table(file, "server", "gnosjo")
    assert source is not None and issues == []
    assert source.row_count == 2
    assert source.has_column(1) and not source.has_column(2)
    column = source.text_column(1)
    assert isinstance(column, pa.ChunkedArray)
    assert column.to_pylist() == ["A", " B "]  # as written: nothing trimmed yet
    assert source.cell(0, 1) == "srv2"
    assert isinstance(source.text_column(0), pa.ChunkedArray)  # still not converted

    cells = source.cells  # converted now, once
    assert list(cells.columns) == ["0", "1"]
    assert cells["1"].tolist() == ["A", " B "]
    assert str(cells["1"].dtype) == "str"
    assert source.cells is cells
    assert isinstance(source.text_column(1), pd.Series)
    assert source.cell(1, 1) == " B "


def test_a_dataframe_set_as_cells_is_what_is_read(tmp_path: Path) -> None:
    file = _write(tmp_path / "gnosjo" / "servers.csv", "id;hostname\nsrv1;A\n")
    source, _ = read_table(file, "server", "gnosjo")
    assert source is not None
    source.cells = pd.DataFrame({"0": pd.Series(["x", "y", "z"], dtype="str")})
    assert source.row_count == 3
    assert not source.has_column(1)
    assert source.cell(0, 2) == "z"


def test_rows_at_keeps_arrow_cells_and_lines(tmp_path: Path) -> None:
    file = _write(tmp_path / "gnosjo" / "servers.csv", "id;hostname\nsrv1;A\n\nsrv2;B\nsrv3;C\n")
    source, _ = read_table(file, "server", "gnosjo")
    assert source is not None
    assert list(source.lines) == [2, 4, 5]  # the empty line 3 skipped
    part = source.rows_at(np.array([2, 0]))
    assert isinstance(part.text_column(0), pa.ChunkedArray)
    assert part.text_column(0).to_pylist() == ["srv3", "srv1"]
    assert list(part.lines) == [5, 2]
    assert part.cells["1"].tolist() == ["C", "A"]
    assert source.row_count == 3  # the table itself unchanged
    converted = source.cells
    assert source.rows_at(np.array([1])).cells["0"].tolist() == ["srv2"]
    assert source.cells is converted


def test_validation_reads_the_arrow_columns_only(tmp_path: Path) -> None:
    folder = tmp_path / "gnosjo"
    _write(folder / "municipality.csv", "code,name,country\ngnosjo,Gnosjö kommun,SE\n")
    _write(folder / "sites.csv", "id,name,kind\nDC1,Gnosjö DC1,datacentre\n")
    _write(
        folder / "servers.csv",
        "id,hostname,kind,site,ip_address\n"
        "srv1,GN-SRV1,physical,DC1,10.0.0.1\n"
        "srv2,GN-SRV2,physical,DC1,010.0.0.2\n",  # a leading zero: not an address
    )
    batch = validate_paths([folder])
    [municipality] = batch.municipalities
    for table in municipality.tables.values():
        assert "_arrow" in table.source.__dict__, table.kind  # never converted
    assert [
        (issue.code, issue.line, issue.column, issue.value) for issue in batch.report.issues
    ] == [(IssueCode.INVALID_IP, 3, "ip_address", "010.0.0.2")]
    servers = municipality.tables["server"].frame
    assert servers["ip_address"].tolist() == ["10.0.0.1", None]


def test_a_blank_header_over_an_arrow_column(tmp_path: Path) -> None:
    """An unnamed column with values is an error; one without values is left out."""
    file = _write(
        tmp_path / "gnosjo" / "servers.csv", "id,,kind,\nsrv1,x,physical, \nsrv2,,virtual,\n"
    )
    source, _ = read_table(file, "server", "gnosjo")
    assert source is not None
    mapping, issues = map_headers(source)
    assert [(issue.code, issue.column_index) for issue in issues] == [(IssueCode.BLANK_HEADER, 2)]
    assert mapping.ignored == [3]
    assert mapping.fields == {0: "id", 2: "kind"}
