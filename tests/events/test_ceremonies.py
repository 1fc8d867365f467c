"""Attending a forum and chairing a ceremony are meetings the Vietnamese rules read (#13, the Hanoi
Convention signing): "dự Diễn đàn" was blocked because the pack's "tiếp diễn" guard ignored case and
took the forum for "diễn"; "chủ trì Lễ mở ký" (chairing the opening ceremony) had no rule, so the
report of the ceremony whose chair is the only person named gave no event at all.
"""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events
from tests.events.helpers import make_article

CHINH = ("person", "person:chinh", "Phạm Minh Chính", "head_of_government", None)
RAMAPHOSA = ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", None)
LUONG_CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", None)
VCCI = ("organization", "org:vcci", "Vietnam Chamber of Commerce and Industry", None, None)
EMBASSY = ("organization", "org:za-embassy", "Đại sứ quán Nam Phi", None, None)
NAMES = {
    "Phạm Minh Chính": CHINH,
    "Cyril Ramaphosa": RAMAPHOSA,
    "Lương Cường": LUONG_CUONG,
    "VCCI": VCCI,
    "Đại sứ quán Nam Phi": EMBASSY,
    "Nam Phi": ("place", "place:za", "South Africa", None, None),
}


def _events(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    article = make_article(text, "vi", NAMES, published="2025-10-25")
    return [(e.type, e.mode, e.source) for e in extract_events(article)]


def test_attending_a_forum_is_a_multilateral_meeting_of_who_attended():
    text = (
        "Ngày 24/10, tại Hà Nội, Thủ tướng Phạm Minh Chính và Tổng thống Nam Phi Cyril Ramaphosa dự Diễn đàn "
        "Doanh nghiệp Việt Nam - "
        "Nam Phi do VCCI phối hợp với Đại sứ quán Nam Phi tổ chức."
    )
    # the forum's organisers in the side clause are no event of the sentence
    ((type_, mode, source),) = _events(text)
    assert (type_, mode) == ("CONSULT", "multilateral")
    assert "person:ramaphosa" in source and not {"org:vcci", "org:za-embassy"} & set(source)


def test_the_tiep_dien_guard_still_blocks_going_on():
    # "tiếp diễn" (goes on) is no reception, whatever follows it
    assert _events("Cuộc đàm phán giữa Phạm Minh Chính và Cyril Ramaphosa vẫn tiếp diễn.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng 25-10, tại Trung tâm Hội nghị Quốc gia, Chủ tịch nước Lương Cường chủ trì Lễ mở ký Công ước "
         "về chống tội phạm mạng.", [("CONSULT", "multilateral", ("person:luong cuong",))]),
        ("Thủ tướng Phạm Minh Chính chủ trì Hội nghị thúc đẩy đầu tư.",
         [("CONSULT", "multilateral", ("person:chinh",))]),
        # a welcome ceremony stays a visit that needs its guest
        ("Chủ tịch nước Lương Cường chủ trì lễ đón Tổng thống Cyril Ramaphosa.",
         [("CONSULT", "visit", ("person:luong cuong",))]),
        # chairing a working session of one's own body is no meeting with anyone
        ("Thủ tướng Phạm Minh Chính chủ trì cuộc họp Chính phủ thường kỳ.", []),
    ],
)  # fmt: skip
def test_chairing_a_ceremony_or_conference_is_hosting_a_multilateral_meeting(text, expected):
    assert _events(text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "mode"),
    [
        ("en", "The ceremony opened on Saturday, chaired by Lương Cường and attended by Guterres and delegations "
               "from about 110 countries.", "multilateral"),
        ("en", "Lương Cường hosted a welcome for the heads of delegations.", "multilateral"),
        ("en", "Lương Cường hosted a welcome for Guterres.", "visit"),
        ("vi", "Trước phiên khai mạc, Chủ tịch nước chủ trì lễ đón chính thức và chụp ảnh chung với các trưởng đoàn.",
         "multilateral"),
        ("vi", "Tổng Thư ký LHQ cùng lãnh đạo, đại diện của khoảng 110 quốc gia tham dự.", "multilateral"),
        ("vi", "Chủ tịch nước chủ trì lễ đón chính thức Tổng Thư ký LHQ.", "visit"),
        ("id", "Upacara dihadiri Sekjen PBB dan delegasi dari sekitar 110 negara.", "multilateral"),
        ("id", "Presiden menerima Sekjen PBB di Istana Kepresidenan.", "visit"),
        # a bilateral meeting with one delegation head stays bilateral; "tiếp xúc" (contact) says
        # nobody travelled, so no visit either (its "tiếp" is not "tiếp", receive)
        ("vi", "Bộ trưởng có cuộc tiếp xúc song phương với trưởng đoàn Mozambique.", None),
    ],
)  # fmt: skip
def test_a_gathering_of_many_delegations_is_a_multilateral_meeting(lang, text, mode):
    import importlib

    from newsloom.events.modes import sentence_mode

    rules = importlib.import_module(f"newsloom.lang.{lang}.events").RULES
    assert sentence_mode(text, rules, "CONSULT") == mode
