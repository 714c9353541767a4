"""Units in cells and headers (issue 15, item 3): converted to the column's unit, a unit of
another dimension an error naming the unit expected. Expected values are worked out here
from the definitions (1 MiB = 2^20 bytes, 1 GB = 10^9 bytes; memory GB = 2^30 bytes)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory.issues import IssueCode, IssueReport, Severity
from inventory.models import field_specs
from inventory.read import map_headers
from inventory.read.units import UNITS, Dimension, column_unit
from inventory.validate.records import build_valid_table
from inventory.validate.values import ColumnPlace, parse_column
from tests.validate.conftest import make_source

KiB, MiB, GiB, TiB = 2**10, 2**20, 2**30, 2**40
GB, TB = 10**9, 10**12

#: The required cells of each kind, so that a file holds one row of it with one more column.
BASE = {
    "server": (["ID", "Typ", "Plats"], ["srv-a", "physical", "DC1"]),
    "storage": (["ID", "Typ"], ["nas-1", "nas"]),
    "link": (["ID", "A-plats", "B-plats", "Typ"], ["L9", "DC1", "DC2", "fiber"]),
    "site": (["ID", "Typ"], ["DC1", "datacentre"]),
}


def read_one(kind: str, header: str, cell: str) -> tuple[object, IssueReport]:
    """The value one file with one row stores for the column ``header`` holding ``cell``,
    through the real header mapping and validation, and the report."""
    base_header, base_row = BASE[kind]
    source = make_source(
        kind, [*base_header, header], [[*base_row, cell]], file=f"kommun/{kind}.csv"
    )
    mapping, issues = map_headers(source)
    report = IssueReport()
    report.extend(issues)
    table = build_valid_table(source, mapping, report)
    field = mapping.fields.get(len(base_header))
    value = None if field is None else table.frame[field].iloc[0]
    return (None if pd.isna(value) else value), report


# --- a unit in the cell, every dimension and multiple -------------------------------------------


@pytest.mark.parametrize(
    ("kind", "header", "cell", "expected"),
    [
        # bit rates into Mbit/s (decimal: 1 Gbit/s = 1000 Mbit/s)
        ("link", "Bandbredd", "100 Mbit/s", 100.0),
        ("link", "Bandwidth", "1 Gbit", 1000.0),
        ("link", "Båndbredde", "10G", 10_000.0),
        ("link", "bandwidth_mbps", "2,5 Gbps", 2500.0),
        ("link", "Kapasitet", "512 kbit/s", 0.512),
        ("link", "Hastighet", "100 mb", 100.0),  # case says nothing: the column's dimension
        ("link", "Speed", "1 Tbit/s", 1_000_000.0),
        ("link", "Fart", "12,5 MB/s", 100.0),  # bytes per second: 12.5 x 8 bits
        # data into the storage columns' decimal GB / TB
        ("server", "Disk", "2 TB", 2 * TB / GB),
        ("server", "Lagring", "1,5 TB", 1.5 * TB / GB),
        ("server", "Diskplass", "512 MiB", 512 * MiB / GB),
        ("server", "Storage", "500G", 500 * GiB / GB),  # Linux tools' bare G is binary
        ("server", "disk gb", "750 000 MB", 750_000 * 10**6 / GB),
        ("storage", "Kapacitet", "2 TiB", 2 * TiB / TB),
        ("storage", "Capacity", "800 GB", 800 * GB / TB),
        ("storage", "Brukt", "1 024,5 GB", 1024.5 * GB / TB),
        ("storage", "Använt", "1.024,5 GB", 1024.5 * GB / TB),
        ("storage", "Used", "1 024.5 GB", 1024.5 * GB / TB),
        ("storage", "Kapasitet", "3 PB", 3 * 10**15 / TB),
        # memory is JEDEC: GB = GiB, MB = MiB
        ("server", "Minne", "16 GB", 16.0),
        ("server", "RAM", "16384 MiB", 16384 * MiB / GiB),
        ("server", "Memory", "16384 MB", 16384 * MiB / GiB),
        ("server", "Arbeidsminne", "512 MiB", 512 * MiB / GiB),
        ("server", "minne", "1 TiB", TiB / GiB),
        ("server", "Arbetsminne", "8 GiB", 8.0),
        ("server", "ram", "32G", 32.0),
        ("server", "Minne", "2 097 152 KiB", 2_097_152 * KiB / GiB),
        # power
        ("server", "Effekt", "800 W", 800.0),
        ("server", "Strømforbruk", "3,2 kW", 3200.0),
        ("server", "Power", "0.45 kw", 450.0),
        ("site", "Effektkapacitet", "120 kW", 120.0),
        ("site", "Brukt effekt", "85 000 W", 85.0),
        ("site", "Power capacity", "1,2 MW", 1200.0),
        # rack units
        ("server", "Rackenheter", "2U", 2),
        ("server", "Height", "4 RU", 4),
        ("site", "Ledige U", "12 U", 12),
    ],
)
def test_a_unit_in_the_cell_is_converted_to_the_columns(
    kind: str, header: str, cell: str, expected: float
) -> None:
    value, report = read_one(kind, header, cell)
    assert report.all_issues() == []
    assert value == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("kind", "header", "cell", "expected"),
    [
        ("link", "Bandbredd", "250", 250.0),
        ("server", "Minne", "12", 12.0),
        ("storage", "Kapasitet", "3,5", 3.5),
        ("server", "Effekt", "455,5", 455.5),
    ],
)
def test_a_plain_number_keeps_the_columns_unit(
    kind: str, header: str, cell: str, expected: float
) -> None:
    value, report = read_one(kind, header, cell)
    assert report.all_issues() == [] and value == expected


# --- a unit in the header -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "header", "cell", "expected"),
    [
        ("server", "Minne (GB)", "16", 16.0),
        ("server", "RAM [MiB]", "8192", 8192 * MiB / GiB),
        ("server", "Memory (MB)", "4096", 4096 * MiB / GiB),
        ("server", "Disk (TB)", "1,5", 1.5 * TB / GB),
        ("server", "Lagring i MiB", "2 048", 2048 * MiB / GB),
        ("server", "Disk_GiB", "100", 100 * GiB / GB),
        ("server", "Effekt (kW)", "0,75", 750.0),
        ("link", "Båndbredde (Mbit/s)", "100", 100.0),
        ("link", "Bandbredd (Gbit/s)", "10", 10_000.0),
        ("link", "Bandwidth [kbps]", "2048", 2.048),
        ("storage", "Kapasitet (TiB)", "4", 4 * TiB / TB),
        ("storage", "Capacity (GB)", "500", 500 * GB / TB),
        ("site", "Effektkapacitet (W)", "40 000", 40.0),
        ("site", "Effekt kapacitet [MW]", "0,5", 500.0),
    ],
)
def test_a_unit_in_the_header_converts_the_columns_plain_numbers(
    kind: str, header: str, cell: str, expected: float
) -> None:
    value, report = read_one(kind, header, cell)
    assert [i.code for i in report.all_issues() if i.severity is not Severity.INFO] == []
    assert value == pytest.approx(expected, rel=1e-9)


def test_a_header_unit_other_than_the_columns_is_reported_as_info_with_its_factor() -> None:
    _, report = read_one("server", "RAM [MiB]", "8192")
    (info,) = report.all_issues()
    assert (info.code, info.severity, info.column, info.line) == (
        IssueCode.UNIT_FROM_HEADER,
        Severity.INFO,
        "RAM [MiB]",
        1,
    )
    assert "1 MiB = 0.0009765625 GB" in info.message  # 2^20 / 2^30 = 1/1024


def test_a_unit_in_the_cell_wins_over_the_headers() -> None:
    value, _ = read_one("server", "Minne (MiB)", "16 GB")
    assert value == 16.0


def test_a_large_column_converts_its_plain_numbers_too() -> None:
    # 3,000 rows take the column parser's vectorised path (more than 2,048 rows)
    spec = {s.name: s for s in field_specs("server")}["storage_gb"]
    cells = [str(n) for n in range(3000)] + ["1 TB"]
    place = ColumnPlace("servrar.csv", "Disk (TB)", 3, list(range(2, 3003)))
    unit = next(u for u in UNITS if u.symbol == "TB")
    parsed = parse_column(spec, pd.Series(cells, dtype="str"), place, unit=unit)
    assert parsed.issues == []
    assert parsed.values.iloc[7] == 7 * TB / GB and parsed.values.iloc[3000] == TB / GB


# --- the wrong dimension ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "header", "cell", "expected_unit", "found"),
    [
        ("link", "Bandbredd", "16 GB", "Mbit/s", "an amount of data"),
        ("link", "Bandwidth", "3 kW", "Mbit/s", "a power"),
        ("server", "Minne", "1 Gbit", "GB", "a bit rate"),
        ("server", "Disk", "200 W", "GB", "a power"),
        ("storage", "Kapasitet", "10 Gbps", "TB", "a bit rate"),
        ("server", "Effekt", "1,2 kVA", "W", "an apparent power"),
        ("site", "Effektkapacitet", "100 TB", "kW", "an amount of data"),
    ],
)
def test_a_unit_of_another_dimension_is_an_error_naming_the_unit_expected(
    kind: str, header: str, cell: str, expected_unit: str, found: str
) -> None:
    value, report = read_one(kind, header, cell)
    (issue,) = report.all_issues()
    assert issue.code is IssueCode.WRONG_UNIT and issue.severity is Severity.ERROR
    assert (issue.file, issue.line, issue.row, issue.column, issue.value) == (
        f"kommun/{kind}.csv",
        2,
        1,
        header,
        cell,
    )
    assert issue.column_index == len(BASE[kind][0]) + 1
    assert f"is in {expected_unit}" in issue.message and found in issue.message
    assert issue.hint is not None and expected_unit in issue.hint
    assert value is None


def test_a_header_unit_of_another_dimension_is_an_error_and_the_column_is_not_read() -> None:
    value, report = read_one("link", "Bandbredd (GB)", "100")
    errors = [i for i in report.all_issues() if i.severity is Severity.ERROR]
    assert [(i.code, i.line, i.column, i.column_index) for i in errors] == [
        (IssueCode.WRONG_UNIT, 1, "Bandbredd (GB)", 5)
    ]
    assert "Mbit/s" in errors[0].message and value is None


@pytest.mark.parametrize(
    ("kind", "header", "cell", "named"),
    [
        ("link", "Bandbredd", "fort", "Mbit/s"),
        ("server", "Minne", "16 gigs", "GiB"),
        ("server", "Effekt", "ca 400", "kW"),
    ],
)
def test_not_a_number_names_the_units_the_column_takes(
    kind: str, header: str, cell: str, named: str
) -> None:
    _, report = read_one(kind, header, cell)
    (issue,) = report.all_issues()
    assert issue.code is IssueCode.INVALID_NUMBER and issue.hint is not None
    assert "unit" in issue.hint and named in issue.hint


def test_a_column_without_a_unit_says_it_takes_none() -> None:
    _, report = read_one("server", "Kärnor", "8 cores")
    (issue,) = report.all_issues()
    assert issue.code is IssueCode.INVALID_NUMBER
    assert issue.hint is not None and "without a unit" in issue.hint


# --- property: any value in any unit of the table reads back in the column's unit ---------------

#: Bytes (or bits per second, or watts) per unit, written out independently of the table.
SIZES = {
    Dimension.DATA_RATE: {
        "bit/s": 1,
        "kbit/s": 10**3,
        "Mbit/s": 10**6,
        "Gbit/s": 10**9,
        "Tbit/s": 10**12,
        "kB/s": 8 * 10**3,
        "MB/s": 8 * 10**6,
        "GB/s": 8 * 10**9,
        "k": 10**3,
        "M": 10**6,
        "G": 10**9,
        "T": 10**12,
    },
    Dimension.DATA: {
        "B": 1,
        "kB": 10**3,
        "MB": 10**6,
        "GB": 10**9,
        "TB": 10**12,
        "PB": 10**15,
        "KiB": KiB,
        "MiB": MiB,
        "GiB": GiB,
        "TiB": TiB,
        "PiB": 2**50,
        "K": KiB,
        "M": MiB,
        "G": GiB,
        "T": TiB,
    },
    Dimension.POWER: {"W": 1, "kW": 10**3, "MW": 10**6},
    Dimension.RACK_UNITS: {"U": 1},
}
#: In a memory column (JEDEC) the decimal prefixes are binary.
MEMORY = {"kB": KiB, "MB": MiB, "GB": GiB, "TB": TiB, "PB": 2**50}
COLUMNS = [
    ("link", "bandwidth_mbps"),
    ("server", "ram_gb"),
    ("server", "storage_gb"),
    ("storage", "capacity_tb"),
    ("server", "power_w"),
    ("site", "power_capacity_kw"),
]


def _spellings(dimension: Dimension) -> Sequence[tuple[str, str]]:
    """(symbol, spelling) of every unit of ``dimension`` in the table."""
    return [
        (unit.symbol, spelling)
        for unit in UNITS
        if unit.dimension is dimension
        for spelling in unit.spellings
    ]


@given(
    data=st.data(),
    mantissa=st.integers(min_value=0, max_value=10**7),
    decimals=st.integers(min_value=0, max_value=3),
    comma=st.booleans(),
    space=st.booleans(),
)
def test_any_value_in_any_unit_reads_back_in_the_columns_unit(
    data: st.DataObject, mantissa: int, decimals: int, comma: bool, space: bool
) -> None:
    kind, field = data.draw(st.sampled_from(COLUMNS))
    spec = {s.name: s for s in field_specs(kind)}[field]
    column = column_unit(spec.name, spec.unit)
    assert column is not None
    symbol, spelling = data.draw(st.sampled_from(_spellings(column.dimension)))
    value = mantissa / 10**decimals
    digits = f"{value:.{decimals}f}".replace(".", "," if comma else ".")
    text = f"{digits}{' ' if space else ''}{spelling}"
    sizes = SIZES[column.dimension]
    size_of = {**sizes, **MEMORY} if field == "ram_gb" else sizes
    expected = value * size_of[symbol] / size_of[column.unit.symbol]
    place = ColumnPlace(f"{kind}.csv", field, 1, [2])
    parsed = parse_column(spec, pd.Series([text], dtype="str"), place)
    problems = [(i.code, i.message) for i in parsed.issues]
    if problems:  # only a lone separator before three digits may be refused: 1,024 / 1.024
        assert [code for code, _ in problems] == [IssueCode.AMBIGUOUS_NUMBER], (text, problems)
        return
    assert parsed.values.iloc[0] == pytest.approx(expected, rel=1e-9), text
