"""Fixtures of the validation tests: SourceTables built by hand, as the reader makes them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from inventory.issues import IssueReport
from inventory.models import header_aliases
from inventory.models.registry import normalise_header
from inventory.read.source import SourceTable
from inventory.validate.batch import ValidTable
from inventory.validate.records import build_valid_table


@dataclass
class Mapping:
    """A header mapping as ``inventory.read.headers.map_headers`` returns it."""

    fields: dict[int, str]
    written: dict[str, str]
    ignored: list[int] = field(default_factory=list)


def make_source(
    kind: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    municipality: str = "gnosjo",
    file: str | None = None,
    lines: Sequence[int] | None = None,
) -> SourceTable:
    """A SourceTable of ``rows`` (header on line 1, one line per row unless ``lines``)."""
    cells = pd.DataFrame(
        {str(i): pd.Series([row[i] for row in rows], dtype="str") for i in range(len(header))}
    )
    return SourceTable(
        path=Path(file or f"{municipality}/{kind}.csv"),
        kind=kind,
        municipality=municipality,
        format="csv",
        sha256="0" * 64,
        encoding="utf-8",
        delimiter=",",
        header=list(header),
        header_line=1,
        cells=cells,
        lines=list(lines) if lines is not None else list(range(2, len(rows) + 2)),
    )


def make_mapping(source: SourceTable) -> Mapping:
    """The mapping of every known header of ``source`` to its field."""
    aliases = header_aliases(source.kind)
    fields = {
        i: aliases[normalise_header(h)]
        for i, h in enumerate(source.header)
        if normalise_header(h) in aliases
    }
    return Mapping(
        fields=fields,
        written={source.header[i]: f for i, f in fields.items()},
        ignored=[i for i in range(len(source.header)) if i not in fields],
    )


SourceFactory = Callable[..., SourceTable]


@pytest.fixture
def source() -> SourceFactory:
    """Build a SourceTable by hand: ``source(kind, header, rows, ...)``."""
    return make_source


@pytest.fixture
def mapping() -> Callable[[SourceTable], Mapping]:
    """The header mapping of a hand-built SourceTable."""
    return make_mapping


def check_table(
    kind: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    cap: int = 1000,
    **options: object,
) -> tuple[ValidTable, IssueReport]:
    """Validate one hand-built file: its ValidTable and the report of its issues."""
    report = IssueReport(cap=cap)
    table = make_source(kind, header, rows, **options)  # type: ignore[arg-type]
    return build_valid_table(table, make_mapping(table), report), report


@pytest.fixture
def check() -> Callable[..., tuple[ValidTable, IssueReport]]:
    """``check(kind, header, rows, lines=..., file=...)``: validate one hand-built file."""
    return check_table
