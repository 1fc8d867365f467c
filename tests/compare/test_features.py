"""Pair features on handmade pairs, with a stand-in encoder (no model is loaded here)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pytest

from newsloom.compare import signals
from newsloom.compare.features import (
    LanguageCenter,
    PreparedText,
    feature_names,
    language_centers,
    languages_known,
    pair_features,
    pair_key,
    pair_spreads,
    prepare_texts,
)
from newsloom.compare.parts import TextParts
from newsloom.stories.embed import normalise_rows

VI = (
    "Phó Thủ tướng Bùi Thanh Sơn tiếp Giám đốc điều hành UNODC Ghada Waly\n"
    "Chiều 21/10/2025, tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn đã tiếp bà Ghada Waly. "
    "Hai bên trao đổi về hợp tác phòng chống ma túy và tội phạm xuyên quốc gia."
)
EN = (
    "Deputy PM Bui Thanh Son receives UNODC chief Ghada Waly\n"
    "On 21 October 2025 in Hanoi, Deputy Prime Minister Bui Thanh Son received Ghada Waly. "
    "The two sides discussed cooperation against drugs and transnational crime."
)
ID_OTHER = (
    "Harga cabai di Surabaya melonjak\n"
    "Harga cabai rawit di pasar Keputran, Surabaya, naik 40 persen pada Maret 2023. "
    "Pedagang menyebut pasokan dari Kediri berkurang karena hujan."
)


class NameBagEncoder:
    """Vectors from hashed folded capitalised words: texts naming the same people and places align."""

    name = "name-bag"
    dim = 64

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.full((len(texts), self.dim), 0.05, dtype=np.float32)
        for i, text in enumerate(texts):
            for token in signals.name_tokens(text):
                rows[i, hashlib.md5(token.encode()).digest()[0] % self.dim] += 1.0
        return normalise_rows(rows)


@pytest.fixture(scope="module")
def prepared() -> dict[str, PreparedText]:
    items = prepare_texts([VI, EN, ID_OTHER], ["vi", "en", "id"], NameBagEncoder())
    return dict(zip(("vi", "en", "id"), items, strict=True))


def test_features_have_the_published_names_in_order(prepared: dict[str, PreparedText]) -> None:
    center = np.zeros(64, dtype=np.float32)
    languages = {"vi": LanguageCenter(center, center)}
    assert tuple(pair_features(prepared["vi"], prepared["en"], center, languages)) == feature_names()
    assert "ccos_whole" not in pair_features(prepared["vi"], prepared["en"])
    assert "lcos_whole" not in pair_features(prepared["vi"], prepared["en"], center)


def test_features_are_symmetric(prepared: dict[str, PreparedText]) -> None:
    ab = pair_features(prepared["vi"], prepared["en"])
    ba = pair_features(prepared["en"], prepared["vi"])
    assert ab == pytest.approx(ba)


def test_same_event_in_two_languages_overlaps_more_than_unrelated_events(
    prepared: dict[str, PreparedText],
) -> None:
    same = pair_features(prepared["vi"], prepared["en"])
    other = pair_features(prepared["vi"], prepared["id"])
    for name in (
        "names_jaccard",
        "days_jaccard",
        "years_jaccard",
        "places_jaccard",
        "cos_whole",
        "align_mean",
    ):
        assert same[name] > other[name], name
    assert same["same_language"] == 0.0 and same["same_script"] == 1.0


def test_a_text_against_itself_is_as_similar_as_can_be(prepared: dict[str, PreparedText]) -> None:
    own = pair_features(prepared["en"], prepared["en"])
    assert own["cos_whole"] == pytest.approx(1.0, abs=1e-5)
    assert own["align_min"] == pytest.approx(1.0, abs=1e-5)
    assert own["names_jaccard"] == 1.0 and own["ngrams_cosine"] == pytest.approx(1.0)


def _text(language: str, vectors: np.ndarray) -> PreparedText:
    """A prepared text whose whole, title and segment vectors are given (rows normalised here)."""
    rows = normalise_rows(vectors)
    whole = normalise_rows(rows.mean(axis=0, keepdims=True))[0]
    dates = signals.DateSignals(frozenset(), frozenset(), frozenset(), frozenset())
    parts = TextParts(text="x", language=language, title="x", segments=("x",) * len(rows))
    return PreparedText(
        parts, whole, rows[0], rows, frozenset(), frozenset(), frozenset(),
        signals.RomanisedText(frozenset(), ""), dates, frozenset(), Counter(), Counter(), "LATIN", (0.0,) * 6,
    )  # fmt: skip


def test_language_means_bring_two_languages_of_one_topic_together() -> None:
    # topics are the first three axes; every German text also carries a strong shared direction
    topics, german = np.eye(6)[:3], 2.0 * np.eye(6)[5]
    de = [_text("de", np.vstack([t + german, t + german])) for t in topics]
    en = [_text("en", np.vstack([t, t])) for t in topics]
    languages = language_centers(de + en, min_texts=3)
    assert set(languages) == {"de", "en"}
    same = pair_features(de[0], en[0], None, languages)
    other = pair_features(de[0], en[1], None, languages)
    # the German direction hides the shared topic from the plain cosine, not from the centred one
    assert same["lcos_whole"] > same["cos_whole"] + 0.3
    assert same["lalign_mean"] > same["align_mean"] + 0.3
    assert same["lcos_whole"] > other["lcos_whole"] + 0.5
    # a language without a mean of its own: both texts lose the same corpus mean, not their own
    corpus = np.full(6, 0.1, dtype=np.float32)
    french = _text("fr", np.vstack([topics[0] + np.eye(6)[4]]))
    lone = pair_features(french, en[0], corpus, languages)
    expected = normalise_rows(np.vstack([french.whole - corpus, en[0].whole - corpus]))
    assert lone["lcos_whole"] == pytest.approx(float(expected[0] @ expected[1]), abs=1e-5)
    segment = (languages["de"].segment + languages["en"].segment) / 2
    aligned = normalise_rows(np.vstack([french.segments - segment, en[0].segments - segment]))
    assert lone["lalign_max"] == pytest.approx(float((aligned[:1] @ aligned[1:].T).max()), abs=1e-5)


def test_language_means_need_enough_texts() -> None:
    texts = [_text("de", np.eye(4)[:1]), _text("de", np.eye(4)[1:2]), _text("en", np.eye(4)[2:3])]
    assert set(language_centers(texts, min_texts=2)) == {"de"}
    assert language_centers(texts, min_texts=2)["de"].whole == pytest.approx(
        (texts[0].whole + texts[1].whole) / 2
    )


def test_one_shared_sentence_shows_in_the_top_alignments_more_than_in_the_mean() -> None:
    axes = np.eye(8)
    # a and b share their first sentence only; c shares nothing with a
    a = _text("en", axes[[0, 1, 2, 3]])
    b = _text("en", axes[[0, 4, 5, 6]])
    c = _text("en", axes[[7, 4, 5, 6]])
    shared, unrelated = pair_features(a, b), pair_features(a, c)
    assert shared["cos_lead"] == pytest.approx(1.0) and unrelated["cos_lead"] == pytest.approx(0.0)
    assert shared["align_top3_dir"] > shared["align_mean"]
    assert shared["align_top3_dir"] > unrelated["align_top3_dir"]
    assert shared["segments_gap"] == 0.0
    assert pair_features(a, _text("en", axes[[0, 1]]))["segments_gap"] == pytest.approx(np.log(2))


def test_languages_known_needs_a_centre_for_both_texts() -> None:
    texts = [_text("de", np.eye(4)[i : i + 1]) for i in range(2)] + [_text("en", np.eye(4)[2:3])]
    languages = language_centers(texts, min_texts=2)
    assert languages_known(texts[0], texts[1], languages)
    assert not languages_known(texts[0], texts[2], languages)  # no English centre
    assert not languages_known(texts[0], texts[1], None)


def test_centred_cosines_are_read_against_the_chance_similarity_of_the_two_languages() -> None:
    topics, german = np.eye(8)[:4], 2.0 * np.eye(8)[7]
    de = [_text("de", np.vstack([t + german, t + german])) for t in topics]
    en = [_text("en", np.vstack([t + 0.3 * np.eye(8)[5], t])) for t in topics]
    languages = language_centers(de + en, min_texts=4)
    spreads = pair_spreads(de + en, languages)
    assert set(spreads) == {"de|de", "de|en", "en|en"} and pair_key("en", "de") == "de|en"
    same = pair_features(de[0], en[0], None, languages, spreads)
    other = pair_features(de[0], en[1], None, languages, spreads)
    chance = spreads["de|en"]
    expected = (same["lcos_whole"] - chance.whole_mean) / chance.whole_std
    assert same["lcos_whole_z"] == pytest.approx(expected) and same["lcos_whole_z"] > 1.0
    assert other["lcos_whole_z"] < same["lcos_whole_z"]
    # no spread for the pair of languages (a model trained without them): no score
    assert pair_features(de[0], en[0], None, languages)["lcos_whole_z"] == 0.0


def test_centred_alignment_counts_one_to_one_matches() -> None:
    axes = np.eye(8)
    a, b = _text("en", axes[[0, 1, 2, 3]]), _text("en", axes[[0, 1, 5, 6]])
    languages = {"en": LanguageCenter(np.zeros(8, dtype=np.float32), np.zeros(8, dtype=np.float32))}
    f = pair_features(a, b, None, languages)
    assert f["lalign_mutual"] == pytest.approx(0.5) and f["lalign_share_60"] == pytest.approx(0.5)
    assert f["lalign_lead"] == pytest.approx(1.0)
    assert pair_features(a, a, None, languages)["lalign_mutual"] == pytest.approx(1.0)


def test_romanised_names_match_across_scripts() -> None:
    axes = np.eye(4)
    ru, en, other = (_text(lang, axes[:1]) for lang in ("ru", "en", "en"))
    ru = _with_roman(ru, signals.romanise("Путин встретился с Макроном в Париже.", "CYRILLIC"))
    en = _with_roman(en, signals.romanise("Putin met Macron in Paris.", "LATIN"))
    other = _with_roman(other, signals.romanise("Floods hit Jakarta and Surabaya.", "LATIN"))
    # "putin" both ways; Russian case endings and spelling keep "Макроном" from "Macron"
    assert pair_features(ru, en)["rnames_found"] == pytest.approx(1 / 3)
    assert pair_features(ru, other)["rnames_found"] == 0.0
    assert pair_features(_text("zh", axes[:1]), _text("ar", axes[:1]))["rnames_found"] == -1.0


def _with_roman(text: PreparedText, roman: signals.RomanisedText) -> PreparedText:
    import dataclasses

    return dataclasses.replace(text, romanised=roman)
