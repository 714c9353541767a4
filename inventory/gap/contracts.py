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

A contract is declared as a pandera ``DataFrameModel`` is (``name: Series[str] =
Field(ge=0)``, a ``Config`` with ``strict``, ``ordered``, ``coerce``), on ``Contract``:
pandera (some 0.2 s to import and to register its backends, and a few ms to build each
schema) is loaded only for a full check, when ``Contract.model`` builds the pandera model
of the declaration; ``typed`` coerces the columns as pandera coerces them without it.

>>> MatrixTable.validate(report.matrix)   # doctest: +SKIP
>>> typed(MatrixTable, report.matrix)   # doctest: +SKIP
"""

from __future__ import annotations

import os
import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import numpy as np
import pandas as pd

from inventory.analyse.assets import DOMAINS
from inventory.analyse.lifecycle import LifecycleState

if TYPE_CHECKING:
    import pandera.pandas as pa

_STATES = [state.value for state in LifecycleState]
_DOMAINS = list(DOMAINS)

#: The environment variable that asks for every contract to be checked in full (``full``).
CONTRACTS_ENV = "INVENTORY_CONTRACTS"

_Value = TypeVar("_Value")


class Series(Generic[_Value]):
    """A column's type in a contract (``name: Series[str]``): pandera's
    ``pandera.typing.Series`` of the same type in the pandera model (``Contract.model``).
    Types: ``str`` (pandas' string type), ``int``, ``float``, ``bool``, ``object``,
    ``pd.Int64Dtype``, ``pd.Float64Dtype``."""


@dataclass(frozen=True)
class _Field:
    checks: dict[str, Any]


def Field(**checks: Any) -> Any:
    """A column's checks (pandera's ``Field`` arguments: ``ge``, ``le``, ``isin``,
    ``nullable``, ``unique``), run by the full check."""
    return _Field(checks)


#: The pandas type of each column type, as pandera's pandas engine has it (``str``:
#: ``pd.StringDtype`` of the default storage with NaN for missing, pandas 3's ``str``).
_PANDAS_TYPES: dict[Any, Any] = {
    str: pd.StringDtype(None, na_value=np.nan),
    int: np.dtype("int64"),
    float: np.dtype("float64"),
    bool: np.dtype("bool"),
    object: np.dtype("object"),
    pd.Int64Dtype: pd.Int64Dtype(),
    pd.Float64Dtype: pd.Float64Dtype(),
}
_INT64_MAX = np.iinfo(np.int64).max


@dataclass(frozen=True)
class _Declared:
    """What ``typed`` reads of a contract: its columns' pandas types in order, whether it
    coerces."""

    types: dict[str, Any]
    coerce: bool


class Contract:
    """A table's contract (module docstring): columns ``name: Series[type] = Field(...)``
    and a ``Config`` (``strict``, ``ordered``, ``coerce``), read without pandera;
    ``model``/``to_schema``/``validate`` are pandera's for the full check."""

    @classmethod
    def _columns(cls) -> dict[str, Any]:
        """Column name -> its type (``str``, ``int``, ``pd.Int64Dtype``...), in order."""
        hints = typing.get_type_hints(cls)
        return {
            name: typing.get_args(hint)[0]
            for name, hint in hints.items()
            if typing.get_origin(hint) is Series
        }

    @classmethod
    def _config(cls) -> dict[str, Any]:
        """The ``Config`` options of this contract and its bases (its own last)."""
        options: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            config = vars(klass).get("Config")
            if config is not None:
                options.update(
                    (name, value)
                    for name, value in vars(config).items()
                    if not name.startswith("_")
                )
        return options

    @classmethod
    def declared(cls) -> _Declared:
        """Its columns' pandas types and whether it coerces (read once per class)."""
        found = _DECLARED.get(cls)
        if found is None:
            types = {name: _PANDAS_TYPES[kind] for name, kind in cls._columns().items()}
            found = _Declared(types, bool(cls._config().get("coerce", False)))
            _DECLARED[cls] = found
        return found

    @classmethod
    def column_names(cls) -> tuple[str, ...]:
        """The contract's columns, in order."""
        return tuple(cls.declared().types)

    @classmethod
    def model(cls) -> type[pa.DataFrameModel]:
        """The pandera ``DataFrameModel`` of this contract (built on first use)."""
        found = _MODELS.get(cls)
        if found is None:
            import pandera.pandas as pa
            from pandera.typing import Series as PanderaSeries

            columns = cls._columns()
            series: Any = PanderaSeries  # subscripted with the column types found at run time
            namespace: dict[str, Any] = {
                "__module__": cls.__module__,
                "__qualname__": cls.__qualname__,
                "__doc__": cls.__doc__,
                "__annotations__": {name: series[kind] for name, kind in columns.items()},
                "Config": type("Config", (), cls._config()),
            }
            for name in columns:
                declared = getattr(cls, name, None)
                if isinstance(declared, _Field):
                    namespace[name] = pa.Field(**declared.checks)
            found = type(cls.__name__, (pa.DataFrameModel,), namespace)
            _MODELS[cls] = found
        return found

    @classmethod
    def to_schema(cls) -> pa.DataFrameSchema:
        """pandera's schema of this contract."""
        return cls.model().to_schema()

    @classmethod
    def validate(cls, frame: pd.DataFrame, lazy: bool = False) -> pd.DataFrame:
        """``frame`` checked in full by pandera (its ``SchemaError``/``SchemaErrors``)."""
        return cls.model().validate(frame, lazy=lazy)


_Model = TypeVar("_Model", bound=Contract)
#: What ``typed`` reads of each contract, and its pandera model, once per process.
_DECLARED: dict[type[Contract], _Declared] = {}
_MODELS: dict[type[Contract], type[pa.DataFrameModel]] = {}


def full_checks() -> bool:
    """Whether contracts are checked in full (``INVENTORY_CONTRACTS=full``, as in tests)."""
    return os.environ.get(CONTRACTS_ENV, "") == "full"


def _coerced(column: pd.Series, kind: Any) -> pd.Series:
    """``column`` as pandera coerces it to ``kind`` (``astype``; a whole number that does not
    fit ``int64`` raises, as pandera refuses it)."""
    result = column.astype(kind)
    if (
        kind == np.dtype("int64")
        and column.dtype.kind == "u"
        and len(column)
        and int(column.max()) > _INT64_MAX
    ):
        raise OverflowError(column.name)
    return result


def typed(model: type[_Model], frame: pd.DataFrame, *, lazy: bool = False) -> pd.DataFrame:
    """``frame`` typed by ``model``: what ``model.validate(frame)`` returns when the frame
    meets the contract. Checked in full (``model.validate``, pandera's errors) when
    ``full_checks()`` or when its columns are not the contract's, in its order; otherwise
    only coerced (module docstring), without pandera."""
    declared = model.declared()
    if full_checks() or list(frame.columns) != list(declared.types):
        return model.validate(frame, lazy=lazy)
    typed_frame = frame.copy(deep=False)  # (typed already: as it is)
    if not declared.coerce:
        return typed_frame  # pandera coerces nothing either
    try:  # only the columns not of their type (pandera coerces each column alike)
        for name, kind in declared.types.items():
            if frame[name].dtype != kind:
                typed_frame[name] = _coerced(typed_frame[name], kind)
    except Exception:  # pandera's own coercion says what failed, as the full check does
        return model.to_schema().coerce_dtype(frame.copy(deep=False))
    return typed_frame


def register_backends() -> None:
    """pandera's pandas backends registered now, not at the first check (they import some
    0.2 s of modules), when contracts are checked in full: before gaps are forked into
    workers, so that each inherits them. Without full checks pandera is not used."""
    if full_checks():
        import pandera.pandas as pa

        pa.DataFrameSchema.register_default_backends(pd.DataFrame)


class _Contract(Contract):
    class Config:
        strict = True
        coerce = True  # text columns to pandas' string type, also when empty
        ordered = True


class MatrixTable(_Contract):
    """``GapReport.matrix``: one row per baseline building block (``blocks.BLOCK_COLUMNS``)."""

    block_id: Series[str] = Field(unique=True)
    domain: Series[str] = Field(isin=_DOMAINS)
    capability: Series[str]
    product_id: Series[str]
    title: Series[str]
    suite: Series[str] = Field(nullable=True)
    cycle: Series[str] = Field(nullable=True)
    lifecycle_state: Series[str] = Field(isin=_STATES)
    eol: Series[object] = Field(nullable=True)  # a date, or empty when none is known
    municipalities: Series[str]
    assets: Series[int] = Field(ge=0)
    records: Series[int] = Field(ge=0)
    status: Series[str] = Field(isin=["included", "changed", "eliminated"])
    reason: Series[str]
    target_block: Series[str]
    target_title: Series[str]
    target_min_version: Series[str]
    detail: Series[str]


class TargetBlocksTable(_Contract):
    """``GapReport.target_blocks``: one row per target building block."""

    block_id: Series[str]
    domain: Series[str] = Field(isin=_DOMAINS)
    capability: Series[str]
    product: Series[str]
    product_id: Series[str]
    title: Series[str]
    min_version: Series[str]
    preference: Series[int] = Field(ge=0)
    status: Series[str] = Field(isin=["new", "present"])
    baseline_blocks_included: Series[int] = Field(ge=0)
    baseline_blocks_changed: Series[int] = Field(ge=0)


class EolTable(_Contract):
    """``GapReport.eol``: assets past or near their end of life (``eol.EOL_COLUMNS``)."""

    municipality: Series[str]
    domain: Series[str] = Field(isin=_DOMAINS)
    kind: Series[str]
    capability: Series[str]
    asset: Series[str]
    product: Series[str]
    cycle: Series[str] = Field(nullable=True)
    lifecycle_state: Series[str] = Field(isin=["end_of_life", "ending"])
    eol: Series[object] = Field(nullable=True)  # none: the catalogue says ended, no date
    note: Series[str]
    devices: Series[int] = Field(ge=0)
    dependent_applications: Series[str]
    dependent_application_count: Series[int] = Field(ge=0)
    #: ``asset`` and ``note`` as messages (or the record's own id), for the report's language
    asset_message: Series[object]
    note_message: Series[object]


class ItemsTable(_Contract):
    """``GapReport.items``: every migration item (``effort.ITEM_COLUMNS`` and ``wave``)."""

    item_id: Series[str] = Field(unique=True)
    municipality: Series[str]
    domain: Series[str] = Field(isin=_DOMAINS)
    action: Series[str]
    asset: Series[str]
    node: Series[str]
    detail: Series[str]
    quantity: Series[float] = Field(ge=0)
    unit_hours: Series[float] = Field(ge=0)
    hours: Series[float] = Field(ge=0)
    cost: Series[float] = Field(ge=0)
    tier: Series[int] = Field(ge=0)
    buys: Series[str]  # a price key (``physical_server``, ...), empty when nothing is bought
    buy_quantity: Series[float] = Field(ge=0)
    #: ``asset`` and ``detail`` as messages (``inventory.messages``) or text without words,
    #: shown in the report's language (``asset``/``detail`` hold their English)
    asset_message: Series[object]
    detail_message: Series[object]
    wave: Series[int] = Field(ge=1)


class EffortTable(_Contract):
    """``GapReport.effort``: hours and cost per municipality and domain."""

    municipality: Series[str]
    domain: Series[str] = Field(isin=_DOMAINS)
    hours: Series[float] = Field(ge=0)
    cost: Series[float] = Field(ge=0)


class WavesTable(_Contract):
    """``GapReport.waves``: the migration waves in order (``waves.WAVE_COLUMNS``)."""

    wave: Series[int] = Field(ge=1)
    name: Series[str]
    items: Series[int] = Field(ge=0)
    hours: Series[float] = Field(ge=0)
    cost: Series[float] = Field(ge=0)
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
    name: Series[str] = Field(nullable=True)
    kind: Series[str] = Field(nullable=True)
    role: Series[str]
    physical_servers: Series[int] = Field(ge=0)
    storage_systems: Series[int] = Field(ge=0)
    rack_units_used: Series[float] = Field(ge=0)
    power_kw_used_by_assets: Series[float] = Field(ge=0)
    racks_total: Series[pd.Int64Dtype] = Field(nullable=True, ge=0)
    rack_units_free: Series[pd.Int64Dtype] = Field(nullable=True)
    power_capacity_kw: Series[pd.Float64Dtype] = Field(nullable=True, ge=0)
    power_used_kw: Series[pd.Float64Dtype] = Field(nullable=True, ge=0)
    power_free_kw: Series[pd.Float64Dtype] = Field(nullable=True)
    short: Series[bool]
    issues: Series[str]
    dependent_applications: Series[str]
    dependent_application_count: Series[int] = Field(ge=0)
    issues_message: Series[object]  # ``issues`` as messages, for the report's language


class InterconnectsTable(_Contract):
    """``GapReport.interconnects``: links against the target's minimum."""

    municipality: Series[str]
    link: Series[str]
    a_site: Series[str]
    b_site: Series[str]
    kind: Series[str]
    bandwidth_mbps: Series[pd.Float64Dtype] = Field(nullable=True, ge=0)
    redundant: Series[bool]
    min_bandwidth_mbps: Series[float] = Field(nullable=True, ge=0)
    redundancy_required: Series[bool]
    meets_bandwidth: Series[bool]
    meets_redundancy: Series[bool]
    compliant: Series[bool]
    detail: Series[str]
    dependent_applications: Series[str]
    dependent_application_count: Series[int] = Field(ge=0)
    detail_message: Series[object]  # ``detail`` as messages, for the report's language


class SlaTable(_Contract):
    """``GapReport.sla``: applications missing their service level's redundancy."""

    municipality: Series[str]
    application: Series[str]
    name: Series[str]
    criticality: Series[str]
    availability_percent: Series[float] = Field(nullable=True, ge=0, le=100)
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
