"""Calling off a meeting or visit is a REJECT `meet` in four languages (#13, session 17, cancel17).

PLOVER's definitions: REJECT is "all rejections and refusals", its mode `meet` "meetings and negotiations", and
"cancellation of meetings are REJECT". The one who cancels is the source, the other side the target. A
postponement is no refusal (the meeting is only put off) and a passive cancellation names no one who cancels:
both are no event at all, and in every voice and language the meeting itself is no CONSULT (pack ``non_event``).
Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events
from newsloom.events.learned import asserted
from newsloom.events.rules import EventRules
from newsloom.lang.id.events import RULES as ID
from newsloom.lang.vi.events import RULES as VI

from .helpers import make_article

NAMES = {
    "Thailand": ("place", "place:th", "Thailand", None, None),
    "Thái Lan": ("place", "place:th", "Thailand", None, None),
    "Thaïlande": ("place", "place:th", "Thailand", None, None),
    "Cambodia": ("place", "place:kh", "Cambodia", None, None),
    "Campuchia": ("place", "place:kh", "Cambodia", None, None),
    "Kamboja": ("place", "place:kh", "Cambodia", None, None),
    "Cambodge": ("place", "place:kh", "Cambodia", None, None),
}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Thailand called off the talks with Cambodia after the border clash."),
        ("en", "Thailand cancelled its planned meeting with Cambodia."),
        ("vi", "Thái Lan hủy bỏ cuộc hội đàm với Campuchia."),
        ("vi", "Thái Lan đã hủy cuộc gặp với Campuchia do lũ lụt."),
        ("id", "Thailand membatalkan pertemuan dengan Kamboja."),
        ("id", "Thailand mengurungkan rencana kunjungan ke Kamboja."),
        ("fr", "La Thaïlande a annulé la rencontre avec le Cambodge."),
        ("fr", "La Thaïlande a décommandé les pourparlers avec le Cambodge."),
    ],
)
def test_calling_off_a_meeting_is_a_reject_from_who_cancels(lang: str, sentence: str) -> None:
    events = extract_events(make_article(sentence, lang, NAMES, published="2026-03-02"))
    assert [(e.type, e.mode, e.source, e.target) for e in events] == [
        ("REJECT", "meet", ("place:th",), ("place:kh",))
    ]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Thailand postponed the talks with Cambodia until March."),
        ("en", "The talks between Thailand and Cambodia were cancelled."),
        ("en", "Thailand called off the strike at the Cambodia border post."),
        ("vi", "Thái Lan hoãn cuộc hội đàm với Campuchia."),
        ("vi", "Cuộc hội đàm giữa Thái Lan và Campuchia đã bị hủy."),
        ("id", "Thailand menunda pertemuan dengan Kamboja."),
        ("id", "Pertemuan antara Thailand dan Kamboja dibatalkan."),
        ("fr", "La Thaïlande a reporté la rencontre avec le Cambodge."),
        ("fr", "La rencontre entre la Thaïlande et le Cambodge a été annulée."),
        ("fr", "La Thaïlande a annulé la grève à la frontière du Cambodge."),
    ],
)
def test_postponed_passive_or_not_a_meeting_is_no_event(lang: str, sentence: str) -> None:
    assert extract_events(make_article(sentence, lang, NAMES, published="2026-03-02")) == []


@pytest.mark.parametrize(
    ("rules", "sentence"),
    [
        (VI, "Chuyến thăm Lào của Thủ tướng Thái Lan đã bị hủy."),
        (VI, "Cuộc hội đàm giữa hai bộ trưởng đã bị hoãn sang tháng sau."),
        (ID, "Kunjungan Presiden Thailand ke Vietnam dibatalkan."),
        (ID, "Pertemuan kedua menteri ditunda hingga bulan depan."),
    ],
)
def test_passive_meeting_called_off_is_no_meeting_for_the_classifier_in_vi_id(
    rules: EventRules, sentence: str
) -> None:
    assert not asserted(sentence, rules)
