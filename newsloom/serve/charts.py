"""Small bar charts drawn server-side as SVG geometry (the template draws the shapes; no script)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any


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


# -- the actor network and the event map ------------------------------------------------------------


@dataclass
class GraphNode:
    key: str
    name: str
    x: float
    y: float
    r: float
    href: str | None
    events: int
    anchor: str = "middle"  # the label's text-anchor: it grows inwards near the sides

    @property
    def label(self) -> str:
        """The name, shortened past LABEL_CHARS (the full name is the node's tooltip)."""
        return self.name if len(self.name) <= LABEL_CHARS else self.name[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass
class GraphEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    label: str
    href: str


@dataclass
class GraphChart:
    """Geometry of a network drawing in a ``width`` x ``height`` viewBox."""

    width: int
    height: int
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)


#: Rounds of the force layout: enough for a few dozen nodes to settle, cheap (n² per round).
LAYOUT_ROUNDS = 120
#: Pull towards the centre: without it a part not linked to the rest drifts off and squeezes the others.
GRAVITY = 0.6
NODE_RADIUS = (5.0, 16.0)
LABEL_CHARS = 28  # smallest and largest node, by events
EDGE_WIDTH = (1.0, 7.0)


def force_layout(
    keys: list[str], pairs: list[tuple[str, str, float]], rounds: int = LAYOUT_ROUNDS
) -> dict[str, tuple[float, float]]:
    """Positions in the unit square by Fruchterman-Reingold, started on a circle (deterministic:
    the same network is always drawn the same way)."""
    n = len(keys)
    if n == 0:
        return {}
    pos = {
        k: [0.5 + 0.4 * math.cos(2 * math.pi * i / n), 0.5 + 0.4 * math.sin(2 * math.pi * i / n)]
        for i, k in enumerate(keys)
    }
    ideal = math.sqrt(1.0 / n)
    for round_ in range(rounds):
        step = 0.1 * (1 - round_ / rounds) + 0.002
        move = {k: [0.0, 0.0] for k in keys}
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(math.hypot(dx, dy), 1e-3)
                push = ideal * ideal / dist
                move[a][0] += dx / dist * push
                move[a][1] += dy / dist * push
                move[b][0] -= dx / dist * push
                move[b][1] -= dy / dist * push
        for a, b, weight in pairs:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(math.hypot(dx, dy), 1e-3)
            pull = dist * dist / ideal * min(weight, 3.0)
            move[a][0] -= dx / dist * pull
            move[a][1] -= dy / dist * pull
            move[b][0] += dx / dist * pull
            move[b][1] += dy / dist * pull
        for k in keys:
            move[k][0] += (0.5 - pos[k][0]) * GRAVITY  # keeps loose parts near the middle, unclamped
            move[k][1] += (0.5 - pos[k][1]) * GRAVITY
            length = max(math.hypot(*move[k]), 1e-9)
            pos[k][0] += move[k][0] / length * min(length, step)
            pos[k][1] += move[k][1] / length * min(length, step)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {k: ((p[0] - min(xs)) / span_x, (p[1] - min(ys)) / span_y) for k, p in pos.items()}


def network_chart(
    network: dict[str, Any], width: int = 760, height: int = 520, margin: int = 70
) -> GraphChart:
    """A network view (as plain data) laid out for an SVG: nodes sized by events, edges by count."""
    chart = GraphChart(width, height)
    nodes, edges = network.get("nodes") or [], network.get("edges") or []
    if not nodes:
        return chart
    keys = [n["key"] for n in nodes]
    top = max(e["count"] for e in edges) if edges else 1
    spots = force_layout(keys, [(e["source"], e["target"], e["count"] / top * 3) for e in edges])
    if len(keys) == 1:
        spots = {keys[0]: (0.5, 0.5)}
    most = max(n["events"] for n in nodes) or 1

    def at(key: str) -> tuple[float, float]:
        x, y = spots[key]
        return margin + x * (width - 2 * margin), margin / 2 + y * (height - margin)

    for number, edge in enumerate(edges):
        (x1, y1), (x2, y2) = at(edge["source"]), at(edge["target"])
        thickness = EDGE_WIDTH[0] + (EDGE_WIDTH[1] - EDGE_WIDTH[0]) * (edge["count"] - 1) / max(1, top - 1)
        types = ", ".join(f"{t} {n}" for t, n in edge["types"].items())
        label = f"{edge['source_name']} — {edge['target_name']}: {types}"
        chart.edges.append(GraphEdge(x1, y1, x2, y2, round(thickness, 1), label, f"#edge-{number}"))
    for node in nodes:
        x, y = at(node["key"])
        r = NODE_RADIUS[0] + (NODE_RADIUS[1] - NODE_RADIUS[0]) * math.sqrt(node["events"] / most)
        href = f"/entities/{node['entity_id']}" if node.get("entity_id") else None
        anchor = "start" if x < width * 0.22 else "end" if x > width * 0.78 else "middle"
        chart.nodes.append(
            GraphNode(node["key"], node["name"], x, y, round(r, 1), href, node["events"], anchor)
        )
    return chart


@dataclass
class MapSpot:
    label: str
    x: float
    y: float
    r: float
    events: int
    precision: str
    types: str
    event_ids: list[int]


#: The map's crop of the 360 x 180 world (latitudes 84 N to 60 S: no empty Antarctica).
MAP_VIEWBOX = (0, 6, 360, 144)
SPOT_RADIUS = (1.6, 6.0)


def map_spots(points: list[dict[str, Any]]) -> list[MapSpot]:
    """Event places projected equirectangular (x = longitude + 180, y = 90 - latitude), the area of
    each circle proportional to its events; largest first so that small ones are drawn on top."""
    most = max((p["events"] for p in points), default=1) or 1
    spots = [
        MapSpot(
            p["place"], round(p["longitude"] + 180, 2), round(90 - p["latitude"], 2),
            round(SPOT_RADIUS[0] + (SPOT_RADIUS[1] - SPOT_RADIUS[0]) * math.sqrt(p["events"] / most), 2),
            p["events"], p["precision"], ", ".join(f"{t} {n}" for t, n in p["types"].items()), p["event_ids"],
        )
        for p in points
    ]  # fmt: skip
    return sorted(spots, key=lambda s: -s.r)
