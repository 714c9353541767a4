"""The views of the ArchiMate export, laid out on a simple grid.

Four kinds of view (docs/method.md#archimate-export): the landscape (every site, grouped
by municipality, and the links between them), one baseline view per municipality (layer
by layer: applications, system software, nodes, devices, locations, networks), the
target (its building blocks by domain, new ones green and changed ones yellow, and its
datacentres) and the migration (the two plateaus, the gaps between them, the programme,
its waves and the plan's packages). Every element of a view is a box with bounds, boxes
sit in labelled groups, and a relationship is drawn when both its ends are in the view.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from inventory.export.exchange import (
    Bounds,
    Connection,
    Element,
    Relationship,
    View,
    ViewNode,
    identifier,
)
from inventory.language.i18n import Lang, t

WIDTH, HEIGHT, SPACE = 160, 60, 20  # a box and the space between boxes
PAD, LABEL = 20, 30  # inside a group: margin, and room for its label
COLUMNS = 8

#: Fill colours by gap status: what the baseline loses or changes, what the target adds.
FILLS: dict[str, tuple[int, int, int]] = {
    "eliminated": (255, 204, 204),
    "changed": (255, 235, 170),
    "target_changed": (255, 235, 170),
    "target_new": (200, 240, 200),
}

#: The layers of a baseline view, top to bottom.
LAYERS = (
    "ApplicationComponent",
    "SystemSoftware",
    "Node",
    "Device",
    "Location",
    "CommunicationNetwork",
)


@dataclass(frozen=True)
class ViewPlan:
    """What the migration and target views show (element identifiers)."""

    baseline: str
    target: str
    gaps: tuple[str, ...]
    programme: str
    waves: tuple[str, ...]
    packages: tuple[tuple[str, ...], ...]  # per wave
    target_groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (label, elements)


def _group(
    view: str,
    label: str,
    elements: Sequence[str],
    x: int,
    y: int,
    fills: Mapping[str, str],
    columns: int = COLUMNS,
) -> ViewNode:
    """A labelled group holding ``elements`` in rows of ``columns`` boxes."""
    columns = max(1, min(columns, len(elements)))
    rows = -(-len(elements) // columns)
    children = tuple(
        ViewNode(
            identifier("node", view, element),
            Bounds(
                x + PAD + (index % columns) * (WIDTH + SPACE),
                y + LABEL + (index // columns) * (HEIGHT + SPACE),
                WIDTH,
                HEIGHT,
            ),
            element=element,
            fill=FILLS.get(fills.get(element, "")),
        )
        for index, element in enumerate(elements)
    )
    width = 2 * PAD + columns * WIDTH + (columns - 1) * SPACE
    height = LABEL + rows * (HEIGHT + SPACE) - SPACE + PAD
    return ViewNode(
        identifier("group", view, label),
        Bounds(x, y, width, height),
        label=label,
        children=children,
    )


def _connections(
    view: str, nodes: Iterable[ViewNode], relationships: Iterable[Relationship]
) -> tuple[Connection, ...]:
    """Every relationship whose two ends are boxes of the view."""
    box = {
        node.element: node.identifier
        for top in nodes
        for node in top.walk()
        if node.element is not None
    }
    return tuple(
        Connection(
            identifier("connection", view, relation.identifier),
            relation.identifier,
            box[relation.source],
            box[relation.target],
        )
        for relation in relationships
        if relation.source in box and relation.target in box
    )


def _stacked(
    view: str,
    groups: Sequence[tuple[str, Sequence[str]]],
    fills: Mapping[str, str],
    columns: int = COLUMNS,
) -> tuple[ViewNode, ...]:
    """Groups one below the other (empty ones left out)."""
    nodes: list[ViewNode] = []
    y = SPACE
    for label, elements in groups:
        if elements:
            group = _group(view, label, elements, SPACE, y, fills, columns)
            nodes.append(group)
            y += group.bounds.h + 2 * SPACE
    return tuple(nodes)


def _box(view: str, element: str, x: int, y: int) -> ViewNode:
    return ViewNode(identifier("node", view, element), Bounds(x, y, WIDTH, HEIGHT), element=element)


def _migration(plan: ViewPlan) -> tuple[ViewNode, ...]:
    """Baseline plateau, the gaps, the target plateau in a row; the programme below, its
    waves in a row under it, each wave's packages in a column under the wave."""
    view = "migration"
    middle = SPACE + WIDTH + 4 * SPACE
    right = middle + WIDTH + 4 * SPACE
    nodes = [_box(view, plan.baseline, SPACE, SPACE), _box(view, plan.target, right, SPACE)]
    nodes += [
        _box(view, gap, middle, SPACE + index * (HEIGHT + SPACE))
        for index, gap in enumerate(plan.gaps)
    ]
    y = SPACE + max(1, len(plan.gaps)) * (HEIGHT + SPACE) + 2 * SPACE
    nodes.append(_box(view, plan.programme, SPACE, y))
    y += HEIGHT + 3 * SPACE
    for column, (wave, packages) in enumerate(zip(plan.waves, plan.packages, strict=True)):
        x = SPACE + column * (WIDTH + SPACE)
        nodes.append(_box(view, wave, x, y))
        nodes += [
            _box(view, package, x, y + (row + 1) * (HEIGHT + SPACE) + SPACE)
            for row, package in enumerate(packages)
        ]
    return tuple(nodes)


def build_views(
    elements: Sequence[Element],
    relationships: Sequence[Relationship],
    plan: ViewPlan,
    *,
    lang: Lang,
    municipality_of: Mapping[str, str],
    status_of: Mapping[str, str],
    municipality_names: Mapping[str, str],
) -> tuple[View, ...]:
    """The landscape, one baseline view per municipality, the target and the migration."""
    by_type: dict[tuple[str, str], list[str]] = {}
    for element in elements:
        code = municipality_of.get(element.identifier)
        if code is not None:
            by_type.setdefault((code, element.type), []).append(element.identifier)
    codes = sorted(municipality_names)
    views: list[View] = []

    def add(
        key: tuple[str, ...],
        name: str,
        viewpoint: str,
        groups: Sequence[tuple[str, Sequence[str]]] | None = None,
        nodes: tuple[ViewNode, ...] = (),
    ) -> None:
        ident = identifier("view", *key)
        if groups is not None:
            nodes = _stacked(ident, groups, status_of)
        views.append(View(ident, name, nodes, _connections(ident, nodes, relationships), viewpoint))

    add(
        ("landscape",),
        t("archimate.view.landscape", lang),
        "Physical",
        [
            *((municipality_names[code], by_type.get((code, "Location"), [])) for code in codes),
            (
                t("archimate.folder.CommunicationNetwork", lang),
                [
                    ident
                    for code in codes
                    for ident in by_type.get((code, "CommunicationNetwork"), [])
                ],
            ),
        ],
    )
    for code in codes:
        add(
            ("baseline", code),
            t("archimate.view.baseline", lang, municipality=municipality_names[code]),
            "Layered",
            [
                (t(f"archimate.folder.{layer}", lang), by_type.get((code, layer), []))
                for layer in LAYERS
            ],
        )
    add(
        ("target",),
        t("archimate.view.target", lang),
        "Implementation and Migration",
        plan.target_groups,
    )
    # "Implementation and Migration", not "Migration": that viewpoint has no work packages
    # (Archi would grey them out)
    add(
        ("migration",),
        t("archimate.view.migration", lang),
        "Implementation and Migration",
        nodes=_migration(plan),
    )
    return tuple(views)
