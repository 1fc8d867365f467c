"""What a user read on the bundled examples in session 12 (#13), each as a general rule on made-up
sentences shaped like them: guests listed with a title between commas after a reception verb are one
meeting each; a sentence opening "With X," makes X the other party of what follows; a statement
naming guests is filed under a meeting with them, never under another guest's; a meeting still to
come implies no meeting held; a speaker's statements are dated on the day the report places them;
an untimed sentence of a one-day story is on that day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newsloom.events.actors import actor_from_mention, country_at_edge
from newsloom.events.dates import with_occasion_days
from newsloom.events.extract import extract_events
from newsloom.events.implicit import implied_meetings
from newsloom.events.rollup import ArticleEvent, rollup
from newsloom.events.types import Actor, Event
from newsloom.events.years import with_story_days

from .helpers import EACH_GUEST, QUANG_AND_GUESTS, make_article

NAMES = {
    **QUANG_AND_GUESTS,
    "Azerbaijan": ("place", "place:az", "Azerbaijan", None, None),
    "State Security Service": ("organization", "org:sss", "State Security Service", None, None),
}


def _meetings(text: str, lang: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    article = make_article(text, lang, NAMES, published="2025-10-26")
    return [(e.source, e.target) for e in extract_events(article) if e.type == "CONSULT"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Quang also received Ali Naghiyev, head of Azerbaijan's State Security Service, and Iranian "
            "Deputy Foreign Minister Vahid Jalalzadeh.",
        ),
        (
            "vi",
            "Sáng 26/10, Luong Tam Quang đã tiếp ông Ali Naghiyev, Giám đốc Cơ quan An ninh quốc gia "
            "Azerbaijan, và Thứ trưởng Bộ Ngoại giao Iran Vahid Jalalzadeh.",
        ),
        (
            "id",
            "Quang juga menerima Ali Naghiyev, Kepala Dinas Keamanan Negara Azerbaijan, dan Wakil Menteri "
            "Luar Negeri Iran Vahid Jalalzadeh.",
        ),
    ],
)
def test_guests_listed_with_a_title_between_commas_are_one_meeting_each(lang, text):
    assert _meetings(text, lang) == EACH_GUEST


def test_a_title_naming_no_actor_between_commas_still_lists_the_next_guest():
    text = "Quang received Ali Naghiyev, head of the service, and Deputy Foreign Minister Vahid Jalalzadeh."
    assert _meetings(text, "en") == EACH_GUEST
    text = "Quang received Ali Naghiyev, head of the service, and discussed trade with Vahid Jalalzadeh."
    assert _meetings(text, "en")[:1] == EACH_GUEST[:1]
    # Jalalzadeh is no guest of the reception; the discussion with him is a meeting of its own (#13)
    article = make_article(text, "en", NAMES, published="2025-10-26")
    read = [(e.target, e.trigger) for e in extract_events(article) if e.type == "CONSULT"]
    assert (EACH_GUEST[1][1], "received") not in read and (EACH_GUEST[1][1], "discussed") in read


def test_a_title_between_commas_and_no_second_guest_is_one_meeting():
    text = "Quang received Ali Naghiyev, head of the State Security Service, on Sunday."
    assert _meetings(text, "en") == EACH_GUEST[:1]


def test_a_person_between_commas_is_a_guest_not_a_title():
    text = "Quang received Ali Naghiyev, Paulo Chachine and Vahid Jalalzadeh."
    assert [t for _, t in _meetings(text, "en")] == [
        ("person:naghiyev",),
        ("person:chachine",),
        ("person:jalalzadeh",),
    ]


def test_a_sentence_opening_with_the_meeting_has_its_subject_after_the_comma():
    text = "Meeting Mozambique's Interior Minister Paulo Chachine, Quang said the two countries should cooperate."
    found = _meetings(text, "en")
    assert found == [(("person:quang",), ("person:chachine",))]


def test_with_someone_opening_a_sentence_makes_them_the_other_party():
    text = (
        "Quang held talks on Sunday. With South African Justice Minister Mmamoloko Kubayi, he discussed "
        "the state visit, and agreed to study new instruments for cooperation."
    )
    article = make_article(text, "en", NAMES, published="2025-10-26")
    agreed = [e for e in extract_events(article) if e.type == "AGREE"]
    assert [(e.source, e.joint) for e in agreed] == [(("person:quang", "person:kubayi"), True)]


def test_with_a_thing_opening_a_sentence_adds_no_party():
    names = {**NAMES, "Japan": ("place", "place:jp", "Japan", None, None)}
    text = "Quang held talks on Sunday. With Japan's help, he agreed to build a new centre."
    article = make_article(text, "en", names, published="2025-10-26")
    agreed = [e for e in extract_events(article) if e.type == "AGREE"]
    assert [e.source for e in agreed] == [("person:quang",)]


# -- which meeting a statement goes to --------------------------------------------------------

Q = Actor(key="person:quang", name="Quang", type="person", country="VNM")
NAGHIYEV = Actor(key="person:naghiyev", name="Ali Naghiyev", type="person", country="AZE")
JALALZADEH = Actor(key="person:jalalzadeh", name="Vahid Jalalzadeh", type="person", country="IRN")
KUBAYI = Actor(key="person:kubayi", name="Mmamoloko Kubayi", type="person", country="ZAF")
MOZAMBIQUE = Actor(key="place:mz", name="Mozambique", type="place", country="MOZ")
AZERBAIJAN = Actor(key="place:az", name="Azerbaijan", type="place", country="AZE")
IRAN = Actor(key="place:ir", name="Iran", type="place", country="IRN")


def _event(sentence: int, type_: str, source: list[Actor], target: list[Actor], trigger: str = "t") -> Event:
    return Event(
        type_, sentence, "s", sentence, sentence + 1, trigger, source=tuple(a.key for a in source),
        target=tuple(a.key for a in target), source_actors=tuple(source), target_actors=tuple(target),
        date="2025-10-26", date_source="time", joint=type_ == "AGREE", language="en",
    )  # fmt: skip


def test_a_statement_naming_two_guests_is_not_filed_under_a_third_guest_s_meeting():
    # "had bilateral contacts with the heads of Mozambique, Azerbaijan and Iran. Receiving Minister
    # Kubayi, ... In the meetings with Naghiyev and Jalalzadeh, the sides agreed ..."
    events = [
        _event(0, "CONSULT", [Q], [MOZAMBIQUE]),
        _event(0, "CONSULT", [Q], [AZERBAIJAN]),
        _event(0, "CONSULT", [Q], [IRAN]),
        _event(1, "CONSULT", [Q], [KUBAYI]),
        _event(2, "AGREE", [Q, NAGHIYEV, JALALZADEH], []),
    ]
    rolled = rollup(events)
    assert rolled[4].parent == rolled[1].group  # Azerbaijan's, the first guest it names


def test_a_statement_with_a_guest_no_meeting_of_the_report_has_is_at_none_of_them():
    # "Quang received Naghiyev. With Kubayi, he agreed ...": not said at the meeting with Naghiyev;
    # it implies a meeting of its own
    events = [_event(0, "CONSULT", [Q], [NAGHIYEV]), _event(1, "AGREE", [Q, KUBAYI], [])]
    rolled = rollup(events)
    assert rolled[1].parent is None
    groups = implied_meetings([_group(rolled[1])])
    assert [g.type for g in groups] == ["AGREE", "CONSULT"]


def test_a_person_takes_the_country_the_body_of_their_title_is_named_after():
    from newsloom.entities.types import Mention

    chachine = Mention(0, 14, "Paulo Chachine", "person", 0, "person:chachine", "Paulo Chachine", "minister")
    actor = actor_from_mention(
        chachine, ("organization:bo noi vu mozambique",), home_country="VNM", national_roles=("minister",)
    )
    assert actor.country == "MOZ"  # not Vietnam, which a bare "Bộ trưởng" would suggest
    assert country_at_edge("organization:bo lao dong thuong binh va xa hoi") is None  # "lao" inside


# -- a meeting still to come --------------------------------------------------------------------


def _group(event: Event, number: int = 0) -> ArticleEvent:
    return ArticleEvent(
        group=number, type=event.type, mode=None, parent=None, mentions=(replace(event, group=number),),
        joint=event.joint, source_actors=event.source_actors, target_actors=event.target_actors,
        src_keys=frozenset(event.source), tgt_keys=frozenset(event.target), date=event.date,
        date_end=event.date, precision="day", date_source=event.date_source, location="Jakarta",
        location_source="sentence",
    )  # fmt: skip


AUSTRALIA = Actor(key="group:gov:aus", name="Australia authorities", type="organization", country="AUS")
INDONESIA = Actor(key="group:gov:idn", name="Indonesia authorities", type="organization", country="IDN")


@pytest.mark.parametrize(
    ("language", "trigger"),
    [("en", "due to meet"), ("vi", "dự kiến gặp nhau"), ("id", "dijadwalkan bertemu")],
)
def test_a_meeting_still_to_come_implies_no_meeting_held(language, trigger):
    planned = replace(_event(0, "AGREE", [AUSTRALIA, INDONESIA], [], trigger), language=language)
    assert [g.type for g in implied_meetings([_group(planned)])] == ["AGREE"]
    agreed = replace(planned, trigger="agreed" if language == "en" else "sepakat")
    assert [g.type for g in implied_meetings([_group(agreed)])] == ["AGREE", "CONSULT"]


# -- dates ------------------------------------------------------------------------------------------

SUGIONO = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
ASEAN = ("organization", "org:asean", "ASEAN", None, None)


def _dated(text: str, times: list[tuple[str, str, str]]) -> list[tuple[str | None, str]]:
    article = make_article(text, "id", {"Sugiono": SUGIONO, "ASEAN": ASEAN}, times, published="2025-10-26")
    return [(e.date, e.date_source) for e in with_occasion_days(article, extract_events(article))]


def test_a_speaker_s_statements_are_on_the_day_the_report_places_the_speaker():
    text = (
        "Menteri Luar Negeri Sugiono mendesak negara-negara ASEAN memperkuat kolaborasi. "
        "Hal itu disampaikan Sugiono saat berbicara dalam pertemuan di Kuala Lumpur, Sabtu (25/10). "
        "Sugiono juga menyambut baik capaian ASEAN."
    )
    assert _dated(text, [("Sabtu (25/10)", "2025-10-25", "day")]) == [("2025-10-25", "previous")] * 2


def test_a_speaker_placed_on_two_days_keeps_the_publication_day():
    text = (
        "Menteri Luar Negeri Sugiono mendesak negara-negara ASEAN memperkuat kolaborasi. "
        "Sugiono tiba di Kuala Lumpur, Jumat (24/10), dan berbicara dalam pertemuan, Sabtu (25/10)."
    )
    times = [("Jumat (24/10)", "2025-10-24", "day"), ("Sabtu (25/10)", "2025-10-25", "day")]
    assert _dated(text, times)[0] == ("2025-10-26", "published")


def _undated(group: int, sentence: int, src: frozenset[str], story_day: str | None) -> ArticleEvent:
    mention = Event(
        type="CONSULT" if story_day else "SUPPORT", sentence=sentence, evidence="s", start=0, end=1,
        trigger="x", date=story_day, date_end=story_day, date_source="story" if story_day else "none",
    )  # fmt: skip
    return ArticleEvent(
        group=group, type=mention.type, mode=None, parent=None, mentions=(mention,), joint=False,
        source_actors=(), target_actors=(), src_keys=src, tgt_keys=frozenset(), date=story_day,
        date_end=story_day, precision="day" if story_day else None,
        date_source="story" if story_day else "none", location=None, location_source=None,
    )  # fmt: skip


def test_an_untimed_sentence_of_a_one_day_story_is_on_that_day():
    meeting = _undated(0, 0, frozenset({"person:quang"}), "2025-10-26")
    praise = _undated(1, 5, frozenset(), None)  # "The visiting officials praised Vietnam ..."
    one_day = (date(2025, 10, 26), date(2025, 10, 26))
    _, dated = with_story_days([meeting, praise], one_day, "en")
    assert (dated.date, dated.date_source) == ("2025-10-26", "story")
    two_days = (date(2025, 10, 25), date(2025, 10, 26))
    _, kept = with_story_days([meeting, praise], two_days, "en")
    assert kept.date is None


@pytest.mark.parametrize(
    ("lang", "text", "phrase"),
    [
        (
            "en",
            "The visiting officials praised Vietnam for organising the ceremony, at which the treaty had "
            "collected dozens of signatures the previous day.",
            "the previous day",
        ),
        (
            "fr",
            "Sugiono a félicité le Vietnam pour la cérémonie, au cours de laquelle le traité avait "
            "recueilli des dizaines de signatures la veille.",
            "la veille",
        ),
    ],
)
def test_a_day_inside_a_relative_clause_after_a_preposition_dates_nothing(lang, text, phrase):
    names = {"Vietnam": ("place", "place:vn", "Vietnam", None, None), "Sugiono": SUGIONO}
    article = make_article(text, lang, names, [(phrase, "2025-10-25", "day")], published="2025-10-26")
    assert [(e.date, e.date_source) for e in extract_events(article)] == [("2025-10-26", "published")]


def test_a_past_act_its_clause_dates_years_before_is_not_said_at_the_meeting():
    # "Hai nước thiết lập quan hệ ngoại giao ngày 22-12-1993" in a report of the 2025 talks
    talks = _event(0, "CONSULT", [Q], [KUBAYI])
    background = replace(_event(1, "COOPERATE", [Q], [KUBAYI]), date="1993-12-22", date_source="time")
    again = replace(_event(2, "AGREE", [Q, KUBAYI], []), date="2026-03-05", date_source="time")
    rolled = rollup([talks, background, again])
    assert rolled[1].parent is None  # background, told at no meeting
    assert rolled[2].parent == rolled[0].group  # agreed there to meet again later


@pytest.mark.parametrize(
    "text",
    [
        "Pada hari yang sama, Menteri Luar Negeri Sugiono berbicara dalam Pertemuan ke-30 Dewan APSC.",
        "Hal itu disampaikan Sugiono saat berbicara dalam Pertemuan ke-30 Dewan APSC di Kuala Lumpur.",
    ],
)
def test_speaking_at_a_body_s_meeting_is_attending_it(text):
    council = ("organization", "org:apsc-council", "ASEAN Political-Security Community Council", None, None)
    article = make_article(text, "id", {"Sugiono": SUGIONO, "Dewan APSC": council}, published="2025-10-26")
    found = [(e.type, e.mode, e.source, e.target) for e in extract_events(article)]
    assert found == [("CONSULT", "multilateral", ("person:sugiono",), ("org:apsc-council",))]


def test_an_act_done_to_the_someone_a_sentence_opens_with_has_them_as_target():
    text = "Quang held talks on Sunday. With South African Justice Minister Mmamoloko Kubayi, he praised the visit."
    article = make_article(text, "en", NAMES, published="2025-10-26")
    praised = [e for e in extract_events(article) if e.type == "SUPPORT"]
    assert [(e.source, e.target, e.joint) for e in praised] == [
        (("person:quang",), ("person:kubayi",), False)
    ]
