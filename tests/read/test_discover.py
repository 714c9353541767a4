"""Finding municipality folders and their files."""

from __future__ import annotations

from pathlib import Path

from inventory.issues import IssueCode, Severity
from inventory.read import discover


def make(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("id\n")
    return folder


def test_parent_folder_of_municipalities(tmp_path: Path) -> None:
    make(tmp_path / "gnosjo", "kommun.csv", "Servrar.XLSX", "README.md", "~$servrar.xlsx")
    make(tmp_path / "gislaved", "municipality.csv", "sites.csv", "klienter.tsv", "system.txt")
    make(tmp_path / "docs", "notes.md")
    (tmp_path / "target.yaml").write_text("x: 1\n")

    folders, issues = discover([tmp_path])

    # In a municipality folder nothing is skipped silently (the lock file is no file of
    # the user's): a read-me is noted; outside one, README and target files are not read.
    assert [(i.code, i.severity, i.file) for i in issues] == [
        (IssueCode.SKIPPED_PATH, Severity.INFO, str(tmp_path / "gnosjo" / "README.md"))
    ]
    assert [f.name for f in folders] == ["gislaved", "gnosjo"]
    assert folders[0].files == {
        "municipality": tmp_path / "gislaved" / "municipality.csv",
        "site": tmp_path / "gislaved" / "sites.csv",
        "client": tmp_path / "gislaved" / "klienter.tsv",
        "application": tmp_path / "gislaved" / "system.txt",
    }
    assert folders[1].files["server"] == tmp_path / "gnosjo" / "Servrar.XLSX"
    assert folders[1].path == tmp_path / "gnosjo"


def test_municipality_folder_given_directly_and_twice(tmp_path: Path) -> None:
    folder = make(tmp_path / "skaun", "kommune.csv", "servere.csv")
    folders, issues = discover([folder, tmp_path])
    assert issues == [] and len(folders) == 1
    assert folders[0].files == {
        "municipality": folder / "kommune.csv",
        "server": folder / "servere.csv",
    }


def test_path_not_found(tmp_path: Path) -> None:
    folders, issues = discover([tmp_path / "nowhere"])
    assert folders == []
    assert [(i.code, i.file) for i in issues] == [
        (IssueCode.PATH_NOT_FOUND, str(tmp_path / "nowhere")),
        (IssueCode.NO_INVENTORY, None),
    ]


def test_unknown_file_suggests_the_nearest_name(tmp_path: Path) -> None:
    folder = make(tmp_path / "hylte", "kommun.csv", "servres.csv")
    folders, issues = discover([folder])
    assert folders[0].files == {"municipality": folder / "kommun.csv"}
    assert [(i.code, i.severity, i.file) for i in issues] == [
        (IssueCode.UNKNOWN_FILE, Severity.ERROR, str(folder / "servres.csv"))
    ]
    assert "nearest to 'servers'" in issues[0].message
    assert issues[0].hint is not None and "--ignore-unknown" in issues[0].hint


def test_duplicate_file_names_both(tmp_path: Path) -> None:
    folder = make(tmp_path / "varnamo", "kommun.csv", "servers.csv", "servrar.xlsx")
    _, issues = discover([folder])
    assert [i.code for i in issues] == [IssueCode.DUPLICATE_FILE]
    assert issues[0].severity is Severity.ERROR
    assert "servers.csv" in issues[0].message and "servrar.xlsx" in issues[0].message


def test_missing_municipality(tmp_path: Path) -> None:
    folder = make(tmp_path / "vaggeryd", "servers.csv")
    folders, issues = discover([tmp_path])
    assert [f.name for f in folders] == ["vaggeryd"]
    assert [(i.code, i.severity, i.file) for i in issues] == [
        (IssueCode.MISSING_MUNICIPALITY, Severity.ERROR, str(folder))
    ]


def test_folder_without_inventories(tmp_path: Path) -> None:
    make(tmp_path / "empty")
    folders, issues = discover([tmp_path])
    assert folders == []
    assert [(i.code, i.severity) for i in issues] == [
        (IssueCode.SKIPPED_PATH, Severity.WARNING),
        (IssueCode.NO_INVENTORY, Severity.ERROR),
    ]


def test_a_shell_glob_skips_files_and_other_folders(tmp_path: Path) -> None:
    folder = make(tmp_path / "gnosjo", "kommun.csv")
    readme = tmp_path / "README.md"
    readme.write_text("# samples\n", encoding="utf-8")
    other = make(tmp_path / "study", "potential.csv")
    folders, issues = discover([folder, readme, other])
    assert [f.name for f in folders] == ["gnosjo"]
    assert [(i.code, i.severity, i.file) for i in issues] == [
        (IssueCode.SKIPPED_PATH, Severity.INFO, str(readme)),
        (IssueCode.SKIPPED_PATH, Severity.WARNING, str(other)),
    ]


def test_bundled_samples_when_present(samples_dir: Path) -> None:
    if not any(samples_dir.glob("*/*.*")):
        return  # the samples are written by another part of the project
    folders, issues = discover([samples_dir])
    assert folders and all("municipality" in f.files for f in folders)
    assert [i for i in issues if i.severity is Severity.ERROR] == []
