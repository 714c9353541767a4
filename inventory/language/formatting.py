"""How numbers, percentages, money and dates read in each report language: ``1 234,5`` in
Swedish, ``1,234.5`` in English, as the locale's CLDR data in Babel says
(``catalogues.BABEL_LOCALES``: en_GB, sv_SE, nb_NO).

Only the presentation changes with the language; the values (and XLSX cells, which stay
typed numbers and dates) are the same in every language. Every number the report writes
into text (a table cell, a key figure, a generated sentence, a diagram's label) goes
through this module, so that one report never mixes ``1,234.5`` and ``1 234,5``.

Babel formats one number in some ten microseconds, too slow for every cell of a table of
100,000 rows: the locale's symbols and patterns are read from Babel once per language and
numbers are then formatted with Python's own formatting (rounded half to even on the
float's binary value, so 2.675 is 2.67 where Babel, rounding its decimal text, says 2.68);
``tests/render/test_formatting.py`` compares the two.

>>> format_cell(1234567.891, "float", "sv")
'1\\xa0234\\xa0567,89'
>>> format_cell(0.735, "percent", "en"), format_cell(0.735, "percent", "no")
('73.5%', '73,5\\xa0%')
>>> format_money(-1234567, "SEK", "sv"), format_money(1234567, "SEK", "en")
('\u22121\\xa0234\\xa0567\\xa0kr', 'SEK\\xa01,234,567')
>>> format_date(dt.date(2026, 10, 14), "en"), format_date(dt.date(2026, 10, 14), "no")
('14/10/2026', '14.10.2026')
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Final, Literal
from urllib.parse import urlsplit

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import (
    format_currency,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)

from inventory.language.catalogues import BABEL_LOCALES
from inventory.language.i18n import Lang

#: The type of a table column: how a cell is written and sorted.
ColumnType = Literal["text", "int", "float", "date", "percent", "money", "url", "bool", "year"]
#: What a table cell holds.
CellValue = str | int | float | bool | dt.date | None

NBSP: Final = "\u00a0"
_YES_NO: Final[dict[Lang, tuple[str, str]]] = {
    "en": ("yes", "no"),
    "sv": ("ja", "nej"),
    "no": ("ja", "nei"),
}
_HOST: Final = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


#: What a number that is not one (NaN, infinite) shows as.
NOT_A_NUMBER: Final = "–"
_DIGITS: Final = re.compile(r"[0-9][0-9.,\u00a0\u202f ]*[0-9]|[0-9]")


@dataclass(frozen=True)
class NumberSymbols:
    """A locale's number symbols and percent sign placement, read from Babel once."""

    decimal: str
    group: str
    minus: str
    percent_prefix: str
    percent_suffix: str

    def translate(self, text: str) -> str:
        """``1,234.5`` (Python's grouping) in this locale's symbols."""
        if self.group == "," and self.decimal == ".":
            return text
        if self.decimal == "," and "." not in self.group:  # two replaces: faster
            return text.replace(",", self.group).replace(".", ",")
        return text.translate({ord(","): self.group, ord("."): self.decimal})


@cache
def number_symbols(lang: Lang) -> NumberSymbols:
    """The number symbols of ``lang``'s locale (CLDR, through Babel).

    >>> number_symbols("sv").decimal, number_symbols("sv").group, number_symbols("sv").minus
    (',', '\\xa0', '\u2212')
    """
    locale = BABEL_LOCALES[lang]
    percent = Locale.parse(locale).percent_formats[None]
    return NumberSymbols(
        decimal=get_decimal_symbol(locale),
        group=get_group_symbol(locale),
        minus=get_minus_sign_symbol(locale),
        percent_prefix=percent.prefix[0],
        percent_suffix=percent.suffix[0],
    )


#: Per language, what ``_grouped`` needs: (group, decimal, minus, how to translate), read
#: from ``number_symbols`` once (a dict lookup is cheaper than a cached call per cell).
_FAST: dict[str, tuple[str, str, str, int]] = {}


def _fast(lang: Lang) -> tuple[str, str, str, int]:
    symbols = number_symbols(lang)
    mode = (
        0
        if (symbols.group, symbols.decimal) == (",", ".")
        else 1
        if symbols.decimal == "," and "." not in symbols.group
        else 2
    )
    _FAST[lang] = (symbols.group, symbols.decimal, symbols.minus, mode)
    return _FAST[lang]


def _grouped(text: str, lang: Lang) -> str:
    """Python's ``1,234.5`` (or ``-1,234.5``) in ``lang``'s symbols; never ``−0``."""
    group, decimal, minus, mode = _FAST.get(lang) or _fast(lang)
    if text[0] == "-":
        text = minus + text[1:] if text.strip("-0.,") else text[1:]
    if mode == 1:  # two replaces: the common case (sv, nb) and the fastest
        return text.replace(",", group).replace(".", ",")
    if mode == 2:
        return text.translate({ord(","): group, ord("."): decimal})
    return text


def format_number(value: float | Decimal, lang: Lang, decimals: int) -> str:
    """``value`` with the locale's grouping and exactly ``decimals`` decimals.

    >>> format_number(-1234.5, "en", 1), format_number(1234.5, "sv", 0)
    ('-1,234.5', '1\\xa0234')
    """
    # Python's own formatting: half to even, on a float's binary value (a Decimal's digits)
    text = f"{value:,.{decimals}f}"
    if text[-1] in "nN":  # nan, inf, NaN, Infinity
        return NOT_A_NUMBER
    return _grouped(text, lang)


def format_decimal(value: float | Decimal, lang: Lang, max_decimals: int = 2) -> str:
    """``value`` with at most ``max_decimals`` decimals and no trailing zeros (Babel's
    ``#,##0.###`` style): ``2.5``, ``10``, ``0.25``.

    >>> format_decimal(2.50, "no"), format_decimal(10000.0, "sv"), format_decimal(0.125, "en")
    ('2,5', '10\\xa0000', '0.12')
    """
    text = f"{value:,.{max_decimals}f}"
    if text[-1] in "nN":
        return NOT_A_NUMBER
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return _grouped(text, lang)


def format_integer(value: float | Decimal, lang: Lang) -> str:
    """A count with the locale's grouping: ``12 345``.

    >>> format_integer(12345, "no")
    '12\\xa0345'
    """
    return format_number(value, lang, 0)


def format_percent(fraction: float | Decimal, lang: Lang, decimals: int = 1) -> str:
    """A fraction as a percentage with the locale's sign placement (``73.5%`` in English,
    ``73,5 %`` in Swedish and Norwegian).

    >>> format_percent(0.735, "en"), format_percent(0.5, "sv", 0)
    ('73.5%', '50\\xa0%')
    """
    number = format_number(
        fraction.scaleb(2) if isinstance(fraction, Decimal) else fraction * 100, lang, decimals
    )
    if number == NOT_A_NUMBER:
        return number
    symbols = number_symbols(lang)
    return symbols.percent_prefix + number + symbols.percent_suffix


@cache
def _currency_parts(currency: str, lang: Lang) -> tuple[str, str]:
    """What stands before and after the number in ``lang``'s currency pattern (``SEK``
    before it in English, ``kr`` after it in Swedish), with CLDR's space between a
    currency code written in letters and the digits (which Babel leaves out)."""
    sample = format_currency(1, currency, locale=BABEL_LOCALES[lang])
    found = _DIGITS.search(sample)
    assert found is not None, sample
    prefix, suffix = sample[: found.start()].strip("-"), sample[found.end() :]
    if prefix[-1:].isalpha():
        prefix += NBSP
    if suffix[:1].isalpha():
        suffix = NBSP + suffix
    return prefix, suffix


def format_money(amount: float | Decimal, currency: str, lang: Lang, decimals: int = 0) -> str:
    """An amount with its currency as the locale writes it: ``1 234 567 kr`` (SEK in
    Swedish, NOK in Norwegian), ``SEK 1,234,567`` in English. Amounts of a report are
    estimates: whole units unless ``decimals`` asks for more.

    >>> format_money(1234567, "NOK", "no"), format_money(1234567, "NOK", "sv")
    ('1\\xa0234\\xa0567\\xa0kr', '1\\xa0234\\xa0567\\xa0Nkr')
    """
    number = format_number(amount, lang, decimals)
    if number == NOT_A_NUMBER:
        return number
    prefix, suffix = _currency_parts(currency.upper(), lang)
    minus = number_symbols(lang).minus
    sign, number = (minus, number[len(minus) :]) if number.startswith(minus) else ("", number)
    return sign + prefix + number + suffix


@lru_cache(maxsize=8192)  # a table's dates repeat (end of life, plan dates): cheap after one
def format_date(value: dt.date, lang: Lang) -> str:
    """A date in the locale's short form: ``2026-10-14`` in Swedish, ``14.10.2026`` in
    Norwegian, ``14/10/2026`` in British English."""
    return babel_format_date(value, "short", locale=BABEL_LOCALES[lang])


def format_year(year: int | float) -> str:
    """A calendar year: ``2007``, never ``2,007``."""
    return str(int(year)) if float(year).is_integer() else str(year)


def format_cell(
    value: CellValue, column_type: ColumnType, lang: Lang, decimals: int | None = None
) -> str:
    """The text a reader sees for one cell (units are in the column heading, not the cell).

    ``decimals`` fixes the decimals of a number (a column's ``decimals``); a ``year`` is
    a calendar year, never with a thousands separator:

    >>> format_cell(2.4, "money", "sv", decimals=1), format_cell(2007, "year", "en")
    ('2,4', '2007')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        yes, no = _YES_NO[lang]
        return yes if value else no
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, int | float):
        if column_type == "percent":
            return format_percent(value, lang, 1 if decimals is None else decimals)
        if column_type == "year":
            return format_year(value)
        if decimals is not None:
            return format_number(float(value), lang, decimals)
        if column_type in {"int", "money"} or float(value).is_integer():
            return format_number(float(value), lang, 0)
        return format_number(float(value), lang, 2)
    return value


def sort_key(value: CellValue) -> str:
    """A machine-readable value for sorting in the browser: a number or an ISO date."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(float(value)) if not math.isnan(value) else ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def safe_http_url(text: str) -> str | None:
    """``text`` if it is an absolute ``http``/``https`` URL with a plain host, else None.

    >>> safe_http_url("https://endoflife.date/windows-server")
    'https://endoflife.date/windows-server'
    >>> safe_http_url("javascript:alert(1)") is None
    True
    """
    candidate = text.strip()
    if any(ord(character) < 33 or character in "\"'<>`\\" for character in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    host = parts.netloc.rsplit("@", 1)[-1]
    if "@" in parts.netloc or not _HOST.match(host):
        return None
    return candidate
