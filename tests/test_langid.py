from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.ingest import read_path
from newsloom.langid import detect_language
from newsloom.sentences import split_sentences

SEED_LANGUAGES = {"000": "vi", "001": "en", "002": "vi"}


def test_every_seed_is_identified(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        (article,) = list(read_path(str(path)))
        code, confidence = detect_language(article.text)
        assert code == SEED_LANGUAGES[path.name[:3]], path.name
        assert confidence > 0.9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pagi ini menteri bertemu dengan delegasi dari Vietnam.", "id"),
        ("Kemarin Kapolri menerima kunjungan Sekjen Interpol di Jakarta untuk membahas kerja sama.", "id"),
        (
            "Kerajaan Malaysia menyatakan bahawa polis telah menahan dua suspek semalam kerana kesalahan dadah.",
            "ms",
        ),
        ("Le ministre a rencontré la délégation vietnamienne mardi à Paris.", "fr"),
        ("Thủ tướng Phạm Minh Chính hội kiến Tổng Bí thư Lào.", "vi"),
    ],
)
def test_indonesian_is_not_malay_and_others_are_found(text: str, expected: str) -> None:
    assert detect_language(text)[0] == expected


def test_too_short_to_tell() -> None:
    assert detect_language("OK 12") == (None, 0.0)


def test_sentence_splitting_keeps_abbreviations_and_offsets() -> None:
    text = "Mr. Smith met Dr. Lee in Hanoi. They signed the U.N. convention.\n\nA new paragraph starts here!"
    sentences = split_sentences(text, "en")
    assert [s.text for s in sentences] == [
        "Mr. Smith met Dr. Lee in Hanoi.",
        "They signed the U.N. convention.",
        "A new paragraph starts here!",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_vietnamese_numbers_do_not_split_sentences() -> None:
    text = "Kim ngạch đạt 2,4 tỉ USD, tăng 57%. Hai bên nhất trí hợp tác."
    assert len(split_sentences(text, "vi")) == 2


def test_chinese_and_japanese_full_stops_end_sentences() -> None:
    text = "越南副总理会见了联合国官员。双方同意加强合作！会谈在河内举行。"
    sentences = split_sentences(text, "zh")
    assert [s.text for s in sentences] == [
        "越南副总理会见了联合国官员。",
        "双方同意加强合作！",
        "会谈在河内举行。",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_short_english_lines_full_of_foreign_names_stay_english() -> None:
    # lingua alone calls these Norwegian, Icelandic and Portuguese; their English function words decide
    for text in (
        "Mjøndalen IF is a Norwegian football club from Mjøndalen in Buskerud.",
        "Eyjafjallajökull is a glacier in the south of Iceland.",
        "Paço de Arcos is a parish in the municipality of Oeiras.",
    ):
        assert detect_language(text)[0] == "en", text


def test_function_words_shared_with_other_languages_do_not_make_english() -> None:
    # "is", "in", "an", "of" are Dutch and German words too: half weight, not enough alone
    assert detect_language("Der Minister ist in Berlin an der Universität.")[0] == "de"
    assert detect_language("Het is een dorp in de gemeente, of niet.")[0] == "nl"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # too short for lingua's first pass, or given to a language without a pack: retried among the
        # first-class languages, or placed by letters only Vietnamese writes
        ("Phạm Dũng", "vi"),
        ("Quyên Quyên", "vi"),
        ("Hughie Fury , tay đấm boxing hạng nặng bất ngờ ghé sân tập của Man United", "vi"),
        ("Ảnh : Instagram", "vi"),
        # an unsure English reading yields to Indonesian function words
        ("Marshall Allman lahir di Austin, Texas, putra dari Idanell Brown, dan James Martin Allman.", "id"),
    ],
)
def test_lines_lingua_cannot_place_go_to_a_first_class_pack(text: str, expected: str) -> None:
    assert detect_language(text)[0] == expected


def test_lines_of_other_languages_are_not_pulled_into_a_first_class_pack() -> None:
    from newsloom.lang import FIRST_CLASS

    # letters no first-class language writes ("ł", "ż", "ę") keep a line out of the retry
    assert detect_language("Zapłakany Michael Jordan żegna Kobego Bryanta.")[0] not in FIRST_CLASS
    assert detect_language("Dziękuję bardzo")[0] == "pl"
    # too short, and the first-class retry is not sure: still nobody's
    assert detect_language("Guten Morgen") == (None, 0.0)
    assert detect_language("Москва") == (None, 0.0)
    # a sure or function-word reading stays
    assert detect_language("Der Minister ist in Berlin an der Universität.")[0] == "de"
    assert detect_language("Dan Brown is an American author.")[0] == "en"  # "dan" is half an Indonesian word


def test_the_stage_places_a_line_of_vietnamese_names_too_short_for_the_first_pass() -> None:
    from newsloom.article import Article
    from newsloom.langid import identify_language

    article = identify_language(Article(id="a", path="<t>", text="Phạm Dũng"))
    assert article.language == "vi"
    assert identify_language(Article(id="b", path="<t>", text="OK 12")).language is None
