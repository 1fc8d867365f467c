"""The year or day of an event date its undated article cannot give, taken from the story it joined.

A weekly roundup with no publication date says "on 24 October": its events are dated
``XXXX-10-24``. A reader takes the year from the other reports of the same story; so does this
module, once the story step has placed the article (``cluster_stories``). The date keeps its
month and day, its provenance becomes ``story`` (shown as inferred where it is shown).

The same article saying "on Saturday" or "hôm qua" (yesterday) gives no day at all: the phrase
needs the publication day. The story's other reports fix the days it covers; an undated report
of it was published on one of them or the day after. The phrase is resolved against each of those
publication days, and the day it names is kept when exactly one of the results falls in the
story's span: "Saturday" in a story of Saturday 25 and Sunday 26 October is the 25th; "yesterday"
in a one-day story is that day; "yesterday" in a three-day story stays undated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from newsloom.events.dates import date_range
from newsloom.events.rollup import ArticleEvent
from newsloom.events.types import Event
from newsloom.store import Connection
from newsloom.store import stories as story_rows
from newsloom.timex.resolve import resolve_times

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


def undated_story_members(conn: Connection, article_id: str) -> list[str]:
    """The articles without a publication date in the story the article joined."""
    if not story_rows.has_table(conn, "story_members"):
        return []
    ids = story_rows.stories_of_article(conn, article_id)
    return story_rows.undated_members(conn, ids[0]) if ids else []


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


#: Precisions of a resolved phrase that name one day.
_DAY_PRECISIONS = ("day", "part_of_day")


def has_unsaid_days(groups: list[ArticleEvent]) -> bool:
    """Whether an undated event kept the relative day phrase it could not resolve."""
    return any(_unsaid(m) for g in groups if not g.date for m in g.mentions)


def _unsaid(event: Event) -> bool:
    return not event.date and event.date_source == "none" and bool(event.time_text) and bool(event.evidence)


def day_in_story(sentence: str, phrase: str, language: str, span: tuple[date, date]) -> str | None:
    """The one day of the story's span that ``phrase`` (a relative day phrase of ``sentence``) names
    when the report was published on a day of the span or the day after; None when none or several."""
    first, last = span
    days: set[str] = set()
    for offset in range((last - first).days + 2):
        published = (first + timedelta(days=offset)).isoformat()
        for time in resolve_times(sentence, lang=language, published=published):
            start, _, precision = date_range(time.value, time.end_value)
            if time.text == phrase and time.anchor == "published" and start and precision in _DAY_PRECISIONS:
                days.add(start)
    days = {d for d in days if first <= date.fromisoformat(d) <= last}
    return days.pop() if len(days) == 1 else None


def with_story_days(
    groups: list[ArticleEvent], span: tuple[date, date] | None, language: str | None
) -> list[ArticleEvent]:
    """The article-level events with the day their unresolved phrase names in the story's span."""
    if span is None or not language:
        return groups
    result = []
    for group in groups:
        said = next((m for m in group.mentions if _unsaid(m)), None) if not group.date else None
        day = day_in_story(said.evidence, said.time_text or "", language, span) if said else None
        if day is None:
            result.append(group)
            continue
        result.append(_on_story_day(group, day))
    single = span[0].isoformat() if span[0] == span[1] else None
    return _statements_on_meeting_days(_told_after_their_lead(result, single))


def _told_after_their_lead(groups: list[ArticleEvent], one_day: str | None = None) -> list[ArticleEvent]:
    """An event whose sentence has no time at all, in a report with no publication date, happened on
    the story day of the nearest event before it by the same actor: "Sugiono on Saturday urged ...
    Speaking at the 30th meeting of the Council, Sugiono said ..." is Saturday's meeting. (A
    published report dates such a sentence by its publication day; this report has none, and its
    lead's day is the nearest the text gives.) In a story of ``one_day``, an untimed sentence told
    after an event of that day is on that day whoever acts in it."""
    dated = sorted(
        ((_first_sentence(g), g) for g in groups if g.date_source == STORY_DATE_SOURCE and g.date),
        key=lambda pair: pair[0],
    )
    result = []
    for group in groups:
        first = _first_sentence(group)
        lead = None
        if not group.date and not any(m.time_text or m.date for m in group.mentions):
            before = [g for at, g in reversed(dated) if at <= first]
            lead = next((g for g in before if g.src_keys & group.src_keys), None)
            if lead is None and one_day is not None and before:
                # a story of one day, told up to here on that day: "The visiting officials
                # praised Vietnam" after the day's meetings is that day too, whoever acts
                lead = before[0] if before[0].date == one_day else None
        result.append(_on_story_day(group, lead.date) if lead is not None and lead.date else group)
    return result


def _first_sentence(group: ArticleEvent) -> int:
    return min(m.sentence for m in group.mentions)


def _on_story_day(group: ArticleEvent, day: str) -> ArticleEvent:
    """``group`` dated ``day`` from its story, each of its undated mentions with it."""
    mentions = tuple(
        replace(m, date=day, date_end=day, precision="day", date_source=STORY_DATE_SOURCE)
        if not m.date
        else m
        for m in group.mentions
    )
    return replace(
        group, date=day, date_end=day, precision="day", date_source=STORY_DATE_SOURCE, mentions=mentions
    )


def _statements_on_meeting_days(groups: list[ArticleEvent]) -> list[ArticleEvent]:
    """A statement made at a meeting whose day the story gave is made that day, when it says no
    other ("Tiếp Bộ trưởng X, Bộ trưởng Y đánh giá cao ..." in a report of "Sáng hôm qua")."""
    days = {g.group: g.date for g in groups if g.date_source == STORY_DATE_SOURCE and g.date}
    result = []
    for group in groups:
        day = days.get(group.parent) if group.parent is not None and not group.date else None
        if day is None:
            result.append(group)
            continue
        result.append(_on_story_day(group, day))
    return result
