"""The timeline, the one the CLI prints, the API returns and the home page renders: the events of a
window of days, newest day first, grouped by the story they belong to, with counts for the charts.

The event -> story link is read through the articles both share (``event_sources.article_id`` =
``story_members.article_id``).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsloom.events.queries import count_events
from newsloom.events.queries import timeline as events_by_day
from newsloom.store import Connection
from newsloom.store import articles as article_rows
from newsloom.store import events as event_rows
from newsloom.store import stories as story_rows
from newsloom.views import trust as marks
from newsloom.views.common import Model
from newsloom.views.events import EventSummary
from newsloom.views.names import with_canonical_names
from newsloom.views.trust import Trust, event_trust

#: Days the timeline shows when no range is asked for: a month back from the newest event.
WINDOW_DAYS = 31
#: Days one timeline view may hold (the CLI prints every day of its window).
MAX_DAYS = 100_000
#: Most events one timeline window holds; a default window with more is made shorter.
MAX_TIMELINE_EVENTS = 1500
#: Events dated this many days after the newest publication date still count as news (announced visits).
AHEAD_DAYS = 14
#: Titles are shown in this order of languages when a story has several (the rest follow by code).
TITLE_LANGUAGES = ("en", "vi", "id")


#: (PLOVER type, actor name) a timeline is narrowed to; (None, None) for every event.
Only = tuple[str | None, str | None]

#: Seconds a computed timeline is reused while the store has not changed (reads far outnumber writes).
#: The store's version is part of the key, so a change is seen at once; the time only bounds how long
#: a change the version might not count could go unseen. (10 s made the home page's parts expire
#: between two readers: cold again, ~0.3 s on 10,000 articles.)
CACHE_SECONDS = 600.0
CACHE_ENTRIES = 64
_cache: OrderedDict[tuple[Any, ...], tuple[float, Any]] = OrderedDict()
_cache_lock = threading.Lock()


def store_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever articles or events are added (index lookups only, no table scan)."""
    return (str(conn.engine.url), *article_rows.article_version(conn), *event_rows.event_version(conn))


def cached(conn: Connection, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """``compute()``, reused for CACHE_SECONDS for the same key and store version."""
    full_key = (*key, store_version(conn))
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(full_key)
        if hit is not None and hit[0] > now:
            _cache.move_to_end(full_key)
            return hit[1]
    value = compute()
    with _cache_lock:
        _cache[full_key] = (now + CACHE_SECONDS, value)
        while len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)
    return value


def shift_day(day: str, days: int) -> str:
    """``day`` (YYYY-MM-DD) moved by ``days``, kept within the calendar (year 1 to 9999)."""
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except OverflowError:
        return (date.min if days < 0 else date.max).isoformat()
    except ValueError:  # a stored value that only looks like a date ("2025-13-40"): leave it
        return day


def latest_event_day(conn: Connection) -> str | None:
    """The newest full date of an event, not later than AHEAD_DAYS after the newest publication date
    (a mis-resolved date far in the future must not move the whole timeline there)."""
    newest_published = article_rows.newest_published(conn)
    ahead = shift_day(newest_published, AHEAD_DAYS) if newest_published else None
    return event_rows.newest_event_day(conn, not_after=ahead)


def default_window(
    conn: Connection, date_from: str | None, date_to: str | None
) -> tuple[str | None, str | None]:
    """The asked range; with only an end, the WINDOW_DAYS up to it; with neither, the WINDOW_DAYS
    ending at the newest event. A default window holding more than MAX_TIMELINE_EVENTS is shortened."""
    if date_from:
        return date_from, date_to
    window: tuple[str | None, str | None] = cached(conn, ("window", date_to), lambda: _window(conn, date_to))
    return window


def _window(conn: Connection, date_to: str | None) -> tuple[str | None, str | None]:
    end = date_to or latest_event_day(conn)
    if end is None:
        return None, None
    days = WINDOW_DAYS
    while days > 1:  # a busy month of a large corpus: fewer days, so the window's events fit
        start = shift_day(end, 1 - days)
        count = count_events(conn, date_from=start, date_to=end)
        if count <= MAX_TIMELINE_EVENTS:
            break
        days = max(1, min(days - 1, int(days * MAX_TIMELINE_EVENTS / count)))
    start = shift_day(end, 1 - days)
    return start, end


def earlier_than(conn: Connection, day: str) -> str | None:
    """The newest event date before ``day`` (to page the timeline back), or None."""
    return event_rows.newest_event_day(conn, before=day)


def timeline_days(
    conn: Connection, date_from: str | None = None, date_to: str | None = None, only: Only = (None, None)
) -> list[dict[str, Any]]:
    """Days, newest first: ``{date, count, languages, groups: [{story, events}]}``.

    Within a day, events are grouped by the story they belong to (largest group first; events no
    story holds come last). A statement made at a meeting of the same day is listed under that
    meeting (``event["statements"]``); ``count`` counts meetings and statements alike.
    """
    date_from, date_to = default_window(conn, date_from, date_to)
    days: list[dict[str, Any]] = cached(
        conn, ("days", date_from, date_to, only), lambda: _days(conn, date_from, date_to, only)
    )
    return days  # shared with the cache: callers read it, never change it


def _days(conn: Connection, date_from: str | None, date_to: str | None, only: Only) -> list[dict[str, Any]]:
    raw = _timeline(conn, date_from, date_to, only)
    on_day = {e["id"] for day in raw for e in day["events"]}
    story_of = stories_of_events(conn, sorted(on_day))
    days = []
    for day in raw:
        children: dict[Any, list[dict[str, Any]]] = {}
        top: list[dict[str, Any]] = []
        ids = {e["id"] for e in day["events"]}
        for event in day["events"]:
            parent = event.get("parent_id")
            if parent is not None and parent in ids:
                children.setdefault(parent, []).append(event)
            else:
                top.append(event)
        groups: dict[Any, dict[str, Any]] = {}
        languages: set[str] = set()
        for event in top:
            event = {**event, "statements": children.get(event["id"], [])}
            story = story_of.get(event["id"])
            groups.setdefault(story["id"] if story else None, {"story": story, "events": []})[
                "events"
            ].append(event)
        for event in day["events"]:
            languages.update(event.get("languages") or [])
        ordered = sorted(groups.values(), key=lambda g: (g["story"] is None, -len(g["events"])))
        days.append(
            {
                "date": day["date"],
                "count": len(day["events"]),
                "languages": sorted(languages),
                "groups": ordered,
            }
        )
    dated = [d for d in days if d["date"]]
    return dated[::-1] + [d for d in days if not d["date"]]


def _timeline(
    conn: Connection, date_from: str | None, date_to: str | None, only: Only = (None, None)
) -> list[dict[str, Any]]:
    """The events part's timeline of the window, statements included (oldest day first)."""
    date_from, date_to = default_window(conn, date_from, date_to)
    return cached(
        conn, ("timeline", date_from, date_to, only), lambda: _read_timeline(conn, date_from, date_to, only)
    )


def _read_timeline(
    conn: Connection, date_from: str | None, date_to: str | None, only: Only
) -> list[dict[str, Any]]:
    days = events_by_day(
        conn, date_from=date_from, date_to=date_to, type=only[0], entity=only[1], limit=MAX_TIMELINE_EVENTS,
        include_statements=True,
    )  # fmt: skip
    return [{**day, "events": with_canonical_names(conn, day["events"])} for day in days]


def event_counts(
    conn: Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    trust: TrustFilter | None = None,
) -> dict[str, Any]:
    """Events per day (oldest first) and per PLOVER type, and event reports per language, of the
    events the timeline with the same trust filters shows (by default, uncertain ones left out)."""
    date_from, date_to = default_window(conn, date_from, date_to)
    keep = trust or TrustFilter()
    raw = [
        {**day, "events": [e for e in day["events"] if keep.keeps(e)]}
        for day in _timeline(conn, date_from, date_to)
    ]
    per_type: dict[str, int] = {}
    per_language: dict[str, int] = {}
    for day in raw:
        for event in day["events"]:
            per_type[event["type"]] = per_type.get(event["type"], 0) + 1
            for lang in event.get("languages") or []:
                per_language[lang] = per_language.get(lang, 0) + 1
    return {
        "date_from": date_from,
        "date_to": date_to,
        "per_day": [{"date": d["date"], "count": len(d["events"])} for d in raw if d["date"]],
        "per_type": [
            {"type": t, "count": n} for t, n in sorted(per_type.items(), key=lambda i: (-i[1], i[0]))
        ],
        "per_language": [{"language": k, "count": n} for k, n in sorted(per_language.items())],
    }


def story_title(titles: dict[str, str]) -> tuple[str, str]:
    """(language, title) to show first: in TITLE_LANGUAGES order, else the first language."""
    for lang in (*TITLE_LANGUAGES, *sorted(titles)):
        if titles.get(lang):
            return lang, titles[lang]
    return "", ""


def stories_of_events(conn: Connection, event_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Event id -> the story most of its source articles belong to (a short summary of it)."""
    if not event_ids:
        return {}
    best = event_rows.stories_of_events(conn, event_ids)
    summaries = story_summaries(conn, sorted(set(best.values())))
    return {event: summaries[story] for event, story in best.items() if story in summaries}


def story_summaries(conn: Connection, story_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Story id -> {id, title, title_language, titles per language, date, articles, storyline}."""
    if not story_ids:
        return {}
    found: dict[int, dict[str, Any]] = {}
    for row in story_rows.story_rows(conn, story_ids):
        found[row.id] = {
            "id": row.id, "date": row.date, "articles": row.member_count, "storyline": row.storyline_id,
            "titles": {},
        }  # fmt: skip
    for story_id, titles in story_rows.titles_of(conn, story_ids).items():
        if story_id in found:
            found[story_id]["titles"] = {language: title for language, (title, _) in titles.items()}
    for summary in found.values():
        summary["title_language"], summary["title"] = story_title(summary["titles"])
    return found


# -- the view -------------------------------------------------------------------------------------------


class TimelineStory(Model):
    """The story a group of events belongs to, in short."""

    id: int
    title: str
    title_language: str
    titles: dict[str, str]
    date: str | None
    articles: int
    storyline: int | None


class TimelineEvent(EventSummary):
    """An event of the day, with the statements made at it that day."""

    statements: list[EventSummary]


class TimelineGroup(Model):
    story: TimelineStory | None  # None: events no story holds (they come last)
    events: list[TimelineEvent]


class TimelineDay(Model):
    date: str | None
    count: int  # meetings and statements alike
    languages: list[str]
    groups: list[TimelineGroup]


class Timeline(Model):
    """Days newest first (one page of them) of the window ``date_from``..``date_to``."""

    date_from: str | None
    date_to: str | None
    items: list[TimelineDay]
    limit: int
    offset: int
    next_offset: int | None
    hidden: int = 0  # events of the window left out by the trust filters
    show_uncertain: bool = False  # single-source uncertain events are shown (``Trust.uncertain``)
    min_sources: int = 0  # only events reported by at least this many articles
    min_confidence: float = 0.0

    @property
    def trust(self) -> TrustFilter:
        """The trust filters this timeline was made with (its charts count the same events)."""
        return TrustFilter(self.min_sources, self.min_confidence, self.show_uncertain)


class DayCount(Model):
    date: str
    count: int


class TypeCount(Model):
    type: str
    count: int


class LanguageCount(Model):
    language: str
    count: int


class TimelineStats(Model):
    """Events per day (oldest first) and per PLOVER type, and event reports per language."""

    date_from: str | None
    date_to: str | None
    per_day: list[DayCount]
    per_type: list[TypeCount]
    per_language: list[LanguageCount]


@dataclass(frozen=True)
class TimelineQuery:
    """Without dates: the WINDOW_DAYS up to the newest event (or up to ``date_to``)."""

    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    entity: str | None = None
    limit: int = WINDOW_DAYS
    offset: int = 0
    min_sources: int = 0  # distinct reporting articles
    min_confidence: float = 0.0
    show_uncertain: bool = False  # also uncertain events (``Trust.uncertain``; hidden by default)

    @property
    def trust(self) -> TrustFilter:
        return TrustFilter(self.min_sources, self.min_confidence, self.show_uncertain)


def trust_of(event: dict[str, Any]) -> Trust:
    """The trust mark of a timeline event record."""
    return event_trust(
        event["n_articles"], event.get("languages") or [], event["confidence"],
        bool(event.get("rules_only")),
    )  # fmt: skip


@dataclass(frozen=True)
class TrustFilter:
    """What the timeline and its counts leave out: by default, uncertain events (single source, and low
    confidence or not checked by the model: ``Trust.uncertain``)."""

    min_sources: int = 0  # distinct reporting articles
    min_confidence: float = 0.0
    show_uncertain: bool = False

    def keeps(self, event: dict[str, Any]) -> bool:
        """Whether the timeline shows ``event``: ``Trust.uncertain`` and ``passes`` of its mark, read
        from the stored numbers without making the mark (a window asks this of every event in it)."""
        sources, confidence = event["n_articles"], event["confidence"]
        if not self.show_uncertain and marks.is_uncertain(sources, confidence, bool(event.get("rules_only"))):
            return False
        if sources < self.min_sources:
            return False
        return self.min_confidence <= 0 or (confidence is not None and confidence >= self.min_confidence)


def trusted_day(day: dict[str, Any], query: TimelineQuery) -> tuple[dict[str, Any] | None, int]:
    """The day with only the events ``query`` keeps (None when none is left), and how many it hid."""
    groups, kept, total = [], 0, 0
    trust = query.trust
    for group in day["groups"]:
        events = []
        for event in group["events"]:
            statements = [s for s in event["statements"] if trust.keeps(s)]
            total += 1 + len(event["statements"])
            shown = trust.keeps(event)
            if shown:
                events.append({**event, "statements": statements})
            else:  # what was said at a hidden meeting stays, on its own line
                events.extend({**said, "statements": []} for said in statements)
            kept += int(shown) + len(statements)
        if events:
            groups.append({**group, "events": events})
    if not groups:
        return None, total
    return {**day, "count": kept, "groups": groups}, total - kept


def trusted_days(days: list[dict[str, Any]], query: TimelineQuery) -> tuple[list[dict[str, Any]], int]:
    """The days still holding an event once the trust filters apply, and how many events were hidden."""
    kept, hidden = [], 0
    for day in days:
        shown, left_out = trusted_day(day, query)
        hidden += left_out
        if shown is not None:
            kept.append(shown)
    return kept, hidden


def timeline_view(conn: Connection, query: TimelineQuery) -> Timeline:
    """The timeline of a window of days, one page of days; uncertain events (``Trust.uncertain``) are
    left out unless ``show_uncertain`` (``hidden`` counts what the trust filters left out)."""
    start, end = default_window(conn, query.date_from, query.date_to)
    only = (query.type.upper() if query.type else None, query.entity)
    days, hidden = trusted_days(timeline_days(conn, date_from=start, date_to=end, only=only), query)
    shown = days[query.offset : query.offset + query.limit]
    more = len(days) > query.offset + query.limit
    return Timeline(
        date_from=start, date_to=end, items=[TimelineDay.model_validate(d) for d in shown], limit=query.limit,
        offset=query.offset, next_offset=query.offset + query.limit if more else None, hidden=hidden,
        show_uncertain=query.show_uncertain, min_sources=query.min_sources,
        min_confidence=query.min_confidence,
    )  # fmt: skip


def stats_view(
    conn: Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    trust: TrustFilter | None = None,
) -> TimelineStats:
    """Counts for the charts of a window (the timeline's default window without dates)."""
    return TimelineStats.model_validate(event_counts(conn, date_from=date_from, date_to=date_to, trust=trust))
