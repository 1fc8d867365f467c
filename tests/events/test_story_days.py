"""The day of an undated report's "on Saturday" / "hôm qua", from the story it joined
(newsloom/events/years.py, the date_from_story corpus step)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newsloom.article import Sentence
from newsloom.events.dates import date_for
from newsloom.events.rollup import ArticleEvent
from newsloom.events.types import Event
from newsloom.events.years import STORY_DATE_SOURCE, day_in_story, has_unsaid_days, with_story_days
from newsloom.timex.types import TimeExpression

SAT_SUN = (date(2025, 10, 25), date(2025, 10, 26))  # Saturday 25, Sunday 26 October 2025
SUNDAY = (date(2025, 10, 26), date(2025, 10, 26))
FRI_SUN = (date(2025, 10, 24), date(2025, 10, 26))
MON_WED = (date(2025, 10, 20), date(2025, 10, 22))

SATURDAY = "Foreign Minister Sugiono on Saturday urged the governments to work together."
HOM_QUA = "Sáng hôm qua, Bộ trưởng đã tiếp Bộ trưởng Bộ Nội vụ Mozambique."


@pytest.mark.parametrize(
    ("sentence", "phrase", "language", "span", "day"),
    [
        (SATURDAY, "Saturday", "en", SAT_SUN, "2025-10-25"),  # the story's one Saturday
        (SATURDAY, "Saturday", "en", MON_WED, None),  # no Saturday in the story: no guess
        (HOM_QUA, "Sáng hôm qua", "vi", SUNDAY, "2025-10-26"),  # a one-day story: yesterday is that day
        (HOM_QUA, "Sáng hôm qua", "vi", FRI_SUN, None),  # published on one of four days: ambiguous
        ("Quang held meetings on Sunday morning with the delegations.", "Sunday morning", "en", FRI_SUN,
         "2025-10-26"),
        ("Les ministres se sont réunis samedi à Paris.", "samedi", "fr", SAT_SUN, "2025-10-25"),
        (SATURDAY, "Monday", "en", SAT_SUN, None),  # a phrase the sentence does not hold
    ],
)  # fmt: skip
def test_day_in_story(
    sentence: str, phrase: str, language: str, span: tuple[date, date], day: str | None
) -> None:
    assert day_in_story(sentence, phrase, language, span) == day


def _mention(**changes: object) -> Event:
    base = Event(
        type="REQUEST", sentence=0, evidence=SATURDAY, start=38, end=44, trigger="urged",
        date=None, date_end=None, date_source="none", time_text="Saturday",
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def _group(mention: Event, group: int = 0) -> ArticleEvent:
    return ArticleEvent(
        group=group, type=mention.type, mode=None, parent=None, mentions=(mention,), joint=False,
        source_actors=(), target_actors=(), src_keys=frozenset(), tgt_keys=frozenset(),
        date=mention.date, date_end=mention.date_end, precision=None, date_source=mention.date_source,
        location=None, location_source=None,
    )  # fmt: skip


def test_undated_events_take_the_story_day_and_say_so() -> None:
    unsaid = _group(_mention())
    dated = _group(_mention(date="2025-10-24", date_end="2025-10-24", date_source="time"), group=1)
    plain = _group(_mention(time_text=None), group=2)  # no phrase: nothing says which day
    assert has_unsaid_days([unsaid]) and not has_unsaid_days([dated, plain])
    inferred, kept, still = with_story_days([unsaid, dated, plain], SAT_SUN, "en")
    assert (inferred.date, inferred.date_end, inferred.date_source) == (
        "2025-10-25",
        "2025-10-25",
        STORY_DATE_SOURCE,
    )
    assert inferred.mentions[0].date == "2025-10-25" and inferred.mentions[0].date_source == STORY_DATE_SOURCE
    assert kept == dated and still == plain
    assert with_story_days([unsaid], None, "en") == [unsaid]  # no story: undated as before
    assert with_story_days([unsaid], MON_WED, "en") == [unsaid]  # the story has no Saturday


def test_an_undated_sentence_keeps_its_day_phrase() -> None:
    sentence = Sentence(0, len(SATURDAY), SATURDAY, 0)
    saturday = SATURDAY.index("Saturday")
    unresolved = TimeExpression(saturday, saturday + 8, "Saturday", None, "day", "unresolved", sentence=0)
    found = date_for(0, sentence, 38, {0: [unresolved]}, [], None, None, SATURDAY)
    assert found == (None, None, None, "none", "Saturday")
    # with a publication date the phrase would have been resolved; a resolved one dates the event
    resolved = replace(unresolved, value="2025-10-25", anchor="published")
    assert date_for(0, sentence, 38, {0: [resolved]}, [], "2025-10-26", None, SATURDAY)[:4] == (
        "2025-10-25", "2025-10-25", "day", "time",
    )  # fmt: skip
