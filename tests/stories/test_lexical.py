"""Rare words two reports share: the TF-IDF cosine over a window of reports."""

from __future__ import annotations

import numpy as np

from newsloom.stories.lexical import tfidf_cosines, word_counts


def test_words_of_three_letters_or_more_are_counted_lower_cased() -> None:
    assert word_counts("Police said Police in Dayton, OH at 10 pm") == {"police": 2, "said": 1, "dayton": 1}


def test_rare_shared_words_tie_two_texts_and_words_every_text_uses_weigh_nothing() -> None:
    texts = [
        "Police said Marcus Whitfield was shot on Elmwood Avenue",
        "Marcus Whitfield died after the shooting on Elmwood Avenue, police said",
        "Police said a woman was shot on Jefferson Street",
        "Police said two men were shot outside a bar",
    ]
    cosines = tfidf_cosines(texts)
    assert cosines.shape == (4, 4) and np.allclose(cosines, cosines.T)
    assert np.all(np.diag(cosines) == 0.0)
    assert cosines[0, 1] > 0.5  # the victim's name and the street
    assert cosines[2, 3] < cosines[0, 1] / 2  # only "shot" and "said"-like words in common
    assert tfidf_cosines(["police said", "police said"])[0, 1] == 0.0  # in every text: no weight


def test_fewer_than_two_texts_give_an_empty_or_zero_matrix() -> None:
    assert tfidf_cosines([]).shape == (0, 0)
    assert tfidf_cosines(["one text alone"]).tolist() == [[0.0]]
