"""How cell values read in each report language: ``1 234,5`` in Swedish, ``1,234.5`` in English.

Only the presentation changes with the language; the values (and XLSX cells, which stay
typed numbers and dates) are the same in every language.

>>> format_cell(1234567.891, "float", "sv")
'1\\xa0234\\xa0567,89'
>>> format_cell(0.735, "percent", "en")
'73.5\\xa0%'
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Final
from urllib.parse import urlsplit

from inventory.render.document import CellValue, ColumnType
from inventory.render.i18n import Lang

NBSP: Final = "\u00a0"
_YES_NO: Final[dict[Lang, tuple[str, str]]] = {
    "en": ("yes", "no"), "sv": ("ja", "nej"), "no": ("ja", "nei"),
}
_HOST: Final = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


def format_number(value: float, lang: Lang, decimals: int) -> str:
    """``value`` with a thousands separator and ``decimals`` decimals, in ``lang``'s style."""
    if math.isnan(value) or math.isinf(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    # sv / no: non-breaking space between thousands, decimal comma.
    return text.replace(",", NBSP).replace(".", ",")


def format_date(value: dt.date, lang: Lang) -> str:
    """ISO dates for English and Swedish; ``dd.mm.yyyy`` as Norwegians write them."""
    if lang == "no":
        return value.strftime("%d.%m.%Y")
    return value.isoformat()


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
            return format_number(value * 100, lang, 1 if decimals is None else decimals) \
                + NBSP + "%"
        if column_type == "year":
            return str(int(value)) if float(value).is_integer() else str(value)
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
