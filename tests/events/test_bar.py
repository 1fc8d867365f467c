"""The bar the sentence gate's and the prefilter's training scripts choose for a wanted recall."""

from __future__ import annotations

import numpy as np

from newsloom.events.training import bar_for


def test_the_bar_is_the_highest_score_that_keeps_the_recall() -> None:
    scores = np.array([0.1, 0.2, 0.3, 0.4, 0.9])
    positive = np.array([False, True, False, True, True])
    assert bar_for(scores, positive, 0.9) == 0.2  # all three positives kept
    assert bar_for(scores, positive, 0.6) == 0.4  # two of three
    assert float(np.mean(scores[positive] >= bar_for(scores, positive, 0.6))) >= 0.6


def test_no_positive_keeps_nothing() -> None:
    assert bar_for(np.array([0.5, 0.7]), np.array([False, False]), 0.9) == 1.0
