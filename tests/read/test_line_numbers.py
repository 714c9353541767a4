"""``LineNumbers``: the CSV reader's line numbers read as the list of the same ints."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from inventory.read import read_table
from inventory.read.source import LineNumbers


def test_reads_as_the_list_of_its_numbers() -> None:
    lines = LineNumbers(np.array([2, 3, 5], dtype=np.int64))
    assert lines == [2, 3, 5] and [2, 3, 5] == lines and lines != [2, 3]  # noqa: SIM300
    assert (lines == (2, 3, 5)) and lines != "235"
    assert list(lines) == [2, 3, 5] and all(type(line) is int for line in lines)
    assert lines[0] == 2 and type(lines[-1]) is int and lines[1:] == [3, 5]
    assert len(lines) == 3 and bool(lines) and not LineNumbers(np.zeros(0, dtype=np.int64))
    assert repr(lines) == "[2, 3, 5]" and lines == LineNumbers(np.array([2, 3, 5]))


def test_the_reader_hands_its_array_on(tmp_path: Path) -> None:
    path = tmp_path / "servers.csv"
    path.write_text("hostname;ram\nsrv01;4\n\nsrv02;8\n", encoding="utf-8")
    table, _ = read_table(path, "server", "x")
    assert table is not None and table.lines == [2, 4]
    assert table.line_numbers().tolist() == [2, 4] and table.line_numbers().dtype == np.int64
