"""The plan's Gantt chart: well-formed SVG that names each package, real dates on the
axis, the critical path marked in colour and by a hatch and a label (black-and-white
print), accessible title and description; it survives the report's sanitiser."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ElementTree

import pytest

from inventory.render.gantt import GanttBar, GanttLabels, gantt_svg, text_width
from inventory.render.svg import SVG_NS, sanitise_svg

NS = {"svg": SVG_NS}


def _bars(count: int) -> list[GanttBar]:
    start = dt.date(2027, 1, 4)
    return [
        GanttBar(
            f"P{n:02d}",
            f"Wave {n}: datacentre <&>",
            start + dt.timedelta(weeks=3 * n),
            start + dt.timedelta(weeks=3 * n + 5),
            critical=n % 3 == 0,
            note=f"{5} w",
        )
        for n in range(1, count + 1)
    ]


@pytest.mark.parametrize("count", [5, 30])
def test_the_chart_parses_and_names_each_package(count: int) -> None:
    bars = _bars(count)
    svg = gantt_svg(
        bars,
        GanttLabels(title="Migreringsplan", critical="kritisk linje", quarter="kv{quarter} {year}"),
    )
    root = ElementTree.fromstring(svg)
    texts = [element.text or "" for element in root.iter(f"{{{SVG_NS}}}text")]
    for bar in bars:
        assert any(text.startswith(f"{bar.package} {bar.label}") for text in texts)
    assert root.find("svg:title", NS) is not None and root.find("svg:desc", NS) is not None
    assert root.get("role") == "img" and root.get("aria-label", "").startswith("Migreringsplan")
    assert "kv1 2027" in texts  # the axis shows real quarters in the report's language
    critical = [g for g in root.iter(f"{{{SVG_NS}}}g") if "critical" in g.get("class", "")]
    assert len(critical) == sum(bar.critical for bar in bars)
    for group in critical:  # hatched and labelled, not only coloured
        assert group.find("svg:path", NS) is not None
        assert any("kritisk linje" in (t.text or "") for t in group.iter(f"{{{SVG_NS}}}text"))
    rows = int(root.get("height", "0"))
    assert rows < 60 + 24 * count + 60  # one fixed-height row per package
    assert "P01" in sanitise_svg(svg, id_prefix="plan-")


def _axis_labels(svg: str) -> list[tuple[float, float, str]]:
    """(left, right, text) of every axis label, its width as the renderer counts it."""
    root = ElementTree.fromstring(svg)
    axis = next(g for g in root.iter(f"{{{SVG_NS}}}g") if g.get("class") == "axis")
    found = []
    for text in axis.iter(f"{{{SVG_NS}}}text"):
        left, size, words = float(text.get("x", "0")), float(text.get("font-size", "0")), text.text
        assert words and size > 0
        found.append((left, left + text_width(words, size), words))
    return found


@pytest.mark.parametrize(
    ("quarter", "years"),
    [("K{quarter} {year}", 5), ("{quarter}. kv. {year}", 3), ("K{quarter} {year}", 1)],
)
def test_axis_labels_never_overlap(quarter: str, years: int) -> None:
    # 30 packages spread over `years` years: in sv ("K1 2028") and the long Norwegian
    # form ("1. kv. 2028"); each label is font size x 0.6 x characters wide
    start, days = dt.date(2027, 1, 4), 365 * years
    bars = [
        GanttBar(
            f"P{n:02d}",
            f"Paket {n}",
            start + dt.timedelta(days=days * n // 30),
            start + dt.timedelta(days=days * (n + 1) // 30),
        )
        for n in range(30)
    ]
    labels = _axis_labels(gantt_svg(bars, GanttLabels(quarter=quarter)))
    assert len(labels) >= years  # at least one label a year
    for (_, right, text), (left, _, following) in itertools.pairwise(labels):
        assert right <= left, (text, following)
    if years == 1:  # a short plan keeps every quarter
        assert [text for _, _, text in labels][:4] == [
            quarter.format(quarter=q, year=2027) for q in (1, 2, 3, 4)
        ]


def test_a_critical_bar_after_a_stream_wait_says_so() -> None:
    bars = [
        GanttBar("P01", "Nät", dt.date(2027, 1, 4), dt.date(2027, 3, 1), True),
        GanttBar(
            "P02", "Klienter", dt.date(2027, 3, 1), dt.date(2027, 6, 7), True,
            waited_for="väntade på P01",
        ),
    ]  # fmt: skip
    root = ElementTree.fromstring(gantt_svg(bars, GanttLabels(critical="kritisk linje")))
    texts = [t.text or "" for t in root.iter(f"{{{SVG_NS}}}text")]
    assert any("kritisk linje (väntade på P01)" in text for text in texts)
    assert not any("(väntade" in text and "P01 " in text for text in texts)


def test_a_note_at_the_charts_right_edge_stays_inside_it() -> None:
    """The last bar ends at the chart's right edge: its note goes to the left of the bar."""
    bars = [
        GanttBar("P01", "Nät", dt.date(2027, 1, 4), dt.date(2028, 1, 3), False, note="52 v"),
        GanttBar("P02", "Klienter", dt.date(2027, 6, 7), dt.date(2030, 3, 11), True,
                 note="143 v", waited_for="väntade på P01"),
    ]  # fmt: skip
    root = ElementTree.fromstring(gantt_svg(bars, GanttLabels(critical="kritisk linje")))
    width = float(root.get("width") or 0)
    anchors = [
        t.get("text-anchor")
        for t in root.iter(f"{{{SVG_NS}}}text")
        if (t.text or "").startswith("143 v")
    ]
    assert anchors == ["end"]  # moved to the left of its bar
    for text in root.iter(f"{{{SVG_NS}}}text"):
        if not text.text or "v" not in text.text.split()[0]:
            continue
        x = float(text.get("x") or 0)
        size = float(text.get("font-size") or 11)
        if text.get("text-anchor") == "end":
            assert x - text_width(text.text, size) >= 0, text.text
        else:
            assert x + text_width(text.text, size) <= width, text.text
