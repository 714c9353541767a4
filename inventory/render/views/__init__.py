"""Diagram views: architecture, network, target state and overlap (one module per view).

``build_views`` is what ``inventory diagram VIEW`` and the report call: it returns the
diagrams of one view as :class:`ViewDiagram` (name, title, DOT text), nothing written.
"""

from __future__ import annotations

from typing import Final, Literal

from inventory.analyse.overlap import OverlapResult
from inventory.errors import InventoryError
from inventory.gap.result import GapReport
from inventory.language.i18n import Lang
from inventory.messages import Message
from inventory.render.views.architecture import architecture_views
from inventory.render.views.common import ViewDiagram, municipality_names
from inventory.render.views.network import network_view
from inventory.render.views.overlap import overlap_views
from inventory.render.views.target import target_view
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture

ViewName = Literal["architecture", "network", "target", "overlap"]
VIEW_NAMES: Final[tuple[ViewName, ...]] = ("architecture", "network", "target", "overlap")


class ViewInputError(InventoryError):
    """A diagram view was asked for without what it needs (a target, a municipality)."""


def build_views(
    view: ViewName,
    snapshot: InventorySnapshot,
    *,
    municipality: str | None = None,
    target: TargetArchitecture | None = None,
    gap: GapReport | None = None,
    overlap: OverlapResult | None = None,
    lang: Lang = "en",
) -> list[ViewDiagram]:
    """The diagrams of ``view``; ``municipality`` narrows architecture and target views.

    ``target``/``gap`` are needed by the target view (``gap``) and mark the datacentres in
    the network view; ``overlap`` by the overlap view. Raises :class:`ViewInputError`.
    """
    names = municipality_names(snapshot.table("municipality"))
    if municipality is not None and municipality not in names:
        raise ViewInputError(
            Message("error.view.no_municipality", {"name": repr(municipality)}),
            hint=Message("error.view.use_one_of", {"names": ", ".join(sorted(names))}),
        )
    if view == "architecture":
        codes = [municipality] if municipality else sorted(names)
        return [
            diagram for code in codes for diagram in architecture_views(snapshot, code, lang=lang)
        ]
    if view == "network":
        return [network_view(snapshot, target=target, lang=lang)]
    if view == "target":
        if gap is None:
            raise ViewInputError(
                Message("error.view.needs_target"), hint=Message("error.view.needs_target_hint")
            )
        if municipality:
            return [target_view(gap, municipality, name=names.get(municipality), lang=lang)]
        return [target_view(gap, lang=lang)]
    if overlap is None:
        raise ViewInputError(Message("error.view.needs_overlap"))
    return overlap_views(overlap, names, lang=lang)


__all__ = ["VIEW_NAMES", "ViewDiagram", "ViewInputError", "ViewName", "build_views"]
