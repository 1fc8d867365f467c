"""Languages without a pack are read with basic support only, and every view of an article says so."""

from __future__ import annotations

from newsloom.lang import FIRST_CLASS
from newsloom.views.support import BASIC, FULL, basic_languages, support_of


def test_first_class_languages_come_from_the_packs() -> None:
    assert {"vi", "en", "id"} <= set(FIRST_CLASS)
    for code in FIRST_CLASS:
        assert support_of(code).level == FULL and support_of(code).note == ""


def test_a_language_without_a_pack_says_what_basic_support_means() -> None:
    german = support_of("de")
    assert german.level == BASIC
    assert "no language pack for de" in german.note and "dates" in german.note
    assert support_of("ms").level == BASIC  # a pack that only tells Malay apart is not first-class
    assert support_of(None).level == BASIC and "not recognised" in support_of(None).note


def test_basic_languages_pick_the_unsupported_ones() -> None:
    assert basic_languages({"vi": 3, "de": 1, "ja": 2, "en": 4}) == {"de": 1, "ja": 2}
