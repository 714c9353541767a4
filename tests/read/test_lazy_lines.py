"""``_Lines`` (the head's lines found as far as they are read) yields the lines and
positions that ``io.StringIO(text, newline="")`` yields, and the csv module reads the
same rows from it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from hypothesis import given
from hypothesis import strategies as st

from inventory.read.delimited import _Lines

TEXTS = st.lists(
    st.sampled_from(["a", "b", ",", ";", '"', "\r", "\n", "\r\n", " ", "é", "\x00", "\u2028"]),
    max_size=40,
).map("".join)


@given(text=TEXTS)
def test_lines_and_positions_as_string_io(text: str) -> None:
    stream = io.StringIO(text, newline="")
    lines = _Lines(text)
    expected = []
    for line in stream:
        expected.append((line, stream.tell()))
    found = []
    for line in lines:
        found.append((line, lines.position))
    assert found == expected


@given(text=TEXTS, delimiter=st.sampled_from([",", ";"]))
def test_csv_reads_the_same_rows(text: str, delimiter: str) -> None:
    def rows(source: Iterable[str]) -> list[tuple[list[str], int]]:
        reader = csv.reader(source, delimiter=delimiter, quotechar='"', strict=False)
        try:
            return [(row, reader.line_num) for row in reader]
        except csv.Error as error:
            return [([str(error)], -1)]

    assert rows(_Lines(text)) == rows(io.StringIO(text, newline=""))


def test_lines_by_hand() -> None:
    lines = _Lines('a\r\nb\rc\n\n"d\r\ne"')
    assert list(lines) == ["a\r\n", "b\r", "c\n", "\n", '"d\r\n', 'e"']
    assert lines.position == 14
