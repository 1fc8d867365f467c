"""One record per arrest, not one for two: two acts of one type and day by one actor, told at places
apart, stay two (#13, session 17).

Sentences written here; the seizures are made up.
"""

from __future__ import annotations

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail
from newsloom.events.stage import find_events

from .helpers import make_article

PLACES = {
    "Hai Phong": ("place", "place:hai phong", "Hai Phong", None, None),
    "Da Nang": ("place", "place:da nang", "Da Nang", None, None),
    "Viet Nam": ("place", "place:vn", "Viet Nam", None, None),
    "Noi Bai": ("place", "place:noi bai", "Noi Bai", None, None),
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


def test_two_arrests_on_one_day_in_two_cities_stay_two(conn):
    haiphong = _report(
        "Vietnamese police arrested three men carrying 20 kilograms of heroin in Hai Phong on Wednesday.",
        "haiphong",
    )
    danang = _report(
        "Vietnamese police arrested two women carrying five kilograms of heroin in Da Nang on Wednesday.",
        "danang",
    )
    again = _report("Vietnamese police arrested three heroin couriers in Hai Phong on Wednesday.", "again")
    first = merge_article_events(conn, haiphong)[0]
    second = merge_article_events(conn, danang)[0]
    third = merge_article_events(conn, again)[0]
    assert first != second
    assert third == first  # the same city: the same arrest, told twice
    assert {s["path"] for s in event_detail(conn, second)["sources"]} == {"danang.txt"}


def test_a_place_holding_the_other_or_unknown_says_nothing(conn):
    city = _report(
        "Vietnamese police arrested three men carrying 20 kilograms of heroin in Hai Phong on Wednesday.",
        "city",
    )
    country = _report("Vietnamese police arrested three men in Viet Nam on Wednesday.", "country")
    # a place the gazetteer does not know is no evidence of another arrest
    unknown = _report("Vietnamese police arrested three men at Noi Bai on Wednesday.", "unknown")
    first = merge_article_events(conn, city)[0]
    assert merge_article_events(conn, country)[0] == first
    assert merge_article_events(conn, unknown)[0] == first
