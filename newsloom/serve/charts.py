"""Small bar charts drawn server-side as SVG geometry (the template draws the shapes; no script)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    href: str | None = None
    show_label: bool = True


@dataclass
class BarChart:
    """Geometry of a bar chart in a ``width`` x ``height`` viewBox; labels and values kept as text."""

    title: str
    width: int
    height: int
    horizontal: bool
    bars: list[Bar] = field(default_factory=list)
    maximum: int = 0

    @property
    def description(self) -> str:
        """The chart as a sentence, for screen readers (the SVG's <desc>)."""
        parts = ", ".join(f"{b.label}: {b.value}" for b in self.bars)
        return f"{self.title}. {parts}" if parts else f"{self.title}: nothing yet."


#: Space for labels: day labels under vertical bars, type names left of horizontal bars.
LABEL_BAND = 22
LABEL_COLUMN = 84
VALUE_COLUMN = 26
BAR_GAP = 0.25  # fraction of each slot left empty between bars
LABEL_WIDTH = 36  # viewBox units a day label ("10-21") needs; closer labels are thinned out


def vertical_bars(
    title: str, counts: list[tuple[str, int]], width: int = 640, height: int = 160, hrefs: list[str | None] | None = None
) -> BarChart:  # fmt: skip
    """One vertical bar per label, left to right (e.g. events per day)."""
    chart = BarChart(title, width, height, horizontal=False, maximum=max((c for _, c in counts), default=0))
    if not counts:
        return chart
    slot = width / len(counts)
    step = max(1, math.ceil(LABEL_WIDTH / slot))
    plot = height - LABEL_BAND - 14  # 14: room for the value above the tallest bar
    for number, (label, value) in enumerate(counts):
        bar_height = plot * value / chart.maximum if chart.maximum else 0
        chart.bars.append(
            Bar(label, value, x=number * slot + slot * BAR_GAP / 2, y=height - LABEL_BAND - bar_height,
                width=slot * (1 - BAR_GAP), height=bar_height, href=(hrefs or [None] * len(counts))[number],
                show_label=(len(counts) - 1 - number) % step == 0)  # the newest day always labelled
        )  # fmt: skip
    return chart


def horizontal_bars(title: str, counts: list[tuple[str, int]], width: int = 640, row: int = 22) -> BarChart:
    """One horizontal bar per label, top to bottom (e.g. events per type)."""
    height = max(row, row * len(counts))
    chart = BarChart(title, width, height, horizontal=True, maximum=max((c for _, c in counts), default=0))
    plot = width - LABEL_COLUMN - VALUE_COLUMN
    for number, (label, value) in enumerate(counts):
        bar_width = plot * value / chart.maximum if chart.maximum else 0
        chart.bars.append(
            Bar(label, value, x=LABEL_COLUMN, y=number * row + row * BAR_GAP / 2, width=bar_width,
                height=row * (1 - BAR_GAP))
        )  # fmt: skip
    return chart
