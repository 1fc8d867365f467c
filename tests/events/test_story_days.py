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


def test_a_dated_report_joining_the_story_dates_the_earlier_undated_one(tmp_path) -> None:
    """Arrival order undated-then-dated: the dated report's story step re-merges the undated one,
    whose "on Saturday" becomes the story's Saturday, and both are one event."""
    import numpy as np

    from newsloom.entities.linking import link_article
    from newsloom.events.extract import extract_events
    from newsloom.events.merge import date_from_story, merge_article_events
    from newsloom.events.queries import event_detail, list_events
    from newsloom.store import Store
    from newsloom.store import stories as story_rows
    from newsloom.store.articles import save_article

    from .helpers import make_article

    sugiono = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
    asean = ("organization", "org:asean", "ASEAN", None, None)
    names = {"Sugiono": sugiono, "ASEAN": asean}
    undated_text = "Foreign Minister Sugiono on Saturday urged ASEAN to fight online fraud."
    undated = make_article(undated_text, "en", names, article_id="a-undated", path="undated.txt")
    saturday = undated_text.index("Saturday")
    unresolved = TimeExpression(saturday, saturday + 8, "Saturday", None, "day", "unresolved", sentence=0)
    undated = replace(undated, times=(unresolved,), stages=("language", "sentences", "entities", "times"))
    dated = make_article(
        "Foreign Minister Sugiono on 25 October urged ASEAN to fight online fraud.", "en", names,
        times=[("25 October", "2025-10-25", "day")], published="2025-10-26", article_id="b-dated", path="dated.txt",
    )  # fmt: skip
    dated = replace(dated, stages=("language", "sentences", "entities", "times"))
    articles = []
    for article in (undated, dated):
        article = replace(article, events=tuple(extract_events(article)), stages=(*article.stages, "events"))
        articles.append(article)
    undated, dated = articles
    assert [(e.date, e.time_text) for e in undated.events] == [(None, "Saturday")]

    store = Store.open(str(tmp_path / "days.db"))
    try:
        with store.transaction() as conn:
            story = story_rows.insert_story(conn, "test", None, np.zeros(4))  # the undated report's own story
            save_article(conn, undated)
            link_article(conn, undated)
            merge_article_events(conn, undated)
            story_rows.add_member(
                conn, story_id=story, article_id=undated.id, segment=-1, score=1.0, via="new"
            )
            date_from_story(conn, undated)  # the story has no day yet: nothing to take
            assert [e["date"] for e in list_events(conn, limit=100)] == [None]
            save_article(conn, dated)
            link_article(conn, dated)
            merge_article_events(conn, dated)
            story_rows.add_member(
                conn,
                story_id=story,
                article_id=dated.id,
                segment=-1,
                score=1.0,
                via="keys",
                date="2025-10-25",
            )
            story_rows.update_story(
                conn, story, date="2025-10-25", date_first="2025-10-25", date_last="2025-10-25"
            )
            assert story_rows.undated_members(conn, story) == ["a-undated"]
            assert len(list_events(conn, limit=100)) == 2  # apart: one undated, one on the 25th
            date_from_story(conn, dated)
            again = [(e["id"], e["date"]) for e in list_events(conn, limit=100)]
            date_from_story(conn, dated)  # the same step twice changes nothing
            assert [(e["id"], e["date"]) for e in list_events(conn, limit=100)] == again
            found = list_events(conn, limit=100)
            assert len(found) == 1, found
            detail = event_detail(conn, found[0]["id"])
            assert detail["date"] == "2025-10-25"
            assert {s["path"] for s in detail["sources"]} == {"undated.txt", "dated.txt"}
    finally:
        store.close()


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # the model's "Southeast Asian" organization names the governments' region: they are the target
        ("Foreign Minister Sugiono urged Southeast Asian governments to fight online fraud.", ()),
        ("Foreign Minister Sugiono urged ASEAN to fight online fraud.", ("org:sea",)),
    ],
)
def test_an_organization_before_its_members_is_not_the_actor(text: str, target: tuple[str, ...]) -> None:
    from newsloom.events.extract import extract_events

    from .helpers import make_article

    names = {
        "Sugiono": ("person", "person:sugiono", "Sugiono", "foreign_minister", None),
        "Southeast Asian": ("organization", "org:sea", "Southeast Asian", None, None),
        "ASEAN": ("organization", "org:sea", "ASEAN", None, None),
    }
    events = [
        e
        for e in extract_events(make_article(text, "en", names, published="2025-10-26"))
        if e.type == "REQUEST"
    ]
    assert [(e.source, e.target) for e in events] == [(("person:sugiono",), target)]
