"""People named by what they are ("the Lao leader", "vị lãnh đạo Lào", "Menlu Prancis", "le
dirigeant laotien") as actors: the one person the article names with that country and office, else
the country; never a person of another country; nothing in a language whose pack has no such words.
Made-up sentences, mentions given by hand (tests/events/helpers.py)."""

from __future__ import annotations

from newsloom.events.descriptions import find_descriptions
from newsloom.events.extract import extract_events
from newsloom.lang import load_part
from tests.events.helpers import People, make_article

CHINH = ("person", "person:pham minh chinh", "Phạm Minh Chính", "head_of_government", None)
THONGLOUN = ("person", "person:thongloun sisoulith", "Thongloun Sisoulith", "head_of_state", "place:LA")
SONEXAY = ("person", "person:sonexay siphandone", "Sonexay Siphandone", "head_of_government", "place:LA")
CUONG = ("person", "person:luong cuong", "Lương Cường", "head_of_state", "place:VN")
LAOS = ("place", "place:LA", "Laos", None, None)


def _targets(text: str, lang: str, names: People, type_: str = "SUPPORT") -> list[tuple[str, str]]:
    """(key, type) of the targets of the one ``type_`` event of the last sentence."""
    article = make_article(text, lang, names)
    last = len(article.sentences) - 1
    found = [e for e in extract_events(article) if e.type == type_ and e.sentence == last]
    assert len(found) == 1, found
    return [(a.key, a.type) for a in found[0].target_actors]


EN_MEETING = "Prime Minister Phạm Minh Chính met President Thongloun Sisoulith of Laos in Hanoi on Friday. "


def test_a_description_is_the_person_the_article_names_with_that_country_and_office() -> None:
    text = EN_MEETING + "Chính thanked the Lao leader for travelling to the capital."
    names = {"Phạm Minh Chính": CHINH, "Chính": CHINH, "Thongloun Sisoulith": THONGLOUN, "Laos": LAOS}
    assert _targets(text, "en", names) == [("person:thongloun sisoulith", "person")]


def test_descriptions_in_vietnamese_indonesian_and_french() -> None:
    vi = "Thủ tướng Phạm Minh Chính tiếp Chủ tịch nước Lào Thongloun Sisoulith. Thủ tướng cảm ơn vị lãnh đạo Lào."
    vi_names = {"Phạm Minh Chính": CHINH, "Thongloun Sisoulith": THONGLOUN, "Lào": LAOS}
    assert _targets(vi, "vi", vi_names) == [("person:thongloun sisoulith", "person")]

    barrot = ("person", "person:jean noel barrot", "Jean-Noël Barrot", "foreign_minister", "place:FR")
    sugiono = ("person", "person:sugiono", "Sugiono", "foreign_minister", None)
    france = ("place", "place:FR", "France", None, None)
    id_ = (
        "Sugiono bertemu Jean-Noël Barrot di Jakarta, Selasa. Sugiono memuji Menlu Prancis atas dukungannya."
    )
    id_names = {"Sugiono": sugiono, "Jean-Noël Barrot": barrot, "Prancis": france}
    assert _targets(id_, "id", id_names) == [("person:jean noel barrot", "person")]

    fr = "Le Premier ministre Phạm Minh Chính a reçu Thongloun Sisoulith. Chính a remercié le dirigeant laotien."
    fr_names = {"Phạm Minh Chính": CHINH, "Chính": CHINH, "Thongloun Sisoulith": THONGLOUN}
    assert _targets(fr, "fr", fr_names) == [("person:thongloun sisoulith", "person")]


def test_the_country_when_two_people_fit_or_none() -> None:
    two = (
        "Prime Minister Phạm Minh Chính met President Thongloun Sisoulith of Laos and Prime Minister "
        "Sonexay Siphandone of Laos on Friday. Chính thanked the Lao leader for travelling to the capital."
    )
    names = {
        "Phạm Minh Chính": CHINH,
        "Chính": CHINH,
        "Thongloun Sisoulith": THONGLOUN,
        "Sonexay Siphandone": SONEXAY,
        "Laos": LAOS,
    }
    assert _targets(two, "en", names) == [("place:la", "place")]

    none = "Prime Minister Phạm Minh Chính spoke in Hanoi on Friday. Chính thanked the Lao leader for his letter."
    assert _targets(none, "en", {"Phạm Minh Chính": CHINH, "Chính": CHINH}) == [("place:la", "place")]


def test_never_a_person_of_another_country() -> None:
    # the only head of state named is Vietnam's: "the Lao president" is Laos, not him
    text = "President Lương Cường of Vietnam spoke on Friday. Chính thanked the Lao president for his letter."
    names = {"Lương Cường": CUONG, "Chính": CHINH}
    assert _targets(text, "en", names) == [("place:la", "place")]

    # the entity stage linked the bare title "Thủ tướng" of "Thủ tướng Lào" to Vietnam's prime
    # minister (same office, the title's country not checked): the description says Laos
    chinh_title = ("person", "person:pham minh chinh", "Phạm Minh Chính", "head_of_government", "place:LA")
    vi = "Phạm Minh Chính tiếp Chủ tịch nước Lào Thongloun Sisoulith. Ông Thongloun cảm ơn Thủ tướng Lào."
    vi_names: People = {
        "Phạm Minh Chính": CHINH,
        "Thongloun Sisoulith": THONGLOUN,
        "Thongloun": THONGLOUN,
        "Thủ tướng": chinh_title,
        "Lào": LAOS,
    }
    assert _targets(vi, "vi", vi_names) == [("place:la", "place")]


def test_a_language_without_description_words_reads_none() -> None:
    # Spanish has no pack: "el líder laosiano" is no actor, where English reads "the Lao leader"
    es = "Phạm Minh Chính se reunió con Thongloun Sisoulith en Hanói. Chính agradeció al líder laosiano su visita."
    article = make_article(
        es, "es", {"Phạm Minh Chính": CHINH, "Chính": CHINH, "Thongloun Sisoulith": THONGLOUN}
    )
    rules = load_part("es", "events")
    assert not rules.descriptions and not rules.description_nouns
    assert find_descriptions(article.sentences[1], article.text, rules, article.entities) == []
    en = make_article(EN_MEETING + "Chính thanked the Lao leader.", "en", {"Chính": CHINH})
    found = find_descriptions(en.sentences[1], en.text, load_part("en", "events"), en.entities)
    assert [(d.text, d.country) for d in found] == [("the Lao leader", "LAO")]


def test_a_title_or_appositive_of_a_name_is_no_description() -> None:
    names = {
        "Thongloun Sisoulith": THONGLOUN,
        "Luong Tam Quang": ("person", "person:quang", None, "minister", None),
    }
    text = (
        "The Lao President Thongloun Sisoulith arrived. Thongloun Sisoulith, the Lao leader, spoke. "
        "Vietnam's Minister of Public Security, General Luong Tam Quang, met him."
    )
    article = make_article(text, "en", names)
    rules = load_part("en", "events")
    for sentence in article.sentences:
        assert find_descriptions(sentence, article.text, rules, article.entities) == [], sentence.text


def test_a_title_s_country_key_is_the_person_s_country() -> None:
    from newsloom.entities.types import Mention
    from newsloom.events.actors import actor_from_mention, country_code

    # "Tổng thống Nam Phi Matamela Cyril Ramaphosa": the entity stage writes the title's country as a key
    ramaphosa = Mention(
        0, 24, "Matamela Cyril Ramaphosa", "person", 0, "person:ramaphosa", "Matamela Cyril Ramaphosa",
        "head_of_state", "Tổng thống", "place:ZA",
    )  # fmt: skip
    vi = load_part("vi", "events")
    assert actor_from_mention(ramaphosa, (), vi.home_country, vi.national_roles).country == "ZAF"  # not VNM
    assert (
        country_code("place:la") == "LAO" and country_code("place:geo:1581130") is None
    )  # a city's key: none
