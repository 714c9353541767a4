"""Make SVG safe to inline in an HTML report: an allow-list of elements and attributes.

Our diagrams come from Graphviz with escaped labels (``inventory.render.dot``), so their
text can only ever be text. This module is the second line of defence: whatever SVG it is
given, the result holds only drawing elements, no script, no event handler, no foreign
object, no style element, no link other than ``http(s)`` or an in-page ``#fragment``, and
element ids prefixed so several diagrams can share one page.

>>> svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>'
>>> svg += '<text onclick="x()">&lt;b&gt;</text></svg>'
>>> sanitise_svg(svg, id_prefix="f1-")
'<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;b&gt;</text></svg>'
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from typing import Final

from inventory.errors import RenderError
from inventory.messages import Message

#: What to do about SVG the tool cannot use: it comes from Graphviz, so this is a bug.
_REPORT: Final = Message("cli.report_bug")

SVG_NS: Final = "http://www.w3.org/2000/svg"
XLINK_NS: Final = "http://www.w3.org/1999/xlink"

_ALLOWED_ELEMENTS: Final = frozenset(
    {
        "svg",
        "g",
        "title",
        "desc",
        "path",
        "polygon",
        "polyline",
        "line",
        "rect",
        "circle",
        "ellipse",
        "text",
        "tspan",
        "a",
        "defs",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
    }
)
_ALLOWED_ATTRIBUTES: Final = frozenset(
    {
        "id",
        "class",
        "width",
        "height",
        "viewBox",
        "preserveAspectRatio",
        "transform",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "dx",
        "dy",
        "d",
        "points",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "stroke-dasharray",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "opacity",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "text-decoration",
        "baseline-shift",
        "dominant-baseline",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "fx",
        "fy",
        "clip-path",
        "version",
        "role",
        "aria-label",
        "target",
    }
)
_LINK_ATTRIBUTES: Final = frozenset({"href", f"{{{XLINK_NS}}}href"})
_TITLE_ATTRIBUTES: Final = frozenset({f"{{{XLINK_NS}}}title"})
_URL_REFERENCE: Final = re.compile(r"url\(#([^)]*)\)")
_SAFE_LINK: Final = re.compile(r"^(https?://[^\s\"'<>]+|#[A-Za-z0-9_.:-]+)$", re.IGNORECASE)
# Characters an attribute value that refers to other elements may hold.
_SAFE_PAINT: Final = re.compile(r"^[#A-Za-z0-9 .,%()_:-]*$")
_DOCTYPE: Final = re.compile(r"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>", re.IGNORECASE)
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>")
_PREFIXABLE: Final = frozenset({"fill", "stroke", "clip-path"})

ElementTree.register_namespace("", SVG_NS)
ElementTree.register_namespace("xlink", XLINK_NS)


def _local_name(tag: str) -> str | None:
    """The SVG element name of ``tag``, or None for an element outside the SVG namespace."""
    if tag.startswith(f"{{{SVG_NS}}}"):
        return tag[len(SVG_NS) + 2 :]
    return None


def _clean_element(element: ElementTree.Element, id_prefix: str, keep_titles: bool) -> None:
    for child in list(element):
        name = _local_name(child.tag) if isinstance(child.tag, str) else None
        if name is None or name not in _ALLOWED_ELEMENTS or (name == "title" and not keep_titles):
            # Its text and the text after it go too: SVG text lives inside <text>.
            element.remove(child)
            continue
        _clean_element(child, id_prefix, keep_titles)
    for attribute, value in list(element.attrib.items()):
        if attribute in _LINK_ATTRIBUTES:
            if _SAFE_LINK.match(value.strip()):
                target = value.strip()
                if target.startswith("#"):
                    target = "#" + id_prefix + target[1:]
                element.set(attribute, target)
            else:
                del element.attrib[attribute]
        elif attribute in _TITLE_ATTRIBUTES:
            continue
        elif attribute not in _ALLOWED_ATTRIBUTES:
            del element.attrib[attribute]
        elif attribute == "id":
            element.set("id", id_prefix + value)
        elif attribute in _PREFIXABLE and "url(" in value:
            if _SAFE_PAINT.match(value):
                element.set(attribute, _URL_REFERENCE.sub(f"url(#{id_prefix}\\1)", value))
            else:
                del element.attrib[attribute]


def sanitise_svg(svg: str | bytes, *, id_prefix: str = "", keep_titles: bool = False) -> str:
    """Return ``svg`` reduced to safe drawing markup, ready to inline in HTML.

    Drops the XML declaration, DOCTYPE and comments; removes every element and attribute
    outside an allow-list (so ``<script>``, ``on*=`` handlers, ``<foreignObject>``,
    ``<style>``, ``javascript:`` links are gone); prefixes ids with ``id_prefix``. Graphviz's
    ``<title>`` elements (internal node ids) are dropped unless ``keep_titles``.
    Raises :class:`RenderError` when ``svg`` is not well-formed SVG or declares entities.
    """
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    if "<!ENTITY" in text.upper():
        raise RenderError(Message("error.svg.entities"), hint=_REPORT)
    text = _DOCTYPE.sub("", _XML_DECLARATION.sub("", text, count=1), count=1)
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise RenderError(
            Message(
                "error.svg.malformed",
                {"detail": Message("validation.parser", {"detail": str(error)})},
            ),
            hint=_REPORT,
        ) from error
    if _local_name(root.tag) != "svg":
        raise RenderError(Message("error.svg.not_svg"), hint=_REPORT)
    _clean_element(root, id_prefix, keep_titles)
    return ElementTree.tostring(root, encoding="unicode", short_empty_elements=True)
