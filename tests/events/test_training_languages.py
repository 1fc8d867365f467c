"""Language weights and the route choice of the pack-language classifier (round 10; toy vectors, no
encoder): a small language's rows can be made to count as much as English's (the route rule is
tested in test_training_routes.py)."""

from __future__ import annotations

import numpy as np
import pytest

from newsloom.events.training import (
    TrainingSet,
    label_matrix,
    language_cv_scores,
    language_weights,
)


def test_equal_language_weights_give_each_language_the_same_total_and_a_mean_of_one():
    codes = ["en"] * 60 + ["vi"] * 15 + ["id"] * 25
    weights = language_weights(codes, 1.0)
    assert weights.mean() == pytest.approx(1.0)
    totals = {g: weights[np.asarray(codes) == g].sum() for g in ("en", "vi", "id")}
    assert totals["en"] == pytest.approx(totals["vi"]) == pytest.approx(totals["id"])
    assert weights[60] == pytest.approx(4 * weights[0])  # a Vietnamese row weighs 60/15 English rows


def test_sqrt_language_weights_lie_between_none_and_equal():
    codes = ["en"] * 64 + ["vi"] * 16
    flat, half, full = (language_weights(codes, p) for p in (0.0, 0.5, 1.0))
    assert np.allclose(flat, 1.0)
    assert half[-1] / half[0] == pytest.approx(2.0)
    assert full[-1] / full[0] == pytest.approx(4.0)


def _toy() -> tuple[TrainingSet, np.ndarray]:
    """English PROTEST rows mark dimension 0; the few Vietnamese rows sit along dimension 2 and mark
    PROTEST on dimension 1, while their no-event rows are high on dimension 0 (what English reads as
    a protest): English, 10 times as many rows, pulls the shared fit its way."""
    rng = np.random.default_rng(10)
    vectors, labels, codes = [], [], []
    for i in range(300):
        row = rng.normal(0, 0.3, 3)
        protest = i % 2 == 0
        row[0] += 1.0 if protest else 0.0
        vectors.append(row)
        labels.append(frozenset({"PROTEST"}) if protest else frozenset())
        codes.append("en")
    for i in range(30):
        row = rng.normal(0, 0.3, 3)
        protest = i % 2 == 0
        row[2] += 1.0
        row[1] += 1.0 if protest else 0.0
        row[0] += 0.0 if protest else 1.0
        vectors.append(row)
        labels.append(frozenset({"PROTEST"}) if protest else frozenset())
        codes.append("vi")
    return TrainingSet(np.asarray(vectors, dtype=np.float32), label_matrix(labels), tuple(codes)), np.asarray(
        codes
    )


def test_equal_language_weights_lift_the_small_language_on_cross_validation():
    data, codes = _toy()
    plain = language_cv_scores(data, 1.0)
    weighted = language_cv_scores(
        TrainingSet(data.vectors, data.labels, data.languages, language_weights(codes, 1.0)), 1.0
    )
    assert set(plain) == {"en", "vi"}
    assert weighted["vi"] > plain["vi"] + 0.05, (plain, weighted)
    only_vi = language_cv_scores(data, 1.0, scored=codes == "vi")
    assert set(only_vi) == {"vi"}


def test_language_cv_scores_need_the_rows_languages():
    data, _ = _toy()
    with pytest.raises(ValueError, match="language"):
        language_cv_scores(TrainingSet(data.vectors, data.labels), 1.0)
