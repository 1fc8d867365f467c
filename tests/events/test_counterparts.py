"""Meetings listed in one sentence are one per counterpart (#13): "Quang met X, Y and Z on the
sidelines" was one CONSULT with four targets on the examples. Separate bilateral meetings are separate
events unless the text says they met together (pack ``met_together``); a gathering the host attends
is one event."""

from __future__ import annotations

import pytest

from newsloom.article import Article
from newsloom.events.extract import extract_events
from newsloom.events.merge import merge_article_events
from newsloom.events.rollup import rollup
from newsloom.events.types import Actor, Event

from .helpers import make_article

QUANG = ("person", "person:quang", "Luong Tam Quang", "minister", None)
NAMES = {
    "Luong Tam Quang": QUANG,
    "Quang": QUANG,
    "Ali Naghiyev": ("person", "person:naghiyev", "Ali Naghiyev", "director", None),
    "Vahid Jalalzadeh": ("person", "person:jalalzadeh", "Vahid Jalalzadeh", "deputy_minister", None),
    "Paulo Chachine": ("person", "person:chachine", "Paulo Chachine", "minister", None),
}


def _meetings(text: str, lang: str = "en") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    article = make_article(text, lang, NAMES, published="2025-10-26")
    return [(e.source, e.target) for e in extract_events(article) if e.type == "CONSULT"]


def test_guests_received_in_one_sentence_are_one_meeting_each():
    found = _meetings("On Sunday, Quang received Ali Naghiyev and Vahid Jalalzadeh on the sidelines.")
    assert found == [(("person:quang",), ("person:naghiyev",)), (("person:quang",), ("person:jalalzadeh",))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On Sunday, Quang received Ali Naghiyev and Vahid Jalalzadeh together."),
        ("vi", "Sáng 26/10, Luong Tam Quang đã tiếp cùng lúc Ali Naghiyev và Vahid Jalalzadeh."),
    ],
)
def test_guests_the_text_says_met_together_are_one_meeting(lang, text):
    found = _meetings(text, lang)
    assert found == [(("person:quang",), ("person:naghiyev", "person:jalalzadeh"))], found


def _event(sentence: int, type_: str, actors: list[Actor], target: list[Actor]) -> Event:
    return Event(
        type_, sentence, "s", 0, 1, "t", source=tuple(a.key for a in actors), target=tuple(a.key for a in target),
        source_actors=tuple(actors), target_actors=tuple(target), date="2025-10-26", date_source="time",
    )  # fmt: skip


def test_a_statement_with_one_guest_goes_to_that_guest_s_meeting():
    quang, naghiyev, chachine = (Actor(key=k, name=k, type="person") for k in ("q", "n", "c"))
    events = [
        _event(0, "CONSULT", [quang], [chachine]),  # one trigger, two meetings
        _event(0, "CONSULT", [quang], [naghiyev]),
        _event(1, "AGREE", [quang, naghiyev], []),  # "With Naghiyev, the two sides agreed ..."
    ]
    meetings = rollup(events)
    assert meetings[2].parent == meetings[1].group != meetings[0].group


def _report(article_id: str, target: Actor, host: str | None) -> Article:
    quang = Actor(key="person:quang", name="Lương Tam Quang", type="person", country="VNM")
    event = Event(
        "CONSULT", 0, "s", 0, 5, "tiếp", mode="visit", source=(quang.key,), target=(target.key,),
        date="2025-10-26", date_end="2025-10-26", precision="day", date_source="time", language="vi",
        source_actors=(quang,), target_actors=(target,), group=0, host=host,
    )  # fmt: skip
    return Article(id=article_id, path=f"{article_id}.txt", text="s", language="vi", events=(event,))


MOZAMBIQUE = Actor(key="place:mz", name="Mozambique", type="place", country="MOZ")
AZERBAIJAN = Actor(key="place:az", name="Azerbaijan", type="place", country="AZE")
CHACHINE = Actor(key="person:chachine", name="Paulo Chachine", type="person", country="MOZ")


def test_a_country_the_host_received_is_its_delegation_head_s_meeting(conn):
    (chachine,) = merge_article_events(conn, _report("a", CHACHINE, "source"))
    (azerbaijan,) = merge_article_events(conn, _report("b", AZERBAIJAN, "source"))
    (mozambique,) = merge_article_events(conn, _report("c", MOZAMBIQUE, "source"))
    assert mozambique == chachine != azerbaijan
