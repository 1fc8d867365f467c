"""General rules for the kinds of error a held-out evaluation found: triggers inside names, missing
triggers, bilateral modes, coarse and relative-clause dates, short-name and pronoun sources."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events

from .helpers import make_article

HANOI = ("place", "place:hanoi", "Hanoi", None, None)
JAPAN = ("place", "place:jp", "Japan", None, None)
VIETNAM = ("place", "place:vn", "Vietnam", None, None)
INDONESIA = ("place", "place:id", "Indonesia", None, None)
MALAYSIA = ("place", "place:my", "Malaysia", None, None)
RED_CROSS = ("organization", "org:ifrc", "Red Cross", None, None)
C04 = ("organization", "org:c04", "Cục Cảnh sát điều tra tội phạm về ma túy", None, None)
MINH = ("person", "person:tran van minh", "Trần Văn Minh", "minister", None)
HARTONO = ("person", "person:budi hartono", "Budi Hartono", "minister", None)
LIM = ("person", "person:lim wei", "Lim Wei", "minister", None)


def _types(text: str, lang: str, names: dict, **kwargs) -> list[str]:
    return [e.type for e in extract_events(make_article(text, lang, names, **kwargs))]


def test_no_trigger_inside_an_entity_name():
    text = "Cục Cảnh sát điều tra tội phạm về ma túy (C04) đã bắt giữ ba đối tượng tại Hà Nội."
    names = {"Cục Cảnh sát điều tra tội phạm về ma túy": C04, "Hà Nội": HANOI}
    events = extract_events(make_article(text, "vi", names))
    assert [(e.type, e.mode) for e in events] == [("COERCE", "arrest")]
    assert events[0].source == ("org:c04",)


@pytest.mark.parametrize(
    ("text", "lang", "names", "expected"),
    [
        (
            "Nhật Bản viện trợ khẩn cấp cho Việt Nam sau cơn bão.",
            "vi",
            {"Nhật Bản": JAPAN, "Việt Nam": VIETNAM},
            "AID",
        ),
        (
            "Việt Nam cử hai đoàn cứu hộ sang Indonesia.",
            "vi",
            {"Việt Nam": VIETNAM, "Indonesia": INDONESIA},
            "AID",
        ),
        (
            "The Red Cross delivered 1,200 hygiene kits to Indonesia.",
            "en",
            {"Red Cross": RED_CROSS, "Indonesia": INDONESIA},
            "AID",
        ),
        (
            "Malaysia menyalurkan bantuan kepada Indonesia.",
            "id",
            {"Malaysia": MALAYSIA, "Indonesia": INDONESIA},
            "AID",
        ),
        ("Demonstrators threw stones at police outside the ministry.", "en", {}, "PROTEST"),
        ("Hàng nghìn người biểu tình tuần hành trước trụ sở Quốc hội.", "vi", {}, "PROTEST"),
        ("Ratusan pengunjuk rasa berunjuk rasa di depan gedung DPR.", "id", {}, "PROTEST"),
        ("Sebanyak 2.000 personel Polri dikerahkan untuk mengamankan KTT.", "id", {}, "MOBILIZE"),
        ("Indonesia deployed 1,500 personnel to the border.", "en", {"Indonesia": INDONESIA}, "MOBILIZE"),
        ("Công an tỉnh huy động lực lượng ứng cứu người dân.", "vi", {}, "MOBILIZE"),
        (
            "Việt Nam phối hợp với Nhật Bản truy bắt các đối tượng.",
            "vi",
            {"Việt Nam": VIETNAM, "Nhật Bản": JAPAN},
            "COOPERATE",
        ),
        (
            "Indonesia dan Malaysia menggelar patroli bersama di Selat Malaka.",
            "id",
            {"Indonesia": INDONESIA, "Malaysia": MALAYSIA},
            "COOPERATE",
        ),
        (
            "Indonesia bekerja sama dengan Malaysia memberantas penyelundupan.",
            "id",
            {"Indonesia": INDONESIA, "Malaysia": MALAYSIA},
            "COOPERATE",
        ),
        (
            "Indonesia and Malaysia began a joint patrol in the strait.",
            "en",
            {"Indonesia": INDONESIA, "Malaysia": MALAYSIA},
            "COOPERATE",
        ),
        (
            "Menteri Budi Hartono menemui Menteri Lim Wei di Jakarta.",
            "id",
            {"Budi Hartono": HARTONO, "Lim Wei": LIM},
            "CONSULT",
        ),
        (
            "Menteri Budi Hartono menghadiri Pertemuan Menteri ASEAN di Kuala Lumpur.",
            "id",
            {"Budi Hartono": HARTONO},
            "CONSULT",
        ),
        (
            "Bộ trưởng Trần Văn Minh tham dự Hội nghị Bộ trưởng ASEAN tại Kuala Lumpur.",
            "vi",
            {"Trần Văn Minh": MINH},
            "CONSULT",
        ),
        (
            "Menteri Budi Hartono menyampaikan terima kasih kepada Malaysia.",
            "id",
            {"Budi Hartono": HARTONO, "Malaysia": MALAYSIA},
            "SUPPORT",
        ),
        (
            "Bộ trưởng Trần Văn Minh nhiệt liệt chào mừng Bộ trưởng Lim Wei.",
            "vi",
            {"Trần Văn Minh": MINH, "Lim Wei": LIM},
            "SUPPORT",
        ),
    ],
)
def test_missing_triggers(text: str, lang: str, names: dict, expected: str):
    assert expected in _types(text, lang, names)


def test_a_cooperation_promise_stays_agree():
    names = {"Việt Nam": VIETNAM, "Nhật Bản": JAPAN}
    assert _types("Việt Nam sẽ phối hợp với Nhật Bản trong lĩnh vực này.", "vi", names) == ["AGREE"]
    names = {"Indonesia": INDONESIA, "Malaysia": MALAYSIA}
    assert _types("Indonesia akan bekerja sama dengan Malaysia.", "id", names) == ["AGREE"]


def test_after_meeting_puts_the_subject_after_the_comma():
    text = "After meeting Lim Wei in Hanoi, Trần Văn Minh told reporters the talks went well."
    events = extract_events(make_article(text, "en", {"Lim Wei": LIM, "Trần Văn Minh": MINH}))
    consult = next(e for e in events if e.type == "CONSULT")
    assert consult.source == ("person:tran van minh",) and consult.target == ("person:lim wei",)


def test_bilateral_meetings_are_not_multilateral():
    text = "Menteri Budi Hartono mengadakan pertemuan bilateral dengan Lim Wei di sela KTT ASEAN."
    (event,) = extract_events(make_article(text, "id", {"Budi Hartono": HARTONO, "Lim Wei": LIM}))
    assert event.type == "CONSULT" and event.mode != "multilateral"
    text = "Trần Văn Minh held bilateral talks with Lim Wei on the sidelines of the summit."
    (event,) = extract_events(make_article(text, "en", {"Trần Văn Minh": MINH, "Lim Wei": LIM}))
    assert event.mode != "multilateral"
    text = "Trần Văn Minh held talks with Lim Wei on the sidelines of the summit."
    (event,) = extract_events(make_article(text, "en", {"Trần Văn Minh": MINH, "Lim Wei": LIM}))
    assert event.mode == "multilateral"  # the sidelines cue still works without "bilateral"


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Last year, Japan donated US$2 million to Vietnam.", "en", {"Japan": JAPAN, "Vietnam": VIETNAM}),
        (
            "Tahun lalu, Malaysia menandatangani perjanjian dengan Indonesia.",
            "id",
            {"Malaysia": MALAYSIA, "Indonesia": INDONESIA},
        ),
        ("Năm ngoái, Nhật Bản ký thỏa thuận với Việt Nam.", "vi", {"Nhật Bản": JAPAN, "Việt Nam": VIETNAM}),
    ],
)
def test_last_year_is_not_the_publication_day(text: str, lang: str, names: dict):
    (event,) = extract_events(make_article(text, lang, names, published="2025-10-22"))
    assert (event.date, event.date_end, event.precision) == ("2024-01-01", "2024-12-31", "year")
    assert event.date_source == "year"
    (event,) = extract_events(make_article(text, lang, names))  # no publication date: no date at all
    assert event.date is None


def test_a_resolved_year_opener_keeps_year_precision():
    text = "Last year, Japan donated US$2 million to Vietnam."
    names = {"Japan": JAPAN, "Vietnam": VIETNAM}
    article = make_article(text, "en", names, times=[("Last year", "2024", "year")], published="2025-10-22")
    (event,) = extract_events(article)
    assert (event.date, event.precision, event.time_text) == ("2024-01-01", "year", "Last year")


def test_a_date_in_a_relative_clause_is_not_the_event_date():
    text = (
        "On 20 October, Japan signed a deal with Vietnam.\n\n"
        "Malaysia accused the group, which was founded on 3 May, of smuggling."
    )
    names = {"Japan": JAPAN, "Vietnam": VIETNAM, "Malaysia": MALAYSIA}
    times = [("On 20 October", "2025-10-20", "day"), ("3 May", "2025-05-03", "day")]
    events = {e.sentence: e for e in extract_events(make_article(text, "en", names, times, "2025-10-22"))}
    assert (events[1].type, events[1].date, events[1].date_source) == ("ACCUSE", "2025-10-22", "published")
    assert events[0].date == "2025-10-20"


def test_short_name_and_pronoun_fall_back_to_the_paragraph_speaker():
    text = (
        "Minister Budi Hartono received Lim Wei in Jakarta. Hartono told reporters Indonesia would continue to "
        "support Malaysia. He also rejected calls to close the border."
    )
    names = {"Budi Hartono": HARTONO, "Lim Wei": LIM, "Indonesia": INDONESIA, "Malaysia": MALAYSIA}
    events = extract_events(make_article(text, "en", names))
    by_sentence = {(e.sentence, e.type): e for e in events}
    assert (2, "REJECT") in by_sentence
    assert by_sentence[(2, "REJECT")].source == ("person:budi hartono",)
    assert by_sentence[(1, "AGREE")].source == ("place:id",)


def test_short_name_prefers_the_paragraph_speaker_over_a_later_bystander():
    text = (
        "Minister Budi Hartono received Lim Wei in Jakarta. Malaysia has recorded a rise in smuggling. "
        "Hartono also rejected calls to close the border.\n\nMalaysia welcomed the plan."
    )
    names = {"Budi Hartono": HARTONO, "Lim Wei": LIM, "Malaysia": MALAYSIA}
    events = extract_events(make_article(text, "en", names))
    reject = next(e for e in events if e.type == "REJECT")
    assert reject.source == ("person:budi hartono",)


def test_discussing_with_someone_is_a_meeting_but_a_view_on_sharing_is_not_cooperation():
    names = {"Budi Hartono": HARTONO, "Lim Wei": LIM}
    text = "Menteri Budi Hartono membahas pengamanan perbatasan dengan Menteri Lim Wei."
    assert _types(text, "id", names) == ["CONSULT"]
    text = "Menteri Budi Hartono mengatakan pentingnya pertukaran informasi antarnegara."
    assert "COOPERATE" not in _types(text, "id", names)
    text = "Polisi Indonesia dan Malaysia melakukan pertukaran informasi intelijen."
    assert _types(text, "id", {}) == ["COOPERATE"]


def test_a_meeting_in_one_sides_country_is_a_visit_hosted_by_that_side():
    minh = ("person", "person:tran van minh", "Trần Văn Minh", "minister", "Vietnam")
    lim = ("person", "person:lim wei", "Lim Wei", "minister", "Malaysia")
    geneva = ("place", "place:geneva", "Geneva", None, None)
    names = {"Trần Văn Minh": minh, "Lim Wei": lim, "Hanoi": HANOI, "Geneva": geneva}
    (event,) = extract_events(make_article("Trần Văn Minh met Lim Wei in Hanoi.", "en", names))
    assert (event.mode, event.host) == ("visit", "source")
    (event,) = extract_events(make_article("Lim Wei met Trần Văn Minh in Hanoi.", "en", names))
    assert (event.mode, event.host) == ("visit", "target")
    (event,) = extract_events(make_article("Trần Văn Minh held talks with Lim Wei in Geneva.", "en", names))
    assert (event.mode, event.host) == (None, None)  # a third country: nobody hosts


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Students chanted slogans outside the ministry on Monday.", "en", "PROTEST"),
        ("Mahasiswa berunjuk rasa di depan kantor gubernur.", "id", "PROTEST"),
        ("Một nhóm đối tượng hành hung cảnh sát giao thông tại Hà Nội.", "vi", "ASSAULT"),
        ("Bộ Ngoại giao Việt Nam phản bác thông tin sai lệch.", "vi", "REJECT"),
    ],
)
def test_more_missing_triggers(text: str, lang: str, expected: str):
    names = {"Hà Nội": HANOI, "Bộ Ngoại giao Việt Nam": ("organization", "org:mofa vn", None, None, None)}
    assert expected in _types(text, lang, names)
