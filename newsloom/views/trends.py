"""What is rising: events per PLOVER type and per country, week by week, for a chart and a CSV.

An event counts once in its week (the Monday of its date) for its type, and once for each country
its actors belong to (the actors' country codes; "none" when no actor has one). Events without a
full date are left out.

The chart spans the corpus's news, not history: by default the weeks from DAYS_BEFORE_FIRST days
before the first article's publication date to DAYS_AFTER_LAST days after the last. An event dated
outside (a background fact the articles recall, "diplomatic relations established in 1993", or a
date resolved years away) is counted in ``outside`` and not drawn; ``date_from``/``date_to`` replace
a side of that window, ``all_dates`` draws every dated event.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from newsloom.store import Connection
from newsloom.store import articles as article_rows
from newsloom.store import events as event_rows
from newsloom.views.common import Model

#: Events read per query while counting (memory stays flat however many events there are).
BATCH = 2000
#: The country of events none of whose actors has one.
NO_COUNTRY = "none"
CSV_COLUMNS = ("week", "dimension", "key", "count")
#: Most weeks a chart spans; past it (a date mis-resolved years away) only weeks with events are kept.
MAX_WEEKS = 520
#: The default window around the articles' publication dates: news reports what happened days or
#: weeks before (a month covers "last month"); after the last article only what was dated a few days
#: ahead ("on Monday" read on a Saturday).
DAYS_BEFORE_FIRST = 31
DAYS_AFTER_LAST = 7


class Series(Model):
    """One line of a chart: a type or a country, its count in each week of ``Trends.weeks``."""

    key: str
    total: int
    counts: list[int]


class Trends(Model):
    """Weeks (their Mondays, oldest first, every week of the span up to MAX_WEEKS) and the counts per type and country,
    largest total first."""

    date_from: str | None
    date_to: str | None
    weeks: list[str]
    types: list[Series]
    countries: list[Series]
    window_from: str | None = None  # the first day drawn (date_from, else the articles' span); None: open
    window_to: str | None = None  # the last day drawn
    outside: int = (
        0  # dated events left out because they fall outside the articles' span (not the query's dates)
    )
    all_dates: bool = False


@dataclass(frozen=True)
class TrendsQuery:
    date_from: str | None = None
    date_to: str | None = None
    all_dates: bool = False  # every dated event, however far from the articles' publication dates


def week_of(day: str | None) -> str | None:
    """The Monday (YYYY-MM-DD) of the week of ``day``; None for a partial or invalid date."""
    try:
        found = date.fromisoformat((day or "")[:10])
    except ValueError:
        return None
    return (found - timedelta(days=found.weekday())).isoformat()


def countries_of(actors_json: str) -> set[str]:
    """The country codes of an event's actors (both sides), or {NO_COUNTRY}."""
    actors = json.loads(actors_json or "{}")
    found = {
        str(a["country"]) for side in ("source", "target") for a in actors.get(side, []) if a.get("country")
    }
    return found or {NO_COUNTRY}


def _weeks(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(weeks=n)).isoformat() for n in range((end - start).days // 7 + 1)]


def _series(counts: Counter[tuple[str, str]], weeks: list[str]) -> list[Series]:
    keys = Counter[str]()
    for (_, key), n in counts.items():
        keys[key] += n
    ordered = sorted(keys, key=lambda k: (-keys[k], k))
    return [Series(key=k, total=keys[k], counts=[counts[(w, k)] for w in weeks]) for k in ordered]


def default_window(conn: Connection) -> tuple[str | None, str | None]:
    """The days a chart spans when no dates are given: around the articles' publication dates."""
    first, last = article_rows.published_span(conn)
    try:
        start = date.fromisoformat(first or "") - timedelta(days=DAYS_BEFORE_FIRST)
        end = date.fromisoformat(last or "") + timedelta(days=DAYS_AFTER_LAST)
    except ValueError:  # no article has a publication date: every event's span
        return None, None
    return start.isoformat(), end.isoformat()


def trends_view(conn: Connection, query: TrendsQuery) -> Trends:
    """Events per type and per country in each week of the query's dates, else of the span of the
    articles' publication dates (see the module's docstring), else of every stored event."""
    start, end = (None, None) if query.all_dates else default_window(conn)
    window = TrendsQuery(query.date_from or start, query.date_to or end)
    per_type: Counter[tuple[str, str]] = Counter()
    per_country: Counter[tuple[str, str]] = Counter()
    outside = 0
    last = 0
    while rows := event_rows.event_rows_after(conn, last, BATCH):
        last = rows[-1].id
        for row in rows:
            week = week_of(row.date)
            if week is None or not _within(row.date, query):
                continue
            if not _within(row.date, window):
                outside += 1
                continue
            per_type[(week, row.type)] += 1
            for country in countries_of(row.actors):
                per_country[(week, country)] += 1
    seen = sorted({week for week, _ in per_type})
    weeks = _weeks(seen[0], seen[-1]) if seen else []
    if len(weeks) > MAX_WEEKS:
        weeks = seen
    return Trends(
        date_from=query.date_from, date_to=query.date_to, weeks=weeks, types=_series(per_type, weeks),
        countries=_series(per_country, weeks), window_from=window.date_from, window_to=window.date_to,
        outside=outside, all_dates=query.all_dates,
    )  # fmt: skip


def _within(day: str | None, query: TrendsQuery) -> bool:
    value = (day or "")[:10]
    return (not query.date_from or value >= query.date_from) and (not query.date_to or value <= query.date_to)


def trends_csv(trends: Trends) -> str:
    """The trends as CSV: one row per week, dimension (type or country), key and count (zeros left out)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for dimension, series in (("type", trends.types), ("country", trends.countries)):
        for line in series:
            for week, count in zip(trends.weeks, line.counts, strict=True):
                if count:
                    writer.writerow((week, dimension, line.key, count))
    return out.getvalue()
