"""User text echoed back safely: control characters made visible, long texts shortened.

Values, headers and file names come from other people's files. Echoed raw, an ESC starts
a terminal escape sequence, a BEL rings, a right-to-left override reorders what a person
reads, XML 1.0 refuses most C0 characters, and a 50 MB cell floods the terminal.
Validation rejects control characters in values and headers (:data:`CONTROL_PATTERN`,
issue code ``control-character``); every output escapes them anyway (:func:`visible`),
for values stored by older versions and for file names.

>>> visible("srv\\x1b[2J01\\u202e")
'srv\\\\x1b[2J01\\\\u202e'
>>> shorten("x" * 30, 10)
'xxxxxxxx…xx (30 characters)'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

#: Bidirectional formatting characters: they reorder text on screen ("Trojan Source").
_BIDI: Final = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: The characters rejected in values and headers: C0 controls except TAB, LF and CR (a
#: quoted CSV cell may span lines), DEL, C1 controls and the bidirectional formatting
#: characters. Written so that Python's ``re`` and Arrow's RE2 read it alike.
CONTROL_PATTERN: Final = f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_BIDI}]"

_CONTROL: Final = re.compile(CONTROL_PATTERN)
#: The hint of a ``control-character`` issue.
CONTROL_HINT: Final = (
    "Remove it: control characters (terminal escapes, bells, page breaks, direction"
    " overrides) are not data; a script or a copy from a terminal often leaves them."
    " Tabs and line breaks are allowed."
)

#: Every character :func:`visible` escapes (unless kept): the rejected ones plus TAB, LF, CR.
_ESCAPED_CODES: Final = (*range(0x20), *range(0x7F, 0xA0), *map(ord, _BIDI))

#: How many characters of a value (or a column name) an issue shows.
VALUE_LIMIT: Final = 100
#: How many characters of a message or hint an issue shows.
MESSAGE_LIMIT: Final = 1000


#: Names of the C0 controls (U+0000..U+001F) and of the C1 controls (U+0080..U+009F).
_C0_NAMES: Final = (
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
)
_C1_NAMES: Final = (
    "PAD",
    "HOP",
    "BPH",
    "NBH",
    "IND",
    "NEL",
    "SSA",
    "ESA",
    "HTS",
    "HTJ",
    "VTS",
    "PLD",
    "PLU",
    "RI",
    "SS2",
    "SS3",
    "DCS",
    "PU1",
    "PU2",
    "STS",
    "CCH",
    "MW",
    "SPA",
    "EPA",
    "SOS",
    "SGCI",
    "SCI",
    "CSI",
    "ST",
    "OSC",
    "PM",
    "APC",
)


def control_name(character: str) -> str:
    """A control character named for people.

    >>> control_name("\x1b"), control_name("\u202e")
    ('ESC (U+001B)', 'RIGHT-TO-LEFT OVERRIDE (U+202E)')
    """
    code = ord(character)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    elif 0x80 <= code < 0xA0:
        name = _C1_NAMES[code - 0x80]
    else:
        name = unicodedata.name(character, "control character")
    return f"{name} (U+{code:04X})"


def find_control(text: str) -> str | None:
    """Which control character ``text`` holds first and where, or ``None`` (no control).

    >>> find_control("srv\x1b[2J01\x07")
    'the control character ESC (U+001B) at character 4 (and 1 more)'
    """
    match = _CONTROL.search(text)
    if match is None:
        return None
    others = len(_CONTROL.findall(text, match.end()))
    more = f" (and {others} more)" if others else ""
    return (
        f"the control character {control_name(match.group())} at character"
        f" {match.start() + 1}{more}"
    )


def _escape(code: int) -> str:
    """The escape Python's ``repr`` writes for ``chr(code)``."""
    named = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}.get(code)
    if named is not None:
        return named
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@functools.cache
def _table(keep: str) -> dict[int, str]:
    return {code: _escape(code) for code in _ESCAPED_CODES if chr(code) not in keep}


def visible(text: str, *, keep: str = "") -> str:
    """``text`` with control and bidirectional formatting characters written as Python
    escapes (``\\x1b``, ``\\u202e``), as ``repr`` shows them; the characters in ``keep``
    (say ``"\\n\\t"`` for multi-line output) stay as they are.

    >>> visible("a\\tb\\x07", keep="\\t")
    'a\\tb\\\\x07'
    """
    return text.translate(_table(keep))


#: The characters XML 1.0 cannot hold: C0 controls but TAB, LF and CR, the non-characters
#: U+FFFE and U+FFFF, and lone surrogates (no encoding writes them).
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` as XML 1.0 can hold it: each character XML does not allow written as its
    Python escape (as :func:`visible` writes it); every other character stays as it is.

    >>> xml_text("Gnos\\x01jö\\x1b\\u202e\\ufffe")
    'Gnos\\\\x01jö\\\\x1b\\u202e\\\\ufffe'
    """
    return _NOT_XML.sub(lambda match: _escape(ord(match.group())), text)


def shorten(text: str, limit: int = VALUE_LIMIT) -> str:
    """``text`` when it has at most ``limit`` characters; else its start and end around an
    ellipsis, followed by its full length.

    >>> shorten("abc", 10)
    'abc'
    """
    if len(text) <= limit:
        return text
    tail = limit // 4
    head = limit - tail
    return f"{text[:head]}…{text[-tail:] if tail else ''} ({len(text):,} characters)"


#: ``json.dumps`` escapes C0 controls itself; these are escaped after it (DEL, C1 and the
#: bidirectional characters are legal JSON but act on a terminal the JSON is printed to).
JSON_ESCAPES: Final = {code: f"\\u{code:04x}" for code in _ESCAPED_CODES if code >= 0x20}


#: A text cell starting with one of these is a formula to a spreadsheet program (OWASP
#: "CSV injection"): ``render.csv_safe`` writes it with ``NEUTRALISING_PREFIX`` before it.
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r", "\x00")
NEUTRALISING_PREFIX: Final = "'"


def neutralise_text(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return NEUTRALISING_PREFIX + text if text.startswith(FORMULA_TRIGGERS) else text


def restore_text(text: str) -> str:
    """Undo :func:`neutralise_text` (for tools reading the CSV files this tool wrote).

    >>> restore_text(neutralise_text("=SUM(A1)"))
    '=SUM(A1)'
    """
    if text.startswith(NEUTRALISING_PREFIX) and text[1:2] and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text
