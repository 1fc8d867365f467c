"""Sentence-level extraction: triggers, voice, pronouns, clauses, dates and places."""

from __future__ import annotations

from newsloom.events.dates import date_range
from newsloom.events.extract import extract_events
from newsloom.events.stage import find_events

from .helpers import SON, UNODC, VN, WALY, make_article


def _by_type(events):
    return {e.type: e for e in events}


def test_vietnamese_host_receives_visitor():
    text = "Chiều 21/10, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly tại Hà Nội."
    article = make_article(
        text,
        "vi",
        {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "Hà Nội": ("place", "place:hanoi", "Hanoi", None, None)},
        times=[("Chiều 21/10", "2025-10-21TAF", "part_of_day")],
        published="2025-10-22",
    )
    (event,) = extract_events(article)
    assert (event.type, event.mode, event.host) == ("CONSULT", "visit", "source")
    assert [a.name for a in event.source_actors] == ["Bùi Thanh Sơn"]
    assert [a.name for a in event.target_actors] == ["Ghada Waly"]
    assert (event.date, event.precision, event.date_source) == ("2025-10-21", "part_of_day", "time")
    assert (event.location, event.location_source) == ("Hanoi", "sentence")
    assert event.trigger == "tiếp" and text[event.start : event.end] == "tiếp"


def test_vietnamese_passive_puts_the_agent_first():
    text = "Bà Ghada Waly được Phó Thủ tướng Bùi Thanh Sơn tiếp tại trụ sở Chính phủ."
    (event,) = extract_events(make_article(text, "vi", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY}))
    assert [a.name for a in event.source_actors] == ["Bùi Thanh Sơn"]
    assert [a.name for a in event.target_actors] == ["Ghada Waly"]


def test_english_passive_agent_after_by():
    text = "Ghada Waly was received by Deputy Prime Minister Bùi Thanh Sơn on Tuesday."
    (event,) = extract_events(make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY}))
    assert event.type == "CONSULT"
    assert [a.name for a in event.source_actors] == ["Bùi Thanh Sơn"]
    assert [a.name for a in event.target_actors] == ["Ghada Waly"]


def test_tiep_tuc_is_not_a_reception():
    text = "Bùi Thanh Sơn tiếp tục chủ trì cuộc họp về ngân sách."
    assert extract_events(make_article(text, "vi", {"Bùi Thanh Sơn": SON})) == []


def test_pronoun_subject_and_embedded_verbs():
    text = "Bùi Thanh Sơn received Ghada Waly. He called on UNODC to continue supporting Việt Nam."
    events = extract_events(
        make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "UNODC": UNODC, "Việt Nam": VN})
    )
    second = [e for e in events if e.sentence == 1]
    assert [e.type for e in second] == ["REQUEST"]  # "supporting" is what is asked, not an event
    request = second[0]
    assert [a.name for a in request.source_actors] == ["Bùi Thanh Sơn"]
    assert request.source_actors[0].resolved_by == "pronoun"
    assert [a.name for a in request.target_actors] == ["United Nations Office on Drugs and Crime"]
    assert request.mode == "assist"


def test_reporting_verbs_alone_are_not_events():
    text = "Bùi Thanh Sơn said the economy of Việt Nam grew by six percent. Ghada Waly noted the figures."
    assert (
        extract_events(make_article(text, "en", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "Việt Nam": VN}))
        == []
    )


def test_negated_and_hypothetical_statements_are_dropped():
    text = "UNODC did not sign the agreement with Việt Nam. If UNODC supported Việt Nam, the project would start."
    assert extract_events(make_article(text, "en", {"UNODC": UNODC, "Việt Nam": VN})) == []


def test_general_stance_without_object_is_not_support():
    text = "Việt Nam luôn ủng hộ chủ nghĩa đa phương. Việt Nam ủng hộ các chương trình của UNODC."
    events = extract_events(make_article(text, "vi", {"Việt Nam": VN, "UNODC": UNODC}))
    assert [(e.sentence, e.type) for e in events] == [(1, "SUPPORT")]
    assert [a.name for a in events[0].target_actors] == ["United Nations Office on Drugs and Crime"]


def test_two_sides_are_the_meeting_participants():
    text = "Bùi Thanh Sơn hội đàm với Ghada Waly. Hai bên nhất trí tăng cường hợp tác."
    events = _by_type(extract_events(make_article(text, "vi", {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY})))
    agree = events["AGREE"]
    assert agree.joint
    assert {a.name for a in agree.source_actors} == {"Bùi Thanh Sơn", "Ghada Waly"}
    assert agree.target_actors == ()


def test_indonesian_reception_and_request():
    text = "Wakil Perdana Menteri Bui Thanh Son menerima Ghada Waly di Hanoi. Son meminta UNODC terus membantu Vietnam."
    names = {"Bui Thanh Son": SON, "Son": SON, "Ghada Waly": WALY, "UNODC": UNODC, "Vietnam": VN}
    events = extract_events(make_article(text, "id", names))
    assert [(e.sentence, e.type) for e in events] == [(0, "CONSULT"), (1, "REQUEST")]
    assert [a.name for a in events[1].target_actors] == ["United Nations Office on Drugs and Crime"]


def test_unnamed_police_take_the_nationality_or_the_dateline_country():
    names = {"Bali": ("place", "place:bali", "Bali", None, None)}
    text = "DENPASAR — Indonesian police arrested two men at Bali's airport on Wednesday."
    (event,) = extract_events(make_article(text, "en", names, dateline="DENPASAR"))
    assert (event.type, event.mode) == ("COERCE", "arrest")
    assert [(a.key, a.country) for a in event.source_actors] == [("group:cop:idn", "IDN")]
    text = "DENPASAR — Police arrested two men at the airport on Wednesday."
    (event,) = extract_events(make_article(text, "en", {}, dateline="DENPASAR"))
    assert event.source_actors[0].country == "IDN"  # from the dateline city


def test_date_falls_back_to_the_paragraph_then_to_publication():
    text = (
        "Chiều 21/10, Bùi Thanh Sơn tiếp Ghada Waly. Bùi Thanh Sơn đề nghị UNODC hỗ trợ Việt Nam.\n\n"
        "UNODC hoan nghênh sáng kiến của Việt Nam."
    )
    names = {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "UNODC": UNODC, "Việt Nam": VN}
    article = make_article(
        text, "vi", names, times=[("Chiều 21/10", "2025-10-21TAF", "part_of_day")], published="2025-10-23"
    )
    events = {e.sentence: e for e in extract_events(article)}
    assert (events[0].date, events[0].date_source) == ("2025-10-21", "time")
    assert (events[1].date, events[1].date_source) == ("2025-10-21", "previous")
    assert (events[2].date, events[2].date_source) == ("2025-10-23", "published")
    undated = make_article(text.split("\n")[-1], "vi", names)
    assert [(e.date, e.date_source) for e in extract_events(undated)] == [(None, "none")]


def test_date_range_values():
    assert date_range("2025-10-21TAF") == ("2025-10-21", "2025-10-21", "part_of_day")
    assert date_range("2025-10-24", "2025-10-25") == ("2025-10-24", "2025-10-25", "range")
    assert date_range("XXXX-10-24") == ("XXXX-10-24", "XXXX-10-24", "day")
    assert date_range("2025-W43") == ("2025-10-20", "2025-10-26", "week")
    assert date_range("2025-10") == ("2025-10-01", "2025-10-31", "month")
    assert date_range("P3D") == (None, None, None)


def test_stage_rolls_up_and_keeps_the_dateline_place():
    text = "HÀ NỘI — Bùi Thanh Sơn received Ghada Waly on Tuesday. He thanked UNODC for its support."
    article = make_article(
        text,
        "en",
        {"Bùi Thanh Sơn": SON, "Ghada Waly": WALY, "UNODC": UNODC},
        times=[("Tuesday", "2025-10-21", "day")],
        dateline="HÀ NỘI",
    )
    events = find_events(article, classifier=False).events
    meeting, thanks = events
    assert meeting.location == "Hà Nội" and meeting.location_source == "dateline"
    assert thanks.parent == meeting.group and thanks.date_source == "meeting"


def test_vietnamese_tip_off_credits_the_agent_after_do():
    text = (
        "Theo cảnh sát Thái Lan, chiến dịch truy quét được tiến hành dựa trên thông tin do "
        "Cảnh sát Hoàng gia Malaysia cung cấp."
    )
    names = {
        "Cảnh sát Hoàng gia Malaysia": ("organization", "org:pdrm", "Royal Malaysia Police", None, None),
        "Thái Lan": ("place", "place:th", "Thailand", None, None),
    }
    (event,) = extract_events(make_article(text, "vi", names))
    assert event.type == "COOPERATE"
    assert [a.name for a in event.source_actors] == ["Royal Malaysia Police"]


def test_vietnamese_numbered_proposals_are_an_offer():
    text = (
        "Phát biểu tại buổi tiếp, Chủ tịch nước Lương Cường nêu 4 định hướng hợp tác với Ngân hàng Thế giới."
    )
    names = {
        "Lương Cường": ("person", "person:luong cuong", "Lương Cường", "head_of_state", None),
        "Ngân hàng Thế giới": ("organization", "org:wb", "World Bank", None, None),
    }
    (event,) = extract_events(make_article(text, "vi", names))
    assert (event.type, [a.name for a in event.source_actors]) == ("AGREE", ["Lương Cường"])
    # a bare statement of content is no event
    assert extract_events(make_article("Bản tin nêu 4 nội dung chính.", "vi", {})) == []


def test_vietnamese_group_named_with_its_country_is_one_actor():
    text = "Theo cảnh sát Thái Lan, chiến dịch được tiến hành dựa trên thông tin do Cảnh sát Hoàng gia Malaysia cung cấp."
    names = {
        "Cảnh sát Hoàng gia Malaysia": ("organization", "org:pdrm", "Royal Malaysia Police", None, None),
        "Thái Lan": ("place", "place:th", "Thailand", None, None),
    }
    (event,) = extract_events(make_article(text, "vi", names))
    assert [a.key for a in event.target_actors] == ["group:cop:tha"]


def test_officials_of_the_two_countries_are_both_countries_authorities():
    names = {
        "Malaysia": ("place", "place:my", "Malaysia", None, None),
        "Thái Lan": ("place", "place:th", "Thailand", None, None),
        "Thailand": ("place", "place:th", "Thailand", None, None),
    }
    text = (
        "Cảnh sát Malaysia bắt giữ ba nghi phạm gần biên giới Thái Lan. "
        "Đại diện hai nước dự kiến gặp nhau tại Kuala Lumpur vào tuần tới."
    )
    events = [e for e in extract_events(make_article(text, "vi", names)) if e.type == "AGREE"]
    assert [sorted(a.key for a in e.source_actors) for e in events] == [["group:gov:mys", "group:gov:tha"]]
    english = "Malaysia and Thailand signed a border pact. Officials of the two countries are due to meet in Bangkok in May."
    events = [e for e in extract_events(make_article(english, "en", names)) if e.sentence == 1]
    assert [sorted(a.key for a in e.source_actors) for e in events] == [["group:gov:mys", "group:gov:tha"]]
