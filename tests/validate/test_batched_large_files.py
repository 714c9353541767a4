"""A file of 16,384 to 65,535 rows (a municipality's client list) is typed with the other
files of its kind (``build_valid_tables``), no longer alone (``build_valid_table``): the
issues (code, place, order, text) and the typed tables must be exactly those of the file
built alone, which the test gets back by lowering ``BATCHED_BELOW_ROWS`` to its old value.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import inventory.validate as validate
from inventory.validate import records as records_module
from inventory.validate import validate_paths

HEADER = ["id", "kind", "vendor", "site", "managed_by", "quantity", "purchase_date", "warranty_end"]
ROWS = 20_000


def _client(number: int) -> list[str]:
    return [
        f"C{number:07d}",
        ("laptop", "desktop", "chromebook")[number % 3],
        ("Dell", "HP", "Lenovo ")[number % 3],
        "DC1" if number % 5 else "KH",
        "p-intune",
        str(1 + number % 4),
        f"20{19 + number % 5}-0{1 + number % 9}-{1 + number % 28:02d}",
        f"20{25 + number % 4}-0{1 + number % 9}-{1 + number % 28:02d}",
    ]


#: Row (0-based) -> column -> cell: an error of each kind the columns can hold.
DAMAGE: dict[int, dict[int, str]] = {
    3: {6: "3/5/2024"},  # ambiguous date
    17: {1: "Lapptop"},  # an enum with a suggestion
    250: {5: "1,024"},  # ambiguous number
    4_000: {0: "C0000009"},  # a key used twice
    9_999: {2: "Dell\x1b"},  # a control character
    12_345: {3: "DC9"},  # a dangling site
    15_000: {6: "2030-01-01"},  # warranty before purchase
    16_500: {0: ""},  # an empty key
    19_998: {5: "-1"},  # below the minimum
    19_999: {7: "45123"},  # an Excel serial date
}


def _write(folder: Path, code: str, rows: list[list[str]]) -> Path:
    folder.mkdir()
    (folder / "municipality.csv").write_text(f"code,name\n{code},Kommun {code}\n", "utf-8")
    (folder / "sites.csv").write_text("id,name,kind\nDC1,DC1,datacentre\nKH,KH,office\n", "utf-8")
    (folder / "platforms.csv").write_text("id,capability\np-intune,endpoint_management\n", "utf-8")
    with open(folder / "clients.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return folder


def _folders(root: Path) -> list[Path]:
    large = [_client(number) for number in range(ROWS)]
    for row, cells in DAMAGE.items():
        for column, cell in cells.items():
            large[row][column] = cell
    small = [_client(number) for number in range(300)]
    small[7][6] = "31.02.2020"  # no such day
    return [_write(root / "aa", "aa", small), _write(root / "bb", "bb", large)]


def _outcome(paths: list[Path]) -> dict[str, Any]:
    batch = validate_paths(paths, max_issues=100_000)
    return {
        "issues": [issue.model_dump() for issue in batch.report.issues],
        "dropped": dict(batch.report.dropped),
        "stats": batch.report.stats,
        "tables": {
            (municipality.code, kind): table
            for municipality in batch.municipalities
            for kind, table in municipality.tables.items()
        },
        "references": batch.references,
    }


def test_a_large_file_typed_with_others_as_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _folders(tmp_path)
    assert records_module.BATCHED_BELOW_ROWS > ROWS >= 1 << 14

    built_alone: list[str] = []
    alone = records_module.build_valid_table

    def spy(source: Any, *args: Any, **kwargs: Any) -> Any:
        built_alone.append(source.kind)
        return alone(source, *args, **kwargs)

    monkeypatch.setattr(validate, "build_valid_table", spy)
    together = _outcome(paths)
    assert built_alone == []  # the large client list was typed with the small one

    monkeypatch.setattr(validate, "BATCHED_BELOW_ROWS", 1 << 14)  # the old limit
    before = _outcome(paths)
    assert built_alone == ["client"]

    # Every damage found, at its place, exactly as alone.
    assert together["issues"] == before["issues"]
    codes = {(issue["file"].rsplit("/", 2)[-2], issue["code"]) for issue in together["issues"]}
    assert {
        ("bb", "ambiguous-date"),
        ("bb", "invalid-enum"),
        ("bb", "ambiguous-number"),
        ("bb", "duplicate-key"),
        ("bb", "control-character"),
        ("bb", "dangling-reference"),
        ("bb", "inconsistent-values"),
        ("bb", "missing-value"),
        ("bb", "out-of-range"),
        ("bb", "excel-serial-date"),
        ("aa", "invalid-date"),
    } <= codes
    assert together["dropped"] == before["dropped"]
    assert together["stats"] == before["stats"]
    assert list(together["tables"]) == list(before["tables"])
    for key, table in before["tables"].items():
        other = together["tables"][key]
        pd.testing.assert_frame_equal(other.frame, table.frame, check_exact=True)
        assert other.header_mapping == table.header_mapping
        assert other.municipality == table.municipality
    pd.testing.assert_frame_equal(together["references"], before["references"])
