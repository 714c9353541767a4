"""The DOT builder: every label escaped, dot parses and renders it (svg, png, pdf)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import graphviz
import pytest

from inventory.errors import RenderError
from inventory.render.dot import (
    Diagram,
    EdgeStyle,
    LegendEntry,
    NodeStyle,
    apply_budget,
    check_dot_syntax,
    clean_text,
    html_text,
    plain_label,
    render,
)

SVG = "{http://www.w3.org/2000/svg}"
MAX = 60


def svg_texts(svg: bytes) -> list[str]:
    """Every piece of text Graphviz drew, as a reader sees it."""
    root = ElementTree.fromstring(svg)
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def expected_lines(name: str) -> list[str]:
    return [line.strip() for line in clean_text(name, max_length=MAX).split("\n") if line.strip()]


def payload_diagram(names: list[str]) -> Diagram:
    diagram = Diagram("Payloads " + " ".join(names[:3]), max_label_length=MAX)
    for index, name in enumerate(names):
        diagram.add_group(f"g{index}", name)
        diagram.add_node(f"n{index}", name, detail=name, group=f"g{index}")
        if index:
            diagram.add_edge(f"n{index - 1}", f"n{index}", label=name)
    diagram.set_legend([LegendEntry(name) for name in names])
    return diagram


def test_payload_names_render_as_exact_text(payload_names: list[str]) -> None:
    diagram = payload_diagram(payload_names)
    check_dot_syntax(diagram.source)
    texts = [text.strip() for text in svg_texts(render(diagram.source, "svg"))]
    for name in payload_names:
        for line in expected_lines(name):
            # Node (HTML label), cluster title and edge label (escString) each show the text.
            assert texts.count(line) >= 3, (name, line)


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_payload_diagram_renders_in_every_format(payload_names: list[str], fmt: str) -> None:
    output = render(payload_diagram(payload_names).source, fmt)  # type: ignore[arg-type]
    magic = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}[fmt]
    assert output.startswith(magic)
    assert len(output) > 1000


def test_dot_format_is_the_source_itself() -> None:
    diagram = payload_diagram(["Gnosjö"])
    assert render(diagram.source, "dot") == diagram.source.encode("utf-8")


def test_no_data_reaches_dot_identifiers_or_svg_markup(payload_names: list[str]) -> None:
    source = payload_diagram(payload_names).source
    identifiers = re.findall(r"^\s*(\S+) \[", source, flags=re.MULTILINE)
    allowed = re.compile(r"n\d+|agg\d+|legend|node|edge")
    assert identifiers and all(allowed.fullmatch(identifier) for identifier in identifiers)
    svg = render(source, "svg").decode("utf-8")
    root = ElementTree.fromstring(svg)  # well-formed XML despite control characters
    assert not [element for element in root.iter() if "script" in element.tag]
    assert "<script" not in svg and "<b>" not in svg and "<img" not in svg


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('say "hi"', 'say "hi"'),
        ("a\\b", "a\\\\b"),
        ("\\N", "\\\\N"),
        ("two\nlines", "two\\nlines"),
        ("cr\r\nlf", "cr\\nlf"),
        ("nul\x00bell\x07", "nulbell"),
        ("<b>x</b>", "<b>x</b>"),
    ],
)
def test_plain_label_escapes_backslashes_and_newlines(text: str, expected: str) -> None:
    label = plain_label(text)
    assert str(label) == expected
    # The graphviz package must quote it as a plain string, never as an HTML label.
    assert not graphviz.quoting.quote(label).startswith("<")


def test_html_text_escapes_markup_and_backslashes() -> None:
    assert html_text('<b>&"\\') == "&lt;b&gt;&amp;&quot;\\\\"
    assert html_text("a\nb") == 'a<BR ALIGN="CENTER"/>b'
    assert html_text("x" * 100, max_length=10) == "x" * 9 + "…"


def test_clusters_nest_and_group_nodes() -> None:
    diagram = Diagram("Sites")
    diagram.add_group("gnosjo", "Gnosjö")
    diagram.add_group("dc1", "DC1", parent="gnosjo")
    diagram.add_node("srv1", "srv01", group="dc1")
    graph = diagram.to_graphviz()
    source = graph.source
    outer = source.index("subgraph cluster_g1")
    inner = source.index("subgraph cluster_g2")
    assert outer < inner < source.index("n1 [")
    svg = render(source, "svg")
    root = ElementTree.fromstring(svg)
    clusters = [g for g in root.iter(f"{SVG}g") if g.get("class") == "cluster"]
    assert len(clusters) == 2


def test_node_budget_aggregates_the_rest_per_kind_and_redirects_edges() -> None:
    diagram = Diagram("Budget", node_budget=3)
    diagram.add_group("dc1", "DC1")
    for number in range(45):
        diagram.add_node(
            f"s{number}",
            f"srv{number}",
            group="dc1",
            kind="servers",
            priority=1 if number == 44 else 0,
        )
    diagram.add_node("nas", "nas1", group="dc1", kind="storage")
    diagram.add_node("app", "App")
    diagram.add_edge("app", "s10")
    diagram.add_edge("app", "s11")
    diagram.add_edge("app", "s44")
    texts = svg_texts(render(diagram.source, "svg"))
    assert "srv44" in texts  # the high-priority node is kept
    assert "42 more servers" in texts
    assert "1 more storage" in texts
    assert "srv10" not in texts
    # Two edges into the aggregate become one; the edge to the kept node stays.
    assert diagram.source.count("-> agg") == 1
    assert len([line for line in diagram.source.splitlines() if "->" in line]) == 2


def test_node_budget_text_follows_the_language() -> None:
    diagram = Diagram("Budsjett", lang="no", node_budget=1)
    diagram.add_node("a", "a", kind="servere")
    diagram.add_node("b", "b", kind="servere")
    assert "1 flere servere" in svg_texts(render(diagram.source, "svg"))


def test_apply_budget() -> None:
    assert apply_budget([1, 2, 3], None) == ([1, 2, 3], [])
    assert apply_budget([1, 2, 3], 3) == ([1, 2, 3], [])
    assert apply_budget([1, 2, 3], 1) == ([1], [2, 3])
    with pytest.raises(ValueError):
        apply_budget([1, 2], 0)


def test_legend_lists_node_and_edge_styles() -> None:
    diagram = Diagram("Legend", lang="sv")
    diagram.add_node("a", "a")
    diagram.set_legend(
        [
            LegendEntry("Behålls <kept>", style=NodeStyle(fill="#c6f6d5")),
            LegendEntry("Redundant", edge=EdgeStyle(line="dashed", colour="#2b6cb0")),
        ]
    )
    svg = render(diagram.source, "svg").decode("utf-8")
    texts = svg_texts(svg.encode("utf-8"))
    assert "Teckenförklaring" in texts
    assert "Behålls <kept>" in texts
    assert 'fill="#c6f6d5"' in svg


def test_unknown_colour_and_shape_are_programming_errors() -> None:
    diagram = Diagram("x")
    diagram.add_node("a", "a", style=NodeStyle(fill='red" onload="x'))
    with pytest.raises(ValueError, match="not a colour"):
        _ = diagram.source
    with pytest.raises(ValueError, match="shape"):
        NodeStyle(shape="box];evil").attributes()


def test_edges_and_groups_must_reference_added_keys() -> None:
    diagram = Diagram("x")
    diagram.add_node("a", "a")
    with pytest.raises(ValueError, match="not a node"):
        diagram.add_edge("a", "missing")
    with pytest.raises(ValueError, match="not in the diagram"):
        diagram.add_node("b", "b", group="missing")
    with pytest.raises(ValueError, match="twice"):
        diagram.add_node("a", "again")


def test_invalid_dot_raises_render_error_with_graphviz_message() -> None:
    with pytest.raises(RenderError, match="syntax error"):
        render("digraph { a -> }", "svg")
    with pytest.raises(RenderError, match="syntax error"):
        check_dot_syntax("digraph {")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(RenderError, match="unknown diagram format"):
        render("digraph {}", "gif")  # type: ignore[arg-type]


def test_missing_dot_program_gives_install_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A PATH without Graphviz: the real situation on a machine where it is not installed.
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError) as raised:
        render("digraph { a }", "svg")
    assert "not found" in str(raised.value)
    assert raised.value.hint is not None and "apt install graphviz" in raised.value.hint
    assert render("digraph { a }", "dot") == b"digraph { a }"


def test_sample_diagram_of_the_fixture_renders(make_diagram: Any) -> None:
    diagram = make_diagram("sv", ["Gnosjö"])
    texts = svg_texts(diagram.render("svg"))
    assert "Teckenförklaring" in texts
    assert "3 fler servers" in texts
