"""Trends: events per type and per country week by week, and their CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter

from newsloom.store import Connection
from newsloom.views.events import EventQuery, events_view
from newsloom.views.trends import NO_COUNTRY, TrendsQuery, countries_of, trends_csv, trends_view, week_of


def test_weeks_start_on_monday() -> None:
    assert week_of("2025-10-24") == "2025-10-20"  # a Friday
    assert week_of("2025-10-20") == "2025-10-20"
    assert week_of("2025-12-31T10:00") == "2025-12-29"
    assert week_of("XXXX-10-24") is None and week_of(None) is None and week_of("2025-10") is None


def test_countries_come_from_the_actors() -> None:
    actors = '{"source": [{"country": "VNM"}], "target": [{"country": "UNO"}, {"country": null}]}'
    assert countries_of(actors) == {"VNM", "UNO"}
    assert countries_of('{"source": [{"country": null}], "target": []}') == {NO_COUNTRY}


def test_type_counts_match_the_events(conn: Connection) -> None:
    trends = trends_view(conn, TrendsQuery())
    events = [e for e in events_view(conn, EventQuery(limit=1000)).items if week_of(e.date)]
    assert trends.weeks and all(len(s.counts) == len(trends.weeks) for s in trends.types)
    assert {s.key: s.total for s in trends.types} == dict(Counter(e.type for e in events))
    assert [s.total for s in trends.types] == sorted((s.total for s in trends.types), reverse=True)
    assert any(s.key == "VNM" for s in trends.countries)
    first = min(e.date or "" for e in events)
    assert trends_view(conn, TrendsQuery(date_to=first[:10])).types[0].total < len(events)
    assert trends_view(conn, TrendsQuery(date_from="2999-01-01")).weeks == []


def test_csv_holds_every_count(conn: Connection) -> None:
    trends = trends_view(conn, TrendsQuery())
    rows = list(csv.DictReader(io.StringIO(trends_csv(trends))))
    assert rows and set(rows[0]) == {"week", "dimension", "key", "count"}
    by_type = Counter[str]()
    for row in rows:
        if row["dimension"] == "type":
            by_type[row["key"]] += int(row["count"])
    assert dict(by_type) == {s.key: s.total for s in trends.types}
