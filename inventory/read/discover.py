"""Find the inventory files: one folder per municipality, one file per record kind.

A path given by the user is either a municipality folder (it holds a municipality file
such as ``municipality.csv``, ``kommun.xlsx`` or ``kommune.csv``) or a parent folder whose
subfolders are municipality folders (such as ``samples/``).

Symbolic links are followed only within the folder given on the command line: a file or
folder link that resolves outside it is not followed (``link-outside-folder``, an error
naming the link, never its target's content), so that ``sites.csv -> /etc/passwd`` is
neither read nor quoted. A link to a missing file is an error too; a fifo, socket or
device named like an inventory file is skipped with a warning (reading one could block).
The check is made when the folder is listed; a link swapped between the check and the
read is outside what the tool guards against (whoever can do that can edit the files).
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
    """Entries named like tables: files, and links (not followed here) to anything."""
    return sorted(p for p in folder.iterdir()
                  if not _is_hidden(p) and (p.is_symlink() or not p.is_dir())
                  and p.suffix.lower() in TABLE_EXTENSIONS | OTHER_TABLE_EXTENSIONS)


def _holds_inventory_file(folder: Path) -> bool:
    return any(p.suffix.lower() in TABLE_EXTENSIONS and kind_for_file_stem(p.stem) is not None
               for p in _table_files(folder))


def _outside(path: Path, root: Path) -> bool:
    """True when ``path`` is a link that resolves outside ``root`` (a resolved folder)."""
    return path.is_symlink() and not path.resolve().is_relative_to(root)


def _link_outside_issue(path: Path, municipality: str | None) -> Issue:
    return Issue(code=IssueCode.LINK_OUTSIDE_FOLDER, file=str(path), municipality=municipality,
                 message=f"{path.name} is a symbolic link to a place outside the folder"
                         " given on the command line; it is not followed.",
                 hint="Copy what it links to into the inventory folder, or give that place"
                      " on the command line: links are followed only within the folder given.")


def _unreadable_entry_issue(path: Path, root: Path, municipality: str,
                            kind: str) -> Issue | None:
    """Why an inventory file will not be read: a link out of ``root``, a link to nothing,
    not a regular file. None for a file to read."""
    if _outside(path, root):
        return _link_outside_issue(path, municipality).model_copy(
            update={"record_kind": kind})
    if not path.exists():
        return Issue(code=IssueCode.PATH_NOT_FOUND, file=str(path), municipality=municipality,
                     record_kind=kind,
                     message=f"{path.name} is a symbolic link to a file that does not exist.",
                     hint="Replace the link by the file, or remove it.")
    if not path.is_file():
        return Issue(code=IssueCode.SKIPPED_PATH, severity=Severity.WARNING, file=str(path),
                     municipality=municipality, record_kind=kind,
                     message=f"{path.name} is not a regular file (a folder, fifo, socket or"
                             " device); it is skipped.",
                     hint="Put the inventory file itself in the folder.")
    return None


def _unknown_file_issue(path: Path) -> Issue:
    match = process.extractOne(path.stem.casefold(), _known_file_stems(), scorer=fuzz.WRatio,
                               score_cutoff=60)
    hint = "Rename it after its record kind (for example servers.csv or servrar.xlsx)."
    if match is not None:
        hint = f"Did you mean {match[0]}{path.suffix}? " + hint
    return Issue(code=IssueCode.UNKNOWN_FILE, severity=Severity.WARNING, file=str(path),
                 message=f"{path.name} is not an inventory file name; it is ignored.",
                 hint=hint)


def _read_folder(folder: Path, root: Path) -> tuple[InventoryFolder, list[Issue]]:
    found = InventoryFolder(path=folder, name=folder.name)
    issues: list[Issue] = []
    unreadable: set[str] = set()  # kinds whose file is reported as not read
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
        entry_issue = _unreadable_entry_issue(path, root, folder.name, kind)
        if entry_issue is not None:
            issues.append(entry_issue)
            unreadable.add(kind)
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
    if "municipality" not in found.files and "municipality" not in unreadable:
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
    target.yaml) are skipped silently. A folder given twice is read once. Links that
    leave the path given are not followed (see the module's docstring).

    Example::

        folders, issues = discover([Path("samples")])
        [f.name for f in folders]  # ['gislaved', 'gnosjo', 'hylte', 'vaggeryd', 'varnamo']
    """
    folders: list[InventoryFolder] = []
    issues: list[Issue] = []
    seen: set[Path] = set()

    def add(folder: Path, root: Path) -> None:
        resolved = folder.resolve()
        if resolved in seen:
            return
        seen.add(resolved)
        found, folder_issues = _read_folder(folder, root)
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
            add(path, path.resolve())
        else:
            root = path.resolve()  # the folder named by the user: its own link is followed
            candidates = sorted(p for p in path.iterdir() if p.is_dir() and not _is_hidden(p))
            links_out = [p for p in candidates if _outside(p, root)]
            issues.extend(_link_outside_issue(p, p.name) for p in links_out)
            subfolders = [p for p in candidates
                          if p not in links_out and _holds_inventory_file(p)]
            if not subfolders and not links_out:
                issues.append(Issue(
                    code=IssueCode.SKIPPED_PATH, severity=Severity.WARNING, file=str(path),
                    message=f"{path} holds no inventory files and no municipality folders;"
                            " skipped.",
                    hint="Give a folder with municipality.csv, servers.csv, ... or a folder"
                         " of such folders."))
            for subfolder in subfolders:
                add(subfolder, root)
    if paths and not folders:
        issues.append(Issue(
            code=IssueCode.NO_INVENTORY,
            message="None of the paths given holds an inventory.",
            hint="Give a folder with municipality.csv, servers.csv, ... or a folder of such"
                 " folders; `inventory templates DIR` writes empty ones."))
    return folders, issues
