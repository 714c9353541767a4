"""Writing output files without losing data: whole files or none, never over an input.

Three ways to write, one per kind of output:

- :func:`write_files_atomically`: outputs the tool owns and regenerates (reports,
  diagrams). Every file is first written to a temporary name beside it; only when all of
  them are complete are they renamed over the old ones, so a full disk or a folder in the
  way leaves the previous files as they were.
- :func:`created_file`: files that may hold a user's work once written (templates,
  synthetic inventories). Opened with ``O_EXCL``: an existing file (or a symbolic link)
  is never replaced, not even one that appeared a moment ago.
- :func:`output_error`: an ``OSError`` as one line saying which path and what to do.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> [p.name for p in write_files_atomically({folder / "a.txt": b"a", folder / "b.txt": b"b"})]
['a.txt', 'b.txt']
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Final

from inventory.errors import InventoryError, OutputError
from inventory.messages import Message

_HINTS: Final[dict[int, Message]] = {
    errno.ENOSPC: Message("error.output.hint.disk_full"),
    errno.EDQUOT: Message("error.output.hint.quota"),
    errno.EROFS: Message("error.output.hint.read_only"),
    errno.EACCES: Message("error.output.hint.permission"),
    errno.EPERM: Message("error.output.hint.permission"),
    errno.ENOTDIR: Message("error.output.hint.file_in_way"),
    errno.EEXIST: Message("error.output.hint.file_in_way"),
    errno.EISDIR: Message("error.output.hint.folder_in_way"),
    errno.ENAMETOOLONG: Message("error.output.hint.too_long"),
}


#: The system's errors said in our words, by their errno name (``error.os.<NAME>``, in
#: English as Linux words them): the text of an ``OSError`` is the operating system's, in
#: its own language. Any other errno is quoted as the system's text (``error.os.other``).
OS_ERRORS: Final = frozenset(
    {
        "EACCES",
        "EAGAIN",
        "EBUSY",
        "EDQUOT",
        "EEXIST",
        "EFBIG",
        "EILSEQ",
        "EINTR",
        "EINVAL",
        "EIO",
        "EISDIR",
        "ELOOP",
        "EMFILE",
        "EMLINK",
        "ENAMETOOLONG",
        "ENFILE",
        "ENODEV",
        "ENOENT",
        "ENOLCK",
        "ENOMEM",
        "ENOSPC",
        "ENOTDIR",
        "ENOTEMPTY",
        "ENOTSUP",
        "ENXIO",
        "EOPNOTSUPP",
        "EPERM",
        "EROFS",
        "ESTALE",
        "ETIMEDOUT",
        "ETXTBSY",
        "EXDEV",
    }
)


def os_reason(error: OSError) -> Message:
    """What went wrong, by the error's errno, in the reader's language; the system's own
    text, marked as such, for an errno not in ``OS_ERRORS``.

    >>> from inventory.messages import message_text
    >>> message_text(os_reason(NotADirectoryError(errno.ENOTDIR, "Not a directory")), "sv")
    'Inte en mapp'
    >>> str(os_reason(OSError(errno.ENOEXEC, "Exec format error")))
    'the system says: "Exec format error" (ENOEXEC)'
    """
    name = errno.errorcode.get(error.errno) if isinstance(error.errno, int) else None
    if name in OS_ERRORS:
        return Message(f"error.os.{name}")
    detail = error.strerror or str(error) or type(error).__name__
    if name is None:
        return Message("error.os.plain", {"detail": detail})
    return Message("error.os.other", {"detail": detail, "code": name})


#: What to do about a file failure that may be a read as well as a write.
_CHECK_PATH: Final = Message("error.output.hint.file")
#: The errors only a write meets: their output hints hold for any file.
_WRITING: Final = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


def output_error(error: OSError, path: Path) -> OutputError:
    """``error`` (raised while writing ``path``) as one line with what to do about it.

    >>> str(output_error(OSError(errno.ENOSPC, "No space left on device"), Path("r.html")))
    'Cannot write r.html: No space left on device.'
    """
    reason = os_reason(error)
    culprit = None if error.filename is None else Path(os.fsdecode(error.filename))
    # (a file beside ``path`` is this module's temporary file: its random name says nothing)
    if culprit is not None and path.parent not in (culprit, culprit.parent):
        reason = Message("error.os.at", {"reason": reason, "path": str(culprit)})
    hint = _HINTS.get(error.errno or 0, Message("error.output.hint.other"))
    return OutputError(
        Message("error.output.cannot_write", {"path": str(path), "reason": reason}), hint=hint
    )


def file_error(error: OSError) -> InventoryError:
    """An ``OSError`` that no command turned into a message: the path, why, what to do.

    >>> str(file_error(FileNotFoundError(errno.ENOENT, "No such file or directory", "x")))
    'x: No such file or directory.'
    """
    where = (
        Message("error.output.a_file") if error.filename is None else os.fsdecode(error.filename)
    )
    return InventoryError(
        Message("error.output.file", {"where": where, "reason": os_reason(error)}),
        hint=_HINTS.get(error.errno or 0, _CHECK_PATH)
        if error.errno in _WRITING
        else _CHECK_PATH,  # (read or written: the output hints would mislead a reader)
    )


def _file_mode(path: Path) -> int:
    """The mode a plainly created file gets: the existing file's, else 0666 less the umask.

    ``mkstemp`` creates its file readable by the owner only; a report shared with the
    project group must get the permissions any other file written here would.
    """
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``path``; returns its name."""
    make_folder(path.parent)
    mode = _file_mode(path)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), mode)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def refuse_folders(paths: Iterable[Path]) -> None:
    """``OutputError`` if one of ``paths``, where a file is to go, is a folder."""
    for path in paths:
        if path.is_dir():
            raise output_error(OSError(errno.EISDIR, os.strerror(errno.EISDIR)), path)


def write_files_atomically(files: Mapping[Path, bytes]) -> list[Path]:
    """Write every file in ``files`` whole, or none of them; returns the paths written.

    A folder where a file should go is refused before anything is written; a write that
    fails (full disk, read-only folder) removes the temporary files and leaves the old
    files untouched. Raises :class:`OutputError`.
    """
    refuse_folders(files)
    staged: dict[Path, Path] = {}
    current = Path()
    try:
        for current, data in files.items():
            staged[current] = _stage(current, data)
        for current, temporary in staged.items():
            os.replace(temporary, current)
    except OSError as error:
        raise output_error(error, current) from error
    finally:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)  # renamed ones are gone already
    return list(files)


def write_file_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    write_files_atomically({path: data})
    return path


def make_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if needed; an ``OSError`` as :class:`OutputError`."""
    not_a_folder = OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as error:  # a file of that name: say so, not "File exists"
        raise output_error(not_a_folder, folder) from error
    except OSError as error:
        raise output_error(error, folder) from error
    if not folder.is_dir():  # mkdir(exist_ok=True) accepts a symbolic link to a file
        raise output_error(not_a_folder, folder)
    return folder


@contextmanager
def created_file(path: Path) -> Iterator[BinaryIO]:
    """A new file opened for writing; an existing file is never opened, let alone replaced.

    Raises ``FileExistsError`` when ``path`` exists (also as a dangling symbolic link);
    any other failure as :class:`OutputError`, after removing the part written.
    """
    try:
        stream = path.open("xb")
    except FileExistsError:
        raise
    except OSError as error:
        raise output_error(error, path) from error
    try:
        with stream:
            yield stream
    except BaseException as error:
        path.unlink(missing_ok=True)  # ours: created above
        if isinstance(error, OSError):
            raise output_error(error, path) from error
        raise


class NewFiles:
    """The files and folders one run creates, removed again if the run fails.

    For outputs written file by file (templates, synthetic inventories): a failure half
    way (a full disk) leaves the folder as it was, not a partial set. Only what this run
    created is removed; existing files are never opened (see :func:`created_file`).

    >>> with NewFiles() as new, new.file(Path(tempfile.mkdtemp()) / "a.csv") as stream:
    ...     _ = stream.write(b"id\\n")
    """

    def __init__(self) -> None:
        self.files: list[Path] = []
        self._folders: list[Path] = []

    def __enter__(self) -> NewFiles:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            return
        for path in reversed(self.files):
            path.unlink(missing_ok=True)
        for folder in reversed(self._folders):
            with contextlib.suppress(OSError):  # not empty: something else wrote there
                folder.rmdir()

    def folder(self, folder: Path) -> Path:
        """``folder``, created (with its parents) if missing; see :func:`make_folder`."""
        missing = [folder, *folder.parents]
        missing = [path for path in missing if not path.exists()]
        make_folder(folder)
        self._folders += reversed(missing)
        return folder

    @contextmanager
    def file(self, path: Path) -> Iterator[BinaryIO]:
        """A new file (:func:`created_file`), removed again if the run fails later."""
        with created_file(path) as stream:
            self.files.append(path)
            yield stream
