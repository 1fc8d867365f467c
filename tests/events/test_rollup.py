"""How sentence mentions roll up into article-level events."""

from __future__ import annotations

from newsloom.events.rollup import article_events, dates_compatible, participants_match
from newsloom.events.stage import find_events
from newsloom.events.types import Actor

from .helpers import SON, UNODC, VN, WALY, make_article

CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", None)
GUTERRES = ("person", "person:antonio guterres", "António Guterres", "un_secretary_general", "org:un")
CHINH = ("person", "person:pham minh chinh", "Phạm Minh Chính", "head_of_government", None)
THONG = ("person", "person:thongloun sisoulith", "Thongloun Sisoulith", "head_of_state", "place:la")


def test_statements_at_a_meeting_share_one_event_per_type_and_direction():
    text = (
        "Chiều 21/10, Bùi Thanh Sơn tiếp Ghada Waly. Bùi Thanh Sơn cảm ơn UNODC. "
        "Việt Nam ủng hộ các chương trình của UNODC. Ghada Waly đánh giá cao Việt Nam."
    )
    article = make_article(
        text,
        "vi",
        {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "UNODC": UNODC, "Việt Nam": VN},
        times=[("Chiều 21/10", "2025-10-21TAF", "part_of_day")],
        published="2025-10-25",
    )
    events = find_events(article, classifier=False).events
    meeting = next(e for e in events if e.type == "CONSULT")
    statements = [e for e in events if e.type == "SUPPORT"]
    assert len(statements) == 3 and all(e.parent == meeting.group for e in statements)
    # Sơn's thanks and Việt Nam's support go one way, Waly's praise the other: two events
    by_sentence = {e.sentence: e.group for e in statements}
    assert by_sentence[1] == by_sentence[2] != by_sentence[3]
    assert all((e.date, e.date_source) == ("2025-10-21", "meeting") for e in statements)
    groups = {g.group: g for g in article_events(events)}
    one_way = groups[by_sentence[1]]
    assert "person:bui thanh son" in one_way.src_keys and "org:unodc" in one_way.tgt_keys


def test_a_roundup_keeps_its_meetings_apart():
    text = (
        "Chiều 24-10, Lương Cường hội đàm với António Guterres. António Guterres đánh giá cao Việt Nam.\n\n"
        "Chiều cùng ngày, Phạm Minh Chính hội kiến Thongloun Sisoulith. Thongloun Sisoulith chúc mừng Việt Nam."
    )
    names = {"Lương Cường": CUONG, "António Guterres": GUTERRES, "Phạm Minh Chính": CHINH,
             "Thongloun Sisoulith": THONG, "Việt Nam": VN}  # fmt: skip
    times = [
        ("Chiều 24-10", "XXXX-10-24TAF", "part_of_day"),
        ("Chiều cùng ngày", "XXXX-10-24TAF", "part_of_day"),
    ]
    events = find_events(make_article(text, "vi", names, times=times), classifier=False).events
    meetings = [e for e in events if e.type == "CONSULT"]
    assert len({m.group for m in meetings}) == 2
    praise = next(e for e in events if e.sentence == 1)
    congratulation = next(e for e in events if e.sentence == 3)
    assert praise.parent == meetings[0].group and congratulation.parent == meetings[1].group
    assert praise.date == "XXXX-10-24"  # no publication date: the year stays unknown


def test_participants_and_dates():
    son, waly = (
        Actor("person:son", "Bùi Thanh Sơn", type="person"),
        Actor("person:waly", "Ghada Waly", type="person"),
    )
    unodc = Actor("org:unodc", "UNODC", type="organization")
    waly_for_unodc = Actor("person:waly", "Ghada Waly", type="person", affiliations=("org:unodc",))
    assert participants_match([son, waly], [son, waly])
    assert participants_match([son, unodc], [son, waly_for_unodc])  # a person speaks for her organization
    assert not participants_match([son, waly], [son, unodc])  # unless the text says so
    assert participants_match([son], [son, waly]) and not participants_match([son], [son, waly], strict=True)
    assert dates_compatible("2025-10-21", None, "2025-10-22", None)
    assert not dates_compatible("2025-10-21", None, "2025-10-24", None)
    assert dates_compatible("2025-10-24", "2025-10-25", "2025-10-26", None)
    assert dates_compatible("XXXX-10-24", None, "2025-10-24", None)
    assert dates_compatible(None, None, "2025-10-24", None)
