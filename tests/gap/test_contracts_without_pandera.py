"""The gap's table contracts are read without pandera; pandera checks them in full.

A contract (``contracts.Contract``) is declared as a pandera model is; ``typed`` outside
the full checks reads its columns and coerces them without loading pandera. Here: every
contract's pandera model has the columns, types, checks and options of its declaration;
``typed`` coerces every column type as pandera coerces it (Hypothesis, against pandera's
own coercion), and refuses what pandera refuses with pandera's error; a gap computed
without full checks never loads pandera (a fresh interpreter).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import inventory.gap.alternatives  # (the modules declaring contracts)
import inventory.gap.result  # noqa: F401
from inventory.gap import contracts
from inventory.gap.contracts import CONTRACTS_ENV, Contract, typed

REPO = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True)


def _every_contract() -> list[type[Contract]]:
    found: list[type[Contract]] = []
    pending = list(Contract.__subclasses__())
    while pending:
        contract = pending.pop()
        pending += contract.__subclasses__()
        if contract.__name__ != "_Contract":
            found.append(contract)
    return sorted(found, key=lambda contract: contract.__name__)


CONTRACTS = _every_contract()


def test_every_contract_of_the_gap_is_found() -> None:
    names = {contract.__name__ for contract in CONTRACTS}
    assert {model.__name__ for model in contracts.CONTRACTS.values()} <= names
    assert {"AlternativeRow", "CostLines", "PlanPackages", "RiskRow", "CashFlowYears"} <= names
    assert len(CONTRACTS) == 23


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda contract: contract.__name__)
def test_the_pandera_model_is_the_declaration(contract: type[Contract]) -> None:
    """Columns in order, each column's type as ``typed`` coerces to it, and the options."""
    schema = contract.to_schema()
    declared = contract.declared()
    assert schema.name == contract.__name__
    assert schema.description == contract.__doc__
    assert list(schema.columns) == list(declared.types) == list(contract.column_names())
    for name, column in schema.columns.items():
        kind = declared.types[name]
        assert kind == column.dtype.type and type(kind) is type(column.dtype.type), name
        checks = getattr(contract, name, None)
        expected = checks.checks if isinstance(checks, contracts._Field) else {}
        assert column.nullable == expected.get("nullable", False), name
        assert column.unique == expected.get("unique", False), name
        assert len(column.checks) == len(set(expected) & {"ge", "gt", "le", "lt", "isin"}), name
    assert schema.coerce == declared.coerce
    assert schema.strict is True and schema.ordered is True
    assert contract.model() is contract.model()  # built once


_TEXT = st.one_of(st.none(), st.text(max_size=4), st.integers(-5, 5))
_VALUES: dict[str, Any] = {
    "string": _TEXT,
    "int64": st.one_of(st.integers(-(2**40), 2**40), st.sampled_from([True, 3.0, "7"])),
    "float64": st.one_of(st.none(), st.floats(allow_nan=True), st.integers(-100, 100)),
    "bool": st.one_of(st.booleans(), st.sampled_from([0, 1, "x", None])),
    "object": st.one_of(st.none(), st.text(max_size=3), st.integers()),
    "Int64": st.one_of(st.none(), st.integers(-100, 100), st.sampled_from([2.0, 2.5, "x"])),
    "Float64": st.one_of(st.none(), st.floats(allow_nan=False), st.integers(-9, 9)),
}


def _kind(dtype: Any) -> str:
    return "string" if isinstance(dtype, pd.StringDtype) else str(dtype)


@st.composite
def _frames(draw: st.DrawFn) -> tuple[type[Contract], pd.DataFrame]:
    contract = draw(st.sampled_from(CONTRACTS))
    rows = draw(st.integers(0, 3))
    data: dict[str, pd.Series] = {}
    for name, dtype in contract.declared().types.items():
        values = [draw(_VALUES[_kind(dtype)]) for _ in range(rows)]
        as_typed = draw(st.booleans())  # a column of its own type is left as it is
        try:
            data[name] = pd.Series(values, dtype=dtype if as_typed else object)
        except (TypeError, ValueError, OverflowError):
            data[name] = pd.Series(values, dtype=object)
    return contract, pd.DataFrame(data, index=pd.RangeIndex(rows))


@SETTINGS
@given(_frames())
def test_typed_coerces_as_pandera_coerces(case: tuple[type[Contract], pd.DataFrame]) -> None:
    contract, frame = case
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(CONTRACTS_ENV, raising=False)
        try:
            expected = contract.to_schema().coerce_dtype(frame.copy())
        except Exception as error:  # pandera refuses it: so does typed, with its error
            with pytest.raises(type(error)):
                typed(contract, frame)
            return
        pd.testing.assert_frame_equal(typed(contract, frame), expected, check_exact=True)


def test_a_whole_number_beyond_int64_is_refused_as_pandera_refuses_it() -> None:
    contract = contracts.CONTRACTS["waves"]
    frame = pd.DataFrame(
        {
            "wave": np.array([2**63], dtype=np.uint64),
            "name": ["w"],
            "items": [1],
            "hours": [1.0],
            "cost": [1.0],
            "domains": [""],
            "actions": [""],
            "municipalities": [""],
            "name_message": [None],
        }
    )
    assert list(frame.columns) == list(contract.column_names())
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(CONTRACTS_ENV, raising=False)
        with pytest.raises(Exception) as pandera_error:
            contract.to_schema().coerce_dtype(frame.copy())
        with pytest.raises(type(pandera_error.value)):
            typed(contract, frame)


def test_a_gap_without_full_checks_never_loads_pandera() -> None:
    code = (
        "import sys, datetime as dt\n"
        "sys.path.insert(0, 'tests/gap')\n"
        "from test_scope import small_inventory, small_target\n"
        "from inventory.gap.alternatives import compute_gaps\n"
        "reports, _ = compute_gaps(small_inventory(), [small_target(['A']), small_target(None)],"
        " as_of=dt.date(2025, 6, 1), meanwhile=lambda: None, all_forked=True)\n"
        "assert len(reports) == 2 and not reports[1].items.empty\n"
        "print(','.join(m for m in ('pandera', 'typeguard') if m in sys.modules))\n"
    )
    env = {key: value for key, value in os.environ.items() if key != CONTRACTS_ENV}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
