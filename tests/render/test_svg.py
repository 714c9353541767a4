"""The SVG sanitiser: only drawing markup survives, whatever the input."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from inventory.errors import RenderError
from inventory.render.dot import Diagram
from inventory.render.svg import sanitise_svg

HOSTILE_SVG = """<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     onload="alert(1)" width="10" height="10">
<!-- comment --><script>alert('s')</script>
<style>*{background:url(http://evil/)}</style>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
<g id="graph0" onclick="alert(2)" style="x">
<a xlink:href="javascript:alert(3)"><text x="1">&lt;script&gt;alert(4)&lt;/script&gt;</text></a>
<a href="https://endoflife.date/"><text>ok</text></a>
<a href="#node1"><text>in page</text></a>
<image xlink:href="http://evil/x.png"/>
<polygon fill="url(#grad)" points="0,0 1,1"/>
<animate attributeName="href" to="javascript:alert(5)"/>
<set attributeName="onclick" to="alert(6)"/>
</g>
</svg>"""


def test_hostile_markup_is_removed() -> None:
    clean = sanitise_svg(HOSTILE_SVG, id_prefix="f1-")
    for forbidden in (
        "script>",
        "<style",
        "foreignObject",
        "onload",
        "onclick",
        "javascript:",
        "<image",
        "<animate",
        "<set",
        "DOCTYPE",
        "<!--",
        "evil",
    ):
        assert forbidden not in clean, forbidden
    root = ElementTree.fromstring(clean)
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["<script>alert(4)</script>", "ok", "in page"]
    assert 'href="https://endoflife.date/"' in clean
    assert 'href="#f1-node1"' in clean
    assert 'id="f1-graph0"' in clean
    assert 'fill="url(#f1-grad)"' in clean


def test_graphviz_output_keeps_its_drawing() -> None:
    diagram = Diagram("<script>alert(1)</script>")
    diagram.add_node("a", '<img src=x onerror="alert(1)">')
    clean = sanitise_svg(diagram.render("svg"), id_prefix="fig-")
    root = ElementTree.fromstring(clean)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox")
    texts = [element.text for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<script>alert(1)</script>" in texts
    assert '<img src=x onerror="alert(1)">' in texts
    assert "<title>" not in clean  # Graphviz's internal node ids are not tooltips


@pytest.mark.parametrize(
    "bad",
    [
        "not xml",
        "<html><body/></html>",
        '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    ],
)
def test_non_svg_is_refused(bad: str) -> None:
    with pytest.raises(RenderError):
        sanitise_svg(bad)
