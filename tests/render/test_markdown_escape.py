"""report.md: control characters from data are written as escapes in every text field."""

from __future__ import annotations

from typing import Any

from inventory.render.markdown import escape_inline, escape_lines, render_markdown

PAYLOADS = ["srv\x1b[2J\x07", "\u202eevil\x85\x9b", "bell\x0bvt\x0cff\x7f", "[bold]x[/] :x:"]
RAW = ("\x1b", "\x07", "\x0b", "\x0c", "\x7f", "\x85", "\x9b", "\u202e")


def test_every_field_escapes_control_characters(make_document: Any) -> None:
    """Title, subtitle, contents, paragraphs, key figures, callouts, table cells, notes and
    figure captions all hold the payloads (see the render conftest)."""
    text = render_markdown(make_document("en", PAYLOADS))
    assert [repr(ch) for ch in RAW if ch in text] == []
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" for ch in text)
    assert "# GGVVH srv\\\\x1b\\[2J\\\\x07" in text.splitlines()
    assert "| srv\\\\x1b\\[2J\\\\x07 |" in text  # a table cell
    assert "\\\\u202eevil\\\\x85\\\\x9b" in text
    assert "bell\\\\x0bvt\\\\x0cff\\\\x7f" in text


def test_line_breaks_stay_line_breaks() -> None:
    assert escape_inline("a\nb\rc\td") == "a b c\td"
    assert escape_lines("a\x1b\nb\r\nc") == "a\\\\x1b\\\nb\\\nc"
    assert escape_lines("lone\rcr") == "lone\\\\rcr"  # a lone CR cannot overwrite the line
