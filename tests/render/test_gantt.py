"""The plan's Gantt chart: well-formed SVG that names each package, real dates on the
axis, the critical path marked in colour and by a hatch and a label (black-and-white
print), accessible title and description; it survives the report's sanitiser."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree

import pytest

from inventory.render.gantt import GanttBar, GanttLabels, gantt_svg
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
