"""Typed column contracts of the gap report's tables (pandera ``DataFrameModel``).

Each table is checked where it is produced: its exact column set (``strict``), each
column's type (text, whole number, number, yes/no, date), which columns may be empty, and
the bounds the report's arithmetic relies on (hours, costs and counts never negative).
Text columns are coerced to pandas' string type, so a table without rows (an inventory
with only its municipality and sites) has the same types as one with rows; the empty-frame
dtype bugs (an empty ``object`` column where text was promised, float where a count was)
cannot reach the report.

The checks are column-wise (dtype and vectorised bounds): cheap on these tables, which
have at most a few thousand rows. The per-asset frames (millions of client rows before
fleets are folded) are not checked element-wise.

In full (every type and value checked) the contracts run in the test suite, which sets
``INVENTORY_CONTRACTS=full``; otherwise ``typed`` checks a table's column names and their
order and coerces its types, as the full check does, but leaves the value checks out (they
cost some 15 ms per table in pandera, a quarter of a gap's time, and guard the code, not
the user's input: every test runs them).

>>> MatrixTable.validate(report.matrix)   # doctest: +SKIP
>>> typed(MatrixTable, report.matrix)   # doctest: +SKIP
"""

from __future__ import annotations

import os
from typing import TypeVar, cast

import pandas as pd
import pandera.pandas as pa
from pandera.typing import DataFrame, Series

from inventory.analyse.assets import DOMAINS
from inventory.analyse.lifecycle import LifecycleState

_STATES = [state.value for state in LifecycleState]
_DOMAINS = list(DOMAINS)


_Model = TypeVar("_Model", bound=pa.DataFrameModel)

#: The environment variable that asks for every contract to be checked in full (``full``).
CONTRACTS_ENV = "INVENTORY_CONTRACTS"


def full_checks() -> bool:
    """Whether contracts are checked in full (``INVENTORY_CONTRACTS=full``, as in tests)."""
    return os.environ.get(CONTRACTS_ENV, "") == "full"


def typed(model: type[_Model], frame: pd.DataFrame, *, lazy: bool = False) -> DataFrame[_Model]:
    """``frame`` typed by ``model``: what ``model.validate(frame)`` returns when the frame
    meets the contract. Checked in full (``model.validate``, pandera's errors) when
    ``full_checks()`` or when its columns are not the contract's, in its order; otherwise
    only coerced (module docstring)."""
    schema = model.to_schema()
    if full_checks() or list(frame.columns) != list(schema.columns):
        return model.validate(frame, lazy=lazy)
    differ = [
        name for name, column in schema.columns.items() if frame[name].dtype != column.dtype.type
    ]
    typed_frame = frame.copy(deep=False)  # (typed already: as it is)
    if differ and schema.coerce and schema.index is None and schema.dtype is None:
        # only the columns not of their type coerced: pandera's whole-frame coercion costs
        # some 4 ms a table whatever its size; any failure is raised by that one
        try:
            for name in differ:
                typed_frame[name] = schema.columns[name].dtype.try_coerce(typed_frame[name])
        except Exception:  # pandera's own coercion below says what failed
            typed_frame = schema.coerce_dtype(frame.copy(deep=False))
    elif differ:
        typed_frame = schema.coerce_dtype(typed_frame)
    return cast(DataFrame[_Model], typed_frame)


def register_backends() -> None:
    """pandera's pandas backends registered now, not at the first check (they import some
    0.2 s of modules): before gaps are forked into workers, so that each inherits them."""
    pa.DataFrameSchema.register_default_backends(pd.DataFrame)


class _Contract(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = True  # text columns to pandas' string type, also when empty
        ordered = True


class MatrixTable(_Contract):
    """``GapReport.matrix``: one row per baseline building block (``blocks.BLOCK_COLUMNS``)."""

    block_id: Series[str] = pa.Field(unique=True)
    domain: Series[str] = pa.Field(isin=_DOMAINS)
    capability: Series[str]
    product_id: Series[str]
    title: Series[str]
    suite: Series[str] = pa.Field(nullable=True)
    cycle: Series[str] = pa.Field(nullable=True)
    lifecycle_state: Series[str] = pa.Field(isin=_STATES)
    eol: Series[object] = pa.Field(nullable=True)  # a date, or empty when none is known
    municipalities: Series[str]
    assets: Series[int] = pa.Field(ge=0)
    records: Series[int] = pa.Field(ge=0)
    status: Series[str] = pa.Field(isin=["included", "changed", "eliminated"])
    reason: Series[str]
    target_block: Series[str]
    target_title: Series[str]
    target_min_version: Series[str]
    detail: Series[str]


class TargetBlocksTable(_Contract):
    """``GapReport.target_blocks``: one row per target building block."""

    block_id: Series[str]
    domain: Series[str] = pa.Field(isin=_DOMAINS)
    capability: Series[str]
    product: Series[str]
    product_id: Series[str]
    title: Series[str]
    min_version: Series[str]
    preference: Series[int] = pa.Field(ge=0)
    status: Series[str] = pa.Field(isin=["new", "present"])
    baseline_blocks_included: Series[int] = pa.Field(ge=0)
    baseline_blocks_changed: Series[int] = pa.Field(ge=0)


class EolTable(_Contract):
    """``GapReport.eol``: assets past or near their end of life (``eol.EOL_COLUMNS``)."""

    municipality: Series[str]
    domain: Series[str] = pa.Field(isin=_DOMAINS)
    kind: Series[str]
    capability: Series[str]
    asset: Series[str]
    product: Series[str]
    cycle: Series[str] = pa.Field(nullable=True)
    lifecycle_state: Series[str] = pa.Field(isin=["end_of_life", "ending"])
    eol: Series[object] = pa.Field(nullable=True)  # none: the catalogue says ended, no date
    note: Series[str]
    devices: Series[int] = pa.Field(ge=0)
    dependent_applications: Series[str]
    dependent_application_count: Series[int] = pa.Field(ge=0)
    #: ``asset`` and ``note`` as messages (or the record's own id), for the report's language
    asset_message: Series[object]
    note_message: Series[object]


class ItemsTable(_Contract):
    """``GapReport.items``: every migration item (``effort.ITEM_COLUMNS`` and ``wave``)."""

    item_id: Series[str] = pa.Field(unique=True)
    municipality: Series[str]
    domain: Series[str] = pa.Field(isin=_DOMAINS)
    action: Series[str]
    asset: Series[str]
    node: Series[str]
    detail: Series[str]
    quantity: Series[float] = pa.Field(ge=0)
    unit_hours: Series[float] = pa.Field(ge=0)
    hours: Series[float] = pa.Field(ge=0)
    cost: Series[float] = pa.Field(ge=0)
    tier: Series[int] = pa.Field(ge=0)
    buys: Series[str]  # a price key (``physical_server``, ...), empty when nothing is bought
    buy_quantity: Series[float] = pa.Field(ge=0)
    #: ``asset`` and ``detail`` as messages (``inventory.messages``) or text without words,
    #: shown in the report's language (``asset``/``detail`` hold their English)
    asset_message: Series[object]
    detail_message: Series[object]
    wave: Series[int] = pa.Field(ge=1)


class EffortTable(_Contract):
    """``GapReport.effort``: hours and cost per municipality and domain."""

    municipality: Series[str]
    domain: Series[str] = pa.Field(isin=_DOMAINS)
    hours: Series[float] = pa.Field(ge=0)
    cost: Series[float] = pa.Field(ge=0)


class WavesTable(_Contract):
    """``GapReport.waves``: the migration waves in order (``waves.WAVE_COLUMNS``)."""

    wave: Series[int] = pa.Field(ge=1)
    name: Series[str]
    items: Series[int] = pa.Field(ge=0)
    hours: Series[float] = pa.Field(ge=0)
    cost: Series[float] = pa.Field(ge=0)
    domains: Series[str]
    actions: Series[str]
    municipalities: Series[str]
    name_message: Series[object]  # ``name`` as a message, for the report's language


class SecurityTable(_Contract):
    """``GapReport.security``: today's level against the baseline, per control."""

    municipality: Series[str]
    control: Series[str]
    required: Series[bool]
    today: Series[str]
    target: Series[str]
    compliant: Series[bool]
    affected: Series[str]
    #: ``today`` and ``target`` as messages, for the report's language
    today_message: Series[object]
    target_message: Series[object]


class CapacityTable(_Contract):
    """``GapReport.capacity``: the sites' room and what stands in them."""

    site: Series[str]
    municipality: Series[str]
    name: Series[str] = pa.Field(nullable=True)
    kind: Series[str] = pa.Field(nullable=True)
    role: Series[str]
    physical_servers: Series[int] = pa.Field(ge=0)
    storage_systems: Series[int] = pa.Field(ge=0)
    rack_units_used: Series[float] = pa.Field(ge=0)
    power_kw_used_by_assets: Series[float] = pa.Field(ge=0)
    racks_total: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0)
    rack_units_free: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    power_capacity_kw: Series[pd.Float64Dtype] = pa.Field(nullable=True, ge=0)
    power_used_kw: Series[pd.Float64Dtype] = pa.Field(nullable=True, ge=0)
    power_free_kw: Series[pd.Float64Dtype] = pa.Field(nullable=True)
    short: Series[bool]
    issues: Series[str]
    dependent_applications: Series[str]
    dependent_application_count: Series[int] = pa.Field(ge=0)
    issues_message: Series[object]  # ``issues`` as messages, for the report's language


class InterconnectsTable(_Contract):
    """``GapReport.interconnects``: links against the target's minimum."""

    municipality: Series[str]
    link: Series[str]
    a_site: Series[str]
    b_site: Series[str]
    kind: Series[str]
    bandwidth_mbps: Series[pd.Float64Dtype] = pa.Field(nullable=True, ge=0)
    redundant: Series[bool]
    min_bandwidth_mbps: Series[float] = pa.Field(nullable=True, ge=0)
    redundancy_required: Series[bool]
    meets_bandwidth: Series[bool]
    meets_redundancy: Series[bool]
    compliant: Series[bool]
    detail: Series[str]
    dependent_applications: Series[str]
    dependent_application_count: Series[int] = pa.Field(ge=0)
    detail_message: Series[object]  # ``detail`` as messages, for the report's language


class SlaTable(_Contract):
    """``GapReport.sla``: applications missing their service level's redundancy."""

    municipality: Series[str]
    application: Series[str]
    name: Series[str]
    criticality: Series[str]
    availability_percent: Series[float] = pa.Field(nullable=True, ge=0, le=100)
    gap_kinds: Series[str]
    infrastructure: Series[str]
    detail: Series[str]
    detail_message: Series[object]  # ``detail`` as messages, for the report's language


#: The contract of each table of a gap report, by ``GapReport`` field name.
CONTRACTS: dict[str, type[_Contract]] = {
    "matrix": MatrixTable,
    "target_blocks": TargetBlocksTable,
    "eol": EolTable,
    "items": ItemsTable,
    "effort": EffortTable,
    "waves": WavesTable,
    "security": SecurityTable,
    "capacity": CapacityTable,
    "interconnects": InterconnectsTable,
    "sla": SlaTable,
}

_Report = TypeVar("_Report")


def checked(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` checked against the contract of table ``name`` (types coerced; ``typed``).

    Raises ``pandera.errors.SchemaErrors`` listing every failure (lazy validation).
    """
    return typed(CONTRACTS[name], frame, lazy=True)


#: Tables checked where they are produced (``blocks.gap_matrix``, ``eol.eol_exposure``,
#: ``compute_gap`` for capacity and interconnects): not checked twice (pandera costs some
#: 50 ms per table whatever its size).
CHECKED_AT_SOURCE = frozenset({"matrix", "target_blocks", "eol", "capacity", "interconnects"})


def checked_report(report: _Report) -> _Report:
    """The report with each contracted table (``CONTRACTS``) checked and typed (those of
    ``CHECKED_AT_SOURCE`` were when they were made)."""
    for name in CONTRACTS:
        if name not in CHECKED_AT_SOURCE:
            setattr(report, name, checked(name, getattr(report, name)))
    return report
