"""Cheap cross-lingual signals: folded names, numbers, dates through CLDR names, places."""

from __future__ import annotations

from newsloom.compare import signals

VI = "Chiều 21/10/2025, Phó Thủ tướng Bùi Thanh Sơn tiếp bà Ghada Waly tại Hà Nội. Hai bên bàn về hợp tác."
EN = "On 21 October 2025, Deputy Prime Minister Bui Thanh Son received Ghada Waly in Hanoi for talks."
ID = "Pada 21 Oktober 2025, Wakil Perdana Menteri Bui Thanh Son menerima Ghada Waly di Hanoi."
OTHER = "Harga cabai di Surabaya naik 40 persen pada Maret 2023, kata pedagang di pasar Keputran."


def test_fold_removes_marks_and_special_letters() -> None:
    assert signals.fold("Bùi Thanh Sơn") == "bui thanh son"
    assert signals.fold("Đà Nẵng") == "da nang"
    assert signals.fold("Łódź") == "lodz"


def test_names_survive_translation_after_folding() -> None:
    vi, en, other = signals.name_tokens(VI), signals.name_tokens(EN), signals.name_tokens(OTHER)
    assert {"bui", "thanh", "son", "ghada", "waly"} <= vi & en
    assert not (vi & other)


def test_capitalised_common_words_are_not_names() -> None:
    names = signals.name_tokens("The mayor spoke. Then the mayor left for Lyon.")
    assert "lyon" in names and "the" not in names


def test_numbers_ignore_separators_and_single_digits() -> None:
    assert signals.numbers("1,500 people and 1.500 more; 3 buses") == {"1500"}


def test_same_date_is_found_in_three_languages() -> None:
    for text, lang in ((VI, "vi"), (EN, "en"), (ID, "id")):
        dates = signals.fallback_dates(text, lang)
        assert (10, 21) in dates.days, lang
        assert 2025 in dates.years
    assert (10, 21) not in signals.fallback_dates(OTHER, "id").days
    assert 3 in signals.fallback_dates(OTHER, "id").months


def test_dates_in_languages_with_inflected_and_cjk_months() -> None:
    assert (1, 10) in signals.fallback_dates("Wernisaż 10 stycznia 2020 w Gdańsku.", "pl").days
    assert (1, 10) in signals.fallback_dates("2020年1月10日，伯明翰的家庭", "zh").days
    assert signals.fallback_dates("Встреча в понедельник", "ru").weekdays == {0}  # CLDR: 0 = Monday


def test_places_are_matched_across_languages() -> None:
    vi = signals.fallback_places(VI, "vi")
    en = signals.fallback_places(EN, "en")
    assert vi & en
    assert {c for _, c in vi} == {"VN"}
    assert {c for _, c in signals.fallback_places("中国和美国的谈判", "zh")} == {"CN", "US"}
    assert not (vi & signals.fallback_places(OTHER, "id"))


def test_sources_fall_back_to_what_this_module_ships() -> None:
    assert signals.available_source("dates") in signals.DATE_SOURCES
    assert signals.available_source("places") in signals.PLACE_SOURCES


def test_quantities_are_read_in_any_script_and_format() -> None:
    arabic_digits = signals.quantities("قتل ٢٥ شخصا في عام ٢٠٢٠")
    assert {"25", "2020"} <= arabic_digits
    assert "35000" in signals.quantities("损失3.5万元")
    # 1.5 million, 1,500,000 and 150万 share their significant digits
    million = (
        signals.quantities("1.5 million") & signals.quantities("1,500,000") & signals.quantities("150万")
    )
    assert million == {"15z"}
    assert not signals.quantities("1.6 million") & signals.quantities("1,500,000")


def test_names_are_found_across_scripts_once_romanised() -> None:
    russian = signals.romanise("Путин встретился с Макроном в Париже.", "CYRILLIC")
    english = signals.romanise("Putin met Macron in Paris.", "LATIN")
    assert {"putin", "paris"} <= english.names
    assert "putin" in russian.names and "putin" in english.names & russian.names
    chinese = signals.romanise("习近平在北京会见马克龙。", "CJK")
    assert not chinese.names  # no capitals to tell names by
    assert "beijing" in chinese.letters and "xijinping" in chinese.letters


def test_words_and_virus_names_are_not_places() -> None:
    places = signals.fallback_places("Corona hits New York. Para los vecinos, la vida para.", "es")
    assert {p for p, _ in places} == {"city:5128581"}  # New York, not York (GB), Corona (CA) or Pará
    assert {c for _, c in signals.fallback_places("كورونا في القاهرة", "ar")} == {"EG"}
    assert {c for _, c in signals.fallback_places("Talks in London ended.", "en")} == {"GB"}
