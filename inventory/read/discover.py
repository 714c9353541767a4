"""Find the inventory files: one folder per municipality, one file per record kind.

A path given by the user is either a municipality folder (it holds a municipality file
such as ``municipality.csv``, ``kommun.xlsx`` or ``kommune.csv``) or a parent folder whose
subfolders are municipality folders (such as ``samples/``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from inventory.issues import Issue, IssueCode, Severity
from inventory.models.registry import RECORD_MODELS, kind_for_file_stem

#: File extensions read as inventory tables (lower case, with the dot).
TABLE_EXTENSIONS: frozenset[str] = frozenset({".csv", ".txt", ".tsv", ".xlsx"})
#: Spreadsheet formats users may save by mistake: reported, never read.
OTHER_TABLE_EXTENSIONS: frozenset[str] = frozenset({".xls", ".xlsm", ".ods", ".numbers"})


@dataclass
class InventoryFolder:
    """One municipality's folder and its inventory file per record kind.

    ``files`` may lack ``"municipality"`` only when ``discover`` reported a
    ``missing-municipality`` error for the folder (so that the other files can still be
    checked in the same run).
    """

    path: Path
    name: str
    files: dict[str, Path] = field(default_factory=dict)


def _known_file_stems() -> list[str]:
    return [name for model in RECORD_MODELS for name in model.file_names]


def _is_hidden(path: Path) -> bool:
    # Excel lock files (~$servers.xlsx), editor backups and dot files are never inventories.
    return path.name.startswith((".", "~")) or path.name.endswith("~")


def _table_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not _is_hidden(p)
                  and p.suffix.lower() in TABLE_EXTENSIONS | OTHER_TABLE_EXTENSIONS)


def _holds_inventory_file(folder: Path) -> bool:
    return any(p.suffix.lower() in TABLE_EXTENSIONS and kind_for_file_stem(p.stem) is not None
               for p in _table_files(folder))


def _unknown_file_issue(path: Path) -> Issue:
    match = process.extractOne(path.stem.casefold(), _known_file_stems(), scorer=fuzz.WRatio,
                               score_cutoff=60)
    hint = "Rename it after its record kind (for example servers.csv or servrar.xlsx)."
    if match is not None:
        hint = f"Did you mean {match[0]}{path.suffix}? " + hint
    return Issue(code=IssueCode.UNKNOWN_FILE, severity=Severity.WARNING, file=str(path),
                 message=f"{path.name} is not an inventory file name; it is ignored.",
                 hint=hint)


def _read_folder(folder: Path) -> tuple[InventoryFolder, list[Issue]]:
    found = InventoryFolder(path=folder, name=folder.name)
    issues: list[Issue] = []
    for path in _table_files(folder):
        kind = kind_for_file_stem(path.stem)
        if kind is not None and path.suffix.lower() in OTHER_TABLE_EXTENSIONS:
            issues.append(Issue(
                code=IssueCode.UNKNOWN_FILE, severity=Severity.WARNING, file=str(path),
                municipality=folder.name, record_kind=kind,
                message=f"{path.name}: {path.suffix} files are not read; it is ignored.",
                hint=f"Save it as {path.stem}.xlsx or {path.stem}.csv (UTF-8)."))
            continue
        if kind is None:
            issues.append(_unknown_file_issue(path).model_copy(
                update={"municipality": folder.name}))
            continue
        if kind in found.files:
            first = found.files[kind]
            issues.append(Issue(
                code=IssueCode.DUPLICATE_FILE, file=str(path), municipality=folder.name,
                record_kind=kind,
                message=f"Two files hold {kind} records: {first.name} and {path.name}.",
                hint=f"Keep one file per record kind: merge {path.name} into {first.name} or"
                     " remove one."))
            continue
        found.files[kind] = path
    if "municipality" not in found.files:
        issues.append(Issue(
            code=IssueCode.MISSING_MUNICIPALITY, file=str(folder), municipality=folder.name,
            record_kind="municipality",
            message=f"{folder} has no municipality file.",
            hint="Add municipality.csv (or kommun.csv / kommune.csv) with the municipality's"
                 " code, name and country; `inventory templates DIR` writes one."))
    return found, issues


def discover(paths: Sequence[Path]) -> tuple[list[InventoryFolder], list[Issue]]:
    """The municipality folders under ``paths``, with the issues found on the way.

    Each path is a municipality folder or a parent of municipality folders; subfolders
    without inventory files and files that are no inventory tables (README.md,
    target.yaml) are skipped silently. A folder given twice is read once.

    Example::

        folders, issues = discover([Path("samples")])
        [f.name for f in folders]  # ['gislaved', 'gnosjo', 'hylte', 'vaggeryd', 'varnamo']
    """
    folders: list[InventoryFolder] = []
    issues: list[Issue] = []
    seen: set[Path] = set()

    def add(folder: Path) -> None:
        resolved = folder.resolve()
        if resolved in seen:
            return
        seen.add(resolved)
        found, folder_issues = _read_folder(folder)
        folders.append(found)
        issues.extend(folder_issues)

    for path in paths:
        path = Path(path)
        if not path.exists():
            issues.append(Issue(code=IssueCode.PATH_NOT_FOUND, file=str(path),
                                message=f"{path} does not exist.",
                                hint="Give a municipality folder or a folder of them."))
        elif not path.is_dir():
            # A shell glob such as `samples/*` also names README.md or target.yaml.
            issues.append(Issue(code=IssueCode.SKIPPED_PATH, severity=Severity.INFO,
                                file=str(path),
                                message=f"{path} is a file, not an inventory folder; skipped.",
                                hint=f"Give the municipality folder: {path.parent}"))
        elif _holds_inventory_file(path):
            add(path)
        else:
            subfolders = sorted(p for p in path.iterdir()
                                if p.is_dir() and not _is_hidden(p) and _holds_inventory_file(p))
            if not subfolders:
                issues.append(Issue(
                    code=IssueCode.SKIPPED_PATH, severity=Severity.WARNING, file=str(path),
                    message=f"{path} holds no inventory files and no municipality folders;"
                            " skipped.",
                    hint="Give a folder with municipality.csv, servers.csv, ... or a folder"
                         " of such folders."))
            for subfolder in subfolders:
                add(subfolder)
    if paths and not folders:
        issues.append(Issue(
            code=IssueCode.NO_INVENTORY,
            message="None of the paths given holds an inventory.",
            hint="Give a folder with municipality.csv, servers.csv, ... or a folder of such"
                 " folders; `inventory templates DIR` writes empty ones."))
    return folders, issues
