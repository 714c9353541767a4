"""The ArchiMate 3.1 Model Exchange File Format (The Open Group): a model as plain data,
written to XML, read back and checked against the format's XML schemas.

The schemas (``inventory/data/archimate-exchange/``, MIT, as Archi ships them) import
``xml.xsd`` by its http URL; a resolver hands them the local copy, so validating needs no
network. What this module writes is what Archi's importer reads: every relationship's
source and target are elements of the model, every view node references an element (or
is a group with a label, ``Container``), every connection references a relationship and two
nodes of its view; node bounds are absolute, also for nodes inside a group.

>>> model = ArchimateModel(identifier="id-m", name="M",
...     elements=(Element("id-a", "Node", "srv01"),))
>>> read_archimate(model_xml(model)) == model
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from lxml import etree

NAMESPACE: Final = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
#: Where the schemas are published; written in ``xsi:schemaLocation`` as Archi does.
SCHEMA_LOCATION: Final = "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
_XML_XSD_URLS: Final = frozenset(
    {"http://www.w3.org/2001/xml.xsd", "http://www.w3.org/2001/03/xml.xsd"}
)
_TYPE: Final = f"{{{XSI}}}type"

#: Characters XML 1.0 cannot hold (control characters other than tab and line breaks, and
#: the non-characters U+FFFE/U+FFFF); written as their visible escape instead.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def identifier(*parts: object) -> str:
    """A stable xs:ID from a key: ``id-`` and a hash of its parts, the same on every run
    (an xs:ID must start with a letter; a record's own key may not).

    >>> identifier("site", "gnosjo", "DC1") == identifier("site", "gnosjo", "DC1")
    True
    """
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"id-{digest[:24]}"


def xml_text(text: str) -> str:
    """``text`` as XML 1.0 can hold it: every other character as its visible escape.

    >>> xml_text("Gnosjö\\x07")
    'Gnosjö\\\\x07'
    """
    return _NOT_XML.sub(lambda match: _escape(match.group()), text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True)
class Element:
    """An ArchiMate element: ``type`` is the exchange format's ``xsi:type`` (``Node``,
    ``SystemSoftware``, ...); ``properties`` are (property key, value) pairs."""

    identifier: str
    type: str
    name: str
    documentation: str = ""
    properties: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Relationship:
    """An ArchiMate relationship from ``source`` to ``target`` (element identifiers);
    ``directed`` only for an association."""

    identifier: str
    type: str
    source: str
    target: str
    name: str = ""
    directed: bool = False


@dataclass(frozen=True)
class Bounds:
    """Where a node sits in its view (absolute, in pixels)."""

    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class ViewNode:
    """A node of a view: an element's box (``element``), or a group (``label``) holding
    ``children``; ``fill`` an RGB colour."""

    identifier: str
    bounds: Bounds
    element: str | None = None
    label: str = ""
    fill: tuple[int, int, int] | None = None
    children: tuple[ViewNode, ...] = ()

    def walk(self) -> Iterator[ViewNode]:
        """This node and every node inside it."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Connection:
    """A relationship drawn in a view between two of its nodes."""

    identifier: str
    relationship: str
    source: str
    target: str


@dataclass(frozen=True)
class View:
    """A diagram: its nodes (groups hold theirs) and connections."""

    identifier: str
    name: str
    nodes: tuple[ViewNode, ...] = ()
    connections: tuple[Connection, ...] = ()
    viewpoint: str = ""
    documentation: str = ""

    def all_nodes(self) -> Iterator[ViewNode]:
        for node in self.nodes:
            yield from node.walk()


@dataclass(frozen=True)
class Folder:
    """An organisation folder: a label, the identifiers it holds and its sub-folders."""

    label: str
    items: tuple[str, ...] = ()
    folders: tuple[Folder, ...] = ()


@dataclass(frozen=True)
class ArchimateModel:
    """A whole model. ``property_names`` name each property key (its definition);
    ``notes`` (what could not be mapped) are also in ``documentation``, and are not read
    back."""

    identifier: str
    name: str
    documentation: str = ""
    elements: tuple[Element, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    views: tuple[View, ...] = ()
    organizations: tuple[Folder, ...] = ()
    property_names: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)


def _property_id(key: str) -> str:
    return f"propid-{key}"


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NAMESPACE}}}{tag}", attributes)
    if text is not None:
        child.text = xml_text(text)
    return child


def _named(parent: etree._Element, tag: str, name: str, documentation: str) -> None:
    _sub(parent, tag, name)
    if documentation:
        _sub(parent, "documentation", documentation)


def _properties(parent: etree._Element, properties: tuple[tuple[str, str], ...]) -> None:
    if properties:
        holder = _sub(parent, "properties")
        for key, value in properties:
            _sub(_sub(holder, "property", propertyDefinitionRef=_property_id(key)), "value", value)


def _node(parent: etree._Element, node: ViewNode) -> None:
    bounds = {
        "x": str(node.bounds.x),
        "y": str(node.bounds.y),
        "w": str(node.bounds.w),
        "h": str(node.bounds.h),
    }
    if node.element is not None:
        child = _sub(parent, "node", identifier=node.identifier, elementRef=node.element, **bounds)
        child.set(_TYPE, "Element")
    else:
        child = _sub(parent, "node", identifier=node.identifier, **bounds)
        child.set(_TYPE, "Container")
        _sub(child, "label", node.label)
    if node.fill is not None:
        red, green, blue = node.fill
        _sub(_sub(child, "style"), "fillColor", r=str(red), g=str(green), b=str(blue))
    for grandchild in node.children:
        _node(child, grandchild)


def _folder(parent: etree._Element, folder: Folder) -> None:
    item = _sub(parent, "item")
    _sub(item, "label", folder.label)
    for sub in folder.folders:
        _folder(item, sub)
    for identifier in folder.items:
        _sub(item, "item", identifierRef=identifier)


def model_tree(model: ArchimateModel) -> etree._ElementTree:
    """``model`` as an exchange-format document (``model_xml`` serialises it)."""
    root = etree.Element(f"{{{NAMESPACE}}}model", nsmap={None: NAMESPACE, "xsi": XSI})
    root.set("identifier", model.identifier)
    root.set(f"{{{XSI}}}schemaLocation", f"{NAMESPACE} {SCHEMA_LOCATION}")
    _named(root, "name", model.name, model.documentation)
    if model.elements:
        elements = _sub(root, "elements")
        for element in model.elements:
            child = _sub(elements, "element", identifier=element.identifier)
            child.set(_TYPE, element.type)
            _named(child, "name", element.name, element.documentation)
            _properties(child, element.properties)
    if model.relationships:
        relationships = _sub(root, "relationships")
        for relationship in model.relationships:
            child = _sub(
                relationships,
                "relationship",
                identifier=relationship.identifier,
                source=relationship.source,
                target=relationship.target,
            )
            child.set(_TYPE, relationship.type)
            if relationship.directed:
                child.set("isDirected", "true")
            if relationship.name:
                _sub(child, "name", relationship.name)
    if model.organizations:
        organizations = _sub(root, "organizations")
        for folder in model.organizations:
            _folder(organizations, folder)
    if model.property_names:
        definitions = _sub(root, "propertyDefinitions")
        for key, name in model.property_names:
            definition = _sub(
                definitions, "propertyDefinition", identifier=_property_id(key), type="string"
            )
            _sub(definition, "name", name)
    if model.views:
        diagrams = _sub(_sub(root, "views"), "diagrams")
        for view in model.views:
            child = _sub(diagrams, "view", identifier=view.identifier)
            child.set(_TYPE, "Diagram")
            if view.viewpoint:
                child.set("viewpoint", view.viewpoint)
            _named(child, "name", view.name, view.documentation)
            for node in view.nodes:
                _node(child, node)
            for connection in view.connections:
                line = _sub(
                    child,
                    "connection",
                    identifier=connection.identifier,
                    relationshipRef=connection.relationship,
                    source=connection.source,
                    target=connection.target,
                )
                line.set(_TYPE, "Relationship")
    return etree.ElementTree(root)


def model_xml(model: ArchimateModel) -> bytes:
    """``model`` as an exchange file: UTF-8 XML with its declaration, indented."""
    tree = model_tree(model)
    etree.indent(tree, space="  ")
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))


# ---------------------------------------------------------------------------- reading


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    return list(parent.iterchildren(f"{{{NAMESPACE}}}{tag}"))


def _text(parent: etree._Element, tag: str) -> str:
    found = parent.find(f"{{{NAMESPACE}}}{tag}")
    return (found.text or "") if found is not None else ""


def _read_node(node: etree._Element) -> ViewNode:
    fill = None
    colour = node.find(f"{{{NAMESPACE}}}style/{{{NAMESPACE}}}fillColor")
    if colour is not None:
        fill = (int(colour.get("r", "0")), int(colour.get("g", "0")), int(colour.get("b", "0")))
    return ViewNode(
        identifier=node.get("identifier", ""),
        bounds=Bounds(*(int(node.get(axis, "0")) for axis in ("x", "y", "w", "h"))),
        element=node.get("elementRef"),
        label=_text(node, "label"),
        fill=fill,
        children=tuple(_read_node(child) for child in _children(node, "node")),
    )


def _read_folder(item: etree._Element) -> Folder:
    subs = _children(item, "item")
    return Folder(
        label=_text(item, "label"),
        items=tuple(sub.get("identifierRef", "") for sub in subs if sub.get("identifierRef")),
        folders=tuple(_read_folder(sub) for sub in subs if not sub.get("identifierRef")),
    )


def _read_properties(parent: etree._Element) -> tuple[tuple[str, str], ...]:
    holder = parent.find(f"{{{NAMESPACE}}}properties")
    if holder is None:
        return ()
    return tuple(
        (prop.get("propertyDefinitionRef", "").removeprefix("propid-"), _text(prop, "value"))
        for prop in _children(holder, "property")
    )


def read_archimate(source: Path | bytes) -> ArchimateModel:
    """The model in an exchange file (a path or its bytes): elements, relationships,
    views, organisations and property names, as ``model_xml`` writes them."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = (
        etree.fromstring(source, parser)
        if isinstance(source, bytes)
        else etree.parse(str(source), parser).getroot()
    )
    elements = tuple(
        Element(
            identifier=child.get("identifier", ""),
            type=child.get(_TYPE, ""),
            name=_text(child, "name"),
            documentation=_text(child, "documentation"),
            properties=_read_properties(child),
        )
        for holder in _children(root, "elements")
        for child in _children(holder, "element")
    )
    relationships = tuple(
        Relationship(
            identifier=child.get("identifier", ""),
            type=child.get(_TYPE, ""),
            source=child.get("source", ""),
            target=child.get("target", ""),
            name=_text(child, "name"),
            directed=child.get("isDirected") == "true",
        )
        for holder in _children(root, "relationships")
        for child in _children(holder, "relationship")
    )
    views = tuple(
        View(
            identifier=view.get("identifier", ""),
            name=_text(view, "name"),
            documentation=_text(view, "documentation"),
            viewpoint=view.get("viewpoint", ""),
            nodes=tuple(_read_node(node) for node in _children(view, "node")),
            connections=tuple(
                Connection(
                    identifier=line.get("identifier", ""),
                    relationship=line.get("relationshipRef", ""),
                    source=line.get("source", ""),
                    target=line.get("target", ""),
                )
                for line in _children(view, "connection")
            ),
        )
        for holder in _children(root, "views")
        for diagrams in _children(holder, "diagrams")
        for view in _children(diagrams, "view")
    )
    property_names = tuple(
        (definition.get("identifier", "").removeprefix("propid-"), _text(definition, "name"))
        for holder in _children(root, "propertyDefinitions")
        for definition in _children(holder, "propertyDefinition")
    )
    return ArchimateModel(
        identifier=root.get("identifier", ""),
        name=_text(root, "name"),
        documentation=_text(root, "documentation"),
        elements=elements,
        relationships=relationships,
        views=views,
        organizations=tuple(
            _read_folder(item)
            for holder in _children(root, "organizations")
            for item in _children(holder, "item")
        ),
        property_names=property_names,
    )


# ---------------------------------------------------------------------------- validating


class _LocalXmlSchema(etree.Resolver):  # type: ignore[misc]  # lxml is untyped
    """Hands the schemas the bundled ``xml.xsd`` for its http URLs: no network."""

    def __init__(self, xml_xsd: Path) -> None:
        super().__init__()
        self.xml_xsd = xml_xsd

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object:
        if system_url in _XML_XSD_URLS:
            return self.resolve_filename(str(self.xml_xsd), context)
        return None


def schema_folder() -> Path:
    """The bundled exchange-format schemas (``inventory/data/archimate-exchange``)."""
    return Path(str(resources.files("inventory.data").joinpath("archimate-exchange")))


@cache
def exchange_schema() -> etree.XMLSchema:
    """The exchange format's schema with views and diagrams (``archimate3_Diagram.xsd``,
    which includes the View and Model schemas), read offline."""
    folder = schema_folder()
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlSchema(folder / "xml.xsd"))
    return etree.XMLSchema(etree.parse(str(folder / "archimate3_Diagram.xsd"), parser))


def schema_errors(document: bytes) -> list[str]:
    """What the exchange schemas find wrong in ``document`` (line: message); empty when
    it is valid."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    schema = exchange_schema()
    if schema.validate(etree.fromstring(document, parser)):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
