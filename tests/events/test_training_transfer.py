"""The leave-one-language-out transfer score that joins cross-validation in choosing C (toy vectors,
no encoder)."""

from __future__ import annotations

import numpy as np

from newsloom.events.training import TrainingSet, label_matrix, transfer_macro_f1
from newsloom.events.types import PLOVER_TYPES


def _toy(shared: bool) -> TrainingSet:
    """PROTEST sentences and no-event sentences in "en" and "fr"; where ``shared``, both languages
    mark PROTEST on the same dimension, else each language on its own."""
    rng = np.random.default_rng(4)
    vectors, labels, languages = [], [], []
    for language, dim in (("en", 0), ("fr", 0 if shared else 1)):
        for i in range(40):
            row = rng.normal(0, 0.1, 3)
            protest = i % 2 == 0
            row[dim] += 1.0 if protest else 0.0
            vectors.append(row)
            labels.append(frozenset({"PROTEST"}) if protest else frozenset())
            languages.append(language)
    return TrainingSet(np.asarray(vectors, dtype=np.float32), label_matrix(labels), tuple(languages))


def test_transfer_is_high_when_languages_share_the_signal_and_low_when_not():
    thresholds = np.full(len(PLOVER_TYPES), 0.5, dtype=np.float32)
    shared = transfer_macro_f1(_toy(shared=True), 16.0, (1.0, 0.0), thresholds)
    apart = transfer_macro_f1(_toy(shared=False), 16.0, (1.0, 0.0), thresholds)
    assert list(shared) == list(apart) == ["fr"]  # English is the base, never scored alone
    assert shared["fr"] > 0.9
    assert apart["fr"] < 0.7


def test_calibration_rows_add_each_non_english_rows_transfer_scores():
    from newsloom.events import training

    data = _toy(shared=True)
    logits = np.zeros(data.labels.shape, dtype=np.float32)
    moved = training.transfer_logits(data, 16.0)
    assert np.isnan(moved[:40]).all() and not np.isnan(moved[40:]).any()  # English rows are the base
    rows, truth = training._calibration_rows(data, logits, moved)
    assert rows.shape[0] == 80 + 40 and truth.shape == rows.shape
    assert np.array_equal(rows[80:], moved[40:]) and np.array_equal(truth[80:], data.labels[40:])
