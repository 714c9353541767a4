"""The inventory views drawn while the analysis runs (``InventoryViewsAhead``, issue 17):
taken by the report only when drawn from what the report draws, and the report folder
is the same, file for file, whether they were drawn ahead, not taken, or lost."""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import os
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from inventory.errors import OutputError, RenderError
from inventory.render.dot import ParallelRenderer
from inventory.report import (
    ReportInputs,
    analyse_inventory,
    report_views,
    write_full_report,
    writer,
)
from inventory.report.writer import INVENTORY_VIEWS, InventoryViewsAhead
from inventory.snapshot import InventorySnapshot
from inventory.target.model import TargetArchitecture, load_target
from inventory.validate import validate_paths

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 6, 1)
GENERATED = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)


@pytest.fixture(scope="module")
def snapshot() -> InventorySnapshot:
    batch = validate_paths(
        [REPO / "samples" / "gnosjo", REPO / "samples" / "hylte"],
        known_keys={"gislaved": {"site": {"DC1"}}, "varnamo": {"site": {"DC1"}}},
    )
    assert batch.report.valid
    return InventorySnapshot.from_batch(batch)


@pytest.fixture(scope="module")
def target() -> TargetArchitecture:
    target, _ = load_target(REPO / "samples" / "target.yaml")
    assert target is not None
    # the report is about one of the two municipalities: the views ahead are drawn from
    # the same part of the inventory as the analysis reports on
    return target.model_copy(update={"municipalities": ["gnosjo"], "datacentres": None})


@pytest.fixture(scope="module")
def inputs(snapshot: InventorySnapshot, target: TargetArchitecture) -> ReportInputs:
    return analyse_inventory(snapshot, target, as_of=AS_OF)


@pytest.fixture(scope="module")
def plain(inputs: ReportInputs, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("plain")
    write_full_report(inputs, folder, lang="sv", generated=GENERATED)
    return _files(folder)


def _files(folder: Path) -> dict[str, bytes]:
    files = {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    with zipfile.ZipFile(io.BytesIO(files["report.xlsx"])) as book:  # its time stamps out
        parts = {name: book.read(name) for name in book.namelist()}
    parts["docProps/core.xml"] = re.sub(
        rb"<dcterms:(created|modified)[^<]*</dcterms:\1>", b"", parts["docProps/core.xml"]
    )
    files["report.xlsx"] = repr(sorted(parts.items())).encode()
    return files


@needs_fork
def test_the_views_drawn_ahead_are_the_reports_own_and_dots_own_svg(
    snapshot: InventorySnapshot, target: TargetArchitecture, inputs: ReportInputs
) -> None:
    ahead = InventoryViewsAhead(snapshot, target, "sv")
    drawn = ahead.take(inputs, "sv")
    assert drawn is not None
    expected = report_views(inputs, "sv")
    assert list(drawn.views) == list(INVENTORY_VIEWS)
    for view in INVENTORY_VIEWS:
        diagrams = [diagram for diagram, _ in drawn.views[view]]
        assert diagrams == expected[view]
        for diagram, svg in drawn.views[view]:
            by_hand = subprocess.run(
                ["dot", "-Tsvg"], input=diagram.source.encode(), capture_output=True, check=True
            )
            assert svg == by_hand.stdout, diagram.name
    # only the municipality of the report (gnosjo), never hylte
    assert all("hylte" not in diagram.name for diagram, _ in drawn.views["architecture"])
    assert set(drawn.pages) == {"method.md", "method.html"}
    assert ahead.take(inputs, "sv") is None  # once


@needs_fork
def test_the_report_written_with_the_views_ahead_is_the_same_folder(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    inputs: ReportInputs,
    plain: dict[str, bytes],
    tmp_path: Path,
) -> None:
    write_full_report(
        inputs,
        tmp_path,
        lang="sv",
        generated=GENERATED,
        ahead=InventoryViewsAhead(snapshot, target, "sv"),
    )
    files = _files(tmp_path)
    assert sorted(files) == sorted(plain)
    for name, data in plain.items():
        assert files[name] == data, name


def _changed(snapshot: InventorySnapshot) -> InventorySnapshot:
    servers = snapshot.tables["server"].copy()
    servers.loc[servers.index[0], "hostname"] = "renamed-host"
    return InventorySnapshot(
        tables={**snapshot.tables, "server": servers}, references=snapshot.references
    )


@needs_fork
@pytest.mark.parametrize("other", ["language", "target", "inventory"])
def test_views_drawn_from_something_else_are_not_taken(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    inputs: ReportInputs,
    plain: dict[str, bytes],
    tmp_path: Path,
    other: str,
) -> None:
    if other == "language":
        ahead = InventoryViewsAhead(snapshot, target, "no")
    elif other == "target":
        ahead = InventoryViewsAhead(snapshot, target.model_copy(update={"name": "Other"}), "sv")
    else:
        ahead = InventoryViewsAhead(_changed(snapshot), target, "sv")
    assert ahead.take(inputs, "sv") is None
    if other == "language":
        ahead = InventoryViewsAhead(snapshot, target, "no")
    elif other == "target":
        ahead = InventoryViewsAhead(snapshot, target.model_copy(update={"name": "Other"}), "sv")
    else:
        ahead = InventoryViewsAhead(_changed(snapshot), target, "sv")
    write_full_report(inputs, tmp_path, lang="sv", generated=GENERATED, ahead=ahead)
    assert _files(tmp_path) == plain


@needs_fork
def test_a_worker_that_dies_or_cannot_draw_leaves_the_views_to_the_report(
    snapshot: InventorySnapshot,
    target: TargetArchitecture,
    inputs: ReportInputs,
    plain: dict[str, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here = os.getpid()
    draw = writer._draw_inventory_views

    def dies_in_the_worker(*arguments: Any) -> Any:
        if os.getpid() != here:
            os._exit(1)
        return draw(*arguments)

    monkeypatch.setattr(writer, "_draw_inventory_views", dies_in_the_worker)
    ahead = InventoryViewsAhead(snapshot, target, "sv")
    drawn = ahead.take(inputs, "sv")  # drawn here instead
    assert drawn is not None
    assert [d for d, _ in drawn.views["network"]] == report_views(inputs, "sv")["network"]
    monkeypatch.undo()

    def rejected(*_: object) -> None:
        raise RenderError("dot said no")

    # a drawing that fails (dot missing, a diagram rejected) is left to the report, which
    # says what fails, as it always did
    monkeypatch.setattr(ParallelRenderer, "submit", rejected)
    assert InventoryViewsAhead(snapshot, target, "sv").take(inputs, "sv") is None
    ahead = InventoryViewsAhead(snapshot, target, "sv")
    with pytest.raises(RenderError, match="dot said no"):
        write_full_report(inputs, tmp_path / "no", lang="sv", generated=GENERATED, ahead=ahead)
    monkeypatch.undo()
    write_full_report(
        inputs,
        tmp_path / "yes",
        lang="sv",
        generated=GENERATED,
        ahead=InventoryViewsAhead(snapshot, target, "sv"),
    )
    assert _files(tmp_path / "yes") == plain


def test_a_target_naming_a_municipality_not_stored_draws_nothing_ahead(
    snapshot: InventorySnapshot, target: TargetArchitecture, inputs: ReportInputs
) -> None:
    wrong = target.model_copy(update={"municipalities": ["nowhere"]})
    ahead = InventoryViewsAhead(snapshot, wrong, "sv")  # the analysis says why, later
    assert ahead.take(inputs, "sv") is None


@needs_fork
def test_a_report_that_cannot_be_written_stops_the_worker(
    snapshot: InventorySnapshot, target: TargetArchitecture, inputs: ReportInputs, tmp_path: Path
) -> None:
    in_the_way = tmp_path / "report"
    in_the_way.write_text("a file, not a folder")
    ahead = InventoryViewsAhead(snapshot, target, "sv")
    with pytest.raises(OutputError):
        write_full_report(inputs, in_the_way, lang="sv", ahead=ahead)
    assert ahead.take(inputs, "sv") is None  # closed: nothing left running
