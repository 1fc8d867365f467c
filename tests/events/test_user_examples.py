"""What a new user sees on the bundled examples (#13): one meeting is one event, no event invented
from a list of signatories, one place shown under one name.

Each case is a general rule, tested on made-up actors and sentences shaped like the examples: a
classifier-only meeting naming a participant beside their country joins the meeting; a reading
linked only through a country or a body someone speaks for does not; classifier readings never
move an actor to the other side; plural "multilateral forums" is no meeting mode; a sentence listing
who signed states no act between them; a place's names in several languages are one vote.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass

import pytest

from newsloom.events.learned import asserted
from newsloom.events.merge import _adds_nothing, _participants_disagree
from newsloom.events.modes import sentence_mode
from newsloom.events.rollup import ArticleEvent
from newsloom.events.stored import StoredEvent, _sides, place_vote
from newsloom.events.types import Actor

EN = importlib.import_module("newsloom.lang.en.events").RULES
VI = importlib.import_module("newsloom.lang.vi.events").RULES
ID = importlib.import_module("newsloom.lang.id.events").RULES

CHINH = Actor(key="entity:30", name="Phạm Minh Chính", type="person", country="VNM")
THONGLOUN = Actor(
    key="entity:32", name="Thongloun Sisoulith", type="person", country="LAO", affiliations=("entity:59",)
)
LPRP = Actor(key="entity:59", name="Lao People's Revolutionary Party", type="organization", country="LAO")
LAOS = Actor(key="entity:31", name="Laos", type="place", country="LAO")
CAMBODIA = Actor(key="entity:40", name="Cambodia", type="place", country="KHM")
VIETNAM = Actor(key="entity:1", name="Vietnam", type="place", country="VNM")
GUTERRES = Actor(key="entity:8", name="António Guterres", type="person", affiliations=("entity:6",))
UN = Actor(key="entity:6", name="United Nations", type="organization", country="UNO")
SOUTH_AFRICA = Actor(key="entity:20", name="South Africa", type="place", country="ZAF")


def keys(actors: tuple[Actor, ...]) -> frozenset[str]:
    return frozenset(k for a in actors for k in (a.key, *a.affiliations))


def reading(source: tuple[Actor, ...], target: tuple[Actor, ...], date: str = "2025-10-24") -> ArticleEvent:
    """An article-level CONSULT as the classifier alone reads it (no trigger)."""
    return ArticleEvent(
        group=0,
        type="CONSULT",
        mode=None,
        parent=None,
        mentions=(),
        joint=False,
        source_actors=source,
        target_actors=target,
        src_keys=keys(source),
        tgt_keys=keys(target),
        date=date,
        date_end=None,
        precision="day",
        date_source="published",
        location="Hanoi",
        location_source="dateline",
    )


def meeting(source: tuple[Actor, ...], target: tuple[Actor, ...], date: str = "2025-10-24") -> StoredEvent:
    return StoredEvent(
        id=1,
        type="CONSULT",
        mode="visit",
        date=date,
        date_end=None,
        date_source="time",
        location_key="hanoi",
        parent_id=None,
        joint=True,
        source_actors=source,
        target_actors=target,
        src_keys=keys(source),
        tgt_keys=keys(target),
    )


# -- 1. one meeting, one event ---------------------------------------------------------------------


def test_a_classifier_meeting_naming_a_participant_beside_their_country_joins_the_meeting():
    # "He agreed with the Prime Minister's assessment ... Laos would work closely with Việt Nam"
    stored = meeting((CHINH,), (THONGLOUN, LPRP))
    assert _adds_nothing(reading((THONGLOUN, LAOS, CHINH), (VIETNAM,)), stored)


def test_a_country_beside_nobody_of_its_own_is_still_new():
    stored = meeting((CHINH,), (THONGLOUN, LPRP))
    # Cambodia is no participant's state: the reading would widen the meeting
    assert not _adds_nothing(reading((THONGLOUN, CAMBODIA, CHINH), (VIETNAM,)), stored)
    # another day is another meeting
    assert not _adds_nothing(reading((THONGLOUN, LAOS, CHINH), (VIETNAM,), date="2025-10-25"), stored)


def test_a_reading_linked_only_through_a_country_or_a_body_someone_speaks_for_does_not_join():
    # "Three meetings filled the calendar of Việt Nam's leaders ... the UN Convention": Vietnam -> UN
    visit = meeting((GUTERRES,), (VIETNAM,))
    assert not _adds_nothing(reading((VIETNAM,), (UN,)), visit)
    # naming the visitor himself, it confirms the visit
    assert _adds_nothing(reading((GUTERRES,), (VIETNAM,)), visit)


def test_a_reading_of_countries_only_joins_an_event_of_those_countries():
    # "the first visit of a South African president to Việt Nam in 20 years", read twice
    countries = meeting((SOUTH_AFRICA,), (VIETNAM,), date="2025-10-23")
    assert _adds_nothing(reading((VIETNAM,), (SOUTH_AFRICA,), date="2025-10-23"), countries)
    assert not _adds_nothing(reading((VIETNAM,), (LAOS,), date="2025-10-23"), countries)


@dataclass
class Row:
    classifier: str
    source_actors: str
    target_actors: str
    joint: bool = False


def row(classifier: str, source: tuple[Actor, ...], target: tuple[Actor, ...]) -> Row:
    return Row(
        classifier,
        json.dumps([a.to_dict() for a in source]),
        json.dumps([a.to_dict() for a in target]),
    )


def names(actors: list[dict[str, object]]) -> list[object]:
    return [a["name"] for a in actors]


def test_classifier_readings_move_no_actor_and_put_a_country_beside_its_people():
    rows = [
        row("rules+model", (CHINH,), (THONGLOUN, LPRP)),
        row("model", (THONGLOUN, LAOS), (CHINH, VIETNAM)),
    ]
    source, target = _sides(rows)  # type: ignore[arg-type]
    assert names(source) == ["Phạm Minh Chính", "Vietnam"]
    assert names(target) == ["Thongloun Sisoulith", "Lao People's Revolutionary Party", "Laos"]


def test_an_event_the_classifier_alone_found_keeps_its_own_sides():
    source, target = _sides([row("model", (THONGLOUN, LAOS), (CHINH,))])  # type: ignore[list-item]
    assert names(source) == ["Thongloun Sisoulith", "Laos"]
    assert names(target) == ["Phạm Minh Chính"]


def test_multilateral_forums_in_general_are_no_meeting_mode():
    future = (
        "Both leaders agreed to keep up regular exchanges of delegations at all levels and to "
        "coordinate closely at ASEAN and other multilateral forums."
    )
    assert sentence_mode(future, EN, "CONSULT") is None
    assert sentence_mode("The two ministers met at a multilateral meeting in Geneva.", EN, "CONSULT") == (
        "multilateral"
    )
    assert sentence_mode("They met on the sidelines of the summit.", EN, "CONSULT") == "multilateral"


@dataclass
class Report:
    article_id: str
    classifier: str
    source_actors: str
    target_actors: str
    path: str = "x.txt"
    language: str = "en"
    sentence: str = ""


def report(article: str, source: tuple[Actor, ...], target: tuple[Actor, ...], by: str = "rules") -> Report:
    return Report(
        article, by, json.dumps([a.to_dict() for a in source]), json.dumps([a.to_dict() for a in target])
    )


def participant_items(rows: list[Report]) -> list[dict[str, object]]:
    item = _participants_disagree(rows)
    return [] if item is None else [item]


def test_a_report_naming_the_party_a_leader_speaks_for_does_not_disagree_on_participants():
    rows = [
        report("a", (CHINH,), (THONGLOUN,)),
        report("b", (CHINH,), (LPRP,)),  # "Chinh received the Lao party delegation"
        report("c", (CHINH, VIETNAM), (THONGLOUN, LAOS)),
    ]
    assert participant_items(rows) == []


def test_the_classifier_own_readings_do_not_make_a_disagreement():
    rows = [report("a", (CHINH,), (THONGLOUN,)), report("a", (GUTERRES,), (CHINH,), by="model")]
    rows.append(report("b", (CHINH,), (THONGLOUN,)))
    assert participant_items(rows) == []


def test_reports_naming_other_people_still_disagree():
    rows = [report("a", (CHINH,), (THONGLOUN,)), report("b", (CHINH,), (GUTERRES,))]
    (item,) = participant_items(rows)
    assert [v["value"] for v in item["values"]] == [  # type: ignore[index,union-attr]
        ["Phạm Minh Chính", "Thongloun Sisoulith"],
        ["António Guterres", "Phạm Minh Chính"],
    ]


def test_reports_naming_different_guests_agree_when_a_third_names_them_all():
    # one report of a host's bilateral meetings names one guest, another a second, a third all of them
    rows = [
        report("a", (CHINH,), (THONGLOUN,)),
        report("b", (CHINH,), (GUTERRES,)),
        report("c", (CHINH,), (THONGLOUN, GUTERRES)),
    ]
    assert participant_items(rows) == []
    # without the third, or with a third naming someone else, they still disagree
    assert len(participant_items(rows[:2])) == 1
    assert len(participant_items([*rows[:2], report("c", (CHINH,), (THONGLOUN, LUONG_CUONG))])) == 1


# -- 2. a list of signatories is no act between them ------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "text"),
    [
        (EN, "Among the signatories were China, Russia, Brazil, Australia and the European Union."),
        (EN, "Participants included ministers from Laos, Cambodia and Thailand."),
        (VI, "Trong số các nước ký có Trung Quốc, Nga, Brazil và Australia."),
        (ID, "Di antara penanda tangan adalah Tiongkok, Rusia, Brasil dan Australia."),
    ],
)
def test_a_list_of_who_signed_or_took_part_asserts_no_event(rules, text):
    assert not asserted(text, rules)


@pytest.mark.parametrize(
    "text",
    [
        "China imposed sanctions on Russia.",
        "Participants were arrested by police after the rally.",
        "The signatories agreed to share electronic evidence.",
    ],
)
def test_an_act_of_signatories_or_participants_is_still_read(text):
    assert asserted(text, EN)


# -- 3. one place, one name -------------------------------------------------------------------------


def test_the_names_of_one_place_in_several_languages_are_one_vote():
    # 2 palace reports in two languages beat 1 for Hanoi (before: 1-1-1, the first one shown)
    palace = [("Presidential Palace", "en"), ("Istana Kepresidenan", "id"), ("Hanoi", "vi")]
    assert place_vote(palace) == "Presidential Palace"
    assert place_vote(list(reversed(palace))) == "Presidential Palace"


def test_a_place_is_shown_in_the_language_of_most_of_its_reports():
    votes = [("Presidential Palace", "en"), ("Istana Kepresidenan", "id"), ("Istana Kepresidenan", "id")]
    assert place_vote(votes) == "Istana Kepresidenan"
    assert place_vote(list(reversed(votes))) == "Istana Kepresidenan"


def test_on_a_tie_of_languages_the_english_name_is_shown_in_any_order():
    tie = [("Istana Kepresidenan", "id"), ("Phủ Chủ tịch", "vi")]
    assert place_vote(tie) == "Presidential Palace"  # the gazetteer's name, no English report
    assert place_vote(list(reversed(tie))) == "Presidential Palace"
    assert place_vote([("Istana Kepresidenan", "id"), ("Presidential Palace", "en")]) == "Presidential Palace"


def test_places_the_gazetteer_does_not_know_vote_by_their_name():
    assert place_vote([("Nhà Quốc hội", "vi"), ("Gedung X", "id"), ("Nhà Quốc hội", "vi")]) == "Nhà Quốc hội"
    assert place_vote([(None, "en"), ("", "vi")]) is None


# -- the bundled examples, end to end ---------------------------------------------------------------

EXAMPLES = (
    "examples/text/en_01_chinh_thongloun_meeting.txt",
    "examples/text/en_03_hanoi_convention_signing.txt",
    "examples/jsonl/mixed_crawl_hanoi_week.jsonl#2",
    "examples/feeds/vi_nhip_song_quoc_te.rss.xml#3",
)


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory):
    from pathlib import Path

    from newsloom.corpus import run_corpus_steps
    from newsloom.events.evaluate import GATE_STAGES, read_articles
    from newsloom.pipeline import Pipeline
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    root = Path(__file__).resolve().parents[2]
    pipeline = Pipeline(GATE_STAGES)
    articles = {p: pipeline(a) for p, a in read_articles(EXAMPLES, root).items()}
    store = Store.open(str(tmp_path_factory.mktemp("examples") / "examples.db"))
    for path in EXAMPLES:
        with store.transaction() as conn:
            save_article(conn, articles[path])
            run_corpus_steps(conn, articles[path])
    return articles, store


def test_no_sanction_is_read_from_the_list_of_signatories(examples_store):
    articles, _ = examples_store
    article = articles["examples/text/en_03_hanoi_convention_signing.txt"]
    listed = [e for e in article.events if e.evidence.startswith("Among the signatories")]
    assert not [e for e in listed if e.type == "SANCTION"], [(e.type, e.rule) for e in listed]


def test_the_chinh_thongloun_meeting_is_one_consult_with_every_report(examples_store):
    from newsloom.store.events import source_evidence

    _, store = examples_store
    with store.connect() as conn:
        rows = [r for r in source_evidence(conn) if r.type == "CONSULT" and r.path != EXAMPLES[1]]
    events = {r.event_id for r in rows if "Thongloun" in r.sentence or "agreed" in r.sentence}
    assert len(events) == 1, sorted({(r.event_id, r.path, r.sentence[:60]) for r in rows})
    (meeting_id,) = events
    paths = {r.path for r in rows if r.event_id == meeting_id}
    assert paths == {p for p in EXAMPLES if p != EXAMPLES[1]}


# -- round 6: a person's body is no link; members named noun-first are no actor ------------------------

LUONG_CUONG = Actor(key="entity:2", name="Lương Cường", type="person", country="VNM")


def test_a_classifier_visit_does_not_join_a_reading_of_the_body_the_visitor_speaks_for():
    # "Three meetings filled the calendar of Việt Nam's leaders ... the UN Convention" was stored
    # first as Vietnam -> UN; "Guterres is on an official visit to Việt Nam" shares only Guterres's
    # body with it (the two made "António Guterres, Vietnam -> United Nations")
    calendar = meeting((VIETNAM,), (UN,), date="2025-10-24")
    assert not _adds_nothing(reading((GUTERRES,), (VIETNAM,), date="2025-10-24"), calendar)
    # the talks he held on his visit are his: the visit joins them
    talks = meeting((LUONG_CUONG,), (GUTERRES,), date="2025-10-24")
    assert _adds_nothing(reading((GUTERRES,), (VIETNAM,), date="2025-10-24"), talks)


ASEAN = ("organization", "org:asean", "ASEAN", None, None)
SUGIONO = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
UN_ORG = ("organization", "org:un", "Liên Hợp Quốc", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names", "target"),
    [
        ("Ngoại trưởng Sugiono kêu gọi các nước ASEAN tăng cường hợp tác chống lừa đảo trực tuyến.", "vi",
         {"Sugiono": SUGIONO, "ASEAN": ASEAN}, ()),
        ("Ngoại trưởng Sugiono kêu gọi các nước thành viên Liên Hợp Quốc tăng cường hợp tác.", "vi",
         {"Sugiono": SUGIONO, "Liên Hợp Quốc": UN_ORG}, ()),
        ("Ngoại trưởng Sugiono kêu gọi ASEAN tăng cường hợp tác chống lừa đảo trực tuyến.", "vi",
         {"Sugiono": SUGIONO, "ASEAN": ASEAN}, ("org:asean",)),
        ("Menteri Luar Negeri Sugiono mendesak negara-negara ASEAN memperkuat kolaborasi lintas sektor.", "id",
         {"Sugiono": SUGIONO, "ASEAN": ASEAN}, ()),
        ("Menteri Luar Negeri Sugiono mendesak ASEAN memperkuat kolaborasi lintas sektor.", "id",
         {"Sugiono": SUGIONO, "ASEAN": ASEAN}, ("org:asean",)),
    ],
)  # fmt: skip
def test_members_named_before_their_organization_are_no_actor(text, lang, names, target):
    from newsloom.events.extract import extract_events

    from .helpers import make_article

    events = [
        e
        for e in extract_events(make_article(text, lang, names, published="2025-10-26"))
        if e.type == "REQUEST"
    ]
    assert [(e.source, e.target) for e in events] == [(("person:sugiono",), target)]


RAMAPHOSA = Actor(key="entity:13", name="Cyril Ramaphosa", type="person", country="ZAF")


def test_a_visit_read_as_one_visitor_and_a_country_is_one_party_on_its_day():
    # "Tổng thống Nam Phi dự Diễn đàn ... trước khi kết thúc chuyến thăm" read as Ramaphosa -> Vietnam
    # was stored first; the Indonesian report of the forum (Chính and Ramaphosa attended) started a
    # second forum event beside it, as the country counted as a second, unmatched party
    from newsloom.events.merge import _meeting_score

    forum = reading((CHINH, RAMAPHOSA), (), date="2025-10-24")
    visit = meeting((RAMAPHOSA,), (VIETNAM,), date="2025-10-24")
    assert _meeting_score(forum, visit) > 0
    assert _meeting_score(reading((CHINH, RAMAPHOSA), (), date="2025-10-25"), visit) == 0  # another day
    # two named parties still need two in common
    talks = meeting((LUONG_CUONG,), (RAMAPHOSA,), date="2025-10-24")
    assert _meeting_score(forum, talks) == 0


def test_statements_sharing_only_a_country_are_one_only_at_one_meeting_or_towards_one_target():
    from dataclasses import replace

    from newsloom.events.merge import _statement_score

    # "Việt Nam was ready to contribute more to peacekeeping" (the Guterres talks) and "Việt Nam is
    # ready to be South Africa's gateway to ASEAN" (the business forum), the same day
    ready = replace(reading((VIETNAM,), ()), type="AGREE")
    gateway = replace(meeting((VIETNAM,), (SOUTH_AFRICA,)), type="AGREE", joint=False)
    assert _statement_score(ready, gateway, None, frozenset()) == 0
    # towards the same target, or at the same meeting, they are one
    towards = replace(reading((VIETNAM,), (SOUTH_AFRICA,)), type="AGREE")
    assert _statement_score(towards, gateway, None, frozenset()) > 0
    at_meeting = replace(gateway, parent_id=7)
    assert _statement_score(ready, at_meeting, 7, frozenset()) > 0
    # a person in common is a link of its own
    said = replace(reading((CHINH, VIETNAM), ()), type="AGREE")
    assert (
        _statement_score(
            said,
            replace(gateway, source_actors=(CHINH, VIETNAM), src_keys=keys((CHINH, VIETNAM))),
            None,
            frozenset(),
        )
        > 0
    )


GUTERRES_NAME = {"Guterres": ("person", "person:guterres", "António Guterres", None, None)}
VN_NAME = {
    "Việt Nam": ("place", "place:vn", "Vietnam", None, None),
    "Vietnam": ("place", "place:vn", "Vietnam", None, None),
}


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [
        ("Guterres thanked Vietnam. By the time the two leaders faced reporters, 65 states had signed the treaty.",
         "en", []),
        ("Guterres memuji Vietnam. Hingga konferensi pers dimulai, sebanyak 65 negara telah menandatangani konvensi.",
         "id", []),
        ("Guterres cảm ơn Việt Nam. Tính đến chiều cùng ngày đã có 65 quốc gia ký Công ước.", "vi", []),
        ("Guterres cảm ơn Việt Nam. Sau đó, ông chứng kiến đại diện các quốc gia ký Công ước.", "vi", []),
        ("Guterres thanked Vietnam. Vietnam signed the convention on Saturday.", "en", [("place:vn",)]),
    ],
)  # fmt: skip
def test_a_counted_unnamed_subject_signs_nothing_for_the_sentence_s_named_actors(text, lang, kept):
    from newsloom.events.extract import extract_events

    from .helpers import make_article

    article = make_article(text, lang, {**GUTERRES_NAME, **VN_NAME}, published="2025-10-25")
    assert [e.source for e in extract_events(article) if e.type == "SUPPORT" and e.sentence == 1] == kept


def test_a_country_after_an_english_group_s_verb_is_not_its_nationality():
    from newsloom.events.extract import extract_events

    from .helpers import make_article

    names = {"Vietnam": ("place", "place:vn", "Vietnam", None, None)}
    text = "The visiting officials praised Vietnam for organising the ceremony."
    article = make_article(text, "en", names, published="2025-10-26", dateline="Hanoi")
    praised = [e for e in extract_events(article) if e.type == "SUPPORT"]
    assert [(e.source, e.target) for e in praised] == [(("group:gov:xx",), ("place:vn",))]
    # "from Vietnam" still names their country
    article = make_article("Officials from Vietnam praised the plan.", "en", names, published="2025-10-26")
    assert [e.source for e in extract_events(article) if e.type == "SUPPORT"] == [("group:gov:vnm",)]


def test_a_visit_between_countries_is_the_state_visit_of_their_leaders_that_day():
    # "Đây là chuyến thăm Việt Nam đầu tiên của một Tổng thống Nam Phi": South Africa -> Vietnam
    from newsloom.events.merge import _meeting_score

    first_visit = reading((SOUTH_AFRICA,), (VIETNAM,), date="2025-10-23")
    talks = meeting((LUONG_CUONG,), (RAMAPHOSA,), date="2025-10-23")
    assert _meeting_score(first_visit, talks) > 0
    assert _meeting_score(reading((SOUTH_AFRICA,), (LAOS,), date="2025-10-23"), talks) == 0


def test_the_talks_confirm_a_reading_of_their_leaders_countries():
    from newsloom.events.merge import _confirms

    first_visit = meeting((SOUTH_AFRICA,), (VIETNAM,), date="2025-10-23")  # stored first, classifier only
    talks = reading((LUONG_CUONG,), (RAMAPHOSA,), date="2025-10-23")
    assert _confirms(talks, first_visit)
    assert not _confirms(reading((CHINH,), (THONGLOUN,), date="2025-10-23"), first_visit)  # Laos: no
    assert not _confirms(reading((LUONG_CUONG,), (RAMAPHOSA,), date="2025-10-24"), first_visit)


def test_a_country_a_reading_adds_goes_to_its_person_whichever_report_gives_his_state():
    # the English report's "State President Lương Cường" carries no state, the Vietnamese one does
    from dataclasses import replace

    no_state = replace(LUONG_CUONG, country=None)
    rows = [
        row("rules+model", (no_state,), (GUTERRES,)),
        row("rules+model", (LUONG_CUONG,), (GUTERRES,)),
        row("model", (GUTERRES,), (VIETNAM,)),  # "Guterres is on an official visit to Việt Nam"
    ]
    source, target = _sides(rows)  # type: ignore[arg-type]
    assert names(source) == ["Lương Cường", "Vietnam"]
    assert names(target) == ["António Guterres"]
