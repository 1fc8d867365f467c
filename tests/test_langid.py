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
