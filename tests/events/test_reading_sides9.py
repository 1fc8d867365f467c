"""Two single-source oddities of the bundled examples (#13), as general rules on project-written
sentences: a classifier's reading does not target its source's own country ("Ramaphosa told
reporters that South Africa regarded Vietnam as a key partner"), and a country written as a
person's nationality ("hai nghi phạm, một người Indonesia và một người Australia") is no actor.
"""

from __future__ import annotations

import pytest

from newsloom.events.extract import sentence_event
from tests.events.helpers import make_article

RAMAPHOSA = ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", "South Africa")
LUONG_CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", "Vietnam")
GUTERRES = ("person", "person:guterres", "António Guterres", None, None)
VIETNAM = ("place", "place:vn", "Vietnam", None, None)
SOUTH_AFRICA = ("place", "place:za", "South Africa", None, None)
INDONESIA = ("place", "place:id", "Indonesia", None, None)
AUSTRALIA = ("place", "place:au", "Australia", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "names", "source", "target"),
    [
        ("Ramaphosa told reporters that South Africa regarded Vietnam as a key partner.", "en",
         {"Ramaphosa": RAMAPHOSA, "South Africa": SOUTH_AFRICA, "Vietnam": VIETNAM},
         ("person:ramaphosa",), ("place:vn",)),
        ("Theo Chủ tịch nước Lương Cường, đây là trách nhiệm của Việt Nam trước cộng đồng quốc tế.", "vi",
         {"Lương Cường": LUONG_CUONG, "Việt Nam": VIETNAM}, ("person:luong cuong",), ()),
        # another country, or a country of no known tie to the source, stays the target
        ("Ramaphosa said Vietnam was a key partner.", "en",
         {"Ramaphosa": RAMAPHOSA, "Vietnam": VIETNAM}, ("person:ramaphosa",), ("place:vn",)),
        ("Guterres thanked Vietnam for hosting the ceremony.", "en",
         {"Guterres": GUTERRES, "Vietnam": VIETNAM}, ("person:guterres",), ("place:vn",)),
    ],
)  # fmt: skip
def test_a_reading_does_not_target_its_sources_own_country(text, lang, names, source, target):
    article = make_article(text, lang, names, published="2025-10-24")
    reading = sentence_event(article, 0, "SUPPORT", 0.9)
    assert reading is not None
    assert reading.source == source
    assert reading.target == target


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Hai nghi phạm, một người Indonesia 34 tuổi và một người Australia 29 tuổi, đến Bali.", "vi",
         {"Indonesia": INDONESIA, "Australia": AUSTRALIA}),
        ("Dua tersangka, seorang warga negara Indonesia dan seorang warga Australia, tiba di Bali.", "id",
         {"Indonesia": INDONESIA, "Australia": AUSTRALIA}),
    ],
)  # fmt: skip
def test_a_nationality_is_no_actor(text, lang, names):
    article = make_article(text, lang, names, published="2025-10-23")
    assert sentence_event(article, 0, "COOPERATE", 0.9) is None


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Cảnh sát Indonesia phối hợp với Australia điều tra vụ việc.", "vi",
         {"Indonesia": INDONESIA, "Australia": AUSTRALIA}),
        ("Người phát ngôn cho biết Indonesia sẽ hợp tác với Australia.", "vi",
         {"Indonesia": INDONESIA, "Australia": AUSTRALIA}),
        ("Pemerintah Indonesia bekerja sama dengan Australia.", "id",
         {"Indonesia": INDONESIA, "Australia": AUSTRALIA}),
    ],
)  # fmt: skip
def test_a_country_that_acts_is_still_read(text, lang, names):
    article = make_article(text, lang, names, published="2025-10-23")
    reading = sentence_event(article, 0, "COOPERATE", 0.9)
    assert reading is not None
    assert (*reading.source, *reading.target) != ()


def test_the_sources_country_comes_from_another_mention_of_the_same_person():
    # "Ramaphosa" alone has no title; the article's "President Cyril Ramaphosa of South Africa" does
    names = {
        "Cyril Ramaphosa": RAMAPHOSA,
        "Ramaphosa": ("person", "person:ramaphosa", "Cyril Ramaphosa", None, None),
        "South Africa": SOUTH_AFRICA,
        "Vietnam": VIETNAM,
    }
    text = (
        "President Cyril Ramaphosa ended his state visit on Friday. "
        "Ramaphosa told reporters that South Africa regarded Vietnam as a key partner."
    )
    article = make_article(text, "en", names, published="2025-10-24")
    reading = sentence_event(article, 1, "SUPPORT", 0.9)
    assert reading is not None
    assert reading.source == ("person:ramaphosa",)
    assert reading.target == ("place:vn",)


KUALA_LUMPUR = ("place", "place:kuala lumpur", "Kuala Lumpur", None, None)
MALAYSIA = ("place", "place:my", "Malaysia", None, None)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Hai người đến Bali trên chuyến bay từ Kuala Lumpur (Malaysia).", "vi", None),
        ("Two men flew in from Kuala Lumpur (Malaysia) on Thursday.", "en", None),
        # a country that acts keeps its place, brackets or not
        ("Malaysia (Kuala Lumpur) cooperated with the police.", "en", ("place:my",)),
    ],
)  # fmt: skip
def test_a_country_in_brackets_after_a_city_is_where_it_is(text, lang, expected):
    names = {"Kuala Lumpur": KUALA_LUMPUR, "Malaysia": MALAYSIA}
    reading = sentence_event(make_article(text, lang, names, published="2025-10-23"), 0, "COOPERATE", 0.9)
    if expected is None:
        assert reading is None
    else:
        assert reading is not None and reading.source == expected


def test_the_sources_country_comes_from_the_nationality_of_its_title():
    names = {
        "Cyril Ramaphosa": ("person", "person:ramaphosa", "Cyril Ramaphosa", "head_of_state", None),
        "Ramaphosa": ("person", "person:ramaphosa", "Cyril Ramaphosa", None, None),
        "South Africa": SOUTH_AFRICA,
        "Vietnam": VIETNAM,
    }
    text = (
        "South African President Cyril Ramaphosa ended his state visit on Friday. "
        "Ramaphosa told reporters that South Africa regarded Vietnam as a key partner."
    )
    article = make_article(text, "en", names, published="2025-10-24")
    reading = sentence_event(article, 1, "SUPPORT", 0.9)
    assert reading is not None
    assert reading.target == ("place:vn",)
