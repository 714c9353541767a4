"""Property test: folders validated together give exactly what each gives alone.

``validate_paths`` types the files of one record kind of all folders together (each
column once per kind, ``build_valid_tables``). Whatever the errors and wherever they
are (several files of the same kind, different rows and columns, absent columns, a file
without its key column, files small alone but large together), every folder must get
the same issues (code, place, order, text) and the same typed tables as when it is
validated alone.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inventory.validate import validate_paths

HEADERS = {
    "municipality.csv": ["code", "name", "country", "population"],
    "sites.csv": ["id", "name", "kind", "racks_total", "power_capacity_kw", "power_used_kw", "ups"],
    "servers.csv": [
        "id",
        "hostname",
        "kind",
        "site",
        "host",
        "cpu_cores",
        "ram_gb",
        "ip_address",
        "status",
        "purchase_date",
        "warranty_end",
    ],
    "clients.csv": ["id", "kind", "vendor", "site", "quantity", "purchase_date", "warranty_end"],
}

#: Cells that are wrong somewhere (or right, in another spelling), put anywhere.
BAD_CELLS = [
    "",
    "3/5/2024",
    "45123",
    "bogus",
    "1,024",
    "-5",
    "2.5",
    "a\x1bb",
    "999.1.1.1",
    "NA",
    " padded ",
    "ja",
    "aktiv",
    "nosuch",
    "DC1",
    "srv0",
    "1 024,5",
    "2030-01-01",
    "31.12.2019",
    "Lapptop",
]


def _rows(file: str, code: str, count: int) -> list[list[str]]:
    if file == "municipality.csv":
        return [[code, f"Kommun {code}", "SE", "4100"]]
    if file == "sites.csv":
        return [
            [f"DC{i}", f"{code} DC{i}", "datacentre", "2", "10.0", "8.6", "yes"]
            for i in range(1, count + 1)
        ]
    if file == "servers.csv":
        return [
            [
                f"srv{i}",
                f"{code.upper()}-SRV{i}",
                "virtual" if i % 3 else "physical",
                "DC1",
                "" if i % 3 == 0 else "srv0",
                "8",
                "64",
                f"10.0.{i % 250}.{i % 200 + 1}",
                "active",
                "2021-10-10",
                "2026-10-09",
            ]
            for i in range(count)
        ]
    return [
        [f"C{i:06d}", "laptop", "Dell", "DC1", "1", f"2022-03-{i % 28 + 1:02d}", "2026-03-09"]
        for i in range(count)
    ]


@st.composite
def folders(draw: st.DrawFn) -> list[dict[str, Any]]:
    """2-4 municipality folders, each with its files, errors put in at drawn cells."""
    made = []
    for number in range(draw(st.integers(2, 4))):
        code = f"k{number}"
        files: dict[str, tuple[list[str], list[list[str]]]] = {}
        for file, header in HEADERS.items():
            if file != "municipality.csv" and not draw(st.booleans()) and number:
                continue  # a folder without this file
            count = draw(st.integers(1, 900 if file == "clients.csv" else 12))
            rows = _rows(file, code, count)
            header = list(header)
            for _ in range(draw(st.integers(0, 5))):  # errors at drawn cells
                row = draw(st.integers(0, len(rows) - 1))
                # (not a municipality's code: two folders of one code are one error more)
                column = draw(st.integers(file == "municipality.csv", len(header) - 1))
                rows[row][column] = draw(st.sampled_from(BAD_CELLS))
            if len(rows) > 2 and draw(st.booleans()):
                rows[-1][0] = rows[0][0]  # a key used twice
            if file != "municipality.csv" and draw(st.integers(0, 4)) == 0:
                drop = draw(st.integers(1, len(header) - 1))  # a column absent
                header.pop(drop)
                rows = [row[:drop] + row[drop + 1 :] for row in rows]
            if file != "municipality.csv" and draw(st.integers(0, 9)) == 0:
                header[0] = "unknown_key"  # the key column missing: the file is rejected
            files[file] = (header, rows)
        made.append({"name": code, "files": files})
    return made


def _write(root: Path, made: list[dict[str, Any]]) -> list[Path]:
    paths = []
    for folder in made:
        path = root / folder["name"]
        path.mkdir()
        for file, (header, rows) in folder["files"].items():
            with open(path / file, "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(rows)
        paths.append(path)
    return paths


def _issues_by_folder(issues: list[Any], paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {str(path): [] for path in paths}
    for issue in issues:
        assert issue.file is not None, issue
        found[str(Path(issue.file).parent)].append(issue.model_dump())
    return found


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(made=folders(), cap=st.sampled_from([1000, 30]))
def test_folders_together_give_what_each_gives_alone(made: list[dict[str, Any]], cap: int) -> None:
    with tempfile.TemporaryDirectory(prefix="batched-") as directory:
        paths = _write(Path(directory), made)
        together = validate_paths(paths, max_issues=max(cap, 100_000))
        alone = [validate_paths([path], max_issues=max(cap, 100_000)) for path in paths]

        # Every issue at its place, in the order validating the folder alone gives.
        expected = {
            str(path): [issue.model_dump() for issue in batch.report.issues]
            for path, batch in zip(paths, alone, strict=True)
        }
        assert _issues_by_folder(together.report.issues, paths) == expected
        assert not together.report.dropped

        # The same typed tables (values, dtypes, lines), the same rejected files.
        by_code = {batch.code: batch for batch in together.municipalities}
        for batch in alone:
            [own] = batch.municipalities
            other = by_code[own.code]
            assert other.rejected == own.rejected
            assert list(other.tables) == list(own.tables)
            for kind, table in own.tables.items():
                pd.testing.assert_frame_equal(other.tables[kind].frame, table.frame)
                assert other.tables[kind].header_mapping == table.header_mapping

        # A cap on the issues keeps the first ones of the same list.
        capped = validate_paths(paths, max_issues=cap)
        assert [issue.model_dump() for issue in capped.report.issues] == [
            issue.model_dump() for issue in together.report.issues[:cap]
        ]
        assert sum(capped.report.dropped.values()) == len(together.report.issues) - len(
            capped.report.issues
        )
