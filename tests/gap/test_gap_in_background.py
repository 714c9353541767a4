"""A gap computed in a forked worker is the gap computed here (issue 17: the study's
alternatives and the report's own gap use both cores)."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from typing import Any

import pandas as pd
import pytest

from inventory.errors import TargetError
from inventory.gap import alternatives
from inventory.gap.alternatives import GapInBackground, compare_alternatives, compute_gaps
from inventory.gap.result import GapReport, compute_gap
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture
from tests.gap.test_scope import AS_OF, small_inventory, small_target

_HERE = os.getpid()

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)


def _assert_equal(mine: Any, theirs: Any, where: str) -> None:
    """Equal values, tables (dtypes included) and dataclasses of them, part by part."""
    assert type(mine) is type(theirs), where
    if isinstance(theirs, pd.DataFrame):
        pd.testing.assert_frame_equal(mine, theirs, check_exact=True, obj=where)
    elif isinstance(theirs, pd.Series):
        pd.testing.assert_series_equal(mine, theirs, check_exact=True, obj=where)
    elif dataclasses.is_dataclass(theirs):
        for part in dataclasses.fields(theirs):
            name = f"{where}.{part.name}"
            _assert_equal(getattr(mine, part.name), getattr(theirs, part.name), name)
    elif isinstance(theirs, list | tuple):
        assert len(mine) == len(theirs), where
        for index, (one, other) in enumerate(zip(mine, theirs, strict=True)):
            _assert_equal(one, other, f"{where}[{index}]")
    elif isinstance(theirs, dict):
        assert list(mine) == list(theirs), where
        for key in theirs:
            _assert_equal(mine[key], theirs[key], f"{where}[{key!r}]")
    else:
        assert mine == theirs, where


def _assert_same(report: GapReport, expected: GapReport) -> None:
    _assert_equal(report, expected, "report")


def _die(snapshot: InventorySnapshot, target: TargetArchitecture, **options: Any) -> GapReport:
    if os.getpid() != _HERE:
        os._exit(3)  # the worker process ends without an answer
    return compute_gap(snapshot, target, **options)


@needs_fork
def test_the_forked_gap_is_the_gap_computed_here() -> None:
    snapshot, target = small_inventory(), small_target(None)
    pending = GapInBackground(snapshot, target, as_of=AS_OF)
    assert pending.forked  # it runs in a worker indeed
    _assert_same(pending.result(), compute_gap(snapshot, target, as_of=AS_OF))


@needs_fork
def test_a_worker_that_dies_leaves_the_gap_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(alternatives, "_forked_gap", _die)
    snapshot, target = small_inventory(), small_target(["A1", "A2", "A3"])
    pending = GapInBackground(snapshot, target, as_of=AS_OF)
    _assert_same(pending.result(), compute_gap(snapshot, target, as_of=AS_OF))


def test_without_fork_the_gap_is_computed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    snapshot, target = small_inventory(), small_target(None)
    pending = GapInBackground(snapshot, target, as_of=AS_OF)
    assert not pending.forked
    _assert_same(pending.result(), compute_gap(snapshot, target, as_of=AS_OF))


@needs_fork
def test_an_error_in_the_worker_is_raised_here_as_compute_gap_raises_it() -> None:
    snapshot = small_inventory()
    target = small_target(None).model_copy(update={"municipalities": ["aa", "zz"]})
    with pytest.raises(TargetError) as here:
        compute_gap(snapshot, target, as_of=AS_OF)
    pending = GapInBackground(snapshot, target, as_of=AS_OF)
    with pytest.raises(TargetError) as forked:
        pending.result()
    assert str(forked.value) == str(here.value)
    assert forked.value.hint == here.value.hint


def test_alternatives_in_parallel_equal_them_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = small_inventory()
    targets = [
        ("all.yaml", small_target(None)),
        ("no-a4.yaml", small_target(["A1", "A2", "A3"])),
        ("a1.yaml", small_target(["A1"])),
    ]
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    parallel = compare_alternatives(snapshot, targets, as_of=AS_OF)
    serial: Any = [compute_gap(snapshot, target, as_of=AS_OF) for _, target in targets]
    pd.testing.assert_frame_equal(
        parallel.table,
        compare_alternatives(
            snapshot,
            targets,
            as_of=AS_OF,
            known=[(target, report) for (_, target), report in zip(targets, serial, strict=True)],
        ).table,
        check_exact=True,
    )
    for report, expected in zip(parallel.reports, serial, strict=True):
        _assert_same(report, expected)


def _counting_gaps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the targets whose gap ``compute_gaps`` computes (all here: one core)."""
    names: list[str] = []

    def counting(snapshot: Any, target: Any, **options: Any) -> GapReport:
        names.append(target.name)
        return compute_gap(snapshot, target, **options)

    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    monkeypatch.setattr(alternatives, "compute_gap", counting)
    return names


def test_targets_that_differ_only_in_their_name_have_their_gap_computed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    snapshot = small_inventory()
    narrow = small_target(["A1", "A2", "A3"])  # a scope note that names the target
    renamed = narrow.model_copy(update={"name": "another name", "description": "said"})
    whole = small_target(None)
    computed = _counting_gaps(monkeypatch)
    reports, _ = compute_gaps(
        snapshot, [narrow, whole, renamed], as_of=AS_OF, meanwhile=lambda: None
    )
    assert computed == [whole.name, "another name"]  # the last of equal ones, once
    assert reports[0].target_name == narrow.name
    assert reports[0].notes[0].params["target"] == narrow.name  # type: ignore[union-attr]
    for report, target in zip(reports, [narrow, whole, renamed], strict=True):
        _assert_same(report, compute_gap(snapshot, target, as_of=AS_OF))


def test_targets_that_differ_in_what_their_gap_reads_have_a_gap_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    snapshot = small_inventory()
    target = small_target(None)
    dearer = target.model_copy(
        update={"efforts": target.efforts.model_copy(update={"hourly_rate": 2000.0})}
    )
    computed = _counting_gaps(monkeypatch)
    reports, _ = compute_gaps(snapshot, [target, dearer], as_of=AS_OF, meanwhile=lambda: None)
    assert computed == [target.name, dearer.name]
    assert reports[0].total_cost != reports[1].total_cost


@pytest.mark.parametrize(("cores", "forked"), [(1, 0), (2, 1), (3, 2), (4, 2)])
def test_no_more_workers_are_forked_than_cores_beside_this_process(
    monkeypatch: pytest.MonkeyPatch, cores: int, forked: int
) -> None:
    """Two gaps (and a third only renamed) with ``all_forked``: both in workers when each
    has a core of its own beside this process, else the last one here."""
    snapshot = small_inventory()
    narrow, whole = small_target(["A1", "A2", "A3"]), small_target(None)
    targets = [narrow, whole, whole.model_copy(update={"name": "the same, renamed"})]
    started: list[str] = []

    class Spy(GapInBackground):
        def __init__(self, snapshot: Any, target: Any, **options: Any) -> None:
            started.append(target.name)
            super().__init__(snapshot, target, **options)

    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(alternatives, "GapInBackground", Spy)
    reports, _ = compute_gaps(
        snapshot, targets, as_of=AS_OF, meanwhile=lambda: None, all_forked=True
    )
    assert started == [narrow.name, "the same, renamed"][:forked]
    for report, target in zip(reports, targets, strict=True):
        _assert_same(report, compute_gap(snapshot, target, as_of=AS_OF))


def _graph_parts(graph: Any) -> tuple[list[Any], list[Any]]:
    return list(graph.graph.nodes(data=True)), list(graph.graph.edges(keys=True, data=True))


@needs_fork
def test_the_graph_built_beside_is_the_graph_built_here() -> None:
    """``basis.GraphInBackground``: the graph from the worker (pickled back) is
    ``build_graph``'s here, node by node and edge by edge, in order, and its basis gives the
    same gap."""
    from inventory.analyse.graph import build_graph
    from inventory.gap.basis import GraphInBackground, gap_basis

    snapshot, target = small_inventory(), small_target(None)
    pending = GraphInBackground(snapshot)
    assert pending.forked
    try:
        graph = pending.result()
    finally:
        pending.close()
    here = build_graph(snapshot)
    assert type(graph) is type(here)
    assert _graph_parts(graph) == _graph_parts(here)
    basis = gap_basis(snapshot, as_of=AS_OF, graph=graph)
    assert basis.graph is graph
    _assert_same(
        compute_gap(snapshot, target, as_of=AS_OF, normaliser=basis.normaliser, basis=basis),
        compute_gap(snapshot, target, as_of=AS_OF),
    )
