"""``inventory templates DIR`` never overwrites: existing inventories stay byte-identical.

A record kind that already has a file in the folder, under any of its names and in any
table format (``servrar.csv``, ``servers.xlsx``), keeps it and gets no template beside it
(which would make two files of one kind); an existing README.md is kept; a link named
like a template is not followed. The command says which files it kept.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from typer.testing import CliRunner

from inventory.cli.app import app
from inventory.issues import IssueCode
from inventory.models.export import write_templates
from inventory.models.registry import RECORD_MODELS
from inventory.validate import validate_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def test_an_inventory_folder_stays_byte_identical(tmp_path: Path) -> None:
    folder = tmp_path / "gnosjo"
    shutil.copytree(SAMPLES / "gnosjo", folder)  # Swedish file names: servrar.csv ...
    before = _digests(folder)
    result = CliRunner().invoke(app, ["templates", str(folder)])
    assert result.exit_code == 0, result.output
    after = _digests(folder)
    assert {name: after[name] for name in before} == before
    assert sorted(set(after) - set(before)) == ["README.md"]  # only the missing guide
    assert "Kept 10 files" in result.output and "servrar.csv" in result.output
    again = CliRunner().invoke(app, ["templates", str(folder)])
    assert again.exit_code == 0 and "Nothing written" in again.output
    assert _digests(folder) == after


def test_only_missing_kinds_get_a_template(tmp_path: Path) -> None:
    folder = tmp_path / "gnosjo"
    folder.mkdir()
    shutil.copy(SAMPLES / "gnosjo" / "kommun.csv", folder / "kommun.csv")
    (folder / "servers.xlsx").write_bytes(b"not really a workbook")
    (folder / "README.md").write_text("# Our own notes\n", encoding="utf-8")
    before = _digests(folder)
    files = write_templates(folder)
    assert sorted(path.name for path in files.kept) == ["README.md", "kommun.csv", "servers.xlsx"]
    assert {path.name for path in files.written} == {
        f"{model.file_names[0]}.csv"
        for model in RECORD_MODELS
        if model.kind_name not in ("municipality", "server")
    }
    after = _digests(folder)
    assert {name: after[name] for name in before} == before
    # No kind has two files now: the folder reads without duplicate-file errors.
    (folder / "servers.xlsx").unlink()
    codes = {issue.code for issue in validate_paths([folder]).report.issues}
    assert IssueCode.DUPLICATE_FILE not in codes


def test_a_link_named_like_a_template_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    (folder / "README.md").symlink_to(outside)  # dangling: writing through it creates it
    files = write_templates(folder)
    assert [path.name for path in files.kept] == ["README.md"]
    assert not outside.exists()
    assert (folder / "README.md").is_symlink()


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "sites.csv"
    blocker.write_text("id,kind\nDC1,datacentre\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["templates", str(blocker)])
    assert result.exit_code == 1
    assert blocker.read_text(encoding="utf-8") == "id,kind\nDC1,datacentre\n"
