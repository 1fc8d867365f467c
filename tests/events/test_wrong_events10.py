"""Wrong events left on the bundled examples (#13, round 10), each fixed in pack data:

- "Chủ tịch nước và Tổng Thư ký LHQ chứng kiến đại diện các quốc gia ký Công ước" read as Lương Cường
  -> UN AGREE: witnessing others sign is attending, no act of the witnesses (``non_event``);
- "nghi thức ký do Văn phòng Các vấn đề pháp lý của LHQ điều hành" gave the UN legal office as the
  target of Vietnam's signing: "do X điều hành" (run by X) names who ran it (``organizer_phrase``);
- "sejumlah pemimpin delegasi menggelar pertemuan bilateral" (unnamed delegation leaders held
  bilateral meetings) became a report of the press conference: who met is not named
  (``counted_subject``).
"""

from __future__ import annotations

import pytest

from newsloom.events.learned import asserted
from newsloom.events.stage import find_events
from newsloom.lang import load_part

from .helpers import make_article

UN = ("organization", "org:un", "United Nations", None, None)
LEGAL = ("organization", "org:un-ola", "Văn phòng Các vấn đề pháp lý của LHQ", None, None)
VN = ("place", "place:vn", "Vietnam", None, None)
CHINH = ("person", "person:chinh", "Phạm Minh Chính", "head_of_government", None)
GUTERRES = ("person", "person:guterres", "António Guterres", "un_secretary_general", None)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "vi",
            "Sau phiên khai mạc, Chủ tịch nước và Tổng Thư ký LHQ chứng kiến đại diện các quốc gia ký Công ước.",
        ),
        ("en", "The President and the UN chief witnessed delegates from 65 countries signing the treaty."),
        ("id", "Presiden dan Sekjen PBB menyaksikan penandatanganan konvensi oleh para delegasi."),
    ],
)
def test_witnessing_a_signing_asserts_no_act_of_the_witnesses(lang, text):
    assert not asserted(text, load_part(lang, "events"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", "Chủ tịch nước Lương Cường ký Công ước thay mặt Việt Nam."),
        ("en", "Vietnam signed the treaty first, on behalf of its government."),
    ],
)
def test_signing_itself_is_still_asserted(lang, text):
    assert asserted(text, load_part(lang, "events"))


def test_a_body_that_ran_the_signing_is_no_target_of_the_signer():
    text = "Việt Nam là nước đầu tiên ký; nghi thức ký do Văn phòng Các vấn đề pháp lý của LHQ điều hành."
    names = {"Việt Nam": VN, "Văn phòng Các vấn đề pháp lý của LHQ": LEGAL}
    article = find_events(make_article(text, "vi", names, published="2025-10-25"), classifier=False)
    assert all("org:un-ola" not in e.target for e in article.events)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "id",
            "Pada hari yang sama, sejumlah pemimpin delegasi menggelar pertemuan bilateral di sela acara.",
        ),
        ("vi", "Cùng ngày, một số trưởng đoàn hội kiến song phương bên lề sự kiện."),
        ("en", "On the same day, some heads of delegation held bilateral meetings on the sidelines."),
    ],
)
def test_unnamed_delegation_leaders_meeting_is_no_event_of_the_last_named(lang, text):
    # the sentence before names the press conference's co-chairs: they are not who met here
    before = {
        "id": "Chinh dan António Guterres memimpin konferensi pers.",
        "vi": "Thủ tướng Phạm Minh Chính và António Guterres đồng chủ trì họp báo.",
        "en": "Phạm Minh Chính and António Guterres co-chaired a press conference.",
    }[lang]
    names = {"Phạm Minh Chính": CHINH, "Chinh": CHINH, "António Guterres": GUTERRES}
    article = find_events(
        make_article(f"{before} {text}", lang, names, published="2025-10-25"), classifier=False
    )
    assert [e for e in article.events if e.sentence == 1] == []


def test_a_person_his_ministry_and_his_country_show_as_one_participant():
    from newsloom.events.stored import one_participant

    quang = {"key": "entity:2", "name": "Luong Tam Quang", "type": "person", "country": "VNM",
             "affiliations": ["place:vn", "entity:17"]}  # fmt: skip
    ministry = {
        "key": "entity:17",
        "name": "Ministry of Public Security",
        "type": "organization",
        "country": "VNM",
    }
    vietnam = {"key": "entity:1", "name": "Vietnam", "type": "place", "country": "VNM"}
    laos = {"key": "entity:9", "name": "Laos", "type": "place", "country": "LAO"}
    assert one_participant([quang, vietnam, ministry]) == [quang]
    assert one_participant([ministry, vietnam]) == [ministry]  # a body and its country
    assert one_participant([quang, laos]) == [quang, laos]  # another country is another party
    assert one_participant([vietnam]) == [vietnam]
    other = {"key": "entity:30", "name": "Ministry of Justice", "type": "organization", "country": "VNM"}
    assert one_participant([quang, other]) == [quang, other]  # a body he does not speak for


def test_a_subject_that_should_act_is_asked_by_the_speaker_before():
    from newsloom.events.extract import sentence_event

    text = (
        "President Lương Cường proposed five priorities for the years ahead. "
        "The UN should press on with reform to become leaner and more effective."
    )
    names = {"Lương Cường": ("person", "person:luong cuong", "Lương Cường", "head_of_state", None), "UN": UN}
    article = make_article(text, "en", names, published="2025-10-24")
    event = sentence_event(article, 1, "REQUEST", 0.8)
    assert event is not None
    assert (event.source, event.target) == (("person:luong cuong",), ("org:un",))


def test_a_subject_that_acts_is_still_the_source():
    from newsloom.events.extract import sentence_event

    names = {"UN": UN, "Việt Nam": VN}
    article = make_article("The UN pressed Việt Nam to reform.", "en", names, published="2025-10-24")
    event = sentence_event(article, 0, "REQUEST", 0.8)
    assert event is not None and (event.source, event.target) == (("org:un",), ("place:vn",))


def test_an_agent_of_a_passive_relative_clause_is_no_target():
    son = ("person", "person:son", "Bùi Thanh Sơn", None, None)
    unga = ("organization", "org:unga", "UN General Assembly", None, None)
    text = "Son menyambut baik konvensi yang diadopsi Majelis Umum PBB pada Desember 2024."
    article = find_events(make_article(text, "id", {"Son": son, "Majelis Umum PBB": unga}), classifier=False)
    assert article.events and all("org:unga" not in e.target for e in article.events)


def test_verbs_joined_inside_a_request_s_complement_are_the_request_s():
    son = ("person", "person:son", "Bùi Thanh Sơn", None, None)
    unodc = ("organization", "org:unodc", "UNODC", None, None)
    text = (
        "Son meminta UNODC terus mendorong negara-negara agar segera menandatangani dan meratifikasi "
        "konvensi itu."
    )
    article = find_events(make_article(text, "id", {"Son": son, "UNODC": unodc}), classifier=False)
    assert [(e.type, e.source, e.target) for e in article.events] == [
        ("REQUEST", ("person:son",), ("org:unodc",))
    ]


QUANG = ("person", "person:quang", "Lương Tam Quang", "minister", None)
WALY = ("person", "person:waly", "Ghada Waly", "agency_head", "org:unodc")
UNODC = ("organization", "org:unodc", "UNODC", None, None)
KUBAYI = ("person", "person:kubayi", "Mmamoloko Kubayi", "minister", None)
RAMAPHOSA = ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", None)


def test_a_possessive_country_s_minister_set_off_by_his_name_is_the_person():
    text = "Vietnam's Minister of Public Security, General Luong Tam Quang, met UNODC Executive Director Ghada Waly."
    names = {"Vietnam": VN, "Luong Tam Quang": QUANG, "UNODC": UNODC, "Ghada Waly": WALY}
    article = find_events(make_article(text, "en", names, published="2025-10-25"), classifier=False)
    ((event,),) = [article.events]
    assert (event.type, event.source, event.target) == ("CONSULT", ("person:quang",), ("person:waly",))
    # UNODC opens Waly's title: it is no body Quang speaks for
    assert event.source_actors[0].affiliations == ()


def test_a_with_phrase_before_the_subject_names_whom_he_met():
    from newsloom.events.extract import sentence_event

    text = (
        "Quang held meetings on Sunday. "
        "With Minister Mmamoloko Kubayi, he discussed follow-up to President Cyril Ramaphosa's state visit."
    )
    names = {"Quang": QUANG, "Mmamoloko Kubayi": KUBAYI, "Cyril Ramaphosa": RAMAPHOSA}
    event = sentence_event(make_article(text, "en", names, published="2025-10-26"), 1, "CONSULT", 0.8)
    assert event is not None and (event.source, event.target) == (("person:quang",), ("person:kubayi",))


def test_a_meeting_read_alone_beside_a_statement_of_the_host_s_meeting_is_that_meeting():
    from newsloom.events.merge import _meetings_of_statements
    from newsloom.events.rollup import article_events
    from newsloom.events.types import Actor, Event

    quang = Actor(key="person:quang", name="Lương Tam Quang", type="person")
    naghiyev = Actor(key="person:naghiyev", name="Ali Naghiyev", type="person")
    kubayi = Actor(key="person:kubayi", name="Mmamoloko Kubayi", type="person")
    day = dict(date="2025-10-26", precision="day", date_source="time")

    def event(sentence, type_, target, group, parent=None, classifier="rules", **kw):
        return Event(type_, sentence, "s", 0, 1, "t", source=(quang.key,), target=tuple(a.key for a in target),
                     source_actors=(quang,), target_actors=tuple(target), group=group, parent=parent,
                     classifier=classifier, **kw)  # fmt: skip

    events = [
        event(0, "CONSULT", [naghiyev], 0, **day),  # Quang received Naghiyev on Sunday
        event(1, "AGREE", [], 1, parent=0),  # with Kubayi he ... agreed (read at Sunday's meetings)
        event(1, "CONSULT", [kubayi], 2, classifier="model"),  # the classifier's reading: met Kubayi
    ]
    (meeting, statement) = _meetings_of_statements(article_events(events))
    assert meeting.type == "CONSULT" and {a.key for a in meeting.participants} == {
        quang.key, naghiyev.key, kubayi.key
    }  # fmt: skip
    assert [m.sentence for m in meeting.mentions] == [0, 1] and statement.type == "AGREE"
    # a meeting read alone in a sentence of no statement of that meeting stays its own
    alone = [*events[:1], event(2, "CONSULT", [kubayi], 2, classifier="model")]
    assert len(_meetings_of_statements(article_events(alone))) == 2


MPS_NAMES = {
    "Bộ trưởng Lương Tam Quang": QUANG,
    "Lương Tam Quang": QUANG,
    "Bộ trưởng Mmamoloko Kubayi": KUBAYI,
    "Tổng thống Cyril Ramaphosa": RAMAPHOSA,
    "Bộ trưởng Paulo Chachine": ("person", "person:chachine", "Paulo Chachine", "minister", None),
    "Việt Nam": VN,
}


def _vi_events(text: str) -> list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]:
    article = find_events(make_article(text, "vi", MPS_NAMES, published="2025-10-27"), classifier=False)
    return [(e.sentence, e.type, e.source, e.target) for e in article.events]


def test_the_sides_at_a_reception_are_the_host_and_his_guest_not_whom_they_spoke_of():
    text = (
        "Đại tướng Lương Tam Quang tiếp Bộ trưởng Mmamoloko Kubayi. "
        "Tại buổi tiếp Bộ trưởng Mmamoloko Kubayi, hai bên nhắc lại kết quả chuyến thăm cấp Nhà nước của "
        "Tổng thống Cyril Ramaphosa vừa kết thúc và nhất trí nghiên cứu ký kết các văn kiện hợp tác."
    )
    agreed = [e for e in _vi_events(text) if e[0] == 1]
    assert agreed == [(1, "AGREE", ("person:quang", "person:kubayi"), ())]


def test_a_sentence_opening_with_a_reception_has_its_subject_after_the_comma():
    text = (
        "Tại cuộc gặp Bộ trưởng Paulo Chachine, hai bên khẳng định sẽ triển khai các hiệp định. "
        "Tiếp Bộ trưởng Mmamoloko Kubayi, Bộ trưởng Lương Tam Quang cho rằng hợp tác hai nước có động lực mới."
    )
    met = [e for e in _vi_events(text) if e[0] == 1 and e[1] == "CONSULT"]
    assert met == [(1, "CONSULT", ("person:quang",), ("person:kubayi",))]


def test_unnamed_heads_of_delegation_praising_are_no_event_of_the_last_named():
    text = (
        "Đại tướng Lương Tam Quang tiếp Bộ trưởng Mmamoloko Kubayi. "
        "Các trưởng đoàn đều đánh giá cao vai trò của Việt Nam."
    )
    assert [e for e in _vi_events(text) if e[0] == 1] == []


def test_a_statement_at_a_meeting_the_story_dated_is_made_that_day():
    from dataclasses import replace

    from newsloom.events.rollup import article_events
    from newsloom.events.types import Actor, Event
    from newsloom.events.years import STORY_DATE_SOURCE, _statements_on_meeting_days

    quang = Actor(key="person:quang", name="Lương Tam Quang", type="person")
    chachine = Actor(key="person:chachine", name="Paulo Chachine", type="person")
    meeting = Event(
        "CONSULT", 0, "s", 0, 1, "Tiếp", source_actors=(quang,), target_actors=(chachine,), group=0
    )
    said = Event("SUPPORT", 0, "s", 2, 3, "đánh giá cao", source_actors=(quang,), group=1, parent=0)
    elsewhere = Event("SUPPORT", 1, "s", 4, 5, "x", source_actors=(quang,), group=2)
    groups = article_events([meeting, said, elsewhere])
    day = "2025-10-26"
    groups[0] = replace(groups[0], date=day, date_end=day, precision="day", date_source=STORY_DATE_SOURCE)
    dated = _statements_on_meeting_days(groups)
    assert [g.date for g in dated] == [day, day, None]  # made at no meeting: no day from it
    assert dated[1].mentions[0].date == day
