"""What every diagram view shares: the diagram it produced, colours, and frame helpers.

A view turns an :class:`~inventory.snapshot.InventorySnapshot` (and, for the target view,
the gap matrix) into one or more :class:`ViewDiagram` objects: DOT text built with
:class:`inventory.render.dot.Diagram`, never written to disk until asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import pandas as pd

from inventory.language.formatting import format_decimal
from inventory.language.i18n import Lang, t
from inventory.render.dot import EdgeStyle, GroupStyle, NodeStyle, RenderFormat, render

#: Nodes drawn directly inside one cluster before the rest become "42 more servers".
DEFAULT_NODE_BUDGET: Final = 12


@dataclass(frozen=True)
class ViewDiagram:
    """One diagram of a view: a file stem (``architecture-gnosjo``), a title and DOT text.

    ``key`` is what the diagram was drawn for as written in the data (view, municipality
    code, site id): two keys whose stems collide (``a_b`` and ``a-b``) still get distinct
    file names (see :func:`inventory.render.paths.unique_stems`).
    """

    name: str
    title: str
    source: str
    key: tuple[str, ...] = ()

    def render(self, fmt: RenderFormat) -> bytes:
        """The diagram as SVG, PNG or PDF bytes (``dot`` returns the DOT text itself)."""
        return render(self.source, fmt)


# Node styles by what a node is, shared by every view so the legends agree.
SITE_STYLE: Final = GroupStyle(fill="#f7fafc", border="#a0aec0")
LAYER_STYLE: Final = GroupStyle(fill="#ffffff", border="#cbd5e0", dashed=True)
CLUSTER_NODE: Final = NodeStyle(shape="box3d", fill="#bee3f8", border="#2b6cb0")
SERVER_NODE: Final = NodeStyle(fill="#ebf8ff", border="#3182ce")
STORAGE_NODE: Final = NodeStyle(shape="cylinder", fill="#e9d8fd", border="#6b46c1")
PLATFORM_NODE: Final = NodeStyle(fill="#fefcbf", border="#b7791f")
APPLICATION_NODE: Final = NodeStyle(shape="component", fill="#c6f6d5", border="#2f855a")
FLEET_NODE: Final = NodeStyle(shape="folder", fill="#fed7e2", border="#b83280")
OTHER_SITES_NODE: Final = NodeStyle(shape="tab", fill="#edf2f7", border="#718096")
SITE_NODE: Final = NodeStyle(fill="#ffffff", border="#4a5568")
DATACENTRE_NODE: Final = NodeStyle(shape="box3d", fill="#e2e8f0", border="#2d3748")
PRIMARY_DC_NODE: Final = NodeStyle(shape="box3d", fill="#f6e05e", border="#975a16", pen_width=3)
SECONDARY_DC_NODE: Final = NodeStyle(shape="box3d", fill="#fbd38d", border="#c05621", pen_width=2)
EXTERNAL_NODE: Final = NodeStyle(fill="#ffffff", border="#a0aec0", dashed=True)

DEPENDS_EDGE: Final = EdgeStyle(colour="#718096")
RUNS_ON_EDGE: Final = EdgeStyle(colour="#2b6cb0")
MANAGED_EDGE: Final = EdgeStyle(colour="#b83280", line="dashed")
REDUNDANT_LINK: Final = EdgeStyle(colour="#2f855a", line="bold", arrow=False)
SINGLE_LINK: Final = EdgeStyle(colour="#4a5568", arrow=False)
CROSS_LINK: Final = EdgeStyle(colour="#c05621", line="bold", arrow=False)
WEAK_LINK: Final = EdgeStyle(colour="#a0aec0", line="dashed", arrow=False)

# Gap matrix states (TOGAF): kept / changed / eliminated / new.
STATUS_STYLES: Final[dict[str, NodeStyle]] = {
    "included": NodeStyle(fill="#c6f6d5", border="#2f855a"),
    "changed": NodeStyle(fill="#fefcbf", border="#b7791f"),
    "eliminated": NodeStyle(fill="#fed7d7", border="#c53030", dashed=True),
    "new": NodeStyle(fill="#bee3f8", border="#2b6cb0", pen_width=2),
}


def domain_title(domain: str, lang: Lang) -> str:
    """A domain's title, the same in every table and diagram (``rb.domain.<domain>``; the
    domain of a capability is ``analyse.assets.domain_of``'s)."""
    return t(f"rb.domain.{domain}", lang)


def text(value: object) -> str:
    """A cell as display text: empty for missing values (None, NaN, ``pd.NA``)."""
    if type(value) is str:  # most cells: no missing-value test needed
        return value.strip()
    if value is None:
        return ""
    try:
        if bool(pd.isna(value)):  # type: ignore[call-overload]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def number(value: object) -> float:
    """A cell as a number (0 for missing or unreadable values)."""
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if result != result else result  # NaN


def bandwidth_text(mbps: float, lang: Lang) -> str:
    """``10000`` -> ``10 Gbit/s``, ``2500`` -> ``2,5 Gbit/s`` in Swedish (the locale's
    decimal sign), ``500`` -> ``500 Mbit/s``."""
    if mbps <= 0:
        return ""
    if mbps >= 1000:
        return f"{format_decimal(mbps / 1000, lang)} Gbit/s"
    return f"{format_decimal(mbps, lang)} Mbit/s"


def municipality_names(snapshot_municipalities: pd.DataFrame) -> dict[str, str]:
    """Municipality code -> display name (the code where the name is missing)."""
    names: dict[str, str] = {}
    for code, name in zip(
        snapshot_municipalities["code"], snapshot_municipalities["name"], strict=True
    ):
        names[str(code)] = text(name) or str(code)
    return names


def qualified(municipality: str, reference: str) -> tuple[str, str]:
    """Split a reference written ``code:id`` (another municipality's record) or ``id``."""
    if ":" in reference:
        code, _, key = reference.partition(":")
        if code and key:
            return code, key
    return municipality, reference


def joined(items: Iterable[str], limit: int = 3) -> str:
    """``a, b, c +2``: at most ``limit`` items and how many more."""
    values = [item for item in items if item]
    shown = ", ".join(values[:limit])
    return shown + (f" +{len(values) - limit}" if len(values) > limit else "")
