"""What gaps over one inventory share is computed once (issue 17: ``gap.basis``), and a
table typed without pandera's value checks is the table pandera returns
(``contracts.typed``)."""

from __future__ import annotations

import copy
import datetime as dt

import pandas as pd
import pandera.errors
import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap import contracts
from inventory.gap.alternatives import compute_gaps
from inventory.gap.basis import GapBasis, gap_basis
from inventory.gap.contracts import CONTRACTS, typed
from inventory.gap.result import GapReport, compute_gap, target_scope
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture, load_target
from tests.analyse.conftest import build_snapshot
from tests.conftest import SAMPLES
from tests.gap.test_gap_in_background import _assert_equal, _assert_same
from tests.gap.test_scope import AS_OF, small_inventory, small_target


def _frames(basis: GapBasis) -> dict[str, pd.DataFrame | pd.Series]:
    """Deep copies of every frame of a basis (to see that none was changed)."""
    frames: dict[str, pd.DataFrame | pd.Series] = {
        "assets": basis.assets,
        "server_site": basis.server_site,
        "references": basis.snapshot.references,
    }
    if basis.applications is not None:
        frames["applications"] = basis.applications
    frames |= {f"table {kind}": frame for kind, frame in basis.snapshot.tables.items()}
    frames |= {f"counted {kind}": frame for kind, frame in basis.counted.tables.items()}
    return {name: frame.copy(deep=True) for name, frame in frames.items()}


def test_the_samples_alternatives_on_one_basis_are_the_gaps_computed_alone(
    sample_snapshot: InventorySnapshot, sample_target: TargetArchitecture
) -> None:
    """The report's target and a study alternative (another scope and economics) over one
    basis: every table as each gap computed on its own; the basis unchanged after."""
    alternative, issues = load_target(SAMPLES / "alternatives" / "target-s.yaml")
    assert alternative is not None, issues
    normaliser = Normaliser.default()
    snapshot = target_scope(sample_snapshot, sample_target)
    basis = gap_basis(
        snapshot,
        as_of=AS_OF,
        normaliser=normaliser,
        horizon_months=sample_target.lifecycle.horizon_months,
    )
    before = _frames(basis)
    graph_edges = sorted(map(str, basis.graph.graph.edges(keys=True)))
    for target in (sample_target, alternative):
        shared = compute_gap(snapshot, target, as_of=AS_OF, normaliser=normaliser, basis=basis)
        alone = compute_gap(snapshot, target, as_of=AS_OF, normaliser=normaliser)
        _assert_same(shared, alone)
    for name, frame in _frames(basis).items():  # no gap changed what the others read
        was = before[name]
        if isinstance(frame, pd.Series):
            assert isinstance(was, pd.Series)
            pd.testing.assert_series_equal(frame, was, check_exact=True, obj=name)
        else:
            assert isinstance(was, pd.DataFrame)
            pd.testing.assert_frame_equal(frame, was, check_exact=True, obj=name)
    assert sorted(map(str, basis.graph.graph.edges(keys=True))) == graph_edges


def _spy_basis(monkeypatch: pytest.MonkeyPatch) -> list[InventorySnapshot]:
    """The snapshots ``compute_gap`` computes a basis of (none when it uses the one given)."""
    computed: list[InventorySnapshot] = []
    real = gap_basis

    def counting(snapshot: InventorySnapshot, **options: object) -> GapBasis:
        computed.append(snapshot)
        return real(snapshot, **options)  # type: ignore[arg-type]

    monkeypatch.setattr("inventory.gap.result.gap_basis", counting)
    return computed


def test_a_basis_is_used_only_for_its_own_snapshot_date_and_horizon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another date, normaliser, snapshot or a target naming fewer municipalities: the gap
    computes its own basis, and is the gap computed alone."""
    snapshot, target = small_inventory(), small_target(None)
    normaliser = Normaliser.default()
    basis = gap_basis(snapshot, as_of=AS_OF, normaliser=normaliser)
    computed = _spy_basis(monkeypatch)
    compute_gap(snapshot, target, as_of=AS_OF, normaliser=normaliser, basis=basis)
    assert computed == []  # its own: used
    other_day = AS_OF + dt.timedelta(days=400)
    fewer = target.model_copy(update={"municipalities": [snapshot.municipalities[0]]})
    longer = target.model_copy(
        update={"lifecycle": target.lifecycle.model_copy(update={"horizon_months": 36})}
    )
    cases = [
        (snapshot, target, other_day),
        (copy.copy(snapshot), target, AS_OF),  # an equal snapshot, but not this one
        (snapshot, fewer, AS_OF),
        (snapshot, longer, AS_OF),
    ]
    for case_snapshot, case_target, day in cases:
        computed.clear()
        shared = compute_gap(
            case_snapshot, case_target, as_of=day, normaliser=normaliser, basis=basis
        )
        assert len(computed) == 1, (case_target.name, day)
        alone = compute_gap(case_snapshot, case_target, as_of=day, normaliser=normaliser)
        _assert_same(shared, alone)


def _only_municipality_and_sites() -> InventorySnapshot:
    return build_snapshot(
        {
            "municipality": [
                {
                    "municipality": "testby",
                    "code": "testby",
                    "name": "Testby",
                    "country": "SE",
                    "population": 1000,
                }
            ],
            "site": [{"municipality": "testby", "id": "DC1", "name": "DC", "kind": "datacentre"}],
        }
    )


@pytest.mark.parametrize("inventory", ["small", "empty"])
def test_typed_tables_are_the_tables_pandera_checks(
    inventory: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gap with its tables only typed is the gap with every contract checked in full,
    with rows and without (empty tables typed as those with rows)."""
    if inventory == "small":
        snapshot, target = small_inventory(), small_target(["A", "B"])
    else:
        snapshot = _only_municipality_and_sites()
        target = TargetArchitecture.model_validate({"name": "empty"})
    monkeypatch.setenv(contracts.CONTRACTS_ENV, "full")
    assert contracts.full_checks()
    full = compute_gap(snapshot, target, as_of=AS_OF)
    monkeypatch.delenv(contracts.CONTRACTS_ENV)
    assert not contracts.full_checks()
    _assert_same(compute_gap(snapshot, target, as_of=AS_OF), full)


def test_the_samples_gap_typed_is_the_gap_checked(
    sample_snapshot: InventorySnapshot,
    sample_target: TargetArchitecture,
    gap_report: GapReport,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert contracts.full_checks()  # the suite checks in full (tests/conftest.py)
    monkeypatch.delenv(contracts.CONTRACTS_ENV)
    _assert_same(compute_gap(sample_snapshot, sample_target, as_of=AS_OF), gap_report)


_SCHEMA_ERRORS = (pandera.errors.SchemaError, pandera.errors.SchemaErrors)


def test_a_table_whose_columns_are_not_the_contracts_is_checked_in_full(
    gap_report: GapReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without full checks, a stray, missing or misplaced column still fails with
    pandera's error naming it; a table that fits is coerced as pandera coerces it."""
    monkeypatch.delenv(contracts.CONTRACTS_ENV)
    model = CONTRACTS["eol"]
    with pytest.raises(_SCHEMA_ERRORS, match="extra"):
        typed(model, gap_report.eol.assign(extra=1))
    with pytest.raises(_SCHEMA_ERRORS, match="devices"):
        typed(model, gap_report.eol.drop(columns=["devices"]))
    with pytest.raises(_SCHEMA_ERRORS, match="order"):
        typed(model, gap_report.eol.iloc[:, ::-1])
    as_objects = gap_report.matrix.astype(object)  # text as Python objects: made text again
    pd.testing.assert_frame_equal(
        typed(CONTRACTS["matrix"], as_objects),
        CONTRACTS["matrix"].validate(as_objects),
        check_exact=True,
    )


def test_gaps_of_several_targets_share_one_basis_and_run_beside_meanwhile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``compute_gaps``: every report is the gap computed alone; no gap, in a forked
    worker or here, computes a basis of its own (a second one would fail); what
    ``meanwhile`` returns comes back."""
    snapshot = small_inventory()
    targets = [small_target(None), small_target(["A"]), small_target(["A", "B"])]
    normaliser = Normaliser.default()
    alone = [compute_gap(snapshot, t, as_of=AS_OF, normaliser=normaliser) for t in targets]
    basis = gap_basis(snapshot, as_of=AS_OF, normaliser=normaliser)

    def refused(snapshot: InventorySnapshot, **options: object) -> GapBasis:
        raise AssertionError("a gap computed a basis of its own")

    monkeypatch.setattr("inventory.gap.result.gap_basis", refused)
    for all_forked in (False, True):  # the last gap here, or in a worker too
        reports, meanwhile = compute_gaps(
            snapshot,
            targets,
            as_of=AS_OF,
            normaliser=normaliser,
            basis=basis,
            meanwhile=lambda: "overlap",
            all_forked=all_forked,
        )
        assert meanwhile == "overlap"
        assert len(reports) == len(targets)
        for report, expected in zip(reports, alone, strict=True):
            _assert_same(report, expected)
    assert compute_gaps(snapshot, [], as_of=AS_OF, meanwhile=lambda: 1) == ([], 1)


@pytest.mark.parametrize("inventory", ["samples", "small", "empty"])
def test_the_overlap_of_the_basis_assets_is_the_overlap_derived_alone(
    inventory: str, sample_snapshot: InventorySnapshot
) -> None:
    """The gap's assets (dated, applications after them) give the overlap its own
    undated derivation gives: every table, with rows and without."""
    snapshot = {
        "samples": sample_snapshot,
        "small": small_inventory(),
        "empty": _only_municipality_and_sites(),
    }[inventory]
    normaliser = Normaliser.default()
    basis = gap_basis(snapshot, as_of=AS_OF, normaliser=normaliser)
    shared = compute_overlap(snapshot, normaliser, basis.every_asset())
    _assert_equal(shared, compute_overlap(snapshot, normaliser), "overlap")


def test_on_one_core_every_gap_is_computed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """One core: no worker is forked (it would only wait for this process), the gaps come
    back in the order asked for, each the gap computed alone."""
    snapshot = small_inventory()
    targets = [small_target(["A"]), small_target(None)]
    alone = [compute_gap(snapshot, t, as_of=AS_OF) for t in targets]

    def no_fork(*args: object, **options: object) -> None:
        raise AssertionError("a worker was forked on one core")

    monkeypatch.setattr("inventory.gap.alternatives.os.cpu_count", lambda: 1)
    monkeypatch.setattr("inventory.gap.alternatives.GapInBackground", no_fork)
    reports, _ = compute_gaps(
        snapshot, targets, as_of=AS_OF, meanwhile=lambda: None, all_forked=True
    )
    for report, expected in zip(reports, alone, strict=True):
        _assert_same(report, expected)
