"""Single-source oddities a journalist saw on the bundled examples (#13), each a general rule tested
on project-written sentences shaped like the examples:

- a body named in a document's title ("the UN Convention against Cybercrime", "Công ước Liên hợp
  quốc", "Konvensi PBB") is no party to what the sentence reports;
- a count of meetings as a sentence's subject ("Three meetings filled the calendar") sums several
  up: the classifier alone adds no event there;
- a wish ("wished South Africa success as G20 host") is a SUPPORT read by the rules, not a meeting;
- a classifier's reading takes the actors of the clause it reads, not a side clause's rule actors.
"""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from newsloom.events.classifier import EventClassifier
from newsloom.events.extract import extract_events, sentence_event
from newsloom.events.learned import add_classifier_events, asserted
from newsloom.events.types import PLOVER_TYPES
from tests.events.helpers import make_article

EN = importlib.import_module("newsloom.lang.en.events").RULES
VI = importlib.import_module("newsloom.lang.vi.events").RULES
ID = importlib.import_module("newsloom.lang.id.events").RULES

GUTERRES = ("person", "person:guterres", "António Guterres", None, None)
UN = ("organization", "org:un", "United Nations", None, None)
ASEAN = ("organization", "org:asean", "Association of Southeast Asian Nations", None, None)
VIETNAM = ("place", "place:vn", "Vietnam", None, None)
SOUTH_AFRICA = ("place", "place:za", "South Africa", None, None)
LUONG_CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", None)
CHINH = ("person", "person:chinh", "Phạm Minh Chính", "head_of_government", None)
RAMAPHOSA = ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", None)
VCCI = ("organization", "org:vcci", "Vietnam Chamber of Commerce and Industry", None, None)
EMBASSY = ("organization", "org:za-embassy", "Đại sứ quán Nam Phi", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names", "target"),
    [
        ("Guterres will attend the signing of the UN Convention against Cybercrime.", "en",
         {"Guterres": GUTERRES, "UN": UN}, ()),
        ("Guterres welcomed the ASEAN Charter on Saturday.", "en", {"Guterres": GUTERRES, "ASEAN": ASEAN}, ()),
        ("Ông Guterres dự Lễ mở ký Công ước Liên hợp quốc về chống tội phạm mạng.", "vi",
         {"Guterres": GUTERRES, "Liên hợp quốc": UN}, ()),
        ("Ông Guterres dự Lễ mở ký Công ước của Liên hợp quốc về chống tội phạm mạng.", "vi",
         {"Guterres": GUTERRES, "Liên hợp quốc": UN}, ()),
        ("Guterres menghadiri penandatanganan Konvensi PBB Melawan Kejahatan Siber.", "id",
         {"Guterres": GUTERRES, "PBB": UN}, ()),
        # the body itself, not a title: still a party
        ("Guterres will meet the UN staff in Hanoi.", "en", {"Guterres": GUTERRES, "UN": UN}, ("org:un",)),
        ("Ông Guterres làm việc với Liên hợp quốc tại Hà Nội.", "vi",
         {"Guterres": GUTERRES, "Liên hợp quốc": UN}, ("org:un",)),
    ],
)  # fmt: skip
def test_a_body_named_in_a_document_title_is_no_party(text, lang, names, target):
    article = make_article(text, lang, names, published="2025-10-24")
    reading = sentence_event(article, 0, "CONSULT", 0.9)
    assert reading is not None
    assert reading.source == ("person:guterres",)
    assert reading.target == target


@pytest.mark.parametrize(
    ("rules", "text", "summary"),
    [
        (
            EN,
            "Three high-level meetings filled the diplomatic calendar of Vietnam's leaders on Friday.",
            True,
        ),
        (EN, "A series of bilateral talks took place on the sidelines.", True),
        (EN, "Quang held a string of bilateral meetings on Sunday morning.", False),
        (EN, "The two meetings' host thanked Guterres.", False),
        (VI, "Ba cuộc hội đàm cấp cao diễn ra trong chiều thứ Sáu.", True),
        (VI, "Bộ trưởng đã có ba cuộc gặp song phương.", False),
        (ID, "Tiga pertemuan tingkat tinggi mengisi agenda para pemimpin Vietnam.", True),
        (ID, "Quang menggelar tiga pertemuan bilateral.", False),
    ],
)
def test_a_count_of_meetings_as_subject_asserts_no_event_of_its_own(rules, text, summary):
    assert asserted(text, rules) is not summary


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Luong Cuong wished South Africa success as host of this year's G20 summit.", "en",
         {"Luong Cuong": LUONG_CUONG, "South Africa": SOUTH_AFRICA}),
        ("Le président Luong Cuong a souhaité plein succès à l'Afrique du Sud, hôte du sommet du G20.", "fr",
         {"Luong Cuong": LUONG_CUONG, "l'Afrique du Sud": SOUTH_AFRICA}),
        ("Chủ tịch nước Lương Cường chúc Nam Phi thành công với vai trò chủ nhà G20.", "vi",
         {"Lương Cường": LUONG_CUONG, "Nam Phi": SOUTH_AFRICA}),
    ],
)  # fmt: skip
def test_a_wish_of_success_is_a_support_of_its_addressee(text, lang, names):
    article = make_article(text, lang, names, published="2025-10-23")
    events = [(e.type, e.source, e.target) for e in extract_events(article)]
    assert events == [("SUPPORT", ("person:luong cuong",), ("place:za",))]


def test_a_wish_without_success_or_addressee_is_no_support():
    article = make_article(
        "Luong Cuong wished to visit South Africa next year.",
        "en",
        {"Luong Cuong": LUONG_CUONG, "South Africa": SOUTH_AFRICA},
    )
    assert [e for e in extract_events(article) if e.type == "SUPPORT"] == []


class CueEncoder:
    """A sentence's vector flags whether it holds the cue (a forum: the toy classifier's cue)."""

    def __init__(self, cue: str = "Diễn đàn") -> None:
        self.cue = cue

    def encode(self, texts):
        return np.asarray([[1.0 if self.cue in t else 0.0] for t in texts], dtype=np.float32)


def _forum_classifier(type_: str = "CONSULT") -> EventClassifier:
    weights = np.zeros((len(PLOVER_TYPES), 1), dtype=np.float32)
    weights[PLOVER_TYPES.index(type_), 0] = 6.0
    return EventClassifier(
        types=PLOVER_TYPES,
        weights=weights,
        bias=np.full(len(PLOVER_TYPES), -3.0, dtype=np.float32),  # CONSULT p = 0.95 on the cue
        thresholds=np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32),
        platt=(1.0, 0.0),
    )


NAMES = {
    "Phạm Minh Chính": CHINH,
    "Cyril Ramaphosa": RAMAPHOSA,
    "VCCI": VCCI,
    "Đại sứ quán Nam Phi": EMBASSY,
}


def test_a_classifier_reading_takes_the_actors_of_its_own_clause_not_a_side_clause():
    # "were at the forum [that VCCI organised with the South African Embassy]": the rules read a
    # COOPERATE in the side clause; the classifier's CONSULT is who attended, not VCCI and the embassy
    text = (
        "Thủ tướng Phạm Minh Chính và Tổng thống Cyril Ramaphosa có mặt tại Diễn đàn Doanh nghiệp Việt Nam - "
        "Nam Phi do VCCI phối hợp với Đại sứ quán Nam Phi tổ chức."
    )
    article = make_article(text, "vi", NAMES, published="2025-10-24")
    rules = extract_events(article)
    assert [(e.type, e.source) for e in rules] == [("COOPERATE", ("org:vcci",))]
    events = add_classifier_events(article, rules, _forum_classifier(), CueEncoder())
    consult = next(e for e in events if e.type == "CONSULT")
    assert consult.source == ("person:chinh",)
    assert "org:vcci" not in consult.source + consult.target
    assert "org:za-embassy" not in consult.source + consult.target


def test_a_classifier_reading_still_retypes_a_rule_reading_of_its_own_subject():
    # "VCCI worked with the embassy on the Forum": the rule reading is the sentence's own subject
    text = "VCCI phối hợp với Đại sứ quán Nam Phi tổ chức Diễn đàn Doanh nghiệp Việt Nam - Nam Phi."
    article = make_article(text, "vi", NAMES, published="2025-10-24")
    rules = extract_events(article)
    events = add_classifier_events(article, rules, _forum_classifier(), CueEncoder())
    consult = next(e for e in events if e.type == "CONSULT")
    assert (consult.source, consult.target, consult.rule) == (
        ("org:vcci",),
        ("org:za-embassy",),
        "model:retyped",
    )


def test_a_reading_that_names_the_subject_s_country_first_still_retypes_its_rule_reading():
    # "Indonesia's BNN and the AFP agreed to deepen intelligence sharing": the reading's first actor
    # is Indonesia, BNN is among its first actors: the COOPERATE keeps the rule reading's sides
    names = {
        "Indonesia": ("place", "place:id", "Indonesia", None, None),
        "National Narcotics Agency": ("organization", "org:bnn", "National Narcotics Agency", None, None),
        "Australian Federal Police": ("organization", "org:afp", "Australian Federal Police", None, None),
    }
    text = (
        "Indonesia's National Narcotics Agency and the Australian Federal Police agreed on Thursday to "
        "deepen intelligence sharing."
    )
    article = make_article(text, "en", names, published="2025-10-23")
    rules = extract_events(article)
    assert [(e.type, e.source) for e in rules] == [("AGREE", ("org:bnn", "org:afp"))]
    events = add_classifier_events(article, rules, _forum_classifier("COOPERATE"), CueEncoder("intelligence"))
    cooperate = next(e for e in events if e.type == "COOPERATE")
    assert (cooperate.source, cooperate.rule) == (("org:bnn", "org:afp"), "model:retyped")
