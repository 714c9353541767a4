"""Checks across a row (duplicate keys, dates in order, limits, server placement,
the municipality's code) run once over all files of a kind; each file still gets its
own findings, at its own places, in the order it gets them alone.

The inputs are written by hand; the expected issues are read off them (row ``n`` of a
file is on line ``n + 1``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from inventory.issues import Issue, IssueCode
from inventory.validate import validate_paths

SERVERS = "id,hostname,kind,site,cluster,host,purchase_date,warranty_end\n"
CLIENTS = "id,kind,site,purchase_date,warranty_end\n"
SITES = "id,name,kind,power_capacity_kw,power_used_kw\n"
STORAGE = "id,kind,site,capacity_tb,used_tb\n"


def _folder(root: Path, name: str, files: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir()
    for file, text in files.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def _folders(root: Path) -> list[Path]:
    return [
        _folder(
            root,
            "aa",
            {
                "municipality.csv": "code,name\naa,Kommun A\n",
                "sites.csv": SITES + "DC1,A DC1,datacentre,10,8\n",
                # srv2: physical without a site; srv3: warranty before purchase
                "servers.csv": SERVERS
                + "srv1,A-SRV1,physical,DC1,,,2021-01-01,2026-01-01\n"
                + "srv2,A-SRV2,physical,,,,2021-01-01,2026-01-01\n"
                + "srv3,A-SRV3,virtual,,,srv1,2022-05-05,2020-01-01\n",
                "clients.csv": CLIENTS + "C1,laptop,DC1,2022-01-01,2026-01-01\n",
            },
        ),
        _folder(
            root,
            "bb",
            {
                "municipality.csv": "code,name\nbb,Kommun B\n",
                "sites.csv": SITES + "DC1,B DC1,datacentre,10,12\n",  # over capacity
                # srv1 twice (rows 1 and 3); srv2: virtual, neither cluster nor host
                "servers.csv": SERVERS
                + "srv1,B-SRV1,physical,DC1,,,2021-01-01,2026-01-01\n"
                + "srv2,B-SRV2,virtual,,,,2021-01-01,2026-01-01\n"
                + "srv1,B-SRV3,physical,DC1,,,2021-01-01,2026-01-01\n",
                # C2 twice; C1 is also a key of folder aa (another municipality: fine)
                "clients.csv": CLIENTS
                + "C1,laptop,DC1,2022-01-01,2026-01-01\n"
                + "C2,laptop,DC1,2022-01-01,2026-01-01\n"
                + "C2,laptop,DC1,2022-01-01,2026-01-01\n",
            },
        ),
        _folder(
            root,
            "cc",
            {
                "municipality.csv": "code,name\nCC Kommun,Kommun C\n",  # not a slug
                "sites.csv": SITES + "DC1,C DC1,datacentre,10,5\n",
                "storage.csv": STORAGE + "san1,san,DC1,10,11\n",  # used over capacity
                "servers.csv": SERVERS + "srv1,C-SRV1,physical,DC1,,,2021-01-01,2026-01-01\n",
                # the same ids as folder bb's, once each; C3 bought after its warranty
                "clients.csv": CLIENTS
                + "C1,laptop,DC1,2022-01-01,2026-01-01\n"
                + "C2,laptop,DC1,2022-01-01,2026-01-01\n"
                + "C3,laptop,DC1,2027-01-01,2026-01-01\n",
            },
        ),
    ]


def _found(issues: list[Issue]) -> list[tuple[str, str | None, str, int | None, str | None]]:
    return [
        (
            issue.code.value,
            issue.template,
            f"{Path(issue.file or '').parent.name}/{Path(issue.file or '').name}",
            issue.line,
            issue.column,
        )
        for issue in issues
        if issue.code
        in (
            IssueCode.DUPLICATE_KEY,
            IssueCode.INCONSISTENT_VALUES,
            IssueCode.MISSING_VALUE,
            IssueCode.INVALID_VALUE,
        )
    ]


def test_each_file_gets_its_own_row_findings_at_its_places(tmp_path: Path) -> None:
    paths = _folders(tmp_path)
    together = validate_paths(paths)

    # Read off the files above, folder by folder, file by file (kind order).
    assert _found(together.report.issues) == [
        # (in a file: keys, then limits, dates in order, placement; each in row order)
        (
            "inconsistent-values",
            "issue.inconsistent-values.before",
            "aa/servers.csv",
            4,
            "warranty_end",
        ),
        ("missing-value", "issue.missing-value.physical_without_site", "aa/servers.csv", 3, "kind"),
        (
            "inconsistent-values",
            "issue.inconsistent-values.at_most",
            "bb/sites.csv",
            2,
            "power_used_kw",
        ),
        ("duplicate-key", "issue.duplicate-key", "bb/servers.csv", 4, "id"),
        ("missing-value", "issue.missing-value.virtual_unplaced", "bb/servers.csv", 3, "kind"),
        ("duplicate-key", "issue.duplicate-key", "bb/clients.csv", 4, "id"),
        (
            "invalid-value",
            "issue.invalid-value.municipality_code",
            "cc/municipality.csv",
            2,
            "code",
        ),
        (
            "inconsistent-values",
            "issue.inconsistent-values.at_most",
            "cc/storage.csv",
            2,
            "used_tb",
        ),
        (
            "inconsistent-values",
            "issue.inconsistent-values.before",
            "cc/clients.csv",
            4,
            "warranty_end",
        ),
    ]
    duplicate = next(i for i in together.report.issues if i.code is IssueCode.DUPLICATE_KEY)
    assert duplicate.params["first_row"] == "1" and duplicate.params["row"] == "3"

    # Each folder alone: the same issues, in the same order, and the same tables.
    by_code = {batch.code: batch for batch in together.municipalities}
    for path in paths:
        alone = validate_paths([path])
        mine = [i for i in together.report.issues if Path(i.file or "").parent == path]
        assert [i.model_dump() for i in mine] == [i.model_dump() for i in alone.report.issues]
        [own] = alone.municipalities
        for kind, table in own.tables.items():
            pd.testing.assert_frame_equal(by_code[own.code].tables[kind].frame, table.frame)


def test_a_file_without_rows_last_of_its_kind(tmp_path: Path) -> None:
    """A header-only file after the others of its kind: a warning of its own, and the
    other files' findings as before."""
    paths = _folders(tmp_path)
    paths.append(
        _folder(
            tmp_path,
            "dd",
            {"municipality.csv": "code,name\ndd,Kommun D\n", "clients.csv": CLIENTS},
        )
    )
    together = validate_paths(paths)
    assert _found(together.report.issues) == _found(validate_paths(paths[:3]).report.issues)
    [header_only] = [i for i in together.report.issues if i.code is IssueCode.HEADER_ONLY]
    assert (Path(header_only.file or "").parent.name, header_only.line) == ("dd", 1)
    by_code = {batch.code: batch for batch in together.municipalities}
    assert len(by_code["dd"].tables["client"].frame) == 0
