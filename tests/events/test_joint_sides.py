"""A joint report names participants, not a side: the guests of a meeting stay guests.

On the bundled examples, the CONSULT of Lương Tam Quang's bilateral meetings of 26 Oct showed the
guests Ali Naghiyev and Vahid Jalalzadeh beside their host: "Trong các cuộc gặp với ông Ali Naghiyev
..., các bên nhất trí ..." implies a joint meeting of the sides it names, and the event's sides were
the union of every report's source side, so the joint reading's participants outvoted "Quang also
received Ali Naghiyev ... and ... Vahid Jalalzadeh".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from newsloom.events.stored import _sides
from newsloom.events.types import Actor

QUANG = Actor(key="entity:2", name="Lương Tam Quang", type="person", country="VNM")
NAGHIYEV = Actor(key="entity:25", name="Ali Naghiyev", type="person", country="AZE")
JALALZADEH = Actor(key="entity:27", name="Vahid Jalalzadeh", type="person", country="IRN")
KUBAYI = Actor(key="entity:24", name="Mmamoloko Kubayi", type="person", country="ZAF")
CHINH = Actor(key="entity:30", name="Phạm Minh Chính", type="person", country="VNM")
GUTERRES = Actor(key="entity:8", name="António Guterres", type="person")


@dataclass
class Row:
    classifier: str
    source_actors: str
    target_actors: str
    joint: bool


def row(
    source: tuple[Actor, ...], target: tuple[Actor, ...] = (), joint: bool = False, by: str = "rules+model"
) -> Row:
    dump = lambda actors: json.dumps([a.to_dict() for a in actors])  # noqa: E731
    return Row(by, dump(source), dump(target), joint)


def names(actors: list[dict[str, object]]) -> list[object]:
    return [a["name"] for a in actors]


def test_the_guests_of_a_directed_report_stay_guests_when_a_joint_report_names_them_among_the_sides():
    rows = [
        row((QUANG,), joint=True),  # "Quang held a string of bilateral meetings"
        row((QUANG,), (NAGHIYEV,)),  # "Quang also received Ali Naghiyev ..."
        row((QUANG,), (KUBAYI, NAGHIYEV, JALALZADEH)),  # "... đã lần lượt tiếp ..."
        row((NAGHIYEV, JALALZADEH), joint=True),  # "Trong các cuộc gặp với ông Ali Naghiyev ..., các bên"
    ]
    source, target = _sides(rows)  # type: ignore[arg-type]
    assert names(source) == ["Lương Tam Quang"]
    assert names(target) == ["Ali Naghiyev", "Mmamoloko Kubayi", "Vahid Jalalzadeh"]


def test_in_any_order_of_reports():
    rows = [
        row((NAGHIYEV, JALALZADEH), joint=True),
        row((QUANG,), (KUBAYI, NAGHIYEV, JALALZADEH)),
    ]
    source, target = _sides(rows)  # type: ignore[arg-type]
    assert names(source) == ["Lương Tam Quang"]
    assert names(target) == ["Mmamoloko Kubayi", "Ali Naghiyev", "Vahid Jalalzadeh"]


def test_a_joint_report_alone_puts_every_participant_on_one_side():
    source, target = _sides([row((CHINH, GUTERRES), joint=True)])  # type: ignore[list-item]
    assert names(source) == ["Phạm Minh Chính", "António Guterres"]
    assert target == []


def test_a_joint_participant_no_directed_report_places_stays_a_participant():
    rows = [row((CHINH, GUTERRES), joint=True), row((CHINH,), (KUBAYI,))]
    source, target = _sides(rows)  # type: ignore[arg-type]
    assert names(source) == ["Phạm Minh Chính", "António Guterres"]
    assert names(target) == ["Mmamoloko Kubayi"]


def test_a_host_of_one_directed_report_stays_a_host_when_another_names_him_a_guest():
    rows = [row((CHINH,), (GUTERRES,)), row((GUTERRES,), (CHINH,)), row((CHINH, GUTERRES), joint=True)]
    source, target = _sides(rows)  # type: ignore[arg-type]
    assert names(source) == ["Phạm Minh Chính", "António Guterres"]
    assert target == []


# -- the sides a sentence names when it names only the host's counterparts --------------------------

HOST = ("person", "person:luong tam quang", "Lương Tam Quang", "minister", None)
GUEST_A = ("person", "person:ali naghiyev", "Ali Naghiyev", "director", None)
GUEST_B = ("person", "person:vahid jalalzadeh", "Vahid Jalalzadeh", "deputy_minister", None)
GUEST_C = ("person", "person:mmamoloko kubayi", "Mmamoloko Kubayi", "minister", None)
PEOPLE = {
    "Lương Tam Quang": HOST,
    "Ali Naghiyev": GUEST_A,
    "Vahid Jalalzadeh": GUEST_B,
    "Mmamoloko Kubayi": GUEST_C,
}


def _agreements(text: str, lang: str) -> list[tuple[str, ...]]:
    from newsloom.events.extract import extract_events

    from .helpers import make_article

    events = extract_events(make_article(text, lang, PEOPLE))  # type: ignore[arg-type]
    return [tuple(a.name for a in e.source_actors) for e in events if e.type == "AGREE"]


def test_the_sides_of_meetings_with_named_guests_are_the_host_and_those_guests():
    # the sentences are ours, written for this test
    text = (
        "Lương Tam Quang tiếp Mmamoloko Kubayi. "
        "Trong các cuộc gặp với ông Ali Naghiyev và ông Vahid Jalalzadeh, các bên nhất trí tăng cường hợp tác."
    )
    assert _agreements(text, "vi") == [("Lương Tam Quang", "Ali Naghiyev", "Vahid Jalalzadeh")]


def test_the_sides_of_a_meeting_with_one_named_guest_are_the_host_and_that_guest():
    text = "Lương Tam Quang received Mmamoloko Kubayi. In talks with Ali Naghiyev, the two sides agreed to share data."
    assert _agreements(text, "en") == [("Lương Tam Quang", "Ali Naghiyev")]


def test_sides_named_without_a_with_are_only_those_named():
    text = (
        "Lương Tam Quang tiếp Mmamoloko Kubayi. "
        "Ông Ali Naghiyev và ông Vahid Jalalzadeh gặp nhau, các bên nhất trí tăng cường hợp tác."
    )
    assert _agreements(text, "vi") == [("Ali Naghiyev", "Vahid Jalalzadeh")]
