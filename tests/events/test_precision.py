"""Sentences that warn, hedge, deny, plan or speculate produce no fact; nouns made of a trigger word
are no event; dates say when the event happened."""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events

from .helpers import make_article

QUANG = ("person", "person:luong tam quang", "Lương Tam Quang", "minister", None)
KUBAYI = ("person", "person:mmamoloko kubayi", "Mmamoloko Kubayi", "minister", None)
VN = ("place", "place:vn", "Vietnam", None, None)
ID = ("place", "place:id", "Indonesia", None, None)
AU = ("place", "place:au", "Australia", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        # a noun built on a trigger word: "investigators"
        (
            "Lương Tam Quang tiếp đoàn Indonesia. Theo Bộ trưởng, trung tâm này giúp các nước đào tạo điều tra viên.",
            "vi",
            {"Lương Tam Quang": QUANG, "Indonesia": ID},
        ),
        ("Việt Nam cử điều tra viên sang Lào.", "vi", {"Việt Nam": VN}),
        # a participle describing a thing: no signing
        ("Lương Tam Quang praised the newly signed convention.", "en", {"Lương Tam Quang": QUANG}),
    ],
)
def test_a_noun_or_participle_from_a_trigger_word_is_no_event(text: str, lang: str, names: dict) -> None:
    events = extract_events(make_article(text, lang, names, published="2025-10-26"))
    assert not any(e.type == "ACCUSE" or e.trigger == "signed" for e in events), [
        (e.type, e.trigger) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        (
            "Indonesia could expel Australia's diplomats if the talks fail.",
            "en",
            {"Indonesia": ID, "Australia": AU},
        ),
        ("Indonesia denied that it had arrested Australian citizens.", "en", {"Indonesia": ID}),
        ("Indonesia plans to sign a new agreement with Australia.", "en", {"Indonesia": ID, "Australia": AU}),
        (
            "Lương Tam Quang có thể sẽ ký thỏa thuận với Mmamoloko Kubayi.",
            "vi",
            {"Lương Tam Quang": QUANG, "Mmamoloko Kubayi": KUBAYI},
        ),
        (
            "Indonesia mungkin akan menandatangani perjanjian dengan Australia.",
            "id",
            {"Indonesia": ID, "Australia": AU},
        ),
        ("Indonesia membantah telah menangkap warga Australia.", "id", {"Indonesia": ID, "Australia": AU}),
    ],
)
def test_hedged_denied_or_planned_acts_are_no_fact(text: str, lang: str, names: dict) -> None:
    events = extract_events(make_article(text, lang, names, published="2025-10-26"))
    assert [e.type for e in events if e.type in ("COERCE", "SANCTION", "SUPPORT")] == [], [
        (e.type, e.trigger) for e in events
    ]
