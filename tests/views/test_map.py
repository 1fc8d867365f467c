"""The event map: places and coordinates offline, the examples' places, the CSV and the world outline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from newsloom.store import Connection
from newsloom.views.events import EventQuery, events_view
from newsloom.views.map import MapQuery, locate, map_csv, map_view

WORLD = Path(__file__).resolve().parents[2] / "newsloom" / "serve" / "pages" / "world"


def test_places_get_coordinates_from_the_gazetteer_and_geonames() -> None:
    hanoi = locate("Hanoi")
    assert hanoi is not None and hanoi.precision == "city"
    assert abs(hanoi.latitude - 21.03) < 0.2 and abs(hanoi.longitude - 105.85) < 0.2
    assert locate("Hà Nội") == hanoi  # the Vietnamese name finds the same gazetteer entry
    jakarta = locate("Jakarta")
    assert jakarta is not None and jakarta.latitude < 0 < jakarta.longitude
    country = locate("Vietnam")
    assert country is not None and country.precision == "country"
    assert (country.latitude, country.longitude) == (hanoi.latitude, hanoi.longitude)  # at its capital
    assert locate("Mekong") is None  # a river: no point to put it at
    assert locate("Zzyzxqq nowhere") is None


def test_the_examples_happen_in_hanoi(conn: Connection) -> None:
    found = map_view(conn, MapQuery())
    total = len(events_view(conn, EventQuery(limit=1000)).items)
    assert found.placed + found.unplaced == total
    top = found.points[0]
    assert top.place == "Hanoi" and top.precision == "city" and top.events >= 2
    assert top.events == sum(top.types.values()) == len(top.event_ids)
    located = {e.id: e.location for e in events_view(conn, EventQuery(limit=1000)).items}
    assert all(located[i] and locate(located[i]) == locate("Hanoi") for i in top.event_ids)


def test_filters_narrow_the_map(conn: Connection) -> None:
    everything = map_view(conn, MapQuery())
    agree = map_view(conn, MapQuery(type="AGREE"))
    assert 0 < agree.placed < everything.placed
    assert all(set(p.types) == {"AGREE"} for p in agree.points)
    assert map_view(conn, MapQuery(date_to="2000-01-01")).points == []


def test_csv_has_one_row_per_place(conn: Connection) -> None:
    found = map_view(conn, MapQuery())
    rows = list(csv.DictReader(io.StringIO(map_csv(found))))
    assert [r["place"] for r in rows] == [p.place for p in found.points]
    assert float(rows[0]["latitude"]) == found.points[0].latitude
    assert sum(int(r["events"]) for r in rows) == found.placed


def test_world_outline_is_small_and_credited() -> None:
    outline = WORLD / "land-110m.json"
    assert outline.stat().st_size < 60_000
    path = json.loads(outline.read_text(encoding="utf-8"))["path"]
    assert path.startswith("M") and path.count("M") >= 50 and path.count("Z") == path.count("M")
    numbers = [float(n) for n in path.replace("M", " ").replace("Z", " ").split()]
    assert all(-360 <= n <= 720 for n in numbers)
    readme = (WORLD / "README.md").read_text(encoding="utf-8")
    assert "Natural Earth" in readme and "public domain" in readme.lower() and "ISC" in readme
