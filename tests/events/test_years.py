"""The year of an undated roundup's events, from the story it joined (newsloom/events/years.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsloom.events.rollup import ArticleEvent
from newsloom.events.types import Event
from newsloom.events.years import STORY_DATE_SOURCE, with_story_years, year_for

OCTOBER = (date(2025, 10, 21), date(2025, 10, 26))


def test_the_year_nearest_the_story():
    assert year_for("10-24", OCTOBER) == 2025
    assert year_for("12-30", (date(2026, 1, 2), date(2026, 1, 5))) == 2025  # late December, a January story
    assert year_for("01-03", (date(2025, 12, 29), date(2025, 12, 31))) == 2026


def test_yearless_dates_take_the_story_year_and_say_so():
    mention = Event(
        type="CONSULT", sentence=0, evidence="...", start=0, end=1, trigger="met",
        date="XXXX-10-24", date_end="XXXX-10-25", date_source="time",
    )  # fmt: skip
    group = ArticleEvent(
        group=0, type="CONSULT", mode=None, parent=None, mentions=(mention,), joint=False,
        source_actors=(), target_actors=(), src_keys=frozenset(), tgt_keys=frozenset(),
        date="XXXX-10-24", date_end="XXXX-10-25", precision="day", date_source="time",
        location=None, location_source=None,
    )  # fmt: skip
    dated = replace(group, group=1, date="2025-10-21", date_end=None)
    (inferred, kept) = with_story_years([group, dated], OCTOBER)
    assert (inferred.date, inferred.date_end, inferred.date_source) == (
        "2025-10-24",
        "2025-10-25",
        STORY_DATE_SOURCE,
    )
    assert inferred.mentions[0].date == "2025-10-24" and inferred.mentions[0].date_source == STORY_DATE_SOURCE
    assert kept == dated
    assert with_story_years([group], None) == [group]  # no story: the date stays as written
