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
    trends = trends_view(conn, TrendsQuery(all_dates=True))
    events = [e for e in events_view(conn, EventQuery(limit=1000)).items if week_of(e.date)]
    assert trends.weeks and all(len(s.counts) == len(trends.weeks) for s in trends.types)
    assert {s.key: s.total for s in trends.types} == dict(Counter(e.type for e in events))
    assert [s.total for s in trends.types] == sorted((s.total for s in trends.types), reverse=True)
    assert any(s.key == "VNM" for s in trends.countries)
    first = min(e.date or "" for e in events)
    assert trends_view(conn, TrendsQuery(date_to=first[:10], all_dates=True)).types[0].total < len(events)
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


def test_the_default_window_is_the_span_of_the_articles_publication_dates(conn: Connection) -> None:
    from datetime import date, timedelta

    from newsloom.views.articles import ArticleQuery, articles_view
    from newsloom.views.trends import DAYS_AFTER_LAST, DAYS_BEFORE_FIRST

    published = sorted(
        a.published[:10] for a in articles_view(conn, ArticleQuery(limit=100)).items if a.published
    )
    first = (date.fromisoformat(published[0]) - timedelta(days=DAYS_BEFORE_FIRST)).isoformat()
    last = (date.fromisoformat(published[-1]) + timedelta(days=DAYS_AFTER_LAST)).isoformat()
    trends = trends_view(conn, TrendsQuery())
    assert (trends.window_from, trends.window_to) == (first, last)
    assert trends.weeks and week_of(first) <= trends.weeks[0] and trends.weeks[-1] <= last
    # an event dated far from the articles (a background fact, "relations established in 1993") is
    # counted as outside, not drawn; all_dates draws every dated event
    every = trends_view(conn, TrendsQuery(all_dates=True))
    events = [e for e in events_view(conn, EventQuery(limit=1000)).items if week_of(e.date)]
    assert sum(s.total for s in every.types) == len(events) and every.outside == 0
    assert every.window_from is None and every.window_to is None
    far = [e for e in events if not first <= (e.date or "")[:10] <= last]
    assert trends.outside == len(far) and sum(s.total for s in trends.types) == len(events) - len(far)
    # a date the query gives replaces that side of the window
    wide = trends_view(conn, TrendsQuery(date_from="1900-01-01"))
    assert wide.window_from == "1900-01-01" and wide.window_to == last
    assert sum(s.total for s in wide.types) == len([e for e in events if (e.date or "")[:10] <= last])
