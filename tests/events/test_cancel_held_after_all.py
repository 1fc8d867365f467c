"""A meeting put off and then held, a meeting cancelled by someone, a visit to a capital (#13, session 18).

Guideline 6 of ``tests/gold/events/README.md`` (session 17) says a meeting called off or put off is no CONSULT. It
applies only where nothing says the meeting took place after all: "twice postponed, the visit finally took place"
is a meeting held (the packs' ``_HELD_AFTER_ALL`` voids the called-off cue of ``non_event``). Calling a meeting off
is a REJECT `meet` from the side that cancels in the passive with its agent too ("was cancelled by Thailand", "bị
Thái Lan hủy", "dibatalkan oleh", "annulée par"), as in the active. A visit called off to a capital or a country
has that country's government as its target (``events/capitals.py``). Every sentence is written for the test.
"""

from __future__ import annotations

import pytest

from newsloom.events.extract import extract_events
from newsloom.events.learned import asserted
from newsloom.events.rules import EventRules
from newsloom.lang.en.events import RULES as EN
from newsloom.lang.fr.events import RULES as FR
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
    "Phnom Penh": ("place", "place:geo:1821306", "Phnom Penh", None, None),
    "Siem Reap": ("place", "place:siem-reap", "Siem Reap", None, None),
}


def _events(sentence: str, lang: str) -> list[tuple[str, str | None, tuple[str, ...], tuple[str, ...]]]:
    article = make_article(sentence, lang, NAMES, published="2026-03-02")
    return [(e.type, e.mode, e.source, e.target) for e in extract_events(article)]


# -- 1. put off (or called off), then held: a meeting held, the classifier may read it --------------------------


@pytest.mark.parametrize(
    ("rules", "sentence"),
    [
        (
            EN,
            "The talks between Thailand and Cambodia, which had been postponed twice, were finally held on Monday.",
        ),
        (
            EN,
            "The twice-postponed visit of the Thai prime minister to Cambodia eventually took place last week.",
        ),
        (EN, "The summit with Cambodia was postponed in March but went ahead in Bangkok on Tuesday."),
        (
            VI,
            "Chuyến thăm Campuchia của Thủ tướng Thái Lan, từng bị hoãn hai lần, cuối cùng đã diễn ra hôm thứ Hai.",
        ),
        (
            VI,
            "Cuộc hội đàm giữa Thái Lan và Campuchia bị hoãn hai lần, cuối cùng đã được tổ chức tại Bangkok.",
        ),
        (
            ID,
            "Pertemuan antara Thailand dan Kamboja yang sempat ditunda dua kali akhirnya digelar di Bangkok.",
        ),
        (
            ID,
            "Thailand menunda kunjungan ke Kamboja pada Maret, namun kunjungan itu akhirnya berlangsung pada Mei.",
        ),
        (
            FR,
            "La visite du Premier ministre thaïlandais au Cambodge, qui avait été reportée deux fois, a finalement eu lieu lundi.",
        ),
        (
            FR,
            "La Thaïlande a reporté deux fois la rencontre avec le Cambodge, qui s'est finalement tenue à Bangkok.",
        ),
    ],
)
def test_meeting_put_off_and_then_held_is_asserted(rules: EventRules, sentence: str) -> None:
    assert asserted(sentence, rules)


@pytest.mark.parametrize(
    ("rules", "sentence"),
    [
        # put off, and nothing says it was held
        (EN, "The talks between Thailand and Cambodia have been postponed twice."),
        (EN, "The talks were postponed after the summit took place in Jakarta."),
        (VI, "Chuyến thăm Campuchia của Thủ tướng Thái Lan đã bị hoãn hai lần."),
        (VI, "Cuộc hội đàm giữa Thái Lan và Campuchia bị hoãn và vẫn chưa diễn ra."),
        (ID, "Pertemuan antara Thailand dan Kamboja ditunda dua kali dan akhirnya tidak digelar."),
        (FR, "La rencontre entre la Thaïlande et le Cambodge, reportée en mars, n'a finalement pas eu lieu."),
        (FR, "La visite du Premier ministre thaïlandais au Cambodge a été reportée deux fois."),
    ],
)
def test_meeting_put_off_and_not_held_stays_unasserted(rules: EventRules, sentence: str) -> None:
    assert not asserted(sentence, rules)


# -- 2. cancelled by X: a REJECT `meet` from X to the other side -------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The talks with Cambodia were cancelled by Thailand after the border clash."),
        ("en", "The planned meeting with Cambodia has been called off by Thailand."),
        ("vi", "Cuộc hội đàm với Campuchia đã bị Thái Lan hủy."),
        ("vi", "Cuộc gặp với Campuchia đã bị hủy bởi Thái Lan."),
        ("id", "Pertemuan dengan Kamboja dibatalkan oleh Thailand."),
        ("fr", "La rencontre avec le Cambodge a été annulée par la Thaïlande."),
    ],
)
def test_meeting_cancelled_by_an_agent_is_a_reject_from_the_agent(lang: str, sentence: str) -> None:
    assert _events(sentence, lang) == [("REJECT", "meet", ("place:th",), ("place:kh",))]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # put off by the agent: no refusal
        ("en", "The talks with Cambodia were postponed by Thailand."),
        ("vi", "Cuộc hội đàm với Campuchia đã bị Thái Lan hoãn."),
        ("id", "Pertemuan dengan Kamboja ditunda oleh Thailand."),
        ("fr", "La rencontre avec le Cambodge a été reportée par la Thaïlande."),
        # cancelled, but no meeting
        ("en", "The contract with Cambodia was cancelled by Thailand."),
        ("fr", "Le contrat avec le Cambodge a été annulé par la Thaïlande."),
        # cancelled by someone not named
        ("en", "The talks with Cambodia were cancelled by the organisers."),
    ],
)
def test_postponed_by_an_agent_or_no_meeting_is_no_reject(lang: str, sentence: str) -> None:
    assert _events(sentence, lang) == []


# -- 3. the capital or country the called-off visit was to is the REJECT's target ------------------------------


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Thailand cancelled its planned visit to Phnom Penh."),
        ("vi", "Thái Lan đã hủy chuyến thăm Phnom Penh."),
        ("id", "Thailand membatalkan kunjungan ke Phnom Penh."),
        ("fr", "La Thaïlande a annulé sa visite à Phnom Penh."),
        # French writes the country visited after "au/en", a locative inside the object elsewhere
        ("fr", "La Thaïlande a annulé sa visite au Cambodge."),
    ],
)
def test_visit_called_off_to_a_capital_or_country_targets_its_government(lang: str, sentence: str) -> None:
    assert _events(sentence, lang) == [("REJECT", "meet", ("place:th",), ("place:kh",))]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # a city that is no capital is where the visit would have been, no side
        ("en", "Thailand cancelled its planned visit to Siem Reap."),
        ("id", "Thailand membatalkan kunjungan ke Siem Reap."),
        # the source's own capital is no other side
        ("en", "Thailand cancelled the planned visit to Bangkok."),
    ],
)
def test_visit_called_off_to_another_city_has_no_target(lang: str, sentence: str) -> None:
    assert _events(sentence, lang) == [("REJECT", "meet", ("place:th",), ())]


def test_visit_called_off_to_a_country_after_en_targets_it_in_french() -> None:
    # "en" inside an object is a locative (pack field object_locative): the country visited is still the side
    names = {**NAMES, "Indonésie": ("place", "place:id", "Indonesia", None, None)}
    article = make_article(
        "La Thaïlande a annulé sa visite en Indonésie.", "fr", names, published="2026-03-02"
    )
    assert [(e.type, e.source, e.target) for e in extract_events(article)] == [
        ("REJECT", ("place:th",), ("place:id",))
    ]
