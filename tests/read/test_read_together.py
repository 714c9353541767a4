"""``read_tables``: the small delimited files of a run parsed together give each file
exactly what ``read_table`` gives it alone (cells, lines, blank rows, every issue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory.issues import Issue
from inventory.read import SourceTable, delimited, read_table
from inventory.read.source import TableRequest
from inventory.read.tables import read_tables
from tests.helpers import SAMPLES

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"


def outcome(read: tuple[SourceTable | None, list[Issue]]) -> tuple[Any, ...]:
    """Everything a read hands on, comparable with ``==``."""
    table, issues = read
    found = [issue.model_dump(mode="json") for issue in issues]
    if table is None:
        return None, found
    cells = table.cells
    return (
        (table.path, table.kind, table.municipality, table.format, table.sha256),
        (table.encoding, table.delimiter, table.header, table.header_line),
        (list(cells.columns), [str(dtype) for dtype in cells.dtypes], cells.values.tolist()),
        list(table.lines),
        table.blank_rows_skipped,
        found,
    )


def assert_same_as_alone(requests: list[TableRequest]) -> None:
    together = read_tables(requests)
    alone = [
        read_table(request.path, request.kind, request.municipality, sheet=request.sheet)
        for request in requests
    ]
    assert [outcome(read) for read in together] == [outcome(read) for read in alone]


def test_broken_files_and_samples_read_together_as_alone() -> None:
    requests = [TableRequest(path, "server", "testby") for path in sorted(BROKEN.iterdir())]
    requests += [
        TableRequest(path, "site", folder.name)
        for folder in sorted(SAMPLES.iterdir())
        for path in sorted(folder.glob("*.csv"))
    ]
    assert_same_as_alone(requests)


EDGE_CASES = {
    "plain.csv": 'id,name\na,"b"\nc,d\n',
    "no_final_newline.csv": "id,name\na,b\nc,d",
    "crlf.csv": "id,name\r\na,b\r\nc,d\r\n",
    "blank_row.csv": "id,name\na,b\n,\n  , \nc,d\n",
    "empty_line.csv": "id,name\na,b\n\nc,d\n",
    "quoted_newline.csv": 'id,name\na,"b\nb"\nc,d\n',
    "too_wide.csv": "id,name\na,b,c\nc,d\n",
    "too_narrow.csv": "id,name\na\nc,d\n",
    "header_only.csv": "id,name\n",
    "open_quote.csv": 'id,name\na,"b\nc,d\n',
    "semicolons.csv": "id;name\na;b\n",
    "spaces.csv": "id,name\n\u00a0,\u2003\nx,y\n",
    "title.csv": "Servers of Testby\nid,name\na,b\n",
}


def test_edge_cases_read_together_as_alone(tmp_path: Path) -> None:
    requests = []
    for name, text in EDGE_CASES.items():
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        requests.append(TableRequest(path, "server", "testby"))
    # every order: a file that cannot be parsed with others must not change the others
    assert_same_as_alone(requests)
    assert_same_as_alone(requests[::-1])


CELL = st.text(alphabet='ab ,";\n\r\u00a0', max_size=4)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    files=st.lists(
        st.lists(st.lists(CELL, min_size=2, max_size=3), max_size=4), min_size=1, max_size=5
    ),
    ends=st.lists(st.sampled_from(["\n", "\r\n", ""]), min_size=5, max_size=5),
)
def test_random_files_read_together_as_alone(
    tmp_path: Path, files: list[list[list[str]]], ends: list[str]
) -> None:
    requests = []
    for number, (rows, end) in enumerate(zip(files, ends, strict=False)):
        lines = ["id,name", *[",".join(row) for row in rows]]
        path = tmp_path / f"file{number}.csv"
        path.write_bytes(("\n".join(lines) + end).encode("utf-8"))
        requests.append(TableRequest(path, "server", "testby"))
    assert_same_as_alone(requests)


def _rows(count: int, prefix: str) -> list[str]:
    return [f"{prefix}{number:06d},name of {prefix} {number}" for number in range(count)]


def test_larger_files_read_together_as_alone(tmp_path: Path) -> None:
    """Files of more than 64 KiB (a client list) are parsed with the others too: every
    field limit is checked on each file's own cells (a long cell, a cell over the limit
    in another file), blank rows and empty lines are each file's own."""
    wide = "x" * 70_000  # longer than the data of a small file, under the 100,000 limit
    too_long = "y" * 120_000  # over the limit: one field-too-large error, cut
    texts = {
        "plain.csv": _rows(6000, "a"),
        "long_cell.csv": [*_rows(3000, "b"), f"b-long,{wide}", *_rows(10, "c")],
        "too_long.csv": [*_rows(2000, "d"), f"d-long,{too_long}", *_rows(10, "e")],
        "blank_row.csv": [*_rows(4000, "f"), " , ", *_rows(10, "g")],
        "empty_line.csv": [*_rows(4000, "h"), "", *_rows(10, "i")],
        "small.csv": _rows(3, "j"),
    }
    requests = []
    for name, rows in texts.items():
        path = tmp_path / name
        path.write_bytes("\n".join(["id,name", *rows, ""]).encode("utf-8"))
        assert path.name == "small.csv" or path.stat().st_size > 1 << 16
        requests.append(TableRequest(path, "server", "testby"))
    assert_same_as_alone(requests)
    assert_same_as_alone(requests[::-1])
    assert_same_as_alone([requests[0], requests[-1]])
    issues = [issue.code.value for _table, found in read_tables(requests) for issue in found]
    assert issues.count("field-too-large") == 1
    assert issues.count("blank-rows-skipped") == 2  # (the blank row; the empty line)


def test_larger_files_parsed_in_one_call(tmp_path: Path, monkeypatch: Any) -> None:
    """Three client lists of about 100 KiB each: one pyarrow call for all of them."""
    calls: list[int] = []
    read_arrow = delimited._read_arrow

    def counted(data: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(data))
        return read_arrow(data, *args, **kwargs)

    monkeypatch.setattr(delimited, "_read_arrow", counted)
    requests = []
    for number in range(3):
        path = tmp_path / f"clients{number}.csv"
        path.write_bytes("\n".join(["id,name", *_rows(4000, f"m{number}-"), ""]).encode())
        requests.append(TableRequest(path, "client", f"m{number}"))
    tables = read_tables(requests)
    assert len(calls) == 1
    assert [len(table.lines) for table, _issues in tables if table is not None] == [4000] * 3
