"""One record per arrest: police a sentence places in a country are that country's, and two acts
of one type and day told at places apart stay two (#13, session 17).

Sentences written here; the seizures are made up.
"""

from __future__ import annotations

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail
from newsloom.events.stage import find_events
from newsloom.events.types import Event

from .helpers import make_article

PLACES = {
    "Hai Phong": ("place", "place:hai phong", "Hai Phong", None, None),
    "Da Nang": ("place", "place:da nang", "Da Nang", None, None),
    "Vientiane": ("place", "place:vientiane", "Vientiane", None, None),
}
WEDNESDAY = [("Wednesday", "2025-11-12", "day")]


def _report(text: str, article_id: str) -> object:
    article = make_article(
        text,
        "en",
        PLACES,
        times=WEDNESDAY,
        published="2025-11-13",
        article_id=article_id,
        path=f"{article_id}.txt",
    )
    return find_events(article, classifier=False)


def _arrest(report: object) -> Event:
    return next(e for e in report.events if e.type == "COERCE")  # type: ignore[attr-defined]


def test_police_placed_in_a_city_are_that_countrys_police(conn):
    named = _report(
        "Vietnamese police arrested three men carrying 20 kilograms of heroin in Hai Phong on Wednesday.",
        "named",
    )
    placed = _report(
        "Police in Hai Phong arrested three men carrying heroin on Wednesday, state media said.", "placed"
    )
    # the report itself keeps what it says: police of no country
    assert [a.key for a in _arrest(placed).source_actors] == ["group:cop:xx"]
    first = merge_article_events(conn, named)[0]
    second = merge_article_events(conn, placed)[0]
    assert second == first
    detail = event_detail(conn, first)
    assert {s["path"] for s in detail["sources"]} == {"named.txt", "placed.txt"}


def test_police_placed_in_another_country_are_not_joined(conn):
    vietnam = _report(
        "Vietnamese police arrested three men carrying 20 kilograms of heroin in Hai Phong on Wednesday.",
        "vietnam",
    )
    laos = _report("Police in Vientiane arrested three men carrying heroin on Wednesday.", "laos")
    assert merge_article_events(conn, vietnam)[0] != merge_article_events(conn, laos)[0]


def test_troops_placed_somewhere_get_no_country_from_the_place(conn):
    # soldiers act abroad: "troops in Da Nang" are not thereby Vietnam's
    named = _report("Vietnamese troops detained three men in Da Nang on Wednesday.", "named")
    placed = _report("Troops in Da Nang detained three men on Wednesday.", "placed")
    assert [a.key for a in _arrest(placed).source_actors] == ["group:mil:xx"]
    assert merge_article_events(conn, named)[0] != merge_article_events(conn, placed)[0]
