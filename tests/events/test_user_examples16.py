"""Faults a journalist found reading the examples' events (session 16), on sentences written here.

- A statement only the classifier read, told after a meeting the rules read ("X received Y
  yesterday. ... Y replied that ..."), was dated by publication and shown apart from the meeting.
- A gathering one guest attended that day ("B dự Diễn đàn ...") was filed under that guest's talks
  with the host, in the article and across articles.
"""

from __future__ import annotations

import dataclasses

from newsloom.events.merge import merge_article_events
from newsloom.events.queries import event_detail
from newsloom.events.stage import find_events, roll_up
from newsloom.events.types import Event

from .helpers import SON, WALY, make_article

CHINH = ("person", "person:pham minh chinh", "Phạm Minh Chính", "head_of_government", None)
NAMES = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "Phạm Minh Chính": CHINH}


def _model_statement(sentence: int, evidence: str, source: object, published: str) -> Event:
    """A SUPPORT the classifier alone read in ``sentence`` (no trigger rule), dated by publication."""
    return Event(
        type="SUPPORT",
        sentence=sentence,
        evidence=evidence,
        start=0,
        end=0,
        trigger="",
        date=published,
        precision="day",
        date_source="published",
        source_actors=(source,),  # type: ignore[arg-type]
        classifier="model",
        rule="model",
    )


def test_a_statement_only_the_classifier_read_is_dated_by_the_meeting_it_was_told_at():
    text = (
        "Hôm qua, Bùi Thanh Sơn tiếp Ghada Waly tại Hà Nội. "
        "Ghada Waly đáp rằng các cơ quan hai bên sẽ giữ vai trò then chốt. "
        "Thời tiết Hà Nội hôm nay mát mẻ."
    )
    article = make_article(
        text, "vi", NAMES, times=[("Hôm qua", "2025-10-24", "day")], published="2025-10-25"
    )
    ruled = list(find_events(article, classifier=False).events)
    meeting = next(e for e in ruled if e.type == "CONSULT")
    waly = next(a for a in meeting.target_actors if a.name == "Ghada Waly")
    reply = _model_statement(1, article.sentences[1].text, waly, "2025-10-25")
    aside = dataclasses.replace(
        _model_statement(2, article.sentences[2].text, waly, "2025-10-25"), source_actors=()
    )
    rolled = roll_up([*ruled, reply, aside])
    said = next(e for e in rolled if e.classifier == "model" and e.sentence == 1)
    assert said.parent == meeting.group and said.group not in {e.group for e in ruled}
    assert (said.date, said.date_source) == ("2025-10-24", "meeting")
    # a sentence naming none of the meeting's people was not said there: it keeps its own date
    other = next(e for e in rolled if e.classifier == "model" and e.sentence == 2)
    assert other.parent is None and (other.date, other.date_source) == ("2025-10-25", "published")
    # the rules' own events are rolled up as before
    assert [(e.group, e.parent) for e in rolled if e.classifier != "model"] == [
        (e.group, e.parent) for e in roll_up(ruled)
    ]


def _forum_day(text: str, times: list[tuple[str, str, str]], article_id: str) -> object:
    article = make_article(
        text,
        "vi",
        NAMES,
        times=times,
        published="2025-10-24",
        article_id=article_id,
        path=f"{article_id}.txt",
    )
    return find_events(article, classifier=False)


def test_a_forum_a_guest_attended_is_not_her_talks_with_the_host():
    text = (
        "Sáng 24/10, Bùi Thanh Sơn tiếp Ghada Waly tại Hà Nội. "
        "Chiều cùng ngày, bà Ghada Waly dự Diễn đàn Hợp tác Mê Kông lần thứ năm."
    )
    times = [
        ("Sáng 24/10", "2025-10-24TMO", "part_of_day"),
        ("Chiều cùng ngày", "2025-10-24TAF", "part_of_day"),
    ]
    events = _forum_day(text, times, "a1").events  # type: ignore[attr-defined]
    talks = next(e for e in events if e.type == "CONSULT" and e.sentence == 0)
    forum = next(e for e in events if e.type == "CONSULT" and e.sentence == 1)
    assert forum.mode == "multilateral" and talks.mode == "visit"
    assert forum.group != talks.group


def test_across_reports_a_lone_attendee_joins_the_forum_not_the_talks(conn):
    talks = _forum_day(
        "Sáng 24/10, Bùi Thanh Sơn tiếp Ghada Waly tại Hà Nội.",
        [("Sáng 24/10", "2025-10-24TMO", "part_of_day")],
        "talks",
    )
    forum = _forum_day(
        "Chiều 24/10, Phạm Minh Chính và Ghada Waly dự Diễn đàn Hợp tác Mê Kông lần thứ năm.",
        [("Chiều 24/10", "2025-10-24TAF", "part_of_day")],
        "forum",
    )
    lone = _forum_day(
        "Chiều 24/10, bà Ghada Waly dự Diễn đàn Hợp tác Mê Kông lần thứ năm.",
        [("Chiều 24/10", "2025-10-24TAF", "part_of_day")],
        "lone",
    )
    talks_id = merge_article_events(conn, talks)[0]
    forum_id = merge_article_events(conn, forum)[0]
    lone_id = merge_article_events(conn, lone)[0]
    assert talks_id != forum_id
    assert lone_id == forum_id
    assert {s["path"] for s in event_detail(conn, talks_id)["sources"]} == {"talks.txt"}


POLICE = ("organization", "org:vietnam police", "Vietnam Police", None, None)
PROVINCE_POLICE = ("organization", "org:quang ninh police", "Quảng Ninh Provincial Police", None, None)
POLRI = ("organization", "org:polri", "Indonesian National Police", None, None)


def _arrest(text: str, lang: str, names: dict, times: list[tuple[str, str, str]]) -> Event:  # type: ignore[type-arg]
    article = make_article(text, lang, {**NAMES, **names}, times=times, published="2025-10-25")
    return next(e for e in find_events(article, classifier=False).events if e.type == "COERCE")


def test_a_clause_told_a_day_after_is_dated_that_many_days_before():
    # the arrest came first: the day the sentence is about (the talks, Friday 24) minus one
    en = _arrest(
        "Bùi Thanh Sơn received Ghada Waly on Friday.\n\n"
        "The talks came a day after Vietnam Police arrested three smugglers near the border.",
        "en",
        {"Vietnam Police": POLICE},
        [("Friday", "2025-10-24", "day")],
    )
    assert (en.date, en.precision, en.date_source, en.time_text) == (
        "2025-10-23",
        "day",
        "previous",
        "a day after",
    )
    vi = _arrest(
        "Chiều 24/10, Bùi Thanh Sơn tiếp Ghada Waly.\n\n"
        "Cuộc gặp diễn ra hai ngày sau khi Công an tỉnh Quảng Ninh bắt giữ ba đối tượng buôn lậu.",
        "vi",
        {"Công an tỉnh Quảng Ninh": PROVINCE_POLICE},
        [("Chiều 24/10", "2025-10-24TAF", "part_of_day")],
    )
    assert (vi.date, vi.date_source) == ("2025-10-22", "previous")
    id_ = _arrest(
        "Bui Thanh Son menerima Ghada Waly pada Jumat (24/10).\n\n"
        "Pertemuan itu berlangsung sehari setelah Polri menangkap tiga penyelundup.",
        "id",
        {"Bui Thanh Son": SON, "Polri": POLRI},
        [("Jumat (24/10)", "2025-10-24", "day")],
    )
    assert (id_.date, id_.date_source) == ("2025-10-23", "previous")


def test_the_sentence_own_day_before_the_phrase_is_counted_back_from():
    en = _arrest(
        "Bùi Thanh Sơn received Ghada Waly on Friday.\n\n"
        "On Thursday the talks came two days after Vietnam Police arrested three smugglers.",
        "en",
        {"Vietnam Police": POLICE},
        [("Friday", "2025-10-24", "day"), ("Thursday", "2025-10-23", "day")],
    )
    assert en.date == "2025-10-21"
    # without the phrase the clause keeps the sentence's own day
    plain = _arrest(
        "On Thursday Vietnam Police arrested three smugglers near the border.",
        "en",
        {"Vietnam Police": POLICE},
        [("Thursday", "2025-10-23", "day")],
    )
    assert (plain.date, plain.date_source) == ("2025-10-23", "time")


def test_two_attendees_calls_at_a_forum_are_two_statements():
    text = (
        "Ngày 24/10, Bùi Thanh Sơn và Ghada Waly dự Diễn đàn Hợp tác Mê Kông lần thứ năm. "
        "Bùi Thanh Sơn đề nghị các doanh nghiệp tăng đầu tư vào vùng biên. "
        "Ghada Waly kêu gọi các nước chia sẻ dữ liệu về tội phạm. "
        "Bùi Thanh Sơn cũng kêu gọi các ngân hàng hỗ trợ nông dân."
    )
    article = make_article(text, "vi", NAMES, times=[("Ngày 24/10", "2025-10-24", "day")])
    events = find_events(article, classifier=False).events
    forum = next(e for e in events if e.type == "CONSULT")
    assert forum.mode == "multilateral" and not forum.target_actors and len(forum.source_actors) == 2
    calls = {e.sentence: e for e in events if e.type == "REQUEST"}
    assert set(calls) == {1, 2, 3} and all(e.parent == forum.group for e in calls.values())
    # Sơn's two calls are one statement of his; Waly's is hers
    assert calls[1].group == calls[3].group != calls[2].group


def test_a_sentence_opened_by_the_phrase_is_not_counted_back():
    # "A day after the talks, X arrested ...": the arrest is the main clause, after the talks
    opened = _arrest(
        "Bùi Thanh Sơn received Ghada Waly on Friday.\n\n"
        "A day after the talks, Vietnam Police arrested three smugglers near the border.",
        "en",
        {"Vietnam Police": POLICE},
        [("Friday", "2025-10-24", "day")],
    )
    assert opened.date_source != "previous" or opened.date != "2025-10-23"
    # commas inside the clause the phrase opens do not end it
    told = _arrest(
        "Bùi Thanh Sơn received Ghada Waly on Friday.\n\n"
        "The talks came a day after Vietnam Police, acting on a tip-off, arrested three smugglers.",
        "en",
        {"Vietnam Police": POLICE},
        [("Friday", "2025-10-24", "day")],
    )
    assert (told.date, told.time_text) == ("2025-10-23", "a day after")
