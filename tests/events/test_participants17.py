"""One participant per real participant, and a target that is an actor (session 17), on sentences
written here.

- A person, the body they lead and their country are one participant: the chairman and the
  assembly he leads, told as the source of one statement by two reports, are one source.
- An English title only one state gives its offices ("State President") names that state, so what
  the country does in the talks ("Việt Nam was ready to ...") is filed under its president's meeting.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail
from newsloom.events.stage import find_events
from newsloom.events.stored import Office, one_participant, with_bodies_led
from newsloom.store import entities as entity_rows
from newsloom.store.migrations import m0002_entities, m0003_events
from newsloom.timex.types import TimeExpression
from tests.entities.conftest import make_article as article_with_entities
from tests.events.helpers import make_article


def _with_day(text: str, phrase: str, value: str) -> object:
    """An article read by the entity stage, with ``phrase`` resolved to the day ``value``."""
    article = article_with_entities(text, "en", published="2031-03-04")
    start = text.index(phrase)
    sentence = next(i for i, s in enumerate(article.sentences) if s.start <= start < s.end)
    when = TimeExpression(start, start + len(phrase), phrase, value, "day", "absolute", sentence=sentence)
    return dataclasses.replace(article, times=(when,))


def test_an_english_title_one_state_gives_names_that_state() -> None:
    text = (
        "State President Đỗ Minh Khang held talks with Chilean Foreign Minister Alberto van Klaveren in "
        "Hà Nội on Monday. Việt Nam was ready to open its market to more Chilean fruit. "
        "The Lao State President Somsak Inthavong arrived later."
    )
    article = _with_day(text, "on Monday", "2031-03-03")
    people = {m.text: m.role_of for m in article.entities if m.type == "person"}  # type: ignore[attr-defined]
    assert people["Đỗ Minh Khang"] == "place:VN"
    assert people["Somsak Inthavong"] == "place:LA"  # a country written with the title comes first
    found = find_events(article, classifier=False).events  # type: ignore[arg-type]
    meeting = next(e for e in found if e.type == "CONSULT" and e.sentence == 0)
    assert [a.country for a in meeting.source_actors] == ["VNM"]
    ready = next(e for e in found if e.sentence == 1)
    assert ready.parent == meeting.group  # the country's offer was made at its president's talks


LAM = ("person", "entity:2", "Trần Văn Lâm", "legislature_speaker", None)
LAM_EN = ("person", "entity:2", "Trần Văn Lâm", None, None)  # named without his title
ASSEMBLY = ("organization", "entity:3", "National Assembly of Vietnam", None, None)
SOTO = ("person", "entity:4", "Ana Soto", "legislature_speaker", "place:CL")


@pytest.fixture
def store() -> Iterator[sa.Connection]:
    """A store with the entity and event tables, holding the chairman's role as linking stores it."""
    engine = sa.create_engine("sqlite://")
    with engine.begin() as conn:
        m0002_entities.upgrade(conn)
        m0003_events.upgrade(conn)
        entity_rows.insert_entity(conn, "place:vn", "Vietnam", "place", "place:VN")
        entity_rows.insert_entity(conn, "person:tran van lam", "Trần Văn Lâm", "person", None)
        seen = entity_rows.RoleSighting(2, "legislature_speaker", "place:VN", 1, "Chủ tịch Quốc hội", "")
        entity_rows.upsert_roles(conn, [seen], "2031-03-03", "vi")
        yield conn


def test_the_chairman_and_the_assembly_he_leads_are_one_source(store: sa.Connection) -> None:
    vi = make_article(
        "Sáng 3/3, Chủ tịch Quốc hội Trần Văn Lâm hội kiến Chủ tịch Thượng viện Chile Ana Soto tại Hà Nội. "
        "Chủ tịch Quốc hội nói Quốc hội Việt Nam mong muốn mở rộng hợp tác nghị viện với Chile.",
        "vi",
        {"Trần Văn Lâm": LAM, "Ana Soto": SOTO, "Quốc hội Việt Nam": ASSEMBLY},
        times=[("Sáng 3/3", "2031-03-03TMO", "part_of_day")],
        published="2031-03-03",
        article_id="vi",
        path="vi.txt",
    )
    en = make_article(
        "On Monday, Trần Văn Lâm received Ana Soto in Hanoi. Lâm proposed a memorandum between the two "
        "legislatures.",
        "en",
        {"Trần Văn Lâm": LAM_EN, "Lâm": LAM_EN, "Ana Soto": SOTO},
        times=[("On Monday", "2031-03-03", "day")],
        published="2031-03-03",
        article_id="en",
        path="en.txt",
    )
    for article in (vi, en):
        ids = merge_article_events(store, find_events(article, classifier=False))
    statement = event_detail(store, ids[1])
    assert {s["path"] for s in statement["sources"]} == {"vi.txt", "en.txt"}  # one statement, two reports
    assert [a["name"] for a in statement["actors"]["source"]] == ["Trần Văn Lâm"]
    assert statement["title"].startswith("Trần Văn Lâm -> Ana Soto")


def _row(*actors: dict[str, object]) -> SimpleNamespace:
    return SimpleNamespace(source_actors=json.dumps(list(actors)), target_actors="[]")


def test_only_a_body_of_the_kind_the_role_leads_in_the_persons_own_state_is_his() -> None:
    assembly = {
        "key": "entity:3",
        "name": "National Assembly of Vietnam",
        "type": "organization",
        "country": "VNM",
    }
    senate = {"key": "entity:5", "name": "Senado de Chile", "type": "organization", "country": "CHL"}
    speaker = {"key": "entity:2", "name": "Trần Văn Lâm", "type": "person", "role": "legislature_speaker"}
    minister = {
        "key": "entity:6",
        "name": "Lê Văn Minh",
        "type": "person",
        "role": "minister",
        "country": "VNM",
    }
    offices = {"entity:2": Office(frozenset({"legislature_speaker"}), "VNM")}
    side = with_bodies_led([speaker, assembly, senate], [_row(speaker, assembly)], offices)  # type: ignore[list-item]
    assert [a["name"] for a in one_participant(side)] == ["Trần Văn Lâm", "Senado de Chile"]
    # a minister does not lead the assembly; a speaker of no known state leads no state's assembly
    kept = with_bodies_led([minister, assembly], [_row(minister, assembly)], {})  # type: ignore[list-item]
    assert len(one_participant(kept)) == 2
    unknown = with_bodies_led([speaker, assembly], [_row(speaker, assembly)], {})  # type: ignore[list-item]
    assert len(one_participant(unknown)) == 2


MINH = ("person", "person:le van minh", "Lê Văn Minh", "minister", "place:VN")
SOTO_FM = ("person", "person:ana soto", "Ana Soto", "foreign_minister", "place:CL")
VIETNAM = ("place", "place:vn", "Vietnam", None, None)
CHILE = ("place", "place:cl", "Chile", None, None)


def _targets(
    text: str, lang: str, names: dict[str, tuple[str, str, str | None, str | None, str | None]]
) -> list[tuple[str, list[str], list[str]]]:
    article = make_article(text, lang, names, published="2031-03-04")
    events = find_events(article, classifier=False).events
    return [(e.type, [a.name for a in e.source_actors], [a.name for a in e.target_actors]) for e in events]


def test_a_country_inside_the_object_is_not_the_target() -> None:
    found = _targets(
        "Lê Văn Minh welcomed the plan of opening a regional training school against cyber fraud in Vietnam.",
        "en",
        {"Lê Văn Minh": MINH, "Vietnam": VIETNAM},
    )
    assert found and all("Vietnam" not in targets for _, _, targets in found), found
    # a country the act is done to is still the target
    praised = _targets("Lê Văn Minh praised Chile for its help.", "en", {"Lê Văn Minh": MINH, "Chile": CHILE})
    assert [t for _, _, t in praised] == [["Chile"]]


def test_in_french_a_to_whom_after_the_object_stays_the_target() -> None:
    # "à" is also the dative: "souhaité plein succès à X" is a wish to X, not something in X
    wished = _targets(
        "Lê Văn Minh a souhaité plein succès au Chili.", "fr", {"Lê Văn Minh": MINH, "Chili": CHILE}
    )
    assert [t for _, _, t in wished] == [["Chile"]], wished
    where = _targets(
        "Lê Văn Minh a salué le projet d'ouvrir une école régionale contre la fraude en ligne en Vietnam.",
        "fr",
        {"Lê Văn Minh": MINH, "Vietnam": VIETNAM},
    )
    assert all("Vietnam" not in targets for _, _, targets in where), where


def test_on_behalf_of_a_country_names_the_signers_side_not_a_target() -> None:
    en = _targets(
        "Ana Soto signed the extradition treaty on behalf of Chile.",
        "en",
        {"Ana Soto": SOTO_FM, "Chile": CHILE},
    )
    assert en and all(sources == ["Ana Soto"] and "Chile" not in targets for _, sources, targets in en), en
    vi = _targets(
        "Bộ trưởng Lê Văn Minh ký hiệp định dẫn độ thay mặt cho Việt Nam.",
        "vi",
        {"Lê Văn Minh": MINH, "Việt Nam": VIETNAM},
    )
    assert vi and all(sources == ["Lê Văn Minh"] and not targets for _, sources, targets in vi), vi


def test_an_unnamed_force_beside_the_named_body_it_belongs_to_is_one_participant() -> None:
    police = {"key": "group:cop:idn", "name": "Indonesia police", "type": "group", "country": "IDN"}
    regional = {
        "key": "entity:8",
        "name": "Polda Jawa Timur",
        "type": "organization",
        "affiliations": ["group:cop:idn"],
    }
    other = {"key": "group:cop:aus", "name": "Australia police", "type": "group", "country": "AUS"}
    assert [a["name"] for a in one_participant([police, regional, other])] == [
        "Polda Jawa Timur",
        "Australia police",
    ]


def test_on_behalf_of_a_country_before_the_trigger_leaves_the_person_the_source() -> None:
    found = _targets(
        "Bộ trưởng Lê Văn Minh thay mặt Việt Nam ký hiệp định dẫn độ với Chile.",
        "vi",
        {"Lê Văn Minh": MINH, "Việt Nam": VIETNAM, "Chile": CHILE},
    )
    assert [(sources, targets) for _, sources, targets in found] == [(["Lê Văn Minh"], ["Chile"])]
