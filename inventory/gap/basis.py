"""What every gap over one inventory reads, whatever the target: computed once, shared.

A gap report (``result.compute_gap``) starts from the inventory as the analyses see it:
the dependency graph, the assets with their products, capabilities and lifecycle, the
business applications and their function groups, the client rows summed once and each
server's site. None of it depends on the target, only on the snapshot, the normaliser,
the date and the lifecycle horizon. ``gap_basis`` computes it once, so that the
alternatives of a study (several targets over one inventory) and the report's own gap
share it instead of computing it again for each target:

>>> basis = gap_basis(snapshot, as_of=dt.date(2025, 6, 1))  # doctest: +SKIP
>>> reports = [compute_gap(snapshot, t, as_of=basis.as_of, basis=basis) for t in targets]
... # doctest: +SKIP

A basis computed before the gaps are forked into worker processes is inherited by them
(``alternatives.gaps_in_parallel``). Its frames are never changed: ``compute_gap`` works
on copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from inventory.analyse.applications import (
    FunctionGroup,
    application_assets,
    function_groups,
    group_of,
    municipality_population,
)
from inventory.analyse.baseline import baseline_assets
from inventory.analyse.graph import InventoryGraph, build_graph
from inventory.analyse.normalise import Normaliser
from inventory.forked import InBackground
from inventory.gap.capacity import server_sites
from inventory.gap.dependents import DependencyIndex
from inventory.gap.rows import summed_clients
from inventory.snapshot import InventorySnapshot
from inventory.target.model import LifecyclePolicy

#: The lifecycle horizon a basis uses unless told: the target model's own default.
DEFAULT_HORIZON_MONTHS: int = LifecyclePolicy().horizon_months


@dataclass(frozen=True)
class GapBasis:
    """The target-independent part of a gap over ``snapshot`` (module docstring)."""

    #: the inventory the gaps are computed over (already narrowed to their municipalities)
    snapshot: InventorySnapshot
    normaliser: Normaliser
    #: the report date of the lifecycle states
    as_of: dt.date
    #: assets reaching their end of life within this many months are ``ending``
    horizon_months: int
    graph: InventoryGraph
    dependencies: DependencyIndex
    #: ``baseline_assets`` with client fleets (``fleets=True``)
    assets: pd.DataFrame
    #: ``application_assets``, None when not asked for (a target without applications)
    applications: pd.DataFrame | None
    #: the function groups of the applications by (area, product id), None as above
    functions: dict[tuple[str, str], FunctionGroup] | None
    #: ``rows.summed_clients`` of the snapshot
    counted: InventorySnapshot
    #: ``capacity.server_sites``: the site of every server, aligned with the server table
    server_site: pd.Series

    def every_asset(self) -> pd.DataFrame:
        """The assets with the applications after them (``records`` 1), a frame of its own:
        every record kind of ``analyse.assets.ASSET_KINDS`` in its order, as
        ``derive_assets`` of them all gives them with client fleets."""
        if self.applications is None:
            return self.assets.copy(deep=False)
        return pd.concat(
            [self.assets, self.applications.assign(records=1).loc[:, list(self.assets.columns)]],
            ignore_index=True,
        )

    def serves(
        self,
        snapshot: InventorySnapshot,
        normaliser: Normaliser,
        as_of: dt.date,
        horizon_months: int,
        municipalities: Sequence[str],
    ) -> bool:
        """Whether this basis is the one a gap of ``municipalities`` (all when empty) over
        ``snapshot`` with these settings would compute."""
        return (
            snapshot is self.snapshot
            and normaliser is self.normaliser
            and as_of == self.as_of
            and horizon_months == self.horizon_months
            and (not municipalities or set(municipalities) == set(snapshot.municipalities))
        )


class GraphInBackground(InBackground[InventoryGraph]):
    """``build_graph`` of ``snapshot`` in a process forked beside this one
    (``inventory.forked``): the graph needs no normaliser, so it is built on the other
    core while this process loads the normaliser and the study; ``result()`` is the graph
    (pickled back), the graph ``build_graph`` here would return."""

    def __init__(self, snapshot: InventorySnapshot) -> None:
        super().__init__(build_graph, snapshot)


def gap_basis(
    snapshot: InventorySnapshot,
    *,
    as_of: dt.date,
    normaliser: Normaliser | None = None,
    horizon_months: int = DEFAULT_HORIZON_MONTHS,
    graph: InventoryGraph | None = None,
    applications: bool = True,
) -> GapBasis:
    """The basis of every gap over ``snapshot`` as of ``as_of`` (module docstring).

    ``applications``: also the business applications' assets and function groups (which
    a target with an ``applications`` section reads).
    """
    normaliser = normaliser or Normaliser.default()
    graph = graph or build_graph(snapshot)
    app_assets = functions = None
    if applications:
        app_assets = application_assets(snapshot, normaliser, as_of, horizon_months)
        functions = group_of(function_groups(app_assets, municipality_population(snapshot)))
    return GapBasis(
        snapshot=snapshot,
        normaliser=normaliser,
        as_of=as_of,
        horizon_months=horizon_months,
        graph=graph,
        dependencies=DependencyIndex(graph),
        # client rows folded into fleets: every table of the gap sums or counts them
        assets=baseline_assets(snapshot, normaliser, as_of, horizon_months, fleets=True),
        applications=app_assets,
        functions=functions,
        counted=summed_clients(snapshot),
        server_site=server_sites(snapshot),
    )
