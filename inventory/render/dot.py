"""A small DOT builder on the ``graphviz`` package: escaped labels, clusters, legend, budget.

Diagrams are built as objects first and turned into DOT text (:attr:`Diagram.source`);
:func:`render` hands DOT to the real ``dot`` program for SVG, PNG or PDF.

Safety rules (docs/reliability.md, "Output"):

- Node, cluster and graph identifiers are generated (``n1``, ``cluster_g2``), never taken
  from data, so no record key can break DOT syntax or the comments Graphviz writes into SVG.
- Every text from data goes through :func:`plain_label` (DOT escString: backslashes
  doubled, newlines as ``\\n``, quotes escaped by the graphviz package) or
  :func:`html_text` (HTML-like labels: ``& < > "`` as entities, backslash doubled, because
  Graphviz applies escString rules inside HTML labels too). Control characters are dropped.

>>> diagram = Diagram("Gnosjö")
>>> diagram.add_group("dc1", 'DC "1"')
>>> diagram.add_node("srv1", "<b>srv01</b>", group="dc1")
>>> "&lt;b&gt;srv01&lt;/b&gt;" in diagram.source
True
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from types import TracebackType
from typing import Final, Literal, TypeVar

import graphviz

from inventory.errors import RenderError
from inventory.language.i18n import Lang, t
from inventory.messages import Message

RenderFormat = Literal["svg", "png", "pdf", "dot"]
RENDER_FORMATS: Final[tuple[RenderFormat, ...]] = ("svg", "png", "pdf", "dot")
Direction = Literal["TB", "LR", "BT", "RL"]
#: ``invis``: an edge that only orders nodes (a grid of clusters), never drawn.
LineStyle = Literal["solid", "dashed", "dotted", "bold", "invis"]

DEFAULT_FONT: Final = "Helvetica"
_COLOUR: Final = re.compile(r"^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|[a-z]+[0-9]*|transparent)$")
_SHAPES: Final = frozenset(
    {
        "box",
        "rect",
        "rectangle",
        "square",
        "box3d",
        "cylinder",
        "component",
        "folder",
        "note",
        "tab",
        "ellipse",
        "oval",
        "circle",
        "doublecircle",
        "hexagon",
        "octagon",
        "house",
        "diamond",
        "parallelogram",
        "plaintext",
        "plain",
        "none",
        "point",
    }
)
# C0 and C1 controls except newline and tab, DEL, lone surrogates and non-characters:
# Graphviz rejects them in HTML labels and they are not allowed in the SVG (XML) it writes.
_UNWRITABLE: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_LINE_BREAKS: Final = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def clean_text(text: str, *, max_length: int | None = None) -> str:
    """``text`` with line breaks unified to ``\\n``, tabs as spaces, other controls dropped.

    With ``max_length``, the text is cut to that many characters and ends with ``…``.
    """
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    text = _UNWRITABLE.sub("", text)
    if max_length is not None and len(text) > max_length:
        text = text[: max(max_length - 1, 0)].rstrip() + "…"
    return text


def plain_label(text: str, *, max_length: int | None = None) -> str:
    """A DOT escString for ``text``, ready as an attribute value for the graphviz package.

    Backslashes are doubled (so ``\\N`` in data is not Graphviz's node-name escape),
    newlines become ``\\n``, and the result is marked ``nohtml`` so a name such as
    ``<b>x</b>`` is never read as an HTML-like label; the package escapes the quotes.
    """
    escaped = clean_text(text, max_length=max_length).replace("\\", "\\\\").replace("\n", "\\n")
    return graphviz.nohtml(escaped)  # type: ignore[no-any-return]


def html_text(text: str, *, max_length: int | None = None) -> str:
    """``text`` escaped for the inside of a Graphviz HTML-like label; newlines become ``<BR/>``.

    >>> html_text('a<b> & "c"\\\\d')
    'a&lt;b&gt; &amp; &quot;c&quot;\\\\\\\\d'
    """
    cleaned = clean_text(text, max_length=max_length)
    escaped = (
        cleaned.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\\", "\\\\")
    )
    return escaped.replace("\n", '<BR ALIGN="CENTER"/>')


def html_label(markup: str) -> str:
    """Wrap HTML-like label markup (built only from :func:`html_text` pieces) in ``<...>``."""
    return f"<{markup}>"


def colour(value: str) -> str:
    """Return ``value`` if it is a Graphviz colour this module writes (``#rrggbb``, a name)."""
    if not _COLOUR.match(value):
        raise ValueError(f"not a colour: {value!r}")
    return value


@dataclass(frozen=True)
class NodeStyle:
    """How a kind of node looks: shape, fill, border and font colours."""

    shape: str = "box"
    fill: str = "#ffffff"
    border: str = "#4a5568"
    font_colour: str = "#1a202c"
    rounded: bool = True
    dashed: bool = False
    pen_width: float = 1.0

    def attributes(self) -> dict[str, str]:
        """The DOT node attributes of this style."""
        if self.shape not in _SHAPES:
            raise ValueError(f"unknown node shape: {self.shape!r}")
        styles = ["filled"]
        if self.rounded and self.shape in {"box", "rect", "rectangle"}:
            styles.append("rounded")
        if self.dashed:
            styles.append("dashed")
        return {
            "shape": self.shape,
            "style": ",".join(styles),
            "fillcolor": colour(self.fill),
            "color": colour(self.border),
            "fontcolor": colour(self.font_colour),
            "penwidth": f"{self.pen_width:g}",
        }


@dataclass(frozen=True)
class EdgeStyle:
    """How a kind of edge looks: colour, line, width and arrow."""

    colour: str = "#4a5568"
    line: LineStyle = "solid"
    pen_width: float = 1.0
    arrow: bool = True

    def attributes(self) -> dict[str, str]:
        """The DOT edge attributes of this style."""
        return {
            "color": colour(self.colour),
            "fontcolor": colour(self.colour),
            "style": self.line,
            "penwidth": f"{self.pen_width * (2 if self.line == 'bold' else 1):g}",
            "arrowhead": "normal" if self.arrow else "none",
        }


@dataclass(frozen=True)
class GroupStyle:
    """How a cluster looks."""

    fill: str = "#f7fafc"
    border: str = "#a0aec0"
    font_colour: str = "#2d3748"
    dashed: bool = False


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a node swatch (``style``) or an edge sample (``edge``)."""

    label: str
    style: NodeStyle | None = None
    edge: EdgeStyle | None = None


_EDGE_SAMPLES: Final[dict[LineStyle, str]] = {
    "solid": "───────",
    "dashed": "─ ─ ─ ─",
    "dotted": "·······",
    "bold": "━━━━━━━",
    "invis": "",
}


@dataclass
class _Node:
    key: str
    dot_id: str
    label: str
    detail: str | None
    group: str | None
    kind: str
    style: NodeStyle
    priority: int


@dataclass
class _Group:
    key: str
    dot_id: str
    title: str
    parent: str | None
    style: GroupStyle
    children: list[str] = field(default_factory=list)


@dataclass
class _Edge:
    tail: str
    head: str
    label: str | None
    style: EdgeStyle


Item = TypeVar("Item")


def apply_budget(items: Sequence[Item], budget: int | None) -> tuple[list[Item], list[Item]]:
    """Split ``items`` into those shown (at most ``budget``) and those aggregated away.

    >>> apply_budget(["a", "b", "c"], 2)
    (['a', 'b'], ['c'])
    """
    if budget is None or len(items) <= budget:
        return list(items), []
    if budget < 1:
        raise ValueError("a node budget must be at least 1")
    return list(items[:budget]), list(items[budget:])


class Diagram:
    """A directed diagram of nodes, nested clusters, edges and a legend, as DOT text.

    ``node_budget`` caps the nodes drawn directly inside any one cluster (and at top
    level): the lowest-priority ones beyond it are replaced by one node per kind,
    "42 more servers", and their edges are redirected to that node.
    """

    def __init__(
        self,
        title: str,
        *,
        lang: Lang = "en",
        direction: Direction = "TB",
        node_budget: int | None = None,
        max_label_length: int = 60,
        font: str = DEFAULT_FONT,
        more_label: Callable[[int, str], str] | None = None,
    ) -> None:
        if node_budget is not None and node_budget < 1:
            raise ValueError("a node budget must be at least 1")
        self.title = title
        self.lang: Lang = lang
        self.direction: Direction = direction
        self.node_budget = node_budget
        self.max_label_length = max_label_length
        self.font = font
        self._more_label = more_label or self._default_more_label
        self._nodes: dict[str, _Node] = {}
        self._groups: dict[str, _Group] = {}
        self._edges: list[_Edge] = []
        self._legend: tuple[str, list[LegendEntry]] | None = None

    def _default_more_label(self, count: int, kind: str) -> str:
        return t("diagram.more_items", self.lang, count=count, what=kind).strip()

    # Building ---------------------------------------------------------------------------

    def add_group(
        self,
        key: str,
        title: str,
        *,
        parent: str | None = None,
        style: GroupStyle | None = None,
    ) -> None:
        """Add a cluster (e.g. a site) with a visible ``title``, optionally inside ``parent``."""
        if key in self._groups:
            raise ValueError(f"group {key!r} added twice")
        if parent is not None and parent not in self._groups:
            raise ValueError(f"parent group {parent!r} of {key!r} is not in the diagram")
        self._groups[key] = _Group(
            key, f"cluster_g{len(self._groups) + 1}", title, parent, style or GroupStyle()
        )
        if parent is not None:
            self._groups[parent].children.append(key)

    def add_node(
        self,
        key: str,
        label: str,
        *,
        detail: str | None = None,
        group: str | None = None,
        kind: str = "",
        style: NodeStyle | None = None,
        priority: int = 0,
    ) -> None:
        """Add a node: a bold ``label`` and an optional smaller ``detail`` line.

        ``kind`` is the plural noun shown when the budget aggregates it ("servers");
        nodes with a higher ``priority`` are kept first.
        """
        if key in self._nodes:
            raise ValueError(f"node {key!r} added twice")
        if group is not None and group not in self._groups:
            raise ValueError(f"group {group!r} of node {key!r} is not in the diagram")
        self._nodes[key] = _Node(
            key,
            f"n{len(self._nodes) + 1}",
            label,
            detail,
            group,
            kind,
            style or NodeStyle(),
            priority,
        )

    def has_node(self, key: str) -> bool:
        """Whether a node with this key was added."""
        return key in self._nodes

    def add_edge(
        self,
        tail: str,
        head: str,
        *,
        label: str | None = None,
        style: EdgeStyle | None = None,
    ) -> None:
        """Add an edge between two added nodes, with an optional label (e.g. bandwidth)."""
        for end in (tail, head):
            if end not in self._nodes:
                raise ValueError(f"edge end {end!r} is not a node of the diagram")
        self._edges.append(_Edge(tail, head, label, style or EdgeStyle()))

    def set_legend(self, entries: Iterable[LegendEntry], title: str | None = None) -> None:
        """Draw a legend cluster listing node styles and edge styles with their meaning."""
        self._legend = (title or t("diagram.legend", self.lang), list(entries))

    # Output -----------------------------------------------------------------------------

    def _budgeted(self) -> tuple[dict[str | None, list[_Node]], dict[str, str], list[_Node]]:
        """Nodes shown per group, a map hidden key -> aggregate id, and the aggregates."""
        by_group: dict[str | None, list[_Node]] = defaultdict(list)
        for node in self._nodes.values():
            by_group[node.group].append(node)
        shown: dict[str | None, list[_Node]] = {}
        redirect: dict[str, str] = {}
        aggregates: list[_Node] = []
        for group, nodes in by_group.items():
            ordered = sorted(nodes, key=lambda node: -node.priority)
            kept, hidden = apply_budget(ordered, self.node_budget)
            hidden_by_kind: dict[str, list[_Node]] = defaultdict(list)
            for node in hidden:
                hidden_by_kind[node.kind].append(node)
            for kind, members in hidden_by_kind.items():
                aggregate = _Node(
                    key="",
                    dot_id=f"agg{len(aggregates) + 1}",
                    label=self._more_label(len(members), kind),
                    detail=None,
                    group=group,
                    kind=kind,
                    style=NodeStyle(
                        shape=members[0].style.shape,
                        fill="#edf2f7",
                        border=members[0].style.border,
                        dashed=True,
                    ),
                    priority=0,
                )
                aggregates.append(aggregate)
                kept.append(aggregate)
                for member in members:
                    redirect[member.key] = aggregate.dot_id
            shown[group] = kept
        return shown, redirect, aggregates

    def _node_label(self, node: _Node) -> str:
        # Graphviz rejects empty formatting elements such as <B></B>.
        label = html_text(node.label, max_length=self.max_label_length)
        markup = f"<B>{label}</B>" if label.strip() else " "
        detail = html_text(node.detail or "", max_length=self.max_label_length)
        if detail.strip():
            markup += f'<BR/><FONT POINT-SIZE="10">{detail}</FONT>'
        return html_label(markup)

    def _add_group_body(
        self, graph: graphviz.Digraph, group: str | None, shown: dict[str | None, list[_Node]]
    ) -> None:
        for node in shown.get(group, []):
            graph.node(node.dot_id, self._node_label(node), **node.style.attributes())
        for child_key in self._children(group):
            child = self._groups[child_key]
            with graph.subgraph(name=child.dot_id) as cluster:
                cluster.attr(**self._cluster_attributes(child))
                self._add_group_body(cluster, child_key, shown)

    def _children(self, group: str | None) -> list[str]:
        """The groups drawn inside ``group`` (``None``: the top-level groups)."""
        if group is not None:
            return self._groups[group].children
        return [key for key, value in self._groups.items() if value.parent is None]

    def _cluster_attributes(self, child: _Group) -> dict[str, str]:
        """A group's cluster: its title, colours and border."""
        styles = ["filled", "rounded"] + (["dashed"] if child.style.dashed else [])
        return {
            "label": plain_label(child.title, max_length=self.max_label_length),
            "style": ",".join(styles),
            "fillcolor": colour(child.style.fill),
            "color": colour(child.style.border),
            "fontcolor": colour(child.style.font_colour),
            "labeljust": "l",
        }

    def _add_legend(self, graph: graphviz.Digraph) -> None:
        if self._legend is None or not self._legend[1]:
            return
        title, entries = self._legend
        rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html_text(title)}</B></TD></TR>']
        for entry in entries:
            text = html_text(entry.label, max_length=self.max_label_length)
            if entry.edge is not None:
                sample = _EDGE_SAMPLES[entry.edge.line]
                swatch = f'<TD><FONT COLOR="{colour(entry.edge.colour)}">{sample}</FONT></TD>'
            else:
                style = entry.style or NodeStyle()
                swatch = (
                    f'<TD BGCOLOR="{colour(style.fill)}" COLOR="{colour(style.border)}"'
                    f' BORDER="1" WIDTH="28"> </TD>'
                )
            rows.append(f'<TR>{swatch}<TD ALIGN="LEFT">{text}</TD></TR>')
        table = (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2">'
            + "".join(rows)
            + "</TABLE>"
        )
        with graph.subgraph(name="cluster_legend") as legend:
            legend.attr(label="", style="rounded", color="#a0aec0")
            legend.node("legend", html_label(table), shape="plaintext")

    def _graph_attributes(self) -> dict[str, str]:
        """The diagram's own attributes (title, direction, font, spacing)."""
        return {
            "label": plain_label(self.title, max_length=120),
            "labelloc": "t",
            "fontsize": "18",
            "rankdir": self.direction,
            "fontname": self.font,
            "compound": "true",
            "newrank": "true",
            "nodesep": "0.3",
            "ranksep": "0.5",
        }

    def _node_defaults(self) -> dict[str, str]:
        return {"fontname": self.font, "fontsize": "12", "margin": "0.15,0.06"}

    def _edge_defaults(self) -> dict[str, str]:
        return {"fontname": self.font, "fontsize": "10"}

    def to_graphviz(self) -> graphviz.Digraph:
        """The diagram as a ``graphviz.Digraph`` (budget applied, legend added)."""
        graph = graphviz.Digraph(name="diagram", strict=False)
        graph.attr(**self._graph_attributes())
        graph.attr("node", **self._node_defaults())
        graph.attr("edge", **self._edge_defaults())
        shown, redirect, _aggregates = self._budgeted()
        self._add_group_body(graph, None, shown)
        seen_redirected: set[tuple[str, str]] = set()
        for edge in self._edges:
            tail = redirect.get(edge.tail, self._nodes[edge.tail].dot_id)
            head = redirect.get(edge.head, self._nodes[edge.head].dot_id)
            attributes = edge.style.attributes()
            if edge.tail in redirect or edge.head in redirect:
                if tail == head or (tail, head) in seen_redirected:
                    continue
                seen_redirected.add((tail, head))
                graph.edge(tail, head, **attributes)
                continue
            if edge.label:
                attributes["label"] = plain_label(edge.label, max_length=self.max_label_length)
            graph.edge(tail, head, **attributes)
        self._add_legend(graph)
        return graph

    @property
    def source(self) -> str:
        """The DOT text of the diagram: exactly ``str(self.to_graphviz().source)``, written
        line by line here (the graphviz package's statements, its quoting done once per
        distinct value) instead of through a ``graphviz.Digraph`` per cluster."""
        lines = ["digraph diagram {\n"]
        graph_attributes = sorted(self._graph_attributes().items())
        node_attributes = sorted(self._node_defaults().items())
        edge_attributes = sorted(self._edge_defaults().items())
        lines.append(f"\t{_a_list(graph_attributes)}\n")
        lines.append(f"\tnode [{_a_list(node_attributes)}]\n")
        lines.append(f"\tedge [{_a_list(edge_attributes)}]\n")
        shown, redirect, _aggregates = self._budgeted()
        self._write_group_body(lines, "\t", None, shown)
        seen_redirected: set[tuple[str, str]] = set()
        for edge in self._edges:
            tail = redirect.get(edge.tail, self._nodes[edge.tail].dot_id)
            head = redirect.get(edge.head, self._nodes[edge.head].dot_id)
            label = None
            if edge.tail in redirect or edge.head in redirect:
                if tail == head or (tail, head) in seen_redirected:
                    continue
                seen_redirected.add((tail, head))
            elif edge.label:
                label = plain_label(edge.label, max_length=self.max_label_length)
            lines.append(
                f"\t{_quote_edge(tail)} -> {_quote_edge(head)}"
                f" [{_edge_attributes(edge.style, label)}]\n"
            )
        self._write_legend(lines)
        lines.append("}\n")
        return "".join(lines)

    def _write_group_body(
        self,
        lines: list[str],
        indent: str,
        group: str | None,
        shown: dict[str | None, list[_Node]],
    ) -> None:
        """:meth:`_add_group_body` as DOT lines (``indent``: the tabs of this level)."""
        for node in shown.get(group, []):
            lines.append(
                f"{indent}{_quote(node.dot_id)} [label={_quote(self._node_label(node))}"
                f" {_node_attributes(node.style)}]\n"
            )
        for child_key in self._children(group):
            child = self._groups[child_key]
            lines.append(f"{indent}subgraph {_quote(child.dot_id)} {{\n")
            attributes = sorted(self._cluster_attributes(child).items())
            lines.append(f"{indent}\t{_a_list(attributes)}\n")
            self._write_group_body(lines, indent + "\t", child_key, shown)
            lines.append(f"{indent}}}\n")

    def _write_legend(self, lines: list[str]) -> None:
        """:meth:`_add_legend` as DOT lines."""
        graph = graphviz.Digraph(name="diagram", strict=False)
        self._add_legend(graph)
        lines.extend(graph.body)

    def render(self, fmt: RenderFormat) -> bytes:
        """The diagram rendered by ``dot`` (``"dot"`` returns the DOT text as UTF-8)."""
        return render(self.source, fmt)


# The graphviz package's quoting (``graphviz.quoting.quote``), done once per distinct value:
# diagrams repeat the same colours, styles and names thousands of times. ``typed``: a
# ``nohtml`` string is quoted differently from the same text as a plain ``str``.
_quote: Final[Callable[[str], str]] = lru_cache(maxsize=8192, typed=True)(graphviz.quoting.quote)
_quote_edge: Final[Callable[[str], str]] = lru_cache(maxsize=8192)(graphviz.quoting.quote_edge)


def _a_list(attributes: Iterable[tuple[str, str]]) -> str:
    """``key=value`` pairs as the graphviz package writes them (``a_list``), in this order."""
    return " ".join(f"{_quote(key)}={_quote(value)}" for key, value in attributes)


@lru_cache(maxsize=256)
def _node_attributes(style: NodeStyle) -> str:
    """A node style's attributes after the label, sorted as the graphviz package sorts
    ``**attrs`` (the same few styles serve every node)."""
    return _a_list(sorted(style.attributes().items()))


@lru_cache(maxsize=256)
def _edge_style_attributes(style: EdgeStyle) -> str:
    return _a_list(sorted(style.attributes().items()))


def _edge_attributes(style: EdgeStyle, label: str | None) -> str:
    """An edge's attributes as ``graph.edge(tail, head, **attrs)`` writes them: the label
    (a parameter of its own) first, then the style's, sorted."""
    attributes = _edge_style_attributes(style)
    return attributes if label is None else f"label={_quote(label)} {attributes}"


def render(dot_source: str, fmt: RenderFormat) -> bytes:
    """Render DOT text with the ``dot`` program to ``svg``, ``png`` or ``pdf`` bytes.

    ``fmt="dot"`` returns the DOT text itself, encoded as UTF-8, without running Graphviz.
    Raises :class:`RenderError` with an install hint when ``dot`` is not installed, and with
    Graphviz's message when it rejects the input.
    """
    if fmt not in RENDER_FORMATS:
        raise RenderError(
            Message("error.render.format", {"format": repr(fmt)}),
            hint=Message("error.render.format.hint", {"formats": ", ".join(RENDER_FORMATS)}),
        )
    data = dot_source.encode("utf-8")
    if fmt == "dot":
        return data
    return _run_dot(data, fmt)


def check_dot_syntax(dot_source: str) -> None:
    """Let ``dot`` read ``dot_source``; raise :class:`RenderError` if it rejects it."""
    _run_dot(dot_source.encode("utf-8"), "canon")


def _run_dot(data: bytes, fmt: str) -> bytes:
    try:
        output: bytes = graphviz.pipe("dot", fmt, data, quiet=True)
    except graphviz.ExecutableNotFound as error:
        raise RenderError(
            Message("error.render.no_graphviz"), hint=Message("error.render.no_graphviz.hint")
        ) from error
    except graphviz.CalledProcessError as error:
        raise dot_failure(error.returncode, error.stderr) from error
    return output


def dot_failure(status: int, stderr: bytes | str | None) -> RenderError:
    """``dot`` ended with exit ``status`` (negative: stopped by that signal): the status
    and what dot wrote on stderr, quoted as dot's own text (Graphviz writes English), and
    what to do.

    >>> str(dot_failure(1, b"Error: syntax error in line 1")).split(": ", 1)[1]
    'dot ended with exit status 1 and wrote: "Error: syntax error in line 1"'
    """
    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", "replace")
    wrote = " ".join((stderr or "").split())
    said = (
        Message("error.render.dot_said", {"detail": wrote})
        if wrote
        else Message("error.render.dot_silent")
    )
    key = "error.render.graphviz_failed" if status >= 0 else "error.render.graphviz_stopped"
    return RenderError(
        Message(key, {"status": str(abs(status)), "said": said}),
        hint=Message(f"{key}.hint"),
    )


def default_workers() -> int:
    """How many ``dot`` processes (or report formats) run at once: one per core."""
    return max(1, os.cpu_count() or 1)


class ParallelRenderer:
    """Renders many diagrams at once: each ``dot`` is a process of its own, run from a pool
    of threads (they only wait on it), at most ``os.cpu_count()`` at a time, so diagrams
    render on every core while the caller goes on building the next ones.

    ``submit`` starts a render and returns its future; ``result`` waits for one and turns
    a failure into a :class:`RenderError` that names the diagram (``label``: its file
    name, known by then). Leaving the ``with`` block cancels what has not started and
    waits for the rest.

    >>> with ParallelRenderer() as renderer:  # doctest: +SKIP
    ...     pending = renderer.submit(diagram.source, "svg")
    ...     svg = renderer.result(pending, "diagrams/architecture.svg")
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or default_workers())
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="dot")

    def submit(self, dot_source: str, fmt: RenderFormat) -> Future[bytes]:
        """Start rendering ``dot_source`` as ``fmt`` (:func:`render`)."""
        return self._pool.submit(render, dot_source, fmt)

    @staticmethod
    def result(future: Future[bytes], label: str) -> bytes:
        """The rendered bytes of a submitted diagram (waits for it).

        Raises :class:`RenderError` naming the diagram (``label``) when ``dot`` failed.
        """
        try:
            return future.result()
        except RenderError as error:
            reason: Message | str = (
                error.wording if isinstance(error.wording, Message) else str(error)
            )
            hint = error.hint_wording if isinstance(error.hint_wording, Message) else error.hint
            raise RenderError(
                Message("error.render.diagram", {"label": label, "reason": reason}), hint=hint
            ) from error

    def __enter__(self) -> ParallelRenderer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
