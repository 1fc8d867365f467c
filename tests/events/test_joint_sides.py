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
