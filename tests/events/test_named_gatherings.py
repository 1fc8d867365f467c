"""A gathering told by its name alone joins its stored meeting by venue and day (#13, the 13th main
event): vi_07's "Ngày 25-10-2025, Lễ mở ký Công ước khai mạc tại Trung tâm Hội nghị Quốc gia" names no
participant, so it gave no stored event and the signing ceremony missed one report. The pack's
``gathering_held`` reads the gathering; ``events/gatherings.py`` keys it by the venue the sentence
names (a building, not a city) and the day; the gathering's name tells two meetings at one venue
apart (the ceremony, and the press conference held there that afternoon).
"""

from __future__ import annotations

import pytest

from newsloom.events.gatherings import gathering_name, venue_key
from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail
from newsloom.events.stage import find_events
from newsloom.lang import load_part

from .helpers import make_article

LUONG_CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", None)
GUTERRES = ("person", "person:guterres", "António Guterres", "un_secretary_general", None)
CHINH = ("person", "person:chinh", "Phạm Minh Chính", "head_of_government", None)
CENTRE = ("place", "place:ncc", "National Convention Center", None, None)
NAMES = {
    "Lương Cường": LUONG_CUONG,
    "António Guterres": GUTERRES,
    "Phạm Minh Chính": CHINH,
    "Thủ tướng Phạm Minh Chính": CHINH,
    "Tổng Thư ký António Guterres": GUTERRES,
    "Trung tâm Hội nghị Quốc gia": CENTRE,
    "National Convention Centre": CENTRE,
    "Hà Nội": ("place", "place:hanoi", "Hanoi", None, None),
}
TOLD = "Ngày 25-10-2025, Lễ mở ký Công ước khai mạc tại Trung tâm Hội nghị Quốc gia."


def _article(text: str, lang: str, day: str, value: str, article_id: str):
    article = make_article(
        text, lang, NAMES, times=[(day, value, "day")], published="2025-10-26", article_id=article_id,
        path=f"{article_id}.txt",
    )  # fmt: skip
    return find_events(article, classifier=False)


def _told(article_id: str = "vi7", text: str = TOLD, day: str = "Ngày 25-10-2025", value: str = "2025-10-25"):
    return _article(text, "vi", day, value, article_id)


def _ceremony(article_id: str = "vi4", value: str = "2025-10-25"):
    text = (
        "Sáng 25-10, tại Trung tâm Hội nghị Quốc gia, Chủ tịch nước Lương Cường chủ trì Lễ mở ký Công ước "
        "về chống tội phạm mạng."
    )
    return _article(text, "vi", "Sáng 25-10", value, article_id)


def _press_conference(article_id: str = "vi2"):
    text = (
        "Chiều 25-10, tại Trung tâm Hội nghị Quốc gia, Thủ tướng Phạm Minh Chính và Tổng Thư ký António "
        "Guterres đồng chủ trì họp báo quốc tế bên lề Lễ mở ký."
    )
    return _article(text, "vi", "Chiều 25-10", "2025-10-25", article_id)


def test_a_gathering_told_by_its_name_at_a_venue_is_a_meeting_naming_no_one():
    ((event,),) = [_told().events]
    assert (event.type, event.mode, event.source, event.target) == ("CONSULT", "multilateral", (), ())
    assert (event.location, event.location_source, event.date) == (
        "National Convention Center",
        "sentence",
        "2025-10-25",
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a city holds many gatherings a day: no venue; and "the opening ceremony" names none of them
        # (a proper name at a city is a gathering told with no venue: test_told_gatherings.py)
        ("vi", "Ngày 25-10-2025, Lễ khai mạc diễn ra tại Hà Nội."),
        # no venue named
        ("vi", "Lễ mở ký khép lại hôm nay với phiên thảo luận toàn thể."),
        # the gathering is not the sentence's subject
        (
            "vi",
            "Ngày 25-10-2025, nhiều đoàn đến dự Lễ mở ký Công ước khai mạc tại Trung tâm Hội nghị Quốc gia.",
        ),
        (
            "en",
            "On Saturday delegates arrived for the ceremony that opened at the National Convention Centre.",
        ),
    ],
)
def test_no_meeting_without_a_named_gathering_at_a_named_venue(lang, text):
    day = "Ngày 25-10-2025" if "Ngày" in text else ("hôm nay" if "hôm nay" in text else "Saturday")
    assert _article(text, lang, day, "2025-10-25", "x").events == ()


def test_english_and_indonesian_packs_read_a_told_gathering():
    en = load_part("en", "events")
    assert (
        gathering_name("On Saturday, the Business Forum opened at the Sheraton.", en) == "the business forum"
    )
    assert gathering_name("Delegates praised the forum and left.", en) is None
    idn = _article(
        "Sabtu (25/10), Upacara pembukaan penandatanganan dibuka di Trung tâm Hội nghị Quốc gia.",
        "id", "Sabtu (25/10)", "2025-10-25", "id",
    )  # fmt: skip
    assert [(e.type, e.mode) for e in idn.events] == [("CONSULT", "multilateral")]


def test_venue_keys_only_buildings_of_multilateral_meetings():
    assert venue_key("CONSULT", "multilateral", "National Convention Center", "sentence")
    assert venue_key("CONSULT", "multilateral", "Hanoi", "sentence") is None  # a city
    assert venue_key("CONSULT", "multilateral", "National Convention Center", "dateline") is None
    assert venue_key("CONSULT", "visit", "National Convention Center", "sentence") is None
    assert venue_key("AGREE", "multilateral", "National Convention Center", "sentence") is None


@pytest.mark.parametrize("told_first", [False, True])
def test_the_told_gathering_joins_its_meeting_at_that_venue_that_day(conn, told_first):
    order = [_told(), _ceremony()] if told_first else [_ceremony(), _told()]
    ids = [merge_article_events(conn, article) for article in order]
    assert ids[0] == ids[1] and len(ids[0]) == 1
    detail = event_detail(conn, ids[0][0])
    assert {s["path"] for s in detail["sources"]} == {"vi4.txt", "vi7.txt"}
    assert "Lương Cường" in detail["title"] and detail["mode"] == "multilateral"


def test_another_day_at_the_venue_is_another_meeting(conn):
    (ceremony,) = merge_article_events(conn, _ceremony(value="2025-10-27"))
    (told,) = merge_article_events(conn, _told())
    assert told != ceremony


def test_of_two_meetings_at_one_venue_that_day_the_named_one_is_joined(conn):
    (press,) = merge_article_events(conn, _press_conference())  # stored first: the lower id
    (ceremony,) = merge_article_events(conn, _ceremony())
    assert press != ceremony and press < ceremony
    (told,) = merge_article_events(conn, _told())
    assert told == ceremony
