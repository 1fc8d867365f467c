"""A gathering told by its name alone with no venue (#13): "Sáng 25-10, Lễ mở ký Công ước khai mạc"
("the Convention's signing ceremony opened on the morning of 25 October") was dropped for want of a
venue. It now joins the one multilateral meeting of that day one of whose reports writes its name,
in either arrival order; never when two meetings of the day write it, never with a generic name
("the ceremony") or a day it does not say itself."""

from __future__ import annotations

from itertools import permutations

import pytest

from newsloom.events.gatherings import proper_name, venue_key
from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail
from newsloom.events.stage import find_events

from .helpers import make_article

LUONG_CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", None)
CHINH = ("person", "person:chinh", "Phạm Minh Chính", "head_of_government", None)
GUTERRES = ("person", "person:guterres", "António Guterres", "un_secretary_general", None)
NAMES = {
    "Lương Cường": LUONG_CUONG,
    "Phạm Minh Chính": CHINH,
    "António Guterres": GUTERRES,
    "Thủ tướng Phạm Minh Chính": CHINH,
    "Tổng Thư ký António Guterres": GUTERRES,
}
TOLD = "Sáng 25-10, Lễ mở ký Công ước khai mạc."


def _article(text: str, day: str | None, article_id: str, lang: str = "vi"):
    times = [(day, "2025-10-25", "day")] if day else []
    article = make_article(
        text,
        lang,
        NAMES,
        times=times,
        published="2025-10-26",
        article_id=article_id,
        path=f"{article_id}.txt",
    )
    return find_events(article, classifier=False)


def _told():
    return _article(TOLD, "Sáng 25-10", "told")


def _ceremony(article_id: str = "ceremony"):
    text = "Sáng 25-10, Chủ tịch nước Lương Cường chủ trì Lễ mở ký Công ước về chống tội phạm mạng."
    return _article(text, "Sáng 25-10", article_id)


def _forum_writing_the_name():
    text = (
        "Chiều 25-10, Thủ tướng Phạm Minh Chính và Tổng Thư ký António Guterres đồng chủ trì họp báo "
        "quốc tế bên lề Lễ mở ký Công ước."
    )
    return _article(text, "Chiều 25-10", "press")


def test_a_gathering_told_with_no_venue_is_a_meeting_naming_no_one():
    (event,) = _told().events
    assert (event.type, event.mode, event.source, event.target, event.date) == (
        "CONSULT", "multilateral", (), (), "2025-10-25",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day", "lang"),
    [
        ("Sáng 25-10, lễ khai mạc khai mạc.", "Sáng 25-10", "vi"),  # no name: "the ceremony"
        ("On Saturday, the ceremony opened.", "Saturday", "en"),
        ("Lễ mở ký Công ước khai mạc.", None, "vi"),  # the day is only the publication's
    ],
)
def test_no_meeting_for_a_generic_name_or_a_day_not_told(text, day, lang):
    assert _article(text, day, "x", lang).events == ()


def test_a_proper_name_has_a_capitalised_word_after_its_first():
    assert proper_name("the Business Forum") and proper_name("Lễ mở ký Công ước")
    assert not proper_name("The ceremony") and not proper_name("Forum yang")


@pytest.mark.parametrize("told_first", [False, True])
def test_the_told_gathering_joins_the_meeting_of_that_day_writing_its_name(conn, told_first):
    order = [_told(), _ceremony()] if told_first else [_ceremony(), _told()]
    ids = [merge_article_events(conn, article) for article in order]
    assert ids[0] == ids[1] and len(ids[0]) == 1
    detail = event_detail(conn, ids[0][0])
    assert {s["path"] for s in detail["sources"]} == {"told.txt", "ceremony.txt"}


@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_two_meetings_of_that_day_writing_the_name_join_no_told_gathering(tmp_path, order):
    from newsloom.store import Store
    from newsloom.store.articles import save_article

    articles = [_ceremony(), _forum_writing_the_name(), _told()]
    store = Store.open(str(tmp_path / "told.db"))
    try:
        for index in order:  # stored articles: a later meeting merges the told one again
            with store.transaction() as conn:
                save_article(conn, articles[index])
                merge_article_events(conn, articles[index])
        with store.transaction() as conn:
            ceremony, press, told = (merge_article_events(conn, a)[0] for a in articles)
    finally:
        store.close()
    assert told not in (ceremony, press) and ceremony != press


def test_a_city_is_no_venue_but_the_name_still_tells_the_gathering():
    names = {"Hà Nội": ("place", "place:hanoi", "Hanoi", None, None)}
    article = make_article(
        "Ngày 25-10-2025, Lễ mở ký Công ước khai mạc tại Hà Nội.", "vi", names,
        times=[("Ngày 25-10-2025", "2025-10-25", "day")], published="2025-10-26",
    )  # fmt: skip
    (event,) = find_events(article, classifier=False).events
    assert event.location == "Hanoi" and venue_key("CONSULT", event.mode, event.location, "sentence") is None
