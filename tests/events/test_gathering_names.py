"""A country or body named in a forum's, conference's or ceremony's name is no party (#13): "the
Việt Nam–South Africa Business Forum" names both countries, but those who attend it are the
parties. The packs' ``gathering_after`` (en) and ``gathering_before`` (vi, id, fr) say where a
gathering's name runs; a country that speaks before or after a gathering is still a party.
Project-written sentences shaped like the bundled examples.
"""

from __future__ import annotations

import pytest

from newsloom.events.extract import sentence_event
from newsloom.events.slots import mentions_by_sentence, sentence_slots
from newsloom.lang import load_part
from tests.events.helpers import make_article

CHINH = ("person", "person:chinh", "Phạm Minh Chính", "head_of_government", None)
RAMAPHOSA = ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", None)
VIETNAM = ("place", "place:vn", "Vietnam", None, None)
SOUTH_AFRICA = ("place", "place:za", "South Africa", None, None)
ASEAN = ("organization", "org:asean", "Association of Southeast Asian Nations", None, None)
INDONESIA = ("place", "place:id", "Indonesia", None, None)
AUSTRALIA = ("place", "place:au", "Australia", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Ramaphosa attended the Việt Nam–South Africa Business Forum in Hanoi on Friday.", "en",
         {"Ramaphosa": RAMAPHOSA, "Việt Nam": VIETNAM, "South Africa": SOUTH_AFRICA}),
        ("Ramaphosa attended the Vietnam - South Africa Investment Conference in Hanoi.", "en",
         {"Ramaphosa": RAMAPHOSA, "Vietnam": VIETNAM, "South Africa": SOUTH_AFRICA}),
        ("Ramaphosa attended the ASEAN Business Forum in Hanoi.", "en",
         {"Ramaphosa": RAMAPHOSA, "ASEAN": ASEAN}),
        ("Tổng thống Ramaphosa dự Diễn đàn Doanh nghiệp Việt Nam - Nam Phi tại Hà Nội.", "vi",
         {"Ramaphosa": RAMAPHOSA, "Việt Nam": VIETNAM, "Nam Phi": SOUTH_AFRICA}),
        ("Tổng thống Ramaphosa dự Lễ kỷ niệm quan hệ ngoại giao Việt Nam - Nam Phi tại Hà Nội.", "vi",
         {"Ramaphosa": RAMAPHOSA, "Việt Nam": VIETNAM, "Nam Phi": SOUTH_AFRICA}),
        ("Presiden Ramaphosa menghadiri Forum Bisnis Vietnam-Afrika Selatan di Hanoi.", "id",
         {"Ramaphosa": RAMAPHOSA, "Vietnam": VIETNAM, "Afrika Selatan": SOUTH_AFRICA}),
        ("Le président Ramaphosa a assisté au Forum d'affaires Vietnam-Afrique du Sud à Hanoï.", "fr",
         {"Ramaphosa": RAMAPHOSA, "Vietnam": VIETNAM, "Afrique du Sud": SOUTH_AFRICA}),
    ],
)  # fmt: skip
def test_countries_in_a_gathering_name_are_no_party(text, lang, names):
    article = make_article(text, lang, names, published="2025-10-24")
    reading = sentence_event(article, 0, "CONSULT", 0.9)
    assert reading is not None
    assert reading.source == ("person:ramaphosa",)
    assert reading.target == ()


@pytest.mark.parametrize(
    ("text", "lang", "names", "source", "target"),
    [
        # the country speaks at or hosts the gathering: still a party
        ("Vietnam told the forum it would open its market to South African fruit.", "en",
         {"Vietnam": VIETNAM, "South Africa": SOUTH_AFRICA}, ("place:vn",), None),
        ("Ramaphosa met Vietnam before the Business Forum.", "en",
         {"Ramaphosa": RAMAPHOSA, "Vietnam": VIETNAM}, ("person:ramaphosa",), ("place:vn",)),
        ("Tại diễn đàn, Việt Nam đề nghị Nam Phi mở cửa thị trường.", "vi",
         {"Việt Nam": VIETNAM, "Nam Phi": SOUTH_AFRICA}, ("place:vn",), ("place:za",)),
        ("Dalam forum itu Indonesia meminta Australia membuka pasar.", "id",
         {"Indonesia": INDONESIA, "Australia": AUSTRALIA}, ("place:id",), ("place:au",)),
    ],
)  # fmt: skip
def test_a_country_outside_the_name_stays_a_party(text, lang, names, source, target):
    article = make_article(text, lang, names, published="2025-10-24")
    reading = sentence_event(article, 0, "REQUEST", 0.9)
    assert reading is not None
    assert reading.source == source
    if target is not None:
        assert reading.target == target


VCCI = ("organization", "org:vcci", "Vietnam Chamber of Commerce and Industry", None, None)
EMBASSY = ("organization", "org:za-embassy", "South African Embassy", None, None)
VCCI_VI = ("organization", "org:vcci", "Liên đoàn Thương mại và Công nghiệp Việt Nam", None, None)
EMBASSY_VI = ("organization", "org:za-embassy", "Đại sứ quán Nam Phi", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Ramaphosa attended the business forum, co-organised by the Vietnam Chamber of Commerce and "
         "Industry and the South African Embassy.", "en",
         {"Ramaphosa": RAMAPHOSA, "Vietnam Chamber of Commerce and Industry": VCCI,
          "South African Embassy": EMBASSY}),
        ("Tổng thống Ramaphosa dự diễn đàn do Liên đoàn Thương mại và Công nghiệp Việt Nam phối hợp với "
         "Đại sứ quán Nam Phi tổ chức, nhân chuyến thăm.", "vi",
         {"Ramaphosa": RAMAPHOSA, "Liên đoàn Thương mại và Công nghiệp Việt Nam": VCCI_VI,
          "Đại sứ quán Nam Phi": EMBASSY_VI}),
        ("Presiden Ramaphosa menghadiri forum yang diselenggarakan Kamar Dagang Vietnam bersama "
         "Kedutaan Besar Afrika Selatan.", "id",
         {"Ramaphosa": RAMAPHOSA, "Kamar Dagang Vietnam": VCCI, "Kedutaan Besar Afrika Selatan": EMBASSY}),
    ],
)  # fmt: skip
def test_the_organisers_of_a_gathering_are_no_counterpart(text, lang, names):
    article = make_article(text, lang, names, published="2025-10-24")
    reading = sentence_event(article, 0, "CONSULT", 0.9)
    assert reading is not None
    assert reading.source == ("person:ramaphosa",)
    assert reading.target == ()


def test_an_organiser_named_as_subject_still_acts():
    text = "The Vietnam Chamber of Commerce and Industry organised the forum with the South African Embassy."
    names = {"Vietnam Chamber of Commerce and Industry": VCCI, "South African Embassy": EMBASSY}
    reading = sentence_event(make_article(text, "en", names, published="2025-10-24"), 0, "COOPERATE", 0.9)
    assert reading is not None
    assert reading.source == ("org:vcci",)
    assert reading.target == ("org:za-embassy",)


VCCI_SHORT = ("organization", "org:vcci", "Vietnam Chamber of Commerce and Industry", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names", "kept"),
    [
        # the rules' side clause: "[the forum that] VCCI organised with the embassy" keeps VCCI
        ("Tổng thống Ramaphosa dự Diễn đàn Doanh nghiệp Việt Nam - Nam Phi do VCCI tổ chức.", "vi",
         {"Ramaphosa": RAMAPHOSA, "VCCI": VCCI_SHORT}, "org:vcci"),
        ("Presiden Ramaphosa menghadiri Forum Bisnis itu dengan Vietnam.", "id",
         {"Ramaphosa": RAMAPHOSA, "Vietnam": VIETNAM}, "place:vn"),
        ("Tổng thống Ramaphosa dự Diễn đàn Doanh nghiệp với Việt Nam.", "vi",
         {"Ramaphosa": RAMAPHOSA, "Việt Nam": VIETNAM}, "place:vn"),
        ("Le président Ramaphosa a ouvert le Forum d'affaires avec le Vietnam.", "fr",
         {"Ramaphosa": RAMAPHOSA, "Vietnam": VIETNAM}, "place:vn"),
    ],
)  # fmt: skip
def test_a_gathering_name_ends_at_a_function_word(text, lang, names, kept):
    article = make_article(text, lang, names, published="2025-10-24")
    slots = [s.actor.key for s in _slots(article) if s.actor is not None]
    assert kept in slots


def _slots(article):
    sentence = article.sentences[0]
    rules = load_part(article.language, "events")
    mentions = mentions_by_sentence(article).get(0, [])
    return sentence_slots(sentence, mentions, article.text, rules, article.entities, rules.home_country)
