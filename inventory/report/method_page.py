"""The method page written beside the report: docs/method.md (packaged as
``inventory/data/method.md``) as ``method.md`` and rendered to ``method.html``.

The report's paragraphs link to its sections (``Paragraph.method`` = an anchor), so the
page travels with the report to whoever reads it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from inventory.render.html import content_security_policy

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Method: how the gap report's figures are computed</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#1b1b1b}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;
padding:.2rem .5rem}}code{{background:#f3f3f3;padding:0 .2rem}}pre{{background:#f3f3f3;
padding:.5rem;overflow-x:auto}}</style></head>
<body>
{body}
</body></html>
"""


@cache
def method_markdown() -> str:
    """The method page's Markdown (docs/method.md)."""
    return resources.files("inventory.data").joinpath("method.md").read_text("utf-8")


def method_anchors() -> frozenset[str]:
    """The anchors the method page defines (``<a id="...">``): what a report may link to."""
    return frozenset(re.findall(r'<a id="([a-z][a-z0-9-]*)"></a>', method_markdown()))


@cache
def method_html() -> str:
    """The method page as one self-contained HTML page (our own text: its HTML anchors are
    kept; no script, no external resource)."""
    from markdown_it import MarkdownIt  # (when the page is written)

    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(method_markdown())
    return _PAGE.format(csp=content_security_policy(""), body=body)
