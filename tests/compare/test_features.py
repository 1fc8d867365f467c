"""Pair features on handmade pairs, with a stand-in encoder (no model is loaded here)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pytest

from newsloom.compare import signals
from newsloom.compare.features import PreparedText, feature_names, pair_features, prepare_texts
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
    assert tuple(pair_features(prepared["vi"], prepared["en"], center)) == feature_names()
    assert "ccos_whole" not in pair_features(prepared["vi"], prepared["en"])


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
