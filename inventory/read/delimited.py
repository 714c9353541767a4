"""Read a CSV (or tab-separated) inventory file into a ``SourceTable``.

Two parsers, one result. The fast path hands the bytes to pyarrow (every column as text,
no missing-value inference) and numbers the lines arithmetically; it is taken only when
every data row is exactly one physical line. Anything irregular (quoted newlines, rows of
the wrong width, an unterminated quote, lone CR line ends) goes through Python's ``csv``
module, which tracks the physical line of every row, so that each issue names its place.

A large file is memory-mapped, not copied; plain UTF-8 is validated by Arrow and decoded
only as far as the dialect and the header need (pyarrow parses the bytes themselves).
"""

from __future__ import annotations

import _csv
import contextlib
import csv
import functools
import hashlib
import io
import mmap
import os
import re
import threading
import typing
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from inventory.issues import Issue, IssueCode, IssueParam, Severity, empty_file_issue, template_key
from inventory.messages import Code
from inventory.read.encoding import (
    MAX_ISSUES_PER_KIND,
    binary_content_issues,
    decode_text,
    is_blank_bytes,
    is_plain_utf8,
    nul_issues,
)
from inventory.read.kinds import (
    HEADER_SEARCH_ROWS,
    candidate_kinds,
    header_row_index,
    score_row,
)
from inventory.read.limits import MAX_COLUMNS, MAX_HEADER_CELL_CHARS, MAX_HEADER_CHARS, excerpt
from inventory.read.source import (
    ColumnChoice,
    DigestLater,
    HeaderTest,
    LineNumbers,
    SourceTable,
    TableRequest,
)

DELIMITERS = (";", "\t", ",")  # in order of preference when counts tie
OTHER_LIKELY_DELIMITERS = ("|", ":")
_SEP_LINE = re.compile(r'^\s*"?sep=(.)"?[ \t]*$', re.IGNORECASE)
_TYPE_LINE = re.compile(r"^\ufeff?#TYPE\b")
_QUOTED = re.compile(r'"[^"]*"')
_LINE_END = re.compile(r"\r\n|\r|\n")
HEAD_CHARS = MAX_HEADER_CHARS  # the dialect and the header are read from the file's head
#: Files from this size on are memory-mapped rather than copied into memory.
MAP_FROM_BYTES = 16 << 20
#: Bytes counted per step when counting line ends (bounds the temporary array).
_COUNT_STEP = 1 << 22
#: Data up to this size has its line ends counted by ``bytes.count`` (numpy's set-up
#: costs more), longer data by numpy.
_COUNTED_BY_BYTES = 1 << 13

#: A file's bytes: ``bytes``, or a read-only memory map of a large file.
FileBytes = bytes | mmap.mmap

# Field lengths are checked by the reader itself (max_field_chars), so lift csv's own cap.
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class _Dialect:
    delimiter: str
    sep_line: bool  # the file starts with Excel's "sep=;" line
    type_line: bool = False  # the file starts with PowerShell's "#TYPE ..." line

    @property
    def preamble(self) -> int:
        """Lines before the first one that may be the header."""
        return int(self.sep_line or self.type_line)


@dataclass
class _Rows:
    """Parsed data rows, before blank rows are dropped: cells, lines, issues."""

    cells: pd.DataFrame | pa.Table  # Arrow on the fast path (converted when first read)
    lines: np.ndarray
    blank_rows: int
    issues: list[Issue] = field(default_factory=list)
    longest_cell_bytes: int | None = None  # known on the fast path: skips the length check


class _Text:
    """A file's text, decoded only as far as it is read.

    A large plain UTF-8 file is never decoded as a whole on the fast path: its dialect
    and header come from the first characters, pyarrow parses the bytes.
    """

    def __init__(self, text: str | None = None, utf8: FileBytes = b"") -> None:
        self._text = text  # given, or decoded from ``utf8`` when first needed whole
        self._utf8 = utf8
        self._heads: dict[int, str] = {}  # (the dialect and the header read the same)

    def head(self, chars: int) -> str:
        """The first ``chars`` characters (``text[:chars]``)."""
        if self._text is not None:
            return self._text[:chars]
        found = self._heads.get(chars)
        if found is None:
            # A character takes at most four bytes: the prefix holds the first ``chars``;
            # a sequence cut at its end is dropped (the bytes are valid UTF-8 as a whole).
            found = self._heads[chars] = self._utf8[: chars * 4].decode("utf-8", errors="ignore")[
                :chars
            ]
        return found

    def longer_than(self, chars: int) -> bool:
        """``len(text) > chars``."""
        if self._text is None and len(self._utf8) <= chars:
            return False  # (no more characters than bytes)
        return len(self.head(chars + 1)) > chars

    def full(self) -> str:
        if self._text is None:
            self._text = self._utf8[:].decode("utf-8")
        return self._text

    def has_lone_cr(self) -> bool:
        """True when a CR is not followed by LF (pyarrow would split lines there)."""
        if self._text is None:
            if self._utf8.find(b"\r") < 0:
                return False
            data = self._utf8[:]
            return data.count(b"\r") != data.count(b"\r\n")
        text = self.full()
        return "\r" in text and text.count("\r") != text.count("\r\n")


def physical_lines(text: str, *, keepends: bool = False) -> list[str]:
    """The lines of ``text`` split at CR, LF and CRLF only, as the csv module counts them
    (``str.splitlines`` also splits at form feeds and Unicode line separators)."""
    lines = io.StringIO(text, newline="").readlines()
    return lines if keepends else [line.rstrip("\r\n") for line in lines]


def _display_delimiter(delimiter: str) -> IssueParam:
    """A delimiter as an issue names it: quoted, a tab by its name."""
    return Code("issue_delimiter", "tab") if delimiter == "\t" else repr(delimiter)


def _sniff_delimiter(first_line: str, second_line: str | None) -> str:
    """The delimiter with the most occurrences outside quotes on the header line."""
    unquoted = _QUOTED.sub("", first_line)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(counts.values())
    if best == 0:
        return ","
    tied = [d for d in DELIMITERS if counts[d] == best]
    if len(tied) > 1 and second_line is not None:
        second = _QUOTED.sub("", second_line)
        consistent = [d for d in tied if second.count(d) == best]
        if consistent:
            return consistent[0]
    return tied[0]


class _Lines:
    """The lines of a text with their ends, as ``io.StringIO(text, newline="")`` yields
    them (split at CR, LF and CRLF), found only as far as they are read: no copy of a
    head of up to a million characters for its first lines. ``position`` is where the
    next line starts (``StringIO.tell()``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self._ends = _LINE_END.finditer(text)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        start = self.position
        if start >= len(self.text):
            raise StopIteration
        found = next(self._ends, None)
        self.position = len(self.text) if found is None else found.end()
        return self.text[start : self.position]

    @property
    def reached_end(self) -> bool:
        """Whether the text was read to its end: else every line read ended before it, and
        is the same line in any longer text that starts with this one."""
        return self.position >= len(self.text)


#: Characters of a file's head first read for its dialect and header: the lines they
#: read end before it in the usual file (else they are read again from ``HEAD_CHARS``,
#: the same result): a client list of megabytes is not decoded whole for its first line.
_FIRST_HEAD_CHARS = 1 << 16


def _dialect_in(text: _Text) -> _Dialect:
    """``_dialect(text.head(HEAD_CHARS))``, from the first ``_FIRST_HEAD_CHARS`` when the
    lines it reads end before them."""
    head = text.head(_FIRST_HEAD_CHARS)
    lines = _Lines(head)
    found = _dialect_of(lines)
    if lines.reached_end and len(head) >= _FIRST_HEAD_CHARS:
        return _dialect(text.head(HEAD_CHARS))
    return found


def _dialect(head: str) -> _Dialect:
    return _dialect_of(_Lines(head))


def _dialect_of(found: _Lines) -> _Dialect:
    # (lines split as ``physical_lines`` splits them, only as far as they are looked at)
    lines = (line.rstrip("\r\n") for line in found)
    first = next(lines, "")
    match = _SEP_LINE.match(first)
    if match:
        return _Dialect(match.group(1), sep_line=True)
    type_line = _TYPE_LINE.match(first) is not None
    if type_line:  # PowerShell's Export-Csv without -NoTypeInformation
        first = next(lines, "")
    meaningful = (line for line in lines if line.strip())
    return _Dialect(
        _sniff_delimiter(first, next(meaningful, None)), sep_line=False, type_line=type_line
    )


def _csv_reader(text: str, delimiter: str) -> tuple[io.StringIO, _csv.Reader]:
    # newline="" keeps \r\n inside quoted fields and counts \r, \n and \r\n as line ends.
    stream = io.StringIO(text, newline="")
    return stream, csv.reader(
        stream, delimiter=delimiter, quotechar='"', doublequote=True, strict=False
    )


def _is_blank(cells: list[str]) -> bool:
    return not "".join(cells).strip()


@dataclass(frozen=True)
class _Header:
    """The header row found: its cells, the line it starts on, the last line it takes,
    the filled lines above it that are not read (a title), and whether it is clearly a
    header of the file's kind."""

    cells: list[str]
    line: int
    end: int
    skipped: list[int]
    clear: bool


def _read_header(
    text: _Text, dialect: _Dialect, file: str, kind: str, is_header: HeaderTest | None = None
) -> _Header | Issue | None:
    """The header row; None for a file of blank lines. It is the first filled row, unless
    a later one of the first ``HEADER_SEARCH_ROWS`` is clearly the kind's header (rows
    above it are a title); with ``is_header`` (an export's header signature), the first
    of those rows it accepts. The header row must end within the first ``MAX_HEADER_CHARS``
    characters and stay within ``MAX_COLUMNS`` and ``MAX_HEADER_CELL_CHARS`` (an issue
    otherwise), so a hostile header costs a bounded amount of work.

    Read from the first ``_FIRST_HEAD_CHARS`` when the lines it reads end before them
    (the same rows as in the longer head)."""
    head = text.head(_FIRST_HEAD_CHARS)
    if len(head) >= _FIRST_HEAD_CHARS:
        found, reached_end = _read_header_in(text, head, dialect, file, kind, is_header)
        if not reached_end:
            return found
    return _read_header_in(text, text.head(MAX_HEADER_CHARS), dialect, file, kind, is_header)[0]


def _read_header_in(
    text: _Text,
    head: str,
    dialect: _Dialect,
    file: str,
    kind: str,
    is_header: HeaderTest | None = None,
) -> tuple[_Header | Issue | None, bool]:
    """``_read_header`` in ``head`` (the start of ``text``), and whether the lines read
    reached its end."""
    stream = _Lines(head)
    reader = csv.reader(
        stream, delimiter=dialect.delimiter, quotechar='"', doublequote=True, strict=False
    )
    last_line = 0
    for _ in range(dialect.preamble):
        next(reader, None)
        last_line = reader.line_num
    rows: list[tuple[list[str], int, int]] = []  # the filled rows: cells, start, end
    for record in reader:
        start = last_line + 1
        last_line = reader.line_num
        if _is_blank(record):
            continue
        if stream.position >= len(head) and text.longer_than(len(head)):
            if not rows:
                return _header_too_large(file, start), True  # the header may go on
            break  # the head ends in this row: the header is among those before
        rows.append((record, start, last_line))
        if is_header is not None and is_header(record):
            break  # the export's header, below its title rows if any
        if is_header is None and len(rows) == 1 and score_row(kind, record).clear:
            break  # the usual file: its first row is the header
        if len(rows) >= HEADER_SEARCH_ROWS:
            break
    if not rows:
        too_large = _header_too_large(file, last_line + 1) if text.longer_than(len(head)) else None
        return too_large, True
    if is_header is None:
        index = header_row_index(kind, [cells for cells, _, _ in rows])
    else:
        index = next((i for i, (cells, _, _) in enumerate(rows) if is_header(cells)), 0)
    cells, start, end = rows[index]
    issue = _header_cells_issue(cells, file, start)
    if issue is not None:
        return issue, stream.reached_end
    header = _Header(
        cells,
        start,
        end,
        skipped=[line for _, line, _ in rows[:index]],
        clear=score_row(kind, cells).clear if is_header is None else is_header(cells),
    )
    return header, stream.reached_end


def _header_row_note(header: _Header, dialect: _Dialect, file: str) -> Issue | None:
    """An info note when the header is not the file's first line: which line was used and
    which lines above it were not read."""
    situation = "_".join(
        part
        for part, used in (
            ("type_line", dialect.type_line),
            ("title", len(header.skipped) == 1),
            ("titles", len(header.skipped) > 1),
        )
        if used
    )
    if not situation:
        return None
    return Issue(
        code=IssueCode.HEADER_ROW,
        severity=Severity.INFO,
        file=file,
        line=header.line,
        value=str(header.line),
        template=template_key(IssueCode.HEADER_ROW, situation),
        params={"line": str(header.line), "lines": ", ".join(map(str, header.skipped))},
    )


def _header_too_large(file: str, line: int) -> Issue:
    return Issue(
        code=IssueCode.HEADER_TOO_LARGE, file=file, line=line, params={"limit": MAX_HEADER_CHARS}
    )


def _header_cells_issue(header: list[str], file: str, line: int) -> Issue | None:
    if len(header) > MAX_COLUMNS:
        return Issue(
            code=IssueCode.TOO_MANY_COLUMNS,
            file=file,
            line=line,
            value=str(len(header)),
            params={"count": len(header), "limit": MAX_COLUMNS},
        )
    for position, cell in enumerate(header):
        if len(cell) > MAX_HEADER_CELL_CHARS:
            return Issue(
                code=IssueCode.HEADER_TOO_LARGE,
                file=file,
                line=line,
                column=excerpt(cell),
                column_index=position + 1,
                template=template_key(IssueCode.HEADER_TOO_LARGE, "cell"),
                params={"length": len(cell), "limit": MAX_HEADER_CELL_CHARS},
            )
    return None


def _opening_quote_line(text: str, first_line: int) -> int:
    """Where the quote left open at the end of the file opens: after the last line at
    whose end the count of quote characters (from ``first_line`` on) is even."""
    lines = physical_lines(text)[first_line - 1 :]
    parity = 0
    opening = first_line
    for offset, line in enumerate(lines):
        if parity == 0:
            opening = first_line + offset
        parity = (parity + line.count('"')) % 2
    return opening


def _ends_in_open_quote(text: str, delimiter: str, first_line: int) -> bool:
    record = "".join(physical_lines(text, keepends=True)[first_line - 1 :])
    reader = csv.reader(io.StringIO(record, newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in reader:
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _width_issue(code: IssueCode, file: str, line: int, row: int, width: int, found: int) -> Issue:
    return Issue(code=code, file=file, line=line, row=row, params={"found": found, "width": width})


def _parse_with_csv_module(
    text: str, dialect: _Dialect, header_end: int, width: int, file: str
) -> _Rows:
    """Every data row with its physical start line; rows of the wrong width are reported,
    padded or cut to the header's width."""
    stream, reader = _csv_reader(text, dialect.delimiter)
    for _ in range(header_end):
        stream.readline()
    rows: list[list[str]] = []
    lines: list[int] = []
    issues: list[Issue] = []
    counts = {IssueCode.EXTRA_CELLS: 0, IssueCode.MISSING_CELLS: 0}
    blank = 0
    last_line = header_end
    for record in reader:
        start = last_line + 1
        last_line = header_end + reader.line_num
        if _is_blank(record):
            blank += 1
            continue
        row_number = len(rows) + 1
        if len(record) != width:
            too_many = len(record) > width
            if too_many and _is_blank(record[width:]):
                pass  # trailing empty cells (a trailing delimiter) are harmless
            else:
                code = IssueCode.EXTRA_CELLS if too_many else IssueCode.MISSING_CELLS
                counts[code] += 1
                if counts[code] <= MAX_ISSUES_PER_KIND:
                    issues.append(_width_issue(code, file, start, row_number, width, len(record)))
            record = record[:width] + [""] * (width - len(record))
        rows.append(record)
        lines.append(start)
    for code, count in counts.items():
        if count > MAX_ISSUES_PER_KIND:
            issues.append(
                Issue(
                    code=code,
                    file=file,
                    template=template_key(code, "more"),
                    params={"count": count - MAX_ISSUES_PER_KIND},
                )
            )
    if lines and _ends_in_open_quote(text, dialect.delimiter, lines[-1]):
        opening = _opening_quote_line(text, lines[-1])
        # The open quote swallowed the rest of the file: its width issue is a symptom.
        issues = [i for i in issues if i.line != lines[-1]]
        issues.append(
            Issue(code=IssueCode.UNTERMINATED_QUOTE, file=file, line=opening, row=len(rows))
        )
    columns = [str(i) for i in range(width)]
    by_column = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    cells = pa.table(
        {
            name: pa.array(values, type=pa.large_string())
            for name, values in zip(columns, by_column, strict=True)
        }
    ).to_pandas()
    return _Rows(cells, np.asarray(lines, dtype=np.int64), blank, issues)


def _count_lines(data: FileBytes, offset: int) -> int:
    """How many lines ``data[offset:]`` has (the last one may lack its line end)."""
    size = len(data) - offset
    if not size:
        return 0
    if isinstance(data, bytes) and size <= _COUNTED_BY_BYTES:  # (no count on a memory map)
        return data.count(b"\n", offset) + (0 if data[-1:] == b"\n" else 1)
    # numpy's comparison is several times faster than ``bytes.count`` of one byte
    array = np.frombuffer(data, dtype=np.uint8, offset=offset)
    ends = sum(
        int(np.count_nonzero(array[start : start + _COUNT_STEP] == 10))
        for start in range(0, size, _COUNT_STEP)
    )
    return ends + (0 if data[-1:] == b"\n" else 1)


def _line_starts(data: FileBytes, offset: int, first_line: int) -> tuple[np.ndarray, int]:
    """Physical line numbers of the non-empty lines of ``data[offset:]`` (the first is
    ``first_line``), and how many lines are empty."""
    size = len(data) - offset
    total = _count_lines(data, offset)
    if (
        data.find(b"\n\n", offset) < 0
        and data.find(b"\n\r\n", offset) < 0
        and data[offset : offset + 1] != b"\n"
        and data[offset : offset + 2] != b"\r\n"
    ):
        return np.arange(first_line, first_line + total, dtype=np.int64), 0
    array = np.frombuffer(data, dtype=np.uint8, offset=offset)
    ends = np.flatnonzero(array == 10)
    starts = np.concatenate(([0], ends + 1))
    ends = np.concatenate((ends, [size]))
    if starts[-1] == size:
        starts, ends = starts[:-1], ends[:-1]
    lengths = ends - starts
    has_cr = (lengths > 0) & (array[np.maximum(ends - 1, 0)] == 13)
    non_empty = (lengths - has_cr) > 0
    return first_line + np.flatnonzero(non_empty), int((~non_empty).sum())


def _parse_with_pyarrow(
    data: FileBytes,
    dialect: _Dialect,
    header_end: int,
    width: int,
    keep: Collection[int] | None = None,
) -> _Rows | None:
    """The fast path; None when the file is not one row per line of the right width.
    With ``keep`` only those columns (header positions) are converted into ``cells``
    (an export's columns a profile does not read are parsed, not kept)."""
    offset = _data_offset(data, header_end)
    if offset < 0:
        return None
    table = _read_arrow(
        pa.py_buffer(data).slice(offset),
        dialect.delimiter,
        width,
        quoted=data.find(b'"', offset) >= 0,
        keep=keep,
        # Threads for a large file (its blocks parsed side by side); one thread for a
        # small one: as fast, and no pool to start for each file.
        threads=len(data) >= MAP_FROM_BYTES,
    )
    if table is None:
        return None
    total = _count_lines(data, offset)
    if table.num_rows == total:
        # Every row is one line (a row takes at least one, an empty line none).
        lines = np.arange(header_end + 1, header_end + 1 + total, dtype=np.int64)
        empty_lines = 0
    else:
        lines, empty_lines = _line_starts(data, offset, header_end + 1)
    if len(lines) != table.num_rows:
        # Quoted values span lines: number the rows by the line ends inside their cells.
        spanned = _multiline_row_starts(table, data, offset, header_end + 1)
        if spanned is None:
            return None  # and blank lines too: let the csv module number them
        lines, empty_lines = spanned, 0
    blank = _blank_mask(table)
    return _rows_of(table, lines, empty_lines, None if blank is None else np.asarray(blank), width)


def _read_arrow(
    data: bytes | pa.Buffer,
    delimiter: str,
    width: int,
    *,
    quoted: bool,
    keep: Collection[int] | None = None,
    threads: bool = False,
) -> pa.Table | None:
    """The rows of ``data`` (no header) as ``width`` text columns named ``"0"``, ``"1"``,
    ...; None when pyarrow refuses them (a row of another width, ...)."""
    columns = _column_names(width)
    try:
        return pa_csv.read_csv(
            pa.BufferReader(data),
            read_options=pa_csv.ReadOptions(
                column_names=list(columns), block_size=1 << 24, use_threads=threads
            ),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter,
                quote_char='"',
                double_quote=True,
                newlines_in_values=quoted,
                ignore_empty_lines=True,
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(columns, pa.large_string()),
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=False,
                include_columns=None
                if keep is None
                else [columns[i] for i in sorted(keep) if i < width],
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None


@functools.cache
def _column_names(width: int) -> tuple[str, ...]:
    """``"0"``, ``"1"``, ...: the names of the columns of a file ``width`` cells wide."""
    return tuple(str(i) for i in range(width))


def _rows_of(
    table: pa.Table,
    lines: np.ndarray[Any, Any],
    empty_lines: int,
    blank: np.ndarray[Any, Any] | None,
    width: int,
    longest_cell_bytes: int | None = None,
) -> _Rows:
    """The fast path's rows: ``table``'s (starting on ``lines``) but the ``blank`` ones;
    ``width`` columns when there is no row."""
    rows_read = len(lines)
    if blank is not None and blank.any():
        table = table.filter(pa.array(~blank))
        lines = lines[~blank]
    dropped = rows_read - len(lines)
    if not table.num_rows:
        cells = pd.DataFrame({c: pd.Series([], dtype="str") for c in _column_names(width)})
        return _Rows(cells, lines, empty_lines + dropped, longest_cell_bytes=0)
    if longest_cell_bytes is None:
        longest_cell_bytes = _longest_cell(table)
    return _Rows(table, lines, empty_lines + dropped, longest_cell_bytes=longest_cell_bytes)


#: Cell bytes of a column up to which the size of its text buffer is taken as the bound
#: of its longest cell (no cell holds more than all of them).
_BOUND_FROM_BUFFER = 1 << 16


def _longest_cell(table: pa.Table) -> int:
    """The bytes of the longest cell of ``table``, or a bound at least as large that
    is itself below ``_BOUND_FROM_BUFFER`` (the text of every cell of a column)."""
    if table.nbytes <= _BOUND_FROM_BUFFER:  # (offsets and all: a bound of every cell)
        return int(table.nbytes)
    longest = 0
    for column in table.columns:
        bound = sum(_text_bytes(chunk) for chunk in column.chunks)
        if bound > _BOUND_FROM_BUFFER:
            bound = pc.max(pc.binary_length(column)).as_py() or 0
        longest = max(longest, bound)
    return longest


def _text_bytes(chunk: pa.Array) -> int:
    """The size of the text buffer of a string chunk (at least the bytes of its cells)."""
    buffer = chunk.buffers()[2]
    return 0 if buffer is None else int(buffer.size)


def _multiline_row_starts(
    table: pa.Table, data: FileBytes, offset: int, first_line: int
) -> np.ndarray | None:
    """Row start lines when quoted values hold line ends: each row takes one line plus
    one per line end inside its cells. None unless that accounts for every line of the
    file (an empty line between rows is skipped by pyarrow and would shift the count)."""
    if table.num_rows == 0:
        return None
    spans = np.ones(table.num_rows, dtype=np.int64)
    for column in table.columns:
        spans += pc.count_substring(column, "\n").to_numpy()
    if int(spans.sum()) != _count_lines(data, offset):
        return None
    return first_line + np.concatenate(([0], np.cumsum(spans)[:-1]))


def _blank_mask(table: pa.Table) -> pa.ChunkedArray | None:
    """Rows whose cells are all empty or spaces; None when there are none (the usual case)."""
    if table.num_rows == 0 or table.num_columns == 0:
        return None
    mask = None
    for column in table.columns:
        empty = pc.or_(pc.equal(pc.binary_length(column), 0), pc.utf8_is_space(column))
        mask = empty if mask is None else pc.and_(mask, empty)
        if not pc.any(mask).as_py():
            return None
    return mask


def _field_size_issues(
    rows: _Rows, header: list[str], max_field_chars: int, file: str
) -> list[Issue]:
    issues: list[Issue] = []
    if rows.longest_cell_bytes is not None and rows.longest_cell_bytes <= max_field_chars:
        return issues  # a cell has at least as many bytes as characters
    if isinstance(rows.cells, pa.Table):
        rows.cells = rows.cells.to_pandas()  # (a cell too long: cut in the DataFrame)
    for name in rows.cells.columns:
        position = int(name)  # a column's name is its header position
        lengths = rows.cells[name].str.len()
        if lengths.empty or lengths.max() <= max_field_chars:
            continue
        too_long = np.flatnonzero((lengths > max_field_chars).to_numpy())
        for index in too_long[:MAX_ISSUES_PER_KIND]:
            issues.append(
                Issue(
                    code=IssueCode.FIELD_TOO_LARGE,
                    file=file,
                    line=int(rows.lines[index]),
                    row=int(index) + 1,
                    column=header[position],
                    column_index=position + 1,
                    params={"length": int(lengths.iloc[index]), "limit": max_field_chars},
                )
            )
        rows.cells[name] = rows.cells[name].str.slice(0, max_field_chars)
    return issues


def _single_column_issue(
    header: list[str], dialect: _Dialect, file: str, line: int
) -> Issue | None:
    if len(header) != 1:
        return None
    others = [
        d
        for d in (*DELIMITERS, *OTHER_LIKELY_DELIMITERS)
        if d != dialect.delimiter and d in header[0]
    ]
    if not others:
        return None
    return Issue(
        code=IssueCode.SINGLE_COLUMN,
        file=file,
        line=line,
        column=excerpt(header[0], 20),
        column_index=1,
        params={
            "delimiter": _display_delimiter(dialect.delimiter),
            "other": _display_delimiter(others[0]),
            "sep": others[0],
        },
    )


def _file_bytes(path: Path) -> FileBytes:
    """The file's bytes; a large file is memory-mapped (read by the page cache, not copied)."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size < MAP_FROM_BYTES or size == 0:  # an empty file cannot be mapped
            return handle.read()
        if hasattr(mmap, "MAP_POPULATE"):  # Linux: map the pages at once, not one by one
            return mmap.mmap(
                handle.fileno(), 0, flags=mmap.MAP_SHARED | mmap.MAP_POPULATE, prot=mmap.PROT_READ
            )
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def _sha256(raw: FileBytes) -> Callable[[], str | DigestLater]:
    """The SHA-256 of the file, when asked. A file read into memory is hashed when its
    table's ``sha256`` is first read (``DigestLater``: ``inventory validate`` reads none);
    a large (mapped) file is hashed on a thread while it is parsed (hashlib lets go of the
    interpreter lock for large buffers), its map closed once read."""
    if isinstance(raw, bytes):
        later = DigestLater(raw)
        return lambda: later
    found: list[str] = []
    thread = threading.Thread(
        target=lambda: found.append(hashlib.sha256(raw).hexdigest()), name="sha256", daemon=True
    )
    thread.start()

    def wait() -> str:
        thread.join()
        return found[0]

    return wait


def _decode(raw: FileBytes, file: str) -> tuple[_Text | None, str | None, list[Issue]]:
    """The text (None when rejected), its encoding and the decoding issues."""
    if is_plain_utf8(raw):
        return _Text(utf8=raw), "utf-8", []
    decoded = decode_text(raw[:], file)
    text = None if decoded.text is None else _Text(decoded.text)
    return text, decoded.encoding, list(decoded.issues)


def read_csv_table(
    path: Path,
    kind: str,
    municipality: str,
    *,
    max_field_chars: int = 100_000,
    is_header: HeaderTest | None = None,
    columns: ColumnChoice | None = None,
) -> tuple[SourceTable | None, list[Issue]]:
    """Read one delimited text file; see ``inventory.read.read_table``."""
    prepared = _prepare(path, kind, municipality, is_header)
    if not isinstance(prepared, _Prepared):
        return None, prepared
    return _finish(prepared, _parse(prepared, columns), max_field_chars)


#: Files whose data (the bytes after the header) is at most this long are parsed with
#: others of the same delimiter and width (``read_csv_tables``): a municipality's client
#: list of a few thousand rows too (pyarrow's set-up and its per-call costs, once).
BATCHED_UP_TO_BYTES = 1 << 20
#: Bytes of data parsed in one call at most (well under pyarrow's block).
_BATCH_BYTES = 1 << 23


def read_csv_tables(
    requests: Sequence[TableRequest],
    *,
    max_field_chars: int = 100_000,
    unreadable: Callable[[TableRequest, OSError], Issue],
) -> list[tuple[SourceTable | None, list[Issue]]]:
    """``read_csv_table`` of each request (without ``is_header`` and ``columns``; a
    request's sheet is not read: delimited files have none), the
    same tables and issues, with the small files' data parsed together: one pyarrow
    call for the files of one delimiter and width rather than one per file (its set-up
    costs more than a small file's rows). A file whose rows are not one per line is
    parsed alone (so is every file of a group in which one is not, by halves).
    ``unreadable`` is the issue of a file that cannot be read (``read_table``'s)."""
    results: list[tuple[SourceTable | None, list[Issue]] | None] = [None] * len(requests)
    groups: dict[tuple[str, int], list[tuple[int, _Prepared]]] = {}
    for number, request in enumerate(requests):
        try:
            prepared = _prepare(request.path, request.kind, request.municipality, None)
        except OSError as error:
            results[number] = None, [unreadable(request, error)]
            continue
        if not isinstance(prepared, _Prepared):
            results[number] = None, prepared
            continue
        size = len(prepared.data) - prepared.offset
        if (
            max_field_chars < _BOUND_FROM_BUFFER
            or not isinstance(prepared.data, bytes)
            or prepared.encoding != "utf-8"
            or prepared.offset < 0
            or not 0 < size <= BATCHED_UP_TO_BYTES
            or prepared.text.has_lone_cr()
        ):
            results[number] = _finish(prepared, _parse(prepared, None), max_field_chars)
            continue
        key = (prepared.dialect.delimiter, len(prepared.header.cells))
        groups.setdefault(key, []).append((number, prepared))
    for (delimiter, width), members in groups.items():
        batch: list[tuple[int, _Prepared]] = []
        size = 0
        for member in [*members, None]:
            if member is not None:
                grown = size + len(member[1].data) - member[1].offset
                if not batch or grown <= _BATCH_BYTES:
                    batch.append(member)
                    size = grown
                    continue
            for (number, prepared), rows in zip(
                batch, _parse_together([p for _, p in batch], delimiter, width), strict=True
            ):
                results[number] = _finish(prepared, rows, max_field_chars)
            if member is not None:
                batch, size = [member], len(member[1].data) - member[1].offset
    assert all(result is not None for result in results)
    return [result for result in results if result is not None]


@dataclass
class _Prepared:
    """A file read as far as its header: what is left is to parse its data rows."""

    path: Path
    kind: str
    municipality: str
    raw: FileBytes
    digest: Callable[[], str | DigestLater]
    encoding: str | None
    text: _Text
    dialect: _Dialect
    header: _Header
    issues: list[Issue]
    data: FileBytes  # UTF-8
    offset: int  # where the data rows start in ``data`` (-1: the header is its last line)

    @property
    def file(self) -> str:
        return str(self.path)


def _prepare(
    path: Path, kind: str, municipality: str, is_header: HeaderTest | None
) -> _Prepared | list[Issue]:
    """The file read up to its header; the issues of a file that is rejected whole."""
    file = str(path)
    raw = _file_bytes(path)
    digest = _sha256(raw)
    if is_blank_bytes(raw):
        return [empty_file_issue(file)]
    issues = binary_content_issues(raw, file)
    if issues:
        return issues
    text, encoding, issues = _decode(raw, file)
    if text is None:
        return issues
    if encoding != "utf-8" and "\x00" in text.full():  # UTF-16: NUL checked after decoding
        return [*issues, *nul_issues(text.full(), "\x00", file)]
    if not text.head(4096).strip() and not text.full().strip():
        return [*issues, empty_file_issue(file)]
    dialect = _dialect_in(text)
    header_found = _read_header(text, dialect, file, kind, is_header)
    if isinstance(header_found, _Header) and not header_found.clear:
        # A title line can hide the delimiter (sniffed on the first line): try the others.
        for other in DELIMITERS:
            if other != dialect.delimiter and not dialect.sep_line:
                tried = _read_header(text, replace(dialect, delimiter=other), file, kind, is_header)
                if isinstance(tried, _Header) and tried.clear:
                    dialect, header_found = replace(dialect, delimiter=other), tried
                    break
    if header_found is None:
        return [*issues, empty_file_issue(file)]
    if isinstance(header_found, Issue):
        return [*issues, header_found]
    note = _header_row_note(header_found, dialect, file)
    if note is not None:
        issues.append(note)
    single = _single_column_issue(header_found.cells, dialect, file, header_found.line)
    if single is not None:
        return [*issues, single]
    data = raw if encoding == "utf-8" else text.full().encode("utf-8")
    return _Prepared(
        path,
        kind,
        municipality,
        raw,
        digest,
        encoding,
        text,
        dialect,
        header_found,
        issues,
        data,
        _data_offset(data, header_found.end),
    )


def _data_offset(data: FileBytes, header_end: int) -> int:
    """Where the line after line ``header_end`` starts (-1: there is none)."""
    offset = 0
    for _ in range(header_end):
        offset = data.find(b"\n", offset) + 1
        if offset == 0:
            return -1
    return offset


def _parse(prepared: _Prepared, columns: ColumnChoice | None) -> _Rows:
    """The data rows of one file: pyarrow's fast path, else the csv module."""
    header = prepared.header
    rows = None
    if not prepared.text.has_lone_cr():
        rows = _parse_with_pyarrow(
            prepared.data,
            prepared.dialect,
            header.end,
            len(header.cells),
            None if columns is None else columns(header.cells),
        )
    if rows is None:
        rows = _parse_with_csv_module(
            prepared.text.full(), prepared.dialect, header.end, len(header.cells), prepared.file
        )
    return rows


def _parse_together(files: Sequence[_Prepared], delimiter: str, width: int) -> list[_Rows]:
    """``_parse`` of each file (UTF-8, no lone CR, data after the header, the same
    delimiter and width), in one pyarrow call when every row of every file is one line
    (then each file's rows are its lines' rows, as parsed alone); else by halves."""
    # (views of the data: no copy of each file's before the one of all of them)
    parts = [memoryview(prepared.data)[prepared.offset :] for prepared in files]
    totals = [_count_lines(prepared.data, prepared.offset) for prepared in files]
    table = None
    if len(files) > 1:
        pieces: list[bytes | memoryview] = []
        for part in parts:
            pieces.append(part)
            if not part or part[-1] != ord("\n"):
                pieces.append(b"\n")
        table = _read_arrow(
            b"".join(pieces),
            delimiter,
            width,
            quoted=any(prepared.data.find(b'"', prepared.offset) >= 0 for prepared in files),
        )
    if table is None or table.num_rows != sum(totals):
        if len(files) == 1:
            return [_parse(files[0], None)]
        half = len(files) // 2
        return [
            *_parse_together(files[:half], delimiter, width),
            *_parse_together(files[half:], delimiter, width),
        ]
    blank = _blank_mask(table)
    blank_rows = None if blank is None else np.asarray(blank)
    # A bound of every file's longest cell: its data's size, or the longest cell of all
    # files when that is below every field limit (a larger one: each file's own, exact)
    longest = None
    if any(len(part) > _BOUND_FROM_BUFFER for part in parts):
        longest = _longest_cell(table) if table.num_rows else 0
        if longest > _BOUND_FROM_BUFFER:
            longest = None
    found: list[_Rows] = []
    start = 0
    for prepared, part, total in zip(files, parts, totals, strict=True):
        first = prepared.header.end + 1
        found.append(
            _rows_of(
                table.slice(start, total),
                np.arange(first, first + total, dtype=np.int64),
                0,
                None if blank_rows is None else blank_rows[start : start + total],
                width,
                # (a cell holds at most the bytes of the data: below every field limit)
                longest_cell_bytes=len(part) if len(part) <= _BOUND_FROM_BUFFER else longest,
            )
        )
        start += total
    return found


def _finish(
    prepared: _Prepared, rows: _Rows, max_field_chars: int
) -> tuple[SourceTable, list[Issue]]:
    """The table of a file read up to its header, and every issue, from its rows."""
    file, issues, header = prepared.file, prepared.issues, prepared.header
    issues.extend(rows.issues)
    issues.extend(_field_size_issues(rows, header.cells, max_field_chars, file))
    if rows.blank_rows:
        issues.append(
            Issue(
                code=IssueCode.BLANK_ROWS_SKIPPED,
                severity=Severity.INFO,
                file=file,
                params={"count": rows.blank_rows},
                value=str(rows.blank_rows),
            )
        )
    if _no_cells(rows.cells) and len(rows.lines) == 0:
        issues.append(
            Issue(
                code=IssueCode.HEADER_ONLY, severity=Severity.WARNING, file=file, line=header.line
            )
        )
    # Arrow cells stay Arrow until ``SourceTable.cells`` is first read (see there).
    cells: Any = rows.cells
    source = SourceTable(
        path=prepared.path,
        kind=prepared.kind,
        municipality=prepared.municipality,
        format="csv",
        sha256=typing.cast(str, prepared.digest()),  # (see ``DigestLater``)
        encoding=prepared.encoding,
        delimiter=prepared.dialect.delimiter,
        header=header.cells,
        header_line=header.line,
        cells=cells if isinstance(cells, pa.Table) else cells.reset_index(drop=True),
        lines=LineNumbers(rows.lines),
        blank_rows_skipped=rows.blank_rows,
    )
    _release(prepared.raw)
    return source, [
        issue.model_copy(
            update={"municipality": prepared.municipality, "record_kind": prepared.kind}
        )
        for issue in issues
    ]


def _no_cells(cells: pd.DataFrame | pa.Table) -> bool:
    """``DataFrame.empty``: no row or no column."""
    if isinstance(cells, pa.Table):
        return bool(cells.num_rows == 0 or cells.num_columns == 0)
    return bool(cells.empty)


def _release(raw: FileBytes) -> None:
    """Unmap a mapped file once read (the cells are copies): its pages leave the process."""
    if isinstance(raw, mmap.mmap):
        # BufferError: something still looks at the bytes; the collector unmaps them later.
        with contextlib.suppress(BufferError):
            raw.close()


#: Bytes of a file read to show its first rows to discovery (the kind is not known yet).
HEAD_PROBE_BYTES = 64 << 10


def head_rows(path: Path) -> tuple[tuple[str, ...], ...]:
    """The first filled rows (at most ``HEADER_SEARCH_ROWS``) of a delimited file as text,
    read from its first ``HEAD_PROBE_BYTES``, never raising: what discovery shows the
    kind and adapter recognisers of a file it cannot place by name. Empty for a file
    that is not text (binary, a workbook, NUL bytes) or cannot be read."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(HEAD_PROBE_BYTES)
    except OSError:
        return ()
    if not raw or binary_content_issues(raw, str(path)):
        return ()
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if raw.startswith(bom):
            text = raw[len(bom) :].decode(codec, errors="replace")
            break
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:  # cut in a sequence at the end, or not UTF-8
            cut = raw[: error.start].decode("utf-8") if error.start > len(raw) - 4 else None
            text = cut if cut is not None else raw.decode("cp1252", errors="replace")
    if "\x00" in text:
        return ()
    if len(raw) == HEAD_PROBE_BYTES:  # the last line may be cut: leave it out
        text = text[: max(text.rfind("\n"), 0)]
    dialect = _dialect(text)
    # A title line can hide the delimiter (sniffed on the first line): the delimiter that
    # makes a row most like some kind's header wins, the sniffed one on a tie.
    tried = [
        _head_rows_split(text, delimiter, dialect.preamble)
        for delimiter in (dialect.delimiter, *DELIMITERS)
    ]
    return max(tried, key=_best_known_headers)


def _best_known_headers(rows: tuple[tuple[str, ...], ...]) -> int:
    return max((score.known for score in candidate_kinds(rows, limit=1)), default=0)


def _head_rows_split(text: str, delimiter: str, preamble: int) -> tuple[tuple[str, ...], ...]:
    _, reader = _csv_reader(text, delimiter)
    rows: list[tuple[str, ...]] = []
    try:
        for number, record in enumerate(reader):
            if number >= preamble and not _is_blank(record):
                rows.append(tuple(cell[:MAX_HEADER_CELL_CHARS] for cell in record[:MAX_COLUMNS]))
            if len(rows) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error:
        pass
    return tuple(rows)
