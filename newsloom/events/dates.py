"""When an event happened: the day, week, month or year a sentence's time expressions give it.

A day-precise time in the sentence dates its event (the one before the trigger, else the first);
a year or month phrase opening the sentence dates it coarsely ("Last year, ..."); otherwise the
paragraph's last day-precise time, else the publication day. A time inside a relative clause is
about something else and dates nothing. A clause after "a day after" ("came a day after police
arrested ...") is dated that many days before the day the sentence is about. An act the words
before its trigger tell as earlier ("had passed", "trước đó đã", "sebelumnya telah", "avait
transmis") with no day of its own is dated "before" the day the report was about when it was told
(precision ``before``: on or before ``date``), never on the paragraph's or publication day. With no
publication date, a relative day phrase of the sentence ("on Saturday", "hôm qua") gives no date but
is kept as the event's time text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from newsloom.article import Article, Sentence
from newsloom.events.actors import mention_key
from newsloom.events.rules import EventRules
from newsloom.events.types import Event
from newsloom.timex.types import TimeExpression

#: Times that can date an event; "in December 2024" in a statement is what it is about, not when.
DAY_PRECISIONS = ("day", "part_of_day", "range", "week")

#: The precision of an act told as earlier than the day its report is about: on or before ``date``
#: (``date_end`` is that day too). TIMEX3 has no such precision; TimeML writes it as the modifier
#: ``mod="ON_OR_BEFORE"`` on a day, which is what this says.
BEFORE = "before"

#: A day told this many days or more before publication is background ("relations were established
#: on 22 December 1993"), not the day the report is about: an earlier act is not dated before it.
NARRATIVE_REACH_DAYS = 30


def date_label(day: str | None, day_end: str | None = None, precision: str | None = None) -> str:
    """An event's date as a reader should take it: "by 2025-10-22" for an act told as earlier (on
    or before that day), "2025-10-25..2025-10-26" for a range, "?" for none.

    >>> date_label("2025-10-22", "2025-10-22", BEFORE), date_label("2025-10-25", "2025-10-26", "range")
    ('by 2025-10-22', '2025-10-25..2025-10-26')
    """
    if not day:
        return "?"
    if precision == BEFORE:
        return f"by {day}"
    return f"{day}..{day_end}" if day_end and day_end != day else day


def date_range(value: str | None, end_value: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(start day, end day, precision) of a TIMEX-style value: "2025-10-21TAF", "2025-10", "2025-W43"."""
    if not value:
        return None, None, None
    day = re.match(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})", value)
    if day:
        start = day.group(0)  # "XXXX-10-24" when the year is unknown (no publication date)
        precision = "part_of_day" if re.match(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}T", value) else "day"
        end = start
        if end_value:
            end_day = re.match(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}", end_value)
            if end_day and end_day.group(0) >= start:
                end, precision = end_day.group(0), "range"
        return start, end, precision
    week = re.match(r"^(\d{4})-W(\d{2})$", value)
    if week:
        monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
    month = re.match(r"^(\d{4})-(\d{2})$", value)
    if month:
        first = date(int(month.group(1)), int(month.group(2)), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first.isoformat(), (following - timedelta(days=1)).isoformat(), "month"
    year = re.match(r"^(\d{4})$", value)
    if year:
        return f"{year.group(1)}-01-01", f"{year.group(1)}-12-31", "year"
    return None, None, None


def times_by_sentence(article: Article) -> dict[int, list[TimeExpression]]:
    by_sentence: dict[int, list[TimeExpression]] = {}
    for time in article.times:
        index = time.sentence
        if index is None:
            index = sentence_of(article.sentences, time.start)
        if index is not None:
            by_sentence.setdefault(index, []).append(time)
    return by_sentence


def sentence_of(sentences: Sequence[Sentence], offset: int) -> int | None:
    for i, sentence in enumerate(sentences):
        if sentence.start <= offset < sentence.end:
            return i
    return None


#: Precisions of a relative day phrase ("hôm qua", "on Saturday") that no publication date resolved:
#: the event keeps the phrase, and the story step may give it its day (``newsloom.events.years``).
UNRESOLVED_DAY_PRECISIONS = ("day", "part_of_day")


#: A year or month phrase that starts this close to the sentence start dates the whole sentence
#: ("Last year, ...", "Năm 2024, ..."): room for an opening quote or a dash.
OPENER_REACH = 3


#: Precisions of a sentence-initial phrase that dates a sentence at a coarse grain.
COARSE_PRECISIONS = ("year", "month")


def _in_relative_clause(
    time: TimeExpression, sentence: Sentence, text: str, relative: re.Pattern[str]
) -> bool:
    """Whether a time phrase sits in a relative clause ("the group, which was founded on 3 May, ...")."""
    comma = text.rfind(",", sentence.start, time.start)
    return comma >= 0 and relative.match(text, comma) is not None


def date_for(
    index: int,
    sentence: Sentence,
    match_start: int,
    times: dict[int, list[TimeExpression]],
    paragraph_times: list[TimeExpression],
    published: str | None,
    rules: EventRules | None = None,
    text: str = "",
) -> tuple[str | None, str | None, str | None, str, str | None]:
    """(date, date_end, precision, date_source, time text) for an event in sentence ``index``."""
    earlier = _days_after(index, sentence, match_start, times, paragraph_times, rules, text)
    if earlier is not None:
        return earlier
    written = times.get(index, [])
    if rules is not None:
        relative = rules.compiled("relative_clause")
        written = [t for t in written if not _in_relative_clause(t, sentence, text, relative)]
    about_else = len(written) < len(times.get(index, []))  # a date of something else in the sentence
    own = [t for t in written if date_range(t.value, t.end_value)[2] in DAY_PRECISIONS]
    if own:
        before = [t for t in own if t.start <= match_start]
        chosen = before[-1] if before else own[0]
        start, end, precision = date_range(chosen.value, chosen.end_value)
        return start, end, precision, "time", chosen.text
    unsaid = [t for t in written if t.anchor == "unresolved" and t.precision in UNRESOLVED_DAY_PRECISIONS]
    if unsaid and not published:  # "on Saturday" with no publication date: no day, but its phrase
        before = [t for t in unsaid if t.start <= match_start]
        return None, None, None, "none", (before[-1] if before else unsaid[0]).text
    opener = [
        t
        for t in written
        if t.start - sentence.start <= OPENER_REACH
        and date_range(t.value, t.end_value)[2] in COARSE_PRECISIONS
    ]
    if opener:  # "Last year, ..." resolved by the times stage: that year, not a day
        start, end, precision = date_range(opener[0].value, opener[0].end_value)
        return start, end, precision, "year", opener[0].text
    past = rules.compiled("past_year_opener").match(sentence.text) if rules is not None else None
    if past:  # the same phrase unresolved: the year before publication, else no date at all
        if not published:
            return None, None, None, "none", past.group(0).strip()
        year = int(published[:4]) - 1
        return f"{year}-01-01", f"{year}-12-31", "year", "year", past.group(0).strip()
    if rules is not None and text and _told_as_earlier(sentence, match_start, rules, text):
        return _before_narrative_day(index, times, published)
    if paragraph_times and not about_else:
        chosen = paragraph_times[-1]
        start, end, precision = date_range(chosen.value, chosen.end_value)
        return start, end, precision, "previous", chosen.text
    if published:
        return published[:10], published[:10], "day", "published", None
    return None, None, None, "none", None


def _days_after(
    index: int,
    sentence: Sentence,
    match_start: int,
    times: dict[int, list[TimeExpression]],
    paragraph_times: list[TimeExpression],
    rules: EventRules | None,
    text: str,
) -> tuple[str | None, str | None, str | None, str, str | None] | None:
    """The day of an event told after "N days after" ("The talks came a day after police arrested
    two men"): N days before the day the sentence is about, which is the day its own words give
    before that phrase, else the last day the report gave before the sentence. None when no such
    phrase comes before the trigger or no day is known to count back from."""
    if rules is None or not text:
        return None
    phrase = None
    for found in rules.compiled("days_after").finditer(text, sentence.start, match_start):
        phrase = found
    if phrase is None or not text[sentence.start : phrase.start()].strip(" \"'“‘—-"):
        return None  # "A day after arriving, X met Y": the phrase opens the sentence, X met Y after it
    days = next((int(name[1:]) for name, value in phrase.groupdict().items() if value), None)
    own = [t for t in times.get(index, []) if t.end <= phrase.start()]
    told_before = [t for i in sorted(times) if i < index for t in times[i]]
    for anchor in reversed([*told_before, *paragraph_times, *own]):
        start, _, precision = date_range(anchor.value, anchor.end_value)
        if precision in UNRESOLVED_DAY_PRECISIONS and start and not start.startswith("XXXX") and days:
            try:
                day = date.fromisoformat(start[:10]) - timedelta(days=days)
            except ValueError:
                return None
            return day.isoformat(), day.isoformat(), "day", "previous", phrase.group(0)
    return None


def _told_as_earlier(sentence: Sentence, match_start: int, rules: EventRules, text: str) -> bool:
    """Whether the words right before a trigger tell its act as earlier than the narrative ("The
    agency had been tracking the group and passed details": the pack's ``earlier_act``)."""
    return rules.compiled("earlier_act").search(text, sentence.start, match_start) is not None


def _before_narrative_day(
    index: int, times: dict[int, list[TimeExpression]], published: str | None
) -> tuple[str | None, str | None, str | None, str, str | None]:
    """The date of an act told as earlier: on or before the last day the report told before its
    sentence (a day within ``NARRATIVE_REACH_DAYS`` before publication, not after it), else on or
    before the publication day; with neither, no date."""
    day_published = _iso_day(published)
    told_before = [t for i in sorted(times) if i < index for t in times[i]]
    for anchor in reversed(told_before):
        start, _, precision = date_range(anchor.value, anchor.end_value)
        if not start or precision not in UNRESOLVED_DAY_PRECISIONS:
            continue
        day = _iso_day(start)
        if day_published is None:  # no publication date: a day without its year waits for its story
            return start[:10], start[:10], BEFORE, "previous", anchor.text
        if day is None or not 0 <= (day_published - day).days < NARRATIVE_REACH_DAYS:
            continue  # a plan told ahead, or background far before the report
        return day.isoformat(), day.isoformat(), BEFORE, "previous", anchor.text
    if day_published is not None:
        return day_published.isoformat(), day_published.isoformat(), BEFORE, "published", None
    return None, None, None, "none", None


def _iso_day(value: str | None) -> date | None:
    """The day of an ISO value with its year ("2025-10-22", "2025-10-22TNI"), else None."""
    try:
        return date.fromisoformat(value[:10]) if value and not value.startswith("XXXX") else None
    except ValueError:
        return None


#: How many days before publication a speaker's occasion may be ("Sabtu (25/10)" in Sunday's paper).
OCCASION_REACH_DAYS = 3


def with_occasion_days(article: Article, events: Sequence[Event]) -> list[Event]:
    """Events dated only by publication, whose one source person the report places at one occasion
    on an earlier day ("Hal itu disampaikan Sugiono saat berbicara dalam Pertemuan ..., Sabtu
    (25/10)"), dated that day: what the speaker urged and welcomed there was said then, not on the
    day the paper came out. A person the report dates on two days keeps the publication day."""
    published = article.published
    if not published or not any(e.date_source == "published" for e in events):
        return list(events)
    try:
        day_published = date.fromisoformat(published[:10])
    except ValueError:
        return list(events)
    times = times_by_sentence(article)
    occasions: dict[str, set[tuple[str, str | None, str | None, str]]] = {}
    for mention in article.entities:
        if mention.type != "person" or mention.sentence is None:
            continue
        for time in times.get(mention.sentence, []):
            start, end, precision = date_range(time.value, time.end_value)
            if precision not in ("day", "part_of_day") or start is None or start.startswith("XXXX"):
                continue
            if 0 < (day_published - date.fromisoformat(start)).days <= OCCASION_REACH_DAYS:
                occasions.setdefault(mention_key(mention), set()).add((start, end, precision, time.text))
    result = []
    for event in events:
        people = {a.key for a in event.source_actors if a.type == "person"}
        days = occasions.get(next(iter(people)), set()) if len(people) == 1 else set()
        if event.date_source != "published" or len(days) != 1:
            result.append(event)
            continue
        start, end, precision, text = next(iter(days))
        if event.precision == BEFORE:  # an earlier act told by the speaker there: before that day
            end, precision = start, BEFORE
        result.append(
            replace(
                event, date=start, date_end=end, precision=precision, date_source="previous", time_text=text
            )
        )
    return result
