"""Meetings a report implies: "X and Y agreed" (newsloom/events/implicit.py)."""

from __future__ import annotations

from newsloom.events.implicit import IMPLIED_RULE, implied_meetings
from newsloom.events.rollup import ArticleEvent
from newsloom.events.types import Actor, Event

CUONG = Actor(key="entity:10", name="Lương Cường", type="person", country="VNM")
RAMAPHOSA = Actor(key="entity:27", name="Cyril Ramaphosa", type="person", country="ZAF")
VIETNAM = Actor(key="entity:6", name="Vietnam", type="place", country="VNM")


def statement(type_: str, sources: tuple[Actor, ...], targets: tuple[Actor, ...] = (), joint: bool = True):
    mention = Event(
        type=type_, sentence=0, evidence="Luong Cuong and Cyril Ramaphosa agreed to upgrade ties.", start=0,
        end=1, trigger="agreed", rule="en:agreed", source_actors=sources, target_actors=targets, joint=joint,
        date="2025-10-23", date_source="time",
    )  # fmt: skip
    return ArticleEvent(
        group=0, type=type_, mode=None, parent=None, mentions=(mention,), joint=joint, source_actors=sources,
        target_actors=targets, src_keys=frozenset(a.key for a in sources),
        tgt_keys=frozenset(a.key for a in targets), date="2025-10-23", date_end=None, precision="day",
        date_source="time", location="Hanoi", location_source="sentence",
    )  # fmt: skip


def test_two_parties_agreeing_together_met():
    agreed, met = implied_meetings([statement("AGREE", (CUONG, RAMAPHOSA))])
    assert met.type == "CONSULT" and met.group == 1 and met.parent is None
    assert {a.key for a in met.participants} == {CUONG.key, RAMAPHOSA.key}
    assert met.src_keys == frozenset({CUONG.key, RAMAPHOSA.key}) and met.date == "2025-10-23"
    assert met.mentions[0].rule.startswith(IMPLIED_RULE) and met.mentions[0].type == "CONSULT"
    assert agreed.parent == 1 and agreed.mentions[0].parent == 1  # the statement is made at it


def test_no_meeting_without_two_parties_together():
    alone = statement("AGREE", (CUONG,))  # a ceremony mentioned in passing: one actor
    same_party = statement("AGREE", (CUONG, VIETNAM))  # a person and his country are one party
    towards = statement("AGREE", (CUONG,), (RAMAPHOSA,), joint=False)  # one agrees with the other
    support = statement("SUPPORT", (CUONG, RAMAPHOSA))
    for group in (alone, same_party, towards, support):
        assert implied_meetings([group]) == [group]
