"""``Diagram.source`` writes the DOT text itself: the same text, character for character,
as the graphviz package builds from ``Diagram.to_graphviz()`` (the reference), for any
diagram (nested clusters, budgets, redirected edges, legends, any text)."""

from __future__ import annotations

from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from inventory.render.dot import (
    Diagram,
    Direction,
    EdgeStyle,
    GroupStyle,
    LegendEntry,
    LineStyle,
    NodeStyle,
    render,
)

COLOURS = ["#ffffff", "#2b6cb0", "#C6F6D5", "#a0aec0cc", "red", "grey50", "transparent"]
SHAPES = ["box", "rect", "cylinder", "box3d", "component", "folder", "tab", "ellipse", "none"]
# Any text, and text made of what DOT, HTML and escString treat specially.
TEXTS = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="\\\"<>&{}|;:\n\r\t =[]-'åÖ\x00\x85\u2028", max_size=30),
    st.sampled_from(["", " ", "node", "Graph", "strict", "a b", "1.5", "-.5", "n1", "<b>x</b>"]),
)

node_styles = st.builds(
    NodeStyle,
    shape=st.sampled_from(SHAPES),
    fill=st.sampled_from(COLOURS),
    border=st.sampled_from(COLOURS),
    font_colour=st.sampled_from(COLOURS),
    rounded=st.booleans(),
    dashed=st.booleans(),
    pen_width=st.sampled_from([0.5, 1.0, 2.0, 3.25]),
)
edge_styles = st.builds(
    EdgeStyle,
    colour=st.sampled_from(COLOURS),
    line=st.sampled_from(get_args(LineStyle)),
    pen_width=st.sampled_from([1.0, 1.5, 2.0]),
    arrow=st.booleans(),
)
group_styles = st.builds(
    GroupStyle,
    fill=st.sampled_from(COLOURS),
    border=st.sampled_from(COLOURS),
    font_colour=st.sampled_from(COLOURS),
    dashed=st.booleans(),
)


@st.composite
def diagrams(draw: st.DrawFn) -> Diagram:
    diagram = Diagram(
        draw(TEXTS),
        lang=draw(st.sampled_from(["en", "sv", "no"])),
        direction=draw(st.sampled_from(get_args(Direction))),
        node_budget=draw(st.one_of(st.none(), st.integers(1, 4))),
        max_label_length=draw(st.integers(1, 70)),
        font=draw(st.sampled_from(["Helvetica", "DejaVu Sans"])),
    )
    groups: list[str] = []
    for number in range(draw(st.integers(0, 6))):
        parent = draw(st.one_of(st.none(), st.sampled_from(groups))) if groups else None
        key = f"g{number}"
        diagram.add_group(key, draw(TEXTS), parent=parent, style=draw(group_styles))
        groups.append(key)
    nodes: list[str] = []
    for number in range(draw(st.integers(0, 14))):
        key = f"k{number}"
        diagram.add_node(
            key,
            draw(TEXTS),
            detail=draw(st.one_of(st.none(), TEXTS)),
            group=draw(st.one_of(st.none(), st.sampled_from(groups))) if groups else None,
            kind=draw(st.sampled_from(["", "servers", "platforms"])),
            style=draw(st.one_of(st.none(), node_styles)),
            priority=draw(st.integers(-2, 2)),
        )
        nodes.append(key)
    if nodes:
        for _ in range(draw(st.integers(0, 12))):
            diagram.add_edge(
                draw(st.sampled_from(nodes)),
                draw(st.sampled_from(nodes)),
                label=draw(st.one_of(st.none(), TEXTS)),
                style=draw(st.one_of(st.none(), edge_styles)),
            )
    if draw(st.booleans()):
        entries = st.builds(
            LegendEntry,
            TEXTS,
            style=st.one_of(st.none(), node_styles),
            edge=st.one_of(st.none(), edge_styles),
        )
        diagram.set_legend(draw(st.lists(entries, max_size=4)), draw(st.one_of(st.none(), TEXTS)))
    return diagram


@settings(max_examples=300, deadline=None)
@given(diagrams())
def test_source_is_the_graphviz_package_text(diagram: Diagram) -> None:
    assert diagram.source == str(diagram.to_graphviz().source)


def test_a_budgeted_diagram_with_every_part_is_the_same_text_and_renders() -> None:
    diagram = Diagram('Site "A" \\ <b>', node_budget=2, direction="LR")
    diagram.add_group("site", "Datahallen\nGislaved", style=GroupStyle(dashed=True))
    diagram.add_group("rack", "Rack {1}", parent="site")
    for number in range(5):
        diagram.add_node(f"s{number}", f"srv{number} <x>", group="rack", kind="servers")
    diagram.add_node("app", "App & Co", detail='said "hi"', style=NodeStyle(shape="component"))
    diagram.add_edge("app", "s0", label="10 Gbit/s")
    diagram.add_edge("app", "s4", label="hidden: redirected")
    diagram.add_edge("app", "s3", style=EdgeStyle(line="dashed", arrow=False))
    diagram.set_legend(
        [LegendEntry("Server", style=NodeStyle()), LegendEntry("Link", edge=EdgeStyle())]
    )
    source = diagram.source
    assert source == str(diagram.to_graphviz().source)
    assert "agg1" in source
    assert render(source, "svg").startswith(b"<?xml")
