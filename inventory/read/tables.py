"""``read_table``: one inventory file (CSV, TSV, TXT or XLSX) to a ``SourceTable``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inventory.issues import Issue, IssueCode, template_key
from inventory.output_files import os_reason
from inventory.read.delimited import read_csv_table, read_csv_tables
from inventory.read.source import ColumnChoice, HeaderTest, SourceTable, TableRequest
from inventory.read.workbook import read_xlsx_table


def read_table(
    path: Path,
    kind: str,
    municipality: str,
    *,
    max_field_chars: int = 100_000,
    sheet: str | None = None,
    is_header: HeaderTest | None = None,
    columns: ColumnChoice | None = None,
) -> tuple[SourceTable | None, list[Issue]]:
    """Read one inventory file as text cells with their physical lines, never raising.

    ``sheet`` names the sheet of a workbook to read (default: the one named after the
    kind, else the first). Returns the table (None when the file cannot be read at all)
    and every issue found:
    encoding and dialect problems, rows of the wrong width, blank rows skipped, a header
    without rows. Cells stay text; headers are mapped by ``map_headers``. An adapter
    passes ``is_header`` (its export's header signature: the rows above the first row it
    accepts are a title, named in a ``header-row`` note) and may pass ``columns`` (the
    header positions it reads: a CSV reader may leave the others out of ``cells``).

    Example::

        table, issues = read_table(Path("samples/gislaved/servers.csv"), "server", "gislaved")
        table.cells["0"].iloc[0], table.lines[0]   # ('srv-ad01', 2)
    """
    try:
        if path.suffix.lower() == ".xlsx":
            return read_xlsx_table(
                path,
                kind,
                municipality,
                max_field_chars=max_field_chars,
                sheet=sheet,
                is_header=is_header,
            )
        return read_csv_table(
            path,
            kind,
            municipality,
            max_field_chars=max_field_chars,
            is_header=is_header,
            columns=columns,
        )
    except OSError as error:
        return None, [_unreadable(path, kind, municipality, error)]


def _unreadable(path: Path, kind: str, municipality: str, error: OSError) -> Issue:
    return Issue(
        code=IssueCode.PATH_NOT_FOUND,
        file=str(path),
        municipality=municipality,
        record_kind=kind,
        template=template_key(IssueCode.PATH_NOT_FOUND, "unreadable"),
        params={"error": os_reason(error)},
    )


def read_tables(
    requests: Sequence[TableRequest],
) -> list[tuple[SourceTable | None, list[Issue]]]:
    """``read_table`` of each request, in order: the same tables and issues, with the
    small delimited files' rows parsed together (``read_csv_tables``)."""
    results: list[tuple[SourceTable | None, list[Issue]] | None] = [None] * len(requests)
    delimited: list[tuple[int, TableRequest]] = []
    for number, request in enumerate(requests):
        if request.path.suffix.lower() == ".xlsx":
            results[number] = read_table(
                request.path, request.kind, request.municipality, sheet=request.sheet
            )
        else:
            delimited.append((number, request))
    read = read_csv_tables(
        [request for _, request in delimited],
        unreadable=lambda request, error: _unreadable(
            request.path, request.kind, request.municipality, error
        ),
    )
    for (number, _), result in zip(delimited, read, strict=True):
        results[number] = result
    return [result for result in results if result is not None]
