"""Symbolic links and special files in an inventory folder (issue 11).

A link that resolves outside the folder given on the command line is not followed: an
error naming the link, and nothing of what it points to is read or quoted. Links within
the folder are followed. A link to nothing is an error, a fifo is skipped with a warning.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from inventory.issues import IssueCode, Severity
from inventory.read import discover
from inventory.validate import validate_paths
from tests.helpers import SAMPLES, Cli

SECRET = "root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside every inventory folder, with a first line that must never be quoted."""
    path = tmp_path / "elsewhere" / "passwd"
    path.parent.mkdir()
    path.write_text(f"{SECRET}\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
    return path


def test_a_file_linked_out_of_the_folder_is_not_followed(gnosjo: Path, outside: Path) -> None:
    sites = gnosjo / "platser.csv"
    sites.unlink()
    sites.symlink_to(outside)

    folders, issues = discover([gnosjo])

    assert "site" not in folders[0].files
    assert [(i.code, i.severity, i.file, i.record_kind) for i in issues] == [
        (IssueCode.LINK_OUTSIDE_FOLDER, Severity.ERROR, str(sites), "site")
    ]
    assert "platser.csv" in issues[0].message
    assert SECRET not in str(issues[0]) and str(outside) not in str(issues[0])


def test_a_linked_municipality_file_is_not_also_reported_missing(
    gnosjo: Path, outside: Path
) -> None:
    municipality = gnosjo / "kommun.csv"
    municipality.unlink()
    municipality.symlink_to(outside)

    _, issues = discover([gnosjo])

    assert [(i.code, i.file) for i in issues] == [
        (IssueCode.LINK_OUTSIDE_FOLDER, str(municipality))
    ]


def test_a_relative_link_to_a_sibling_folder_leaves_the_folder_given(gnosjo: Path) -> None:
    sibling = gnosjo.parent / "gislaved"
    shutil.copytree(SAMPLES / "gislaved", sibling)
    (gnosjo / "platser.csv").unlink()
    (gnosjo / "platser.csv").symlink_to(Path("..") / "gislaved" / "sites.csv")

    _, given_alone = discover([gnosjo])
    _, given_with_parent = discover([gnosjo.parent])

    assert [i.code for i in given_alone] == [IssueCode.LINK_OUTSIDE_FOLDER]
    assert given_with_parent == []  # within the folder given: followed


def test_links_within_the_folder_are_followed(gnosjo: Path) -> None:
    exports = gnosjo / "exporter"
    exports.mkdir()
    (gnosjo / "platser.csv").rename(exports / "platser-2024.csv")
    (gnosjo / "platser.csv").symlink_to(Path("exporter") / "platser-2024.csv")

    folders, issues = discover([gnosjo])

    # The subfolder itself is not read, and says so.
    assert [(i.code, i.severity, i.file) for i in issues] == [
        (IssueCode.SKIPPED_PATH, Severity.INFO, str(exports))
    ]
    assert folders[0].files["site"] == gnosjo / "platser.csv"


def test_a_folder_linked_out_of_the_parent_is_not_followed(tmp_path: Path, gnosjo: Path) -> None:
    parent = tmp_path / "kommuner"
    parent.mkdir()
    shutil.copytree(SAMPLES / "hylte", parent / "hylte")
    (parent / "gnosjo").symlink_to(gnosjo, target_is_directory=True)
    (parent / "hylte-igen").symlink_to(parent / "hylte", target_is_directory=True)

    folders, issues = discover([parent])

    assert [f.name for f in folders] == ["hylte"]  # its link inside the parent: read once
    assert [(i.code, i.file) for i in issues] == [
        (IssueCode.LINK_OUTSIDE_FOLDER, str(parent / "gnosjo"))
    ]


def test_a_link_to_nothing_is_an_error(gnosjo: Path) -> None:
    zones = gnosjo / "zoner.csv"
    zones.unlink()
    zones.symlink_to(gnosjo / "zoner-gone.csv")

    _, issues = discover([gnosjo])

    assert [(i.code, i.severity, i.file) for i in issues] == [
        (IssueCode.PATH_NOT_FOUND, Severity.ERROR, str(zones))
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_named_like_an_inventory_file_is_skipped_not_read(gnosjo: Path) -> None:
    zones = gnosjo / "zoner.csv"
    zones.unlink()
    os.mkfifo(zones)  # opening it to read would wait for a writer forever

    batch = validate_paths([gnosjo])

    skipped = [i for i in batch.report.issues if i.code is IssueCode.SKIPPED_PATH]
    assert [(i.severity, i.file) for i in skipped] == [(Severity.WARNING, str(zones))]


def test_a_file_that_is_not_its_kind_is_quoted_by_a_short_prefix_only(gnosjo: Path) -> None:
    sites = gnosjo / "platser.csv"
    sites.write_text(f"{SECRET}\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n")

    batch = validate_paths([gnosjo])

    issues = [i for i in batch.report.issues if i.file == str(sites)]
    # The file is rejected: references into it are counted once, not one by one.
    assert [i.code for i in issues] == [IssueCode.SINGLE_COLUMN, IssueCode.REFERENCES_NOT_CHECKED]
    assert issues[0].column == SECRET[:20] + "…"
    assert all("SECRET-FIRST-LINE" not in str(issue) for issue in issues)


def test_validate_and_import_refuse_a_link_out_and_store_nothing(
    gnosjo: Path, outside: Path, cli: Cli
) -> None:
    before = cli.dump()
    sites = gnosjo / "platser.csv"
    sites.unlink()
    sites.symlink_to(outside)

    for command in ("validate", "import"):
        result, issues = cli.json(command, str(gnosjo))
        assert result.exit_code == 1
        assert [(i["code"], i["file"]) for i in issues if i["file"] == str(sites)] == [
            ("link-outside-folder", str(sites)),
            ("references-not-checked", str(sites)),
        ]
        text = cli(command, str(gnosjo))
        assert text.exit_code == 1 and "link-outside-folder" in text.output
        assert "SECRET" not in text.output and "Traceback" not in text.output
    assert cli.dump() == before
