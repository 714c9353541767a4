"""Property tests: the value parsers never raise, and every accepted style parses back."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from inventory.models import RECORD_KINDS, field_specs
from inventory.models.registry import FieldSpec
from inventory.validate import values
from inventory.validate.values import ColumnPlace, Problem, parse_column, parse_date, parse_number

#: One field of every kind of parser.
SPECS: dict[str, FieldSpec] = {
    f"{kind}.{spec.name}": spec
    for kind in RECORD_KINDS
    for spec in field_specs(kind)
    if (kind, spec.name)
    in {
        ("server", "id"),
        ("server", "serial_number"),
        ("server", "cpu_cores"),
        ("server", "ram_gb"),
        ("server", "kind"),
        ("server", "purchase_date"),
        ("server", "ip_address"),
        ("site", "ups"),
        ("zone", "vlans"),
        ("zone", "prefixes"),
        ("zone", "sites"),
        ("application", "depends_on"),
        ("municipality", "name"),
    }
}
AMBIGUOUS = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")

cells = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
numeric_cells = st.text(alphabet="0123456789 ,.-+eE\u00a0\u202f\u2212", max_size=16)


@pytest.mark.parametrize("name", sorted(SPECS))
@settings(max_examples=25, deadline=None)
@given(texts=st.lists(st.one_of(cells, numeric_cells), max_size=12))
def test_parsers_never_raise(name: str, texts: list[str]) -> None:
    spec = SPECS[name]
    place = ColumnPlace("f.csv", spec.name, 1, list(range(2, len(texts) + 2)))
    parsed = parse_column(spec, pd.Series(texts, dtype="str"), place)
    assert len(parsed.values) == len(texts)
    for issue in parsed.issues:
        assert issue.row is not None and 1 <= issue.row <= len(texts)
        assert issue.line == issue.row + 1
    bad_rows = {issue.row for issue in parsed.issues}
    for row, value in enumerate(parsed.values.tolist(), start=1):
        if row in bad_rows:
            assert value is None or pd.isna(value)


def _group(digits: str, separator: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


STYLES = {
    "plain point": ("", "."),
    "plain comma": ("", ","),
    "space, comma": (" ", ","),
    "no-break space, comma": ("\u00a0", ","),
    "narrow no-break space, comma": ("\u202f", ","),
    "point, comma": (".", ","),
    "comma, point": (",", "."),
    "space, point": (" ", "."),
}


@pytest.mark.parametrize("style", sorted(STYLES))
@settings(max_examples=60, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**12),
    fraction=st.text(alphabet="0123456789", max_size=6),
    negative=st.booleans(),
)
def test_numbers_in_every_accepted_style_parse_back(
    style: str, whole: int, fraction: str, negative: bool
) -> None:
    thousands, decimal = STYLES[style]
    body = _group(str(whole), thousands) if thousands else str(whole)
    if fraction:
        body += decimal + fraction
    # A lone separator before exactly three digits is ambiguous by design.
    assume(not AMBIGUOUS.fullmatch(body))
    # With a point as thousands separator, a point-grouped integer (1.024.000) reads as
    # thousands: the same value, so it stays in.
    text = ("-" if negative else "") + body
    expected = float(f"{'-' if negative else ''}{whole}.{fraction or '0'}")
    number = parse_number(text)
    assert not isinstance(number, Problem), (text, number)
    assert float(number) == expected


@settings(max_examples=100, deadline=None)
@given(
    date=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)),
    style=st.sampled_from(["%Y-%m-%d", "%d.%m.%Y", "{d}.{m}.%Y", "%Y-%m-%d 00:00:00"]),
)
def test_dates_in_every_accepted_style_parse_back(date: dt.date, style: str) -> None:
    text = date.strftime(style.format(d=date.day, m=date.month))
    assert parse_date(text) == date


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_every_enum_spelling_parses_to_its_member(kind: str) -> None:
    for spec in field_specs(kind):
        if spec.enum is None:
            continue
        table = spec.enum.spellings()
        texts = pd.Series(list(table), dtype="str")
        place = ColumnPlace("f.csv", spec.name, 1, list(range(2, len(texts) + 2)))
        parsed = parse_column(spec, texts, place)
        assert parsed.issues == []
        assert parsed.values.tolist() == list(table.values())


#: Texts that trip normalising: spaces of every kind, zero-width and decomposed letters.
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "\u00a0",
        "\u2028",
        "\x1c",
        "\u200b",
        "\ufeff",
        "a\u0308",
        "ä",
        "Ø",
        "1",
        "1,5",
        "3.5",
        "1 024",
        "1.024",
        "-2",
        "1,23E+11",
        "2024-03-05",
        "5.3.2024",
        "3/5/2024",
        "45123",
        "ja",
        "x",
        "Nej",
        "virtual",
        "10.0.0.1",
        "10.0.0.0/8",
        "a; b",
        "٣",
        "\n",
        "NA",
    ]
)
tricky_cells = st.lists(TRICKY, max_size=4).map("".join)


def _parse_all_ways(spec: FieldSpec, texts: list[str]) -> list[tuple[pd.DataFrame, object]]:
    """The column parsed in plain Python, on Arrow's encoding, and row by row."""
    place = ColumnPlace("f.csv", spec.name, 1, list(range(2, len(texts) + 2)))
    outcomes: list[tuple[pd.DataFrame, object]] = []
    for small, distinct_from in ((10**9, 10**9), (0, 10**9), (0, 0)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(values, "_SMALL_COLUMN", small)
            patch.setattr(values, "_DISTINCT_FROM_ROWS", distinct_from)
            patch.setattr(values, "_SAMPLE", 1)
            parsed = parse_column(spec, pd.Series(texts, dtype="str"), place, limit=5)
        encoded_alike = (
            parsed.codes is not None
            and parsed.distinct is not None
            and parsed.distinct[parsed.codes].tolist()
            == parsed.values.astype(object).where(parsed.values.notna(), None).tolist()
        )
        outcomes.append(
            (
                parsed.values.to_frame(),
                (
                    str(parsed.values.dtype),
                    [type(value) for value in parsed.values.tolist()],
                    [issue.model_dump() for issue in parsed.issues],
                    parsed.unlisted,
                    encoded_alike,
                ),
            )
        )
    return outcomes


@pytest.mark.parametrize("name", sorted(SPECS))
@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.one_of(cells, numeric_cells, tricky_cells), max_size=10))
def test_small_large_and_per_row_columns_parse_alike(name: str, texts: list[str]) -> None:
    (first_values, first), *others = _parse_all_ways(SPECS[name], texts)
    assert isinstance(first, tuple) and first[-1]  # the codes say what the values say
    for values_, other in others:
        pd.testing.assert_frame_equal(first_values, values_, check_exact=True)
        assert first == other


OCTETS = ["0", "00", "01", "1", "9", "10", "99", "100", "199", "200", "249", "250", "255", "256"]
ip_like = st.one_of(
    st.lists(st.sampled_from(OCTETS), min_size=3, max_size=5).map(".".join),
    st.tuples(
        st.lists(st.sampled_from(OCTETS), min_size=4, max_size=4).map(".".join),
        st.sampled_from(["", " ", "\n", "/24", ".", "\u0663", "x"]),
        st.booleans(),
    ).map(lambda made: made[1] + made[0] if made[2] else made[0] + made[1]),
    st.sampled_from(["2001:db8::1", "::1", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "", "NA"]),
)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(ip_like, max_size=12))
def test_addresses_parse_alike_at_once_and_one_by_one(texts: list[str]) -> None:
    """Addresses as ``ipaddress`` writes them are taken at once by a regex in a large
    column, one by one in a small one: the same values and issues."""
    (first_values, first), *others = _parse_all_ways(SPECS["server.ip_address"], texts)
    for values_, other in others:
        pd.testing.assert_frame_equal(first_values, values_, check_exact=True)
        assert first == other
    expected = []
    for text in texts:
        value, problems = values._parse_ip_address(text.strip())
        expected.append(None if problems or not text.strip() else value)
    assert [None if pd.isna(v) else v for v in first_values["ip_address"].tolist()] == expected
