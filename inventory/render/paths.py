"""Output file names derived from data: slugified, and always inside the output folder.

A municipality called ``../../etc`` or ``Gnosjö <script>`` must not choose where the tool
writes. :func:`safe_filename` turns any text into a portable file name; :func:`path_inside`
joins a folder and a name and refuses any result outside the folder.

>>> safe_filename("Gnosjö kommun / DC1", suffix=".svg")
'gnosjo-kommun-dc1.svg'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from inventory.errors import RenderError
from inventory.messages import Message

MAX_STEM_LENGTH: Final = 80

# Letters NFKD does not decompose into ASCII.
_TRANSLITERATION: Final = str.maketrans(
    {
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
        "œ": "oe",
        "Œ": "OE",
    }
)
_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")
_SUFFIX: Final = re.compile(r"^(\.[a-z0-9]{1,10})*$")
# Device names Windows refuses as file stems, whatever the extension.
_WINDOWS_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by ``-``: ``"Värnamo DC 1"`` -> ``"varnamo-dc-1"``.

    Returns an empty string when nothing usable is left.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    return _NOT_SLUG.sub("-", ascii_text).strip("-")


def safe_filename(text: str, *, suffix: str = "", fallback: str = "unnamed") -> str:
    """A portable file name for ``text`` (slugified, at most 80 characters before ``suffix``).

    ``suffix`` is a fixed extension such as ``".svg"`` or ``".dot.svg"`` chosen by the
    caller, never by data. A name that had to be shortened gets a short hash of the full
    text so that two long names stay distinct; an empty slug becomes ``fallback``.
    """
    if not _SUFFIX.match(suffix):
        raise ValueError(f"not a file suffix: {suffix!r}")
    stem = slugify(text)
    if len(stem) > MAX_STEM_LENGTH:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        stem = stem[: MAX_STEM_LENGTH - 9].rstrip("-") + "-" + digest
    if not stem:
        stem = slugify(fallback) or "unnamed"
    if stem in _WINDOWS_RESERVED:
        stem += "-file"
    return stem + suffix


def path_inside(folder: Path | str, name: str) -> Path:
    """Join ``folder`` and a relative ``name``, refusing any result outside ``folder``.

    ``name`` may contain sub-folders (``"diagrams/gnosjo.svg"``) but no absolute path, no
    ``..`` and no symbolic link that leads out of the folder. Raises :class:`RenderError`.
    Nothing is created on disk.
    """
    base = Path(folder).resolve()
    relative = Path(name)
    if not name or relative.is_absolute() or relative.drive or ".." in relative.parts:
        raise RenderError(
            Message("error.render.name_outside", {"name": repr(name), "folder": str(base)}),
            hint=Message("error.render.name_outside.hint"),
        )
    candidate = (base / relative).resolve()
    if not candidate.is_relative_to(base) or candidate == base:
        raise RenderError(
            Message(
                "error.render.link_outside",
                {"name": repr(name), "target": str(candidate), "folder": str(base)},
            ),
            hint=Message("error.render.link_outside.hint"),
        )
    return candidate


def output_path(folder: Path | str, text: str, *, suffix: str, subfolder: str = "") -> Path:
    """The path for a file whose name derives from data, e.g. one diagram per municipality.

    >>> output_path("/tmp/out", "Gnosjö", suffix=".svg", subfolder="diagrams").name
    'gnosjo.svg'
    """
    name = safe_filename(text, suffix=suffix)
    if subfolder:
        name = f"{safe_filename(subfolder)}/{name}"
    return path_inside(folder, name)


def _folded(name: str) -> str:
    """A file name as a case-blind, normalising file system (macOS, Windows) compares it."""
    return unicodedata.normalize("NFC", name).casefold()


def _digest(key: Sequence[str], length: int = 8) -> str:
    return hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:length]


def unique_stems(
    items: Sequence[tuple[str, Sequence[str]]], *, reserved: Iterable[str] = ()
) -> list[str]:
    """File stems for several outputs in one folder, distinct even where case is ignored.

    Each item is a readable stem (already a safe file name) and the key it was made from
    (the names as written in the data). A stem no other item shares, case-blind and with
    ``reserved`` (names already taken), is kept as it is; stems that collide get ``-`` and
    a short hash of their key, so ``a_b`` and ``a-b`` stay apart, and every run names
    them the same.

    >>> unique_stems([("architecture-a-b", ("a_b",)), ("architecture-a-b", ("a-b",)),
    ...               ("network", ("network",))])
    ['architecture-a-b-648fa9b3', 'architecture-a-b-d44362d6', 'network']
    """
    taken = {_folded(name) for name in reserved}
    counts = Counter(_folded(stem) for stem, _ in items)
    kept = {_folded(stem) for stem, _ in items if counts[_folded(stem)] == 1} - taken
    taken |= kept
    stems = []
    for stem, key in items:
        if _folded(stem) in kept:
            stems.append(stem)
            continue
        candidate = f"{stem}-{_digest(key)}"
        number = 2
        while _folded(candidate) in taken:  # the same key twice, or a stem like ours
            candidate = f"{stem}-{_digest(key)}-{number}"
            number += 1
        taken.add(_folded(candidate))
        stems.append(candidate)
    return stems
