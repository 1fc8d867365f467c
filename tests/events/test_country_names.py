"""A country the events stage names itself (a description that fits no one: "Tổng thống Pháp", "Menlu
Prancis", "le dirigeant laotien") is named in the article's language, keyed by its code. Made-up
sentences, mentions given by hand (tests/events/helpers.py)."""

from __future__ import annotations

import pytest

from newsloom.events.actors import country_actor, country_name
from newsloom.events.extract import extract_events
from newsloom.lang import load_part
from tests.events.helpers import People, make_article

CHINH = ("person", "person:pham minh chinh", "Phạm Minh Chính", "head_of_government", None)
SUGIONO = ("person", "person:sugiono", "Sugiono", "foreign_minister", "place:ID")


def _country_targets(
    text: str, lang: str, names: People, type_: str = "SUPPORT"
) -> list[tuple[str, str, str]]:
    """(key, name, text) of the targets of the one ``type_`` event of the last sentence."""
    article = make_article(text, lang, names)
    last = len(article.sentences) - 1
    found = [e for e in extract_events(article) if e.type == type_ and e.sentence == last]
    assert len(found) == 1, found
    return [(a.key, a.name, a.text) for a in found[0].target_actors]


def test_a_description_that_fits_no_one_names_its_country_in_the_articles_language() -> None:
    vi = "Thủ tướng Phạm Minh Chính phát biểu tại Hà Nội. Thủ tướng Phạm Minh Chính cảm ơn Tổng thống Pháp."
    france_vi = ("place", "place:FR", "France", None, None)
    assert _country_targets(vi, "vi", {"Phạm Minh Chính": CHINH, "Pháp": france_vi}) == [
        ("place:fr", "Pháp", "Tổng thống Pháp")
    ]

    id_ = "Sugiono berbicara di Jakarta, Selasa. Sugiono memuji Presiden Prancis atas dukungannya."
    france_id = ("place", "place:FR", "France", None, None)
    assert _country_targets(id_, "id", {"Sugiono": SUGIONO, "Prancis": france_id}) == [
        ("place:fr", "Prancis", "Presiden Prancis")
    ]

    fr = "Le Premier ministre Phạm Minh Chính a parlé à Hanoï. Chính a remercié le dirigeant sud-africain."
    chinh = {"Phạm Minh Chính": CHINH, "Chính": CHINH}
    assert _country_targets(fr, "fr", chinh) == [("place:za", "Afrique du Sud", "le dirigeant sud-africain")]

    en = "Prime Minister Phạm Minh Chính spoke in Hanoi on Friday. Chính thanked the Lao leader for his letter."
    assert _country_targets(en, "en", chinh) == [("place:la", "Laos", "the Lao leader")]


def test_the_packs_name_before_cldrs_and_iso_english_without_a_pack() -> None:
    names = {lang: load_part(lang, "events").country_name for lang in ("vi", "id", "fr", "en", "es")}
    assert [names["vi"]("GBR"), names["id"]("GBR"), names["fr"]("VNM"), names["en"]("RUS")] == [
        "Anh",  # the pack's: CLDR writes "Vương quốc Anh"
        "Inggris",  # CLDR: "Inggris Raya"
        "Vietnam",  # CLDR: "Viêt Nam"
        "Russia",  # CLDR's English; ISO 3166 writes "Russian Federation"
    ]
    assert names["vi"]("LAO") == "Lào" and names["id"]("ZAF") == "Afrika Selatan"
    assert names["es"]("RUS") == "Russian Federation"  # no pack: ISO 3166's English name, as before
    assert names["vi"]("XXX") is None


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        ("MMR", "en", "Myanmar"),
        ("MMR", "vi", "Myanmar"),
        ("FRA", "xx-nowhere", "France"),
        ("KHM", "", "Cambodia"),
    ],
)
def test_country_name_drops_cldrs_parenthesis_and_falls_back_to_iso(
    code: str, locale: str, name: str
) -> None:
    assert country_name(code, locale) == name


def test_the_name_never_changes_the_key() -> None:
    local, english = country_actor("FRA", "description", name="Pháp"), country_actor("FRA", "description")
    assert local is not None and english is not None
    assert (local.key, local.country, local.name) == (english.key, english.country, "Pháp")
    assert english.name == "France"
