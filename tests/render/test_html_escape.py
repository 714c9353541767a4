"""report.html: control characters from data are written as escapes, our own markup stays."""

from __future__ import annotations

import re
from typing import Any

from inventory.render.html import render_html

PAYLOADS = ["srv\x1b[2J\x07", "\u202eevil\x85\x9b", "nul\x00vt\x0bdel\x7f", "<b>x</b>"]


def test_text_from_data_is_escaped_everywhere(make_document: Any) -> None:
    page = render_html(make_document("en", PAYLOADS))
    assert "<svg" in page and "<style" in page  # our own markup is not touched
    # the diagrams are Graphviz's SVG of labels cleaned by inventory.render.dot
    text = re.sub(r"<svg.*?</svg>", "", page, flags=re.DOTALL)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202e]", text)
    assert "srv\\x1b[2J\\x07" in page
    assert "\\u202eevil\\x85\\x9b" in page
    assert "nul\\x00vt\\x0bdel\\x7f" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page  # still escaped as HTML
