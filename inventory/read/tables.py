"""``read_table``: one inventory file (CSV, TSV, TXT or XLSX) to a ``SourceTable``."""

from __future__ import annotations

from pathlib import Path

from inventory.issues import Issue, IssueCode, template_key
from inventory.output_files import os_reason
from inventory.read.delimited import read_csv_table
from inventory.read.source import ColumnChoice, HeaderTest, SourceTable
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
        return None, [
            Issue(
                code=IssueCode.PATH_NOT_FOUND,
                file=str(path),
                municipality=municipality,
                record_kind=kind,
                template=template_key(IssueCode.PATH_NOT_FOUND, "unreadable"),
                params={"error": os_reason(error)},
            )
        ]
