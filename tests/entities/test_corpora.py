"""Reading CoNLL-column NER files and splitting them (newsloom/entities/corpora.py)."""

from __future__ import annotations

import pytest

from newsloom.entities import corpora
from newsloom.entities.corpora import Sentence, parse_conll, spans_from_tags, split_of


def test_bio_tags_become_spans_with_our_labels() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "B-PLACE", "B-ORGANISATION", "I-ORGANISATION"]
    assert spans_from_tags(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 6, "ORG")]


def test_tags_outside_our_types_are_dropped_and_an_orphan_inside_tag_opens_a_span() -> None:
    assert spans_from_tags(["B-MISC", "I-MISC", "I-LOC", "I-LOC", "B-DATE"]) == [(2, 4, "LOC")]
    assert spans_from_tags(["B-PER", "I-ORG"]) == [(0, 1, "PER"), (1, 2, "ORG")]


def test_parse_conll_reads_first_and_last_columns_and_skips_docstart() -> None:
    text = "-DOCSTART- -X- O\n\nBudi PROPN B-PER\nke ADP O\nBandung PROPN B-LOC\n\nYa X O\n"
    sentences = list(parse_conll(text))
    assert [s.words for s in sentences] == [("Budi", "ke", "Bandung"), ("Ya",)]
    assert sentences[0].spans == ((0, 1, "PER"), (2, 3, "LOC"))


def test_char_spans_point_into_the_joined_text() -> None:
    sentence = Sentence(("Bộ", "Y", "tế", "họp", "ở", "Hà", "Nội"), ((0, 3, "ORG"), (5, 7, "LOC")))
    assert [sentence.text[a:b] for a, b, _ in sentence.char_spans()] == ["Bộ Y tế", "Hà Nội"]


def test_split_is_stable_and_near_the_stated_shares() -> None:
    sentences = [Sentence((f"w{n}", "x"), ()) for n in range(4000)]
    splits = [split_of(s) for s in sentences]
    assert splits == [split_of(s) for s in sentences]
    heldout = splits.count("heldout") / len(splits) * 100
    dev = splits.count("dev") / len(splits) * 100
    assert abs(heldout - corpora.HELDOUT_PERCENT) < 2
    assert abs(dev - corpora.DEV_PERCENT) < 2


def test_only_training_files_are_listed() -> None:
    for sources in corpora.SOURCES.values():
        for source in sources:
            name = source.path.rsplit("/", 1)[-1].lower()
            assert "train" in name and "test" not in name and "dev" not in name and "valid" not in name


def test_a_missing_snapshot_says_how_to_fetch_it(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpora, "MIRROR", tmp_path)
    with pytest.raises(FileNotFoundError, match="fetch github:"):
        corpora.read_text(corpora.SOURCES["en"][0])
    assert not corpora.available("en")


def test_parse_enamex_keeps_the_outermost_name_of_our_types() -> None:
    text = (
        '< ENAMEX TYPE = " ORGANIZATION " > Ủy ban nhân dân < ENAMEX TYPE = " LOCATION " > tỉnh Quảng Ninh'
        ' < / ENAMEX > < / ENAMEX > gặp < ENAMEX TYPE = " PERSON " > Lê Văn An < / ENAMEX >\n'
        '< ENAMEX TYPE = " MISCELLANEOUS " > Giải < ENAMEX TYPE = " LOCATION " > Việt Nam < / ENAMEX >'
        " < / ENAMEX > mở màn\n"
    )
    first, second = corpora.parse_enamex(text)
    assert first.words[:7] == ("Ủy", "ban", "nhân", "dân", "tỉnh", "Quảng", "Ninh")
    assert first.spans == ((0, 7, "ORG"), (8, 11, "PER"))
    assert second.spans == ((1, 3, "LOC"),)  # inside a kind of name we do not use, the place stays


def test_parse_enamex_skips_a_line_whose_tags_do_not_pair() -> None:
    text = '< ENAMEX TYPE = " PERSON " > Lê Văn An gặp bạn\nHà Nội < / ENAMEX > mưa\nTrời đẹp\n'
    assert [s.words for s in corpora.parse_enamex(text)] == [("Trời", "đẹp")]


def test_parse_conll_reads_the_word_from_its_column() -> None:
    text = "0\tAnders\tB-PER\n1\tLindström\tI-PER\n2\tsang\tO\n"
    (sentence,) = parse_conll(text, "\t", word_column=1)
    assert sentence.words == ("Anders", "Lindström", "sang") and sentence.spans == ((0, 2, "PER"),)
