"""inventory.echo: which characters are controls, how they are shown, how long texts are cut."""

from __future__ import annotations

import json
import re

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from inventory.echo import (
    CONTROL_PATTERN,
    JSON_ESCAPES,
    find_control,
    shorten,
    visible,
)

#: Every code point the pattern must match: C0 but TAB/LF/CR, DEL, C1, bidi formatting.
CONTROLS = [
    *(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)),
    "\x7f",
    *(chr(c) for c in range(0x80, 0xA0)),
    "\u061c",
    "\u200e",
    "\u200f",
    *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
]


def test_the_pattern_is_read_alike_by_python_and_arrow() -> None:
    """Every code point of the Basic Multilingual Plane outside the surrogates: Python's re
    (headers, small columns) and Arrow's RE2 (large columns) match exactly CONTROLS."""
    characters = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    python = [ch for ch in characters if re.search(CONTROL_PATTERN, ch)]
    arrow = pc.match_substring_regex(pa.array(characters), CONTROL_PATTERN).to_pylist()
    assert python == CONTROLS
    assert [ch for ch, hit in zip(characters, arrow, strict=True) if hit] == CONTROLS


def test_visible_writes_controls_as_repr_does() -> None:
    for ch in [*CONTROLS, "\t", "\n", "\r"]:
        assert visible(ch) == repr(ch)[1:-1]
    assert visible("srv\x1b[2J01\u202e") == "srv\\x1b[2J01\\u202e"
    assert visible("a\tb\nc\r", keep="\n\t") == "a\tb\nc\\r"
    assert visible("Gnosjö – 1\u00a0024 ° ’") == "Gnosjö – 1\u00a0024 ° ’"  # text stays text


@given(st.text())
def test_visible_leaves_no_control(text: str) -> None:
    shown = visible(text)
    assert not re.search(CONTROL_PATTERN, shown)
    assert not any(ch in shown for ch in "\t\n\r")
    if not re.search(CONTROL_PATTERN + "|[\t\n\r]", text):
        assert shown == text


def test_shorten_keeps_start_end_and_length() -> None:
    assert shorten("x" * 100) == "x" * 100
    cut = shorten("a" * 75 + "b" * 50_000 + "c" * 25)
    assert cut == "a" * 75 + "…" + "c" * 25 + " (50,100 characters)"
    assert shorten("abcdefghijklmnopqrstuvwxyz", 10) == "abcdefgh…yz (26 characters)"


def test_find_control_names_the_first_and_counts_the_rest() -> None:
    assert find_control("GNO-ESX01") is None
    assert find_control("tab\tand\nline\r") is None
    assert find_control("a\x1b[31mb\x07\x07") == (
        "the control character ESC (U+001B) at character 2 (and 2 more)"
    )
    assert find_control("\x9b") == "the control character CSI (U+009B) at character 1"
    assert find_control("x\u202e") == (
        "the control character RIGHT-TO-LEFT OVERRIDE (U+202E) at character 2"
    )
    assert find_control("\x7f") == "the control character DEL (U+007F) at character 1"


def test_json_escapes_leave_valid_json_without_controls() -> None:
    value = {"name": "a\x1b\x07\x7f\x85\x9b\u202e\u2066b", "plain": "Gnosjö – °"}
    text = json.dumps(value, ensure_ascii=False).translate(JSON_ESCAPES)
    assert not re.search(CONTROL_PATTERN, text)
    assert json.loads(text) == value
    assert "Gnosjö – °" in text
