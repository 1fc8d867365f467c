"""One party at a meeting: a person, the body they speak for and their country (newsloom/events/parties.py)."""

from __future__ import annotations

from newsloom.events.merge import meeting_parties
from newsloom.events.parties import Roles, matched_parties, own_side, parties_match, with_roles
from newsloom.events.rollup import ArticleEvent
from newsloom.events.types import Actor

QUANG = Actor(key="entity:24", name="Lương Tam Quang", type="person")
MINISTRY = Actor(key="entity:30", name="Ministry of Public Security", type="organization")
VIETNAM = Actor(key="entity:6", name="Vietnam", type="place", country="VNM")
WALY = Actor(key="entity:2", name="Ghada Waly", type="person", country="UNO")
SON = Actor(key="entity:1", name="Bùi Thanh Sơn", type="person", country="VNM")
GUTERRES = Actor(key="entity:11", name="António Guterres", type="person", country="UNO")
CUONG = Actor(key="entity:10", name="Lương Cường", type="person", country="VNM")
KUBAYI = Actor(key="entity:37", name="Mmamoloko Kubayi", type="person", country="ZAF")
IRAN = Actor(key="entity:33", name="Iran", type="place", country="IRN")

#: what the entities stage stored: Quang is minister of the ministry, of Vietnam
ROLES = Roles(bodies={"entity:24": frozenset({"entity:30"})}, states={"entity:24": "VNM", "entity:30": "VNM"})


def meeting(sources: tuple[Actor, ...], targets: tuple[Actor, ...] = ()) -> ArticleEvent:
    return ArticleEvent(
        group=0, type="CONSULT", mode=None, parent=None, mentions=(), joint=False,
        source_actors=sources, target_actors=targets, src_keys=frozenset(), tgt_keys=frozenset(),
        date="2025-10-25", date_end=None, precision="day", date_source="time", location=None,
        location_source=None,
    )  # fmt: skip


def test_the_person_the_ministry_and_the_country_are_one_party():
    quang, ministry = with_roles(QUANG, ROLES), with_roles(MINISTRY, ROLES)
    assert quang.affiliations == ("entity:30",) and quang.country == "VNM" and ministry.country == "VNM"
    forms = [(quang, WALY), (ministry, WALY), (VIETNAM, WALY)]  # id, vi and en reports of one meeting
    for first in forms:
        for second in forms:
            assert parties_match(first, second, strict=True), (first, second)
    # without the roles, the ministry and the country are two strangers
    assert not parties_match((MINISTRY, WALY), (VIETNAM, WALY), strict=True)


def test_an_exact_match_is_paired_before_a_country():
    matched, exact = matched_parties(
        (VIETNAM, with_roles(QUANG, ROLES), WALY), (with_roles(QUANG, ROLES), WALY)
    )
    assert (matched, exact) == (2, 2)  # Vietnam beside its minister is his party, not a third one


def test_two_people_of_one_country_stay_two_parties():
    assert not parties_match((SON, WALY), (CUONG, WALY), strict=True)
    assert matched_parties((SON, CUONG), (VIETNAM,)) == (1, 0)


def test_a_country_visited_is_not_a_party():
    visit = meeting((GUTERRES,), (VIETNAM,))  # "Guterres visits Vietnam"
    talks = meeting((CUONG,), (GUTERRES,))
    assert not parties_match(meeting_parties(visit), meeting_parties(talks), strict=True)
    said = meeting((VIETNAM,), (WALY,))  # "Vietnam met UNODC's chief": the country speaks
    assert parties_match(
        meeting_parties(said), meeting_parties(meeting((with_roles(QUANG, ROLES),), (WALY,))), True
    )


def test_countries_listed_beside_a_host_are_not_his_side():
    assert own_side((with_roles(QUANG, ROLES), IRAN, VIETNAM)) == (with_roles(QUANG, ROLES), VIETNAM)
    assert own_side((IRAN, VIETNAM)) == (IRAN, VIETNAM)  # no person: the countries are the side
    assert own_side((KUBAYI, IRAN)) == (KUBAYI,)
