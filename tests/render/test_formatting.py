"""Numbers, percentages, money and dates read as each report language's locale writes them
(Babel's CLDR data); the fast path gives what Babel itself gives."""

from __future__ import annotations

import datetime as dt
import doctest
from decimal import Decimal

import pytest
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal as babel_decimal
from babel.numbers import format_percent as babel_percent
from hypothesis import assume, given
from hypothesis import strategies as st

from inventory.language import formatting
from inventory.language.catalogues import BABEL_LOCALES
from inventory.language.formatting import (
    format_cell,
    format_date,
    format_decimal,
    format_integer,
    format_money,
    format_number,
    format_percent,
    number_symbols,
)
from inventory.language.i18n import LANGUAGES, Lang, t
from inventory.render.document import Column, ReportDocument, Section, Table
from inventory.render.html import render_html
from inventory.render.markdown import render_markdown
from inventory.render.views.common import bandwidth_text

NBSP = "\u00a0"
MINUS = "\u2212"


def _tie(value: float, decimals: int) -> bool:
    """Whether Babel (rounding the decimal text) and Python (the binary value) may differ."""
    return format(Decimal(repr(value)), f".{decimals}f") != f"{value:.{decimals}f}"


def test_doctests() -> None:
    assert doctest.testmod(formatting).failed == 0


@pytest.mark.parametrize("lang", LANGUAGES)
@given(
    value=st.floats(min_value=0, max_value=1e12, allow_nan=False),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_numbers_as_babel_formats_them(lang: Lang, value: float, decimals: int) -> None:
    assume(not _tie(value, decimals))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    expected = babel_decimal(value, pattern, locale=BABEL_LOCALES[lang])
    assert format_number(value, lang, decimals) == expected


@pytest.mark.parametrize("lang", LANGUAGES)
@given(value=st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_decimals_as_babel_formats_them(lang: Lang, value: float) -> None:
    assume(not _tie(value, 3))
    assert format_decimal(value, lang, 3) == babel_decimal(
        value, "#,##0.###", locale=BABEL_LOCALES[lang]
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@given(value=st.floats(min_value=0, max_value=100, allow_nan=False))
def test_percentages_as_babel_formats_them(lang: Lang, value: float) -> None:
    # Babel scales the decimal text by 100, the fast path the float: equal but at ties
    assume(format(Decimal(repr(value)).scaleb(2), ".1f") == f"{value * 100:.1f}")
    # the locale's own percent pattern with one decimal: "#,##0.0 %" in sv/nb, "#,##0.0%" en
    suffix = NBSP + "%" if lang != "en" else "%"
    expected = babel_percent(value, "#,##0.0" + suffix, locale=BABEL_LOCALES[lang])
    assert format_percent(value, lang) == expected


def test_the_locales_symbols() -> None:
    # CLDR: en_GB "1,234.5" and "-"; sv_SE and nb_NO "1 234,5" (no-break space) and U+2212
    assert format_number(-1234.5, "en", 1) == "-1,234.5"
    assert format_number(-1234.5, "sv", 1) == f"{MINUS}1{NBSP}234,5"
    assert format_number(-1234.5, "no", 1) == f"{MINUS}1{NBSP}234,5"
    assert number_symbols("no").decimal == ","
    # rounded to zero shows no sign; half to even (a Decimal's digits; a float's binary
    # value: 2.675 is 2.67499999... and shows as 2.67)
    assert format_number(-0.004, "sv", 2) == "0,00"
    assert format_number(2.675, "en", 2) == "2.67"
    assert format_number(Decimal("2.675"), "en", 2) == "2.68"
    assert format_number(Decimal("2.5"), "en", 0) == "2"
    assert format_number(float("nan"), "sv", 1) == "–"
    assert format_integer(1_000_000, "en") == "1,000,000"


def test_percent_places_its_sign_per_locale() -> None:
    assert format_percent(0.605, "en") == "60.5%"
    assert format_percent(0.605, "sv") == f"60,5{NBSP}%"
    assert format_percent(0.605, "no", 0) == f"60{NBSP}%"  # 60.5 to even -> 60
    assert format_cell(0.125, "percent", "sv", 2) == f"12,50{NBSP}%"


def test_money_as_the_locale_writes_it() -> None:
    # Swedish writes its own crowns "kr" and Norwegian crowns "Nkr"; Norwegian the reverse
    assert format_money(1500, "SEK", "sv") == f"1{NBSP}500{NBSP}kr"
    assert format_money(1500, "NOK", "sv") == f"1{NBSP}500{NBSP}Nkr"
    assert format_money(1500, "NOK", "no") == f"1{NBSP}500{NBSP}kr"
    assert format_money(1500, "SEK", "no") == f"1{NBSP}500{NBSP}SEK"
    # English puts the code first, with CLDR's space between letters and digits
    assert format_money(-1500.4, "NOK", "en") == f"-NOK{NBSP}1,500"
    assert format_money(2.25, "EUR", "sv", 2) == f"2,25{NBSP}€"
    assert format_money(-0.2, "SEK", "sv") == f"0{NBSP}kr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_in_the_locales_short_form(lang: Lang) -> None:
    day = dt.date(2026, 3, 4)
    assert format_date(day, lang) == babel_date(day, "short", locale=BABEL_LOCALES[lang])
    assert (
        format_date(day, lang) == {"en": "04/03/2026", "sv": "2026-03-04", "no": "04.03.2026"}[lang]
    )
    assert format_cell(day, "date", lang) == format_date(day, lang)


def test_diagram_labels_in_the_locales_numbers() -> None:
    # 2,500 Mbit/s = 2.5 Gbit/s: the decimal sign is the locale's
    assert bandwidth_text(2500, "sv") == "2,5 Gbit/s"
    assert bandwidth_text(2500, "en") == "2.5 Gbit/s"
    assert bandwidth_text(500, "no") == "500 Mbit/s"


def test_a_cut_tables_note_groups_its_counts() -> None:
    # 1,500 rows, 10 shown: "Visar 10 av 1 500 rader" (no-break space), "1,500" in English
    table = Table(
        title="Klienter",
        columns=[Column(key="n", label="N", type="int")],
        rows=[[number] for number in range(1500)],
    )
    cases: list[tuple[Lang, str]] = [("sv", f"1{NBSP}500"), ("en", "1,500")]
    for lang, total in cases:
        document = ReportDocument(
            title="x", lang=lang, sections=[Section(id="a", title="A", blocks=[table])]
        )
        assert t("report.truncated", lang, shown="10", total=total) in render_html(
            document, max_table_rows=10
        )
        assert t("report.truncated", lang, shown="10", total=total) in render_markdown(
            document, max_table_rows=10
        )
