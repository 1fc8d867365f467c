"""The year of an event date written without one, taken from the story its article joined.

A weekly roundup with no publication date says "on 24 October": its events are dated
``XXXX-10-24``. A reader takes the year from the other reports of the same story; so does this
module, once the story step has placed the article (``cluster_stories``). The date keeps its
month and day, its provenance becomes ``story`` (shown as inferred where it is shown).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsloom.events.rollup import ArticleEvent
from newsloom.events.types import Event
from newsloom.store import Connection
from newsloom.store import stories as story_rows

#: The provenance of a date whose year came from the article's story.
STORY_DATE_SOURCE = "story"


def has_yearless_dates(groups: list[ArticleEvent]) -> bool:
    return any(_yearless(g.date) for g in groups)


def _yearless(value: str | None) -> bool:
    return bool(value) and str(value).startswith("XXXX")


def story_span(conn: Connection, article_id: str) -> tuple[date, date] | None:
    """The first and last day of the story the article joined, when it joined a dated one."""
    if not story_rows.has_table(conn, "story_members"):
        return None
    ids = story_rows.stories_of_article(conn, article_id)
    for story in story_rows.load_stories(conn, ids[:1]).values():
        first, last = _day(story.date_first or story.date), _day(story.date_last or story.date)
        if first and last:
            return first, last
    return None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and not _yearless(value) else None
    except ValueError:
        return None


def year_for(month_day: str, span: tuple[date, date]) -> int | None:
    """The year putting ``MM-DD`` nearest the story's span (a December event in a January story is
    the year before)."""
    first, last = span
    best: tuple[int, int] | None = None
    for year in range(first.year - 1, last.year + 2):
        try:
            day = date.fromisoformat(f"{year}-{month_day}")
        except ValueError:
            continue  # 29 February
        distance = 0 if first <= day <= last else min(abs((day - first).days), abs((day - last).days))
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _dated(value: str | None, year: int) -> str | None:
    return f"{year}{value[4:]}" if value and _yearless(value) else value


def _event_with_year(event: Event, year: int) -> Event:
    if not _yearless(event.date):
        return event
    return replace(
        event,
        date=_dated(event.date, year),
        date_end=_dated(event.date_end, year),
        date_source=STORY_DATE_SOURCE,
    )


def with_story_years(groups: list[ArticleEvent], span: tuple[date, date] | None) -> list[ArticleEvent]:
    """The article-level events with their yearless dates given the story's year."""
    if span is None:
        return groups
    result = []
    for group in groups:
        year = year_for(group.date[5:10], span) if group.date and _yearless(group.date) else None
        if year is None:
            result.append(group)
            continue
        result.append(
            replace(
                group,
                date=_dated(group.date, year),
                date_end=_dated(group.date_end, year),
                date_source=STORY_DATE_SOURCE,
                mentions=tuple(_event_with_year(m, year) for m in group.mentions),
            )
        )
    return result
