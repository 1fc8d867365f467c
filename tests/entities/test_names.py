from newsloom.entities.names import (
    diacritic_weight,
    entity_key,
    fold,
    folded_name,
    has_diacritics,
    is_acronym,
)


def test_fold_removes_vietnamese_marks_and_d_stroke() -> None:
    assert fold("Bùi Thanh Sơn") == "bui thanh son"
    assert fold("Đà Nẵng") == "da nang"
    assert fold("António") == "antonio"


def test_folded_name_drops_punctuation_between_words() -> None:
    assert folded_name("Asia-Pacific") == folded_name("Asia Pacific") == "asia pacific"


def test_entity_key_prefers_gazetteer_id() -> None:
    assert entity_key("Liên hợp quốc", "organization", "org:un") == "org:un"
    assert (
        entity_key("Bui Thanh Son", "person")
        == entity_key("Bùi Thanh Sơn", "person")
        == "person:bui thanh son"
    )


def test_diacritics_are_measured() -> None:
    assert has_diacritics("Sơn") and not has_diacritics("Son")
    assert diacritic_weight("Bùi Thanh Sơn") > diacritic_weight("Bui Thanh Son")


def test_acronyms() -> None:
    assert is_acronym("UNODC") and is_acronym("G20") and not is_acronym("Sơn") and not is_acronym("U")
