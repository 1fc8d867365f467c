from newsloom.entities.gazetteer import load_gazetteer
from newsloom.entities.names import name_tokens


def _ids(name: str, language: str) -> set[str]:
    return {s.entry_id for s in load_gazetteer().lookup(name_tokens(name), language)}


def test_un_is_one_entry_in_every_language() -> None:
    for name, lang in [("Liên hợp quốc", "vi"), ("LHQ", "vi"), ("United Nations", "en"), ("UN", "en"),
                       ("Perserikatan Bangsa-Bangsa", "id"), ("PBB", "id")]:  # fmt: skip
        assert "org:un" in _ids(name, lang), name


def test_countries_come_from_cldr_in_three_languages() -> None:
    assert _ids("Nam Phi", "vi") == _ids("South Africa", "en") == _ids("Afrika Selatan", "id") == {"place:ZA"}
    assert "place:VN" in _ids("Việt Nam", "en") and "place:VN" in _ids("Vietnam", "id")


def test_short_vietnamese_country_names_stay_in_vietnamese() -> None:
    assert "place:GB" in _ids("Anh", "vi")
    assert "place:GB" not in _ids("Anh", "en")


def test_unodc_names_and_acronym() -> None:
    gaz = load_gazetteer()
    unodc = gaz.by_acronym("UNODC")
    assert unodc is not None and unodc.id == "org:unodc" and unodc.parent == "org:un"
    assert "org:unodc" in _ids("Cơ quan Phòng, chống ma túy và tội phạm Liên hợp quốc", "vi")
