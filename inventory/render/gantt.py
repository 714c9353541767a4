"""The plan as a Gantt chart: SVG text built from the plan's packages (no JavaScript).

One row per work package (label on the left, a bar from its start to its end date on a
time axis with real dates), the critical path drawn in another colour *and* hatched and
labelled, so that it survives black-and-white print. The SVG has a ``<title>``, a
``<desc>`` and ``role="img"`` with an ``aria-label`` (the HTML sanitiser keeps the last
two). Built as an ElementTree, so every text is escaped; readable from 5 to 30 packages
(rows are a fixed height, the axis ticks thin out with the plan's length).

>>> import datetime as dt
>>> bar = GanttBar("P01", "Wave 1: network", dt.date(2027, 1, 4), dt.date(2027, 3, 1), True)
>>> "P01" in gantt_svg([bar], GanttLabels())
True
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from dataclasses import dataclass

from inventory.render.svg import SVG_NS

ROW_HEIGHT = 24
BAR_HEIGHT = 14
LABEL_WIDTH = 230
CHART_WIDTH = 640
TOP = 56
LEGEND_HEIGHT = 44
FONT = "Helvetica, Arial, sans-serif"
COLOURS = {"bar": "#4e79a7", "critical": "#d62728", "grid": "#d0d0d0", "text": "#222222"}
HATCH_SPACING = 6
AXIS_FONT_SIZE = 11
#: A character's width as a share of the font size (generous for Helvetica/Arial digits
#: and capitals, 0.556): what the axis allows for a label.
CHAR_WIDTH = 0.6
AXIS_GAP = 6  # px between two axis labels
#: Months between axis ticks, tried in order: quarters, half-years, years, two years.
TICK_STEPS = (3, 6, 12, 24)


@dataclass(frozen=True)
class GanttBar:
    """One work package: its id, its label, its start and end dates, whether critical."""

    package: str
    label: str
    start: dt.date
    end: dt.date
    critical: bool = False
    note: str = ""  # written after the bar (e.g. "12 w")
    waited_for: str = ""  # "waited for P03": on the critical path by a stream, not a dependency


@dataclass(frozen=True)
class GanttLabels:
    """The chart's words in the report's language."""

    title: str = "Migration plan"
    description: str = "Work packages on a time line; the critical path is hatched."
    critical: str = "critical path"
    package: str = "work package"
    quarter: str = "Q{quarter} {year}"


def _element(
    parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: object
) -> ElementTree.Element:
    element = ElementTree.SubElement(
        parent, f"{{{SVG_NS}}}{tag}", {k.replace("_", "-"): str(v) for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def text_width(text: str, font_size: float) -> float:
    """The width the chart allows for ``text`` (``CHAR_WIDTH`` x font size a character)."""
    return len(text) * font_size * CHAR_WIDTH


def _tick_label(tick: dt.date, step: int, quarter: str) -> str:
    """A quarter label ("K1 2028") on quarter and half-year ticks, the year on others."""
    if step >= 12:
        return str(tick.year)
    return quarter.format(quarter=(tick.month - 1) // 3 + 1, year=tick.year)


def axis_ticks(
    first: dt.date, last: dt.date, quarter: str, pixels_per_day: float
) -> list[tuple[dt.date, str]]:
    """Ticks from ``first``'s quarter to ``last`` with their labels: every quarter when
    the labels fit side by side, else every half-year, year or two years."""
    for step in TICK_STEPS:
        ticks: list[dt.date] = []
        tick = _quarter_start(first)
        while tick <= last:
            if (tick.month - 1) % min(step, 12) == 0 and (step < 24 or tick.year % 2 == 0):
                ticks.append(tick)
            month = tick.month + 3
            tick = dt.date(tick.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        labels = [_tick_label(t, step, quarter) for t in ticks]
        fits = all(
            (b - a).days * pixels_per_day >= text_width(label, AXIS_FONT_SIZE) + AXIS_GAP
            for a, b, label in zip(ticks, ticks[1:], labels, strict=False)
        )
        if fits or step == TICK_STEPS[-1]:
            return list(zip(ticks, labels, strict=True))
    return []  # (not reached: the last step is always taken)


def _hatch(group: ElementTree.Element, x: float, y: float, width: float, height: float) -> None:
    """Diagonal lines inside the rectangle (x, y, width, height), clipped by hand."""
    segments = []
    offset = 0.0
    while offset < width + height:
        # the line x + offset - t, y + t for t in [0, height], inside [x, x + width]
        t_start = max(0.0, offset - width)
        t_end = min(height, offset)
        if t_end > t_start:
            segments.append(
                f"M{x + offset - t_start:.1f},{y + t_start:.1f}"
                f"L{x + offset - t_end:.1f},{y + t_end:.1f}"
            )
        offset += HATCH_SPACING
    if segments:
        _element(
            group, "path", d="".join(segments), stroke="#ffffff", stroke_width="1.5", fill="none"
        )


def gantt_svg(bars: Sequence[GanttBar], labels: GanttLabels) -> str:
    """The chart as SVG text (one row per bar, in the order given)."""
    # the axis starts at the first package's quarter, so that it opens with a label
    first = _quarter_start(min((bar.start for bar in bars), default=dt.date.today()))
    last = max((bar.end for bar in bars), default=first)
    span = max((last - first).days, 7)
    height = TOP + ROW_HEIGHT * len(bars) + LEGEND_HEIGHT
    width = LABEL_WIDTH + CHART_WIDTH + 110

    def x_of(day: dt.date) -> float:
        return LABEL_WIDTH + CHART_WIDTH * (day - first).days / span

    root = ElementTree.Element(
        f"{{{SVG_NS}}}svg",
        {
            "width": str(width),
            "height": str(height),
            "viewBox": f"0 0 {width} {height}",
            "role": "img",
            "aria-label": f"{labels.title}. {labels.description}",
            "font-family": FONT,
            "font-size": "12",
        },
    )
    _element(root, "title", labels.title)
    _element(root, "desc", labels.description)
    _element(
        root,
        "text",
        labels.title,
        x=8,
        y=20,
        font_size=15,
        font_weight="bold",
        fill=COLOURS["text"],
    )
    axis = _element(root, "g", **{"class": "axis"})
    for tick, text in axis_ticks(first, last, labels.quarter, CHART_WIDTH / span):
        x = x_of(tick)
        _element(
            axis,
            "line",
            x1=f"{x:.1f}",
            y1=TOP - 14,
            x2=f"{x:.1f}",
            y2=TOP + ROW_HEIGHT * len(bars),
            stroke=COLOURS["grid"],
            stroke_width=1,
        )
        _element(
            axis,
            "text",
            text,
            x=f"{x + 2:.1f}",
            y=TOP - 18,
            font_size=AXIS_FONT_SIZE,
            fill=COLOURS["text"],
        )
    rows = _element(root, "g", **{"class": "packages"})
    for number, bar in enumerate(bars):
        y = TOP + ROW_HEIGHT * number
        row = _element(
            rows,
            "g",
            id=f"package-{bar.package}",
            **{"class": "package critical" if bar.critical else "package"},
        )
        _element(
            row,
            "text",
            f"{bar.package} {bar.label}",
            x=8,
            y=y + 16,
            fill=COLOURS["text"],
            font_weight="bold" if bar.critical else "normal",
        )
        left, right = x_of(bar.start), max(x_of(bar.end), x_of(bar.start) + 2)
        top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2
        colour = COLOURS["critical"] if bar.critical else COLOURS["bar"]
        _element(
            row,
            "rect",
            x=f"{left:.1f}",
            y=f"{top:.1f}",
            width=f"{right - left:.1f}",
            height=BAR_HEIGHT,
            fill=colour,
            stroke="#000000" if bar.critical else colour,
            stroke_width=1.5 if bar.critical else 0.5,
        )
        if bar.critical:
            _hatch(row, left, top, right - left, BAR_HEIGHT)
        note = f"{bar.note}  ▲ {labels.critical}" if bar.critical else bar.note
        if bar.critical and bar.waited_for:  # the link is a free stream, not a dependency
            note += f" ({bar.waited_for})"
        # right of the bar, or left of it when it would run past the chart's edge
        fits = right + 4 + text_width(note.strip(), 11) <= width
        _element(
            row,
            "text",
            note.strip(),
            x=f"{right + 4 if fits else left - 4:.1f}",
            y=y + 16,
            font_size=11,
            fill=COLOURS["text"],
            **({} if fits else {"text_anchor": "end"}),
        )
    legend = _element(root, "g", **{"class": "legend"})
    y = TOP + ROW_HEIGHT * len(bars) + 18
    _element(legend, "rect", x=8, y=y, width=28, height=BAR_HEIGHT, fill=COLOURS["bar"])
    _element(legend, "text", labels.package, x=42, y=y + 12, fill=COLOURS["text"])
    _element(
        legend,
        "rect",
        x=220,
        y=y,
        width=28,
        height=BAR_HEIGHT,
        fill=COLOURS["critical"],
        stroke="#000000",
        stroke_width=1.5,
    )
    _hatch(legend, 220, y, 28, BAR_HEIGHT)
    _element(legend, "text", f"▲ {labels.critical}", x=254, y=y + 12, fill=COLOURS["text"])
    return ElementTree.tostring(root, encoding="unicode", short_empty_elements=True)
