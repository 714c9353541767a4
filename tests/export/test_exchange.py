"""The exchange format's writer and reader: any names survive the round trip and the file
stays valid against the schemas (property test)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.export.exchange import (
    ArchimateModel,
    Bounds,
    Connection,
    Element,
    Folder,
    Relationship,
    View,
    ViewNode,
    identifier,
    model_xml,
    read_archimate,
    schema_errors,
    xml_text,
)

#: Any text, and text full of what XML escapes or cannot hold (controls, U+FFFE).
NAMES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="&<>\"'\x00\x01\x0b\t\r\n \ufffe\u00e5\u00f8\u00e6", max_size=20),
    st.sampled_from(["Gnosjö & <Värnamo>", 'Bærum "kommune"', "it's", "]]>"]),
)


def _model(names: list[str]) -> ArchimateModel:
    """A small model carrying ``names`` in every place a name can go."""
    a, b = identifier("a"), identifier("b")
    relation = identifier("r")
    view = identifier("v")
    group, box_a, box_b = identifier("g"), identifier("na"), identifier("nb")
    first, second, third, fourth = (names * 4)[:4]
    return ArchimateModel(
        identifier=identifier("m"),
        name=first,
        documentation=second,
        elements=(
            Element(a, "Node", first, second, (("municipality", third),)),
            Element(b, "SystemSoftware", fourth),
        ),
        relationships=(Relationship(relation, "Assignment", a, b, name=third),),
        views=(
            View(
                view,
                fourth,
                nodes=(
                    ViewNode(
                        group,
                        Bounds(0, 0, 400, 120),
                        label=first or "-",
                        children=(
                            ViewNode(box_a, Bounds(20, 30, 160, 60), element=a, fill=(1, 2, 3)),
                            ViewNode(box_b, Bounds(200, 30, 160, 60), element=b),
                        ),
                    ),
                ),
                connections=(Connection(identifier("c"), relation, box_a, box_b),),
                viewpoint="Layered",
                documentation=third,
            ),
        ),
        organizations=(Folder(second or "-", folders=(Folder(third or "-", items=(a, b)),)),),
        property_names=(("municipality", fourth),),
    )


def _as_xml_holds_it(model: ArchimateModel) -> ArchimateModel:
    """What reading back must give: each text as XML 1.0 can hold it."""

    def node(n: ViewNode) -> ViewNode:
        return ViewNode(
            n.identifier,
            n.bounds,
            n.element,
            xml_text(n.label),
            n.fill,
            tuple(node(child) for child in n.children),
        )

    def folder(f: Folder) -> Folder:
        return Folder(xml_text(f.label), f.items, tuple(folder(sub) for sub in f.folders))

    return ArchimateModel(
        identifier=model.identifier,
        name=xml_text(model.name),
        documentation=xml_text(model.documentation),
        elements=tuple(
            Element(
                e.identifier,
                e.type,
                xml_text(e.name),
                xml_text(e.documentation),
                tuple((k, xml_text(v)) for k, v in e.properties),
            )
            for e in model.elements
        ),
        relationships=tuple(
            Relationship(r.identifier, r.type, r.source, r.target, xml_text(r.name), r.directed)
            for r in model.relationships
        ),
        views=tuple(
            View(
                v.identifier,
                xml_text(v.name),
                tuple(node(n) for n in v.nodes),
                v.connections,
                v.viewpoint,
                xml_text(v.documentation),
            )
            for v in model.views
        ),
        organizations=tuple(folder(f) for f in model.organizations),
        property_names=tuple((k, xml_text(v)) for k, v in model.property_names),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=4))
def test_any_names_survive_and_the_file_stays_valid(names: list[str]) -> None:
    model = _model(names)
    document = model_xml(model)
    assert schema_errors(document) == []
    assert read_archimate(document) == _as_xml_holds_it(model)


def test_xml_safe_text_is_unchanged_and_the_rest_is_escaped() -> None:
    assert xml_text("Gnosjö & <Värnamo> \"a\" 'b'\t\n") == "Gnosjö & <Värnamo> \"a\" 'b'\t\n"
    assert xml_text("a\x00b\x1fc\ufffe") == "a\\x00b\\x1fc\\ufffe"


def test_identifiers_are_stable_xml_ids() -> None:
    assert identifier("site", "gnosjo", "DC1") == identifier("site", "gnosjo", "DC1")
    assert identifier("site", "gnosjo", "DC1") != identifier("site", "gnosjo", "DC2")
    # the parts are kept apart: ("a b", "c") is not ("a", "b c")
    assert identifier("a b", "c") != identifier("a", "b c")
    assert identifier("1").startswith("id-")
