"""The report folder written with diagrams rendered in parallel: the same bytes as one
``dot`` at a time and as ``dot`` run by hand; a diagram Graphviz rejects is named."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from inventory.errors import RenderError
from inventory.render.dot import ParallelRenderer
from inventory.render.output import ReportFormat
from inventory.report import ReportInputs, analyse_inventory, write_full_report
from inventory.snapshot import InventorySnapshot
from inventory.target.model import load_target
from inventory.validate import validate_paths

REPO = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2025, 6, 1)
GENERATED = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def inputs() -> ReportInputs:
    batch = validate_paths(
        [REPO / "samples" / "gnosjo"],  # it names sites of these two
        known_keys={"gislaved": {"site": {"DC1"}}, "varnamo": {"site": {"DC1"}}},
    )
    assert batch.report.valid
    target, _ = load_target(REPO / "samples" / "target.yaml")
    assert target is not None
    target = target.model_copy(update={"municipalities": ["gnosjo"]})
    return analyse_inventory(InventorySnapshot.from_batch(batch), target, as_of=AS_OF)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _xlsx_parts(data: bytes) -> dict[str, bytes]:
    """The parts of a workbook, without the times openpyxl stamps (created, modified)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    parts["docProps/core.xml"] = re.sub(
        rb"<dcterms:(created|modified)[^<]*</dcterms:\1>", b"", parts["docProps/core.xml"]
    )
    return parts


def test_parallel_renders_write_the_same_files_as_one_at_a_time(
    inputs: ReportInputs, tmp_path: Path
) -> None:
    one, many = tmp_path / "one", tmp_path / "many"
    write_full_report(inputs, one, generated=GENERATED, workers=1)
    written = write_full_report(inputs, many, generated=GENERATED, workers=4)
    first, second = _files(one), _files(many)
    assert sorted(first) == sorted(second)
    assert {name for name in first if name.startswith("report.")} == {
        "report.html",
        "report.md",
        "report.xlsx",
        "report.json",
    }
    svgs = [name for name in first if name.endswith(".svg")]
    assert len(svgs) == len(written.diagrams) // 2 >= 10  # a .dot beside every .svg
    for name in first:
        if name.endswith(".xlsx"):  # a zip: its entries carry the time of writing
            assert _xlsx_parts(first[name]) == _xlsx_parts(second[name])
        else:
            assert first[name] == second[name], name
    for name in svgs:  # each one what dot itself makes of the DOT file beside it
        dot = (many / name).with_suffix(".dot").read_bytes()
        by_hand = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, check=True)
        assert second[name] == by_hand.stdout, name


def test_a_diagram_dot_rejects_is_named_and_the_others_still_render() -> None:
    good = 'digraph { a -> b; label="ok" }'
    broken = "digraph { a -> ; }"
    with ParallelRenderer(2) as renderer:
        pending = [
            (f"diagrams/view-{n}.svg", renderer.submit(source, "svg"))
            for n, source in enumerate([good, good, broken, good, good])
        ]
        results: dict[str, bytes] = {}
        errors: dict[str, RenderError] = {}
        for label, future in pending:
            try:
                results[label] = renderer.result(future, label)
            except RenderError as error:
                errors[label] = error
    assert list(errors) == ["diagrams/view-2.svg"]
    message = str(errors["diagrams/view-2.svg"])
    assert message.startswith(
        "diagram diagrams/view-2.svg: Graphviz could not draw the diagram: dot ended with exit"
        ' status 1 and wrote: "Error: <stdin>: syntax error'
    )
    assert "syntax error" in message
    assert errors["diagrams/view-2.svg"].hint  # what to do stays with it
    assert len(results) == 4
    assert all(svg.lstrip().startswith(b"<?xml") and b"<svg" in svg for svg in results.values())


def test_at_most_one_dot_per_core_by_default() -> None:
    import os

    with ParallelRenderer() as renderer:
        assert renderer.workers == (os.cpu_count() or 1)
    with ParallelRenderer(3) as renderer:
        assert renderer.workers == 3


def test_each_format_rendered_beside_html_equals_the_one_rendered_here() -> None:
    from inventory.render.output import report_bytes
    from inventory.report.writer import report_files
    from tests.render.conftest import sample_document

    document = sample_document("sv")
    formats: list[ReportFormat] = ["md", "html", "xlsx", "json"]
    here = {fmt: report_bytes(document, fmt) for fmt in formats}
    forked = report_files(document, formats, workers=2)
    assert list(forked) == formats
    for fmt in formats:
        if fmt == "xlsx":
            assert _xlsx_parts(forked[fmt]) == _xlsx_parts(here[fmt])
        else:
            assert forked[fmt] == here[fmt], fmt
    assert forked["html"].startswith(b"<!DOCTYPE html>")
