"""Diagram views on the samples and on a payload corpus: ``dot`` parses every DOT written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from inventory.analyse.normalise import Normaliser
from inventory.analyse.overlap import compute_overlap
from inventory.gap.result import GapReport, compute_gap
from inventory.render.dot import check_dot_syntax
from inventory.render.views import VIEW_NAMES, ViewDiagram, ViewInputError, build_views
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture, load_target
from inventory.validate import validate_paths

AS_OF = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def snapshot() -> InventorySnapshot:
    samples = Path(__file__).resolve().parents[2] / "samples"
    folders = [
        folder for folder in sorted(samples.iterdir()) if folder.is_dir() and folder.name != "study"
    ]
    batch = validate_paths(folders)
    assert batch.report.valid
    return InventorySnapshot.from_batch(batch)


@pytest.fixture(scope="module")
def target() -> TargetArchitecture:
    loaded, issues = load_target(Path(__file__).resolve().parents[2] / "samples/target.yaml")
    assert loaded is not None, issues
    return loaded


def _all_views(snapshot: InventorySnapshot, target: TargetArchitecture) -> list[ViewDiagram]:
    normaliser = Normaliser.default()
    gap: GapReport = compute_gap(snapshot, target, as_of=AS_OF, normaliser=normaliser)
    overlap = compute_overlap(snapshot, normaliser)
    diagrams: list[ViewDiagram] = []
    for view in VIEW_NAMES:
        diagrams += build_views(view, snapshot, target=target, gap=gap, overlap=overlap)
    for code in snapshot.municipalities:
        diagrams += build_views("target", snapshot, municipality=code, gap=gap)
    return diagrams


def test_every_view_of_the_samples_is_valid_dot(
    snapshot: InventorySnapshot, target: TargetArchitecture
) -> None:
    diagrams = _all_views(snapshot, target)
    names = [diagram.name for diagram in diagrams]
    assert len(names) == len(set(names))
    for stem in ("architecture-gnosjo", "network", "target", "target-hylte", "overlap-platforms"):
        assert stem in names
    for diagram in diagrams:
        check_dot_syntax(diagram.source)
        assert "cluster_legend" in diagram.source or "legend" in diagram.source


def test_architecture_aggregates_and_drills_down(snapshot: InventorySnapshot) -> None:
    diagrams = build_views("architecture", snapshot, municipality="gnosjo")
    overview, *drill_downs = diagrams
    assert overview.name == "architecture-gnosjo"
    assert "more applications" in overview.source  # node budget applied
    assert "hosts · " in overview.source  # a hypervisor cluster is one node
    assert [d.name for d in drill_downs] == ["architecture-gnosjo-sr1"]
    # Clients are fleets, never one node per device: far fewer nodes than client rows.
    clients = snapshot.table("client")
    assert overview.source.count("shape=folder") < int((clients["municipality"] == "gnosjo").sum())


def test_network_marks_the_target_datacentres(
    snapshot: InventorySnapshot, target: TargetArchitecture
) -> None:
    (network,) = build_views("network", snapshot, target=target, lang="sv")
    assert "Primärt datacenter" in network.source
    assert "Sekundärt datacenter" in network.source
    assert "10 Gbit/s" in network.source
    svg = network.render("svg").decode("utf-8")
    assert "Datacenter Värnamo" in svg


def test_target_view_needs_a_gap_report(snapshot: InventorySnapshot) -> None:
    with pytest.raises(ViewInputError):
        build_views("target", snapshot)
    with pytest.raises(ViewInputError, match="no municipality"):
        build_views("architecture", snapshot, municipality="nowhere")


def _with_payloads(snapshot: InventorySnapshot, names: list[str]) -> InventorySnapshot:
    """The samples with payload names in every labelled field (ids stay keys)."""
    tables = {kind: frame.copy() for kind, frame in snapshot.tables.items()}

    def spread(kind: str, column: str) -> None:
        frame = tables[kind]
        values = [names[i % len(names)] for i in range(len(frame))]
        frame[column] = pd.Series(values, index=frame.index, dtype=object)

    for kind, column in (
        ("municipality", "name"),
        ("site", "name"),
        ("server", "hostname"),
        ("server", "os_product"),
        ("storage", "model"),
        ("platform", "product"),
        ("platform", "version"),
        ("application", "name"),
        ("application", "product"),
        ("client", "os_product"),
        ("client", "model"),
        ("link", "kind"),
    ):
        spread(kind, column)
    # Cluster names are keys that show as labels: payloads there too.
    servers = tables["server"]
    clusters = servers["cluster"].dropna().unique()
    mapping = {cluster: names[i % len(names)] or "x" for i, cluster in enumerate(clusters)}
    servers["cluster"] = servers["cluster"].map(lambda c: mapping.get(c, c))
    return InventorySnapshot(tables=tables, references=snapshot.references)


def test_payload_names_stay_valid_dot(
    snapshot: InventorySnapshot, target: TargetArchitecture, payload_names: list[str]
) -> None:
    corpus = [*payload_names, "Gnosjö ÅÄÖÆØ", 'a "b" \\c', "<b>bold</b>", "one\ntwo"]
    poisoned = _with_payloads(snapshot, corpus)  # the target names all five
    for diagram in _all_views(poisoned, target):
        check_dot_syntax(diagram.source)
        svg = diagram.render("svg").decode("utf-8")
        assert "<b>bold</b>" not in svg  # escaped, never markup
        assert "<script" not in svg
