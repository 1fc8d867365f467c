"""Build the map's world outline (newsloom/serve/pages/world/land-110m.json) from Natural Earth.

Input: ``land-110m.json`` of the npm package ``world-atlas`` 2.0.2 (ISC; Natural Earth 4.1.0 land,
1:110m, public domain), a TopoJSON file. Get it with ``npm pack world-atlas@2.0.2`` and unpack it.
The rings are decoded, projected equirectangular into a 360 x 180 box (x = longitude + 180,
y = 90 - latitude), simplified (Douglas-Peucker, TOLERANCE degrees), rings smaller than MIN_AREA
square degrees dropped, and written as one SVG path string rounded to a tenth of a degree.

Run: ``python scripts/build_world_outline.py path/to/package/land-110m.json`` (offline, a second).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "newsloom" / "serve" / "pages" / "world" / "land-110m.json"
#: Simplification tolerance in degrees: 0.4 keeps every coast recognisable at the page's width.
TOLERANCE = 0.4
#: Islands under this many square degrees are left out (the dots of Oceania stay: they are larger).
MIN_AREA = 0.6

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The topology's arcs as longitude/latitude points (delta-decoded, then un-quantized)."""
    scale = topology["transform"]["scale"]
    shift = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring from its arc indexes (a negative index ~i is arc i reversed; shared ends once)."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def project(point: Point) -> Point:
    return (point[0] + 180.0, 90.0 - point[1])


def _distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return float(((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (long coasts would overflow a recursive one)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, at = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                worst, at = d, i
        if at >= 0 and worst > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area(points: list[Point]) -> float:
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=False)
            )
        )
        / 2
    )


#: Rings whose every point is south of this latitude (Antarctica) are left out: the map stops at 60 S.
SOUTH_LIMIT = -60.0


def unwrapped(points: list[Point]) -> list[list[Point]]:
    """A ring as drawn: as it is, or, when a step jumps across the antimeridian (Chukotka, Fiji),
    made continuous (each point moved by 360 to stay next to the one before) and drawn twice, 360
    apart; the map's box clips the copies."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(points, points[1:], strict=False)):
        return [points]
    shift, moved = 0.0, [points[0]]
    for (x0, _), (x1, y1) in zip(points, points[1:], strict=False):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        moved.append((x1 + shift, y1))
    back = -360.0 if max(x for x, _ in moved) > 360 else 360.0
    return [moved, [(x + back, y) for x, y in moved]]


def outline_path(topology: dict[str, Any]) -> tuple[str, int]:
    """The land as one SVG path (``M x y ... Z`` per ring) and the number of rings kept."""
    arcs = decode_arcs(topology)
    parts, rings = [], 0
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                points = simplify([project(p) for p in ring_points(ring, arcs)], TOLERANCE)
                if len(points) < 4 or area(points) < MIN_AREA or min(y for _, y in points) > 90 - SOUTH_LIMIT:
                    continue
                rings += 1
                for drawn in unwrapped(points):
                    coords = " ".join(f"{round(x, 1):g} {round(y, 1):g}" for x, y in drawn)
                    parts.append(f"M{coords}Z")
    return "".join(parts), rings


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    path, rings = outline_path(topology)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "about": "Natural Earth 4.1.0 land, 1:110m (public domain), from the npm package world-atlas 2.0.2 "
        "(ISC), projected equirectangular into 360 x 180 and simplified by scripts/build_world_outline.py.",
        "tolerance_degrees": TOLERANCE,
        "rings": rings,
        "width": 360,
        "height": 180,
        "path": path,
    }
    OUT.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {rings} rings, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/build_world_outline.py path/to/world-atlas/land-110m.json")
    main(sys.argv[1])
