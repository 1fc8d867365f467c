"""A visit read between countries alone joins the meeting of those countries' people that day (#13):
"Đây là chuyến thăm Việt Nam đầu tiên của một Tổng thống Nam Phi sau gần 20 năm" ("the first visit of
a South African president to Vietnam in almost 20 years") was read by the classifier as South Africa
-> Vietnam and stood beside the Lương Cường-Ramaphosa talks of that day: the talks are keyed by their
people, so no lookup found them. Meetings are now keyed by their participants' states too
("state:ZAF"), used only where one of the two meetings names countries alone."""

from __future__ import annotations

import pytest

from newsloom.article import Article
from newsloom.events.merge import merge_article_events
from newsloom.events.queries import list_events
from newsloom.events.types import Actor, Event

CUONG = Actor(key="person:luong cuong", name="Lương Cường", type="person", country="VNM")
RAMAPHOSA = Actor(key="person:ramaphosa", name="Cyril Ramaphosa", type="person", country="ZAF")
SOUTH_AFRICA = Actor(key="place:za", name="South Africa", type="place", country="ZAF")
VIETNAM = Actor(key="place:vn", name="Vietnam", type="place", country="VNM")
LAOS = Actor(key="place:la", name="Laos", type="place", country="LAO")


def _report(article_id: str, source: Actor, target: Actor, day: str, classifier: str) -> Article:
    text = f"{source.name} and {target.name}: a meeting."
    event = Event(
        "CONSULT", 0, text, 0, 5, "met", mode="visit", source=(source.key,), target=(target.key,),
        date=day, date_end=day, precision="day", date_source="time", language="vi",
        source_actors=(source,), target_actors=(target,), group=0, classifier=classifier,
    )  # fmt: skip
    return Article(id=article_id, path=f"{article_id}.txt", text=text, language="vi", events=(event,))


TALKS = _report("talks", CUONG, RAMAPHOSA, "2025-10-23", "rules")
VISIT = _report("visit", SOUTH_AFRICA, VIETNAM, "2025-10-23", "model")


@pytest.mark.parametrize("visit_first", [False, True])
def test_a_visit_between_countries_joins_the_meeting_of_their_people_that_day(conn, visit_first):
    order = [VISIT, TALKS] if visit_first else [TALKS, VISIT]
    ids = [merge_article_events(conn, article) for article in order]
    assert ids[0] == ids[1]
    assert [e["n_articles"] for e in list_events(conn, limit=10)] == [2]


@pytest.mark.parametrize(
    "other",
    [
        _report("next-day", SOUTH_AFRICA, VIETNAM, "2025-10-24", "model"),  # another day
        _report("laos", LAOS, VIETNAM, "2025-10-23", "model"),  # Laos is no participant's state
    ],
)
def test_a_visit_of_another_day_or_country_stays_apart(conn, other):
    (talks,) = merge_article_events(conn, TALKS)
    (visit,) = merge_article_events(conn, other)
    assert visit != talks
