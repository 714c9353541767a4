"""Bounds on what the readers accept, and how much of a file's text a message may quote.

Each bound is far above any real inventory and low enough that a hostile or broken file
(a zip bomb, a 50 MB header cell, twenty thousand columns) is rejected after a bounded
amount of work, with an issue that names the bound: ``workbook-too-large``,
``header-too-large`` or ``too-many-columns``.
"""

from __future__ import annotations

#: Columns a header may have. The widest record kind has a few dozen fields; notes and
#: columns kept for other purposes come on top, but not thousands.
MAX_COLUMNS = 1_000
#: Characters a header row may take; it must end within this many characters from the
#: start of the file (the dialect and the header are read from this much text).
MAX_HEADER_CHARS = 1 << 20
#: Characters one header cell may hold (a field name with a description fits in 100).
MAX_HEADER_CELL_CHARS = 1_000
#: Rows a sheet may have: Excel's own limit, so no sheet saved by Excel passes it.
MAX_SHEET_ROWS = 1_048_576
#: Cells a sheet row may have: Excel's own limit (column XFD).
MAX_ROW_CELLS = 16_384
#: Bytes a workbook may unpack to (all its parts): about seven million cells of XML.
MAX_WORKBOOK_BYTES = 256 << 20
#: How many times a workbook part larger than a MiB may be compressed. Real sheets
#: compress 5 to 25 times (rows formatted to the end of the sheet about 20); zip bombs of
#: blank rows a thousand times.
MAX_COMPRESSION_RATIO = 100
#: Bytes of sheet XML from one row's end to the next: the XML parser holds a row in memory
#: until it ends (a real row takes a few KiB; formatting rules between rows some MiB).
MAX_ROW_BYTES = 16 << 20
#: Characters of a file's content quoted in a message (a value, a header cell).
QUOTED_CHARS = 40


def excerpt(text: str, chars: int = QUOTED_CHARS) -> str:
    """``text`` cut to its first ``chars`` characters, ``…`` marking a cut, as quoted in
    messages: a file that is not what it claims to be is never echoed whole.

    >>> excerpt("root:x:0:0:root:/root:/bin/bash", 12)
    'root:x:0:0:r…'
    """
    return text if len(text) <= chars else text[:chars] + "…"


def size_text(count: int) -> str:
    """A byte count for people: ``256 MiB``, ``1.5 GiB``, ``12,345 bytes``.

    >>> size_text(256 << 20), size_text(3 << 29), size_text(12_345)
    ('256 MiB', '1.5 GiB', '12,345 bytes')
    """
    for unit, shift in (("GiB", 30), ("MiB", 20)):
        if count >= 1 << shift:
            return f"{count / (1 << shift):,.1f}".removesuffix(".0") + f" {unit}"
    return f"{count:,} bytes"
