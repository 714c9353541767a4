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

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inventory.issues import Issue, IssueCode, IssueParam, Severity, template_key
from inventory.messages import Code, Message, MessageList
from inventory.models.registry import RECORD_KINDS, RECORD_MODELS
from inventory.output_files import os_reason
from inventory.read.delimited import head_rows
from inventory.read.kinds import (
    RECOGNISERS,
    HeaderScore,
    KindName,
    Probe,
    Recogniser,
    candidate_kinds,
    fold_name,
    kind_for_name,
    kind_names,
    kinds_by_header,
    known_not_read,
    recognise,
    recognised_kinds,
)
from inventory.read.workbook import SheetHead, sheet_heads

#: File extensions read as inventory tables (lower case, with the dot).
TABLE_EXTENSIONS: frozenset[str] = frozenset({".csv", ".txt", ".tsv", ".xlsx"})
#: Spreadsheet formats users may save by mistake: reported, never read.
OTHER_TABLE_EXTENSIONS: frozenset[str] = frozenset({".xls", ".xlsm", ".ods", ".numbers"})
#: A sheet whose name starts with this is a note sheet (as ``#`` marks a note column).
NOTE_SHEET_PREFIX = "#"
#: Read-me files (``inventory templates`` writes README.md beside the templates): notes
#: for people, skipped with an info note (folded names, any extension).
README_NAMES = frozenset({"readme", "lasmig", "lesmeg", "lesmig"})


@dataclass
class InventoryFolder:
    """One municipality's folder and its inventory file per record kind.

    ``files`` may lack ``"municipality"`` only when ``discover`` reported a
    ``missing-municipality`` error for the folder (so that the other files can still be
    checked in the same run). ``sheets`` names the sheet of a kind read from a workbook
    (a kind missing there is read from its workbook's sheet named after it, or its
    first); ``adapters`` names the adapter (``inventory.read.kinds.RECOGNISERS``) that
    reads a kind's file; ``not_read`` holds, per kind, the path of a file found for it
    that is rejected before reading (a link leaving the folder, a format not read).
    """

    path: Path
    name: str
    files: dict[str, Path] = field(default_factory=dict)
    sheets: dict[str, str] = field(default_factory=dict)
    adapters: dict[str, str] = field(default_factory=dict)
    not_read: dict[str, str] = field(default_factory=dict)
    #: Further files and sheets of the same adapter's export holding a kind (RVTools'
    #: vHost beside vInfo): read together with ``files[kind]`` as one table.
    more_sources: dict[str, list[tuple[Path, str | None]]] = field(default_factory=dict)
    #: Exports of other tools holding a kind an adapter reads too (Intune and ConfigMgr
    #: clients): file, sheet and adapter, read and joined to ``files[kind]``'s records.
    other_tools: dict[str, list[tuple[Path, str | None, str]]] = field(default_factory=dict)


def _is_hidden(path: Path) -> bool:
    # Excel lock files (~$servers.xlsx), editor backups and dot files are never inventories.
    return _is_hidden_name(path.name)


def _entries(folder: Path) -> list[Path]:
    """Every entry of a folder but hidden ones, sorted: files, links, subfolders."""
    return [path for path, _regular in _typed_entries(folder)]


def _typed_entries(folder: Path) -> list[tuple[Path, bool]]:
    """``_entries``, each with whether it is a regular file (no link: what the directory
    listing says, or one ``lstat``). Such a file is a file entry, inside any root, exists
    and is a file: none of those asks the file system again."""
    with os.scandir(folder) as listing:
        found = [
            (folder / entry.name, entry.is_file(follow_symlinks=False))
            for entry in listing
            if not _is_hidden_name(entry.name)
        ]
    # (the entries of one folder sort as their names: what sorting their paths gives)
    return sorted(found, key=lambda item: item[0].name)


def _is_hidden_name(name: str) -> bool:
    return name.startswith((".", "~")) or name.endswith("~")


def _is_file_entry(path: Path) -> bool:
    """A file, or a link (not followed here) to anything."""
    return path.is_symlink() or not path.is_dir()


def _outside(path: Path, root: Path) -> bool:
    """True when ``path`` is a link that resolves outside ``root`` (a resolved folder)."""
    return path.is_symlink() and not path.resolve().is_relative_to(root)


def _link_outside_issue(path: Path, municipality: str | None) -> Issue:
    return Issue(
        code=IssueCode.LINK_OUTSIDE_FOLDER,
        file=str(path),
        municipality=municipality,
        params={"name": path.name},
    )


def _unreadable_entry_issue(
    path: Path, root: Path, municipality: str, kind: str | None
) -> Issue | None:
    """Why a file will not be read: a link out of ``root``, a link to nothing, a link
    that cannot be followed (a loop), not a regular file. None for a file to read."""
    try:
        path.stat()
    except OSError as error:
        if not isinstance(error, FileNotFoundError):  # a loop, no permission on the way
            return Issue(
                code=IssueCode.PATH_NOT_FOUND,
                file=str(path),
                municipality=municipality,
                record_kind=kind,
                params={"error": os_reason(error)},
                template=template_key(IssueCode.PATH_NOT_FOUND, "unreadable"),
            )
    if _outside(path, root):
        return _link_outside_issue(path, municipality).model_copy(update={"record_kind": kind})
    if not path.exists():
        return Issue(
            code=IssueCode.PATH_NOT_FOUND,
            file=str(path),
            municipality=municipality,
            record_kind=kind,
            params={"name": path.name},
            template=template_key(IssueCode.PATH_NOT_FOUND, "dangling_link"),
        )
    if not path.is_file():
        return Issue(
            code=IssueCode.SKIPPED_PATH,
            severity=Severity.WARNING,
            file=str(path),
            municipality=municipality,
            record_kind=kind,
            params={"name": path.name},
            template=template_key(IssueCode.SKIPPED_PATH, "not_regular"),
        )
    return None


def _nearest_kind_name(name: str) -> str | None:
    from rapidfuzz import fuzz, process  # (only for a file not named after a kind)

    names = {fold_name(n): n for model in RECORD_MODELS for n in model.file_names}
    match = process.extractOne(fold_name(name), list(names), scorer=fuzz.WRatio, score_cutoff=75)
    return None if match is None else names[match[0]]


def _header_candidates(rows: Sequence[Sequence[str]]) -> list[HeaderScore]:
    # One known cell (an ``id`` or ``name`` column) says nothing of the kind.
    return [score for score in candidate_kinds(rows) if score.known >= 2]


def _could_be(rows: Sequence[Sequence[str]], name: str) -> MessageList:
    """The kinds (and adapters) a file or sheet not understood could have been: at least
    one sentence."""
    parts: list[Message] = []
    nearest = _nearest_kind_name(name)
    if nearest is not None:
        parts.append(Message("issue.part.nearest_name", {"name": repr(nearest)}))
    scores = _header_candidates(rows)
    if scores:
        parts.append(
            Message(
                "issue.part.nearest_rows",
                {
                    "kinds": MessageList(
                        tuple(
                            Message(
                                "issue.part.kind_score",
                                {
                                    "kind": _kind_word(score.kind),
                                    "known": score.known,
                                    "filled": score.filled,
                                },
                            )
                            for score in scores
                        )
                    )
                },
            )
        )
    if nearest is None and not scores:
        parts.append(
            Message(
                "issue.part.record_kinds",
                {"kinds": ", ".join(f"{kind} ({kind_names(kind)[0]})" for kind in RECORD_KINDS)},
            )
        )
    if RECOGNISERS:
        parts.append(
            Message(
                "issue.part.exports",
                {"exports": ", ".join(f"{r.name} ({r.description})" for r in RECOGNISERS)},
            )
        )
    return MessageList(tuple(parts), " ")


def _outcome(severity: Severity) -> Code:
    return Code("issue_outcome", "not_read" if severity is Severity.ERROR else "ignored")


def _not_understood(
    path: Path,
    sheet: str | None,
    rows: Sequence[Sequence[str]],
    municipality: str,
    severity: Severity,
    reason: Message,
) -> Issue:
    """``unknown-file`` / ``unknown-sheet``: an error, or a warning with --ignore-unknown."""
    best = _header_candidates(rows)
    nearest = (
        kind_names(best[0].kind)[0]
        if best
        else (_nearest_kind_name(sheet or path.stem) or "servers")
    )
    params: dict[str, IssueParam] = {
        "name": path.name,
        "reason": reason,
        "outcome": _outcome(severity),
        "could_be": _could_be(rows, sheet or path.stem),
    }
    if sheet is None:
        suffix = path.suffix if path.suffix.lower() in TABLE_EXTENSIONS else ".csv"
        params["rename"] = f"{nearest}{suffix}"
    else:
        params.update(sheet=repr(sheet), rename=repr(nearest))
    return Issue(
        code=IssueCode.UNKNOWN_FILE if sheet is None else IssueCode.UNKNOWN_SHEET,
        severity=severity,
        file=str(path),
        sheet=sheet,
        municipality=municipality,
        params=params,
    )


def _what(path: Path, sheet: str | None) -> Message:
    """A file (its name) or a sheet of a workbook, as a sentence names it."""
    if sheet is None:
        return Message("issue.part.file", {"file": path.name})
    return Message("issue.part.sheet", {"sheet": repr(sheet), "file": path.name})


def _kind_word(kind: str) -> Code:
    """A record kind inside a sentence: the code in English, the word in sv/no."""
    return Code("record_kind", kind, code_in_english=True)


def _recognised_note(
    path: Path, sheet: str | None, kind: str, how: Message, municipality: str
) -> Issue:
    return Issue(
        code=IssueCode.KIND_RECOGNISED,
        severity=Severity.INFO,
        file=str(path),
        sheet=sheet,
        municipality=municipality,
        record_kind=kind,
        params={
            "what": _what(path, sheet),
            "kind": _kind_word(kind),
            "how": how,
            "names": ", ".join(kind_names(kind)[:4]),
        },
    )


def _known_part_note(
    path: Path, sheet: str | None, recogniser: Recogniser, why: Message | str, municipality: str
) -> Issue:
    return Issue(
        code=IssueCode.SKIPPED_PATH,
        severity=Severity.INFO,
        file=str(path),
        sheet=sheet,
        municipality=municipality,
        template=template_key(IssueCode.SKIPPED_PATH, "export_part"),
        params={"what": _what(path, sheet), "tool": recogniser.name, "why": why},
    )


_Add = Callable[[str, Path, "str | None", "str | None"], None]


class _FolderReader:
    """What one ``discover`` run has seen: the workbooks' sheet heads (read once)."""

    def __init__(self, ignore_unknown: bool) -> None:
        self.unknown_severity = Severity.WARNING if ignore_unknown else Severity.ERROR
        self._heads: dict[Path, list[SheetHead] | Issue] = {}

    def heads(self, path: Path) -> list[SheetHead] | Issue:
        key = path.resolve()
        if key not in self._heads:
            self._heads[key] = sheet_heads(path)
        return self._heads[key]

    def sheet_kind(self, head: SheetHead) -> tuple[str, Message | None] | None:
        """The kind of a sheet by its name or its header row, and how it was found (None:
        its name is the kind's own)."""
        by_name = kind_for_name(head.title)
        if by_name is not None:
            return by_name.kind, None if by_name.exact else Message(
                "issue.part.by_name", {"name": repr(head.title)}
            )
        found = kinds_by_header(head.rows)
        if len(found) == 1:
            _, score = found[0]
            return score.kind, Message(
                "issue.part.by_header",
                {"known": score.known, "filled": score.filled, "kind": _kind_word(score.kind)},
            )
        return None

    def holds_inventory(self, folder: Path, root: Path) -> bool:
        """True when a file of ``folder`` is an inventory table: named after a kind, a
        workbook with a sheet of a kind, or an export an adapter recognises."""
        for path, regular in _typed_entries(folder):
            if not regular and (
                not _is_file_entry(path) or _outside(path, root) or not path.is_file()
            ):
                continue
            suffix = path.suffix.lower()
            if suffix in TABLE_EXTENSIONS and kind_for_name(path.stem) is not None:
                return True
            if suffix == ".xlsx":
                heads = self.heads(path)
                if not isinstance(heads, Issue) and any(
                    self.sheet_kind(head) is not None for head in heads if head.rows
                ):
                    return True
            if RECOGNISERS and recognise(self.probe(path, None)) is not None:
                return True
        return False

    def probe(self, path: Path, head: SheetHead | None) -> Probe:
        if head is not None:
            return Probe(path, head.title, head.rows)
        rows = head_rows(path) if path.suffix.lower() in TABLE_EXTENSIONS - {".xlsx"} else ()
        return Probe(path, None, rows)

    def read_folder(self, folder: Path, root: Path) -> tuple[InventoryFolder, list[Issue]]:
        found = InventoryFolder(path=folder, name=folder.name)
        issues: list[Issue] = []
        places: dict[str, str] = {}  # kind -> where its records come from (for duplicates)

        def add(kind: str, path: Path, sheet: str | None, adapter: str | None) -> None:
            place = str(path) if sheet is None else f"{path}[{sheet}]"
            if kind in places and adapter is not None and found.adapters.get(kind) == adapter:
                # One export, several files or sheets of a kind: read as one table.
                found.more_sources.setdefault(kind, []).append((path, sheet))
                return
            if kind in places and adapter is not None and kind in found.adapters:
                # Another tool's export of the kind: its rows joined to the first's, each
                # keeping its tool (inventory.read.adapters.combine).
                found.other_tools.setdefault(kind, []).append((path, sheet, adapter))
                return
            if kind in places:
                issues.append(
                    Issue(
                        code=IssueCode.DUPLICATE_FILE,
                        file=str(path),
                        sheet=sheet,
                        municipality=folder.name,
                        record_kind=kind,
                        params={"kind": kind, "first": places[kind], "second": place},
                    )
                )
                return
            places[kind] = place
            found.files[kind] = path
            if sheet is not None:
                found.sheets[kind] = sheet
            if adapter is not None:
                found.adapters[kind] = adapter

        for path, regular in _typed_entries(folder):
            if not regular and not _is_file_entry(path):
                issues.append(
                    Issue(
                        code=IssueCode.SKIPPED_PATH,
                        severity=Severity.INFO,
                        file=str(path),
                        municipality=folder.name,
                        params={"name": path.name},
                        template=template_key(IssueCode.SKIPPED_PATH, "subfolder"),
                    )
                )
                continue
            suffix = path.suffix.lower()
            if fold_name(path.stem) in README_NAMES and (regular or path.is_file()):
                issues.append(
                    Issue(
                        code=IssueCode.SKIPPED_PATH,
                        severity=Severity.INFO,
                        file=str(path),
                        municipality=folder.name,
                        params={"name": path.name},
                        template=template_key(IssueCode.SKIPPED_PATH, "readme"),
                    )
                )
                continue
            named = (
                kind_for_name(path.stem)
                if suffix in (TABLE_EXTENSIONS | OTHER_TABLE_EXTENSIONS)
                else None
            )
            kind = None if named is None else named.kind
            entry_issue = (
                None if regular else _unreadable_entry_issue(path, root, folder.name, kind)
            )
            if entry_issue is not None:
                issues.append(entry_issue)
                if kind is not None and entry_issue.severity is Severity.ERROR:
                    found.not_read.setdefault(kind, str(path))
                continue
            if suffix == ".xlsx":
                self._workbook(folder, path, named, add, issues)
            elif named is not None and suffix in OTHER_TABLE_EXTENSIONS:
                issues.append(
                    Issue(
                        code=IssueCode.UNKNOWN_FILE,
                        severity=self.unknown_severity,
                        file=str(path),
                        municipality=folder.name,
                        record_kind=named.kind,
                        template=template_key(IssueCode.UNKNOWN_FILE, "other_format"),
                        params={
                            "name": path.name,
                            "suffix": path.suffix,
                            "stem": path.stem,
                            "outcome": _outcome(self.unknown_severity),
                        },
                    )
                )
                if self.unknown_severity is Severity.ERROR:
                    found.not_read.setdefault(named.kind, str(path))
            elif named is not None:
                if not named.exact:
                    issues.append(
                        _recognised_note(
                            path,
                            None,
                            named.kind,
                            Message("issue.part.by_name", {"name": repr(path.stem)}),
                            folder.name,
                        )
                    )
                add(named.kind, path, None, None)
            else:
                self._other_file(folder, path, add, issues)
        if "municipality" not in found.files and "municipality" not in found.not_read:
            issues.append(
                Issue(
                    code=IssueCode.MISSING_MUNICIPALITY,
                    file=str(folder),
                    municipality=folder.name,
                    record_kind="municipality",
                    params={"folder": str(folder)},
                )
            )
        return found, issues

    def _other_file(self, folder: Path, path: Path, add: _Add, issues: list[Issue]) -> None:
        """A file whose name is no kind: an adapter's export, or not understood."""
        probe = self.probe(path, None)
        recognised = recognise(probe)
        if recognised is not None:
            recogniser, kind = recognised
            for each in recognised_kinds(recogniser, probe, kind):
                issues.append(
                    _recognised_note(
                        path,
                        None,
                        each,
                        Message("issue.part.by_export", {"tool": recogniser.name}),
                        folder.name,
                    )
                )
                add(each, path, None, recogniser.name)
            return
        known = known_not_read(probe)
        if known is not None:
            issues.append(_known_part_note(path, None, *known, folder.name))
            return
        reason = (
            Message("issue.part.no_kind_name")
            if path.suffix.lower() in TABLE_EXTENSIONS
            else Message("issue.part.not_a_table", {"suffix": path.suffix})
            if path.suffix
            else Message("issue.part.no_extension")
        )
        issues.append(
            _not_understood(path, None, probe.rows, folder.name, self.unknown_severity, reason)
        )

    def _workbook(
        self, folder: Path, path: Path, named: KindName | None, add: _Add, issues: list[Issue]
    ) -> None:
        """Each sheet of a workbook as the kind its name or header row says; a workbook
        named after a kind lends its kind to its one sheet not understood otherwise."""
        heads = self.heads(path)
        if isinstance(heads, Issue):
            if named is not None:
                add(named.kind, path, None, None)  # reading it reports the issue, with its kind
            else:
                issues.append(heads.model_copy(update={"municipality": folder.name}))
            return
        # head, kind, how (None: by its own name), adapter
        resolved: list[tuple[SheetHead, str, Message | None, str | None]] = []
        unresolved: list[SheetHead] = []
        for head in heads:
            if head.title.strip().startswith(NOTE_SHEET_PREFIX):
                issues.append(
                    Issue(
                        code=IssueCode.SKIPPED_PATH,
                        severity=Severity.INFO,
                        file=str(path),
                        sheet=head.title,
                        municipality=folder.name,
                        template=template_key(IssueCode.SKIPPED_PATH, "note_sheet"),
                        params={
                            "sheet": repr(head.title),
                            "file": path.name,
                            "prefix": NOTE_SHEET_PREFIX,
                        },
                    )
                )
                continue
            if not head.rows:
                issues.append(
                    Issue(
                        code=IssueCode.EMPTY_SHEET,
                        severity=Severity.INFO,
                        file=str(path),
                        sheet=head.title,
                        municipality=folder.name,
                        params={"sheet": repr(head.title), "file": path.name},
                    )
                )
                continue
            kind_how = self.sheet_kind(head)
            if kind_how is not None:
                resolved.append((head, *kind_how, None))
                continue
            probe = self.probe(path, head)
            recognised = recognise(probe)
            if recognised is not None:
                recogniser, kind = recognised
                resolved.extend(
                    (
                        head,
                        each,
                        Message("issue.part.by_export", {"tool": recogniser.name}),
                        recogniser.name,
                    )
                    for each in recognised_kinds(recogniser, probe, kind)
                )
                continue
            known = known_not_read(probe)
            if known is not None:
                issues.append(_known_part_note(path, head.title, *known, folder.name))
                continue
            unresolved.append(head)
        taken = {kind for _, kind, _, _ in resolved}
        if named is not None and len(unresolved) == 1 and named.kind not in taken:
            how = (
                None
                if named.exact and len(heads) <= 1
                else Message("issue.part.by_workbook_name", {"name": repr(path.stem)})
            )
            resolved.append((unresolved.pop(), named.kind, how, None))
        for head, kind, how, adapter in resolved:
            if how is not None:
                issues.append(_recognised_note(path, head.title, kind, how, folder.name))
            # One sheet in a workbook: read it as before, whatever its title.
            add(kind, path, head.title if len(heads) > 1 or adapter else None, adapter)
        for head in unresolved:
            scores = kinds_by_header(head.rows)
            reason = (
                Message(
                    "issue.part.header_fits_several",
                    {
                        "kinds": MessageList(
                            tuple(
                                Message("issue.part.kind", {"kind": _kind_word(score.kind)})
                                for _, score in scores
                            ),
                            ", ",
                        )
                    },
                )
                if len(scores) > 1
                else Message("issue.part.no_header_row", {"rows": len(head.rows)})
            )
            issues.append(
                _not_understood(
                    path, head.title, head.rows, folder.name, self.unknown_severity, reason
                )
            )


def discover(
    paths: Sequence[Path], *, ignore_unknown: bool = False
) -> tuple[list[InventoryFolder], list[Issue]]:
    """The municipality folders under ``paths``, with the issues found on the way.

    Each path is a municipality folder or a parent of municipality folders; in a parent,
    subfolders without inventory files and files (README.md, target.yaml) are skipped.
    In a municipality folder nothing is skipped silently: a file or workbook sheet that
    is not understood (its name is no record kind, its header row no kind's, no adapter
    recognises it) is an ``unknown-file`` / ``unknown-sheet`` error naming the kinds it
    could have been, a warning with ``ignore_unknown``. A folder given twice is read
    once. Links that leave the path given are not followed (see the module's docstring).

    Example::

        folders, issues = discover([Path("samples")])
        [f.name for f in folders]  # ['gislaved', 'gnosjo', 'hylte', 'vaggeryd', 'varnamo']
    """
    folders: list[InventoryFolder] = []
    issues: list[Issue] = []
    seen: set[Path] = set()
    reader = _FolderReader(ignore_unknown)

    def add(folder: Path, root: Path) -> None:
        resolved = folder.resolve()
        if resolved in seen:
            return
        seen.add(resolved)
        found, folder_issues = reader.read_folder(folder, root)
        folders.append(found)
        issues.extend(folder_issues)

    for path in paths:
        path = Path(path)
        if not path.exists():
            issues.append(
                Issue(code=IssueCode.PATH_NOT_FOUND, file=str(path), params={"path": str(path)})
            )
        elif not path.is_dir():
            # A shell glob such as `samples/*` also names README.md or target.yaml.
            issues.append(
                Issue(
                    code=IssueCode.SKIPPED_PATH,
                    severity=Severity.INFO,
                    file=str(path),
                    params={"path": str(path), "parent": str(path.parent)},
                    template=template_key(IssueCode.SKIPPED_PATH, "a_file"),
                )
            )
        elif reader.holds_inventory(path, path.resolve()):
            add(path, path.resolve())
        else:
            root = path.resolve()  # the folder named by the user: its own link is followed
            candidates = sorted(p for p in path.iterdir() if p.is_dir() and not _is_hidden(p))
            links_out = [p for p in candidates if _outside(p, root)]
            issues.extend(_link_outside_issue(p, p.name) for p in links_out)
            subfolders = [
                p for p in candidates if p not in links_out and reader.holds_inventory(p, root)
            ]
            if not subfolders and not links_out:
                issues.append(
                    Issue(
                        code=IssueCode.SKIPPED_PATH,
                        severity=Severity.WARNING,
                        file=str(path),
                        template=template_key(IssueCode.SKIPPED_PATH, "no_inventory"),
                        params={"path": str(path)},
                    )
                )
            for subfolder in subfolders:
                add(subfolder, root)
    if paths and not folders:
        issues.append(Issue(code=IssueCode.NO_INVENTORY))
    return folders, issues
